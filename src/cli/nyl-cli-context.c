/* nyl-cli-context.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-cli-context"

#include "config.h"

#include "nyl-cli-context.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "nyl-api-error.h"
#include "nyl-paths.h"
#include "nyl-sandbox.h"
#include "nyl-secret-store.h"

/* The profile --sandbox makes up; its keyring entries stay apart from real profiles'. */
#define SANDBOX_PROFILE_ID "sandbox"

/* More than any API key, webhook secret or token; a runaway pipe is cut off here. */
#define MAX_STDIN_SECRET (1024 * 1024)

/**
 * NylCliContext:
 *
 * What one nylasctl invocation shares between its commands: the global
 * options (`--profile NAME | --sandbox`, `--json`, `--yes`, `--api-url`),
 * the #NylSession it opens on first use, and the conventions of design.md §6:
 * messages on stderr with the Nylas request ID, the exit codes, confirmation
 * before anything destructive, and secrets read from stdin only.
 */
struct _NylCliContext
{
  GObject          parent_instance;

  /* Global options. */
  char            *profile_name;
  char            *api_url;
  gboolean         sandbox;
  gboolean         json;
  gboolean         yes;

  /* Owned references. */
  NylProfileStore *store;
  NylSession      *session;
  NylSandbox      *sandbox_server;
};

G_DEFINE_FINAL_TYPE (NylCliContext, nyl_cli_context, G_TYPE_OBJECT)

static void
nyl_cli_context_dispose (GObject *object)
{
  NylCliContext *self = (NylCliContext *)object;

  g_clear_object (&self->session);
  if (self->sandbox_server != NULL)
    nyl_sandbox_stop (self->sandbox_server);
  g_clear_object (&self->sandbox_server);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (nyl_cli_context_parent_class)->dispose (object);
}

static void
nyl_cli_context_finalize (GObject *object)
{
  NylCliContext *self = (NylCliContext *)object;

  g_clear_pointer (&self->profile_name, g_free);
  g_clear_pointer (&self->api_url, g_free);

  G_OBJECT_CLASS (nyl_cli_context_parent_class)->finalize (object);
}

static void
nyl_cli_context_class_init (NylCliContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nyl_cli_context_dispose;
  object_class->finalize = nyl_cli_context_finalize;
}

static void
nyl_cli_context_init (NylCliContext *self)
{
}

NylCliContext *
nyl_cli_context_new (void)
{
  return g_object_new (NYL_TYPE_CLI_CONTEXT, NULL);
}

gboolean
nyl_cli_context_get_json (NylCliContext *self)
{
  g_return_val_if_fail (NYL_IS_CLI_CONTEXT (self), FALSE);

  return self->json;
}

gboolean
nyl_cli_context_get_yes (NylCliContext *self)
{
  g_return_val_if_fail (NYL_IS_CLI_CONTEXT (self), FALSE);

  return self->yes;
}

gboolean
nyl_cli_context_get_sandbox (NylCliContext *self)
{
  g_return_val_if_fail (NYL_IS_CLI_CONTEXT (self), FALSE);

  return self->sandbox;
}

const char *
nyl_cli_context_get_profile_name (NylCliContext *self)
{
  g_return_val_if_fail (NYL_IS_CLI_CONTEXT (self), NULL);

  return self->profile_name;
}

const char *
nyl_cli_context_get_api_url (NylCliContext *self)
{
  g_return_val_if_fail (NYL_IS_CLI_CONTEXT (self), NULL);

  return self->api_url;
}

/* Option parsing --------------------------------------------------------- */

static gboolean
set_string_option (const char  *option_name,
                   const char  *value,
                   gpointer     data,
                   GError     **error)
{
  NylCliContext *self = data;

  if (g_str_equal (option_name, "--profile"))
    {
      g_free (self->profile_name);
      self->profile_name = g_strdup (value);
    }
  else
    {
      g_free (self->api_url);
      self->api_url = g_strdup (value);
    }

  return TRUE;
}

