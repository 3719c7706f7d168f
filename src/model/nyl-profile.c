/* nyl-profile.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-profile"

#include "config.h"

#include "nyl-profile.h"

#include <glib/gi18n.h>

#include "nyl-api-error.h"
#include "nyl-client.h"

/**
 * NylProfile:
 *
 * The non-secret half of one application profile: how to reach the
 * application (region or custom API URL), what it is (application and
 * organization IDs, environment) and which Service Account, if any, manages
 * its API keys. The secrets themselves (API key, Service Account key) live in
 * the keyring under the profile's #NylProfile:id, which never changes, so a
 * profile can be renamed without losing them.
 */
struct _NylProfile
{
  GObject  parent_instance;

  char    *fields[11];
};

G_DEFINE_FINAL_TYPE (NylProfile, nyl_profile, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_REGION,
  PROP_API_URL,
  PROP_APPLICATION_ID,
  PROP_ORGANIZATION_ID,
  PROP_ENVIRONMENT,
  PROP_SERVICE_ACCOUNT_KEY_ID,
  PROP_SERVICE_ACCOUNT_ORGANIZATION_ID,
  PROP_SERVICE_ACCOUNT_REGION,
  N_PROPS,
};

G_STATIC_ASSERT (N_PROPS == G_N_ELEMENTS (((NylProfile *)NULL)->fields));

static GParamSpec *properties[N_PROPS];

/* Where each property lives in profiles.json: a member of the profile object,
 * or of its "service_account" object. */
static const struct
{
  const char *member;
  gboolean    in_service_account;
} json_members[N_PROPS] = {
  [PROP_ID] = { "id", FALSE },
  [PROP_NAME] = { "name", FALSE },
  [PROP_REGION] = { "region", FALSE },
  [PROP_API_URL] = { "api_url", FALSE },
  [PROP_APPLICATION_ID] = { "application_id", FALSE },
  [PROP_ORGANIZATION_ID] = { "organization_id", FALSE },
  [PROP_ENVIRONMENT] = { "environment", FALSE },
  [PROP_SERVICE_ACCOUNT_KEY_ID] = { "key_id", TRUE },
  [PROP_SERVICE_ACCOUNT_ORGANIZATION_ID] = { "organization_id", TRUE },
  [PROP_SERVICE_ACCOUNT_REGION] = { "region", TRUE },
};

static const char *
get_field (NylProfile *self,
           guint       prop_id)
{
  g_return_val_if_fail (NYL_IS_PROFILE (self), NULL);

  return self->fields[prop_id];
}

static void
set_field (NylProfile *self,
           guint       prop_id,
           const char *value)
{
  g_return_if_fail (NYL_IS_PROFILE (self));

  /* Empty means unset. */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->fields[prop_id], value) == 0)
    return;

  g_free (self->fields[prop_id]);
  self->fields[prop_id] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
nyl_profile_finalize (GObject *object)
{
  NylProfile *self = (NylProfile *)object;

  for (guint i = 0; i < N_PROPS; i++)
    g_clear_pointer (&self->fields[i], g_free);

  G_OBJECT_CLASS (nyl_profile_parent_class)->finalize (object);
}

static void
nyl_profile_constructed (GObject *object)
{
  NylProfile *self = (NylProfile *)object;

  G_OBJECT_CLASS (nyl_profile_parent_class)->constructed (object);

  /* A new profile gets an ID of its own. */
  if (self->fields[PROP_ID] == NULL || *self->fields[PROP_ID] == '\0')
    {
      g_free (self->fields[PROP_ID]);
      self->fields[PROP_ID] = g_uuid_string_random ();
    }
}

