/* test-profile-ops.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsecret/secret.h>
#include <string.h>

#include "keyring-test-util.h"
#include "model-test-util.h"
#include "nyl-api-key.h"
#include "nyl-app-details.h"
#include "nyl-expiry-schedule.h"
#include "nyl-key-labels.h"
#include "nyl-key-roll.h"
#include "nyl-pending-revocations.h"
#include "nyl-profile-ops.h"
#include "nyl-profile-store.h"

/* The keyring suite: adding, opening and removing profiles against a sandbox whose two hosts
 * stand in for the US and EU region hosts, with a real (private) keyring. */

typedef struct
{
  MtFixture        mt;
  NylProfileStore *store;
  char            *store_path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  user_data)
{
  g_autofree char *log = NULL;

  mt_fixture_setup (&f->mt, GUINT_TO_POINTER (20));
  nyl_profile_ops_set_region_url_for_testing ("us", nyl_sandbox_get_region_url (f->mt.sandbox,
                                                                                "us"));
  nyl_profile_ops_set_region_url_for_testing ("eu", nyl_sandbox_get_region_url (f->mt.sandbox,
                                                                                "eu"));
  log = g_build_filename (f->mt.dir, "audit.jsonl", NULL);
  nyl_profile_ops_set_audit_log_for_testing (log);
  f->store_path = g_build_filename (f->mt.dir, "profiles.json", NULL);
  f->store = nyl_profile_store_new_for_path (f->store_path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  user_data)
{
  /* Leave the keyring as it was found. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->store)); i++)
    {
      g_autoptr(NylProfile) profile = g_list_model_get_item (G_LIST_MODEL (f->store), i);

      kt_clear_profile (nyl_profile_get_id (profile));
    }
  g_clear_object (&f->store);
  g_clear_pointer (&f->store_path, g_free);
  nyl_profile_ops_set_region_url_for_testing ("us", NULL);
  nyl_profile_ops_set_region_url_for_testing ("eu", NULL);
  nyl_profile_ops_set_audit_log_for_testing (NULL);
  mt_fixture_teardown (&f->mt, NULL);
}

static NylProfile *
add_with_api_key (Fixture     *f,
                  const char  *name,
                  const char  *api_key,
                  const char  *region,
                  const char  *api_url,
                  GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  nyl_profile_add_with_api_key_async (f->store, name, api_key, region, api_url, NULL,
                                      mt_result_cb, &result);
  MT_AWAIT (result);
  return nyl_profile_add_with_api_key_finish (f->store, result, error);
}

static NylProfile *
add_with_service_account (Fixture     *f,
                          const char  *name,
                          const char  *application_id,
                          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *json = nyl_sandbox_dup_service_account_json (f->mt.sandbox);

  nyl_profile_add_with_service_account_async (f->store, name, json, -1, application_id, NULL,
                                              NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  return nyl_profile_add_with_service_account_finish (f->store, result, error);
}

static NylSession *
open_session (NylProfile  *profile,
              GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  nyl_session_open_async (profile, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  return nyl_session_open_finish (result, error);
}

/* The profiles as saved on disk. */
static guint
n_saved_profiles (Fixture *f)
{
  g_autoptr(NylProfileStore) reloaded = nyl_profile_store_new_for_path (f->store_path);
  g_autoptr(GError) error = NULL;

  nyl_profile_store_load (reloaded, &error);
  g_assert_no_error (error);
  return g_list_model_get_n_items (G_LIST_MODEL (reloaded));
}

/* The last audit entry carries the Nylas request ID of the answer it records. */
static void
assert_last_audit_has_request_id (Fixture *f)
{
  g_autofree char *request_id = mt_last_audit_request_id (f->mt.audit_log);

  g_assert_nonnull (request_id);
  g_assert_cmpstr (request_id, !=, "");
}

static void
test_add_detects_region (Fixture       *f,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NylProfile) eu = NULL;
  g_autoptr(NylProfile) us = NULL;
  g_autofree char *stored = NULL;
  guint before = kt_count_items (NULL);

  /* The EU application's key: the US host refuses it, the EU host answers. */
  eu = add_with_api_key (f, "Staging", nyl_sandbox_get_api_key_nth (f->mt.sandbox, 1), NULL, NULL,
                         &error);
  g_assert_no_error (error);
  g_assert_nonnull (eu);
  g_assert_cmpstr (nyl_profile_get_region (eu), ==, "eu");
  g_assert_null (nyl_profile_get_api_url (eu));
  g_assert_cmpstr (nyl_profile_get_application_id (eu), ==,
                   nyl_sandbox_get_application_id_nth (f->mt.sandbox, 1));
  g_assert_cmpstr (nyl_profile_get_environment (eu), ==,
                   nyl_sandbox_get_environment_nth (f->mt.sandbox, 1));
  g_assert_nonnull (nyl_profile_get_organization_id (eu));
  g_assert_true (nyl_profile_store_lookup (f->store, nyl_profile_get_id (eu)) == eu);
  g_assert_cmpuint (n_saved_profiles (f), ==, 1);

  stored = kt_lookup (nyl_profile_get_id (eu), NYL_SECRET_KIND_API_KEY, NULL);
  g_assert_cmpstr (stored, ==, nyl_sandbox_get_api_key_nth (f->mt.sandbox, 1));
  g_assert_cmpuint (kt_count_items (NULL), ==, before + 1);
  mt_assert_last_audit (f->mt.audit_log, 1, "create", "application",
                        nyl_sandbox_get_application_id_nth (f->mt.sandbox, 1), "ok");
  assert_last_audit_has_request_id (f);

  /* The US key with the region given: one probe. */
  us = add_with_api_key (f, "Production", nyl_sandbox_get_api_key (f->mt.sandbox), "us", NULL,
                         &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nyl_profile_get_region (us), ==, "us");
  g_assert_cmpstr (nyl_profile_get_environment (us), ==, "production");
  g_assert_cmpuint (n_saved_profiles (f), ==, 2);
}

static void
test_add_refused (Fixture       *f,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NylProfile) profile = NULL;
  guint before = kt_count_items (NULL);

  profile = add_with_api_key (f, "Wrong", "nyk_v0_not_a_real_key", NULL, NULL, &error);
  g_assert_null (profile);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (error->message, "both regions"));
  g_clear_error (&error);

  /* The right key in the wrong region. */
  profile = add_with_api_key (f, "Wrong region", nyl_sandbox_get_api_key_nth (f->mt.sandbox, 1),
                              "us", NULL, &error);
  g_assert_null (profile);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_UNAUTHORIZED);
  g_clear_error (&error);

  /* Nothing was stored or added. */
  g_assert_cmpuint (kt_count_items (NULL), ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, 0);
  g_assert_false (g_file_test (f->store_path, G_FILE_TEST_EXISTS));
}

