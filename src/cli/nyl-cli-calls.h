/* nyl-cli-calls.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nyl-cli-context.h"
#include "nyl-resource.h"

G_BEGIN_DECLS

/* The session's generic calls, run to completion on the main loop. Each opens the session first
 * (nyl_cli_context_get_session()). */
NylResource *nyl_cli_fetch  (NylCliContext  *ctx,
                             GType           type,
                             const char     *parent,
                             const char     *id,
                             GError        **error) G_GNUC_WARN_UNUSED_RESULT;
GListModel  *nyl_cli_list   (NylCliContext  *ctx,
                             GType           type,
                             const char     *parent,
                             GError        **error) G_GNUC_WARN_UNUSED_RESULT;
NylResource *nyl_cli_create (NylCliContext  *ctx,
                             NylResource    *resource,
                             const char     *parent,
                             GError        **error) G_GNUC_WARN_UNUSED_RESULT;
NylResource *nyl_cli_update (NylCliContext  *ctx,
                             NylResource    *resource,
                             const char     *parent,
                             GError        **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean     nyl_cli_delete (NylCliContext  *ctx,
                             GType           type,
                             const char     *parent,
                             const char     *id,
                             GError        **error);

/* Prints @resource: JSON with --json, else @print_human (NULL: its JSON). Returns 0. */
typedef void (*NylCliPrintFunc) (NylCliContext *ctx,
                                 NylResource   *resource);
int          nyl_cli_print_resource (NylCliContext   *ctx,
                                     NylResource     *resource,
                                     NylCliPrintFunc  print_human);

/* Asks (or takes --yes), deletes, reports. @what names the object for people, e.g.
 * "webhook 1234". */
int          nyl_cli_delete_confirmed (NylCliContext  *ctx,
                                       GType           type,
                                       const char     *parent,
                                       const char     *id,
                                       const char     *question,
                                       const char     *done_message);

/* The common "list" and "show" commands, which take no options of their own. The positional
 * arguments named by @names (space-separated, e.g. "PROVIDER ID") are the object's path: the last
 * is the ID to show, the one before it (for "list", the last) the parent.
 * nyl_cli_list_command() prints the list itself with --json; otherwise it returns the list for
 * the caller to print as a table. When it returns NULL, *status is the exit status. */
GListModel  *nyl_cli_list_command   (NylCliContext   *ctx,
                                     GStrv           *args,
                                     const char      *command,
                                     const char      *names,
                                     const char      *summary,
                                     GType            type,
                                     int             *status) G_GNUC_WARN_UNUSED_RESULT;
int          nyl_cli_show_command   (NylCliContext   *ctx,
                                     GStrv           *args,
                                     const char      *command,
                                     const char      *names,
                                     const char      *summary,
                                     GType            type,
                                     NylCliPrintFunc  print_human);

/* Exactly @n positional arguments, else a usage error naming @names. Returns -1 when fine. */
int          nyl_cli_expect_args    (NylCliContext  *ctx,
                                     GStrv           args,
                                     guint           n,
                                     const char     *command,
                                     const char     *names);

/* Reads a whole file ("-" for stdin), for --data-file and --service-account. */
char        *nyl_cli_read_file      (const char     *path,
                                     gsize          *length,
                                     GError        **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
