/* nyl-cli-credentials.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-cli-credentials"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "nyl-cli-calls.h"
#include "nyl-cli-commands.h"
#include "nyl-cli-output.h"
#include "nyl-credential.h"

/* nylasctl credentials …: a connector's credentials. Their data (client secrets, a Google
 * private key) comes from a file and is never shown back. */

static const char * const credential_types[] = {
  "adminconsent", "serviceaccount", "connector", NULL
};

static void
print_credential (NylCliContext *ctx,
                  NylResource   *resource)
{
  NylCredential *credential = NYL_CREDENTIAL (resource);
  g_autofree char *created = nyl_cli_format_time (nyl_credential_get_created_at (credential));
  g_autofree char *updated = nyl_cli_format_time (nyl_credential_get_updated_at (credential));

  nyl_cli_print_fields (stdout,
                        _("ID"), nyl_resource_get_id (resource),
                        _("Name"), nyl_credential_get_name (credential),
                        _("Type"), nyl_credential_get_credential_type (credential),
                        _("Created"), created,
                        _("Updated"), updated,
                        NULL);
}

/* The whole credential_data object from @path ("-" for stdin); its contents are wiped after. */
static JsonObject *
read_data_file (const char  *path,
                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *contents = NULL;
  gsize length = 0;
  JsonNode *root;
  JsonObject *object;
  gboolean ok;

  contents = nyl_cli_read_file (path, &length, error);
  if (contents == NULL)
    return NULL;

  ok = json_parser_load_from_data (parser, contents, length, error);
  memset (contents, 0, length);
  if (!ok)
    {
      g_prefix_error (error, _("%s is not JSON: "), path);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s must hold a JSON object (the credential data)"), path);
      return NULL;
    }

  object = json_node_get_object (root);
  return json_object_ref (object);
}

static int
credentials_list (NylCliContext *ctx,
                  GStrv         *args)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(NylCliTable) table = NULL;
  int status;

  list = nyl_cli_list_command (ctx, args, "credentials list", "PROVIDER",
                               _("List a connector’s credentials."), NYL_TYPE_CREDENTIAL, &status);
  if (list == NULL)
    return status;

  table = nyl_cli_table_new (4);
  nyl_cli_table_set_headers (table, _("ID"), _("NAME"), _("TYPE"), _("CREATED"));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(NylCredential) credential = g_list_model_get_item (list, i);
      g_autofree char *created = nyl_cli_format_time (nyl_credential_get_created_at (credential));

      nyl_cli_table_add_row (table, nyl_resource_get_id (NYL_RESOURCE (credential)),
                             nyl_credential_get_name (credential),
                             nyl_credential_get_credential_type (credential), created);
    }
  nyl_cli_table_print (table, stdout);

  return NYL_CLI_EXIT_OK;
}

static int
credentials_show (NylCliContext *ctx,
                  GStrv         *args)
{
  return nyl_cli_show_command (ctx, args, "credentials show", "PROVIDER ID",
                               _("Show a credential (never its data)."),
                               NYL_TYPE_CREDENTIAL, print_credential);
}

static int
credentials_create (NylCliContext *ctx,
                    GStrv         *args)
{
  g_autofree char *name = NULL;
  g_autofree char *type = NULL;
  g_autofree char *data_file = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("A unique name"), N_("N") },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type,
      N_("adminconsent, serviceaccount or connector"), N_("TYPE") },
    { "data-file", 0, 0, G_OPTION_ARG_FILENAME, &data_file,
      N_("The credential data as a JSON object (a Google service-account file for "
         "serviceaccount); - for stdin"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(NylCredential) credential = nyl_credential_new ();
  g_autoptr(NylResource) created = NULL;
  g_autoptr(JsonObject) data = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  status = nyl_cli_context_parse (ctx, args, "credentials create",
                                  "PROVIDER --name N --type TYPE [--data-file FILE]",
                                  _("Create a credential for a connector."), entries);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 1, "credentials create", "PROVIDER")) >= 0)
    return status;

  if (name == NULL || type == NULL)
    return nyl_cli_context_usage_error (ctx, _("credentials create needs --name and --type"));
  if (!g_strv_contains (credential_types, type))
    return nyl_cli_context_usage_error (ctx, _("Unknown --type “%s”: use adminconsent, "
                                               "serviceaccount or connector"), type);
  if (data_file == NULL)
    return nyl_cli_context_usage_error (ctx, _("credentials create needs --data-file FILE with "
                                               "the credential data"));

  data = read_data_file (data_file, &error);
  if (data == NULL)
    return nyl_cli_context_fail (ctx, error);

  nyl_credential_set_name (credential, name);
  nyl_credential_set_credential_type (credential, type);
  nyl_credential_set_credential_data (credential, data);

  created = nyl_cli_create (ctx, NYL_RESOURCE (credential), (*args)[0], &error);
  if (created == NULL)
    return nyl_cli_context_fail (ctx, error);

  return nyl_cli_print_resource (ctx, created, print_credential);
}

