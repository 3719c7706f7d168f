/* nyl-cli-profiles.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-cli-profiles"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "nyl-cli-calls.h"
#include "nyl-cli-commands.h"
#include "nyl-cli-output.h"
#include "nyl-profile-ops.h"
#include "nyl-secret-store.h"

/* nylasctl profiles …: the applications nylasctl and the GUI know, kept in profiles.json (no
 * secret) with their API key and Service Account in the keyring. */

static JsonNode *
profile_to_json (NylProfileStore *store,
                 NylProfile      *profile)
{
  JsonNode *node = nyl_profile_to_json (profile);

  json_object_set_boolean_member (json_node_get_object (node), "default",
                                  g_strcmp0 (nyl_profile_store_get_default_id (store),
                                             nyl_profile_get_id (profile)) == 0);
  return node;
}

static void
print_profile (NylProfileStore *store,
               NylProfile      *profile)
{
  gboolean is_default = g_strcmp0 (nyl_profile_store_get_default_id (store),
                                   nyl_profile_get_id (profile)) == 0;

  nyl_cli_print_fields (stdout,
                        _("Name"), nyl_profile_get_name (profile),
                        _("ID"), nyl_profile_get_id (profile),
                        _("Default"), is_default ? _("yes") : _("no"),
                        _("Region"), nyl_profile_get_region (profile),
                        _("API URL"), nyl_profile_get_api_url (profile),
                        _("Application ID"), nyl_profile_get_application_id (profile),
                        _("Organization ID"), nyl_profile_get_organization_id (profile),
                        _("Environment"), nyl_profile_get_environment (profile),
                        _("Service Account"), nyl_profile_get_service_account_key_id (profile),
                        NULL);
}

static NylProfile *
lookup (NylProfileStore  *store,
        const char       *name,
        GError          **error)
{
  NylProfile *profile = nyl_profile_store_lookup_by_name (store, name);

  if (profile == NULL)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("There is no profile named “%s”; see “nylasctl profiles list”"), name);
  return profile;
}

static int
profiles_list (NylCliContext *ctx,
               GStrv         *args)
{
  g_autoptr(NylCliTable) table = NULL;
  g_autoptr(GError) error = NULL;
  NylProfileStore *store;
  guint n;
  int status;

  status = nyl_cli_context_parse (ctx, args, "profiles list", "", _("List the profiles."), NULL);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 0, "profiles list", "")) >= 0)
    return status;

  store = nyl_cli_context_get_profile_store (ctx, &error);
  if (store == NULL)
    return nyl_cli_context_fail (ctx, error);
  n = g_list_model_get_n_items (G_LIST_MODEL (store));

  if (nyl_cli_context_get_json (ctx))
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NylProfile) profile = g_list_model_get_item (G_LIST_MODEL (store), i);

          json_array_add_element (array, profile_to_json (store, profile));
        }
      json_node_take_array (node, array);
      nyl_cli_print_json (node);
      return NYL_CLI_EXIT_OK;
    }

  if (n == 0)
    {
      printf ("%s\n", _("No profiles yet: add one with “nylasctl profiles add NAME "
                        "--api-key-stdin”."));
      return NYL_CLI_EXIT_OK;
    }

  table = nyl_cli_table_new (6);
  nyl_cli_table_set_headers (table, "", _("NAME"), _("REGION"), _("ENVIRONMENT"),
                             _("APPLICATION ID"), _("SERVICE ACCOUNT"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NylProfile) profile = g_list_model_get_item (G_LIST_MODEL (store), i);
      gboolean is_default = g_strcmp0 (nyl_profile_store_get_default_id (store),
                                       nyl_profile_get_id (profile)) == 0;
      const char *where = nyl_profile_get_api_url (profile);

      nyl_cli_table_add_row (table, is_default ? "*" : " ", nyl_profile_get_name (profile),
                             where != NULL ? where : nyl_profile_get_region (profile),
                             nyl_profile_get_environment (profile),
                             nyl_profile_get_application_id (profile),
                             nyl_profile_has_service_account (profile) ? _("yes") : _("no"));
    }
  nyl_cli_table_print (table, stdout);

  return NYL_CLI_EXIT_OK;
}

static int
profiles_show (NylCliContext *ctx,
               GStrv         *args)
{
  g_autoptr(GError) error = NULL;
  NylProfileStore *store;
  NylProfile *profile;
  int status;

  status = nyl_cli_context_parse (ctx, args, "profiles show", "NAME", _("Show a profile."),
                                  NULL);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 1, "profiles show", "NAME")) >= 0)
    return status;

  store = nyl_cli_context_get_profile_store (ctx, &error);
  if (store == NULL || (profile = lookup (store, (*args)[0], &error)) == NULL)
    return nyl_cli_context_fail (ctx, error);

  if (nyl_cli_context_get_json (ctx))
    {
      g_autoptr(JsonNode) node = profile_to_json (store, profile);

      nyl_cli_print_json (node);
    }
  else
    {
      print_profile (store, profile);
    }

  return NYL_CLI_EXIT_OK;
}

