/* test-client-retry.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "nyl-api-error.h"
#include "nyl-client.h"
#include "nyl-service-account.h"

/* NylClient's retry policy, against loopback servers: a SoupServer answering
 * from a script, and a raw socket server for broken connections. */

typedef struct
{
  char               *method;
  char               *body;
  SoupMessageHeaders *headers;
  gint64              time;
} Recorded;

static void
recorded_free (Recorded *r)
{
  g_free (r->method);
  g_free (r->body);
  soup_message_headers_unref (r->headers);
  g_free (r);
}

/* One scripted answer: status, Retry-After (or NULL), body. */
typedef struct
{
  guint       status;
  const char *retry_after;
  const char *body;
} Answer;

typedef struct
{
  SoupServer    *soup;
  char          *url;
  GPtrArray     *requests;
  const Answer  *script;
  guint          n_script;
  GCancellable  *cancel_after_first;
} Server;

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
  const Answer *answer;
  g_autofree char *json = NULL;

  r->method = g_strdup (soup_server_message_get_method (msg));
  r->body = g_strndup (body->data, body->length);
  r->headers = soup_message_headers_ref (soup_server_message_get_request_headers (msg));
  r->time = g_get_monotonic_time ();
  g_ptr_array_add (server->requests, r);

  /* Past the end of the script, the last answer repeats. */
  answer = &server->script[MIN (server->requests->len, server->n_script) - 1];

  if (answer->retry_after != NULL)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                  "Retry-After", answer->retry_after);

  json = answer->body ? g_strdup (answer->body)
                      : g_strdup_printf ("{\"request_id\":\"attempt-%u\",%s}",
                                         server->requests->len,
                                         answer->status < 300
                                           ? "\"data\":{\"ok\":true}"
                                           : "\"error\":{\"type\":\"x\",\"message\":\"m\"}");
  soup_server_message_set_status (msg, answer->status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                    json, strlen (json));

  if (server->cancel_after_first != NULL && server->requests->len == 1)
    g_timeout_add_once (100, (GSourceOnceFunc)g_cancellable_cancel, server->cancel_after_first);
}

static Server *
server_new (const Answer *script,
            guint         n_script)
{
  Server *server = g_new0 (Server, 1);
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;

  server->soup = soup_server_new (NULL, NULL);
  server->requests = g_ptr_array_new_with_free_func ((GDestroyNotify)recorded_free);
  server->script = script;
  server->n_script = n_script;
  soup_server_add_handler (server->soup, NULL, server_handler, server, NULL);
  soup_server_listen_local (server->soup, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (server->soup);
  server->url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));

  return server;
}

static void
drain_main_context (void)
{
  gint64 end = g_get_monotonic_time () + 100 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
server_free (Server *server)
{
  soup_server_disconnect (server->soup);
  g_object_unref (server->soup);
  drain_main_context ();
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

/* A raw socket server: per connection, read the request head, then either
 * write a canned answer or close without a word. */

typedef struct
{
  GSocketService  *service;
  char            *url;
  const char     **answers;    /* per connection; NULL = hang up */
  guint            n_answers;
  guint            n_connections;
  gboolean         answer_at_once;   /* without waiting for the request */
} RawServer;

typedef struct
{
  RawServer         *server;
  GSocketConnection *connection;
  GString           *head;
  char               buffer[4096];
  const char        *answer;
} RawConnection;

static void
raw_connection_free (RawConnection *c)
{
  g_io_stream_close (G_IO_STREAM (c->connection), NULL, NULL);
  g_object_unref (c->connection);
  g_string_free (c->head, TRUE);
  g_free (c);
}

static void
raw_read_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  RawConnection *c = user_data;
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (object), result, NULL);

  if (n <= 0)
    {
      raw_connection_free (c);
      return;
    }

  g_string_append_len (c->head, c->buffer, n);
  if (strstr (c->head->str, "\r\n\r\n") == NULL)
    {
      g_input_stream_read_async (G_INPUT_STREAM (object), c->buffer, sizeof c->buffer,
                                 G_PRIORITY_DEFAULT, NULL, raw_read_cb, c);
      return;
    }

  if (c->answer != NULL)
    {
      GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (c->connection));

      g_output_stream_write_all (out, c->answer, strlen (c->answer), NULL, NULL, NULL);
    }

  raw_connection_free (c);
}

