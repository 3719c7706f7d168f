/* nyl-webhook-receiver.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-webhook-receiver"

#include "config.h"

#include "nyl-webhook-receiver.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "nyl-api-error.h"

#define FORWARD_TIMEOUT 10  /* seconds, as Nylas waits for an endpoint */

/**
 * NylWebhookReceiver:
 *
 * Receives webhook deliveries on loopback, for the inspector and for
 * `nylasctl webhooks listen`: any path, any method. A `GET` with a
 * `challenge` query parameter is answered 200 with the raw value (no quotes,
 * not chunked), the way Nylas checks an endpoint; every other request is
 * recorded as a #NylWebhookDelivery, verified against the current secrets,
 * answered 200 and announced with #NylWebhookReceiver::delivery, whatever
 * its verdict. A body over %NYL_WEBHOOK_RECEIVER_MAX_BODY_SIZE is refused
 * with 413 before it is read. The receiver never logs a body or a secret.
 */
struct _NylWebhookReceiver
{
  GObject      parent_instance;

  SoupServer  *server;
  SoupSession *session;
  GStrv        secrets;
  guint16      port;
  char        *url;
  guint        n_deliveries;
};

G_DEFINE_FINAL_TYPE (NylWebhookReceiver, nyl_webhook_receiver, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PORT,
  PROP_URL,
  PROP_N_DELIVERIES,
  N_PROPS,
};

enum {
  SIGNAL_CHALLENGE,
  SIGNAL_DELIVERY,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
clear_secrets (NylWebhookReceiver *self)
{
  if (self->secrets == NULL)
    return;

  for (guint i = 0; self->secrets[i] != NULL; i++)
    memset (self->secrets[i], 0, strlen (self->secrets[i]));
  g_clear_pointer (&self->secrets, g_strfreev);
}

static void
nyl_webhook_receiver_dispose (GObject *object)
{
  NylWebhookReceiver *self = (NylWebhookReceiver *)object;

  nyl_webhook_receiver_stop (self);
  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (nyl_webhook_receiver_parent_class)->dispose (object);
}

static void
nyl_webhook_receiver_finalize (GObject *object)
{
  NylWebhookReceiver *self = (NylWebhookReceiver *)object;

  clear_secrets (self);
  g_clear_pointer (&self->url, g_free);

  G_OBJECT_CLASS (nyl_webhook_receiver_parent_class)->finalize (object);
}

static void
nyl_webhook_receiver_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  NylWebhookReceiver *self = NYL_WEBHOOK_RECEIVER (object);

  switch (prop_id)
    {
    case PROP_PORT:
      g_value_set_uint (value, self->port);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_N_DELIVERIES:
      g_value_set_uint (value, self->n_deliveries);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_webhook_receiver_class_init (NylWebhookReceiverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nyl_webhook_receiver_dispose;
  object_class->finalize = nyl_webhook_receiver_finalize;
  object_class->get_property = nyl_webhook_receiver_get_property;

  /**
   * NylWebhookReceiver:port:
   *
   * The loopback port listened on, 0 when stopped.
   */
  properties[PROP_PORT] =
    g_param_spec_uint ("port", NULL, NULL,
                       0, G_MAXUINT16, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NylWebhookReceiver:url:
   *
   * The URL to send deliveries to, %NULL when stopped.
   */
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NylWebhookReceiver:n-deliveries:
   *
   * How many deliveries were received.
   */
  properties[PROP_N_DELIVERIES] =
    g_param_spec_uint ("n-deliveries", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NylWebhookReceiver::challenge:
   * @self: the receiver
   * @value: the challenge that was echoed
   *
   * A verification request was answered.
   */
  signals[SIGNAL_CHALLENGE] =
    g_signal_new ("challenge",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * NylWebhookReceiver::delivery:
   * @self: the receiver
   * @delivery: the #NylWebhookDelivery, already verified
   *
   * A delivery arrived and was answered.
   */
  signals[SIGNAL_DELIVERY] =
    g_signal_new ("delivery",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, NYL_TYPE_WEBHOOK_DELIVERY);
}

static void
nyl_webhook_receiver_init (NylWebhookReceiver *self)
{
}

/**
 * nyl_webhook_receiver_new:
 *
 * Returns: (transfer full): a receiver, not yet listening
 */
NylWebhookReceiver *
nyl_webhook_receiver_new (void)
{
  return g_object_new (NYL_TYPE_WEBHOOK_RECEIVER, NULL);
}

/**
 * nyl_webhook_receiver_set_secrets:
 * @self: a #NylWebhookReceiver
 * @secrets: (nullable) (array zero-terminated=1): the accepted secrets
 *
 * Sets the secrets later deliveries are verified with. Without any, every
 * delivery gets %NYL_WEBHOOK_VERDICT_NO_SECRET (or a verdict about its
 * header).
 */
void
nyl_webhook_receiver_set_secrets (NylWebhookReceiver *self,
                                  const char * const *secrets)
{
  g_return_if_fail (NYL_IS_WEBHOOK_RECEIVER (self));

  clear_secrets (self);
  if (secrets != NULL)
    self->secrets = g_strdupv ((char **)secrets);
}

static void
collect_header (const char *name,
                const char *value,
                gpointer    user_data)
{
  GPtrArray *headers = user_data;

  g_ptr_array_add (headers, g_strdup (name));
  g_ptr_array_add (headers, g_strdup (value));
}

static char *
request_path (SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);
  const char *query = g_uri_get_query (uri);
  const char *path = g_uri_get_path (uri);

  if (path == NULL || *path == '\0')
    path = "/";

  if (query != NULL)
    return g_strdup_printf ("%s?%s", path, query);

  return g_strdup (path);
}

static void
early_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > NYL_WEBHOOK_RECEIVER_MAX_BODY_SIZE)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, NULL);
      soup_message_headers_append (soup_server_message_get_response_headers (msg),
                                   "Connection", "close");
    }
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  NylWebhookReceiver *self = user_data;
  g_autoptr(NylWebhookDelivery) delivery = NULL;
  g_autoptr(GPtrArray) headers = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *full_path = NULL;
  const char *method = soup_server_message_get_method (msg);
  const char *challenge = query != NULL ? g_hash_table_lookup (query, "challenge") : NULL;

