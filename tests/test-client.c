/* test-client.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "nyl-api-error.h"
#include "nyl-client.h"
#include "nyl-page-iterator.h"
#include "nyl-service-account.h"

/* NylClient against loopback SoupServers on port 0. The client runs async in
 * the same thread as the servers. */

/* A loopback server that records every request --------------------------- */

typedef struct
{
  char               *method;
  char               *path;
  GHashTable         *params;
  SoupMessageHeaders *headers;
  char               *body;
} Recorded;

static void
recorded_free (Recorded *r)
{
  g_free (r->method);
  g_free (r->path);
  g_clear_pointer (&r->params, g_hash_table_unref);
  soup_message_headers_unref (r->headers);
  g_free (r->body);
  g_free (r);
}

typedef struct _Server Server;
typedef void (*Responder) (Server *server, SoupServerMessage *msg, Recorded *request);

struct _Server
{
  SoupServer *soup;
  char       *url;
  GPtrArray  *requests;
  Responder   respond;
  gpointer    data;
  GPtrArray  *paused;
};

static void
server_handler (SoupServer        *soup,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  Server *server = user_data;
  Recorded *r = g_new0 (Recorded, 1);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  const char *raw_query = g_uri_get_query (soup_server_message_get_uri (msg));

  r->method = g_strdup (soup_server_message_get_method (msg));
  r->path = g_strdup (path);
  r->params = raw_query ? g_uri_parse_params (raw_query, -1, "&", G_URI_PARAMS_NONE, NULL) : NULL;
  r->headers = soup_message_headers_ref (soup_server_message_get_request_headers (msg));
  r->body = g_strndup (body->data, body->length);
  g_ptr_array_add (server->requests, r);

  server->respond (server, msg, r);
}

static Server *
server_new (Responder respond,
            gpointer  data)
{
  Server *server = g_new0 (Server, 1);
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;

  server->soup = soup_server_new (NULL, NULL);
  server->requests = g_ptr_array_new_with_free_func ((GDestroyNotify)recorded_free);
  server->paused = g_ptr_array_new_with_free_func (g_object_unref);
  server->respond = respond;
  server->data = data;
  soup_server_add_handler (server->soup, NULL, server_handler, server, NULL);
  soup_server_listen_local (server->soup, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (server->soup);
  server->url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));

  return server;
}

static void
server_free (Server *server)
{
  gint64 end;

  for (guint i = 0; i < server->paused->len; i++)
    soup_server_message_unpause (g_ptr_array_index (server->paused, i));

  soup_server_disconnect (server->soup);
  g_object_unref (server->soup);

  end = g_get_monotonic_time () + 100 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  g_ptr_array_unref (server->paused);
  g_ptr_array_unref (server->requests);
  g_free (server->url);
  g_free (server);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Server, server_free)

static Recorded *
server_request (Server *server,
                guint   i)
{
  g_assert_cmpuint (i, <, server->requests->len);
  return g_ptr_array_index (server->requests, i);
}

static void
reply (SoupServerMessage *msg,
       guint              status,
       const char        *json)
{
  soup_server_message_set_status (msg, status, NULL);
  if (json != NULL)
    soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                      json, strlen (json));
}

/* Responders */

static void
respond_data (Server            *server,
              SoupServerMessage *msg,
              Recorded          *request)
{
  reply (msg, 200, server->data ? server->data
                                : "{\"request_id\":\"req-ok\",\"data\":{\"ok\":true}}");
}

static void
respond_pause (Server            *server,
               SoupServerMessage *msg,
               Recorded          *request)
{
  /* Never answers on its own: a slow server. */
  soup_server_message_pause (msg);
  g_ptr_array_add (server->paused, g_object_ref (msg));
}

/* Running a request to completion ---------------------------------------- */

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static NylResponse *
run_full (NylClient           *client,
          const char          *method,
          const char          *path,
          const char * const  *query,
          const char          *body_json,
          NylClientAuth        auth,
          GCancellable        *cancellable,
          char               **request_id,
          GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) body = NULL;
  NylResponse *response;

  if (body_json != NULL)
    {
      body = json_from_string (body_json, NULL);
      g_assert_nonnull (body);
    }

  nyl_client_request_async (client, method, path, query, body, auth, cancellable,
                            store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  response = nyl_client_request_finish (client, result, error);

  /* The response behind a result is there on success and on failure alike. */
  if (response != NULL)
    g_assert_true (nyl_client_get_async_result_response (client, result) == response);

  if (request_id != NULL)
    *request_id = g_strdup (nyl_client_get_async_result_request_id (client, result));

  return response;
}

static NylResponse *
run (NylClient     *client,
     const char    *method,
     const char    *path,
     NylClientAuth  auth,
     GError       **error)
{
  return run_full (client, method, path, NULL, NULL, auth, NULL, NULL, error);
}

static NylClient *
client_for (Server *server)
{
  g_autoptr(GError) error = NULL;
  NylClient *client = nyl_client_new_for_url (server->url, &error);

  g_assert_no_error (error);
  nyl_client_set_api_key (client, "test-api-key");
  nyl_client_set_max_attempts (client, 1);

  return client;
}

static NylServiceAccount *
load_service_account (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "service-account",
                                                 "valid-pkcs1.json", NULL);
  g_autoptr(GError) error = NULL;
  NylServiceAccount *account = nyl_service_account_new_from_file (path, &error);

  g_assert_no_error (error);
  return account;
}

static char *
load_public_key (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "service-account",
                                                 "test-key.pub.pem", NULL);
  g_autoptr(GError) error = NULL;
  char *pem = NULL;

  g_file_get_contents (path, &pem, NULL, &error);
  g_assert_no_error (error);
  return pem;
}

/* URLs ------------------------------------------------------------------- */

