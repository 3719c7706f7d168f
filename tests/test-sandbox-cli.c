/* test-sandbox-cli.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/stat.h>

#include "sandbox-test-util.h"

/* nylasctl sandbox serve, run as a separate process the way scripts use it. */

typedef struct
{
  GObject      *source;
  GAsyncResult *result;
} Wait;

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *w = user_data;

  w->result = g_object_ref (result);
}

static GAsyncResult *
wait_result (Wait *w)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (w->result == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
  return w->result;
}

static char *
nylasctl_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "..", "src", "cli", "nylasctl", NULL);
}

static void
test_serve_json (void)
{
  g_autofree char *nylasctl = nylasctl_path ();
  g_autofree char *runtime = g_dir_make_tmp ("sandbox-cli-XXXXXX", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(SoupSession) session = sbt_session_new ();
  g_autoptr(NylServiceAccount) sa = NULL;
  g_autofree char *line = NULL;
  g_autofree char *sa_file = NULL;
  g_autofree char *rest = NULL;
  JsonObject *ready;
  Wait w = { 0 };
  struct stat st;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "NYL_SANDBOX_FAULTS");
  process = g_subprocess_launcher_spawn (launcher, &error, nylasctl, "sandbox", "serve", "--json",
                                         "--grants", "50", "--seed", "3", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));

  /* Once ready, exactly one line of JSON. */
  g_data_input_stream_read_line_async (out, G_PRIORITY_DEFAULT, NULL, done_cb, &w);
  line = g_data_input_stream_read_line_finish_utf8 (out, wait_result (&w), NULL, &error);
  g_clear_object (&w.result);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  node = json_from_string (line, &error);
  g_assert_no_error (error);
  ready = json_node_get_object (node);
  g_assert_cmpuint (json_object_get_size (ready), ==, 4);
  g_assert_true (g_str_has_prefix (sbt_str (ready, "api_url"), "http://127.0.0.1:"));
  g_assert_true (g_str_has_prefix (sbt_str (ready, "api_key"), "nyk_v0_"));
  g_assert_nonnull (sbt_str (ready, "application_id"));
  sa_file = g_strdup (sbt_str (ready, "service_account_file"));
  g_assert_true (g_str_has_prefix (sa_file, runtime));
  g_assert_cmpint (g_stat (sa_file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* It serves: an API-key request and a request signed with the Service Account file. */
  {
    g_autoptr(SbtResponse) app = sbt_call (session, "GET", sbt_str (ready, "api_url"),
                                           "/v3/applications", sbt_str (ready, "api_key"), NULL);
    g_autofree char *path = g_strdup_printf ("/v3/admin/applications/%s/api-keys",
                                             sbt_str (ready, "application_id"));
    g_autoptr(SoupMessage) msg = NULL;
    g_autoptr(SbtResponse) keys = NULL;

    g_assert_cmpuint (app->status, ==, 200);
    g_assert_cmpstr (sbt_str (sbt_data_object (app), "application_id"), ==,
                     sbt_str (ready, "application_id"));
    sa = nyl_service_account_new_from_file (sa_file, &error);
    g_assert_no_error (error);
    msg = sbt_signed_message (sa, "GET", sbt_str (ready, "api_url"), path, NULL);
    keys = sbt_send (session, msg);
    g_assert_cmpuint (keys->status, ==, 200);
  }

  /* SIGTERM: a clean exit 0, the Service Account file removed, nothing more printed. */
  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait_async (process, NULL, done_cb, &w);
  g_assert_true (g_subprocess_wait_finish (process, wait_result (&w), &error));
  g_clear_object (&w.result);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_false (g_file_test (sa_file, G_FILE_TEST_EXISTS));
  rest = g_data_input_stream_read_upto (out, "", 0, NULL, NULL, NULL);
  g_assert_true (rest == NULL || rest[0] == '\0');

  g_rmdir (runtime);
}

static void
test_usage_error (void)
{
  g_autofree char *nylasctl = nylasctl_path ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  Wait w = { 0 };

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                              &error, nylasctl, "sandbox", "serve", "--grants", "0", NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, done_cb, &w);
  g_assert_true (g_subprocess_wait_finish (process, wait_result (&w), &error));
  g_clear_object (&w.result);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/sandbox/serve-json", test_serve_json);
  g_test_add_func ("/cli/sandbox/usage-error", test_usage_error);

  return g_test_run ();
}
