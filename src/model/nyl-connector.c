/* nyl-connector.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-connector"

#include "config.h"

#include "nyl-connector.h"

#include "nyl-json.h"
#include "nyl-resource-private.h"

/**
 * NylConnector:
 *
 * A provider integration of the application (`/v3/connectors`), at most one
 * per provider.
 */

struct _NylConnector
{
  NylResource parent_instance;

  char       *name;
  JsonObject *settings;
  char      **scope;
  char       *active_credential_id;
  char       *client_secret;
};

G_DEFINE_FINAL_TYPE (NylConnector, nyl_connector, NYL_TYPE_RESOURCE)

/* In the order of the table below, then the properties of our own. */
enum {
  PROP_0,
  PROP_NAME,
  PROP_SETTINGS,
  PROP_ACTIVE_CREDENTIAL_ID,
  PROP_SCOPE,
  PROP_CLIENT_SECRET, /* no property */
  PROP_PROVIDER,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

/* POST /v3/connectors takes {provider, name, settings, scope}; PATCH
 * /v3/connectors/{provider} takes {name, settings, scope, active_credential_id}.
 * The settings go out with the client secret merged in.
 *
 * NylConnector:settings: provider-specific settings (`client_id`, `tenant`,
 * `topic_name`, …) without the client secret; an update replaces them whole.
 * NylConnector:active-credential-id: the credential used when an
 * authentication names none. */
static const NylResourceField fields[] = {
  NYL_FIELD ("name", "name", STRING,
             NYL_FIELD_WRITABLE | NYL_FIELD_CREATE | NYL_FIELD_UPDATE,
             NylConnector, name),
  NYL_FIELD ("settings", "settings", OBJECT, NYL_FIELD_WRITABLE, NylConnector, settings),
  NYL_FIELD ("active_credential_id", "active-credential-id", STRING,
             NYL_FIELD_WRITABLE | NYL_FIELD_UPDATE,
             NylConnector, active_credential_id),
  NYL_FIELD ("scope", "scope", STRV,
             NYL_FIELD_WRITABLE | NYL_FIELD_CREATE | NYL_FIELD_UPDATE,
             NylConnector, scope),
  NYL_FIELD (NULL, NULL, STRING, NYL_FIELD_SECRET, NylConnector, client_secret),
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == PROP_PROVIDER - 1);

static gboolean
nyl_connector_from_json (NylResource  *resource,
                         JsonObject   *object,
                         GError      **error)
{
  NylConnector *self = NYL_CONNECTOR (resource);
  g_autofree char *provider = NULL;

  if (!nyl_json_get_string (object, "provider", NULL, &provider, error))
    return FALSE;
  _nyl_resource_set_id (resource, provider);

  if (!_nyl_resource_read_fields (resource, object, error))
    return FALSE;
  /* The spec names the EWS list "scopes"; every other provider "scope". */
  if (self->scope == NULL && !nyl_json_get_strv (object, "scopes", &self->scope, error))
    return FALSE;

  return TRUE;
}

static JsonNode *
nyl_connector_to_json (NylResource        *resource,
                       NylResourceRequest  request)
{
  NylConnector *self = NYL_CONNECTOR (resource);
  g_autoptr(JsonObject) body = json_object_new ();
  JsonObject *settings = NULL;

  if (request == NYL_RESOURCE_REQUEST_CREATE)
    nyl_json_set_string (body, "provider", nyl_resource_get_id (resource));
  _nyl_resource_fields_to_json (resource, request, body);

  if (self->settings != NULL)
    settings = nyl_json_object_copy (self->settings);
  if (self->client_secret != NULL)
    {
      if (settings == NULL)
        settings = json_object_new ();
      json_object_set_string_member (settings, "client_secret", self->client_secret);
    }
  if (settings != NULL)
    json_object_set_object_member (body, "settings", settings);

  return json_node_init_object (json_node_alloc (), body);
}

static void
nyl_connector_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  NylConnector *self = NYL_CONNECTOR (object);

  if (prop_id == PROP_PROVIDER)
    g_value_set_string (value, nyl_connector_get_provider (self));
  else
    G_OBJECT_CLASS (nyl_connector_parent_class)->get_property (object, prop_id, value, pspec);
}

static void
nyl_connector_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  if (prop_id != PROP_PROVIDER)
    G_OBJECT_CLASS (nyl_connector_parent_class)->set_property (object, prop_id, value, pspec);
  else if (g_value_get_string (value) != NULL)
    _nyl_resource_set_id (NYL_RESOURCE (object), g_value_get_string (value));
}

