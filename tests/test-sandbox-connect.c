/* test-sandbox-connect.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sandbox-test-util.h"

/* Hosted authentication: the consent page, the redirect with a code, the token exchange (OAuth
 * error shape), PKCE, refresh, revoke, tokeninfo and /v3/grants/me. */

#define REDIRECT "http://localhost:9000/oauth/callback"

typedef struct
{
  NylSandbox  *sandbox;
  SoupSession *session;
  const char  *url;
  const char  *key;
  const char  *app_id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->sandbox = sbt_sandbox_new (51, 30, NULL);
  f->session = sbt_session_new ();
  f->url = nyl_sandbox_get_url (f->sandbox);
  f->key = nyl_sandbox_get_api_key (f->sandbox);
  f->app_id = nyl_sandbox_get_application_id (f->sandbox);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->session);
  sbt_sandbox_free (f->sandbox);
}

static char *
auth_path (Fixture    *f,
           const char *redirect,
           const char *extra)
{
  g_autofree char *escaped = g_uri_escape_string (redirect, NULL, FALSE);

  return g_strdup_printf ("/v3/connect/auth?client_id=%s&redirect_uri=%s&response_type=code%s",
                          f->app_id, escaped, extra);
}

static char *
session_of (SbtResponse *page)
{
  g_autofree char *html = g_strndup (g_bytes_get_data (page->body, NULL),
                                     g_bytes_get_size (page->body));
  const char *marker = "name=\"session\" value=\"";
  const char *start = strstr (html, marker);
  const char *end;

  /* Labelled as simulated wherever it shows. */
  g_assert_nonnull (strstr (html, "Sandbox (simulated)"));

  g_assert_nonnull (start);
  start += strlen (marker);
  end = strchr (start, '"');
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

/* Follows the consent page: returns the Location of the redirect back. */
static char *
consent (Fixture    *f,
         const char *extra,
         const char *decision,
         const char *email,
         const char *provider)
{
  g_autofree char *path = auth_path (f, REDIRECT, extra);
  g_autoptr(SbtResponse) page = sbt_call (f->session, "GET", f->url, path, NULL, NULL);
  g_autofree char *session = NULL;
  g_autofree char *decide = NULL;
  g_autofree char *escaped = NULL;
  g_autoptr(SbtResponse) redirect = NULL;

  g_assert_cmpuint (page->status, ==, 200);
  g_assert_true (g_str_has_prefix (soup_message_headers_get_content_type (page->headers, NULL),
                                   "text/html"));
  session = session_of (page);
  escaped = g_uri_escape_string (email, NULL, FALSE);
  decide = g_strdup_printf ("/v3/connect/auth/decide?session=%s&decision=%s&email=%s&provider=%s",
                            session, decision, escaped, provider);
  redirect = sbt_call (f->session, "GET", f->url, decide, NULL, NULL);
  g_assert_cmpuint (redirect->status, ==, 302);
  return g_strdup (soup_message_headers_get_one (redirect->headers, "Location"));
}

static char *
query_param (const char *location,
             const char *name)
{
  g_autoptr(GUri) uri = g_uri_parse (location, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GHashTable) params = NULL;

  g_assert_nonnull (uri);
  g_assert_nonnull (g_uri_get_query (uri));
  params = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, NULL);
  return g_strdup (g_hash_table_lookup (params, name));
}

static SbtResponse *
token (Fixture    *f,
       const char *body)
{
  return sbt_call (f->session, "POST", f->url, "/v3/connect/token", NULL, body);
}

static void
assert_oauth_error (SbtResponse *r,
                    guint        status,
                    const char  *error)
{
  JsonObject *root;

  g_assert_cmpuint (r->status, ==, status);
  root = sbt_root (r);
  g_assert_cmpstr (sbt_str (root, "error"), ==, error);
  g_assert_nonnull (sbt_str (root, "error_description"));
  g_assert_nonnull (sbt_str (root, "error_uri"));
  g_assert_cmpint (json_object_get_int_member (root, "error_code"), ==, status);
}

