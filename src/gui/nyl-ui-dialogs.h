/* nyl-ui-dialogs.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Asks a yes/no question in an AdwMessageDialog (libadwaita 1.2 has no
 * adw_message_dialog_choose). "Cancel" is the default and the Escape
 * answer; a destructive confirmation is shown in red. */
void     nyl_ui_confirm_async  (GtkWidget           *parent,
                                const char          *heading,
                                const char          *body,
                                const char          *confirm_label,
                                gboolean             destructive,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);
gboolean nyl_ui_confirm_finish (GAsyncResult        *result,
                                GError             **error);

G_END_DECLS
