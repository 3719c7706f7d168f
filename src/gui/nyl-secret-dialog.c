/* nyl-secret-dialog.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-secret-dialog"

#include "config.h"

#include "nyl-secret-dialog.h"

#include <glib/gi18n.h>

#include "nyl-keys-ui.h"
#include "nyl-secret-store.h"
#include "nyl-ui-dialogs.h"

struct _NylSecretDialog
{
  AdwWindow       parent_instance;

  /* Owned References */
  NylApiKey      *key;
  char           *profile_id;
  char           *store_error;
  GCancellable   *cancellable;

  guint           stored : 1;
  guint           copied : 1;
  guint           discarded : 1;
  guint           storing : 1;

  /* Template Widgets */
  AdwWindowTitle *window_title;
  GtkLabel       *explanation_label;
  GtkLabel       *secret_label;
  GtkButton      *copy_button;
  GtkImage       *status_icon;
  GtkLabel       *status_label;
  GtkLabel       *hint_label;
  GtkButton      *discard_button;
  GtkButton      *retry_button;
  GtkButton      *done_button;
};

G_DEFINE_FINAL_TYPE (NylSecretDialog, nyl_secret_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_KEY,
  PROP_STORED,
  PROP_COPIED,
  PROP_DISCARDED,
  PROP_CAN_CLOSE,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static const char *
key_name (NylSecretDialog *self)
{
  const char *name = self->key != NULL ? nyl_api_key_get_name (self->key) : NULL;

  if (name != NULL && *name != '\0')
    return name;

  return self->key != NULL ? nyl_resource_get_id (NYL_RESOURCE (self->key)) : "";
}

static void
update (NylSecretDialog *self)
{
  g_autofree char *explanation = NULL;
  gboolean can_close = nyl_secret_dialog_get_can_close (self);

  explanation = g_strdup_printf (_("This is the only time the secret of “%s” is shown. Nylas "
                                   "does not keep it, and this app cannot show it again."),
                                 key_name (self));
  gtk_label_set_label (self->explanation_label, explanation);
  adw_window_title_set_subtitle (self->window_title, key_name (self));

  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  if (self->stored)
    {
      gtk_image_set_from_icon_name (self->status_icon, "emblem-ok-symbolic");
      gtk_label_set_label (self->status_label, _("Stored in the keyring"));
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "success");
    }
  else if (self->storing)
    {
      gtk_image_set_from_icon_name (self->status_icon, "content-loading-symbolic");
      gtk_label_set_label (self->status_label, _("Storing it in the keyring…"));
    }
  else
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (_("Not stored in the keyring: %s. Copy the secret now and keep "
                                "it in a secrets manager, or it is lost."),
                              self->store_error != NULL ? self->store_error
                                                        : _("the keyring refused it"));
      gtk_image_set_from_icon_name (self->status_icon, "dialog-warning-symbolic");
      gtk_label_set_label (self->status_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
    }

  if (self->copied)
    gtk_button_set_label (self->copy_button, _("_Copied"));

  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), !self->stored && !self->discarded);
  gtk_widget_set_sensitive (GTK_WIDGET (self->retry_button), !self->storing);
  gtk_widget_set_visible (GTK_WIDGET (self->discard_button),
                          !self->stored && !self->copied && !self->discarded);
  gtk_widget_set_sensitive (GTK_WIDGET (self->done_button), can_close);
  if (can_close)
    gtk_widget_set_visible (GTK_WIDGET (self->hint_label), FALSE);
  gtk_window_set_deletable (GTK_WINDOW (self), can_close);
}

static void
set_flag (NylSecretDialog *self,
          guint            prop_id,
          gboolean         value)
{
  gboolean could_close = nyl_secret_dialog_get_can_close (self);

  switch (prop_id)
    {
    case PROP_STORED:
      self->stored = !!value;
      break;

    case PROP_COPIED:
      self->copied = !!value;
      break;

    case PROP_DISCARDED:
      self->discarded = !!value;
      break;

    default:
      g_assert_not_reached ();
    }

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  if (could_close != nyl_secret_dialog_get_can_close (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_CLOSE]);
}

