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

/* In the order of the table below, then the properties of our own. */
enum {
  PROP_0,
  PROP_NAME,
  PROP_APPLICATION_ID,
  PROP_STATUS,
  PROP_PERMISSIONS,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_EXPIRES_AT,
  PROP_SECRET, /* no property */
  PROP_EXPIRES_IN_DAYS,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

/* NylApiKey:name: the key's name; unique within the application.
 * NylApiKey:status: `active`; other values are possible but not documented.
 * In a create response "api_key" is the secret. */
static const NylResourceField fields[] = {
  NYL_FIELD ("name", "name", STRING, NYL_FIELD_WRITABLE | NYL_FIELD_CREATE, NylApiKey, name),
  NYL_FIELD ("application_id", "application-id", STRING, NYL_FIELD_READ_ONLY,
             NylApiKey, application_id),
  NYL_FIELD ("status", "status", STRING, NYL_FIELD_READ_ONLY, NylApiKey, status),
  NYL_FIELD ("permissions", "permissions", STRV, NYL_FIELD_READ_ONLY, NylApiKey, permissions),
  NYL_FIELD ("created_at", "created-at", INT64, NYL_FIELD_READ_ONLY, NylApiKey, created_at),
  NYL_FIELD ("updated_at", "updated-at", INT64, NYL_FIELD_READ_ONLY, NylApiKey, updated_at),
  NYL_FIELD ("expires_at", "expires-at", INT64, NYL_FIELD_READ_ONLY, NylApiKey, expires_at),
  NYL_FIELD ("api_key", NULL, STRING, NYL_FIELD_SECRET, NylApiKey, secret),
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == PROP_EXPIRES_IN_DAYS - 1);

static gboolean
nyl_api_key_from_json (NylResource  *resource,
                       JsonObject   *object,
                       GError      **error)
{
  JsonNode *wrapped;

  /* The list endpoint may wrap each key as {"api_key": {...}} (nylas-api.md
   * §3). In a create response "api_key" is the secret, a string. */
  wrapped = json_object_get_member (object, "api_key");
  if (wrapped != NULL && JSON_NODE_HOLDS_OBJECT (wrapped))
    object = json_node_get_object (wrapped);

  return NYL_RESOURCE_CLASS (nyl_api_key_parent_class)->from_json (resource, object, error);
}

static JsonNode *
nyl_api_key_to_json (NylResource        *resource,
                     NylResourceRequest  request)
{
  NylApiKey *self = NYL_API_KEY (resource);
  JsonNode *body;

  /* No PATCH or PUT exists: a new expiry means rolling the key. */
  body = NYL_RESOURCE_CLASS (nyl_api_key_parent_class)->to_json (resource, request);
  if (body != NULL && self->expires_in_days > 0)
    json_object_set_int_member (json_node_get_object (body), "expires_in", self->expires_in_days);

  return body;
}

static void
nyl_api_key_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  NylApiKey *self = NYL_API_KEY (object);

  if (prop_id == PROP_EXPIRES_IN_DAYS)
    g_value_set_int64 (value, self->expires_in_days);
  else
    G_OBJECT_CLASS (nyl_api_key_parent_class)->get_property (object, prop_id, value, pspec);
}

static void
nyl_api_key_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  NylApiKey *self = NYL_API_KEY (object);

  if (prop_id == PROP_EXPIRES_IN_DAYS)
    nyl_api_key_set_expires_in_days (self, g_value_get_int64 (value));
  else
    G_OBJECT_CLASS (nyl_api_key_parent_class)->set_property (object, prop_id, value, pspec);
}

static void
nyl_api_key_class_init (NylApiKeyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  NylResourceClass *resource_class = NYL_RESOURCE_CLASS (klass);

  object_class->get_property = nyl_api_key_get_property;
  object_class->set_property = nyl_api_key_set_property;

  resource_class->kind = "api-key";
  resource_class->from_json = nyl_api_key_from_json;
  resource_class->to_json = nyl_api_key_to_json;

  _nyl_resource_class_install_fields (resource_class, fields, G_N_ELEMENTS (fields), properties);

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
  g_object_class_install_property (object_class, PROP_EXPIRES_IN_DAYS,
                                   properties[PROP_EXPIRES_IN_DAYS]);
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
