/* nyl-state-file.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * NylStateFileStatus:
 * @NYL_STATE_FILE_READ: the file was read; its object is returned
 * @NYL_STATE_FILE_MISSING: there is no file
 * @NYL_STATE_FILE_UNREADABLE: the file could not be read (a #GFileError):
 *   leave it alone
 * @NYL_STATE_FILE_TOO_NEW: the file has a newer format version: leave it alone
 * @NYL_STATE_FILE_DAMAGED: the file is not a versioned JSON object
 *
 * What nyl_state_file_load() found.
 */
typedef enum
{
  NYL_STATE_FILE_READ,
  NYL_STATE_FILE_MISSING,
  NYL_STATE_FILE_UNREADABLE,
  NYL_STATE_FILE_TOO_NEW,
  NYL_STATE_FILE_DAMAGED,
} NylStateFileStatus;

NylStateFileStatus nyl_state_file_load       (const char   *path,
                                              gint64        max_version,
                                              JsonObject  **object,
                                              GError      **error);
gboolean           nyl_state_file_save       (const char   *path,
                                              JsonNode     *root,
                                              GError      **error);
char              *nyl_state_file_set_aside  (const char   *path,
                                              GError      **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray         *nyl_state_file_sorted_keys (GHashTable  *table);

G_END_DECLS
