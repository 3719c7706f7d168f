/* test-resources.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nyl-api-error.h"
#include "nyl-api-key.h"
#include "nyl-app-details.h"
#include "nyl-connector.h"
#include "nyl-credential.h"
#include "nyl-domain.h"
#include "nyl-grant.h"
#include "nyl-json.h"
#include "nyl-redirect-uri.h"
#include "nyl-resource.h"
#include "nyl-webhook.h"

/* Helpers */

static JsonNode *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);

  return node;
}

static JsonNode *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "resources", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return parse (contents);
}

/* The `data` member of an enveloped fixture. */
static JsonNode *
fixture_data (const char *name)
{
  g_autoptr(JsonNode) root = load_fixture (name);
  JsonObject *object = json_node_get_object (root);

  g_assert_true (json_object_has_member (object, "data"));

  return json_node_copy (json_object_get_member (object, "data"));
}

static gpointer
resource_from_string (GType       type,
                      const char *json)
{
  g_autoptr(JsonNode) node = parse (json);
  g_autoptr(GError) error = NULL;
  gpointer resource = nyl_resource_new_from_json (type, node, &error);

  g_assert_no_error (error);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (resource, type));

  return resource;
}

static void
assert_json_equal (JsonNode   *actual,
                   const char *expected_json)
{
  g_autoptr(JsonNode) expected = parse (expected_json);

  g_assert_nonnull (actual);

  if (!json_node_equal (actual, expected))
    {
      g_autofree char *a = json_to_string (actual, FALSE);
      g_autofree char *e = json_to_string (expected, FALSE);

      g_error ("JSON differs:\n  actual:   %s\n  expected: %s", a, e);
    }
}

static void
assert_request (gpointer            resource,
                NylResourceRequest  request,
                const char         *expected_json)
{
  g_autoptr(JsonNode) body = nyl_resource_to_json (NYL_RESOURCE (resource), request);

  if (expected_json == NULL)
    {
      g_assert_null (body);
      return;
    }

  assert_json_equal (body, expected_json);

  /* The caller owns the body and may add to it. */
  g_assert_false (json_object_is_immutable (json_node_get_object (body)));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* Every readable property, printed: a secret must not show up in any. */
static char *
dump_properties (GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  GString *out = g_string_new (NULL);
  guint n;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_READABLE))
        continue;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);

      if (G_VALUE_HOLDS (&value, G_TYPE_STRV) && g_value_get_boxed (&value) != NULL)
        {
          g_autofree char *joined = g_strjoinv (",", g_value_get_boxed (&value));
          g_string_append_printf (out, "%s=%s\n", pspecs[i]->name, joined);
        }
      else if (G_VALUE_HOLDS (&value, JSON_TYPE_OBJECT) && g_value_get_boxed (&value) != NULL)
        {
          g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (),
                                                            g_value_get_boxed (&value));
          g_autofree char *text = json_to_string (node, FALSE);
          g_string_append_printf (out, "%s=%s\n", pspecs[i]->name, text);
        }
      else
        {
          g_autofree char *text = g_strdup_value_contents (&value);
          g_string_append_printf (out, "%s=%s\n", pspecs[i]->name, text);
        }
    }

  return g_string_free (out, FALSE);
}

/* Application */