static void
test_url_check (void)
{
  static const char * const accepted[] = {
    "https://api.us.nylas.com",
    "https://nylas.example.com:8443/prefix/",
    "http://127.0.0.1:8080",
    "http://127.1.2.3",
    "http://localhost:3000",
    "http://LOCALHOST",
    "http://[::1]:9000",
  };
  static const char * const insecure[] = {
    "http://api.us.nylas.com",
    "http://example.com",
    "http://10.0.0.1:8080",
    "http://192.168.1.10",
    "http://localhost.example.com",
    "http://[2001:db8::1]",
    "ftp://api.us.nylas.com",
  };
  static const char * const invalid[] = {
    "not a url",
    "https://",
    "https://user:pass@api.us.nylas.com",
    "https://api.us.nylas.com?x=1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NylClient) client = nyl_client_new_for_url (accepted[i], &error);

      g_test_message ("%s", accepted[i]);
      g_assert_no_error (error);
      g_assert_true (nyl_api_url_check (accepted[i], NULL));
      g_assert_false (g_str_has_suffix (nyl_client_get_base_url (client), "/"));
      g_assert_null (nyl_client_get_region (client));
    }

  for (guint i = 0; i < G_N_ELEMENTS (insecure); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NylClient) client = nyl_client_new_for_url (insecure[i], &error);

      g_test_message ("%s", insecure[i]);
      g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INSECURE_URL);
      g_assert_null (client);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", invalid[i]);
      g_assert_false (nyl_api_url_check (invalid[i], &error));
      g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
    }
}

static void
test_regions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NylClient) us = nyl_client_new_for_region ("us", &error);
  g_autoptr(NylClient) eu = NULL;
  g_autoptr(NylClient) ap = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (nyl_client_get_base_url (us), ==, "https://api.us.nylas.com");
  g_assert_cmpstr (nyl_client_get_region (us), ==, "us");

  eu = nyl_client_new_for_region ("eu", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nyl_client_get_base_url (eu), ==, "https://api.eu.nylas.com");

  ap = nyl_client_new_for_region ("ap", &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_assert_null (ap);
}

static void
test_insecure_no_request (void)
{
  g_autoptr(NylClient) client = NULL;
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  /* Even a client built without g_initable_init() refuses before any I/O: a
   * request to this host would otherwise fail in DNS (NETWORK), not here. */
  client = g_object_new (NYL_TYPE_CLIENT, "base-url", "http://nylas.invalid", NULL);
  nyl_client_set_api_key (client, "secret");

  response = run (client, "GET", "/v3/applications", NYL_CLIENT_AUTH_API_KEY, &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INSECURE_URL);
  g_assert_null (response);
}

/* Headers and auth modes ------------------------------------------------- */

#define WEBHOOK_BODY \
  "{\"webhook_url\":\"https://example.com/hook\",\"trigger_types\":[\"grant.created\"]}"

static void
test_api_key_headers (void)
{
  g_autoptr(Server) server = server_new (respond_data, NULL);
  g_autoptr(NylClient) client = client_for (server);
  g_autoptr(NylResponse) get = NULL;
  g_autoptr(NylResponse) post = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *user_agent = g_strdup_printf ("nylas-manager/%s", PACKAGE_VERSION);
  Recorded *r;

  get = run (client, "GET", "/v3/applications", NYL_CLIENT_AUTH_API_KEY, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_get_boolean_member (nyl_response_get_object (get), "ok"));

  r = server_request (server, 0);
  g_assert_cmpstr (r->method, ==, "GET");
  g_assert_cmpstr (r->path, ==, "/v3/applications");
  g_assert_cmpstr (soup_message_headers_get_one (r->headers, "Authorization"), ==,
                   "Bearer test-api-key");
  g_assert_cmpstr (soup_message_headers_get_one (r->headers, "Accept"), ==, "application/json");
  g_assert_cmpstr (soup_message_headers_get_one (r->headers, "User-Agent"), ==, user_agent);
  g_assert_null (soup_message_headers_get_one (r->headers, "Content-Type"));
  g_assert_null (soup_message_headers_get_one (r->headers, "X-Nylas-Signature"));
  g_assert_cmpstr (r->body, ==, "");

  post = run_full (client, "post", "/v3/webhooks", NULL, WEBHOOK_BODY,
                   NYL_CLIENT_AUTH_API_KEY, NULL, NULL, &error);
  g_assert_no_error (error);

  r = server_request (server, 1);
  g_assert_cmpstr (r->method, ==, "POST");
  g_assert_cmpstr (soup_message_headers_get_content_type (r->headers, NULL), ==,
                   "application/json");
  g_assert_cmpstr (soup_message_headers_get_one (r->headers, "Authorization"), ==,
                   "Bearer test-api-key");
  g_assert_cmpstr (r->body, ==, WEBHOOK_BODY);
}

static void
test_no_auth_headers (void)
{
  g_autoptr(Server) server = server_new (respond_data, NULL);
  g_autoptr(NylClient) client = client_for (server);
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  const char * const query[] = { "token", "access-token-value", NULL };
  Recorded *r;

  /* The API key is set, but /v3/connect calls go without it. */
  response = run_full (client, "POST", "/v3/connect/revoke", query, NULL, NYL_CLIENT_AUTH_NONE,
                       NULL, NULL, &error);
  g_assert_no_error (error);

  r = server_request (server, 0);
  g_assert_null (soup_message_headers_get_one (r->headers, "Authorization"));
  g_assert_null (soup_message_headers_get_one (r->headers, "X-Nylas-Kid"));
  g_assert_cmpstr (soup_message_headers_get_one (r->headers, "Accept"), ==, "application/json");
  g_assert_cmpstr (g_hash_table_lookup (r->params, "token"), ==, "access-token-value");
}

