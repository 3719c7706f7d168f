/* nyl-resource-list.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-resource-list"

#include "config.h"

#include "nyl-resource-list.h"

#include <glib/gi18n.h>

#include "nyl-api-error.h"
#include "nyl-page-iterator.h"
#include "nyl-session-private.h"

/**
 * NylResourceList:
 *
 * A #GListModel of one collection (grants, most of all), loaded a page at a
 * time so a view shows the first rows of 100,000 grants at once and asks for
 * more as it scrolls (nyl_resource_list_load_more()).
 *
 * The first page is asked for when the main loop is next idle. Each page
 * arrives as one items-changed. #NylResourceList:loading is %TRUE while a page
 * is on its way, #NylResourceList:complete once the last one came, and
 * #NylResourceList:error holds the last failure (the items loaded before stay;
 * load_more() tries the failed page again). Disposing the list cancels what
 * is in flight.
 */
struct _NylResourceList
{
  GObject          parent_instance;

  NylSession      *session;
  GType            type;
  char            *parent;
  char           **query;
  guint            page_size;

  GPtrArray       *items;
  NylPageIterator *iterator;
  GCancellable    *cancellable;
  GError          *error;
  GPtrArray       *load_all_tasks;
  guint            idle_id;
  gboolean         loading;
  gboolean         complete;
};

static void nyl_resource_list_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NylResourceList, nyl_resource_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      nyl_resource_list_list_model_iface_init))

enum {
  PROP_0,
  PROP_SESSION,
  PROP_RESOURCE_TYPE,
  PROP_LOADING,
  PROP_COMPLETE,
  PROP_ERROR,
  PROP_N_ITEMS,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

#define DEFAULT_PAGE_SIZE 50

static GType
nyl_resource_list_get_item_type (GListModel *model)
{
  return NYL_RESOURCE_LIST (model)->type;
}

static guint
nyl_resource_list_get_n_items (GListModel *model)
{
  return NYL_RESOURCE_LIST (model)->items->len;
}

static gpointer
nyl_resource_list_get_item (GListModel *model,
                            guint       position)
{
  NylResourceList *self = NYL_RESOURCE_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
nyl_resource_list_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = nyl_resource_list_get_item_type;
  iface->get_n_items = nyl_resource_list_get_n_items;
  iface->get_item = nyl_resource_list_get_item;
}

static void
set_loading (NylResourceList *self,
             gboolean         loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_complete (NylResourceList *self,
              gboolean         complete)
{
  if (self->complete == complete)
    return;

  self->complete = complete;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

/* Takes @error. */
static void
set_error (NylResourceList *self,
           GError          *error)
{
  if (self->error == NULL && error == NULL)
    return;

  g_clear_error (&self->error);
  self->error = error;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/* Completes the load_all() calls waiting, when there is an outcome for them. */
static void
settle_load_all (NylResourceList *self)
{
  g_autoptr(GPtrArray) tasks = NULL;

  if (self->load_all_tasks->len == 0)
    return;

  if (!self->complete && self->error == NULL)
    {
      /* Those whose caller gave up answer now; the others wait for the next page. */
      for (guint i = self->load_all_tasks->len; i > 0; i--)
        {
          GTask *task = g_ptr_array_index (self->load_all_tasks, i - 1);

          if (g_task_return_error_if_cancelled (task))
            g_ptr_array_remove_index (self->load_all_tasks, i - 1);
        }
      return;
    }

  tasks = g_steal_pointer (&self->load_all_tasks);
  self->load_all_tasks = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < tasks->len; i++)
    {
      GTask *task = g_ptr_array_index (tasks, i);

      if (g_task_return_error_if_cancelled (task))
        continue;
      if (self->error != NULL)
        g_task_return_error (task, g_error_copy (self->error));
      else
        g_task_return_boolean (task, TRUE);
    }
}

static void load_page (NylResourceList *self);

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  NylPageIterator *iterator = NYL_PAGE_ITERATOR (object);
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  NylResourceList *self;
  JsonArray *array;
  guint position;

  response = nyl_page_iterator_next_finish (iterator, result, &error);

  /* Cancelled: the list was disposed or reloaded; @user_data may be gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = NYL_RESOURCE_LIST (user_data);
  g_assert (self->iterator == iterator);

  nyl_session_set_last_request_id (self->session,
                                   nyl_page_iterator_get_last_request_id (iterator));

  page = g_ptr_array_new_with_free_func (g_object_unref);

  if (error == NULL && response != NULL)
    {
      array = nyl_response_get_items (response);
      if (array == NULL)
        g_set_error_literal (&error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                             _("The server’s answer holds no list"));

      for (guint i = 0; error == NULL && i < json_array_get_length (array); i++)
        {
          NylResource *item = nyl_resource_new_from_json (self->type,
                                                          json_array_get_element (array, i),
                                                          &error);

          if (item != NULL)
            g_ptr_array_add (page, item);
        }

      /* A page is taken whole or not at all. */
      if (error != NULL)
        g_ptr_array_set_size (page, 0);
    }

  g_object_freeze_notify (G_OBJECT (self));

  if (page->len > 0)
    {
      position = self->items->len;
      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (page, i)));
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, page->len);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }

  if (error != NULL)
    {
      g_debug ("Loading a page of %s failed: %s", nyl_resource_type_get_kind (self->type),
               error->message);
      set_error (self, g_steal_pointer (&error));
    }
  else if (nyl_page_iterator_get_done (iterator))
    {
      set_complete (self, TRUE);
    }

  set_loading (self, FALSE);
  g_object_thaw_notify (G_OBJECT (self));

  if (self->load_all_tasks->len > 0 && !self->complete && self->error == NULL)
    load_page (self);

  settle_load_all (self);
}

