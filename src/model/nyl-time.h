/* nyl-time.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* ISO 8601 date or date-time (UTC if no offset), or Unix seconds → Unix seconds. Errors are
 * NYL_API_ERROR_INVALID_REQUEST with a translatable message naming the input. */
gboolean nyl_time_parse      (const char  *text,
                              gint64      *unix_seconds,
                              GError     **error);
/* "30m", "24h", "7d" (also "90s", "2w") → seconds. */
gboolean nyl_duration_parse  (const char  *text,
                              gint64      *seconds,
                              GError     **error);
/* "2026-11-22T14:00:00Z" */
char    *nyl_time_format_iso (gint64       unix_seconds) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
