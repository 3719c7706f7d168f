/* nyl-api-keys-page.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-api-keys-page"

#include "config.h"

#include "nyl-api-keys-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "nyl-api-key-row.h"
#include "nyl-banner.h"
#include "nyl-create-key-dialog.h"
#include "nyl-expiry-radar.h"
#include "nyl-keys-ui.h"
#include "nyl-roll-key-dialog.h"
#include "nyl-service-account-group.h"
#include "nyl-state-stack.h"
#include "nyl-ui-dialogs.h"
#include "nyl-ui-form.h"

#define CHECK_INTERVAL 3600

enum {
  FILTER_ALL,
  FILTER_ACTIVE,
  FILTER_EXPIRING,
  FILTER_EXPIRED,
};

enum {
  SORT_EXPIRY,
  SORT_NAME,
  SORT_NEWEST,
};

struct _NylApiKeysPage
{
  GtkWidget               parent_instance;

  /* Owned References */
  NylSession             *session;
  NylKeyMonitor          *monitor;
  NylProfileStore        *store;
  GCancellable           *cancellable;
  GListStore             *keys;
  GtkCustomFilter        *filter;
  GtkCustomSorter        *sorter;
  GtkFilterListModel     *filter_model;
  GtkSortListModel       *sort_model;
  GPtrArray              *pending_rows;
  char                   *show_key_pending;
  char                   *show_profile_pending;

  guint                   due_timeout_id;
  guint                   loading : 1;
  guint                   running_due : 1;
  guint                   attached : 1;

  /* Template Widgets */
  NylBanner              *banner;
  AdwViewStack           *view_stack;
  GtkStack               *mode_stack;
  NylServiceAccountGroup *intro_account_group;
  NylStateStack          *state_stack;
  GtkSearchEntry         *search_entry;
  GtkDropDown            *filter_dropdown;
  GtkDropDown            *sort_dropdown;
  AdwPreferencesGroup    *pending_group;
  GtkListBox             *keys_list;
  GtkLabel               *no_match_label;
  NylServiceAccountGroup *account_group;
  NylExpiryRadar         *radar;
};

G_DEFINE_FINAL_TYPE (NylApiKeysPage, nyl_api_keys_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_MONITOR,
  PROP_PROFILE_STORE,
  PROP_LOADING,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void schedule_due (NylApiKeysPage *self);

/* Helpers */

static NylKeyMonitor *
ensure_monitor (NylApiKeysPage *self)
{
  if (self->monitor == NULL)
    {
      g_autoptr(NylKeyMonitor) monitor = nyl_key_monitor_new (self->store);

      nyl_api_keys_page_set_monitor (self, monitor);
    }

  return self->monitor;
}

static gint64
get_now (NylApiKeysPage *self)
{
  return nyl_key_monitor_get_now (ensure_monitor (self));
}

static const char *
profile_id (NylApiKeysPage *self)
{
  if (self->session == NULL)
    return NULL;

  return nyl_profile_get_id (nyl_session_get_profile (self->session));
}

static NylApiKey *
lookup_key (NylApiKeysPage *self,
            const char     *key_id)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->keys));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(NylApiKey) key = g_list_model_get_item (G_LIST_MODEL (self->keys), i);

      if (g_strcmp0 (nyl_resource_get_id (NYL_RESOURCE (key)), key_id) == 0)
        return key;
    }

  return NULL;
}

static const char *
key_label (NylApiKeysPage *self,
           const char     *key_id)
{
  return nyl_key_labels_get (nyl_key_monitor_get_labels (ensure_monitor (self)), profile_id (self),
                             key_id);
}

static const char *
display_name (NylApiKeysPage *self,
              NylApiKey      *key)
{
  const char *key_id = nyl_resource_get_id (NYL_RESOURCE (key));
  const char *label = key_label (self, key_id);
  const char *name = nyl_api_key_get_name (key);

  if (label != NULL)
    return label;
  if (name != NULL && *name != '\0')
    return name;

  return key_id;
}

static gint64
pending_revoke_at (NylApiKeysPage *self,
                   const char     *key_id)
{
  NylPendingRevocation *entry;

  entry = nyl_pending_revocations_lookup (nyl_key_monitor_get_pending (ensure_monitor (self)),
                                          key_id);
  if (entry == NULL || g_strcmp0 (nyl_pending_revocation_get_profile_id (entry),
                                  profile_id (self)) != 0)
    return 0;

  return nyl_pending_revocation_get_revoke_at (entry);
}

static void
add_toast (NylApiKeysPage *self,
           const char     *title)
{
  nyl_ui_add_toast (GTK_WIDGET (self), adw_toast_new (title));
}

