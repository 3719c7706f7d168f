/* test-envelopes.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "nyl-api-error.h"
#include "nyl-response-private.h"

/* Every envelope and error shape of nylas-api.md §1.3, §1.4 and §11, through
 * the one function that turns an HTTP exchange into a result. */

static GBytes *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "envelopes", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, len);
}

static NylResponse *
parse (guint        status,
       const char  *header_request_id,
       const char  *fixture,
       GError     **error)
{
  g_autoptr(GBytes) body = load_fixture (fixture);

  return _nyl_response_new_from_exchange (status, header_request_id, body, NULL, NULL, error);
}

static NylResponse *
parse_text (guint        status,
            const char  *text,
            const char  *other_region,
            GError     **error)
{
  g_autoptr(GBytes) body = g_bytes_new (text, strlen (text));

  return _nyl_response_new_from_exchange (status, NULL, body, NULL, other_region, error);
}

static void
test_wrapped_object (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NylResponse) response = parse (200, "header-id", "application.json", &error);
  JsonObject *object;

  g_assert_no_error (error);
  g_assert_cmpuint (nyl_response_get_status (response), ==, 200);
  /* The body's request_id wins over the header. */
  g_assert_cmpstr (nyl_response_get_request_id (response), ==, "req-123");

  object = nyl_response_get_object (response);
  g_assert_nonnull (object);
  g_assert_cmpstr (json_object_get_string_member (object, "application_id"), ==,
                   "ad410018-d306-43f9-8361-fa5d7b2172e0");
  g_assert_cmpstr (json_object_get_string_member (object, "region"), ==, "us");
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (object, "branding"), "name"), ==,
                   "My application");
  g_assert_null (nyl_response_get_items (response));
  g_assert_null (nyl_response_get_next_cursor (response));
  g_assert_cmpint (nyl_response_get_limit (response), ==, -1);
  g_assert_cmpint (nyl_response_get_offset (response), ==, -1);
}

static void
test_bare_object (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NylResponse) response = parse (200, "hdr-7", "api-key-create-bare.json", &error);
  JsonObject *object;

  g_assert_no_error (error);
  /* No request_id in the body: the x-request-id header stands in. */
  g_assert_cmpstr (nyl_response_get_request_id (response), ==, "hdr-7");

  object = nyl_response_get_object (response);
  g_assert_nonnull (object);
  g_assert_true (nyl_response_get_data (response) == nyl_response_get_root (response));
  g_assert_cmpstr (json_object_get_string_member (object, "api_key"), ==, "{{API_KEY_VALUE}}");
  g_assert_cmpint (json_object_get_int_member (object, "expires_at"), ==, 1753300766);
}

static void
test_wrapped_api_key (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NylResponse) response = parse (200, NULL, "api-key-create-wrapped.json", &error);
  JsonObject *object;

  g_assert_no_error (error);
  g_assert_cmpstr (nyl_response_get_request_id (response), ==,
                   "5fa64c92-e840-4357-86b9-2aa364d35b88");
  object = nyl_response_get_object (response);
  g_assert_cmpstr (json_object_get_string_member (object, "api_key"), ==, "{{API_KEY_VALUE}}");
  g_assert_false (json_object_has_member (object, "request_id"));
}

static void
test_token_bare (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NylResponse) response = parse (200, NULL, "token-exchange.json", &error);

  g_assert_no_error (error);
  g_assert_null (nyl_response_get_request_id (response));
  g_assert_cmpstr (json_object_get_string_member (nyl_response_get_object (response), "grant_id"),
                   ==, "e19f8e1a-eb1c-41c0-b6a6-d2e59daf7f47");
}

static void
test_offset_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NylResponse) response = parse (200, NULL, "grants-offset-list.json", &error);
  JsonArray *items;

  g_assert_no_error (error);
  items = nyl_response_get_items (response);
  g_assert_nonnull (items);
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0),
                                                  "email"), ==, "email@example.com");
  g_assert_cmpint (nyl_response_get_limit (response), ==, 10);
  g_assert_cmpint (nyl_response_get_offset (response), ==, 0);
  g_assert_null (nyl_response_get_next_cursor (response));
  g_assert_null (nyl_response_get_object (response));
}

static void
test_cursor_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NylResponse) response = parse (200, NULL, "domains-cursor-list.json", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (nyl_response_get_items (response)), ==, 1);
  g_assert_cmpstr (nyl_response_get_next_cursor (response), ==, "domains-cursor-2");
  g_assert_cmpint (nyl_response_get_limit (response), ==, -1);
}

