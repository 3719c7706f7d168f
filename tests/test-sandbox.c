/* test-sandbox.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "sandbox-test-util.h"

/* The sandbox's core: lifecycle, API-key checks, applications, redirect URIs, connectors,
 * credentials, saved state, determinism, and the §11 example shapes. */

typedef struct
{
  NylSandbox  *sandbox;
  SoupSession *session;
  const char  *url;
  const char  *key;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->sandbox = sbt_sandbox_new (7, 300, NULL);
  f->session = sbt_session_new ();
  f->url = nyl_sandbox_get_url (f->sandbox);
  f->key = nyl_sandbox_get_api_key (f->sandbox);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->session);
  sbt_sandbox_free (f->sandbox);
}

static SbtResponse *
call (Fixture    *f,
      const char *method,
      const char *path,
      const char *body)
{
  return sbt_call (f->session, method, f->url, path, f->key, body);
}

static void
test_start_and_service_account_file (void)
{
  NylSandbox *sandbox = sbt_sandbox_new (1, 0, NULL);
  g_autofree char *path = g_strdup (nyl_sandbox_get_service_account_file (sandbox));
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *json = nyl_sandbox_dup_service_account_json (sandbox);
  g_autoptr(NylServiceAccount) sa = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_true (g_str_has_prefix (nyl_sandbox_get_url (sandbox), "http://127.0.0.1:"));
  g_assert_true (g_str_has_prefix (nyl_sandbox_get_region_url (sandbox, "eu"),
                                   "http://127.0.0.1:"));
  g_assert_cmpstr (nyl_sandbox_get_region_url (sandbox, "us"), ==, nyl_sandbox_get_url (sandbox));
  g_assert_cmpstr (nyl_sandbox_get_region_url (sandbox, "eu"), !=, nyl_sandbox_get_url (sandbox));
  g_assert_cmpuint (nyl_sandbox_get_n_applications (sandbox), ==, 2);
  g_assert_cmpstr (nyl_sandbox_get_region_nth (sandbox, 0), ==, "us");
  g_assert_cmpstr (nyl_sandbox_get_environment_nth (sandbox, 0), ==, "production");
  g_assert_cmpstr (nyl_sandbox_get_region_nth (sandbox, 1), ==, "eu");
  g_assert_cmpstr (nyl_sandbox_get_environment_nth (sandbox, 1), ==, "staging");
  g_assert_cmpstr (nyl_sandbox_get_api_key_nth (sandbox, 1), !=, nyl_sandbox_get_api_key (sandbox));
  g_assert_true (g_str_has_prefix (nyl_sandbox_get_api_key (sandbox), "nyk_v0_"));

  /* The Service Account file: private directory, 0600, a loadable credentials file. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  sa = nyl_service_account_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nyl_service_account_get_key_id (sa), ==, "test-key-id-0001");
  g_assert_nonnull (strstr (json, "test-key-id-0001"));

  sbt_sandbox_free (sandbox);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

static void
test_api_key_checks (Fixture       *f,
                     gconstpointer  data)
{
  const char *eu = nyl_sandbox_get_region_url (f->sandbox, "eu");
  const char *eu_key = nyl_sandbox_get_api_key_nth (f->sandbox, 1);
  g_autofree char *expired = nyl_sb_state_seeded_api_key (f->sandbox->state, 0, 2);
  g_autofree char *expiring = nyl_sb_state_seeded_api_key (f->sandbox->state, 0, 1);
  const char *paths[] = {
    "/v3/applications", "/v3/grants", "/v3/connectors", "/v3/webhooks",
    "/v3/applications/redirect-uris", "/v3/connectors/google/creds", "/v3/no-such-route",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(SbtResponse) none = sbt_call (f->session, "GET", f->url, paths[i], NULL, NULL);
      g_autoptr(SbtResponse) bad = sbt_call (f->session, "GET", f->url, paths[i], "nyk_v0_wrong",
                                             NULL);
      /* The other application's key, on the wrong region host, is refused too. */
      g_autoptr(SbtResponse) wrong_app = sbt_call (f->session, "GET", f->url, paths[i], eu_key,
                                                   NULL);
      g_autoptr(SbtResponse) wrong_host = sbt_call (f->session, "GET", eu, paths[i], f->key, NULL);

      sbt_assert_error (none, 401, "api.authentication_error");
      sbt_assert_error (bad, 401, "api.authentication_error");
      sbt_assert_error (wrong_app, 401, "api.authentication_error");
      sbt_assert_error (wrong_host, 401, "api.authentication_error");
    }

  {
    g_autoptr(SbtResponse) eu_ok = sbt_call (f->session, "GET", eu, "/v3/applications", eu_key,
                                             NULL);
    g_autoptr(SbtResponse) old = sbt_call (f->session, "GET", f->url, "/v3/applications", expired,
                                           NULL);
    g_autoptr(SbtResponse) soon = sbt_call (f->session, "GET", f->url, "/v3/applications", expiring,
                                            NULL);

    g_assert_cmpuint (eu_ok->status, ==, 200);
    g_assert_cmpstr (sbt_str (sbt_data_object (eu_ok), "region"), ==, "eu");
    sbt_assert_error (old, 401, "api.authentication_error");
    g_assert_cmpuint (soon->status, ==, 200);
  }
}