static GtkWindow *
get_window (NylApiKeysPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Filtering and sorting */

static gboolean
contains_casefold (const char *haystack,
                   const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;

  folded = g_utf8_casefold (haystack, -1);

  return strstr (folded, needle) != NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  NylApiKeysPage *self = user_data;
  NylApiKey *key = item;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *key_id = nyl_resource_get_id (NYL_RESOURCE (key));
  NylExpiryUrgency urgency = nyl_expiry_urgency (nyl_api_key_get_expires_at (key), get_now (self));
  gboolean expired = urgency == NYL_EXPIRY_URGENCY_EXPIRED ||
                     g_strcmp0 (nyl_api_key_get_status (key), "expired") == 0;

  switch (gtk_drop_down_get_selected (self->filter_dropdown))
    {
    case FILTER_ACTIVE:
      if (expired)
        return FALSE;
      break;

    case FILTER_EXPIRING:
      if (urgency != NYL_EXPIRY_URGENCY_SOON && urgency != NYL_EXPIRY_URGENCY_URGENT)
        return FALSE;
      break;

    case FILTER_EXPIRED:
      if (!expired)
        return FALSE;
      break;

    case FILTER_ALL:
    default:
      break;
    }

  if (search != NULL && *search != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (search, -1);

      return contains_casefold (nyl_api_key_get_name (key), needle) ||
             contains_casefold (key_label (self, key_id), needle) ||
             contains_casefold (key_id, needle);
    }

  return TRUE;
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  NylApiKeysPage *self = user_data;
  NylApiKey *ka = (NylApiKey *)a;
  NylApiKey *kb = (NylApiKey *)b;

  switch (gtk_drop_down_get_selected (self->sort_dropdown))
    {
    case SORT_NAME:
      {
        g_autofree char *na = g_utf8_collate_key (display_name (self, ka), -1);
        g_autofree char *nb = g_utf8_collate_key (display_name (self, kb), -1);

        return strcmp (na, nb);
      }

    case SORT_NEWEST:
      {
        gint64 ca = nyl_api_key_get_created_at (ka);
        gint64 cb = nyl_api_key_get_created_at (kb);

        return ca == cb ? 0 : ca > cb ? -1 : 1;
      }

    case SORT_EXPIRY:
    default:
      {
        /* Keys that never expire go last. */
        gint64 ea = nyl_api_key_get_expires_at (ka);
        gint64 eb = nyl_api_key_get_expires_at (kb);

        if (ea <= 0)
          ea = G_MAXINT64;
        if (eb <= 0)
          eb = G_MAXINT64;

        return ea == eb ? 0 : ea < eb ? -1 : 1;
      }
    }
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  NylApiKeysPage *self = user_data;
  NylApiKey *key = item;
  const char *key_id = nyl_resource_get_id (NYL_RESOURCE (key));
  GtkWidget *row = nyl_api_key_row_new (NULL);

  nyl_api_key_row_set_now (NYL_API_KEY_ROW (row), get_now (self));
  nyl_api_key_row_set_label (NYL_API_KEY_ROW (row), key_label (self, key_id));
  nyl_api_key_row_set_revoke_at (NYL_API_KEY_ROW (row), pending_revoke_at (self, key_id));
  nyl_api_key_row_set_key (NYL_API_KEY_ROW (row), key);

  return row;
}

static void
update_no_match (NylApiKeysPage *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->keys));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));

  gtk_widget_set_visible (GTK_WIDGET (self->no_match_label), total > 0 && shown == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->keys_list), shown > 0);
}

static void
refresh_rows (NylApiKeysPage *self)
{
  gint64 now = get_now (self);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->keys_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      NylApiKey *key;
      const char *key_id;

      if (!NYL_IS_API_KEY_ROW (child))
        continue;

      key = nyl_api_key_row_get_key (NYL_API_KEY_ROW (child));
      key_id = nyl_resource_get_id (NYL_RESOURCE (key));
      nyl_api_key_row_set_now (NYL_API_KEY_ROW (child), now);
      nyl_api_key_row_set_label (NYL_API_KEY_ROW (child), key_label (self, key_id));
      nyl_api_key_row_set_revoke_at (NYL_API_KEY_ROW (child), pending_revoke_at (self, key_id));
    }
}

static void
on_filter_changed_cb (NylApiKeysPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_no_match (self);
}

static void
on_sort_changed_cb (NylApiKeysPage *self)
{
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

/* Scheduled revocations */

static void
update_pending_group (NylApiKeysPage *self)
{
  GListModel *pending = G_LIST_MODEL (nyl_key_monitor_get_pending (ensure_monitor (self)));
  guint n_items = g_list_model_get_n_items (pending);
  gint64 now = get_now (self);
  guint shown = 0;

  for (guint i = 0; i < self->pending_rows->len; i++)
    adw_preferences_group_remove (self->pending_group, g_ptr_array_index (self->pending_rows, i));
  g_ptr_array_set_size (self->pending_rows, 0);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(NylPendingRevocation) entry = g_list_model_get_item (pending, i);
      const char *key_id = nyl_pending_revocation_get_key_id (entry);
      gint64 revoke_at = nyl_pending_revocation_get_revoke_at (entry);
      NylApiKey *key;
      g_autofree char *when = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *revoke;
      GtkWidget *keep;

      if (g_strcmp0 (nyl_pending_revocation_get_profile_id (entry), profile_id (self)) != 0)
        continue;

      key = lookup_key (self, key_id);
      when = nyl_keys_ui_format_date_time (revoke_at);
      if (revoke_at <= now)
        subtitle = g_strdup_printf (_("Due since %s: revoking…"), when);
      else
        subtitle = g_strdup_printf (_("Revoked on %s"), when);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     key != NULL ? display_name (self, key) : key_id);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      revoke = gtk_button_new_with_mnemonic (_("Revoke _Now"));
      gtk_widget_set_valign (revoke, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (revoke), "keys.revoke");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (revoke), "s", key_id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), revoke);

      keep = gtk_button_new_with_mnemonic (_("_Keep Key"));
      gtk_widget_set_valign (keep, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (keep), "keys.cancel-revocation");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (keep), "s", key_id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), keep);

      adw_preferences_group_add (self->pending_group, row);
      g_ptr_array_add (self->pending_rows, row);
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->pending_group), shown > 0);
}

