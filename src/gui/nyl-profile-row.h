/* nyl-profile-row.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nyl-profile.h"

G_BEGIN_DECLS

/* The ID of the profile the in-process sandbox opens. */
#define NYL_SANDBOX_PROFILE_ID "sandbox"

#define NYL_TYPE_PROFILE_ROW (nyl_profile_row_get_type ())

/* A profile in the switcher: name, region and environment, a mark when it
 * is the open one; activating it runs "win.switch-profile", its buttons
 * "win.rename-profile" and "win.remove-profile" (none for the sandbox). */
G_DECLARE_FINAL_TYPE (NylProfileRow, nyl_profile_row, NYL, PROFILE_ROW, GtkListBoxRow)

GtkWidget  *nyl_profile_row_new         (NylProfile    *profile);
NylProfile *nyl_profile_row_get_profile (NylProfileRow *self);
gboolean    nyl_profile_row_get_current (NylProfileRow *self);
void        nyl_profile_row_set_current (NylProfileRow *self,
                                         gboolean       current);
/* "US · Production", "Sandbox (simulated)", … for @profile. */
char       *nyl_profile_describe        (NylProfile    *profile) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
