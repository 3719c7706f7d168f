/* nyl-expiry-radar.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nyl-key-monitor.h"

G_BEGIN_DECLS

#define NYL_TYPE_EXPIRY_RADAR (nyl_expiry_radar_get_type ())

/* Keys expiring within 30 days (and expired ones) across every application, soonest first;
 * activating one emits "key-activated" with its profile and key IDs. */
G_DECLARE_FINAL_TYPE (NylExpiryRadar, nyl_expiry_radar, NYL, EXPIRY_RADAR, GtkWidget)

GtkWidget     *nyl_expiry_radar_new         (void);
NylKeyMonitor *nyl_expiry_radar_get_monitor (NylExpiryRadar *self);
void           nyl_expiry_radar_set_monitor (NylExpiryRadar *self,
                                             NylKeyMonitor  *monitor);
/* Asks the monitor to check every application again. */
void           nyl_expiry_radar_refresh     (NylExpiryRadar *self);
guint          nyl_expiry_radar_get_n_rows  (NylExpiryRadar *self);

G_END_DECLS