static void
add_global_entries (NylCliContext *self,
                    GOptionGroup  *group)
{
  const GOptionEntry entries[] = {
    { "profile", 0, 0, G_OPTION_ARG_CALLBACK, set_string_option,
      N_("Use the profile NAME instead of the default one"), N_("NAME") },
    { "sandbox", 0, 0, G_OPTION_ARG_NONE, &self->sandbox,
      N_("Use the built-in simulated Nylas API"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &self->json,
      N_("Print JSON with the API’s field names"), NULL },
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &self->yes,
      N_("Do not ask before destructive changes"), NULL },
    { "api-url", 0, 0, G_OPTION_ARG_CALLBACK, set_string_option,
      N_("Send requests to URL (https, or http on loopback)"), N_("URL") },
    G_OPTION_ENTRY_NULL
  };

  g_option_group_add_entries (group, entries);
}

static GOptionContext *
new_option_context (NylCliContext      *self,
                    const char         *parameters,
                    const GOptionEntry *entries,
                    gboolean           *help)
{
  const GOptionEntry help_entries[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, help, N_("Show help options"), NULL },
    G_OPTION_ENTRY_NULL
  };
  GOptionContext *context = g_option_context_new (parameters);
  GOptionGroup *group = g_option_group_new (NULL, NULL, NULL, self, NULL);

  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_group_add_entries (group, entries);
  add_global_entries (self, group);
  g_option_group_add_entries (group, help_entries);
  g_option_context_set_main_group (context, group);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  return context;
}

/**
 * nyl_cli_context_parse_globals:
 * @self: a #NylCliContext
 * @args: (inout): the words after the program name; on return, from the command on
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the options before the command were understood
 */
gboolean
nyl_cli_context_parse_globals (NylCliContext  *self,
                               GStrv          *args,
                               GError        **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) with_program = g_ptr_array_new ();
  g_auto(GStrv) strv = NULL;
  gboolean help = FALSE;

  g_return_val_if_fail (NYL_IS_CLI_CONTEXT (self), FALSE);

  context = new_option_context (self, NULL, NULL, &help);
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_ignore_unknown_options (context, TRUE);

  g_ptr_array_add (with_program, g_strdup ("nylasctl"));
  for (guint i = 0; (*args)[i] != NULL; i++)
    g_ptr_array_add (with_program, g_strdup ((*args)[i]));
  g_ptr_array_add (with_program, NULL);
  strv = (GStrv)g_ptr_array_free (g_steal_pointer (&with_program), FALSE);

  if (!g_option_context_parse_strv (context, &strv, error))
    return FALSE;

  /* --help is left for the caller, which lists the commands. */
  g_strfreev (*args);
  *args = g_strdupv (strv + 1);
  if (help)
    {
      GStrv with_help = g_new0 (char *, g_strv_length (*args) + 2);

      with_help[0] = g_strdup ("--help");
      for (guint i = 0; (*args)[i] != NULL; i++)
        with_help[i + 1] = g_strdup ((*args)[i]);
      g_strfreev (*args);
      *args = with_help;
    }

  return TRUE;
}

/**
 * nyl_cli_context_parse:
 * @self: a #NylCliContext
 * @args: (inout): the command's words, args[0] naming it
 * @command: the command for messages, e.g. "keys create"
 * @parameters: what follows the options in the usage line
 * @summary: (nullable): a sentence for --help
 * @entries: (nullable): the command's own options
 *
 * Returns: -1 to go on with the positional arguments in @args, or the exit
 *   code to return (0 after --help, %NYL_CLI_EXIT_USAGE after a usage error)
 */
int
nyl_cli_context_parse (NylCliContext      *self,
                       GStrv              *args,
                       const char         *command,
                       const char         *parameters,
                       const char         *summary,
                       const GOptionEntry *entries)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *usage = NULL;
  gboolean help = FALSE;
  guint n;

  g_return_val_if_fail (NYL_IS_CLI_CONTEXT (self), NYL_CLI_EXIT_FAILURE);

  usage = parameters != NULL && *parameters != '\0' ? g_strdup_printf ("%s %s", command, parameters)
                                                    : g_strdup (command);
  context = new_option_context (self, usage, entries, &help);
  if (summary != NULL)
    g_option_context_set_summary (context, summary);

  if (!g_option_context_parse_strv (context, args, &error))
    {
      /* Translators: the first %s is a command such as “keys create”. */
      fprintf (stderr, _("nylasctl %s: %s\n"), command, error->message);
      fprintf (stderr, _("See “nylasctl %s --help”.\n"), command);
      return NYL_CLI_EXIT_USAGE;
    }

  if (help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);

      fputs (text, stdout);
      return NYL_CLI_EXIT_OK;
    }

  if (self->sandbox && (self->profile_name != NULL || self->api_url != NULL))
    return nyl_cli_context_usage_error (self, _("--sandbox cannot be combined with --profile "
                                                "or --api-url"));

  /* Drop the command's own name: what is left are its positional arguments. */
  n = g_strv_length (*args);
  if (n > 0)
    {
      g_free ((*args)[0]);
      memmove (*args, *args + 1, n * sizeof (char *));
    }

  return -1;
}

