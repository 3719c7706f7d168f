/* nyl-page-iterator.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-page-iterator"

#include "config.h"

#include "nyl-page-iterator.h"

#include <glib/gi18n.h>

#include "nyl-api-error.h"

/**
 * NylPageIterator:
 *
 * Walks a paged list endpoint, one page per nyl_page_iterator_next_async(),
 * whichever way the endpoint pages (#NylPageStyle). Each page is the
 * #NylResponse of one request, its items in nyl_response_get_items(). When the
 * list is exhausted #NylPageIterator:done turns %TRUE, and a further
 * nyl_page_iterator_next_async() answers %NULL without error.
 *
 * A failed page leaves the position where it was: asking again retries it.
 */
struct _NylPageIterator
{
  GObject        parent_instance;

  NylClient     *client;
  char          *path;
  char         **query;
  NylClientAuth  auth;
  NylPageStyle   style;
  guint          limit;

  char          *cursor;
  gint64         offset;
  guint          n_pages;
  gboolean       done;
  gboolean       busy;
  char          *last_request_id;
};

G_DEFINE_FINAL_TYPE (NylPageIterator, nyl_page_iterator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DONE,
  PROP_N_PAGES,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
nyl_page_iterator_dispose (GObject *object)
{
  NylPageIterator *self = (NylPageIterator *)object;

  g_clear_object (&self->client);

  G_OBJECT_CLASS (nyl_page_iterator_parent_class)->dispose (object);
}

static void
nyl_page_iterator_finalize (GObject *object)
{
  NylPageIterator *self = (NylPageIterator *)object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->query, g_strfreev);
  g_clear_pointer (&self->cursor, g_free);
  g_clear_pointer (&self->last_request_id, g_free);

  G_OBJECT_CLASS (nyl_page_iterator_parent_class)->finalize (object);
}

