/* nyl-sandbox-webhooks.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-sandbox-webhooks"

#include "config.h"

#include <string.h>

#include "nyl-sandbox-private.h"
#include "nyl-webhook-signature.h"

/* /v3/webhooks (nylas-api.md §9) and the deliveries. Only loopback URLs are ever contacted: the
 * challenge on create (and on reactivation or a new URL), notifications, test events. Other URLs
 * are simulated as reachable. A notification gets up to three attempts; when the last one fails
 * the webhook turns "failing", and once it has been failing for 72 simulated hours the next failure
 * turns it "failed" and deliveries stop. The clock is compressed by webhook_clock_scale (a fault
 * setting, 3600 simulated seconds per real second by default). */

#define MAX_ATTEMPTS 3
#define FAILED_AFTER (72.0 * 3600.0)
#define TEST_EVENT_SECRET "mock-webhook-secret"

static const char * const triggers[] = {
  "calendar.created", "calendar.updated", "calendar.deleted",
  "event.created", "event.updated", "event.deleted",
  "grant.created", "grant.updated", "grant.deleted", "grant.expired", "grant.imap_sync_completed",
  "message.send_success", "message.send_failed", "message.bounce_detected",
  "message.created", "message.created.cleaned", "message.created.truncated",
  "message.opened", "message.opened.legacy", "message.updated", "message.updated.truncated",
  "message.link_clicked", "message.link_clicked.legacy",
  "thread.replied", "thread.replied.legacy",
  "contact.updated", "contact.deleted",
  "folder.created", "folder.updated", "folder.deleted",
  "booking.created", "booking.pending", "booking.rescheduled", "booking.cancelled",
  "booking.reminder",
  "message.deleted", "message.transactional.bounced", "message.transactional.complaint",
  "message.transactional.delivered", "message.transactional.rejected",
  "message.bounced", "message.complaint", "message.delivered", "message.rejected",
  "notetaker.created", "notetaker.updated", "notetaker.deleted", "notetaker.meeting_state",
  "notetaker.media",
  "message.intelligence.order", "message.intelligence.tracking", "message.intelligence.return",
  NULL,
};

gboolean
nyl_sb_webhooks_is_trigger (const char *trigger)
{
  return trigger != NULL && g_strv_contains (triggers, trigger);
}

/* ---- notification bodies ----------------------------------------------------------------- */

static char *
integration_id (NylSbApp   *app,
                const char *provider)
{
  g_autofree char *key = g_strconcat (app->application_id, "/", provider, NULL);
  g_autofree char *hex = nyl_sb_sha256_hex (key, -1);

  return g_strdup_printf ("%.8s-%.4s-4%.3s-a%.3s-%.12s", hex, hex + 8, hex + 12, hex + 15,
                          hex + 18);
}

JsonObject *
nyl_sb_grant_notification_object (NylSbApp         *app,
                                  const NylSbGrant *grant,
                                  const char       *trigger)
{
  JsonObject *o = json_object_new ();
  g_autofree char *integration = integration_id (app, grant->provider);
  g_autofree char *login = g_strdup_printf ("login-%.8s", grant->id);

  json_object_set_int_member (o, "code", 25012);
  json_object_set_string_member (o, "grant_id", grant->id);
  json_object_set_string_member (o, "integration_id", integration);
  json_object_set_string_member (o, "login_id", login);
  json_object_set_string_member (o, "provider", grant->provider);
  if (g_str_equal (trigger, "grant.updated"))
    json_object_set_boolean_member (o, "reauthentication_flag", FALSE);
  return o;
}

static const char *
source_for (const char *trigger)
{
  if (g_str_has_prefix (trigger, "grant."))
    return "/nylas/system";
  if (g_str_has_prefix (trigger, "message.send_") || g_str_has_prefix (trigger, "message.bounce"))
    return "/nylas/send";
  if (g_str_has_prefix (trigger, "message.opened") || g_str_has_prefix (trigger, "message.link_") ||
      g_str_has_prefix (trigger, "thread.replied"))
    return "/com/nylas/tracking";
  if (g_str_has_prefix (trigger, "notetaker."))
    return "/nylas/notetaker";
  if (g_str_has_prefix (trigger, "booking."))
    return "/nylas/scheduler";
  if (g_str_has_prefix (trigger, "event.") || g_str_has_prefix (trigger, "calendar."))
    return "/google/calendar/realtime";
  return "/google/emails/realtime";
}

