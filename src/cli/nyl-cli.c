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

typedef struct
{
  const char *name;
  const char *summary;
  int       (*run) (int argc, char *argv[]);
} NylCliCommand;

/* Commands are added here as their layers land. */
static const NylCliCommand commands[] = {
  { NULL, NULL, NULL },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: nylasctl [--profile NAME | --sandbox] [--json] [--yes] COMMAND …"));
  fprintf (stream, "\n%s\n", _("Administer Nylas API v3 applications from the command line."));

  if (commands[0].name != NULL)
    {
      fprintf (stream, "\n%s\n", _("Commands:"));
      for (guint i = 0; commands[i].name != NULL; i++)
        fprintf (stream, "  %-14s %s\n", commands[i].name, _(commands[i].summary));
    }

  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  %-14s %s\n", "--help", _("Show this help"));
  fprintf (stream, "  %-14s %s\n", "--version", _("Show the version"));
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
  const char *command;

  if (argc < 2)
    {
      print_usage (stderr);
      return NYL_CLI_EXIT_USAGE;
    }

  command = argv[1];

  if (g_str_equal (command, "--help") || g_str_equal (command, "-h") || g_str_equal (command, "help"))
    {
      print_usage (stdout);
      return NYL_CLI_EXIT_OK;
    }

  if (g_str_equal (command, "--version"))
    {
      printf ("nylasctl %s\n", PACKAGE_VERSION);
      return NYL_CLI_EXIT_OK;
    }

  for (guint i = 0; commands[i].name != NULL; i++)
    {
      if (g_str_equal (commands[i].name, command))
        return commands[i].run (argc - 1, argv + 1);
    }

  /* Translators: %s is what the user typed as a command. */
  fprintf (stderr, _("nylasctl: unknown command “%s”; see “nylasctl --help”\n"), command);
  return NYL_CLI_EXIT_USAGE;
}
