/* nyl-create-key-dialog.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-create-key-dialog"

#include "config.h"

#include "nyl-create-key-dialog.h"

#include <glib/gi18n.h>

#include "nyl-key-roll.h"
#include "nyl-keys-ui.h"
#include "nyl-secret-dialog.h"
#include "nyl-ui-dialogs.h"

#define DAY ((gint64)86400)

static const guint presets[] = { 30, 90, 180, 365 };
#define CUSTOM_INDEX G_N_ELEMENTS (presets)

struct _NylCreateKeyDialog
{
  AdwWindow        parent_instance;

  /* Owned References */
  NylSession      *session;
  NylKeyLabels    *labels;
  GCancellable    *cancellable;
  char            *error_text;
  GtkWidget       *secret_dialog;   /* weak */

  gint64           now;
  guint            busy : 1;

  /* Template Widgets */
  GtkButton       *create_button;
  GtkSpinner      *spinner;
  GtkWidget       *form;
  AdwEntryRow     *name_row;
  AdwEntryRow     *label_row;
  AdwPreferencesGroup *expiry_group;
  AdwComboRow     *expiry_row;
  AdwActionRow    *date_row;
  GtkMenuButton   *date_button;
  GtkCalendar     *calendar;
  GtkLabel        *warning_label;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (NylCreateKeyDialog, nyl_create_key_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS,
};

enum {
  SIGNAL_CREATED,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_production (NylCreateKeyDialog *self)
{
  NylProfile *profile = self->session != NULL ? nyl_session_get_profile (self->session) : NULL;

  return profile != NULL && g_strcmp0 (nyl_profile_get_environment (profile), "production") == 0;
}

static gboolean
is_custom (NylCreateKeyDialog *self)
{
  return adw_combo_row_get_selected (self->expiry_row) == CUSTOM_INDEX;
}

static gint64
expiry_of_custom_date (NylCreateKeyDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) end = NULL;

  end = g_date_time_new_local (g_date_time_get_year (date), g_date_time_get_month (date),
                               g_date_time_get_day_of_month (date), 23, 59, 59);

  return end != NULL ? g_date_time_to_unix (end) : 0;
}

guint
nyl_create_key_dialog_get_expires_in_days (NylCreateKeyDialog *self)
{
  guint selected;

  g_return_val_if_fail (NYL_IS_CREATE_KEY_DIALOG (self), 0);

  selected = adw_combo_row_get_selected (self->expiry_row);
  if (selected < G_N_ELEMENTS (presets))
    return presets[selected];

  {
    g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);

    return nyl_keys_ui_days_until (date, self->now);
  }
}

gboolean
nyl_create_key_dialog_get_needs_warning (NylCreateKeyDialog *self)
{
  g_return_val_if_fail (NYL_IS_CREATE_KEY_DIALOG (self), FALSE);

  return is_production (self) &&
         nyl_create_key_dialog_get_expires_in_days (self) > NYL_CREATE_KEY_WARN_DAYS;
}

static void
set_error_text (NylCreateKeyDialog *self,
                const char         *text)
{
  g_free (self->error_text);
  self->error_text = g_strdup (text);
  gtk_label_set_label (self->error_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), text != NULL);
}

/* What is wrong with the form, or NULL. */
static char *
validate (NylCreateKeyDialog *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autofree char *trimmed = g_strstrip (g_strdup (name));

  if (*trimmed == '\0')
    return g_strdup (_("Give the key a name"));

  if (is_custom (self))
    {
      gint64 expires_at = expiry_of_custom_date (self);

      if (expires_at <= self->now)
        return g_strdup (_("Choose an expiry date after today"));
      if (nyl_create_key_dialog_get_expires_in_days (self) > NYL_CREATE_KEY_MAX_DAYS)
        return g_strdup_printf (_("A key can live at most %d days"), NYL_CREATE_KEY_MAX_DAYS);
    }

  return NULL;
}

