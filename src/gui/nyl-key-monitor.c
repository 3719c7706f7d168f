/* nyl-key-monitor.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-key-monitor"

#include "config.h"

#include "nyl-key-monitor.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nyl-api-error.h"
#include "nyl-api-key.h"
#include "nyl-radar-entry.h"

#define CHECK_INTERVAL 3600   /* seconds between two looks at every profile */

struct _NylKeyMonitor
{
  GObject                parent_instance;

  /* Owned References */
  NylProfileStore       *store;
  NylKeyLabels          *labels;
  NylPendingRevocations *pending;
  NylExpirySchedule     *schedule;
  GListStore            *radar;
  GHashTable            *sessions;      /* profile id → NylSession */
  GCancellable          *cancellable;
  GWeakRef               application;

  NylClockFunc           clock;
  gpointer               clock_data;

  guint                  timeout_id;
  guint                  refreshing : 1;
  guint                  started : 1;
};

G_DEFINE_FINAL_TYPE (NylKeyMonitor, nyl_key_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROFILE_STORE,
  PROP_REFRESHING,
  N_PROPS,
};

enum {
  SIGNAL_NOTICE,
  SIGNAL_KEYS_CHANGED,
  SIGNAL_SHOW_KEY,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void schedule_next (NylKeyMonitor *self);

static void
nyl_key_monitor_dispose (GObject *object)
{
  NylKeyMonitor *self = (NylKeyMonitor *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->labels);
  g_clear_object (&self->pending);
  g_clear_object (&self->schedule);
  g_clear_object (&self->radar);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->sessions, g_hash_table_unref);
  g_weak_ref_set (&self->application, NULL);

  G_OBJECT_CLASS (nyl_key_monitor_parent_class)->dispose (object);
}

static void
nyl_key_monitor_finalize (GObject *object)
{
  NylKeyMonitor *self = (NylKeyMonitor *)object;

  g_weak_ref_clear (&self->application);

  G_OBJECT_CLASS (nyl_key_monitor_parent_class)->finalize (object);
}

