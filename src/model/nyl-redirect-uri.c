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

/* In the order of the table below. */
enum {
  PROP_0,
  PROP_URL,
  PROP_PLATFORM,
  PROP_DELETED_AT,
  PROP_SETTINGS, /* no property */
  PROP_ORIGIN,
  PROP_BUNDLE_ID,
  PROP_APP_STORE_ID,
  PROP_TEAM_ID,
  PROP_PACKAGE_NAME,
  PROP_SHA1_CERTIFICATE_FINGERPRINT,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

#define WRITABLE_IN_BODIES (NYL_FIELD_WRITABLE | NYL_FIELD_CREATE | NYL_FIELD_UPDATE)

/* POST and PATCH both take {url, platform, settings}.
 *
 * NylRedirectUri:platform: `web` (the server's default), `desktop`, `js`,
 * `ios` or `android`.
 * NylRedirectUri:deleted-at: when the URI was soft-deleted; 0 if it was not.
 * The per-platform settings are the members of `settings` listed in
 * setting_keys: origin for `js` (required there); bundle-id (required),
 * app-store-id and team-id for `ios`; package-name and
 * sha1-certificate-fingerprint (`AB:CD:…`) for `android` (both required
 * there). */
static const NylResourceField fields[] = {
  NYL_FIELD ("url", "url", STRING, WRITABLE_IN_BODIES, NylRedirectUri, url),
  NYL_FIELD ("platform", "platform", STRING, WRITABLE_IN_BODIES, NylRedirectUri, platform),
  NYL_FIELD ("deleted_at", "deleted-at", INT64, NYL_FIELD_READ_ONLY, NylRedirectUri, deleted_at),
  NYL_FIELD ("settings", NULL, OBJECT, NYL_FIELD_READ_ONLY, NylRedirectUri, settings),
  NYL_FIELD (NULL, "origin", STRING, NYL_FIELD_WRITABLE, NylRedirectUri, origin),
  NYL_FIELD (NULL, "bundle-id", STRING, NYL_FIELD_WRITABLE, NylRedirectUri, bundle_id),
  NYL_FIELD (NULL, "app-store-id", STRING, NYL_FIELD_WRITABLE, NylRedirectUri, app_store_id),
  NYL_FIELD (NULL, "team-id", STRING, NYL_FIELD_WRITABLE, NylRedirectUri, team_id),
  NYL_FIELD (NULL, "package-name", STRING, NYL_FIELD_WRITABLE, NylRedirectUri, package_name),
  NYL_FIELD (NULL, "sha1-certificate-fingerprint", STRING, NYL_FIELD_WRITABLE,
             NylRedirectUri, sha1_certificate_fingerprint),
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_PROPS - 1);

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

  if (!NYL_RESOURCE_CLASS (nyl_redirect_uri_parent_class)->from_json (resource, object, error))
    return FALSE;

  /* Every key is read whatever the platform: the server has been seen to
   * send them all (nylas-api.md §11 a). */
  for (guint i = 0; i < G_N_ELEMENTS (setting_keys); i++)
    {
      char **field = G_STRUCT_MEMBER_P (self, setting_keys[i].offset);

      if (!nyl_json_get_string (self->settings, setting_keys[i].key, NULL, field, error))
        return FALSE;
    }

  return TRUE;
}

static JsonNode *
nyl_redirect_uri_to_json (NylResource        *resource,
                          NylResourceRequest  request)
{
  NylRedirectUri *self = NYL_REDIRECT_URI (resource);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonObject) settings = NULL;

  node = NYL_RESOURCE_CLASS (nyl_redirect_uri_parent_class)->to_json (resource, request);

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
    json_object_set_object_member (json_node_get_object (node), "settings",
                                   g_steal_pointer (&settings));

  return g_steal_pointer (&node);
}

static void
nyl_redirect_uri_class_init (NylRedirectUriClass *klass)
{
  NylResourceClass *resource_class = NYL_RESOURCE_CLASS (klass);

  resource_class->kind = "redirect-uri";
  resource_class->from_json = nyl_redirect_uri_from_json;
  resource_class->to_json = nyl_redirect_uri_to_json;

  _nyl_resource_class_install_fields (resource_class, fields, G_N_ELEMENTS (fields), properties);
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
