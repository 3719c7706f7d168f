/* test-sandbox-webhooks.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nyl-webhook-signature.h"
#include "sandbox-test-util.h"

/* /v3/webhooks and deliveries, against a loopback receiver run by the test. */

typedef struct
{
  GBytes *body;
  char   *signature;
  char   *encoding;
  char   *path;
} Delivery;

typedef struct
{
  SoupServer *server;
  char       *url;
  gboolean    echo_challenge;
  guint       post_status;
  guint       challenges;
  GPtrArray  *deliveries;
} Receiver;

static void
delivery_free (gpointer data)
{
  Delivery *d = data;

  g_bytes_unref (d->body);
  g_free (d->signature);
  g_free (d->encoding);
  g_free (d->path);
  g_free (d);
}

static void
receiver_cb (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  Receiver *r = user_data;
  const char *method = soup_server_message_get_method (msg);

  if (g_str_equal (method, "GET"))
    {
      const char *challenge = query ? g_hash_table_lookup (query, "challenge") : NULL;

      r->challenges++;
      soup_server_message_set_status (msg, 200, NULL);
      if (challenge != NULL && r->echo_challenge)
        soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_COPY, challenge,
                                          strlen (challenge));
      else
        soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "nope", 4);
      return;
    }

  {
    SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
    Delivery *d = g_new0 (Delivery, 1);

    d->body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
    d->signature = g_strdup (soup_message_headers_get_one (headers, "x-nylas-signature"));
    d->encoding = g_strdup (soup_message_headers_get_one (headers, "Content-Encoding"));
    d->path = g_strdup (path);
    g_ptr_array_add (r->deliveries, d);
    soup_server_message_set_status (msg, r->post_status, NULL);
  }
}