static void
test_app_details_fixture (void)
{
  g_autoptr(JsonNode) data = fixture_data ("application-get.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(NylAppDetails) app = nyl_resource_new_from_json (NYL_TYPE_APP_DETAILS, data, &error);
  g_autoptr(NylRedirectUri) uri = NULL;
  GListModel *uris;
  JsonObject *hosted;

  g_assert_no_error (error);
  g_assert_nonnull (app);

  g_assert_cmpstr (nyl_resource_get_id (NYL_RESOURCE (app)), ==,
                   "ad410018-d306-43f9-8361-fa5d7b2172e0");
  g_assert_cmpstr (nyl_app_details_get_application_id (app), ==,
                   "ad410018-d306-43f9-8361-fa5d7b2172e0");
  g_assert_cmpstr (nyl_app_details_get_organization_id (app), ==,
                   "f5db4482-dbbe-4b32-b347-61c260d803ce");
  g_assert_cmpstr (nyl_app_details_get_region (app), ==, "us");
  g_assert_cmpstr (nyl_app_details_get_environment (app), ==, "production");
  g_assert_cmpstr (nyl_app_details_get_branding_name (app), ==, "My application");
  g_assert_cmpstr (nyl_app_details_get_branding_icon_url (app), ==,
                   "https://my-app.com/my-icon.png");
  g_assert_cmpstr (nyl_app_details_get_branding_website_url (app), ==, "https://my-app.com");
  g_assert_cmpstr (nyl_app_details_get_branding_description (app), ==,
                   "Online banking application.");

  hosted = nyl_app_details_get_hosted_authentication (app);
  g_assert_nonnull (hosted);
  g_assert_cmpint (json_object_get_int_member (hosted, "spacing"), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (hosted, "alignment"), ==, "left");

  /* Absent optional fields. */
  g_assert_null (nyl_app_details_get_domain (app));
  g_assert_null (nyl_app_details_get_idp_settings (app));
  g_assert_null (nyl_app_details_get_default_workspace_id (app));
  g_assert_cmpint (nyl_app_details_get_created_at (app), ==, 0);
  g_assert_false (nyl_app_details_get_blocked (app));

  uris = nyl_app_details_get_callback_uris (app);
  g_assert_cmpuint (g_list_model_get_n_items (uris), ==, 1);
  g_assert_true (g_list_model_get_item_type (uris) == NYL_TYPE_REDIRECT_URI);
  uri = g_list_model_get_item (uris, 0);
  g_assert_cmpstr (nyl_resource_get_id (NYL_RESOURCE (uri)), ==,
                   "0556d035-6cb6-4262-a035-6b77e11cf8fc");
  g_assert_cmpstr (nyl_redirect_uri_get_platform (uri), ==, "web");
  g_assert_cmpstr (nyl_redirect_uri_get_origin (uri), ==, "string");
  g_assert_cmpstr (nyl_redirect_uri_get_bundle_id (uri), ==, "string");
  g_assert_cmpstr (nyl_redirect_uri_get_package_name (uri), ==, "string");
  g_assert_cmpstr (nyl_redirect_uri_get_sha1_certificate_fingerprint (uri), ==, "string");

  /* There is no create; an update never carries the redirect URIs. */
  assert_request (app, NYL_RESOURCE_REQUEST_CREATE, NULL);
}

static void
test_app_details_update_whole_nested (void)
{
  g_autoptr(NylAppDetails) app = NULL;
  guint branding_notifies = 0;
  guint icon_notifies = 0;

  /* A branding member this code does not know must survive an edit: PATCH
   * replaces the whole object, so dropping it would erase it. */
  app = resource_from_string (NYL_TYPE_APP_DETAILS,
    "{\"application_id\": \"app-1\","
    " \"branding\": {\"name\": \"Bank\", \"icon_url\": \"https://b.example/old.png\","
    "                \"website_url\": \"https://b.example\", \"description\": \"Banking\","
    "                \"future_member\": {\"nested\": [1, 2]}},"
    " \"hosted_authentication\": {\"alignment\": \"left\", \"color_primary\": \"#dc0000\","
    "                             \"spacing\": 5, \"title\": \"Sign in\"},"
    " \"callback_uris\": [{\"id\": \"u1\", \"url\": \"https://b.example/cb\"}]}");

  g_signal_connect (app, "notify::branding", G_CALLBACK (count_notify_cb), &branding_notifies);
  g_signal_connect (app, "notify::branding-icon-url", G_CALLBACK (count_notify_cb),
                    &icon_notifies);

  nyl_app_details_set_branding_icon_url (app, "https://b.example/new.png");
  g_assert_cmpuint (branding_notifies, ==, 1);
  g_assert_cmpuint (icon_notifies, ==, 1);

  /* The same value again changes nothing. */
  g_object_set (app, "branding-icon-url", "https://b.example/new.png", NULL);
  g_assert_cmpuint (branding_notifies, ==, 1);
  g_assert_cmpuint (icon_notifies, ==, 1);

  assert_request (app, NYL_RESOURCE_REQUEST_UPDATE,
    "{\"branding\": {\"name\": \"Bank\", \"icon_url\": \"https://b.example/new.png\","
    "                \"website_url\": \"https://b.example\", \"description\": \"Banking\","
    "                \"future_member\": {\"nested\": [1, 2]}},"
    " \"hosted_authentication\": {\"alignment\": \"left\", \"color_primary\": \"#dc0000\","
    "                             \"spacing\": 5, \"title\": \"Sign in\"}}");

  /* Clearing a member removes it and keeps the rest. */
  nyl_app_details_set_branding_description (app, NULL);
  nyl_app_details_set_domain (app, "auth.b.example");
  assert_request (app, NYL_RESOURCE_REQUEST_UPDATE,
    "{\"branding\": {\"name\": \"Bank\", \"icon_url\": \"https://b.example/new.png\","
    "                \"website_url\": \"https://b.example\","
    "                \"future_member\": {\"nested\": [1, 2]}},"
    " \"hosted_authentication\": {\"alignment\": \"left\", \"color_primary\": \"#dc0000\","
    "                             \"spacing\": 5, \"title\": \"Sign in\"},"
    " \"domain\": \"auth.b.example\"}");
}

static void
test_app_details_nested_is_a_copy (void)
{
  g_autoptr(NylAppDetails) app = nyl_app_details_new ();
  g_autoptr(JsonNode) theme = parse ("{\"title\": \"Welcome\", \"spacing\": 8}");
  g_autoptr(JsonObject) stored = NULL;
  guint notifies = 0;

  g_signal_connect (app, "notify::hosted-authentication", G_CALLBACK (count_notify_cb), &notifies);

  nyl_app_details_set_hosted_authentication (app, json_node_get_object (theme));
  g_assert_cmpuint (notifies, ==, 1);

  /* Changing the caller's object afterwards does not change the stored one,
   * and the stored one cannot be changed behind the model's back. */
  json_object_set_string_member (json_node_get_object (theme), "title", "Changed");
  g_object_get (app, "hosted-authentication", &stored, NULL);
  g_assert_cmpstr (json_object_get_string_member (stored, "title"), ==, "Welcome");
  g_assert_true (json_object_is_immutable (stored));

  /* Setting an equal object is not a change. */
  json_object_set_string_member (json_node_get_object (theme), "title", "Welcome");
  nyl_app_details_set_hosted_authentication (app, json_node_get_object (theme));
  g_assert_cmpuint (notifies, ==, 1);

  assert_request (app, NYL_RESOURCE_REQUEST_UPDATE,
                  "{\"hosted_authentication\": {\"title\": \"Welcome\", \"spacing\": 8}}");
}

/* Redirect URIs */

static void
test_redirect_uri_platforms (void)
{
  g_autoptr(NylRedirectUri) uri = nyl_redirect_uri_new ();

  /* Every setting is set; only the platform's own go out. */
  g_object_set (uri,
                "url", "com.example.app://callback",
                "origin", "example.com",
                "bundle-id", "com.example.app",
                "app-store-id", "123456",
                "team-id", "TEAM42",
                "package-name", "com.example.android",
                "sha1-certificate-fingerprint", "AB:CD:EF",
                NULL);

  nyl_redirect_uri_set_platform (uri, "ios");
  assert_request (uri, NYL_RESOURCE_REQUEST_CREATE,
    "{\"url\": \"com.example.app://callback\", \"platform\": \"ios\","
    " \"settings\": {\"bundle_id\": \"com.example.app\", \"app_store_id\": \"123456\","
    "              \"team_id\": \"TEAM42\"}}");

  nyl_redirect_uri_set_platform (uri, "android");
  assert_request (uri, NYL_RESOURCE_REQUEST_UPDATE,
    "{\"url\": \"com.example.app://callback\", \"platform\": \"android\","
    " \"settings\": {\"package_name\": \"com.example.android\","
    "              \"sha1_certificate_fingerprint\": \"AB:CD:EF\"}}");

  nyl_redirect_uri_set_platform (uri, "js");
  assert_request (uri, NYL_RESOURCE_REQUEST_CREATE,
    "{\"url\": \"com.example.app://callback\", \"platform\": \"js\","
    " \"settings\": {\"origin\": \"example.com\"}}");

  nyl_redirect_uri_set_platform (uri, "web");
  assert_request (uri, NYL_RESOURCE_REQUEST_CREATE,
                  "{\"url\": \"com.example.app://callback\", \"platform\": \"web\"}");

  nyl_redirect_uri_set_platform (uri, "desktop");
  assert_request (uri, NYL_RESOURCE_REQUEST_CREATE,
                  "{\"url\": \"com.example.app://callback\", \"platform\": \"desktop\"}");

  /* No platform: the server's default (web), no settings. */
  nyl_redirect_uri_set_platform (uri, NULL);
  assert_request (uri, NYL_RESOURCE_REQUEST_CREATE, "{\"url\": \"com.example.app://callback\"}");
}

static void
test_redirect_uri_round_trip (void)
{
  g_autoptr(NylRedirectUri) js = NULL;
  g_autoptr(NylRedirectUri) future = NULL;

  js = resource_from_string (NYL_TYPE_REDIRECT_URI,
    "{\"id\": \"u1\", \"url\": \"https://example.com/cb\", \"platform\": \"js\","
    " \"settings\": {\"origin\": \"example.com\"}, \"deleted_at\": 1700000000}");
  g_assert_cmpstr (nyl_resource_get_id (NYL_RESOURCE (js)), ==, "u1");
  g_assert_cmpint (nyl_redirect_uri_get_deleted_at (js), ==, 1700000000);
  assert_request (js, NYL_RESOURCE_REQUEST_UPDATE,
    "{\"url\": \"https://example.com/cb\", \"platform\": \"js\","
    " \"settings\": {\"origin\": \"example.com\"}}");

  /* A platform newer than this code: its settings go back as they came. */
  future = resource_from_string (NYL_TYPE_REDIRECT_URI,
    "{\"id\": \"u2\", \"url\": \"https://example.com/cb\", \"platform\": \"visionos\","
    " \"settings\": {\"scene_id\": \"main\"}}");
  assert_request (future, NYL_RESOURCE_REQUEST_UPDATE,
    "{\"url\": \"https://example.com/cb\", \"platform\": \"visionos\","
    " \"settings\": {\"scene_id\": \"main\"}}");
}

/* API keys */

static void
check_api_key_fixture (NylApiKey *key)
{
  const char * const *permissions = nyl_api_key_get_permissions (key);

  g_assert_cmpstr (nyl_resource_get_id (NYL_RESOURCE (key)), ==, "{{API_KEY_ID}}");
  g_assert_cmpstr (nyl_api_key_get_name (key), ==, "{{API_KEY_NAME}}");
  g_assert_cmpstr (nyl_api_key_get_application_id (key), ==, "{{NYLAS_CLIENT_ID}}");
  g_assert_cmpstr (nyl_api_key_get_status (key), ==, "active");
  g_assert_nonnull (permissions);
  g_assert_cmpstrv (permissions, ((const char *[]) { "all", NULL }));
  g_assert_cmpint (nyl_api_key_get_expires_at (key), ==, 1753300766);
  g_assert_cmpint (nyl_api_key_get_created_at (key), ==, 1742932766);
  g_assert_cmpint (nyl_api_key_get_updated_at (key), ==, 1742932766);
  g_assert_true (nyl_api_key_has_secret (key));
  g_assert_cmpstr (nyl_api_key_get_secret (key), ==, "{{API_KEY_VALUE}}");
}

static void
test_api_key_create_response (void)
{
  g_autoptr(JsonNode) bare = load_fixture ("api-key-create.json");
  g_autoptr(JsonNode) wrapped = NULL;
  g_autoptr(NylApiKey) key = NULL;
  g_autoptr(NylApiKey) wrapped_key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *properties = NULL;
  g_autoptr(JsonObject) envelope = json_object_new ();

  key = nyl_resource_new_from_json (NYL_TYPE_API_KEY, bare, &error);
  g_assert_no_error (error);
  check_api_key_fixture (key);

  /* The spec's wrapped form, once the client has taken `data` out. */
  json_object_set_string_member (envelope, "request_id", "r-1");
  json_object_set_member (envelope, "data", json_node_copy (bare));
  wrapped = json_node_init_object (json_node_alloc (), envelope);
  wrapped_key = nyl_resource_new_from_json (NYL_TYPE_API_KEY,
                                            json_object_get_member (envelope, "data"), &error);
  g_assert_no_error (error);
  check_api_key_fixture (wrapped_key);

  /* The secret is in no request body and no property. */
  body = nyl_resource_to_json_string (NYL_RESOURCE (key), NYL_RESOURCE_REQUEST_CREATE);
  g_assert_nonnull (body);
  g_assert_null (strstr (body, "API_KEY_VALUE"));
  g_assert_null (strstr (body, "api_key"));
  properties = dump_properties (G_OBJECT (key));
  g_assert_nonnull (strstr (properties, "{{API_KEY_NAME}}"));
  g_assert_null (strstr (properties, "API_KEY_VALUE"));

  /* There is no update. */
  assert_request (key, NYL_RESOURCE_REQUEST_UPDATE, NULL);

  nyl_api_key_clear_secret (key);
  g_assert_false (nyl_api_key_has_secret (key));
  g_assert_null (nyl_api_key_get_secret (key));
}

static void
test_api_key_listed (void)
{
  g_autoptr(NylApiKey) plain = NULL;
  g_autoptr(NylApiKey) wrapped = NULL;
  const char *item =
    "{\"id\": \"k-1\", \"name\": \"ci\", \"application_id\": \"app-1\","
    " \"permissions\": [\"apikey.create\", \"apikey.get\"], \"status\": \"active\","
    " \"created_at\": 1742932766, \"expires_at\": 1753300766, \"expires_in\": 10368000,"
    " \"updated_at\": 1742932766}";
  g_autofree char *wrapped_item = g_strdup_printf ("{\"api_key\": %s}", item);

  plain = resource_from_string (NYL_TYPE_API_KEY, item);
  wrapped = resource_from_string (NYL_TYPE_API_KEY, wrapped_item);

  /* Either list shape gives the same key, without a secret; expires_in (of
   * undocumented unit) is not taken as the lifetime to ask for. */
  g_assert_cmpstr (nyl_resource_get_id (NYL_RESOURCE (plain)), ==, "k-1");
  g_assert_cmpstr (nyl_resource_get_id (NYL_RESOURCE (wrapped)), ==, "k-1");
  g_assert_cmpstr (nyl_api_key_get_name (wrapped), ==, "ci");
  g_assert_cmpstrv (nyl_api_key_get_permissions (wrapped),
                    ((const char *[]) { "apikey.create", "apikey.get", NULL }));
  g_assert_cmpint (nyl_api_key_get_expires_at (wrapped), ==, 1753300766);
  g_assert_false (nyl_api_key_has_secret (plain));
  g_assert_false (nyl_api_key_has_secret (wrapped));
  g_assert_cmpint (nyl_api_key_get_expires_in_days (plain), ==, 0);
}

static void
test_api_key_create_request (void)
{
  g_autoptr(NylApiKey) key = nyl_api_key_new ();
  GParamSpec *pspec;

  nyl_api_key_set_name (key, "nightly-rotation");
  assert_request (key, NYL_RESOURCE_REQUEST_CREATE, "{\"name\": \"nightly-rotation\"}");

  g_object_set (key, "expires-in-days", (gint64) 90, NULL);
  assert_request (key, NYL_RESOURCE_REQUEST_CREATE,
                  "{\"name\": \"nightly-rotation\", \"expires_in\": 90}");

  /* Fields the server decides are read-only. */
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (key), "status");
  g_assert_false (pspec->flags & G_PARAM_WRITABLE);
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (key), "expires-at");
  g_assert_false (pspec->flags & G_PARAM_WRITABLE);
  g_assert_null (g_object_class_find_property (G_OBJECT_GET_CLASS (key), "secret"));
  g_assert_null (g_object_class_find_property (G_OBJECT_GET_CLASS (key), "api-key"));
}