static void
wipe_secret (NylSecretDialog *self)
{
  gtk_label_set_label (self->secret_label, "");
  if (self->key != NULL)
    nyl_api_key_clear_secret (self->key);
}

static void
on_copy_clicked_cb (NylSecretDialog *self,
                    GtkButton       *button)
{
  const char *secret = self->key != NULL ? nyl_api_key_get_secret (self->key) : NULL;

  if (secret == NULL)
    return;

  nyl_keys_ui_copy_text (GTK_WIDGET (self), secret);
  set_flag (self, PROP_COPIED, TRUE);
}

static void
discard_confirmed_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(NylSecretDialog) self = user_data;

  if (!nyl_ui_confirm_finish (result, NULL))
    return;

  set_flag (self, PROP_DISCARDED, TRUE);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_discard_clicked_cb (NylSecretDialog *self,
                       GtkButton       *button)
{
  g_autofree char *heading = NULL;

  heading = g_strdup_printf (_("Discard the Secret of “%s”?"), key_name (self));

  nyl_ui_confirm_async (GTK_WIDGET (self), heading,
                        _("The key stays active, but nobody will be able to use it: its secret "
                          "cannot be shown again. Revoke it, and create another key when you "
                          "need one."),
                        _("_Discard"), TRUE, self->cancellable,
                        discard_confirmed_cb, g_object_ref (self));
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(NylSecretDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!nyl_secret_store_store_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      self->storing = FALSE;
      g_free (self->store_error);
      self->store_error = g_strdup (error->message);
      update (self);
      return;
    }

  self->storing = FALSE;
  set_flag (self, PROP_STORED, TRUE);
}

static void
on_retry_clicked_cb (NylSecretDialog *self,
                     GtkButton       *button)
{
  g_autofree char *display_name = NULL;
  const char *secret = self->key != NULL ? nyl_api_key_get_secret (self->key) : NULL;

  if (secret == NULL || self->storing)
    return;

  self->storing = TRUE;
  update (self);

  display_name = g_strdup_printf (_("Nylas API key “%s”"), key_name (self));
  nyl_secret_store_store_async (self->profile_id, NYL_SECRET_KIND_API_KEY,
                                nyl_resource_get_id (NYL_RESOURCE (self->key)), display_name,
                                secret, self->cancellable, store_cb, g_object_ref (self));
}

static void
on_done_clicked_cb (NylSecretDialog *self,
                    GtkButton       *button)
{
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
nyl_secret_dialog_close_request (GtkWindow *window)
{
  NylSecretDialog *self = NYL_SECRET_DIALOG (window);

  if (!nyl_secret_dialog_get_can_close (self))
    {
      /* The secret would be lost: say why the dialog stays. */
      gtk_widget_set_visible (GTK_WIDGET (self->hint_label), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->copy_button));
      return TRUE;
    }

  g_cancellable_cancel (self->cancellable);
  wipe_secret (self);

  return GTK_WINDOW_CLASS (nyl_secret_dialog_parent_class)->close_request (window);
}

static void
nyl_secret_dialog_dispose (GObject *object)
{
  NylSecretDialog *self = (NylSecretDialog *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->secret_label != NULL)
    wipe_secret (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), NYL_TYPE_SECRET_DIALOG);
  g_clear_object (&self->key);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (nyl_secret_dialog_parent_class)->dispose (object);
}

static void
nyl_secret_dialog_finalize (GObject *object)
{
  NylSecretDialog *self = (NylSecretDialog *)object;

  g_clear_pointer (&self->profile_id, g_free);
  g_clear_pointer (&self->store_error, g_free);

  G_OBJECT_CLASS (nyl_secret_dialog_parent_class)->finalize (object);
}

