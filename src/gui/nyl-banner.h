/* nyl-banner.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NYL_TYPE_BANNER (nyl_banner_get_type ())

/* A stand-in for AdwBanner (libadwaita 1.3), with the same property and
 * signal names, for persistent states such as "server unreachable". */
G_DECLARE_FINAL_TYPE (NylBanner, nyl_banner, NYL, BANNER, GtkWidget)

GtkWidget  *nyl_banner_new              (const char *title);
const char *nyl_banner_get_title        (NylBanner  *self);
void        nyl_banner_set_title        (NylBanner  *self,
                                         const char *title);
const char *nyl_banner_get_button_label (NylBanner  *self);
void        nyl_banner_set_button_label (NylBanner  *self,
                                         const char *label);
gboolean    nyl_banner_get_revealed     (NylBanner  *self);
void        nyl_banner_set_revealed     (NylBanner  *self,
                                         gboolean    revealed);

G_END_DECLS
