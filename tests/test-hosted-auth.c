/* test-hosted-auth.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nyl-api-error.h"
#include "nyl-hosted-auth.h"

#define BASE "https://api.us.nylas.com"

static char *
build (const NylHostedAuthParams *params)
{
  g_autoptr(GError) error = NULL;
  char *url = nyl_hosted_auth_build_url (BASE, params, &error);

  g_assert_no_error (error);
  g_assert_nonnull (url);

  return url;
}

/* The query of @url as a name → value table, percent-decoded. */
static GHashTable *
parse_query (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *params;

  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED_QUERY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_uri_get_scheme (uri), ==, "https");
  g_assert_cmpstr (g_uri_get_host (uri), ==, "api.us.nylas.com");
  g_assert_cmpstr (g_uri_get_path (uri), ==, "/v3/connect/auth");

  params = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, &error);
  g_assert_no_error (error);

  return params;
}

static void
test_minimal (void)
{
  NylHostedAuthParams params = {
    .client_id = "ad410018-d306-43f9-8361-fa5d7b2172e0",
    .redirect_uri = "http://127.0.0.1:43123/callback",
  };
  g_autofree char *url = build (&params);

  g_assert_cmpstr (url, ==,
                   BASE "/v3/connect/auth?client_id=ad410018-d306-43f9-8361-fa5d7b2172e0"
                   "&redirect_uri=http%3A%2F%2F127.0.0.1%3A43123%2Fcallback&response_type=code");
}

static void
test_every_parameter_escaped (void)
{
  const char * const scopes[] = {
    "https://www.googleapis.com/auth/gmail.readonly", "openid", "a&b=c", NULL,
  };
  NylHostedAuthParams params = {
    .client_id = "id with space&x=1",
    .redirect_uri = "https://example.com/cb?next=/home&lang=fr#frag",
    .response_type = "adminconsent",
    .provider = "google,microsoft",
    .scopes = scopes,
    .prompt = "select_provider,detect",
    .state = "s t+a/t?e=%41&\xc3\xa9",
    .login_hint = "user+tag@example.com",
    .credential_id = "cred/1?",
    .access_type = "offline",
    .code_challenge = "abc+/=",
    .code_challenge_method = "S256",
    .options = "exclude_google_granted_scopes",
    .include_grant_scopes = TRUE,
  };
  g_autofree char *url = build (&params);
  g_autoptr(GHashTable) query = parse_query (url);
  const char *q = strchr (url, '?');

  /* Only unreserved characters, '%', '&' and '=' appear raw in the query. */
  for (const char *p = q + 1; *p != '\0'; p++)
    g_assert_true (g_ascii_isalnum (*p) || strchr ("-._~%&=", *p) != NULL);

  g_assert_cmpuint (g_hash_table_size (query), ==, 14);
  g_assert_cmpstr (g_hash_table_lookup (query, "client_id"), ==, params.client_id);
  g_assert_cmpstr (g_hash_table_lookup (query, "redirect_uri"), ==, params.redirect_uri);
  g_assert_cmpstr (g_hash_table_lookup (query, "response_type"), ==, "adminconsent");
  g_assert_cmpstr (g_hash_table_lookup (query, "provider"), ==, "google,microsoft");
  g_assert_cmpstr (g_hash_table_lookup (query, "scope"), ==,
                   "https://www.googleapis.com/auth/gmail.readonly openid a&b=c");
  g_assert_cmpstr (g_hash_table_lookup (query, "prompt"), ==, "select_provider,detect");
  g_assert_cmpstr (g_hash_table_lookup (query, "state"), ==, params.state);
  g_assert_cmpstr (g_hash_table_lookup (query, "login_hint"), ==, "user+tag@example.com");
  g_assert_cmpstr (g_hash_table_lookup (query, "credential_id"), ==, "cred/1?");
  g_assert_cmpstr (g_hash_table_lookup (query, "access_type"), ==, "offline");
  g_assert_cmpstr (g_hash_table_lookup (query, "code_challenge"), ==, "abc+/=");
  g_assert_cmpstr (g_hash_table_lookup (query, "code_challenge_method"), ==, "S256");
  g_assert_cmpstr (g_hash_table_lookup (query, "options"), ==, "exclude_google_granted_scopes");
  g_assert_cmpstr (g_hash_table_lookup (query, "include_grant_scopes"), ==, "true");

  /* Spaces are %20 (never '+'), '+' is %2B, non-ASCII is percent-encoded UTF-8. */
  g_assert_nonnull (strstr (url, "&state=s%20t%2Ba%2Ft%3Fe%3D%2541%26%C3%A9&"));
  g_assert_nonnull (strstr (url, "&login_hint=user%2Btag%40example.com&"));
  g_assert_nonnull (strstr (url, "&scope=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fgmail.readonly"
                                 "%20openid%20a%26b%3Dc&"));
}

