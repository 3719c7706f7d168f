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
#include "nyl-badge.h"
#include "nyl-banner.h"
#include "nyl-state-stack.h"
#include "nyl-ui-dialogs.h"
#include "nyl-window.h"

static void
count_cb (gpointer  instance,
          gpointer  pspec_or_unused,
          int      *counter)
{
  (*counter)++;
}

static void
count_emission_cb (gpointer  instance,
                   int      *counter)
{
  (*counter)++;
}

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

static void
test_banner (void)
{
  NylBanner *banner = NYL_BANNER (g_object_ref_sink (nyl_banner_new ("Offline")));
  int notified = 0;
  int clicked = 0;
  GtkWidget *button;

  g_signal_connect (banner, "notify::revealed", G_CALLBACK (count_cb), &notified);
  g_signal_connect (banner, "button-clicked", G_CALLBACK (count_emission_cb), &clicked);

  g_assert_cmpstr (nyl_banner_get_title (banner), ==, "Offline");
  g_assert_false (nyl_banner_get_revealed (banner));
  /* Like AdwBanner, no label means no button. */
  g_assert_null (nyl_banner_get_button_label (banner));

  nyl_banner_set_revealed (banner, TRUE);
  nyl_banner_set_revealed (banner, TRUE);
  g_assert_true (nyl_banner_get_revealed (banner));
  g_assert_cmpint (notified, ==, 1);

  nyl_banner_set_button_label (banner, "_Retry");
  g_assert_cmpstr (nyl_banner_get_button_label (banner), ==, "_Retry");

  /* Find the button and press it as a user would. */
  button = gtk_widget_get_first_child (GTK_WIDGET (banner));
  while (button != NULL && !GTK_IS_BUTTON (button))
    button = gtk_widget_get_first_child (button) ? gtk_widget_get_first_child (button)
                                                 : gtk_widget_get_next_sibling (button);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (clicked, ==, 1);

  nyl_banner_set_button_label (banner, NULL);
  g_assert_null (nyl_banner_get_button_label (banner));
  g_assert_false (gtk_widget_get_visible (button));

  g_assert_finalize_object (banner);
}

static void
test_badge (void)
{
  NylBadge *badge = NYL_BADGE (g_object_ref_sink (nyl_badge_new ()));

  /* Nothing known, nothing shown. */
  g_assert_null (nyl_badge_get_text (badge));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (badge)));

  nyl_badge_set_region (badge, "us");
  nyl_badge_set_environment (badge, "production");
  g_assert_cmpstr (nyl_badge_get_text (badge), ==, "US · Production");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (badge)));
  /* Production stands out. */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (badge), "production"));

  nyl_badge_set_region (badge, "eu");
  nyl_badge_set_environment (badge, "staging");
  g_assert_cmpstr (nyl_badge_get_text (badge), ==, "EU · Staging");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (badge), "production"));

  /* Free-form environments are shown as they came. */
  nyl_badge_set_environment (badge, "qa-2");
  g_assert_cmpstr (nyl_badge_get_text (badge), ==, "EU · qa-2");

  /* The sandbox says it is simulated, whatever its environment. */
  nyl_badge_set_environment (badge, "production");
  nyl_badge_set_simulated (badge, TRUE);
  g_assert_cmpstr (nyl_badge_get_text (badge), ==, "Sandbox (simulated)");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (badge), "sandbox"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (badge), "production"));

  g_assert_finalize_object (badge);
}

