/* test-audit-log.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "nyl-api-error.h"
#include "nyl-api-key.h"
#include "nyl-audit-log.h"
#include "nyl-connector.h"
#include "nyl-credential.h"
#include "nyl-domain.h"
#include "nyl-grant.h"
#include "nyl-resource.h"
#include "nyl-webhook.h"

#define WRITER_ARG     "--audit-writer"
#define WRITER_ENTRIES 400
/* Long enough that a line takes several kernel copies and would tear if the
 * writer used more than one write(). */
#define WRITER_PROFILE_LENGTH 3000

typedef struct
{
  char *state_home;
  char *log_path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->state_home = g_dir_make_tmp ("nyl-audit-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->log_path = g_build_filename (fixture->state_home, "nylas-manager", "audit.log", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
    }
  g_remove (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->state_home);
  g_clear_pointer (&fixture->state_home, g_free);
  g_clear_pointer (&fixture->log_path, g_free);
}

static NylAuditLog *
new_log (Fixture *fixture)
{
  return nyl_audit_log_new_for_path (fixture->log_path);
}

static void
append_ok (NylAuditLog   *log,
           NylAuditEntry *entry)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (nyl_audit_log_append (log, entry, &error));
  g_assert_no_error (error);
}

static char *
read_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&contents);
}

static GListModel *
read_ok (NylAuditLog *log,
         gint64       since,
         guint       *n_corrupt)
{
  g_autoptr(GError) error = NULL;
  GListModel *entries = nyl_audit_log_read (log, since, n_corrupt, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  g_assert_true (g_list_model_get_item_type (entries) == NYL_TYPE_AUDIT_ENTRY);

  return entries;
}

static void
test_append_and_read (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(NylAuditLog) log = new_log (fixture);
  g_autoptr(NylAuditEntry) created = NULL;
  g_autoptr(NylAuditEntry) failed = NULL;
  g_autoptr(NylAuditEntry) first = NULL;
  g_autoptr(NylAuditEntry) second = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) not_found = g_error_new_literal (NYL_API_ERROR, NYL_API_ERROR_NOT_FOUND,
                                                     "Not found");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  guint n_corrupt = 99;

  created = nyl_audit_entry_new ("work", NYL_AUDIT_ACTION_CREATE, NYL_TYPE_WEBHOOK,
                                 "wh-1", "req-1", NULL);
  failed = nyl_audit_entry_new ("work", NYL_AUDIT_ACTION_DELETE, NYL_TYPE_GRANT,
                                "g-1", "req-2", not_found);
  append_ok (log, created);
  append_ok (log, failed);

  /* One JSON object a line, in the documented shape. */
  contents = read_file (fixture->log_path);
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[2], ==, "");
  g_assert_true (g_str_has_prefix (lines[0], "{\"time\":\""));
  g_assert_nonnull (strstr (lines[0], "\"profile\":\"work\""));
  g_assert_nonnull (strstr (lines[0], "\"action\":\"create\""));
  g_assert_nonnull (strstr (lines[0], "\"object_type\":\"webhook\""));
  g_assert_nonnull (strstr (lines[0], "\"object_id\":\"wh-1\""));
  g_assert_nonnull (strstr (lines[0], "\"outcome\":\"ok\""));
  g_assert_nonnull (strstr (lines[0], "\"request_id\":\"req-1\""));
  g_assert_nonnull (strstr (lines[1], "\"outcome\":\"not-found\""));

  entries = read_ok (log, 0, &n_corrupt);
  g_assert_cmpuint (n_corrupt, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);

  first = g_list_model_get_item (entries, 0);
  g_assert_cmpint (nyl_audit_entry_get_time (first), >=, before);
  g_assert_cmpint (nyl_audit_entry_get_time (first), <=, g_get_real_time () / G_USEC_PER_SEC);
  g_assert_cmpstr (nyl_audit_entry_get_profile (first), ==, "work");
  g_assert_cmpstr (nyl_audit_entry_get_action (first), ==, "create");
  g_assert_cmpstr (nyl_audit_entry_get_object_type (first), ==, "webhook");
  g_assert_cmpstr (nyl_audit_entry_get_object_id (first), ==, "wh-1");
  g_assert_cmpstr (nyl_audit_entry_get_outcome (first), ==, "ok");
  g_assert_cmpstr (nyl_audit_entry_get_request_id (first), ==, "req-1");

  second = g_list_model_get_item (entries, 1);
  g_assert_cmpstr (nyl_audit_entry_get_action (second), ==, "delete");
  g_assert_cmpstr (nyl_audit_entry_get_object_type (second), ==, "grant");
  g_assert_cmpstr (nyl_audit_entry_get_outcome (second), ==, "not-found");
}

