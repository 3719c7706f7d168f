/* nyl-webhook.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-webhook"

#include "config.h"

#include "nyl-webhook.h"

#include "nyl-json.h"
#include "nyl-resource-private.h"

/**
 * NylWebhook:
 *
 * A webhook destination (`/v3/webhooks`). Create (POST) and update (PUT)
 * bodies carry the fields the caller can set; `status` goes out only when the
 * caller set it (pause/resume), never the status read from the server.
 */

struct _NylWebhook
{
  NylResource parent_instance;

  char    *description;
  char   **trigger_types;
  char    *webhook_url;
  char    *status;
  char   **notification_email_addresses;
  gboolean compressed_delivery;
  gint64   status_updated_at;
  gint64   created_at;
  gint64   updated_at;
  char    *secret;
  gboolean has_compressed_delivery;
  gboolean status_set;
};

G_DEFINE_FINAL_TYPE (NylWebhook, nyl_webhook, NYL_TYPE_RESOURCE)

enum {
  PROP_0,
  PROP_DESCRIPTION,
  PROP_TRIGGER_TYPES,
  PROP_WEBHOOK_URL,
  PROP_STATUS,
  PROP_NOTIFICATION_EMAIL_ADDRESSES,
  PROP_COMPRESSED_DELIVERY,
  PROP_STATUS_UPDATED_AT,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static gboolean
nyl_webhook_from_json (NylResource  *resource,
                       JsonObject   *object,
                       GError      **error)
{
  NylWebhook *self = NYL_WEBHOOK (resource);

  if (!NYL_RESOURCE_CLASS (nyl_webhook_parent_class)->from_json (resource, object, error))
    return FALSE;

  if (!nyl_json_get_string (object, "description", NULL, &self->description, error))
    return FALSE;
  if (!nyl_json_get_strv (object, "trigger_types", &self->trigger_types, error))
    return FALSE;
  if (!nyl_json_get_string (object, "webhook_url", NULL, &self->webhook_url, error))
    return FALSE;
  if (!nyl_json_get_string (object, "status", NULL, &self->status, error))
    return FALSE;
  if (!nyl_json_get_strv (object, "notification_email_addresses",
                          &self->notification_email_addresses, error))
    return FALSE;
  if (!nyl_json_get_int (object, "status_updated_at", 0, &self->status_updated_at, error))
    return FALSE;
  if (!nyl_json_get_int (object, "created_at", 0, &self->created_at, error))
    return FALSE;
  if (!nyl_json_get_int (object, "updated_at", 0, &self->updated_at, error))
    return FALSE;
  if (nyl_json_has_member (object, "compressed_delivery"))
    {
      if (!nyl_json_get_boolean (object, "compressed_delivery", FALSE,
                                 &self->compressed_delivery, error))
        return FALSE;
      self->has_compressed_delivery = TRUE;
    }
  if (!nyl_json_get_string (object, "webhook_secret", NULL, &self->secret, error))
    return FALSE;

  return TRUE;
}

static JsonNode *
nyl_webhook_to_json (NylResource        *resource,
                     NylResourceRequest  request)
{
  NylWebhook *self = NYL_WEBHOOK (resource);
  g_autoptr(JsonObject) body = json_object_new ();

  nyl_json_set_strv (body, "trigger_types", (const char * const *) self->trigger_types);
  nyl_json_set_string (body, "webhook_url", self->webhook_url);
  nyl_json_set_string (body, "description", self->description);
  nyl_json_set_strv (body, "notification_email_addresses",
                     (const char * const *) self->notification_email_addresses);
  if (self->has_compressed_delivery)
    json_object_set_boolean_member (body, "compressed_delivery", self->compressed_delivery);

  /* A create always starts active; a status read back ("failing") would be
   * refused by PUT, so only one the caller chose goes out. */
  if (request == NYL_RESOURCE_REQUEST_UPDATE && self->status_set)
    nyl_json_set_string (body, "status", self->status);

  return json_node_init_object (json_node_alloc (), body);
}

static void
nyl_webhook_finalize (GObject *object)
{
  NylWebhook *self = (NylWebhook *)object;

  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->trigger_types, g_strfreev);
  g_clear_pointer (&self->webhook_url, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->notification_email_addresses, g_strfreev);
  _nyl_resource_clear_secret (&self->secret);

