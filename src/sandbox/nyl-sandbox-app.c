/* nyl-sandbox-app.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-sandbox-app"

#include "config.h"

#include <string.h>

#include "nyl-sandbox-private.h"

/* GET/PATCH /v3/applications and /v3/applications/redirect-uris (nylas-api.md §2). */

static const char * const platforms[] = { "web", "desktop", "js", "ios", "android", NULL };

static JsonNode *
success_envelope (JsonNode *data)
{
  JsonObject *o = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  /* [SPEC] quirk: these two answers carry "success" instead of "request_id". */
  json_object_set_boolean_member (o, "success", TRUE);
  json_object_set_member (o, "data", data);
  json_node_take_object (node, o);
  return node;
}

static gboolean
is_fingerprint (const char *s)
{
  if (strlen (s) != 59)
    return FALSE;
  for (guint i = 0; i < 59; i++)
    {
      if (i % 3 == 2 ? s[i] != ':' : !g_ascii_isxdigit (s[i]))
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_loopback_host (const char *host)
{
  return g_str_equal (host, "localhost") || g_str_equal (host, "127.0.0.1") ||
         g_str_equal (host, "[::1]") || g_str_equal (host, "::1");
}

/* Replies 400 and returns FALSE when the URI is not acceptable. */
static gboolean
validate_redirect (NylSbRequest *req,
                   const char   *url,
                   const char   *platform,
                   JsonObject   *settings)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (url == NULL || url[0] == '\0')
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error", "url is required");
      return FALSE;
    }
  if (!g_strv_contains (platforms, platform))
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                          "platform must be one of web, desktop, js, ios, android");
      return FALSE;
    }

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error", "url is not a valid URL");
      return FALSE;
    }
  scheme = g_uri_get_scheme (uri);
  if (g_str_equal (scheme, "http"))
    {
      if (g_uri_get_host (uri) == NULL || !is_loopback_host (g_uri_get_host (uri)))
        {
          nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                              "url must use https (http is only allowed for localhost)");
          return FALSE;
        }
    }
  else if (!g_str_equal (scheme, "https"))
    {
      /* Deep links (scheme://…) are for the native platforms only. */
      if (!g_str_equal (platform, "ios") && !g_str_equal (platform, "android") &&
          !g_str_equal (platform, "desktop"))
        {
          nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                              "url must use https (custom schemes are for ios, android and "
                              "desktop)");
          return FALSE;
        }
    }

  if (g_str_equal (platform, "js") && nyl_sb_json_string (settings, "origin") == NULL)
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                          "settings.origin is required for the js platform");
      return FALSE;
    }
  if (g_str_equal (platform, "ios") && nyl_sb_json_string (settings, "bundle_id") == NULL)
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                          "settings.bundle_id is required for the ios platform");
      return FALSE;
    }
  if (g_str_equal (platform, "android"))
    {
      const char *fingerprint = nyl_sb_json_string (settings, "sha1_certificate_fingerprint");

      if (nyl_sb_json_string (settings, "package_name") == NULL || fingerprint == NULL)
        {
          nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                              "settings.package_name and settings.sha1_certificate_fingerprint "
                              "are required for the android platform");
          return FALSE;
        }
      if (!is_fingerprint (fingerprint))
        {
          nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                              "settings.sha1_certificate_fingerprint must look like AB:CD:…");
          return FALSE;
        }
    }
  return TRUE;
}

static JsonObject *
settings_for (const char *platform,
              JsonObject *settings)
{
  /* web and desktop have no settings. */
  if (settings == NULL || g_str_equal (platform, "web") || g_str_equal (platform, "desktop"))
    return json_object_new ();
  return nyl_sb_json_object_copy (settings);
}

static JsonObject *
member_object (NylSbRequest *req,
               JsonObject   *body,
               const char   *member,
               gboolean     *bad)
{
  JsonNode *node = json_object_get_member (body, member);

  *bad = FALSE;
  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error", "%s must be an object", member);
      *bad = TRUE;
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
valid_hosted_authentication (NylSbRequest *req,
                             JsonObject   *ha)
{
  const char *alignment = nyl_sb_json_string (ha, "alignment");
  JsonNode *spacing = json_object_get_member (ha, "spacing");

  if (json_object_has_member (ha, "alignment") &&
      (alignment == NULL || !(g_str_equal (alignment, "left") || g_str_equal (alignment,
                                                                              "center") ||
                              g_str_equal (alignment, "right"))))
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                          "hosted_authentication.alignment must be left, center or right");
      return FALSE;
    }
  if (spacing != NULL &&
      !(JSON_NODE_HOLDS_VALUE (spacing) && json_node_get_value_type (spacing) == G_TYPE_INT64))
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                          "hosted_authentication.spacing must be an integer");
      return FALSE;
    }
  return TRUE;
}