static int
profiles_add (NylCliContext *ctx,
              GStrv         *args)
{
  g_autofree char *region = NULL;
  g_autofree char *service_account_file = NULL;
  g_autofree char *application_id = NULL;
  gboolean key_stdin = FALSE;
  const GOptionEntry entries[] = {
    { "region", 0, 0, G_OPTION_ARG_STRING, &region,
      N_("us or eu (default: try both)"), N_("REGION") },
    { "api-key-stdin", 0, 0, G_OPTION_ARG_NONE, &key_stdin,
      N_("Read the application’s API key from stdin"), NULL },
    { "service-account", 0, 0, G_OPTION_ARG_FILENAME, &service_account_file,
      N_("A Nylas Service Account credentials file (kept in the keyring; the file can then be "
         "deleted)"), N_("FILE") },
    { "application-id", 0, 0, G_OPTION_ARG_STRING, &application_id,
      N_("With --service-account alone: the application to mint an API key for"), N_("ID") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NylProfile) profile = NULL;
  g_autofree char *service_account = NULL;
  NylProfileStore *store;
  gsize length = 0;
  int status;

  status = nyl_cli_context_parse (ctx, args, "profiles add",
                                  "NAME [--region us|eu] [--api-key-stdin] "
                                  "[--service-account FILE] [--application-id ID] [--api-url URL]",
                                  _("Add an application: by API key (from stdin; the region is "
                                    "found by trying both when not given), or by Service Account "
                                    "file and application ID (an API key is then minted for the "
                                    "profile), or both."), entries);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 1, "profiles add", "NAME")) >= 0)
    return status;

  if (!key_stdin && service_account_file == NULL)
    return nyl_cli_context_usage_error (ctx, _("profiles add needs --api-key-stdin or "
                                               "--service-account FILE"));
  if (region != NULL && !g_str_equal (region, "us") && !g_str_equal (region, "eu"))
    return nyl_cli_context_usage_error (ctx, _("--region must be us or eu"));
  if (service_account_file != NULL && !key_stdin && application_id == NULL)
    return nyl_cli_context_usage_error (ctx, _("profiles add --service-account needs "
                                               "--application-id (or an API key with "
                                               "--api-key-stdin)"));
  if (nyl_cli_context_get_sandbox (ctx))
    return nyl_cli_context_usage_error (ctx, _("profiles add cannot be used with --sandbox"));
  if (nyl_cli_context_get_api_url (ctx) != NULL &&
      !nyl_api_url_check (nyl_cli_context_get_api_url (ctx), &error))
    return nyl_cli_context_fail (ctx, error);

  store = nyl_cli_context_get_profile_store (ctx, &error);
  if (store == NULL)
    return nyl_cli_context_fail (ctx, error);

  if (service_account_file != NULL)
    {
      service_account = nyl_cli_read_file (service_account_file, &length, &error);
      if (service_account == NULL)
        return nyl_cli_context_fail (ctx, error);
    }

  if (key_stdin)
    {
      char *api_key = nyl_cli_context_read_secret (ctx, _("API key:"), &error);

      if (api_key == NULL)
        goto fail;

      nyl_profile_add_with_api_key_async (store, (*args)[0], api_key, region,
                                          nyl_cli_context_get_api_url (ctx), NULL,
                                          nyl_cli_async_done, &result);
      nyl_cli_wait (&result);
      nyl_secret_free (api_key);
      profile = nyl_profile_add_with_api_key_finish (store, result, &error);
      if (profile == NULL)
        goto fail;

      if (service_account != NULL)
        {
          g_clear_object (&result);
          nyl_profile_set_service_account_async (store, profile, service_account, length, NULL,
                                                 nyl_cli_async_done, &result);
          nyl_cli_wait (&result);
          if (!nyl_profile_set_service_account_finish (store, result, &error))
            {
              /* Translators: %s is a profile name. */
              fprintf (stderr, _("nylasctl: the profile “%s” was added without its Service "
                                 "Account\n"), (*args)[0]);
              goto fail;
            }
        }
    }
  else
    {
      nyl_profile_add_with_service_account_async (store, (*args)[0], service_account, length,
                                                  application_id,
                                                  nyl_cli_context_get_api_url (ctx), NULL,
                                                  nyl_cli_async_done, &result);
      nyl_cli_wait (&result);
      profile = nyl_profile_add_with_service_account_finish (store, result, &error);
      if (profile == NULL)
        goto fail;
    }

  if (service_account != NULL)
    nyl_secret_free (g_steal_pointer (&service_account));

  if (nyl_cli_context_get_json (ctx))
    {
      g_autoptr(JsonNode) node = profile_to_json (store, profile);

      nyl_cli_print_json (node);
    }
  else
    {
      /* Translators: %s is a profile name. */
      printf (_("Added profile “%s”.\n"), nyl_profile_get_name (profile));
      print_profile (store, profile);
    }

  return NYL_CLI_EXIT_OK;