static void
test_add_invalid_input (Fixture       *f,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NylProfile) first = NULL;
  g_autoptr(NylProfile) again = NULL;
  guint before;

  first = add_with_api_key (f, "Sandbox", nyl_sandbox_get_api_key (f->mt.sandbox), NULL,
                            nyl_sandbox_get_url (f->mt.sandbox), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nyl_profile_get_api_url (first), ==, nyl_sandbox_get_url (f->mt.sandbox));
  before = kt_count_items (NULL);

  /* The name is taken. */
  again = add_with_api_key (f, " Sandbox ", nyl_sandbox_get_api_key (f->mt.sandbox), NULL,
                            nyl_sandbox_get_url (f->mt.sandbox), &error);
  g_assert_null (again);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_clear_error (&error);

  /* Plain http off loopback is refused before anything is sent. */
  again = add_with_api_key (f, "Insecure", nyl_sandbox_get_api_key (f->mt.sandbox), NULL,
                            "http://nylas.example.com", &error);
  g_assert_null (again);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INSECURE_URL);
  g_clear_error (&error);

  again = add_with_api_key (f, "", nyl_sandbox_get_api_key (f->mt.sandbox), "us", NULL, &error);
  g_assert_null (again);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_clear_error (&error);

  again = add_with_api_key (f, "Mars", nyl_sandbox_get_api_key (f->mt.sandbox), "mars", NULL,
                            &error);
  g_assert_null (again);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_clear_error (&error);

  g_assert_cmpuint (kt_count_items (NULL), ==, before);
  g_assert_cmpuint (n_saved_profiles (f), ==, 1);
}

