/* nyl-app-details.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-app-details"

#include "config.h"

#include "nyl-app-details.h"

#include <glib/gi18n.h>

#include "nyl-api-error.h"
#include "nyl-json.h"
#include "nyl-redirect-uri.h"
#include "nyl-resource-private.h"

/**
 * NylAppDetails:
 *
 * The application's details and settings.
 */

struct _NylAppDetails
{
  NylResource parent_instance;

  char       *organization_id;
  char       *region;
  char       *environment;
  char       *default_workspace_id;
  char       *v2_application_id;
  char       *domain;
  JsonObject *branding;
  JsonObject *hosted_authentication;
  JsonObject *idp_settings;
  gint64      created_at;
  gint64      updated_at;
  gboolean    blocked;
  GListStore *callback_uris;
};

G_DEFINE_FINAL_TYPE (NylAppDetails, nyl_app_details, NYL_TYPE_RESOURCE)

/* In the order of the table below, then the properties of our own. */
enum {
  PROP_0,
  PROP_ORGANIZATION_ID,
  PROP_REGION,
  PROP_ENVIRONMENT,
  PROP_DEFAULT_WORKSPACE_ID,
  PROP_V2_APPLICATION_ID,
  PROP_DOMAIN,
  PROP_BRANDING,
  PROP_HOSTED_AUTHENTICATION,
  PROP_IDP_SETTINGS,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_BLOCKED,
  PROP_CALLBACK_URIS,
  PROP_BRANDING_NAME,
  PROP_BRANDING_ICON_URL,
  PROP_BRANDING_WEBSITE_URL,
  PROP_BRANDING_DESCRIPTION,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

#define WRITABLE_IN_UPDATE (NYL_FIELD_WRITABLE | NYL_FIELD_UPDATE)

/* PATCH /v3/applications: every nested object goes out whole. There is no
 * create.
 *
 * NylAppDetails:region: `us` or `eu`.
 * NylAppDetails:environment: `production`, `staging`, `sandbox`, …: free-form.
 * NylAppDetails:domain: the white-label domain, if any.
 * NylAppDetails:branding: `name`, `icon_url`, `website_url`, `description`.
 * NylAppDetails:hosted-authentication: the theme of the hosted sign-in pages:
 * `background_image_url`, `alignment`, `color_primary`, `color_secondary`,
 * `title`, `subtitle`, `background_color`, `spacing`, `terms_of_service_url`,
 * `privacy_policy_url`.
 * NylAppDetails:idp-settings: `origins` and `issuers`, each a comma-separated
 * list. */
static const NylResourceField fields[] = {
  NYL_FIELD ("organization_id", "organization-id", STRING, NYL_FIELD_READ_ONLY,
             NylAppDetails, organization_id),
  NYL_FIELD ("region", "region", STRING, NYL_FIELD_READ_ONLY, NylAppDetails, region),
  NYL_FIELD ("environment", "environment", STRING, NYL_FIELD_READ_ONLY,
             NylAppDetails, environment),
  NYL_FIELD ("default_workspace_id", "default-workspace-id", STRING, NYL_FIELD_READ_ONLY,
             NylAppDetails, default_workspace_id),
  NYL_FIELD ("v2_application_id", "v2-application-id", STRING, NYL_FIELD_READ_ONLY,
             NylAppDetails, v2_application_id),
  NYL_FIELD ("domain", "domain", STRING, WRITABLE_IN_UPDATE, NylAppDetails, domain),
  NYL_FIELD ("branding", "branding", OBJECT, WRITABLE_IN_UPDATE, NylAppDetails, branding),
  NYL_FIELD ("hosted_authentication", "hosted-authentication", OBJECT, WRITABLE_IN_UPDATE,
             NylAppDetails, hosted_authentication),
  NYL_FIELD ("idp_settings", "idp-settings", OBJECT, WRITABLE_IN_UPDATE,
             NylAppDetails, idp_settings),
  NYL_FIELD ("created_at", "created-at", INT64, NYL_FIELD_READ_ONLY, NylAppDetails, created_at),
  NYL_FIELD ("updated_at", "updated-at", INT64, NYL_FIELD_READ_ONLY, NylAppDetails, updated_at),
  NYL_FIELD ("blocked", "blocked", BOOLEAN, NYL_FIELD_READ_ONLY, NylAppDetails, blocked),
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == PROP_CALLBACK_URIS - 1);

/* The branding-* properties, from PROP_BRANDING_NAME on: members of
 * `branding`. */
static const struct {
  const char *property;
  const char *member;
} branding_properties[] = {
  { "branding-name", "name" },
  { "branding-icon-url", "icon_url" },
  { "branding-website-url", "website_url" },
  { "branding-description", "description" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (branding_properties) == N_PROPS - PROP_BRANDING_NAME);

static const char * const branding_strings[] = {
  "name", "icon_url", "website_url", "description",
};

static const char * const hosted_auth_strings[] = {
  "background_image_url", "alignment", "color_primary", "color_secondary", "title",
  "subtitle", "background_color", "terms_of_service_url", "privacy_policy_url",
};

static const char * const idp_strings[] = {
  "origins", "issuers",
};

/* The nested objects are kept whole, but the members this code shows must
 * still have the right type. */
static gboolean
check_strings (JsonObject          *object,
               const char * const  *members,
               gsize                n_members,
               GError             **error)
{
  for (gsize i = 0; i < n_members; i++)
    {
      g_autofree char *value = NULL;

      if (!nyl_json_get_string (object, members[i], NULL, &value, error))
        return FALSE;
    }

  return TRUE;
}

static const char *
branding_get (NylAppDetails *self,
              const char    *member)
{
  JsonNode *node;

  if (self->branding == NULL)
    return NULL;

  node = json_object_get_member (self->branding, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static void
branding_set (NylAppDetails *self,
              const char    *member,
              const char    *value,
              GParamSpec    *pspec)
{
  JsonObject *branding;

  if (g_strcmp0 (branding_get (self, member), value) == 0)
    return;

  /* The stored object is sealed: edit a copy, keeping every other member. */
  branding = self->branding != NULL ? nyl_json_object_copy (self->branding) : json_object_new ();
  if (value != NULL)
    json_object_set_string_member (branding, member, value);
  else
    json_object_remove_member (branding, member);
  json_object_seal (branding);

  g_clear_pointer (&self->branding, json_object_unref);
  self->branding = branding;

  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BRANDING]);
}

static gboolean
nyl_app_details_from_json (NylResource  *resource,
                           JsonObject   *object,
                           GError      **error)
{
  NylAppDetails *self = NYL_APP_DETAILS (resource);
  g_autofree char *application_id = NULL;
  JsonArray *uris = NULL;

  if (!nyl_json_get_string (object, "application_id", NULL, &application_id, error))
    return FALSE;
  _nyl_resource_set_id (resource, application_id);

  if (!_nyl_resource_read_fields (resource, object, error))
    return FALSE;

  if (!check_strings (self->branding, branding_strings,
                      G_N_ELEMENTS (branding_strings), error) ||
      !check_strings (self->hosted_authentication, hosted_auth_strings,
                      G_N_ELEMENTS (hosted_auth_strings), error) ||
      !check_strings (self->idp_settings, idp_strings, G_N_ELEMENTS (idp_strings), error))
    return FALSE;

  if (self->hosted_authentication != NULL)
    {
      gint64 spacing;

      if (!nyl_json_get_int (self->hosted_authentication, "spacing", 0, &spacing, error))
        return FALSE;
    }

  if (!nyl_json_get_array (object, "callback_uris", &uris, error))
    return FALSE;

  for (guint i = 0; uris != NULL && i < json_array_get_length (uris); i++)
    {
      JsonNode *element = json_array_get_element (uris, i);
      g_autoptr(NylRedirectUri) uri = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                       _("Unexpected data from the server: “%s” should be a list of objects"),
                       "callback_uris");
          return FALSE;
        }

      uri = nyl_resource_new_from_json (NYL_TYPE_REDIRECT_URI, element, error);
      if (uri == NULL)
        return FALSE;

      g_list_store_append (self->callback_uris, uri);
    }

