/* nyl-radar-entry.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "nyl-api-key.h"
#include "nyl-profile.h"

G_BEGIN_DECLS

#define NYL_TYPE_RADAR_ENTRY (nyl_radar_entry_get_type ())

/* One key on the expiry radar: the key and the profile it belongs to. */
G_DECLARE_FINAL_TYPE (NylRadarEntry, nyl_radar_entry, NYL, RADAR_ENTRY, GObject)

NylRadarEntry *nyl_radar_entry_new         (NylProfile    *profile,
                                            NylApiKey     *key) G_GNUC_WARN_UNUSED_RESULT;
NylProfile    *nyl_radar_entry_get_profile (NylRadarEntry *self);
NylApiKey     *nyl_radar_entry_get_key     (NylRadarEntry *self);

G_END_DECLS
