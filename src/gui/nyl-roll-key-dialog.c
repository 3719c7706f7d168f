/* nyl-roll-key-dialog.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-roll-key-dialog"

#include "config.h"

#include "nyl-roll-key-dialog.h"

#include <glib/gi18n.h>

#include "nyl-keys-ui.h"
#include "nyl-secret-dialog.h"

#define HOUR ((gint64)3600)
#define DAY  (24 * HOUR)

static const guint presets[] = { 30, 90, 180, 365 };

enum {
  POLICY_NOW,
  POLICY_1_HOUR,
  POLICY_24_HOURS,
  POLICY_7_DAYS,
  POLICY_CHOSEN,
  POLICY_NEVER,
  N_POLICIES,
};

typedef struct
{
  AdwActionRow     *row;
  GtkImage         *icon;
  GtkSpinner       *spinner;
  NylRollStepState  state;
  char             *detail;
} StepRow;

struct _NylRollKeyDialog
{
  AdwWindow            parent_instance;

  /* Owned References */
  NylSession          *session;
  NylApiKey           *old_key;
  NylKeyRoll          *roll;
  GCancellable        *cancellable;
  GError              *error;
  char                *outcome;
  GtkWidget           *secret_dialog;   /* weak */

  StepRow              steps[NYL_ROLL_N_ROWS];
  gint64               now;
  gint64               revoke_at;      /* of the running roll */
  NylRevokePolicy      policy;         /* of the running roll */

  guint                running : 1;
  guint                finished : 1;

  /* Template Widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *cancel_button;
  GtkButton           *roll_button;
  AdwPreferencesGroup *new_key_group;
  AdwComboRow         *expiry_row;
  AdwPreferencesGroup *old_key_group;
  GtkToggleButton     *policy_buttons[N_POLICIES];
  GtkLabel            *policy_label;
  AdwActionRow        *when_row;
  GtkMenuButton       *when_button;
  GtkCalendar         *calendar;
  GtkSpinButton       *hour_spin;
  GtkSpinButton       *minute_spin;
  AdwPreferencesGroup *progress_group;
  GtkLabel            *outcome_label;
};

G_DEFINE_FINAL_TYPE (NylRollKeyDialog, nyl_roll_key_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_RUNNING,
  PROP_FINISHED,
  N_PROPS,
};

enum {
  SIGNAL_FINISHED,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static guint
selected_policy (NylRollKeyDialog *self)
{
  for (guint i = 0; i < N_POLICIES; i++)
    {
      if (gtk_toggle_button_get_active (self->policy_buttons[i]))
        return i;
    }

  return POLICY_NOW;
}

static const char *
old_key_name (NylRollKeyDialog *self)
{
  const char *name = nyl_api_key_get_name (self->old_key);

  return name != NULL && *name != '\0' ? name : nyl_resource_get_id (NYL_RESOURCE (self->old_key));
}

static gint64
chosen_time (NylRollKeyDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) when = NULL;

  when = g_date_time_new_local (g_date_time_get_year (date), g_date_time_get_month (date),
                                g_date_time_get_day_of_month (date),
                                gtk_spin_button_get_value_as_int (self->hour_spin),
                                gtk_spin_button_get_value_as_int (self->minute_spin), 0);

  return when != NULL ? g_date_time_to_unix (when) : 0;
}

NylRevokePolicy
nyl_roll_key_dialog_get_policy (NylRollKeyDialog *self)
{
  g_return_val_if_fail (NYL_IS_ROLL_KEY_DIALOG (self), NYL_REVOKE_NOW);

  if (self->running || self->finished)
    return self->policy;

  switch (selected_policy (self))
    {
    case POLICY_NOW:
      return NYL_REVOKE_NOW;

    case POLICY_NEVER:
      return NYL_REVOKE_NEVER;

    default:
      return NYL_REVOKE_LATER;
    }
}

gint64
nyl_roll_key_dialog_get_revoke_at (NylRollKeyDialog *self)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_return_val_if_fail (NYL_IS_ROLL_KEY_DIALOG (self), 0);

  if (self->running || self->finished)
    return self->revoke_at;

  if (self->now > 0)
    now = self->now;

  switch (selected_policy (self))
    {
    case POLICY_1_HOUR:
      return now + HOUR;

    case POLICY_24_HOURS:
      return now + DAY;

    case POLICY_7_DAYS:
      return now + 7 * DAY;

    case POLICY_CHOSEN:
      return chosen_time (self);

    default:
      return 0;
    }
}

guint
nyl_roll_key_dialog_get_expires_in_days (NylRollKeyDialog *self)
{
  guint selected;

  g_return_val_if_fail (NYL_IS_ROLL_KEY_DIALOG (self), 0);

  selected = adw_combo_row_get_selected (self->expiry_row);

  return presets[MIN (selected, G_N_ELEMENTS (presets) - 1)];
}

static const char *
old_key_step_title (NylRollKeyDialog *self)
{
  switch (nyl_roll_key_dialog_get_policy (self))
    {
    case NYL_REVOKE_LATER:
      return _("Schedule the old key’s revocation");

    case NYL_REVOKE_NEVER:
      return _("Keep the old key");

    case NYL_REVOKE_NOW:
    default:
      return _("Revoke the old key");
    }
}

static void
set_step (NylRollKeyDialog *self,
          NylRollRow        row,
          NylRollStepState  state,
          const char       *detail)
{
  StepRow *step = &self->steps[row];
  const char *icon_name = NULL;

  step->state = state;
  g_free (step->detail);
  step->detail = g_strdup (detail);

  switch (state)
    {
    case NYL_ROLL_STEP_DONE:
      icon_name = "object-select-symbolic";
      break;

    case NYL_ROLL_STEP_FAILED:
      icon_name = "dialog-error-symbolic";
      break;

    case NYL_ROLL_STEP_SKIPPED:
      icon_name = "action-unavailable-symbolic";
      break;

    case NYL_ROLL_STEP_WAITING:
    case NYL_ROLL_STEP_RUNNING:
    default:
      break;
    }

  gtk_widget_set_visible (GTK_WIDGET (step->spinner), state == NYL_ROLL_STEP_RUNNING);
  gtk_spinner_set_spinning (step->spinner, state == NYL_ROLL_STEP_RUNNING);
  gtk_widget_set_visible (GTK_WIDGET (step->icon), icon_name != NULL);
  if (icon_name != NULL)
    gtk_image_set_from_icon_name (step->icon, icon_name);

  gtk_widget_remove_css_class (GTK_WIDGET (step->icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (step->icon), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (step->row), "dim-label");
  if (state == NYL_ROLL_STEP_DONE)
    gtk_widget_add_css_class (GTK_WIDGET (step->icon), "success");
  else if (state == NYL_ROLL_STEP_FAILED)
    gtk_widget_add_css_class (GTK_WIDGET (step->icon), "error");
  else if (state == NYL_ROLL_STEP_SKIPPED || state == NYL_ROLL_STEP_WAITING)
    gtk_widget_add_css_class (GTK_WIDGET (step->row), "dim-label");

  adw_action_row_set_subtitle (step->row, detail != NULL ? detail : "");
}

/* Which rows the roll completed. */
static gboolean
row_done (NylRollKeyDialog *self,
          NylRollRow        row)
{
  NylKeyRoll *roll = self->roll;

  if (roll == NULL)
    return FALSE;

  switch (row)
    {
    case NYL_ROLL_ROW_CREATE:
      return nyl_key_roll_has_step (roll);

    case NYL_ROLL_ROW_STORE:
      return nyl_key_roll_get_stored (roll);

    case NYL_ROLL_ROW_VERIFY:
      return nyl_key_roll_get_verified (roll);

    case NYL_ROLL_ROW_OLD_KEY:
      if (self->policy == NYL_REVOKE_NEVER)
        return self->finished && self->error == NULL && nyl_key_roll_get_verified (roll);
      return nyl_key_roll_has_step (roll) &&
             (nyl_key_roll_get_step (roll) == NYL_KEY_ROLL_REVOKED ||
              nyl_key_roll_get_step (roll) == NYL_KEY_ROLL_REVOCATION_SCHEDULED);

    case NYL_ROLL_N_ROWS:
    default:
      g_assert_not_reached ();
    }
}