static void
test_application (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SbtResponse) get = call (f, "GET", "/v3/applications", NULL);
  g_autoptr(SbtResponse) patched = NULL;
  g_autoptr(SbtResponse) again = NULL;
  g_autoptr(SbtResponse) bad = NULL;
  g_autoptr(SbtResponse) after_bad = NULL;
  JsonObject *app, *branding, *ha, *root;
  JsonArray *uris;

  /* §11 (a): the application object. */
  g_assert_cmpuint (get->status, ==, 200);
  g_assert_nonnull (sbt_str (sbt_root (get), "request_id"));
  app = sbt_data_object (get);
  g_assert_cmpstr (sbt_str (app, "application_id"), ==,
                   nyl_sandbox_get_application_id (f->sandbox));
  g_assert_nonnull (sbt_str (app, "organization_id"));
  g_assert_cmpstr (sbt_str (app, "region"), ==, "us");
  g_assert_cmpstr (sbt_str (app, "environment"), ==, "production");
  branding = json_object_get_object_member (app, "branding");
  g_assert_nonnull (sbt_str (branding, "name"));
  g_assert_nonnull (sbt_str (branding, "icon_url"));
  g_assert_nonnull (sbt_str (branding, "website_url"));
  g_assert_nonnull (sbt_str (branding, "description"));
  ha = json_object_get_object_member (app, "hosted_authentication");
  g_assert_nonnull (sbt_str (ha, "alignment"));
  g_assert_cmpint (json_object_get_int_member (ha, "spacing"), >, 0);
  uris = json_object_get_array_member (app, "callback_uris");
  g_assert_cmpuint (json_array_get_length (uris), >=, 5);
  g_assert_nonnull (sbt_str (json_array_get_object_element (uris, 0), "platform"));

  /* PATCH replaces a nested object whole and leaves what was not sent untouched (§1.7). */
  patched = call (f, "PATCH", "/v3/applications",
                  "{\"branding\":{\"name\":\"Renamed\"},"
                  "\"additional_settings\":{\"login_url\":\"https://acme.example/login\"}}");
  g_assert_cmpuint (patched->status, ==, 200);
  root = sbt_root (patched);
  /* [SPEC] quirk: {success, data} instead of request_id. */
  g_assert_true (json_object_get_boolean_member_with_default (root, "success", FALSE));
  g_assert_false (json_object_has_member (root, "request_id"));
  app = sbt_data_object (patched);
  branding = json_object_get_object_member (app, "branding");
  g_assert_cmpstr (sbt_str (branding, "name"), ==, "Renamed");
  g_assert_false (json_object_has_member (branding, "icon_url"));
  g_assert_true (json_object_has_member (app, "hosted_authentication"));
  g_assert_false (json_object_has_member (app, "additional_settings"));

  again = call (f, "GET", "/v3/applications", NULL);
  app = sbt_data_object (again);
  g_assert_cmpstr (sbt_str (json_object_get_object_member (app, "branding"), "name"), ==,
                   "Renamed");
  g_assert_false (json_object_has_member (json_object_get_object_member (app, "branding"),
                                          "website_url"));
  g_assert_false (json_object_has_member (app, "additional_settings"));

  /* A rejected update changes nothing. */
  bad = call (f, "PATCH", "/v3/applications",
              "{\"branding\":{\"name\":\"Never\"},"
              "\"hosted_authentication\":{\"alignment\":\"top\"}}");
  sbt_assert_error (bad, 400, "api.invalid_request_error");
  after_bad = call (f, "GET", "/v3/applications", NULL);
  g_assert_cmpstr (sbt_str (json_object_get_object_member (sbt_data_object (after_bad), "branding"),
                            "name"), ==, "Renamed");
}