static void
test_default_path (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(NylAuditLog) log = NULL;

  /* The log lives in the state directory of the moment. */
  g_setenv ("XDG_STATE_HOME", fixture->state_home, TRUE);
  log = nyl_audit_log_new ();
  g_unsetenv ("XDG_STATE_HOME");

  g_assert_cmpstr (nyl_audit_log_get_path (log), ==, fixture->log_path);
}

static void
test_outcomes (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) limited = g_error_new_literal (NYL_API_ERROR, NYL_API_ERROR_RATE_LIMITED, "x");
  g_autoptr(GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "x");
  g_autoptr(GError) other = g_error_new_literal (G_FILE_ERROR, G_FILE_ERROR_NOENT, "x");
  g_autoptr(NylAuditEntry) a = NULL;
  g_autoptr(NylAuditEntry) b = NULL;
  g_autoptr(NylAuditEntry) c = NULL;
  g_autoptr(NylAuditEntry) d = NULL;

  a = nyl_audit_entry_new (NULL, NYL_AUDIT_ACTION_ROTATE, NYL_TYPE_WEBHOOK, "w", NULL, limited);
  b = nyl_audit_entry_new (NULL, NYL_AUDIT_ACTION_REVOKE, NYL_TYPE_API_KEY, "k", NULL, cancelled);
  c = nyl_audit_entry_new (NULL, NYL_AUDIT_ACTION_UPDATE, NYL_TYPE_CONNECTOR, "google", NULL,
                           other);
  d = nyl_audit_entry_new (NULL, NYL_AUDIT_ACTION_CREATE, NYL_TYPE_API_KEY, NULL, NULL, NULL);

  g_assert_cmpstr (nyl_audit_entry_get_outcome (a), ==, "rate-limited");
  g_assert_cmpstr (nyl_audit_entry_get_action (a), ==, "rotate");
  g_assert_cmpstr (nyl_audit_entry_get_outcome (b), ==, "cancelled");
  g_assert_cmpstr (nyl_audit_entry_get_action (b), ==, "revoke");
  g_assert_cmpstr (nyl_audit_entry_get_outcome (c), ==, "error");
  g_assert_cmpstr (nyl_audit_entry_get_action (c), ==, "update");
  g_assert_cmpstr (nyl_audit_entry_get_object_type (c), ==, "connector");

  /* Unknown values are left out of the line, not written as empty. */
  {
    g_autofree char *line = nyl_audit_entry_to_json_line (d);

    g_assert_null (strstr (line, "profile"));
    g_assert_null (strstr (line, "object_id"));
    g_assert_null (strstr (line, "request_id"));
  }
}

static void
write_line (const char *path,
            const char *line)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *updated = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    contents = read_file (path);
  updated = g_strconcat (contents != NULL ? contents : "", line, "\n", NULL);
  g_file_set_contents (path, updated, -1, &error);
  g_assert_no_error (error);
}

