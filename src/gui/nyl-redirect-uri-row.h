/* nyl-redirect-uri-row.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nyl-redirect-uri.h"

G_BEGIN_DECLS

#define NYL_TYPE_REDIRECT_URI_ROW (nyl_redirect_uri_row_get_type ())

/* A redirect URI in the list: its URL, platform and settings, with buttons
 * for the page's "redirect-uris.edit" and "redirect-uris.delete" actions. */
G_DECLARE_FINAL_TYPE (NylRedirectUriRow, nyl_redirect_uri_row, NYL, REDIRECT_URI_ROW, AdwActionRow)

GtkWidget      *nyl_redirect_uri_row_new     (NylRedirectUri    *uri);
NylRedirectUri *nyl_redirect_uri_row_get_uri (NylRedirectUriRow *self);
void            nyl_redirect_uri_row_set_uri (NylRedirectUriRow *self,
                                              NylRedirectUri    *uri);
char           *nyl_redirect_uri_describe    (NylRedirectUri    *uri) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