static void
run_due_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(NylApiKeysPage) self = user_data;
  g_autoptr(GError) error = NULL;
  guint revoked;

  revoked = nyl_key_monitor_run_due_finish (NYL_KEY_MONITOR (object), result, &error);
  self->running_due = FALSE;

  if (error != NULL)
    {
      g_autofree char *title = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      title = g_strdup_printf (_("A scheduled revocation failed: %s"), error->message);
      nyl_banner_set_title (self->banner, title);
      nyl_banner_set_revealed (self->banner, TRUE);
    }

  if (revoked > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "Revoked %u key as scheduled",
                                                             "Revoked %u keys as scheduled",
                                                             revoked),
                                                revoked);

      add_toast (self, title);
    }

  nyl_api_keys_page_reload (self);
}

static void
run_due (NylApiKeysPage *self)
{
  if (self->running_due || self->session == NULL)
    return;

  self->running_due = TRUE;
  nyl_key_monitor_run_due_async (ensure_monitor (self), self->session, self->cancellable,
                                 run_due_cb, g_object_ref (self));
}

static gboolean
due_timeout_cb (gpointer user_data)
{
  NylApiKeysPage *self = user_data;

  self->due_timeout_id = 0;
  schedule_due (self);

  return G_SOURCE_REMOVE;
}

/* Carries out what is due now, and wakes up when the next one falls due. */
static void
schedule_due (NylApiKeysPage *self)
{
  GListModel *pending;
  guint n_items;
  gint64 now;
  gint64 next = G_MAXINT64;

  g_clear_handle_id (&self->due_timeout_id, g_source_remove);

  if (self->session == NULL || !nyl_session_has_service_account (self->session))
    return;

  pending = G_LIST_MODEL (nyl_key_monitor_get_pending (ensure_monitor (self)));
  n_items = g_list_model_get_n_items (pending);
  now = get_now (self);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(NylPendingRevocation) entry = g_list_model_get_item (pending, i);

      if (g_strcmp0 (nyl_pending_revocation_get_profile_id (entry), profile_id (self)) == 0)
        next = MIN (next, nyl_pending_revocation_get_revoke_at (entry));
    }

  if (next == G_MAXINT64)
    return;

  if (next <= now)
    {
      run_due (self);
      return;
    }

  self->due_timeout_id = g_timeout_add_seconds ((guint)CLAMP (next - now, 1, CHECK_INTERVAL),
                                                due_timeout_cb, self);
}

static void
pending_changed_cb (NylApiKeysPage *self)
{
  update_pending_group (self);
  refresh_rows (self);
  if (!self->loading)
    schedule_due (self);
}

static void
labels_changed_cb (NylApiKeysPage *self)
{
  refresh_rows (self);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  update_pending_group (self);
}

static void
monitor_keys_changed_cb (NylApiKeysPage *self,
                         const char     *changed_profile_id)
{
  if (g_strcmp0 (changed_profile_id, profile_id (self)) == 0 && !self->loading)
    nyl_api_keys_page_reload (self);
}

/* Loading */