static JsonObject *
mock_object (NylSbApp   *app,
             const char *trigger)
{
  JsonObject *o = json_object_new ();
  g_autofree char *family = g_strndup (trigger, strcspn (trigger, "."));

  if (g_str_equal (family, "grant"))
    {
      g_autofree char *integration = integration_id (app, "google");

      json_object_set_int_member (o, "code", 25012);
      json_object_set_string_member (o, "grant_id", "mock-grant-id");
      json_object_set_string_member (o, "integration_id", integration);
      json_object_set_string_member (o, "login_id", "mock-login-id");
      json_object_set_string_member (o, "provider", "google");
      if (g_str_equal (trigger, "grant.updated"))
        json_object_set_boolean_member (o, "reauthentication_flag", FALSE);
      return o;
    }

  json_object_set_string_member (o, "id", "mock-object-id");
  json_object_set_string_member (o, "grant_id", "mock-grant-id");
  if (g_str_equal (family, "message"))
    {
      JsonObject *from = json_object_new ();
      JsonObject *to = json_object_new ();
      JsonArray *from_list = json_array_new ();
      JsonArray *to_list = json_array_new ();

      json_object_set_string_member (o, "object", "message");
      json_object_set_string_member (o, "subject", "Hello from the sandbox");
      json_object_set_string_member (from, "email", "sender@acme.example");
      json_object_set_string_member (from, "name", "Sandbox Sender");
      json_array_add_object_element (from_list, from);
      json_object_set_array_member (o, "from", from_list);
      json_object_set_string_member (to, "email", "recipient@acme.example");
      json_array_add_object_element (to_list, to);
      json_object_set_array_member (o, "to", to_list);
      json_object_set_string_member (o, "thread_id", "mock-thread-id");
      json_object_set_string_member (o, "snippet", "This is a mock message.");
      json_object_set_int_member (o, "date", 1234567890);
      json_object_set_boolean_member (o, "unread", TRUE);
    }
  else if (g_str_equal (family, "event"))
    {
      JsonObject *when = json_object_new ();

      json_object_set_string_member (o, "object", "event");
      json_object_set_string_member (o, "calendar_id", "mock-calendar-id");
      json_object_set_string_member (o, "title", "Sandbox meeting");
      json_object_set_string_member (when, "object", "timespan");
      json_object_set_int_member (when, "start_time", 1234567890);
      json_object_set_int_member (when, "end_time", 1234571490);
      json_object_set_object_member (o, "when", when);
    }
  else if (g_str_equal (family, "calendar"))
    {
      json_object_set_string_member (o, "object", "calendar");
      json_object_set_string_member (o, "name", "Sandbox calendar");
      json_object_set_string_member (o, "timezone", "UTC");
    }
  else if (g_str_equal (family, "contact"))
    {
      json_object_set_string_member (o, "object", "contact");
      json_object_set_string_member (o, "given_name", "Sandbox");
    }
  else if (g_str_equal (family, "folder"))
    {
      json_object_set_string_member (o, "object", "folder");
      json_object_set_string_member (o, "name", "Sandbox folder");
    }
  else if (g_str_equal (family, "thread"))
    {
      json_object_set_string_member (o, "object", "thread");
      json_object_set_string_member (o, "message_id", "mock-message-id");
      json_object_set_string_member (o, "thread_id", "mock-thread-id");
    }
  else
    {
      json_object_set_string_member (o, "object", family);
    }
  return o;
}

JsonNode *
nyl_sb_webhooks_notification (NylSandbox *self,
                              NylSbApp   *app,
                              const char *trigger,
                              JsonObject *object)
{
  JsonObject *o = json_object_new ();
  JsonObject *data = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *id = nyl_sb_state_new_uuid (self->state);

  json_object_set_string_member (o, "specversion", "1.0");
  json_object_set_string_member (o, "type", trigger);
  json_object_set_string_member (o, "source", source_for (trigger));
  json_object_set_string_member (o, "id", id);
  json_object_set_int_member (o, "time", nyl_sb_now ());
  json_object_set_int_member (o, "webhook_delivery_attempt", 1);
  json_object_set_string_member (data, "application_id", app->application_id);
  json_object_set_object_member (data, "object", nyl_sb_json_object_copy (object));
  json_object_set_object_member (o, "data", data);
  json_node_take_object (node, o);
  return node;
}

