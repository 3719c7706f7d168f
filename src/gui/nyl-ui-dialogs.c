/* nyl-ui-dialogs.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-ui-dialogs"

#include "config.h"

#include "nyl-ui-dialogs.h"

#include <adwaita.h>
#include <glib/gi18n.h>

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  g_autoptr(GTask) task = user_data;

  if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, g_strcmp0 (response, "confirm") == 0);
}

/**
 * nyl_ui_confirm_async:
 * @parent: a widget in the window the dialog belongs to
 * @heading: the question, e.g. "Revoke “ci-deploy”?"
 * @body: (nullable): what follows from confirming
 * @confirm_label: the confirming button's label with a mnemonic
 * @destructive: whether confirming destroys something
 * @cancellable: (nullable): closes the dialog when cancelled
 * @callback: called with the answer
 * @user_data: data for @callback
 */
void
nyl_ui_confirm_async (GtkWidget           *parent,
                      const char          *heading,
                      const char          *body,
                      const char          *confirm_label,
                      gboolean             destructive,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GtkRoot *root;
  AdwMessageDialog *dialog;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (confirm_label != NULL);

  task = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (task, nyl_ui_confirm_async);

  root = gtk_widget_get_root (parent);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                      heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "confirm", confirm_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "confirm",
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE
                                                          : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  /* Withdrawing the question closes the dialog, which answers "cancel";
   * the connection goes away with the dialog. */
  if (cancellable != NULL)
    g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (gtk_window_close),
                             dialog, G_CONNECT_SWAPPED);

  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), g_steal_pointer (&task));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * nyl_ui_confirm_finish:
 *
 * Returns: %TRUE if the user confirmed; %FALSE if they did not, or with
 *   @error set to %G_IO_ERROR_CANCELLED if the question was withdrawn.
 */
gboolean
nyl_ui_confirm_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == nyl_ui_confirm_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
