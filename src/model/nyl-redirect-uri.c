/* nyl-redirect-uri.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-redirect-uri"

#include "config.h"

#include "nyl-redirect-uri.h"

#include "nyl-json.h"
#include "nyl-resource-private.h"

/**
 * NylRedirectUri:
 *
 * A redirect (callback) URI of the application
 * (`/v3/applications/redirect-uris`). The per-platform settings are flat
 * properties; a request body carries only the settings of its platform:
 * `js` the origin, `ios` the bundle ID, App Store ID and team ID, `android`
 * the package name and SHA-1 certificate fingerprint, `web` and `desktop`
 * none.
 */

struct _NylRedirectUri
{
  NylResource parent_instance;

  char       *url;
  char       *platform;
  char       *origin;
  char       *bundle_id;
  char       *app_store_id;
  char       *team_id;
  char       *package_name;
  char       *sha1_certificate_fingerprint;
  gint64      deleted_at;
  JsonObject *settings;
};

G_DEFINE_FINAL_TYPE (NylRedirectUri, nyl_redirect_uri, NYL_TYPE_RESOURCE)

enum {
  PROP_0,
  PROP_URL,
  PROP_PLATFORM,
  PROP_ORIGIN,
  PROP_BUNDLE_ID,
  PROP_APP_STORE_ID,
  PROP_TEAM_ID,
  PROP_PACKAGE_NAME,
  PROP_SHA1_CERTIFICATE_FINGERPRINT,
  PROP_DELETED_AT,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *platform;
  const char *key;
  goffset     offset;
} setting_keys[] = {
  { "js", "origin", G_STRUCT_OFFSET (NylRedirectUri, origin) },
  { "ios", "bundle_id", G_STRUCT_OFFSET (NylRedirectUri, bundle_id) },
  { "ios", "app_store_id", G_STRUCT_OFFSET (NylRedirectUri, app_store_id) },
  { "ios", "team_id", G_STRUCT_OFFSET (NylRedirectUri, team_id) },
  { "android", "package_name", G_STRUCT_OFFSET (NylRedirectUri, package_name) },
  { "android", "sha1_certificate_fingerprint",
    G_STRUCT_OFFSET (NylRedirectUri, sha1_certificate_fingerprint) },
};

static gboolean
is_known_platform (const char *platform)
{
  return platform == NULL ||
         g_str_equal (platform, "web") ||
         g_str_equal (platform, "desktop") ||
         g_str_equal (platform, "js") ||
         g_str_equal (platform, "ios") ||
         g_str_equal (platform, "android");
}

static gboolean
nyl_redirect_uri_from_json (NylResource  *resource,
                            JsonObject   *object,
                            GError      **error)
{
  NylRedirectUri *self = NYL_REDIRECT_URI (resource);
  JsonObject *settings = NULL;

  if (!NYL_RESOURCE_CLASS (nyl_redirect_uri_parent_class)->from_json (resource, object, error))
    return FALSE;

  if (!nyl_json_get_string (object, "url", NULL, &self->url, error))
    return FALSE;
  if (!nyl_json_get_string (object, "platform", NULL, &self->platform, error))
    return FALSE;
  if (!nyl_json_get_int (object, "deleted_at", 0, &self->deleted_at, error))
    return FALSE;
  if (!nyl_json_get_object (object, "settings", &settings, error))
    return FALSE;

  /* Every key is read whatever the platform: the server has been seen to
   * send them all (nylas-api.md §11 a). */
  for (guint i = 0; i < G_N_ELEMENTS (setting_keys); i++)
    {
      char **field = G_STRUCT_MEMBER_P (self, setting_keys[i].offset);

      if (!nyl_json_get_string (settings, setting_keys[i].key, NULL, field, error))
        return FALSE;
    }

  if (settings != NULL)
    self->settings = nyl_json_object_copy_sealed (settings);

  return TRUE;
}

/* POST and PATCH both take {url, platform, settings}. */
static JsonNode *
nyl_redirect_uri_to_json (NylResource        *resource,
                          NylResourceRequest  request)
{
  NylRedirectUri *self = NYL_REDIRECT_URI (resource);
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(JsonObject) settings = NULL;

  nyl_json_set_string (body, "url", self->url);
  nyl_json_set_string (body, "platform", self->platform);

  if (is_known_platform (self->platform))
    {
      settings = json_object_new ();
      for (guint i = 0; i < G_N_ELEMENTS (setting_keys); i++)
        {
          char **field = G_STRUCT_MEMBER_P (self, setting_keys[i].offset);

          if (g_strcmp0 (self->platform, setting_keys[i].platform) == 0)
            nyl_json_set_string (settings, setting_keys[i].key, *field);
        }
    }
  else if (self->settings != NULL)
    {
      /* A platform newer than this code: send its settings back as read. */
      settings = nyl_json_object_copy (self->settings);
    }

  if (settings != NULL && json_object_get_size (settings) > 0)
    json_object_set_object_member (body, "settings", g_steal_pointer (&settings));

  return json_node_init_object (json_node_alloc (), body);
}

