/* nyl-keys-ui.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-keys-ui"

#include "config.h"

#include "nyl-keys-ui.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#define DAY ((gint64)86400)

char *
nyl_keys_ui_format_date (gint64 unix_seconds)
{
  g_autoptr(GDateTime) when = NULL;
  char *text;

  if (unix_seconds <= 0)
    return g_strdup ("—");

  when = g_date_time_new_from_unix_local (unix_seconds);
  if (when == NULL)
    return g_strdup ("—");

  /* Translators: a short date, see the GDateTime format codes. */
  text = g_date_time_format (when, _("%-d %b %Y"));

  return g_strstrip (text);
}

char *
nyl_keys_ui_format_date_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) when = NULL;
  char *text;

  if (unix_seconds <= 0)
    return g_strdup ("—");

  when = g_date_time_new_from_unix_local (unix_seconds);
  if (when == NULL)
    return g_strdup ("—");

  /* Translators: a short date and a time, see the GDateTime format codes. */
  text = g_date_time_format (when, _("%-d %b %Y, %H:%M"));

  return g_strstrip (text);
}

const char *
nyl_keys_ui_urgency_css_class (NylExpiryUrgency urgency)
{
  switch (urgency)
    {
    case NYL_EXPIRY_URGENCY_SOON:
      return "warning";

    case NYL_EXPIRY_URGENCY_URGENT:
    case NYL_EXPIRY_URGENCY_EXPIRED:
      return "error";

    case NYL_EXPIRY_URGENCY_NONE:
    default:
      return NULL;
    }
}

void
nyl_keys_ui_set_urgency (GtkWidget        *widget,
                         NylExpiryUrgency  urgency)
{
  const char *css_class = nyl_keys_ui_urgency_css_class (urgency);

  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_remove_css_class (widget, "warning");
  gtk_widget_remove_css_class (widget, "error");
  if (css_class != NULL)
    gtk_widget_add_css_class (widget, css_class);
}

guint
nyl_keys_ui_days_until (GDateTime *date,
                        gint64     now)
{
  g_autoptr(GDateTime) end = NULL;
  gint64 seconds;

  g_return_val_if_fail (date != NULL, 1);

  /* The key lives through the chosen day. */
  end = g_date_time_new_local (g_date_time_get_year (date), g_date_time_get_month (date),
                               g_date_time_get_day_of_month (date), 23, 59, 59);
  if (end == NULL)
    return 1;

  seconds = g_date_time_to_unix (end) - now;
  if (seconds <= 0)
    return 1;

  return (guint)MIN ((seconds + DAY - 1) / DAY, G_MAXUINT);
}

void
nyl_keys_ui_show_error (GtkWidget    *parent,
                        const char   *heading,
                        const GError *error)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (heading != NULL);

  if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  root = gtk_widget_get_root (parent);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   error != NULL ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
nyl_keys_ui_copy_text (GtkWidget  *widget,
                       const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (text != NULL);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

GtkWidget *
nyl_keys_ui_find_button (GtkWidget  *widget,
                         const char *label)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  if (GTK_IS_BUTTON (widget))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0 ||
          g_strcmp0 (tooltip, label) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = nyl_keys_ui_find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}
