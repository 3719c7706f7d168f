/* test-widgets.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * .ui files are not checked by the compiler: a class newer than the
 * Debian 12 floor in a template only fails when it is built. This suite
 * creates every widget type of the GUI under Xvfb and checks that each
 * one builds without a warning and finalizes.
 */

#include "config.h"

#include <adwaita.h>

#include "nyl-application.h"
#include "nyl-window.h"

static void
destroy_and_assert_finalized (GtkWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (window);
  g_assert_finalize_object (window);
}

static void
test_window_builds (void)
{
  NylWindow *window = nyl_window_new (NULL);

  g_assert_true (NYL_IS_WINDOW (window));

  /* With no application added, the content is the welcome page. */
  g_assert_cmpstr (nyl_window_get_section (window), ==, "welcome");

  /* Sections with no page yet cannot be switched to. */
  g_assert_false (nyl_window_set_section (window, "no-such-section"));
  g_assert_cmpstr (nyl_window_get_section (window), ==, "welcome");

  nyl_window_add_toast (window, "A toast");

  destroy_and_assert_finalized (GTK_WINDOW (window));
}

static void
test_window_restores_size (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  NylWindow *window;
  int width = 0;
  int height = 0;

  g_settings_set_int (settings, "window-width", 777);
  g_settings_set_int (settings, "window-height", 555);

  window = nyl_window_new (NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 777);
  g_assert_cmpint (height, ==, 555);

  /* Closing saves the size back; GTK only closes a realized window. */
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_realized (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 810, 620);
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 810);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 620);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_application_type (void)
{
  NylApplication *app = nyl_application_new ();

  g_assert_cmpstr (g_application_get_application_id (G_APPLICATION (app)), ==, APP_ID);
  g_assert_cmpstr (g_application_get_resource_base_path (G_APPLICATION (app)), ==, RESOURCE_BASE);
  g_assert_finalize_object (app);
}

static void
test_shortcuts_window_builds (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

static void
test_style_sheet_present (void)
{
  g_autoptr(GBytes) css = g_resources_lookup_data (RESOURCE_BASE "/style.css", 0, NULL);

  g_assert_nonnull (css);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (css, NULL), g_bytes_get_size (css), ".nyl-badge"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui/window/builds", test_window_builds);
  g_test_add_func ("/gui/window/restores-size", test_window_restores_size);
  g_test_add_func ("/gui/application/type", test_application_type);
  g_test_add_func ("/gui/shortcuts/builds", test_shortcuts_window_builds);
  g_test_add_func ("/gui/style/present", test_style_sheet_present);

  return g_test_run ();
}