static void
test_add_store_fails (Fixture       *f,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) locked = g_error_new_literal (NYL_API_ERROR, NYL_API_ERROR_KEYRING_LOCKED,
                                                  "locked for the test");
  g_autoptr(NylProfile) profile = NULL;
  guint before = kt_count_items (NULL);

  nyl_model_set_store_failure_for_testing (locked);
  profile = add_with_api_key (f, "Sandbox", nyl_sandbox_get_api_key (f->mt.sandbox), "us", NULL,
                              &error);
  nyl_model_set_store_failure_for_testing (NULL);

  g_assert_null (profile);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_KEYRING_LOCKED);
  g_assert_cmpuint (kt_count_items (NULL), ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, 0);
}

static void
test_add_with_service_account (Fixture       *f,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NylProfile) profile = NULL;
  g_autoptr(NylSession) session = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(NylResource) app = NULL;
  g_autoptr(GListModel) keys = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(NylAuditEntry) minted = NULL;
  g_autofree char *api_key = NULL;
  g_autofree char *account = NULL;
  const char *app_id = nyl_sandbox_get_application_id (f->mt.sandbox);
  guint before = kt_count_items (NULL);

  profile = add_with_service_account (f, "Minted", app_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (profile);
  g_assert_cmpstr (nyl_profile_get_application_id (profile), ==, app_id);
  g_assert_cmpstr (nyl_profile_get_region (profile), ==, "us");
  g_assert_true (nyl_profile_has_service_account (profile));
  g_assert_cmpstr (nyl_profile_get_service_account_key_id (profile), ==,
                   nyl_service_account_get_key_id (f->mt.service_account));
  g_assert_cmpuint (n_saved_profiles (f), ==, 1);

  /* Both secrets are in the keyring: the minted key (also under its ID) and the file. */
  api_key = kt_lookup (nyl_profile_get_id (profile), NYL_SECRET_KIND_API_KEY, NULL);
  g_assert_nonnull (api_key);
  g_assert_true (g_str_has_prefix (api_key, "nyk_"));
  account = kt_lookup (nyl_profile_get_id (profile), NYL_SECRET_KIND_SERVICE_ACCOUNT_KEY, NULL);
  g_assert_nonnull (account);
  g_assert_nonnull (strstr (account, "PRIVATE KEY"));
  g_assert_cmpuint (kt_count_items (NULL), ==, before + 3);

  entries = mt_audit_entries (f->mt.audit_log);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);
  minted = g_list_model_get_item (entries, 0);
  g_assert_cmpstr (nyl_audit_entry_get_action (minted), ==, "create");
  g_assert_cmpstr (nyl_audit_entry_get_object_type (minted), ==, "api-key");
  g_assert_nonnull (nyl_audit_entry_get_object_id (minted));
  mt_assert_last_audit (f->mt.audit_log, 2, "create", "application", app_id, "ok");
  assert_last_audit_has_request_id (f);

  /* The profile opens from the keyring alone, with its Service Account. */
  session = open_session (profile, &error);
  g_assert_no_error (error);
  g_assert_true (nyl_session_has_service_account (session));
  nyl_session_fetch_async (session, NYL_TYPE_APP_DETAILS, NULL, NULL, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  app = nyl_session_fetch_finish (session, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nyl_app_details_get_application_id (NYL_APP_DETAILS (app)), ==, app_id);

  g_clear_object (&result);
  nyl_session_list_async (session, NYL_TYPE_API_KEY, NULL, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  keys = nyl_session_list_finish (session, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (keys), ==, 4);
}

static void
test_add_with_service_account_fails (Fixture       *f,
                                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NylProfile) profile = NULL;
  g_autoptr(NylProfile) other = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) keys = NULL;
  guint before = kt_count_items (NULL);

  /* Verification of the minted key fails: the key is revoked again, nothing is kept. */
  mt_fault (f->mt.sandbox, "path_prefix", "\"/v3/applications\"");
  mt_fault (f->mt.sandbox, "error_count", "100");
  profile = add_with_service_account (f, "Minted", nyl_sandbox_get_application_id (f->mt.sandbox),
                                      &error);
  g_assert_null (profile);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, "revoked"));
  g_clear_error (&error);
  mt_fault (f->mt.sandbox, "error_count", "0");

  g_assert_cmpuint (kt_count_items (NULL), ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->store)), ==, 0);
  mt_assert_last_audit (f->mt.audit_log, 2, "revoke", "api-key", NULL, "ok");

  nyl_session_list_async (f->mt.session, NYL_TYPE_API_KEY, NULL, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  keys = nyl_session_list_finish (f->mt.session, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (keys), ==, 3);

  /* A bad credentials file and an unknown application. */
  g_clear_object (&result);
  nyl_profile_add_with_service_account_async (f->store, "Bad", "{\"type\":\"nope\"}", -1,
                                              "app", NULL, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  g_assert_null (nyl_profile_add_with_service_account_finish (f->store, result, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS);
  g_clear_error (&error);

  other = add_with_service_account (f, "Unknown", "no-such-application", &error);
  g_assert_null (other);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_NOT_FOUND);
  g_assert_cmpuint (kt_count_items (NULL), ==, before);
}

static void
test_open_without_secret (Fixture       *f,
                          gconstpointer  user_data)
{
  g_autoptr(NylProfile) profile = mt_profile_new (f->mt.sandbox, "Not stored");
  g_autoptr(NylSession) session = NULL;
  g_autoptr(GError) error = NULL;

  session = open_session (profile, &error);
  g_assert_null (session);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_NO_SECRET);
  g_assert_nonnull (strstr (error->message, "Not stored"));
  g_clear_error (&error);

  /* With the key but without the Service Account the profile names: it opens, and the calls
   * that need the Service Account say it is missing. */
  nyl_profile_set_service_account_key_id (profile, "kid");
  kt_store (nyl_profile_get_id (profile), NYL_SECRET_KIND_API_KEY, NULL,
            nyl_sandbox_get_api_key (f->mt.sandbox));
  session = open_session (profile, &error);
  g_assert_no_error (error);
  g_assert_false (nyl_session_has_service_account (session));
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GListModel) keys = NULL;

    nyl_session_list_async (session, NYL_TYPE_API_KEY, NULL, NULL, mt_result_cb, &result);
    MT_AWAIT (result);
    keys = nyl_session_list_finish (session, result, &error);
    g_assert_null (keys);
    g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_NO_SECRET);
  }
  kt_clear_profile (nyl_profile_get_id (profile));
}