static void
test_since_filter (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(NylAuditLog) log = new_log (fixture);
  g_autoptr(NylAuditEntry) now = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) recent = NULL;
  g_autoptr(GListModel) none = NULL;
  g_autoptr(NylAuditEntry) item = NULL;
  g_autoptr(GDateTime) since = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->log_path);

  /* Two entries an earlier run left, then one made now. */
  now = nyl_audit_entry_new ("p", NYL_AUDIT_ACTION_UPDATE, NYL_TYPE_GRANT, "now", NULL, NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  write_line (fixture->log_path,
              "{\"time\":\"2024-01-01T00:00:00Z\",\"profile\":\"p\",\"action\":\"create\","
              "\"object_type\":\"webhook\",\"object_id\":\"old\",\"outcome\":\"ok\"}");
  write_line (fixture->log_path,
              "{\"time\":\"2025-06-01T12:00:00Z\",\"profile\":\"p\",\"action\":\"delete\","
              "\"object_type\":\"grant\",\"object_id\":\"middle\",\"outcome\":\"ok\"}");
  append_ok (log, now);

  all = read_ok (log, 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 3);

  since = g_date_time_new_from_iso8601 ("2025-06-01T12:00:00Z", NULL);
  recent = read_ok (log, g_date_time_to_unix (since), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (recent), ==, 2);
  item = g_list_model_get_item (recent, 0);
  g_assert_cmpstr (nyl_audit_entry_get_object_id (item), ==, "middle");
  g_assert_cmpint (nyl_audit_entry_get_time (item), ==, g_date_time_to_unix (since));
  g_clear_object (&item);
  item = g_list_model_get_item (recent, 1);
  g_assert_cmpstr (nyl_audit_entry_get_object_id (item), ==, "now");

  none = read_ok (log, nyl_audit_entry_get_time (now) + 1, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
}

static void
test_corrupt_lines_skipped (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(NylAuditLog) log = new_log (fixture);
  g_autoptr(NylAuditEntry) good = NULL;
  g_autoptr(NylAuditEntry) last = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(NylAuditEntry) item = NULL;
  guint n_corrupt = 0;

  good = nyl_audit_entry_new ("p", NYL_AUDIT_ACTION_CREATE, NYL_TYPE_DOMAIN, "d-1", NULL, NULL);
  last = nyl_audit_entry_new ("p", NYL_AUDIT_ACTION_DELETE, NYL_TYPE_DOMAIN, "d-2", NULL, NULL);
  append_ok (log, good);

  /* A torn line from a crash, something that is not an object, an entry
   * without a time, one with a bad time, a member of the wrong type, bytes
   * that are not UTF-8, and a blank line (not counted). */
  write_line (fixture->log_path, "{\"time\":\"2025-01-01T00:00:00Z\",\"action\":\"cre");
  write_line (fixture->log_path, "[1,2,3]");
  write_line (fixture->log_path,
              "{\"action\":\"create\",\"object_type\":\"grant\",\"outcome\":\"ok\"}");
  write_line (fixture->log_path,
              "{\"time\":\"yesterday\",\"action\":\"create\",\"object_type\":\"grant\","
              "\"outcome\":\"ok\"}");
  write_line (fixture->log_path,
              "{\"time\":\"2025-01-01T00:00:00Z\",\"action\":\"create\",\"object_type\":\"grant\","
              "\"outcome\":\"ok\",\"object_id\":17}");
  write_line (fixture->log_path, "{\"time\":\"\xff\xfe\"}");
  write_line (fixture->log_path, "");
  append_ok (log, last);

  entries = read_ok (log, 0, &n_corrupt);
  g_assert_cmpuint (n_corrupt, ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);
  item = g_list_model_get_item (entries, 1);
  g_assert_cmpstr (nyl_audit_entry_get_object_id (item), ==, "d-2");
}

static void
test_missing_file_is_empty (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(NylAuditLog) log = new_log (fixture);
  g_autoptr(GListModel) entries = NULL;
  guint n_corrupt = 99;

  entries = read_ok (log, 0, &n_corrupt);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 0);
  g_assert_cmpuint (n_corrupt, ==, 0);
  g_assert_false (g_file_test (fixture->log_path, G_FILE_TEST_EXISTS));
}

