/* test-key-roll.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "keyring-test-util.h"
#include "model-test-util.h"
#include "nyl-api-key.h"
#include "nyl-app-details.h"
#include "nyl-key-roll.h"
#include "nyl-pending-revocations.h"

/* The keyring suite: key rolls against the sandbox with a real (private) keyring, through every
 * failure point. The rule under test: the old key is never revoked unless the new key was stored
 * and verified. */

static void
fixture_setup (MtFixture     *f,
               gconstpointer  user_data)
{
  mt_fixture_setup (f, GUINT_TO_POINTER (10));
}

static void
fixture_teardown (MtFixture     *f,
                  gconstpointer  user_data)
{
  nyl_model_set_store_failure_for_testing (NULL);
  kt_clear_profile (nyl_profile_get_id (f->profile));
  mt_fixture_teardown (f, NULL);
}

static GListModel *
list_keys (MtFixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *keys;

  nyl_session_list_async (f->session, NYL_TYPE_API_KEY, NULL, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  keys = nyl_session_list_finish (f->session, result, &error);
  g_assert_no_error (error);
  return keys;
}

static gboolean
key_exists (MtFixture  *f,
            const char *id)
{
  g_autoptr(GListModel) keys = list_keys (f);

  for (guint i = 0; i < g_list_model_get_n_items (keys); i++)
    {
      g_autoptr(NylResource) key = g_list_model_get_item (keys, i);

      if (g_strcmp0 (nyl_resource_get_id (key), id) == 0)
        return TRUE;
    }
  return FALSE;
}

static char *
key_id_by_name (MtFixture  *f,
                const char *name)
{
  g_autoptr(GListModel) keys = list_keys (f);

  for (guint i = 0; i < g_list_model_get_n_items (keys); i++)
    {
      g_autoptr(NylApiKey) key = g_list_model_get_item (keys, i);

      if (g_strcmp0 (nyl_api_key_get_name (key), name) == 0)
        return g_strdup (nyl_resource_get_id (NYL_RESOURCE (key)));
    }
  g_assert_not_reached ();
}

/* Whether @secret opens the application (GET /v3/applications). */
static gboolean
secret_works (MtFixture  *f,
              const char *secret)
{
  g_autoptr(NylSession) session = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NylResource) app = NULL;

  session = nyl_session_new (f->profile, secret, NULL, &error);
  g_assert_no_error (error);
  nyl_session_set_audit_log (session, f->audit_log);
  nyl_session_fetch_async (session, NYL_TYPE_APP_DETAILS, NULL, NULL, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  app = nyl_session_fetch_finish (session, result, &error);
  if (app == NULL)
    g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_UNAUTHORIZED);
  return app != NULL;
}

