/* nyl-webhook-receiver.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nyl-webhook-delivery.h"

G_BEGIN_DECLS

/* The largest delivery accepted; bigger requests are answered 413. */
#define NYL_WEBHOOK_RECEIVER_MAX_BODY_SIZE (16 * 1024 * 1024)

#define NYL_TYPE_WEBHOOK_RECEIVER (nyl_webhook_receiver_get_type ())

/* A loopback HTTP server for webhook deliveries (the GUI's inspector and `nylasctl webhooks
 * listen`). Signals: "challenge" (const char *value) after a `GET ?challenge=` was answered with
 * the raw value; "delivery" (NylWebhookDelivery *) for every other request, already verified
 * against the current secrets and answered 200. */
G_DECLARE_FINAL_TYPE (NylWebhookReceiver, nyl_webhook_receiver, NYL, WEBHOOK_RECEIVER, GObject)

NylWebhookReceiver *nyl_webhook_receiver_new            (void) G_GNUC_WARN_UNUSED_RESULT;

/* The secrets deliveries are checked with (old and new during a rotation window); copied. */
void                nyl_webhook_receiver_set_secrets    (NylWebhookReceiver   *self,
                                                         const char * const   *secrets);

/* Listens on 127.0.0.1:@port (0: a port the kernel chooses). */
gboolean            nyl_webhook_receiver_listen         (NylWebhookReceiver   *self,
                                                         guint16               port,
                                                         GError              **error);
void                nyl_webhook_receiver_stop           (NylWebhookReceiver   *self);
/* 0 when not listening. */
guint16             nyl_webhook_receiver_get_port       (NylWebhookReceiver   *self);
/* "http://127.0.0.1:PORT/", NULL when not listening. */
const char         *nyl_webhook_receiver_get_url        (NylWebhookReceiver   *self);
guint               nyl_webhook_receiver_get_n_deliveries (NylWebhookReceiver *self);

/* Sends @delivery again, body byte for byte with its Content-Type and Content-Encoding, to @url
 * (https, or http on loopback only). With @resign_secret the x-nylas-signature is computed anew
 * over the body; otherwise the original one is sent. Finishes with the HTTP status; a status
 * outside 2xx is not an error. */
void                nyl_webhook_receiver_forward_async  (NylWebhookReceiver   *self,
                                                         NylWebhookDelivery   *delivery,
                                                         const char           *url,
                                                         const char           *resign_secret,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
guint               nyl_webhook_receiver_forward_finish (NylWebhookReceiver   *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);

/* Whether @url may receive forwarded deliveries: https, or http to a loopback host. */
gboolean            nyl_webhook_forward_url_check       (const char           *url,
                                                         GError              **error);

G_END_DECLS