static char *
done_detail (NylRollKeyDialog *self,
             NylRollRow        row)
{
  NylApiKey *new_key = self->roll != NULL ? nyl_key_roll_get_new_key (self->roll) : NULL;

  switch (row)
    {
    case NYL_ROLL_ROW_CREATE:
      return g_strdup_printf (_("Created “%s”"),
                              new_key != NULL && nyl_api_key_get_name (new_key) != NULL
                              ? nyl_api_key_get_name (new_key) : "");

    case NYL_ROLL_ROW_STORE:
      return g_strdup (_("Its secret is in the keyring"));

    case NYL_ROLL_ROW_VERIFY:
      return g_strdup (_("It reaches the application"));

    case NYL_ROLL_ROW_OLD_KEY:
      if (self->policy == NYL_REVOKE_LATER)
        {
          g_autofree char *when = nyl_keys_ui_format_date_time (self->revoke_at);

          return g_strdup_printf (_("“%s” will be revoked on %s; this app does it when the "
                                    "time comes"), old_key_name (self), when);
        }
      if (self->policy == NYL_REVOKE_NEVER)
        return g_strdup_printf (_("“%s” still works: revoke it once nothing uses it"),
                                old_key_name (self));
      return g_strdup_printf (_("“%s” no longer works"), old_key_name (self));

    case NYL_ROLL_N_ROWS:
    default:
      g_assert_not_reached ();
    }
}

