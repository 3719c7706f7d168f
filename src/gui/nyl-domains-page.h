/* nyl-domains-page.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nyl-profile-store.h"
#include "nyl-session.h"

G_BEGIN_DECLS

#define NYL_TYPE_DOMAINS_PAGE (nyl_domains_page_get_type ())

/* The Domains section: the organization's sending domains with how many DNS records are verified;
 * register one, open one (records, verify, delete). Without a Service Account it explains what
 * one is and how to import it. Actions: "domains.register", "domains.refresh",
 * "domains.open" (domain ID). */
G_DECLARE_FINAL_TYPE (NylDomainsPage, nyl_domains_page, NYL, DOMAINS_PAGE, GtkWidget)

GtkWidget       *nyl_domains_page_new               (void);
NylSession      *nyl_domains_page_get_session       (NylDomainsPage  *self);
void             nyl_domains_page_set_session       (NylDomainsPage  *self,
                                                     NylSession      *session);
NylProfileStore *nyl_domains_page_get_profile_store (NylDomainsPage  *self);
void             nyl_domains_page_set_profile_store (NylDomainsPage  *self,
                                                     NylProfileStore *store);
void             nyl_domains_page_reload            (NylDomainsPage  *self);
gboolean         nyl_domains_page_get_loading       (NylDomainsPage  *self);
/* "none", "no-service-account" or "domains". */
const char      *nyl_domains_page_get_mode          (NylDomainsPage  *self);
/* NylDomain items. */
GListModel      *nyl_domains_page_get_domains       (NylDomainsPage  *self);

G_END_DECLS