static JsonObject *
find_by (JsonArray  *array,
         const char *member,
         const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);

      if (g_strcmp0 (sbt_str (o, member), value) == 0)
        return o;
    }
  return NULL;
}

static void
test_redirect_uris (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SbtResponse) list = call (f, "GET", "/v3/applications/redirect-uris", NULL);
  g_autoptr(SbtResponse) no_origin = NULL;
  g_autoptr(SbtResponse) plain_http = NULL;
  g_autoptr(SbtResponse) bad_fingerprint = NULL;
  g_autoptr(SbtResponse) created = NULL;
  g_autoptr(SbtResponse) fetched = NULL;
  g_autoptr(SbtResponse) kept = NULL;
  g_autoptr(SbtResponse) replaced = NULL;
  g_autoptr(SbtResponse) deleted = NULL;
  g_autoptr(SbtResponse) gone = NULL;
  g_autofree char *path = NULL;
  JsonObject *root, *uri, *settings;
  JsonArray *items;
  const char *platforms[] = { "web", "desktop", "js", "ios", "android" };

  /* The list comes in the {success, data} form. */
  g_assert_cmpuint (list->status, ==, 200);
  root = sbt_root (list);
  g_assert_true (json_object_get_boolean_member_with_default (root, "success", FALSE));
  items = sbt_data_array (list);
  for (guint i = 0; i < G_N_ELEMENTS (platforms); i++)
    g_assert_nonnull (find_by (items, "platform", platforms[i]));

  no_origin = call (f, "POST", "/v3/applications/redirect-uris",
                    "{\"url\":\"https://a.example/cb\",\"platform\":\"js\"}");
  sbt_assert_error (no_origin, 400, "api.invalid_request_error");
  plain_http = call (f, "POST", "/v3/applications/redirect-uris",
                     "{\"url\":\"http://a.example/cb\"}");
  sbt_assert_error (plain_http, 400, "api.invalid_request_error");
  bad_fingerprint = call (f, "POST", "/v3/applications/redirect-uris",
                          "{\"url\":\"app://cb\",\"platform\":\"android\",\"settings\":"
                          "{\"package_name\":\"a.b\",\"sha1_certificate_fingerprint\":\"AB\"}}");
  sbt_assert_error (bad_fingerprint, 400, "api.invalid_request_error");

  created = call (f, "POST", "/v3/applications/redirect-uris",
                  "{\"url\":\"https://new.example/cb\",\"platform\":\"js\","
                  "\"settings\":{\"origin\":\"new.example\"}}");
  g_assert_cmpuint (created->status, ==, 200);
  g_assert_nonnull (sbt_str (sbt_root (created), "request_id"));
  uri = sbt_data_object (created);
  g_assert_cmpstr (sbt_str (uri, "platform"), ==, "js");
  path = g_strconcat ("/v3/applications/redirect-uris/", sbt_str (uri, "id"), NULL);

  fetched = call (f, "GET", path, NULL);
  g_assert_cmpstr (sbt_str (sbt_data_object (fetched), "url"), ==, "https://new.example/cb");

  /* Without "platform", the settings sent are ignored and the stored ones stay. */
  kept = call (f, "PATCH", path, "{\"url\":\"https://new.example/cb2\","
                                 "\"settings\":{\"origin\":\"other.example\"}}");
  g_assert_cmpuint (kept->status, ==, 200);
  uri = sbt_data_object (kept);
  g_assert_cmpstr (sbt_str (uri, "url"), ==, "https://new.example/cb2");
  settings = json_object_get_object_member (uri, "settings");
  g_assert_cmpstr (sbt_str (settings, "origin"), ==, "new.example");

  /* With "platform", the settings are replaced whole. */
  replaced = call (f, "PATCH", path, "{\"platform\":\"ios\",\"url\":\"acme://cb\","
                                     "\"settings\":{\"bundle_id\":\"com.acme.App\"}}");
  g_assert_cmpuint (replaced->status, ==, 200);
  settings = json_object_get_object_member (sbt_data_object (replaced), "settings");
  g_assert_cmpstr (sbt_str (settings, "bundle_id"), ==, "com.acme.App");
  g_assert_false (json_object_has_member (settings, "origin"));

  deleted = call (f, "DELETE", path, NULL);
  g_assert_cmpuint (deleted->status, ==, 200);
  g_assert_nonnull (sbt_str (sbt_root (deleted), "request_id"));
  g_assert_false (json_object_has_member (sbt_root (deleted), "data"));
  gone = call (f, "GET", path, NULL);
  sbt_assert_error (gone, 404, "api.not_found_error");
}

