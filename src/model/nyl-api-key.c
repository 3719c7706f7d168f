/* nyl-api-key.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-api-key"

#include "config.h"

#include "nyl-api-key.h"

#include "nyl-json.h"
#include "nyl-resource-private.h"

/**
 * NylApiKey:
 *
 * An API key of an application (Manage API Keys API, Service Account
 * signed). Keys cannot be edited: the only request is the create, with
 * `name` and `expires_in` (days).
 */

struct _NylApiKey
{
  NylResource parent_instance;

  char  *name;
  char  *application_id;
  char  *status;
  char **permissions;
  gint64 created_at;
  gint64 updated_at;
  gint64 expires_at;
  gint64 expires_in_days;
  char  *secret;
};

G_DEFINE_FINAL_TYPE (NylApiKey, nyl_api_key, NYL_TYPE_RESOURCE)

enum {
  PROP_0,
  PROP_NAME,
  PROP_APPLICATION_ID,
  PROP_STATUS,
  PROP_PERMISSIONS,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_EXPIRES_AT,
  PROP_EXPIRES_IN_DAYS,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static gboolean
nyl_api_key_from_json (NylResource  *resource,
                       JsonObject   *object,
                       GError      **error)
{
  NylApiKey *self = NYL_API_KEY (resource);
  JsonNode *wrapped;

  /* The list endpoint may wrap each key as {"api_key": {...}} (nylas-api.md
   * §3). In a create response "api_key" is the secret, a string. */
  wrapped = json_object_get_member (object, "api_key");
  if (wrapped != NULL && JSON_NODE_HOLDS_OBJECT (wrapped))
    object = json_node_get_object (wrapped);

  if (!NYL_RESOURCE_CLASS (nyl_api_key_parent_class)->from_json (resource, object, error))
    return FALSE;

  if (!nyl_json_get_string (object, "name", NULL, &self->name, error))
    return FALSE;
  if (!nyl_json_get_string (object, "application_id", NULL, &self->application_id, error))
    return FALSE;
  if (!nyl_json_get_string (object, "status", NULL, &self->status, error))
    return FALSE;
  if (!nyl_json_get_strv (object, "permissions", &self->permissions, error))
    return FALSE;
  if (!nyl_json_get_int (object, "created_at", 0, &self->created_at, error))
    return FALSE;
  if (!nyl_json_get_int (object, "updated_at", 0, &self->updated_at, error))
    return FALSE;
  if (!nyl_json_get_int (object, "expires_at", 0, &self->expires_at, error))
    return FALSE;
  if (!nyl_json_get_string (object, "api_key", NULL, &self->secret, error))
    return FALSE;

  return TRUE;
}

static JsonNode *
nyl_api_key_to_json (NylResource        *resource,
                     NylResourceRequest  request)
{
  NylApiKey *self = NYL_API_KEY (resource);
  g_autoptr(JsonObject) body = NULL;

  /* No PATCH or PUT exists: a new expiry means rolling the key. */
  if (request != NYL_RESOURCE_REQUEST_CREATE)
    return NULL;

  body = json_object_new ();
  nyl_json_set_string (body, "name", self->name);
  if (self->expires_in_days > 0)
    json_object_set_int_member (body, "expires_in", self->expires_in_days);

  return json_node_init_object (json_node_alloc (), body);
}

static void
nyl_api_key_finalize (GObject *object)
{
  NylApiKey *self = (NylApiKey *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->application_id, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->permissions, g_strfreev);
  _nyl_resource_clear_secret (&self->secret);

  G_OBJECT_CLASS (nyl_api_key_parent_class)->finalize (object);
}

static void
nyl_api_key_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  NylApiKey *self = NYL_API_KEY (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_APPLICATION_ID:
      g_value_set_string (value, self->application_id);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_PERMISSIONS:
      g_value_set_boxed (value, self->permissions);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;

    case PROP_EXPIRES_AT:
      g_value_set_int64 (value, self->expires_at);
      break;

    case PROP_EXPIRES_IN_DAYS:
      g_value_set_int64 (value, self->expires_in_days);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_api_key_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  NylApiKey *self = NYL_API_KEY (object);

  switch (prop_id)
    {
    case PROP_NAME:
      nyl_api_key_set_name (self, g_value_get_string (value));
      break;

    case PROP_EXPIRES_IN_DAYS:
      nyl_api_key_set_expires_in_days (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_api_key_class_init (NylApiKeyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  NylResourceClass *resource_class = NYL_RESOURCE_CLASS (klass);

  object_class->finalize = nyl_api_key_finalize;
  object_class->get_property = nyl_api_key_get_property;
  object_class->set_property = nyl_api_key_set_property;

  resource_class->kind = "api-key";
  resource_class->from_json = nyl_api_key_from_json;
  resource_class->to_json = nyl_api_key_to_json;

  /**
   * NylApiKey:name:
   *
   * The key's name; unique within the application.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_APPLICATION_ID] =
    g_param_spec_string ("application-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  /**
   * NylApiKey:status:
   *
   * `active`; other values are possible but not documented.
   */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_PERMISSIONS] =
    g_param_spec_boxed ("permissions", NULL, NULL,
                        G_TYPE_STRV,
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

  properties[PROP_EXPIRES_AT] =
    g_param_spec_int64 ("expires-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE |
                         G_PARAM_STATIC_STRINGS));

  /**
   * NylApiKey:expires-in-days:
   *
   * The lifetime to ask for in a create request, in days (0: the server's
   * default). Never read from a response: the unit of `expires_in` there is
   * not documented.
   */
  properties[PROP_EXPIRES_IN_DAYS] =
    g_param_spec_int64 ("expires-in-days", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nyl_api_key_init (NylApiKey *self)
{
}

/**
 * nyl_api_key_new:
 *
 * An empty api-key, to fill in for a create request.
 *
 * Returns: (transfer full): a new #NylApiKey
 */
NylApiKey *
nyl_api_key_new (void)
{
  return g_object_new (NYL_TYPE_API_KEY, NULL);
}

const char *
nyl_api_key_get_name (NylApiKey *self)
{
  g_return_val_if_fail (NYL_IS_API_KEY (self), NULL);

  return self->name;
}

void
nyl_api_key_set_name (NylApiKey  *self,
                      const char *name)
{
  g_return_if_fail (NYL_IS_API_KEY (self));

  _nyl_resource_set_string (NYL_RESOURCE (self), &self->name, name, properties[PROP_NAME]);
}

const char *
nyl_api_key_get_application_id (NylApiKey *self)
{
  g_return_val_if_fail (NYL_IS_API_KEY (self), NULL);

  return self->application_id;
}

const char *
nyl_api_key_get_status (NylApiKey *self)
{
  g_return_val_if_fail (NYL_IS_API_KEY (self), NULL);

  return self->status;
}

const char * const *
nyl_api_key_get_permissions (NylApiKey *self)
{
  g_return_val_if_fail (NYL_IS_API_KEY (self), NULL);

  return (const char * const *) self->permissions;
}

gint64
nyl_api_key_get_created_at (NylApiKey *self)
{
  g_return_val_if_fail (NYL_IS_API_KEY (self), 0);

  return self->created_at;
}

gint64
nyl_api_key_get_updated_at (NylApiKey *self)
{
  g_return_val_if_fail (NYL_IS_API_KEY (self), 0);

  return self->updated_at;
}

gint64
nyl_api_key_get_expires_at (NylApiKey *self)
{
  g_return_val_if_fail (NYL_IS_API_KEY (self), 0);

  return self->expires_at;
}

gint64
nyl_api_key_get_expires_in_days (NylApiKey *self)
{
  g_return_val_if_fail (NYL_IS_API_KEY (self), 0);

  return self->expires_in_days;
}

void
nyl_api_key_set_expires_in_days (NylApiKey *self,
                                 gint64     expires_in_days)
{
  g_return_if_fail (NYL_IS_API_KEY (self));
  g_return_if_fail (expires_in_days >= 0);

  if (self->expires_in_days == expires_in_days)
    return;

  self->expires_in_days = expires_in_days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPIRES_IN_DAYS]);
}

gboolean
nyl_api_key_has_secret (NylApiKey *self)
{
  g_return_val_if_fail (NYL_IS_API_KEY (self), FALSE);

  return self->secret != NULL;
}

/**
 * nyl_api_key_get_secret:
 * @self: a #NylApiKey
 *
 * SECRET. The API key itself, present only on the object built from the
 * create response. Store it in the keyring, show it once, then call
 * nyl_api_key_clear_secret(). Never log it.
 *
 * Returns: (nullable): the secret, or %NULL
 */
const char *
nyl_api_key_get_secret (NylApiKey *self)
{
  g_return_val_if_fail (NYL_IS_API_KEY (self), NULL);

  return self->secret;
}

/**
 * nyl_api_key_clear_secret:
 * @self: a #NylApiKey
 *
 * Overwrites the secret in memory and forgets it.
 */
void
nyl_api_key_clear_secret (NylApiKey *self)
{
  g_return_if_fail (NYL_IS_API_KEY (self));

  _nyl_resource_clear_secret (&self->secret);
}