/* Creates a key through the model; returns it with its secret. */
static NylApiKey *
create_key (MtFixture   *f,
            const char  *name,
            gboolean    *stored,
            GError     **store_error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  NylApiKey *key;

  nyl_api_key_create_async (f->session, name, 90, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  key = nyl_api_key_create_finish (f->session, result, stored, store_error, &error);
  g_assert_no_error (error);
  g_assert_nonnull (key);
  return key;
}

static gboolean
run_roll (NylKeyRoll  *roll,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  nyl_key_roll_run_async (roll, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  return nyl_key_roll_run_finish (roll, result, error);
}

static void
test_api_key_create (MtFixture     *f,
                     gconstpointer  user_data)
{
  g_autoptr(NylApiKey) key = NULL;
  g_autoptr(NylApiKey) unstored = NULL;
  g_autoptr(GError) store_error = NULL;
  g_autoptr(GError) locked = g_error_new_literal (NYL_API_ERROR, NYL_API_ERROR_KEYRING_LOCKED,
                                                  "locked for the test");
  g_autofree char *in_keyring = NULL;
  g_autofree char *not_in_keyring = NULL;
  gboolean stored = FALSE;

  key = create_key (f, "Created", &stored, &store_error);
  g_assert_no_error (store_error);
  g_assert_true (stored);
  g_assert_true (nyl_api_key_has_secret (key));
  in_keyring = kt_lookup (nyl_profile_get_id (f->profile), NYL_SECRET_KIND_API_KEY,
                          nyl_resource_get_id (NYL_RESOURCE (key)));
  g_assert_cmpstr (in_keyring, ==, nyl_api_key_get_secret (key));
  g_assert_cmpint (nyl_api_key_get_expires_at (key) - nyl_api_key_get_created_at (key), ==,
                   90 * 86400);
  mt_assert_last_audit (f->audit_log, 1, "create", "api-key",
                        nyl_resource_get_id (NYL_RESOURCE (key)), "ok");

  /* The keyring refuses: the key exists anyway and its secret is handed back. */
  nyl_model_set_store_failure_for_testing (locked);
  unstored = create_key (f, "Not stored", &stored, &store_error);
  nyl_model_set_store_failure_for_testing (NULL);
  g_assert_false (stored);
  g_assert_error (store_error, NYL_API_ERROR, NYL_API_ERROR_KEYRING_LOCKED);
  g_assert_true (nyl_api_key_has_secret (unstored));
  g_assert_true (g_str_has_prefix (nyl_api_key_get_secret (unstored), "nyk_"));
  g_assert_true (secret_works (f, nyl_api_key_get_secret (unstored)));
  not_in_keyring = kt_lookup (nyl_profile_get_id (f->profile), NYL_SECRET_KIND_API_KEY,
                              nyl_resource_get_id (NYL_RESOURCE (unstored)));
  g_assert_null (not_in_keyring);
}

static void
test_roll_now (MtFixture     *f,
               gconstpointer  user_data)
{
  g_autoptr(NylApiKey) old = create_key (f, "Rolled now", NULL, NULL);
  g_autoptr(NylKeyRoll) roll = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(NylAuditEntry) created = NULL;
  g_autofree char *new_secret = NULL;
  g_autofree char *old_secret = NULL;
  g_autofree char *cleared = NULL;
  const char *old_id = nyl_resource_get_id (NYL_RESOURCE (old));
  NylApiKey *new_key;

  roll = nyl_key_roll_new (f->session, old_id, 30, NYL_REVOKE_NOW, 0);
  g_assert_false (nyl_key_roll_has_step (roll));
  g_assert_true (run_roll (roll, &error));
  g_assert_no_error (error);

  g_assert_cmpint (nyl_key_roll_get_step (roll), ==, NYL_KEY_ROLL_REVOKED);
  g_assert_true (nyl_key_roll_get_stored (roll));
  g_assert_true (nyl_key_roll_get_verified (roll));
  new_key = nyl_key_roll_get_new_key (roll);
  g_assert_nonnull (new_key);
  g_assert_true (g_str_has_prefix (nyl_api_key_get_name (new_key), "Rolled now (rolled "));
  g_assert_cmpint (nyl_api_key_get_expires_at (new_key) - nyl_api_key_get_created_at (new_key),
                   ==, 30 * 86400);

  /* The new secret is in the keyring and works; the old key is gone and no longer works. */
  new_secret = kt_lookup (nyl_profile_get_id (f->profile), NYL_SECRET_KIND_API_KEY,
                          nyl_resource_get_id (NYL_RESOURCE (new_key)));
  g_assert_cmpstr (new_secret, ==, nyl_api_key_get_secret (new_key));
  g_assert_true (secret_works (f, new_secret));
  g_assert_false (key_exists (f, old_id));
  old_secret = g_strdup (nyl_api_key_get_secret (old));
  g_assert_false (secret_works (f, old_secret));
  cleared = kt_lookup (nyl_profile_get_id (f->profile), NYL_SECRET_KIND_API_KEY, old_id);
  g_assert_null (cleared);

  /* Audited: the old key's create, the new key's create, the old key's revocation. */
  entries = mt_audit_entries (f->audit_log);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 3);
  created = g_list_model_get_item (entries, 1);
  g_assert_cmpstr (nyl_audit_entry_get_action (created), ==, "create");
  g_assert_cmpstr (nyl_audit_entry_get_object_id (created), ==,
                   nyl_resource_get_id (NYL_RESOURCE (new_key)));
  mt_assert_last_audit (f->audit_log, 3, "revoke", "api-key", old_id, "ok");

  /* A roll runs once. */
  g_assert_false (run_roll (roll, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
}

/* Rolls @old_id, revoking it; returns the new key's name. */
static char *
roll_now (MtFixture  *f,
          const char *old_id)
{
  g_autoptr(NylKeyRoll) roll = nyl_key_roll_new (f->session, old_id, 30, NYL_REVOKE_NOW, 0);
  g_autoptr(GError) error = NULL;

  g_assert_true (run_roll (roll, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nyl_key_roll_get_step (roll), ==, NYL_KEY_ROLL_REVOKED);
  return g_strdup (nyl_api_key_get_name (nyl_key_roll_get_new_key (roll)));
}

static void
test_roll_same_names (MtFixture     *f,
                      gconstpointer  user_data)
{
  g_autoptr(NylApiKey) first = NULL;
  g_autoptr(NylApiKey) second = NULL;
  g_autofree char *first_name = NULL;
  g_autofree char *second_name = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  /* Other rolls of keys named "Twin" this second and the next few (say, from another computer)
   * made their keys already. */
  for (int i = 0; i < 4; i++)
    {
      g_autoptr(GDateTime) then = g_date_time_new_from_unix_utc (now + i);
      g_autofree char *stamp = g_date_time_format (then, "%Y-%m-%d %H:%M:%S");
      g_autofree char *taken = g_strdup_printf ("Twin (rolled %s)", stamp);
      g_autoptr(NylApiKey) key = create_key (f, taken, NULL, NULL);
    }

  /* Two quick rolls of keys of the same name (the second made once the first was revoked). */
  first = create_key (f, "Twin", NULL, NULL);
  first_name = roll_now (f, nyl_resource_get_id (NYL_RESOURCE (first)));
  second = create_key (f, "Twin", NULL, NULL);
  second_name = roll_now (f, nyl_resource_get_id (NYL_RESOURCE (second)));

  g_assert_true (g_str_has_prefix (first_name, "Twin (rolled "));
  g_assert_true (g_str_has_prefix (second_name, "Twin (rolled "));
  g_assert_cmpstr (first_name, !=, second_name);
  g_free (key_id_by_name (f, first_name));
  g_free (key_id_by_name (f, second_name));
}

static void
test_roll_never (MtFixture     *f,
                 gconstpointer  user_data)
{
  g_autoptr(NylApiKey) old = create_key (f, "Kept", NULL, NULL);
  g_autoptr(NylKeyRoll) roll = NULL;
  g_autoptr(GError) error = NULL;
  const char *old_id = nyl_resource_get_id (NYL_RESOURCE (old));

  roll = nyl_key_roll_new (f->session, old_id, 0, NYL_REVOKE_NEVER, 12345);
  g_assert_true (run_roll (roll, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nyl_key_roll_get_step (roll), ==, NYL_KEY_ROLL_VERIFIED);
  g_assert_cmpint (nyl_key_roll_get_revoke_at (roll), ==, 0);
  g_assert_true (key_exists (f, old_id));
  g_assert_true (key_exists (f, nyl_resource_get_id (
                                  NYL_RESOURCE (nyl_key_roll_get_new_key (roll)))));
  g_assert_true (secret_works (f, nyl_api_key_get_secret (old)));
}

static void
test_roll_later (MtFixture     *f,
                 gconstpointer  user_data)
{
  g_autoptr(NylApiKey) old = create_key (f, "Overlap", NULL, NULL);
  g_autoptr(NylKeyRoll) roll = NULL;
  g_autoptr(NylPendingRevocations) pending = NULL;
  g_autoptr(NylPendingRevocations) reloaded = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "state", "nylas-manager",
                                            "pending-revocations.json", NULL);
  const char *old_id = nyl_resource_get_id (NYL_RESOURCE (old));
  gint64 revoke_at = g_get_real_time () / G_USEC_PER_SEC + 7 * 86400;
  NylPendingRevocation *entry;
  guint n;

  roll = nyl_key_roll_new (f->session, old_id, 30, NYL_REVOKE_LATER, revoke_at);
  g_assert_true (run_roll (roll, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nyl_key_roll_get_step (roll), ==, NYL_KEY_ROLL_REVOCATION_SCHEDULED);
  g_assert_cmpint (nyl_key_roll_get_revoke_at (roll), ==, revoke_at);
  g_assert_true (key_exists (f, old_id));

  /* Written to the state directory, and read back by a fresh list (a restart). */
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  reloaded = nyl_pending_revocations_new ();
  g_assert_cmpstr (nyl_pending_revocations_get_path (reloaded), ==, path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 1);
  entry = nyl_pending_revocations_lookup (reloaded, old_id);
  g_assert_nonnull (entry);
  g_assert_cmpstr (nyl_pending_revocation_get_profile_id (entry), ==,
                   nyl_profile_get_id (f->profile));
  g_assert_cmpstr (nyl_pending_revocation_get_application_id (entry), ==,
                   nyl_sandbox_get_application_id (f->sandbox));
  g_assert_cmpint (nyl_pending_revocation_get_revoke_at (entry), ==, revoke_at);

  /* Not due yet. */
  nyl_pending_revocations_run_due_async (reloaded, f->session, revoke_at - 1, NULL, mt_result_cb,
                                         &result);
  MT_AWAIT (result);
  n = nyl_pending_revocations_run_due_finish (reloaded, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (key_exists (f, old_id));

  /* Due: revoked and forgotten, on disk too. */
  g_clear_object (&result);
  nyl_pending_revocations_run_due_async (reloaded, f->session, revoke_at, NULL, mt_result_cb,
                                         &result);
  MT_AWAIT (result);
  n = nyl_pending_revocations_run_due_finish (reloaded, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_false (key_exists (f, old_id));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 0);
  mt_assert_last_audit (f->audit_log, 3, "revoke", "api-key", old_id, "ok");

  pending = nyl_pending_revocations_new ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pending)), ==, 0);
}

static void
test_roll_own_key (MtFixture     *f,
                   gconstpointer  user_data)
{
  g_autofree char *own_id = key_id_by_name (f, "Sandbox default");
  g_autoptr(NylKeyRoll) roll = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(NylResource) app = NULL;
  g_autoptr(NylSession) reopened = NULL;
  g_autofree char *profile_key = NULL;
  const char *profile_id = nyl_profile_get_id (f->profile);

  /* The profile's key, as a profile added with a Service Account keeps it. */
  kt_store (profile_id, NYL_SECRET_KIND_API_KEY, NULL, nyl_sandbox_get_api_key (f->sandbox));
  kt_store (profile_id, NYL_SECRET_KIND_API_KEY, own_id, nyl_sandbox_get_api_key (f->sandbox));

  roll = nyl_key_roll_new (f->session, own_id, 365, NYL_REVOKE_NOW, 0);
  g_assert_true (run_roll (roll, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nyl_key_roll_get_step (roll), ==, NYL_KEY_ROLL_REVOKED);

  /* The profile's key is the new one, in the keyring and in the session. */
  profile_key = kt_lookup (profile_id, NYL_SECRET_KIND_API_KEY, NULL);
  g_assert_cmpstr (profile_key, ==, nyl_api_key_get_secret (nyl_key_roll_get_new_key (roll)));
  g_assert_false (secret_works (f, nyl_sandbox_get_api_key (f->sandbox)));

  nyl_session_fetch_async (f->session, NYL_TYPE_APP_DETAILS, NULL, NULL, NULL, mt_result_cb,
                           &result);
  MT_AWAIT (result);
  app = nyl_session_fetch_finish (f->session, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (app);

  /* And a restart opens the profile with it. */
  g_clear_object (&result);
  nyl_session_open_async (f->profile, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  reopened = nyl_session_open_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reopened);
}

static void
test_create_fails (MtFixture     *f,
                   gconstpointer  user_data)
{
  g_autoptr(NylApiKey) old = create_key (f, "Create fails", NULL, NULL);
  g_autoptr(NylKeyRoll) roll = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) before = list_keys (f);
  g_autoptr(GListModel) after = NULL;
  const char *old_id = nyl_resource_get_id (NYL_RESOURCE (old));

  /* The sandbox refuses a lifetime over ten years. */
  roll = nyl_key_roll_new (f->session, old_id, 5000, NYL_REVOKE_NOW, 0);
  g_assert_false (run_roll (roll, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_assert_false (nyl_key_roll_has_step (roll));
  g_assert_null (nyl_key_roll_get_new_key (roll));
  g_assert_false (nyl_key_roll_get_stored (roll));

  after = list_keys (f);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before));
  g_assert_true (key_exists (f, old_id));
  g_assert_true (secret_works (f, nyl_api_key_get_secret (old)));
  mt_assert_last_audit (f->audit_log, 2, "create", "api-key", NULL, "invalid-request");

  /* An old key that does not exist: nothing is created. */
  g_clear_object (&roll);
  g_clear_error (&error);
  roll = nyl_key_roll_new (f->session, "no-such-key", 30, NYL_REVOKE_NOW, 0);
  g_assert_false (run_roll (roll, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_NOT_FOUND);
  g_assert_null (nyl_key_roll_get_new_key (roll));
  g_clear_object (&after);
  after = list_keys (f);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before));
}

static void
test_store_fails (MtFixture     *f,
                  gconstpointer  user_data)
{
  g_autoptr(NylApiKey) old = create_key (f, "Store fails", NULL, NULL);
  g_autoptr(NylKeyRoll) roll = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) locked = g_error_new_literal (NYL_API_ERROR, NYL_API_ERROR_KEYRING_LOCKED,
                                                  "locked for the test");
  g_autofree char *not_stored = NULL;
  const char *old_id = nyl_resource_get_id (NYL_RESOURCE (old));
  NylApiKey *new_key;

  nyl_model_set_store_failure_for_testing (locked);
  roll = nyl_key_roll_new (f->session, old_id, 30, NYL_REVOKE_NOW, 0);
  g_assert_false (run_roll (roll, &error));
  nyl_model_set_store_failure_for_testing (NULL);

  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_KEYRING_LOCKED);
  g_assert_cmpint (nyl_key_roll_get_step (roll), ==, NYL_KEY_ROLL_CREATED);
  g_assert_false (nyl_key_roll_get_stored (roll));
  g_assert_false (nyl_key_roll_get_verified (roll));

  /* The new secret is still at hand (and valid), and only there. */
  new_key = nyl_key_roll_get_new_key (roll);
  g_assert_nonnull (new_key);
  g_assert_true (nyl_api_key_has_secret (new_key));
  g_assert_true (secret_works (f, nyl_api_key_get_secret (new_key)));
  not_stored = kt_lookup (nyl_profile_get_id (f->profile), NYL_SECRET_KIND_API_KEY,
                          nyl_resource_get_id (NYL_RESOURCE (new_key)));
  g_assert_null (not_stored);

  /* The old key was not revoked. */
  g_assert_true (key_exists (f, old_id));
  g_assert_true (secret_works (f, nyl_api_key_get_secret (old)));
}

static void
test_verify_fails (MtFixture     *f,
                   gconstpointer  user_data)
{
  g_autoptr(NylApiKey) old = create_key (f, "Verify fails", NULL, NULL);
  g_autoptr(NylKeyRoll) roll = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  const char *old_id = nyl_resource_get_id (NYL_RESOURCE (old));

  mt_fault (f->sandbox, "path_prefix", "\"/v3/applications\"");
  mt_fault (f->sandbox, "error_count", "100");
  roll = nyl_key_roll_new (f->session, old_id, 30, NYL_REVOKE_NOW, 0);
  g_assert_false (run_roll (roll, &error));
  mt_fault (f->sandbox, "error_count", "0");

  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_SERVER);
  g_assert_cmpint (nyl_key_roll_get_step (roll), ==, NYL_KEY_ROLL_STORED);
  g_assert_true (nyl_key_roll_get_stored (roll));
  g_assert_false (nyl_key_roll_get_verified (roll));
  stored = kt_lookup (nyl_profile_get_id (f->profile), NYL_SECRET_KIND_API_KEY,
                      nyl_resource_get_id (NYL_RESOURCE (nyl_key_roll_get_new_key (roll))));
  g_assert_nonnull (stored);

  g_assert_true (key_exists (f, old_id));
  g_assert_true (secret_works (f, nyl_api_key_get_secret (old)));
}