static guint
count_grants (Fixture    *f,
              const char *query)
{
  guint total = 0;

  for (guint offset = 0;; offset += 200)
    {
      g_autofree char *path = g_strdup_printf ("/v3/grants?limit=200&offset=%u%s", offset, query);
      g_autoptr(SbtResponse) page = call (f, "GET", path, NULL);
      guint n;

      g_assert_cmpuint (page->status, ==, 200);
      n = json_array_get_length (sbt_data_array (page));
      total += n;
      if (n < 200)
        return total;
    }
}

static void
test_connectors (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SbtResponse) page1 = call (f, "GET", "/v3/connectors?limit=2", NULL);
  g_autoptr(SbtResponse) page2 = call (f, "GET", "/v3/connectors?limit=2&offset=2", NULL);
  g_autoptr(SbtResponse) dup = NULL;
  g_autoptr(SbtResponse) no_secret = NULL;
  g_autoptr(SbtResponse) created = NULL;
  g_autoptr(SbtResponse) google = NULL;
  g_autoptr(SbtResponse) patched = NULL;
  g_autoptr(SbtResponse) bad_active = NULL;
  g_autoptr(SbtResponse) put = NULL;
  g_autoptr(SbtResponse) deleted = NULL;
  g_autoptr(SbtResponse) creds = NULL;
  JsonObject *root, *connector, *settings;
  JsonArray *scope;
  guint valid_before;

  root = sbt_root (page1);
  g_assert_cmpint (json_object_get_int_member (root, "limit"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (root, "offset"), ==, 0);
  g_assert_cmpuint (json_array_get_length (sbt_data_array (page1)), ==, 2);
  g_assert_cmpuint (json_array_get_length (sbt_data_array (page2)), ==, 1);
  g_assert_cmpint (json_object_get_int_member (sbt_root (page2), "offset"), ==, 2);

  dup = call (f, "POST", "/v3/connectors", "{\"provider\":\"imap\"}");
  g_assert_cmpuint (dup->status, ==, 409);
  no_secret = call (f, "POST", "/v3/connectors",
                    "{\"provider\":\"zoom\",\"settings\":{\"client_id\":\"z\"}}");
  sbt_assert_error (no_secret, 400, "api.invalid_request_error");

  created = call (f, "POST", "/v3/connectors",
                  "{\"provider\":\"yahoo\",\"name\":\"Yahoo\",\"settings\":{\"client_id\":\"y\","
                  "\"client_secret\":\"s3cret\"},\"scope\":[\"email\",\"mail-r\"]}");
  g_assert_cmpuint (created->status, ==, 201);
  connector = sbt_data_object (created);
  settings = json_object_get_object_member (connector, "settings");
  g_assert_cmpstr (sbt_str (settings, "client_id"), ==, "y");
  g_assert_false (json_object_has_member (settings, "client_secret"));

  /* PATCH: settings and scope replaced whole. */
  google = call (f, "GET", "/v3/connectors/google", NULL);
  g_assert_nonnull (sbt_str (json_object_get_object_member (sbt_data_object (google), "settings"),
                             "topic_name"));
  patched = call (f, "PATCH", "/v3/connectors/google",
                  "{\"settings\":{\"client_id\":\"new-id\",\"client_secret\":\"x\"},"
                  "\"scope\":[\"openid\"]}");
  g_assert_cmpuint (patched->status, ==, 200);
  connector = sbt_data_object (patched);
  settings = json_object_get_object_member (connector, "settings");
  g_assert_cmpstr (sbt_str (settings, "client_id"), ==, "new-id");
  g_assert_false (json_object_has_member (settings, "topic_name"));
  scope = json_object_get_array_member (connector, "scope");
  g_assert_cmpuint (json_array_get_length (scope), ==, 1);
  g_assert_nonnull (sbt_str (connector, "active_credential_id"));

  bad_active = call (f, "PATCH", "/v3/connectors/google", "{\"active_credential_id\":\"nope\"}");
  sbt_assert_error (bad_active, 400, "api.invalid_request_error");
  put = call (f, "PUT", "/v3/connectors/google", "{\"name\":\"x\"}");
  g_assert_cmpuint (put->status, ==, 405);

  /* Deleting a connector breaks every grant of its provider and deletes its credentials. */
  valid_before = count_grants (f, "&provider=microsoft&grant_status=valid");
  g_assert_cmpuint (valid_before, >, 0);
  deleted = call (f, "DELETE", "/v3/connectors/microsoft", NULL);
  g_assert_cmpuint (deleted->status, ==, 200);
  g_assert_cmpuint (count_grants (f, "&provider=microsoft&grant_status=valid"), ==, 0);
  g_assert_cmpuint (count_grants (f, "&provider=microsoft&grant_status=invalid"), >=, valid_before);
  g_assert_cmpuint (count_grants (f, "&provider=google&grant_status=valid"), >, 0);
  creds = call (f, "GET", "/v3/connectors/microsoft/creds", NULL);
  sbt_assert_error (creds, 404, "api.not_found_error");
}

