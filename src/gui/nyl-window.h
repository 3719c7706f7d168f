/* nyl-window.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nyl-application.h"
#include "nyl-profile-store.h"
#include "nyl-session.h"

G_BEGIN_DECLS

#define NYL_TYPE_WINDOW (nyl_window_get_type ())

G_DECLARE_FINAL_TYPE (NylWindow, nyl_window, NYL, WINDOW, AdwApplicationWindow)

G_GNUC_WARN_UNUSED_RESULT
NylWindow       *nyl_window_new               (NylApplication *application);
void             nyl_window_add_toast         (NylWindow      *self,
                                               const char     *title);
const char      *nyl_window_get_section       (NylWindow      *self);
gboolean         nyl_window_set_section       (NylWindow      *self,
                                               const char     *section);
GtkWidget       *nyl_window_get_page          (NylWindow      *self,
                                               const char     *section);

NylProfileStore *nyl_window_get_profile_store (NylWindow      *self);
NylSession      *nyl_window_get_session       (NylWindow      *self);
void             nyl_window_set_session       (NylWindow      *self,
                                               NylSession     *session);
void             nyl_window_open_profile      (NylWindow      *self,
                                               NylProfile     *profile);
/* Shows why @profile could not be opened (keyring locked or missing, …),
 * with "Try Again" and "Remove Application…". */
void             nyl_window_show_open_error   (NylWindow      *self,
                                               NylProfile     *profile,
                                               const GError   *error);

G_END_DECLS
