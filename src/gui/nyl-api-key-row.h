/* nyl-api-key-row.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nyl-api-key.h"
#include "nyl-expiry-schedule.h"

G_BEGIN_DECLS

#define NYL_TYPE_API_KEY_ROW (nyl_api_key_row_get_type ())

/* One API key in the list: its label or name, status, creation date, expiry as a date and a
 * countdown coloured under 30 and 7 days, a scheduled revocation, and a menu of what can be
 * done with it (the page's "keys.*" actions, with the key ID). */
G_DECLARE_FINAL_TYPE (NylApiKeyRow, nyl_api_key_row, NYL, API_KEY_ROW, AdwActionRow)

GtkWidget        *nyl_api_key_row_new           (NylApiKey    *key);
NylApiKey        *nyl_api_key_row_get_key       (NylApiKeyRow *self);
void              nyl_api_key_row_set_key       (NylApiKeyRow *self,
                                                 NylApiKey    *key);
const char       *nyl_api_key_row_get_label     (NylApiKeyRow *self);
void              nyl_api_key_row_set_label     (NylApiKeyRow *self,
                                                 const char   *label);
gint64            nyl_api_key_row_get_now       (NylApiKeyRow *self);
void              nyl_api_key_row_set_now       (NylApiKeyRow *self,
                                                 gint64        now);
gint64            nyl_api_key_row_get_revoke_at (NylApiKeyRow *self);
void              nyl_api_key_row_set_revoke_at (NylApiKeyRow *self,
                                                 gint64        revoke_at);
NylExpiryUrgency  nyl_api_key_row_get_urgency   (NylApiKeyRow *self);
const char       *nyl_api_key_row_get_countdown (NylApiKeyRow *self);
const char       *nyl_api_key_row_get_status_text (NylApiKeyRow *self);

G_END_DECLS
