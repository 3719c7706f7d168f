/* nyl-json-scan.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * NylJsonSpan:
 * @offset: where the value starts, in bytes from the start of the document
 * @length: its length in bytes, without surrounding whitespace
 *
 * The bytes of one JSON value inside a document.
 */
typedef struct
{
  gsize offset;
  gsize length;
} NylJsonSpan;

/**
 * NylJsonPage:
 * @items: (element-type NylJsonSpan) (nullable): the list items (`data` as an
 *   array, or `data.items`), %NULL when the document holds no list
 * @next_cursor: (nullable): `next_cursor` (top level, else `data.next_cursor`),
 *   %NULL when absent, null or empty
 * @request_id: (nullable): `request_id`, %NULL when absent, null or empty
 * @limit: `limit`, or -1 when absent
 * @offset: `offset`, or -1 when absent
 *
 * What nyl_json_scan_page() found in a list page.
 */
typedef struct
{
  GArray *items;
  char   *next_cursor;
  char   *request_id;
  gint64  limit;
  gint64  offset;
} NylJsonPage;

gboolean nyl_json_scan_page  (const char   *data,
                              gsize         length,
                              NylJsonPage  *page,
                              GError      **error);
void     nyl_json_page_clear (NylJsonPage  *page);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NylJsonPage, nyl_json_page_clear)

G_END_DECLS
