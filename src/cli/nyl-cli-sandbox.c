/* nyl-cli-sandbox.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-cli-sandbox"

#include "config.h"

#include "nyl-cli-sandbox.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <stdio.h>

#include "nyl-cli.h"
#include "nyl-sandbox.h"

/* nylasctl sandbox serve: the simulated Nylas API on loopback until SIGINT or SIGTERM. With
 * --json it prints, once ready, exactly one line for scripts:
 * {"api_url": …, "api_key": …, "application_id": …, "service_account_file": …}. */

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_CONTINUE;
}

static void
print_ready_json (NylSandbox *sandbox)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *line = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "api_url");
  json_builder_add_string_value (builder, nyl_sandbox_get_url (sandbox));
  json_builder_set_member_name (builder, "api_key");
  json_builder_add_string_value (builder, nyl_sandbox_get_api_key (sandbox));
  json_builder_set_member_name (builder, "application_id");
  json_builder_add_string_value (builder, nyl_sandbox_get_application_id (sandbox));
  json_builder_set_member_name (builder, "service_account_file");
  json_builder_add_string_value (builder, nyl_sandbox_get_service_account_file (sandbox));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  line = json_to_string (root, FALSE);
  printf ("%s\n", line);
}

static void
print_ready_text (NylSandbox *sandbox)
{
  printf ("%s\n\n", _("Sandbox (simulated) Nylas API — no real account is contacted"));
  /* Translators: the labels are padded to line up; keep the values after them. */
  printf ("  %-30s %s\n", _("URL (US):"), nyl_sandbox_get_region_url (sandbox, "us"));
  printf ("  %-30s %s\n", _("URL (EU):"), nyl_sandbox_get_region_url (sandbox, "eu"));
  for (guint i = 0; i < nyl_sandbox_get_n_applications (sandbox); i++)
    {
      g_autofree char *region = g_ascii_strup (nyl_sandbox_get_region_nth (sandbox, i), -1);
      /* Translators: %s are a region (US, EU) and an environment (production, staging). */
      g_autofree char *label = g_strdup_printf (_("Application (%s, %s):"), region,
                                                nyl_sandbox_get_environment_nth (sandbox, i));
      /* Translators: %s is a region (US, EU). */
      g_autofree char *key_label = g_strdup_printf (_("API key (%s):"), region);

      printf ("  %-30s %s\n", label, nyl_sandbox_get_application_id_nth (sandbox, i));
      printf ("  %-30s %s\n", key_label, nyl_sandbox_get_api_key_nth (sandbox, i));
    }
  printf ("  %-30s %s\n", _("Service Account file:"),
          nyl_sandbox_get_service_account_file (sandbox));
  printf ("\n%s\n", _("Serving until interrupted (Ctrl+C)."));
}

static int
usage (GOptionContext *context,
       const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  if (message != NULL)
    fprintf (stderr, "nylasctl: %s\n", message);
  fprintf (stderr, "%s", help);
  return NYL_CLI_EXIT_USAGE;
}

int
nyl_cli_sandbox_run (NylCliContext *ctx,
                     int            argc,
                     char          *argv[])
{
  int port = 0, grants = NYL_SANDBOX_DEFAULT_GRANTS;
  gboolean json = FALSE;
  g_autofree char *seed_text = NULL;
  g_autofree char *state_file = NULL;
  const GOptionEntry entries[] = {
    { "port", 0, 0, G_OPTION_ARG_INT, &port,
      N_("Listen on port N of 127.0.0.1 (default: any free port)"), N_("N") },
    { "grants", 0, 0, G_OPTION_ARG_INT, &grants,
      N_("Number of sample grants (default: 500)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("Seed of the sample data (default: 1)"), N_("N") },
    { "state", 0, 0, G_OPTION_ARG_FILENAME, &state_file,
      N_("Load the data from FILE and save changes to it"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON line with the URL, key, application and Service Account file"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(NylSandbox) sandbox = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  NylSandboxOptions options = { 0 };
  guint64 seed = 1;
  guint sigint, sigterm;

  context = g_option_context_new (_("sandbox serve — run the simulated API"));
  g_option_context_set_summary (context,
                                _("Serves a simulated Nylas API with sample data on loopback, "
                                  "labelled “Sandbox (simulated)”, until interrupted."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse_strv (context, &args, &error))
    return usage (context, error->message);

  if (g_strv_length (args) != 2 || !g_str_equal (args[1], "serve"))
    return usage (context, args[0] == NULL || args[1] == NULL
                           ? _("missing subcommand “serve”")
                           : _("the only subcommand is “serve”"));
  if (port < 0 || port > 65535)
    return usage (context, _("--port must be from 0 to 65535"));
  if (grants < 1 || grants > 10000000)
    return usage (context, _("--grants must be from 1 to 10000000"));
  if (seed_text != NULL &&
      !g_ascii_string_to_unsigned (seed_text, 10, 1, G_MAXUINT64, &seed, NULL))
    return usage (context, _("--seed must be a positive integer"));

  json = json || (ctx != NULL && nyl_cli_context_get_json (ctx));
  options.seed = seed;
  options.n_grants = (guint) grants;
  options.port = (guint16) port;
  options.state_file = state_file;
  sandbox = nyl_sandbox_new (&options);
  if (!nyl_sandbox_start (sandbox, &error))
    {
      /* Translators: %s is the reason, e.g. "Address already in use". */
      fprintf (stderr, _("nylasctl: could not start the sandbox: %s\n"), error->message);
      return NYL_CLI_EXIT_FAILURE;
    }

  if (json)
    print_ready_json (sandbox);
  else
    print_ready_text (sandbox);
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  sigint = g_unix_signal_add (SIGINT, quit_cb, loop);
  sigterm = g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);
  g_source_remove (sigint);
  g_source_remove (sigterm);

  nyl_sandbox_stop (sandbox);
  return NYL_CLI_EXIT_OK;
}