/* ---- deliveries -------------------------------------------------------------------------- */

typedef struct
{
  NylSandbox   *sandbox;
  char         *app_id;
  char         *webhook_id;     /* NULL for a test event */
  char         *url;            /* for a test event */
  JsonNode     *notification;
  guint         attempt;
  guint         timeout_id;
  NylSbRequest *req;            /* send-test-event waits for its delivery */
} Delivery;

static void
delivery_free (Delivery *d)
{
  g_clear_handle_id (&d->timeout_id, g_source_remove);
  g_object_unref (d->sandbox);
  g_free (d->app_id);
  g_free (d->webhook_id);
  g_free (d->url);
  json_node_unref (d->notification);
  g_clear_pointer (&d->req, nyl_sb_request_unref);
  g_free (d);
}

static NylSbWebhook *
delivery_webhook (Delivery  *d,
                  NylSbApp **app_out)
{
  NylSbApp *app = nyl_sb_state_find_app (d->sandbox->state, d->app_id);

  if (app_out != NULL)
    *app_out = app;
  return app != NULL ? nyl_sb_webhook_find (app, d->webhook_id) : NULL;
}

static void
set_status (NylSbWebhook *webhook,
            const char   *status)
{
  if (g_str_equal (webhook->status, status))
    return;
  g_free (webhook->status);
  webhook->status = g_strdup (status);
  webhook->status_updated_at = nyl_sb_now ();
}

static void delivery_attempt (Delivery *d);

static gboolean
retry_cb (gpointer data)
{
  Delivery *d = data;

  d->timeout_id = 0;
  g_hash_table_remove (d->sandbox->deliveries, d);
  delivery_attempt (d);
  return G_SOURCE_REMOVE;
}

static void
delivery_finished (Delivery *d,
                   gboolean  ok,
                   guint     status)
{
  NylSandbox *self = d->sandbox;
  NylSbWebhook *webhook;
  double scale = self->faults.webhook_clock_scale;

  if (d->webhook_id == NULL)
    {
      /* A test event: one attempt, its result is the answer. */
      if (ok)
        {
          JsonNode *data = json_node_new (JSON_NODE_VALUE);

          json_node_set_string (data, "success");
          nyl_sb_reply_data (d->req, 200, data);
        }
      else
        {
          nyl_sb_reply_error (d->req, 400, "api.invalid_request_error",
                              "The test event could not be delivered (HTTP status %u)", status);
        }
      delivery_free (d);
      return;
    }

  webhook = delivery_webhook (d, NULL);
  if (webhook == NULL)
    {
      delivery_free (d);
      return;
    }

  if (ok)
    {
      webhook->succeeded_deliveries++;
      webhook->failing_since = 0;
      if (g_str_equal (webhook->status, "failing"))
        {
          set_status (webhook, "active");
          nyl_sb_changed (self);
        }
      delivery_free (d);
      return;
    }

  if (d->attempt < MAX_ATTEMPTS && self->running)
    {
      /* Backoff: 2 then 10 simulated minutes, the last attempt 12 minutes after the first. */
      double delay = (d->attempt == 1 ? 120.0 : 600.0) / scale;

      d->attempt++;
      d->timeout_id = g_timeout_add (MAX (1, (guint) (delay * 1000.0)), retry_cb, d);
      g_hash_table_add (self->deliveries, d);
      return;
    }

  webhook->failed_deliveries++;
  if (g_str_equal (webhook->status, "active"))
    {
      webhook->failing_since = g_get_monotonic_time ();
      set_status (webhook, "failing");
      nyl_sb_changed (self);
    }
  else if (g_str_equal (webhook->status, "failing"))
    {
      double failing_for = (double) (g_get_monotonic_time () - webhook->failing_since) /
                           G_USEC_PER_SEC * scale;

      if (webhook->failing_since == 0)
        webhook->failing_since = g_get_monotonic_time ();
      else if (failing_for >= FAILED_AFTER)
        {
          set_status (webhook, "failed");
          nyl_sb_changed (self);
        }
    }
  delivery_free (d);
}

