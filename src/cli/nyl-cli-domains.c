/* nyl-cli-domains.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-cli-domains"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "nyl-cli-calls.h"
#include "nyl-cli-commands.h"
#include "nyl-cli-output.h"
#include "nyl-domain.h"

/* nylasctl domains …: the Manage Domains API, signed with the profile's Service Account. */

static const char * const record_types[] = {
  "ownership", "mx", "spf", "dkim", "feedback", "dmarc", "arc", NULL
};

static const char *
yes_no (gboolean value)
{
  return value ? _("yes") : _("no");
}

static void
print_domain (NylCliContext *ctx,
              NylResource   *resource)
{
  NylDomain *domain = NYL_DOMAIN (resource);
  g_autofree char *created = nyl_cli_format_time (nyl_domain_get_created_at (domain));

  nyl_cli_print_fields (stdout,
                        _("ID"), nyl_resource_get_id (resource),
                        _("Name"), nyl_domain_get_name (domain),
                        _("Address"), nyl_domain_get_domain_address (domain),
                        _("Region"), nyl_domain_get_region (domain),
                        _("Branded"), yes_no (nyl_domain_get_branded (domain)),
                        _("Ownership verified"),
                        yes_no (nyl_domain_get_verified_ownership (domain)),
                        _("MX verified"), yes_no (nyl_domain_get_verified_mx (domain)),
                        _("SPF verified"), yes_no (nyl_domain_get_verified_spf (domain)),
                        _("DKIM verified"), yes_no (nyl_domain_get_verified_dkim (domain)),
                        _("Feedback verified"), yes_no (nyl_domain_get_verified_feedback (domain)),
                        _("DMARC verified"), yes_no (nyl_domain_get_verified_dmarc (domain)),
                        _("ARC verified"), yes_no (nyl_domain_get_verified_arc (domain)),
                        _("Created"), created,
                        NULL);
}

static int
domains_list (NylCliContext *ctx,
              GStrv         *args)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(NylCliTable) table = NULL;
  int status;

  list = nyl_cli_list_command (ctx, args, "domains list", "",
                               _("List the organization’s domains."), NYL_TYPE_DOMAIN, &status);
  if (list == NULL)
    return status;

  table = nyl_cli_table_new (4);
  nyl_cli_table_set_headers (table, _("ID"), _("NAME"), _("ADDRESS"), _("OWNERSHIP"));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(NylDomain) domain = g_list_model_get_item (list, i);

      nyl_cli_table_add_row (table, nyl_resource_get_id (NYL_RESOURCE (domain)),
                             nyl_domain_get_name (domain), nyl_domain_get_domain_address (domain),
                             nyl_domain_get_verified_ownership (domain) ? _("verified")
                                                                        : _("not verified"));
    }
  nyl_cli_table_print (table, stdout);

  return NYL_CLI_EXIT_OK;
}

static int
domains_show (NylCliContext *ctx,
              GStrv         *args)
{
  return nyl_cli_show_command (ctx, args, "domains show", "ID",
                               _("Show a domain."), NYL_TYPE_DOMAIN, print_domain);
}

static int
domains_create (NylCliContext *ctx,
                GStrv         *args)
{
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("A name for people"), N_("N") },
    { "address", 0, 0, G_OPTION_ARG_STRING, &address, N_("The domain, e.g. mail.example.com"),
      N_("A") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(NylDomain) domain = nyl_domain_new ();
  g_autoptr(NylResource) created = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  status = nyl_cli_context_parse (ctx, args, "domains create", "--name N --address A",
                                  _("Register a domain."), entries);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 0, "domains create", "")) >= 0)
    return status;

  if (name == NULL || address == NULL || *name == '\0' || *address == '\0')
    return nyl_cli_context_usage_error (ctx, _("domains create needs --name and --address"));
  if (strchr (address, '/') != NULL || strchr (address, ':') != NULL ||
      strchr (address, '.') == NULL || strchr (address, ' ') != NULL)
    return nyl_cli_context_usage_error (ctx, _("“%s” is not a domain name such as "
                                               "mail.example.com"), address);

  nyl_domain_set_name (domain, name);
  nyl_domain_set_domain_address (domain, address);

  created = nyl_cli_create (ctx, NYL_RESOURCE (domain), NULL, &error);
  if (created == NULL)
    return nyl_cli_context_fail (ctx, error);

  return nyl_cli_print_resource (ctx, created, print_domain);
}

