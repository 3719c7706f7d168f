/* nyl-badge.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NYL_TYPE_BADGE (nyl_badge_get_type ())

/* The colour-coded region/environment badge of the header bar: production
 * stands out, the sandbox says it is simulated. */
G_DECLARE_FINAL_TYPE (NylBadge, nyl_badge, NYL, BADGE, GtkWidget)

GtkWidget  *nyl_badge_new             (void);
const char *nyl_badge_get_region      (NylBadge   *self);
void        nyl_badge_set_region      (NylBadge   *self,
                                       const char *region);
const char *nyl_badge_get_environment (NylBadge   *self);
void        nyl_badge_set_environment (NylBadge   *self,
                                       const char *environment);
gboolean    nyl_badge_get_simulated   (NylBadge   *self);
void        nyl_badge_set_simulated   (NylBadge   *self,
                                       gboolean    simulated);
const char *nyl_badge_get_text        (NylBadge   *self);

G_END_DECLS
