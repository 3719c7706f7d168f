/* nyl-redirect-uris-page.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nyl-session.h"

G_BEGIN_DECLS

#define NYL_TYPE_REDIRECT_URIS_PAGE (nyl_redirect_uris_page_get_type ())

/* The application's redirect URIs: list, add and edit (in a
 * NylRedirectUriDialog), delete with undo. Actions: redirect-uris.add,
 * .edit(s id), .delete(s id), .refresh. */
G_DECLARE_FINAL_TYPE (NylRedirectUrisPage, nyl_redirect_uris_page,
                      NYL, REDIRECT_URIS_PAGE, GtkWidget)

GtkWidget  *nyl_redirect_uris_page_new         (void);
NylSession *nyl_redirect_uris_page_get_session (NylRedirectUrisPage *self);
void        nyl_redirect_uris_page_set_session (NylRedirectUrisPage *self,
                                                NylSession          *session);
/* (transfer none): the redirect URIs shown (NylRedirectUri). */
GListModel *nyl_redirect_uris_page_get_model   (NylRedirectUrisPage *self);
gboolean    nyl_redirect_uris_page_get_loading (NylRedirectUrisPage *self);
void        nyl_redirect_uris_page_reload      (NylRedirectUrisPage *self);

G_END_DECLS