static void
step_cb (NylKeyRoll *roll,
         GParamSpec *pspec,
         MtFixture  *f)
{
  g_autofree char *prefix = NULL;
  g_autofree char *json = NULL;

  if (!nyl_key_roll_has_step (roll) || nyl_key_roll_get_step (roll) != NYL_KEY_ROLL_VERIFIED)
    return;

  /* From now on the old key's path fails, so its revocation does. */
  prefix = g_strdup_printf ("/v3/admin/applications/%s/api-keys/%s",
                            nyl_sandbox_get_application_id (f->sandbox),
                            nyl_key_roll_get_old_key_id (roll));
  json = g_strdup_printf ("\"%s\"", prefix);
  mt_fault (f->sandbox, "path_prefix", json);
  mt_fault (f->sandbox, "error_count", "10");
}

static void
test_revoke_fails (MtFixture     *f,
                   gconstpointer  user_data)
{
  g_autoptr(NylApiKey) old = create_key (f, "Revoke fails", NULL, NULL);
  g_autoptr(NylKeyRoll) roll = NULL;
  g_autoptr(GError) error = NULL;
  const char *old_id = nyl_resource_get_id (NYL_RESOURCE (old));

  roll = nyl_key_roll_new (f->session, old_id, 30, NYL_REVOKE_NOW, 0);
  g_signal_connect (roll, "notify::step", G_CALLBACK (step_cb), f);
  g_assert_false (run_roll (roll, &error));
  mt_fault (f->sandbox, "error_count", "0");

  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, "could not be revoked"));
  g_assert_cmpint (nyl_key_roll_get_step (roll), ==, NYL_KEY_ROLL_VERIFIED);
  g_assert_true (nyl_key_roll_get_stored (roll));
  g_assert_true (nyl_key_roll_get_verified (roll));
  g_assert_true (key_exists (f, old_id));
  mt_assert_last_audit (f->audit_log, 3, "revoke", "api-key", old_id, "server");
}