static int
credentials_update (NylCliContext *ctx,
                    GStrv         *args)
{
  g_autofree char *name = NULL;
  g_autofree char *data_file = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("A new name"), N_("N") },
    { "data-file", 0, 0, G_OPTION_ARG_FILENAME, &data_file,
      N_("New credential data, replacing the old whole; - for stdin"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(NylResource) credential = NULL;
  g_autoptr(NylResource) updated = NULL;
  g_autoptr(JsonObject) data = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  status = nyl_cli_context_parse (ctx, args, "credentials update", "PROVIDER ID [OPTION…]",
                                  _("Rename a credential or replace its data."), entries);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 2, "credentials update", "PROVIDER ID")) >= 0)
    return status;

  if (name == NULL && data_file == NULL)
    return nyl_cli_context_usage_error (ctx, _("credentials update: nothing to change"));

  if (data_file != NULL)
    {
      data = read_data_file (data_file, &error);
      if (data == NULL)
        return nyl_cli_context_fail (ctx, error);
    }

  credential = nyl_cli_fetch (ctx, NYL_TYPE_CREDENTIAL, (*args)[0], (*args)[1], &error);
  if (credential == NULL)
    return nyl_cli_context_fail (ctx, error);

  if (name != NULL)
    nyl_credential_set_name (NYL_CREDENTIAL (credential), name);
  if (data != NULL)
    nyl_credential_set_credential_data (NYL_CREDENTIAL (credential), data);

  updated = nyl_cli_update (ctx, credential, (*args)[0], &error);
  if (updated == NULL)
    return nyl_cli_context_fail (ctx, error);

  return nyl_cli_print_resource (ctx, updated, print_credential);
}

static int
credentials_delete (NylCliContext *ctx,
                    GStrv         *args)
{
  g_autofree char *question = NULL;
  g_autofree char *done = NULL;
  int status;

  status = nyl_cli_context_parse (ctx, args, "credentials delete", "PROVIDER ID",
                                  _("Delete a credential. Grants that use it stop working."),
                                  NULL);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 2, "credentials delete", "PROVIDER ID")) >= 0)
    return status;

  /* Translators: the first %s is a credential ID, the second a provider. */
  question = g_strdup_printf (_("Delete credential %s of the %s connector? Grants that use it "
                                "stop working."), (*args)[1], (*args)[0]);
  done = g_strdup_printf (_("Deleted credential %s."), (*args)[1]);
  return nyl_cli_delete_confirmed (ctx, NYL_TYPE_CREDENTIAL, (*args)[0], (*args)[1], question,
                                   done);
}

static const NylCliSubcommand subcommands[] = {
  { "list", "list PROVIDER", N_("List a connector’s credentials"), credentials_list },
  { "show", "show PROVIDER ID", N_("Show a credential"), credentials_show },
  { "create", "create PROVIDER --name N --type adminconsent|serviceaccount|connector "
    "[--data-file FILE]", N_("Create a credential"), credentials_create },
  { "update", "update PROVIDER ID [--name N] [--data-file FILE]", N_("Change a credential"),
    credentials_update },
  { "delete", "delete PROVIDER ID", N_("Delete a credential"), credentials_delete },
  { NULL, NULL, NULL, NULL },
};

int
nyl_cli_credentials_run (NylCliContext *ctx,
                         int            argc,
                         char          *argv[])
{
  return nyl_cli_context_dispatch (ctx, "credentials",
                                   N_("Admin consent, service accounts and connector overrides."),
                                   subcommands, argc, argv);
}
