/* nyl-webhook-delivery.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "nyl-webhook-signature.h"

G_BEGIN_DECLS

#define NYL_TYPE_WEBHOOK_DELIVERY (nyl_webhook_delivery_get_type ())

G_DECLARE_FINAL_TYPE (NylWebhookDelivery, nyl_webhook_delivery, NYL, WEBHOOK_DELIVERY, GObject)

/* @headers: NULL-terminated name/value pairs ({"Content-Type", "application/json", NULL}). */
NylWebhookDelivery *nyl_webhook_delivery_new                  (const char         *method,
                                                               const char         *path,
                                                               const char * const *headers,
                                                               GBytes             *body)
                                                               G_GNUC_WARN_UNUSED_RESULT;

gint64              nyl_webhook_delivery_get_received_at      (NylWebhookDelivery *self);
const char         *nyl_webhook_delivery_get_method           (NylWebhookDelivery *self);
const char         *nyl_webhook_delivery_get_path             (NylWebhookDelivery *self);
const char * const *nyl_webhook_delivery_get_headers          (NylWebhookDelivery *self);
const char         *nyl_webhook_delivery_get_header           (NylWebhookDelivery *self,
                                                               const char         *name);
GBytes             *nyl_webhook_delivery_get_body             (NylWebhookDelivery *self);
gboolean            nyl_webhook_delivery_get_gzip_encoded     (NylWebhookDelivery *self);
const char         *nyl_webhook_delivery_get_signature        (NylWebhookDelivery *self);

/* Checks the signature against @secrets (old and new during a rotation window) and keeps the
 * verdict. Until then the verdict is NYL_WEBHOOK_VERDICT_NO_SECRET. */
NylWebhookVerdict   nyl_webhook_delivery_verify               (NylWebhookDelivery *self,
                                                               const char * const *secrets);
NylWebhookVerdict   nyl_webhook_delivery_get_verdict          (NylWebhookDelivery *self);
gboolean            nyl_webhook_delivery_get_verified         (NylWebhookDelivery *self);
int                 nyl_webhook_delivery_get_matched_index    (NylWebhookDelivery *self);

/* The notification inside (gunzipped when needed); NULL when the body is not a JSON object. */
JsonObject         *nyl_webhook_delivery_get_payload          (NylWebhookDelivery *self);
const char         *nyl_webhook_delivery_get_trigger_type     (NylWebhookDelivery *self);
const char         *nyl_webhook_delivery_get_notification_id  (NylWebhookDelivery *self);

/* {"received_at", "method", "path", "type", "id", "verified", "verdict", "reason",
 *  "matched_secret", "body_size", "gzip"} for `webhooks listen --json`. */
JsonNode           *nyl_webhook_delivery_to_json              (NylWebhookDelivery *self)
                                                               G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
