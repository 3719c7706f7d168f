/* nyl-grant.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-grant"

#include "config.h"

#include "nyl-grant.h"

#include "nyl-json.h"
#include "nyl-resource-private.h"

/**
 * NylGrant:
 *
 * A user's authorization of the application with an email or calendar
 * provider (`/v3/grants`). Grants are made by hosted or custom auth, never
 * created here; an update (PATCH) sends `settings` (replaced whole) and
 * `scope`.
 */

struct _NylGrant
{
  NylResource parent_instance;

  char       *provider;
  char       *grant_status;
  char       *email;
  char       *name;
  char      **scope;
  char       *user_agent;
  char       *ip;
  char       *state;
  gint64      created_at;
  gint64      updated_at;
  char       *provider_user_id;
  JsonObject *settings;
  char       *credential_id;
  char       *workspace_id;
  gboolean    blocked;
  char      **email_aliases;
  char       *account_id;
};

G_DEFINE_FINAL_TYPE (NylGrant, nyl_grant, NYL_TYPE_RESOURCE)

enum {
  PROP_0,
  PROP_PROVIDER,
  PROP_GRANT_STATUS,
  PROP_EMAIL,
  PROP_NAME,
  PROP_SCOPE,
  PROP_USER_AGENT,
  PROP_IP,
  PROP_STATE,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_PROVIDER_USER_ID,
  PROP_SETTINGS,
  PROP_CREDENTIAL_ID,
  PROP_WORKSPACE_ID,
  PROP_BLOCKED,
  PROP_EMAIL_ALIASES,
  PROP_ACCOUNT_ID,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static gboolean
nyl_grant_from_json (NylResource  *resource,
                     JsonObject   *object,
                     GError      **error)
{
  NylGrant *self = NYL_GRANT (resource);
  JsonObject *nested = NULL;

  if (!NYL_RESOURCE_CLASS (nyl_grant_parent_class)->from_json (resource, object, error))
    return FALSE;

  if (!nyl_json_get_string (object, "provider", NULL, &self->provider, error))
    return FALSE;
  if (!nyl_json_get_string (object, "grant_status", NULL, &self->grant_status, error))
    return FALSE;
  if (!nyl_json_get_string (object, "email", NULL, &self->email, error))
    return FALSE;
  if (!nyl_json_get_string (object, "name", NULL, &self->name, error))
    return FALSE;
  if (!nyl_json_get_strv (object, "scope", &self->scope, error))
    return FALSE;
  if (!nyl_json_get_string (object, "user_agent", NULL, &self->user_agent, error))
    return FALSE;
  if (!nyl_json_get_string (object, "ip", NULL, &self->ip, error))
    return FALSE;
  if (!nyl_json_get_string (object, "state", NULL, &self->state, error))
    return FALSE;
  if (!nyl_json_get_int (object, "created_at", 0, &self->created_at, error))
    return FALSE;
  if (!nyl_json_get_int (object, "updated_at", 0, &self->updated_at, error))
    return FALSE;
  if (!nyl_json_get_string (object, "provider_user_id", NULL, &self->provider_user_id, error))
    return FALSE;
  if (!nyl_json_get_object (object, "settings", &nested, error))
    return FALSE;
  if (nested != NULL)
    self->settings = nyl_json_object_copy_sealed (nested);
  if (!nyl_json_get_string (object, "credential_id", NULL, &self->credential_id, error))
    return FALSE;
  if (!nyl_json_get_string (object, "workspace_id", NULL, &self->workspace_id, error))
    return FALSE;
  if (!nyl_json_get_boolean (object, "blocked", FALSE, &self->blocked, error))
    return FALSE;
  if (!nyl_json_get_strv (object, "email_aliases", &self->email_aliases, error))
    return FALSE;
  if (!nyl_json_get_string (object, "account_id", NULL, &self->account_id, error))
    return FALSE;

  return TRUE;
}

static JsonNode *
nyl_grant_to_json (NylResource        *resource,
                   NylResourceRequest  request)
{
  NylGrant *self = NYL_GRANT (resource);
  g_autoptr(JsonObject) body = NULL;

  /* There is no POST /v3/grants: grants come from authentication. */
  if (request != NYL_RESOURCE_REQUEST_UPDATE)
    return NULL;

  body = json_object_new ();
  nyl_json_set_object_copy (body, "settings", self->settings);
  nyl_json_set_strv (body, "scope", (const char * const *) self->scope);

  return json_node_init_object (json_node_alloc (), body);
}

static void
nyl_grant_finalize (GObject *object)
{
  NylGrant *self = (NylGrant *)object;

  g_clear_pointer (&self->provider, g_free);
  g_clear_pointer (&self->grant_status, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->scope, g_strfreev);
  g_clear_pointer (&self->user_agent, g_free);
  g_clear_pointer (&self->ip, g_free);
  g_clear_pointer (&self->state, g_free);
  g_clear_pointer (&self->provider_user_id, g_free);
  g_clear_pointer (&self->settings, json_object_unref);
  g_clear_pointer (&self->credential_id, g_free);
  g_clear_pointer (&self->workspace_id, g_free);
  g_clear_pointer (&self->email_aliases, g_strfreev);
  g_clear_pointer (&self->account_id, g_free);

  G_OBJECT_CLASS (nyl_grant_parent_class)->finalize (object);
}

static void
nyl_grant_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  NylGrant *self = NYL_GRANT (object);

