/* nyl-cli.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-cli"

#include "config.h"

#include "nyl-cli.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "nyl-cli-commands.h"
#include "nyl-cli-context.h"
#include "nyl-cli-sandbox.h"

typedef struct
{
  const char *name;
  const char *summary;
  /* A command that parses everything itself... */
  int       (*run)     (int             argc,
                        char           *argv[]);
  /* ...or one that shares the global options and the session. */
  int       (*run_ctx) (NylCliContext  *ctx,
                        int             argc,
                        char           *argv[]);
} NylCliCommand;

/* One line each, in the order --help lists them. */
static const NylCliCommand commands[] = {
  { "profiles", N_("Add, list and remove application profiles"), NULL, nyl_cli_profiles_run },
  { "app", N_("Show and change the application’s settings"), NULL, nyl_cli_app_run },
  { "redirect-uris", N_("Manage the redirect URIs"), NULL, nyl_cli_redirect_uris_run },
  { "keys", N_("Manage API keys (needs a Service Account)"), NULL, nyl_cli_keys_run },
  { "grants", N_("List, inspect, export and delete grants"), NULL, nyl_cli_grants_run },
  { "connectors", N_("Manage connectors"), NULL, nyl_cli_connectors_run },
  { "credentials", N_("Manage connector credentials"), NULL, nyl_cli_credentials_run },
  { "webhooks", N_("Manage webhooks; receive and verify deliveries"), NULL, nyl_cli_webhooks_run },
  { "domains", N_("Manage domains (needs a Service Account)"), NULL, nyl_cli_domains_run },
  { "auth", N_("Build hosted-auth URLs and revoke tokens"), NULL, nyl_cli_auth_run },
  { "audit", N_("Show the log of changes"), NULL, nyl_cli_audit_run },
  { "sandbox", N_("Serve the simulated Nylas API on loopback"), NULL, nyl_cli_sandbox_run },
  { NULL, NULL, NULL, NULL },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n",
           _("Usage: nylasctl [--profile NAME | --sandbox] [--json] [--yes] COMMAND …"));
  fprintf (stream, "\n%s\n", _("Administer Nylas API v3 applications from the command line."));

  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; commands[i].name != NULL; i++)
    fprintf (stream, "  %-14s %s\n", commands[i].name, _(commands[i].summary));

  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  %-18s %s\n", "--profile NAME",
           _("Use the profile NAME instead of the default one"));
  fprintf (stream, "  %-18s %s\n", "--sandbox", _("Use the built-in simulated Nylas API"));
  fprintf (stream, "  %-18s %s\n", "--json", _("Print JSON with the API’s field names"));
  fprintf (stream, "  %-18s %s\n", "--yes", _("Do not ask before destructive changes"));
  fprintf (stream, "  %-18s %s\n", "--api-url URL",
           _("Send requests to URL (https, or http on loopback)"));
  fprintf (stream, "  %-18s %s\n", "--help", _("Show this help"));
  fprintf (stream, "  %-18s %s\n", "--version", _("Show the version"));

  fprintf (stream, "\n%s\n", _("Exit status: 0 success, 1 failure, 2 usage or invalid input, "
                               "3 authentication or missing credentials, 4 not found, "
                               "5 rate limited, 6 network or TLS failure."));
}

static const NylCliCommand *
find_command (const char *name)
{
  for (guint i = 0; commands[i].name != NULL; i++)
    {
      if (g_str_equal (commands[i].name, name))
        return &commands[i];
    }

  return NULL;
}

static int
run_command (NylCliContext       *ctx,
             const NylCliCommand *command,
             char               **args)
{
  int argc = g_strv_length (args);
  /* A command may reorder or drop entries of its argv (g_option_context_parse() does): it gets
   * a copy of the array, the strings stay ours. */
  g_autofree char **argv = g_memdup2 (args, (argc + 1) * sizeof (char *));

  if (command->run_ctx != NULL)
    return command->run_ctx (ctx, argc, argv);

  return command->run (argc, argv);
}

/**
 * nyl_cli_run:
 * @argc: the argument count
 * @argv: the arguments, `argv[0]` being the program name
 *
 * Runs one nylasctl invocation.
 *
 * Returns: a #NylCliExit code
 */
int
nyl_cli_run (int   argc,
             char *argv[])
{
  g_autoptr(NylCliContext) ctx = nyl_cli_context_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  const NylCliCommand *command;
  int status;

  args = g_new0 (char *, MAX (argc, 1));
  for (int i = 1; i < argc; i++)
    args[i - 1] = g_strdup (argv[i]);

  if (!nyl_cli_context_parse_globals (ctx, &args, &error))
    {
      fprintf (stderr, "nylasctl: %s\n", error->message);
      fprintf (stderr, "%s\n", _("See “nylasctl --help”."));
      return NYL_CLI_EXIT_USAGE;
    }

  if (args[0] == NULL)
    {
      print_usage (stderr);
      return NYL_CLI_EXIT_USAGE;
    }

  if (g_str_equal (args[0], "--help") || g_str_equal (args[0], "-h") ||
      g_str_equal (args[0], "help"))
    {
      /* "help keys" is "keys --help". */
      if (args[1] != NULL && (command = find_command (args[1])) != NULL)
        {
          g_autofree char *name = g_strdup (args[1]);
          char *help_args[] = { name, (char *)"--help", NULL };

          status = run_command (ctx, command, help_args);
          nyl_cli_context_finish (ctx);
          return status;
        }

      print_usage (stdout);
      return NYL_CLI_EXIT_OK;
    }

  if (g_str_equal (args[0], "--version"))
    {
      printf ("nylasctl %s\n", PACKAGE_VERSION);
      return NYL_CLI_EXIT_OK;
    }

  command = find_command (args[0]);
  if (command == NULL)
    {
      /* Translators: %s is what the user typed as a command. */
      fprintf (stderr, _("nylasctl: unknown command “%s”; see “nylasctl --help”\n"), args[0]);
      return NYL_CLI_EXIT_USAGE;
    }

  status = run_command (ctx, command, args);
  nyl_cli_context_finish (ctx);
  fflush (stdout);

  return status;
}