static void
patch_application (NylSbRequest *req)
{
  NylSbApp *app = req->app;
  JsonObject *body = nyl_sb_request_object (req);
  JsonObject *branding, *ha, *idp, *additional;
  JsonNode *uris_node, *domain_node;
  g_autoptr(GPtrArray) new_uris = NULL;
  gboolean bad;

  if (body == NULL)
    return;

  /* Validate everything first: a rejected update changes nothing. */
  branding = member_object (req, body, "branding", &bad);
  if (bad)
    return;
  ha = member_object (req, body, "hosted_authentication", &bad);
  if (bad || (ha != NULL && !valid_hosted_authentication (req, ha)))
    return;
  idp = member_object (req, body, "idp_settings", &bad);
  if (bad)
    return;
  additional = member_object (req, body, "additional_settings", &bad);
  if (bad)
    return;

  domain_node = json_object_get_member (body, "domain");
  if (domain_node != NULL && !(JSON_NODE_HOLDS_VALUE (domain_node) &&
                               json_node_get_value_type (domain_node) == G_TYPE_STRING))
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error", "domain must be a string");
      return;
    }

  uris_node = json_object_get_member (body, "callback_uris");
  if (uris_node != NULL)
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (uris_node))
        {
          nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                              "callback_uris must be an array");
          return;
        }
      array = json_node_get_array (uris_node);
      new_uris = g_ptr_array_new_with_free_func (nyl_sb_redirect_uri_free);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonObject *item, *settings;
          const char *id, *url, *platform;
          NylSbRedirectUri *uri;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            {
              nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                                  "callback_uris items must be objects");
              return;
            }
          item = json_node_get_object (element);
          id = nyl_sb_json_string (item, "id");
          url = nyl_sb_json_string (item, "url");
          platform = nyl_sb_json_string (item, "platform");
          if (platform == NULL)
            platform = "web";
          settings = member_object (req, item, "settings", &bad);
          if (bad || !validate_redirect (req, url, platform, settings))
            return;
          if (id != NULL && nyl_sb_redirect_uri_find (app, id) == NULL)
            {
              nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                                  "callback_uris: unknown id %s", id);
              return;
            }

          uri = g_new0 (NylSbRedirectUri, 1);
          uri->id = id != NULL ? g_strdup (id) : nyl_sb_state_new_uuid (req->sandbox->state);
          uri->url = g_strdup (url);
          uri->platform = g_strdup (platform);
          uri->settings = settings_for (platform, settings);
          g_ptr_array_add (new_uris, uri);
        }
    }

  /* Each nested object sent replaces the stored one whole (§1.7). */
  if (branding != NULL)
    {
      g_clear_pointer (&app->branding, json_object_unref);
      app->branding = nyl_sb_json_object_copy (branding);
    }
  if (ha != NULL)
    {
      g_clear_pointer (&app->hosted_authentication, json_object_unref);
      app->hosted_authentication = nyl_sb_json_object_copy (ha);
    }
  if (idp != NULL)
    {
      g_clear_pointer (&app->idp_settings, json_object_unref);
      app->idp_settings = nyl_sb_json_object_copy (idp);
    }
  if (additional != NULL)
    {
      g_clear_pointer (&app->additional_settings, json_object_unref);
      app->additional_settings = nyl_sb_json_object_copy (additional);
    }
  if (domain_node != NULL)
    {
      g_free (app->domain);
      app->domain = g_strdup (json_node_get_string (domain_node));
    }
  if (new_uris != NULL)
    {
      g_ptr_array_set_size (app->redirect_uris, 0);
      for (guint i = 0; i < new_uris->len; i++)
        g_ptr_array_add (app->redirect_uris, g_ptr_array_index (new_uris, i));
      g_ptr_array_set_free_func (new_uris, NULL);
    }

  app->updated_at = nyl_sb_now ();
  nyl_sb_changed (req->sandbox);
  nyl_sb_reply_json (req, 200, success_envelope (nyl_sb_app_to_json (app)));
}

void
nyl_sb_handle_application (NylSbRequest *req)
{
  if (nyl_sb_method_is (req, "GET"))
    nyl_sb_reply_data (req, 200, nyl_sb_app_to_json (req->app));
  else if (nyl_sb_method_is (req, "PATCH"))
    patch_application (req);
  else
    nyl_sb_reply_bad_method (req);
}