static void
set_loading (NylApiKeysPage *self,
             gboolean        loading)
{
  if (self->loading == !!loading)
    return;

  self->loading = !!loading;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "keys.refresh", !loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static const char *
compute_mode (NylApiKeysPage *self)
{
  if (self->session == NULL)
    return "none";
  if (!nyl_session_has_service_account (self->session))
    return "no-service-account";

  return "keys";
}

static void
update_mode (NylApiKeysPage *self)
{
  const char *mode = compute_mode (self);
  gboolean keys = g_str_equal (mode, "keys");

  gtk_stack_set_visible_child_name (self->mode_stack, mode);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "keys.create", keys);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "keys.refresh", keys && !self->loading);
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(NylApiKeysPage) self = user_data;
  NylSession *session = NYL_SESSION (object);
  g_autoptr(GListModel) keys = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items;

  keys = nyl_session_list_finish (session, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || session != self->session)
    return;

  set_loading (self, FALSE);

  if (keys == NULL)
    {
      if (g_list_model_get_n_items (G_LIST_MODEL (self->keys)) == 0)
        nyl_state_stack_show_error (self->state_stack, _("Could Not Load the API Keys"),
                                    error->message);
      else
        {
          g_autofree char *title = g_strdup_printf (_("Could not reload the API keys: %s"),
                                                    error->message);

          nyl_banner_set_title (self->banner, title);
          nyl_banner_set_revealed (self->banner, TRUE);
        }
      return;
    }

  nyl_banner_set_revealed (self->banner, FALSE);

  n_items = nyl_ui_store_replace_all (self->keys, keys);

  nyl_state_stack_set_state (self->state_stack, n_items > 0 ? NYL_STATE_CONTENT : NYL_STATE_EMPTY);
  update_no_match (self);
  update_pending_group (self);

  nyl_key_monitor_update_keys (ensure_monitor (self), self->session, keys);
  schedule_due (self);

  if (self->show_key_pending != NULL)
    {
      g_autofree char *key_id = g_steal_pointer (&self->show_key_pending);

      nyl_api_keys_page_show_key (self, key_id);
    }
}

/**
 * nyl_api_keys_page_reload:
 * @self: a #NylApiKeysPage
 *
 * Lists the keys again. Keys already on screen stay while it loads, and stay
 * (under a banner) if it fails.
 */
void
nyl_api_keys_page_reload (NylApiKeysPage *self)
{
  g_return_if_fail (NYL_IS_API_KEYS_PAGE (self));

  update_mode (self);

  if (!g_str_equal (compute_mode (self), "keys") || self->loading)
    return;

  set_loading (self, TRUE);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->keys)) == 0)
    nyl_state_stack_set_state (self->state_stack, NYL_STATE_LOADING);

  nyl_session_list_async (self->session, NYL_TYPE_API_KEY, NULL, self->cancellable, list_cb,
                          g_object_ref (self));
}

/* Shows a key of any profile: the open one at once, another after switching
 * the window to it. */
static void
show_key_of (NylApiKeysPage *self,
             const char     *key_profile_id,
             const char     *key_id)
{
  if (g_strcmp0 (key_profile_id, profile_id (self)) == 0)
    {
      nyl_api_keys_page_show_key (self, key_id);
      return;
    }

  g_free (self->show_profile_pending);
  self->show_profile_pending = g_strdup (key_profile_id);
  g_free (self->show_key_pending);
  self->show_key_pending = g_strdup (key_id);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.switch-profile", "s", key_profile_id);
}