int
nyl_cli_context_usage_error (NylCliContext *self,
                             const char    *format,
                             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "nylasctl: %s\n", message);
  return NYL_CLI_EXIT_USAGE;
}

static void
print_group_usage (FILE                   *out,
                   const char             *group,
                   const char             *summary,
                   const NylCliSubcommand *subcommands)
{
  /* Translators: %s is a command group such as “keys”. */
  fprintf (out, _("Usage: nylasctl [OPTION…] %s COMMAND …\n"), group);
  if (summary != NULL)
    fprintf (out, "\n%s\n", _(summary));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; subcommands[i].name != NULL; i++)
    fprintf (out, "  %s %s\n      %s\n", group, subcommands[i].usage, _(subcommands[i].summary));
  /* Translators: %s is a command group such as “keys”. */
  fprintf (out, _("\nSee “nylasctl %s COMMAND --help” for the options of each.\n"), group);
}

/**
 * nyl_cli_context_dispatch:
 * @self: a #NylCliContext
 * @group: the group's name
 * @summary: (nullable): what the group is for (N_())
 * @subcommands: the subcommands, ending with a zeroed entry
 * @argc: the number of words in @argv
 * @argv: the words from the group's name on
 *
 * Returns: the exit code
 */
int
nyl_cli_context_dispatch (NylCliContext          *self,
                          const char             *group,
                          const char             *summary,
                          const NylCliSubcommand *subcommands,
                          int                     argc,
                          char                  **argv)
{
  const char *name;

  g_return_val_if_fail (NYL_IS_CLI_CONTEXT (self), NYL_CLI_EXIT_FAILURE);

  if (argc < 2)
    {
      print_group_usage (stderr, group, summary, subcommands);
      return NYL_CLI_EXIT_USAGE;
    }

  name = argv[1];
  if (g_str_equal (name, "--help") || g_str_equal (name, "-h") || g_str_equal (name, "help"))
    {
      print_group_usage (stdout, group, summary, subcommands);
      return NYL_CLI_EXIT_OK;
    }

  for (guint i = 0; subcommands[i].name != NULL; i++)
    {
      if (g_str_equal (subcommands[i].name, name))
        {
          g_auto(GStrv) args = g_strdupv (argv + 1);

          return subcommands[i].run (self, &args);
        }
    }

  /* Translators: the first %s is a command group, the second what the user typed. */
  fprintf (stderr, _("nylasctl: “%s” has no command “%s”; see “nylasctl %s --help”\n"),
           group, name, group);
  return NYL_CLI_EXIT_USAGE;
}

/* Sessions --------------------------------------------------------------- */

/**
 * nyl_cli_async_done:
 * @source: the source object
 * @result: the result
 * @user_data: a `GAsyncResult **` to fill
 *
 * A #GAsyncReadyCallback that keeps the result for nyl_cli_wait().
 */
