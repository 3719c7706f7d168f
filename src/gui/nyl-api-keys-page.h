/* nyl-api-keys-page.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nyl-key-monitor.h"
#include "nyl-profile-store.h"
#include "nyl-session.h"

G_BEGIN_DECLS

#define NYL_TYPE_API_KEYS_PAGE (nyl_api_keys_page_get_type ())

/* The API Keys section: the open application's keys (label, status, created, expiry and
 * countdown; sort and filter; create, label, roll, revoke, "this key leaked"), its scheduled
 * revocations and Service Account, and the expiry radar across every application. Without a
 * Service Account it explains what one is and how to import it. Actions: "keys.create",
 * "keys.refresh", and with a key ID "keys.label", "keys.copy-id", "keys.roll", "keys.revoke",
 * "keys.leaked", "keys.cancel-revocation". */
G_DECLARE_FINAL_TYPE (NylApiKeysPage, nyl_api_keys_page, NYL, API_KEYS_PAGE, GtkWidget)

GtkWidget       *nyl_api_keys_page_new               (void);
NylSession      *nyl_api_keys_page_get_session       (NylApiKeysPage  *self);
void             nyl_api_keys_page_set_session       (NylApiKeysPage  *self,
                                                      NylSession      *session);
NylKeyMonitor   *nyl_api_keys_page_get_monitor       (NylApiKeysPage  *self);
void             nyl_api_keys_page_set_monitor       (NylApiKeysPage  *self,
                                                      NylKeyMonitor   *monitor);
NylProfileStore *nyl_api_keys_page_get_profile_store (NylApiKeysPage  *self);
void             nyl_api_keys_page_set_profile_store (NylApiKeysPage  *self,
                                                      NylProfileStore *store);

void             nyl_api_keys_page_reload            (NylApiKeysPage  *self);
gboolean         nyl_api_keys_page_get_loading       (NylApiKeysPage  *self);
/* "none" (no application), "no-service-account" or "keys". */
const char      *nyl_api_keys_page_get_mode          (NylApiKeysPage  *self);
/* Every key loaded (NylApiKey), unfiltered. */
GListModel      *nyl_api_keys_page_get_keys          (NylApiKeysPage  *self);
/* The keys as shown: filtered and sorted. */
GListModel      *nyl_api_keys_page_get_shown_keys    (NylApiKeysPage  *self);
/* The row of a key on screen, or NULL. */
GtkWidget       *nyl_api_keys_page_find_row          (NylApiKeysPage  *self,
                                                      const char      *key_id);
/* Shows the key (e.g. from a notification): switches to the list, clears the filter and focuses
 * its row. FALSE if it is not (yet) loaded. */
gboolean         nyl_api_keys_page_show_key          (NylApiKeysPage  *self,
                                                      const char      *key_id);
/* Shows the expiry radar tab. */
void             nyl_api_keys_page_show_radar        (NylApiKeysPage  *self);

G_END_DECLS