static void
nyl_key_monitor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NylKeyMonitor *self = NYL_KEY_MONITOR (object);

  switch (prop_id)
    {
    case PROP_PROFILE_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_REFRESHING:
      g_value_set_boolean (value, self->refreshing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_key_monitor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  NylKeyMonitor *self = NYL_KEY_MONITOR (object);

  switch (prop_id)
    {
    case PROP_PROFILE_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_key_monitor_class_init (NylKeyMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nyl_key_monitor_dispose;
  object_class->finalize = nyl_key_monitor_finalize;
  object_class->get_property = nyl_key_monitor_get_property;
  object_class->set_property = nyl_key_monitor_set_property;

  properties[PROP_PROFILE_STORE] =
    g_param_spec_object ("profile-store", NULL, NULL, NYL_TYPE_PROFILE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  properties[PROP_REFRESHING] =
    g_param_spec_boolean ("refreshing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NylKeyMonitor::notice:
   * @self: the monitor
   * @notice: the #NylExpiryNotice that was due
   *
   * Emitted for every expiry notice when it is due (and sent as a desktop
   * notification when there is an application).
   */
  signals[SIGNAL_NOTICE] =
    g_signal_new ("notice", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, NYL_TYPE_EXPIRY_NOTICE);

  /**
   * NylKeyMonitor::keys-changed:
   * @self: the monitor
   * @profile_id: the profile whose keys changed
   *
   * Emitted when the monitor revoked keys of a profile (a pending revocation
   * fell due), so views of that profile's keys reload.
   */
  signals[SIGNAL_KEYS_CHANGED] =
    g_signal_new ("keys-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * NylKeyMonitor::show-key:
   * @self: the monitor
   * @profile_id: the profile the key belongs to
   * @key_id: the key
   *
   * Emitted when a key-expiry notification was clicked: the key should be
   * shown.
   */
  signals[SIGNAL_SHOW_KEY] =
    g_signal_new ("show-key", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
nyl_key_monitor_init (NylKeyMonitor *self)
{
  g_autoptr(GError) error = NULL;

  self->labels = nyl_key_labels_new ();
  if (!nyl_key_labels_load (self->labels, &error))
    {
      g_message ("Key labels: %s", error->message);
      g_clear_error (&error);
    }
  self->pending = nyl_pending_revocations_new ();
  self->schedule = nyl_expiry_schedule_new ();
  self->radar = g_list_store_new (NYL_TYPE_RADAR_ENTRY);
  self->sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->cancellable = g_cancellable_new ();
  g_weak_ref_init (&self->application, NULL);
}

/**
 * nyl_key_monitor_new:
 * @store: (nullable): the profiles to watch
 *
 * Returns: (transfer full): a new monitor, reading labels, pending
 *   revocations and the record of sent notifications from the XDG
 *   directories
 */
NylKeyMonitor *
nyl_key_monitor_new (NylProfileStore *store)
{
  g_return_val_if_fail (store == NULL || NYL_IS_PROFILE_STORE (store), NULL);

  return g_object_new (NYL_TYPE_KEY_MONITOR, "profile-store", store, NULL);
}

NylProfileStore *
nyl_key_monitor_get_profile_store (NylKeyMonitor *self)
{
  g_return_val_if_fail (NYL_IS_KEY_MONITOR (self), NULL);

  return self->store;
}

NylKeyLabels *
nyl_key_monitor_get_labels (NylKeyMonitor *self)
{
  g_return_val_if_fail (NYL_IS_KEY_MONITOR (self), NULL);

  return self->labels;
}

NylPendingRevocations *
nyl_key_monitor_get_pending (NylKeyMonitor *self)
{
  g_return_val_if_fail (NYL_IS_KEY_MONITOR (self), NULL);

  return self->pending;
}

NylExpirySchedule *
nyl_key_monitor_get_schedule (NylKeyMonitor *self)
{
  g_return_val_if_fail (NYL_IS_KEY_MONITOR (self), NULL);

  return self->schedule;
}

GListModel *
nyl_key_monitor_get_radar (NylKeyMonitor *self)
{
  g_return_val_if_fail (NYL_IS_KEY_MONITOR (self), NULL);

  return G_LIST_MODEL (self->radar);
}

gboolean
nyl_key_monitor_get_refreshing (NylKeyMonitor *self)
{
  g_return_val_if_fail (NYL_IS_KEY_MONITOR (self), FALSE);

  return self->refreshing;
}

static void
show_key_activated_cb (NylKeyMonitor *self,
                       GVariant      *parameter)
{
  const char *profile_id;
  const char *key_id;

  g_variant_get (parameter, "(&s&s)", &profile_id, &key_id);
  g_signal_emit (self, signals[SIGNAL_SHOW_KEY], 0, profile_id, key_id);
}

/**
 * nyl_key_monitor_set_application:
 * @self: a #NylKeyMonitor
 * @application: (nullable): where notifications go
 *
 * Also adds the action notifications open (%NYL_KEY_MONITOR_SHOW_KEY_ACTION)
 * to @application; activating it emits #NylKeyMonitor::show-key.
 */
void
nyl_key_monitor_set_application (NylKeyMonitor *self,
                                 GApplication  *application)
{
  const char *name = NYL_KEY_MONITOR_SHOW_KEY_ACTION + strlen ("app.");

  g_return_if_fail (NYL_IS_KEY_MONITOR (self));
  g_return_if_fail (application == NULL || G_IS_APPLICATION (application));

  g_weak_ref_set (&self->application, application);

  if (application != NULL && g_action_map_lookup_action (G_ACTION_MAP (application), name) == NULL)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new (name, G_VARIANT_TYPE ("(ss)"));

      g_signal_connect_object (action, "activate", G_CALLBACK (show_key_activated_cb), self,
                               G_CONNECT_SWAPPED);
      g_action_map_add_action (G_ACTION_MAP (application), G_ACTION (action));
    }
}

void
nyl_key_monitor_set_clock (NylKeyMonitor *self,
                           NylClockFunc   func,
                           gpointer       user_data)
{
  g_return_if_fail (NYL_IS_KEY_MONITOR (self));

  self->clock = func;
  self->clock_data = user_data;
}

gint64
nyl_key_monitor_get_now (NylKeyMonitor *self)
{
  g_return_val_if_fail (NYL_IS_KEY_MONITOR (self), 0);

  if (self->clock != NULL)
    return self->clock (self->clock_data);

  return g_get_real_time () / G_USEC_PER_SEC;
}

void
nyl_key_monitor_add_session (NylKeyMonitor *self,
                             NylSession    *session)
{
  NylProfile *profile;

  g_return_if_fail (NYL_IS_KEY_MONITOR (self));
  g_return_if_fail (NYL_IS_SESSION (session));

  profile = nyl_session_get_profile (session);
  g_hash_table_replace (self->sessions, g_strdup (nyl_profile_get_id (profile)),
                        g_object_ref (session));
}

/**
 * nyl_key_monitor_lookup_session:
 *
 * Returns: (transfer none) (nullable): the open session of @profile_id
 */
NylSession *
nyl_key_monitor_lookup_session (NylKeyMonitor *self,
                                const char    *profile_id)
{
  g_return_val_if_fail (NYL_IS_KEY_MONITOR (self), NULL);

  if (profile_id == NULL)
    return NULL;

  return g_hash_table_lookup (self->sessions, profile_id);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  NylApiKey *ka = nyl_radar_entry_get_key ((NylRadarEntry *)a);
  NylApiKey *kb = nyl_radar_entry_get_key ((NylRadarEntry *)b);
  gint64 ea = nyl_api_key_get_expires_at (ka);
  gint64 eb = nyl_api_key_get_expires_at (kb);

  if (ea != eb)
    return ea < eb ? -1 : 1;

  return g_strcmp0 (nyl_resource_get_id (NYL_RESOURCE (ka)),
                    nyl_resource_get_id (NYL_RESOURCE (kb)));
}

static void
update_radar (NylKeyMonitor *self,
              NylProfile    *profile,
              GListModel    *keys,
              gint64         now)
{
  const char *profile_id = nyl_profile_get_id (profile);
  guint n_items;

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->radar)); i > 0; i--)
    {
      g_autoptr(NylRadarEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->radar), i - 1);

      if (g_strcmp0 (nyl_profile_get_id (nyl_radar_entry_get_profile (entry)), profile_id) == 0)
        g_list_store_remove (self->radar, i - 1);
    }

  n_items = keys != NULL ? g_list_model_get_n_items (keys) : 0;
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(NylApiKey) key = g_list_model_get_item (keys, i);
      g_autoptr(NylRadarEntry) entry = NULL;
      const char *status = nyl_api_key_get_status (key);

      if (g_strcmp0 (status, "revoked") == 0 ||
          nyl_expiry_urgency (nyl_api_key_get_expires_at (key), now) == NYL_EXPIRY_URGENCY_NONE)
        continue;

      entry = nyl_radar_entry_new (profile, key);
      g_list_store_insert_sorted (self->radar, entry, compare_entries, NULL);
    }
}

static void
send_notice (NylKeyMonitor   *self,
             NylExpiryNotice *notice,
             gint64           now)
{
  g_autoptr(GApplication) application = g_weak_ref_get (&self->application);

  g_signal_emit (self, signals[SIGNAL_NOTICE], 0, notice);

  if (application != NULL && g_application_get_is_registered (application))
    {
      g_autoptr(GNotification) notification = NULL;
      g_autofree char *id = nyl_expiry_notice_dup_id (notice);
      g_autofree char *title = nyl_expiry_notice_dup_title (notice, now);
      g_autofree char *body = nyl_expiry_notice_dup_body (notice);

      notification = g_notification_new (title);
      g_notification_set_body (notification, body);
      g_notification_set_priority (notification,
                                   notice->milestone >= NYL_EXPIRY_MILESTONE_7_DAYS
                                   ? G_NOTIFICATION_PRIORITY_HIGH
                                   : G_NOTIFICATION_PRIORITY_NORMAL);
      g_notification_set_default_action_and_target (notification, NYL_KEY_MONITOR_SHOW_KEY_ACTION,
                                                     "(ss)", notice->profile_id, notice->key_id);
      g_application_send_notification (application, id, notification);
    }
}

void
nyl_key_monitor_update_keys (NylKeyMonitor *self,
                             NylSession    *session,
                             GListModel    *keys)
{
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  NylProfile *profile;
  gint64 now;

  g_return_if_fail (NYL_IS_KEY_MONITOR (self));
  g_return_if_fail (NYL_IS_SESSION (session));
  g_return_if_fail (G_IS_LIST_MODEL (keys));

  profile = nyl_session_get_profile (session);
  now = nyl_key_monitor_get_now (self);

  update_radar (self, profile, keys, now);

  due = nyl_expiry_schedule_take_due (self->schedule, nyl_profile_get_id (profile),
                                      nyl_profile_get_name (profile), keys, now, &error);
  if (error != NULL)
    g_debug ("Could not record sent notifications: %s", error->message);

  for (guint i = 0; i < due->len; i++)
    send_notice (self, g_ptr_array_index (due, i), now);
}

/* Running due revocations of one session */

static gboolean
has_due (NylKeyMonitor *self,
         const char    *profile_id,
         gint64         now)
{
  GListModel *model = G_LIST_MODEL (self->pending);
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(NylPendingRevocation) entry = g_list_model_get_item (model, i);

      if (g_strcmp0 (nyl_pending_revocation_get_profile_id (entry), profile_id) == 0 &&
          nyl_pending_revocation_get_revoke_at (entry) <= now)
        return TRUE;
    }

  return FALSE;
}

static void
run_due_list_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  NylSession *session = NYL_SESSION (object);
  g_autoptr(GTask) task = user_data;
  NylKeyMonitor *self = g_task_get_source_object (task);
  g_autoptr(GListModel) keys = NULL;
  g_autoptr(GError) error = NULL;
  guint revoked = GPOINTER_TO_UINT (g_task_get_task_data (task));

  keys = nyl_session_list_finish (session, result, &error);
  if (keys != NULL)
    nyl_key_monitor_update_keys (self, session, keys);
  else
    g_debug ("Could not list the keys of %s: %s",
             nyl_profile_get_id (nyl_session_get_profile (session)), error->message);

  g_task_return_int (task, revoked);
}

