/* nyl-checklist.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nyl-app-details.h"
#include "nyl-checklist-item.h"

G_BEGIN_DECLS

/* The IDs of the checks, in the order the list holds them. */
#define NYL_CHECK_REDIRECT_URI       "redirect-uri"
#define NYL_CHECK_REDIRECT_URI_HTTPS "redirect-uri-https"
#define NYL_CHECK_CONNECTOR          "connector"
#define NYL_CHECK_GRANT_WEBHOOK      "grant-webhook"
#define NYL_CHECK_WEBHOOK_HEALTH     "webhook-health"
#define NYL_CHECK_KEY_LIFETIME       "key-lifetime"
#define NYL_CHECK_KEY_EXPIRY         "key-expiry"

#define NYL_TYPE_CHECKLIST (nyl_checklist_get_type ())

/* The production checklist: a GListModel of NylChecklistItem, always the
 * same items in the same order, whose states are recomputed from live state
 * by nyl_checklist_update(). */
G_DECLARE_FINAL_TYPE (NylChecklist, nyl_checklist, NYL, CHECKLIST, GObject)

NylChecklist     *nyl_checklist_new           (void) G_GNUC_WARN_UNUSED_RESULT;
void              nyl_checklist_update        (NylChecklist  *self,
                                               NylAppDetails *details,
                                               GListModel    *redirect_uris,
                                               GListModel    *connectors,
                                               GListModel    *webhooks,
                                               GListModel    *api_keys,
                                               gint64         now);
NylChecklistItem *nyl_checklist_lookup        (NylChecklist  *self,
                                               const char    *id);
guint             nyl_checklist_get_n_passed  (NylChecklist  *self);
guint             nyl_checklist_get_n_failed  (NylChecklist  *self);
guint             nyl_checklist_get_n_unknown (NylChecklist  *self);

G_END_DECLS