static void
check_signed (Recorded   *r,
              const char *public_key,
              const char *expected_path,
              const char *expected_body)
{
  const char *timestamp = soup_message_headers_get_one (r->headers, "X-Nylas-Timestamp");
  const char *nonce = soup_message_headers_get_one (r->headers, "X-Nylas-Nonce");
  const char *signature = soup_message_headers_get_one (r->headers, "X-Nylas-Signature");
  g_autofree char *envelope = NULL;
  g_autoptr(GError) error = NULL;
  guint64 ts = 0;

  g_assert_cmpstr (soup_message_headers_get_one (r->headers, "X-Nylas-Kid"), ==,
                   "test-key-id-0001");
  g_assert_nonnull (timestamp);
  g_assert_nonnull (nonce);
  g_assert_nonnull (signature);
  g_assert_cmpuint (strlen (nonce), ==, 20);
  g_assert_true (g_ascii_string_to_unsigned (timestamp, 10, 1, G_MAXINT64, &ts, NULL));
  /* Signed requests carry no bearer token. */
  g_assert_null (soup_message_headers_get_one (r->headers, "Authorization"));

  envelope = nyl_signing_envelope (r->method, expected_path, expected_body, (gint64)ts, nonce);
  g_assert_true (nyl_signature_verify (public_key, envelope, signature, &error));
  g_assert_no_error (error);
}

static void
test_signed_headers (void)
{
  g_autoptr(Server) server = server_new (respond_data, NULL);
  g_autoptr(NylClient) client = client_for (server);
  g_autoptr(NylServiceAccount) account = load_service_account ();
  g_autofree char *public_key = load_public_key ();
  g_autoptr(NylResponse) post = NULL;
  g_autoptr(NylResponse) list = NULL;
  g_autoptr(GError) error = NULL;
  const char * const query[] = { "limit", "10", NULL };
  const char *path = "/v3/admin/applications/ad410018-d306-43f9-8361-fa5d7b2172e0/api-keys";
  Recorded *r;

  nyl_client_set_service_account (client, account);

  /* Keys out of order and with whitespace: what goes on the wire is the
   * canonical JSON, byte for byte the payload that was signed. */
  post = run_full (client, "POST", path, NULL, "{ \"name\": \"example-key\", \"expires_in\": 30 }",
                   NYL_CLIENT_AUTH_SERVICE_ACCOUNT, NULL, NULL, &error);
  g_assert_no_error (error);

  r = server_request (server, 0);
  g_assert_cmpstr (r->body, ==, "{\"expires_in\":30,\"name\":\"example-key\"}");
  g_assert_cmpstr (soup_message_headers_get_content_type (r->headers, NULL), ==,
                   "application/json");
  check_signed (r, public_key, path, r->body);

  /* A GET signs the path without its query string, and no payload. */
  list = run_full (client, "GET", path, query, NULL, NYL_CLIENT_AUTH_SERVICE_ACCOUNT,
                   NULL, NULL, &error);
  g_assert_no_error (error);

  r = server_request (server, 1);
  g_assert_cmpstr (g_hash_table_lookup (r->params, "limit"), ==, "10");
  check_signed (r, public_key, path, NULL);

  /* Two requests never share a nonce. */
  g_assert_cmpstr (soup_message_headers_get_one (server_request (server, 0)->headers,
                                                 "X-Nylas-Nonce"), !=,
                   soup_message_headers_get_one (r->headers, "X-Nylas-Nonce"));
}

static void
test_missing_credentials (void)
{
  g_autoptr(Server) server = server_new (respond_data, NULL);
  g_autoptr(NylClient) client = client_for (server);
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  nyl_client_set_api_key (client, NULL);
  g_assert_false (nyl_client_has_api_key (client));

  response = run (client, "GET", "/v3/grants", NYL_CLIENT_AUTH_API_KEY, &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_NO_SECRET);
  g_clear_error (&error);

  response = run (client, "GET", "/v3/admin/domains", NYL_CLIENT_AUTH_SERVICE_ACCOUNT, &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_NO_SECRET);

  g_assert_cmpuint (server->requests->len, ==, 0);
}

static void
test_query_encoding (void)
{
  g_autoptr(Server) server = server_new (respond_data, NULL);
  g_autoptr(NylClient) client = client_for (server);
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  const char * const query[] = {
    "email", "a+b@example.com",
    "state", "x y&z=1#frag",
    "provider", "google",
    NULL
  };
  Recorded *r;

  response = run_full (client, "GET", "/v3/grants", query, NULL, NYL_CLIENT_AUTH_API_KEY,
                       NULL, NULL, &error);
  g_assert_no_error (error);

  r = server_request (server, 0);
  g_assert_cmpuint (g_hash_table_size (r->params), ==, 3);
  g_assert_cmpstr (g_hash_table_lookup (r->params, "email"), ==, "a+b@example.com");
  g_assert_cmpstr (g_hash_table_lookup (r->params, "state"), ==, "x y&z=1#frag");
  g_assert_cmpstr (g_hash_table_lookup (r->params, "provider"), ==, "google");
}

/* Request IDs and errors ------------------------------------------------- */

static void
respond_status (Server            *server,
                SoupServerMessage *msg,
                Recorded          *request)
{
  guint status;
  g_autofree char *body = NULL;

  /* The path is /status/<code>. */
  status = (guint)g_ascii_strtoull (request->path + strlen ("/status/"), NULL, 10);
  body = g_strdup_printf ("{\"request_id\":\"req-%u\",\"error\":{\"type\":\"some_error\","
                          "\"message\":\"Nylas says %u\"}}", status, status);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "x-request-id", "header-id");
  reply (msg, status, body);
}