static char *
canonical_hash (const char *json)
{
  g_autofree char *canonical = nyl_canonical_json_from_string (json, -1, NULL);

  g_assert_nonnull (canonical);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
}

static void
test_credentials (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SbtResponse) connector = call (f, "GET", "/v3/connectors/google", NULL);
  g_autoptr(SbtResponse) list = call (f, "GET", "/v3/connectors/google/creds", NULL);
  g_autoptr(SbtResponse) asc = NULL;
  g_autoptr(SbtResponse) paged = NULL;
  g_autoptr(SbtResponse) wrong_type = NULL;
  g_autoptr(SbtResponse) missing = NULL;
  g_autoptr(SbtResponse) created = NULL;
  g_autoptr(SbtResponse) patched = NULL;
  g_autoptr(SbtResponse) active_delete = NULL;
  g_autoptr(SbtResponse) switched = NULL;
  g_autoptr(SbtResponse) old_delete = NULL;
  g_autoptr(SbtResponse) gone = NULL;
  g_autofree char *path = NULL;
  g_autofree char *active_path = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *active = NULL;
  g_autofree char *switch_body = NULL;
  JsonObject *root, *cred;
  JsonArray *items;
  guint valid_google_before;

  active = g_strdup (sbt_str (sbt_data_object (connector), "active_credential_id"));
  root = sbt_root (list);
  g_assert_cmpint (json_object_get_int_member (root, "limit"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (root, "offset"), ==, 0);
  items = sbt_data_array (list);
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  /* Default order: created_at descending. */
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 0),
                                               "created_at"), >=,
                   json_object_get_int_member (json_array_get_object_element (items, 1),
                                               "created_at"));
  g_assert_false (json_object_has_member (json_array_get_object_element (items, 0),
                                          "credential_data"));
  asc = call (f, "GET", "/v3/connectors/google/creds?order_by=asc", NULL);
  g_assert_cmpstr (sbt_str (json_array_get_object_element (sbt_data_array (asc), 0), "id"), ==,
                   sbt_str (json_array_get_object_element (items, 1), "id"));
  paged = call (f, "GET", "/v3/connectors/google/creds?limit=1&offset=1", NULL);
  g_assert_cmpuint (json_array_get_length (sbt_data_array (paged)), ==, 1);

  wrong_type = call (f, "POST", "/v3/connectors/google/creds",
                     "{\"name\":\"x\",\"credential_type\":\"adminconsent\","
                     "\"credential_data\":{\"tenant\":\"t\"}}");
  sbt_assert_error (wrong_type, 400, "api.invalid_request_error");
  missing = call (f, "POST", "/v3/connectors/google/creds",
                  "{\"name\":\"x\",\"credential_type\":\"connector\","
                  "\"credential_data\":{\"client_id\":\"c\"}}");
  sbt_assert_error (missing, 400, "api.invalid_request_error");

  created = call (f, "POST", "/v3/connectors/google/creds",
                  "{\"name\":\"Override\",\"credential_type\":\"connector\","
                  "\"credential_data\":{\"client_id\":\"c\",\"client_secret\":\"s\",\"x\":1}}");
  g_assert_cmpuint (created->status, ==, 201);
  cred = sbt_data_object (created);
  g_assert_cmpstr (sbt_str (cred, "credential_type"), ==, "connector");
  path = g_strconcat ("/v3/connectors/google/creds/", sbt_str (cred, "id"), NULL);

  /* PATCH replaces credential_data whole: the hash is of exactly the new object. */
  patched = call (f, "PATCH", path, "{\"name\":\"Renamed\",\"credential_data\":"
                                    "{\"client_id\":\"c2\",\"client_secret\":\"s2\"}}");
  g_assert_cmpuint (patched->status, ==, 200);
  cred = sbt_data_object (patched);
  g_assert_cmpstr (sbt_str (cred, "name"), ==, "Renamed");
  expected = canonical_hash ("{\"client_id\":\"c2\",\"client_secret\":\"s2\"}");
  g_assert_cmpstr (sbt_str (cred, "hashed_data"), ==, expected);

  /* The active credential cannot be deleted. */
  active_path = g_strconcat ("/v3/connectors/google/creds/", active, NULL);
  active_delete = call (f, "DELETE", active_path, NULL);
  sbt_assert_error (active_delete, 400, "api.invalid_request_error");

  /* Once it is not active it can, and the grants that used it stop working at once. */
  valid_google_before = count_grants (f, "&provider=google&grant_status=valid");
  switch_body = g_strdup_printf ("{\"active_credential_id\":\"%s\"}",
                                 sbt_str (sbt_data_object (patched), "id"));
  switched = call (f, "PATCH", "/v3/connectors/google", switch_body);
  g_assert_cmpuint (switched->status, ==, 200);
  old_delete = call (f, "DELETE", active_path, NULL);
  g_assert_cmpuint (old_delete->status, ==, 200);
  gone = call (f, "GET", active_path, NULL);
  sbt_assert_error (gone, 404, "api.not_found_error");
  g_assert_cmpuint (count_grants (f, "&provider=google&grant_status=valid"), <,
                    valid_google_before);
}