void
nyl_cli_async_done (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/**
 * nyl_cli_wait:
 * @result: the slot given to nyl_cli_async_done()
 *
 * Runs the default main context until the call completed.
 */
void
nyl_cli_wait (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/**
 * nyl_cli_context_get_profile_store:
 * @self: a #NylCliContext
 * @error: return location for a #GError
 *
 * Returns: (transfer none) (nullable): the profiles, loaded
 */
NylProfileStore *
nyl_cli_context_get_profile_store (NylCliContext  *self,
                                   GError        **error)
{
  g_autoptr(NylProfileStore) store = NULL;

  g_return_val_if_fail (NYL_IS_CLI_CONTEXT (self), NULL);

  if (self->store != NULL)
    return self->store;

  store = nyl_profile_store_new ();
  if (!nyl_profile_store_load (store, error))
    return NULL;

  self->store = g_steal_pointer (&store);
  return self->store;
}

static NylSession *
open_sandbox (NylCliContext  *self,
              GError        **error)
{
  g_autoptr(NylSandbox) sandbox = nyl_sandbox_new (NULL);
  g_autoptr(NylServiceAccount) service_account = NULL;
  g_autoptr(NylProfile) profile = NULL;
  g_autoptr(NylAuditLog) audit_log = NULL;
  g_autofree char *audit_path = NULL;
  g_autofree char *json = NULL;
  NylSession *session;

  if (!nyl_sandbox_start (sandbox, error))
    return NULL;

  json = nyl_sandbox_dup_service_account_json (sandbox);
  service_account = nyl_service_account_new_from_data (json, -1, error);
  nyl_secret_free (g_steal_pointer (&json));
  if (service_account == NULL)
    return NULL;

  /* Labelled simulated everywhere it shows: the profile's name says so. */
  profile = nyl_profile_new (SANDBOX_PROFILE_ID, "sandbox");
  nyl_profile_set_api_url (profile, nyl_sandbox_get_url (sandbox));
  nyl_profile_set_region (profile, nyl_sandbox_get_region_nth (sandbox, 0));
  nyl_profile_set_environment (profile, nyl_sandbox_get_environment_nth (sandbox, 0));
  nyl_profile_set_application_id (profile, nyl_sandbox_get_application_id (sandbox));
  nyl_profile_set_organization_id (profile,
                                   nyl_service_account_get_organization_id (service_account));
  nyl_profile_set_service_account_key_id (profile,
                                          nyl_service_account_get_key_id (service_account));
  nyl_profile_set_service_account_organization_id (
    profile, nyl_service_account_get_organization_id (service_account));
  nyl_profile_set_service_account_region (profile,
                                          nyl_service_account_get_region (service_account));

  session = nyl_session_new (profile, nyl_sandbox_get_api_key (sandbox), service_account, error);
  if (session == NULL)
    return NULL;

  /* Simulated changes are not mixed into the record of real ones. */
  audit_path = nyl_paths_state_file (SANDBOX_AUDIT_LOG);
  audit_log = nyl_audit_log_new_for_path (audit_path);
  nyl_session_set_audit_log (session, audit_log);

  if (!self->json)
    fprintf (stderr, "%s\n", _("nylasctl: using the built-in sandbox: simulated data, "
                               "not a Nylas account"));

  self->sandbox_server = g_steal_pointer (&sandbox);
  return session;
}

static NylProfile *
find_profile (NylCliContext  *self,
              GError        **error)
{
  NylProfileStore *store = nyl_cli_context_get_profile_store (self, error);
  NylProfile *profile;

  if (store == NULL)
    return NULL;

  if (self->profile_name != NULL)
    {
      profile = nyl_profile_store_lookup_by_name (store, self->profile_name);
      if (profile == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("There is no profile named “%s”; see “nylasctl profiles list”"),
                       self->profile_name);
          return NULL;
        }
      return profile;
    }

  profile = nyl_profile_store_get_default (store);
  if (profile == NULL)
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_NO_SECRET,
                           _("No profile to use: add one with “nylasctl profiles add NAME”, "
                             "or try “nylasctl --sandbox”"));
      return NULL;
    }

  return profile;
}

/**
 * nyl_cli_context_dup_profile_id:
 * @self: a #NylCliContext
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the ID of the profile in use
 */
char *
nyl_cli_context_dup_profile_id (NylCliContext  *self,
                                GError        **error)
{
  NylProfile *profile;

  g_return_val_if_fail (NYL_IS_CLI_CONTEXT (self), NULL);

  if (self->session != NULL)
    return g_strdup (nyl_profile_get_id (nyl_session_get_profile (self->session)));

  if (self->sandbox)
    return g_strdup (SANDBOX_PROFILE_ID);

  profile = find_profile (self, error);
  if (profile == NULL)
    return NULL;

  return g_strdup (nyl_profile_get_id (profile));
}

