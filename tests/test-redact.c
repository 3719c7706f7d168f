/* test-redact.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "nyl-redact.h"

static void
check (const char *line,
       const char *expected)
{
  g_autofree char *redacted = nyl_redact_log_line (line);

  g_assert_cmpstr (redacted, ==, expected);
}

static void
test_headers (void)
{
  check ("Authorization: Bearer nyk_v0_secretsecret", "Authorization: [REDACTED]");
  check ("authorization:Bearer x", "authorization: [REDACTED]");
  check ("X-Nylas-Signature: ZFxBCqCc/NtkrhQ==", "X-Nylas-Signature: [REDACTED]");
  check ("x-nylas-signature: abc", "x-nylas-signature: [REDACTED]");
  check ("Proxy-Authorization: Basic dXNlcjpwYXNz", "Proxy-Authorization: [REDACTED]");
  check ("Set-Cookie: session=abc", "Set-Cookie: [REDACTED]");

  /* What helps debugging stays. */
  check ("X-Nylas-Kid: test-key-id-0001", "X-Nylas-Kid: test-key-id-0001");
  check ("X-Nylas-Nonce: AbCdEfGhIjKlMnOpQrSt", "X-Nylas-Nonce: AbCdEfGhIjKlMnOpQrSt");
  check ("Accept: application/json", "Accept: application/json");
  check ("x-request-id: 5967ca40", "x-request-id: 5967ca40");
  check ("POST /v3/webhooks HTTP/1.1", "POST /v3/webhooks HTTP/1.1");
}

static void
test_json_members (void)
{
  check ("{\"api_key\":\"nyk_v0_abc\",\"name\":\"k\"}",
         "{\"api_key\":\"[REDACTED]\",\"name\":\"k\"}");
  check ("{\"webhook_secret\": \"41dD3-nXTUfebYuk81Gr\", \"id\": \"w1\"}",
         "{\"webhook_secret\": \"[REDACTED]\", \"id\": \"w1\"}");
  check ("{\"settings\":{\"client_id\":\"cid\",\"client_secret\":\"cs\"}}",
         "{\"settings\":{\"client_id\":\"cid\",\"client_secret\":\"[REDACTED]\"}}");
  check ("\"private_key\" : \"-----BEGIN RSA PRIVATE KEY-----\\nMIIE\\n-----END\\n\",",
         "\"private_key\" : \"[REDACTED]\",");
  /* Escaped quotes inside the secret do not end it early. */
  check ("{\"client_secret\":\"a\\\"b\\\\\",\"x\":1}",
         "{\"client_secret\":\"[REDACTED]\",\"x\":1}");
  /* Several secrets in one body. */
  check ("{\"access_token\":\"at\",\"refresh_token\":\"rt\",\"id_token\":\"it\",\"email\":\"e\"}",
         "{\"access_token\":\"[REDACTED]\",\"refresh_token\":\"[REDACTED]\","
         "\"id_token\":\"[REDACTED]\",\"email\":\"e\"}");
  check ("{\"imap_password\":\"hunter2\",\"imap_username\":\"me\"}",
         "{\"imap_password\":\"[REDACTED]\",\"imap_username\":\"me\"}");
  /* A body cut short by the logger, in the middle of a secret. */
  check ("{\"name\":\"k\",\"api_key\":\"nyk_v0_abcdef",
         "{\"name\":\"k\",\"api_key\":\"[REDACTED]\"");
  check ("{\"api_key\":\"nyk\\", "{\"api_key\":\"[REDACTED]\"");
  /* Names that merely contain a secret's name, and non-string values, stay. */
  check ("{\"api_key_id\":\"k1\",\"api_key\":null}", "{\"api_key_id\":\"k1\",\"api_key\":null}");
  check ("{\"has_client_secret\":true}", "{\"has_client_secret\":true}");
}

static void
test_query_and_form (void)
{
  check ("POST /v3/connect/revoke?token=abc.def HTTP/1.1",
         "POST /v3/connect/revoke?token=[REDACTED] HTTP/1.1");
  check ("GET /v3/connect/tokeninfo?access_token=xyz&x=1 HTTP/1.1",
         "GET /v3/connect/tokeninfo?access_token=[REDACTED]&x=1 HTTP/1.1");
  check ("client_id=abc&client_secret=s3cr3t&grant_type=authorization_code&code=c0de",
         "client_id=abc&client_secret=[REDACTED]&grant_type=authorization_code&code=[REDACTED]");
  check ("GET /v3/grants?limit=200&offset=0 HTTP/1.1",
         "GET /v3/grants?limit=200&offset=0 HTTP/1.1");
}

static void
test_edge_cases (void)
{
  check ("", "");
  check ("plain text", "plain text");
  /* What cannot be checked is not logged. */
  check ("\xff\xfe api_key", "[REDACTED]");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/redact/headers", test_headers);
  g_test_add_func ("/redact/json-members", test_json_members);
  g_test_add_func ("/redact/query-and-form", test_query_and_form);
  g_test_add_func ("/redact/edge-cases", test_edge_cases);

  return g_test_run ();
}
