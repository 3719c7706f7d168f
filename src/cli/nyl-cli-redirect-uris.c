/* nyl-cli-redirect-uris.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-cli-redirect-uris"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "nyl-cli-calls.h"
#include "nyl-cli-commands.h"
#include "nyl-cli-output.h"
#include "nyl-input-check.h"
#include "nyl-redirect-uri.h"

/* nylasctl redirect-uris list | add | update | delete */

static const char * const platforms[] = { "web", "desktop", "js", "ios", "android", NULL };

typedef struct
{
  char *url;
  char *platform;
  char *origin;
  char *bundle_id;
  char *app_store_id;
  char *team_id;
  char *package_name;
  char *fingerprint;
} UriOptions;

static void
uri_options_clear (UriOptions *o)
{
  g_free (o->url);
  g_free (o->platform);
  g_free (o->origin);
  g_free (o->bundle_id);
  g_free (o->app_store_id);
  g_free (o->team_id);
  g_free (o->package_name);
  g_free (o->fingerprint);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (UriOptions, uri_options_clear)

#define URI_ENTRIES(o) \
  { "url", 0, 0, G_OPTION_ARG_STRING, &(o).url, N_("The redirect URI"), N_("URL") }, \
  { "platform", 0, 0, G_OPTION_ARG_STRING, &(o).platform, \
    N_("web, desktop, js, ios or android (default web)"), N_("PLATFORM") }, \
  { "origin", 0, 0, G_OPTION_ARG_STRING, &(o).origin, N_("js: the allowed origin"), N_("O") }, \
  { "bundle-id", 0, 0, G_OPTION_ARG_STRING, &(o).bundle_id, N_("ios: the bundle ID"), N_("B") }, \
  { "app-store-id", 0, 0, G_OPTION_ARG_STRING, &(o).app_store_id, N_("ios: the App Store ID"), \
    N_("A") }, \
  { "team-id", 0, 0, G_OPTION_ARG_STRING, &(o).team_id, N_("ios: the team ID"), N_("T") }, \
  { "package-name", 0, 0, G_OPTION_ARG_STRING, &(o).package_name, \
    N_("android: the package name"), N_("P") }, \
  { "sha1-fingerprint", 0, 0, G_OPTION_ARG_STRING, &(o).fingerprint, \
    N_("android: the SHA-1 certificate fingerprint"), N_("F") }

static void
print_uri (NylCliContext *ctx,
           NylResource   *resource)
{
  NylRedirectUri *uri = NYL_REDIRECT_URI (resource);

  nyl_cli_print_fields (stdout,
                        _("ID"), nyl_resource_get_id (resource),
                        _("URL"), nyl_redirect_uri_get_url (uri),
                        _("Platform"), nyl_redirect_uri_get_platform (uri),
                        _("Origin"), nyl_redirect_uri_get_origin (uri),
                        _("Bundle ID"), nyl_redirect_uri_get_bundle_id (uri),
                        _("App Store ID"), nyl_redirect_uri_get_app_store_id (uri),
                        _("Team ID"), nyl_redirect_uri_get_team_id (uri),
                        _("Package name"), nyl_redirect_uri_get_package_name (uri),
                        _("SHA-1 fingerprint"),
                        nyl_redirect_uri_get_sha1_certificate_fingerprint (uri),
                        NULL);
  if (nyl_input_is_insecure_redirect (nyl_redirect_uri_get_url (uri)))
    printf ("%s\n", _("Warning: plain http to a host other than this computer; "
                      "production applications should use https."));
}

/* Applies the options to @uri, checking them first; nothing is sent when one is wrong. */
static gboolean
apply_options (UriOptions      *o,
               NylRedirectUri  *uri,
               GError         **error)
{
  g_autofree char *fingerprint = NULL;
  const char *platform;
  const char *url;

  if (o->platform != NULL && !g_strv_contains (platforms, o->platform))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown platform “%s”: use web, desktop, js, ios or android"), o->platform);
      return FALSE;
    }

  if (o->fingerprint != NULL)
    {
      fingerprint = nyl_input_normalize_fingerprint (o->fingerprint, error);
      if (fingerprint == NULL)
        return FALSE;
    }

  if (o->url != NULL)
    nyl_redirect_uri_set_url (uri, o->url);
  if (o->platform != NULL)
    nyl_redirect_uri_set_platform (uri, o->platform);
  if (o->origin != NULL)
    nyl_redirect_uri_set_origin (uri, o->origin);
  if (o->bundle_id != NULL)
    nyl_redirect_uri_set_bundle_id (uri, o->bundle_id);
  if (o->app_store_id != NULL)
    nyl_redirect_uri_set_app_store_id (uri, o->app_store_id);
  if (o->team_id != NULL)
    nyl_redirect_uri_set_team_id (uri, o->team_id);
  if (o->package_name != NULL)
    nyl_redirect_uri_set_package_name (uri, o->package_name);
  if (fingerprint != NULL)
    nyl_redirect_uri_set_sha1_certificate_fingerprint (uri, fingerprint);

  platform = nyl_redirect_uri_get_platform (uri);
  if (platform == NULL)
    platform = "web";
  url = nyl_redirect_uri_get_url (uri);

  if (url == NULL || !nyl_input_check_redirect_uri (url, platform, error))
    {
      if (url == NULL)
        g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                             _("A redirect URI needs --url"));
      return FALSE;
    }

  if (g_str_equal (platform, "js") && nyl_redirect_uri_get_origin (uri) == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("A js redirect URI needs --origin"));
      return FALSE;
    }
  if (g_str_equal (platform, "ios") && nyl_redirect_uri_get_bundle_id (uri) == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("An ios redirect URI needs --bundle-id"));
      return FALSE;
    }
  if (g_str_equal (platform, "android") &&
      (nyl_redirect_uri_get_package_name (uri) == NULL ||
       nyl_redirect_uri_get_sha1_certificate_fingerprint (uri) == NULL))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("An android redirect URI needs --package-name and "
                             "--sha1-fingerprint"));
      return FALSE;
    }

  return TRUE;
}

