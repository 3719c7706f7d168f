/* nyl-secret-dialog.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nyl-api-key.h"

G_BEGIN_DECLS

#define NYL_TYPE_SECRET_DIALOG (nyl_secret_dialog_get_type ())

/* Shows a new API key's secret, once, with a copy button and whether it is stored in the keyring.
 * When storing failed, the dialog says so and cannot be closed until the secret was copied or
 * explicitly discarded. Closing wipes the secret from the key and the screen. */
G_DECLARE_FINAL_TYPE (NylSecretDialog, nyl_secret_dialog, NYL, SECRET_DIALOG, AdwWindow)

GtkWidget  *nyl_secret_dialog_new           (GtkWindow       *parent,
                                             NylApiKey       *key,
                                             const char      *profile_id,
                                             gboolean         stored,
                                             const GError    *store_error);
NylApiKey  *nyl_secret_dialog_get_key       (NylSecretDialog *self);
gboolean    nyl_secret_dialog_get_stored    (NylSecretDialog *self);
gboolean    nyl_secret_dialog_get_copied    (NylSecretDialog *self);
gboolean    nyl_secret_dialog_get_discarded (NylSecretDialog *self);
/* Whether closing is allowed now: stored, copied or discarded. */
gboolean    nyl_secret_dialog_get_can_close (NylSecretDialog *self);
/* What the keyring status line says. */
const char *nyl_secret_dialog_get_status_text (NylSecretDialog *self);

G_END_DECLS
