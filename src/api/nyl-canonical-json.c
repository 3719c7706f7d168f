/* nyl-canonical-json.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-canonical-json"

#include "config.h"

#include "nyl-canonical-json.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nyl-api-error.h"

/* Doubles with an integral value below 2^53 in magnitude are exact integers in every JSON
 * implementation; anything else would be formatted differently by each SDK. */
#define MAX_SAFE_INTEGRAL_DOUBLE 9007199254740992.0

static gboolean append_node (GString  *out,
                             JsonNode *node,
                             GError  **error);

/**
 * nyl_canonical_json_append_string:
 * @out: the string to append to
 * @str: a UTF-8 string
 *
 * Appends @str as a JSON string literal, quotes included, escaped the way
 * `JSON.stringify` does it: `\"`, `\\`, the short forms `\b \t \n \f \r`,
 * other control characters as `\u00xx` in lower case, and everything else
 * (including `/` and non-ASCII) as raw UTF-8.
 */
void
nyl_canonical_json_append_string (GString    *out,
                                  const char *str)
{
  static const char hex[] = "0123456789abcdef";

  g_return_if_fail (out != NULL);
  g_return_if_fail (str != NULL);

  g_string_append_c (out, '"');

  for (const char *p = str; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\r': g_string_append (out, "\\r"); break;
        default:
          if (c < 0x20)
            {
              g_string_append (out, "\\u00");
              g_string_append_c (out, hex[c >> 4]);
              g_string_append_c (out, hex[c & 0xf]);
            }
          else
            {
              g_string_append_c (out, (char) c);
            }
          break;
        }
    }

  g_string_append_c (out, '"');
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  /* Byte order of UTF-8 is code point order, which is what the SDKs use for the
   * (ASCII) Nylas field names. */
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
append_object (GString    *out,
               JsonObject *object,
               GError    **error)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GList *members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    g_ptr_array_add (keys, l->data);
  g_list_free (members);

  g_ptr_array_sort (keys, compare_keys);

  g_string_append_c (out, '{');

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);

      if (i > 0)
        g_string_append_c (out, ',');

      nyl_canonical_json_append_string (out, key);
      g_string_append_c (out, ':');

      if (!append_node (out, json_object_get_member (object, key), error))
        return FALSE;
    }

  g_string_append_c (out, '}');

  return TRUE;
}

static gboolean
append_array (GString   *out,
              JsonArray *array,
              GError   **error)
{
  guint length = json_array_get_length (array);

  g_string_append_c (out, '[');

  for (guint i = 0; i < length; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');

      if (!append_node (out, json_array_get_element (array, i), error))
        return FALSE;
    }

  g_string_append_c (out, ']');

  return TRUE;
}

static gboolean
append_double (GString *out,
               double   value,
               GError **error)
{
  /* NaN fails both comparisons; within ±2^53 the cast to an integer is exact when, and only
   * when, the value is integral. */
  if (!(value > -MAX_SAFE_INTEGRAL_DOUBLE && value < MAX_SAFE_INTEGRAL_DOUBLE) ||
      (double) (gint64) value != value)
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                   _("The request contains a number that is not a whole number (%g), which "
                     "cannot be signed"),
                   value);
      return FALSE;
    }

  /* -0.0 prints as 0, like JSON.stringify */
  g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) value);

  return TRUE;
}

static gboolean
append_value (GString  *out,
              JsonNode *node,
              GError  **error)
{
  GType type = json_node_get_value_type (node);

  if (type == G_TYPE_STRING)
    {
      nyl_canonical_json_append_string (out, json_node_get_string (node));
    }
  else if (type == G_TYPE_INT64)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
    }
  else if (type == G_TYPE_DOUBLE)
    {
      return append_double (out, json_node_get_double (node), error);
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
    }
  else
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                   _("The request contains a value of an unsupported type (%s)"),
                   g_type_name (type));
      return FALSE;
    }

  return TRUE;
}

static gboolean
append_node (GString  *out,
             JsonNode *node,
             GError  **error)
{
  if (node == NULL)
    {
      g_string_append (out, "null");
      return TRUE;
    }

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return append_object (out, json_node_get_object (node), error);

    case JSON_NODE_ARRAY:
      return append_array (out, json_node_get_array (node), error);

    case JSON_NODE_VALUE:
      return append_value (out, node, error);

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/**
 * nyl_canonical_json_from_node:
 * @node: a #JsonNode
 * @error: return location for a #GError
 *
 * Serializes @node canonically (nylas-api.md §4.4): keys sorted by byte value
 * at every level, including objects inside arrays, no whitespace,
 * `JSON.stringify` string escaping, integers in plain decimal. A double is
 * accepted only when it holds an integral value below 2^53 in magnitude, and
 * is then printed as an integer.
 *
 * Returns: (transfer full): the canonical JSON text, or %NULL with
 *   %NYL_API_ERROR_INVALID_REQUEST when @node holds a number that cannot be
 *   represented canonically
 */
char *
nyl_canonical_json_from_node (JsonNode *node,
                              GError  **error)
{
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  out = g_string_new (NULL);

  if (!append_node (out, node, error))
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * nyl_canonical_json_from_string:
 * @json: JSON text
 * @length: the length of @json in bytes, or -1 if it is nul-terminated
 * @error: return location for a #GError
 *
 * Parses @json and serializes it with nyl_canonical_json_from_node().
 *
 * Returns: (transfer full): the canonical JSON text, or %NULL with
 *   %NYL_API_ERROR_PARSE if @json is not JSON, or an error from
 *   nyl_canonical_json_from_node()
 */
char *
nyl_canonical_json_from_string (const char *json,
                                gssize      length,
                                GError    **error)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  parser = json_parser_new_immutable ();

  /* The parser's message may quote the body, which can hold secrets; it is not logged. */
  if (!json_parser_load_from_data (parser, json, length, NULL))
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                           _("The text is not valid JSON"));
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                           _("The text is empty, not JSON"));
      return NULL;
    }

  return nyl_canonical_json_from_node (root, error);
}