static void
monitor_show_key_cb (NylApiKeysPage *self,
                     const char     *key_profile_id,
                     const char     *key_id)
{
  GtkWindow *window = get_window (self);

  if (window != NULL)
    gtk_window_present (window);
  if (self->session != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-section", "s", "api-keys");

  show_key_of (self, key_profile_id, key_id);
}

/* Template callbacks */

static void
on_banner_button_clicked_cb (NylApiKeysPage *self)
{
  nyl_banner_set_revealed (self->banner, FALSE);
  nyl_api_keys_page_reload (self);
}

static void
on_retry_cb (NylApiKeysPage *self)
{
  nyl_api_keys_page_reload (self);
}

static void
on_service_account_changed_cb (NylApiKeysPage *self)
{
  g_list_store_remove_all (self->keys);
  nyl_api_keys_page_reload (self);
}

static void
on_radar_key_activated_cb (NylApiKeysPage *self,
                           const char     *key_profile_id,
                           const char     *key_id)
{
  show_key_of (self, key_profile_id, key_id);
}

/* Actions */

typedef struct
{
  NylApiKeysPage *self;
  NylApiKey      *key;
  char           *name;
  gboolean        leaked;
} KeyOp;

static KeyOp *
key_op_new (NylApiKeysPage *self,
            NylApiKey      *key,
            gboolean        leaked)
{
  KeyOp *op = g_new0 (KeyOp, 1);

  op->self = g_object_ref (self);
  op->key = g_object_ref (key);
  op->name = g_strdup (display_name (self, key));
  op->leaked = leaked;

  return op;
}

static void
key_op_free (KeyOp *op)
{
  g_clear_object (&op->self);
  g_clear_object (&op->key);
  g_free (op->name);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KeyOp, key_op_free)

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NylApiKeysPage *self = NYL_API_KEYS_PAGE (widget);
  GtkWidget *dialog;

  if (self->session == NULL)
    return;

  dialog = nyl_create_key_dialog_new (get_window (self), self->session,
                                      nyl_key_monitor_get_labels (ensure_monitor (self)),
                                      get_now (self));
  g_signal_connect_object (dialog, "created", G_CALLBACK (nyl_api_keys_page_reload), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  nyl_api_keys_page_reload (NYL_API_KEYS_PAGE (widget));
}

static void
roll_finished_cb (NylApiKeysPage *self)
{
  g_autoptr(GError) error = NULL;

  /* The roll may have scheduled a revocation through its own copy of the file. */
  if (!nyl_pending_revocations_load (nyl_key_monitor_get_pending (ensure_monitor (self)), &error))
    g_message ("Could not read the pending revocations: %s", error->message);

  nyl_api_keys_page_reload (self);
}

static void
roll_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NylApiKeysPage *self = NYL_API_KEYS_PAGE (widget);
  NylApiKey *key = lookup_key (self, g_variant_get_string (parameter, NULL));
  GtkWidget *dialog;

  if (key == NULL || self->session == NULL)
    return;

  dialog = nyl_roll_key_dialog_new (get_window (self), self->session, key, get_now (self));
  g_signal_connect_object (dialog, "finished", G_CALLBACK (roll_finished_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_leak_checklist (NylApiKeysPage *self,
                     const char     *name)
{
  static const char *steps[] = {
    N_("Deploy a new key everywhere the leaked one was used: CI secrets, servers, .env files"),
    N_("Rotate the secrets of your webhooks if they were kept next to the key"),
    N_("Rotate connector client secrets (Google, Microsoft) kept in the same place"),
    N_("Look for grants you do not recognise on the Grants page"),
    N_("Check the Audit Log for changes you did not make"),
    N_("Remove the key from where it leaked: a commit, a log, a shared file"),
  };
  g_autofree char *heading = g_strdup_printf (_("“%s” Is Revoked"), name);
  GtkWidget *dialog;
  GtkWidget *box;

  dialog = adw_message_dialog_new (get_window (self), heading,
                                   _("It no longer works, for you or for whoever has it. Now "
                                     "contain the leak:"));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (_(steps[i]));

      gtk_widget_set_halign (check, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), check);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KeyOp) op = user_data;
  NylApiKeysPage *self = op->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) pending_error = NULL;
  g_autofree char *toast = NULL;

  if (!nyl_session_delete_finish (NYL_SESSION (object), result, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Revoke “%s”"), op->name);

      nyl_keys_ui_show_error (GTK_WIDGET (self), heading, error);
      return;
    }

  if (!nyl_pending_revocations_remove (nyl_key_monitor_get_pending (ensure_monitor (self)),
                                       nyl_resource_get_id (NYL_RESOURCE (op->key)),
                                       &pending_error))
    g_message ("Could not drop the scheduled revocation: %s", pending_error->message);

  if (op->leaked)
    show_leak_checklist (self, op->name);
  else
    {
      toast = g_strdup_printf (_("“%s” revoked"), op->name);
      add_toast (self, toast);
    }

  nyl_api_keys_page_reload (self);
}

static void
revoke_confirmed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  KeyOp *op = user_data;

  if (!nyl_ui_confirm_finish (result, NULL) || op->self->session == NULL)
    {
      key_op_free (op);
      return;
    }

  nyl_session_delete_async (op->self->session, NYL_TYPE_API_KEY, NULL,
                            nyl_resource_get_id (NYL_RESOURCE (op->key)), op->self->cancellable,
                            delete_cb, op);
}

static void
revoke_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NylApiKeysPage *self = NYL_API_KEYS_PAGE (widget);
  NylApiKey *key = lookup_key (self, g_variant_get_string (parameter, NULL));
  gboolean leaked = g_str_equal (action_name, "keys.leaked");
  g_autofree char *heading = NULL;
  KeyOp *op;

  if (key == NULL || self->session == NULL)
    return;

  op = key_op_new (self, key, leaked);
  if (leaked)
    {
      heading = g_strdup_printf (_("Revoke “%s” Now?"), op->name);
      nyl_ui_confirm_async (GTK_WIDGET (self), heading,
                            _("A leaked key must stop working at once. Everything that uses it "
                              "stops working too, until it gets a new key. Then you will see "
                              "what else to rotate."),
                            _("_Revoke Now"), TRUE, self->cancellable, revoke_confirmed_cb, op);
    }
  else
    {
      heading = g_strdup_printf (_("Revoke “%s”?"), op->name);
      nyl_ui_confirm_async (GTK_WIDGET (self), heading,
                            _("Everything that uses this key stops working at once. This cannot "
                              "be undone."),
                            _("_Revoke"), TRUE, self->cancellable, revoke_confirmed_cb, op);
    }
}

static void
cancel_revocation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  NylApiKeysPage *self = NYL_API_KEYS_PAGE (widget);
  const char *key_id = g_variant_get_string (parameter, NULL);
  NylApiKey *key = lookup_key (self, key_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;

  if (!nyl_pending_revocations_remove (nyl_key_monitor_get_pending (ensure_monitor (self)), key_id,
                                       &error))
    {
      nyl_keys_ui_show_error (GTK_WIDGET (self), _("Could Not Cancel the Revocation"), error);
      return;
    }

  toast = g_strdup_printf (_("“%s” will not be revoked"),
                           key != NULL ? display_name (self, key) : key_id);
  add_toast (self, toast);
}

