/* nyl-cli-app.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-cli-app"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "nyl-app-details.h"
#include "nyl-cli-calls.h"
#include "nyl-cli-commands.h"
#include "nyl-cli-output.h"
#include "nyl-input-check.h"

/* nylasctl app show | update: the application behind the profile's API key. */

static void
print_app (NylCliContext *ctx,
           NylResource   *resource)
{
  NylAppDetails *app = NYL_APP_DETAILS (resource);
  GListModel *uris = nyl_app_details_get_callback_uris (app);
  g_autofree char *created = nyl_cli_format_time (nyl_app_details_get_created_at (app));
  g_autofree char *n_uris = g_strdup_printf ("%u", uris != NULL ? g_list_model_get_n_items (uris)
                                                                : 0);
  g_autofree char *environment = NULL;

  if (nyl_cli_context_get_sandbox (ctx))
    /* Translators: %s is an environment such as “production”. */
    environment = g_strdup_printf (_("%s (simulated)"), nyl_app_details_get_environment (app));
  else
    environment = g_strdup (nyl_app_details_get_environment (app));

  nyl_cli_print_fields (stdout,
                        _("Application ID"), nyl_app_details_get_application_id (app),
                        _("Organization ID"), nyl_app_details_get_organization_id (app),
                        _("Region"), nyl_app_details_get_region (app),
                        _("Environment"), environment,
                        _("Name"), nyl_app_details_get_branding_name (app),
                        _("Description"), nyl_app_details_get_branding_description (app),
                        _("Website"), nyl_app_details_get_branding_website_url (app),
                        _("Icon"), nyl_app_details_get_branding_icon_url (app),
                        _("Domain"), nyl_app_details_get_domain (app),
                        _("Redirect URIs"), n_uris,
                        _("Created"), created,
                        NULL);
  if (nyl_app_details_get_blocked (app))
    printf ("%s\n", _("This application is blocked."));
}

static int
app_show (NylCliContext *ctx,
          GStrv         *args)
{
  g_autoptr(NylResource) app = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  status = nyl_cli_context_parse (ctx, args, "app show", "",
                                  _("Show the application’s details."), NULL);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 0, "app show", "")) >= 0)
    return status;

  app = nyl_cli_fetch (ctx, NYL_TYPE_APP_DETAILS, NULL, NULL, &error);
  if (app == NULL)
    return nyl_cli_context_fail (ctx, error);

  return nyl_cli_print_resource (ctx, app, print_app);
}

static int
app_update (NylCliContext *ctx,
            GStrv         *args)
{
  g_autofree char *name = NULL;
  g_autofree char *website = NULL;
  g_autofree char *icon = NULL;
  g_autofree char *description = NULL;
  const GOptionEntry entries[] = {
    { "branding-name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The application’s name"), N_("S") },
    { "website-url", 0, 0, G_OPTION_ARG_STRING, &website, N_("Its website"), N_("URL") },
    { "icon-url", 0, 0, G_OPTION_ARG_STRING, &icon, N_("Its icon"), N_("URL") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, N_("What it does"), N_("S") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(NylResource) app = NULL;
  g_autoptr(NylResource) updated = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  status = nyl_cli_context_parse (ctx, args, "app update", "",
                                  _("Change the application’s branding. The branding object is "
                                    "sent whole: fields not given keep their current value."),
                                  entries);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 0, "app update", "")) >= 0)
    return status;

  if (name == NULL && website == NULL && icon == NULL && description == NULL)
    return nyl_cli_context_usage_error (ctx, _("app update: nothing to change; give "
                                               "--branding-name, --website-url, --icon-url "
                                               "or --description"));

  if ((website != NULL && *website != '\0' && !nyl_input_check_web_url (website, &error)) ||
      (icon != NULL && *icon != '\0' && !nyl_input_check_web_url (icon, &error)))
    return nyl_cli_context_fail (ctx, error);

  app = nyl_cli_fetch (ctx, NYL_TYPE_APP_DETAILS, NULL, NULL, &error);
  if (app == NULL)
    return nyl_cli_context_fail (ctx, error);

  if (name != NULL)
    nyl_app_details_set_branding_name (NYL_APP_DETAILS (app), name);
  if (website != NULL)
    nyl_app_details_set_branding_website_url (NYL_APP_DETAILS (app), website);
  if (icon != NULL)
    nyl_app_details_set_branding_icon_url (NYL_APP_DETAILS (app), icon);
  if (description != NULL)
    nyl_app_details_set_branding_description (NYL_APP_DETAILS (app), description);

  updated = nyl_cli_update (ctx, app, NULL, &error);
  if (updated == NULL)
    return nyl_cli_context_fail (ctx, error);

  return nyl_cli_print_resource (ctx, updated, print_app);
}

static const NylCliSubcommand subcommands[] = {
  { "show", "show", N_("Show the application’s details"), app_show },
  { "update", "update [--branding-name S] [--website-url U] [--icon-url U] [--description S]",
    N_("Change the application’s branding"), app_update },
  { NULL, NULL, NULL, NULL },
};

int
nyl_cli_app_run (NylCliContext *ctx,
                 int            argc,
                 char          *argv[])
{
  return nyl_cli_context_dispatch (ctx, "app", N_("The application behind the profile’s API key."),
                                   subcommands, argc, argv);
}