  return TRUE;
}

static void
nyl_app_details_finalize (GObject *object)
{
  NylAppDetails *self = (NylAppDetails *)object;

  g_clear_object (&self->callback_uris);

  G_OBJECT_CLASS (nyl_app_details_parent_class)->finalize (object);
}

static void
nyl_app_details_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NylAppDetails *self = NYL_APP_DETAILS (object);

  guint branding = prop_id - PROP_BRANDING_NAME;

  if (prop_id == PROP_CALLBACK_URIS)
    g_value_set_object (value, self->callback_uris);
  else if (prop_id >= PROP_BRANDING_NAME && prop_id < N_PROPS)
    g_value_set_string (value, branding_get (self, branding_properties[branding].member));
  else
    G_OBJECT_CLASS (nyl_app_details_parent_class)->get_property (object, prop_id, value, pspec);
}

static void
nyl_app_details_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  NylAppDetails *self = NYL_APP_DETAILS (object);

  if (prop_id == PROP_BRANDING)
    nyl_app_details_set_branding (self, g_value_get_boxed (value));
  else if (prop_id >= PROP_BRANDING_NAME && prop_id < N_PROPS)
    branding_set (self, branding_properties[prop_id - PROP_BRANDING_NAME].member,
                  g_value_get_string (value), pspec);
  else
    G_OBJECT_CLASS (nyl_app_details_parent_class)->set_property (object, prop_id, value, pspec);
}