static gboolean
ensure_iterator (NylResourceList *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  NylClientAuth auth;
  gboolean offset;

  if (self->iterator != NULL)
    return TRUE;

  if (!nyl_session_get_collection (self->session, self->type, self->parent, &path, &auth, &offset,
                                   &error))
    {
      set_error (self, g_steal_pointer (&error));
      return FALSE;
    }

  self->iterator = nyl_page_iterator_new (nyl_session_get_client (self->session), path,
                                          (const char * const *) self->query, auth,
                                          offset ? NYL_PAGE_STYLE_OFFSET : NYL_PAGE_STYLE_CURSOR,
                                          self->page_size);
  return TRUE;
}

static void
load_page (NylResourceList *self)
{
  if (self->loading || self->complete)
    return;

  g_clear_handle_id (&self->idle_id, g_source_remove);

  if (!ensure_iterator (self))
    {
      settle_load_all (self);
      return;
    }

  g_object_freeze_notify (G_OBJECT (self));
  set_error (self, NULL);
  set_loading (self, TRUE);
  g_object_thaw_notify (G_OBJECT (self));

  nyl_page_iterator_next_async (self->iterator, self->cancellable, page_cb, self);
}

static gboolean
first_page_cb (gpointer user_data)
{
  NylResourceList *self = user_data;

  self->idle_id = 0;
  load_page (self);
  return G_SOURCE_REMOVE;
}

static void
nyl_resource_list_dispose (GObject *object)
{
  NylResourceList *self = (NylResourceList *)object;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->iterator);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (nyl_resource_list_parent_class)->dispose (object);
}

static void
nyl_resource_list_finalize (GObject *object)
{
  NylResourceList *self = (NylResourceList *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->load_all_tasks, g_ptr_array_unref);
  g_clear_pointer (&self->parent, g_free);
  g_clear_pointer (&self->query, g_strfreev);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (nyl_resource_list_parent_class)->finalize (object);
}