static void
delivery_sent_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Delivery *d = user_data;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessage *msg;
  guint status = 0;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      delivery_free (d);
      return;
    }
  msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  if (body != NULL && msg != NULL)
    status = soup_message_get_status (msg);
  delivery_finished (d, status == SOUP_STATUS_OK, status);
}

static void
delivery_attempt (Delivery *d)
{
  NylSandbox *self = d->sandbox;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GBytes) wire = NULL;
  g_autofree char *signature = NULL;
  const char *url, *secret;
  gboolean compressed;
  char *text;
  gsize length;

  if (!self->running)
    {
      delivery_free (d);
      return;
    }

  if (d->webhook_id != NULL)
    {
      NylSbWebhook *webhook = delivery_webhook (d, NULL);

      /* Deleted, paused or failed meanwhile: nothing more is sent. */
      if (webhook == NULL || g_str_equal (webhook->status, "pause") ||
          g_str_equal (webhook->status, "failed"))
        {
          delivery_free (d);
          return;
        }
      url = webhook->webhook_url;
      secret = webhook->secret;     /* the current one: a rotation applies at once */
      compressed = webhook->compressed_delivery;
    }
  else
    {
      url = d->url;
      secret = TEST_EVENT_SECRET;
      compressed = FALSE;
    }

  if (!nyl_sb_request_is_loopback_url (url))
    {
      /* Never leaves the machine: simulated as delivered. */
      delivery_finished (d, TRUE, 200);
      return;
    }

  json_object_set_int_member (json_node_get_object (d->notification), "webhook_delivery_attempt",
                              d->attempt);
  generator = json_generator_new ();
  json_generator_set_root (generator, d->notification);
  text = json_generator_to_data (generator, &length);
  json = g_bytes_new_take (text, length);
  wire = compressed ? nyl_gzip_compress (json) : g_bytes_ref (json);
  /* The HMAC covers the bytes on the wire (the gzip bytes when compressed). */
  signature = nyl_webhook_signature_sign (wire, secret);

  msg = soup_message_new ("POST", url);
  if (msg == NULL)
    {
      delivery_finished (d, FALSE, 0);
      return;
    }
  soup_message_headers_replace (soup_message_get_request_headers (msg), "x-nylas-signature",
                                signature);
  if (compressed)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Content-Encoding",
                                  "gzip");
  soup_message_set_request_body_from_bytes (msg, "application/json", wire);
  soup_session_send_and_read_async (self->outgoing, msg, G_PRIORITY_DEFAULT, self->cancellable,
                                    delivery_sent_cb, d);
}

static Delivery *
delivery_new (NylSandbox *self,
              NylSbApp   *app,
              JsonNode   *notification)
{
  Delivery *d = g_new0 (Delivery, 1);

  d->sandbox = g_object_ref (self);
  d->app_id = g_strdup (app->application_id);
  d->notification = notification;
  d->attempt = 1;
  return d;
}

void
nyl_sb_webhooks_notify (NylSandbox *self,
                        NylSbApp   *app,
                        const char *trigger,
                        JsonObject *object)
{
  if (!self->running)
    return;

  for (guint i = 0; i < app->webhooks->len; i++)
    {
      NylSbWebhook *webhook = g_ptr_array_index (app->webhooks, i);
      Delivery *d;

      if (!g_strv_contains ((const char * const *) webhook->trigger_types, trigger) ||
          !(g_str_equal (webhook->status, "active") || g_str_equal (webhook->status, "failing")))
        continue;

      d = delivery_new (self, app, nyl_sb_webhooks_notification (self, app, trigger, object));
      d->webhook_id = g_strdup (webhook->id);
      delivery_attempt (d);
    }
}

void
nyl_sb_webhooks_stop (NylSandbox *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->deliveries);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_hash_table_iter_steal (&iter);
      delivery_free (key);
    }
}

/* ---- the challenge ----------------------------------------------------------------------- */

/* Called once, with the request still open; owns @data. */
typedef void (*ChallengeDone) (NylSbRequest *req,
                               gboolean      ok,
                               const char   *why,
                               gpointer      data);

