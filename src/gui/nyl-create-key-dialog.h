/* nyl-create-key-dialog.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nyl-key-labels.h"
#include "nyl-session.h"

G_BEGIN_DECLS

/* Longest lifetime a production key should have, in days (seed 000). */
#define NYL_CREATE_KEY_WARN_DAYS 365
/* Longest lifetime accepted at all, in days. */
#define NYL_CREATE_KEY_MAX_DAYS  3650

#define NYL_TYPE_CREATE_KEY_DIALOG (nyl_create_key_dialog_get_type ())

/* Creates an API key: a name, a local label, an expiry from presets (30, 90, 180, 365 days) or a
 * custom date (sent as days), a warning before a production key that lives more than a year.
 * On success it closes and shows the secret once (NylSecretDialog), and emits "created". */
G_DECLARE_FINAL_TYPE (NylCreateKeyDialog, nyl_create_key_dialog, NYL, CREATE_KEY_DIALOG, AdwWindow)

GtkWidget  *nyl_create_key_dialog_new                 (GtkWindow          *parent,
                                                       NylSession         *session,
                                                       NylKeyLabels       *labels,
                                                       gint64              now);
void        nyl_create_key_dialog_set_name            (NylCreateKeyDialog *self,
                                                       const char         *name);
void        nyl_create_key_dialog_set_label           (NylCreateKeyDialog *self,
                                                       const char         *label);
/* One of the presets: 30, 90, 180 or 365. */
void        nyl_create_key_dialog_set_preset_days     (NylCreateKeyDialog *self,
                                                       guint               days);
/* A custom expiry date (the key lives through that local day). */
void        nyl_create_key_dialog_set_custom_date     (NylCreateKeyDialog *self,
                                                       GDateTime          *date);
guint       nyl_create_key_dialog_get_expires_in_days (NylCreateKeyDialog *self);
/* Whether creating asks first: production application and more than a year. */
gboolean    nyl_create_key_dialog_get_needs_warning   (NylCreateKeyDialog *self);
gboolean    nyl_create_key_dialog_get_busy            (NylCreateKeyDialog *self);
/* What is wrong with the form or the last attempt, or NULL. */
const char *nyl_create_key_dialog_get_error_text      (NylCreateKeyDialog *self);
/* The Create button: validates, warns when needed, creates. */
void        nyl_create_key_dialog_create              (NylCreateKeyDialog *self);
/* The secret dialog shown after the key was created, or NULL. */
GtkWidget  *nyl_create_key_dialog_get_secret_dialog   (NylCreateKeyDialog *self);

G_END_DECLS