static gboolean
raw_incoming_cb (GSocketService    *service,
                 GSocketConnection *connection,
                 GObject           *source_object,
                 gpointer           user_data)
{
  RawServer *server = user_data;
  RawConnection *c = g_new0 (RawConnection, 1);
  guint i = server->n_connections++;

  c->server = server;
  c->connection = g_object_ref (connection);
  c->head = g_string_new (NULL);
  c->answer = server->answers[MIN (i, server->n_answers - 1)];

  if (server->answer_at_once)
    {
      GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));

      g_output_stream_write_all (out, c->answer, strlen (c->answer), NULL, NULL, NULL);
      raw_connection_free (c);
      return TRUE;
    }

  g_input_stream_read_async (g_io_stream_get_input_stream (G_IO_STREAM (connection)),
                             c->buffer, sizeof c->buffer, G_PRIORITY_DEFAULT, NULL,
                             raw_read_cb, c);
  return TRUE;
}

static RawServer *
raw_server_new (const char **answers,
                guint        n_answers)
{
  RawServer *server = g_new0 (RawServer, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;

  server->answers = answers;
  server->n_answers = n_answers;
  server->service = g_socket_service_new ();
  g_socket_listener_add_address (G_SOCKET_LISTENER (server->service), address,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL,
                                 &effective, &error);
  g_assert_no_error (error);
  g_signal_connect (server->service, "incoming", G_CALLBACK (raw_incoming_cb), server);
  g_socket_service_start (server->service);

  server->url = g_strdup_printf ("http://127.0.0.1:%u", g_inet_socket_address_get_port (
                                   G_INET_SOCKET_ADDRESS (effective)));
  return server;
}

static void
raw_server_free (RawServer *server)
{
  g_socket_service_stop (server->service);
  g_socket_listener_close (G_SOCKET_LISTENER (server->service));
  g_object_unref (server->service);
  drain_main_context ();
  g_free (server->url);
  g_free (server);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RawServer, raw_server_free)

/* Running requests ------------------------------------------------------- */

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static NylResponse *
run_full (NylClient     *client,
          const char    *method,
          const char    *body_json,
          NylClientAuth  auth,
          GCancellable  *cancellable,
          char         **request_id,
          GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) body = body_json ? json_from_string (body_json, NULL) : NULL;
  NylResponse *response;

  nyl_client_request_async (client, method, "/v3/admin/applications/app-1/api-keys", NULL, body,
                            auth, cancellable, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  response = nyl_client_request_finish (client, result, error);
  if (request_id != NULL)
    *request_id = g_strdup (nyl_client_get_async_result_request_id (client, result));

  return response;
}

static NylResponse *
run (NylClient   *client,
     const char  *method,
     GError     **error)
{
  return run_full (client, method, NULL, NYL_CLIENT_AUTH_API_KEY, NULL, NULL, error);
}

static NylClient *
client_for_url (const char *url)
{
  g_autoptr(GError) error = NULL;
  NylClient *client = nyl_client_new_for_url (url, &error);

  g_assert_no_error (error);
  nyl_client_set_api_key (client, "test-api-key");
  /* Backoff without Retry-After stays short in tests. */
  nyl_client_set_retry_base_delay (client, 10);

  return client;
}

/* 429 -------------------------------------------------------------------- */

static void
test_retry_after_seconds (void)
{
  static const Answer script[] = { { 429, "1", NULL }, { 200, NULL, NULL } };
  g_autoptr(Server) server = server_new (script, G_N_ELEMENTS (script));
  g_autoptr(NylClient) client = client_for_url (server->url);
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  gint64 waited;

  response = run (client, "GET", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nyl_response_get_request_id (response), ==, "attempt-2");
  g_assert_cmpuint (server->requests->len, ==, 2);

  /* The retry came no sooner than the server asked. */
  waited = server_request (server, 1)->time - server_request (server, 0)->time;
  g_assert_cmpint (waited, >=, G_USEC_PER_SEC);
}

static void
test_retry_after_date (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_seconds (now, 1);
  g_autofree char *date = g_date_time_format (later, "%a, %d %b %Y %H:%M:%S GMT");
  Answer script[] = { { 429, date, NULL }, { 200, NULL, NULL } };
  g_autoptr(Server) server = server_new (script, G_N_ELEMENTS (script));
  g_autoptr(NylClient) client = client_for_url (server->url);
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  response = run (client, "GET", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (server->requests->len, ==, 2);
}

static void
test_backoff_without_retry_after (void)
{
  static const Answer script[] = { { 429, NULL, NULL }, { 429, NULL, NULL }, { 200, NULL, NULL } };
  g_autoptr(Server) server = server_new (script, G_N_ELEMENTS (script));
  g_autoptr(NylClient) client = client_for_url (server->url);
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  /* A 429 was not processed: even a POST is sent again. */
  response = run_full (client, "POST", "{\"name\":\"k\"}", NYL_CLIENT_AUTH_API_KEY, NULL, NULL,
                       &error);
  g_assert_no_error (error);
  g_assert_cmpuint (server->requests->len, ==, 3);
  g_assert_cmpstr (server_request (server, 2)->body, ==, "{\"name\":\"k\"}");
}

static void
test_retry_after_too_long (void)
{
  static const Answer script[] = { { 429, "3600", NULL }, { 200, NULL, NULL } };
  g_autoptr(Server) server = server_new (script, G_N_ELEMENTS (script));
  g_autoptr(NylClient) client = client_for_url (server->url);
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  /* An hour is not waited for: the caller hears "rate limited" now. */
  response = run_full (client, "GET", NULL, NYL_CLIENT_AUTH_API_KEY, NULL, &id, &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_RATE_LIMITED);
  g_assert_cmpuint (server->requests->len, ==, 1);
  g_assert_cmpstr (id, ==, "attempt-1");
}

static void
test_cancel_during_delay (void)
{
  static const Answer script[] = { { 429, "20", NULL }, { 200, NULL, NULL } };
  g_autoptr(Server) server = server_new (script, G_N_ELEMENTS (script));
  g_autoptr(NylClient) client = client_for_url (server->url);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  nyl_client_set_max_retry_delay (client, 60000);
  server->cancel_after_first = cancellable;

  /* Cancelled 100 ms into a 20 s wait: it returns at once, never retried. */
  response = run_full (client, "GET", NULL, NYL_CLIENT_AUTH_API_KEY, cancellable, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (response);
  g_assert_cmpuint (server->requests->len, ==, 1);
}

/* 5xx -------------------------------------------------------------------- */

static void
test_idempotent_5xx (void)
{
  static const Answer script[] = {
    { 502, NULL, NULL }, { 503, NULL, NULL }, { 504, NULL, NULL }, { 200, NULL, NULL },
  };
  static const char * const methods[] = { "GET", "PUT", "DELETE" };

  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      g_autoptr(Server) server = server_new (script, G_N_ELEMENTS (script));
      g_autoptr(NylClient) client = client_for_url (server->url);
      g_autoptr(NylResponse) response = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", methods[i]);
      response = run (client, methods[i], &error);
      g_assert_no_error (error);
      g_assert_cmpuint (server->requests->len, ==, 4);
      g_assert_cmpstr (server_request (server, 3)->method, ==, methods[i]);
    }
}

static void
test_post_5xx_not_retried (void)
{
  static const Answer script[] = { { 503, NULL, NULL }, { 200, NULL, NULL } };
  static const char * const methods[] = { "POST", "PATCH" };

  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      g_autoptr(Server) server = server_new (script, G_N_ELEMENTS (script));
      g_autoptr(NylClient) client = client_for_url (server->url);
      g_autoptr(NylResponse) response = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *id = NULL;

      g_test_message ("%s", methods[i]);
      response = run_full (client, methods[i], "{\"name\":\"k\"}", NYL_CLIENT_AUTH_API_KEY, NULL,
                           &id, &error);
      g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_SERVER);
      g_assert_cmpuint (server->requests->len, ==, 1);
      g_assert_cmpstr (id, ==, "attempt-1");
    }
}

