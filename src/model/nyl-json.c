/* nyl-json.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-json"

#include "config.h"

#include "nyl-json.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nyl-api-error.h"

/* Largest integer a double holds exactly. */
#define MAX_EXACT_DOUBLE 9007199254740992.0

/* The member, or NULL when it is missing or JSON null. */
static JsonNode *
present_member (JsonObject *object,
                const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return node;
}

static gboolean
holds_value_of (JsonNode *node,
                GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/**
 * nyl_json_node_get_object:
 * @node: (nullable): a node from the server
 * @what: the name to report, e.g. `"data"`
 * @error: return location for a #GError
 *
 * Returns: (transfer none) (nullable): the object @node holds, or %NULL with
 *   %NYL_API_ERROR_PARSE when @node is missing or not an object.
 */
JsonObject *
nyl_json_node_get_object (JsonNode    *node,
                          const char  *what,
                          GError     **error)
{
  g_return_val_if_fail (what != NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                   _("Unexpected data from the server: “%s” should be an object"), what);
      return NULL;
    }

  return json_node_get_object (node);
}

/**
 * nyl_json_has_member:
 *
 * Returns: whether @member is present in @object with a value other than null.
 */
gboolean
nyl_json_has_member (JsonObject *object,
                     const char *member)
{
  g_return_val_if_fail (member != NULL, FALSE);

  return present_member (object, member) != NULL;
}

gboolean
nyl_json_get_string (JsonObject  *object,
                     const char  *member,
                     const char  *default_value,
                     char       **value,
                     GError     **error)
{
  JsonNode *node;

  g_return_val_if_fail (member != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  node = present_member (object, member);
  if (node == NULL)
    {
      *value = g_strdup (default_value);
      return TRUE;
    }

  if (!holds_value_of (node, G_TYPE_STRING))
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                   _("Unexpected data from the server: “%s” should be text"), member);
      return FALSE;
    }

  *value = g_strdup (json_node_get_string (node));
  return TRUE;
}

gboolean
nyl_json_get_int (JsonObject  *object,
                  const char  *member,
                  gint64       default_value,
                  gint64      *value,
                  GError     **error)
{
  JsonNode *node;

  g_return_val_if_fail (member != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  node = present_member (object, member);
  if (node == NULL)
    {
      *value = default_value;
      return TRUE;
    }

  if (holds_value_of (node, G_TYPE_INT64))
    {
      *value = json_node_get_int (node);
      return TRUE;
    }

  /* Some JSON writers print every number as a double (1.7e9). Take it when it
   * is a whole number we can represent exactly. */
  if (holds_value_of (node, G_TYPE_DOUBLE))
    {
      double d = json_node_get_double (node);

      if (isfinite (d) && d >= -MAX_EXACT_DOUBLE && d <= MAX_EXACT_DOUBLE
          && (double) (gint64) d == d)
        {
          *value = (gint64) d;
          return TRUE;
        }
    }

  g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
               _("Unexpected data from the server: “%s” should be a whole number"), member);
  return FALSE;
}

gboolean
nyl_json_get_boolean (JsonObject  *object,
                      const char  *member,
                      gboolean     default_value,
                      gboolean    *value,
                      GError     **error)
{
  JsonNode *node;

  g_return_val_if_fail (member != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  node = present_member (object, member);
  if (node == NULL)
    {
      *value = default_value;
      return TRUE;
    }

  if (!holds_value_of (node, G_TYPE_BOOLEAN))
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                   _("Unexpected data from the server: “%s” should be true or false"), member);
      return FALSE;
    }

  *value = json_node_get_boolean (node);
  return TRUE;
}

