/* nyl-ui-form.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-ui-form"

#include "config.h"

#include "nyl-ui-form.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "nyl-api-error.h"

void
nyl_ui_form_set_error (GtkWidget  *field,
                       GtkWidget  *error_row,
                       const char *message)
{
  GtkWidget *label;

  g_return_if_fail (GTK_IS_WIDGET (field));
  g_return_if_fail (GTK_IS_LIST_BOX_ROW (error_row));

  label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (error_row));
  g_return_if_fail (GTK_IS_LABEL (label));

  if (message != NULL && *message != '\0')
    {
      gtk_label_set_label (GTK_LABEL (label), message);
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (field),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_widget_set_visible (error_row, TRUE);
    }
  else
    {
      gtk_widget_set_visible (error_row, FALSE);
      gtk_label_set_label (GTK_LABEL (label), "");
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

char *
nyl_ui_form_dup_text (GtkEditable *editable)
{
  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

void
nyl_ui_copy_text (GtkWidget  *widget,
                  const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (text != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

void
nyl_ui_add_toast (GtkWidget *widget,
                  AdwToast  *toast)
{
  g_autoptr(AdwToast) owned = toast;
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_steal_pointer (&owned));
}

guint
nyl_ui_store_replace_all (GListStore *store,
                          GListModel *items)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items;

  g_return_val_if_fail (G_IS_LIST_STORE (store), 0);
  g_return_val_if_fail (G_IS_LIST_MODEL (items), 0);

  n_items = g_list_model_get_n_items (items);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (array, g_list_model_get_item (items, i));
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       array->pdata, array->len);

  return n_items;
}

const char *
nyl_ui_platform_label (const char *platform)
{
  if (g_strcmp0 (platform, "web") == 0)
    return _("Web");
  if (g_strcmp0 (platform, "desktop") == 0)
    return _("Desktop");
  if (g_strcmp0 (platform, "js") == 0)
    return _("JavaScript");
  if (g_strcmp0 (platform, "ios") == 0)
    return _("iOS");
  if (g_strcmp0 (platform, "android") == 0)
    return _("Android");
  if (platform == NULL)
    return _("Web");

  return platform;
}

const char *
nyl_ui_section_title (const char *section)
{
  static const struct { const char *name; const char *title; } sections[] = {
    { "overview", N_("Overview") },
    { "settings", N_("Settings") },
    { "api-keys", N_("API Keys") },
    { "redirect-uris", N_("Redirect URIs") },
    { "grants", N_("Grants") },
    { "connectors", N_("Connectors") },
    { "webhooks", N_("Webhooks") },
    { "webhook-inspector", N_("Webhook Inspector") },
    { "domains", N_("Domains") },
    { "audit-log", N_("Audit Log") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      if (g_strcmp0 (sections[i].name, section) == 0)
        return _(sections[i].title);
    }

  return section;
}

gboolean
nyl_ui_error_is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

char *
nyl_ui_describe_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, NYL_API_ERROR, NYL_API_ERROR_NO_SECRET_SERVICE))
    {
      g_autofree char *reason = g_strdup (error->message);
      gsize len = strlen (reason);

      if (len > 0 && reason[len - 1] == '.')
        reason[len - 1] = '\0';

      /* Translators: %s says what went wrong with the keyring. */
      return g_strdup_printf (_("%s. Nylas Manager keeps API keys and Service Accounts only in "
                                "the system keyring, never in plain files. Install and start a "
                                "Secret Service such as GNOME Keyring (the “gnome-keyring” "
                                "package), then try again."),
                              reason);
    }

  if (g_error_matches (error, NYL_API_ERROR, NYL_API_ERROR_KEYRING_LOCKED))
    return g_strdup (_("The keyring is locked. Unlock it when you are asked (your login password "
                       "usually opens it), then try again."));

  if (g_error_matches (error, NYL_API_ERROR, NYL_API_ERROR_NETWORK))
    /* Translators: %s is the reason the connection failed. */
    return g_strdup_printf (_("Nylas could not be reached: %s"), error->message);

  return g_strdup (error->message);
}
