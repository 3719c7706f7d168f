/* nyl-expiry-radar.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-expiry-radar"

#include "config.h"

#include "nyl-expiry-radar.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "nyl-keys-ui.h"
#include "nyl-radar-entry.h"

struct _NylExpiryRadar
{
  GtkWidget      parent_instance;

  /* Owned References */
  NylKeyMonitor *monitor;

  /* Template Widgets */
  GtkSpinner    *spinner;
  GtkButton     *refresh_button;
  GtkLabel      *error_label;
  GtkStack      *stack;
  GtkListBox    *list;
};

G_DEFINE_FINAL_TYPE (NylExpiryRadar, nyl_expiry_radar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MONITOR,
  N_PROPS,
};

enum {
  SIGNAL_KEY_ACTIVATED,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  NylExpiryRadar *self = user_data;
  NylRadarEntry *entry = item;
  NylProfile *profile = nyl_radar_entry_get_profile (entry);
  NylApiKey *key = nyl_radar_entry_get_key (entry);
  const char *key_id = nyl_resource_get_id (NYL_RESOURCE (key));
  const char *label = nyl_key_labels_get (nyl_key_monitor_get_labels (self->monitor),
                                          nyl_profile_get_id (profile), key_id);
  const char *name = nyl_api_key_get_name (key);
  gint64 now = nyl_key_monitor_get_now (self->monitor);
  gint64 expires_at = nyl_api_key_get_expires_at (key);
  g_autofree char *date = nyl_keys_ui_format_date (expires_at);
  g_autofree char *subtitle = NULL;
  g_autofree char *countdown = nyl_expiry_format_countdown (expires_at, now);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *countdown_label;
  GtkWidget *arrow;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 label != NULL ? label
                                 : name != NULL && *name != '\0' ? name : key_id);
  /* Translators: an application profile's name, then a date. */
  subtitle = g_strdup_printf (expires_at <= now ? _("%s · Expired %s") : _("%s · Expires %s"),
                              nyl_profile_get_name (profile), date);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  countdown_label = gtk_label_new (countdown);
  gtk_widget_add_css_class (countdown_label, "caption-heading");
  nyl_keys_ui_set_urgency (countdown_label, nyl_expiry_urgency (expires_at, now));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), countdown_label);

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  g_object_set_data_full (G_OBJECT (row), "entry", g_object_ref (entry), g_object_unref);

  return row;
}

static void
update (NylExpiryRadar *self)
{
  guint n_items = 0;
  gboolean refreshing = FALSE;

  if (self->monitor != NULL)
    {
      n_items = g_list_model_get_n_items (nyl_key_monitor_get_radar (self->monitor));
      refreshing = nyl_key_monitor_get_refreshing (self->monitor);
    }

  gtk_stack_set_visible_child_name (self->stack, n_items > 0 ? "list" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), refreshing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->refresh_button),
                            self->monitor != NULL && !refreshing);
}

static void
on_row_activated_cb (NylExpiryRadar *self,
                     GtkListBoxRow  *row)
{
  NylRadarEntry *entry = g_object_get_data (G_OBJECT (row), "entry");

  if (entry == NULL)
    return;

  g_signal_emit (self, signals[SIGNAL_KEY_ACTIVATED], 0,
                 nyl_profile_get_id (nyl_radar_entry_get_profile (entry)),
                 nyl_resource_get_id (NYL_RESOURCE (nyl_radar_entry_get_key (entry))));
}

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(NylExpiryRadar) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!nyl_key_monitor_refresh_finish (NYL_KEY_MONITOR (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

void
nyl_expiry_radar_refresh (NylExpiryRadar *self)
{
  g_return_if_fail (NYL_IS_EXPIRY_RADAR (self));

  if (self->monitor == NULL || nyl_key_monitor_get_refreshing (self->monitor))
    return;

  nyl_key_monitor_refresh_async (self->monitor, NULL, refresh_cb, g_object_ref (self));
}

static void
on_refresh_clicked_cb (NylExpiryRadar *self)
{
  nyl_expiry_radar_refresh (self);
}

static void
nyl_expiry_radar_dispose (GObject *object)
{
  NylExpiryRadar *self = (NylExpiryRadar *)object;
  GtkWidget *child;

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), NYL_TYPE_EXPIRY_RADAR);
  /* The template's top-level child has no ID, so it is not unparented above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->monitor);

  G_OBJECT_CLASS (nyl_expiry_radar_parent_class)->dispose (object);
}

static void
nyl_expiry_radar_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  NylExpiryRadar *self = NYL_EXPIRY_RADAR (object);

  switch (prop_id)
    {
    case PROP_MONITOR:
      g_value_set_object (value, self->monitor);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_expiry_radar_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  NylExpiryRadar *self = NYL_EXPIRY_RADAR (object);

  switch (prop_id)
    {
    case PROP_MONITOR:
      nyl_expiry_radar_set_monitor (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_expiry_radar_class_init (NylExpiryRadarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nyl_expiry_radar_dispose;
  object_class->get_property = nyl_expiry_radar_get_property;
  object_class->set_property = nyl_expiry_radar_set_property;

  properties[PROP_MONITOR] =
    g_param_spec_object ("monitor", NULL, NULL, NYL_TYPE_KEY_MONITOR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NylExpiryRadar::key-activated:
   * @self: the radar
   * @profile_id: the profile the key belongs to
   * @key_id: the key
   */
  signals[SIGNAL_KEY_ACTIVATED] =
    g_signal_new ("key-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/nyl-expiry-radar.ui");
  gtk_widget_class_bind_template_child (widget_class, NylExpiryRadar, spinner);
  gtk_widget_class_bind_template_child (widget_class, NylExpiryRadar, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, NylExpiryRadar, error_label);
  gtk_widget_class_bind_template_child (widget_class, NylExpiryRadar, stack);
  gtk_widget_class_bind_template_child (widget_class, NylExpiryRadar, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_refresh_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
nyl_expiry_radar_init (NylExpiryRadar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

GtkWidget *
nyl_expiry_radar_new (void)
{
  return g_object_new (NYL_TYPE_EXPIRY_RADAR, NULL);
}

NylKeyMonitor *
nyl_expiry_radar_get_monitor (NylExpiryRadar *self)
{
  g_return_val_if_fail (NYL_IS_EXPIRY_RADAR (self), NULL);

  return self->monitor;
}

void
nyl_expiry_radar_set_monitor (NylExpiryRadar *self,
                              NylKeyMonitor  *monitor)
{
  g_return_if_fail (NYL_IS_EXPIRY_RADAR (self));
  g_return_if_fail (monitor == NULL || NYL_IS_KEY_MONITOR (monitor));

  if (self->monitor == monitor)
    return;

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (nyl_key_monitor_get_radar (self->monitor), self);
      g_signal_handlers_disconnect_by_data (self->monitor, self);
    }

  g_set_object (&self->monitor, monitor);

  if (monitor != NULL)
    {
      gtk_list_box_bind_model (self->list, nyl_key_monitor_get_radar (monitor), create_row_cb,
                               self, NULL);
      g_signal_connect_object (nyl_key_monitor_get_radar (monitor), "items-changed",
                               G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (monitor, "notify::refreshing", G_CALLBACK (update), self,
                               G_CONNECT_SWAPPED);
    }
  else
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONITOR]);
}

guint
nyl_expiry_radar_get_n_rows (NylExpiryRadar *self)
{
  g_return_val_if_fail (NYL_IS_EXPIRY_RADAR (self), 0);

  if (self->monitor == NULL)
    return 0;

  return g_list_model_get_n_items (nyl_key_monitor_get_radar (self->monitor));
}
