/* test-webhook-receiver.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "nyl-api-error.h"
#include "nyl-webhook-receiver.h"

/* The receiver on loopback, driven by an async SoupSession in the same thread. */

#define SECRET     "whsec-current-0123456789"
#define OLD_SECRET "whsec-previous-abcdefghij"
#define PAYLOAD    "{\"specversion\":\"1.0\",\"type\":\"grant.created\"," \
                   "\"source\":\"/nylas/system\",\"id\":\"notif-123\"," \
                   "\"time\":1234567890,\"data\":{\"object\":{}}}"

typedef struct
{
  NylWebhookReceiver *receiver;
  SoupSession        *session;
  GPtrArray          *deliveries;
  GPtrArray          *challenges;
} Fixture;

static void
on_delivery (NylWebhookReceiver *receiver,
             NylWebhookDelivery *delivery,
             Fixture            *fixture)
{
  g_ptr_array_add (fixture->deliveries, g_object_ref (delivery));
}

static void
on_challenge (NylWebhookReceiver *receiver,
              const char         *value,
              Fixture            *fixture)
{
  g_ptr_array_add (fixture->challenges, g_strdup (value));
}

static void
collect_delivery (NylWebhookReceiver *receiver,
                  NylWebhookDelivery *delivery,
                  GPtrArray          *array)
{
  g_ptr_array_add (array, g_object_ref (delivery));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *secrets[] = { SECRET, NULL };

  fixture->receiver = nyl_webhook_receiver_new ();
  fixture->session = soup_session_new ();
  fixture->deliveries = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->challenges = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (fixture->receiver, "delivery", G_CALLBACK (on_delivery), fixture);
  g_signal_connect (fixture->receiver, "challenge", G_CALLBACK (on_challenge), fixture);
  nyl_webhook_receiver_set_secrets (fixture->receiver, secrets);

  g_assert_true (nyl_webhook_receiver_listen (fixture->receiver, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (nyl_webhook_receiver_get_port (fixture->receiver), >, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->session);
  nyl_webhook_receiver_stop (fixture->receiver);
  g_assert_null (nyl_webhook_receiver_get_url (fixture->receiver));
  g_assert_finalize_object (fixture->receiver);
  g_ptr_array_unref (fixture->deliveries);
  g_ptr_array_unref (fixture->challenges);

  /* Let the server's sockets go. */
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
}

typedef struct
{
  GBytes *body;
  guint   status;
  char   *content_type;
  gboolean chunked;
  gboolean done;
} Reply;

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Reply *reply = user_data;
  g_autoptr(GError) error = NULL;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (object), result);

  reply->body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  g_assert_no_error (error);
  reply->status = soup_message_get_status (msg);
  reply->content_type = g_strdup (soup_message_headers_get_content_type (
                                    soup_message_get_response_headers (msg), NULL));
  reply->chunked = soup_message_headers_get_encoding (soup_message_get_response_headers (msg)) ==
                   SOUP_ENCODING_CHUNKED;
  reply->done = TRUE;
}

static void
reply_clear (Reply *reply)
{
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_clear_pointer (&reply->content_type, g_free);
}

static void
send_message (SoupSession *session,
              SoupMessage *msg,
              Reply       *reply)
{
  memset (reply, 0, sizeof *reply);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, send_cb, reply);
  while (!reply->done)
    g_main_context_iteration (NULL, TRUE);
}

static SoupMessage *
new_post (Fixture    *fixture,
          const char *path,
          GBytes     *body,
          const char *signature,
          gboolean    gzip)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u%s",
                                          nyl_webhook_receiver_get_port (fixture->receiver),
                                          path);
  SoupMessage *msg = soup_message_new ("POST", url);

  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  if (signature != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg),
                                  "X-Nylas-Signature", signature);
  if (gzip)
    soup_message_headers_replace (soup_message_get_request_headers (msg),
                                  "Content-Encoding", "gzip");
  return msg;
}