static void
test_error_codes (void)
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
    { 409, NYL_API_ERROR_CONFLICT },
    { 422, NYL_API_ERROR_INVALID_REQUEST },
    { 429, NYL_API_ERROR_RATE_LIMITED },
    { 500, NYL_API_ERROR_SERVER },
    { 503, NYL_API_ERROR_SERVER },
  };
  g_autoptr(Server) server = server_new (respond_status, NULL);
  g_autoptr(NylClient) client = client_for (server);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NylResponse) response = NULL;
      g_autofree char *path = g_strdup_printf ("/status/%u", cases[i].status);
      g_autofree char *request_id = NULL;
      g_autofree char *expected_id = g_strdup_printf ("req-%u", cases[i].status);

      response = run_full (client, "GET", path, NULL, NULL, NYL_CLIENT_AUTH_API_KEY, NULL,
                           &request_id, &error);
      g_test_message ("HTTP %u: %s", cases[i].status, error ? error->message : "");
      g_assert_null (response);
      g_assert_error (error, NYL_API_ERROR, (int)cases[i].code);
      /* The request ID stays with the failure. */
      g_assert_cmpstr (request_id, ==, expected_id);
    }

  /* Nylas's own words for an invalid request. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(NylResponse) response = run (client, "POST", "/status/400", NYL_CLIENT_AUTH_API_KEY,
                                           &error);

    g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
    g_assert_cmpstr (error->message, ==, "Nylas says 400");
  }
}

static void
respond_request_ids (Server            *server,
                     SoupServerMessage *msg,
                     Recorded          *request)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_message_headers_replace (headers, "x-request-id", "from-header");

  if (g_str_equal (request->path, "/v3/body-id"))
    reply (msg, 200, "{\"request_id\":\"from-body\",\"data\":{}}");
  else if (g_str_equal (request->path, "/v3/header-only"))
    reply (msg, 200, "{\"id\":\"bare\"}");
  else if (g_str_equal (request->path, "/v3/missing"))
    reply (msg, 404, "{\"request_id\":\"missing-id\",\"error\":{\"type\":\"not_found_error\","
                     "\"message\":\"Grant not found\"}}");
  else
    reply (msg, 502, "<html>gateway</html>");
}

static void
test_request_ids (void)
{
  g_autoptr(Server) server = server_new (respond_request_ids, NULL);
  g_autoptr(NylClient) client = client_for (server);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  NylResponse *response;

  response = run_full (client, "GET", "/v3/body-id", NULL, NULL, NYL_CLIENT_AUTH_API_KEY, NULL,
                       &id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nyl_response_get_request_id (response), ==, "from-body");
  g_assert_cmpstr (id, ==, "from-body");
  g_clear_object (&response);
  g_clear_pointer (&id, g_free);

  response = run_full (client, "GET", "/v3/header-only", NULL, NULL, NYL_CLIENT_AUTH_API_KEY,
                       NULL, &id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nyl_response_get_request_id (response), ==, "from-header");
  g_assert_cmpstr (json_object_get_string_member (nyl_response_get_object (response), "id"), ==,
                   "bare");
  g_clear_object (&response);
  g_clear_pointer (&id, g_free);

  response = run_full (client, "DELETE", "/v3/missing", NULL, NULL, NYL_CLIENT_AUTH_API_KEY,
                       NULL, &id, &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Grant not found"));
  g_assert_null (response);
  g_assert_cmpstr (id, ==, "missing-id");
  g_clear_error (&error);
  g_clear_pointer (&id, g_free);

  /* A gateway's HTML error page cannot be read, but the header ID is kept. */
  response = run_full (client, "POST", "/v3/gateway", NULL, NULL, NYL_CLIENT_AUTH_API_KEY,
                       NULL, &id, &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE);
  g_assert_cmpstr (id, ==, "from-header");
}

/* The wrong region ------------------------------------------------------- */

static void
respond_region (Server            *server,
                SoupServerMessage *msg,
                Recorded          *request)
{
  const char *accepted_key = server->data;
  const char *authorization = soup_message_headers_get_one (request->headers, "Authorization");
  g_autofree char *expected = g_strdup_printf ("Bearer %s", accepted_key ? accepted_key : "");

  if (accepted_key != NULL && g_strcmp0 (authorization, expected) == 0)
    reply (msg, 200, "{\"request_id\":\"r-ok\",\"data\":{\"application_id\":\"app\"}}");
  else
    reply (msg, 401, "{\"request_id\":\"r-401\",\"error\":{\"type\":\"api.authentication_error\","
                     "\"message\":\"Unauthorized\"}}");
}

