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

typedef struct
{
  const NylResourceField *fields;
  guint                   n_fields;
} FieldTable;

static GQuark
field_table_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("nyl-resource-field-table");

  return quark;
}

static const FieldTable *
field_table_for_type (GType type)
{
  return g_type_get_qdata (type, field_table_quark ());
}

#define FIELD_PTR(self, field) (G_STRUCT_MEMBER_P ((self), (field)->offset))

/* Calls @func on every field of @self's type and its ancestors below
 * NylResource; stops at the first that returns FALSE. */
typedef gboolean (*FieldFunc) (NylResource            *self,
                               const NylResourceField *field,
                               gpointer                data);

static gboolean
foreach_field (NylResource *self,
               FieldFunc    func,
               gpointer     data)
{
  for (GType type = G_OBJECT_TYPE (self); type != NYL_TYPE_RESOURCE; type = g_type_parent (type))
    {
      const FieldTable *table = field_table_for_type (type);

      if (table == NULL)
        continue;

      for (guint i = 0; i < table->n_fields; i++)
        if (!func (self, &table->fields[i], data))
          return FALSE;
    }

  return TRUE;
}

static gboolean
field_read (NylResource            *self,
            const NylResourceField *field,
            gpointer                data)
{
  JsonObject *object = ((gpointer *) data)[0];
  GError **error = ((gpointer *) data)[1];
  gpointer ptr = FIELD_PTR (self, field);
  JsonObject *nested = NULL;

  if (field->member == NULL || (field->flags & NYL_FIELD_NOT_READ) != 0)
    return TRUE;

  switch (field->type)
    {
    case NYL_FIELD_STRING:
      return nyl_json_get_string (object, field->member, NULL, ptr, error);

    case NYL_FIELD_STRV:
      return nyl_json_get_strv (object, field->member, ptr, error);

    case NYL_FIELD_INT64:
      return nyl_json_get_int (object, field->member, 0, ptr, error);

    case NYL_FIELD_BOOLEAN:
      return nyl_json_get_boolean (object, field->member, FALSE, ptr, error);

    case NYL_FIELD_OBJECT:
      if (!nyl_json_get_object (object, field->member, &nested, error))
        return FALSE;
      if (nested != NULL)
        *(JsonObject **) ptr = nyl_json_object_copy_sealed (nested);
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
field_write (NylResource            *self,
             const NylResourceField *field,
             gpointer                data)
{
  NylResourceRequest request = GPOINTER_TO_INT (((gpointer *) data)[0]);
  JsonObject *body = ((gpointer *) data)[1];
  NylFieldFlags wanted = request == NYL_RESOURCE_REQUEST_CREATE ? NYL_FIELD_CREATE
                                                               : NYL_FIELD_UPDATE;
  gpointer ptr = FIELD_PTR (self, field);

  if (field->member == NULL || (field->flags & wanted) == 0)
    return TRUE;

  switch (field->type)
    {
    case NYL_FIELD_STRING:
      nyl_json_set_string (body, field->member, *(char **) ptr);
      break;

    case NYL_FIELD_STRV:
      nyl_json_set_strv (body, field->member, *(const char * const **) ptr);
      break;

    case NYL_FIELD_INT64:
      json_object_set_int_member (body, field->member, *(gint64 *) ptr);
      break;

    case NYL_FIELD_BOOLEAN:
      json_object_set_boolean_member (body, field->member, *(gboolean *) ptr);
      break;

    case NYL_FIELD_OBJECT:
      nyl_json_set_object_copy (body, field->member, *(JsonObject **) ptr);
      break;

    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

static gboolean
field_has_request (NylResource            *self,
                   const NylResourceField *field,
                   gpointer                data)
{
  NylFieldFlags wanted = GPOINTER_TO_INT (data);

  /* FALSE stops the walk: one is enough. */
  return field->member == NULL || (field->flags & wanted) == 0;
}

static gboolean
field_free (NylResource            *self,
            const NylResourceField *field,
            gpointer                data)
{
  gpointer ptr = FIELD_PTR (self, field);

  switch (field->type)
    {
    case NYL_FIELD_STRING:
      if ((field->flags & NYL_FIELD_SECRET) != 0)
        _nyl_resource_clear_secret (ptr);
      else
        g_clear_pointer ((char **) ptr, g_free);
      break;

    case NYL_FIELD_STRV:
      g_clear_pointer ((char ***) ptr, g_strfreev);
      break;

    case NYL_FIELD_OBJECT:
      g_clear_pointer ((JsonObject **) ptr, json_object_unref);
      break;

    case NYL_FIELD_INT64:
    case NYL_FIELD_BOOLEAN:
    default:
      break;
    }

  return TRUE;
}

static const NylResourceField *
field_for_pspec (GParamSpec *pspec,
                 guint       prop_id)
{
  const FieldTable *table = field_table_for_type (pspec->owner_type);

  if (table == NULL || prop_id == 0 || prop_id > table->n_fields)
    return NULL;

  return &table->fields[prop_id - 1];
}

static void
field_get_value (NylResource            *self,
                 const NylResourceField *field,
                 GValue                 *value)
{
  gpointer ptr = FIELD_PTR (self, field);

  switch (field->type)
    {
    case NYL_FIELD_STRING:
      g_value_set_string (value, *(char **) ptr);
      break;

    case NYL_FIELD_STRV:
    case NYL_FIELD_OBJECT:
      g_value_set_boxed (value, *(gpointer *) ptr);
      break;

    case NYL_FIELD_INT64:
      g_value_set_int64 (value, *(gint64 *) ptr);
      break;

    case NYL_FIELD_BOOLEAN:
      g_value_set_boolean (value, *(gboolean *) ptr);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
field_set_value (NylResource            *self,
                 const NylResourceField *field,
                 const GValue           *value,
                 GParamSpec             *pspec)
{
  gpointer ptr = FIELD_PTR (self, field);

  switch (field->type)
    {
    case NYL_FIELD_STRING:
      _nyl_resource_set_string (self, ptr, g_value_get_string (value), pspec);
      break;

    case NYL_FIELD_STRV:
      _nyl_resource_set_strv (self, ptr, g_value_get_boxed (value), pspec);
      break;

    case NYL_FIELD_OBJECT:
      _nyl_resource_set_object (self, ptr, g_value_get_boxed (value), pspec);
      break;

    case NYL_FIELD_INT64:
      if (*(gint64 *) ptr != g_value_get_int64 (value))
        {
          *(gint64 *) ptr = g_value_get_int64 (value);
          g_object_notify_by_pspec (G_OBJECT (self), pspec);
        }
      break;

    case NYL_FIELD_BOOLEAN:
      if (*(gboolean *) ptr != g_value_get_boolean (value))
        {
          *(gboolean *) ptr = g_value_get_boolean (value);
          g_object_notify_by_pspec (G_OBJECT (self), pspec);
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

static GParamSpec *
field_param_spec (const NylResourceField *field)
{
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  if ((field->flags & NYL_FIELD_WRITABLE) != 0)
    flags |= G_PARAM_WRITABLE | G_PARAM_EXPLICIT_NOTIFY;

  switch (field->type)
    {
    case NYL_FIELD_STRING:
      return g_param_spec_string (field->property, NULL, NULL, NULL, flags);

    case NYL_FIELD_STRV:
      return g_param_spec_boxed (field->property, NULL, NULL, G_TYPE_STRV, flags);

    case NYL_FIELD_OBJECT:
      return g_param_spec_boxed (field->property, NULL, NULL, JSON_TYPE_OBJECT, flags);

    case NYL_FIELD_INT64:
      return g_param_spec_int64 (field->property, NULL, NULL,
                                 G_MININT64, G_MAXINT64, 0, flags);

    case NYL_FIELD_BOOLEAN:
      return g_param_spec_boolean (field->property, NULL, NULL, FALSE, flags);

    default:
      g_assert_not_reached ();
    }
}

static gboolean
nyl_resource_real_from_json (NylResource  *self,
                             JsonObject   *object,
                             GError      **error)
{
  g_autofree char *id = NULL;

  if (!nyl_json_get_string (object, "id", NULL, &id, error))
    return FALSE;

  _nyl_resource_set_id (self, id);

  return _nyl_resource_read_fields (self, object, error);
}

static JsonNode *
nyl_resource_real_to_json (NylResource        *self,
                           NylResourceRequest  request)
{
  NylFieldFlags wanted = request == NYL_RESOURCE_REQUEST_CREATE ? NYL_FIELD_CREATE
                                                               : NYL_FIELD_UPDATE;
  g_autoptr(JsonObject) body = NULL;

  /* No field goes in this request: the API has no such call for the type. */
  if (foreach_field (self, field_has_request, GINT_TO_POINTER (wanted)))
    return NULL;

  body = json_object_new ();
  _nyl_resource_fields_to_json (self, request, body);

  return json_node_init_object (json_node_alloc (), body);
}

static void
nyl_resource_finalize (GObject *object)
{
  NylResource *self = (NylResource *)object;
  NylResourcePrivate *priv = nyl_resource_get_instance_private (self);

  foreach_field (self, field_free, NULL);
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
  const NylResourceField *field;

  if (pspec->owner_type == NYL_TYPE_RESOURCE && prop_id == PROP_ID)
    g_value_set_string (value, nyl_resource_get_id (self));
  else if ((field = field_for_pspec (pspec, prop_id)) != NULL)
    field_get_value (self, field, value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
nyl_resource_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  NylResource *self = NYL_RESOURCE (object);
  NylResourcePrivate *priv = nyl_resource_get_instance_private (self);
  const NylResourceField *field;

  if (pspec->owner_type == NYL_TYPE_RESOURCE && prop_id == PROP_ID)
    {
      g_free (priv->id);
      priv->id = g_value_dup_string (value);
    }
  else if ((field = field_for_pspec (pspec, prop_id)) != NULL)
    {
      field_set_value (self, field, value, pspec);
    }
  else
    {
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

void
_nyl_resource_class_install_fields (NylResourceClass       *klass,
                                    const NylResourceField *fields,
                                    guint                   n_fields,
                                    GParamSpec            **pspecs)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FieldTable *table;

  g_return_if_fail (NYL_IS_RESOURCE_CLASS (klass));
  g_return_if_fail (field_table_for_type (G_OBJECT_CLASS_TYPE (klass)) == NULL);

  /* GObject does not hand a class its parent's property accessors. */
  if (object_class->get_property == NULL)
    object_class->get_property = nyl_resource_get_property;
  if (object_class->set_property == NULL)
    object_class->set_property = nyl_resource_set_property;

  /* Lives as long as the (static) type. */
  table = g_new0 (FieldTable, 1);
  table->fields = fields;
  table->n_fields = n_fields;
  g_type_set_qdata (G_OBJECT_CLASS_TYPE (klass), field_table_quark (), table);

  for (guint i = 0; i < n_fields; i++)
    {
      GParamSpec *pspec;

      if (fields[i].property == NULL)
        continue;

      pspec = field_param_spec (&fields[i]);
      g_object_class_install_property (object_class, i + 1, pspec);
      if (pspecs != NULL)
        pspecs[i + 1] = pspec;
    }
}

gboolean
_nyl_resource_read_fields (NylResource  *self,
                           JsonObject   *object,
                           GError      **error)
{
  g_return_val_if_fail (NYL_IS_RESOURCE (self), FALSE);
  g_return_val_if_fail (object != NULL, FALSE);

  return foreach_field (self, field_read, (gpointer[]) { object, error });
}

void
_nyl_resource_fields_to_json (NylResource        *self,
                              NylResourceRequest  request,
                              JsonObject         *body)
{
  g_return_if_fail (NYL_IS_RESOURCE (self));
  g_return_if_fail (body != NULL);

  foreach_field (self, field_write, (gpointer[]) { GINT_TO_POINTER (request), body });
}