static NylWebhookDelivery *
post (Fixture    *fixture,
      const char *path,
      GBytes     *body,
      const char *signature,
      gboolean    gzip)
{
  g_autoptr(SoupMessage) msg = new_post (fixture, path, body, signature, gzip);
  guint before = fixture->deliveries->len;
  Reply reply;

  send_message (fixture->session, msg, &reply);
  g_assert_cmpuint (reply.status, ==, 200);
  reply_clear (&reply);
  g_assert_cmpuint (fixture->deliveries->len, ==, before + 1);

  return g_ptr_array_index (fixture->deliveries, before);
}

static void
test_challenge (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *url = g_strdup_printf ("%s?challenge=abc%%20123%%2Bx",
                                          nyl_webhook_receiver_get_url (fixture->receiver));
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  Reply reply;

  send_message (fixture->session, msg, &reply);
  g_assert_cmpuint (reply.status, ==, 200);
  /* The raw value: no quotes, no JSON, not chunked. */
  g_assert_cmpmem (g_bytes_get_data (reply.body, NULL), g_bytes_get_size (reply.body),
                   "abc 123+x", 9);
  g_assert_cmpstr (reply.content_type, ==, "text/plain");
  g_assert_false (reply.chunked);
  reply_clear (&reply);

  g_assert_cmpuint (fixture->challenges->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->challenges, 0), ==, "abc 123+x");
  g_assert_cmpuint (fixture->deliveries->len, ==, 0);
}

static void
test_valid_delivery (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GBytes) body = g_bytes_new_static (PAYLOAD, strlen (PAYLOAD));
  g_autofree char *signature = nyl_webhook_signature_sign (body, SECRET);
  g_autoptr(JsonNode) json = NULL;
  NylWebhookDelivery *delivery;
  JsonObject *object;

  delivery = post (fixture, "/hooks/nylas?x=1", body, signature, FALSE);

  g_assert_cmpint (nyl_webhook_delivery_get_verdict (delivery), ==, NYL_WEBHOOK_VERDICT_VALID);
  g_assert_true (nyl_webhook_delivery_get_verified (delivery));
  g_assert_cmpint (nyl_webhook_delivery_get_matched_index (delivery), ==, 0);
  g_assert_cmpstr (nyl_webhook_delivery_get_method (delivery), ==, "POST");
  g_assert_cmpstr (nyl_webhook_delivery_get_path (delivery), ==, "/hooks/nylas?x=1");
  g_assert_cmpstr (nyl_webhook_delivery_get_trigger_type (delivery), ==, "grant.created");
  g_assert_cmpstr (nyl_webhook_delivery_get_notification_id (delivery), ==, "notif-123");
  g_assert_cmpstr (nyl_webhook_delivery_get_header (delivery, "content-type"), ==,
                   "application/json");
  g_assert_true (g_bytes_equal (nyl_webhook_delivery_get_body (delivery), body));
  g_assert_cmpint (nyl_webhook_delivery_get_received_at (delivery), >, 0);
  g_assert_cmpuint (nyl_webhook_receiver_get_n_deliveries (fixture->receiver), ==, 1);

  json = nyl_webhook_delivery_to_json (delivery);
  object = json_node_get_object (json);
  g_assert_true (json_object_get_boolean_member (object, "verified"));
  g_assert_cmpstr (json_object_get_string_member (object, "verdict"), ==, "valid");
  g_assert_cmpstr (json_object_get_string_member (object, "type"), ==, "grant.created");
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "notif-123");
  g_assert_cmpint (json_object_get_int_member (object, "matched_secret"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "body_size"), ==, strlen (PAYLOAD));
}