static void
update (NylCreateKeyDialog *self)
{
  g_autofree char *problem = validate (self);
  g_autofree char *date_text = NULL;
  g_autofree char *description = NULL;
  gint64 expires_at;

  gtk_widget_set_visible (GTK_WIDGET (self->date_row), is_custom (self));

  if (is_custom (self))
    expires_at = expiry_of_custom_date (self);
  else
    expires_at = self->now + (gint64)nyl_create_key_dialog_get_expires_in_days (self) * DAY;

  date_text = nyl_keys_ui_format_date (expires_at);
  gtk_menu_button_set_label (self->date_button, date_text);
  description = g_strdup_printf (_("The key stops working on %s. There is no way to extend it "
                                   "later: roll it before then."), date_text);
  adw_preferences_group_set_description (self->expiry_group, description);

  gtk_widget_set_visible (GTK_WIDGET (self->warning_label),
                          nyl_create_key_dialog_get_needs_warning (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), problem == NULL && !self->busy);
  gtk_widget_set_sensitive (self->form, !self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
}

static void
set_busy (NylCreateKeyDialog *self,
          gboolean            busy)
{
  if (self->busy == !!busy)
    return;

  self->busy = !!busy;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_form_changed_cb (NylCreateKeyDialog *self)
{
  set_error_text (self, NULL);
  update (self);
}

static void
create_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(NylCreateKeyDialog) self = user_data;
  g_autoptr(NylApiKey) key = NULL;
  g_autoptr(GError) store_error = NULL;
  g_autoptr(GError) error = NULL;
  gboolean stored = FALSE;
  GtkWindow *parent;
  const char *label;
  GtkWidget *secret_dialog;

  key = nyl_api_key_create_finish (NYL_SESSION (object), result, &stored, &store_error, &error);
  if (key == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      set_busy (self, FALSE);
      set_error_text (self, error->message);
      return;
    }

  /* The label is local; a failure to save it loses nothing that matters. */
  label = gtk_editable_get_text (GTK_EDITABLE (self->label_row));
  if (self->labels != NULL && label != NULL && *label != '\0')
    {
      g_autoptr(GError) label_error = NULL;

      if (!nyl_key_labels_set (self->labels,
                               nyl_profile_get_id (nyl_session_get_profile (self->session)),
                               nyl_resource_get_id (NYL_RESOURCE (key)), label, &label_error))
        g_message ("Could not save the key's label: %s", label_error->message);
    }

  set_busy (self, FALSE);

  /* The secret, once: over the window the dialog was opened from. */
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  secret_dialog = nyl_secret_dialog_new (parent, key,
                                         nyl_profile_get_id (nyl_session_get_profile (
                                           self->session)),
                                         stored, store_error);
  g_set_weak_pointer (&self->secret_dialog, secret_dialog);
  g_signal_emit (self, signals[SIGNAL_CREATED], 0, key);
  gtk_window_present (GTK_WINDOW (secret_dialog));

  gtk_window_close (GTK_WINDOW (self));
}

static void
start_create (NylCreateKeyDialog *self)
{
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));

  g_strstrip (name);

  set_busy (self, TRUE);
  nyl_api_key_create_async (self->session, name, nyl_create_key_dialog_get_expires_in_days (self),
                            self->cancellable, create_cb, g_object_ref (self));
}

static void
warning_answered_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(NylCreateKeyDialog) self = user_data;

  if (nyl_ui_confirm_finish (result, NULL))
    start_create (self);
}

void
nyl_create_key_dialog_create (NylCreateKeyDialog *self)
{
  g_autofree char *problem = NULL;
  g_autofree char *body = NULL;

  g_return_if_fail (NYL_IS_CREATE_KEY_DIALOG (self));

  if (self->busy || self->session == NULL)
    return;

  problem = validate (self);
  if (problem != NULL)
    {
      set_error_text (self, problem);
      return;
    }

  if (!nyl_create_key_dialog_get_needs_warning (self))
    {
      start_create (self);
      return;
    }

  body = g_strdup_printf (_("This is a production application, and the key would live %u days. "
                            "A long-lived key that leaks stays useful to whoever has it: keys of "
                            "production applications should expire within a year."),
                          nyl_create_key_dialog_get_expires_in_days (self));
  nyl_ui_confirm_async (GTK_WIDGET (self), _("Create a Key That Lives More Than a Year?"), body,
                        _("Create _Anyway"), TRUE, self->cancellable,
                        warning_answered_cb, g_object_ref (self));
}

static void
on_create_clicked_cb (NylCreateKeyDialog *self)
{
  nyl_create_key_dialog_create (self);
}

static gboolean
nyl_create_key_dialog_close_request (GtkWindow *window)
{
  NylCreateKeyDialog *self = NYL_CREATE_KEY_DIALOG (window);

  /* Closing while the key is being created would lose its secret. */
  if (self->busy)
    return TRUE;

  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (nyl_create_key_dialog_parent_class)->close_request (window);
}

static void
nyl_create_key_dialog_dispose (GObject *object)
{
  NylCreateKeyDialog *self = (NylCreateKeyDialog *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), NYL_TYPE_CREATE_KEY_DIALOG);
  g_clear_object (&self->session);
  g_clear_object (&self->labels);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->secret_dialog);

  G_OBJECT_CLASS (nyl_create_key_dialog_parent_class)->dispose (object);
}