static void
test_consent_and_exchange (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *location = consent (f, "&state=xyz&access_type=offline&provider=google",
                                       "allow", "new.user@acme.example", "google");
  g_autofree char *code = query_param (location, "code");
  g_autofree char *state = query_param (location, "state");
  g_autofree char *body = NULL;
  g_autofree char *grant_path = NULL;
  g_autofree char *access = NULL;
  g_autofree char *refresh = NULL;
  g_autoptr(SbtResponse) exchanged = NULL;
  g_autoptr(SbtResponse) reused = NULL;
  g_autoptr(SbtResponse) grant = NULL;
  g_autoptr(SbtResponse) me = NULL;
  g_autoptr(SbtResponse) info = NULL;
  g_autoptr(SbtResponse) refreshed = NULL;
  g_autoptr(SbtResponse) revoked = NULL;
  g_autoptr(SbtResponse) me_after = NULL;
  JsonObject *root;

  g_assert_true (g_str_has_prefix (location, REDIRECT "?"));
  g_assert_nonnull (code);
  g_assert_cmpstr (state, ==, "xyz");

  body = g_strdup_printf ("{\"client_id\":\"%s\",\"client_secret\":\"%s\","
                          "\"grant_type\":\"authorization_code\",\"code\":\"%s\","
                          "\"redirect_uri\":\"%s\"}", f->app_id, f->key, code, REDIRECT);
  exchanged = token (f, body);
  g_assert_cmpuint (exchanged->status, ==, 200);
  /* Bare, with no data wrapper. */
  root = sbt_root (exchanged);
  g_assert_false (json_object_has_member (root, "data"));
  g_assert_cmpstr (sbt_str (root, "email"), ==, "new.user@acme.example");
  g_assert_cmpstr (sbt_str (root, "provider"), ==, "google");
  g_assert_cmpstr (sbt_str (root, "token_type"), ==, "Bearer");
  g_assert_cmpint (json_object_get_int_member (root, "expires_in"), ==, 3600);
  g_assert_nonnull (sbt_str (root, "id_token"));
  g_assert_nonnull (sbt_str (root, "scope"));
  access = g_strdup (sbt_str (root, "access_token"));
  refresh = g_strdup (sbt_str (root, "refresh_token"));
  g_assert_nonnull (access);
  g_assert_nonnull (refresh);

  /* The grant exists, valid, with the state. */
  grant_path = g_strconcat ("/v3/grants/", sbt_str (root, "grant_id"), NULL);
  grant = sbt_call (f->session, "GET", f->url, grant_path, f->key, NULL);
  g_assert_cmpuint (grant->status, ==, 200);
  g_assert_cmpstr (sbt_str (sbt_data_object (grant), "grant_status"), ==, "valid");
  g_assert_cmpstr (sbt_str (sbt_data_object (grant), "state"), ==, "xyz");

  /* Each code works once. */
  reused = token (f, body);
  assert_oauth_error (reused, 400, "invalid_grant");

  /* The access token reaches /v3/grants/me and tokeninfo. */
  me = sbt_call (f->session, "GET", f->url, "/v3/grants/me", access, NULL);
  g_assert_cmpuint (me->status, ==, 200);
  g_assert_cmpstr (sbt_str (sbt_data_object (me), "email"), ==, "new.user@acme.example");
  {
    g_autofree char *path = g_strconcat ("/v3/connect/tokeninfo?access_token=", access, NULL);

    info = sbt_call (f->session, "GET", f->url, path, NULL, NULL);
    g_assert_cmpstr (sbt_str (sbt_data_object (info), "aud"), ==, f->app_id);
  }

  /* Refresh. */
  {
    g_autofree char *rbody = g_strdup_printf ("{\"client_id\":\"%s\",\"client_secret\":\"%s\","
                                              "\"grant_type\":\"refresh_token\","
                                              "\"refresh_token\":\"%s\"}", f->app_id, f->key,
                                              refresh);

    refreshed = token (f, rbody);
    g_assert_cmpuint (refreshed->status, ==, 200);
    g_assert_cmpstr (sbt_str (sbt_root (refreshed), "access_token"), !=, access);
  }

  /* Revoke: the token (in the query string) stops working; the grant survives. */
  {
    g_autofree char *path = g_strconcat ("/v3/connect/revoke?token=", access, NULL);
    g_autoptr(SbtResponse) still = NULL;

    revoked = sbt_call (f->session, "POST", f->url, path, NULL, NULL);
    g_assert_cmpuint (revoked->status, ==, 200);
    me_after = sbt_call (f->session, "GET", f->url, "/v3/grants/me", access, NULL);
    sbt_assert_error (me_after, 401, "api.authentication_error");
    still = sbt_call (f->session, "GET", f->url, grant_path, f->key, NULL);
    g_assert_cmpuint (still->status, ==, 200);
  }
}

