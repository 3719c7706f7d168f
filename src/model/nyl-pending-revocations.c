/* nyl-pending-revocations.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-pending-revocations"

#include "config.h"

#include "nyl-pending-revocations.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "nyl-api-error.h"
#include "nyl-api-key.h"
#include "nyl-paths.h"

/**
 * NylPendingRevocations:
 *
 * The API keys a key roll left to revoke later (issue 7: "a pending
 * revocation is shown and carried out by the app or by `nylasctl keys roll`
 * when due, and survives restarts"). A #GListModel of
 * #NylPendingRevocation, soonest first, kept in
 * `$XDG_STATE_HOME/nylas-manager/pending-revocations.json` (written
 * atomically, mode 0600; it holds key IDs only, never a secret).
 */
struct _NylPendingRevocations
{
  GObject    parent_instance;

  char      *path;
  GPtrArray *items;
  GError    *load_error;
};

static void nyl_pending_revocations_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NylPendingRevocations, nyl_pending_revocations, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (
                                 G_TYPE_LIST_MODEL,
                                 nyl_pending_revocations_list_model_iface_init))

#define FILE_NAME      "pending-revocations.json"
#define FORMAT_VERSION 1

static GType
nyl_pending_revocations_get_item_type (GListModel *model)
{
  return NYL_TYPE_PENDING_REVOCATION;
}

static guint
nyl_pending_revocations_get_n_items (GListModel *model)
{
  return NYL_PENDING_REVOCATIONS (model)->items->len;
}

static gpointer
nyl_pending_revocations_get_item (GListModel *model,
                                  guint       position)
{
  NylPendingRevocations *self = NYL_PENDING_REVOCATIONS (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
nyl_pending_revocations_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = nyl_pending_revocations_get_item_type;
  iface->get_n_items = nyl_pending_revocations_get_n_items;
  iface->get_item = nyl_pending_revocations_get_item;
}

static void
nyl_pending_revocations_finalize (GObject *object)
{
  NylPendingRevocations *self = (NylPendingRevocations *)object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_error (&self->load_error);

  G_OBJECT_CLASS (nyl_pending_revocations_parent_class)->finalize (object);
}

static void
nyl_pending_revocations_class_init (NylPendingRevocationsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nyl_pending_revocations_finalize;
}

static void
nyl_pending_revocations_init (NylPendingRevocations *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  gint64 at = nyl_pending_revocation_get_revoke_at (*(NylPendingRevocation **)a);
  gint64 bt = nyl_pending_revocation_get_revoke_at (*(NylPendingRevocation **)b);

  return at < bt ? -1 : at > bt ? 1 : 0;
}

/* Replaces the items, with one items-changed. Takes @items. */
static void
replace_items (NylPendingRevocations *self,
               GPtrArray             *items)
{
  g_autoptr(GPtrArray) old = self->items;
  guint removed = old->len;

  g_ptr_array_sort (items, compare_due);
  self->items = items;
  if (removed > 0 || items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, items->len);
}

static GPtrArray *
parse (const char  *path,
       const char  *contents,
       gsize        length,
       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonArray *array;

  if (!json_parser_load_from_data (parser, contents, length, &local_error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    goto corrupt;

  root = json_node_get_object (json_parser_get_root (parser));
  if (json_object_get_int_member_with_default (root, "version", 0) > FORMAT_VERSION)
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                   _("%s was written by a newer version of Nylas Manager"), path);
      return NULL;
    }

  if (!json_object_has_member (root, "revocations") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "revocations")))
    goto corrupt;

  array = json_object_get_array_member (root, "revocations");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      NylPendingRevocation *item;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        goto corrupt;

      item = nyl_pending_revocation_new_from_json (json_node_get_object (element), &local_error);
      if (item == NULL)
        goto corrupt;
      g_ptr_array_add (items, item);
    }

  return g_steal_pointer (&items);

corrupt:
  if (local_error != NULL)
    g_debug ("%s: %s", path, local_error->message);
  g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
               _("%s is damaged: fix or delete it (it lists API keys still to revoke)"), path);
  return NULL;
}