static void
test_no_service_account (MtFixture     *f,
                         gconstpointer  user_data)
{
  g_autoptr(NylSession) session = NULL;
  g_autoptr(NylKeyRoll) roll = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean stored = TRUE;

  session = nyl_session_new (f->profile, nyl_sandbox_get_api_key (f->sandbox), NULL, &error);
  g_assert_no_error (error);
  roll = nyl_key_roll_new (session, "whatever", 30, NYL_REVOKE_NOW, 0);
  nyl_key_roll_run_async (roll, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  g_assert_false (nyl_key_roll_run_finish (roll, result, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS);
  g_clear_error (&error);
  g_clear_object (&result);

  nyl_api_key_create_async (session, "x", 30, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  g_assert_null (nyl_api_key_create_finish (session, result, &stored, NULL, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS);
  g_assert_false (stored);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/key-roll/" path, MtFixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("api-key-create", test_api_key_create);
  ADD ("now", test_roll_now);
  ADD ("never", test_roll_never);
  ADD ("same-names", test_roll_same_names);
  ADD ("later", test_roll_later);
  ADD ("own-key", test_roll_own_key);
  ADD ("create-fails", test_create_fails);
  ADD ("store-fails", test_store_fails);
  ADD ("verify-fails", test_verify_fails);
  ADD ("revoke-fails", test_revoke_fails);
  ADD ("no-service-account", test_no_service_account);

#undef ADD

  ret = g_test_run ();
  secret_service_disconnect ();
  return ret;
}