typedef struct
{
  NylSbRequest  *req;
  char          *challenge;
  ChallengeDone  done;
  gpointer       data;
} Challenge;

static void
challenge_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Challenge *c = user_data;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessage *msg;
  g_autofree char *why = NULL;
  gboolean ok = FALSE;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  if (body == NULL)
    {
      why = g_strdup_printf ("the challenge request failed: %s", error->message);
    }
  else if (soup_message_get_status (msg) != SOUP_STATUS_OK)
    {
      why = g_strdup_printf ("the challenge got HTTP status %u instead of 200",
                             soup_message_get_status (msg));
    }
  else
    {
      gsize size;
      const char *data = g_bytes_get_data (body, &size);

      ok = size == strlen (c->challenge) && memcmp (data, c->challenge, size) == 0;
      if (!ok)
        why = g_strdup ("the body of the answer was not the challenge value");
    }

  c->done (c->req, ok, why, c->data);
  nyl_sb_request_unref (c->req);
  g_free (c->challenge);
  g_free (c);
}

/* Sends GET <url>?challenge=… when @url is on loopback (the reply waits), else calls @done at
 * once. The answer must be 200 with exactly the challenge value as its body (§9.3). */
static void
challenge_start (NylSbRequest  *req,
                 const char    *url,
                 ChallengeDone  done,
                 gpointer       data)
{
  NylSandbox *self = req->sandbox;
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *full = NULL;
  g_autofree char *challenge = NULL;
  Challenge *c;

  if (!nyl_sb_request_is_loopback_url (url))
    {
      done (req, TRUE, NULL, data);
      return;
    }

  challenge = nyl_sb_state_new_token (self->state, "", 32);
  full = g_strdup_printf ("%s%cchallenge=%s", url, strchr (url, '?') ? '&' : '?', challenge);
  msg = soup_message_new ("GET", full);
  if (msg == NULL)
    {
      done (req, FALSE, "the URL is not valid", data);
      return;
    }

  c = g_new0 (Challenge, 1);
  c->req = nyl_sb_request_ref (req);
  c->challenge = g_steal_pointer (&challenge);
  c->done = done;
  c->data = data;
  nyl_sb_request_pause (req);
  soup_session_send_and_read_async (self->outgoing, msg, G_PRIORITY_DEFAULT, self->cancellable,
                                    challenge_cb, c);
}

/* ---- handlers ---------------------------------------------------------------------------- */

static gboolean
check_url (NylSbRequest *req,
           const char   *url)
{
  g_autoptr(GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  const char *host;

  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error", "webhook_url must be a URL");
      return FALSE;
    }
  host = g_uri_get_host (uri);
  if (!(g_str_equal (g_uri_get_scheme (uri), "https") ||
        (g_str_equal (g_uri_get_scheme (uri), "http") && nyl_sb_request_is_loopback_url (url))))
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                          "webhook_url must use https (the sandbox also allows http on loopback)");
      return FALSE;
    }
  if (g_str_has_suffix (host, "ngrok.io") || g_str_has_suffix (host, "ngrok.app") ||
      g_str_has_suffix (host, "ngrok-free.app"))
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error", "ngrok URLs are not allowed");
      return FALSE;
    }
  return TRUE;
}

/* Reads an array of strings: NULL when absent, null or empty; *bad after a 400. */
static char **
read_list (NylSbRequest *req,
           JsonObject   *body,
           const char   *member,
           gboolean     *bad)
{
  JsonNode *node = json_object_get_member (body, member);
  g_auto(GStrv) list = NULL;

  *bad = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  list = nyl_sb_json_strv (body, member);
  if (list == NULL)
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error", "%s must be an array of strings",
                          member);
      *bad = TRUE;
      return NULL;
    }
  if (list[0] == NULL)
    return NULL;
  return g_steal_pointer (&list);
}