static void
nyl_profile_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  NylProfile *self = NYL_PROFILE (object);

  if (prop_id > PROP_0 && prop_id < N_PROPS)
    g_value_set_string (value, self->fields[prop_id]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
nyl_profile_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  NylProfile *self = NYL_PROFILE (object);

  if (prop_id == PROP_ID)
    self->fields[PROP_ID] = g_value_dup_string (value);
  else if (prop_id > PROP_0 && prop_id < N_PROPS)
    set_field (self, prop_id, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
nyl_profile_class_init (NylProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const names[N_PROPS] = {
    [PROP_ID] = "id",
    [PROP_NAME] = "name",
    [PROP_REGION] = "region",
    [PROP_API_URL] = "api-url",
    [PROP_APPLICATION_ID] = "application-id",
    [PROP_ORGANIZATION_ID] = "organization-id",
    [PROP_ENVIRONMENT] = "environment",
    [PROP_SERVICE_ACCOUNT_KEY_ID] = "service-account-key-id",
    [PROP_SERVICE_ACCOUNT_ORGANIZATION_ID] = "service-account-organization-id",
    [PROP_SERVICE_ACCOUNT_REGION] = "service-account-region",
  };

  object_class->constructed = nyl_profile_constructed;
  object_class->finalize = nyl_profile_finalize;
  object_class->get_property = nyl_profile_get_property;
  object_class->set_property = nyl_profile_set_property;

  /**
   * NylProfile:id:
   *
   * A stable identifier (a random UUID when none is given); the keyring
   * items of the profile are filed under it.
   */
  properties[PROP_ID] =
    g_param_spec_string (names[PROP_ID], NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /*
   * The others: name (unique, shown and typed by people), region ("us" or
   * "eu"), api-url (a custom API base URL), application-id, organization-id,
   * environment (as Nylas reports it, e.g. "production"), and the Service
   * Account's key ID, organization ID and region. All nullable.
   */
  for (guint i = PROP_NAME; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL,
                                         NULL,
                                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nyl_profile_init (NylProfile *self)
{
}

/**
 * nyl_profile_new:
 * @id: (nullable): the profile's ID; %NULL for a new random one
 * @name: the profile's name
 *
 * Returns: (transfer full): a new #NylProfile
 */
NylProfile *
nyl_profile_new (const char *id,
                 const char *name)
{
  return g_object_new (NYL_TYPE_PROFILE, "id", id, "name", name, NULL);
}

static gboolean
region_is_valid (const char *region)
{
  return region == NULL || nyl_region_get_api_url (region) != NULL;
}

/**
 * nyl_profile_validate:
 * @self: a #NylProfile
 * @error: return location for a #GError
 *
 * Checks what a profile must be before it is saved: a name, a known region or
 * an acceptable API URL (https, or http on loopback), and a known Service
 * Account region.
 *
 * Returns: %TRUE when valid; otherwise %FALSE with
 *   %NYL_API_ERROR_INVALID_REQUEST or %NYL_API_ERROR_INSECURE_URL
 */
gboolean
nyl_profile_validate (NylProfile  *self,
                      GError     **error)
{
  g_autofree char *stripped = NULL;
  const char *name;

  g_return_val_if_fail (NYL_IS_PROFILE (self), FALSE);

  name = self->fields[PROP_NAME];
  stripped = g_strstrip (g_strdup (name ? name : ""));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                           _("A profile needs a name"));
      return FALSE;
    }

  if (!region_is_valid (self->fields[PROP_REGION]) ||
      !region_is_valid (self->fields[PROP_SERVICE_ACCOUNT_REGION]))
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                   _("Profile “%s”: the region must be “us” or “eu”"), name);
      return FALSE;
    }

  if (self->fields[PROP_REGION] == NULL && self->fields[PROP_API_URL] == NULL)
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                   _("Profile “%s” needs a region or an API URL"), name);
      return FALSE;
    }

  if (self->fields[PROP_API_URL] != NULL && !nyl_api_url_check (self->fields[PROP_API_URL], error))
    return FALSE;

  return TRUE;
}

/**
 * nyl_profile_new_from_json:
 * @node: one entry of the `profiles` array of profiles.json
 * @error: return location for a #GError
 *
 * Members this version does not know are ignored; a known member of the wrong
 * type, or a profile that does not validate, is an error.
 *
 * Returns: (transfer full) (nullable): the profile, or %NULL with
 *   %NYL_API_ERROR_PARSE (or a nyl_profile_validate() error)
 */
NylProfile *
nyl_profile_new_from_json (JsonNode  *node,
                           GError   **error)
{
  g_autoptr(NylProfile) self = NULL;
  JsonObject *object;
  JsonObject *service_account = NULL;
  JsonNode *member;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    goto bad_shape;

  object = json_node_get_object (node);

  member = json_object_get_member (object, "service_account");
  if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
    service_account = json_node_get_object (member);
  else if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    goto bad_shape;

  member = json_object_get_member (object, "id");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_STRING ||
      *json_node_get_string (member) == '\0')
    goto bad_shape;

  self = nyl_profile_new (json_node_get_string (member), NULL);

  for (guint i = PROP_NAME; i < N_PROPS; i++)
    {
      JsonObject *from = json_members[i].in_service_account ? service_account : object;

      member = from ? json_object_get_member (from, json_members[i].member) : NULL;
      if (member == NULL || JSON_NODE_HOLDS_NULL (member))
        continue;

      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
        goto bad_shape;

      set_field (self, i, json_node_get_string (member));
    }

  if (!nyl_profile_validate (self, error))
    return NULL;

  return g_steal_pointer (&self);

bad_shape:
  g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                       _("A profile entry is not in the expected form"));
  return NULL;
}