  G_OBJECT_CLASS (nyl_webhook_parent_class)->finalize (object);
}

static void
nyl_webhook_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  NylWebhook *self = NYL_WEBHOOK (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_TRIGGER_TYPES:
      g_value_set_boxed (value, self->trigger_types);
      break;

    case PROP_WEBHOOK_URL:
      g_value_set_string (value, self->webhook_url);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_NOTIFICATION_EMAIL_ADDRESSES:
      g_value_set_boxed (value, self->notification_email_addresses);
      break;

    case PROP_COMPRESSED_DELIVERY:
      g_value_set_boolean (value, self->compressed_delivery);
      break;

    case PROP_STATUS_UPDATED_AT:
      g_value_set_int64 (value, self->status_updated_at);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_webhook_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  NylWebhook *self = NYL_WEBHOOK (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      nyl_webhook_set_description (self, g_value_get_string (value));
      break;

    case PROP_TRIGGER_TYPES:
      nyl_webhook_set_trigger_types (self, g_value_get_boxed (value));
      break;

    case PROP_WEBHOOK_URL:
      nyl_webhook_set_webhook_url (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      nyl_webhook_set_status (self, g_value_get_string (value));
      break;

    case PROP_NOTIFICATION_EMAIL_ADDRESSES:
      nyl_webhook_set_notification_email_addresses (self, g_value_get_boxed (value));
      break;

    case PROP_COMPRESSED_DELIVERY:
      nyl_webhook_set_compressed_delivery (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_webhook_class_init (NylWebhookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  NylResourceClass *resource_class = NYL_RESOURCE_CLASS (klass);

  object_class->finalize = nyl_webhook_finalize;
  object_class->get_property = nyl_webhook_get_property;
  object_class->set_property = nyl_webhook_set_property;

  resource_class->kind = "webhook";
  resource_class->from_json = nyl_webhook_from_json;
  resource_class->to_json = nyl_webhook_to_json;

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TRIGGER_TYPES] =
    g_param_spec_boxed ("trigger-types", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_WEBHOOK_URL] =
    g_param_spec_string ("webhook-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * NylWebhook:status:
   *
   * `active`, `pause`, `failing` or `failed` when read; `active` or `pause`
   * when set for an update.
   */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTIFICATION_EMAIL_ADDRESSES] =
    g_param_spec_boxed ("notification-email-addresses", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /**
   * NylWebhook:compressed-delivery:
   *
   * Whether Nylas gzips deliveries. Only sent when it was read from the
   * server or set, so an update never switches it off by omission.
   */
  properties[PROP_COMPRESSED_DELIVERY] =
    g_param_spec_boolean ("compressed-delivery", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS_UPDATED_AT] =
    g_param_spec_int64 ("status-updated-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nyl_webhook_init (NylWebhook *self)
{
}

/**
 * nyl_webhook_new:
 *
 * An empty webhook, to fill in for a create request.
 *
 * Returns: (transfer full): a new #NylWebhook
 */
NylWebhook *
nyl_webhook_new (void)
{
  return g_object_new (NYL_TYPE_WEBHOOK, NULL);
}

const char *
nyl_webhook_get_description (NylWebhook *self)
{
  g_return_val_if_fail (NYL_IS_WEBHOOK (self), NULL);

  return self->description;
}

void
nyl_webhook_set_description (NylWebhook *self,
                             const char *description)
{
  g_return_if_fail (NYL_IS_WEBHOOK (self));

  _nyl_resource_set_string (NYL_RESOURCE (self), &self->description, description,
                            properties[PROP_DESCRIPTION]);
}

const char * const *
nyl_webhook_get_trigger_types (NylWebhook *self)
{
  g_return_val_if_fail (NYL_IS_WEBHOOK (self), NULL);

  return (const char * const *) self->trigger_types;
}

void
nyl_webhook_set_trigger_types (NylWebhook         *self,
                               const char * const *triggers)
{
  g_return_if_fail (NYL_IS_WEBHOOK (self));

  _nyl_resource_set_strv (NYL_RESOURCE (self), &self->trigger_types, triggers,
                          properties[PROP_TRIGGER_TYPES]);
}

const char *
nyl_webhook_get_webhook_url (NylWebhook *self)
{
  g_return_val_if_fail (NYL_IS_WEBHOOK (self), NULL);

  return self->webhook_url;
}

void
nyl_webhook_set_webhook_url (NylWebhook *self,
                             const char *webhook_url)
{
  g_return_if_fail (NYL_IS_WEBHOOK (self));

  _nyl_resource_set_string (NYL_RESOURCE (self), &self->webhook_url, webhook_url,
                            properties[PROP_WEBHOOK_URL]);
}

const char *
nyl_webhook_get_status (NylWebhook *self)
{
  g_return_val_if_fail (NYL_IS_WEBHOOK (self), NULL);

  return self->status;
}

void
nyl_webhook_set_status (NylWebhook *self,
                        const char *status)
{
  g_return_if_fail (NYL_IS_WEBHOOK (self));

  self->status_set = TRUE;
  _nyl_resource_set_string (NYL_RESOURCE (self), &self->status, status, properties[PROP_STATUS]);
}

const char * const *
nyl_webhook_get_notification_email_addresses (NylWebhook *self)
{
  g_return_val_if_fail (NYL_IS_WEBHOOK (self), NULL);

  return (const char * const *) self->notification_email_addresses;
}

void
nyl_webhook_set_notification_email_addresses (NylWebhook         *self,
                                              const char * const *addresses)
{
  g_return_if_fail (NYL_IS_WEBHOOK (self));

  _nyl_resource_set_strv (NYL_RESOURCE (self), &self->notification_email_addresses, addresses,
                          properties[PROP_NOTIFICATION_EMAIL_ADDRESSES]);
}

gboolean
nyl_webhook_get_compressed_delivery (NylWebhook *self)
{
  g_return_val_if_fail (NYL_IS_WEBHOOK (self), FALSE);

  return self->compressed_delivery;
}

void
nyl_webhook_set_compressed_delivery (NylWebhook *self,
                                     gboolean    compressed)
{
  g_return_if_fail (NYL_IS_WEBHOOK (self));

  compressed = !!compressed;
  self->has_compressed_delivery = TRUE;

  if (self->compressed_delivery == compressed)
    return;

  self->compressed_delivery = compressed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPRESSED_DELIVERY]);
}

gint64
nyl_webhook_get_status_updated_at (NylWebhook *self)
{
  g_return_val_if_fail (NYL_IS_WEBHOOK (self), 0);

  return self->status_updated_at;
}

gint64
nyl_webhook_get_created_at (NylWebhook *self)
{
  g_return_val_if_fail (NYL_IS_WEBHOOK (self), 0);

  return self->created_at;
}

gint64
nyl_webhook_get_updated_at (NylWebhook *self)
{
  g_return_val_if_fail (NYL_IS_WEBHOOK (self), 0);

  return self->updated_at;
}

/**
 * nyl_webhook_get_secret:
 * @self: a #NylWebhook
 *
 * SECRET. The webhook secret, present only on the object built from a
 * create or rotate-secret response. Store it in the keyring, show it once,
 * then call nyl_webhook_clear_secret(). Never log it.
 *
 * Returns: (nullable): the secret, or %NULL
 */
const char *
nyl_webhook_get_secret (NylWebhook *self)
{
  g_return_val_if_fail (NYL_IS_WEBHOOK (self), NULL);

  return self->secret;
}

/**
 * nyl_webhook_clear_secret:
 * @self: a #NylWebhook
 *
 * Overwrites the secret in memory and forgets it.
 */
void
nyl_webhook_clear_secret (NylWebhook *self)
{
  g_return_if_fail (NYL_IS_WEBHOOK (self));

  _nyl_resource_clear_secret (&self->secret);
}