static void
run_due_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  NylKeyMonitor *self = g_task_get_source_object (task);
  NylSession *session = g_object_get_data (G_OBJECT (task), "session");
  g_autoptr(GError) error = NULL;
  guint revoked;

  revoked = nyl_pending_revocations_run_due_finish (NYL_PENDING_REVOCATIONS (object), result,
                                                    &error);
  if (revoked > 0)
    g_signal_emit (self, signals[SIGNAL_KEYS_CHANGED], 0,
                   nyl_profile_get_id (nyl_session_get_profile (session)));

  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_set_task_data (task, GUINT_TO_POINTER (revoked), NULL);
  nyl_session_list_async (session, NYL_TYPE_API_KEY, NULL, g_task_get_cancellable (task),
                          run_due_list_cb, g_object_ref (task));
}

/**
 * nyl_key_monitor_run_due_async:
 * @self: a #NylKeyMonitor
 * @session: an open session
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Carries out the pending revocations of @session's profile that are due
 * (by the monitor's clock), then lists its keys again for the radar.
 */
void
nyl_key_monitor_run_due_async (NylKeyMonitor       *self,
                               NylSession          *session,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (NYL_IS_KEY_MONITOR (self));
  g_return_if_fail (NYL_IS_SESSION (session));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nyl_key_monitor_run_due_async);
  g_object_set_data_full (G_OBJECT (task), "session", g_object_ref (session), g_object_unref);

  nyl_pending_revocations_run_due_async (self->pending, session, nyl_key_monitor_get_now (self),
                                         cancellable, run_due_cb, g_steal_pointer (&task));
}