  g_object_ref (self);

  if ((g_str_equal (method, "GET") || g_str_equal (method, "HEAD")) && challenge != NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_COPY,
                                        challenge, strlen (challenge));
      g_signal_emit (self, signals[SIGNAL_CHALLENGE], 0, challenge);
      g_object_unref (self);
      return;
    }

  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  if (g_bytes_get_size (body) > NYL_WEBHOOK_RECEIVER_MAX_BODY_SIZE)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, NULL);
      g_object_unref (self);
      return;
    }

  headers = g_ptr_array_new_with_free_func (g_free);
  soup_message_headers_foreach (soup_server_message_get_request_headers (msg),
                                collect_header, headers);
  g_ptr_array_add (headers, NULL);

  full_path = request_path (msg);
  delivery = nyl_webhook_delivery_new (method, full_path,
                                       (const char * const *)headers->pdata, body);
  nyl_webhook_delivery_verify (delivery, (const char * const *)self->secrets);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "", 0);

  self->n_deliveries++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DELIVERIES]);
  g_signal_emit (self, signals[SIGNAL_DELIVERY], 0, delivery);

  g_object_unref (self);
}

/**
 * nyl_webhook_receiver_listen:
 * @self: a #NylWebhookReceiver
 * @port: the port, or 0 for any free one
 * @error: return location for a #GError
 *
 * Starts listening on 127.0.0.1. Requests are served on the thread-default
 * main context.
 *
 * Returns: %TRUE when listening
 */
gboolean
nyl_webhook_receiver_listen (NylWebhookReceiver  *self,
                             guint16              port,
                             GError             **error)
{
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GError) local_error = NULL;
  GSList *uris;

  g_return_val_if_fail (NYL_IS_WEBHOOK_RECEIVER (self), FALSE);
  g_return_val_if_fail (self->server == NULL, FALSE);

  server = soup_server_new ("server-header", "nylas-manager-receiver ", NULL);
  soup_server_add_early_handler (server, NULL, early_cb, self, NULL);
  soup_server_add_handler (server, NULL, server_cb, self, NULL);

  if (!soup_server_listen_local (server, port, SOUP_SERVER_LISTEN_IPV4_ONLY, &local_error))
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_NETWORK,
                   _("Could not listen on port %u: %s"), port, local_error->message);
      return FALSE;
    }

  uris = soup_server_get_uris (server);
  self->port = uris != NULL ? g_uri_get_port (uris->data) : port;
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  g_free (self->url);
  self->url = g_strdup_printf ("http://127.0.0.1:%u/", self->port);
  self->server = g_steal_pointer (&server);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);

  return TRUE;
}

/**
 * nyl_webhook_receiver_stop:
 * @self: a #NylWebhookReceiver
 *
 * Stops listening and drops the open connections. Calling it again is fine.
 */
