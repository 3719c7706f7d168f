/* nyl-cli-commands.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nyl-cli-context.h"

G_BEGIN_DECLS

/* One command group a file (nyl-cli-<group>.c). @argv[0] is the group's name. */
int nyl_cli_profiles_run      (NylCliContext *ctx, int argc, char *argv[]);
int nyl_cli_app_run           (NylCliContext *ctx, int argc, char *argv[]);
int nyl_cli_redirect_uris_run (NylCliContext *ctx, int argc, char *argv[]);
int nyl_cli_keys_run          (NylCliContext *ctx, int argc, char *argv[]);
int nyl_cli_grants_run        (NylCliContext *ctx, int argc, char *argv[]);
int nyl_cli_connectors_run    (NylCliContext *ctx, int argc, char *argv[]);
int nyl_cli_credentials_run   (NylCliContext *ctx, int argc, char *argv[]);
int nyl_cli_webhooks_run      (NylCliContext *ctx, int argc, char *argv[]);
int nyl_cli_domains_run       (NylCliContext *ctx, int argc, char *argv[]);
int nyl_cli_auth_run          (NylCliContext *ctx, int argc, char *argv[]);
int nyl_cli_audit_run         (NylCliContext *ctx, int argc, char *argv[]);

G_END_DECLS