static void
nyl_connector_class_init (NylConnectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  NylResourceClass *resource_class = NYL_RESOURCE_CLASS (klass);

  object_class->get_property = nyl_connector_get_property;
  object_class->set_property = nyl_connector_set_property;

  resource_class->kind = "connector";
  resource_class->from_json = nyl_connector_from_json;
  resource_class->to_json = nyl_connector_to_json;

  _nyl_resource_class_install_fields (resource_class, fields, G_N_ELEMENTS (fields), properties);

  /**
   * NylConnector:provider:
   *
   * `google`, `microsoft`, `imap`, `icloud`, `yahoo`, `ews`,
   * `virtual-calendar`, `zoom` or `nylas`; the same as NylResource:id.
   */
  properties[PROP_PROVIDER] =
    g_param_spec_string ("provider", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_PROVIDER, properties[PROP_PROVIDER]);
}

static void
nyl_connector_init (NylConnector *self)
{
}

/**
 * nyl_connector_new:
 *
 * An empty connector, to fill in for a create request.
 *
 * Returns: (transfer full): a new #NylConnector
 */
NylConnector *
nyl_connector_new (void)
{
  return g_object_new (NYL_TYPE_CONNECTOR, NULL);
}

const char *
nyl_connector_get_name (NylConnector *self)
{
  g_return_val_if_fail (NYL_IS_CONNECTOR (self), NULL);

  return self->name;
}

void
nyl_connector_set_name (NylConnector *self,
                        const char   *name)
{
  g_return_if_fail (NYL_IS_CONNECTOR (self));

  _nyl_resource_set_string (NYL_RESOURCE (self), &self->name, name, properties[PROP_NAME]);
}

JsonObject *
nyl_connector_get_settings (NylConnector *self)
{
  g_return_val_if_fail (NYL_IS_CONNECTOR (self), NULL);

  return self->settings;
}

void
nyl_connector_set_settings (NylConnector *self,
                            JsonObject   *settings)
{
  g_return_if_fail (NYL_IS_CONNECTOR (self));

  _nyl_resource_set_object (NYL_RESOURCE (self), &self->settings, settings,
                            properties[PROP_SETTINGS]);
}

const char * const *
nyl_connector_get_scope (NylConnector *self)
{
  g_return_val_if_fail (NYL_IS_CONNECTOR (self), NULL);

  return (const char * const *) self->scope;
}

void
nyl_connector_set_scope (NylConnector       *self,
                         const char * const *scope)
{
  g_return_if_fail (NYL_IS_CONNECTOR (self));

  _nyl_resource_set_strv (NYL_RESOURCE (self), &self->scope, scope, properties[PROP_SCOPE]);
}

const char *
nyl_connector_get_active_credential_id (NylConnector *self)
{
  g_return_val_if_fail (NYL_IS_CONNECTOR (self), NULL);

  return self->active_credential_id;
}

void
nyl_connector_set_active_credential_id (NylConnector *self,
                                        const char   *credential_id)
{
  g_return_if_fail (NYL_IS_CONNECTOR (self));

  _nyl_resource_set_string (NYL_RESOURCE (self), &self->active_credential_id, credential_id,
                            properties[PROP_ACTIVE_CREDENTIAL_ID]);
}

/**
 * nyl_connector_new_for_provider:
 * @provider: the provider, e.g. `"google"`
 *
 * Returns: (transfer full): a new connector for a create request.
 */
NylConnector *
nyl_connector_new_for_provider (const char *provider)
{
  g_return_val_if_fail (provider != NULL, NULL);

  return g_object_new (NYL_TYPE_CONNECTOR, "provider", provider, NULL);
}

const char *
nyl_connector_get_provider (NylConnector *self)
{
  g_return_val_if_fail (NYL_IS_CONNECTOR (self), NULL);

  return nyl_resource_get_id (NYL_RESOURCE (self));
}

/**
 * nyl_connector_set_client_secret:
 * @self: a #NylConnector
 * @client_secret: (nullable): the provider app's client secret
 *
 * Sets the secret for the next create or update body (as
 * `settings.client_secret`). There is no getter.
 */
void
nyl_connector_set_client_secret (NylConnector *self,
                                 const char   *client_secret)
{
  g_return_if_fail (NYL_IS_CONNECTOR (self));

  _nyl_resource_clear_secret (&self->client_secret);
  self->client_secret = g_strdup (client_secret);
}