static void
test_attempts_bounded (void)
{
  static const Answer script[] = { { 503, NULL, NULL } };
  g_autoptr(Server) server = server_new (script, G_N_ELEMENTS (script));
  g_autoptr(NylClient) client = client_for_url (server->url);
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_assert_cmpuint (nyl_client_get_max_attempts (client), ==, 4);
  nyl_client_set_max_attempts (client, 3);

  response = run_full (client, "GET", NULL, NYL_CLIENT_AUTH_API_KEY, NULL, &id, &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_SERVER);
  g_assert_cmpuint (server->requests->len, ==, 3);
  /* The failure carries the last attempt's request ID. */
  g_assert_cmpstr (id, ==, "attempt-3");
}

static void
test_client_errors_not_retried (void)
{
  static const Answer script[] = { { 500, NULL, NULL }, { 200, NULL, NULL } };
  g_autoptr(Server) server = server_new (script, G_N_ELEMENTS (script));
  g_autoptr(NylClient) client = client_for_url (server->url);
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  /* Only 502/503/504 are transient; a 500 is an answer. */
  response = run (client, "GET", &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_SERVER);
  g_assert_cmpuint (server->requests->len, ==, 1);
}

/* Signed requests -------------------------------------------------------- */

static void
test_signed_fresh_nonce (void)
{
  static const Answer script[] = { { 429, "0", NULL }, { 503, NULL, NULL }, { 200, NULL, NULL } };
  g_autoptr(Server) server = server_new (script, G_N_ELEMENTS (script));
  g_autoptr(NylClient) client = client_for_url (server->url);
  g_autofree char *sa_path = g_test_build_filename (G_TEST_DIST, "fixtures", "service-account",
                                                    "valid-pkcs1.json", NULL);
  g_autofree char *pem_path = g_test_build_filename (G_TEST_DIST, "fixtures", "service-account",
                                                     "test-key.pub.pem", NULL);
  g_autofree char *public_key = NULL;
  g_autoptr(NylServiceAccount) account = NULL;
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) nonces = g_hash_table_new (g_str_hash, g_str_equal);

  account = nyl_service_account_new_from_file (sa_path, &error);
  g_assert_no_error (error);
  g_file_get_contents (pem_path, &public_key, NULL, &error);
  g_assert_no_error (error);
  nyl_client_set_service_account (client, account);

  /* PUT: idempotent, so the 503 is retried too. */
  response = run_full (client, "PUT", "{\"name\":\"renamed\",\"b\":[{\"z\":1,\"a\":2}]}",
                       NYL_CLIENT_AUTH_SERVICE_ACCOUNT, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (server->requests->len, ==, 3);

  for (guint i = 0; i < server->requests->len; i++)
    {
      Recorded *r = server_request (server, i);
      const char *nonce = soup_message_headers_get_one (r->headers, "X-Nylas-Nonce");
      const char *timestamp = soup_message_headers_get_one (r->headers, "X-Nylas-Timestamp");
      const char *signature = soup_message_headers_get_one (r->headers, "X-Nylas-Signature");
      g_autofree char *envelope = NULL;
      guint64 ts = 0;

      /* The same canonical bytes every time... */
      g_assert_cmpstr (r->body, ==, "{\"b\":[{\"a\":2,\"z\":1}],\"name\":\"renamed\"}");
      g_assert_null (soup_message_headers_get_one (r->headers, "Authorization"));

      /* ...signed afresh: a nonce never seen before, and a good signature. */
      g_assert_nonnull (nonce);
      g_assert_false (g_hash_table_contains (nonces, nonce));
      g_hash_table_add (nonces, (gpointer)nonce);

      g_assert_true (g_ascii_string_to_unsigned (timestamp, 10, 1, G_MAXINT64, &ts, NULL));
      envelope = nyl_signing_envelope ("PUT", "/v3/admin/applications/app-1/api-keys", r->body,
                                       (gint64)ts, nonce);
      g_assert_true (nyl_signature_verify (public_key, envelope, signature, &error));
      g_assert_no_error (error);
    }
}

