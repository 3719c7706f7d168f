/* nyl-cli-keys.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-cli-keys"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "nyl-api-key.h"
#include "nyl-cli-calls.h"
#include "nyl-cli-commands.h"
#include "nyl-cli-output.h"
#include "nyl-key-labels.h"
#include "nyl-key-roll.h"
#include "nyl-pending-revocations.h"
#include "nyl-time.h"

/* nylasctl keys …: the Manage API Keys API, signed with the profile's Service Account. A new
 * key's secret is printed once and kept in the keyring; a roll never revokes the old key before
 * the new one is stored and verified. */

#define MAX_DAYS            3650
#define PRODUCTION_MAX_DAYS 365
#define DEFAULT_ROLL_DAYS   90

static void
print_key (NylCliContext *ctx,
           NylResource   *resource)
{
  NylApiKey *key = NYL_API_KEY (resource);
  g_autofree char *created = nyl_cli_format_time (nyl_api_key_get_created_at (key));
  g_autofree char *expires = nyl_cli_format_time (nyl_api_key_get_expires_at (key));
  g_autofree char *left = nyl_cli_format_relative (nyl_api_key_get_expires_at (key),
                                                   g_get_real_time () / G_USEC_PER_SEC);
  g_autofree char *permissions = nyl_cli_join (nyl_api_key_get_permissions (key));
  g_autofree char *expiry = NULL;
  g_autofree char *profile_id = nyl_cli_context_dup_profile_id (ctx, NULL);
  g_autoptr(NylKeyLabels) labels = nyl_key_labels_new ();
  const char *label = NULL;

  if (profile_id != NULL)
    label = nyl_key_labels_get (labels, profile_id, nyl_resource_get_id (resource));
  if (expires != NULL)
    expiry = g_strdup_printf ("%s (%s)", expires, left);

  nyl_cli_print_fields (stdout,
                        _("ID"), nyl_resource_get_id (resource),
                        _("Name"), nyl_api_key_get_name (key),
                        _("Label"), label,
                        _("Status"), nyl_api_key_get_status (key),
                        _("Permissions"), permissions,
                        _("Created"), created,
                        _("Expires"), expiry,
                        NULL);
}

static int
keys_list (NylCliContext *ctx,
           GStrv         *args)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(NylCliTable) table = NULL;
  g_autoptr(NylKeyLabels) labels = NULL;
  g_autofree char *profile_id = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  int status;

  list = nyl_cli_list_command (ctx, args, "keys list", "",
                               _("List the application’s API keys (never their secrets)."),
                               NYL_TYPE_API_KEY, &status);
  if (list == NULL)
    return status;

  labels = nyl_key_labels_new ();
  profile_id = nyl_cli_context_dup_profile_id (ctx, NULL);
  table = nyl_cli_table_new (5);
  nyl_cli_table_set_headers (table, _("ID"), _("NAME"), _("STATUS"), _("EXPIRES"), _("LABEL"));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(NylApiKey) key = g_list_model_get_item (list, i);
      const char *id = nyl_resource_get_id (NYL_RESOURCE (key));
      g_autofree char *expires = nyl_cli_format_relative (nyl_api_key_get_expires_at (key), now);

      nyl_cli_table_add_row (table, id, nyl_api_key_get_name (key), nyl_api_key_get_status (key),
                             expires,
                             profile_id != NULL ? nyl_key_labels_get (labels, profile_id, id)
                                                : NULL);
    }
  nyl_cli_table_print (table, stdout);

  return NYL_CLI_EXIT_OK;
}

static int
keys_show (NylCliContext *ctx,
           GStrv         *args)
{
  return nyl_cli_show_command (ctx, args, "keys show", "ID",
                               _("Show an API key."), NYL_TYPE_API_KEY, print_key);
}

/* The production warning of design.md §3.5, on stderr. */
static void
warn_long_life (NylCliContext *ctx,
                guint          days)
{
  NylSession *session = nyl_cli_context_get_session (ctx, NULL);
  const char *environment;

  if (session == NULL || days <= PRODUCTION_MAX_DAYS)
    return;

  environment = nyl_profile_get_environment (nyl_session_get_profile (session));
  if (g_strcmp0 (environment, "production") == 0)
    /* Translators: %u is a number of days. */
    fprintf (stderr, _("nylasctl: warning: this production key lives %u days; keys for "
                       "production should not live past a year\n"), days);
}

