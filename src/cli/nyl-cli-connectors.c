/* nyl-cli-connectors.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-cli-connectors"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "nyl-cli-calls.h"
#include "nyl-cli-commands.h"
#include "nyl-cli-output.h"
#include "nyl-connector-ops.h"
#include "nyl-connector.h"
#include "nyl-json.h"
#include "nyl-secret-store.h"

/* nylasctl connectors …: one connector per provider, addressed by the provider's name. */

static const char * const providers[] = {
  "google", "microsoft", "imap", "icloud", "yahoo", "ews", "virtual-calendar", "zoom", "nylas",
  NULL
};

/* Providers signed in with the provider's own OAuth app: they need its client ID and secret. */
static const char * const oauth_providers[] = { "google", "microsoft", "yahoo", "zoom", NULL };

static gboolean
check_provider (const char  *provider,
                GError     **error)
{
  if (g_strv_contains (providers, provider))
    return TRUE;

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("Unknown provider “%s”: use google, microsoft, imap, icloud, yahoo, ews, "
                 "virtual-calendar, zoom or nylas"), provider);
  return FALSE;
}

static void
print_connector (NylCliContext *ctx,
                 NylResource   *resource)
{
  NylConnector *connector = NYL_CONNECTOR (resource);
  JsonObject *settings = nyl_connector_get_settings (connector);
  g_autofree char *scopes = nyl_cli_join (nyl_connector_get_scope (connector));

  nyl_cli_print_fields (stdout,
                        _("Provider"), nyl_connector_get_provider (connector),
                        _("Name"), nyl_connector_get_name (connector),
                        _("Client ID"), settings != NULL
                          ? json_object_get_string_member_with_default (settings, "client_id", NULL)
                          : NULL,
                        _("Tenant"), settings != NULL
                          ? json_object_get_string_member_with_default (settings, "tenant", NULL)
                          : NULL,
                        _("Pub/Sub topic"), settings != NULL
                          ? json_object_get_string_member_with_default (settings, "topic_name",
                                                                        NULL)
                          : NULL,
                        _("Scopes"), scopes,
                        _("Active credential"), nyl_connector_get_active_credential_id (connector),
                        NULL);
}

static int
connectors_list (NylCliContext *ctx,
                 GStrv         *args)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(NylCliTable) table = NULL;
  int status;

  list = nyl_cli_list_command (ctx, args, "connectors list", "",
                               _("List the connectors."), NYL_TYPE_CONNECTOR, &status);
  if (list == NULL)
    return status;

  table = nyl_cli_table_new (4);
  nyl_cli_table_set_headers (table, _("PROVIDER"), _("NAME"), _("SCOPES"),
                             _("ACTIVE CREDENTIAL"));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(NylConnector) connector = g_list_model_get_item (list, i);
      const char * const *scope = nyl_connector_get_scope (connector);
      g_autofree char *n_scopes = g_strdup_printf ("%u", scope ? g_strv_length ((GStrv)scope) : 0);

      nyl_cli_table_add_row (table, nyl_connector_get_provider (connector),
                             nyl_connector_get_name (connector), n_scopes,
                             nyl_connector_get_active_credential_id (connector));
    }
  nyl_cli_table_print (table, stdout);

  return NYL_CLI_EXIT_OK;
}

static int
connectors_show (NylCliContext *ctx,
                 GStrv         *args)
{
  g_autoptr(NylResource) connector = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  status = nyl_cli_context_parse (ctx, args, "connectors show", "PROVIDER",
                                  _("Show a connector."), NULL);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 1, "connectors show", "PROVIDER")) >= 0)
    return status;

  if (!check_provider ((*args)[0], &error))
    return nyl_cli_context_fail (ctx, error);

  connector = nyl_cli_fetch (ctx, NYL_TYPE_CONNECTOR, NULL, (*args)[0], &error);
  if (connector == NULL)
    return nyl_cli_context_fail (ctx, error);

  return nyl_cli_print_resource (ctx, connector, print_connector);
}

typedef struct
{
  char     *name;
  char     *client_id;
  gboolean  secret_stdin;
  char     *tenant;
  char     *topic_name;
  GStrv     scopes;
  char     *active_credential;
} ConnectorOptions;

static void
connector_options_clear (ConnectorOptions *o)
{
  g_free (o->name);
  g_free (o->client_id);
  g_free (o->tenant);
  g_free (o->topic_name);
  g_strfreev (o->scopes);
  g_free (o->active_credential);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ConnectorOptions, connector_options_clear)

