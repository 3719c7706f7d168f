/* test-input-check.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The checks forms make before sending anything.
 */

#include "config.h"

#include "nyl-api-error.h"
#include "nyl-input-check.h"

static void
test_loopback (void)
{
  g_assert_true (nyl_input_is_loopback_host ("localhost"));
  g_assert_true (nyl_input_is_loopback_host ("LOCALHOST"));
  g_assert_true (nyl_input_is_loopback_host ("127.0.0.1"));
  g_assert_true (nyl_input_is_loopback_host ("127.4.5.6"));
  g_assert_true (nyl_input_is_loopback_host ("[::1]"));
  g_assert_true (nyl_input_is_loopback_host ("::1"));
  g_assert_false (nyl_input_is_loopback_host ("localhost.example.com"));
  g_assert_false (nyl_input_is_loopback_host ("128.0.0.1"));
  g_assert_false (nyl_input_is_loopback_host (""));
  g_assert_false (nyl_input_is_loopback_host (NULL));

  g_assert_true (nyl_input_is_insecure_redirect ("http://app.example.com/cb"));
  g_assert_false (nyl_input_is_insecure_redirect ("http://localhost:3000/cb"));
  g_assert_false (nyl_input_is_insecure_redirect ("https://app.example.com/cb"));
  g_assert_false (nyl_input_is_insecure_redirect ("com.example.app://cb"));
}

static void
test_redirect_uri (void)
{
  const struct { const char *url; const char *platform; int code; } cases[] = {
    { "https://app.example.com/callback", "web", -1 },
    { "http://localhost:3000/callback", "web", -1 },
    { "http://127.0.0.1/callback", "desktop", -1 },
    { "com.example.app://callback", "ios", -1 },
    { "com.example.app://callback", "android", -1 },
    { "myapp://oauth", "desktop", -1 },
    { "http://app.example.com/callback", "web", NYL_API_ERROR_INSECURE_URL },
    { "http://app.example.com/callback", "android", NYL_API_ERROR_INSECURE_URL },
    { "com.example.app://callback", "web", NYL_API_ERROR_INVALID_REQUEST },
    { "com.example.app://callback", "js", NYL_API_ERROR_INVALID_REQUEST },
    { "", "web", NYL_API_ERROR_INVALID_REQUEST },
    { "not a url", "web", NYL_API_ERROR_INVALID_REQUEST },
    { "app.example.com/callback", "web", NYL_API_ERROR_INVALID_REQUEST },
    { "https:///callback", "web", NYL_API_ERROR_INVALID_REQUEST },
    { "https://app.example.com/callback", "windows", NYL_API_ERROR_INVALID_REQUEST },
    { "https://app.example.com/callback", NULL, NYL_API_ERROR_INVALID_REQUEST },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = nyl_input_check_redirect_uri (cases[i].url, cases[i].platform, &error);

      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_error (error, NYL_API_ERROR, cases[i].code);
          g_assert_false (ok);
          g_assert_cmpstr (error->message, !=, "");
        }
    }
}