gboolean
nyl_json_get_strv (JsonObject   *object,
                   const char   *member,
                   char       ***value,
                   GError      **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonNode *node;
  JsonArray *array;
  guint n;

  g_return_val_if_fail (member != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  node = present_member (object, member);
  if (node == NULL)
    {
      *value = NULL;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    goto wrong_type;

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  builder = g_strv_builder_new ();

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!holds_value_of (element, G_TYPE_STRING))
        goto wrong_type;

      g_strv_builder_add (builder, json_node_get_string (element));
    }

  *value = g_strv_builder_end (builder);
  return TRUE;

wrong_type:
  g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
               _("Unexpected data from the server: “%s” should be a list of text"), member);
  return FALSE;
}

gboolean
nyl_json_get_object (JsonObject   *object,
                     const char   *member,
                     JsonObject  **value,
                     GError      **error)
{
  JsonNode *node;

  g_return_val_if_fail (member != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  node = present_member (object, member);
  if (node == NULL)
    {
      *value = NULL;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                   _("Unexpected data from the server: “%s” should be an object"), member);
      return FALSE;
    }

  *value = json_node_get_object (node);
  return TRUE;
}

gboolean
nyl_json_get_array (JsonObject   *object,
                    const char   *member,
                    JsonArray   **value,
                    GError      **error)
{
  JsonNode *node;

  g_return_val_if_fail (member != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  node = present_member (object, member);
  if (node == NULL)
    {
      *value = NULL;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                   _("Unexpected data from the server: “%s” should be a list"), member);
      return FALSE;
    }

  *value = json_node_get_array (node);
  return TRUE;
}

static JsonNode *node_copy_deep (JsonNode *node);

static JsonArray *
array_copy_deep (JsonArray *array)
{
  guint n = json_array_get_length (array);
  JsonArray *copy = json_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    json_array_add_element (copy, node_copy_deep (json_array_get_element (array, i)));

  return copy;
}

static JsonNode *
node_copy_deep (JsonNode *node)
{
  JsonNode *copy;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      copy = json_node_alloc ();
      json_node_take_object (json_node_init (copy, JSON_NODE_OBJECT),
                             nyl_json_object_copy (json_node_get_object (node)));
      return copy;

    case JSON_NODE_ARRAY:
      copy = json_node_alloc ();
      json_node_take_array (json_node_init (copy, JSON_NODE_ARRAY),
                            array_copy_deep (json_node_get_array (node)));
      return copy;

    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      /* Values are immutable; a plain copy is independent. */
      copy = json_node_copy (node);
      return copy;
    }
}

JsonObject *
nyl_json_object_copy (JsonObject *object)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  JsonObject *copy;

  g_return_val_if_fail (object != NULL, NULL);

  copy = json_object_new ();
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &member))
    json_object_set_member (copy, name, node_copy_deep (member));

  return copy;
}

JsonObject *
nyl_json_object_copy_sealed (JsonObject *object)
{
  JsonObject *copy;

  g_return_val_if_fail (object != NULL, NULL);

  copy = nyl_json_object_copy (object);
  json_object_seal (copy);

  return copy;
}

void
nyl_json_set_string (JsonObject *object,
                     const char *member,
                     const char *value)
{
  g_return_if_fail (object != NULL);
  g_return_if_fail (member != NULL);

  if (value != NULL)
    json_object_set_string_member (object, member, value);
}

void
nyl_json_set_strv (JsonObject         *object,
                   const char         *member,
                   const char * const *value)
{
  JsonArray *array;

  g_return_if_fail (object != NULL);
  g_return_if_fail (member != NULL);

  if (value == NULL)
    return;

  array = json_array_new ();
  for (guint i = 0; value[i] != NULL; i++)
    json_array_add_string_element (array, value[i]);

  json_object_set_array_member (object, member, array);
}

void
nyl_json_set_object_copy (JsonObject *object,
                          const char *member,
                          JsonObject *value)
{
  g_return_if_fail (object != NULL);
  g_return_if_fail (member != NULL);

  if (value != NULL)
    json_object_set_object_member (object, member, nyl_json_object_copy (value));
}
