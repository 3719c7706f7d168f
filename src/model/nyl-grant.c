/* nyl-grant.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-grant"

#include "config.h"

#include "nyl-grant.h"

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

/* In the order of the table below. */
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

/* There is no POST /v3/grants: grants come from authentication. An update
 * (PATCH) sends `settings` (provider-specific, replaced whole) and `scope`.
 *
 * NylGrant:email-aliases: only present when the grant was fetched with
 * `expose_aliases=true`.
 * NylGrant:grant-status: `valid` or `invalid` (expired: the user must
 * authenticate again).
 * NylGrant:account-id: the v2 account ID, for migrated grants only. */
static const NylResourceField fields[] = {
  NYL_FIELD ("provider", "provider", STRING, NYL_FIELD_READ_ONLY, NylGrant, provider),
  NYL_FIELD ("grant_status", "grant-status", STRING, NYL_FIELD_READ_ONLY, NylGrant, grant_status),
  NYL_FIELD ("email", "email", STRING, NYL_FIELD_READ_ONLY, NylGrant, email),
  NYL_FIELD ("name", "name", STRING, NYL_FIELD_READ_ONLY, NylGrant, name),
  NYL_FIELD ("scope", "scope", STRV, NYL_FIELD_WRITABLE | NYL_FIELD_UPDATE, NylGrant, scope),
  NYL_FIELD ("user_agent", "user-agent", STRING, NYL_FIELD_READ_ONLY, NylGrant, user_agent),
  NYL_FIELD ("ip", "ip", STRING, NYL_FIELD_READ_ONLY, NylGrant, ip),
  NYL_FIELD ("state", "state", STRING, NYL_FIELD_READ_ONLY, NylGrant, state),
  NYL_FIELD ("created_at", "created-at", INT64, NYL_FIELD_READ_ONLY, NylGrant, created_at),
  NYL_FIELD ("updated_at", "updated-at", INT64, NYL_FIELD_READ_ONLY, NylGrant, updated_at),
  NYL_FIELD ("provider_user_id", "provider-user-id", STRING, NYL_FIELD_READ_ONLY,
             NylGrant, provider_user_id),
  NYL_FIELD ("settings", "settings", OBJECT, NYL_FIELD_WRITABLE | NYL_FIELD_UPDATE,
             NylGrant, settings),
  NYL_FIELD ("credential_id", "credential-id", STRING, NYL_FIELD_READ_ONLY,
             NylGrant, credential_id),
  NYL_FIELD ("workspace_id", "workspace-id", STRING, NYL_FIELD_READ_ONLY, NylGrant, workspace_id),
  NYL_FIELD ("blocked", "blocked", BOOLEAN, NYL_FIELD_READ_ONLY, NylGrant, blocked),
  NYL_FIELD ("email_aliases", "email-aliases", STRV, NYL_FIELD_READ_ONLY, NylGrant, email_aliases),
  NYL_FIELD ("account_id", "account-id", STRING, NYL_FIELD_READ_ONLY, NylGrant, account_id),
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_PROPS - 1);

static void
nyl_grant_class_init (NylGrantClass *klass)
{
  NylResourceClass *resource_class = NYL_RESOURCE_CLASS (klass);

  resource_class->kind = "grant";
  _nyl_resource_class_install_fields (resource_class, fields, G_N_ELEMENTS (fields), properties);
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
