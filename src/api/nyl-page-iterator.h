/* nyl-page-iterator.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nyl-client.h"
#include "nyl-response.h"

G_BEGIN_DECLS

/**
 * NylPageStyle:
 * @NYL_PAGE_STYLE_CURSOR: `limit` and `page_token`, copied from the previous
 *   page's `next_cursor` (most lists)
 * @NYL_PAGE_STYLE_OFFSET: `limit` and `offset` (grants, connectors, connector
 *   credentials); a `next_cursor`, when the server sends one, is followed too
 *
 * How a list endpoint pages (nylas-api.md §1.6).
 */
typedef enum
{
  NYL_PAGE_STYLE_CURSOR,
  NYL_PAGE_STYLE_OFFSET,
} NylPageStyle;

/* The largest page Nylas serves. */
#define NYL_PAGE_MAX_LIMIT 200

#define NYL_TYPE_PAGE_ITERATOR (nyl_page_iterator_get_type ())

G_DECLARE_FINAL_TYPE (NylPageIterator, nyl_page_iterator, NYL, PAGE_ITERATOR, GObject)

NylPageIterator *nyl_page_iterator_new                 (NylClient           *client,
                                                        const char          *path,
                                                        const char * const  *query,
                                                        NylClientAuth        auth,
                                                        NylPageStyle         style,
                                                        guint                limit);
guint            nyl_page_iterator_get_limit           (NylPageIterator     *self);
gboolean         nyl_page_iterator_get_done            (NylPageIterator     *self);
guint            nyl_page_iterator_get_n_pages         (NylPageIterator     *self);
const char      *nyl_page_iterator_get_last_request_id (NylPageIterator     *self);
void             nyl_page_iterator_next_async          (NylPageIterator     *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
NylResponse     *nyl_page_iterator_next_finish         (NylPageIterator     *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

G_END_DECLS