static Receiver *
receiver_new (void)
{
  Receiver *r = g_new0 (Receiver, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  r->server = soup_server_new (NULL, NULL);
  r->echo_challenge = TRUE;
  r->post_status = 200;
  r->deliveries = g_ptr_array_new_with_free_func (delivery_free);
  soup_server_add_handler (r->server, NULL, receiver_cb, r, NULL);
  g_assert_true (soup_server_listen_local (r->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (r->server);
  r->url = g_strdup_printf ("http://127.0.0.1:%d/hooks", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return r;
}

static void
receiver_free (Receiver *r)
{
  soup_server_disconnect (r->server);
  g_object_unref (r->server);
  g_ptr_array_unref (r->deliveries);
  g_free (r->url);
  g_free (r);
}

typedef struct
{
  NylSandbox  *sandbox;
  SoupSession *session;
  Receiver    *receiver;
  const char  *url;
  const char  *key;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->sandbox = sbt_sandbox_new (31, 40, NULL);
  f->session = sbt_session_new ();
  f->receiver = receiver_new ();
  f->url = nyl_sandbox_get_url (f->sandbox);
  f->key = nyl_sandbox_get_api_key (f->sandbox);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->session);
  sbt_sandbox_free (f->sandbox);
  receiver_free (f->receiver);
}

static SbtResponse *
call (Fixture    *f,
      const char *method,
      const char *path,
      const char *body)
{
  return sbt_call (f->session, method, f->url, path, f->key, body);
}

typedef struct
{
  Receiver *r;
  guint     n;
} WaitCount;

static gboolean
has_deliveries (gpointer data)
{
  WaitCount *w = data;

  return w->r->deliveries->len >= w->n;
}

static void
wait_deliveries (Receiver *r,
                 guint     n)
{
  WaitCount w = { r, n };

  g_assert_true (sbt_wait (has_deliveries, &w, 20));
}

static char *
create_webhook (Fixture    *f,
                const char *extra,
                char      **secret)
{
  g_autofree char *body = g_strdup_printf ("{\"trigger_types\":"
                                           "[\"grant.updated\",\"grant.deleted\"],"
                                           "\"webhook_url\":\"%s\",\"description\":\"Test\"%s}",
                                           f->receiver->url, extra);
  g_autoptr(SbtResponse) r = call (f, "POST", "/v3/webhooks", body);
  JsonObject *webhook;

  g_assert_cmpuint (r->status, ==, 200);
  webhook = sbt_data_object (r);
  g_assert_cmpstr (sbt_str (webhook, "status"), ==, "active");
  if (secret != NULL)
    *secret = g_strdup (sbt_str (webhook, "webhook_secret"));
  return g_strdup (sbt_str (webhook, "id"));
}

static char *
patch_a_grant (Fixture *f)
{
  g_autoptr(SbtResponse) list = call (f, "GET", "/v3/grants?limit=1", NULL);
  const char *id = sbt_str (json_array_get_object_element (sbt_data_array (list), 0), "id");
  g_autofree char *path = g_strconcat ("/v3/grants/", id, NULL);
  g_autoptr(SbtResponse) r = call (f, "PATCH", path, "{\"scope\":[\"x\"]}");

  g_assert_cmpuint (r->status, ==, 200);
  return g_strdup (id);
}

static NylWebhookVerdict
verify (Delivery   *d,
        const char *secret)
{
  const char *secrets[] = { secret, NULL };
  int index;

  return nyl_webhook_signature_verify (d->body, d->signature, d->encoding != NULL, secrets, &index);
}

static void
test_create_and_challenge (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *secret = NULL;
  g_autofree char *id = create_webhook (f, "", &secret);
  g_autoptr(SbtResponse) list = NULL;
  g_autoptr(SbtResponse) refused = NULL;
  g_autoptr(SbtResponse) after = NULL;
  g_autoptr(SbtResponse) plain = NULL;
  g_autoptr(SbtResponse) unknown = NULL;
  g_autoptr(SbtResponse) ngrok = NULL;
  g_autofree char *body = NULL;

  g_assert_cmpuint (f->receiver->challenges, ==, 1);
  g_assert_cmpuint (strlen (secret), >=, 16);

  /* An endpoint that does not echo the challenge is refused, and nothing is created. */
  list = call (f, "GET", "/v3/webhooks", NULL);
  f->receiver->echo_challenge = FALSE;
  body = g_strdup_printf ("{\"trigger_types\":[\"grant.created\"],\"webhook_url\":\"%s\"}",
                          f->receiver->url);
  refused = call (f, "POST", "/v3/webhooks", body);
  sbt_assert_error (refused, 400, "api.invalid_request_error");
  g_assert_cmpuint (f->receiver->challenges, ==, 2);
  after = call (f, "GET", "/v3/webhooks", NULL);
  g_assert_cmpuint (json_array_get_length (sbt_data_array (after)), ==,
                    json_array_get_length (sbt_data_array (list)));

  plain = call (f, "POST", "/v3/webhooks",
                "{\"trigger_types\":[\"grant.created\"],"
                "\"webhook_url\":\"http://hooks.example/x\"}");
  sbt_assert_error (plain, 400, "api.invalid_request_error");
  unknown = call (f, "POST", "/v3/webhooks",
                  "{\"trigger_types\":[\"grant.exploded\"],"
                  "\"webhook_url\":\"https://h.example/x\"}");
  sbt_assert_error (unknown, 400, "api.invalid_request_error");
  ngrok = call (f, "POST", "/v3/webhooks",
                "{\"trigger_types\":[\"grant.created\"],\"webhook_url\":\"https://a.ngrok.io/x\"}");
  sbt_assert_error (ngrok, 400, "api.invalid_request_error");
}

static void
test_crud (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *id = create_webhook (f, ",\"notification_email_addresses\":[\"a@b.example\"]",
                                        NULL);
  g_autofree char *path = g_strconcat ("/v3/webhooks/", id, NULL);
  g_autoptr(SbtResponse) got = call (f, "GET", path, NULL);
  g_autoptr(SbtResponse) put = NULL;
  g_autoptr(SbtResponse) paused = NULL;
  g_autoptr(SbtResponse) bad_status = NULL;
  g_autoptr(SbtResponse) resumed = NULL;
  g_autoptr(SbtResponse) deleted = NULL;
  g_autoptr(SbtResponse) gone = NULL;
  g_autoptr(SbtResponse) patch = NULL;
  JsonObject *webhook;
  JsonArray *emails;
  guint challenges;

  g_assert_false (json_object_has_member (sbt_data_object (got), "webhook_secret"));

  /* PUT: only what is sent, and not empty, changes. */
  put = call (f, "PUT", path, "{\"description\":\"Renamed\",\"notification_email_addresses\":[],"
                              "\"trigger_types\":[\"grant.created\"]}");
  g_assert_cmpuint (put->status, ==, 200);
  webhook = sbt_data_object (put);
  g_assert_cmpstr (sbt_str (webhook, "description"), ==, "Renamed");
  emails = json_object_get_array_member (webhook, "notification_email_addresses");
  g_assert_cmpuint (json_array_get_length (emails), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (webhook, "trigger_types")),
                    ==, 1);
  g_assert_cmpstr (sbt_str (webhook, "webhook_url"), ==, f->receiver->url);

  challenges = f->receiver->challenges;
  paused = call (f, "PUT", path, "{\"status\":\"pause\"}");
  g_assert_cmpstr (sbt_str (sbt_data_object (paused), "status"), ==, "pause");
  bad_status = call (f, "PUT", path, "{\"status\":\"failed\"}");
  sbt_assert_error (bad_status, 400, "api.invalid_request_error");
  /* Reactivation sends the challenge again. */
  resumed = call (f, "PUT", path, "{\"status\":\"active\"}");
  g_assert_cmpstr (sbt_str (sbt_data_object (resumed), "status"), ==, "active");
  g_assert_cmpuint (f->receiver->challenges, ==, challenges + 1);

  patch = call (f, "PATCH", path, "{}");
  g_assert_cmpuint (patch->status, ==, 405);

  deleted = call (f, "DELETE", path, NULL);
  g_assert_cmpuint (deleted->status, ==, 200);
  g_assert_cmpstr (sbt_str (sbt_data_object (deleted), "status"), ==, "success");
  gone = call (f, "GET", path, NULL);
  sbt_assert_error (gone, 404, "api.not_found_error");
}

static void
test_delivery_and_rotation (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *secret = NULL;
  g_autofree char *id = create_webhook (f, "", &secret);
  g_autofree char *rotate_path = g_strconcat ("/v3/webhooks/rotate-secret/", id, NULL);
  g_autofree char *grant_id = patch_a_grant (f);
  g_autoptr(SbtResponse) rotated = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  g_autofree char *new_secret = NULL;
  JsonObject *n, *object;
  Delivery *d;

  wait_deliveries (f->receiver, 1);
  d = g_ptr_array_index (f->receiver->deliveries, 0);
  g_assert_cmpstr (d->path, ==, "/hooks");
  g_assert_null (d->encoding);
  g_assert_cmpint (verify (d, secret), ==, NYL_WEBHOOK_VERDICT_VALID);
  g_assert_cmpint (verify (d, "not-the-secret"), ==, NYL_WEBHOOK_VERDICT_MISMATCH);

  /* A CloudEvents notification (§9.4). */
  text = g_strndup (g_bytes_get_data (d->body, NULL), g_bytes_get_size (d->body));
  node = json_from_string (text, NULL);
  g_assert_nonnull (node);
  n = json_node_get_object (node);
  g_assert_cmpstr (sbt_str (n, "specversion"), ==, "1.0");
  g_assert_cmpstr (sbt_str (n, "type"), ==, "grant.updated");
  g_assert_cmpstr (sbt_str (n, "source"), ==, "/nylas/system");
  g_assert_nonnull (sbt_str (n, "id"));
  g_assert_cmpint (json_object_get_int_member (n, "time"), >, 1000000000);
  g_assert_cmpint (json_object_get_int_member (n, "webhook_delivery_attempt"), ==, 1);
  g_assert_cmpstr (sbt_str (json_object_get_object_member (n, "data"), "application_id"), ==,
                   nyl_sandbox_get_application_id (f->sandbox));
  object = json_object_get_object_member (json_object_get_object_member (n, "data"), "object");
  g_assert_cmpstr (sbt_str (object, "grant_id"), ==, grant_id);
  g_assert_nonnull (sbt_str (object, "provider"));
  g_assert_nonnull (sbt_str (object, "integration_id"));
  g_assert_nonnull (sbt_str (object, "login_id"));
  g_assert_true (json_object_has_member (object, "code"));
  g_assert_true (json_object_has_member (object, "reauthentication_flag"));

  /* Rotation: the old secret stops working at once. */
  rotated = call (f, "POST", rotate_path, "{}");
  g_assert_cmpuint (rotated->status, ==, 200);
  new_secret = g_strdup (sbt_str (sbt_data_object (rotated), "webhook_secret"));
  g_assert_nonnull (new_secret);
  g_assert_cmpstr (new_secret, !=, secret);

  g_free (patch_a_grant (f));
  wait_deliveries (f->receiver, 2);
  d = g_ptr_array_index (f->receiver->deliveries, 1);
  g_assert_cmpint (verify (d, new_secret), ==, NYL_WEBHOOK_VERDICT_VALID);
  g_assert_cmpint (verify (d, secret), ==, NYL_WEBHOOK_VERDICT_MISMATCH);
}

static void
test_compressed_delivery (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *secret = NULL;
  g_autofree char *id = create_webhook (f, ",\"compressed_delivery\":true", &secret);
  g_autoptr(SbtResponse) list = call (f, "GET", "/v3/grants?limit=1", NULL);
  const char *grant = sbt_str (json_array_get_object_element (sbt_data_array (list), 0), "id");
  g_autofree char *path = g_strconcat ("/v3/grants/", grant, NULL);
  g_autoptr(SbtResponse) deleted = call (f, "DELETE", path, NULL);
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  Delivery *d;

  g_assert_cmpuint (deleted->status, ==, 200);
  wait_deliveries (f->receiver, 1);
  d = g_ptr_array_index (f->receiver->deliveries, 0);
  g_assert_cmpstr (d->encoding, ==, "gzip");
  g_assert_cmpint (verify (d, secret), ==, NYL_WEBHOOK_VERDICT_VALID);
  plain = nyl_gzip_decompress (d->body, 1 << 20, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain));
  node = json_from_string (text, NULL);
  g_assert_cmpstr (sbt_str (json_node_get_object (node), "type"), ==, "grant.deleted");
}

static void
test_mock_test_event_ips (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SbtResponse) mock = call (f, "POST", "/v3/webhooks/mock-payload",
                                      "{\"trigger_type\":\"grant.created\"}");
  g_autoptr(SbtResponse) mock_msg = call (f, "POST", "/v3/webhooks/mock-payload",
                                          "{\"trigger_type\":\"message.created\"}");
  g_autoptr(SbtResponse) bad_mock = call (f, "POST", "/v3/webhooks/mock-payload",
                                          "{\"trigger_type\":\"nope\"}");
  g_autoptr(SbtResponse) ips = call (f, "GET", "/v3/webhooks/ip-addresses", NULL);
  g_autoptr(SbtResponse) test_event = NULL;
  g_autoptr(SbtResponse) failed_event = NULL;
  g_autofree char *body = NULL;
  JsonObject *n, *object;
  Delivery *d;

  /* §11 (e): grant.created. */
  n = sbt_data_object (mock);
  g_assert_cmpstr (sbt_str (n, "specversion"), ==, "1.0");
  g_assert_cmpstr (sbt_str (n, "type"), ==, "grant.created");
  g_assert_cmpstr (sbt_str (n, "source"), ==, "/nylas/system");
  object = json_object_get_object_member (json_object_get_object_member (n, "data"), "object");
  g_assert_cmpint (json_object_get_int_member (object, "code"), ==, 25012);
  g_assert_nonnull (sbt_str (object, "grant_id"));
  g_assert_nonnull (sbt_str (object, "integration_id"));
  g_assert_nonnull (sbt_str (object, "login_id"));
  g_assert_cmpstr (sbt_str (object, "provider"), ==, "google");
  g_assert_cmpstr (sbt_str (sbt_data_object (mock_msg), "type"), ==, "message.created");
  sbt_assert_error (bad_mock, 400, "api.invalid_request_error");

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (sbt_data_object (ips),
                                                                         "ip_addresses")), >, 0);
  g_assert_true (json_object_has_member (sbt_data_object (ips), "updated_at"));

  /* send-test-event: signed with the fixed secret "mock-webhook-secret". */
  body = g_strdup_printf ("{\"trigger_type\":\"event.created\",\"webhook_url\":\"%s\"}",
                          f->receiver->url);
  test_event = call (f, "POST", "/v3/webhooks/send-test-event", body);
  g_assert_cmpuint (test_event->status, ==, 200);
  g_assert_cmpstr (json_node_get_string (json_object_get_member (sbt_root (test_event), "data")),
                   ==,
                   "success");
  g_assert_cmpuint (f->receiver->deliveries->len, ==, 1);
  d = g_ptr_array_index (f->receiver->deliveries, 0);
  g_assert_cmpint (verify (d, "mock-webhook-secret"), ==, NYL_WEBHOOK_VERDICT_VALID);

  f->receiver->post_status = 500;
  failed_event = call (f, "POST", "/v3/webhooks/send-test-event", body);
  sbt_assert_error (failed_event, 400, "api.invalid_request_error");
}