/**
 * nyl_cli_context_get_session:
 * @self: a #NylCliContext
 * @error: return location for a #GError
 *
 * Returns: (transfer none) (nullable): the session, opened on the first call
 */
NylSession *
nyl_cli_context_get_session (NylCliContext  *self,
                             GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(NylProfile) copy = NULL;
  NylProfile *profile;

  g_return_val_if_fail (NYL_IS_CLI_CONTEXT (self), NULL);

  if (self->session != NULL)
    return self->session;

  if (self->sandbox)
    {
      self->session = open_sandbox (self, error);
      return self->session;
    }

  if (self->api_url != NULL && !nyl_api_url_check (self->api_url, error))
    return NULL;

  profile = find_profile (self, error);
  if (profile == NULL)
    return NULL;

  if (self->api_url != NULL)
    {
      /* For this call only: the saved profile keeps its own URL. */
      g_autoptr(JsonNode) node = nyl_profile_to_json (profile);

      copy = nyl_profile_new_from_json (node, error);
      if (copy == NULL)
        return NULL;
      nyl_profile_set_api_url (copy, self->api_url);
      profile = copy;
    }

  nyl_session_open_async (profile, NULL, nyl_cli_async_done, &result);
  nyl_cli_wait (&result);
  self->session = nyl_session_open_finish (result, error);

  return self->session;
}

/* Errors ----------------------------------------------------------------- */

/**
 * nyl_cli_exit_code_for_error:
 * @error: a #GError
 *
 * Returns: the exit code of design.md §6 for @error
 */
NylCliExit
nyl_cli_exit_code_for_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, NYL_CLI_EXIT_FAILURE);

  if (error->domain == NYL_API_ERROR)
    {
      switch ((NylApiError)error->code)
        {
        case NYL_API_ERROR_UNAUTHORIZED:
        case NYL_API_ERROR_FORBIDDEN:
        case NYL_API_ERROR_NO_SECRET_SERVICE:
        case NYL_API_ERROR_KEYRING_LOCKED:
        case NYL_API_ERROR_NO_SECRET:
        case NYL_API_ERROR_INVALID_CREDENTIALS:
          return NYL_CLI_EXIT_AUTH;

        case NYL_API_ERROR_NOT_FOUND:
          return NYL_CLI_EXIT_NOT_FOUND;

        case NYL_API_ERROR_RATE_LIMITED:
          return NYL_CLI_EXIT_RATE_LIMITED;

        case NYL_API_ERROR_NETWORK:
        case NYL_API_ERROR_TLS:
          return NYL_CLI_EXIT_NETWORK;

        case NYL_API_ERROR_INVALID_REQUEST:
        case NYL_API_ERROR_INSECURE_URL:
          return NYL_CLI_EXIT_USAGE;

        case NYL_API_ERROR_CONFLICT:
        case NYL_API_ERROR_SERVER:
        case NYL_API_ERROR_PARSE:
        case NYL_API_ERROR_BODY_TOO_LARGE:
        default:
          return NYL_CLI_EXIT_FAILURE;
        }
    }

  if (error->domain == G_OPTION_ERROR || error->domain == G_FILE_ERROR ||
      error->domain == JSON_PARSER_ERROR)
    return NYL_CLI_EXIT_USAGE;

  if (error->domain == G_IO_ERROR &&
      (error->code == G_IO_ERROR_INVALID_ARGUMENT || error->code == G_IO_ERROR_NOT_FOUND ||
       error->code == G_IO_ERROR_INVALID_DATA || error->code == G_IO_ERROR_IS_DIRECTORY ||
       error->code == G_IO_ERROR_PERMISSION_DENIED))
    return NYL_CLI_EXIT_USAGE;

  if (error->domain == G_TLS_ERROR)
    return NYL_CLI_EXIT_NETWORK;

  return NYL_CLI_EXIT_FAILURE;
}