static void
test_nested_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NylResponse) response = parse (200, NULL, "webhooks-nested-list.json", &error);
  JsonArray *items;

  g_assert_no_error (error);
  items = nyl_response_get_items (response);
  g_assert_nonnull (items);
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "id"),
                   ==, "UMWjAjMeWQ4D8gYF2moonK4486");
  g_assert_cmpstr (nyl_response_get_next_cursor (response), ==, "cursor-page-2");
  g_assert_cmpstr (nyl_response_get_request_id (response), ==, "req-webhooks-1");
}

static void
test_success_envelope (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NylResponse) response = parse (200, NULL, "success-envelope.json", &error);
  JsonArray *items;

  g_assert_no_error (error);
  g_assert_null (nyl_response_get_request_id (response));
  items = nyl_response_get_items (response);
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0),
                                                  "platform"), ==, "web");
}

static void
test_deletes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NylResponse) plain = parse (200, NULL, "delete.json", &error);
  g_autoptr(NylResponse) webhook = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (nyl_response_get_request_id (plain), ==, "req-delete-1");
  g_assert_null (nyl_response_get_data (plain));
  g_assert_nonnull (nyl_response_get_root (plain));

  webhook = parse (200, NULL, "webhook-delete.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nyl_response_get_request_id (webhook), ==, "req-delete-2");
  g_assert_cmpstr (json_object_get_string_member (nyl_response_get_object (webhook), "status"),
                   ==, "success");
}

static void
test_webhook_secret_and_notification (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NylResponse) created = parse (200, NULL, "webhook-create.json", &error);
  g_autoptr(NylResponse) notification = NULL;
  JsonObject *object;

  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (nyl_response_get_object (created),
                                                  "webhook_secret"), ==, "41dD3-nXTUfebYuk81Gr");

  /* A CloudEvents notification has a data member of its own. */
  notification = parse (200, NULL, "notification-grant-created.json", &error);
  g_assert_no_error (error);
  object = json_object_get_object_member (nyl_response_get_object (notification), "object");
  g_assert_cmpstr (json_object_get_string_member (object, "grant_id"), ==, "NYLAS_GRANT_ID");
}

static void
test_empty_success (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NylResponse) empty = parse_text (200, "", NULL, &error);
  g_autoptr(NylResponse) empty_object = NULL;

  g_assert_no_error (error);
  g_assert_null (nyl_response_get_root (empty));
  g_assert_null (nyl_response_get_data (empty));

  /* /v3/connect/revoke answers 200 with an empty object. */
  empty_object = parse_text (200, "{}", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (nyl_response_get_data (empty_object));
}

static void
test_api_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NylResponse) response = parse (400, "header-id", "error-api.json", &error);

  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  /* Nylas's own message is what the user gets to read. */
  g_assert_cmpstr (error->message, ==, "Invalid request");
  g_assert_nonnull (response);
  g_assert_cmpuint (nyl_response_get_status (response), ==, 400);
  g_assert_cmpstr (nyl_response_get_request_id (response), ==, "abc123");
  g_assert_cmpstr (nyl_response_get_error_type (response), ==, "invalid_request_error");
  g_assert_null (nyl_response_get_data (response));
}

static void
test_provider_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NylResponse) response = parse (401, NULL, "error-provider.json", &error);

  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (error->message, "Authentication error"));
  g_assert_cmpstr (nyl_response_get_request_id (response), ==,
                   "5967ca40-a2d8-4ee0-a0e0-6f18ace39a90");
}

static void
test_oauth_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NylResponse) numeric = parse (400, "hdr-oauth", "error-oauth.json", &error);
  g_autoptr(NylResponse) string_code = NULL;

  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_assert_cmpstr (error->message, ==, "Missing required parameter: code");
  g_assert_cmpstr (nyl_response_get_error_type (numeric), ==, "invalid_request");
  g_assert_cmpstr (nyl_response_get_request_id (numeric), ==, "hdr-oauth");
  g_clear_error (&error);

  /* error_code as a string ([SPEC]) is read just as well. */
  string_code = parse (400, NULL, "error-oauth-string-code.json", &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_assert_cmpstr (error->message, ==, "The code has already been used");
  g_assert_cmpstr (nyl_response_get_error_type (string_code), ==, "invalid_grant");
}