typedef struct
{
  Fixture    *f;
  const char *path;
  const char *status;
} WaitStatus;

static gboolean
has_status (gpointer data)
{
  WaitStatus *w = data;
  g_autoptr(SbtResponse) r = call (w->f, "GET", w->path, NULL);

  return g_strcmp0 (sbt_str (sbt_data_object (r), "status"), w->status) == 0;
}

static void
test_failing_and_failed (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *id = create_webhook (f, "", NULL);
  g_autofree char *path = g_strconcat ("/v3/webhooks/", id, NULL);
  g_autoptr(SbtResponse) faster = NULL;
  g_autoptr(SbtResponse) resumed = NULL;
  WaitStatus w = { f, path, "failing" };
  guint attempts;

  /* 100 simulated hours per real second: 72 h pass in under a second. */
  faster = sbt_call (f->session, "POST", f->url, "/__sandbox/faults", NULL,
                     "{\"webhook_clock_scale\":360000}");
  g_assert_cmpuint (faster->status, ==, 200);
  f->receiver->post_status = 503;

  g_free (patch_a_grant (f));
  /* Three attempts, then active → failing. */
  wait_deliveries (f->receiver, 3);
  g_assert_true (sbt_wait (has_status, &w, 20));
  g_assert_cmpuint (f->receiver->deliveries->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      Delivery *d = g_ptr_array_index (f->receiver->deliveries, i);
      g_autofree char *text = g_strndup (g_bytes_get_data (d->body, NULL),
                                         g_bytes_get_size (d->body));
      g_autoptr(JsonNode) node = json_from_string (text, NULL);

      g_assert_cmpint (json_object_get_int_member (json_node_get_object (node),
                                                   "webhook_delivery_attempt"), ==, i + 1);
    }

  /* Still failing once 72 simulated hours have passed: failing → failed, and deliveries stop. */
  sbt_iterate (800);
  g_free (patch_a_grant (f));
  w.status = "failed";
  g_assert_true (sbt_wait (has_status, &w, 20));
  attempts = f->receiver->deliveries->len;
  g_free (patch_a_grant (f));
  sbt_iterate (100);
  g_assert_cmpuint (f->receiver->deliveries->len, ==, attempts);

  /* A working endpoint and a reactivation bring it back. */
  f->receiver->post_status = 200;
  resumed = call (f, "PUT", path, "{\"status\":\"active\"}");
  g_assert_cmpstr (sbt_str (sbt_data_object (resumed), "status"), ==, "active");
  g_free (patch_a_grant (f));
  wait_deliveries (f->receiver, attempts + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sandbox/webhooks/create-and-challenge", Fixture, NULL, fixture_setup,
              test_create_and_challenge, fixture_teardown);
  g_test_add ("/sandbox/webhooks/crud", Fixture, NULL, fixture_setup, test_crud, fixture_teardown);
  g_test_add ("/sandbox/webhooks/delivery-and-rotation", Fixture, NULL, fixture_setup,
              test_delivery_and_rotation, fixture_teardown);
  g_test_add ("/sandbox/webhooks/compressed", Fixture, NULL, fixture_setup,
              test_compressed_delivery, fixture_teardown);
  g_test_add ("/sandbox/webhooks/mock-test-event-ips", Fixture, NULL, fixture_setup,
              test_mock_test_event_ips, fixture_teardown);
  g_test_add ("/sandbox/webhooks/failing-and-failed", Fixture, NULL, fixture_setup,
              test_failing_and_failed, fixture_teardown);

  return g_test_run ();
}