/* Grants */

static void
test_grant_fixture (void)
{
  g_autoptr(JsonNode) node = load_fixture ("grant.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(NylGrant) grant = nyl_resource_new_from_json (NYL_TYPE_GRANT, node, &error);
  g_autoptr(JsonNode) settings = parse ("{\"refresh_token\": \"new-token\"}");
  GParamSpec *pspec;

  g_assert_no_error (error);
  g_assert_cmpstr (nyl_resource_get_id (NYL_RESOURCE (grant)), ==,
                   "e19f8e1a-eb1c-41c0-b6a6-d2e59daf7f47");
  g_assert_cmpstr (nyl_grant_get_provider (grant), ==, "microsoft");
  g_assert_cmpstr (nyl_grant_get_grant_status (grant), ==, "valid");
  g_assert_cmpstr (nyl_grant_get_email (grant), ==, "email@example.com");
  g_assert_cmpstrv (nyl_grant_get_scope (grant),
                    ((const char *[]) { "Mail.Read", "User.Read", "offline_access", NULL }));
  g_assert_cmpstr (nyl_grant_get_user_agent (grant), ==, "string");
  g_assert_cmpstr (nyl_grant_get_ip (grant), ==, "string");
  g_assert_cmpstr (nyl_grant_get_state (grant), ==, "my-state");
  g_assert_cmpint (nyl_grant_get_created_at (grant), ==, 1617817109);
  g_assert_cmpint (nyl_grant_get_updated_at (grant), ==, 1617817109);
  g_assert_cmpstr (nyl_grant_get_credential_id (grant), ==, "cred-abc-123");

  /* Absent optional fields. */
  g_assert_null (nyl_grant_get_name (grant));
  g_assert_null (nyl_grant_get_settings (grant));
  g_assert_null (nyl_grant_get_email_aliases (grant));
  g_assert_null (nyl_grant_get_account_id (grant));
  g_assert_false (nyl_grant_get_blocked (grant));

  /* No create; an update carries settings (whole) and scope. */
  assert_request (grant, NYL_RESOURCE_REQUEST_CREATE, NULL);
  assert_request (grant, NYL_RESOURCE_REQUEST_UPDATE,
                  "{\"scope\": [\"Mail.Read\", \"User.Read\", \"offline_access\"]}");
  nyl_grant_set_settings (grant, json_node_get_object (settings));
  nyl_grant_set_scope (grant, (const char * const []) { "Mail.Read", NULL });
  assert_request (grant, NYL_RESOURCE_REQUEST_UPDATE,
                  "{\"settings\": {\"refresh_token\": \"new-token\"}, \"scope\": [\"Mail.Read\"]}");

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (grant), "email");
  g_assert_false (pspec->flags & G_PARAM_WRITABLE);
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (grant), "scope");
  g_assert_true (pspec->flags & G_PARAM_WRITABLE);
}