static gboolean
error_came_from_server (const GError *error)
{
  if (error->domain != NYL_API_ERROR)
    return FALSE;

  switch ((NylApiError)error->code)
    {
    case NYL_API_ERROR_UNAUTHORIZED:
    case NYL_API_ERROR_FORBIDDEN:
    case NYL_API_ERROR_NOT_FOUND:
    case NYL_API_ERROR_CONFLICT:
    case NYL_API_ERROR_INVALID_REQUEST:
    case NYL_API_ERROR_RATE_LIMITED:
    case NYL_API_ERROR_SERVER:
    case NYL_API_ERROR_PARSE:
    case NYL_API_ERROR_BODY_TOO_LARGE:
      return TRUE;

    default:
      return FALSE;
    }
}

/**
 * nyl_cli_context_fail:
 * @self: a #NylCliContext
 * @error: what went wrong
 *
 * Prints @error on stderr, with the Nylas request ID when the server gave one,
 * so that a person can quote it to Nylas support.
 *
 * Returns: the exit code for @error
 */
int
nyl_cli_context_fail (NylCliContext *self,
                      const GError  *error)
{
  const char *request_id = NULL;

  g_return_val_if_fail (NYL_IS_CLI_CONTEXT (self), NYL_CLI_EXIT_FAILURE);
  g_return_val_if_fail (error != NULL, NYL_CLI_EXIT_FAILURE);

  if (self->session != NULL && error_came_from_server (error))
    request_id = nyl_session_get_last_request_id (self->session);

  if (request_id != NULL && *request_id != '\0')
    /* Translators: the second %s is a Nylas request ID. */
    fprintf (stderr, _("nylasctl: %s (request ID %s)\n"), error->message, request_id);
  else
    fprintf (stderr, "nylasctl: %s\n", error->message);

  return nyl_cli_exit_code_for_error (error);
}

/* Terminals -------------------------------------------------------------- */

gboolean
nyl_cli_context_stdout_is_tty (NylCliContext *self)
{
  return isatty (STDOUT_FILENO);
}

gboolean
nyl_cli_context_stderr_is_tty (NylCliContext *self)
{
  return isatty (STDERR_FILENO);
}

/**
 * nyl_cli_context_confirm:
 * @self: a #NylCliContext
 * @question: what is about to happen, as a question
 * @exit_code: (out): the exit code when not confirmed
 *
 * Returns: %TRUE to go ahead
 */
gboolean
nyl_cli_context_confirm (NylCliContext *self,
                         const char    *question,
                         int           *exit_code)
{
  char answer[64];

  g_return_val_if_fail (NYL_IS_CLI_CONTEXT (self), FALSE);

  *exit_code = NYL_CLI_EXIT_OK;

  if (self->yes)
    return TRUE;

  if (!isatty (STDIN_FILENO))
    {
      /* Translators: %s is a question such as “Delete webhook X?”. */
      fprintf (stderr, _("nylasctl: %s Not confirmed: standard input is not a terminal; "
                         "pass --yes to go ahead.\n"), question);
      *exit_code = NYL_CLI_EXIT_USAGE;
      return FALSE;
    }

  /* Translators: the answer is read as yes when it starts with y or Y. */
  fprintf (stderr, _("%s [y/N] "), question);
  fflush (stderr);

  if (fgets (answer, sizeof answer, stdin) != NULL &&
      (answer[0] == 'y' || answer[0] == 'Y' ||
       g_str_has_prefix (answer, _("y")) || g_str_has_prefix (answer, _("Y"))))
    return TRUE;

  fprintf (stderr, "%s\n", _("Cancelled; nothing was changed."));
  *exit_code = NYL_CLI_EXIT_FAILURE;
  return FALSE;
}

/* Secrets ---------------------------------------------------------------- */

static void
wipe_string (GString *string)
{
  memset (string->str, 0, string->allocated_len);
  g_string_free (string, TRUE);
}