static gboolean
parse_days (const char  *option,
            int          days,
            GError     **error)
{
  if (days >= 1 && days <= MAX_DAYS)
    return TRUE;

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("%s must be a number of days from 1 to %d"), option, MAX_DAYS);
  return FALSE;
}

/* Prints a new key with its secret, once. */
static void
print_new_key (NylCliContext *ctx,
               NylApiKey     *key,
               gboolean       stored,
               JsonObject    *extra)
{
  const char *secret = nyl_api_key_get_secret (key);

  if (nyl_cli_context_get_json (ctx))
    {
      g_autoptr(JsonNode) node = nyl_cli_resource_to_json (NYL_RESOURCE (key));
      JsonObject *object = json_node_get_object (node);

      if (secret != NULL)
        json_object_set_string_member (object, "api_key", secret);
      json_object_set_boolean_member (object, "secret_stored", stored);

      if (extra != NULL)
        {
          g_autoptr(JsonNode) out = json_node_new (JSON_NODE_OBJECT);

          json_object_set_object_member (extra, "new_key", json_object_ref (object));
          json_node_set_object (out, extra);
          nyl_cli_print_json (out);
          return;
        }

      nyl_cli_print_json (node);
      return;
    }

  print_key (ctx, NYL_RESOURCE (key));
  if (secret != NULL)
    printf (stored ? _("Secret (shown once, kept in the keyring): %s\n")
                   : _("Secret (shown once): %s\n"),
            secret);
}

static int
keys_create (NylCliContext *ctx,
             GStrv         *args)
{
  g_autofree char *name = NULL;
  int days = 0;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The key’s name (unique)"), N_("N") },
    { "expires-in", 0, 0, G_OPTION_ARG_INT, &days, N_("Days until it expires (e.g. 30, 90, 365)"),
      N_("DAYS") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) store_error = NULL;
  g_autoptr(NylApiKey) key = NULL;
  NylSession *session;
  gboolean stored = FALSE;
  int status;

  status = nyl_cli_context_parse (ctx, args, "keys create", "--name N --expires-in DAYS",
                                  _("Create an API key. Its secret is printed once and kept in "
                                    "the keyring."), entries);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 0, "keys create", "")) >= 0)
    return status;

  if (name == NULL || *name == '\0' || days == 0)
    return nyl_cli_context_usage_error (ctx, _("keys create needs --name and --expires-in"));
  if (!parse_days ("--expires-in", days, &error))
    return nyl_cli_context_fail (ctx, error);

  session = nyl_cli_context_get_session (ctx, &error);
  if (session == NULL)
    return nyl_cli_context_fail (ctx, error);
  warn_long_life (ctx, (guint)days);

  nyl_api_key_create_async (session, name, (guint)days, NULL, nyl_cli_async_done, &result);
  nyl_cli_wait (&result);
  key = nyl_api_key_create_finish (session, result, &stored, &store_error, &error);
  if (key == NULL)
    return nyl_cli_context_fail (ctx, error);

  print_new_key (ctx, key, stored, NULL);
  if (!stored)
    /* Translators: %s is an error message. */
    fprintf (stderr, _("nylasctl: warning: the secret could not be kept in the keyring (%s); "
                       "copy it now, it is not shown again\n"),
             store_error != NULL ? store_error->message : _("unknown error"));
  nyl_api_key_clear_secret (key);

  return NYL_CLI_EXIT_OK;
}

static int
keys_revoke (NylCliContext *ctx,
             GStrv         *args)
{
  g_autoptr(NylPendingRevocations) pending = NULL;
  g_autofree char *question = NULL;
  g_autofree char *done = NULL;
  int status;

  status = nyl_cli_context_parse (ctx, args, "keys revoke", "ID",
                                  _("Revoke (delete) an API key. It stops working at once."),
                                  NULL);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 1, "keys revoke", "ID")) >= 0)
    return status;

  /* Translators: %s is an API key ID. */
  question = g_strdup_printf (_("Revoke API key %s? Everything using it stops working at once."),
                              (*args)[0]);
  done = g_strdup_printf (_("Revoked API key %s."), (*args)[0]);
  status = nyl_cli_delete_confirmed (ctx, NYL_TYPE_API_KEY, NULL, (*args)[0], question, done);

  /* A revocation scheduled for it is moot now. */
  if (status == NYL_CLI_EXIT_OK)
    {
      pending = nyl_pending_revocations_new ();
      nyl_pending_revocations_remove (pending, (*args)[0], NULL);
    }

  return status;
}