static void
test_status_codes (void)
{
  static const struct
  {
    guint status;
    NylApiError code;
  } cases[] = {
    { 400, NYL_API_ERROR_INVALID_REQUEST },
    { 401, NYL_API_ERROR_UNAUTHORIZED },
    { 403, NYL_API_ERROR_FORBIDDEN },
    { 404, NYL_API_ERROR_NOT_FOUND },
    { 405, NYL_API_ERROR_INVALID_REQUEST },
    { 409, NYL_API_ERROR_CONFLICT },
    { 422, NYL_API_ERROR_INVALID_REQUEST },
    { 423, NYL_API_ERROR_FORBIDDEN },
    { 429, NYL_API_ERROR_RATE_LIMITED },
    { 500, NYL_API_ERROR_SERVER },
    { 502, NYL_API_ERROR_SERVER },
    { 503, NYL_API_ERROR_SERVER },
    { 504, NYL_API_ERROR_SERVER },
    { 302, NYL_API_ERROR_SERVER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NylResponse) response = NULL;
      g_autofree char *body = NULL;
      g_autofree char *expected_id = g_strdup_printf ("req-%u", cases[i].status);

      body = g_strdup_printf ("{\"request_id\":\"req-%u\",\"error\":{\"type\":\"x\","
                              "\"message\":\"detail %u\"}}", cases[i].status, cases[i].status);
      response = parse_text (cases[i].status, body, NULL, &error);

      g_test_message ("HTTP %u", cases[i].status);
      g_assert_error (error, NYL_API_ERROR, (int)cases[i].code);
      g_assert_nonnull (response);
      g_assert_cmpuint (nyl_response_get_status (response), ==, cases[i].status);
      g_assert_cmpstr (nyl_response_get_request_id (response), ==, expected_id);
      g_assert_cmpstr (nyl_response_get_error_type (response), ==, "x");
    }
}

static void
test_error_without_body (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(NylResponse) response = NULL;

  response = _nyl_response_new_from_exchange (404, "hdr-404", empty, NULL, NULL, &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_NOT_FOUND);
  g_assert_cmpstr (nyl_response_get_request_id (response), ==, "hdr-404");
}

static void
test_wrong_region_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NylResponse) eu = parse_text (401, "{\"request_id\":\"r\"}", "eu", &error);
  g_autoptr(NylResponse) none = NULL;

  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (error->message, "EU region"));
  g_clear_error (&error);

  none = parse_text (401, "{\"request_id\":\"r\"}", NULL, &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_UNAUTHORIZED);
  g_assert_null (strstr (error->message, "region"));
}

/* send-test-event answers {request_id, data: "success"} (nylas-api.md §9.1): a scalar payload,
 * neither an object nor a list. */
static void
test_scalar_data (void)
{
  static const char * const bodies[] = {
    "{\"data\": 5}",
    "{\"data\": \"text\"}",
    "{\"success\": true, \"data\": true}",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(NylResponse) response = parse (200, "header-id", "test-event.json", &error);
  JsonNode *data;

  g_assert_no_error (error);
  g_assert_nonnull (response);
  g_assert_cmpstr (nyl_response_get_request_id (response), ==, "req-test-event-1");
  data = nyl_response_get_data (response);
  g_assert_nonnull (data);
  g_assert_cmpstr (json_node_get_string (data), ==, "success");
  g_assert_null (nyl_response_get_object (response));
  g_assert_null (nyl_response_get_items (response));
  g_assert_null (nyl_response_get_next_cursor (response));

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(NylResponse) scalar = parse_text (200, bodies[i], NULL, &local_error);

      g_test_message ("body: %s", bodies[i]);
      g_assert_no_error (local_error);
      g_assert_nonnull (nyl_response_get_data (scalar));
      g_assert_true (JSON_NODE_HOLDS_VALUE (nyl_response_get_data (scalar)));
      g_assert_null (nyl_response_get_object (scalar));
      g_assert_null (nyl_response_get_items (scalar));
    }
}

static void
test_malformed (void)
{
  static const char * const bodies[] = {
    "{not json",
    "{\"request_id\":\"x\",\"data\":{\"id\":\"abc\",\"name\":\"trunc",   /* truncated */
    "[1, 2, 3]",                                                  /* not an object */
    "\"just a string\"",
    "{\"data\": {\"items\": 3}}",                                 /* items not a list */
    "{\"data\": {\"items\": \"text\"}}",
    "{\"data\": {\"items\": [], \"next_cursor\": 5}}",            /* nested cursor not a string */
    "{\"data\": [], \"next_cursor\": 7}",                         /* cursor not a string */
    "{\"data\": [], \"limit\": \"ten\"}",
    "{\"data\": [], \"offset\": 1.5}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NylResponse) response = parse_text (200, bodies[i], NULL, &error);

      g_test_message ("body: %s", bodies[i]);
      g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE);
      g_assert_nonnull (response);
    }
}