/* Broken connections ----------------------------------------------------- */

#define OK_ANSWER \
  "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 35\r\n" \
  "Connection: close\r\n\r\n{\"request_id\":\"raw-ok\",\"data\":{}}  "

static void
test_network_reset_get (void)
{
  static const char *answers[] = { NULL, OK_ANSWER };
  g_autoptr(RawServer) server = raw_server_new (answers, G_N_ELEMENTS (answers));
  g_autoptr(NylClient) client = client_for_url (server->url);
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  response = run (client, "GET", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nyl_response_get_request_id (response), ==, "raw-ok");
  g_assert_cmpuint (server->n_connections, ==, 2);
}

static void
test_network_reset_post (void)
{
  static const char *answers[] = { NULL, OK_ANSWER };
  g_autoptr(RawServer) server = raw_server_new (answers, G_N_ELEMENTS (answers));
  g_autoptr(NylClient) client = client_for_url (server->url);
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  /* The server may have acted on it: a POST is not sent twice. */
  response = run_full (client, "POST", "{\"name\":\"k\"}", NYL_CLIENT_AUTH_API_KEY, NULL, NULL,
                       &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_NETWORK);
  g_assert_cmpuint (server->n_connections, ==, 1);
}

static void
test_truncated_transfer (void)
{
  static const char *answers[] = {
    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
    "{\"request_id\":\"cut\",\"data\":{\"id\":",
  };
  g_autoptr(RawServer) server = raw_server_new (answers, G_N_ELEMENTS (answers));
  g_autoptr(NylClient) client = client_for_url (server->url);
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  /* The connection ends 70 bytes short of the announced length. */
  nyl_client_set_max_attempts (client, 1);
  response = run (client, "GET", &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_NETWORK);
  g_assert_null (response);
}