static void
test_set_service_account (Fixture       *f,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NylProfile) profile = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(NylSession) session = NULL;
  g_autofree char *json = nyl_sandbox_dup_service_account_json (f->mt.sandbox);
  g_autofree char *stored = NULL;

  profile = add_with_api_key (f, "Sandbox", nyl_sandbox_get_api_key (f->mt.sandbox), "us", NULL,
                              &error);
  g_assert_no_error (error);
  g_assert_false (nyl_profile_has_service_account (profile));

  nyl_profile_set_service_account_async (f->store, profile, json, -1, NULL, mt_result_cb,
                                         &result);
  MT_AWAIT (result);
  g_assert_true (nyl_profile_set_service_account_finish (f->store, result, &error));
  g_assert_no_error (error);
  g_assert_true (nyl_profile_has_service_account (profile));
  g_assert_cmpstr (nyl_profile_get_service_account_region (profile), ==, "us");
  stored = kt_lookup (nyl_profile_get_id (profile), NYL_SECRET_KIND_SERVICE_ACCOUNT_KEY, NULL);
  g_assert_nonnull (stored);

  session = open_session (profile, &error);
  g_assert_no_error (error);
  g_assert_true (nyl_session_has_service_account (session));

  g_clear_object (&result);
  nyl_profile_set_service_account_async (f->store, profile, NULL, -1, NULL, mt_result_cb,
                                         &result);
  MT_AWAIT (result);
  g_assert_true (nyl_profile_set_service_account_finish (f->store, result, &error));
  g_assert_no_error (error);
  g_assert_false (nyl_profile_has_service_account (profile));
  g_clear_pointer (&stored, g_free);
  stored = kt_lookup (nyl_profile_get_id (profile), NYL_SECRET_KIND_SERVICE_ACCOUNT_KEY, NULL);
  g_assert_null (stored);
}

