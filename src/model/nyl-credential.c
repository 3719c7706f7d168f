/* nyl-credential.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-credential"

#include "config.h"

#include "nyl-credential.h"

#include "nyl-json.h"
#include "nyl-resource-private.h"

/**
 * NylCredential:
 *
 * A connector credential (`/v3/connectors/{provider}/creds`): Microsoft
 * admin consent, a Google service account, or a connector override.
 */

struct _NylCredential
{
  NylResource parent_instance;

  char       *name;
  char       *credential_type;
  char       *hashed_data;
  gint64      created_at;
  gint64      updated_at;
  JsonObject *credential_data;
};

G_DEFINE_FINAL_TYPE (NylCredential, nyl_credential, NYL_TYPE_RESOURCE)

enum {
  PROP_0,
  PROP_NAME,
  PROP_CREDENTIAL_TYPE,
  PROP_HASHED_DATA,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static gboolean
nyl_credential_from_json (NylResource  *resource,
                          JsonObject   *object,
                          GError      **error)
{
  NylCredential *self = NYL_CREDENTIAL (resource);

  if (!NYL_RESOURCE_CLASS (nyl_credential_parent_class)->from_json (resource, object, error))
    return FALSE;

  if (!nyl_json_get_string (object, "name", NULL, &self->name, error))
    return FALSE;
  if (!nyl_json_get_string (object, "credential_type", NULL, &self->credential_type, error))
    return FALSE;
  if (!nyl_json_get_string (object, "hashed_data", NULL, &self->hashed_data, error))
    return FALSE;
  if (!nyl_json_get_int (object, "created_at", 0, &self->created_at, error))
    return FALSE;
  if (!nyl_json_get_int (object, "updated_at", 0, &self->updated_at, error))
    return FALSE;

  return TRUE;
}

/* POST takes {name, credential_type, credential_data}; PATCH takes {name,
 * credential_data}, the data replaced as a whole object. */
static JsonNode *
nyl_credential_to_json (NylResource        *resource,
                        NylResourceRequest  request)
{
  NylCredential *self = NYL_CREDENTIAL (resource);
  g_autoptr(JsonObject) body = json_object_new ();

  nyl_json_set_string (body, "name", self->name);
  if (request == NYL_RESOURCE_REQUEST_CREATE)
    nyl_json_set_string (body, "credential_type", self->credential_type);
  nyl_json_set_object_copy (body, "credential_data", self->credential_data);

  return json_node_init_object (json_node_alloc (), body);
}

static void
nyl_credential_finalize (GObject *object)
{
  NylCredential *self = (NylCredential *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->credential_type, g_free);
  g_clear_pointer (&self->hashed_data, g_free);
  g_clear_pointer (&self->credential_data, json_object_unref);

  G_OBJECT_CLASS (nyl_credential_parent_class)->finalize (object);
}

static void
nyl_credential_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  NylCredential *self = NYL_CREDENTIAL (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CREDENTIAL_TYPE:
      g_value_set_string (value, self->credential_type);
      break;

    case PROP_HASHED_DATA:
      g_value_set_string (value, self->hashed_data);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_credential_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  NylCredential *self = NYL_CREDENTIAL (object);

  switch (prop_id)
    {
    case PROP_NAME:
      nyl_credential_set_name (self, g_value_get_string (value));
      break;

    case PROP_CREDENTIAL_TYPE:
      nyl_credential_set_credential_type (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_credential_class_init (NylCredentialClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  NylResourceClass *resource_class = NYL_RESOURCE_CLASS (klass);

  object_class->finalize = nyl_credential_finalize;
  object_class->get_property = nyl_credential_get_property;
  object_class->set_property = nyl_credential_set_property;

  resource_class->kind = "credential";
  resource_class->from_json = nyl_credential_from_json;
  resource_class->to_json = nyl_credential_to_json;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * NylCredential:credential-type:
   *
   * `adminconsent`, `serviceaccount` or `connector`; set once, at creation.
   */
  properties[PROP_CREDENTIAL_TYPE] =
    g_param_spec_string ("credential-type", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * NylCredential:hashed-data:
   *
   * A hash of the credential data, when the server sends one.
   */
  properties[PROP_HASHED_DATA] =
    g_param_spec_string ("hashed-data", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nyl_credential_init (NylCredential *self)
{
}

/**
 * nyl_credential_new:
 *
 * An empty credential, to fill in for a create request.
 *
 * Returns: (transfer full): a new #NylCredential
 */
NylCredential *
nyl_credential_new (void)
{
  return g_object_new (NYL_TYPE_CREDENTIAL, NULL);
}

const char *
nyl_credential_get_name (NylCredential *self)
{
  g_return_val_if_fail (NYL_IS_CREDENTIAL (self), NULL);

  return self->name;
}

void
nyl_credential_set_name (NylCredential *self,
                         const char    *name)
{
  g_return_if_fail (NYL_IS_CREDENTIAL (self));

  _nyl_resource_set_string (NYL_RESOURCE (self), &self->name, name, properties[PROP_NAME]);
}

const char *
nyl_credential_get_credential_type (NylCredential *self)
{
  g_return_val_if_fail (NYL_IS_CREDENTIAL (self), NULL);

  return self->credential_type;
}

void
nyl_credential_set_credential_type (NylCredential *self,
                                    const char    *credential_type)
{
  g_return_if_fail (NYL_IS_CREDENTIAL (self));

  _nyl_resource_set_string (NYL_RESOURCE (self), &self->credential_type, credential_type,
                            properties[PROP_CREDENTIAL_TYPE]);
}

const char *
nyl_credential_get_hashed_data (NylCredential *self)
{
  g_return_val_if_fail (NYL_IS_CREDENTIAL (self), NULL);

  return self->hashed_data;
}

gint64
nyl_credential_get_created_at (NylCredential *self)
{
  g_return_val_if_fail (NYL_IS_CREDENTIAL (self), 0);

  return self->created_at;
}

gint64
nyl_credential_get_updated_at (NylCredential *self)
{
  g_return_val_if_fail (NYL_IS_CREDENTIAL (self), 0);

  return self->updated_at;
}

/**
 * nyl_credential_set_credential_data:
 * @self: a #NylCredential
 * @credential_data: (nullable): the whole `credential_data` object
 *
 * Sets the secret data for the next create or update body (a deep copy is
 * kept). There is no getter.
 */
void
nyl_credential_set_credential_data (NylCredential *self,
                                    JsonObject    *credential_data)
{
  g_return_if_fail (NYL_IS_CREDENTIAL (self));

  g_clear_pointer (&self->credential_data, json_object_unref);
  if (credential_data != NULL)
    self->credential_data = nyl_json_object_copy (credential_data);
}