static void
update_steps (NylRollKeyDialog *self)
{
  gboolean failure_shown = FALSE;
  gboolean running_shown = FALSE;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->steps[NYL_ROLL_ROW_OLD_KEY].row),
                                 old_key_step_title (self));

  for (guint row = 0; row < NYL_ROLL_N_ROWS; row++)
    {
      if (row_done (self, row))
        {
          g_autofree char *detail = done_detail (self, row);

          set_step (self, row, NYL_ROLL_STEP_DONE, detail);
        }
      else if (self->finished && self->error != NULL && !failure_shown)
        {
          set_step (self, row, NYL_ROLL_STEP_FAILED, self->error->message);
          failure_shown = TRUE;
        }
      else if (self->finished && failure_shown)
        {
          const char *detail = row == NYL_ROLL_ROW_OLD_KEY
                               ? _("Not revoked: the new key is not ready")
                               : _("Not done");

          set_step (self, row, NYL_ROLL_STEP_SKIPPED, detail);
        }
      else if (self->running && !running_shown)
        {
          set_step (self, row, NYL_ROLL_STEP_RUNNING, NULL);
          running_shown = TRUE;
        }
      else
        set_step (self, row, NYL_ROLL_STEP_WAITING, NULL);
    }
}

static void
set_outcome (NylRollKeyDialog *self)
{
  g_autofree char *text = NULL;
  const char *css_class = "success";

  if (self->error == NULL)
    {
      switch (self->policy)
        {
        case NYL_REVOKE_LATER:
          {
            g_autofree char *when = nyl_keys_ui_format_date_time (self->revoke_at);

            text = g_strdup_printf (_("Rolled. Deploy the new key before %s, when “%s” is "
                                      "revoked."), when, old_key_name (self));
          }
          break;

        case NYL_REVOKE_NEVER:
          text = g_strdup_printf (_("Rolled. Deploy the new key, then revoke “%s”."),
                                  old_key_name (self));
          break;

        case NYL_REVOKE_NOW:
        default:
          text = g_strdup_printf (_("Rolled. “%s” is revoked: use the new key from now on."),
                                  old_key_name (self));
          break;
        }
    }
  else if (!row_done (self, NYL_ROLL_ROW_CREATE))
    {
      text = g_strdup_printf (_("Nothing changed: the new key could not be created. “%s” still "
                                "works."), old_key_name (self));
      css_class = "error";
    }
  else if (!row_done (self, NYL_ROLL_ROW_STORE))
    {
      text = g_strdup_printf (_("The new key exists but is not in the keyring: copy its secret "
                                "now, it is shown only once. “%s” was not revoked."),
                              old_key_name (self));
      css_class = "error";
    }
  else if (!row_done (self, NYL_ROLL_ROW_VERIFY))
    {
      text = g_strdup_printf (_("The new key is stored but did not work when tried, so “%s” "
                                "was not revoked. Look into it before rolling again."),
                              old_key_name (self));
      css_class = "error";
    }
  else
    {
      text = g_strdup_printf (_("The new key works and is stored, but “%s” could not be "
                                "revoked: it still works. Revoke it from the list."),
                              old_key_name (self));
      css_class = "warning";
    }

  g_free (self->outcome);
  self->outcome = g_steal_pointer (&text);
  gtk_label_set_label (self->outcome_label, self->outcome);
  gtk_widget_remove_css_class (GTK_WIDGET (self->outcome_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->outcome_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->outcome_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->outcome_label), css_class);
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_label), TRUE);
}

