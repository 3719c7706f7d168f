/* nyl-webhook.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nyl-resource.h"

G_BEGIN_DECLS

#define NYL_TYPE_WEBHOOK (nyl_webhook_get_type ())

G_DECLARE_FINAL_TYPE (NylWebhook, nyl_webhook, NYL, WEBHOOK, NylResource)

/* The webhook secret (`webhook_secret`) is only ever in the response to a
 * create or a rotate-secret call. It is deliberately not a property (nothing
 * that dumps or binds properties can reach it) and never part of a request
 * body or the audit log: nyl_webhook_get_secret() hands it to the keyring
 * code once, then nyl_webhook_clear_secret() wipes it. */

NylWebhook         *nyl_webhook_new                              (void) G_GNUC_WARN_UNUSED_RESULT;
const char         *nyl_webhook_get_description                  (NylWebhook         *self);
void                nyl_webhook_set_description                  (NylWebhook         *self,
                                                                  const char         *description);
const char * const *nyl_webhook_get_trigger_types                (NylWebhook         *self);
void                nyl_webhook_set_trigger_types                (NylWebhook         *self,
                                                                  const char * const *triggers);
const char         *nyl_webhook_get_webhook_url                  (NylWebhook         *self);
void                nyl_webhook_set_webhook_url                  (NylWebhook         *self,
                                                                  const char         *webhook_url);
const char         *nyl_webhook_get_status                       (NylWebhook         *self);
void                nyl_webhook_set_status                       (NylWebhook         *self,
                                                                  const char         *status);
const char * const *nyl_webhook_get_notification_email_addresses (NylWebhook         *self);
void                nyl_webhook_set_notification_email_addresses (NylWebhook         *self,
                                                                  const char * const *addresses);
gboolean            nyl_webhook_get_compressed_delivery          (NylWebhook         *self);
void                nyl_webhook_set_compressed_delivery          (NylWebhook         *self,
                                                                  gboolean            compressed);
gint64              nyl_webhook_get_status_updated_at            (NylWebhook         *self);
gint64              nyl_webhook_get_created_at                   (NylWebhook         *self);
gint64              nyl_webhook_get_updated_at                   (NylWebhook         *self);
const char         *nyl_webhook_get_secret                       (NylWebhook         *self);
void                nyl_webhook_clear_secret                     (NylWebhook         *self);

G_END_DECLS
