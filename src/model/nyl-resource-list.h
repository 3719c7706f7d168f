/* nyl-resource-list.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nyl-session.h"

G_BEGIN_DECLS

#define NYL_TYPE_RESOURCE_LIST (nyl_resource_list_get_type ())

/* Implements GListModel (items: @type). Items are appended with one items-changed per page; the
 * first page is requested on construction (idle). Cancelled on dispose. */
G_DECLARE_FINAL_TYPE (NylResourceList, nyl_resource_list, NYL, RESOURCE_LIST, GObject)

/* @query: NULL-terminated key/value pairs
 * (e.g. {"grant_status", "invalid", "provider", "google", NULL}).
 * @page_size: 0 for the default (50), at most NYL_PAGE_MAX_LIMIT. */
NylResourceList *nyl_resource_list_new             (NylSession           *session,
                                                    GType                 type,
                                                    const char           *parent,
                                                    const char * const   *query,
                                                    guint                 page_size);
/* Next page, if not loading and not complete. */
void             nyl_resource_list_load_more       (NylResourceList      *self);
/* Drop everything, load the first page. */
void             nyl_resource_list_reload          (NylResourceList      *self);
void             nyl_resource_list_load_all_async  (NylResourceList      *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean         nyl_resource_list_load_all_finish (NylResourceList      *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
/* Property "loading". */
gboolean         nyl_resource_list_get_loading     (NylResourceList      *self);
/* Property "complete". */
gboolean         nyl_resource_list_get_complete    (NylResourceList      *self);
/* Property "error" (boxed G_TYPE_ERROR), NULL when fine; items already loaded stay. */
const GError    *nyl_resource_list_get_error       (NylResourceList      *self);
GType            nyl_resource_list_get_resource_type (NylResourceList    *self);
NylSession      *nyl_resource_list_get_session     (NylResourceList      *self);

G_END_DECLS
