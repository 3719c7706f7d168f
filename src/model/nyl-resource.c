/* nyl-resource.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-resource"

#include "config.h"

#include "nyl-resource.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nyl-api-error.h"
#include "nyl-json.h"
#include "nyl-resource-private.h"

/**
 * NylResource:
 *
 * The base of every API object the model hands out (application, redirect
 * URI, API key, grant, connector, credential, webhook, domain). It carries the
 * object's identifier and the two directions of the wire format: tolerant
 * construction from a response and the body of a request.
 */
typedef struct
{
  char *id;
} NylResourcePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (NylResource, nyl_resource, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static gboolean
nyl_resource_real_from_json (NylResource  *self,
                             JsonObject   *object,
                             GError      **error)
{
  g_autofree char *id = NULL;

  if (!nyl_json_get_string (object, "id", NULL, &id, error))
    return FALSE;

  _nyl_resource_set_id (self, id);
  return TRUE;
}

static JsonNode *
nyl_resource_real_to_json (NylResource        *self,
                           NylResourceRequest  request)
{
  return NULL;
}

static void
nyl_resource_finalize (GObject *object)
{
  NylResource *self = (NylResource *)object;
  NylResourcePrivate *priv = nyl_resource_get_instance_private (self);

  g_clear_pointer (&priv->id, g_free);

  G_OBJECT_CLASS (nyl_resource_parent_class)->finalize (object);
}

static void
nyl_resource_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  NylResource *self = NYL_RESOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, nyl_resource_get_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_resource_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  NylResource *self = NYL_RESOURCE (object);
  NylResourcePrivate *priv = nyl_resource_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_free (priv->id);
      priv->id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_resource_class_init (NylResourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nyl_resource_finalize;
  object_class->get_property = nyl_resource_get_property;
  object_class->set_property = nyl_resource_set_property;

  klass->kind = "resource";
  klass->from_json = nyl_resource_real_from_json;
  klass->to_json = nyl_resource_real_to_json;

  /**
   * NylResource:id:
   *
   * The API's identifier for the object. For a connector it is the
   * provider and for the application its application ID, because that is
   * what the API addresses them by. %NULL on an object built for a create
   * request, and on a response that left it out.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nyl_resource_init (NylResource *self)
{
}

/**
 * nyl_resource_new_from_json:
 * @type: a concrete #NylResource subtype
 * @node: (nullable): the API object (the `data` member of a response)
 * @error: return location for a #GError
 *
 * Builds a resource from server JSON. Members the type does not know are
 * ignored and absent ones keep their defaults; anything of the wrong shape
 * (including @node not being an object) is %NYL_API_ERROR_PARSE.
 *
 * Returns: (transfer full) (type NylResource) (nullable): a new @type, or
 *   %NULL with @error set.
 */
gpointer
nyl_resource_new_from_json (GType      type,
                            JsonNode  *node,
                            GError   **error)
{
  g_autoptr(NylResource) self = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;

  g_return_val_if_fail (g_type_is_a (type, NYL_TYPE_RESOURCE), NULL);
  g_return_val_if_fail (!G_TYPE_IS_ABSTRACT (type), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  object = nyl_json_node_get_object (node, "data", error);
  if (object == NULL)
    return NULL;

  self = g_object_new (type, NULL);

  if (!NYL_RESOURCE_GET_CLASS (self)->from_json (self, object, &local_error))
    {
      if (local_error == NULL)
        g_set_error_literal (&local_error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                             _("Unexpected data from the server"));
      g_debug ("Could not read a %s: %s",
               NYL_RESOURCE_GET_CLASS (self)->kind, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * nyl_resource_to_json:
 * @self: a #NylResource
 * @request: which request the body is for
 *
 * Returns: (transfer full) (nullable): the JSON body (an object node) of
 *   @request for @self, or %NULL when the API accepts no such request for
 *   this type (e.g. a grant cannot be created, an API key cannot be updated).
 */
JsonNode *
nyl_resource_to_json (NylResource        *self,
                      NylResourceRequest  request)
{
  g_return_val_if_fail (NYL_IS_RESOURCE (self), NULL);
  g_return_val_if_fail (request == NYL_RESOURCE_REQUEST_CREATE ||
                        request == NYL_RESOURCE_REQUEST_UPDATE, NULL);

  return NYL_RESOURCE_GET_CLASS (self)->to_json (self, request);
}

/**
 * nyl_resource_to_json_string:
 *
 * Like nyl_resource_to_json(), as compact JSON text.
 *
 * Returns: (transfer full) (nullable): the body, or %NULL.
 */
char *
nyl_resource_to_json_string (NylResource        *self,
                             NylResourceRequest  request)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (NYL_IS_RESOURCE (self), NULL);

  node = nyl_resource_to_json (self, request);
  if (node == NULL)
    return NULL;

  return json_to_string (node, FALSE);
}

const char *
nyl_resource_get_id (NylResource *self)
{
  NylResourcePrivate *priv;

  g_return_val_if_fail (NYL_IS_RESOURCE (self), NULL);

  priv = nyl_resource_get_instance_private (self);
  return priv->id;
}

/**
 * nyl_resource_get_kind:
 *
 * Returns: the type's stable name, e.g. `"api-key"`.
 */
const char *
nyl_resource_get_kind (NylResource *self)
{
  g_return_val_if_fail (NYL_IS_RESOURCE (self), NULL);

  return NYL_RESOURCE_GET_CLASS (self)->kind;
}

/**
 * nyl_resource_type_get_kind:
 * @type: a #NylResource subtype
 *
 * Returns: the stable name of @type, without needing an instance.
 */
const char *
nyl_resource_type_get_kind (GType type)
{
  NylResourceClass *klass;
  const char *kind;

  g_return_val_if_fail (g_type_is_a (type, NYL_TYPE_RESOURCE), NULL);

  /* Static types keep their class once created, so the string outlives the
   * reference. */
  klass = g_type_class_ref (type);
  kind = klass->kind;
  g_type_class_unref (klass);

  return kind;
}

void
_nyl_resource_set_id (NylResource *self,
                      const char  *id)
{
  NylResourcePrivate *priv;

  g_return_if_fail (NYL_IS_RESOURCE (self));

  priv = nyl_resource_get_instance_private (self);
  if (g_strcmp0 (priv->id, id) == 0)
    return;

  g_free (priv->id);
  priv->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gboolean
_nyl_resource_set_string (NylResource  *self,
                          char        **field,
                          const char   *value,
                          GParamSpec   *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);

  return TRUE;
}

static gboolean
strv_equal0 (const char * const *a,
             const char * const *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strv_equal (a, b);
}

gboolean
_nyl_resource_set_strv (NylResource        *self,
                        char             ***field,
                        const char * const *value,
                        GParamSpec         *pspec)
{
  if (strv_equal0 ((const char * const *) *field, value))
    return FALSE;

  g_strfreev (*field);
  *field = g_strdupv ((char **) value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);

  return TRUE;
}

gboolean
_nyl_resource_set_object (NylResource  *self,
                          JsonObject  **field,
                          JsonObject   *value,
                          GParamSpec   *pspec)
{
  if (*field == value)
    return FALSE;

  if (*field != NULL && value != NULL && json_object_equal (*field, value))
    return FALSE;

  g_clear_pointer (field, json_object_unref);
  if (value != NULL)
    *field = nyl_json_object_copy_sealed (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);

  return TRUE;
}

void
_nyl_resource_clear_secret (char **secret)
{
  if (*secret == NULL)
    return;

  explicit_bzero (*secret, strlen (*secret));
  g_clear_pointer (secret, g_free);
}