static int
domains_delete (NylCliContext *ctx,
                GStrv         *args)
{
  g_autofree char *question = NULL;
  g_autofree char *done = NULL;
  int status;

  status = nyl_cli_context_parse (ctx, args, "domains delete", "ID",
                                  _("Remove a domain."), NULL);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 1, "domains delete", "ID")) >= 0)
    return status;

  /* Translators: %s is a domain ID. */
  question = g_strdup_printf (_("Delete domain %s?"), (*args)[0]);
  done = g_strdup_printf (_("Deleted domain %s."), (*args)[0]);
  return nyl_cli_delete_confirmed (ctx, NYL_TYPE_DOMAIN, NULL, (*args)[0], question, done);
}

static void
print_attempt (JsonNode *node)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonObject *attempt = NULL;
  JsonObject *options = NULL;

  if (object == NULL)
    {
      nyl_cli_print_json (node);
      return;
    }

  if (json_object_has_member (object, "attempt") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "attempt")))
    attempt = json_object_get_object_member (object, "attempt");
  if (attempt != NULL && json_object_has_member (attempt, "options") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (attempt, "options")))
    options = json_object_get_object_member (attempt, "options");

  nyl_cli_print_fields (stdout,
                        _("Status"), json_object_get_string_member_with_default (object, "status",
                                                                                NULL),
                        _("Message"), json_object_get_string_member_with_default (object,
                                                                                 "message", NULL),
                        _("Record host"), options != NULL
                          ? json_object_get_string_member_with_default (options, "host", NULL)
                          : NULL,
                        _("Record type"), options != NULL
                          ? json_object_get_string_member_with_default (options, "type", NULL)
                          : NULL,
                        _("Record value"), options != NULL
                          ? json_object_get_string_member_with_default (options, "value", NULL)
                          : NULL,
                        NULL);
}

static int
domain_call (NylCliContext *ctx,
             GStrv         *args,
             gboolean       verify)
{
  g_autofree char *type = NULL;
  const GOptionEntry entries[] = {
    { "type", 0, 0, G_OPTION_ARG_STRING, &type,
      N_("ownership, mx, spf, dkim, feedback, dmarc or arc"), N_("T") },
    G_OPTION_ENTRY_NULL
  };
  const char *command = verify ? "domains verify" : "domains info";
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  NylSession *session;
  int status;

  status = nyl_cli_context_parse (ctx, args, command, "ID --type T",
                                  verify ? _("Ask Nylas to check a DNS record now.")
                                         : _("Show the DNS record to publish for a check."),
                                  entries);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 1, command, "ID")) >= 0)
    return status;

  if (type == NULL)
    return nyl_cli_context_usage_error (ctx, _("%s needs --type T"), command);
  if (!g_strv_contains (record_types, type))
    return nyl_cli_context_usage_error (ctx, _("Unknown --type “%s”: use ownership, mx, spf, "
                                               "dkim, feedback, dmarc or arc"), type);

  session = nyl_cli_context_get_session (ctx, &error);
  if (session == NULL)
    return nyl_cli_context_fail (ctx, error);

  if (verify)
    {
      nyl_session_domain_verify_async (session, (*args)[0], type, NULL, nyl_cli_async_done,
                                       &result);
      nyl_cli_wait (&result);
      node = nyl_session_domain_verify_finish (session, result, &error);
    }
  else
    {
      nyl_session_domain_info_async (session, (*args)[0], type, NULL, nyl_cli_async_done,
                                     &result);
      nyl_cli_wait (&result);
      node = nyl_session_domain_info_finish (session, result, &error);
    }
  if (node == NULL)
    return nyl_cli_context_fail (ctx, error);

  if (nyl_cli_context_get_json (ctx))
    nyl_cli_print_json (node);
  else
    print_attempt (node);

  return NYL_CLI_EXIT_OK;
}

static int
domains_info (NylCliContext *ctx,
              GStrv         *args)
{
  return domain_call (ctx, args, FALSE);
}

static int
domains_verify (NylCliContext *ctx,
                GStrv         *args)
{
  return domain_call (ctx, args, TRUE);
}

static const NylCliSubcommand subcommands[] = {
  { "list", "list", N_("List the domains"), domains_list },
  { "show", "show ID", N_("Show a domain"), domains_show },
  { "create", "create --name N --address A", N_("Register a domain"), domains_create },
  { "delete", "delete ID", N_("Remove a domain"), domains_delete },
  { "info", "info ID --type T", N_("Show a DNS record to publish"), domains_info },
  { "verify", "verify ID --type T", N_("Check a DNS record"), domains_verify },
  { NULL, NULL, NULL, NULL },
};

int
nyl_cli_domains_run (NylCliContext *ctx,
                     int            argc,
                     char          *argv[])
{
  return nyl_cli_context_dispatch (ctx, "domains",
                                   N_("Sending domains (needs the profile’s Service Account)."),
                                   subcommands, argc, argv);
}