static int
uris_list (NylCliContext *ctx,
           GStrv         *args)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(NylCliTable) table = NULL;
  int status;

  list = nyl_cli_list_command (ctx, args, "redirect-uris list", "",
                               _("List the application’s redirect URIs."),
                               NYL_TYPE_REDIRECT_URI, &status);
  if (list == NULL)
    return status;

  table = nyl_cli_table_new (3);
  nyl_cli_table_set_headers (table, _("ID"), _("PLATFORM"), _("URL"));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(NylRedirectUri) uri = g_list_model_get_item (list, i);

      nyl_cli_table_add_row (table, nyl_resource_get_id (NYL_RESOURCE (uri)),
                             nyl_redirect_uri_get_platform (uri), nyl_redirect_uri_get_url (uri));
    }
  nyl_cli_table_print (table, stdout);

  return NYL_CLI_EXIT_OK;
}

static int
uris_add (NylCliContext *ctx,
          GStrv         *args)
{
  g_auto(UriOptions) o = { 0 };
  const GOptionEntry entries[] = { URI_ENTRIES (o), G_OPTION_ENTRY_NULL };
  g_autoptr(NylRedirectUri) uri = nyl_redirect_uri_new ();
  g_autoptr(NylResource) created = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  status = nyl_cli_context_parse (ctx, args, "redirect-uris add", "--url URL [OPTION…]",
                                  _("Register a redirect URI (https, or http on localhost)."),
                                  entries);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 0, "redirect-uris add", "")) >= 0)
    return status;

  if (o.url == NULL)
    return nyl_cli_context_usage_error (ctx, _("redirect-uris add needs --url URL"));

  if (o.platform == NULL)
    o.platform = g_strdup ("web");
  if (!apply_options (&o, uri, &error))
    return nyl_cli_context_fail (ctx, error);

  created = nyl_cli_create (ctx, NYL_RESOURCE (uri), NULL, &error);
  if (created == NULL)
    return nyl_cli_context_fail (ctx, error);

  return nyl_cli_print_resource (ctx, created, print_uri);
}

static int
uris_update (NylCliContext *ctx,
             GStrv         *args)
{
  g_auto(UriOptions) o = { 0 };
  const GOptionEntry entries[] = { URI_ENTRIES (o), G_OPTION_ENTRY_NULL };
  g_autoptr(NylResource) uri = NULL;
  g_autoptr(NylResource) updated = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  status = nyl_cli_context_parse (ctx, args, "redirect-uris update", "ID [OPTION…]",
                                  _("Change a redirect URI; settings not given are kept."),
                                  entries);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 1, "redirect-uris update", "ID")) >= 0)
    return status;

  if (o.url == NULL && o.platform == NULL && o.origin == NULL && o.bundle_id == NULL &&
      o.app_store_id == NULL && o.team_id == NULL && o.package_name == NULL &&
      o.fingerprint == NULL)
    return nyl_cli_context_usage_error (ctx, _("redirect-uris update: nothing to change"));

  uri = nyl_cli_fetch (ctx, NYL_TYPE_REDIRECT_URI, NULL, (*args)[0], &error);
  if (uri == NULL)
    return nyl_cli_context_fail (ctx, error);

  if (!apply_options (&o, NYL_REDIRECT_URI (uri), &error))
    return nyl_cli_context_fail (ctx, error);

  updated = nyl_cli_update (ctx, uri, NULL, &error);
  if (updated == NULL)
    return nyl_cli_context_fail (ctx, error);

  return nyl_cli_print_resource (ctx, updated, print_uri);
}

static int
uris_delete (NylCliContext *ctx,
             GStrv         *args)
{
  g_autofree char *question = NULL;
  g_autofree char *done = NULL;
  int status;

  status = nyl_cli_context_parse (ctx, args, "redirect-uris delete", "ID",
                                  _("Remove a redirect URI. Sign-ins that use it stop working."),
                                  NULL);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 1, "redirect-uris delete", "ID")) >= 0)
    return status;

  /* Translators: %s is an ID. */
  question = g_strdup_printf (_("Delete redirect URI %s?"), (*args)[0]);
  done = g_strdup_printf (_("Deleted redirect URI %s."), (*args)[0]);
  return nyl_cli_delete_confirmed (ctx, NYL_TYPE_REDIRECT_URI, NULL, (*args)[0], question, done);
}

static const NylCliSubcommand subcommands[] = {
  { "list", "list", N_("List the redirect URIs"), uris_list },
  { "add", "add --url URL [--platform web|desktop|js|ios|android] [--origin O] [--bundle-id B] "
    "[--app-store-id A] [--team-id T] [--package-name P] [--sha1-fingerprint F]",
    N_("Register a redirect URI"), uris_add },
  { "update", "update ID [OPTION…]", N_("Change a redirect URI"), uris_update },
  { "delete", "delete ID", N_("Remove a redirect URI"), uris_delete },
  { NULL, NULL, NULL, NULL },
};

int
nyl_cli_redirect_uris_run (NylCliContext *ctx,
                           int            argc,
                           char          *argv[])
{
  return nyl_cli_context_dispatch (ctx, "redirect-uris",
                                   N_("Where providers send people back after signing in."),
                                   subcommands, argc, argv);
}
