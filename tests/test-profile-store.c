/* test-profile-store.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "nyl-api-error.h"
#include "nyl-profile-store.h"

/* Each test runs with XDG_CONFIG_HOME in a fresh temporary directory. */

typedef struct
{
  char *config_home;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->config_home = g_dir_make_tmp ("nyl-profile-store-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CONFIG_HOME", fixture->config_home, TRUE);
  fixture->path = g_build_filename (fixture->config_home, "nylas-manager", "profiles.json", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->config_home);
  g_free (fixture->config_home);
  g_free (fixture->path);
}

static void
write_file (Fixture    *fixture,
            const char *contents)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (fixture->path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static GPtrArray *
list_dir (const char *path)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));

  return names;
}

static NylProfile *
full_profile (void)
{
  NylProfile *profile = nyl_profile_new (NULL, "Production");

  nyl_profile_set_region (profile, "eu");
  nyl_profile_set_application_id (profile, "ad410018-d306-43f9-8361-fa5d7b2172e0");
  nyl_profile_set_organization_id (profile, "f5db4482-dbbe-4b32-b347-61c260d803ce");
  nyl_profile_set_environment (profile, "production");
  nyl_profile_set_service_account_key_id (profile, "test-key-id-0001");
  nyl_profile_set_service_account_organization_id (profile, "org-1");
  nyl_profile_set_service_account_region (profile, "eu");

  return profile;
}