static void
test_wrong_region (void)
{
  g_autoptr(Server) us = server_new (respond_region, NULL);
  g_autoptr(Server) eu = server_new (respond_region, (gpointer)"eu-key");
  g_autoptr(NylClient) client = NULL;
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  client = nyl_client_new_for_region ("us", &error);
  g_assert_no_error (error);
  nyl_client_set_region_url_for_testing (client, "us", us->url);
  nyl_client_set_region_url_for_testing (client, "eu", eu->url);
  nyl_client_set_max_attempts (client, 1);
  g_assert_cmpstr (nyl_client_get_base_url (client), ==, us->url);

  /* A key the EU host accepts: the message says where the application lives. */
  nyl_client_set_api_key (client, "eu-key");
  response = run_full (client, "GET", "/v3/grants", NULL, NULL, NYL_CLIENT_AUTH_API_KEY, NULL,
                       &id, &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (error->message, "EU region"));
  g_assert_cmpstr (id, ==, "r-401");
  g_assert_cmpuint (us->requests->len, ==, 1);
  g_assert_cmpuint (eu->requests->len, ==, 1);
  g_assert_cmpstr (server_request (eu, 0)->path, ==, "/v3/applications");
  g_assert_cmpstr (soup_message_headers_get_one (server_request (eu, 0)->headers, "Authorization"),
                   ==, "Bearer eu-key");
  g_clear_error (&error);

  /* A key neither host takes: a plain 401. */
  nyl_client_set_api_key (client, "bad-key");
  response = run (client, "GET", "/v3/grants", NYL_CLIENT_AUTH_API_KEY, &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_UNAUTHORIZED);
  g_assert_null (strstr (error->message, "region"));
  g_assert_cmpuint (eu->requests->len, ==, 2);
  g_clear_error (&error);

  /* Without an API key there is nothing to probe with. */
  response = run (client, "POST", "/v3/connect/token", NYL_CLIENT_AUTH_NONE, &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (eu->requests->len, ==, 2);
}

static void
test_custom_url_no_probe (void)
{
  g_autoptr(Server) server = server_new (respond_region, NULL);
  g_autoptr(NylClient) client = client_for (server);
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  /* A custom URL is no region host: one request, a plain 401. */
  response = run (client, "GET", "/v3/grants", NYL_CLIENT_AUTH_API_KEY, &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (server->requests->len, ==, 1);
}

/* Bodies ----------------------------------------------------------------- */

static void
respond_bodies (Server            *server,
                SoupServerMessage *msg,
                Recorded          *request)
{
  if (g_str_equal (request->path, "/malformed"))
    reply (msg, 200, "{\"data\": {\"id\": ");
  else if (g_str_equal (request->path, "/truncated"))
    reply (msg, 200, "{\"request_id\":\"t\",\"data\":[{\"id\":\"a\"},{\"id\":\"b\"");
  else if (g_str_equal (request->path, "/wrong-shape"))
    reply (msg, 200, "{\"request_id\":\"w\",\"data\":{\"items\":42}}");
  else if (g_str_equal (request->path, "/big") || g_str_equal (request->path, "/big-chunked"))
    {
      g_autoptr(GString) body = g_string_new ("{\"data\":\"");

      for (guint i = 0; i < 1000; i++)
        g_string_append_c (body, 'x');
      g_string_append (body, "\"}");

      soup_server_message_set_status (msg, 200, NULL);
      if (g_str_equal (request->path, "/big-chunked"))
        {
          SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

          /* No Content-Length: the cap has to hold while reading. */
          soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
          soup_message_headers_set_content_type (headers, "application/json", NULL);
          for (gsize i = 0; i < body->len; i += 50)
            soup_message_body_append (soup_server_message_get_response_body (msg),
                                      SOUP_MEMORY_COPY, body->str + i, MIN (50, body->len - i));
          soup_message_body_complete (soup_server_message_get_response_body (msg));
        }
      else
        {
          soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                            body->str, body->len);
        }
    }
  else
    {
      /* Exactly 100 bytes. */
      reply (msg, 200, "{\"request_id\":\"fits\",\"data\":{\"v\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                       "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}}");
    }
}

static void
test_bad_bodies (void)
{
  static const char * const paths[] = { "/malformed", "/truncated", "/wrong-shape" };
  g_autoptr(Server) server = server_new (respond_bodies, NULL);
  g_autoptr(NylClient) client = client_for (server);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NylResponse) response = NULL;

      response = run (client, "GET", paths[i], NYL_CLIENT_AUTH_API_KEY, &error);
      g_test_message ("%s", paths[i]);
      g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE);
      g_assert_null (response);
    }
}

static void
test_body_cap (void)
{
  g_autoptr(Server) server = server_new (respond_bodies, NULL);
  g_autoptr(NylClient) client = client_for (server);
  g_autoptr(NylResponse) fits = NULL;
  g_autoptr(NylResponse) big = NULL;
  g_autoptr(NylResponse) chunked = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (nyl_client_get_max_body_size (client), ==, 64 * 1024 * 1024);
  nyl_client_set_max_body_size (client, 100);

  fits = run (client, "GET", "/fits", NYL_CLIENT_AUTH_API_KEY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nyl_response_get_request_id (fits), ==, "fits");

  big = run (client, "GET", "/big", NYL_CLIENT_AUTH_API_KEY, &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_BODY_TOO_LARGE);
  g_assert_null (big);
  g_clear_error (&error);

  chunked = run (client, "GET", "/big-chunked", NYL_CLIENT_AUTH_API_KEY, &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_BODY_TOO_LARGE);
  g_assert_null (chunked);
  g_clear_error (&error);

  /* The client is still usable afterwards. */
  g_clear_object (&fits);
  fits = run (client, "GET", "/fits", NYL_CLIENT_AUTH_API_KEY, &error);
  g_assert_no_error (error);
}

/* The raw variant: a 2xx body as bytes, everything else as for a response. */
static GBytes *
run_bytes (NylClient     *client,
           const char    *method,
           const char    *path,
           char         **request_id,
           GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GBytes *bytes;

  nyl_client_request_bytes_async (client, method, path, NULL, NULL, NYL_CLIENT_AUTH_API_KEY, NULL,
                                  store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  bytes = nyl_client_request_bytes_finish (client, result, error);
  if (request_id != NULL)
    *request_id = g_strdup (nyl_client_get_async_result_request_id (client, result));

  return bytes;
}

static void
test_request_bytes (void)
{
  g_autoptr(Server) server = server_new (respond_request_ids, NULL);
  g_autoptr(Server) bodies = server_new (respond_bodies, NULL);
  g_autoptr(NylClient) client = client_for (server);
  g_autoptr(NylClient) capped = client_for (bodies);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *id = NULL;
  const char *expected = "{\"request_id\":\"from-body\",\"data\":{}}";

  /* The body exactly as sent, unparsed: the request ID is the header's. */
  bytes = run_bytes (client, "GET", "/v3/body-id", &id, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   expected, strlen (expected));
  g_assert_cmpstr (id, ==, "from-header");
  g_assert_cmpstr (soup_message_headers_get_one (server_request (server, 0)->headers,
                                                 "Authorization"), ==, "Bearer test-api-key");
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&id, g_free);

  /* A failure is read and mapped as for nyl_client_request_async(). */
  bytes = run_bytes (client, "DELETE", "/v3/missing", &id, &error);
  g_assert_null (bytes);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Grant not found"));
  g_assert_cmpstr (id, ==, "missing-id");
  g_clear_error (&error);
  g_clear_pointer (&id, g_free);

  bytes = run_bytes (client, "POST", "/v3/gateway", &id, &error);
  g_assert_null (bytes);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE);
  g_assert_cmpstr (id, ==, "from-header");
  g_clear_error (&error);

  /* The body cap holds. */
  nyl_client_set_max_body_size (capped, 100);
  bytes = run_bytes (capped, "GET", "/big", NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_BODY_TOO_LARGE);
  g_clear_error (&error);

  /* No API key: refused before any request, as for a response. */
  nyl_client_set_api_key (client, NULL);
  bytes = run_bytes (client, "GET", "/v3/body-id", NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_NO_SECRET);
  g_assert_cmpuint (server->requests->len, ==, 3);
}