static const char *
policy_description (guint policy)
{
  switch (policy)
    {
    case POLICY_1_HOUR:
      return _("Both keys work for an hour, then this app revokes the old one.");

    case POLICY_24_HOURS:
      return _("Both keys work for 24 hours, then this app revokes the old one.");

    case POLICY_7_DAYS:
      return _("Both keys work for 7 days, then this app revokes the old one.");

    case POLICY_CHOSEN:
      return _("Both keys work until the chosen time, then this app revokes the old one.");

    case POLICY_NEVER:
      return _("The old key keeps working until you revoke it or it expires.");

    case POLICY_NOW:
    default:
      return _("The old key is revoked as soon as the new one is stored and works.");
    }
}

static char *
validate (NylRollKeyDialog *self)
{
  if (selected_policy (self) == POLICY_CHOSEN)
    {
      gint64 now = self->now > 0 ? self->now : g_get_real_time () / G_USEC_PER_SEC;

      if (chosen_time (self) <= now)
        return g_strdup (_("Choose a time in the future"));
    }

  return NULL;
}

static void
update_form (NylRollKeyDialog *self)
{
  g_autofree char *problem = validate (self);
  gboolean editable = !self->running && !self->finished;
  gboolean chosen = selected_policy (self) == POLICY_CHOSEN;

  gtk_widget_set_visible (GTK_WIDGET (self->when_row), chosen);
  gtk_label_set_label (self->policy_label, policy_description (selected_policy (self)));
  if (chosen)
    {
      g_autofree char *when = nyl_keys_ui_format_date_time (chosen_time (self));

      gtk_menu_button_set_label (self->when_button, when);
      adw_action_row_set_subtitle (self->when_row, problem != NULL ? problem : "");
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->new_key_group), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->old_key_group), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->when_row), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->roll_button), !self->finished);
  gtk_widget_set_sensitive (GTK_WIDGET (self->roll_button), editable && problem == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), !self->running);
  gtk_button_set_label (self->cancel_button, self->finished ? _("_Close") : _("_Cancel"));
}

static void
on_form_changed_cb (NylRollKeyDialog *self)
{
  update_form (self);
}

static void
roll_progress_cb (NylRollKeyDialog *self)
{
  update_steps (self);
}