static gboolean
check_triggers (NylSbRequest *req,
                char        **list)
{
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    {
      if (!nyl_sb_webhooks_is_trigger (list[i]))
        {
          nyl_sb_reply_error (req, 400, "api.invalid_request_error", "Unknown trigger type “%s”",
                              list[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_emails (NylSbRequest *req,
              char        **list)
{
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    {
      const char *at = strchr (list[i], '@');

      if (at == NULL || at == list[i] || at[1] == '\0')
        {
          nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                              "“%s” is not an email address", list[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_bool (NylSbRequest *req,
           JsonObject   *body,
           const char   *member,
           int          *out)
{
  JsonNode *node = json_object_get_member (body, member);

  *out = -1;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error", "%s must be true or false",
                          member);
      return FALSE;
    }
  *out = json_node_get_boolean (node);
  return TRUE;
}

static void
create_done (NylSbRequest *req,
             gboolean      ok,
             const char   *why,
             gpointer      data)
{
  NylSbWebhook *webhook = data;

  if (!ok || !req->sandbox->running)
    {
      nyl_sb_webhook_free (webhook);
      nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                          "webhook_url failed verification: %s", why ? why : "stopped");
      return;
    }

  webhook->status_updated_at = webhook->created_at = webhook->updated_at = nyl_sb_now ();
  g_ptr_array_add (req->app->webhooks, webhook);
  nyl_sb_changed (req->sandbox);
  nyl_sb_reply_data (req, 200, nyl_sb_webhook_to_json (webhook, TRUE));
}

static void
create_webhook (NylSbRequest *req)
{
  JsonObject *body = nyl_sb_request_object (req);
  g_auto(GStrv) trigger_list = NULL;
  g_auto(GStrv) emails = NULL;
  const char *url, *description;
  NylSbWebhook *webhook;
  gboolean bad;
  int compressed;

  if (body == NULL)
    return;

  trigger_list = read_list (req, body, "trigger_types", &bad);
  if (bad)
    return;
  if (trigger_list == NULL)
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error", "trigger_types is required");
      return;
    }
  if (!check_triggers (req, trigger_list))
    return;
  url = nyl_sb_json_string (body, "webhook_url");
  if (!check_url (req, url))
    return;
  emails = read_list (req, body, "notification_email_addresses", &bad);
  if (bad || !check_emails (req, emails) ||
      !read_bool (req, body, "compressed_delivery", &compressed))
    return;
  description = nyl_sb_json_string (body, "description");

  webhook = g_new0 (NylSbWebhook, 1);
  webhook->id = nyl_sb_state_new_token (req->sandbox->state, "", 26);
  webhook->description = g_strdup (description ? description : "");
  webhook->trigger_types = g_steal_pointer (&trigger_list);
  webhook->webhook_url = g_strdup (url);
  webhook->status = g_strdup ("active");
  webhook->notification_email_addresses = emails ? g_steal_pointer (&emails) : g_new0 (char *, 1);
  webhook->compressed_delivery = compressed == 1;
  webhook->secret = nyl_sb_state_new_token (req->sandbox->state, "", 20);
  challenge_start (req, url, create_done, webhook);
}

typedef struct
{
  char      *id;
  char      *description;
  char     **trigger_types;
  char      *webhook_url;
  char      *status;
  char     **emails;
  int        compressed;
} Update;

static void
update_free (Update *u)
{
  g_free (u->id);
  g_free (u->description);
  g_strfreev (u->trigger_types);
  g_free (u->webhook_url);
  g_free (u->status);
  g_strfreev (u->emails);
  g_free (u);
}

static void
update_done (NylSbRequest *req,
             gboolean      ok,
             const char   *why,
             gpointer      data)
{
  Update *u = data;
  NylSbWebhook *webhook = nyl_sb_webhook_find (req->app, u->id);

  if (!ok || !req->sandbox->running)
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                          "webhook_url failed verification: %s", why ? why : "stopped");
    }
  else if (webhook == NULL)
    {
      nyl_sb_reply_not_found (req, "Webhook");
    }
  else
    {
      /* PUT: only what was sent (and not empty) changes (§9.1). */
      if (u->description != NULL)
        {
          g_free (webhook->description);
          webhook->description = g_steal_pointer (&u->description);
        }
      if (u->trigger_types != NULL)
        {
          g_strfreev (webhook->trigger_types);
          webhook->trigger_types = g_steal_pointer (&u->trigger_types);
        }
      if (u->webhook_url != NULL)
        {
          g_free (webhook->webhook_url);
          webhook->webhook_url = g_steal_pointer (&u->webhook_url);
        }
      if (u->emails != NULL)
        {
          g_strfreev (webhook->notification_email_addresses);
          webhook->notification_email_addresses = g_steal_pointer (&u->emails);
        }
      if (u->compressed >= 0)
        webhook->compressed_delivery = u->compressed;
      if (u->status != NULL)
        {
          if (g_str_equal (u->status, "active"))
            webhook->failing_since = 0;
          set_status (webhook, u->status);
        }
      webhook->updated_at = nyl_sb_now ();
      nyl_sb_changed (req->sandbox);
      nyl_sb_reply_data (req, 200, nyl_sb_webhook_to_json (webhook, FALSE));
    }
  update_free (u);
}

static void
update_webhook (NylSbRequest *req,
                NylSbWebhook *webhook)
{
  JsonObject *body = nyl_sb_request_object (req);
  Update *u;
  const char *s;
  gboolean bad, verify;

  if (body == NULL)
    return;

  u = g_new0 (Update, 1);
  u->id = g_strdup (webhook->id);
  if ((s = nyl_sb_json_string (body, "description")) != NULL && s[0] != '\0')
    u->description = g_strdup (s);
  u->trigger_types = read_list (req, body, "trigger_types", &bad);
  if (bad || !check_triggers (req, u->trigger_types))
    goto invalid;
  if ((s = nyl_sb_json_string (body, "webhook_url")) != NULL && s[0] != '\0')
    {
      if (!check_url (req, s))
        goto invalid;
      u->webhook_url = g_strdup (s);
    }
  if ((s = nyl_sb_json_string (body, "status")) != NULL && s[0] != '\0')
    {
      if (!g_str_equal (s, "active") && !g_str_equal (s, "pause"))
        {
          nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                              "status can only be set to active or pause");
          goto invalid;
        }
      u->status = g_strdup (s);
    }
  u->emails = read_list (req, body, "notification_email_addresses", &bad);
  if (bad || !check_emails (req, u->emails) ||
      !read_bool (req, body, "compressed_delivery", &u->compressed))
    goto invalid;

  /* A new URL, or a reactivation, is verified again with a challenge (§9.3). */
  verify = (u->webhook_url != NULL && !g_str_equal (u->webhook_url, webhook->webhook_url)) ||
           (u->status != NULL && g_str_equal (u->status, "active") &&
            !g_str_equal (webhook->status, "active"));
  if (verify)
    challenge_start (req, u->webhook_url ? u->webhook_url : webhook->webhook_url, update_done, u);
  else
    update_done (req, TRUE, NULL, u);
  return;

invalid:
  update_free (u);
}

static void
send_test_event (NylSbRequest *req)
{
  JsonObject *body = nyl_sb_request_object (req);
  const char *trigger, *url;
  g_autoptr(JsonObject) object = NULL;
  Delivery *d;

  if (body == NULL)
    return;
  trigger = nyl_sb_json_string (body, "trigger_type");
  url = nyl_sb_json_string (body, "webhook_url");
  if (!nyl_sb_webhooks_is_trigger (trigger))
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                          "trigger_type must be a known trigger type");
      return;
    }
  if (!check_url (req, url))
    return;

  object = mock_object (req->app, trigger);
  d = delivery_new (req->sandbox, req->app,
                    nyl_sb_webhooks_notification (req->sandbox, req->app, trigger, object));
  d->url = g_strdup (url);
  d->req = nyl_sb_request_ref (req);
  nyl_sb_request_pause (req);
  delivery_attempt (d);
}

