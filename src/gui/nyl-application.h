/* nyl-application.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NYL_TYPE_APPLICATION (nyl_application_get_type ())

G_DECLARE_FINAL_TYPE (NylApplication, nyl_application, NYL, APPLICATION, AdwApplication)

NylApplication *nyl_application_new (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