static void
test_optional_left_out (void)
{
  const char * const no_scopes[] = { NULL };
  NylHostedAuthParams params = {
    .client_id = "c",
    .redirect_uri = "r",
    .scopes = no_scopes,
    .code_challenge_method = "plain",   /* ignored without a challenge */
  };
  g_autofree char *url = build (&params);
  g_autoptr(GHashTable) query = parse_query (url);

  g_assert_cmpuint (g_hash_table_size (query), ==, 3);
  g_assert_false (g_hash_table_contains (query, "scope"));
  g_assert_false (g_hash_table_contains (query, "code_challenge_method"));
  g_assert_false (g_hash_table_contains (query, "include_grant_scopes"));
}

static void
test_base_trailing_slash (void)
{
  NylHostedAuthParams params = { .client_id = "c", .redirect_uri = "r" };
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  url = nyl_hosted_auth_build_url ("https://api.eu.nylas.com/", &params, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (url, "https://api.eu.nylas.com/v3/connect/auth?client_id=c&"));

  /* A loopback sandbox on a port. */
  g_clear_pointer (&url, g_free);
  url = nyl_hosted_auth_build_url ("http://127.0.0.1:4010", &params, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (url, "http://127.0.0.1:4010/v3/connect/auth?"));
}

static void
assert_invalid (const char                *base,
                const NylHostedAuthParams *params,
                const char                *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = nyl_hosted_auth_build_url (base, params, &error);

  g_assert_null (url);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_assert_nonnull (strstr (error->message, fragment));
}

static void
test_required_fields (void)
{
  NylHostedAuthParams no_client = { .redirect_uri = "r" };
  NylHostedAuthParams empty_client = { .client_id = "", .redirect_uri = "r" };
  NylHostedAuthParams no_redirect = { .client_id = "c" };
  NylHostedAuthParams empty_redirect = { .client_id = "c", .redirect_uri = "" };
  NylHostedAuthParams fine = { .client_id = "c", .redirect_uri = "r" };

  assert_invalid (BASE, &no_client, "client");
  assert_invalid (BASE, &empty_client, "client");
  assert_invalid (BASE, &no_redirect, "redirect URI");
  assert_invalid (BASE, &empty_redirect, "redirect URI");
  assert_invalid ("not a url", &fine, "not a valid API address");
  assert_invalid (BASE "?x=1", &fine, "not a valid API address");
}

static void
test_state_length (void)
{
  g_autofree char *ascii_256 = g_strnfill (256, 's');
  g_autofree char *ascii_257 = g_strnfill (257, 's');
  g_autoptr(GString) accented_256 = g_string_new (NULL);
  NylHostedAuthParams params = { .client_id = "c", .redirect_uri = "r" };

  for (int i = 0; i < 256; i++)
    g_string_append (accented_256, "\xc3\xa9");

  params.state = ascii_256;
  g_free (build (&params));

  /* 256 characters, 512 bytes: the limit counts characters. */
  params.state = accented_256->str;
  g_free (build (&params));

  params.state = ascii_257;
  assert_invalid (BASE, &params, "256");
}