/**
 * nyl_profile_to_json:
 * @self: a #NylProfile
 *
 * Returns: (transfer full): the profile as a profiles.json entry; unset
 *   members are left out
 */
JsonNode *
nyl_profile_to_json (NylProfile *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean has_service_account = FALSE;

  g_return_val_if_fail (NYL_IS_PROFILE (self), NULL);

  json_builder_begin_object (builder);

  for (guint i = PROP_ID; i < N_PROPS; i++)
    {
      if (json_members[i].in_service_account)
        {
          has_service_account |= self->fields[i] != NULL;
          continue;
        }

      if (self->fields[i] != NULL)
        {
          json_builder_set_member_name (builder, json_members[i].member);
          json_builder_add_string_value (builder, self->fields[i]);
        }
    }

  if (has_service_account)
    {
      json_builder_set_member_name (builder, "service_account");
      json_builder_begin_object (builder);
      for (guint i = PROP_ID; i < N_PROPS; i++)
        {
          if (json_members[i].in_service_account && self->fields[i] != NULL)
            {
              json_builder_set_member_name (builder, json_members[i].member);
              json_builder_add_string_value (builder, self->fields[i]);
            }
        }
      json_builder_end_object (builder);
    }

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

const char *
nyl_profile_get_id (NylProfile *self)
{
  return get_field (self, PROP_ID);
}

const char *
nyl_profile_get_name (NylProfile *self)
{
  return get_field (self, PROP_NAME);
}

void
nyl_profile_set_name (NylProfile *self,
                      const char *name)
{
  set_field (self, PROP_NAME, name);
}

/**
 * nyl_profile_get_region:
 *
 * Returns: (nullable): `"us"` or `"eu"`, or %NULL for a custom API URL only
 */
const char *
nyl_profile_get_region (NylProfile *self)
{
  return get_field (self, PROP_REGION);
}

void
nyl_profile_set_region (NylProfile *self,
                        const char *region)
{
  set_field (self, PROP_REGION, region);
}

/**
 * nyl_profile_get_api_url:
 *
 * Returns: (nullable): a custom API base URL, which wins over the region host
 */
const char *
nyl_profile_get_api_url (NylProfile *self)
{
  return get_field (self, PROP_API_URL);
}

void
nyl_profile_set_api_url (NylProfile *self,
                         const char *api_url)
{
  set_field (self, PROP_API_URL, api_url);
}

const char *
nyl_profile_get_application_id (NylProfile *self)
{
  return get_field (self, PROP_APPLICATION_ID);
}

void
nyl_profile_set_application_id (NylProfile *self,
                                const char *application_id)
{
  set_field (self, PROP_APPLICATION_ID, application_id);
}

const char *
nyl_profile_get_organization_id (NylProfile *self)
{
  return get_field (self, PROP_ORGANIZATION_ID);
}

void
nyl_profile_set_organization_id (NylProfile *self,
                                 const char *organization_id)
{
  set_field (self, PROP_ORGANIZATION_ID, organization_id);
}

const char *
nyl_profile_get_environment (NylProfile *self)
{
  return get_field (self, PROP_ENVIRONMENT);
}

void
nyl_profile_set_environment (NylProfile *self,
                             const char *environment)
{
  set_field (self, PROP_ENVIRONMENT, environment);
}

const char *
nyl_profile_get_service_account_key_id (NylProfile *self)
{
  return get_field (self, PROP_SERVICE_ACCOUNT_KEY_ID);
}

void
nyl_profile_set_service_account_key_id (NylProfile *self,
                                        const char *key_id)
{
  set_field (self, PROP_SERVICE_ACCOUNT_KEY_ID, key_id);
}

const char *
nyl_profile_get_service_account_organization_id (NylProfile *self)
{
  return get_field (self, PROP_SERVICE_ACCOUNT_ORGANIZATION_ID);
}

void
nyl_profile_set_service_account_organization_id (NylProfile *self,
                                                 const char *organization_id)
{
  set_field (self, PROP_SERVICE_ACCOUNT_ORGANIZATION_ID, organization_id);
}

const char *
nyl_profile_get_service_account_region (NylProfile *self)
{
  return get_field (self, PROP_SERVICE_ACCOUNT_REGION);
}

void
nyl_profile_set_service_account_region (NylProfile *self,
                                        const char *region)
{
  set_field (self, PROP_SERVICE_ACCOUNT_REGION, region);
}

/**
 * nyl_profile_has_service_account:
 *
 * Returns: %TRUE when a Service Account manages this profile's API keys (its
 *   key is then in the keyring)
 */
gboolean
nyl_profile_has_service_account (NylProfile *self)
{
  return get_field (self, PROP_SERVICE_ACCOUNT_KEY_ID) != NULL;
}