/**
 * nyl_pending_revocations_load:
 * @self: a #NylPendingRevocations
 * @error: return location for a #GError
 *
 * Reads the file again. A missing file is an empty list. A damaged one is an
 * error here, and makes every later add or remove fail too rather than
 * overwrite it.
 *
 * Returns: %TRUE on success
 */
gboolean
nyl_pending_revocations_load (NylPendingRevocations  *self,
                              GError                **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  GPtrArray *items;
  gsize length;

  g_return_val_if_fail (NYL_IS_PENDING_REVOCATIONS (self), FALSE);

  g_clear_error (&self->load_error);

  if (!g_file_get_contents (self->path, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          replace_items (self, g_ptr_array_new_with_free_func (g_object_unref));
          return TRUE;
        }

      self->load_error = g_error_new (NYL_API_ERROR, NYL_API_ERROR_PARSE,
                                      _("Could not read %s: %s"), self->path,
                                      local_error->message);
      g_propagate_error (error, g_error_copy (self->load_error));
      return FALSE;
    }

  items = parse (self->path, contents, length, &self->load_error);
  if (items == NULL)
    {
      g_propagate_error (error, g_error_copy (self->load_error));
      return FALSE;
    }

  replace_items (self, items);
  return TRUE;
}

static gboolean
save (NylPendingRevocations  *self,
      GPtrArray              *items,
      GError                **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *text = NULL;

  if (self->load_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->load_error));
      return FALSE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  json_builder_set_member_name (builder, "revocations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    json_builder_add_value (builder,
                            nyl_pending_revocation_to_json (g_ptr_array_index (items, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                   _("Could not create %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (!g_file_set_contents_full (self->path, text, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                 0600, &local_error))
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                   _("Could not save %s: %s"), self->path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * nyl_pending_revocations_new_for_path:
 * @path: the file
 *
 * Returns: (transfer full): the list, loaded from @path (see
 *   nyl_pending_revocations_load() for a damaged file)
 */
NylPendingRevocations *
nyl_pending_revocations_new_for_path (const char *path)
{
  NylPendingRevocations *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (NYL_TYPE_PENDING_REVOCATIONS, NULL);
  self->path = g_strdup (path);
  if (!nyl_pending_revocations_load (self, &error))
    g_debug ("%s", error->message);

  return self;
}

/**
 * nyl_pending_revocations_new:
 *
 * Returns: (transfer full): the list of the state directory
 */
NylPendingRevocations *
nyl_pending_revocations_new (void)
{
  g_autofree char *path = nyl_paths_state_file (FILE_NAME);

  return nyl_pending_revocations_new_for_path (path);
}

const char *
nyl_pending_revocations_get_path (NylPendingRevocations *self)
{
  g_return_val_if_fail (NYL_IS_PENDING_REVOCATIONS (self), NULL);

  return self->path;
}

static int
find (NylPendingRevocations *self,
      const char            *key_id)
{
  for (guint i = 0; i < self->items->len; i++)
    if (g_strcmp0 (nyl_pending_revocation_get_key_id (g_ptr_array_index (self->items, i)),
                   key_id) == 0)
      return (int) i;

  return -1;
}

/**
 * nyl_pending_revocations_lookup:
 *
 * Returns: (transfer none) (nullable): the entry for @key_id
 */
NylPendingRevocation *
nyl_pending_revocations_lookup (NylPendingRevocations *self,
                                const char            *key_id)
{
  int i;

  g_return_val_if_fail (NYL_IS_PENDING_REVOCATIONS (self), NULL);
  g_return_val_if_fail (key_id != NULL, NULL);

  i = find (self, key_id);
  return i < 0 ? NULL : g_ptr_array_index (self->items, i);
}

static GPtrArray *
copy_items (NylPendingRevocations *self)
{
  GPtrArray *copy = g_ptr_array_new_full (self->items->len + 1, g_object_unref);

  for (guint i = 0; i < self->items->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (self->items, i)));

  return copy;
}

/**
 * nyl_pending_revocations_add:
 * @self: a #NylPendingRevocations
 * @profile_id: the profile whose application the key belongs to
 * @application_id: (nullable): the application
 * @key_id: the API key's ID
 * @revoke_at: when to revoke it (Unix seconds)
 * @error: return location for a #GError
 *
 * Schedules a revocation (replacing one already there for @key_id) and
 * saves. On failure nothing changes.
 *
 * Returns: %TRUE once saved
 */
gboolean
nyl_pending_revocations_add (NylPendingRevocations  *self,
                             const char             *profile_id,
                             const char             *application_id,
                             const char             *key_id,
                             gint64                  revoke_at,
                             GError                **error)
{
  g_autoptr(GPtrArray) items = NULL;
  int i;

  g_return_val_if_fail (NYL_IS_PENDING_REVOCATIONS (self), FALSE);
  g_return_val_if_fail (profile_id != NULL, FALSE);
  g_return_val_if_fail (key_id != NULL, FALSE);

  if (revoke_at <= 0)
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                           _("A revocation needs a time"));
      return FALSE;
    }

  items = copy_items (self);
  i = find (self, key_id);
  if (i >= 0)
    g_ptr_array_remove_index (items, i);
  g_ptr_array_add (items, nyl_pending_revocation_new (profile_id, application_id, key_id,
                                                      revoke_at));

  if (!save (self, items, error))
    return FALSE;

  replace_items (self, g_steal_pointer (&items));
  return TRUE;
}

/**
 * nyl_pending_revocations_remove:
 * @self: a #NylPendingRevocations
 * @key_id: the API key's ID
 * @error: return location for a #GError
 *
 * Forgets the revocation of @key_id (absent is fine) and saves.
 *
 * Returns: %TRUE on success
 */
gboolean
nyl_pending_revocations_remove (NylPendingRevocations  *self,
                                const char             *key_id,
                                GError                **error)
{
  g_autoptr(GPtrArray) items = NULL;
  int i;

  g_return_val_if_fail (NYL_IS_PENDING_REVOCATIONS (self), FALSE);
  g_return_val_if_fail (key_id != NULL, FALSE);

  i = find (self, key_id);
  if (i < 0)
    return TRUE;

  items = copy_items (self);
  g_ptr_array_remove_index (items, i);

  if (!save (self, items, error))
    return FALSE;

  replace_items (self, g_steal_pointer (&items));
  return TRUE;
}

/**
 * nyl_pending_revocations_forget_profile:
 * @self: a #NylPendingRevocations
 * @profile_id: a profile that was removed
 * @error: return location for a #GError
 *
 * Forgets every revocation scheduled for @profile_id's keys and saves. On
 * failure nothing changes.
 *
 * Returns: %TRUE when saved (or when there was nothing to forget)
 */
gboolean
nyl_pending_revocations_forget_profile (NylPendingRevocations  *self,
                                        const char             *profile_id,
                                        GError                **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (NYL_IS_PENDING_REVOCATIONS (self), FALSE);
  g_return_val_if_fail (profile_id != NULL, FALSE);

  items = g_ptr_array_new_full (self->items->len + 1, g_object_unref);
  for (guint i = 0; i < self->items->len; i++)
    {
      NylPendingRevocation *item = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (nyl_pending_revocation_get_profile_id (item), profile_id) != 0)
        g_ptr_array_add (items, g_object_ref (item));
    }
  if (items->len == self->items->len)
    return TRUE;

  if (!save (self, items, error))
    return FALSE;

  replace_items (self, g_steal_pointer (&items));
  return TRUE;
}