static void
nyl_secret_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  NylSecretDialog *self = NYL_SECRET_DIALOG (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_object (value, self->key);
      break;

    case PROP_STORED:
      g_value_set_boolean (value, self->stored);
      break;

    case PROP_COPIED:
      g_value_set_boolean (value, self->copied);
      break;

    case PROP_DISCARDED:
      g_value_set_boolean (value, self->discarded);
      break;

    case PROP_CAN_CLOSE:
      g_value_set_boolean (value, nyl_secret_dialog_get_can_close (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_secret_dialog_class_init (NylSecretDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = nyl_secret_dialog_dispose;
  object_class->finalize = nyl_secret_dialog_finalize;
  object_class->get_property = nyl_secret_dialog_get_property;
  window_class->close_request = nyl_secret_dialog_close_request;

  properties[PROP_KEY] =
    g_param_spec_object ("key", NULL, NULL, NYL_TYPE_API_KEY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORED] =
    g_param_spec_boolean ("stored", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COPIED] =
    g_param_spec_boolean ("copied", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISCARDED] =
    g_param_spec_boolean ("discarded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_CLOSE] =
    g_param_spec_boolean ("can-close", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/nyl-secret-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, NylSecretDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, NylSecretDialog, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, NylSecretDialog, secret_label);
  gtk_widget_class_bind_template_child (widget_class, NylSecretDialog, copy_button);
  gtk_widget_class_bind_template_child (widget_class, NylSecretDialog, status_icon);
  gtk_widget_class_bind_template_child (widget_class, NylSecretDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, NylSecretDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, NylSecretDialog, discard_button);
  gtk_widget_class_bind_template_child (widget_class, NylSecretDialog, retry_button);
  gtk_widget_class_bind_template_child (widget_class, NylSecretDialog, done_button);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_discard_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_done_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nyl_secret_dialog_init (NylSecretDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * nyl_secret_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @key: the new key, holding its secret
 * @profile_id: the profile it was created for (for "Try Storing Again")
 * @stored: whether the secret is in the keyring
 * @store_error: (nullable): why storing failed
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
GtkWidget *
nyl_secret_dialog_new (GtkWindow    *parent,
                       NylApiKey    *key,
                       const char   *profile_id,
                       gboolean      stored,
                       const GError *store_error)
{
  NylSecretDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (NYL_IS_API_KEY (key), NULL);
  g_return_val_if_fail (profile_id != NULL, NULL);

  self = g_object_new (NYL_TYPE_SECRET_DIALOG, "transient-for", parent, NULL);
  self->key = g_object_ref (key);
  self->profile_id = g_strdup (profile_id);
  self->stored = !!stored;
  if (!stored && store_error != NULL)
    self->store_error = g_strdup (store_error->message);

  gtk_label_set_label (self->secret_label,
                       nyl_api_key_get_secret (key) != NULL ? nyl_api_key_get_secret (key) : "");
  update (self);

  /* Copying is the first thing to do (and a focused selectable label would
   * show the whole secret selected). */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->copy_button));

  return GTK_WIDGET (self);
}

NylApiKey *
nyl_secret_dialog_get_key (NylSecretDialog *self)
{
  g_return_val_if_fail (NYL_IS_SECRET_DIALOG (self), NULL);

  return self->key;
}

gboolean
nyl_secret_dialog_get_stored (NylSecretDialog *self)
{
  g_return_val_if_fail (NYL_IS_SECRET_DIALOG (self), FALSE);

  return self->stored;
}

gboolean
nyl_secret_dialog_get_copied (NylSecretDialog *self)
{
  g_return_val_if_fail (NYL_IS_SECRET_DIALOG (self), FALSE);

  return self->copied;
}

gboolean
nyl_secret_dialog_get_discarded (NylSecretDialog *self)
{
  g_return_val_if_fail (NYL_IS_SECRET_DIALOG (self), FALSE);

  return self->discarded;
}

gboolean
nyl_secret_dialog_get_can_close (NylSecretDialog *self)
{
  g_return_val_if_fail (NYL_IS_SECRET_DIALOG (self), FALSE);

  return self->stored || self->copied || self->discarded;
}

const char *
nyl_secret_dialog_get_status_text (NylSecretDialog *self)
{
  g_return_val_if_fail (NYL_IS_SECRET_DIALOG (self), NULL);

  return gtk_label_get_label (self->status_label);
}