static void
nyl_app_details_class_init (NylAppDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  NylResourceClass *resource_class = NYL_RESOURCE_CLASS (klass);

  object_class->finalize = nyl_app_details_finalize;
  object_class->get_property = nyl_app_details_get_property;
  object_class->set_property = nyl_app_details_set_property;

  resource_class->kind = "application";
  resource_class->from_json = nyl_app_details_from_json;

  _nyl_resource_class_install_fields (resource_class, fields, G_N_ELEMENTS (fields), properties);

  /**
   * NylAppDetails:callback-uris:
   *
   * The redirect URIs (#NylRedirectUri), as listed in the application. Manage
   * them with the redirect-URI requests; an update body never carries them.
   */
  properties[PROP_CALLBACK_URIS] =
    g_param_spec_object ("callback-uris", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_CALLBACK_URIS,
                                   properties[PROP_CALLBACK_URIS]);

  for (guint i = 0; i < G_N_ELEMENTS (branding_properties); i++)
    {
      properties[PROP_BRANDING_NAME + i] =
        g_param_spec_string (branding_properties[i].property, NULL, NULL,
                             NULL,
                             (G_PARAM_READWRITE |
                              G_PARAM_EXPLICIT_NOTIFY |
                              G_PARAM_STATIC_STRINGS));
      g_object_class_install_property (object_class, PROP_BRANDING_NAME + i,
                                       properties[PROP_BRANDING_NAME + i]);
    }
}

static void
nyl_app_details_init (NylAppDetails *self)
{
  self->callback_uris = g_list_store_new (NYL_TYPE_REDIRECT_URI);
}

/**
 * nyl_app_details_new:
 *
 * An empty application, to fill in for a create request.
 *
 * Returns: (transfer full): a new #NylAppDetails
 */
NylAppDetails *
nyl_app_details_new (void)
{
  return g_object_new (NYL_TYPE_APP_DETAILS, NULL);
}

const char *
nyl_app_details_get_organization_id (NylAppDetails *self)
{
  g_return_val_if_fail (NYL_IS_APP_DETAILS (self), NULL);

  return self->organization_id;
}

const char *
nyl_app_details_get_region (NylAppDetails *self)
{
  g_return_val_if_fail (NYL_IS_APP_DETAILS (self), NULL);

  return self->region;
}

const char *
nyl_app_details_get_environment (NylAppDetails *self)
{
  g_return_val_if_fail (NYL_IS_APP_DETAILS (self), NULL);

  return self->environment;
}

const char *
nyl_app_details_get_default_workspace_id (NylAppDetails *self)
{
  g_return_val_if_fail (NYL_IS_APP_DETAILS (self), NULL);

  return self->default_workspace_id;
}

const char *
nyl_app_details_get_v2_application_id (NylAppDetails *self)
{
  g_return_val_if_fail (NYL_IS_APP_DETAILS (self), NULL);

  return self->v2_application_id;
}

const char *
nyl_app_details_get_domain (NylAppDetails *self)
{
  g_return_val_if_fail (NYL_IS_APP_DETAILS (self), NULL);

  return self->domain;
}

void
nyl_app_details_set_domain (NylAppDetails *self,
                            const char    *domain)
{
  g_return_if_fail (NYL_IS_APP_DETAILS (self));

  _nyl_resource_set_string (NYL_RESOURCE (self), &self->domain, domain, properties[PROP_DOMAIN]);
}

JsonObject *
nyl_app_details_get_branding (NylAppDetails *self)
{
  g_return_val_if_fail (NYL_IS_APP_DETAILS (self), NULL);

  return self->branding;
}

void
nyl_app_details_set_branding (NylAppDetails *self,
                              JsonObject    *branding)
{
  g_return_if_fail (NYL_IS_APP_DETAILS (self));

  if (!_nyl_resource_set_object (NYL_RESOURCE (self), &self->branding, branding,
                                 properties[PROP_BRANDING]))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BRANDING_NAME]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BRANDING_ICON_URL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BRANDING_WEBSITE_URL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BRANDING_DESCRIPTION]);
}

