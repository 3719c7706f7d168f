/* nyl-window.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-window"

#include "config.h"

#include "nyl-window.h"

#include <glib/gi18n.h>

#include "nyl-badge.h"

struct _NylWindow
{
  AdwApplicationWindow  parent_instance;

  /* Owned References */
  GSettings            *settings;

  /* Template Widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_box;
  GtkListBox           *sidebar_list;
  GtkWidget            *content_box;
  AdwWindowTitle       *content_title;
  GtkStack             *content_stack;
  AdwStatusPage        *welcome_page;
  GtkMenuButton        *profile_button;
  NylBadge             *profile_badge;
};

G_DEFINE_FINAL_TYPE (NylWindow, nyl_window, ADW_TYPE_APPLICATION_WINDOW)

static void
save_window_state (NylWindow *self)
{
  int width = 0;
  int height = 0;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));

  /* The default size of a maximized window is its size before maximizing,
   * which is the one worth restoring. */
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
nyl_window_close_request (GtkWindow *window)
{
  save_window_state (NYL_WINDOW (window));

  return GTK_WINDOW_CLASS (nyl_window_parent_class)->close_request (window);
}

static GtkListBoxRow *
find_sidebar_row (NylWindow  *self,
                  const char *section)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && g_strcmp0 (gtk_widget_get_name (child), section) == 0)
        return GTK_LIST_BOX_ROW (child);
    }

  return NULL;
}

static void
on_sidebar_list_row_activated_cb (NylWindow     *self,
                                  GtkListBoxRow *row,
                                  GtkListBox    *list)
{
  g_assert (NYL_IS_WINDOW (self));

  nyl_window_set_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_back_button_clicked_cb (NylWindow *self,
                           GtkButton *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
nyl_window_dispose (GObject *object)
{
  NylWindow *self = (NylWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NYL_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (nyl_window_parent_class)->dispose (object);
}

static void
nyl_window_class_init (NylWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = nyl_window_dispose;
  window_class->close_request = nyl_window_close_request;

  g_type_ensure (NYL_TYPE_BADGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/nyl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NylWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NylWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, NylWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, NylWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, NylWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, NylWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, NylWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, NylWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, NylWindow, profile_button);
  gtk_widget_class_bind_template_child (widget_class, NylWindow, profile_badge);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);

}

static void
restore_window_state (NylWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
nyl_window_init (NylWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  adw_status_page_set_icon_name (self->welcome_page, APP_ID);

  self->settings = g_settings_new (APP_ID);
  restore_window_state (self);

  /* With no application added yet, nothing in the sidebar has anything to
   * show: the content is the welcome page. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->sidebar_list), FALSE);
  gtk_stack_set_visible_child_name (self->content_stack, "welcome");
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

NylWindow *
nyl_window_new (NylApplication *application)
{
  g_return_val_if_fail (application == NULL || NYL_IS_APPLICATION (application), NULL);

  return g_object_new (NYL_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * nyl_window_add_toast:
 * @self: a #NylWindow
 * @title: the text of the toast, already translated
 *
 * Shows a transient message over the window's content.
 */
void
nyl_window_add_toast (NylWindow  *self,
                      const char *title)
{
  g_return_if_fail (NYL_IS_WINDOW (self));
  g_return_if_fail (title != NULL);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

const char *
nyl_window_get_section (NylWindow *self)
{
  g_return_val_if_fail (NYL_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->content_stack);
}

/**
 * nyl_window_set_section:
 * @self: a #NylWindow
 * @section: the name of a sidebar section, e.g. `"overview"`
 *
 * Shows @section in the content pane and selects it in the sidebar.
 *
 * Returns: %TRUE if @section exists and has a page to show.
 */
gboolean
nyl_window_set_section (NylWindow  *self,
                        const char *section)
{
  GtkListBoxRow *row;
  GtkWidget *page;
  GtkStackPage *stack_page;

  g_return_val_if_fail (NYL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (section != NULL, FALSE);

  row = find_sidebar_row (self, section);
  page = gtk_stack_get_child_by_name (self->content_stack, section);
  if (row == NULL || page == NULL)
    return FALSE;

  gtk_list_box_select_row (self->sidebar_list, row);
  gtk_stack_set_visible_child (self->content_stack, page);

  stack_page = gtk_stack_get_page (self->content_stack, page);
  adw_window_title_set_title (self->content_title, gtk_stack_page_get_title (stack_page));

  return TRUE;
}