/* Cancellation and timeouts ---------------------------------------------- */

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel_slow (void)
{
  g_autoptr(Server) server = server_new (respond_pause, NULL);
  g_autoptr(NylClient) client = client_for (server);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  nyl_client_set_max_attempts (client, 4);

  /* The server never answers; the request returns as soon as it is cancelled. */
  g_timeout_add (100, cancel_cb, cancellable);
  response = run_full (client, "GET", "/v3/grants", NULL, NULL, NYL_CLIENT_AUTH_API_KEY,
                       cancellable, &id, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (response);
  g_assert_null (id);
  g_assert_cmpuint (server->requests->len, ==, 1);
}

static void
test_cancel_before_start (void)
{
  g_autoptr(Server) server = server_new (respond_data, NULL);
  g_autoptr(NylClient) client = client_for (server);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  response = run_full (client, "GET", "/v3/grants", NULL, NULL, NYL_CLIENT_AUTH_API_KEY,
                       cancellable, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (response);
}

static void
test_request_timeout (void)
{
  g_autoptr(Server) server = server_new (respond_pause, NULL);
  g_autoptr(NylClient) client = client_for (server);
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  /* A whole attempt that runs out of time is a network failure, not retried. */
  nyl_client_set_max_attempts (client, 3);
  nyl_client_set_request_timeout (client, 1);
  response = run (client, "GET", "/v3/grants", NYL_CLIENT_AUTH_API_KEY, &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_NETWORK);
  g_assert_cmpuint (server->requests->len, ==, 1);
}

static void
test_connection_refused (void)
{
  g_autofree char *url = NULL;
  g_autoptr(NylClient) client = NULL;
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  {
    /* A port that was just free. */
    g_autoptr(Server) gone = server_new (respond_data, NULL);
    url = g_strdup (gone->url);
  }

  client = nyl_client_new_for_url (url, &error);
  g_assert_no_error (error);
  nyl_client_set_api_key (client, "k");
  nyl_client_set_max_attempts (client, 1);

  response = run (client, "GET", "/v3/grants", NYL_CLIENT_AUTH_API_KEY, &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_NETWORK);
}

/* Debug logging ---------------------------------------------------------- */

static void
capture_log (const char     *log_domain,
             GLogLevelFlags  log_level,
             const char     *message,
             gpointer        user_data)
{
  g_string_append_printf (user_data, "%s\n", message);
}

static void
respond_secret (Server            *server,
                SoupServerMessage *msg,
                Recorded          *request)
{
  reply (msg, 200, "{\"request_id\":\"log-1\",\"data\":{\"id\":\"k1\","
                   "\"api_key\":\"nyk_v0_NEWSECRET\",\"webhook_secret\":\"WHSECRET\"}}");
}

static void
test_debug_log_redacted (void)
{
  g_autoptr(Server) server = server_new (respond_secret, NULL);
  g_autoptr(NylClient) client = client_for (server);
  g_autoptr(NylServiceAccount) account = load_service_account ();
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(NylResponse) signed_response = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  g_autofree char *saved_debug = g_strdup (g_getenv ("G_MESSAGES_DEBUG"));
  guint handler;

  nyl_client_set_api_key (client, "nyk_v0_BEARERSECRET");
  nyl_client_set_service_account (client, account);

  /* Debug output of this domain only, caught before it is printed. */
  g_setenv ("G_MESSAGES_DEBUG", "nyl-client", TRUE);
  handler = g_log_set_handler ("nyl-client", G_LOG_LEVEL_DEBUG, capture_log, log);

  response = run_full (client, "POST", "/v3/connectors", NULL,
                       "{\"provider\":\"google\",\"settings\":{\"client_id\":\"cid\","
                       "\"client_secret\":\"GOOGLESECRET\"}}",
                       NYL_CLIENT_AUTH_API_KEY, NULL, NULL, &error);
  g_assert_no_error (error);
  signed_response = run_full (client, "POST", "/v3/admin/domains", NULL, "{\"name\":\"d\"}",
                              NYL_CLIENT_AUTH_SERVICE_ACCOUNT, NULL, NULL, &error);
  g_assert_no_error (error);

  g_log_remove_handler ("nyl-client", handler);
  if (saved_debug != NULL)
    g_setenv ("G_MESSAGES_DEBUG", saved_debug, TRUE);
  else
    g_unsetenv ("G_MESSAGES_DEBUG");

  /* The traffic is logged... */
  g_assert_nonnull (strstr (log->str, "POST /v3/connectors"));
  g_assert_nonnull (strstr (log->str, "Authorization: [REDACTED]"));
  g_assert_nonnull (strstr (log->str, "X-Nylas-Signature: [REDACTED]"));
  g_assert_nonnull (strstr (log->str, "X-Nylas-Kid: test-key-id-0001"));
  g_assert_nonnull (strstr (log->str, "\"client_id\":\"cid\""));
  g_assert_nonnull (strstr (log->str, "log-1"));

  /* ...with no secret in it. */
  g_assert_null (strstr (log->str, "BEARERSECRET"));
  g_assert_null (strstr (log->str, "GOOGLESECRET"));
  g_assert_null (strstr (log->str, "NEWSECRET"));
  g_assert_null (strstr (log->str, "WHSECRET"));
  g_assert_null (strstr (log->str,
                         soup_message_headers_get_one (server_request (server, 1)->headers,
                                                       "X-Nylas-Signature")));
}

/* Paging ----------------------------------------------------------------- */

#define N_ITEMS 5

static char *
items_json (guint from,
            guint to)
{
  g_autoptr(GString) json = g_string_new ("[");

  for (guint i = from; i < to; i++)
    g_string_append_printf (json, "%s{\"id\":\"item-%u\"}", i > from ? "," : "", i);
  g_string_append_c (json, ']');

  return g_string_free (g_steal_pointer (&json), FALSE);
}

static guint
param_uint (Recorded   *r,
            const char *name,
            guint       fallback)
{
  const char *value = r->params ? g_hash_table_lookup (r->params, name) : NULL;

  return value ? (guint)g_ascii_strtoull (value, NULL, 10) : fallback;
}

static void
respond_cursor_pages (Server            *server,
                      SoupServerMessage *msg,
                      Recorded          *request)
{
  guint limit = param_uint (request, "limit", 50);
  const char *token = request->params ? g_hash_table_lookup (request->params, "page_token") : NULL;
  guint from = token ? (guint)g_ascii_strtoull (token + strlen ("cursor-"), NULL, 10) : 0;
  guint to = MIN (from + limit, N_ITEMS);
  g_autofree char *items = items_json (from, to);
  g_autofree char *body = NULL;
  gboolean nested = server->data != NULL;

  if (to < N_ITEMS && nested)
    body = g_strdup_printf ("{\"request_id\":\"p%u\",\"data\":{\"items\":%s,"
                            "\"next_cursor\":\"cursor-%u\"}}", from, items, to);
  else if (nested)
    body = g_strdup_printf ("{\"request_id\":\"p%u\",\"data\":{\"items\":%s}}", from, items);
  else if (to < N_ITEMS)
    body = g_strdup_printf ("{\"request_id\":\"p%u\",\"data\":%s,\"next_cursor\":\"cursor-%u\"}",
                            from, items, to);
  else
    body = g_strdup_printf ("{\"request_id\":\"p%u\",\"data\":%s,\"next_cursor\":\"\"}",
                            from, items);

  reply (msg, 200, body);
}

static void
respond_offset_pages (Server            *server,
                      SoupServerMessage *msg,
                      Recorded          *request)
{
  guint total = GPOINTER_TO_UINT (server->data);
  /* The server serves at most 2 a page, whatever is asked, and echoes it. */
  guint limit = MIN (param_uint (request, "limit", 10), 2);
  guint offset = param_uint (request, "offset", 0);
  guint to = MIN (offset + limit, total);
  g_autofree char *items = items_json (MIN (offset, total), to);
  g_autofree char *body = NULL;

  body = g_strdup_printf ("{\"request_id\":\"o%u\",\"data\":%s,\"limit\":%u,\"offset\":%u}",
                          offset, items, limit, offset);
  reply (msg, 200, body);
}

static GPtrArray *
collect_all (NylPageIterator *iterator,
             GError         **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  while (!nyl_page_iterator_get_done (iterator))
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(NylResponse) page = NULL;
      JsonArray *items;

      nyl_page_iterator_next_async (iterator, NULL, store_result_cb, &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);

      page = nyl_page_iterator_next_finish (iterator, result, error);
      if (page == NULL)
        return NULL;

      items = nyl_response_get_items (page);
      for (guint i = 0; i < json_array_get_length (items); i++)
        g_ptr_array_add (ids, g_strdup (json_object_get_string_member (
                                          json_array_get_object_element (items, i), "id")));
    }

  return g_steal_pointer (&ids);
}

static void
assert_items (GPtrArray *ids,
              guint      n)
{
  g_assert_nonnull (ids);
  g_assert_cmpuint (ids->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *expected = g_strdup_printf ("item-%u", i);

      g_assert_cmpstr (g_ptr_array_index (ids, i), ==, expected);
    }
}

static void
test_paging_cursor (void)
{
  g_autoptr(Server) server = server_new (respond_cursor_pages, NULL);
  g_autoptr(NylClient) client = client_for (server);
  g_autoptr(NylPageIterator) iterator = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  const char * const filter[] = { "provider", "google", NULL };

  iterator = nyl_page_iterator_new (client, "/v3/admin/domains", filter, NYL_CLIENT_AUTH_API_KEY,
                                    NYL_PAGE_STYLE_CURSOR, 2);
  ids = collect_all (iterator, &error);
  g_assert_no_error (error);
  assert_items (ids, N_ITEMS);
  g_assert_cmpuint (nyl_page_iterator_get_n_pages (iterator), ==, 3);
  g_assert_cmpstr (nyl_page_iterator_get_last_request_id (iterator), ==, "p4");

  g_assert_cmpuint (server->requests->len, ==, 3);
  g_assert_null (g_hash_table_lookup (server_request (server, 0)->params, "page_token"));
  g_assert_cmpstr (g_hash_table_lookup (server_request (server, 1)->params, "page_token"), ==,
                   "cursor-2");
  g_assert_cmpstr (g_hash_table_lookup (server_request (server, 2)->params, "page_token"), ==,
                   "cursor-4");
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpstr (g_hash_table_lookup (server_request (server, i)->params, "limit"), ==, "2");
      g_assert_cmpstr (g_hash_table_lookup (server_request (server, i)->params, "provider"), ==,
                       "google");
      g_assert_null (g_hash_table_lookup (server_request (server, i)->params, "offset"));
    }

  /* Past the end: no page, no error, no request. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(NylResponse) page = NULL;

    nyl_page_iterator_next_async (iterator, NULL, store_result_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    page = nyl_page_iterator_next_finish (iterator, result, &error);
    g_assert_no_error (error);
    g_assert_null (page);
    g_assert_cmpuint (server->requests->len, ==, 3);
  }
}

static void
test_paging_nested (void)
{
  g_autoptr(Server) server = server_new (respond_cursor_pages, GUINT_TO_POINTER (1));
  g_autoptr(NylClient) client = client_for (server);
  g_autoptr(NylPageIterator) iterator = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  iterator = nyl_page_iterator_new (client, "/v3/webhooks", NULL, NYL_CLIENT_AUTH_API_KEY,
                                    NYL_PAGE_STYLE_CURSOR, 3);
  ids = collect_all (iterator, &error);
  g_assert_no_error (error);
  assert_items (ids, N_ITEMS);
  g_assert_cmpuint (server->requests->len, ==, 2);
}

static void
test_paging_offset (void)
{
  g_autoptr(Server) server = server_new (respond_offset_pages, GUINT_TO_POINTER (N_ITEMS));
  g_autoptr(NylClient) client = client_for (server);
  g_autoptr(NylPageIterator) iterator = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  /* 500 is more than Nylas serves: clamped to 200. The server then serves 2 a
   * page and says so; the iterator goes by the echoed limit. */
  iterator = nyl_page_iterator_new (client, "/v3/grants", NULL, NYL_CLIENT_AUTH_API_KEY,
                                    NYL_PAGE_STYLE_OFFSET, 500);
  g_assert_cmpuint (nyl_page_iterator_get_limit (iterator), ==, NYL_PAGE_MAX_LIMIT);
  ids = collect_all (iterator, &error);
  g_assert_no_error (error);
  assert_items (ids, N_ITEMS);

  g_assert_cmpuint (server->requests->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *offset = g_strdup_printf ("%u", i * 2);

      g_assert_cmpstr (g_hash_table_lookup (server_request (server, i)->params, "limit"), ==,
                       "200");
      g_assert_cmpstr (g_hash_table_lookup (server_request (server, i)->params, "offset"), ==,
                       offset);
      g_assert_null (g_hash_table_lookup (server_request (server, i)->params, "page_token"));
    }
}

