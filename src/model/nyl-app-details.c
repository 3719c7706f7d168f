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
  JsonObject *nested = NULL;
  JsonArray *uris = NULL;

  if (!nyl_json_get_string (object, "application_id", NULL, &application_id, error))
    return FALSE;
  _nyl_resource_set_id (resource, application_id);

  if (!nyl_json_get_string (object, "organization_id", NULL, &self->organization_id, error))
    return FALSE;
  if (!nyl_json_get_string (object, "region", NULL, &self->region, error))
    return FALSE;
  if (!nyl_json_get_string (object, "environment", NULL, &self->environment, error))
    return FALSE;
  if (!nyl_json_get_string (object, "default_workspace_id", NULL, &self->default_workspace_id,
                            error))
    return FALSE;
  if (!nyl_json_get_string (object, "v2_application_id", NULL, &self->v2_application_id, error))
    return FALSE;
  if (!nyl_json_get_string (object, "domain", NULL, &self->domain, error))
    return FALSE;
  if (!nyl_json_get_object (object, "branding", &nested, error))
    return FALSE;
  if (nested != NULL)
    self->branding = nyl_json_object_copy_sealed (nested);
  if (!nyl_json_get_object (object, "hosted_authentication", &nested, error))
    return FALSE;
  if (nested != NULL)
    self->hosted_authentication = nyl_json_object_copy_sealed (nested);
  if (!nyl_json_get_object (object, "idp_settings", &nested, error))
    return FALSE;
  if (nested != NULL)
    self->idp_settings = nyl_json_object_copy_sealed (nested);
  if (!nyl_json_get_int (object, "created_at", 0, &self->created_at, error))
    return FALSE;
  if (!nyl_json_get_int (object, "updated_at", 0, &self->updated_at, error))
    return FALSE;
  if (!nyl_json_get_boolean (object, "blocked", FALSE, &self->blocked, error))
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

/* PATCH /v3/applications: every nested object goes out whole. There is no
 * create. */
static JsonNode *
nyl_app_details_to_json (NylResource        *resource,
                         NylResourceRequest  request)
{
  NylAppDetails *self = NYL_APP_DETAILS (resource);
  g_autoptr(JsonObject) body = NULL;

  if (request != NYL_RESOURCE_REQUEST_UPDATE)
    return NULL;

  body = json_object_new ();
  nyl_json_set_object_copy (body, "branding", self->branding);
  nyl_json_set_object_copy (body, "hosted_authentication", self->hosted_authentication);
  nyl_json_set_object_copy (body, "idp_settings", self->idp_settings);
  nyl_json_set_string (body, "domain", self->domain);

  return json_node_init_object (json_node_alloc (), body);
}