static void
list_webhooks (NylSbRequest *req)
{
  NylSbApp *app = req->app;
  JsonArray *items;
  g_autofree char *next = NULL;
  guint offset, limit;

  if (!nyl_sb_cursor_page (req, app->webhooks->len, &offset, &limit, &next))
    return;
  items = json_array_new ();
  for (guint i = offset; i < app->webhooks->len && i - offset < limit; i++)
    json_array_add_element (items, nyl_sb_webhook_to_json (g_ptr_array_index (app->webhooks, i),
                                                           FALSE));
  nyl_sb_reply_list (req, items, next);
}

static void
ip_addresses (NylSbRequest *req)
{
  JsonObject *o = json_object_new ();
  JsonArray *ips = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  /* Deliveries come from loopback; the others are documentation addresses (RFC 5737). */
  json_array_add_string_element (ips, "127.0.0.1");
  json_array_add_string_element (ips, "192.0.2.10");
  json_array_add_string_element (ips, "192.0.2.11");
  json_array_add_string_element (ips, "198.51.100.20");
  json_object_set_array_member (o, "ip_addresses", ips);
  json_object_set_int_member (o, "updated_at", req->sandbox->state->anchor - 86400);
  json_node_take_object (node, o);
  nyl_sb_reply_data (req, 200, node);
}