/**
 * nyl_key_monitor_run_due_finish:
 *
 * Returns: how many keys were revoked
 */
guint
nyl_key_monitor_run_due_finish (NylKeyMonitor  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  gssize revoked;

  g_return_val_if_fail (NYL_IS_KEY_MONITOR (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  revoked = g_task_propagate_int (G_TASK (result), error);

  return revoked > 0 ? (guint)revoked : 0;
}

/* Refreshing every profile */

typedef struct
{
  GPtrArray *profiles;
  guint      index;
  guint      failures;
} RefreshData;

static void
refresh_data_free (RefreshData *data)
{
  g_ptr_array_unref (data->profiles);
  g_free (data);
}

static void refresh_next (GTask *task);

static void
set_refreshing (NylKeyMonitor *self,
                gboolean       refreshing)
{
  if (self->refreshing == !!refreshing)
    return;

  self->refreshing = !!refreshing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESHING]);
}

static void
refresh_list_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  NylSession *session = NYL_SESSION (object);
  g_autoptr(GTask) task = user_data;
  NylKeyMonitor *self = g_task_get_source_object (task);
  RefreshData *data = g_task_get_task_data (task);
  g_autoptr(GListModel) keys = NULL;
  g_autoptr(GError) error = NULL;

  keys = nyl_session_list_finish (session, result, &error);
  if (keys != NULL)
    nyl_key_monitor_update_keys (self, session, keys);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  else
    {
      g_debug ("Could not list the keys of %s: %s",
               nyl_profile_get_id (nyl_session_get_profile (session)), error->message);
      data->failures++;
    }

  data->index++;
  refresh_next (g_steal_pointer (&task));
}