static void
test_state_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sandbox-state-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "sub", "state.json", NULL);
  g_autoptr(SoupSession) session = sbt_session_new ();
  g_autofree char *first_id = NULL;
  g_autofree char *uri_id = NULL;
  NylSandbox *sandbox;
  struct stat st;

  sandbox = sbt_sandbox_new (3, 50, file);
  first_id = g_strdup (nyl_sandbox_get_application_id (sandbox));
  {
    g_autoptr(SbtResponse) r = sbt_call (session, "PATCH", nyl_sandbox_get_url (sandbox),
                                         "/v3/applications", nyl_sandbox_get_api_key (sandbox),
                                         "{\"branding\":{\"name\":\"Kept\"}}");
    g_autoptr(SbtResponse) u = sbt_call (session, "POST", nyl_sandbox_get_url (sandbox),
                                         "/v3/applications/redirect-uris",
                                         nyl_sandbox_get_api_key (sandbox),
                                         "{\"url\":\"https://kept.example/cb\"}");
    g_autoptr(SbtResponse) d = sbt_call (session, "DELETE", nyl_sandbox_get_url (sandbox),
                                         "/v3/connectors/imap", nyl_sandbox_get_api_key (sandbox),
                                         NULL);

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpuint (d->status, ==, 200);
    uri_id = g_strdup (sbt_str (sbt_data_object (u), "id"));
  }
  sbt_sandbox_free (sandbox);
  g_assert_cmpint (g_stat (file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* A new run with the same file finds the changes (and the other seed is ignored). */
  sandbox = sbt_sandbox_new (99, 50, file);
  g_assert_cmpstr (nyl_sandbox_get_application_id (sandbox), ==, first_id);
  {
    g_autofree char *uri_path = g_strconcat ("/v3/applications/redirect-uris/", uri_id, NULL);
    g_autoptr(SbtResponse) r = sbt_call (session, "GET", nyl_sandbox_get_url (sandbox),
                                         "/v3/applications", nyl_sandbox_get_api_key (sandbox),
                                         NULL);
    g_autoptr(SbtResponse) u = sbt_call (session, "GET", nyl_sandbox_get_url (sandbox), uri_path,
                                         nyl_sandbox_get_api_key (sandbox), NULL);
    g_autoptr(SbtResponse) c = sbt_call (session, "GET", nyl_sandbox_get_url (sandbox),
                                         "/v3/connectors/imap", nyl_sandbox_get_api_key (sandbox),
                                         NULL);
    g_autoptr(SbtResponse) g = sbt_call (session, "GET", nyl_sandbox_get_url (sandbox),
                                         "/v3/grants?provider=imap&grant_status=valid",
                                         nyl_sandbox_get_api_key (sandbox), NULL);

    g_assert_cmpstr (sbt_str (json_object_get_object_member (sbt_data_object (r), "branding"),
                              "name"), ==, "Kept");
    g_assert_cmpuint (u->status, ==, 200);
    g_assert_cmpuint (c->status, ==, 404);
    g_assert_cmpuint (json_array_get_length (sbt_data_array (g)), ==, 0);
  }
  sbt_sandbox_free (sandbox);

  /* A damaged file is an error, not a crash and not silently replaced. */
  g_assert_true (g_file_set_contents (file, "{\"version\":1,\"seed\":\"x\"}", -1, NULL));
  {
    g_autofree char *sa = sbt_service_account_json ();
    NylSandboxOptions options = { .state_file = file, .service_account_json = sa };
    g_autoptr(NylSandbox) broken = nyl_sandbox_new (&options);
    g_autoptr(GError) error = NULL;

    g_assert_false (nyl_sandbox_start (broken, &error));
    g_assert_nonnull (error);
  }

  g_unlink (file);
  {
    g_autofree char *sub = g_build_filename (dir, "sub", NULL);

    g_rmdir (sub);
  }
  g_rmdir (dir);
}

static char *
first_page_without_ids (NylSandbox  *sandbox,
                        SoupSession *session)
{
  g_autoptr(SbtResponse) r = sbt_call (session, "GET", nyl_sandbox_get_url (sandbox),
                                       "/v3/grants?limit=50", nyl_sandbox_get_api_key (sandbox),
                                       NULL);
  JsonObject *root = sbt_root (r);

  json_object_remove_member (root, "request_id");
  return json_to_string (r->json, FALSE);
}

static void
test_deterministic (void)
{
  g_autoptr(SoupSession) session = sbt_session_new ();
  g_autofree char *sa = sbt_service_account_json ();
  NylSandboxOptions options = { .seed = 11, .n_grants = 120,
                                .now = g_get_real_time () / G_USEC_PER_SEC,
                                .service_account_json = sa };
  g_autoptr(NylSandbox) a = nyl_sandbox_new (&options);
  g_autoptr(NylSandbox) b = nyl_sandbox_new (&options);
  g_autoptr(NylSandbox) c = NULL;
  g_autofree char *page_a = NULL;
  g_autofree char *page_b = NULL;
  g_autofree char *page_c = NULL;

  g_assert_true (nyl_sandbox_start (a, NULL));
  g_assert_true (nyl_sandbox_start (b, NULL));
  options.seed = 12;
  c = nyl_sandbox_new (&options);
  g_assert_true (nyl_sandbox_start (c, NULL));

  g_assert_cmpstr (nyl_sandbox_get_application_id (a), ==, nyl_sandbox_get_application_id (b));
  g_assert_cmpstr (nyl_sandbox_get_api_key (a), ==, nyl_sandbox_get_api_key (b));
  g_assert_cmpstr (nyl_sandbox_get_application_id (a), !=, nyl_sandbox_get_application_id (c));
  page_a = first_page_without_ids (a, session);
  page_b = first_page_without_ids (b, session);
  page_c = first_page_without_ids (c, session);
  g_assert_cmpstr (page_a, ==, page_b);
  g_assert_cmpstr (page_a, !=, page_c);

  nyl_sandbox_stop (a);
  nyl_sandbox_stop (b);
  nyl_sandbox_stop (c);
}

static void
test_example_shapes (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SbtResponse) grants = call (f, "GET", "/v3/grants?limit=5", NULL);
  g_autoptr(SbtResponse) webhooks = call (f, "GET", "/v3/webhooks", NULL);
  g_autoptr(SbtResponse) missing = call (f, "GET",
                                         "/v3/grants/00000000-0000-4000-8000-000000000000",
                                         NULL);
  g_autofree char *token_body = g_strdup_printf ("{\"grant_type\":\"authorization_code\","
                                                 "\"client_id\":\"%s\",\"client_secret\":\"%s\"}",
                                                 nyl_sandbox_get_application_id (f->sandbox),
                                                 f->key);
  g_autoptr(SbtResponse) oauth = sbt_call (f->session, "POST", f->url, "/v3/connect/token", NULL,
                                           token_body);
  JsonObject *grant, *webhook, *root;
  JsonArray *items;
  const char *statuses[] = { "active", "pause", "failing", "failed" };

  /* §11 (c): a grant. */
  items = sbt_data_array (grants);
  grant = json_array_get_object_element (items, 0);
  g_assert_cmpuint (strlen (sbt_str (grant, "id")), ==, 36);
  g_assert_nonnull (sbt_str (grant, "provider"));
  g_assert_true (g_str_equal (sbt_str (grant, "grant_status"), "valid") ||
                 g_str_equal (sbt_str (grant, "grant_status"), "invalid"));
  g_assert_nonnull (strchr (sbt_str (grant, "email"), '@'));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (grant, "scope")));
  g_assert_nonnull (sbt_str (grant, "user_agent"));
  g_assert_nonnull (sbt_str (grant, "ip"));
  g_assert_cmpint (json_object_get_int_member (grant, "created_at"), >, 1000000000);
  g_assert_cmpint (json_object_get_int_member (grant, "updated_at"), >=,
                   json_object_get_int_member (grant, "created_at"));

  /* §11 (d): webhooks, in every status. */
  items = sbt_data_array (webhooks);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    g_assert_nonnull (find_by (items, "status", statuses[i]));
  webhook = json_array_get_object_element (items, 0);
  g_assert_nonnull (sbt_str (webhook, "id"));
  g_assert_nonnull (sbt_str (webhook, "description"));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (webhook, "trigger_types")));
  g_assert_nonnull (sbt_str (webhook, "webhook_url"));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (webhook,
                                                                "notification_email_addresses")));
  g_assert_true (json_object_has_member (webhook, "status_updated_at"));
  g_assert_true (json_object_has_member (webhook, "created_at"));
  g_assert_true (json_object_has_member (webhook, "updated_at"));
  g_assert_false (json_object_has_member (webhook, "webhook_secret"));

  /* §11 (g): the API error and the OAuth error. */
  sbt_assert_error (missing, 404, "api.not_found_error");
  g_assert_cmpuint (oauth->status, ==, 400);
  root = sbt_root (oauth);
  g_assert_cmpstr (sbt_str (root, "error"), ==, "invalid_request");
  g_assert_cmpstr (sbt_str (root, "error_description"), ==, "Missing required parameter: code");
  g_assert_cmpstr (sbt_str (root, "error_uri"), ==,
                   "developer.nylas.com/docs/api/errors/400-response/");
  g_assert_cmpint (json_object_get_int_member (root, "error_code"), ==, 400);
}