static void
test_non_json_error_body (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NylResponse) gateway = NULL;
  g_autoptr(NylResponse) throttled = NULL;
  g_autoptr(NylResponse) array = NULL;

  gateway = parse_text (502, "<html><body>Bad gateway</body></html>", NULL, &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "502"));
  g_assert_cmpuint (nyl_response_get_status (gateway), ==, 502);
  g_clear_error (&error);

  array = parse_text (400, "[\"no\"]", NULL, &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE);
  g_clear_error (&error);

  /* A throttled answer is a rate limit, whatever its body. */
  throttled = parse_text (429, "Too Many Requests", NULL, &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_RATE_LIMITED);
}

static void
test_transport_errors (void)
{
  static const struct
  {
    GQuark domain;
    int code;
    NylApiError expected;
  } cases[] = {
    { 0, G_IO_ERROR_CONNECTION_REFUSED, NYL_API_ERROR_NETWORK },
    { 0, G_IO_ERROR_TIMED_OUT, NYL_API_ERROR_NETWORK },
    { 0, G_IO_ERROR_PARTIAL_INPUT, NYL_API_ERROR_NETWORK },
    { 0, G_IO_ERROR_MESSAGE_TOO_LARGE, NYL_API_ERROR_BODY_TOO_LARGE },
    { 1, G_TLS_ERROR_BAD_CERTIFICATE, NYL_API_ERROR_TLS },
    { 1, G_TLS_ERROR_HANDSHAKE, NYL_API_ERROR_TLS },
    { 2, G_RESOLVER_ERROR_NOT_FOUND, NYL_API_ERROR_NETWORK },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) transport = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(NylResponse) response = NULL;
      GQuark domain = cases[i].domain == 0 ? G_IO_ERROR :
                      cases[i].domain == 1 ? G_TLS_ERROR : G_RESOLVER_ERROR;

      transport = g_error_new_literal (domain, cases[i].code, "low-level detail");

      /* No response at all ... */
      response = _nyl_response_new_from_exchange (0, NULL, NULL, transport, NULL, &error);
      g_assert_null (response);
      g_assert_error (error, NYL_API_ERROR, (int)cases[i].expected);
      g_clear_error (&error);

      /* ... or a status and headers, then a failure reading the body. */
      response = _nyl_response_new_from_exchange (200, "hdr-t", NULL, transport, NULL, &error);
      g_assert_nonnull (response);
      g_assert_cmpstr (nyl_response_get_request_id (response), ==, "hdr-t");
      g_assert_error (error, NYL_API_ERROR, (int)cases[i].expected);
    }
}

static void
test_cancellation_not_mapped (void)
{
  g_autoptr(GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "x");
  g_autoptr(GError) error = NULL;
  g_autoptr(NylResponse) response = NULL;

  response = _nyl_response_new_from_exchange (0, NULL, NULL, cancelled, NULL, &error);
  g_assert_null (response);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/envelopes/wrapped-object", test_wrapped_object);
  g_test_add_func ("/envelopes/bare-object", test_bare_object);
  g_test_add_func ("/envelopes/wrapped-api-key", test_wrapped_api_key);
  g_test_add_func ("/envelopes/token-bare", test_token_bare);
  g_test_add_func ("/envelopes/offset-list", test_offset_list);
  g_test_add_func ("/envelopes/cursor-list", test_cursor_list);
  g_test_add_func ("/envelopes/nested-list", test_nested_list);
  g_test_add_func ("/envelopes/success-envelope", test_success_envelope);
  g_test_add_func ("/envelopes/deletes", test_deletes);
  g_test_add_func ("/envelopes/webhook-secret-and-notification",
                   test_webhook_secret_and_notification);
  g_test_add_func ("/envelopes/empty-success", test_empty_success);
  g_test_add_func ("/envelopes/scalar-data", test_scalar_data);
  g_test_add_func ("/envelopes/error/api", test_api_error);
  g_test_add_func ("/envelopes/error/provider", test_provider_error);
  g_test_add_func ("/envelopes/error/oauth", test_oauth_error);
  g_test_add_func ("/envelopes/error/status-codes", test_status_codes);
  g_test_add_func ("/envelopes/error/no-body", test_error_without_body);
  g_test_add_func ("/envelopes/error/wrong-region", test_wrong_region_message);
  g_test_add_func ("/envelopes/error/malformed", test_malformed);
  g_test_add_func ("/envelopes/error/non-json", test_non_json_error_body);
  g_test_add_func ("/envelopes/error/transport", test_transport_errors);
  g_test_add_func ("/envelopes/error/cancellation", test_cancellation_not_mapped);

  return g_test_run ();
}
