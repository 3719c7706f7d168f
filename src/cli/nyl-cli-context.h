/* nyl-cli-context.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nyl-cli.h"
#include "nyl-profile-store.h"
#include "nyl-session.h"

G_BEGIN_DECLS

/* Where --sandbox records its (simulated) changes, in the state directory. */
#define SANDBOX_AUDIT_LOG "sandbox-audit.log"

#define NYL_TYPE_CLI_CONTEXT (nyl_cli_context_get_type ())

/* One nylasctl invocation: the global options, the session it opens (a profile from the keyring,
 * or an in-process sandbox), and the conventions every command shares (errors and exit codes,
 * confirmation, secrets from stdin). */
G_DECLARE_FINAL_TYPE (NylCliContext, nyl_cli_context, NYL, CLI_CONTEXT, GObject)

NylCliContext  *nyl_cli_context_new              (void) G_GNUC_WARN_UNUSED_RESULT;

/* Global options, also accepted after the command. */
gboolean        nyl_cli_context_get_json         (NylCliContext        *self);
gboolean        nyl_cli_context_get_yes          (NylCliContext        *self);
gboolean        nyl_cli_context_get_sandbox      (NylCliContext        *self);
const char     *nyl_cli_context_get_profile_name (NylCliContext        *self);
const char     *nyl_cli_context_get_api_url      (NylCliContext        *self);

/* Parses the options before the command (strict POSIX: stops at the first word). */
gboolean        nyl_cli_context_parse_globals    (NylCliContext        *self,
                                                  GStrv                *args,
                                                  GError              **error);

/* Parses one command's options plus the global ones. @args: the command's words (args[0] is the
 * command, e.g. "keys create"); on success it holds the positional arguments after args[0].
 * Returns -1 to go on, or an exit code (0 after --help, 2 after a usage error, both printed). */
int             nyl_cli_context_parse            (NylCliContext        *self,
                                                  GStrv                *args,
                                                  const char           *command,
                                                  const char           *parameters,
                                                  const char           *summary,
                                                  const GOptionEntry   *entries);

/* Prints "nylasctl: …" on stderr and returns NYL_CLI_EXIT_USAGE. */
int             nyl_cli_context_usage_error      (NylCliContext        *self,
                                                  const char           *format,
                                                  ...) G_GNUC_PRINTF (2, 3);

/* The session of this invocation, opened on first use: --sandbox, else --profile NAME, else the
 * default profile (with --api-url applied). Errors as for nyl_cli_context_fail(). */
NylSession     *nyl_cli_context_get_session      (NylCliContext        *self,
                                                  GError              **error);
/* The ID of the profile in use, without opening a session (for keyring lookups): "sandbox" with
 * --sandbox. */
char           *nyl_cli_context_dup_profile_id   (NylCliContext        *self,
                                                  GError              **error)
                                                  G_GNUC_WARN_UNUSED_RESULT;
NylProfileStore *nyl_cli_context_get_profile_store (NylCliContext      *self,
                                                    GError            **error);

/* Reports @error on stderr ("nylasctl: message (request ID …)") and returns its exit code. */
int             nyl_cli_context_fail             (NylCliContext        *self,
                                                  const GError         *error);
NylCliExit      nyl_cli_exit_code_for_error      (const GError         *error);

/* Destructive commands: TRUE with --yes or when a person at a terminal answers yes. Otherwise
 * FALSE with @exit_code set (2 and a message naming --yes when stdin is not a terminal, 1 when
 * the person declined). */
gboolean        nyl_cli_context_confirm          (NylCliContext        *self,
                                                  const char           *question,
                                                  int                  *exit_code);

/* A secret from stdin: a prompt without echo on a terminal, else the whole input with the
 * final newline removed. Free with nyl_secret_free(). */
char           *nyl_cli_context_read_secret      (NylCliContext        *self,
                                                  const char           *prompt,
                                                  GError              **error)
                                                  G_GNUC_WARN_UNUSED_RESULT;
/* Several secrets from stdin, one a line (e.g. new and old during a rotation window). */
GStrv           nyl_cli_context_read_secrets     (NylCliContext        *self,
                                                  const char           *prompt,
                                                  GError              **error)
                                                  G_GNUC_WARN_UNUSED_RESULT;
/* Overwrites and frees secrets from nyl_cli_context_read_secrets(). */
void            nyl_cli_secrets_free             (GStrv                 secrets);

/* Human output only: whether stdout / stderr are terminals. */
gboolean        nyl_cli_context_stdout_is_tty    (NylCliContext        *self);
gboolean        nyl_cli_context_stderr_is_tty    (NylCliContext        *self);

/* Saves and stops what the invocation started (the sandbox). */
void            nyl_cli_context_finish           (NylCliContext        *self);

/* A command group ("keys") and its subcommands ("list", "create", …). */
typedef struct
{
  const char *name;
  const char *usage;     /* e.g. "create --name N --expires-in DAYS" */
  const char *summary;   /* N_() */
  int       (*run)      (NylCliContext *ctx,
                         GStrv         *args);   /* args[0] is the subcommand */
} NylCliSubcommand;

/* Runs the subcommand named by argv[1] (argv[0] is the group). */
int             nyl_cli_context_dispatch         (NylCliContext          *self,
                                                  const char             *group,
                                                  const char             *summary,
                                                  const NylCliSubcommand *subcommands,
                                                  int                     argc,
                                                  char                  **argv);

/* Running async calls to completion: pass nyl_cli_async_done as the callback and the address of
 * a NULL GAsyncResult* as user data, then nyl_cli_wait() on it. */
void            nyl_cli_async_done               (GObject              *source,
                                                  GAsyncResult         *result,
                                                  gpointer              user_data);
void            nyl_cli_wait                     (GAsyncResult        **result);

G_END_DECLS