static void
roll_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(NylRollKeyDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  NylApiKey *new_key;

  if (!nyl_key_roll_run_finish (NYL_KEY_ROLL (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->error = g_steal_pointer (&error);
  self->running = FALSE;
  self->finished = TRUE;

  update_steps (self);
  set_outcome (self);
  update_form (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED]);
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0);

  /* The new secret, once, whatever else went wrong. */
  new_key = nyl_key_roll_get_new_key (self->roll);
  if (new_key != NULL && nyl_api_key_has_secret (new_key))
    {
      g_autoptr(GError) store_error = NULL;
      GtkWidget *secret_dialog;

      if (!nyl_key_roll_get_stored (self->roll))
        store_error = g_error_copy (self->error);

      NylProfile *profile = nyl_session_get_profile (self->session);

      secret_dialog = nyl_secret_dialog_new (GTK_WINDOW (self), new_key,
                                             nyl_profile_get_id (profile),
                                             nyl_key_roll_get_stored (self->roll), store_error);
      g_set_weak_pointer (&self->secret_dialog, secret_dialog);
      gtk_window_present (GTK_WINDOW (secret_dialog));
    }
}

void
nyl_roll_key_dialog_roll (NylRollKeyDialog *self)
{
  g_autofree char *problem = NULL;

  g_return_if_fail (NYL_IS_ROLL_KEY_DIALOG (self));

  if (self->running || self->finished)
    return;

  problem = validate (self);
  if (problem != NULL)
    return;

  self->policy = nyl_roll_key_dialog_get_policy (self);
  self->revoke_at = self->policy == NYL_REVOKE_LATER ? nyl_roll_key_dialog_get_revoke_at (self) : 0;
  self->roll = nyl_key_roll_new (self->session, nyl_resource_get_id (NYL_RESOURCE (self->old_key)),
                                 nyl_roll_key_dialog_get_expires_in_days (self), self->policy,
                                 self->revoke_at);
  g_signal_connect_object (self->roll, "notify::step", G_CALLBACK (roll_progress_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->roll, "notify::stored", G_CALLBACK (roll_progress_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->roll, "notify::verified", G_CALLBACK (roll_progress_cb), self,
                           G_CONNECT_SWAPPED);

  self->running = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->progress_group), TRUE);
  update_steps (self);
  update_form (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  nyl_key_roll_run_async (self->roll, self->cancellable, roll_cb, g_object_ref (self));
}

static void
on_roll_clicked_cb (NylRollKeyDialog *self)
{
  nyl_roll_key_dialog_roll (self);
}

static gboolean
nyl_roll_key_dialog_close_request (GtkWindow *window)
{
  NylRollKeyDialog *self = NYL_ROLL_KEY_DIALOG (window);

  /* A roll under way is never abandoned half done. */
  if (self->running)
    return TRUE;

  return GTK_WINDOW_CLASS (nyl_roll_key_dialog_parent_class)->close_request (window);
}

static void
nyl_roll_key_dialog_dispose (GObject *object)
{
  NylRollKeyDialog *self = (NylRollKeyDialog *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), NYL_TYPE_ROLL_KEY_DIALOG);
  g_clear_object (&self->session);
  g_clear_object (&self->old_key);
  g_clear_object (&self->roll);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->secret_dialog);

  G_OBJECT_CLASS (nyl_roll_key_dialog_parent_class)->dispose (object);
}

static void
nyl_roll_key_dialog_finalize (GObject *object)
{
  NylRollKeyDialog *self = (NylRollKeyDialog *)object;

  for (guint i = 0; i < NYL_ROLL_N_ROWS; i++)
    g_clear_pointer (&self->steps[i].detail, g_free);
  g_clear_error (&self->error);
  g_clear_pointer (&self->outcome, g_free);

  G_OBJECT_CLASS (nyl_roll_key_dialog_parent_class)->finalize (object);
}