static gboolean
is_duplicate (NylSbApp         *app,
              NylSbRedirectUri *except,
              const char       *url,
              const char       *platform)
{
  for (guint i = 0; i < app->redirect_uris->len; i++)
    {
      NylSbRedirectUri *uri = g_ptr_array_index (app->redirect_uris, i);

      if (uri != except && g_str_equal (uri->url, url) && g_str_equal (uri->platform, platform))
        return TRUE;
    }
  return FALSE;
}

static void
create_redirect_uri (NylSbRequest *req)
{
  JsonObject *body = nyl_sb_request_object (req);
  const char *url, *platform;
  JsonObject *settings;
  NylSbRedirectUri *uri;
  gboolean bad;

  if (body == NULL)
    return;

  url = nyl_sb_json_string (body, "url");
  platform = nyl_sb_json_string (body, "platform");
  if (platform == NULL)
    platform = "web";
  settings = member_object (req, body, "settings", &bad);
  if (bad || !validate_redirect (req, url, platform, settings))
    return;
  if (is_duplicate (req->app, NULL, url, platform))
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                          "This redirect URI is already registered");
      return;
    }

  uri = g_new0 (NylSbRedirectUri, 1);
  uri->id = nyl_sb_state_new_uuid (req->sandbox->state);
  uri->url = g_strdup (url);
  uri->platform = g_strdup (platform);
  uri->settings = settings_for (platform, settings);
  g_ptr_array_add (req->app->redirect_uris, uri);
  nyl_sb_changed (req->sandbox);
  nyl_sb_reply_data (req, 200, nyl_sb_redirect_uri_to_json (uri));
}

static void
update_redirect_uri (NylSbRequest     *req,
                     NylSbRedirectUri *uri)
{
  JsonObject *body = nyl_sb_request_object (req);
  const char *url, *platform;
  JsonObject *settings;
  gboolean bad;

  if (body == NULL)
    return;

  url = nyl_sb_json_string (body, "url");
  if (url == NULL)
    url = uri->url;
  platform = nyl_sb_json_string (body, "platform");
  settings = member_object (req, body, "settings", &bad);
  if (bad)
    return;

  /* §2.3: without "platform" the stored settings stay as they are. */
  if (platform == NULL)
    {
      platform = uri->platform;
      settings = uri->settings;
    }
  if (!validate_redirect (req, url, platform, settings))
    return;
  if (is_duplicate (req->app, uri, url, platform))
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                          "This redirect URI is already registered");
      return;
    }

  {
    JsonObject *new_settings = settings_for (platform, settings);
    char *new_url = g_strdup (url);
    char *new_platform = g_strdup (platform);

    g_free (uri->url);
    uri->url = new_url;
    g_free (uri->platform);
    uri->platform = new_platform;
    json_object_unref (uri->settings);
    uri->settings = new_settings;
  }
  nyl_sb_changed (req->sandbox);
  nyl_sb_reply_data (req, 200, nyl_sb_redirect_uri_to_json (uri));
}

void
nyl_sb_handle_redirect_uris (NylSbRequest *req)
{
  NylSbApp *app = req->app;
  NylSbRedirectUri *uri;

  if (req->n_segs == 3)
    {
      if (nyl_sb_method_is (req, "GET"))
        {
          JsonNode *data = json_node_new (JSON_NODE_ARRAY);
          JsonArray *items = json_array_new ();

          for (guint i = 0; i < app->redirect_uris->len; i++)
            {
              NylSbRedirectUri *uri_i = g_ptr_array_index (app->redirect_uris, i);

              json_array_add_element (items, nyl_sb_redirect_uri_to_json (uri_i));
            }
          json_node_take_array (data, items);
          nyl_sb_reply_json (req, 200, success_envelope (data));
        }
      else if (nyl_sb_method_is (req, "POST"))
        {
          create_redirect_uri (req);
        }
      else
        {
          nyl_sb_reply_bad_method (req);
        }
      return;
    }

  if (req->n_segs != 4)
    {
      nyl_sb_reply_not_found (req, "Route");
      return;
    }

  uri = nyl_sb_redirect_uri_find (app, req->segs[3]);
  if (uri == NULL)
    {
      nyl_sb_reply_not_found (req, "Redirect URI");
      return;
    }

  if (nyl_sb_method_is (req, "GET"))
    {
      nyl_sb_reply_data (req, 200, nyl_sb_redirect_uri_to_json (uri));
    }
  else if (nyl_sb_method_is (req, "PATCH"))
    {
      update_redirect_uri (req, uri);
    }
  else if (nyl_sb_method_is (req, "DELETE"))
    {
      g_ptr_array_remove (app->redirect_uris, uri);
      nyl_sb_changed (req->sandbox);
      nyl_sb_reply_empty (req);
    }
  else
    {
      nyl_sb_reply_bad_method (req);
    }
}