static void
test_paging_offset_exact (void)
{
  g_autoptr(Server) server = server_new (respond_offset_pages, GUINT_TO_POINTER (4));
  g_autoptr(NylClient) client = client_for (server);
  g_autoptr(NylPageIterator) iterator = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  /* 4 items, 2 a page: the third, empty page ends it. */
  iterator = nyl_page_iterator_new (client, "/v3/connectors", NULL, NYL_CLIENT_AUTH_API_KEY,
                                    NYL_PAGE_STYLE_OFFSET, 2);
  ids = collect_all (iterator, &error);
  g_assert_no_error (error);
  assert_items (ids, 4);
  g_assert_cmpuint (server->requests->len, ==, 3);
  g_assert_cmpstr (g_hash_table_lookup (server_request (server, 2)->params, "offset"), ==, "4");
}

static void
respond_not_a_list (Server            *server,
                    SoupServerMessage *msg,
                    Recorded          *request)
{
  reply (msg, 200, "{\"request_id\":\"nl\",\"data\":{\"id\":\"single\"}}");
}

static void
test_paging_errors (void)
{
  g_autoptr(Server) server = server_new (respond_not_a_list, NULL);
  g_autoptr(Server) failing = server_new (respond_status, NULL);
  g_autoptr(NylClient) client = client_for (server);
  g_autoptr(NylClient) failing_client = client_for (failing);
  g_autoptr(NylPageIterator) iterator = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  iterator = nyl_page_iterator_new (client, "/v3/grants", NULL, NYL_CLIENT_AUTH_API_KEY,
                                    NYL_PAGE_STYLE_OFFSET, 10);
  ids = collect_all (iterator, &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE);
  g_assert_null (ids);
  g_assert_cmpstr (nyl_page_iterator_get_last_request_id (iterator), ==, "nl");
  g_clear_error (&error);
  g_clear_object (&iterator);

  /* A failed page keeps its request ID and its place. */
  iterator = nyl_page_iterator_new (failing_client, "/status/403", NULL, NYL_CLIENT_AUTH_API_KEY,
                                    NYL_PAGE_STYLE_CURSOR, 10);
  ids = collect_all (iterator, &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_FORBIDDEN);
  g_assert_cmpstr (nyl_page_iterator_get_last_request_id (iterator), ==, "req-403");
  g_assert_false (nyl_page_iterator_get_done (iterator));
  g_assert_cmpuint (nyl_page_iterator_get_n_pages (iterator), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/url/check", test_url_check);
  g_test_add_func ("/client/request-bytes", test_request_bytes);
  g_test_add_func ("/client/url/regions", test_regions);
  g_test_add_func ("/client/url/insecure-no-request", test_insecure_no_request);
  g_test_add_func ("/client/auth/api-key", test_api_key_headers);
  g_test_add_func ("/client/auth/none", test_no_auth_headers);
  g_test_add_func ("/client/auth/signed", test_signed_headers);
  g_test_add_func ("/client/auth/missing", test_missing_credentials);
  g_test_add_func ("/client/query-encoding", test_query_encoding);
  g_test_add_func ("/client/errors/codes", test_error_codes);
  g_test_add_func ("/client/errors/request-ids", test_request_ids);
  g_test_add_func ("/client/errors/wrong-region", test_wrong_region);
  g_test_add_func ("/client/errors/custom-url-no-probe", test_custom_url_no_probe);
  g_test_add_func ("/client/errors/connection-refused", test_connection_refused);
  g_test_add_func ("/client/body/bad", test_bad_bodies);
  g_test_add_func ("/client/body/cap", test_body_cap);
  g_test_add_func ("/client/cancel/slow-response", test_cancel_slow);
  g_test_add_func ("/client/cancel/before-start", test_cancel_before_start);
  g_test_add_func ("/client/timeout", test_request_timeout);
  g_test_add_func ("/client/debug-log-redacted", test_debug_log_redacted);
  g_test_add_func ("/client/paging/cursor", test_paging_cursor);
  g_test_add_func ("/client/paging/nested", test_paging_nested);
  g_test_add_func ("/client/paging/offset", test_paging_offset);
  g_test_add_func ("/client/paging/offset-exact", test_paging_offset_exact);
  g_test_add_func ("/client/paging/errors", test_paging_errors);

  return g_test_run ();
}