/* Running the due ones --------------------------------------------------- */

typedef struct
{
  NylSession *session;
  GPtrArray  *due;       /* of NylPendingRevocation */
  guint       next;
  guint       n_revoked;
  GError     *error;     /* the first failure */
} RunData;

static void
run_data_free (RunData *data)
{
  g_clear_object (&data->session);
  g_clear_pointer (&data->due, g_ptr_array_unref);
  g_clear_error (&data->error);
  g_free (data);
}

static void run_next (GTask *task);

static void
revoked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  NylPendingRevocations *self = g_task_get_source_object (task);
  RunData *data = g_task_get_task_data (task);
  NylPendingRevocation *item = g_ptr_array_index (data->due, data->next - 1);
  g_autoptr(GError) error = NULL;
  gboolean done;

  done = nyl_session_delete_finish (NYL_SESSION (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (done)
    data->n_revoked++;

  /* A key the server no longer knows is revoked already. */
  if (done || g_error_matches (error, NYL_API_ERROR, NYL_API_ERROR_NOT_FOUND))
    {
      g_clear_error (&error);
      if (!nyl_pending_revocations_remove (self, nyl_pending_revocation_get_key_id (item), &error))
        g_warning ("%s", error->message);
    }

  if (error != NULL && data->error == NULL)
    data->error = g_steal_pointer (&error);

  run_next (g_steal_pointer (&task));
}

static void
run_next (GTask *task)
{
  RunData *data = g_task_get_task_data (task);
  NylPendingRevocation *item;

  if (data->next >= data->due->len)
    {
      if (data->error != NULL)
        g_task_return_error (task, g_steal_pointer (&data->error));
      else
        g_task_return_int (task, data->n_revoked);
      g_object_unref (task);
      return;
    }

  item = g_ptr_array_index (data->due, data->next++);
  nyl_session_delete_async (data->session, NYL_TYPE_API_KEY, NULL,
                            nyl_pending_revocation_get_key_id (item),
                            g_task_get_cancellable (task), revoked_cb, task);
}

/**
 * nyl_pending_revocations_run_due_async:
 * @self: a #NylPendingRevocations
 * @session: a session of the profile whose revocations to carry out
 * @now: the time (Unix seconds); entries due at or before it are revoked
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Revokes the due keys of @session's application (audited REVOKE) and
 * removes them from the list. An entry whose revocation fails stays, to be
 * tried again.
 */
void
nyl_pending_revocations_run_due_async (NylPendingRevocations *self,
                                       NylSession            *session,
                                       gint64                 now,
                                       GCancellable          *cancellable,
                                       GAsyncReadyCallback    callback,
                                       gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  NylProfile *profile;
  RunData *data;

  g_return_if_fail (NYL_IS_PENDING_REVOCATIONS (self));
  g_return_if_fail (NYL_IS_SESSION (session));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nyl_pending_revocations_run_due_async);

  data = g_new0 (RunData, 1);
  data->session = g_object_ref (session);
  data->due = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_task_data (task, data, (GDestroyNotify)run_data_free);

  profile = nyl_session_get_profile (session);
  for (guint i = 0; i < self->items->len; i++)
    {
      NylPendingRevocation *item = g_ptr_array_index (self->items, i);
      const char *application_id = nyl_pending_revocation_get_application_id (item);

      if (g_strcmp0 (nyl_pending_revocation_get_profile_id (item),
                     nyl_profile_get_id (profile)) != 0 ||
          nyl_pending_revocation_get_revoke_at (item) > now)
        continue;

      /* The profile now names another application: not this session's key to revoke. */
      if (application_id != NULL &&
          g_strcmp0 (application_id, nyl_profile_get_application_id (profile)) != 0)
        {
          g_debug ("Pending revocation of %s is for application %s, not %s",
                   nyl_pending_revocation_get_key_id (item), application_id,
                   nyl_profile_get_application_id (profile));
          continue;
        }

      g_ptr_array_add (data->due, g_object_ref (item));
    }

  run_next (g_steal_pointer (&task));
}

guint
nyl_pending_revocations_run_due_finish (NylPendingRevocations  *self,
                                        GAsyncResult           *result,
                                        GError                **error)
{
  gssize n;

  g_return_val_if_fail (NYL_IS_PENDING_REVOCATIONS (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        nyl_pending_revocations_run_due_async, 0);

  n = g_task_propagate_int (G_TASK (result), error);
  return n < 0 ? 0 : (guint) n;
}
