/* nyl-connector-ops.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-connector-ops"

#include "config.h"

#include "nyl-connector-ops.h"

#include <glib/gi18n.h>

#include "nyl-api-error.h"
#include "nyl-page-iterator.h"
#include "nyl-session-private.h"

/* Deleting a connector breaks every grant on it at once (nylas-api.md §5): the faces say how many
 * before they ask to confirm. */

typedef struct
{
  NylPageIterator *iterator;
  guint            count;
} CountData;

static void
count_data_free (CountData *data)
{
  g_clear_object (&data->iterator);
  g_free (data);
}

static void
count_page_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  NylSession *session = g_task_get_source_object (task);
  CountData *data = g_task_get_task_data (task);
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *items;

  response = nyl_page_iterator_next_finish (data->iterator, result, &error);
  nyl_session_set_last_request_id (session,
                                   nyl_page_iterator_get_last_request_id (data->iterator));

  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (response != NULL)
    {
      items = nyl_response_get_items (response);
      if (items == NULL)
        {
          g_task_return_new_error (task, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                                   _("The server’s answer holds no list"));
          return;
        }
      data->count += json_array_get_length (items);
    }

  if (response == NULL || nyl_page_iterator_get_done (data->iterator))
    {
      g_task_return_int (task, data->count);
      return;
    }

  nyl_page_iterator_next_async (data->iterator, g_task_get_cancellable (task), count_page_cb,
                                g_object_ref (task));
}

/**
 * nyl_connector_count_grants_async:
 * @session: a #NylSession
 * @provider: the connector's provider (`google`, `microsoft`, …)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the count
 * @user_data: data for @callback
 *
 * Counts the grants of @provider (`GET /v3/grants?provider=…`, 200 a page):
 * the grants deleting its connector would break.
 */
void
nyl_connector_count_grants_async (NylSession          *session,
                                  const char          *provider,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *query[] = { "provider", provider, NULL };
  CountData *data;

  g_return_if_fail (NYL_IS_SESSION (session));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, nyl_connector_count_grants_async);

  if (provider == NULL || *provider == '\0')
    {
      g_task_return_new_error (task, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                               _("A connector provider is needed"));
      return;
    }

  data = g_new0 (CountData, 1);
  data->iterator = nyl_page_iterator_new (nyl_session_get_client (session), "/v3/grants", query,
                                          NYL_CLIENT_AUTH_API_KEY, NYL_PAGE_STYLE_OFFSET,
                                          NYL_PAGE_MAX_LIMIT);
  g_task_set_task_data (task, data, (GDestroyNotify)count_data_free);

  nyl_page_iterator_next_async (data->iterator, cancellable, count_page_cb,
                                g_steal_pointer (&task));
}

/**
 * nyl_connector_count_grants_finish:
 *
 * Returns: the number of grants; 0 with @error set on failure
 */
guint
nyl_connector_count_grants_finish (NylSession    *session,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  gssize n;

  g_return_val_if_fail (NYL_IS_SESSION (session), 0);
  g_return_val_if_fail (g_task_is_valid (result, session), 0);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        nyl_connector_count_grants_async, 0);

  n = g_task_propagate_int (G_TASK (result), error);
  return n < 0 ? 0 : (guint) n;
}
