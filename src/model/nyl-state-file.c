/* nyl-state-file.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-state-file"

#include "config.h"

#include "nyl-state-file.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "nyl-api-error.h"

/*
 * The small JSON files the app keeps for itself (profiles, key labels, sent
 * notifications) share one shape, `{ "version": N, … }`, and one way of being
 * read and written: a file from a newer format is never overwritten, a damaged
 * one may be set aside, and a save replaces the file atomically, readable by
 * the user only.
 */

/**
 * nyl_state_file_load:
 * @path: the file
 * @max_version: the newest format version this build understands
 * @object: (out) (transfer full) (optional): the file's object, when read
 * @error: return location for a #GError
 *
 * Reads @path as a JSON object with an integer "version" member from 1 to
 * @max_version. When it is not %NYL_STATE_FILE_READ or
 * %NYL_STATE_FILE_MISSING, @error says why: the #GFileError for
 * %NYL_STATE_FILE_UNREADABLE, a %NYL_API_ERROR_PARSE otherwise.
 *
 * Returns: what was found
 */
NylStateFileStatus
nyl_state_file_load (const char  *path,
                     gint64       max_version,
                     JsonObject **object,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  JsonObject *root;
  JsonNode *member;
  gint64 version;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NYL_STATE_FILE_UNREADABLE);

  if (object != NULL)
    *object = NULL;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return NYL_STATE_FILE_MISSING;

      g_propagate_error (error, g_steal_pointer (&local_error));
      return NYL_STATE_FILE_UNREADABLE;
    }

  if (length > G_MAXSSIZE ||
      !json_parser_load_from_data (parser, contents, (gssize)length, &local_error))
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE, _("it is not valid JSON (%s)"),
                   local_error ? local_error->message : "too large");
      return NYL_STATE_FILE_DAMAGED;
    }

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                           _("it is not a JSON object"));
      return NYL_STATE_FILE_DAMAGED;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  member = json_object_get_member (root, "version");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_INT64 || json_node_get_int (member) < 1)
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                           _("it has no valid format version"));
      return NYL_STATE_FILE_DAMAGED;
    }

  version = json_node_get_int (member);
  if (version > max_version)
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                   _("it has format version %" G_GINT64_FORMAT ", from a newer Nylas Manager"),
                   version);
      return NYL_STATE_FILE_TOO_NEW;
    }

  if (object != NULL)
    *object = json_object_ref (root);

  return NYL_STATE_FILE_READ;
}

/**
 * nyl_state_file_save:
 * @path: the file
 * @root: what to write
 * @error: return location for a #GError
 *
 * Writes @root to @path, indented: to a temporary file, synced, then
 * renamed over the old one, with mode 0600 (its directory 0700).
 *
 * Returns: %TRUE when saved
 */
gboolean
nyl_state_file_save (const char  *path,
                     JsonNode    *root,
                     GError     **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;
  g_autofree char *dir = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (root != NULL, FALSE);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, &length);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  return g_file_set_contents_full (path, data, (gssize)length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/**
 * nyl_state_file_set_aside:
 * @path: a damaged file
 * @error: return location for a #GError; its message is only the system's
 *   reason, for the caller to prefix with g_prefix_error()
 *
 * Moves @path out of the way, keeping it for the user to look at, as
 * `<path>.corrupt-<UTC timestamp>` (with `-2`, `-3`… when that is taken).
 *
 * Returns: (transfer full) (nullable): where the file now is
 */
char *
nyl_state_file_set_aside (const char  *path,
                          GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *target = g_strdup_printf ("%s.corrupt-%s", path, stamp);

  for (guint n = 2; g_file_test (target, G_FILE_TEST_EXISTS); n++)
    {
      g_free (target);
      target = g_strdup_printf ("%s.corrupt-%s-%u", path, stamp, n);
    }

  if (g_rename (path, target) != 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return NULL;
    }

  return g_steal_pointer (&target);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/**
 * nyl_state_file_sorted_keys:
 * @table: a #GHashTable with string keys
 *
 * The keys of @table, sorted, so a file written from it does not churn
 * between saves.
 *
 * Returns: (transfer container): the keys, owned by @table
 */
GPtrArray *
nyl_state_file_sorted_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);

  return keys;
}
