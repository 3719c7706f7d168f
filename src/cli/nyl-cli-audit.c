/* nyl-cli-audit.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-cli-audit"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "nyl-audit-log.h"
#include "nyl-cli-calls.h"
#include "nyl-cli-commands.h"
#include "nyl-cli-output.h"
#include "nyl-paths.h"
#include "nyl-time.h"

/* nylasctl audit list: the changes made through the app and nylasctl, oldest first. */

static int
audit_list (NylCliContext *ctx,
            GStrv         *args)
{
  g_autofree char *since_text = NULL;
  const GOptionEntry entries[] = {
    { "since", 0, 0, G_OPTION_ARG_STRING, &since_text,
      N_("Only changes at or after T (ISO 8601 or Unix seconds)"), N_("T") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(NylAuditLog) log = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) entries_model = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NylCliTable) table = NULL;
  g_autoptr(JsonArray) array = NULL;
  const char *profile;
  gint64 since = 0;
  guint n_corrupt = 0;
  int status;

  status = nyl_cli_context_parse (ctx, args, "audit list", "",
                                  _("List the changes made through Nylas Manager and nylasctl "
                                    "(all profiles, or the one given with --profile; with "
                                    "--sandbox, the simulated ones)."), entries);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 0, "audit list", "")) >= 0)
    return status;

  if (since_text != NULL && !nyl_time_parse (since_text, &since, &error))
    return nyl_cli_context_fail (ctx, error);

  if (nyl_cli_context_get_sandbox (ctx))
    {
      g_autofree char *path = nyl_paths_state_file (SANDBOX_AUDIT_LOG);

      log = nyl_audit_log_new_for_path (path);
    }
  else
    {
      log = nyl_audit_log_new ();
    }
  nyl_audit_log_read_async (log, since, NULL, nyl_cli_async_done, &result);
  nyl_cli_wait (&result);
  entries_model = nyl_audit_log_read_finish (log, result, &n_corrupt, &error);
  if (entries_model == NULL)
    return nyl_cli_context_fail (ctx, error);

  if (n_corrupt > 0)
    /* Translators: %u is a number of lines of the audit log. */
    fprintf (stderr,
             g_dngettext (GETTEXT_PACKAGE,
                          "nylasctl: warning: %u line of the audit log could not be read\n",
                          "nylasctl: warning: %u lines of the audit log could not be read\n",
                          n_corrupt),
             n_corrupt);

  profile = nyl_cli_context_get_profile_name (ctx);
  array = json_array_new ();
  table = nyl_cli_table_new (7);
  nyl_cli_table_set_headers (table, _("TIME"), _("PROFILE"), _("ACTION"), _("OBJECT"), _("ID"),
                             _("OUTCOME"), _("REQUEST ID"));

  for (guint i = 0; i < g_list_model_get_n_items (entries_model); i++)
    {
      g_autoptr(NylAuditEntry) entry = g_list_model_get_item (entries_model, i);
      g_autofree char *when = NULL;

      if (profile != NULL && g_strcmp0 (nyl_audit_entry_get_profile (entry), profile) != 0)
        continue;

      json_array_add_element (array, nyl_audit_entry_to_json (entry));
      when = nyl_cli_format_time (nyl_audit_entry_get_time (entry));
      nyl_cli_table_add_row (table, when, nyl_audit_entry_get_profile (entry),
                             nyl_audit_entry_get_action (entry),
                             nyl_audit_entry_get_object_type (entry),
                             nyl_audit_entry_get_object_id (entry),
                             nyl_audit_entry_get_outcome (entry),
                             nyl_audit_entry_get_request_id (entry));
    }

  if (nyl_cli_context_get_json (ctx))
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

      json_node_set_array (node, array);
      nyl_cli_print_json (node);
    }
  else if (nyl_cli_table_get_n_rows (table) == 0)
    {
      printf ("%s\n", _("No changes recorded."));
    }
  else
    {
      nyl_cli_table_print (table, stdout);
    }

  return NYL_CLI_EXIT_OK;
}

static const NylCliSubcommand subcommands[] = {
  { "list", "list [--since T]", N_("List recorded changes"), audit_list },
  { NULL, NULL, NULL, NULL },
};

int
nyl_cli_audit_run (NylCliContext *ctx,
                   int            argc,
                   char          *argv[])
{
  return nyl_cli_context_dispatch (ctx, "audit",
                                   N_("The log of every change, kept in "
                                      "$XDG_STATE_HOME/nylas-manager/audit.log."),
                                   subcommands, argc, argv);
}
