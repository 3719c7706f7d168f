/* nyl-cli-auth.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-cli-auth"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "nyl-cli-calls.h"
#include "nyl-cli-commands.h"
#include "nyl-cli-output.h"
#include "nyl-hosted-auth.h"
#include "nyl-redirect-uri.h"
#include "nyl-secret-store.h"

/* nylasctl auth url | revoke-token */

static int
auth_url (NylCliContext *ctx,
          GStrv         *args)
{
  g_autofree char *provider = NULL;
  g_auto(GStrv) scopes = NULL;
  g_autofree char *login_hint = NULL;
  g_autofree char *redirect_uri = NULL;
  g_autofree char *state = NULL;
  gboolean pkce = FALSE;
  const GOptionEntry entries[] = {
    { "provider", 0, 0, G_OPTION_ARG_STRING, &provider,
      N_("Skip the provider choice (google, microsoft, …)"), N_("P") },
    { "scope", 0, 0, G_OPTION_ARG_STRING_ARRAY, &scopes,
      N_("A scope to ask for (repeat for more; default: the connector’s)"), N_("S") },
    { "login-hint", 0, 0, G_OPTION_ARG_STRING, &login_hint, N_("The user’s email address"),
      N_("E") },
    { "redirect-uri", 0, 0, G_OPTION_ARG_STRING, &redirect_uri,
      N_("Where to send the user back (default: the first registered one)"), N_("U") },
    { "state", 0, 0, G_OPTION_ARG_STRING, &state, N_("Echoed back to the redirect URI"),
      N_("S") },
    { "pkce", 0, 0, G_OPTION_ARG_NONE, &pkce,
      N_("Add a PKCE challenge; its verifier is printed for the code exchange"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *verifier = NULL;
  g_autofree char *challenge = NULL;
  NylHostedAuthParams params = { 0 };
  NylSession *session;
  int status;

  status = nyl_cli_context_parse (ctx, args, "auth url", "",
                                  _("Print a hosted-authentication URL to open in a browser."),
                                  entries);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 0, "auth url", "")) >= 0)
    return status;

  if (state != NULL && strlen (state) > 256)
    return nyl_cli_context_usage_error (ctx, _("--state is limited to 256 characters"));

  session = nyl_cli_context_get_session (ctx, &error);
  if (session == NULL)
    return nyl_cli_context_fail (ctx, error);

  if (redirect_uri == NULL)
    {
      g_autoptr(GListModel) uris = nyl_cli_list (ctx, NYL_TYPE_REDIRECT_URI, NULL, &error);

      if (uris == NULL)
        return nyl_cli_context_fail (ctx, error);
      for (guint i = 0; i < g_list_model_get_n_items (uris) && redirect_uri == NULL; i++)
        {
          g_autoptr(NylRedirectUri) uri = g_list_model_get_item (uris, i);

          redirect_uri = g_strdup (nyl_redirect_uri_get_url (uri));
        }
      if (redirect_uri == NULL)
        return nyl_cli_context_usage_error (ctx, _("The application has no redirect URI: "
                                                   "register one with “nylasctl redirect-uris "
                                                   "add”, or give --redirect-uri"));
    }

  if (pkce)
    {
      verifier = nyl_pkce_new_verifier ();
      challenge = nyl_pkce_challenge (verifier);
    }

  params.client_id = nyl_profile_get_application_id (nyl_session_get_profile (session));
  params.redirect_uri = redirect_uri;
  params.provider = provider;
  params.scopes = (const char * const *)scopes;
  params.login_hint = login_hint;
  params.state = state;
  params.code_challenge = challenge;

  url = nyl_hosted_auth_build_url (nyl_client_get_base_url (nyl_session_get_client (session)),
                                   &params, &error);
  if (url == NULL)
    return nyl_cli_context_fail (ctx, error);

  if (nyl_cli_context_get_json (ctx))
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "url", url);
      json_object_set_string_member (object, "redirect_uri", redirect_uri);
      if (verifier != NULL)
        json_object_set_string_member (object, "code_verifier", verifier);
      json_node_take_object (node, object);
      nyl_cli_print_json (node);
    }
  else
    {
      printf ("%s\n", url);
      if (verifier != NULL)
        /* Translators: %s is a PKCE code verifier. */
        printf (_("PKCE code verifier (keep it for the code exchange): %s\n"), verifier);
    }

  if (verifier != NULL)
    memset (verifier, 0, strlen (verifier));

  return NYL_CLI_EXIT_OK;
}

static int
auth_revoke_token (NylCliContext *ctx,
                   GStrv         *args)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  NylSession *session;
  char *token;
  gboolean ok;
  int status;

  status = nyl_cli_context_parse (ctx, args, "auth revoke-token", "",
                                  _("Revoke an access token read from stdin, with its child and "
                                    "parent tokens. The grant itself stays."), NULL);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 0, "auth revoke-token", "")) >= 0)
    return status;

  token = nyl_cli_context_read_secret (ctx, _("Access token:"), &error);
  if (token == NULL)
    return nyl_cli_context_fail (ctx, error);

  session = nyl_cli_context_get_session (ctx, &error);
  if (session == NULL)
    {
      nyl_secret_free (token);
      return nyl_cli_context_fail (ctx, error);
    }

  nyl_session_revoke_token_async (session, token, NULL, nyl_cli_async_done, &result);
  nyl_cli_wait (&result);
  nyl_secret_free (token);
  ok = nyl_session_revoke_token_finish (session, result, &error);
  if (!ok)
    return nyl_cli_context_fail (ctx, error);

  if (nyl_cli_context_get_json (ctx))
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_boolean_member (object, "revoked", TRUE);
      json_node_take_object (node, object);
      nyl_cli_print_json (node);
    }
  else
    {
      printf ("%s\n", _("The token was revoked."));
    }

  return NYL_CLI_EXIT_OK;
}

static const NylCliSubcommand subcommands[] = {
  { "url", "url [--provider P] [--scope S]… [--login-hint E] [--redirect-uri U] [--state S] "
    "[--pkce]", N_("Print a hosted-authentication URL"), auth_url },
  { "revoke-token", "revoke-token", N_("Revoke an access token (read from stdin)"),
    auth_revoke_token },
  { NULL, NULL, NULL, NULL },
};

int
nyl_cli_auth_run (NylCliContext *ctx,
                  int            argc,
                  char          *argv[])
{
  return nyl_cli_context_dispatch (ctx, "auth", N_("Hosted authentication for testing."),
                                   subcommands, argc, argv);
}