static void
test_challenge_default_method (void)
{
  g_autofree char *challenge = nyl_pkce_challenge ("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
  NylHostedAuthParams params = {
    .client_id = "c",
    .redirect_uri = "r",
    .code_challenge = challenge,
  };
  g_autofree char *url = build (&params);
  g_autoptr(GHashTable) query = parse_query (url);

  /* As the Nylas SDK sends it (nylas-api.md §8.1). */
  g_assert_cmpstr (g_hash_table_lookup (query, "code_challenge_method"), ==, "s256");
  g_assert_cmpstr (g_hash_table_lookup (query, "code_challenge"), ==, challenge);
}

static void
test_pkce_verifier (void)
{
  g_autofree char *first = nyl_pkce_new_verifier ();
  g_autofree char *second = nyl_pkce_new_verifier ();
  const char *both[] = { first, second };

  g_assert_cmpstr (first, !=, second);

  for (gsize i = 0; i < G_N_ELEMENTS (both); i++)
    {
      gsize length = strlen (both[i]);

      /* RFC 7636 §4.1 */
      g_assert_cmpuint (length, >=, 43);
      g_assert_cmpuint (length, <=, 128);
      for (const char *p = both[i]; *p != '\0'; p++)
        g_assert_true (g_ascii_isalnum (*p) || strchr ("-._~", *p) != NULL);
    }
}

static void
test_pkce_challenge (void)
{
  /* RFC 7636 Appendix B's verifier, through the SDK transform of nylas-api.md §8.1:
   * base64 (hex (SHA-256 (verifier))) without '=' padding. */
  const char *verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  g_autofree char *challenge = nyl_pkce_challenge (verifier);
  g_autofree char *padded = NULL;
  g_autofree guchar *decoded = NULL;
  gsize decoded_len = 0;

  g_assert_cmpstr (challenge, ==,
                   "MTNkMzFlOTYxYTFhZDhlYzJmMTZiMTBjNGM5ODJlMDg3NmE4NzhhZDZkZjE0NDU2NmVlMTg5NGFj"
                   "YjcwZjljMw");
  g_assert_null (strchr (challenge, '='));

  /* It is not RFC 7636's base64url of the raw digest... */
  g_assert_cmpstr (challenge, !=, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");

  /* ...but carries the same digest (Appendix B's bytes 19 211 30 150 ...) in hex. */
  padded = g_strconcat (challenge, "==", NULL);
  decoded = g_base64_decode (padded, &decoded_len);
  g_assert_cmpmem (decoded, decoded_len,
                   "13d31e961a1ad8ec2f16b10c4c982e0876a878ad6df144566ee1894acb70f9c3", 64);

  /* Deterministic, and different for a different verifier. */
  {
    g_autofree char *again = nyl_pkce_challenge (verifier);
    g_autofree char *other = nyl_pkce_challenge ("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXK");

    g_assert_cmpstr (again, ==, challenge);
    g_assert_cmpstr (other, !=, challenge);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/api/hosted-auth/minimal", test_minimal);
  g_test_add_func ("/api/hosted-auth/every-parameter-escaped", test_every_parameter_escaped);
  g_test_add_func ("/api/hosted-auth/optional-left-out", test_optional_left_out);
  g_test_add_func ("/api/hosted-auth/base-trailing-slash", test_base_trailing_slash);
  g_test_add_func ("/api/hosted-auth/required-fields", test_required_fields);
  g_test_add_func ("/api/hosted-auth/state-length", test_state_length);
  g_test_add_func ("/api/hosted-auth/challenge-default-method", test_challenge_default_method);
  g_test_add_func ("/api/pkce/verifier", test_pkce_verifier);
  g_test_add_func ("/api/pkce/challenge", test_pkce_challenge);

  return g_test_run ();
}