void
nyl_sb_handle_webhooks (NylSbRequest *req)
{
  NylSbWebhook *webhook;
  const char *what = req->n_segs >= 3 ? req->segs[2] : NULL;

  if (req->n_segs == 2)
    {
      if (nyl_sb_method_is (req, "GET"))
        list_webhooks (req);
      else if (nyl_sb_method_is (req, "POST"))
        create_webhook (req);
      else
        nyl_sb_reply_bad_method (req);
      return;
    }

  if (req->n_segs == 3 && g_str_equal (what, "ip-addresses"))
    {
      if (nyl_sb_method_is (req, "GET"))
        ip_addresses (req);
      else
        nyl_sb_reply_bad_method (req);
      return;
    }

  if (req->n_segs == 3 && g_str_equal (what, "mock-payload"))
    {
      JsonObject *body;
      const char *trigger;
      g_autoptr(JsonObject) object = NULL;

      if (!nyl_sb_method_is (req, "POST"))
        {
          nyl_sb_reply_bad_method (req);
          return;
        }
      if ((body = nyl_sb_request_object (req)) == NULL)
        return;
      trigger = nyl_sb_json_string (body, "trigger_type");
      if (!nyl_sb_webhooks_is_trigger (trigger))
        {
          nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                              "trigger_type must be a known trigger type");
          return;
        }
      object = mock_object (req->app, trigger);
      nyl_sb_reply_data (req, 200, nyl_sb_webhooks_notification (req->sandbox, req->app, trigger,
                                                                 object));
      return;
    }

  if (req->n_segs == 3 && g_str_equal (what, "send-test-event"))
    {
      if (nyl_sb_method_is (req, "POST"))
        send_test_event (req);
      else
        nyl_sb_reply_bad_method (req);
      return;
    }

  if (req->n_segs == 4 && g_str_equal (what, "rotate-secret"))
    {
      if (!nyl_sb_method_is (req, "POST"))
        {
          nyl_sb_reply_bad_method (req);
          return;
        }
      webhook = nyl_sb_webhook_find (req->app, req->segs[3]);
      if (webhook == NULL)
        {
          nyl_sb_reply_not_found (req, "Webhook");
          return;
        }
      /* The old secret stops working at once: every later delivery uses the new one. */
      g_free (webhook->secret);
      webhook->secret = nyl_sb_state_new_token (req->sandbox->state, "", 20);
      webhook->updated_at = nyl_sb_now ();
      nyl_sb_changed (req->sandbox);
      nyl_sb_reply_data (req, 200, nyl_sb_webhook_to_json (webhook, TRUE));
      return;
    }

  if (req->n_segs != 3)
    {
      nyl_sb_reply_not_found (req, "Route");
      return;
    }

  webhook = nyl_sb_webhook_find (req->app, what);
  if (webhook == NULL)
    {
      nyl_sb_reply_not_found (req, "Webhook");
      return;
    }

  if (nyl_sb_method_is (req, "GET"))
    {
      nyl_sb_reply_data (req, 200, nyl_sb_webhook_to_json (webhook, FALSE));
    }
  else if (nyl_sb_method_is (req, "PUT"))
    {
      update_webhook (req, webhook);
    }
  else if (nyl_sb_method_is (req, "DELETE"))
    {
      JsonObject *o = json_object_new ();
      JsonNode *node = json_node_new (JSON_NODE_OBJECT);

      g_ptr_array_remove (req->app->webhooks, webhook);
      nyl_sb_changed (req->sandbox);
      json_object_set_string_member (o, "status", "success");
      json_node_take_object (node, o);
      nyl_sb_reply_data (req, 200, node);
    }
  else
    {
      nyl_sb_reply_bad_method (req);
    }
}
