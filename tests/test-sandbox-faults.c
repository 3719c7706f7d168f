/* test-sandbox-faults.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sandbox-test-util.h"

/* Faults: latency, 500s, bursts of 429 with Retry-After, malformed and truncated bodies, set by
 * POST /__sandbox/faults or NYL_SANDBOX_FAULTS, deterministic from the seed. */

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
  f->sandbox = sbt_sandbox_new (41, 30, NULL);
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
set_faults (Fixture    *f,
            const char *json)
{
  return sbt_call (f->session, "POST", f->url, "/__sandbox/faults", NULL, json);
}

static SbtResponse *
get_app (Fixture *f)
{
  return sbt_call (f->session, "GET", f->url, "/v3/applications", f->key, NULL);
}

static void
test_control (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SbtResponse) initial = sbt_call (f->session, "GET", f->url, "/__sandbox/faults", NULL,
                                             NULL);
  g_autoptr(SbtResponse) set = set_faults (f, "{\"error_count\":2,\"retry_after\":3}");
  g_autoptr(SbtResponse) bad = set_faults (f, "{\"error_rate\":2,\"latency_ms\":5}");
  g_autoptr(SbtResponse) unknown = set_faults (f, "{\"explode\":true}");
  g_autoptr(SbtResponse) after_bad = sbt_call (f->session, "GET", f->url, "/__sandbox/faults", NULL,
                                               NULL);
  g_autoptr(SbtResponse) reset = sbt_call (f->session, "DELETE", f->url, "/__sandbox/faults", NULL,
                                           NULL);
  g_autoptr(SbtResponse) ok = get_app (f);

  g_assert_cmpint (json_object_get_int_member (sbt_data_object (initial), "error_count"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (sbt_data_object (set), "error_count"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (sbt_data_object (set), "retry_after"), ==, 3);
  sbt_assert_error (bad, 400, "api.invalid_request_error");
  sbt_assert_error (unknown, 400, "api.invalid_request_error");
  /* All or nothing: the rejected update changed nothing. */
  g_assert_cmpint (json_object_get_int_member (sbt_data_object (after_bad), "latency_ms"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (sbt_data_object (reset), "error_count"), ==, 0);
  g_assert_cmpuint (ok->status, ==, 200);
}

static void
test_errors_and_rate_limits (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(SbtResponse) set = set_faults (f, "{\"rate_limit_burst\":2,\"retry_after\":2,"
                                              "\"error_count\":1}");
  g_autoptr(SbtResponse) r1 = get_app (f);
  g_autoptr(SbtResponse) r2 = get_app (f);
  g_autoptr(SbtResponse) r3 = get_app (f);
  g_autoptr(SbtResponse) r4 = get_app (f);

  g_assert_cmpuint (set->status, ==, 200);
  sbt_assert_error (r1, 429, "api.rate_limit_error");
  g_assert_cmpstr (soup_message_headers_get_one (r1->headers, "Retry-After"), ==, "2");
  sbt_assert_error (r2, 429, "api.rate_limit_error");
  sbt_assert_error (r3, 500, "api.internal_error");
  g_assert_cmpuint (r4->status, ==, 200);
}

static char *
status_sequence (guint64 seed)
{
  NylSandbox *sandbox = sbt_sandbox_new (seed, 10, NULL);
  g_autoptr(SoupSession) session = sbt_session_new ();
  g_autoptr(SbtResponse) set = sbt_call (session, "POST", nyl_sandbox_get_url (sandbox),
                                         "/__sandbox/faults", NULL, "{\"error_rate\":0.5}");
  GString *out = g_string_new (NULL);

  g_assert_cmpuint (set->status, ==, 200);
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(SbtResponse) r = sbt_call (session, "GET", nyl_sandbox_get_url (sandbox),
                                           "/v3/connectors", nyl_sandbox_get_api_key (sandbox),
                                           NULL);

      g_assert_true (r->status == 200 || r->status == 500);
      g_string_append_c (out, r->status == 200 ? '.' : 'E');
    }
  sbt_sandbox_free (sandbox);
  return g_string_free (out, FALSE);
}

static void
test_error_share_is_deterministic (void)
{
  g_autofree char *a = status_sequence (77);
  g_autofree char *b = status_sequence (77);
  g_autofree char *c = status_sequence (78);
  guint errors = 0;

  for (const char *p = a; *p; p++)
    errors += *p == 'E';
  /* About half, and the same run again from the same seed. */
  g_assert_cmpuint (errors, >, 8);
  g_assert_cmpuint (errors, <, 32);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
}

static void
test_malformed_and_truncated (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SbtResponse) set = set_faults (f, "{\"malformed_count\":1,\"truncated_count\":1}");
  g_autoptr(SbtResponse) malformed = get_app (f);
  g_autoptr(SbtResponse) truncated = get_app (f);
  g_autoptr(SbtResponse) fine = get_app (f);
  gsize full;

  g_assert_cmpuint (set->status, ==, 200);
  g_assert_cmpuint (malformed->status, ==, 200);
  g_assert_null (malformed->json);
  g_assert_cmpuint (g_bytes_get_size (malformed->body), >, 6);
  g_assert_cmpint (memcmp (g_bytes_get_data (malformed->body, NULL), "<html>", 6), ==, 0);

  g_assert_cmpuint (truncated->status, ==, 200);
  g_assert_null (truncated->json);
  g_assert_nonnull (fine->json);
  full = g_bytes_get_size (fine->body);
  g_assert_cmpuint (g_bytes_get_size (truncated->body), <, full);
  g_assert_cmpuint (g_bytes_get_size (truncated->body), >, 0);
  /* The truncated body is the start of a real answer (only the request ID differs). */
  g_assert_cmpuint (g_bytes_get_size (truncated->body), >, 91);
  g_assert_cmpint (memcmp (g_bytes_get_data (truncated->body, NULL),
                           g_bytes_get_data (fine->body, NULL), 15), ==, 0);
  g_assert_cmpint (memcmp ((const char *) g_bytes_get_data (truncated->body, NULL) + 51,
                           (const char *) g_bytes_get_data (fine->body, NULL) + 51, 40), ==, 0);
}