static const char *
step_nick (NylKeyRoll *roll)
{
  if (!nyl_key_roll_has_step (roll))
    return "none";

  switch (nyl_key_roll_get_step (roll))
    {
    case NYL_KEY_ROLL_CREATED:
      return "created";
    case NYL_KEY_ROLL_STORED:
      return "stored";
    case NYL_KEY_ROLL_VERIFIED:
      return "verified";
    case NYL_KEY_ROLL_REVOKED:
      return "revoked";
    case NYL_KEY_ROLL_REVOCATION_SCHEDULED:
      return "revocation-scheduled";
    default:
      return "none";
    }
}

/* Revocations scheduled by earlier rolls that are due now. */
static gboolean
run_due_revocations (NylCliContext  *ctx,
                     NylSession     *session,
                     guint          *n_revoked,
                     GError        **error)
{
  g_autoptr(NylPendingRevocations) pending = nyl_pending_revocations_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) local_error = NULL;

  nyl_pending_revocations_run_due_async (pending, session, g_get_real_time () / G_USEC_PER_SEC,
                                         NULL, nyl_cli_async_done, &result);
  nyl_cli_wait (&result);
  *n_revoked = nyl_pending_revocations_run_due_finish (pending, result, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static int
keys_roll (NylCliContext *ctx,
           GStrv         *args)
{
  int days = 0;
  g_autofree char *revoke_old = NULL;
  const GOptionEntry entries[] = {
    { "expires-in", 0, 0, G_OPTION_ARG_INT, &days,
      N_("Days the new key lives (default: as long as the old one did)"), N_("DAYS") },
    { "revoke-old", 0, 0, G_OPTION_ARG_STRING, &revoke_old,
      N_("now, never (the default) or a delay such as 24h or 7d; only ever after the new key is "
         "stored and verified"), N_("WHEN") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(NylResource) old_key = NULL;
  g_autoptr(NylKeyRoll) roll = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) extra = NULL;
  NylRevokePolicy policy = NYL_REVOKE_NEVER;
  gint64 revoke_at = 0;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  NylSession *session;
  NylApiKey *new_key;
  guint n_due = 0;
  gboolean ok;
  int status;

  status = nyl_cli_context_parse (ctx, args, "keys roll", "ID [--expires-in DAYS] "
                                  "[--revoke-old now|never|DURATION]",
                                  _("Replace an API key: create a new one, keep it in the keyring, "
                                    "check that it works, then revoke the old one now, later or "
                                    "never. Revocations due from earlier rolls are carried out "
                                    "first."), entries);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 1, "keys roll", "ID")) >= 0)
    return status;

  if (days != 0 && !parse_days ("--expires-in", days, &error))
    return nyl_cli_context_fail (ctx, error);

  if (revoke_old == NULL || g_str_equal (revoke_old, "never"))
    policy = NYL_REVOKE_NEVER;
  else if (g_str_equal (revoke_old, "now"))
    policy = NYL_REVOKE_NOW;
  else
    {
      gint64 delay;

      if (!nyl_duration_parse (revoke_old, &delay, &error))
        return nyl_cli_context_fail (ctx, error);
      policy = NYL_REVOKE_LATER;
      revoke_at = now + delay;
    }

  session = nyl_cli_context_get_session (ctx, &error);
  if (session == NULL)
    return nyl_cli_context_fail (ctx, error);

  if (!run_due_revocations (ctx, session, &n_due, &error))
    return nyl_cli_context_fail (ctx, error);
  if (n_due > 0 && !nyl_cli_context_get_json (ctx))
    /* Translators: %u is a number of API keys. */
    fprintf (stderr, g_dngettext (GETTEXT_PACKAGE,
                                  "Revoked %u key whose scheduled revocation was due.\n",
                                  "Revoked %u keys whose scheduled revocation was due.\n", n_due),
             n_due);

  /* The old key must exist; its lifetime is the new one's by default. */
  old_key = nyl_cli_fetch (ctx, NYL_TYPE_API_KEY, NULL, (*args)[0], &error);
  if (old_key == NULL)
    return nyl_cli_context_fail (ctx, error);
  if (days == 0)
    {
      gint64 lifetime = nyl_api_key_get_expires_at (NYL_API_KEY (old_key)) -
                        nyl_api_key_get_created_at (NYL_API_KEY (old_key));

      days = lifetime > 0 ? (int)CLAMP ((lifetime + 43200) / 86400, 1, MAX_DAYS)
                          : DEFAULT_ROLL_DAYS;
    }
  warn_long_life (ctx, (guint)days);

  roll = nyl_key_roll_new (session, (*args)[0], (guint)days, policy, revoke_at);
  nyl_key_roll_run_async (roll, NULL, nyl_cli_async_done, &result);
  nyl_cli_wait (&result);
  ok = nyl_key_roll_run_finish (roll, result, &error);
  new_key = nyl_key_roll_get_new_key (roll);

  extra = json_object_new ();
  json_object_set_string_member (extra, "old_key_id", (*args)[0]);
  json_object_set_string_member (extra, "step", step_nick (roll));
  json_object_set_boolean_member (extra, "stored", nyl_key_roll_get_stored (roll));
  json_object_set_boolean_member (extra, "verified", nyl_key_roll_get_verified (roll));
  json_object_set_boolean_member (extra, "old_key_revoked",
                                  nyl_key_roll_has_step (roll) &&
                                  nyl_key_roll_get_step (roll) == NYL_KEY_ROLL_REVOKED);
  if (nyl_key_roll_get_revoke_at (roll) > 0)
    {
      g_autofree char *when = nyl_cli_format_time (nyl_key_roll_get_revoke_at (roll));

      json_object_set_string_member (extra, "revoke_at", when);
    }
  else
    {
      json_object_set_null_member (extra, "revoke_at");
    }
  json_object_set_int_member (extra, "due_revocations_done", n_due);
  if (!ok)
    json_object_set_string_member (extra, "error", error->message);

  /* Whatever happened, a new secret that exists is never lost: print it. */
  if (new_key != NULL)
    {
      if (!nyl_cli_context_get_json (ctx))
        printf ("%s\n", ok ? _("Rolled the API key. The new key:")
                           : _("The roll stopped part way. The new key:"));
      print_new_key (ctx, new_key, nyl_key_roll_get_stored (roll),
                     nyl_cli_context_get_json (ctx) ? extra : NULL);
      nyl_api_key_clear_secret (new_key);
    }
  else if (nyl_cli_context_get_json (ctx))
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (node, extra);
      nyl_cli_print_json (node);
    }

  if (!ok)
    return nyl_cli_context_fail (ctx, error);

  if (!nyl_cli_context_get_json (ctx))
    {
      switch (nyl_key_roll_get_step (roll))
        {
        case NYL_KEY_ROLL_REVOKED:
          /* Translators: %s is an API key ID. */
          printf (_("The old key %s was revoked.\n"), (*args)[0]);
          break;

        case NYL_KEY_ROLL_REVOCATION_SCHEDULED:
          {
            g_autofree char *when = nyl_cli_format_time (nyl_key_roll_get_revoke_at (roll));

            /* Translators: the first %s is an API key ID, the second a date. */
            printf (_("The old key %s will be revoked after %s, by the next “nylasctl keys "
                      "roll” or Nylas Manager.\n"), (*args)[0], when);
          }
          break;

        case NYL_KEY_ROLL_CREATED:
        case NYL_KEY_ROLL_STORED:
        case NYL_KEY_ROLL_VERIFIED:
        default:
          /* Translators: %s is an API key ID. */
          printf (_("The old key %s still works; revoke it with “nylasctl keys revoke %s”.\n"),
                  (*args)[0], (*args)[0]);
          break;
        }
    }

  return NYL_CLI_EXIT_OK;
}

static const NylCliSubcommand subcommands[] = {
  { "list", "list", N_("List the API keys"), keys_list },
  { "show", "show ID", N_("Show an API key"), keys_show },
  { "create", "create --name N --expires-in DAYS", N_("Create an API key (its secret is printed "
    "once)"), keys_create },
  { "revoke", "revoke ID", N_("Revoke an API key"), keys_revoke },
  { "roll", "roll ID [--expires-in DAYS] [--revoke-old now|never|DURATION]",
    N_("Replace an API key with a new one"), keys_roll },
  { "rotate", "rotate ID [--expires-in DAYS] [--revoke-old now|never|DURATION]",
    N_("The same as roll"), keys_roll },
  { NULL, NULL, NULL, NULL },
};

int
nyl_cli_keys_run (NylCliContext *ctx,
                  int            argc,
                  char          *argv[])
{
  return nyl_cli_context_dispatch (ctx, "keys",
                                   N_("API keys (needs the profile’s Service Account)."),
                                   subcommands, argc, argv);
}