/* Writes a label, a sent expiry notice and a scheduled revocation for @profile_id, each in its
 * default file. */
static void
add_local_records (const char *profile_id)
{
  g_autoptr(NylKeyLabels) labels = nyl_key_labels_new ();
  g_autoptr(NylExpirySchedule) schedule = nyl_expiry_schedule_new ();
  g_autoptr(NylPendingRevocations) pending = nyl_pending_revocations_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *key_id = g_strdup_printf ("%s-key", profile_id);
  NylExpiryNotice notice = {
    .profile_id = (char *)profile_id,
    .key_id = key_id,
    .key_name = (char *)"CI",
    .expires_at = g_get_real_time () / G_USEC_PER_SEC + 86400 * 5,
    .milestone = NYL_EXPIRY_MILESTONE_7_DAYS,
  };

  g_assert_true (nyl_key_labels_load (labels, &error));
  g_assert_true (nyl_key_labels_set (labels, profile_id, key_id, "CI deploy", &error));
  g_assert_no_error (error);
  g_assert_true (nyl_expiry_schedule_load (schedule, &error));
  g_assert_true (nyl_expiry_schedule_mark_sent (schedule, &notice, &error));
  g_assert_no_error (error);
  g_assert_true (nyl_pending_revocations_add (pending, profile_id, NULL, key_id,
                                              g_get_real_time () / G_USEC_PER_SEC + 3600,
                                              &error));
  g_assert_no_error (error);
}

/* Whether the default files still hold a label, a sent notice, a scheduled revocation for
 * @profile_id (all three must agree). */
static gboolean
has_local_records (const char *profile_id)
{
  g_autoptr(NylKeyLabels) labels = nyl_key_labels_new ();
  g_autoptr(NylExpirySchedule) schedule = nyl_expiry_schedule_new ();
  g_autoptr(NylPendingRevocations) pending = nyl_pending_revocations_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *key_id = g_strdup_printf ("%s-key", profile_id);
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(NylResource) key = NULL;
  g_autoptr(GListStore) keys = g_list_store_new (NYL_TYPE_API_KEY);
  g_autoptr(GPtrArray) due = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gboolean labelled, notified, scheduled;

  g_assert_true (nyl_key_labels_load (labels, &error));
  labelled = nyl_key_labels_get (labels, profile_id, key_id) != NULL;

  /* A key whose 7-day notice was sent: due again only once forgotten. */
  json = g_strdup_printf ("{\"id\": \"%s\", \"name\": \"CI\", \"status\": \"active\", "
                          "\"created_at\": %" G_GINT64_FORMAT ", \"expires_at\": %"
                          G_GINT64_FORMAT "}", key_id, now - 86400 * 100, now + 86400 * 5);
  node = json_from_string (json, &error);
  g_assert_no_error (error);
  key = nyl_resource_new_from_json (NYL_TYPE_API_KEY, node, &error);
  g_assert_no_error (error);
  g_list_store_append (keys, key);
  g_assert_true (nyl_expiry_schedule_load (schedule, &error));
  due = nyl_expiry_schedule_get_due (schedule, profile_id, NULL, G_LIST_MODEL (keys), now);
  notified = due->len == 0;

  scheduled = nyl_pending_revocations_lookup (pending, key_id) != NULL;

  g_assert_cmpint (labelled, ==, notified);
  g_assert_cmpint (labelled, ==, scheduled);
  return labelled;
}