static void
test_latency_and_prefix (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SbtResponse) set = set_faults (f, "{\"latency_ms\":300,\"path_prefix\":\"/v3/grants\","
                                              "\"error_count\":1}");
  g_autoptr(SbtResponse) other = NULL;
  g_autoptr(SbtResponse) failed = NULL;
  g_autoptr(SbtResponse) slow = NULL;
  gint64 start;

  g_assert_cmpuint (set->status, ==, 200);
  /* Outside the prefix: no fault. */
  other = get_app (f);
  g_assert_cmpuint (other->status, ==, 200);

  start = g_get_monotonic_time ();
  failed = sbt_call (f->session, "GET", f->url, "/v3/grants", f->key, NULL);
  sbt_assert_error (failed, 500, "api.internal_error");
  slow = sbt_call (f->session, "GET", f->url, "/v3/grants", f->key, NULL);
  g_assert_cmpuint (slow->status, ==, 200);
  /* Two requests, each delayed by 300 ms at least. */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 600 * 1000);
}

static void
test_environment (void)
{
  NylSandbox *sandbox;
  g_autoptr(SoupSession) session = sbt_session_new ();
  g_autoptr(SbtResponse) faults = NULL;
  g_autoptr(SbtResponse) limited = NULL;

  g_setenv ("NYL_SANDBOX_FAULTS", "rate_limit_burst=1, retry_after=7,latency_ms=1", TRUE);
  sandbox = sbt_sandbox_new (5, 10, NULL);
  g_unsetenv ("NYL_SANDBOX_FAULTS");

  faults = sbt_call (session, "GET", nyl_sandbox_get_url (sandbox), "/__sandbox/faults", NULL,
                     NULL);
  g_assert_cmpint (json_object_get_int_member (sbt_data_object (faults), "retry_after"), ==, 7);
  limited = sbt_call (session, "GET", nyl_sandbox_get_url (sandbox), "/v3/applications",
                      nyl_sandbox_get_api_key (sandbox), NULL);
  sbt_assert_error (limited, 429, "api.rate_limit_error");
  g_assert_cmpstr (soup_message_headers_get_one (limited->headers, "Retry-After"), ==, "7");
  sbt_sandbox_free (sandbox);

  /* A bad specification is an error at start. */
  {
    g_autofree char *sa = sbt_service_account_json ();
    NylSandboxOptions options = { .service_account_json = sa };
    g_autoptr(NylSandbox) broken = nyl_sandbox_new (&options);
    g_autoptr(GError) error = NULL;

    g_setenv ("NYL_SANDBOX_FAULTS", "error_rate=lots", TRUE);
    g_assert_false (nyl_sandbox_start (broken, &error));
    g_unsetenv ("NYL_SANDBOX_FAULTS");
    g_assert_nonnull (error);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sandbox/faults/control", Fixture, NULL, fixture_setup, test_control,
              fixture_teardown);
  g_test_add ("/sandbox/faults/errors-and-rate-limits", Fixture, NULL, fixture_setup,
              test_errors_and_rate_limits, fixture_teardown);
  g_test_add_func ("/sandbox/faults/deterministic-share", test_error_share_is_deterministic);
  g_test_add ("/sandbox/faults/malformed-and-truncated", Fixture, NULL, fixture_setup,
              test_malformed_and_truncated, fixture_teardown);
  g_test_add ("/sandbox/faults/latency-and-prefix", Fixture, NULL, fixture_setup,
              test_latency_and_prefix, fixture_teardown);
  g_test_add_func ("/sandbox/faults/environment", test_environment);

  return g_test_run ();
}