static GString *
read_stdin (const char  *prompt,
            gboolean     one_line,
            GError     **error)
{
  GString *input = g_string_new (NULL);
  gboolean tty = isatty (STDIN_FILENO);
  struct termios saved;
  gboolean echo_off = FALSE;

  if (tty)
    {
      struct termios quiet;

      /* Echo goes off before the prompt shows, so nothing typed after it is ever shown; what
       * was typed ahead is kept (TCSANOW, not TCSAFLUSH). */
      if (tcgetattr (STDIN_FILENO, &saved) == 0)
        {
          quiet = saved;
          quiet.c_lflag &= ~(tcflag_t)ECHO;
          echo_off = tcsetattr (STDIN_FILENO, TCSANOW, &quiet) == 0;
        }
      fprintf (stderr, "%s ", prompt);
      fflush (stderr);
    }

  for (;;)
    {
      char buffer[4096];
      ssize_t n = read (STDIN_FILENO, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      g_string_append_len (input, buffer, n);
      memset (buffer, 0, sizeof buffer);
      if (input->len > MAX_STDIN_SECRET)
        break;
      if ((tty || one_line) && memchr (input->str, '\n', input->len) != NULL)
        break;
    }

  if (echo_off)
    {
      tcsetattr (STDIN_FILENO, TCSANOW, &saved);
      fputc ('\n', stderr);
    }

  if (input->len > MAX_STDIN_SECRET)
    {
      wipe_string (input);
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("The secret on standard input is longer than %u bytes"),
                   MAX_STDIN_SECRET);
      return NULL;
    }

  return input;
}

/**
 * nyl_cli_context_read_secret:
 * @self: a #NylCliContext
 * @prompt: what to ask on a terminal, e.g. "API key:"
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the secret; free it with
 *   nyl_secret_free()
 */
char *
nyl_cli_context_read_secret (NylCliContext  *self,
                             const char     *prompt,
                             GError        **error)
{
  GString *input;
  gsize end;

  g_return_val_if_fail (NYL_IS_CLI_CONTEXT (self), NULL);

  input = read_stdin (prompt, FALSE, error);
  if (input == NULL)
    return NULL;

  /* The newline a pipe or a here-string adds is not part of the secret. */
  end = input->len;
  while (end > 0 && (input->str[end - 1] == '\n' || input->str[end - 1] == '\r'))
    end--;
  memset (input->str + end, 0, input->len - end);
  g_string_truncate (input, end);

  if (input->len == 0 || memchr (input->str, '\n', input->len) != NULL ||
      strlen (input->str) != input->len)
    {
      gboolean empty = input->len == 0;

      wipe_string (input);
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           empty ? _("Nothing was read from standard input: pipe the secret in "
                                     "(it is never taken as an argument)")
                                 : _("Standard input holds more than one line; give one secret"));
      return NULL;
    }

  return g_string_free (input, FALSE);
}

/**
 * nyl_cli_context_read_secrets:
 * @self: a #NylCliContext
 * @prompt: what to ask on a terminal
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): one secret a line, empty lines
 *   skipped; free with nyl_cli_secrets_free()
 */
GStrv
nyl_cli_context_read_secrets (NylCliContext  *self,
                              const char     *prompt,
                              GError        **error)
{
  g_autoptr(GPtrArray) secrets = g_ptr_array_new ();
  GString *input;
  char *line;
  char *save = NULL;

  g_return_val_if_fail (NYL_IS_CLI_CONTEXT (self), NULL);

  input = read_stdin (prompt, FALSE, error);
  if (input == NULL)
    return NULL;

  for (line = strtok_r (input->str, "\r\n", &save); line != NULL;
       line = strtok_r (NULL, "\r\n", &save))
    {
      if (*line != '\0')
        g_ptr_array_add (secrets, g_strdup (line));
    }
  wipe_string (input);

  if (secrets->len == 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Nothing was read from standard input: pipe the secret in "
                             "(it is never taken as an argument)"));
      return NULL;
    }

  g_ptr_array_add (secrets, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (&secrets), FALSE);
}

void
nyl_cli_secrets_free (GStrv secrets)
{
  if (secrets == NULL)
    return;

  for (guint i = 0; secrets[i] != NULL; i++)
    memset (secrets[i], 0, strlen (secrets[i]));
  g_strfreev (secrets);
}

/**
 * nyl_cli_context_finish:
 * @self: a #NylCliContext
 *
 * Stops the in-process sandbox, if any, and lets pending I/O settle.
 */
void
nyl_cli_context_finish (NylCliContext *self)
{
  g_return_if_fail (NYL_IS_CLI_CONTEXT (self));

  g_clear_object (&self->session);
  if (self->sandbox_server != NULL)
    nyl_sandbox_stop (self->sandbox_server);
  g_clear_object (&self->sandbox_server);

  /* Let closing connections finish, without waiting for anything. */
  for (guint i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}