static void
test_old_and_new_secret (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GBytes) body = g_bytes_new_static (PAYLOAD, strlen (PAYLOAD));
  g_autofree char *old_signature = nyl_webhook_signature_sign (body, OLD_SECRET);
  const char *secrets[] = { SECRET, OLD_SECRET, NULL };
  NylWebhookDelivery *delivery;

  delivery = post (fixture, "/", body, old_signature, FALSE);
  g_assert_cmpint (nyl_webhook_delivery_get_verdict (delivery), ==,
                   NYL_WEBHOOK_VERDICT_MISMATCH);
  g_assert_cmpint (nyl_webhook_delivery_get_matched_index (delivery), ==, -1);

  /* During a rotation window both are accepted, and the one that matched is named. */
  nyl_webhook_receiver_set_secrets (fixture->receiver, secrets);
  delivery = post (fixture, "/", body, old_signature, FALSE);
  g_assert_cmpint (nyl_webhook_delivery_get_verdict (delivery), ==, NYL_WEBHOOK_VERDICT_VALID);
  g_assert_cmpint (nyl_webhook_delivery_get_matched_index (delivery), ==, 1);
}

static void
test_bad_deliveries (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GBytes) body = g_bytes_new_static (PAYLOAD, strlen (PAYLOAD));
  g_autoptr(GBytes) garbage = g_bytes_new_static ("not json at all", 15);
  g_autofree char *signature = nyl_webhook_signature_sign (body, SECRET);
  g_autofree char *garbage_signature = nyl_webhook_signature_sign (garbage, SECRET);
  g_autofree char *flipped = g_strdup (signature);
  NylWebhookDelivery *delivery;

  flipped[10] = flipped[10] == '0' ? '1' : '0';

  delivery = post (fixture, "/", body, NULL, FALSE);
  g_assert_cmpint (nyl_webhook_delivery_get_verdict (delivery), ==,
                   NYL_WEBHOOK_VERDICT_NO_HEADER);

  delivery = post (fixture, "/", body, "zz-not-hex", FALSE);
  g_assert_cmpint (nyl_webhook_delivery_get_verdict (delivery), ==,
                   NYL_WEBHOOK_VERDICT_MALFORMED_HEX);

  delivery = post (fixture, "/", body, flipped, FALSE);
  g_assert_cmpint (nyl_webhook_delivery_get_verdict (delivery), ==,
                   NYL_WEBHOOK_VERDICT_MISMATCH);
  g_assert_false (nyl_webhook_delivery_get_verified (delivery));

  /* A body that is not JSON is still verified and reported. */
  delivery = post (fixture, "/", garbage, garbage_signature, FALSE);
  g_assert_cmpint (nyl_webhook_delivery_get_verdict (delivery), ==, NYL_WEBHOOK_VERDICT_VALID);
  g_assert_null (nyl_webhook_delivery_get_trigger_type (delivery));
  g_assert_null (nyl_webhook_delivery_get_payload (delivery));

  /* Claims gzip but is not. */
  delivery = post (fixture, "/", body, flipped, TRUE);
  g_assert_cmpint (nyl_webhook_delivery_get_verdict (delivery), ==,
                   NYL_WEBHOOK_VERDICT_GZIP_ERROR);

  /* Without secrets nothing can be verified. */
  nyl_webhook_receiver_set_secrets (fixture->receiver, NULL);
  delivery = post (fixture, "/", body, signature, FALSE);
  g_assert_cmpint (nyl_webhook_delivery_get_verdict (delivery), ==,
                   NYL_WEBHOOK_VERDICT_NO_SECRET);

  g_assert_cmpuint (nyl_webhook_receiver_get_n_deliveries (fixture->receiver), ==, 6);
}

static void
test_gzip_delivery (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GBytes) plain = g_bytes_new_static (PAYLOAD, strlen (PAYLOAD));
  g_autoptr(GBytes) compressed = nyl_gzip_compress (plain);
  g_autofree char *over_wire = nyl_webhook_signature_sign (compressed, SECRET);
  g_autofree char *over_plain = nyl_webhook_signature_sign (plain, SECRET);
  NylWebhookDelivery *delivery;

  /* Kept raw: the receiver does not decompress what it stores. */
  delivery = post (fixture, "/", compressed, over_wire, TRUE);
  g_assert_true (nyl_webhook_delivery_get_gzip_encoded (delivery));
  g_assert_true (g_bytes_equal (nyl_webhook_delivery_get_body (delivery), compressed));
  g_assert_cmpint (nyl_webhook_delivery_get_verdict (delivery), ==, NYL_WEBHOOK_VERDICT_VALID);
  g_assert_cmpstr (nyl_webhook_delivery_get_trigger_type (delivery), ==, "grant.created");

  delivery = post (fixture, "/", compressed, over_plain, TRUE);
  g_assert_cmpint (nyl_webhook_delivery_get_verdict (delivery), ==, NYL_WEBHOOK_VERDICT_VALID);
}