static void
copy_id_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NylApiKeysPage *self = NYL_API_KEYS_PAGE (widget);

  nyl_keys_ui_copy_text (widget, g_variant_get_string (parameter, NULL));
  add_toast (self, _("Key ID copied"));
}

static void
label_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   KeyOp            *op)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  NylApiKeysPage *self = op->self;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0 || self->session == NULL)
    return;

  if (!nyl_key_labels_set (nyl_key_monitor_get_labels (ensure_monitor (self)), profile_id (self),
                           nyl_resource_get_id (NYL_RESOURCE (op->key)),
                           gtk_editable_get_text (entry), &error))
    nyl_keys_ui_show_error (GTK_WIDGET (self), _("Could Not Save the Label"), error);
}

static void
label_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  NylApiKeysPage *self = NYL_API_KEYS_PAGE (widget);
  NylApiKey *key = lookup_key (self, g_variant_get_string (parameter, NULL));
  const char *label;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (key == NULL)
    return;

  heading = g_strdup_printf (_("Label for “%s”"), nyl_api_key_get_name (key) != NULL
                                                  ? nyl_api_key_get_name (key)
                                                  : nyl_resource_get_id (NYL_RESOURCE (key)));
  dialog = adw_message_dialog_new (get_window (self), heading,
                                   _("Nylas cannot rename a key. A label is kept on this "
                                     "computer only and shown instead of the name."));
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_max_length (GTK_ENTRY (entry), NYL_KEY_LABEL_MAX_LENGTH);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Label"), -1);
  label = key_label (self, nyl_resource_get_id (NYL_RESOURCE (key)));
  gtk_editable_set_text (GTK_EDITABLE (entry), label != NULL ? label : "");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_data (dialog, "response", G_CALLBACK (label_response_cb),
                         key_op_new (self, key, FALSE),
                         (GClosureNotify)(void (*) (void))key_op_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

/* In the application's window, the monitor watches every application's keys,
 * and notifications can open a key. */
static void
attach_application (NylApiKeysPage *self)
{
  GtkWindow *window = get_window (self);
  GtkApplication *application = window != NULL ? gtk_window_get_application (window) : NULL;

  if (application == NULL || self->attached)
    return;

  self->attached = TRUE;
  nyl_key_monitor_set_application (ensure_monitor (self), G_APPLICATION (application));
  nyl_key_monitor_start (self->monitor);
}

static void
nyl_api_keys_page_root (GtkWidget *widget)
{
  NylApiKeysPage *self = NYL_API_KEYS_PAGE (widget);
  GtkWindow *window;

  GTK_WIDGET_CLASS (nyl_api_keys_page_parent_class)->root (widget);

  window = get_window (self);
  if (window == NULL)
    return;

  /* A window's application is set after its template (and this page) is built. */
  g_signal_connect_object (window, "notify::application", G_CALLBACK (attach_application), self,
                           G_CONNECT_SWAPPED);
  attach_application (self);
}

static void
nyl_api_keys_page_dispose (GObject *object)
{
  NylApiKeysPage *self = (NylApiKeysPage *)object;
  GtkWidget *child;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->due_timeout_id, g_source_remove);

  if (self->keys_list != NULL)
    gtk_list_box_bind_model (self->keys_list, NULL, NULL, NULL, NULL);

  /* NylStateStack parents its content to an AdwBin directly, which does not
   * release it: hand it back first. */
  if (self->state_stack != NULL)
    nyl_state_stack_set_content (self->state_stack, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), NYL_TYPE_API_KEYS_PAGE);
  /* The template's top-level child has no ID, so it is not unparented above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (nyl_key_monitor_get_pending (self->monitor), self);
      g_signal_handlers_disconnect_by_data (nyl_key_monitor_get_labels (self->monitor), self);
      g_signal_handlers_disconnect_by_data (self->monitor, self);
    }

  g_clear_object (&self->session);
  g_clear_object (&self->monitor);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->keys);
  g_clear_pointer (&self->pending_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (nyl_api_keys_page_parent_class)->dispose (object);
}

static void
nyl_api_keys_page_finalize (GObject *object)
{
  NylApiKeysPage *self = (NylApiKeysPage *)object;

  g_clear_pointer (&self->show_key_pending, g_free);
  g_clear_pointer (&self->show_profile_pending, g_free);

  G_OBJECT_CLASS (nyl_api_keys_page_parent_class)->finalize (object);
}

static void
nyl_api_keys_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  NylApiKeysPage *self = NYL_API_KEYS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_MONITOR:
      g_value_set_object (value, self->monitor);
      break;

    case PROP_PROFILE_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_api_keys_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  NylApiKeysPage *self = NYL_API_KEYS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      nyl_api_keys_page_set_session (self, g_value_get_object (value));
      break;

    case PROP_MONITOR:
      nyl_api_keys_page_set_monitor (self, g_value_get_object (value));
      break;

    case PROP_PROFILE_STORE:
      nyl_api_keys_page_set_profile_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_api_keys_page_class_init (NylApiKeysPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nyl_api_keys_page_dispose;
  object_class->finalize = nyl_api_keys_page_finalize;
  object_class->get_property = nyl_api_keys_page_get_property;
  object_class->set_property = nyl_api_keys_page_set_property;
  widget_class->root = nyl_api_keys_page_root;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, NYL_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MONITOR] =
    g_param_spec_object ("monitor", NULL, NULL, NYL_TYPE_KEY_MONITOR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROFILE_STORE] =
    g_param_spec_object ("profile-store", NULL, NULL, NYL_TYPE_PROFILE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NYL_TYPE_BANNER);
  g_type_ensure (NYL_TYPE_EXPIRY_RADAR);
  g_type_ensure (NYL_TYPE_SERVICE_ACCOUNT_GROUP);
  g_type_ensure (NYL_TYPE_STATE_STACK);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/nyl-api-keys-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NylApiKeysPage, banner);
  gtk_widget_class_bind_template_child (widget_class, NylApiKeysPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, NylApiKeysPage, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, NylApiKeysPage, intro_account_group);
  gtk_widget_class_bind_template_child (widget_class, NylApiKeysPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, NylApiKeysPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, NylApiKeysPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NylApiKeysPage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NylApiKeysPage, pending_group);
  gtk_widget_class_bind_template_child (widget_class, NylApiKeysPage, keys_list);
  gtk_widget_class_bind_template_child (widget_class, NylApiKeysPage, no_match_label);
  gtk_widget_class_bind_template_child (widget_class, NylApiKeysPage, account_group);
  gtk_widget_class_bind_template_child (widget_class, NylApiKeysPage, radar);
  gtk_widget_class_bind_template_callback (widget_class, on_banner_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_service_account_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_radar_key_activated_cb);

  gtk_widget_class_install_action (widget_class, "keys.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "keys.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "keys.roll", "s", roll_action);
  gtk_widget_class_install_action (widget_class, "keys.revoke", "s", revoke_action);
  gtk_widget_class_install_action (widget_class, "keys.leaked", "s", revoke_action);
  gtk_widget_class_install_action (widget_class, "keys.label", "s", label_action);
  gtk_widget_class_install_action (widget_class, "keys.copy-id", "s", copy_id_action);
  gtk_widget_class_install_action (widget_class, "keys.cancel-revocation", "s",
                                   cancel_revocation_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
nyl_api_keys_page_init (NylApiKeysPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->pending_rows = g_ptr_array_new ();
  self->keys = g_list_store_new (NYL_TYPE_API_KEY);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->keys)),
                                                  GTK_FILTER (self->filter));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              GTK_SORTER (self->sorter));
  g_signal_connect_object (self->sort_model, "items-changed", G_CALLBACK (update_no_match), self,
                           G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->keys_list, G_LIST_MODEL (self->sort_model), create_row_cb, self,
                           NULL);

  nyl_state_stack_set_empty (self->state_stack, "dialog-password-symbolic", _("No API Keys"),
                             _("Create a key for each place that calls Nylas, so one can be "
                               "revoked without stopping the others."));
  nyl_state_stack_set_empty_action (self->state_stack, _("_Create API Key…"), "keys.create");

  update_mode (self);
}

GtkWidget *
nyl_api_keys_page_new (void)
{
  return g_object_new (NYL_TYPE_API_KEYS_PAGE, NULL);
}

NylSession *
nyl_api_keys_page_get_session (NylApiKeysPage *self)
{
  g_return_val_if_fail (NYL_IS_API_KEYS_PAGE (self), NULL);

  return self->session;
}

/**
 * nyl_api_keys_page_set_session:
 * @self: a #NylApiKeysPage
 * @session: (nullable): the open profile
 *
 * Shows @session's keys, loading them at once.
 */