static void
refresh_run_due_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  NylPendingRevocations *pending = NYL_PENDING_REVOCATIONS (object);
  g_autoptr(GTask) task = user_data;
  NylKeyMonitor *self = g_task_get_source_object (task);
  RefreshData *data = g_task_get_task_data (task);
  NylSession *session = g_object_get_data (G_OBJECT (task), "session");
  g_autoptr(GError) error = NULL;

  if (nyl_pending_revocations_run_due_finish (pending, result, &error) > 0)
    g_signal_emit (self, signals[SIGNAL_KEYS_CHANGED], 0,
                   nyl_profile_get_id (nyl_session_get_profile (session)));

  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_debug ("Pending revocations: %s", error->message);
      data->failures++;
    }

  nyl_session_list_async (session, NYL_TYPE_API_KEY, NULL, g_task_get_cancellable (task),
                          refresh_list_cb, g_object_ref (task));
}

static void
refresh_with_session (GTask      *task,
                      NylSession *session)
{
  NylKeyMonitor *self = g_task_get_source_object (task);
  const char *profile_id = nyl_profile_get_id (nyl_session_get_profile (session));

  g_object_set_data_full (G_OBJECT (task), "session", g_object_ref (session), g_object_unref);

  if (has_due (self, profile_id, nyl_key_monitor_get_now (self)))
    nyl_pending_revocations_run_due_async (self->pending, session, nyl_key_monitor_get_now (self),
                                           g_task_get_cancellable (task), refresh_run_due_cb,
                                           task);
  else
    nyl_session_list_async (session, NYL_TYPE_API_KEY, NULL, g_task_get_cancellable (task),
                            refresh_list_cb, task);
}

static void
refresh_open_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  NylKeyMonitor *self = g_task_get_source_object (task);
  RefreshData *data = g_task_get_task_data (task);
  g_autoptr(NylSession) session = NULL;
  g_autoptr(GError) error = NULL;

  session = nyl_session_open_finish (result, &error);
  if (session == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_debug ("Could not open profile: %s", error->message);
      data->failures++;
      data->index++;
      refresh_next (g_steal_pointer (&task));
      return;
    }

  if (!nyl_session_has_service_account (session))
    {
      data->index++;
      refresh_next (g_steal_pointer (&task));
      return;
    }

  nyl_key_monitor_add_session (self, session);
  refresh_with_session (g_steal_pointer (&task), session);
}

