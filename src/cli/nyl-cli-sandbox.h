/* nyl-cli-sandbox.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nyl-cli-context.h"

G_BEGIN_DECLS

/* nylasctl sandbox serve [--port N] [--grants N] [--seed N] [--state FILE] [--json]:
 * @argv[0] is "sandbox". */
int nyl_cli_sandbox_run (NylCliContext *ctx,
                         int            argc,
                         char          *argv[]);

G_END_DECLS