void
nyl_api_keys_page_set_session (NylApiKeysPage *self,
                               NylSession     *session)
{
  g_return_if_fail (NYL_IS_API_KEYS_PAGE (self));
  g_return_if_fail (session == NULL || NYL_IS_SESSION (session));

  if (self->session == session)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_handle_id (&self->due_timeout_id, g_source_remove);
  self->running_due = FALSE;
  set_loading (self, FALSE);

  g_set_object (&self->session, session);
  g_list_store_remove_all (self->keys);
  if (g_strcmp0 (self->show_profile_pending, profile_id (self)) != 0)
    g_clear_pointer (&self->show_key_pending, g_free);
  g_clear_pointer (&self->show_profile_pending, g_free);
  nyl_banner_set_revealed (self->banner, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  if (session != NULL)
    nyl_key_monitor_add_session (ensure_monitor (self), session);

  nyl_service_account_group_set_session (self->intro_account_group, session);
  nyl_service_account_group_set_session (self->account_group, session);
  update_pending_group (self);

  nyl_api_keys_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

NylKeyMonitor *
nyl_api_keys_page_get_monitor (NylApiKeysPage *self)
{
  g_return_val_if_fail (NYL_IS_API_KEYS_PAGE (self), NULL);

  return self->monitor;
}

/**
 * nyl_api_keys_page_set_monitor:
 * @self: a #NylApiKeysPage
 * @monitor: the app-wide #NylKeyMonitor (labels, pending revocations, radar)
 *
 * Without one, the page makes its own.
 */
void
nyl_api_keys_page_set_monitor (NylApiKeysPage *self,
                               NylKeyMonitor  *monitor)
{
  g_return_if_fail (NYL_IS_API_KEYS_PAGE (self));
  g_return_if_fail (monitor == NULL || NYL_IS_KEY_MONITOR (monitor));

  if (self->monitor == monitor && monitor != NULL)
    return;

  if (monitor == NULL)
    {
      g_autoptr(NylKeyMonitor) own = nyl_key_monitor_new (self->store);

      nyl_api_keys_page_set_monitor (self, own);
      return;
    }

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (nyl_key_monitor_get_pending (self->monitor), self);
      g_signal_handlers_disconnect_by_data (nyl_key_monitor_get_labels (self->monitor), self);
      g_signal_handlers_disconnect_by_data (self->monitor, self);
    }

  g_set_object (&self->monitor, monitor);
  nyl_expiry_radar_set_monitor (self->radar, self->monitor);

  g_signal_connect_object (nyl_key_monitor_get_pending (self->monitor), "items-changed",
                           G_CALLBACK (pending_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (nyl_key_monitor_get_labels (self->monitor), "changed",
                           G_CALLBACK (labels_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->monitor, "keys-changed", G_CALLBACK (monitor_keys_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->monitor, "show-key", G_CALLBACK (monitor_show_key_cb), self,
                           G_CONNECT_SWAPPED);

  if (self->session != NULL)
    nyl_key_monitor_add_session (self->monitor, self->session);

  refresh_rows (self);
  update_pending_group (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONITOR]);
}

NylProfileStore *
nyl_api_keys_page_get_profile_store (NylApiKeysPage *self)
{
  g_return_val_if_fail (NYL_IS_API_KEYS_PAGE (self), NULL);

  return self->store;
}

void
nyl_api_keys_page_set_profile_store (NylApiKeysPage  *self,
                                     NylProfileStore *store)
{
  g_return_if_fail (NYL_IS_API_KEYS_PAGE (self));
  g_return_if_fail (store == NULL || NYL_IS_PROFILE_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  nyl_service_account_group_set_profile_store (self->intro_account_group, store);
  nyl_service_account_group_set_profile_store (self->account_group, store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE_STORE]);
}

gboolean
nyl_api_keys_page_get_loading (NylApiKeysPage *self)
{
  g_return_val_if_fail (NYL_IS_API_KEYS_PAGE (self), FALSE);

  return self->loading;
}

const char *
nyl_api_keys_page_get_mode (NylApiKeysPage *self)
{
  g_return_val_if_fail (NYL_IS_API_KEYS_PAGE (self), NULL);

  return compute_mode (self);
}

GListModel *
nyl_api_keys_page_get_keys (NylApiKeysPage *self)
{
  g_return_val_if_fail (NYL_IS_API_KEYS_PAGE (self), NULL);

  return G_LIST_MODEL (self->keys);
}

GListModel *
nyl_api_keys_page_get_shown_keys (NylApiKeysPage *self)
{
  g_return_val_if_fail (NYL_IS_API_KEYS_PAGE (self), NULL);

  return G_LIST_MODEL (self->sort_model);
}

/**
 * nyl_api_keys_page_find_row:
 *
 * Returns: (transfer none) (nullable): the #NylApiKeyRow of @key_id
 */
GtkWidget *
nyl_api_keys_page_find_row (NylApiKeysPage *self,
                            const char     *key_id)
{
  g_return_val_if_fail (NYL_IS_API_KEYS_PAGE (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->keys_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      NylApiKey *key;

      if (!NYL_IS_API_KEY_ROW (child))
        continue;

      key = nyl_api_key_row_get_key (NYL_API_KEY_ROW (child));
      if (key != NULL && g_strcmp0 (nyl_resource_get_id (NYL_RESOURCE (key)), key_id) == 0)
        return child;
    }

  return NULL;
}

gboolean
nyl_api_keys_page_show_key (NylApiKeysPage *self,
                            const char     *key_id)
{
  GtkWidget *row;

  g_return_val_if_fail (NYL_IS_API_KEYS_PAGE (self), FALSE);
  g_return_val_if_fail (key_id != NULL, FALSE);

  adw_view_stack_set_visible_child_name (self->view_stack, "keys");

  if (self->loading)
    {
      g_free (self->show_key_pending);
      self->show_key_pending = g_strdup (key_id);
      return FALSE;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->filter_dropdown, FILTER_ALL);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);

  row = nyl_api_keys_page_find_row (self, key_id);
  if (row == NULL)
    return FALSE;

  gtk_widget_grab_focus (row);

  return TRUE;
}

void
nyl_api_keys_page_show_radar (NylApiKeysPage *self)
{
  g_return_if_fail (NYL_IS_API_KEYS_PAGE (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "radar");
}
