/* nyl-cli-calls.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-cli-calls"

#include "config.h"

#include "nyl-cli-calls.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "nyl-cli-output.h"

NylResource *
nyl_cli_fetch (NylCliContext  *ctx,
               GType           type,
               const char     *parent,
               const char     *id,
               GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  NylSession *session = nyl_cli_context_get_session (ctx, error);

  if (session == NULL)
    return NULL;

  nyl_session_fetch_async (session, type, parent, id, NULL, nyl_cli_async_done, &result);
  nyl_cli_wait (&result);
  return nyl_session_fetch_finish (session, result, error);
}

GListModel *
nyl_cli_list (NylCliContext  *ctx,
              GType           type,
              const char     *parent,
              GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  NylSession *session = nyl_cli_context_get_session (ctx, error);

  if (session == NULL)
    return NULL;

  nyl_session_list_async (session, type, parent, NULL, nyl_cli_async_done, &result);
  nyl_cli_wait (&result);
  return nyl_session_list_finish (session, result, error);
}

NylResource *
nyl_cli_create (NylCliContext  *ctx,
                NylResource    *resource,
                const char     *parent,
                GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  NylSession *session = nyl_cli_context_get_session (ctx, error);

  if (session == NULL)
    return NULL;

  nyl_session_create_async (session, resource, parent, NULL, nyl_cli_async_done, &result);
  nyl_cli_wait (&result);
  return nyl_session_create_finish (session, result, error);
}

NylResource *
nyl_cli_update (NylCliContext  *ctx,
                NylResource    *resource,
                const char     *parent,
                GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  NylSession *session = nyl_cli_context_get_session (ctx, error);

  if (session == NULL)
    return NULL;

  nyl_session_update_async (session, resource, parent, NULL, nyl_cli_async_done, &result);
  nyl_cli_wait (&result);
  return nyl_session_update_finish (session, result, error);
}

gboolean
nyl_cli_delete (NylCliContext  *ctx,
                GType           type,
                const char     *parent,
                const char     *id,
                GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  NylSession *session = nyl_cli_context_get_session (ctx, error);

  if (session == NULL)
    return FALSE;

  nyl_session_delete_async (session, type, parent, id, NULL, nyl_cli_async_done, &result);
  nyl_cli_wait (&result);
  return nyl_session_delete_finish (session, result, error);
}

int
nyl_cli_print_resource (NylCliContext   *ctx,
                        NylResource     *resource,
                        NylCliPrintFunc  print_human)
{
  if (nyl_cli_context_get_json (ctx) || print_human == NULL)
    {
      g_autoptr(JsonNode) node = nyl_cli_resource_to_json (resource);

      nyl_cli_print_json (node);
    }
  else
    {
      print_human (ctx, resource);
    }

  return NYL_CLI_EXIT_OK;
}

int
nyl_cli_delete_confirmed (NylCliContext *ctx,
                          GType          type,
                          const char    *parent,
                          const char    *id,
                          const char    *question,
                          const char    *done_message)
{
  g_autoptr(GError) error = NULL;
  int status;

  if (!nyl_cli_context_confirm (ctx, question, &status))
    return status;

  if (!nyl_cli_delete (ctx, type, parent, id, &error))
    return nyl_cli_context_fail (ctx, error);

  if (nyl_cli_context_get_json (ctx))
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();
      NylSession *session = nyl_cli_context_get_session (ctx, NULL);
      const char *request_id = session != NULL ? nyl_session_get_last_request_id (session) : NULL;

      json_object_set_string_member (object, "id", id);
      json_object_set_boolean_member (object, "deleted", TRUE);
      if (request_id != NULL)
        json_object_set_string_member (object, "request_id", request_id);
      json_node_take_object (node, object);
      nyl_cli_print_json (node);
    }
  else
    {
      printf ("%s\n", done_message);
    }

  return NYL_CLI_EXIT_OK;
}

/* Parses a command without options of its own; on success *n_names is how many positional
 * arguments @args holds. Returns -1 to go on, or an exit status. */
static int
parse_path_args (NylCliContext *ctx,
                 GStrv         *args,
                 const char    *command,
                 const char    *names,
                 const char    *summary,
                 guint         *n_names)
{
  g_auto(GStrv) words = g_strsplit (names, " ", -1);
  int status;

  *n_names = *names != '\0' ? g_strv_length (words) : 0;

  status = nyl_cli_context_parse (ctx, args, command, names, summary, NULL);
  if (status >= 0)
    return status;

  return nyl_cli_expect_args (ctx, *args, *n_names, command, names);
}

GListModel *
nyl_cli_list_command (NylCliContext *ctx,
                      GStrv         *args,
                      const char    *command,
                      const char    *names,
                      const char    *summary,
                      GType          type,
                      int           *status)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  if ((*status = parse_path_args (ctx, args, command, names, summary, &n)) >= 0)
    return NULL;

  list = nyl_cli_list (ctx, type, n > 0 ? (*args)[n - 1] : NULL, &error);
  if (list == NULL)
    {
      *status = nyl_cli_context_fail (ctx, error);
      return NULL;
    }

  if (nyl_cli_context_get_json (ctx))
    {
      g_autoptr(JsonNode) node = nyl_cli_list_to_json (list);

      nyl_cli_print_json (node);
      *status = NYL_CLI_EXIT_OK;
      return NULL;
    }

  *status = NYL_CLI_EXIT_OK;
  return g_steal_pointer (&list);
}

int
nyl_cli_show_command (NylCliContext   *ctx,
                      GStrv           *args,
                      const char      *command,
                      const char      *names,
                      const char      *summary,
                      GType            type,
                      NylCliPrintFunc  print_human)
{
  g_autoptr(NylResource) resource = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  guint n;

  if ((status = parse_path_args (ctx, args, command, names, summary, &n)) >= 0)
    return status;

  g_return_val_if_fail (n > 0, NYL_CLI_EXIT_USAGE);

  resource = nyl_cli_fetch (ctx, type, n > 1 ? (*args)[n - 2] : NULL, (*args)[n - 1], &error);
  if (resource == NULL)
    return nyl_cli_context_fail (ctx, error);

  return nyl_cli_print_resource (ctx, resource, print_human);
}

int
nyl_cli_expect_args (NylCliContext *ctx,
                     GStrv          args,
                     guint          n,
                     const char    *command,
                     const char    *names)
{
  guint have = g_strv_length (args);

  if (have == n)
    return -1;

  if (have < n)
    /* Translators: the first %s is a command, the second what it needs, e.g. “ID”. */
    return nyl_cli_context_usage_error (ctx, _("%s needs %s; see “nylasctl %s --help”"),
                                        command, names, command);

  /* Translators: the first %s is a command, the second an unexpected word. */
  return nyl_cli_context_usage_error (ctx, _("%s: unexpected argument “%s”"),
                                      command, args[n]);
}

char *
nyl_cli_read_file (const char  *path,
                   gsize       *length,
                   GError     **error)
{
  char *contents = NULL;

  if (g_str_equal (path, "-"))
    {
      GString *input = g_string_new (NULL);
      char buffer[4096];
      ssize_t n;

      while ((n = read (STDIN_FILENO, buffer, sizeof buffer)) > 0)
        g_string_append_len (input, buffer, n);
      if (length != NULL)
        *length = input->len;
      return g_string_free (input, FALSE);
    }

  if (!g_file_get_contents (path, &contents, length, error))
    return NULL;

  return contents;
}