static void
nyl_create_key_dialog_finalize (GObject *object)
{
  NylCreateKeyDialog *self = (NylCreateKeyDialog *)object;

  g_clear_pointer (&self->error_text, g_free);

  G_OBJECT_CLASS (nyl_create_key_dialog_parent_class)->finalize (object);
}

static void
nyl_create_key_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  NylCreateKeyDialog *self = NYL_CREATE_KEY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_create_key_dialog_class_init (NylCreateKeyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = nyl_create_key_dialog_dispose;
  object_class->finalize = nyl_create_key_dialog_finalize;
  object_class->get_property = nyl_create_key_dialog_get_property;
  window_class->close_request = nyl_create_key_dialog_close_request;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NylCreateKeyDialog::created:
   * @self: the dialog
   * @key: the new #NylApiKey (its secret is the secret dialog's to show)
   */
  signals[SIGNAL_CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, NYL_TYPE_API_KEY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/nyl-create-key-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, NylCreateKeyDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, NylCreateKeyDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, NylCreateKeyDialog, form);
  gtk_widget_class_bind_template_child (widget_class, NylCreateKeyDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, NylCreateKeyDialog, label_row);
  gtk_widget_class_bind_template_child (widget_class, NylCreateKeyDialog, expiry_group);
  gtk_widget_class_bind_template_child (widget_class, NylCreateKeyDialog, expiry_row);
  gtk_widget_class_bind_template_child (widget_class, NylCreateKeyDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, NylCreateKeyDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, NylCreateKeyDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, NylCreateKeyDialog, warning_label);
  gtk_widget_class_bind_template_child (widget_class, NylCreateKeyDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nyl_create_key_dialog_init (NylCreateKeyDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * nyl_create_key_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @session: the open profile
 * @labels: (nullable): where the local label goes
 * @now: the time (Unix seconds) expiry dates count from, 0 for the clock
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
GtkWidget *
nyl_create_key_dialog_new (GtkWindow    *parent,
                           NylSession   *session,
                           NylKeyLabels *labels,
                           gint64        now)
{
  NylCreateKeyDialog *self;
  g_autoptr(GDateTime) default_date = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (NYL_IS_SESSION (session), NULL);
  g_return_val_if_fail (labels == NULL || NYL_IS_KEY_LABELS (labels), NULL);

  self = g_object_new (NYL_TYPE_CREATE_KEY_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->labels = labels != NULL ? g_object_ref (labels) : NULL;
  self->now = now > 0 ? now : g_get_real_time () / G_USEC_PER_SEC;

  default_date = g_date_time_new_from_unix_local (self->now + 90 * DAY);
  gtk_calendar_select_day (self->calendar, default_date);
  adw_combo_row_set_selected (self->expiry_row, 1);
  update (self);

  return GTK_WIDGET (self);
}

void
nyl_create_key_dialog_set_name (NylCreateKeyDialog *self,
                                const char         *name)
{
  g_return_if_fail (NYL_IS_CREATE_KEY_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
}

void
nyl_create_key_dialog_set_label (NylCreateKeyDialog *self,
                                 const char         *label)
{
  g_return_if_fail (NYL_IS_CREATE_KEY_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->label_row), label != NULL ? label : "");
}

void
nyl_create_key_dialog_set_preset_days (NylCreateKeyDialog *self,
                                       guint               days)
{
  g_return_if_fail (NYL_IS_CREATE_KEY_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      if (presets[i] == days)
        {
          adw_combo_row_set_selected (self->expiry_row, i);
          return;
        }
    }

  g_return_if_reached ();
}

void
nyl_create_key_dialog_set_custom_date (NylCreateKeyDialog *self,
                                       GDateTime          *date)
{
  g_return_if_fail (NYL_IS_CREATE_KEY_DIALOG (self));
  g_return_if_fail (date != NULL);

  gtk_calendar_select_day (self->calendar, date);
  adw_combo_row_set_selected (self->expiry_row, CUSTOM_INDEX);
  update (self);
}

gboolean
nyl_create_key_dialog_get_busy (NylCreateKeyDialog *self)
{
  g_return_val_if_fail (NYL_IS_CREATE_KEY_DIALOG (self), FALSE);

  return self->busy;
}

const char *
nyl_create_key_dialog_get_error_text (NylCreateKeyDialog *self)
{
  g_return_val_if_fail (NYL_IS_CREATE_KEY_DIALOG (self), NULL);

  return self->error_text;
}

/**
 * nyl_create_key_dialog_get_secret_dialog:
 *
 * Returns: (transfer none) (nullable): the secret dialog once the key exists
 */
GtkWidget *
nyl_create_key_dialog_get_secret_dialog (NylCreateKeyDialog *self)
{
  g_return_val_if_fail (NYL_IS_CREATE_KEY_DIALOG (self), NULL);

  return self->secret_dialog;
}