static void
nyl_page_iterator_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  NylPageIterator *self = NYL_PAGE_ITERATOR (object);

  switch (prop_id)
    {
    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;

    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_page_iterator_class_init (NylPageIteratorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nyl_page_iterator_dispose;
  object_class->finalize = nyl_page_iterator_finalize;
  object_class->get_property = nyl_page_iterator_get_property;

  /**
   * NylPageIterator:done:
   *
   * %TRUE once the last page has been fetched.
   */
  properties[PROP_DONE] =
    g_param_spec_boolean ("done", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NylPageIterator:n-pages:
   *
   * How many pages have been fetched so far.
   */
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nyl_page_iterator_init (NylPageIterator *self)
{
}

/**
 * nyl_page_iterator_new:
 * @client: the #NylClient to ask
 * @path: the list endpoint, e.g. `/v3/grants`
 * @query: (nullable) (array zero-terminated=1): further query parameters (filters),
 *   as key, value, …, %NULL
 * @auth: how the requests authenticate
 * @style: how the endpoint pages
 * @limit: items per page; 0 or anything over %NYL_PAGE_MAX_LIMIT means
 *   %NYL_PAGE_MAX_LIMIT
 *
 * Returns: (transfer full): a new #NylPageIterator, before the first page
 */
NylPageIterator *
nyl_page_iterator_new (NylClient          *client,
                       const char         *path,
                       const char * const *query,
                       NylClientAuth       auth,
                       NylPageStyle        style,
                       guint               limit)
{
  NylPageIterator *self;

  g_return_val_if_fail (NYL_IS_CLIENT (client), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (NYL_TYPE_PAGE_ITERATOR, NULL);
  self->client = g_object_ref (client);
  self->path = g_strdup (path);
  self->query = g_strdupv ((char **)query);
  self->auth = auth;
  self->style = style;
  self->limit = (limit == 0 || limit > NYL_PAGE_MAX_LIMIT) ? NYL_PAGE_MAX_LIMIT : limit;

  return self;
}

guint
nyl_page_iterator_get_limit (NylPageIterator *self)
{
  g_return_val_if_fail (NYL_IS_PAGE_ITERATOR (self), 0);

  return self->limit;
}

gboolean
nyl_page_iterator_get_done (NylPageIterator *self)
{
  g_return_val_if_fail (NYL_IS_PAGE_ITERATOR (self), TRUE);

  return self->done;
}

guint
nyl_page_iterator_get_n_pages (NylPageIterator *self)
{
  g_return_val_if_fail (NYL_IS_PAGE_ITERATOR (self), 0);

  return self->n_pages;
}

/**
 * nyl_page_iterator_get_last_request_id:
 *
 * Returns: (nullable): the Nylas request ID of the last page asked for,
 *   whether it arrived or failed
 */
const char *
nyl_page_iterator_get_last_request_id (NylPageIterator *self)
{
  g_return_val_if_fail (NYL_IS_PAGE_ITERATOR (self), NULL);

  return self->last_request_id;
}

static void
set_done (NylPageIterator *self)
{
  if (!self->done)
    {
      self->done = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
    }
}

/* Moves the position past @response; FALSE when the page is not a list. */
static gboolean
advance (NylPageIterator  *self,
         NylResponse      *response)
{
  JsonArray *items = nyl_response_get_items (response);
  const char *next_cursor = nyl_response_get_next_cursor (response);
  gint64 page_limit;
  guint n_items;

  if (items == NULL)
    return FALSE;

  n_items = json_array_get_length (items);
  self->n_pages++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);

  if (next_cursor != NULL)
    {
      if (g_strcmp0 (next_cursor, self->cursor) == 0 || n_items == 0)
        {
          /* A server that hands the same cursor back would page forever. */
          g_debug ("%s: cursor did not move on; stopping", self->path);
          set_done (self);
        }
      else
        {
          g_free (self->cursor);
          self->cursor = g_strdup (next_cursor);
        }
      return TRUE;
    }

  if (self->style == NYL_PAGE_STYLE_CURSOR || self->cursor != NULL)
    {
      set_done (self);
      return TRUE;
    }

  /* Offset paging: a page shorter than the (echoed) limit is the last. */
  page_limit = nyl_response_get_limit (response);
  if (page_limit <= 0)
    page_limit = self->limit;

  if (n_items == 0 || n_items < page_limit)
    {
      set_done (self);
      return TRUE;
    }

  if (nyl_response_get_offset (response) >= 0)
    self->offset = nyl_response_get_offset (response);
  self->offset += n_items;

  return TRUE;
}

static void
request_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  NylClient *client = NYL_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  NylPageIterator *self = g_task_get_source_object (task);
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  self->busy = FALSE;

  g_free (self->last_request_id);
  self->last_request_id = g_strdup (nyl_client_get_async_result_request_id (client, result));

  response = nyl_client_request_finish (client, result, &error);
  if (response == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!advance (self, response))
    {
      g_debug ("%s: page %u holds no list", self->path, self->n_pages + 1);
      g_task_return_new_error (task, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                               _("Nylas sent a response that could not be understood"));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&response), g_object_unref);
}

/**
 * nyl_page_iterator_next_async:
 * @self: a #NylPageIterator
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the page
 * @user_data: data for @callback
 *
 * Fetches the next page. One at a time: wait for the callback before asking
 * for another.
 */
void
nyl_page_iterator_next_async (NylPageIterator     *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) query = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *offset = NULL;

  g_return_if_fail (NYL_IS_PAGE_ITERATOR (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (!self->busy);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nyl_page_iterator_next_async);

  if (self->done)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  query = g_ptr_array_new ();
  for (guint i = 0; self->query != NULL && self->query[i] != NULL; i++)
    g_ptr_array_add (query, self->query[i]);

  limit = g_strdup_printf ("%u", self->limit);
  g_ptr_array_add (query, (char *)"limit");
  g_ptr_array_add (query, limit);

  if (self->cursor != NULL)
    {
      g_ptr_array_add (query, (char *)"page_token");
      g_ptr_array_add (query, self->cursor);
    }
  else if (self->style == NYL_PAGE_STYLE_OFFSET)
    {
      offset = g_strdup_printf ("%" G_GINT64_FORMAT, self->offset);
      g_ptr_array_add (query, (char *)"offset");
      g_ptr_array_add (query, offset);
    }
  g_ptr_array_add (query, NULL);

  self->busy = TRUE;
  nyl_client_request_async (self->client, "GET", self->path,
                            (const char * const *)query->pdata, NULL, self->auth,
                            cancellable, request_cb, g_steal_pointer (&task));
}

/**
 * nyl_page_iterator_next_finish:
 * @self: a #NylPageIterator
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the page; %NULL without @error when
 *   there are no more pages, %NULL with @error on failure
 */
NylResponse *
nyl_page_iterator_next_finish (NylPageIterator  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (NYL_IS_PAGE_ITERATOR (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == nyl_page_iterator_next_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