fail:
  if (service_account != NULL)
    nyl_secret_free (g_steal_pointer (&service_account));
  return nyl_cli_context_fail (ctx, error);
}

static int
profiles_remove (NylCliContext *ctx,
                 GStrv         *args)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *question = NULL;
  NylProfileStore *store;
  NylProfile *profile;
  int status;

  status = nyl_cli_context_parse (ctx, args, "profiles remove", "NAME",
                                  _("Forget a profile and clear its secrets from the keyring. The "
                                    "application itself is not touched."), NULL);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 1, "profiles remove", "NAME")) >= 0)
    return status;

  store = nyl_cli_context_get_profile_store (ctx, &error);
  if (store == NULL || (profile = lookup (store, (*args)[0], &error)) == NULL)
    return nyl_cli_context_fail (ctx, error);

  /* Translators: %s is a profile name. */
  question = g_strdup_printf (_("Remove the profile “%s” and its secrets from the keyring?"),
                              (*args)[0]);
  if (!nyl_cli_context_confirm (ctx, question, &status))
    return status;

  g_object_ref (profile);
  nyl_profile_remove_async (store, profile, NULL, nyl_cli_async_done, &result);
  nyl_cli_wait (&result);
  g_object_unref (profile);
  if (!nyl_profile_remove_finish (store, result, &error))
    return nyl_cli_context_fail (ctx, error);

  if (nyl_cli_context_get_json (ctx))
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "name", (*args)[0]);
      json_object_set_boolean_member (object, "removed", TRUE);
      json_node_take_object (node, object);
      nyl_cli_print_json (node);
    }
  else
    {
      /* Translators: %s is a profile name. */
      printf (_("Removed the profile “%s”.\n"), (*args)[0]);
    }

  return NYL_CLI_EXIT_OK;
}

static int
profiles_default (NylCliContext *ctx,
                  GStrv         *args)
{
  g_autoptr(GError) error = NULL;
  NylProfileStore *store;
  NylProfile *profile;
  int status;

  status = nyl_cli_context_parse (ctx, args, "profiles default", "NAME",
                                  _("Use a profile when no --profile is given."), NULL);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 1, "profiles default", "NAME")) >= 0)
    return status;

  store = nyl_cli_context_get_profile_store (ctx, &error);
  if (store == NULL || (profile = lookup (store, (*args)[0], &error)) == NULL)
    return nyl_cli_context_fail (ctx, error);

  if (!nyl_profile_store_set_default (store, nyl_profile_get_id (profile)) ||
      !nyl_profile_store_save (store, &error))
    {
      if (error == NULL)
        g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                             _("Could not make it the default profile"));
      return nyl_cli_context_fail (ctx, error);
    }

  if (nyl_cli_context_get_json (ctx))
    {
      g_autoptr(JsonNode) node = profile_to_json (store, profile);

      nyl_cli_print_json (node);
    }
  else
    {
      /* Translators: %s is a profile name. */
      printf (_("“%s” is now the default profile.\n"), (*args)[0]);
    }

  return NYL_CLI_EXIT_OK;
}

static const NylCliSubcommand subcommands[] = {
  { "list", "list", N_("List the profiles"), profiles_list },
  { "show", "show NAME", N_("Show a profile"), profiles_show },
  { "add", "add NAME [--region us|eu] [--api-key-stdin] [--service-account FILE] "
    "[--application-id ID] [--api-url URL]", N_("Add an application"), profiles_add },
  { "remove", "remove NAME", N_("Forget a profile and its secrets"), profiles_remove },
  { "default", "default NAME", N_("Make a profile the default"), profiles_default },
  { NULL, NULL, NULL, NULL },
};

int
nyl_cli_profiles_run (NylCliContext *ctx,
                      int            argc,
                      char          *argv[])
{
  return nyl_cli_context_dispatch (ctx, "profiles",
                                   N_("The applications nylasctl works on."),
                                   subcommands, argc, argv);
}
