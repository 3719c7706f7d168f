/* nyl-domain-dialog.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nyl-domain.h"
#include "nyl-session.h"

G_BEGIN_DECLS

#define NYL_TYPE_DOMAIN_DIALOG (nyl_domain_dialog_get_type ())

/* Registers a domain (name and address), then, or for an existing one, shows each DNS record to
 * add (ownership, MX, SPF, feedback, DKIM, DMARC, ARC) with copy buttons, verifies each record
 * type, and deletes the domain. */
G_DECLARE_FINAL_TYPE (NylDomainDialog, nyl_domain_dialog, NYL, DOMAIN_DIALOG, AdwWindow)

GtkWidget  *nyl_domain_dialog_new_register    (GtkWindow       *parent,
                                               NylSession      *session);
GtkWidget  *nyl_domain_dialog_new_details     (GtkWindow       *parent,
                                               NylSession      *session,
                                               NylDomain       *domain);
NylDomain  *nyl_domain_dialog_get_domain      (NylDomainDialog *self);
gboolean    nyl_domain_dialog_get_busy        (NylDomainDialog *self);
const char *nyl_domain_dialog_get_error_text  (NylDomainDialog *self);

void        nyl_domain_dialog_set_name        (NylDomainDialog *self,
                                               const char      *name);
void        nyl_domain_dialog_set_address     (NylDomainDialog *self,
                                               const char      *address);
/* The Register button. */
void        nyl_domain_dialog_register        (NylDomainDialog *self);

/* @type: "ownership", "mx", "spf", "feedback", "dkim", "dmarc" or "arc". */
void        nyl_domain_dialog_show_record     (NylDomainDialog *self,
                                               const char      *type);
void        nyl_domain_dialog_verify          (NylDomainDialog *self,
                                               const char      *type);
/* "host TYPE value" once fetched, or NULL. */
const char *nyl_domain_dialog_get_record      (NylDomainDialog *self,
                                               const char      *type);
/* What the row of @type says about its verification. */
const char *nyl_domain_dialog_get_status_text (NylDomainDialog *self,
                                               const char      *type);

G_END_DECLS