static void
nyl_roll_key_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  NylRollKeyDialog *self = NYL_ROLL_KEY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    case PROP_FINISHED:
      g_value_set_boolean (value, self->finished);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_roll_key_dialog_class_init (NylRollKeyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = nyl_roll_key_dialog_dispose;
  object_class->finalize = nyl_roll_key_dialog_finalize;
  object_class->get_property = nyl_roll_key_dialog_get_property;
  window_class->close_request = nyl_roll_key_dialog_close_request;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FINISHED] =
    g_param_spec_boolean ("finished", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NylRollKeyDialog::finished:
   * @self: the dialog
   *
   * Emitted when the roll ended, whether it succeeded or not: the keys
   * changed.
   */
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/nyl-roll-key-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, NylRollKeyDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, NylRollKeyDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, NylRollKeyDialog, roll_button);
  gtk_widget_class_bind_template_child (widget_class, NylRollKeyDialog, new_key_group);
  gtk_widget_class_bind_template_child (widget_class, NylRollKeyDialog, expiry_row);
  gtk_widget_class_bind_template_child (widget_class, NylRollKeyDialog, old_key_group);
  gtk_widget_class_bind_template_child (widget_class, NylRollKeyDialog, when_row);
  gtk_widget_class_bind_template_child (widget_class, NylRollKeyDialog, when_button);
  gtk_widget_class_bind_template_child (widget_class, NylRollKeyDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, NylRollKeyDialog, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, NylRollKeyDialog, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, NylRollKeyDialog, progress_group);
  gtk_widget_class_bind_template_child (widget_class, NylRollKeyDialog, outcome_label);
  gtk_widget_class_bind_template_callback (widget_class, on_roll_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nyl_roll_key_dialog_init (NylRollKeyDialog *self)
{
  static const char *titles[NYL_ROLL_N_ROWS] = {
    N_("Create the new key"),
    N_("Store it in the keyring"),
    N_("Check that it works"),
    N_("Revoke the old key"),
  };

  static const char *policies[N_POLICIES] = {
    N_("_Now"),
    N_("_1 Hour"),
    N_("_24 Hours"),
    N_("_7 Days"),
    N_("_Later…"),
    N_("Ne_ver"),
  };
  GtkWidget *toggles;

  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  /* A row of toggles rather than a drop-down: every choice in sight. */
  toggles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (toggles, "linked");
  gtk_widget_set_margin_top (toggles, 6);
  for (guint i = 0; i < N_POLICIES; i++)
    {
      GtkWidget *toggle = gtk_toggle_button_new_with_mnemonic (_(policies[i]));

      gtk_widget_set_hexpand (toggle, TRUE);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (toggle), self->policy_buttons[0]);
      g_signal_connect_object (toggle, "toggled", G_CALLBACK (on_form_changed_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (toggles), toggle);
      self->policy_buttons[i] = GTK_TOGGLE_BUTTON (toggle);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggles), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("When to revoke the old key"), -1);
  adw_preferences_group_add (self->old_key_group, toggles);

  self->policy_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->policy_label, TRUE);
  gtk_label_set_xalign (self->policy_label, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->policy_label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->policy_label), "dim-label");
  adw_preferences_group_add (self->old_key_group, GTK_WIDGET (self->policy_label));
  gtk_toggle_button_set_active (self->policy_buttons[POLICY_NOW], TRUE);

  for (guint i = 0; i < NYL_ROLL_N_ROWS; i++)
    {
      StepRow *step = &self->steps[i];
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      step->row = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (step->row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (step->row), _(titles[i]));
      step->icon = GTK_IMAGE (gtk_image_new ());
      step->spinner = GTK_SPINNER (gtk_spinner_new ());
      gtk_widget_set_size_request (box, 16, 16);
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (step->icon));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (step->spinner));
      adw_action_row_add_prefix (step->row, box);
      adw_preferences_group_add (self->progress_group, GTK_WIDGET (step->row));
      set_step (self, i, NYL_ROLL_STEP_WAITING, NULL);
    }
}

/**
 * nyl_roll_key_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @session: the open profile
 * @old_key: the key to replace
 * @now: the time (Unix seconds) revocation delays count from, 0 for the clock
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
GtkWidget *
nyl_roll_key_dialog_new (GtkWindow  *parent,
                         NylSession *session,
                         NylApiKey  *old_key,
                         gint64      now)
{
  NylRollKeyDialog *self;
  g_autoptr(GDateTime) tomorrow = NULL;
  g_autofree char *description = NULL;
  g_autofree char *expires = NULL;
  gint64 lifetime;
  guint preset = 1;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (NYL_IS_SESSION (session), NULL);
  g_return_val_if_fail (NYL_IS_API_KEY (old_key), NULL);

  self = g_object_new (NYL_TYPE_ROLL_KEY_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->old_key = g_object_ref (old_key);
  self->now = now;

  adw_window_title_set_subtitle (self->window_title, old_key_name (self));
  expires = nyl_keys_ui_format_date (nyl_api_key_get_expires_at (old_key));
  description = g_strdup_printf (_("Replaces “%s”, which expires on %s. The new key gets its "
                                   "own name and a fresh expiry."), old_key_name (self), expires);
  adw_preferences_group_set_description (self->new_key_group, description);

  /* The old key's lifetime, as the closest preset. */
  lifetime = (nyl_api_key_get_expires_at (old_key) - nyl_api_key_get_created_at (old_key)) / DAY;
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      if (lifetime >= presets[i] - presets[i] / 6)
        preset = i;
    }
  adw_combo_row_set_selected (self->expiry_row, preset);

  tomorrow = g_date_time_new_from_unix_local ((now > 0 ? now : g_get_real_time () / G_USEC_PER_SEC)
                                              + DAY);
  gtk_calendar_select_day (self->calendar, tomorrow);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (tomorrow));
  gtk_spin_button_set_value (self->minute_spin, 0);

  update_form (self);
  update_steps (self);

  return GTK_WIDGET (self);
}