static void
test_file_mode (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(NylAuditLog) log = new_log (fixture);
  g_autoptr(NylAuditEntry) entry = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->log_path);
  GStatBuf st;
  mode_t old_umask;

  entry = nyl_audit_entry_new ("p", NYL_AUDIT_ACTION_CREATE, NYL_TYPE_GRANT, "g", NULL, NULL);

  /* Even with a permissive umask the file and its directory are private. */
  old_umask = umask (0);
  append_ok (log, entry);
  umask (old_umask);

  g_assert_cmpint (g_stat (fixture->log_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0700);

  /* A file someone opened up is made private again by the next append. */
  g_assert_cmpint (g_chmod (fixture->log_path, 0644), ==, 0);
  append_ok (log, entry);
  g_assert_cmpint (g_stat (fixture->log_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
}

static void
test_append_error (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (fixture->state_home, "not-a-dir", NULL);
  g_autofree char *path = g_build_filename (blocker, "audit.log", NULL);
  g_autoptr(NylAuditLog) log = nyl_audit_log_new_for_path (path);
  g_autoptr(NylAuditEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  /* The directory cannot be made: an error, not a crash or a lost critical. */
  g_assert_true (g_file_set_contents (blocker, "", -1, NULL));
  entry = nyl_audit_entry_new ("p", NYL_AUDIT_ACTION_CREATE, NYL_TYPE_GRANT, "g", NULL, NULL);
  g_assert_false (nyl_audit_log_append (log, entry, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_assert_cmpstr (nyl_audit_log_get_path (log), ==, path);
}

static void
test_control_characters (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(NylAuditLog) log = new_log (fixture);
  g_autoptr(NylAuditEntry) entry = NULL;
  g_autoptr(NylAuditEntry) item = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autofree char *contents = NULL;
  guint n_corrupt = 0;

  /* A newline in a value cannot split the entry into two lines. */
  entry = nyl_audit_entry_new ("two\nlines", NYL_AUDIT_ACTION_CREATE, NYL_TYPE_GRANT,
                               "g\r\n", NULL, NULL);
  append_ok (log, entry);

  contents = read_file (fixture->log_path);
  g_assert_cmpint (strchr (contents, '\n') - contents, ==, strlen (contents) - 1);

  entries = read_ok (log, 0, &n_corrupt);
  g_assert_cmpuint (n_corrupt, ==, 0);
  item = g_list_model_get_item (entries, 0);
  g_assert_cmpstr (nyl_audit_entry_get_profile (item), ==, "two\nlines");
}

static void
read_async_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GListModel **out = user_data;
  g_autoptr(GError) error = NULL;
  guint n_corrupt = 99;

  *out = nyl_audit_log_read_finish (NYL_AUDIT_LOG (object), result, &n_corrupt, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_corrupt, ==, 1);
}

static void
test_read_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(NylAuditLog) log = new_log (fixture);
  g_autoptr(NylAuditEntry) entry = NULL;
  g_autoptr(NylAuditEntry) item = NULL;
  GListModel *entries = NULL;

  entry = nyl_audit_entry_new ("p", NYL_AUDIT_ACTION_REVOKE, NYL_TYPE_API_KEY, "k", "r", NULL);
  append_ok (log, entry);
  write_line (fixture->log_path, "not json");

  nyl_audit_log_read_async (log, 0, NULL, read_async_cb, &entries);
  while (entries == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
  item = g_list_model_get_item (entries, 0);
  g_assert_cmpstr (nyl_audit_entry_get_action (item), ==, "revoke");
  g_object_unref (entries);
}

/* Another process appending at the same time: this test binary run again
 * with WRITER_ARG. */
static int
run_writer (const char *tag)
{
  g_autoptr(NylAuditLog) log = nyl_audit_log_new ();
  g_autofree char *profile = g_strnfill (WRITER_PROFILE_LENGTH, tag[0]);

  for (guint i = 0; i < WRITER_ENTRIES; i++)
    {
      g_autoptr(NylAuditEntry) entry = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *id = g_strdup_printf ("%s-%u", tag, i);

      entry = nyl_audit_entry_new (profile, NYL_AUDIT_ACTION_UPDATE, NYL_TYPE_GRANT, id, NULL,
                                   NULL);
      if (!nyl_audit_log_append (log, entry, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  return 0;
}

static GSubprocess *
spawn_writer (const char *self_path,
              const char *state_home,
              const char *tag)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  GSubprocess *writer;

  /* The writers find the log the way nylasctl does: in XDG_STATE_HOME. */
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", state_home, TRUE);
  writer = g_subprocess_launcher_spawn (launcher, &error, self_path, WRITER_ARG, tag, NULL);
  g_assert_no_error (error);

  return writer;
}

static void
test_concurrent_appends (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(NylAuditLog) log = new_log (fixture);
  g_autoptr(GSubprocess) a = NULL;
  g_autoptr(GSubprocess) b = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_corrupt = 99;
  guint count_a = 0;
  guint count_b = 0;

  g_assert_nonnull (self_path);

  a = spawn_writer (self_path, fixture->state_home, "A");
  b = spawn_writer (self_path, fixture->state_home, "B");
  g_subprocess_wait_check (a, NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (b, NULL, &error);
  g_assert_no_error (error);

  contents = read_file (fixture->log_path);
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2 * WRITER_ENTRIES + 1);

  entries = read_ok (log, 0, &n_corrupt);
  g_assert_cmpuint (n_corrupt, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2 * WRITER_ENTRIES);

  /* Every line is one writer's whole entry: no bytes of the other inside. */
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(NylAuditEntry) entry = g_list_model_get_item (entries, i);
      const char *profile = nyl_audit_entry_get_profile (entry);
      const char *id = nyl_audit_entry_get_object_id (entry);
      char tag = profile[0];

      g_assert_cmpuint (strlen (profile), ==, WRITER_PROFILE_LENGTH);
      for (guint j = 0; j < WRITER_PROFILE_LENGTH; j++)
        g_assert_cmpint (profile[j], ==, tag);
      g_assert_cmpint (id[0], ==, tag);

      if (tag == 'A')
        count_a++;
      else
        count_b++;
    }

  g_assert_cmpuint (count_a, ==, WRITER_ENTRIES);
  g_assert_cmpuint (count_b, ==, WRITER_ENTRIES);
}

/* Secrets */

static void
assert_no_part_of (const char *haystack,
                   const char *secret)
{
  gsize length = strlen (secret);

  /* Not the secret, and not any 6-character piece of it either. */
  for (gsize i = 0; i + 6 <= length; i++)
    {
      g_autofree char *piece = g_strndup (secret + i, 6);

      if (strstr (haystack, piece) != NULL)
        g_error ("“%s” (part of a secret) found in: %s", piece, haystack);
    }
}

static gpointer
resource_from_string (GType       type,
                      const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  gpointer resource = nyl_resource_new_from_json (type, node, &error);

  g_assert_no_error (error);

  return resource;
}

static void
test_no_secret (Fixture       *fixture,
                gconstpointer  data)
{
  const char *key_secret = "nyk_v0_q8ZrT2pWmX4sLk9Jd3Hf7Yc1Vb6Na0Ue5Ro";
  const char *webhook_secret = "41dD3-nXTUfebYuk81Gr-Zx9Qw";
  const char *client_secret = "GOCSPX-Hk2Lm9Pq4Rs7Tu1Vw";
  g_autoptr(NylAuditLog) log = new_log (fixture);
  g_autoptr(NylApiKey) key = NULL;
  g_autoptr(NylWebhook) webhook = NULL;
  g_autoptr(NylConnector) connector = NULL;
  g_autoptr(NylCredential) credential = nyl_credential_new ();
  g_autoptr(JsonNode) credential_data = NULL;
  g_autofree char *key_json = NULL;
  g_autofree char *webhook_json = NULL;
  g_autofree char *credential_data_json = NULL;
  g_autofree char *contents = NULL;
  NylResource *resources[4];

  key_json = g_strdup_printf ("{\"id\": \"7c1e0f52-3b7d-4a5e-9c2a-0d4b8e6f1a23\","
                              " \"name\": \"rotation\", \"status\": \"active\","
                              " \"application_id\": \"app-1\", \"permissions\": [\"all\"],"
                              " \"created_at\": 1742932766, \"expires_at\": 1753300766,"
                              " \"api_key\": \"%s\"}", key_secret);
  key = resource_from_string (NYL_TYPE_API_KEY, key_json);
  g_assert_cmpstr (nyl_api_key_get_secret (key), ==, key_secret);

  webhook_json = g_strdup_printf ("{\"id\": \"UMWjAjMeWQ4D8gYF2moonK4486\","
                                  " \"webhook_url\": \"https://example.com/hook\","
                                  " \"webhook_secret\": \"%s\"}", webhook_secret);
  webhook = resource_from_string (NYL_TYPE_WEBHOOK, webhook_json);
  g_assert_cmpstr (nyl_webhook_get_secret (webhook), ==, webhook_secret);

  connector = nyl_connector_new_for_provider ("google");
  nyl_connector_set_client_secret (connector, client_secret);

  credential_data_json = g_strdup_printf ("{\"client_secret\": \"%s\"}", client_secret);
  credential_data = json_from_string (credential_data_json, NULL);
  nyl_credential_set_credential_data (credential, json_node_get_object (credential_data));

  resources[0] = NYL_RESOURCE (key);
  resources[1] = NYL_RESOURCE (webhook);
  resources[2] = NYL_RESOURCE (connector);
  resources[3] = NYL_RESOURCE (credential);

  for (guint i = 0; i < G_N_ELEMENTS (resources); i++)
    {
      g_autoptr(NylAuditEntry) entry = NULL;
      g_autofree char *line = NULL;

      entry = nyl_audit_entry_new_for_resource ("prod", NYL_AUDIT_ACTION_CREATE, resources[i],
                                                "req-9", NULL);
      line = nyl_audit_entry_to_json_line (entry);

      /* The entry still says what happened to which object. */
      g_assert_cmpstr (nyl_audit_entry_get_object_type (entry), ==,
                       nyl_resource_get_kind (resources[i]));
      g_assert_cmpstr (nyl_audit_entry_get_object_id (entry), ==,
                       nyl_resource_get_id (resources[i]));

      assert_no_part_of (line, key_secret);
      assert_no_part_of (line, webhook_secret);
      assert_no_part_of (line, client_secret);

      append_ok (log, entry);
    }

  /* Nor in the file. */
  contents = read_file (fixture->log_path);
  g_assert_nonnull (strstr (contents, "7c1e0f52-3b7d-4a5e-9c2a-0d4b8e6f1a23"));
  assert_no_part_of (contents, key_secret);
  assert_no_part_of (contents, webhook_secret);
  assert_no_part_of (contents, client_secret);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_strcmp0 (argv[1], WRITER_ARG) == 0)
    return run_writer (argv[2]);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/model/audit-log/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  /* First, before any test starts a thread: it changes the environment. */
  ADD ("default-path", test_default_path);
  ADD ("append-and-read", test_append_and_read);
  ADD ("outcomes", test_outcomes);
  ADD ("since-filter", test_since_filter);
  ADD ("corrupt-lines-skipped", test_corrupt_lines_skipped);
  ADD ("missing-file-is-empty", test_missing_file_is_empty);
  ADD ("file-mode", test_file_mode);
  ADD ("append-error", test_append_error);
  ADD ("control-characters", test_control_characters);
  ADD ("read-async", test_read_async);
  ADD ("concurrent-appends", test_concurrent_appends);
  ADD ("no-secret", test_no_secret);

#undef ADD

  return g_test_run ();
}