#define CONNECTOR_ENTRIES(o) \
  { "name", 0, 0, G_OPTION_ARG_STRING, &(o).name, N_("A name for people"), N_("N") }, \
  { "client-id", 0, 0, G_OPTION_ARG_STRING, &(o).client_id, \
    N_("The provider OAuth app’s client ID"), N_("ID") }, \
  { "client-secret-stdin", 0, 0, G_OPTION_ARG_NONE, &(o).secret_stdin, \
    N_("Read the OAuth app’s client secret from stdin"), NULL }, \
  { "tenant", 0, 0, G_OPTION_ARG_STRING, &(o).tenant, N_("microsoft: the tenant"), N_("T") }, \
  { "topic-name", 0, 0, G_OPTION_ARG_STRING, &(o).topic_name, \
    N_("google: the Pub/Sub topic for real-time mail"), N_("T") }, \
  { "scope", 0, 0, G_OPTION_ARG_STRING_ARRAY, &(o).scopes, \
    N_("A default scope (repeat for more)"), N_("S") }

static gboolean
settings_given (ConnectorOptions *o)
{
  return o->client_id != NULL || o->secret_stdin || o->tenant != NULL || o->topic_name != NULL;
}

/* Sets the options on @connector; the settings object is only sent when one of its fields was
 * given, and then whole (PATCH replaces nested objects). */
static gboolean
apply_connector_options (NylCliContext     *ctx,
                         ConnectorOptions  *o,
                         NylConnector      *connector,
                         gboolean           creating,
                         GError           **error)
{
  const char *provider = nyl_connector_get_provider (connector);
  gboolean oauth = g_strv_contains (oauth_providers, provider);

  if (settings_given (o) || creating)
    {
      g_autoptr(JsonObject) settings = NULL;
      JsonObject *old = nyl_connector_get_settings (connector);

      if (oauth && (!o->secret_stdin || (creating && o->client_id == NULL)))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       creating ? _("A %s connector needs --client-id and --client-secret-stdin")
                                : _("Changing a %s connector’s settings replaces them whole: "
                                    "give --client-secret-stdin too"),
                       provider);
          return FALSE;
        }
      if (!oauth && (o->client_id != NULL || o->secret_stdin))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("A %s connector takes no client ID or secret"), provider);
          return FALSE;
        }

      settings = old != NULL ? nyl_json_object_copy (old) : json_object_new ();
      nyl_json_set_string (settings, "client_id", o->client_id);
      nyl_json_set_string (settings, "tenant", o->tenant);
      nyl_json_set_string (settings, "topic_name", o->topic_name);
      nyl_connector_set_settings (connector, json_object_get_size (settings) > 0 || oauth
                                             ? settings : NULL);

      if (o->secret_stdin)
        {
          char *secret = nyl_cli_context_read_secret (ctx, _("Client secret:"), error);

          if (secret == NULL)
            return FALSE;
          nyl_connector_set_client_secret (connector, secret);
          nyl_secret_free (secret);
        }
    }
  else
    {
      /* Leave the server's settings (and the secret it keeps) alone. */
      nyl_connector_set_settings (connector, NULL);
    }

  if (o->name != NULL)
    nyl_connector_set_name (connector, o->name);
  if (o->scopes != NULL)
    nyl_connector_set_scope (connector, (const char * const *)o->scopes);
  if (o->active_credential != NULL)
    nyl_connector_set_active_credential_id (connector, o->active_credential);

  return TRUE;
}

static int
connectors_create (NylCliContext *ctx,
                   GStrv         *args)
{
  g_auto(ConnectorOptions) o = { 0 };
  const GOptionEntry entries[] = { CONNECTOR_ENTRIES (o), G_OPTION_ENTRY_NULL };
  g_autoptr(NylConnector) connector = NULL;
  g_autoptr(NylResource) created = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  status = nyl_cli_context_parse (ctx, args, "connectors create", "PROVIDER [OPTION…]",
                                  _("Create a provider’s connector. The client secret is read "
                                    "from stdin, never taken as an argument."), entries);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 1, "connectors create", "PROVIDER")) >= 0)
    return status;

  if (!check_provider ((*args)[0], &error))
    return nyl_cli_context_fail (ctx, error);

  connector = nyl_connector_new_for_provider ((*args)[0]);
  if (!apply_connector_options (ctx, &o, connector, TRUE, &error))
    return nyl_cli_context_fail (ctx, error);

  created = nyl_cli_create (ctx, NYL_RESOURCE (connector), NULL, &error);
  if (created == NULL)
    return nyl_cli_context_fail (ctx, error);

  return nyl_cli_print_resource (ctx, created, print_connector);
}