static void
test_state_stack (void)
{
  NylStateStack *stack = NYL_STATE_STACK (g_object_ref_sink (nyl_state_stack_new ()));
  GtkWidget *content = gtk_label_new ("rows");
  int retries = 0;

  g_signal_connect (stack, "retry", G_CALLBACK (count_emission_cb), &retries);

  /* A page starts loading. */
  g_assert_cmpint (nyl_state_stack_get_state (stack), ==, NYL_STATE_LOADING);

  nyl_state_stack_set_content (stack, content);
  g_assert_true (nyl_state_stack_get_content (stack) == content);
  nyl_state_stack_set_state (stack, NYL_STATE_CONTENT);
  g_assert_true (gtk_widget_get_mapped (content) || !gtk_widget_get_mapped (GTK_WIDGET (stack)));

  nyl_state_stack_set_empty (stack, "dialog-password-symbolic", "No API Keys", "Create one.");
  nyl_state_stack_set_empty_action (stack, "_Create API Key", "keys.create");
  nyl_state_stack_set_state (stack, NYL_STATE_EMPTY);
  g_assert_cmpint (nyl_state_stack_get_state (stack), ==, NYL_STATE_EMPTY);

  nyl_state_stack_show_error (stack, "Could not load API keys", "The server did not answer.");
  g_assert_cmpint (nyl_state_stack_get_state (stack), ==, NYL_STATE_ERROR);
  g_signal_emit_by_name (stack, "retry");
  g_assert_cmpint (retries, ==, 1);

  /* Replacing the content releases the old one. */
  g_object_ref (content);
  nyl_state_stack_set_content (stack, NULL);
  g_assert_null (nyl_state_stack_get_content (stack));
  g_assert_finalize_object (content);

  g_assert_finalize_object (stack);

  /* A stack finalized with its content in place releases it too. */
  stack = NYL_STATE_STACK (g_object_ref_sink (nyl_state_stack_new ()));
  content = gtk_label_new ("rows");
  g_object_ref (content);
  nyl_state_stack_set_content (stack, content);
  g_assert_finalize_object (stack);
  g_assert_finalize_object (content);
}

static void
confirm_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  int *answer = user_data;
  g_autoptr(GError) error = NULL;
  gboolean confirmed = nyl_ui_confirm_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    *answer = 2;
  else
    *answer = confirmed ? 1 : 0;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  /* (transfer none): the list is GTK's own. */
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Presses a dialog's response button as a user would: that also closes it. */
static void
press_response (AdwMessageDialog *dialog,
                const char       *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

/* Runs the main loop until *value is no longer unset, failing after 10 s
 * rather than hanging the suite. */
static void
iterate_until (int *value,
               int  unset)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (*value == unset)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }
}

static void
iterate_until_no_dialog (void)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (find_message_dialog () != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }
}

static void
test_confirm_dialog (void)
{
  NylWindow *window = nyl_window_new (NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AdwMessageDialog *dialog;
  int answer = -1;

  /* Confirming answers TRUE. */
  nyl_ui_confirm_async (GTK_WIDGET (window), "Revoke “ci”?", "Apps using it stop working.",
                        "_Revoke", TRUE, NULL, confirm_done_cb, &answer);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "confirm"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  /* The safe answer is the default one. */
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  press_response (dialog, "_Revoke");
  iterate_until (&answer, -1);
  g_assert_cmpint (answer, ==, 1);
  /* An answered dialog closes itself. */
  iterate_until_no_dialog ();

  /* Cancel answers FALSE. */
  answer = -1;
  nyl_ui_confirm_async (GTK_WIDGET (window), "Delete?", NULL, "_Delete", TRUE, NULL,
                        confirm_done_cb, &answer);
  dialog = find_message_dialog ();
  press_response (dialog, "_Cancel");
  iterate_until (&answer, -1);
  g_assert_cmpint (answer, ==, 0);
  iterate_until_no_dialog ();

  /* A withdrawn question closes the dialog and reports cancellation. */
  answer = -1;
  nyl_ui_confirm_async (GTK_WIDGET (window), "Roll?", NULL, "_Roll", FALSE, cancellable,
                        confirm_done_cb, &answer);
  g_cancellable_cancel (cancellable);
  iterate_until (&answer, -1);
  g_assert_cmpint (answer, ==, 2);
  iterate_until_no_dialog ();

  destroy_and_assert_finalized (GTK_WINDOW (window));
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
  g_test_add_func ("/gui/banner", test_banner);
  g_test_add_func ("/gui/badge", test_badge);
  g_test_add_func ("/gui/state-stack", test_state_stack);
  g_test_add_func ("/gui/confirm-dialog", test_confirm_dialog);

  return g_test_run ();
}