static void
nyl_redirect_uri_finalize (GObject *object)
{
  NylRedirectUri *self = (NylRedirectUri *)object;

  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->platform, g_free);
  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->bundle_id, g_free);
  g_clear_pointer (&self->app_store_id, g_free);
  g_clear_pointer (&self->team_id, g_free);
  g_clear_pointer (&self->package_name, g_free);
  g_clear_pointer (&self->sha1_certificate_fingerprint, g_free);
  g_clear_pointer (&self->settings, json_object_unref);

  G_OBJECT_CLASS (nyl_redirect_uri_parent_class)->finalize (object);
}

static void
nyl_redirect_uri_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  NylRedirectUri *self = NYL_REDIRECT_URI (object);

  switch (prop_id)
    {
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_PLATFORM:
      g_value_set_string (value, self->platform);
      break;

    case PROP_ORIGIN:
      g_value_set_string (value, self->origin);
      break;

    case PROP_BUNDLE_ID:
      g_value_set_string (value, self->bundle_id);
      break;

    case PROP_APP_STORE_ID:
      g_value_set_string (value, self->app_store_id);
      break;

    case PROP_TEAM_ID:
      g_value_set_string (value, self->team_id);
      break;

    case PROP_PACKAGE_NAME:
      g_value_set_string (value, self->package_name);
      break;

    case PROP_SHA1_CERTIFICATE_FINGERPRINT:
      g_value_set_string (value, self->sha1_certificate_fingerprint);
      break;

    case PROP_DELETED_AT:
      g_value_set_int64 (value, self->deleted_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_redirect_uri_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  NylRedirectUri *self = NYL_REDIRECT_URI (object);

  switch (prop_id)
    {
    case PROP_URL:
      nyl_redirect_uri_set_url (self, g_value_get_string (value));
      break;

    case PROP_PLATFORM:
      nyl_redirect_uri_set_platform (self, g_value_get_string (value));
      break;

    case PROP_ORIGIN:
      nyl_redirect_uri_set_origin (self, g_value_get_string (value));
      break;

    case PROP_BUNDLE_ID:
      nyl_redirect_uri_set_bundle_id (self, g_value_get_string (value));
      break;

    case PROP_APP_STORE_ID:
      nyl_redirect_uri_set_app_store_id (self, g_value_get_string (value));
      break;

    case PROP_TEAM_ID:
      nyl_redirect_uri_set_team_id (self, g_value_get_string (value));
      break;

    case PROP_PACKAGE_NAME:
      nyl_redirect_uri_set_package_name (self, g_value_get_string (value));
      break;

    case PROP_SHA1_CERTIFICATE_FINGERPRINT:
      nyl_redirect_uri_set_sha1_certificate_fingerprint (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_redirect_uri_class_init (NylRedirectUriClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  NylResourceClass *resource_class = NYL_RESOURCE_CLASS (klass);

  object_class->finalize = nyl_redirect_uri_finalize;
  object_class->get_property = nyl_redirect_uri_get_property;
  object_class->set_property = nyl_redirect_uri_set_property;

  resource_class->kind = "redirect-uri";
  resource_class->from_json = nyl_redirect_uri_from_json;
  resource_class->to_json = nyl_redirect_uri_to_json;

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * NylRedirectUri:platform:
   *
   * `web` (the server's default), `desktop`, `js`, `ios` or `android`.
   */
  properties[PROP_PLATFORM] =
    g_param_spec_string ("platform", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * NylRedirectUri:origin:
   *
   * `settings.origin`, for `js` (required there).
   */
  properties[PROP_ORIGIN] =
    g_param_spec_string ("origin", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * NylRedirectUri:bundle-id:
   *
   * `settings.bundle_id`, for `ios` (required there).
   */
  properties[PROP_BUNDLE_ID] =
    g_param_spec_string ("bundle-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * NylRedirectUri:app-store-id:
   *
   * `settings.app_store_id`, for `ios`.
   */
  properties[PROP_APP_STORE_ID] =
    g_param_spec_string ("app-store-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * NylRedirectUri:team-id:
   *
   * `settings.team_id`, for `ios`.
   */
  properties[PROP_TEAM_ID] =
    g_param_spec_string ("team-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * NylRedirectUri:package-name:
   *
   * `settings.package_name`, for `android` (required there).
   */
  properties[PROP_PACKAGE_NAME] =
    g_param_spec_string ("package-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * NylRedirectUri:sha1-certificate-fingerprint:
   *
   * `settings.sha1_certificate_fingerprint` (`AB:CD:…`), for `android`
   * (required there).
   */
  properties[PROP_SHA1_CERTIFICATE_FINGERPRINT] =
    g_param_spec_string ("sha1-certificate-fingerprint", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * NylRedirectUri:deleted-at:
   *
   * When the URI was soft-deleted; 0 if it was not.
   */
  properties[PROP_DELETED_AT] =
    g_param_spec_int64 ("deleted-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nyl_redirect_uri_init (NylRedirectUri *self)
{
}

/**
 * nyl_redirect_uri_new:
 *
 * An empty redirect-uri, to fill in for a create request.
 *
 * Returns: (transfer full): a new #NylRedirectUri
 */
NylRedirectUri *
nyl_redirect_uri_new (void)
{
  return g_object_new (NYL_TYPE_REDIRECT_URI, NULL);
}

const char *
nyl_redirect_uri_get_url (NylRedirectUri *self)
{
  g_return_val_if_fail (NYL_IS_REDIRECT_URI (self), NULL);

  return self->url;
}

void
nyl_redirect_uri_set_url (NylRedirectUri *self,
                          const char     *url)
{
  g_return_if_fail (NYL_IS_REDIRECT_URI (self));

  _nyl_resource_set_string (NYL_RESOURCE (self), &self->url, url, properties[PROP_URL]);
}

const char *
nyl_redirect_uri_get_platform (NylRedirectUri *self)
{
  g_return_val_if_fail (NYL_IS_REDIRECT_URI (self), NULL);

  return self->platform;
}

void
nyl_redirect_uri_set_platform (NylRedirectUri *self,
                               const char     *platform)
{
  g_return_if_fail (NYL_IS_REDIRECT_URI (self));

  _nyl_resource_set_string (NYL_RESOURCE (self), &self->platform, platform,
                            properties[PROP_PLATFORM]);
}

const char *
nyl_redirect_uri_get_origin (NylRedirectUri *self)
{
  g_return_val_if_fail (NYL_IS_REDIRECT_URI (self), NULL);

  return self->origin;
}

void
nyl_redirect_uri_set_origin (NylRedirectUri *self,
                             const char     *origin)
{
  g_return_if_fail (NYL_IS_REDIRECT_URI (self));

  _nyl_resource_set_string (NYL_RESOURCE (self), &self->origin, origin, properties[PROP_ORIGIN]);
}

const char *
nyl_redirect_uri_get_bundle_id (NylRedirectUri *self)
{
  g_return_val_if_fail (NYL_IS_REDIRECT_URI (self), NULL);

  return self->bundle_id;
}

void
nyl_redirect_uri_set_bundle_id (NylRedirectUri *self,
                                const char     *bundle_id)
{
  g_return_if_fail (NYL_IS_REDIRECT_URI (self));

  _nyl_resource_set_string (NYL_RESOURCE (self), &self->bundle_id, bundle_id,
                            properties[PROP_BUNDLE_ID]);
}

const char *
nyl_redirect_uri_get_app_store_id (NylRedirectUri *self)
{
  g_return_val_if_fail (NYL_IS_REDIRECT_URI (self), NULL);

  return self->app_store_id;
}

void
nyl_redirect_uri_set_app_store_id (NylRedirectUri *self,
                                   const char     *app_store_id)
{
  g_return_if_fail (NYL_IS_REDIRECT_URI (self));

  _nyl_resource_set_string (NYL_RESOURCE (self), &self->app_store_id, app_store_id,
                            properties[PROP_APP_STORE_ID]);
}

const char *
nyl_redirect_uri_get_team_id (NylRedirectUri *self)
{
  g_return_val_if_fail (NYL_IS_REDIRECT_URI (self), NULL);

  return self->team_id;
}

void
nyl_redirect_uri_set_team_id (NylRedirectUri *self,
                              const char     *team_id)
{
  g_return_if_fail (NYL_IS_REDIRECT_URI (self));

  _nyl_resource_set_string (NYL_RESOURCE (self), &self->team_id, team_id, properties[PROP_TEAM_ID]);
}

const char *
nyl_redirect_uri_get_package_name (NylRedirectUri *self)
{
  g_return_val_if_fail (NYL_IS_REDIRECT_URI (self), NULL);

  return self->package_name;
}

void
nyl_redirect_uri_set_package_name (NylRedirectUri *self,
                                   const char     *package_name)
{
  g_return_if_fail (NYL_IS_REDIRECT_URI (self));

  _nyl_resource_set_string (NYL_RESOURCE (self), &self->package_name, package_name,
                            properties[PROP_PACKAGE_NAME]);
}

const char *
nyl_redirect_uri_get_sha1_certificate_fingerprint (NylRedirectUri *self)
{
  g_return_val_if_fail (NYL_IS_REDIRECT_URI (self), NULL);

  return self->sha1_certificate_fingerprint;
}

void
nyl_redirect_uri_set_sha1_certificate_fingerprint (NylRedirectUri *self,
                                                   const char     *fingerprint)
{
  g_return_if_fail (NYL_IS_REDIRECT_URI (self));

  _nyl_resource_set_string (NYL_RESOURCE (self), &self->sha1_certificate_fingerprint, fingerprint,
                            properties[PROP_SHA1_CERTIFICATE_FINGERPRINT]);
}

gint64
nyl_redirect_uri_get_deleted_at (NylRedirectUri *self)
{
  g_return_val_if_fail (NYL_IS_REDIRECT_URI (self), 0);

  return self->deleted_at;
}