static int
connectors_update (NylCliContext *ctx,
                   GStrv         *args)
{
  g_auto(ConnectorOptions) o = { 0 };
  const GOptionEntry entries[] = {
    CONNECTOR_ENTRIES (o),
    { "active-credential", 0, 0, G_OPTION_ARG_STRING, &o.active_credential,
      N_("Make this credential the connector’s default"), N_("ID") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(NylResource) connector = NULL;
  g_autoptr(NylResource) updated = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  status = nyl_cli_context_parse (ctx, args, "connectors update", "PROVIDER [OPTION…]",
                                  _("Change a connector."), entries);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 1, "connectors update", "PROVIDER")) >= 0)
    return status;

  if (!settings_given (&o) && o.name == NULL && o.scopes == NULL && o.active_credential == NULL)
    return nyl_cli_context_usage_error (ctx, _("connectors update: nothing to change"));
  if (!check_provider ((*args)[0], &error))
    return nyl_cli_context_fail (ctx, error);

  connector = nyl_cli_fetch (ctx, NYL_TYPE_CONNECTOR, NULL, (*args)[0], &error);
  if (connector == NULL)
    return nyl_cli_context_fail (ctx, error);

  if (!apply_connector_options (ctx, &o, NYL_CONNECTOR (connector), FALSE, &error))
    return nyl_cli_context_fail (ctx, error);

  updated = nyl_cli_update (ctx, connector, NULL, &error);
  if (updated == NULL)
    return nyl_cli_context_fail (ctx, error);

  return nyl_cli_print_resource (ctx, updated, print_connector);
}

static int
connectors_delete (NylCliContext *ctx,
                   GStrv         *args)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *question = NULL;
  g_autofree char *done = NULL;
  const char *provider;
  NylSession *session;
  guint n_grants;
  int status;

  status = nyl_cli_context_parse (ctx, args, "connectors delete", "PROVIDER",
                                  _("Delete a connector. Every grant on it stops working and its "
                                    "credentials are deleted."), NULL);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 1, "connectors delete", "PROVIDER")) >= 0)
    return status;

  provider = (*args)[0];
  if (!check_provider (provider, &error))
    return nyl_cli_context_fail (ctx, error);

  session = nyl_cli_context_get_session (ctx, &error);
  if (session == NULL)
    return nyl_cli_context_fail (ctx, error);

  /* Say what it breaks before asking. */
  nyl_connector_count_grants_async (session, provider, NULL, nyl_cli_async_done, &result);
  nyl_cli_wait (&result);
  n_grants = nyl_connector_count_grants_finish (session, result, &error);
  if (error != NULL)
    return nyl_cli_context_fail (ctx, error);

  /* Translators: %s is a provider, %u a number of grants. */
  question = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Delete the %s connector? It breaks %u grant.",
                                           "Delete the %s connector? It breaks %u grants.",
                                           n_grants), provider, n_grants);
  done = g_strdup_printf (_("Deleted the %s connector."), provider);
  return nyl_cli_delete_confirmed (ctx, NYL_TYPE_CONNECTOR, NULL, provider, question, done);
}

static const NylCliSubcommand subcommands[] = {
  { "list", "list", N_("List the connectors"), connectors_list },
  { "show", "show PROVIDER", N_("Show a connector"), connectors_show },
  { "create", "create PROVIDER [--client-id ID] [--client-secret-stdin] [--tenant T] "
    "[--topic-name T] [--scope S]…", N_("Create a connector"), connectors_create },
  { "update", "update PROVIDER [OPTION…] [--active-credential ID]", N_("Change a connector"),
    connectors_update },
  { "delete", "delete PROVIDER", N_("Delete a connector (breaks its grants)"), connectors_delete },
  { NULL, NULL, NULL, NULL },
};

int
nyl_cli_connectors_run (NylCliContext *ctx,
                        int            argc,
                        char          *argv[])
{
  return nyl_cli_context_dispatch (ctx, "connectors",
                                   N_("How the application signs users in with each provider."),
                                   subcommands, argc, argv);
}