  switch (prop_id)
    {
    case PROP_PROVIDER:
      g_value_set_string (value, self->provider);
      break;

    case PROP_GRANT_STATUS:
      g_value_set_string (value, self->grant_status);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SCOPE:
      g_value_set_boxed (value, self->scope);
      break;

    case PROP_USER_AGENT:
      g_value_set_string (value, self->user_agent);
      break;

    case PROP_IP:
      g_value_set_string (value, self->ip);
      break;

    case PROP_STATE:
      g_value_set_string (value, self->state);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;

    case PROP_PROVIDER_USER_ID:
      g_value_set_string (value, self->provider_user_id);
      break;

    case PROP_SETTINGS:
      g_value_set_boxed (value, self->settings);
      break;

    case PROP_CREDENTIAL_ID:
      g_value_set_string (value, self->credential_id);
      break;

    case PROP_WORKSPACE_ID:
      g_value_set_string (value, self->workspace_id);
      break;

    case PROP_BLOCKED:
      g_value_set_boolean (value, self->blocked);
      break;

    case PROP_EMAIL_ALIASES:
      g_value_set_boxed (value, self->email_aliases);
      break;

    case PROP_ACCOUNT_ID:
      g_value_set_string (value, self->account_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_grant_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  NylGrant *self = NYL_GRANT (object);

  switch (prop_id)
    {
    case PROP_SCOPE:
      nyl_grant_set_scope (self, g_value_get_boxed (value));
      break;

    case PROP_SETTINGS:
      nyl_grant_set_settings (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_grant_class_init (NylGrantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  NylResourceClass *resource_class = NYL_RESOURCE_CLASS (klass);

  object_class->finalize = nyl_grant_finalize;
  object_class->get_property = nyl_grant_get_property;
  object_class->set_property = nyl_grant_set_property;

  resource_class->kind = "grant";
  resource_class->from_json = nyl_grant_from_json;
  resource_class->to_json = nyl_grant_to_json;

  properties[PROP_PROVIDER] =
    g_param_spec_string ("provider", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  /**
   * NylGrant:grant-status:
   *
   * `valid` or `invalid` (expired: the user must authenticate again).
   */
  properties[PROP_GRANT_STATUS] =
    g_param_spec_string ("grant-status", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SCOPE] =
    g_param_spec_boxed ("scope", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_USER_AGENT] =
    g_param_spec_string ("user-agent", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_IP] =
    g_param_spec_string ("ip", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL,
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

  properties[PROP_PROVIDER_USER_ID] =
    g_param_spec_string ("provider-user-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  /**
   * NylGrant:settings:
   *
   * Provider-specific settings; an update replaces them whole.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_boxed ("settings", NULL, NULL,
                        JSON_TYPE_OBJECT,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_CREDENTIAL_ID] =
    g_param_spec_string ("credential-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_WORKSPACE_ID] =
    g_param_spec_string ("workspace-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_BLOCKED] =
    g_param_spec_boolean ("blocked", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_STATIC_STRINGS));

  /**
   * NylGrant:email-aliases:
   *
   * Only present when the grant was fetched with `expose_aliases=true`.
   */
  properties[PROP_EMAIL_ALIASES] =
    g_param_spec_boxed ("email-aliases", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE |
                         G_PARAM_STATIC_STRINGS));

  /**
   * NylGrant:account-id:
   *
   * The v2 account ID, for migrated grants only.
   */
  properties[PROP_ACCOUNT_ID] =
    g_param_spec_string ("account-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nyl_grant_init (NylGrant *self)
{
}

/**
 * nyl_grant_new:
 *
 * An empty grant, to fill in for a create request.
 *
 * Returns: (transfer full): a new #NylGrant
 */
NylGrant *
nyl_grant_new (void)
{
  return g_object_new (NYL_TYPE_GRANT, NULL);
}

const char *
nyl_grant_get_provider (NylGrant *self)
{
  g_return_val_if_fail (NYL_IS_GRANT (self), NULL);

  return self->provider;
}

const char *
nyl_grant_get_grant_status (NylGrant *self)
{
  g_return_val_if_fail (NYL_IS_GRANT (self), NULL);

  return self->grant_status;
}

const char *
nyl_grant_get_email (NylGrant *self)
{
  g_return_val_if_fail (NYL_IS_GRANT (self), NULL);

  return self->email;
}

const char *
nyl_grant_get_name (NylGrant *self)
{
  g_return_val_if_fail (NYL_IS_GRANT (self), NULL);

  return self->name;
}

const char * const *
nyl_grant_get_scope (NylGrant *self)
{
  g_return_val_if_fail (NYL_IS_GRANT (self), NULL);

  return (const char * const *) self->scope;
}

void
nyl_grant_set_scope (NylGrant           *self,
                     const char * const *scope)
{
  g_return_if_fail (NYL_IS_GRANT (self));

  _nyl_resource_set_strv (NYL_RESOURCE (self), &self->scope, scope, properties[PROP_SCOPE]);
}

const char *
nyl_grant_get_user_agent (NylGrant *self)
{
  g_return_val_if_fail (NYL_IS_GRANT (self), NULL);

  return self->user_agent;
}

const char *
nyl_grant_get_ip (NylGrant *self)
{
  g_return_val_if_fail (NYL_IS_GRANT (self), NULL);

  return self->ip;
}

const char *
nyl_grant_get_state (NylGrant *self)
{
  g_return_val_if_fail (NYL_IS_GRANT (self), NULL);

  return self->state;
}

gint64
nyl_grant_get_created_at (NylGrant *self)
{
  g_return_val_if_fail (NYL_IS_GRANT (self), 0);

  return self->created_at;
}

gint64
nyl_grant_get_updated_at (NylGrant *self)
{
  g_return_val_if_fail (NYL_IS_GRANT (self), 0);

  return self->updated_at;
}

const char *
nyl_grant_get_provider_user_id (NylGrant *self)
{
  g_return_val_if_fail (NYL_IS_GRANT (self), NULL);

  return self->provider_user_id;
}

JsonObject *
nyl_grant_get_settings (NylGrant *self)
{
  g_return_val_if_fail (NYL_IS_GRANT (self), NULL);

  return self->settings;
}

void
nyl_grant_set_settings (NylGrant   *self,
                        JsonObject *settings)
{
  g_return_if_fail (NYL_IS_GRANT (self));

  _nyl_resource_set_object (NYL_RESOURCE (self), &self->settings, settings,
                            properties[PROP_SETTINGS]);
}

const char *
nyl_grant_get_credential_id (NylGrant *self)
{
  g_return_val_if_fail (NYL_IS_GRANT (self), NULL);

  return self->credential_id;
}

const char *
nyl_grant_get_workspace_id (NylGrant *self)
{
  g_return_val_if_fail (NYL_IS_GRANT (self), NULL);

  return self->workspace_id;
}

gboolean
nyl_grant_get_blocked (NylGrant *self)
{
  g_return_val_if_fail (NYL_IS_GRANT (self), FALSE);

  return self->blocked;
}

const char * const *
nyl_grant_get_email_aliases (NylGrant *self)
{
  g_return_val_if_fail (NYL_IS_GRANT (self), NULL);

  return (const char * const *) self->email_aliases;
}

const char *
nyl_grant_get_account_id (NylGrant *self)
{
  g_return_val_if_fail (NYL_IS_GRANT (self), NULL);

  return self->account_id;
}
