/* nyl-audit-log.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-audit-log"

#include "config.h"

#include "nyl-audit-log.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nyl-paths.h"

/**
 * NylAuditLog:
 *
 * The record of every change made through the model, shared by the GUI and
 * `nylasctl`: `$XDG_STATE_HOME/nylas-manager/audit.log`, one JSON object per
 * line (see nyl_audit_entry_to_json()). The file is private to the user
 * (0600, in a 0700 directory). Each entry goes out in a single write() on a
 * descriptor opened with O_APPEND, so processes appending at the same time
 * never split each other's lines. A reader skips and counts lines it cannot
 * parse (a crash mid-write, a hand edit) rather than failing.
 */
struct _NylAuditLog
{
  GObject parent_instance;

  char *path;
};

G_DEFINE_FINAL_TYPE (NylAuditLog, nyl_audit_log, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

#define LOG_FILE_MODE 0600
#define LOG_DIR_MODE  0700

static void
nyl_audit_log_constructed (GObject *object)
{
  NylAuditLog *self = (NylAuditLog *)object;

  G_OBJECT_CLASS (nyl_audit_log_parent_class)->constructed (object);

  if (self->path == NULL)
    self->path = nyl_paths_state_file ("audit.log");
}

static void
nyl_audit_log_finalize (GObject *object)
{
  NylAuditLog *self = (NylAuditLog *)object;

  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (nyl_audit_log_parent_class)->finalize (object);
}

static void
nyl_audit_log_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  NylAuditLog *self = NYL_AUDIT_LOG (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_audit_log_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  NylAuditLog *self = NYL_AUDIT_LOG (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_audit_log_class_init (NylAuditLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = nyl_audit_log_constructed;
  object_class->finalize = nyl_audit_log_finalize;
  object_class->get_property = nyl_audit_log_get_property;
  object_class->set_property = nyl_audit_log_set_property;

  /**
   * NylAuditLog:path:
   *
   * The log file. Defaults to `audit.log` in the state directory, as it is
   * when the log is created.
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nyl_audit_log_init (NylAuditLog *self)
{
}

/**
 * nyl_audit_log_new:
 *
 * Returns: (transfer full): the audit log in the current state directory
 */
NylAuditLog *
nyl_audit_log_new (void)
{
  return g_object_new (NYL_TYPE_AUDIT_LOG, NULL);
}

/**
 * nyl_audit_log_new_for_path:
 * @path: the log file
 *
 * Returns: (transfer full): an audit log kept in @path
 */
NylAuditLog *
nyl_audit_log_new_for_path (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (NYL_TYPE_AUDIT_LOG, "path", path, NULL);
}

const char *
nyl_audit_log_get_path (NylAuditLog *self)
{
  g_return_val_if_fail (NYL_IS_AUDIT_LOG (self), NULL);

  return self->path;
}

static gboolean
set_io_error (GError     **error,
              int          saved_errno,
              const char  *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write the audit log “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/**
 * nyl_audit_log_append:
 * @self: a #NylAuditLog
 * @entry: the entry to add
 * @error: return location for a #GError (in the %G_IO_ERROR domain)
 *
 * Appends @entry as one line, creating the file (0600) and its directory
 * (0700) when needed. The line is written with one write() on an O_APPEND
 * descriptor: it lands whole, after every line already there, even with
 * other processes appending.
 *
 * Returns: whether the entry was written
 */
gboolean
nyl_audit_log_append (NylAuditLog    *self,
                      NylAuditEntry  *entry,
                      GError        **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *json = NULL;
  g_autofree char *line = NULL;
  struct stat st;
  gsize length;
  gssize written;
  int fd;

  g_return_val_if_fail (NYL_IS_AUDIT_LOG (self), FALSE);
  g_return_val_if_fail (NYL_IS_AUDIT_ENTRY (entry), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, LOG_DIR_MODE) != 0)
    return set_io_error (error, errno, self->path);

  json = nyl_audit_entry_to_json_line (entry);
  line = g_strconcat (json, "\n", NULL);
  length = strlen (line);

  do
    fd = g_open (self->path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
                 LOG_FILE_MODE);
  while (fd < 0 && errno == EINTR);
  if (fd < 0)
    return set_io_error (error, errno, self->path);

  /* The umask can only take permissions away, but an older file may have
   * been made by hand: whatever it was, it is private from now on. */
  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      g_close (fd, NULL);
      return set_io_error (error, saved_errno, self->path);
    }
  if (!S_ISREG (st.st_mode))
    {
      g_close (fd, NULL);
      return set_io_error (error, EINVAL, self->path);
    }
  if ((st.st_mode & 07777) != LOG_FILE_MODE && fchmod (fd, LOG_FILE_MODE) != 0)
    {
      int saved_errno = errno;

      g_close (fd, NULL);
      return set_io_error (error, saved_errno, self->path);
    }

  do
    written = write (fd, line, length);
  while (written < 0 && errno == EINTR);

  if (written < 0 || (gsize) written != length)
    {
      /* A short write (disk full) leaves a partial line, which readers skip. */
      int saved_errno = written < 0 ? errno : ENOSPC;

      g_close (fd, NULL);
      return set_io_error (error, saved_errno, self->path);
    }

  if (!g_close (fd, error))
    return FALSE;

  return TRUE;
}

typedef struct
{
  GPtrArray *entries;
  guint      n_corrupt;
} ReadResult;

static void
read_result_free (ReadResult *result)
{
  g_clear_pointer (&result->entries, g_ptr_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadResult, read_result_free)

static ReadResult *
read_entries (const char    *path,
              gint64         since,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(ReadResult) result = g_new0 (ReadResult, 1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GDataInputStream) data = NULL;
  g_autoptr(GError) local_error = NULL;
  guint line_number = 0;

  result->entries = g_ptr_array_new_with_free_func (g_object_unref);

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      /* No change was ever logged. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return g_steal_pointer (&result);

      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  data = g_data_input_stream_new (G_INPUT_STREAM (stream));

  for (;;)
    {
      g_autofree char *line = NULL;
      g_autoptr(NylAuditEntry) entry = NULL;
      g_autoptr(GError) line_error = NULL;
      gsize length = 0;

      line = g_data_input_stream_read_line (data, &length, cancellable, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (line == NULL)
        break;

      line_number++;

      if (length == 0)
        continue;

      if (strlen (line) != length || !g_utf8_validate (line, length, NULL))
        {
          g_debug ("%s:%u: not UTF-8 text, skipped", path, line_number);
          result->n_corrupt++;
          continue;
        }

      entry = nyl_audit_entry_new_from_json_line (line, &line_error);
      if (entry == NULL)
        {
          g_debug ("%s:%u: %s, skipped", path, line_number, line_error->message);
          result->n_corrupt++;
          continue;
        }

      if (nyl_audit_entry_get_time (entry) >= since)
        g_ptr_array_add (result->entries, g_steal_pointer (&entry));
    }

  return g_steal_pointer (&result);
}

static GListModel *
result_to_model (ReadResult *result,
                 guint      *n_corrupt)
{
  GListStore *store = g_list_store_new (NYL_TYPE_AUDIT_ENTRY);

  g_list_store_splice (store, 0, 0, result->entries->pdata, result->entries->len);
  if (n_corrupt != NULL)
    *n_corrupt = result->n_corrupt;

  return G_LIST_MODEL (store);
}

/**
 * nyl_audit_log_read:
 * @self: a #NylAuditLog
 * @since: the earliest time to include, in Unix seconds (0: everything)
 * @n_corrupt: (out) (optional): how many lines could not be read
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads the log, oldest entry first. A missing file is an empty log; a line
 * that is not a valid entry is skipped and counted in @n_corrupt.
 *
 * Returns: (transfer full) (nullable): a #GListModel of #NylAuditEntry, or
 *   %NULL when the file exists but cannot be read
 */
GListModel *
nyl_audit_log_read (NylAuditLog   *self,
                    gint64         since,
                    guint         *n_corrupt,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(ReadResult) result = NULL;

  g_return_val_if_fail (NYL_IS_AUDIT_LOG (self), NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);

  result = read_entries (self->path, since, cancellable, error);
  if (result == NULL)
    return NULL;

  return result_to_model (result, n_corrupt);
}

typedef struct
{
  char   *path;
  gint64  since;
} ReadData;

static void
read_data_free (ReadData *data)
{
  g_clear_pointer (&data->path, g_free);
  g_free (data);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadData *data = task_data;
  GError *error = NULL;
  ReadResult *result;

  result = read_entries (data->path, data->since, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) read_result_free);
}

/**
 * nyl_audit_log_read_async:
 * @self: a #NylAuditLog
 * @since: the earliest time to include, in Unix seconds (0: everything)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the log has been read
 * @user_data: data for @callback
 *
 * nyl_audit_log_read() in a worker thread, for the GUI.
 */
void
nyl_audit_log_read_async (NylAuditLog         *self,
                          gint64               since,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadData *data;

  g_return_if_fail (NYL_IS_AUDIT_LOG (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ReadData, 1);
  data->path = g_strdup (self->path);
  data->since = since;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nyl_audit_log_read_async);
  g_task_set_task_data (task, data, (GDestroyNotify) read_data_free);
  g_task_run_in_thread (task, read_thread);
}

/**
 * nyl_audit_log_read_finish:
 * @self: a #NylAuditLog
 * @result: the #GAsyncResult given to the callback
 * @n_corrupt: (out) (optional): how many lines could not be read
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a #GListModel of #NylAuditEntry
 */
GListModel *
nyl_audit_log_read_finish (NylAuditLog   *self,
                           GAsyncResult  *result,
                           guint         *n_corrupt,
                           GError       **error)
{
  g_autoptr(ReadResult) read_result = NULL;

  g_return_val_if_fail (NYL_IS_AUDIT_LOG (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == nyl_audit_log_read_async, NULL);

  read_result = g_task_propagate_pointer (G_TASK (result), error);
  if (read_result == NULL)
    return NULL;

  return result_to_model (read_result, n_corrupt);
}