static void
test_oauth_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *missing_code = g_strdup_printf ("{\"client_id\":\"%s\",\"client_secret\":\"%s\","
                                                   "\"grant_type\":\"authorization_code\"}",
                                                   f->app_id, f->key);
  g_autofree char *bad_secret = g_strdup_printf ("{\"client_id\":\"%s\",\"client_secret\":\"no\","
                                                 "\"grant_type\":\"authorization_code\","
                                                 "\"code\":\"x\",\"redirect_uri\":\"%s\"}",
                                                 f->app_id, REDIRECT);
  g_autofree char *bad_type = g_strdup_printf ("{\"client_id\":\"%s\",\"client_secret\":\"%s\","
                                               "\"grant_type\":\"password\"}", f->app_id, f->key);
  g_autofree char *form = g_strdup_printf ("client_id=%s&client_secret=%s"
                                           "&grant_type=authorization_code"
                                           "&code=nope&redirect_uri=x", f->app_id, f->key);
  g_autoptr(SbtResponse) r1 = token (f, missing_code);
  g_autoptr(SbtResponse) r2 = token (f, bad_secret);
  g_autoptr(SbtResponse) r3 = token (f, bad_type);
  g_autoptr(SbtResponse) r4 = NULL;
  g_autoptr(SbtResponse) r5 = sbt_call (f->session, "POST", f->url, "/v3/connect/revoke", NULL,
                                        NULL);

  assert_oauth_error (r1, 400, "invalid_request");
  g_assert_cmpstr (sbt_str (sbt_root (r1), "error_description"), ==,
                   "Missing required parameter: code");
  assert_oauth_error (r2, 401, "invalid_client");
  assert_oauth_error (r3, 400, "unsupported_grant_type");
  assert_oauth_error (r5, 400, "invalid_request");

  /* Form-encoded bodies are accepted too. */
  {
    g_autoptr(SoupMessage) msg = sbt_message ("POST", f->url, "/v3/connect/token", NULL, NULL);
    g_autoptr(GBytes) bytes = g_bytes_new (form, strlen (form));

    soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", bytes);
    r4 = sbt_send (f->session, msg);
    assert_oauth_error (r4, 400, "invalid_grant");
  }
}

static void
test_auth_checks (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *unregistered = auth_path (f, "https://evil.example/cb", "");
  g_autofree char *no_connector = auth_path (f, REDIRECT, "&provider=zoom");
  g_autoptr(SbtResponse) r1 = sbt_call (f->session, "GET", f->url, unregistered, NULL, NULL);
  g_autoptr(SbtResponse) r2 = sbt_call (f->session, "GET", f->url, no_connector, NULL, NULL);
  g_autoptr(SbtResponse) r3 = sbt_call (f->session, "GET", f->url,
                                        "/v3/connect/auth?client_id=nope&response_type=code",
                                        NULL, NULL);
  g_autofree char *denied = consent (f, "&state=s1", "deny", "x@acme.example", "google");
  g_autofree char *error = query_param (denied, "error");
  g_autofree char *state = query_param (denied, "state");

  sbt_assert_error (r1, 400, "grant.callback_uri_not_allowed");
  sbt_assert_error (r2, 400, "api.invalid_request_error");
  sbt_assert_error (r3, 400, "api.invalid_request_error");
  g_assert_cmpstr (error, ==, "access_denied");
  g_assert_cmpstr (state, ==, "s1");
}

