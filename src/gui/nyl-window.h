/* nyl-window.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nyl-application.h"

G_BEGIN_DECLS

#define NYL_TYPE_WINDOW (nyl_window_get_type ())

G_DECLARE_FINAL_TYPE (NylWindow, nyl_window, NYL, WINDOW, AdwApplicationWindow)

NylWindow  *nyl_window_new             (NylApplication *application) G_GNUC_WARN_UNUSED_RESULT;
void        nyl_window_add_toast       (NylWindow      *self,
                                        const char     *title);
const char *nyl_window_get_section     (NylWindow      *self);
gboolean    nyl_window_set_section     (NylWindow      *self,
                                        const char     *section);

G_END_DECLS