static void
refresh_next (GTask *task)
{
  NylKeyMonitor *self = g_task_get_source_object (task);
  RefreshData *data = g_task_get_task_data (task);
  NylProfile *profile;
  NylSession *session;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  if (data->index >= data->profiles->len)
    {
      if (data->failures > 0)
        g_task_return_new_error (task, NYL_API_ERROR, NYL_API_ERROR_NETWORK,
                                 g_dngettext (GETTEXT_PACKAGE,
                                              "The keys of %u application could not be checked",
                                              "The keys of %u applications could not be checked",
                                              data->failures),
                                 data->failures);
      else
        g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  profile = g_ptr_array_index (data->profiles, data->index);
  session = nyl_key_monitor_lookup_session (self, nyl_profile_get_id (profile));

  if (session != NULL)
    {
      if (!nyl_session_has_service_account (session))
        {
          data->index++;
          refresh_next (task);
          return;
        }
      refresh_with_session (task, session);
      return;
    }

  nyl_session_open_async (profile, g_task_get_cancellable (task), refresh_open_cb, task);
}

static void
refresh_done (NylKeyMonitor *self)
{
  set_refreshing (self, FALSE);
  if (self->started)
    schedule_next (self);
}

static void
refresh_task_done_cb (GTask         *task,
                      GParamSpec    *pspec,
                      NylKeyMonitor *self)
{
  refresh_done (self);
}

void
nyl_key_monitor_refresh_async (NylKeyMonitor       *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RefreshData *data;
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (NYL_IS_KEY_MONITOR (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nyl_key_monitor_refresh_async);

  data = g_new0 (RefreshData, 1);
  data->profiles = g_ptr_array_new_with_free_func (g_object_unref);

  /* Open sessions first (the sandbox is in no store), then every profile of
   * the store that has a Service Account. */
  g_hash_table_iter_init (&iter, self->sessions);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (data->profiles, g_object_ref (nyl_session_get_profile (value)));

  if (self->store != NULL)
    {
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->store));

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(NylProfile) profile = g_list_model_get_item (G_LIST_MODEL (self->store), i);

          if (nyl_profile_has_service_account (profile) &&
              !g_hash_table_contains (self->sessions, nyl_profile_get_id (profile)))
            g_ptr_array_add (data->profiles, g_steal_pointer (&profile));
        }
    }

  g_task_set_task_data (task, data, (GDestroyNotify)refresh_data_free);

  set_refreshing (self, TRUE);
  g_signal_connect_object (task, "notify::completed", G_CALLBACK (refresh_task_done_cb), self,
                           0);

  refresh_next (g_steal_pointer (&task));
}

gboolean
nyl_key_monitor_refresh_finish (NylKeyMonitor  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (NYL_IS_KEY_MONITOR (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The timer */

static void
timer_refresh_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!nyl_key_monitor_refresh_finish (NYL_KEY_MONITOR (object), result, &error))
    g_debug ("Key check: %s", error->message);
}

static gboolean
timeout_cb (gpointer user_data)
{
  NylKeyMonitor *self = user_data;

  self->timeout_id = 0;
  if (!self->refreshing)
    nyl_key_monitor_refresh_async (self, self->cancellable, timer_refresh_cb, NULL);

  return G_SOURCE_REMOVE;
}

static void
schedule_next (NylKeyMonitor *self)
{
  GListModel *model = G_LIST_MODEL (self->pending);
  guint n_items = g_list_model_get_n_items (model);
  gint64 now = nyl_key_monitor_get_now (self);
  gint64 delay = CHECK_INTERVAL;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(NylPendingRevocation) entry = g_list_model_get_item (model, i);

      delay = MIN (delay, nyl_pending_revocation_get_revoke_at (entry) - now);
    }

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add_seconds ((guint)CLAMP (delay, 1, CHECK_INTERVAL), timeout_cb,
                                            self);
}

static void
pending_changed_cb (NylKeyMonitor *self)
{
  if (self->started && !self->refreshing)
    schedule_next (self);
}

void
nyl_key_monitor_start (NylKeyMonitor *self)
{
  g_return_if_fail (NYL_IS_KEY_MONITOR (self));

  if (self->started)
    return;

  self->started = TRUE;
  g_signal_connect_object (self->pending, "items-changed", G_CALLBACK (pending_changed_cb), self,
                           G_CONNECT_SWAPPED);
  if (!self->refreshing)
    nyl_key_monitor_refresh_async (self, self->cancellable, timer_refresh_cb, NULL);
}

void
nyl_key_monitor_stop (NylKeyMonitor *self)
{
  g_return_if_fail (NYL_IS_KEY_MONITOR (self));

  self->started = FALSE;
  g_signal_handlers_disconnect_by_func (self->pending, pending_changed_cb, self);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
}
