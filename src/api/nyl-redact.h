/* nyl-redact.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *nyl_redact_log_line (const char *line) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
