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

/* In the order of the table below. */
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
  PROP_SECRET, /* no property */
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

#define WRITABLE_IN_BODIES (NYL_FIELD_WRITABLE | NYL_FIELD_CREATE | NYL_FIELD_UPDATE)

/* NylWebhook:status: `active`, `pause`, `failing` or `failed` when read;
 * `active` or `pause` when set for an update. A create always starts active;
 * a status read back ("failing") would be refused by PUT, so only one the
 * caller chose goes out.
 *
 * NylWebhook:compressed-delivery: whether Nylas gzips deliveries. Only sent
 * when it was read from the server or set, so an update never switches it off
 * by omission. */
static const NylResourceField fields[] = {
  NYL_FIELD ("description", "description", STRING, WRITABLE_IN_BODIES,
             NylWebhook, description),
  NYL_FIELD ("trigger_types", "trigger-types", STRV, WRITABLE_IN_BODIES,
             NylWebhook, trigger_types),
  NYL_FIELD ("webhook_url", "webhook-url", STRING, WRITABLE_IN_BODIES,
             NylWebhook, webhook_url),
  NYL_FIELD ("status", "status", STRING, NYL_FIELD_WRITABLE, NylWebhook, status),
  NYL_FIELD ("notification_email_addresses", "notification-email-addresses", STRV,
             WRITABLE_IN_BODIES, NylWebhook, notification_email_addresses),
  NYL_FIELD (NULL, "compressed-delivery", BOOLEAN, NYL_FIELD_WRITABLE,
             NylWebhook, compressed_delivery),
  NYL_FIELD ("status_updated_at", "status-updated-at", INT64, NYL_FIELD_READ_ONLY,
             NylWebhook, status_updated_at),
  NYL_FIELD ("created_at", "created-at", INT64, NYL_FIELD_READ_ONLY, NylWebhook, created_at),
  NYL_FIELD ("updated_at", "updated-at", INT64, NYL_FIELD_READ_ONLY, NylWebhook, updated_at),
  NYL_FIELD ("webhook_secret", NULL, STRING, NYL_FIELD_SECRET, NylWebhook, secret),
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_PROPS - 1);

static gboolean
nyl_webhook_from_json (NylResource  *resource,
                       JsonObject   *object,
                       GError      **error)
{
  NylWebhook *self = NYL_WEBHOOK (resource);

  if (!NYL_RESOURCE_CLASS (nyl_webhook_parent_class)->from_json (resource, object, error))
    return FALSE;

  if (nyl_json_has_member (object, "compressed_delivery"))
    {
      if (!nyl_json_get_boolean (object, "compressed_delivery", FALSE,
                                 &self->compressed_delivery, error))
        return FALSE;
      self->has_compressed_delivery = TRUE;
    }

  return TRUE;
}

static JsonNode *
nyl_webhook_to_json (NylResource        *resource,
                     NylResourceRequest  request)
{
  NylWebhook *self = NYL_WEBHOOK (resource);
  g_autoptr(JsonNode) node = NYL_RESOURCE_CLASS (nyl_webhook_parent_class)->to_json (resource,
                                                                                     request);
  JsonObject *body = json_node_get_object (node);

  if (self->has_compressed_delivery)
    json_object_set_boolean_member (body, "compressed_delivery", self->compressed_delivery);

  if (request == NYL_RESOURCE_REQUEST_UPDATE && self->status_set)
    nyl_json_set_string (body, "status", self->status);

  return g_steal_pointer (&node);
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
    case PROP_STATUS:
      nyl_webhook_set_status (self, g_value_get_string (value));
      break;

    case PROP_COMPRESSED_DELIVERY:
      nyl_webhook_set_compressed_delivery (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_CLASS (nyl_webhook_parent_class)->set_property (object, prop_id, value, pspec);
    }
}

static void
nyl_webhook_class_init (NylWebhookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  NylResourceClass *resource_class = NYL_RESOURCE_CLASS (klass);

  object_class->set_property = nyl_webhook_set_property;

  resource_class->kind = "webhook";
  resource_class->from_json = nyl_webhook_from_json;
  resource_class->to_json = nyl_webhook_to_json;

  _nyl_resource_class_install_fields (resource_class, fields, G_N_ELEMENTS (fields), properties);
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