static char *
sdk_challenge (const char *verifier)
{
  g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA256, verifier, -1);
  char *b64 = g_base64_encode ((const guchar *) hex, strlen (hex));
  char *eq = strchr (b64, '=');

  if (eq != NULL)
    *eq = '\0';
  return b64;
}

static void
test_pkce_and_auto_consent (Fixture       *f,
                            gconstpointer  data)
{
  const char *verifier = "a-verifier-of-at-least-43-characters-0123456789";
  g_autofree char *challenge = sdk_challenge (verifier);
  g_autofree char *extra = g_strdup_printf ("&code_challenge=%s&code_challenge_method=s256"
                                            "&login_hint=pkce%%40acme.example", challenge);
  g_autofree char *path = auth_path (f, REDIRECT, extra);
  g_autoptr(SbtResponse) auto_on = sbt_call (f->session, "POST", f->url, "/__sandbox/faults", NULL,
                                             "{\"auto_consent\":true}");
  g_autoptr(SbtResponse) redirect = NULL;
  g_autoptr(SbtResponse) wrong = NULL;
  g_autoptr(SbtResponse) right = NULL;
  g_autoptr(SbtResponse) redirect2 = NULL;
  g_autofree char *code = NULL;
  g_autofree char *code2 = NULL;
  g_autofree char *body = NULL;

  /* With auto_consent the page is skipped. */
  g_assert_cmpuint (auto_on->status, ==, 200);
  redirect = sbt_call (f->session, "GET", f->url, path, NULL, NULL);
  g_assert_cmpuint (redirect->status, ==, 302);
  code = query_param (soup_message_headers_get_one (redirect->headers, "Location"), "code");

  /* No client_secret with PKCE; the verifier must match. */
  body = g_strdup_printf ("{\"client_id\":\"%s\",\"grant_type\":\"authorization_code\","
                          "\"code\":\"%s\",\"redirect_uri\":\"%s\",\"code_verifier\":\"wrong\"}",
                          f->app_id, code, REDIRECT);
  wrong = token (f, body);
  assert_oauth_error (wrong, 400, "invalid_grant");

  redirect2 = sbt_call (f->session, "GET", f->url, path, NULL, NULL);
  code2 = query_param (soup_message_headers_get_one (redirect2->headers, "Location"), "code");
  g_free (body);
  body = g_strdup_printf ("{\"client_id\":\"%s\",\"grant_type\":\"authorization_code\","
                          "\"code\":\"%s\",\"redirect_uri\":\"%s\",\"code_verifier\":\"%s\"}",
                          f->app_id, code2, REDIRECT, verifier);
  right = token (f, body);
  g_assert_cmpuint (right->status, ==, 200);
  g_assert_cmpstr (sbt_str (sbt_root (right), "email"), ==, "pkce@acme.example");
  /* Online access: no refresh token. */
  g_assert_false (json_object_has_member (sbt_root (right), "refresh_token"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sandbox/connect/consent-and-exchange", Fixture, NULL, fixture_setup,
              test_consent_and_exchange, fixture_teardown);
  g_test_add ("/sandbox/connect/oauth-errors", Fixture, NULL, fixture_setup, test_oauth_errors,
              fixture_teardown);
  g_test_add ("/sandbox/connect/auth-checks", Fixture, NULL, fixture_setup, test_auth_checks,
              fixture_teardown);
  g_test_add ("/sandbox/connect/pkce-and-auto-consent", Fixture, NULL, fixture_setup,
              test_pkce_and_auto_consent, fixture_teardown);

  return g_test_run ();
}
