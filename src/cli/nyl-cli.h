/* nyl-cli.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes of design.md §6; scripts rely on them. */
typedef enum
{
  NYL_CLI_EXIT_OK           = 0,
  NYL_CLI_EXIT_FAILURE      = 1,
  NYL_CLI_EXIT_USAGE        = 2,
  NYL_CLI_EXIT_AUTH         = 3,
  NYL_CLI_EXIT_NOT_FOUND    = 4,
  NYL_CLI_EXIT_RATE_LIMITED = 5,
  NYL_CLI_EXIT_NETWORK      = 6,
} NylCliExit;

int nyl_cli_run (int   argc,
                 char *argv[]);

G_END_DECLS