static void
nyl_resource_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  NylResourceList *self = NYL_RESOURCE_LIST (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_RESOURCE_TYPE:
      g_value_set_gtype (value, self->type);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_resource_list_class_init (NylResourceListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nyl_resource_list_dispose;
  object_class->finalize = nyl_resource_list_finalize;
  object_class->get_property = nyl_resource_list_get_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         NYL_TYPE_SESSION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_RESOURCE_TYPE] =
    g_param_spec_gtype ("resource-type", NULL, NULL,
                        NYL_TYPE_RESOURCE,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NylResourceList:loading:
   *
   * Whether a page is on its way.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NylResourceList:complete:
   *
   * Whether the last page was loaded.
   */
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NylResourceList:error:
   *
   * Why the last page failed, %NULL when fine. Items loaded before stay.
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL,
                        G_TYPE_ERROR,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nyl_resource_list_init (NylResourceList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->load_all_tasks = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
}

/**
 * nyl_resource_list_new:
 * @session: an open session
 * @type: the resource type, with a collection (grants, webhooks, …)
 * @parent: (nullable): the connector provider for %NYL_TYPE_CREDENTIAL
 * @query: (nullable) (array zero-terminated=1): filters as key, value, …,
 *   %NULL (e.g. `grant_status`, `invalid`)
 * @page_size: items per page; 0 for the default (50); at most 200
 *
 * Returns: (transfer full): a list that asks for its first page when the main
 *   loop is next idle
 */
NylResourceList *
nyl_resource_list_new (NylSession         *session,
                       GType               type,
                       const char         *parent,
                       const char * const *query,
                       guint               page_size)
{
  NylResourceList *self;

  g_return_val_if_fail (NYL_IS_SESSION (session), NULL);
  g_return_val_if_fail (g_type_is_a (type, NYL_TYPE_RESOURCE), NULL);

  self = g_object_new (NYL_TYPE_RESOURCE_LIST, NULL);
  self->session = g_object_ref (session);
  self->type = type;
  self->parent = g_strdup (parent);
  self->query = g_strdupv ((char **) query);
  self->page_size = page_size == 0 ? DEFAULT_PAGE_SIZE : MIN (page_size, NYL_PAGE_MAX_LIMIT);
  self->idle_id = g_idle_add (first_page_cb, self);

  return self;
}

/**
 * nyl_resource_list_load_more:
 * @self: a #NylResourceList
 *
 * Asks for the next page, unless one is on its way or the list is complete.
 * After an error, asks for the failed page again.
 */
void
nyl_resource_list_load_more (NylResourceList *self)
{
  g_return_if_fail (NYL_IS_RESOURCE_LIST (self));

  load_page (self);
}

/**
 * nyl_resource_list_reload:
 * @self: a #NylResourceList
 *
 * Drops every item and loads the first page again.
 */
void
nyl_resource_list_reload (NylResourceList *self)
{
  guint removed;

  g_return_if_fail (NYL_IS_RESOURCE_LIST (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_object (&self->iterator);
  g_clear_handle_id (&self->idle_id, g_source_remove);

  g_object_freeze_notify (G_OBJECT (self));
  removed = self->items->len;
  g_ptr_array_set_size (self->items, 0);
  if (removed > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
  set_loading (self, FALSE);
  set_complete (self, FALSE);
  set_error (self, NULL);
  g_object_thaw_notify (G_OBJECT (self));

  load_page (self);
}

/**
 * nyl_resource_list_load_all_async:
 * @self: a #NylResourceList
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page is loaded, or one failed
 * @user_data: data for @callback
 *
 * Loads page after page until the list is complete (for an export or a
 * count). A failure stops it; the pages loaded stay.
 */
void
nyl_resource_list_load_all_async (NylResourceList     *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (NYL_IS_RESOURCE_LIST (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nyl_resource_list_load_all_async);

  if (self->complete)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_ptr_array_add (self->load_all_tasks, g_steal_pointer (&task));
  load_page (self);
}

gboolean
nyl_resource_list_load_all_finish (NylResourceList  *self,
                                   GAsyncResult     *result,
                                   GError          **error)
{
  g_return_val_if_fail (NYL_IS_RESOURCE_LIST (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        nyl_resource_list_load_all_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
nyl_resource_list_get_loading (NylResourceList *self)
{
  g_return_val_if_fail (NYL_IS_RESOURCE_LIST (self), FALSE);

  return self->loading;
}

gboolean
nyl_resource_list_get_complete (NylResourceList *self)
{
  g_return_val_if_fail (NYL_IS_RESOURCE_LIST (self), FALSE);

  return self->complete;
}

/**
 * nyl_resource_list_get_error:
 *
 * Returns: (nullable) (transfer none): why the last page failed
 */
const GError *
nyl_resource_list_get_error (NylResourceList *self)
{
  g_return_val_if_fail (NYL_IS_RESOURCE_LIST (self), NULL);

  return self->error;
}

GType
nyl_resource_list_get_resource_type (NylResourceList *self)
{
  g_return_val_if_fail (NYL_IS_RESOURCE_LIST (self), G_TYPE_INVALID);

  return self->type;
}

/**
 * nyl_resource_list_get_session:
 *
 * Returns: (transfer none): the session
 */
NylSession *
nyl_resource_list_get_session (NylResourceList *self)
{
  g_return_val_if_fail (NYL_IS_RESOURCE_LIST (self), NULL);

  return self->session;
}
