/* nyl-profile-switcher.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NYL_TYPE_PROFILE_SWITCHER (nyl_profile_switcher_get_type ())

/* The content of the header bar's application switcher: every profile
 * (NylProfileRow), the open one marked, then "Add Application…" and "Try the
 * Sandbox". */
G_DECLARE_FINAL_TYPE (NylProfileSwitcher, nyl_profile_switcher, NYL, PROFILE_SWITCHER, GtkWidget)

GtkWidget  *nyl_profile_switcher_new            (void);
GListModel *nyl_profile_switcher_get_model      (NylProfileSwitcher *self);
void        nyl_profile_switcher_set_model      (NylProfileSwitcher *self,
                                                 GListModel         *model);
const char *nyl_profile_switcher_get_current_id (NylProfileSwitcher *self);
void        nyl_profile_switcher_set_current_id (NylProfileSwitcher *self,
                                                 const char         *current_id);

G_END_DECLS
