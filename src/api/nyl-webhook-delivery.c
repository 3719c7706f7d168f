/* nyl-webhook-delivery.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-webhook-delivery"

#include "config.h"

#include "nyl-webhook-delivery.h"

#include <string.h>

/* No real notification decompresses to anything near this. */
#define MAX_PAYLOAD_SIZE (16 * 1024 * 1024)

/**
 * NylWebhookDelivery:
 *
 * One request a #NylWebhookReceiver received: when, method, path, headers and
 * the raw body exactly as it came over the wire, plus the verdict of its
 * `x-nylas-signature` once nyl_webhook_delivery_verify() ran. The JSON inside
 * is parsed lazily, and only for display: the signature always covers the raw
 * bytes.
 */
struct _NylWebhookDelivery
{
  GObject            parent_instance;

  gint64             received_at;
  char              *method;
  char              *path;
  GStrv              headers;
  GBytes            *body;

  NylWebhookVerdict  verdict;
  int                matched_index;

  JsonParser        *parser;
  guint              parsed : 1;
};

G_DEFINE_FINAL_TYPE (NylWebhookDelivery, nyl_webhook_delivery, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VERDICT,
  PROP_MATCHED_INDEX,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
nyl_webhook_delivery_finalize (GObject *object)
{
  NylWebhookDelivery *self = (NylWebhookDelivery *)object;

  g_clear_pointer (&self->method, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->headers, g_strfreev);
  g_clear_pointer (&self->body, g_bytes_unref);
  g_clear_object (&self->parser);

  G_OBJECT_CLASS (nyl_webhook_delivery_parent_class)->finalize (object);
}

static void
nyl_webhook_delivery_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  NylWebhookDelivery *self = NYL_WEBHOOK_DELIVERY (object);

  switch (prop_id)
    {
    case PROP_VERDICT:
      g_value_set_int (value, self->verdict);
      break;

    case PROP_MATCHED_INDEX:
      g_value_set_int (value, self->matched_index);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_webhook_delivery_class_init (NylWebhookDeliveryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nyl_webhook_delivery_finalize;
  object_class->get_property = nyl_webhook_delivery_get_property;

  /**
   * NylWebhookDelivery:verdict:
   *
   * The #NylWebhookVerdict of the last nyl_webhook_delivery_verify().
   */
  properties[PROP_VERDICT] =
    g_param_spec_int ("verdict", NULL, NULL,
                      NYL_WEBHOOK_VERDICT_VALID, NYL_WEBHOOK_VERDICT_NO_SECRET,
                      NYL_WEBHOOK_VERDICT_NO_SECRET,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NylWebhookDelivery:matched-index:
   *
   * The index of the secret that matched, or -1.
   */
  properties[PROP_MATCHED_INDEX] =
    g_param_spec_int ("matched-index", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nyl_webhook_delivery_init (NylWebhookDelivery *self)
{
  self->verdict = NYL_WEBHOOK_VERDICT_NO_SECRET;
  self->matched_index = -1;
}

/**
 * nyl_webhook_delivery_new:
 * @method: the HTTP method
 * @path: the request path (with its query, if any)
 * @headers: (array zero-terminated=1): name/value pairs
 * @body: the raw request body
 *
 * Records a request as received, dated now.
 *
 * Returns: (transfer full): a new #NylWebhookDelivery
 */
NylWebhookDelivery *
nyl_webhook_delivery_new (const char         *method,
                          const char         *path,
                          const char * const *headers,
                          GBytes             *body)
{
  NylWebhookDelivery *self;

  g_return_val_if_fail (method != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (body != NULL, NULL);

  self = g_object_new (NYL_TYPE_WEBHOOK_DELIVERY, NULL);
  self->received_at = g_get_real_time ();
  self->method = g_strdup (method);
  self->path = g_strdup (path);
  self->headers = headers != NULL ? g_strdupv ((char **)headers) : g_new0 (char *, 1);
  self->body = g_bytes_ref (body);

  return self;
}

/**
 * nyl_webhook_delivery_get_received_at:
 * @self: a #NylWebhookDelivery
 *
 * Returns: when the delivery arrived, in microseconds since the Unix epoch
 */
gint64
nyl_webhook_delivery_get_received_at (NylWebhookDelivery *self)
{
  g_return_val_if_fail (NYL_IS_WEBHOOK_DELIVERY (self), 0);

  return self->received_at;
}

const char *
nyl_webhook_delivery_get_method (NylWebhookDelivery *self)
{
  g_return_val_if_fail (NYL_IS_WEBHOOK_DELIVERY (self), NULL);

  return self->method;
}

const char *
nyl_webhook_delivery_get_path (NylWebhookDelivery *self)
{
  g_return_val_if_fail (NYL_IS_WEBHOOK_DELIVERY (self), NULL);

  return self->path;
}

/**
 * nyl_webhook_delivery_get_headers:
 * @self: a #NylWebhookDelivery
 *
 * Returns: (transfer none) (array zero-terminated=1): the headers as name/value pairs, in the
 *   order received
 */
const char * const *
nyl_webhook_delivery_get_headers (NylWebhookDelivery *self)
{
  g_return_val_if_fail (NYL_IS_WEBHOOK_DELIVERY (self), NULL);

  return (const char * const *)self->headers;
}

/**
 * nyl_webhook_delivery_get_header:
 * @self: a #NylWebhookDelivery
 * @name: a header name, in any case
 *
 * Returns: (nullable): the first value of the header @name
 */
const char *
nyl_webhook_delivery_get_header (NylWebhookDelivery *self,
                                 const char         *name)
{
  g_return_val_if_fail (NYL_IS_WEBHOOK_DELIVERY (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; self->headers[i] != NULL && self->headers[i + 1] != NULL; i += 2)
    {
      if (g_ascii_strcasecmp (self->headers[i], name) == 0)
        return self->headers[i + 1];
    }

  return NULL;
}

/**
 * nyl_webhook_delivery_get_body:
 * @self: a #NylWebhookDelivery
 *
 * Returns: (transfer none): the raw body, byte for byte as received
 */
GBytes *
nyl_webhook_delivery_get_body (NylWebhookDelivery *self)
{
  g_return_val_if_fail (NYL_IS_WEBHOOK_DELIVERY (self), NULL);

  return self->body;
}

/**
 * nyl_webhook_delivery_get_gzip_encoded:
 * @self: a #NylWebhookDelivery
 *
 * Returns: whether the delivery came with `Content-Encoding: gzip`
 */
gboolean
nyl_webhook_delivery_get_gzip_encoded (NylWebhookDelivery *self)
{
  const char *encoding;

  g_return_val_if_fail (NYL_IS_WEBHOOK_DELIVERY (self), FALSE);

  encoding = nyl_webhook_delivery_get_header (self, "Content-Encoding");
  if (encoding == NULL)
    return FALSE;

  while (g_ascii_isspace (*encoding))
    encoding++;
  if (g_ascii_strncasecmp (encoding, "gzip", 4) != 0)
    return FALSE;
  for (encoding += 4; *encoding != '\0'; encoding++)
    {
      if (!g_ascii_isspace (*encoding))
        return FALSE;
    }
  return TRUE;
}

/**
 * nyl_webhook_delivery_get_signature:
 * @self: a #NylWebhookDelivery
 *
 * Returns: (nullable): the `x-nylas-signature` header
 */
const char *
nyl_webhook_delivery_get_signature (NylWebhookDelivery *self)
{
  g_return_val_if_fail (NYL_IS_WEBHOOK_DELIVERY (self), NULL);

  return nyl_webhook_delivery_get_header (self, "X-Nylas-Signature");
}

/**
 * nyl_webhook_delivery_verify:
 * @self: a #NylWebhookDelivery
 * @secrets: (nullable) (array zero-terminated=1): the accepted secrets
 *
 * Checks the delivery's signature with nyl_webhook_signature_verify() and
 * keeps the verdict and the index of the secret that matched.
 *
 * Returns: the verdict
 */
NylWebhookVerdict
nyl_webhook_delivery_verify (NylWebhookDelivery *self,
                             const char * const *secrets)
{
  NylWebhookVerdict verdict;
  int matched = -1;

  g_return_val_if_fail (NYL_IS_WEBHOOK_DELIVERY (self), NYL_WEBHOOK_VERDICT_NO_SECRET);

  verdict = nyl_webhook_signature_verify (self->body,
                                          nyl_webhook_delivery_get_signature (self),
                                          nyl_webhook_delivery_get_gzip_encoded (self),
                                          secrets, &matched);

  if (verdict != self->verdict)
    {
      self->verdict = verdict;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERDICT]);
    }
  if (matched != self->matched_index)
    {
      self->matched_index = matched;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATCHED_INDEX]);
    }

  return verdict;
}

NylWebhookVerdict
nyl_webhook_delivery_get_verdict (NylWebhookDelivery *self)
{
  g_return_val_if_fail (NYL_IS_WEBHOOK_DELIVERY (self), NYL_WEBHOOK_VERDICT_NO_SECRET);

  return self->verdict;
}

gboolean
nyl_webhook_delivery_get_verified (NylWebhookDelivery *self)
{
  g_return_val_if_fail (NYL_IS_WEBHOOK_DELIVERY (self), FALSE);

  return self->verdict == NYL_WEBHOOK_VERDICT_VALID;
}

int
nyl_webhook_delivery_get_matched_index (NylWebhookDelivery *self)
{
  g_return_val_if_fail (NYL_IS_WEBHOOK_DELIVERY (self), -1);

  return self->matched_index;
}

/**
 * nyl_webhook_delivery_get_payload:
 * @self: a #NylWebhookDelivery
 *
 * Parses the body (gunzipped first when it is gzip-encoded) the first time it
 * is asked for.
 *
 * Returns: (transfer none) (nullable): the notification, or %NULL when the body
 *   is not a JSON object
 */
JsonObject *
nyl_webhook_delivery_get_payload (NylWebhookDelivery *self)
{
  JsonNode *root;

  g_return_val_if_fail (NYL_IS_WEBHOOK_DELIVERY (self), NULL);

  if (!self->parsed)
    {
      g_autoptr(GBytes) plain = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      const char *data;
      gsize length;

      self->parsed = TRUE;

      if (nyl_webhook_delivery_get_gzip_encoded (self))
        plain = nyl_gzip_decompress (self->body, MAX_PAYLOAD_SIZE, &error);
      else
        plain = g_bytes_ref (self->body);

      if (plain == NULL)
        {
          g_debug ("Could not gunzip a delivery: %s", error->message);
          return NULL;
        }

      data = g_bytes_get_data (plain, &length);
      if (length == 0 || !json_parser_load_from_data (parser, data, length, &error))
        {
          g_debug ("A delivery is not JSON: %s", error != NULL ? error->message : "empty");
          return NULL;
        }

      self->parser = g_steal_pointer (&parser);
    }

  if (self->parser == NULL)
    return NULL;

  root = json_parser_get_root (self->parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  return json_node_get_object (root);
}

static const char *
payload_string (NylWebhookDelivery *self,
                const char         *member)
{
  JsonObject *payload = nyl_webhook_delivery_get_payload (self);
  JsonNode *node;

  if (payload == NULL)
    return NULL;

  node = json_object_get_member (payload, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/**
 * nyl_webhook_delivery_get_trigger_type:
 * @self: a #NylWebhookDelivery
 *
 * Returns: (nullable): the notification's `type`, e.g. `grant.created`
 */
const char *
nyl_webhook_delivery_get_trigger_type (NylWebhookDelivery *self)
{
  g_return_val_if_fail (NYL_IS_WEBHOOK_DELIVERY (self), NULL);

  return payload_string (self, "type");
}

/**
 * nyl_webhook_delivery_get_notification_id:
 * @self: a #NylWebhookDelivery
 *
 * Returns: (nullable): the notification's `id` (the same on every retry)
 */
const char *
nyl_webhook_delivery_get_notification_id (NylWebhookDelivery *self)
{
  g_return_val_if_fail (NYL_IS_WEBHOOK_DELIVERY (self), NULL);

  return payload_string (self, "id");
}

static char *
format_time (gint64 microseconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (microseconds / G_USEC_PER_SEC);
  g_autofree char *seconds = NULL;

  if (utc == NULL)
    return g_strdup ("");

  seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
  return g_strdup_printf ("%s.%03dZ", seconds, (int)((microseconds % G_USEC_PER_SEC) / 1000));
}

/**
 * nyl_webhook_delivery_to_json:
 * @self: a #NylWebhookDelivery
 *
 * Describes the delivery for scripts (`nylasctl webhooks listen --json`). The
 * body itself is left out; so is any secret.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
nyl_webhook_delivery_to_json (NylWebhookDelivery *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *received_at = NULL;
  const char *type;
  const char *id;

  g_return_val_if_fail (NYL_IS_WEBHOOK_DELIVERY (self), NULL);

  received_at = format_time (self->received_at);
  type = nyl_webhook_delivery_get_trigger_type (self);
  id = nyl_webhook_delivery_get_notification_id (self);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "received_at");
  json_builder_add_string_value (builder, received_at);
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, self->method);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, self->path);
  json_builder_set_member_name (builder, "type");
  if (type != NULL)
    json_builder_add_string_value (builder, type);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "id");
  if (id != NULL)
    json_builder_add_string_value (builder, id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "verified");
  json_builder_add_boolean_value (builder, self->verdict == NYL_WEBHOOK_VERDICT_VALID);
  json_builder_set_member_name (builder, "verdict");
  json_builder_add_string_value (builder, nyl_webhook_verdict_to_nick (self->verdict));
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, nyl_webhook_verdict_to_string (self->verdict));
  json_builder_set_member_name (builder, "matched_secret");
  if (self->matched_index >= 0)
    json_builder_add_int_value (builder, self->matched_index);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "body_size");
  json_builder_add_int_value (builder, g_bytes_get_size (self->body));
  json_builder_set_member_name (builder, "gzip");
  json_builder_add_boolean_value (builder, nyl_webhook_delivery_get_gzip_encoded (self));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