void
nyl_roll_key_dialog_set_expires_in_days (NylRollKeyDialog *self,
                                         guint             days)
{
  g_return_if_fail (NYL_IS_ROLL_KEY_DIALOG (self));

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

/**
 * nyl_roll_key_dialog_set_policy:
 * @self: a #NylRollKeyDialog
 * @policy: what becomes of the old key
 * @revoke_at: when (Unix seconds), for %NYL_REVOKE_LATER
 */
void
nyl_roll_key_dialog_set_policy (NylRollKeyDialog *self,
                                NylRevokePolicy   policy,
                                gint64            revoke_at)
{
  g_autoptr(GDateTime) when = NULL;

  g_return_if_fail (NYL_IS_ROLL_KEY_DIALOG (self));

  switch (policy)
    {
    case NYL_REVOKE_NOW:
      gtk_toggle_button_set_active (self->policy_buttons[POLICY_NOW], TRUE);
      break;

    case NYL_REVOKE_NEVER:
      gtk_toggle_button_set_active (self->policy_buttons[POLICY_NEVER], TRUE);
      break;

    case NYL_REVOKE_LATER:
    default:
      when = g_date_time_new_from_unix_local (revoke_at);
      g_return_if_fail (when != NULL);
      gtk_calendar_select_day (self->calendar, when);
      gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (when));
      gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (when));
      gtk_toggle_button_set_active (self->policy_buttons[POLICY_CHOSEN], TRUE);
      break;
    }

  update_form (self);
}

gboolean
nyl_roll_key_dialog_get_running (NylRollKeyDialog *self)
{
  g_return_val_if_fail (NYL_IS_ROLL_KEY_DIALOG (self), FALSE);

  return self->running;
}

gboolean
nyl_roll_key_dialog_get_finished (NylRollKeyDialog *self)
{
  g_return_val_if_fail (NYL_IS_ROLL_KEY_DIALOG (self), FALSE);

  return self->finished;
}

/**
 * nyl_roll_key_dialog_get_roll:
 *
 * Returns: (transfer none) (nullable): the roll once started
 */
NylKeyRoll *
nyl_roll_key_dialog_get_roll (NylRollKeyDialog *self)
{
  g_return_val_if_fail (NYL_IS_ROLL_KEY_DIALOG (self), NULL);

  return self->roll;
}

NylRollStepState
nyl_roll_key_dialog_get_step_state (NylRollKeyDialog *self,
                                    NylRollRow        row)
{
  g_return_val_if_fail (NYL_IS_ROLL_KEY_DIALOG (self), NYL_ROLL_STEP_WAITING);
  g_return_val_if_fail (row < NYL_ROLL_N_ROWS, NYL_ROLL_STEP_WAITING);

  return self->steps[row].state;
}

const char *
nyl_roll_key_dialog_get_step_detail (NylRollKeyDialog *self,
                                     NylRollRow        row)
{
  g_return_val_if_fail (NYL_IS_ROLL_KEY_DIALOG (self), NULL);
  g_return_val_if_fail (row < NYL_ROLL_N_ROWS, NULL);

  return self->steps[row].detail;
}

const char *
nyl_roll_key_dialog_get_outcome (NylRollKeyDialog *self)
{
  g_return_val_if_fail (NYL_IS_ROLL_KEY_DIALOG (self), NULL);

  return self->outcome;
}

/**
 * nyl_roll_key_dialog_get_secret_dialog:
 *
 * Returns: (transfer none) (nullable): the secret dialog of the new key
 */
GtkWidget *
nyl_roll_key_dialog_get_secret_dialog (NylRollKeyDialog *self)
{
  g_return_val_if_fail (NYL_IS_ROLL_KEY_DIALOG (self), NULL);

  return self->secret_dialog;
}