static void
test_web_url (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (nyl_input_check_web_url ("https://example.com", NULL));
  g_assert_true (nyl_input_check_web_url ("https://cdn.example.com/logo.png", NULL));
  g_assert_true (nyl_input_check_web_url ("http://localhost:8000/logo.png", NULL));

  g_assert_false (nyl_input_check_web_url ("http://example.com", &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INSECURE_URL);
  g_clear_error (&error);

  g_assert_false (nyl_input_check_web_url ("ftp://example.com/logo.png", &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_clear_error (&error);

  g_assert_false (nyl_input_check_web_url ("example.com", &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_clear_error (&error);

  g_assert_false (nyl_input_check_web_url ("https://exa mple.com", &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
}

static void
test_color (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (nyl_input_check_color ("#1A73E8", NULL));
  g_assert_true (nyl_input_check_color ("#1a73e8", NULL));
  g_assert_true (nyl_input_check_color ("#fff", NULL));

  for (guint i = 0; i < 6; i++)
    {
      const char *bad[] = { "1A73E8", "#1A73E", "#GGGGGG", "blue", "", "#1A73E8FF" };

      g_assert_false (nyl_input_check_color (bad[i], &error));
      g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
      g_clear_error (&error);
    }
  g_assert_false (nyl_input_check_color (NULL, NULL));
}

static void
test_fingerprint (void)
{
  const char *expected = "5E:8F:16:06:2E:A3:CD:2C:4A:0D:54:78:76:BA:A6:F3:8C:AB:F6:25";
  g_autoptr(GError) error = NULL;
  char *normalized;

  normalized = nyl_input_normalize_fingerprint (expected, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (normalized, ==, expected);
  g_free (normalized);

  /* Pasted in lower case or without colons, it is put in the AB:CD form. */
  normalized = nyl_input_normalize_fingerprint ("5e8f16062ea3cd2c4a0d547876baa6f38cabf625", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (normalized, ==, expected);
  g_free (normalized);

  /* 19 bytes. */
  normalized = nyl_input_normalize_fingerprint ("5e:8f:16:06:2e:a3:cd:2c:4a:0d:"
                                                "54:78:76:ba:a6:f3:8c:ab:f6", &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_assert_null (normalized);
  g_clear_error (&error);

  /* Dashes are not the separator. */
  normalized = nyl_input_normalize_fingerprint ("5E-8F-16-06-2E-A3-CD-2C-4A-0D-"
                                                "54-78-76-BA-A6-F3-8C-AB-F6-25", &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_assert_null (normalized);
  g_clear_error (&error);

  g_assert_null (nyl_input_normalize_fingerprint ("", NULL));
}

static void
test_api_key (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (nyl_input_check_api_key ("nyk_v0_abcdefghijklmnopqrstuvwxyz0123456789", NULL));

  g_assert_false (nyl_input_check_api_key ("", &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_clear_error (&error);

  /* Copied with the text around it. */
  g_assert_false (nyl_input_check_api_key ("key: nyk_v0_abcdefghijklmnop", &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_clear_error (&error);

  g_assert_false (nyl_input_check_api_key ("nyk_v0_abcdefghij\n", &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_clear_error (&error);

  /* Copied in part. */
  g_assert_false (nyl_input_check_api_key ("nyk_v0_abc", &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
}

static void
test_application_id (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (nyl_input_check_application_id ("2f3c1e9a-7b4d-4c1e-9f00-5a6b7c8d9e0f", NULL));
  g_assert_false (nyl_input_check_application_id ("", &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_clear_error (&error);
  g_assert_false (nyl_input_check_application_id ("app id", &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_clear_error (&error);
  g_assert_false (nyl_input_check_application_id ("../etc", &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
}

static void
test_profile_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = g_strnfill (101, 'a');

  g_assert_true (nyl_input_check_profile_name ("Acme production", NULL));
  g_assert_true (nyl_input_check_profile_name ("Café ☕", NULL));

  g_assert_false (nyl_input_check_profile_name ("   ", &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_clear_error (&error);
  g_assert_false (nyl_input_check_profile_name ("two\nlines", &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_clear_error (&error);
  g_assert_false (nyl_input_check_profile_name (long_name, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/input-check/loopback", test_loopback);
  g_test_add_func ("/input-check/redirect-uri", test_redirect_uri);
  g_test_add_func ("/input-check/web-url", test_web_url);
  g_test_add_func ("/input-check/color", test_color);
  g_test_add_func ("/input-check/fingerprint", test_fingerprint);
  g_test_add_func ("/input-check/api-key", test_api_key);
  g_test_add_func ("/input-check/application-id", test_application_id);
  g_test_add_func ("/input-check/profile-name", test_profile_name);

  return g_test_run ();
}