static void
test_missing_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(NylProfileStore) store = nyl_profile_store_new ();
  g_autoptr(GError) error = NULL;

  /* The default path is under XDG_CONFIG_HOME. */
  g_assert_cmpstr (nyl_profile_store_get_path (store), ==, fixture->path);

  g_assert_true (nyl_profile_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (store)) == NYL_TYPE_PROFILE);
  g_assert_null (nyl_profile_store_get_default (store));
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(NylProfileStore) store = nyl_profile_store_new ();
  g_autoptr(NylProfileStore) again = nyl_profile_store_new ();
  g_autoptr(NylProfile) production = full_profile ();
  g_autoptr(NylProfile) staging = nyl_profile_new ("staging-id", "Staging");
  g_autoptr(NylProfile) loaded_item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autoptr(GPtrArray) files = NULL;
  NylProfile *loaded;
  GStatBuf st;
  guint changes = 0;

  g_assert_nonnull (nyl_profile_get_id (production));
  g_assert_true (g_uuid_string_is_valid (nyl_profile_get_id (production)));
  nyl_profile_set_api_url (staging, "http://127.0.0.1:8421");

  g_signal_connect (store, "items-changed", G_CALLBACK (count_changes_cb), &changes);
  g_assert_true (nyl_profile_store_add (store, production, &error));
  g_assert_true (nyl_profile_store_add (store, staging, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 2);

  /* The first profile is the default until told otherwise. */
  g_assert_true (nyl_profile_store_get_default (store) == production);
  g_assert_true (nyl_profile_store_set_default (store, "staging-id"));
  g_assert_false (nyl_profile_store_set_default (store, "no-such-id"));
  g_assert_cmpstr (nyl_profile_store_get_default_id (store), ==, "staging-id");

  g_assert_true (nyl_profile_store_save (store, &error));
  g_assert_no_error (error);

  /* Only the user may read it, and no temporary file is left behind. */
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  files = list_dir (dir);
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (files, 0), ==, "profiles.json");

  contents = read_file (fixture->path);
  g_assert_nonnull (strstr (contents, "\"version\" : 1"));

  g_assert_true (nyl_profile_store_load (again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 2);
  g_assert_cmpstr (nyl_profile_store_get_default_id (again), ==, "staging-id");

  /* Order is kept; every field comes back. */
  loaded_item = g_list_model_get_item (G_LIST_MODEL (again), 0);
  loaded = nyl_profile_store_lookup (again, nyl_profile_get_id (production));
  g_assert_true (loaded == loaded_item);
  g_assert_cmpstr (nyl_profile_get_name (loaded), ==, "Production");
  g_assert_cmpstr (nyl_profile_get_region (loaded), ==, "eu");
  g_assert_null (nyl_profile_get_api_url (loaded));
  g_assert_cmpstr (nyl_profile_get_application_id (loaded), ==,
                   "ad410018-d306-43f9-8361-fa5d7b2172e0");
  g_assert_cmpstr (nyl_profile_get_organization_id (loaded), ==,
                   "f5db4482-dbbe-4b32-b347-61c260d803ce");
  g_assert_cmpstr (nyl_profile_get_environment (loaded), ==, "production");
  g_assert_true (nyl_profile_has_service_account (loaded));
  g_assert_cmpstr (nyl_profile_get_service_account_key_id (loaded), ==, "test-key-id-0001");
  g_assert_cmpstr (nyl_profile_get_service_account_organization_id (loaded), ==, "org-1");
  g_assert_cmpstr (nyl_profile_get_service_account_region (loaded), ==, "eu");

  loaded = nyl_profile_store_lookup_by_name (again, "STAGING");
  g_assert_nonnull (loaded);
  g_assert_cmpstr (nyl_profile_get_id (loaded), ==, "staging-id");
  g_assert_cmpstr (nyl_profile_get_api_url (loaded), ==, "http://127.0.0.1:8421");
  g_assert_null (nyl_profile_get_region (loaded));
  g_assert_false (nyl_profile_has_service_account (loaded));
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(NylProfileStore) store = nyl_profile_store_new ();
  g_autoptr(NylProfile) first = nyl_profile_new (NULL, "Main");
  g_autoptr(NylProfile) same_name = nyl_profile_new (NULL, "main");
  g_autoptr(NylProfile) same_id = NULL;
  g_autoptr(NylProfile) unnamed = nyl_profile_new (NULL, "  ");
  g_autoptr(NylProfile) bad_region = nyl_profile_new (NULL, "Asia");
  g_autoptr(NylProfile) nowhere = nyl_profile_new (NULL, "Nowhere");
  g_autoptr(NylProfile) insecure = nyl_profile_new (NULL, "Insecure");
  g_autoptr(GError) error = NULL;

  nyl_profile_set_region (first, "us");
  g_assert_true (nyl_profile_store_add (store, first, &error));

  nyl_profile_set_region (same_name, "us");
  g_assert_false (nyl_profile_store_add (store, same_name, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_clear_error (&error);

  same_id = nyl_profile_new (nyl_profile_get_id (first), "Other");
  nyl_profile_set_region (same_id, "us");
  g_assert_false (nyl_profile_store_add (store, same_id, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_clear_error (&error);

  nyl_profile_set_region (unnamed, "us");
  g_assert_false (nyl_profile_store_add (store, unnamed, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_clear_error (&error);

  nyl_profile_set_region (bad_region, "ap");
  g_assert_false (nyl_profile_store_add (store, bad_region, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_clear_error (&error);

  g_assert_false (nyl_profile_store_add (store, nowhere, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_clear_error (&error);

  nyl_profile_set_api_url (insecure, "http://nylas.example.com");
  g_assert_false (nyl_profile_store_add (store, insecure, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INSECURE_URL);
  g_clear_error (&error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);

  /* A rename that clashes is caught when saving. */
  {
    g_autoptr(NylProfile) second = nyl_profile_new (NULL, "Second");

    nyl_profile_set_region (second, "eu");
    g_assert_true (nyl_profile_store_add (store, second, &error));
    nyl_profile_set_name (second, "MAIN");
    g_assert_false (nyl_profile_store_save (store, &error));
    g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
    g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  }
}

static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(NylProfileStore) store = nyl_profile_store_new ();
  g_autoptr(NylProfile) a = nyl_profile_new ("a", "A");
  g_autoptr(NylProfile) b = nyl_profile_new ("b", "B");
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  nyl_profile_set_region (a, "us");
  nyl_profile_set_region (b, "us");
  g_assert_true (nyl_profile_store_add (store, a, &error));
  g_assert_true (nyl_profile_store_add (store, b, &error));
  g_assert_cmpstr (nyl_profile_store_get_default_id (store), ==, "a");

  g_signal_connect (store, "items-changed", G_CALLBACK (count_changes_cb), &changes);

  /* Removing the default hands it to the next profile... */
  g_assert_true (nyl_profile_store_remove (store, "a"));
  g_assert_cmpstr (nyl_profile_store_get_default_id (store), ==, "b");
  g_assert_false (nyl_profile_store_remove (store, "a"));

  /* ...and removing the last leaves none. */
  g_assert_true (nyl_profile_store_remove (store, "b"));
  g_assert_null (nyl_profile_store_get_default_id (store));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_cmpuint (changes, ==, 2);
}

static void
test_corrupt (Fixture       *fixture,
              gconstpointer  data)
{
  static const char * const damaged[] = {
    "{\"version\": 1, \"profiles\": [",                                   /* truncated */
    "not json at all",
    "[]",
    "{\"profiles\": []}",                                                 /* no version */
    "{\"version\": \"1\", \"profiles\": []}",
    "{\"version\": 1}",
    "{\"version\": 1, \"profiles\": {}}",
    "{\"version\": 1, \"profiles\": [{\"name\": \"No ID\", \"region\": \"us\"}]}",
    "{\"version\": 1, \"profiles\": [{\"id\": \"x\", \"name\": 5, \"region\": \"us\"}]}",
    "{\"version\": 1, \"profiles\": [{\"id\": \"x\", \"name\": \"X\", \"region\": \"mars\"}]}",
    "{\"version\": 1, \"profiles\": [{\"id\": \"x\", \"name\": \"X\", \"region\": \"us\"},"
    " {\"id\": \"x\", \"name\": \"Y\", \"region\": \"us\"}]}",
    "{\"version\": 1, \"profiles\": [{\"id\": \"x\", \"name\": \"X\", "
    "\"api_url\": \"http://example.com\"}]}",
  };
  g_autofree char *dir = g_path_get_dirname (fixture->path);

  for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      g_autoptr(NylProfileStore) store = nyl_profile_store_new ();
      g_autoptr(NylProfile) fresh = nyl_profile_new (NULL, "Fresh");
      g_autoptr(GError) error = NULL;
      g_autofree char *kept = NULL;
      g_autofree char *basename = NULL;
      g_autofree char *prefix = NULL;

      g_test_message ("%s", damaged[i]);
      write_file (fixture, damaged[i]);

      g_assert_false (nyl_profile_store_load (store, &error));
      g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);

      /* Set aside next to it, untouched, and named in the message. */
      g_assert_nonnull (nyl_profile_store_get_set_aside_path (store));
      basename = g_path_get_basename (nyl_profile_store_get_set_aside_path (store));
      g_assert_true (g_str_has_prefix (basename, "profiles.json.corrupt-"));
      g_assert_nonnull (strstr (error->message, nyl_profile_store_get_set_aside_path (store)));
      g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
      kept = read_file (nyl_profile_store_get_set_aside_path (store));
      g_assert_cmpstr (kept, ==, damaged[i]);
      g_clear_error (&error);

      /* Saving afterwards writes a new file and leaves the damaged one. */
      nyl_profile_set_region (fresh, "us");
      g_assert_true (nyl_profile_store_add (store, fresh, &error));
      g_assert_true (nyl_profile_store_save (store, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_test (nyl_profile_store_get_set_aside_path (store),
                                  G_FILE_TEST_EXISTS));
      g_unlink (fixture->path);
    }

  /* Every damaged file is still there: none overwrote another. */
  {
    g_autoptr(GPtrArray) files = list_dir (dir);

    g_assert_cmpuint (files->len, ==, G_N_ELEMENTS (damaged));
  }
}

static void
test_newer_version (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *future = "{\"version\": 2, \"profiles\": [{\"id\": \"x\", \"shape\": \"new\"}]}";
  g_autoptr(NylProfileStore) store = nyl_profile_store_new ();
  g_autoptr(NylProfile) profile = nyl_profile_new (NULL, "New");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  write_file (fixture, future);

  g_assert_false (nyl_profile_store_load (store, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE);
  g_assert_null (nyl_profile_store_get_set_aside_path (store));
  g_clear_error (&error);

  /* A newer file is left alone, and not overwritten by a save. */
  nyl_profile_set_region (profile, "us");
  g_assert_true (nyl_profile_store_add (store, profile, &error));
  g_assert_false (nyl_profile_store_save (store, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);

  contents = read_file (fixture->path);
  g_assert_cmpstr (contents, ==, future);
}

static void
test_unknown_members_tolerated (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(NylProfileStore) store = nyl_profile_store_new ();
  g_autoptr(GError) error = NULL;
  NylProfile *profile;

  /* Within version 1, members this build does not know are ignored, and a
   * default that names no profile falls back to the first. */
  write_file (fixture,
              "{\"version\": 1, \"default\": \"gone\", \"future_field\": true, \"profiles\": ["
              "{\"id\": \"p1\", \"name\": \"One\", \"region\": \"us\", \"colour\": \"red\","
              " \"service_account\": null, \"environment\": null}]}");

  g_assert_true (nyl_profile_store_load (store, &error));
  g_assert_no_error (error);
  profile = nyl_profile_store_get_default (store);
  g_assert_nonnull (profile);
  g_assert_cmpstr (nyl_profile_get_id (profile), ==, "p1");
  g_assert_null (nyl_profile_get_environment (profile));
}

static void
test_json_shape (void)
{
  g_autoptr(NylProfile) profile = full_profile ();
  g_autoptr(NylProfile) bare = nyl_profile_new ("bare", "Bare");
  g_autoptr(JsonNode) node = nyl_profile_to_json (profile);
  g_autoptr(JsonNode) bare_node = NULL;
  JsonObject *object = json_node_get_object (node);
  JsonObject *service_account = json_object_get_object_member (object, "service_account");

  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Production");
  g_assert_cmpstr (json_object_get_string_member (object, "region"), ==, "eu");
  g_assert_false (json_object_has_member (object, "api_url"));
  g_assert_cmpstr (json_object_get_string_member (service_account, "key_id"), ==,
                   "test-key-id-0001");
  g_assert_cmpstr (json_object_get_string_member (service_account, "region"), ==, "eu");

  /* Unset members, and an empty Service Account, are left out. */
  nyl_profile_set_region (bare, "us");
  nyl_profile_set_environment (bare, "");
  g_assert_null (nyl_profile_get_environment (bare));
  bare_node = nyl_profile_to_json (bare);
  g_assert_cmpuint (json_object_get_size (json_node_get_object (bare_node)), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/profile-store/missing-file", Fixture, NULL,
              fixture_set_up, test_missing_file, fixture_tear_down);
  g_test_add ("/profile-store/round-trip", Fixture, NULL,
              fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/profile-store/validation", Fixture, NULL,
              fixture_set_up, test_validation, fixture_tear_down);
  g_test_add ("/profile-store/remove", Fixture, NULL,
              fixture_set_up, test_remove, fixture_tear_down);
  g_test_add ("/profile-store/corrupt", Fixture, NULL,
              fixture_set_up, test_corrupt, fixture_tear_down);
  g_test_add ("/profile-store/newer-version", Fixture, NULL,
              fixture_set_up, test_newer_version, fixture_tear_down);
  g_test_add ("/profile-store/unknown-members", Fixture, NULL,
              fixture_set_up, test_unknown_members_tolerated, fixture_tear_down);
  g_test_add_func ("/profile-store/json-shape", test_json_shape);

  return g_test_run ();
}
