/* nyl-paths.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *nyl_paths_config_dir (void) G_GNUC_WARN_UNUSED_RESULT;
char *nyl_paths_state_dir  (void) G_GNUC_WARN_UNUSED_RESULT;
char *nyl_paths_config_file (const char *name) G_GNUC_WARN_UNUSED_RESULT;
char *nyl_paths_state_file  (const char *name) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