/* Webhooks */

static void
test_webhook_fixture (void)
{
  g_autoptr(JsonNode) node = load_fixture ("webhook.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(NylWebhook) webhook = nyl_resource_new_from_json (NYL_TYPE_WEBHOOK, node, &error);
  guint notifies = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (nyl_resource_get_id (NYL_RESOURCE (webhook)), ==, "UMWjAjMeWQ4D8gYF2moonK4486");
  g_assert_cmpstr (nyl_webhook_get_description (webhook), ==, "Production webhook destination");
  g_assert_cmpstrv (nyl_webhook_get_trigger_types (webhook),
                    ((const char *[]) { "calendar.created", NULL }));
  g_assert_cmpstr (nyl_webhook_get_webhook_url (webhook), ==, "https://example.com/webhooks");
  g_assert_cmpstr (nyl_webhook_get_status (webhook), ==, "active");
  g_assert_cmpstrv (nyl_webhook_get_notification_email_addresses (webhook),
                    ((const char *[]) { "jane@example.com", "joe@example.com", NULL }));
  g_assert_cmpint (nyl_webhook_get_status_updated_at (webhook), ==, 1234567890);
  g_assert_cmpint (nyl_webhook_get_created_at (webhook), ==, 1234567890);
  g_assert_false (nyl_webhook_get_compressed_delivery (webhook));
  g_assert_null (nyl_webhook_get_secret (webhook));

  /* The status read back is not sent, nor compressed_delivery, which the
   * server did not mention: PUT leaves what is not sent alone. */
  assert_request (webhook, NYL_RESOURCE_REQUEST_UPDATE,
    "{\"trigger_types\": [\"calendar.created\"], \"webhook_url\": \"https://example.com/webhooks\","
    " \"description\": \"Production webhook destination\","
    " \"notification_email_addresses\": [\"jane@example.com\", \"joe@example.com\"]}");

  /* Pause: the status the caller chose goes out, on an update only. */
  g_signal_connect (webhook, "notify::status", G_CALLBACK (count_notify_cb), &notifies);
  nyl_webhook_set_status (webhook, "pause");
  g_assert_cmpuint (notifies, ==, 1);
  nyl_webhook_set_compressed_delivery (webhook, FALSE);
  assert_request (webhook, NYL_RESOURCE_REQUEST_UPDATE,
    "{\"trigger_types\": [\"calendar.created\"], \"webhook_url\": \"https://example.com/webhooks\","
    " \"description\": \"Production webhook destination\","
    " \"notification_email_addresses\": [\"jane@example.com\", \"joe@example.com\"],"
    " \"compressed_delivery\": false, \"status\": \"pause\"}");
  assert_request (webhook, NYL_RESOURCE_REQUEST_CREATE,
    "{\"trigger_types\": [\"calendar.created\"], \"webhook_url\": \"https://example.com/webhooks\","
    " \"description\": \"Production webhook destination\","
    " \"notification_email_addresses\": [\"jane@example.com\", \"joe@example.com\"],"
    " \"compressed_delivery\": false}");
}

static void
test_webhook_secret (void)
{
  g_autoptr(JsonNode) data = fixture_data ("webhook-create.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(NylWebhook) webhook = nyl_resource_new_from_json (NYL_TYPE_WEBHOOK, data, &error);
  g_autofree char *create = NULL;
  g_autofree char *update = NULL;
  g_autofree char *properties = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (nyl_webhook_get_secret (webhook), ==, "41dD3-nXTUfebYuk81Gr");

  create = nyl_resource_to_json_string (NYL_RESOURCE (webhook), NYL_RESOURCE_REQUEST_CREATE);
  update = nyl_resource_to_json_string (NYL_RESOURCE (webhook), NYL_RESOURCE_REQUEST_UPDATE);
  properties = dump_properties (G_OBJECT (webhook));
  g_assert_null (strstr (create, "41dD3"));
  g_assert_null (strstr (update, "41dD3"));
  g_assert_null (strstr (properties, "41dD3"));
  g_assert_null (strstr (create, "webhook_secret"));

  nyl_webhook_clear_secret (webhook);
  g_assert_null (nyl_webhook_get_secret (webhook));
}

static void
test_webhook_create_request (void)
{
  g_autoptr(NylWebhook) webhook = nyl_webhook_new ();

  g_object_set (webhook,
                "webhook-url", "https://hooks.example.com/nylas",
                "trigger-types", (const char * const []) { "grant.expired", "grant.deleted", NULL },
                "compressed-delivery", TRUE,
                NULL);

  assert_request (webhook, NYL_RESOURCE_REQUEST_CREATE,
    "{\"trigger_types\": [\"grant.expired\", \"grant.deleted\"],"
    " \"webhook_url\": \"https://hooks.example.com/nylas\", \"compressed_delivery\": true}");
}

/* Domains */

static void
test_domain_fixture (void)
{
  g_autoptr(JsonNode) node = load_fixture ("domain.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(NylDomain) domain = nyl_resource_new_from_json (NYL_TYPE_DOMAIN, node, &error);
  g_autoptr(NylDomain) verified = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (nyl_resource_get_id (NYL_RESOURCE (domain)), ==,
                   "f9d3c1b2-1a2b-4c3d-8e4f-1234567890ab");
  g_assert_cmpstr (nyl_domain_get_name (domain), ==, "Marketing domain");
  g_assert_cmpstr (nyl_domain_get_domain_address (domain), ==, "mail.example.com");
  g_assert_cmpstr (nyl_domain_get_organization_id (domain), ==, "org-123");
  g_assert_cmpstr (nyl_domain_get_region (domain), ==, "us");
  g_assert_false (nyl_domain_get_branded (domain));
  g_assert_false (nyl_domain_get_verified_ownership (domain));
  g_assert_false (nyl_domain_get_verified_dmarc (domain));
  g_assert_cmpint (nyl_domain_get_created_at (domain), ==, 1234567890);

  assert_request (domain, NYL_RESOURCE_REQUEST_CREATE,
    "{\"name\": \"Marketing domain\", \"domain_address\": \"mail.example.com\"}");
  /* Only the name can change. */
  assert_request (domain, NYL_RESOURCE_REQUEST_UPDATE, "{\"name\": \"Marketing domain\"}");

  verified = resource_from_string (NYL_TYPE_DOMAIN,
    "{\"id\": \"d\", \"verified_ownership\": true, \"verified_mx\": true,"
    " \"verified_spf\": true, \"verified_feedback\": true, \"verified_dkim\": true,"
    " \"verified_dmarc\": true, \"verified_arc\": true, \"branded\": true}");
  g_assert_true (nyl_domain_get_verified_ownership (verified));
  g_assert_true (nyl_domain_get_verified_mx (verified));
  g_assert_true (nyl_domain_get_verified_spf (verified));
  g_assert_true (nyl_domain_get_verified_feedback (verified));
  g_assert_true (nyl_domain_get_verified_dkim (verified));
  g_assert_true (nyl_domain_get_verified_dmarc (verified));
  g_assert_true (nyl_domain_get_verified_arc (verified));
  g_assert_true (nyl_domain_get_branded (verified));
}

/* Connectors */

static void
test_connector (void)
{
  g_autoptr(NylConnector) google = NULL;
  g_autoptr(NylConnector) ews = NULL;
  g_autoptr(NylConnector) microsoft = NULL;
  g_autoptr(JsonNode) settings = parse ("{\"client_id\": \"ms-client\", \"tenant\": \"common\"}");
  g_autofree char *properties = NULL;

  /* The ConnectorObject of nylas-api.md §5: settings echo no secret. */
  google = resource_from_string (NYL_TYPE_CONNECTOR,
    "{\"name\": \"Google\", \"provider\": \"google\", \"settings\": {\"topic_name\": \"abc123\"},"
    " \"scope\": [\"https://www.googleapis.com/auth/userinfo.email\"],"
    " \"active_credential_id\": \"cred-1\"}");
  g_assert_cmpstr (nyl_resource_get_id (NYL_RESOURCE (google)), ==, "google");
  g_assert_cmpstr (nyl_connector_get_provider (google), ==, "google");
  g_assert_cmpstr (nyl_connector_get_name (google), ==, "Google");
  g_assert_cmpstr (json_object_get_string_member (nyl_connector_get_settings (google),
                                                  "topic_name"), ==, "abc123");
  g_assert_cmpstr (nyl_connector_get_active_credential_id (google), ==, "cred-1");

  assert_request (google, NYL_RESOURCE_REQUEST_UPDATE,
    "{\"name\": \"Google\", \"settings\": {\"topic_name\": \"abc123\"},"
    " \"scope\": [\"https://www.googleapis.com/auth/userinfo.email\"],"
    " \"active_credential_id\": \"cred-1\"}");

  /* A client secret set for the request joins the settings, whole. */
  nyl_connector_set_client_secret (google, "g-secret-value");
  assert_request (google, NYL_RESOURCE_REQUEST_UPDATE,
    "{\"name\": \"Google\", \"settings\": {\"topic_name\": \"abc123\","
    "                                   \"client_secret\": \"g-secret-value\"},"
    " \"scope\": [\"https://www.googleapis.com/auth/userinfo.email\"],"
    " \"active_credential_id\": \"cred-1\"}");
  properties = dump_properties (G_OBJECT (google));
  g_assert_null (strstr (properties, "g-secret-value"));
  g_assert_null (json_object_get_member (nyl_connector_get_settings (google), "client_secret"));

  /* EWS's list is named "scopes" in the spec. */
  ews = resource_from_string (NYL_TYPE_CONNECTOR,
    "{\"provider\": \"ews\", \"scopes\": [\"ews.messages\", \"ews.calendar\"]}");
  g_assert_cmpstrv (nyl_connector_get_scope (ews),
                    ((const char *[]) { "ews.messages", "ews.calendar", NULL }));

  microsoft = nyl_connector_new_for_provider ("microsoft");
  nyl_connector_set_settings (microsoft, json_node_get_object (settings));
  nyl_connector_set_client_secret (microsoft, "ms-secret");
  nyl_connector_set_scope (microsoft, (const char * const []) { "Mail.Read", "offline_access",
                                                                NULL });
  assert_request (microsoft, NYL_RESOURCE_REQUEST_CREATE,
    "{\"provider\": \"microsoft\","
    " \"settings\": {\"client_id\": \"ms-client\", \"tenant\": \"common\","
    "              \"client_secret\": \"ms-secret\"},"
    " \"scope\": [\"Mail.Read\", \"offline_access\"]}");
}

/* Credentials */

static void
test_credential (void)
{
  g_autoptr(NylCredential) credential = NULL;
  g_autoptr(NylCredential) created = nyl_credential_new ();
  g_autoptr(JsonNode) data = parse ("{\"tenant\": \"t-1\", \"client_secret\": \"cs-value\"}");
  g_autofree char *properties = NULL;

  /* credential_data is never taken from a response, even if one had it. */
  credential = resource_from_string (NYL_TYPE_CREDENTIAL,
    "{\"id\": \"c-1\", \"name\": \"Admin consent\", \"credential_type\": \"adminconsent\","
    " \"hashed_data\": \"3f2a\", \"created_at\": 1700000000, \"updated_at\": 1700000100,"
    " \"credential_data\": {\"client_secret\": \"echoed-secret\"}}");
  g_assert_cmpstr (nyl_resource_get_id (NYL_RESOURCE (credential)), ==, "c-1");
  g_assert_cmpstr (nyl_credential_get_name (credential), ==, "Admin consent");
  g_assert_cmpstr (nyl_credential_get_credential_type (credential), ==, "adminconsent");
  g_assert_cmpstr (nyl_credential_get_hashed_data (credential), ==, "3f2a");
  g_assert_cmpint (nyl_credential_get_updated_at (credential), ==, 1700000100);
  assert_request (credential, NYL_RESOURCE_REQUEST_UPDATE, "{\"name\": \"Admin consent\"}");
  properties = dump_properties (G_OBJECT (credential));
  g_assert_null (strstr (properties, "echoed-secret"));
  g_assert_null (g_object_class_find_property (G_OBJECT_GET_CLASS (credential),
                                               "credential-data"));

  nyl_credential_set_name (created, "Tenant override");
  nyl_credential_set_credential_type (created, "adminconsent");
  nyl_credential_set_credential_data (created, json_node_get_object (data));
  assert_request (created, NYL_RESOURCE_REQUEST_CREATE,
    "{\"name\": \"Tenant override\", \"credential_type\": \"adminconsent\","
    " \"credential_data\": {\"tenant\": \"t-1\", \"client_secret\": \"cs-value\"}}");
  /* PATCH replaces credential_data whole; the type cannot change. */
  assert_request (created, NYL_RESOURCE_REQUEST_UPDATE,
    "{\"name\": \"Tenant override\","
    " \"credential_data\": {\"tenant\": \"t-1\", \"client_secret\": \"cs-value\"}}");
}

/* Tolerance, for every type */

static const GType *
all_types (void)
{
  static GType types[9];

  if (types[0] == 0)
    {
      types[0] = NYL_TYPE_APP_DETAILS;
      types[1] = NYL_TYPE_REDIRECT_URI;
      types[2] = NYL_TYPE_API_KEY;
      types[3] = NYL_TYPE_GRANT;
      types[4] = NYL_TYPE_CONNECTOR;
      types[5] = NYL_TYPE_CREDENTIAL;
      types[6] = NYL_TYPE_WEBHOOK;
      types[7] = NYL_TYPE_DOMAIN;
      types[8] = G_TYPE_INVALID;
    }

  return types;
}

static void
test_unknown_fields_ignored (void)
{
  const GType *types = all_types ();

  for (guint i = 0; types[i] != G_TYPE_INVALID; i++)
    {
      g_autoptr(NylResource) resource = NULL;

      resource = resource_from_string (types[i],
        "{\"id\": \"x-1\", \"provider\": \"google\", \"application_id\": \"x-1\","
        " \"name\": \"known\", \"future_string\": \"s\", \"future_number\": 1.5,"
        " \"future_list\": [1, \"two\", {\"three\": null}], \"future_object\": {\"a\": [true]},"
        " \"future_null\": null}");
      g_assert_nonnull (resource);
    }
}

static void
test_missing_optional_fields (void)
{
  const GType *types = all_types ();

  for (guint i = 0; types[i] != G_TYPE_INVALID; i++)
    {
      g_autoptr(NylResource) empty = resource_from_string (types[i], "{}");
      g_autoptr(NylResource) nulls = NULL;
      g_autofree char *dump = NULL;

      g_assert_null (nyl_resource_get_id (empty));

      /* JSON null is the same as absent. */
      nulls = resource_from_string (types[i],
        "{\"id\": null, \"name\": null, \"created_at\": null, \"scope\": null,"
        " \"settings\": null, \"blocked\": null, \"branding\": null, \"callback_uris\": null,"
        " \"trigger_types\": null, \"permissions\": null, \"api_key\": null}");
      g_assert_null (nyl_resource_get_id (nulls));

      /* Every property can be read on an object with nothing in it. */
      dump = dump_properties (G_OBJECT (empty));
      g_assert_nonnull (dump);
    }
}

static void
test_defaults (void)
{
  g_autoptr(NylGrant) grant = resource_from_string (NYL_TYPE_GRANT, "{\"id\": \"g\"}");
  g_autoptr(NylWebhook) webhook = resource_from_string (NYL_TYPE_WEBHOOK, "{\"id\": \"w\"}");
  g_autoptr(NylAppDetails) app = resource_from_string (NYL_TYPE_APP_DETAILS, "{}");

  g_assert_cmpstr (nyl_resource_get_id (NYL_RESOURCE (grant)), ==, "g");
  g_assert_null (nyl_grant_get_email (grant));
  g_assert_null (nyl_grant_get_scope (grant));
  g_assert_cmpint (nyl_grant_get_created_at (grant), ==, 0);
  g_assert_false (nyl_grant_get_blocked (grant));
  g_assert_null (nyl_webhook_get_trigger_types (webhook));
  g_assert_null (nyl_webhook_get_secret (webhook));
  g_assert_cmpuint (g_list_model_get_n_items (nyl_app_details_get_callback_uris (app)), ==, 0);
  g_assert_null (nyl_app_details_get_branding_name (app));
  assert_request (webhook, NYL_RESOURCE_REQUEST_UPDATE, "{}");
}

static void
test_numbers (void)
{
  g_autoptr(NylGrant) grant = NULL;

  /* A whole number written as a double is still a whole number. */
  grant = resource_from_string (NYL_TYPE_GRANT,
                                "{\"created_at\": 1617817109.0, \"updated_at\": 1.617817109e9}");
  g_assert_cmpint (nyl_grant_get_created_at (grant), ==, 1617817109);
  g_assert_cmpint (nyl_grant_get_updated_at (grant), ==, 1617817109);
}

typedef struct
{
  GType       (*get_type) (void);
  const char   *json;
  const char   *member;
} WrongType;

static void
test_wrong_types (void)
{
  static const WrongType cases[] = {
    { nyl_grant_get_type, "{\"created_at\": \"1617817109\"}", "created_at" },
    { nyl_grant_get_type, "{\"created_at\": 1.5}", "created_at" },
    { nyl_grant_get_type, "{\"created_at\": 1e300}", "created_at" },
    { nyl_grant_get_type, "{\"id\": 42}", "id" },
    { nyl_grant_get_type, "{\"email\": [\"a@example.com\"]}", "email" },
    { nyl_grant_get_type, "{\"scope\": \"Mail.Read\"}", "scope" },
    { nyl_grant_get_type, "{\"scope\": [\"Mail.Read\", 7]}", "scope" },
    { nyl_grant_get_type, "{\"scope\": [null]}", "scope" },
    { nyl_grant_get_type, "{\"blocked\": \"true\"}", "blocked" },
    { nyl_grant_get_type, "{\"blocked\": 1}", "blocked" },
    { nyl_grant_get_type, "{\"settings\": [\"refresh_token\"]}", "settings" },
    { nyl_webhook_get_type, "{\"trigger_types\": {\"calendar.created\": true}}", "trigger_types" },
    { nyl_webhook_get_type, "{\"compressed_delivery\": \"yes\"}", "compressed_delivery" },
    { nyl_webhook_get_type, "{\"webhook_secret\": 5}", "webhook_secret" },
    { nyl_webhook_get_type, "{\"status_updated_at\": false}", "status_updated_at" },
    { nyl_api_key_get_type, "{\"expires_at\": \"soon\"}", "expires_at" },
    { nyl_api_key_get_type, "{\"permissions\": \"all\"}", "permissions" },
    { nyl_api_key_get_type, "{\"api_key\": 12345}", "api_key" },
    { nyl_domain_get_type, "{\"verified_mx\": \"false\"}", "verified_mx" },
    { nyl_domain_get_type, "{\"domain_address\": {}}", "domain_address" },
    { nyl_connector_get_type, "{\"provider\": 1}", "provider" },
    { nyl_connector_get_type, "{\"settings\": \"topic\"}", "settings" },
    { nyl_connector_get_type, "{\"scopes\": [1]}", "scopes" },
    { nyl_credential_get_type, "{\"created_at\": true}", "created_at" },
    { nyl_credential_get_type, "{\"name\": 3}", "name" },
    { nyl_redirect_uri_get_type, "{\"deleted_at\": \"never\"}", "deleted_at" },
    { nyl_redirect_uri_get_type, "{\"settings\": []}", "settings" },
    { nyl_redirect_uri_get_type, "{\"settings\": {\"origin\": false}}", "origin" },
    { nyl_app_details_get_type, "{\"application_id\": [1]}", "application_id" },
    { nyl_app_details_get_type, "{\"branding\": \"My app\"}", "branding" },
    { nyl_app_details_get_type, "{\"branding\": {\"name\": 5}}", "name" },
    { nyl_app_details_get_type, "{\"hosted_authentication\": {\"spacing\": \"5px\"}}", "spacing" },
    { nyl_app_details_get_type, "{\"hosted_authentication\": {\"title\": {}}}", "title" },
    { nyl_app_details_get_type, "{\"idp_settings\": {\"origins\": [\"a\"]}}", "origins" },
    { nyl_app_details_get_type, "{\"callback_uris\": {}}", "callback_uris" },
    { nyl_app_details_get_type, "{\"callback_uris\": [\"https://x\"]}", "callback_uris" },
    { nyl_app_details_get_type,
      "{\"callback_uris\": [{\"id\": \"u\", \"settings\": {\"bundle_id\": 1}}]}", "bundle_id" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = parse (cases[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(NylResource) resource = NULL;

      g_test_message ("%s %s", g_type_name (cases[i].get_type ()), cases[i].json);
      resource = nyl_resource_new_from_json (cases[i].get_type (), node, &error);
      g_assert_null (resource);
      g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE);
      /* The message names the member, so a bug report can say which. */
      g_assert_nonnull (strstr (error->message, cases[i].member));
    }
}

static void
test_data_not_an_object (void)
{
  const char *not_objects[] = { "\"a string\"", "[]", "[{\"id\": \"x\"}]", "42", "true", "null" };
  const GType *types = all_types ();

  for (guint i = 0; types[i] != G_TYPE_INVALID; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NylResource) missing = NULL;

      /* No data at all. */
      missing = nyl_resource_new_from_json (types[i], NULL, &error);
      g_assert_null (missing);
      g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE);

      for (guint j = 0; j < G_N_ELEMENTS (not_objects); j++)
        {
          g_autoptr(JsonNode) node = parse (not_objects[j]);
          g_autoptr(GError) local_error = NULL;
          g_autoptr(NylResource) resource = NULL;

          resource = nyl_resource_new_from_json (types[i], node, &local_error);
          g_assert_null (resource);
          g_assert_error (local_error, NYL_API_ERROR, NYL_API_ERROR_PARSE);
        }
    }
}

static void
test_kinds (void)
{
  g_autoptr(NylWebhook) webhook = nyl_webhook_new ();

  g_assert_cmpstr (nyl_resource_type_get_kind (NYL_TYPE_APP_DETAILS), ==, "application");
  g_assert_cmpstr (nyl_resource_type_get_kind (NYL_TYPE_REDIRECT_URI), ==, "redirect-uri");
  g_assert_cmpstr (nyl_resource_type_get_kind (NYL_TYPE_API_KEY), ==, "api-key");
  g_assert_cmpstr (nyl_resource_type_get_kind (NYL_TYPE_GRANT), ==, "grant");
  g_assert_cmpstr (nyl_resource_type_get_kind (NYL_TYPE_CONNECTOR), ==, "connector");
  g_assert_cmpstr (nyl_resource_type_get_kind (NYL_TYPE_CREDENTIAL), ==, "credential");
  g_assert_cmpstr (nyl_resource_type_get_kind (NYL_TYPE_WEBHOOK), ==, "webhook");
  g_assert_cmpstr (nyl_resource_type_get_kind (NYL_TYPE_DOMAIN), ==, "domain");
  g_assert_cmpstr (nyl_resource_get_kind (NYL_RESOURCE (webhook)), ==, "webhook");
}

static void
test_id_construct_only (void)
{
  g_autoptr(NylWebhook) webhook = g_object_new (NYL_TYPE_WEBHOOK,
                                                "id", "wh-9",
                                                "description", "Renamed",
                                                NULL);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (webhook), "id");

  /* An update for a known ID, without fetching the object first: only what
   * was set goes out. */
  g_assert_cmpstr (nyl_resource_get_id (NYL_RESOURCE (webhook)), ==, "wh-9");
  g_assert_true (pspec->flags & G_PARAM_CONSTRUCT_ONLY);
  assert_request (webhook, NYL_RESOURCE_REQUEST_UPDATE, "{\"description\": \"Renamed\"}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/resources/app-details/fixture", test_app_details_fixture);
  g_test_add_func ("/model/resources/app-details/update-whole-nested",
                   test_app_details_update_whole_nested);
  g_test_add_func ("/model/resources/app-details/nested-is-a-copy",
                   test_app_details_nested_is_a_copy);
  g_test_add_func ("/model/resources/redirect-uri/platforms", test_redirect_uri_platforms);
  g_test_add_func ("/model/resources/redirect-uri/round-trip", test_redirect_uri_round_trip);
  g_test_add_func ("/model/resources/api-key/create-response", test_api_key_create_response);
  g_test_add_func ("/model/resources/api-key/listed", test_api_key_listed);
  g_test_add_func ("/model/resources/api-key/create-request", test_api_key_create_request);
  g_test_add_func ("/model/resources/grant/fixture", test_grant_fixture);
  g_test_add_func ("/model/resources/webhook/fixture", test_webhook_fixture);
  g_test_add_func ("/model/resources/webhook/secret", test_webhook_secret);
  g_test_add_func ("/model/resources/webhook/create-request", test_webhook_create_request);
  g_test_add_func ("/model/resources/domain/fixture", test_domain_fixture);
  g_test_add_func ("/model/resources/connector", test_connector);
  g_test_add_func ("/model/resources/credential", test_credential);
  g_test_add_func ("/model/resources/unknown-fields-ignored", test_unknown_fields_ignored);
  g_test_add_func ("/model/resources/missing-optional-fields", test_missing_optional_fields);
  g_test_add_func ("/model/resources/defaults", test_defaults);
  g_test_add_func ("/model/resources/numbers", test_numbers);
  g_test_add_func ("/model/resources/wrong-types", test_wrong_types);
  g_test_add_func ("/model/resources/data-not-an-object", test_data_not_an_object);
  g_test_add_func ("/model/resources/kinds", test_kinds);
  g_test_add_func ("/model/resources/id-construct-only", test_id_construct_only);

  return g_test_run ();
}
