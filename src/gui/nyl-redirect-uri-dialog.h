/* nyl-redirect-uri-dialog.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nyl-redirect-uri.h"
#include "nyl-session.h"

G_BEGIN_DECLS

#define NYL_TYPE_REDIRECT_URI_DIALOG (nyl_redirect_uri_dialog_get_type ())

/* Adds or edits one redirect URI: URL, platform and the platform's own
 * settings, checked before anything is sent (https except localhost, the
 * required settings, no duplicate of @existing). Emits "saved" with what
 * the server answered, then closes. */
G_DECLARE_FINAL_TYPE (NylRedirectUriDialog, nyl_redirect_uri_dialog,
                      NYL, REDIRECT_URI_DIALOG, AdwWindow)

NylRedirectUriDialog *nyl_redirect_uri_dialog_new       (NylSession           *session,
                                                         GListModel           *existing,
                                                         NylRedirectUri       *uri);
NylRedirectUri       *nyl_redirect_uri_dialog_get_uri   (NylRedirectUriDialog *self);
/* Fills the form as a person would; then nyl_redirect_uri_dialog_save(). */
void                  nyl_redirect_uri_dialog_set_field (NylRedirectUriDialog *self,
                                                         const char           *field,
                                                         const char           *value);
/* Checks the form and, when it is fine, sends it. Returns FALSE when a field
 * was refused (its error is shown next to it). */
gboolean              nyl_redirect_uri_dialog_save      (NylRedirectUriDialog *self);
/* The error shown next to @field ("url", "platform", "origin", "bundle-id", "app-store-id",
 * "team-id", "package-name", "fingerprint"), NULL when none. */
const char           *nyl_redirect_uri_dialog_get_error (NylRedirectUriDialog *self,
                                                         const char           *field);

G_END_DECLS
