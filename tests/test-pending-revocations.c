/* test-pending-revocations.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "model-test-util.h"
#include "nyl-api-key.h"
#include "nyl-pending-revocations.h"

static char *
file_path (MtFixture *f)
{
  return g_build_filename (f->dir, "state", "nylas-manager", "pending-revocations.json", NULL);
}

static void
test_persist (MtFixture     *f,
              gconstpointer  user_data)
{
  g_autoptr(NylPendingRevocations) list = nyl_pending_revocations_new ();
  g_autoptr(NylPendingRevocations) reloaded = NULL;
  g_autoptr(NylPendingRevocation) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = file_path (f);
  g_autofree char *contents = NULL;
  GStatBuf st;

  g_assert_cmpstr (nyl_pending_revocations_get_path (list), ==, path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == NYL_TYPE_PENDING_REVOCATION);

  g_assert_true (nyl_pending_revocations_add (list, "profile-a", "app-a", "key-1", 2000, &error));
  g_assert_true (nyl_pending_revocations_add (list, "profile-b", "app-b", "key-2", 1000, &error));
  g_assert_no_error (error);

  /* Soonest first. */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (nyl_pending_revocation_get_key_id (first), ==, "key-2");

  /* Saved privately, with IDs only. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"key-1\""));

  /* A new schedule for the same key replaces the old one. */
  g_assert_true (nyl_pending_revocations_add (list, "profile-a", "app-a", "key-1", 500, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  reloaded = nyl_pending_revocations_new_for_path (path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 2);
  g_assert_cmpint (nyl_pending_revocation_get_revoke_at (
                     nyl_pending_revocations_lookup (reloaded, "key-1")), ==, 500);
  g_assert_cmpstr (nyl_pending_revocation_get_application_id (
                     nyl_pending_revocations_lookup (reloaded, "key-2")), ==, "app-b");

  g_assert_true (nyl_pending_revocations_remove (reloaded, "key-1", &error));
  g_assert_true (nyl_pending_revocations_remove (reloaded, "not-there", &error));
  g_assert_no_error (error);
  g_assert_null (nyl_pending_revocations_lookup (reloaded, "key-1"));

  g_assert_true (nyl_pending_revocations_load (list, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  g_assert_false (nyl_pending_revocations_add (list, "p", "a", "k", 0, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
}

static void
test_damaged_file (MtFixture     *f,
                   gconstpointer  user_data)
{
  g_autofree char *path = file_path (f);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *contents = NULL;
  g_autoptr(NylPendingRevocations) list = NULL;
  g_autoptr(GError) error = NULL;
  static const char *damaged = "{\"version\":1,\"revocations\":[{\"key_id\":";

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, damaged, -1, NULL));

  list = nyl_pending_revocations_new_for_path (path);
  g_assert_false (nyl_pending_revocations_load (list, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  /* It lists keys still to revoke: never overwritten. */
  g_assert_false (nyl_pending_revocations_add (list, "p", "a", "k", 10, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, damaged);
}

static char *
create_key (MtFixture  *f,
            const char *name)
{
  g_autoptr(NylApiKey) key = nyl_api_key_new ();
  g_autoptr(NylResource) created = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  nyl_api_key_set_name (key, name);
  nyl_session_create_async (f->session, NYL_RESOURCE (key), NULL, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  created = nyl_session_create_finish (f->session, result, &error);
  g_assert_no_error (error);
  return g_strdup (nyl_resource_get_id (created));
}

static guint
run_due (MtFixture              *f,
         NylPendingRevocations  *list,
         gint64                  now,
         GError                **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  nyl_pending_revocations_run_due_async (list, f->session, now, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  return nyl_pending_revocations_run_due_finish (list, result, error);
}

static void
test_run_due (MtFixture     *f,
              gconstpointer  user_data)
{
  g_autoptr(NylPendingRevocations) list = nyl_pending_revocations_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *due = create_key (f, "Due");
  g_autofree char *later = create_key (f, "Later");
  const char *profile_id = nyl_profile_get_id (f->profile);
  const char *app_id = nyl_sandbox_get_application_id (f->sandbox);
  guint n;

  g_assert_true (nyl_pending_revocations_add (list, profile_id, app_id, due, 100, &error));
  g_assert_true (nyl_pending_revocations_add (list, profile_id, app_id, later, 300, &error));
  /* Revoked already, by someone else: done, not counted. */
  g_assert_true (nyl_pending_revocations_add (list, profile_id, app_id, "gone", 100, &error));
  /* Not this session's. */
  g_assert_true (nyl_pending_revocations_add (list, "other-profile", app_id, "k-other", 100,
                                              &error));
  g_assert_true (nyl_pending_revocations_add (list, profile_id, "other-app", "k-app", 100,
                                              &error));
  g_assert_no_error (error);

  n = run_due (f, list, 200, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_null (nyl_pending_revocations_lookup (list, due));
  g_assert_null (nyl_pending_revocations_lookup (list, "gone"));
  g_assert_nonnull (nyl_pending_revocations_lookup (list, later));
  g_assert_nonnull (nyl_pending_revocations_lookup (list, "k-other"));
  g_assert_nonnull (nyl_pending_revocations_lookup (list, "k-app"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  mt_assert_last_audit (f->audit_log, 4, "revoke", "api-key", "gone", "not-found");

  /* A failing revocation stays scheduled, and the call says why. */
  mt_fault (f->sandbox, "path_prefix", "\"/v3/admin\"");
  mt_fault (f->sandbox, "error_count", "1000");
  n = run_due (f, list, 400, &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_SERVER);
  g_assert_cmpuint (n, ==, 0);
  g_assert_nonnull (nyl_pending_revocations_lookup (list, later));
  g_clear_error (&error);

  mt_fault (f->sandbox, "error_count", "0");
  n = run_due (f, list, 400, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_null (nyl_pending_revocations_lookup (list, later));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/pending-revocations/" path, MtFixture, GUINT_TO_POINTER (10), mt_fixture_setup, \
              func, mt_fixture_teardown)

  ADD ("persist", test_persist);
  ADD ("damaged-file", test_damaged_file);
  ADD ("run-due", test_run_due);

#undef ADD

  return g_test_run ();
}