static void
test_tls_failure (void)
{
  static const char *answers[] = { "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n" };
  g_autoptr(RawServer) server = raw_server_new (answers, G_N_ELEMENTS (answers));
  g_autofree char *url = g_strdup_printf ("https://%s", server->url + strlen ("http://"));
  g_autoptr(NylClient) client = client_for_url (url);
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  /* https to a server that answers in plain HTTP: the handshake fails, and a
   * TLS failure is not retried, even for a GET. */
  server->answer_at_once = TRUE;
  response = run (client, "GET", &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_TLS);
  g_assert_null (response);
  g_assert_cmpuint (server->n_connections, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client-retry/429/retry-after-seconds", test_retry_after_seconds);
  g_test_add_func ("/client-retry/429/retry-after-date", test_retry_after_date);
  g_test_add_func ("/client-retry/429/backoff", test_backoff_without_retry_after);
  g_test_add_func ("/client-retry/429/retry-after-too-long", test_retry_after_too_long);
  g_test_add_func ("/client-retry/429/cancel-during-delay", test_cancel_during_delay);
  g_test_add_func ("/client-retry/5xx/idempotent", test_idempotent_5xx);
  g_test_add_func ("/client-retry/5xx/post-not-retried", test_post_5xx_not_retried);
  g_test_add_func ("/client-retry/5xx/bounded", test_attempts_bounded);
  g_test_add_func ("/client-retry/5xx/500-not-retried", test_client_errors_not_retried);
  g_test_add_func ("/client-retry/signed-fresh-nonce", test_signed_fresh_nonce);
  g_test_add_func ("/client-retry/network/reset-get", test_network_reset_get);
  g_test_add_func ("/client-retry/network/reset-post", test_network_reset_post);
  g_test_add_func ("/client-retry/network/truncated", test_truncated_transfer);
  g_test_add_func ("/client-retry/network/tls", test_tls_failure);

  return g_test_run ();
}