static void
test_too_large (Fixture       *fixture,
                gconstpointer  data)
{
  gsize size = NYL_WEBHOOK_RECEIVER_MAX_BODY_SIZE + 1;
  g_autoptr(GBytes) body = g_bytes_new_take (g_malloc0 (size), size);
  g_autoptr(SoupMessage) msg = new_post (fixture, "/", body, "00", FALSE);
  g_autoptr(GBytes) small = g_bytes_new_static (PAYLOAD, strlen (PAYLOAD));
  g_autofree char *signature = nyl_webhook_signature_sign (small, SECRET);
  Reply reply;

  send_message (fixture->session, msg, &reply);
  g_assert_cmpuint (reply.status, ==, 413);
  reply_clear (&reply);
  g_assert_cmpuint (fixture->deliveries->len, ==, 0);

  /* And it keeps serving. */
  post (fixture, "/", small, signature, FALSE);
  g_assert_cmpuint (fixture->deliveries->len, ==, 1);
}

typedef struct
{
  guint    status;
  GError  *error;
  gboolean done;
} Forwarded;

static void
forward_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Forwarded *forwarded = user_data;

  forwarded->status = nyl_webhook_receiver_forward_finish (NYL_WEBHOOK_RECEIVER (object), result,
                                                           &forwarded->error);
  forwarded->done = TRUE;
}