JsonObject *
nyl_app_details_get_hosted_authentication (NylAppDetails *self)
{
  g_return_val_if_fail (NYL_IS_APP_DETAILS (self), NULL);

  return self->hosted_authentication;
}

void
nyl_app_details_set_hosted_authentication (NylAppDetails *self,
                                           JsonObject    *hosted_auth)
{
  g_return_if_fail (NYL_IS_APP_DETAILS (self));

  _nyl_resource_set_object (NYL_RESOURCE (self), &self->hosted_authentication, hosted_auth,
                            properties[PROP_HOSTED_AUTHENTICATION]);
}

JsonObject *
nyl_app_details_get_idp_settings (NylAppDetails *self)
{
  g_return_val_if_fail (NYL_IS_APP_DETAILS (self), NULL);

  return self->idp_settings;
}

void
nyl_app_details_set_idp_settings (NylAppDetails *self,
                                  JsonObject    *idp_settings)
{
  g_return_if_fail (NYL_IS_APP_DETAILS (self));

  _nyl_resource_set_object (NYL_RESOURCE (self), &self->idp_settings, idp_settings,
                            properties[PROP_IDP_SETTINGS]);
}

gint64
nyl_app_details_get_created_at (NylAppDetails *self)
{
  g_return_val_if_fail (NYL_IS_APP_DETAILS (self), 0);

  return self->created_at;
}

gint64
nyl_app_details_get_updated_at (NylAppDetails *self)
{
  g_return_val_if_fail (NYL_IS_APP_DETAILS (self), 0);

  return self->updated_at;
}

gboolean
nyl_app_details_get_blocked (NylAppDetails *self)
{
  g_return_val_if_fail (NYL_IS_APP_DETAILS (self), FALSE);

  return self->blocked;
}

/**
 * nyl_app_details_get_application_id:
 *
 * Returns: the application ID (also the OAuth client ID); the same as
 *   nyl_resource_get_id().
 */
const char *
nyl_app_details_get_application_id (NylAppDetails *self)
{
  g_return_val_if_fail (NYL_IS_APP_DETAILS (self), NULL);

  return nyl_resource_get_id (NYL_RESOURCE (self));
}

/**
 * nyl_app_details_get_callback_uris:
 *
 * Returns: (transfer none): a #GListModel of #NylRedirectUri
 */
GListModel *
nyl_app_details_get_callback_uris (NylAppDetails *self)
{
  g_return_val_if_fail (NYL_IS_APP_DETAILS (self), NULL);

  return G_LIST_MODEL (self->callback_uris);
}

const char *
nyl_app_details_get_branding_name (NylAppDetails *self)
{
  g_return_val_if_fail (NYL_IS_APP_DETAILS (self), NULL);

  return branding_get (self, "name");
}

void
nyl_app_details_set_branding_name (NylAppDetails *self,
                                   const char    *name)
{
  g_return_if_fail (NYL_IS_APP_DETAILS (self));

  branding_set (self, "name", name, properties[PROP_BRANDING_NAME]);
}

const char *
nyl_app_details_get_branding_icon_url (NylAppDetails *self)
{
  g_return_val_if_fail (NYL_IS_APP_DETAILS (self), NULL);

  return branding_get (self, "icon_url");
}

void
nyl_app_details_set_branding_icon_url (NylAppDetails *self,
                                       const char    *icon_url)
{
  g_return_if_fail (NYL_IS_APP_DETAILS (self));

  branding_set (self, "icon_url", icon_url, properties[PROP_BRANDING_ICON_URL]);
}

const char *
nyl_app_details_get_branding_website_url (NylAppDetails *self)
{
  g_return_val_if_fail (NYL_IS_APP_DETAILS (self), NULL);

  return branding_get (self, "website_url");
}

void
nyl_app_details_set_branding_website_url (NylAppDetails *self,
                                          const char    *website_url)
{
  g_return_if_fail (NYL_IS_APP_DETAILS (self));

  branding_set (self, "website_url", website_url, properties[PROP_BRANDING_WEBSITE_URL]);
}

const char *
nyl_app_details_get_branding_description (NylAppDetails *self)
{
  g_return_val_if_fail (NYL_IS_APP_DETAILS (self), NULL);

  return branding_get (self, "description");
}

void
nyl_app_details_set_branding_description (NylAppDetails *self,
                                          const char    *description)
{
  g_return_if_fail (NYL_IS_APP_DETAILS (self));

  branding_set (self, "description", description, properties[PROP_BRANDING_DESCRIPTION]);
}
