/* nyl-key-monitor.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nyl-expiry-schedule.h"
#include "nyl-key-labels.h"
#include "nyl-pending-revocations.h"
#include "nyl-profile-store.h"
#include "nyl-session.h"

G_BEGIN_DECLS

/* The application action a key-expiry notification opens, with the profile and key IDs. */
#define NYL_KEY_MONITOR_SHOW_KEY_ACTION "app.show-api-key"

typedef gint64 (*NylClockFunc) (gpointer user_data);

#define NYL_TYPE_KEY_MONITOR (nyl_key_monitor_get_type ())

/* Watches the API keys of every profile with a Service Account: keeps the expiry radar, sends
 * the expiry notifications the schedule says are due, and carries out pending revocations when
 * they fall due. Holds the app-wide key labels and pending revocations. */
G_DECLARE_FINAL_TYPE (NylKeyMonitor, nyl_key_monitor, NYL, KEY_MONITOR, GObject)

G_GNUC_WARN_UNUSED_RESULT
NylKeyMonitor         *nyl_key_monitor_new             (NylProfileStore      *store);
NylProfileStore       *nyl_key_monitor_get_profile_store (NylKeyMonitor      *self);
NylKeyLabels          *nyl_key_monitor_get_labels      (NylKeyMonitor        *self);
NylPendingRevocations *nyl_key_monitor_get_pending     (NylKeyMonitor        *self);
NylExpirySchedule     *nyl_key_monitor_get_schedule    (NylKeyMonitor        *self);
/* NylRadarEntry items: keys expiring within 30 days (or expired), soonest first. */
GListModel            *nyl_key_monitor_get_radar       (NylKeyMonitor        *self);
gboolean               nyl_key_monitor_get_refreshing  (NylKeyMonitor        *self);

/* Notifications go to @application (weak); none are sent without one. */
void                   nyl_key_monitor_set_application (NylKeyMonitor        *self,
                                                        GApplication         *application);
/* The clock (Unix seconds); NULL for the real one. */
void                   nyl_key_monitor_set_clock       (NylKeyMonitor        *self,
                                                        NylClockFunc          func,
                                                        gpointer              user_data);
gint64                 nyl_key_monitor_get_now         (NylKeyMonitor        *self);

/* A session already open (the current profile, the sandbox): used instead of opening one from
 * the keyring. */
void                   nyl_key_monitor_add_session     (NylKeyMonitor        *self,
                                                        NylSession           *session);
NylSession            *nyl_key_monitor_lookup_session  (NylKeyMonitor        *self,
                                                        const char           *profile_id);

/* A fresh list of every key of @session's profile (from a page that just loaded them): updates
 * the radar and sends what notifications are due. */
void                   nyl_key_monitor_update_keys     (NylKeyMonitor        *self,
                                                        NylSession           *session,
                                                        GListModel           *keys);

/* Carries out the due revocations of @session's profile, then reloads its keys. */
void                   nyl_key_monitor_run_due_async   (NylKeyMonitor        *self,
                                                        NylSession           *session,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
guint                  nyl_key_monitor_run_due_finish  (NylKeyMonitor        *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

/* Checks every profile: due revocations, keys, notifications. Profiles that cannot be reached
 * are skipped; the error names how many. */
void                   nyl_key_monitor_refresh_async   (NylKeyMonitor        *self,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gboolean               nyl_key_monitor_refresh_finish  (NylKeyMonitor        *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
/* Refreshes now, then every hour and whenever a pending revocation falls due. */
void                   nyl_key_monitor_start           (NylKeyMonitor        *self);
void                   nyl_key_monitor_stop            (NylKeyMonitor        *self);

G_END_DECLS