static void
test_remove (Fixture       *f,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NylProfile) profile = NULL;
  g_autoptr(NylProfile) keep = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *id = NULL;
  g_autofree char *kept = NULL;
  guint before = kt_count_items (NULL);

  profile = add_with_service_account (f, "Minted", nyl_sandbox_get_application_id (f->mt.sandbox),
                                      &error);
  g_assert_no_error (error);
  keep = add_with_api_key (f, "Keep", nyl_sandbox_get_api_key_nth (f->mt.sandbox, 1), "eu", NULL,
                           &error);
  g_assert_no_error (error);
  id = g_strdup (nyl_profile_get_id (profile));
  kt_store (id, NYL_SECRET_KIND_WEBHOOK_SECRET, "webhook-1", "whsec");
  kt_store (id, NYL_SECRET_KIND_CONNECTOR_SECRET, "google", "gsecret");
  g_assert_cmpuint (kt_count_items (id), ==, 5);
  add_local_records (id);
  add_local_records (nyl_profile_get_id (keep));
  g_assert_true (has_local_records (id));

  nyl_profile_remove_async (f->store, profile, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  g_assert_true (nyl_profile_remove_finish (f->store, result, &error));
  g_assert_no_error (error);

  /* Every secret of the profile is gone, the other profile's stay. */
  g_assert_cmpuint (kt_count_items (id), ==, 0);
  g_assert_null (kt_lookup (id, NYL_SECRET_KIND_API_KEY, NULL));
  g_assert_null (kt_lookup (id, NYL_SECRET_KIND_SERVICE_ACCOUNT_KEY, NULL));
  g_assert_null (kt_lookup (id, NYL_SECRET_KIND_WEBHOOK_SECRET, "webhook-1"));
  kept = kt_lookup (nyl_profile_get_id (keep), NYL_SECRET_KIND_API_KEY, NULL);
  g_assert_nonnull (kept);
  g_assert_cmpuint (kt_count_items (NULL), ==, before + 1);

  g_assert_null (nyl_profile_store_lookup (f->store, id));
  g_assert_cmpuint (n_saved_profiles (f), ==, 1);

  /* Its key labels, sent expiry notices and scheduled revocations are forgotten too; the other
   * profile's stay. */
  g_assert_false (has_local_records (id));
  g_assert_true (has_local_records (nyl_profile_get_id (keep)));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/profile-ops/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("add/detects-region", test_add_detects_region);
  ADD ("add/refused", test_add_refused);
  ADD ("add/invalid-input", test_add_invalid_input);
  ADD ("add/store-fails", test_add_store_fails);
  ADD ("add/service-account", test_add_with_service_account);
  ADD ("add/service-account-fails", test_add_with_service_account_fails);
  ADD ("open/no-secret", test_open_without_secret);
  ADD ("set-service-account", test_set_service_account);
  ADD ("remove", test_remove);

#undef ADD

  ret = g_test_run ();
  secret_service_disconnect ();
  return ret;
}
