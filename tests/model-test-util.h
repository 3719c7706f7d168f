/* model-test-util.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Helpers shared by the model tests: an in-process sandbox, a profile and a session on it, an
 * audit log in a temporary directory, and waiting for async results in the same thread. */

#pragma once

#include <glib/gstdio.h>

#include "nyl-api-error.h"
#include "nyl-audit-log.h"
#include "nyl-profile.h"
#include "nyl-sandbox.h"
#include "nyl-session.h"
#include "sandbox-test-util.h"

typedef struct
{
  NylSandbox        *sandbox;
  NylProfile        *profile;
  NylServiceAccount *service_account;
  NylSession        *session;
  NylAuditLog       *audit_log;
  char              *dir;
} MtFixture;

static G_GNUC_UNUSED void
mt_result_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

/* Runs the main context until @result is set. */
#define MT_AWAIT(result) \
  G_STMT_START { while ((result) == NULL) g_main_context_iteration (NULL, TRUE); } G_STMT_END

static G_GNUC_UNUSED NylServiceAccount *
mt_service_account (NylSandbox *sandbox)
{
  g_autofree char *json = nyl_sandbox_dup_service_account_json (sandbox);
  g_autoptr(GError) error = NULL;
  NylServiceAccount *account = nyl_service_account_new_from_data (json, -1, &error);

  g_assert_no_error (error);
  return account;
}

/* A profile for the first sandbox application, reached through its URL. */
static G_GNUC_UNUSED NylProfile *
mt_profile_new (NylSandbox *sandbox,
                const char *name)
{
  NylProfile *profile = nyl_profile_new (NULL, name);

  nyl_profile_set_api_url (profile, nyl_sandbox_get_url (sandbox));
  nyl_profile_set_application_id (profile, nyl_sandbox_get_application_id (sandbox));
  return profile;
}

/* Points $XDG_STATE_HOME and $XDG_CONFIG_HOME into a fresh temporary directory. */
static G_GNUC_UNUSED char *
mt_temp_home (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  g_autofree char *config = NULL;
  char *dir = g_dir_make_tmp ("nyl-model-XXXXXX", &error);

  g_assert_no_error (error);
  state = g_build_filename (dir, "state", NULL);
  config = g_build_filename (dir, "config", NULL);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  return dir;
}

static G_GNUC_UNUSED void
mt_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          mt_remove_tree (child);
        }
    }
  g_remove (path);
}

static G_GNUC_UNUSED void
mt_fixture_setup (MtFixture     *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *log_path = NULL;
  guint n_grants = GPOINTER_TO_UINT (user_data);

  fixture->dir = mt_temp_home ();
  fixture->sandbox = sbt_sandbox_new (7, n_grants, NULL);
  fixture->profile = mt_profile_new (fixture->sandbox, "Sandbox");
  fixture->service_account = mt_service_account (fixture->sandbox);
  nyl_profile_set_service_account_key_id (
    fixture->profile, nyl_service_account_get_key_id (fixture->service_account));
  fixture->session = nyl_session_new (fixture->profile, nyl_sandbox_get_api_key (fixture->sandbox),
                                      fixture->service_account, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->session);
  nyl_client_set_retry_base_delay (nyl_session_get_client (fixture->session), 1);

  log_path = g_build_filename (fixture->dir, "audit.jsonl", NULL);
  fixture->audit_log = nyl_audit_log_new_for_path (log_path);
  nyl_session_set_audit_log (fixture->session, fixture->audit_log);
}

static G_GNUC_UNUSED void
mt_fixture_teardown (MtFixture     *fixture,
                     gconstpointer  user_data)
{
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->audit_log);
  g_clear_object (&fixture->service_account);
  g_clear_object (&fixture->profile);
  sbt_sandbox_free (g_steal_pointer (&fixture->sandbox));
  mt_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

/* Every entry of @log, oldest first. */
static G_GNUC_UNUSED GListModel *
mt_audit_entries (NylAuditLog *log)
{
  g_autoptr(GError) error = NULL;
  guint n_corrupt = 0;
  GListModel *entries = nyl_audit_log_read (log, 0, &n_corrupt, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (n_corrupt, ==, 0);
  return entries;
}

/* Asserts that the last entry of @log is @action on @object_type/@object_id with @outcome. */
static G_GNUC_UNUSED void
mt_assert_last_audit (NylAuditLog *log,
                      guint        expected_n,
                      const char  *action,
                      const char  *object_type,
                      const char  *object_id,
                      const char  *outcome)
{
  g_autoptr(GListModel) entries = mt_audit_entries (log);
  g_autoptr(NylAuditEntry) entry = NULL;
  guint n = g_list_model_get_n_items (entries);

  g_assert_cmpuint (n, ==, expected_n);
  entry = g_list_model_get_item (entries, n - 1);
  g_assert_cmpstr (nyl_audit_entry_get_action (entry), ==, action);
  g_assert_cmpstr (nyl_audit_entry_get_object_type (entry), ==, object_type);
  if (object_id != NULL)
    g_assert_cmpstr (nyl_audit_entry_get_object_id (entry), ==, object_id);
  g_assert_cmpstr (nyl_audit_entry_get_outcome (entry), ==, outcome);
}

static G_GNUC_UNUSED char *
mt_last_audit_request_id (NylAuditLog *log)
{
  g_autoptr(GListModel) entries = mt_audit_entries (log);
  g_autoptr(NylAuditEntry) entry = NULL;
  guint n = g_list_model_get_n_items (entries);

  g_assert_cmpuint (n, >, 0);
  entry = g_list_model_get_item (entries, n - 1);
  return g_strdup (nyl_audit_entry_get_request_id (entry));
}

/* Sets one sandbox fault (tests only; see nyl-sandbox-faults.c). */
static G_GNUC_UNUSED void
mt_fault (NylSandbox *sandbox,
          const char *name,
          const char *json_value)
{
  g_autoptr(JsonNode) value = json_from_string (json_value, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (value);
  g_assert_true (nyl_sb_faults_set (&sandbox->faults, name, value, &error));
  g_assert_no_error (error);
}