static void
test_bad_bodies (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SbtResponse) not_json = call (f, "POST", "/v3/webhooks", "{not json");
  g_autoptr(SbtResponse) array = call (f, "PATCH", "/v3/applications", "[1,2]");
  g_autoptr(SbtResponse) empty = call (f, "POST", "/v3/connectors", NULL);
  g_autoptr(SbtResponse) method = call (f, "DELETE", "/v3/applications", NULL);

  sbt_assert_error (not_json, 400, NULL);
  sbt_assert_error (array, 400, NULL);
  sbt_assert_error (empty, 400, NULL);
  sbt_assert_error (method, 405, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sandbox/start", test_start_and_service_account_file);
  g_test_add ("/sandbox/api-key-checks", Fixture, NULL, fixture_setup, test_api_key_checks,
              fixture_teardown);
  g_test_add ("/sandbox/application", Fixture, NULL, fixture_setup, test_application,
              fixture_teardown);
  g_test_add ("/sandbox/redirect-uris", Fixture, NULL, fixture_setup, test_redirect_uris,
              fixture_teardown);
  g_test_add ("/sandbox/connectors", Fixture, NULL, fixture_setup, test_connectors,
              fixture_teardown);
  g_test_add ("/sandbox/credentials", Fixture, NULL, fixture_setup, test_credentials,
              fixture_teardown);
  g_test_add ("/sandbox/example-shapes", Fixture, NULL, fixture_setup, test_example_shapes,
              fixture_teardown);
  g_test_add ("/sandbox/bad-bodies", Fixture, NULL, fixture_setup, test_bad_bodies,
              fixture_teardown);
  g_test_add_func ("/sandbox/state-file", test_state_file);
  g_test_add_func ("/sandbox/deterministic", test_deterministic);

  return g_test_run ();
}