static void
test_forward (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(NylWebhookReceiver) target = nyl_webhook_receiver_new ();
  g_autoptr(GPtrArray) received = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) plain = g_bytes_new_static (PAYLOAD, strlen (PAYLOAD));
  g_autoptr(GBytes) compressed = nyl_gzip_compress (plain);
  g_autofree char *signature = nyl_webhook_signature_sign (compressed, SECRET);
  g_autoptr(GError) error = NULL;
  g_autofree char *target_url = NULL;
  const char *new_secrets[] = { "another-secret", NULL };
  NylWebhookDelivery *original;
  NylWebhookDelivery *copy;
  Forwarded forwarded = { 0 };
  const char *secrets[] = { SECRET, NULL };

  nyl_webhook_receiver_set_secrets (target, secrets);
  g_assert_true (nyl_webhook_receiver_listen (target, 0, &error));
  g_assert_no_error (error);
  g_signal_connect (target, "delivery", G_CALLBACK (collect_delivery), received);
  target_url = g_strdup_printf ("%sforwarded", nyl_webhook_receiver_get_url (target));

  original = post (fixture, "/", compressed, signature, TRUE);

  /* As received: same bytes, encoding and signature. */
  nyl_webhook_receiver_forward_async (fixture->receiver, original, target_url, NULL, NULL,
                                      forward_cb, &forwarded);
  while (!forwarded.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (forwarded.error);
  g_assert_cmpuint (forwarded.status, ==, 200);
  g_assert_cmpuint (received->len, ==, 1);
  copy = g_ptr_array_index (received, 0);
  g_object_ref (copy);
  g_assert_cmpstr (nyl_webhook_delivery_get_path (copy), ==, "/forwarded");
  g_assert_true (g_bytes_equal (nyl_webhook_delivery_get_body (copy), compressed));
  g_assert_true (nyl_webhook_delivery_get_gzip_encoded (copy));
  g_assert_cmpstr (nyl_webhook_delivery_get_signature (copy), ==, signature);
  g_assert_true (nyl_webhook_delivery_get_verified (copy));

  /* Re-signed with another secret: the target only accepts it with that one. */
  memset (&forwarded, 0, sizeof forwarded);
  nyl_webhook_receiver_set_secrets (target, new_secrets);
  nyl_webhook_receiver_forward_async (fixture->receiver, original, target_url, "another-secret",
                                      NULL, forward_cb, &forwarded);
  while (!forwarded.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (forwarded.error);
  g_assert_cmpuint (received->len, ==, 2);
  g_assert_true (nyl_webhook_delivery_get_verified (g_ptr_array_index (received, 1)));

  /* Plain http to another host is refused before anything is sent. */
  memset (&forwarded, 0, sizeof forwarded);
  nyl_webhook_receiver_forward_async (fixture->receiver, original, "http://example.com/hook",
                                      NULL, NULL, forward_cb, &forwarded);
  while (!forwarded.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (forwarded.error, NYL_API_ERROR, NYL_API_ERROR_INSECURE_URL);
  g_clear_error (&forwarded.error);

  /* Nobody listening: a network error, not a crash. */
  nyl_webhook_receiver_stop (target);
  memset (&forwarded, 0, sizeof forwarded);
  nyl_webhook_receiver_forward_async (fixture->receiver, original, target_url, NULL, NULL,
                                      forward_cb, &forwarded);
  while (!forwarded.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (forwarded.error, NYL_API_ERROR, NYL_API_ERROR_NETWORK);
  g_clear_error (&forwarded.error);
  g_object_unref (copy);
}

static void
test_forward_url_check (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (nyl_webhook_forward_url_check ("https://example.com/hook?a=b", NULL));
  g_assert_true (nyl_webhook_forward_url_check ("http://127.0.0.1:8080/x", NULL));
  g_assert_true (nyl_webhook_forward_url_check ("http://localhost/x", NULL));
  g_assert_true (nyl_webhook_forward_url_check ("http://[::1]:9/x", NULL));
  g_assert_false (nyl_webhook_forward_url_check ("http://10.0.0.1/x", &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INSECURE_URL);
  g_clear_error (&error);
  g_assert_false (nyl_webhook_forward_url_check ("ftp://127.0.0.1/x", &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_clear_error (&error);
  g_assert_false (nyl_webhook_forward_url_check ("not a url", &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
}

static void
test_port_in_use (void)
{
  g_autoptr(NylWebhookReceiver) first = nyl_webhook_receiver_new ();
  g_autoptr(NylWebhookReceiver) second = nyl_webhook_receiver_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (nyl_webhook_receiver_listen (first, 0, &error));
  g_assert_no_error (error);
  g_assert_false (nyl_webhook_receiver_listen (second, nyl_webhook_receiver_get_port (first),
                                               &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_NETWORK);
  g_assert_cmpuint (nyl_webhook_receiver_get_port (second), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/webhook-receiver/challenge", Fixture, NULL,
              fixture_set_up, test_challenge, fixture_tear_down);
  g_test_add ("/webhook-receiver/valid", Fixture, NULL,
              fixture_set_up, test_valid_delivery, fixture_tear_down);
  g_test_add ("/webhook-receiver/old-and-new-secret", Fixture, NULL,
              fixture_set_up, test_old_and_new_secret, fixture_tear_down);
  g_test_add ("/webhook-receiver/bad", Fixture, NULL,
              fixture_set_up, test_bad_deliveries, fixture_tear_down);
  g_test_add ("/webhook-receiver/gzip", Fixture, NULL,
              fixture_set_up, test_gzip_delivery, fixture_tear_down);
  g_test_add ("/webhook-receiver/too-large", Fixture, NULL,
              fixture_set_up, test_too_large, fixture_tear_down);
  g_test_add ("/webhook-receiver/forward", Fixture, NULL,
              fixture_set_up, test_forward, fixture_tear_down);
  g_test_add_func ("/webhook-receiver/forward-url-check", test_forward_url_check);
  g_test_add_func ("/webhook-receiver/port-in-use", test_port_in_use);

  return g_test_run ();
}