static void
nyl_app_details_finalize (GObject *object)
{
  NylAppDetails *self = (NylAppDetails *)object;

  g_clear_pointer (&self->organization_id, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->environment, g_free);
  g_clear_pointer (&self->default_workspace_id, g_free);
  g_clear_pointer (&self->v2_application_id, g_free);
  g_clear_pointer (&self->domain, g_free);
  g_clear_pointer (&self->branding, json_object_unref);
  g_clear_pointer (&self->hosted_authentication, json_object_unref);
  g_clear_pointer (&self->idp_settings, json_object_unref);
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

  switch (prop_id)
    {
    case PROP_ORGANIZATION_ID:
      g_value_set_string (value, self->organization_id);
      break;

    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;

    case PROP_ENVIRONMENT:
      g_value_set_string (value, self->environment);
      break;

    case PROP_DEFAULT_WORKSPACE_ID:
      g_value_set_string (value, self->default_workspace_id);
      break;

    case PROP_V2_APPLICATION_ID:
      g_value_set_string (value, self->v2_application_id);
      break;

    case PROP_DOMAIN:
      g_value_set_string (value, self->domain);
      break;

    case PROP_BRANDING:
      g_value_set_boxed (value, self->branding);
      break;

    case PROP_HOSTED_AUTHENTICATION:
      g_value_set_boxed (value, self->hosted_authentication);
      break;

    case PROP_IDP_SETTINGS:
      g_value_set_boxed (value, self->idp_settings);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;

    case PROP_BLOCKED:
      g_value_set_boolean (value, self->blocked);
      break;

    case PROP_CALLBACK_URIS:
      g_value_set_object (value, self->callback_uris);
      break;

    case PROP_BRANDING_NAME:
      g_value_set_string (value, branding_get (self, "name"));
      break;

    case PROP_BRANDING_ICON_URL:
      g_value_set_string (value, branding_get (self, "icon_url"));
      break;

    case PROP_BRANDING_WEBSITE_URL:
      g_value_set_string (value, branding_get (self, "website_url"));
      break;

    case PROP_BRANDING_DESCRIPTION:
      g_value_set_string (value, branding_get (self, "description"));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_app_details_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  NylAppDetails *self = NYL_APP_DETAILS (object);

  switch (prop_id)
    {
    case PROP_DOMAIN:
      nyl_app_details_set_domain (self, g_value_get_string (value));
      break;

    case PROP_BRANDING:
      nyl_app_details_set_branding (self, g_value_get_boxed (value));
      break;

    case PROP_HOSTED_AUTHENTICATION:
      nyl_app_details_set_hosted_authentication (self, g_value_get_boxed (value));
      break;

    case PROP_IDP_SETTINGS:
      nyl_app_details_set_idp_settings (self, g_value_get_boxed (value));
      break;

    case PROP_BRANDING_NAME:
      nyl_app_details_set_branding_name (self, g_value_get_string (value));
      break;

    case PROP_BRANDING_ICON_URL:
      nyl_app_details_set_branding_icon_url (self, g_value_get_string (value));
      break;

    case PROP_BRANDING_WEBSITE_URL:
      nyl_app_details_set_branding_website_url (self, g_value_get_string (value));
      break;

    case PROP_BRANDING_DESCRIPTION:
      nyl_app_details_set_branding_description (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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
  resource_class->to_json = nyl_app_details_to_json;

  properties[PROP_ORGANIZATION_ID] =
    g_param_spec_string ("organization-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  /**
   * NylAppDetails:region:
   *
   * `us` or `eu`.
   */
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  /**
   * NylAppDetails:environment:
   *
   * `production`, `staging`, `sandbox`, …: free-form.
   */
  properties[PROP_ENVIRONMENT] =
    g_param_spec_string ("environment", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_DEFAULT_WORKSPACE_ID] =
    g_param_spec_string ("default-workspace-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_V2_APPLICATION_ID] =
    g_param_spec_string ("v2-application-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  /**
   * NylAppDetails:domain:
   *
   * The white-label domain, if any.
   */
  properties[PROP_DOMAIN] =
    g_param_spec_string ("domain", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * NylAppDetails:branding:
   *
   * `name`, `icon_url`, `website_url`, `description`.
   */
  properties[PROP_BRANDING] =
    g_param_spec_boxed ("branding", NULL, NULL,
                        JSON_TYPE_OBJECT,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /**
   * NylAppDetails:hosted-authentication:
   *
   * The theme of the hosted sign-in pages: `background_image_url`, `alignment`,
   * `color_primary`, `color_secondary`, `title`, `subtitle`, `background_color`,
   * `spacing`, `terms_of_service_url`, `privacy_policy_url`.
   */
  properties[PROP_HOSTED_AUTHENTICATION] =
    g_param_spec_boxed ("hosted-authentication", NULL, NULL,
                        JSON_TYPE_OBJECT,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /**
   * NylAppDetails:idp-settings:
   *
   * `origins` and `issuers`, each a comma-separated list.
   */
  properties[PROP_IDP_SETTINGS] =
    g_param_spec_boxed ("idp-settings", NULL, NULL,
                        JSON_TYPE_OBJECT,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
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

  properties[PROP_BLOCKED] =
    g_param_spec_boolean ("blocked", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_STATIC_STRINGS));

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

  properties[PROP_BRANDING_NAME] =
    g_param_spec_string ("branding-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_BRANDING_ICON_URL] =
    g_param_spec_string ("branding-icon-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_BRANDING_WEBSITE_URL] =
    g_param_spec_string ("branding-website-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_BRANDING_DESCRIPTION] =
    g_param_spec_string ("branding-description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
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