void
nyl_webhook_receiver_stop (NylWebhookReceiver *self)
{
  g_return_if_fail (NYL_IS_WEBHOOK_RECEIVER (self));

  if (self->server == NULL)
    return;

  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  self->port = 0;
  g_clear_pointer (&self->url, g_free);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

guint16
nyl_webhook_receiver_get_port (NylWebhookReceiver *self)
{
  g_return_val_if_fail (NYL_IS_WEBHOOK_RECEIVER (self), 0);

  return self->port;
}

const char *
nyl_webhook_receiver_get_url (NylWebhookReceiver *self)
{
  g_return_val_if_fail (NYL_IS_WEBHOOK_RECEIVER (self), NULL);

  return self->url;
}

guint
nyl_webhook_receiver_get_n_deliveries (NylWebhookReceiver *self)
{
  g_return_val_if_fail (NYL_IS_WEBHOOK_RECEIVER (self), 0);

  return self->n_deliveries;
}

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autofree char *bare = NULL;
  gsize length = strlen (host);

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  if (length > 2 && host[0] == '[' && host[length - 1] == ']')
    bare = g_strndup (host + 1, length - 2);
  else
    bare = g_strdup (host);

  address = g_inet_address_new_from_string (bare);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * nyl_webhook_forward_url_check:
 * @url: where deliveries would be forwarded
 * @error: return location for a #GError
 *
 * Returns: %TRUE for an https URL or an http URL to a loopback host;
 *   otherwise %FALSE with %NYL_API_ERROR_INSECURE_URL or
 *   %NYL_API_ERROR_INVALID_REQUEST
 */
gboolean
nyl_webhook_forward_url_check (const char  *url,
                               GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  g_return_val_if_fail (url != NULL, FALSE);

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                   _("“%s” is not a valid URL"), url);
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);

  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;

  if (g_ascii_strcasecmp (scheme, "http") == 0)
    {
      if (host_is_loopback (host))
        return TRUE;

      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INSECURE_URL,
                   _("“%s” uses plain http to a host that is not this computer; use https"),
                   url);
      return FALSE;
    }

  g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
               _("“%s” is not an http or https URL"), url);
  return FALSE;
}

static void
forward_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) reply = NULL;
  SoupMessage *msg = g_task_get_task_data (task);

  reply = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (reply == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else if (error->domain == G_TLS_ERROR)
        g_task_return_new_error (task, NYL_API_ERROR, NYL_API_ERROR_TLS,
                                 _("Could not forward the delivery: %s"), error->message);
      else
        g_task_return_new_error (task, NYL_API_ERROR, NYL_API_ERROR_NETWORK,
                                 _("Could not forward the delivery: %s"), error->message);
      return;
    }

  g_task_return_int (task, soup_message_get_status (msg));
}

/**
 * nyl_webhook_receiver_forward_async:
 * @self: a #NylWebhookReceiver
 * @delivery: a delivery
 * @url: where to send it (see nyl_webhook_forward_url_check())
 * @resign_secret: (nullable): a secret to sign the body with anew
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the target answered
 * @user_data: data for @callback
 *
 * POSTs the delivery's raw body to @url with its `Content-Type`,
 * `Content-Encoding` and signature (the original one, or one made with
 * @resign_secret), as Nylas would have sent it.
 */
void
nyl_webhook_receiver_forward_async (NylWebhookReceiver  *self,
                                    NylWebhookDelivery  *delivery,
                                    const char          *url,
                                    const char          *resign_secret,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *signature = NULL;
  SoupMessageHeaders *headers;
  const char *content_type;
  const char *encoding;
  GBytes *body;

  g_return_if_fail (NYL_IS_WEBHOOK_RECEIVER (self));
  g_return_if_fail (NYL_IS_WEBHOOK_DELIVERY (delivery));
  g_return_if_fail (url != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nyl_webhook_receiver_forward_async);

  if (!nyl_webhook_forward_url_check (url, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  msg = soup_message_new ("POST", url);
  if (msg == NULL)
    {
      g_task_return_new_error (task, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                               _("“%s” is not a valid URL"), url);
      return;
    }

  body = nyl_webhook_delivery_get_body (delivery);
  content_type = nyl_webhook_delivery_get_header (delivery, "Content-Type");
  soup_message_set_request_body_from_bytes (msg,
                                            content_type != NULL ? content_type
                                                                 : "application/json",
                                            body);

  headers = soup_message_get_request_headers (msg);
  encoding = nyl_webhook_delivery_get_header (delivery, "Content-Encoding");
  if (encoding != NULL)
    soup_message_headers_replace (headers, "Content-Encoding", encoding);

  if (resign_secret != NULL)
    signature = nyl_webhook_signature_sign (body, resign_secret);
  else
    signature = g_strdup (nyl_webhook_delivery_get_signature (delivery));
  if (signature != NULL)
    soup_message_headers_replace (headers, "X-Nylas-Signature", signature);

  if (self->session == NULL)
    self->session = soup_session_new_with_options ("timeout", FORWARD_TIMEOUT,
                                                   "user-agent", "nylas-manager-forwarder",
                                                   NULL);

  g_task_set_task_data (task, g_object_ref (msg), g_object_unref);
  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, cancellable,
                                    forward_cb, g_steal_pointer (&task));
}

/**
 * nyl_webhook_receiver_forward_finish:
 * @self: a #NylWebhookReceiver
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: the HTTP status the target answered, or 0 with @error set
 */
guint
nyl_webhook_receiver_forward_finish (NylWebhookReceiver  *self,
                                     GAsyncResult        *result,
                                     GError             **error)
{
  gssize status;

  g_return_val_if_fail (NYL_IS_WEBHOOK_RECEIVER (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        nyl_webhook_receiver_forward_async, 0);

  status = g_task_propagate_int (G_TASK (result), error);
  return status < 0 ? 0 : (guint)status;
}
