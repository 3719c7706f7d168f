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

#include "model-test-util.h"
#include "nyl-add-application-window.h"
#include "nyl-app-details.h"
#include "nyl-application.h"
#include "nyl-badge.h"
#include "nyl-banner.h"
#include "nyl-checklist-row.h"
#include "nyl-health-card.h"
#include "nyl-overview-page.h"
#include "nyl-profile-row.h"
#include "nyl-profile-switcher.h"
#include "nyl-redirect-uri-dialog.h"
#include "nyl-redirect-uri-row.h"
#include "nyl-redirect-uris-page.h"
#include "nyl-settings-page.h"
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

static char *
key_id (guint           keyval,
        GdkModifierType mods)
{
  return g_strdup_printf ("%x:%x", gdk_keyval_to_lower (keyval), (guint) mods);
}

/* Adds the action and the key of every key binding of @widget's class to an action of this
 * program. */
static void
collect_bindings (GtkWidget *widget,
                  GPtrArray *bindings)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkKeyvalTrigger *keys;
          const char *name;

          if (!GTK_IS_NAMED_ACTION (action) || !GTK_IS_KEYVAL_TRIGGER (trigger))
            continue;
          keys = GTK_KEYVAL_TRIGGER (trigger);
          name = gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
          if (!g_str_has_prefix (name, "win.") && !g_str_has_prefix (name, "overview.") &&
              !g_str_has_prefix (name, "settings.") && !g_str_has_prefix (name, "redirect-uris.") &&
              g_strcmp0 (name, "window.close") != 0)
            continue;

          g_ptr_array_add (bindings, g_strdup (name));
          g_ptr_array_add (bindings, key_id (gtk_keyval_trigger_get_keyval (keys),
                                             gtk_keyval_trigger_get_modifiers (keys)));
        }
    }
}

/* Every accelerator set on the application is in the shortcuts window, under its action's name
 * (and every shortcut named after an action is one that has an accelerator); every key the
 * window, its pages and dialogs bind is in it too. */
static void
test_shortcuts_window_lists_accels (void)
{
  g_autofree char *home = mt_temp_home ();
  g_autofree char *store_path = g_build_filename (home, "profiles.json", NULL);
  g_autoptr(NylProfileStore) store = nyl_profile_store_new_for_path (store_path);
  g_autoptr(NylApplication) app = nyl_application_new ();
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GSList) objects = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) bindings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();
  g_auto(GStrv) actions = NULL;
  g_autoptr(GError) error = NULL;
  guint n_with_accels = 0;

  /* Startup sets the accelerators. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  builder = gtk_builder_new_from_resource (RESOURCE_BASE "/gtk/help-overlay.ui");
  objects = gtk_builder_get_objects (builder);
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *action_name = NULL;
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) shown = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;

      g_object_get (l->data, "action-name", &action_name, "accelerator", &accelerator, NULL);
      if (action_name != NULL)
        {
          /* The window shows the application's accelerators for the action. */
          shown = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action_name);
          g_test_message ("shortcut for %s", action_name);
          g_assert_nonnull (shown[0]);
          g_hash_table_add (listed, g_steal_pointer (&action_name));
        }
      else
        {
          shown = g_strsplit (accelerator != NULL ? accelerator : "", " ", -1);
        }

      g_assert_nonnull (shown[0]);
      for (guint i = 0; shown[i] != NULL; i++)
        {
          guint keyval = 0;
          GdkModifierType mods = 0;

          g_test_message ("accelerator %s", shown[i]);
          g_assert_true (gtk_accelerator_parse (shown[i], &keyval, &mods));
          g_hash_table_add (keys, key_id (keyval, mods));
        }
    }

  /* The application's accelerators. */
  actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                    actions[i]);

      if (accels[0] == NULL)
        continue;
      n_with_accels++;
      g_test_message ("accelerator %s for %s", accels[0], actions[i]);
      g_assert_true (g_hash_table_contains (listed, actions[i]));
    }
  g_assert_cmpuint (n_with_accels, >=, 4);

  /* The keys the window, its pages and a dialog bind. */
  g_ptr_array_add (widgets, nyl_window_new (NULL));
  g_ptr_array_add (widgets, nyl_add_application_window_new (store));
  g_ptr_array_add (widgets, g_object_ref_sink (nyl_overview_page_new ()));
  g_ptr_array_add (widgets, g_object_ref_sink (nyl_settings_page_new ()));
  g_ptr_array_add (widgets, g_object_ref_sink (nyl_redirect_uris_page_new ()));
  for (guint i = 0; i < widgets->len; i++)
    collect_bindings (g_ptr_array_index (widgets, i), bindings);
  g_assert_cmpuint (bindings->len, >=, 2 * 12);
  for (guint i = 0; i < bindings->len; i += 2)
    {
      g_test_message ("%s bound to %s", (char *)g_ptr_array_index (bindings, i),
                      (char *)g_ptr_array_index (bindings, i + 1));
      g_assert_true (g_hash_table_contains (keys, g_ptr_array_index (bindings, i + 1)));
    }

  for (guint i = 0; i < 2; i++)
    destroy_and_assert_finalized (g_ptr_array_index (widgets, i));
  for (guint i = 2; i < widgets->len; i++)
    g_assert_finalize_object (g_ptr_array_index (widgets, i));
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  mt_remove_tree (home);
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

/* Application widgets (issue 6): each built, exercised as a person would,
 * and finalized. Widgets that show an application get a session on an
 * in-process sandbox. */

#define WAIT_UNTIL(condition) \
  G_STMT_START { \
    gint64 wait_deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC; \
    while (!(condition)) \
      { \
        g_assert_cmpint (g_get_monotonic_time (), <, wait_deadline); \
        g_main_context_iteration (NULL, FALSE); \
      } \
  } G_STMT_END

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (has_label (child, text))
        return TRUE;
    }

  return FALSE;
}

static NylAppDetails *
fetch_details (NylSession *session)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  NylResource *details;

  nyl_session_fetch_async (session, NYL_TYPE_APP_DETAILS, NULL, NULL, NULL, mt_result_cb,
                           &result);
  MT_AWAIT (result);
  details = nyl_session_fetch_finish (session, result, &error);
  g_assert_no_error (error);

  return NYL_APP_DETAILS (details);
}

static GListModel *
list_all (NylSession *session,
          GType       type)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *list;

  nyl_session_list_async (session, type, NULL, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  list = nyl_session_list_finish (session, result, &error);
  g_assert_no_error (error);

  return list;
}

static void
test_health_card (void)
{
  NylHealthCard *card = NYL_HEALTH_CARD (g_object_ref_sink (nyl_health_card_new ("Grants")));
  int notified = 0;

  g_signal_connect (card, "notify::attention", G_CALLBACK (count_cb), &notified);

  nyl_health_card_set_value (card, "500");
  nyl_health_card_set_detail (card, "452 valid · 48 invalid");
  g_assert_cmpstr (nyl_health_card_get_title (card), ==, "Grants");
  g_assert_cmpstr (nyl_health_card_get_value (card), ==, "500");
  g_assert_true (has_label (GTK_WIDGET (card), "452 valid · 48 invalid"));

  /* Something to look at colours the value. */
  nyl_health_card_set_attention (card, TRUE);
  nyl_health_card_set_attention (card, TRUE);
  g_assert_cmpint (notified, ==, 1);
  g_assert_true (nyl_health_card_get_attention (card));

  g_assert_finalize_object (card);
}

static void
test_checklist_row (void)
{
  g_autoptr(NylChecklistItem) item = nyl_checklist_item_new ("redirect-uri", "At least one",
                                                             "redirect-uris");
  NylChecklistRow *row = NYL_CHECKLIST_ROW (g_object_ref_sink (nyl_checklist_row_new (item)));

  g_assert_true (nyl_checklist_row_get_item (row) == item);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "At least one");
  g_assert_true (has_label (GTK_WIDGET (row), "Not checked"));

  /* The row follows its item. */
  nyl_checklist_item_set_result (item, NYL_CHECK_STATE_FAIL, "No redirect URI is registered");
  g_assert_true (has_label (GTK_WIDGET (row), "Needs attention"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "No redirect URI is registered");
  nyl_checklist_item_set_result (item, NYL_CHECK_STATE_PASS, "1 redirect URI registered");
  g_assert_true (has_label (GTK_WIDGET (row), "Passed"));
  g_assert_false (has_label (GTK_WIDGET (row), "Needs attention"));

  g_assert_finalize_object (row);
}

static void
test_profile_switcher (void)
{
  NylProfileSwitcher *switcher =
    NYL_PROFILE_SWITCHER (g_object_ref_sink (nyl_profile_switcher_new ()));
  g_autoptr(GListStore) profiles = g_list_store_new (NYL_TYPE_PROFILE);
  g_autoptr(NylProfile) acme = nyl_profile_new ("p1", "Acme");
  g_autoptr(NylProfile) sandbox = nyl_profile_new (NYL_SANDBOX_PROFILE_ID, "Sandbox (simulated)");
  g_autofree char *acme_text = NULL;
  GtkWidget *list;
  guint n_rows = 0;
  guint n_current = 0;

  nyl_profile_set_region (acme, "eu");
  nyl_profile_set_environment (acme, "staging");
  acme_text = nyl_profile_describe (acme);
  g_assert_cmpstr (acme_text, ==, "EU · staging");

  g_list_store_append (profiles, acme);
  nyl_profile_switcher_set_model (switcher, G_LIST_MODEL (profiles));
  /* Added later, as the sandbox's profile is. */
  g_list_store_append (profiles, sandbox);
  nyl_profile_switcher_set_current_id (switcher, "p1");
  g_assert_cmpstr (nyl_profile_switcher_get_current_id (switcher), ==, "p1");

  list = find_descendant (GTK_WIDGET (switcher), GTK_TYPE_LIST_BOX);
  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      n_rows++;
      if (nyl_profile_row_get_current (NYL_PROFILE_ROW (child)))
        {
          n_current++;
          g_assert_true (nyl_profile_row_get_profile (NYL_PROFILE_ROW (child)) == acme);
        }
    }
  g_assert_cmpuint (n_rows, ==, 2);
  g_assert_cmpuint (n_current, ==, 1);
  g_assert_true (has_label (list, "EU · staging"));
  g_assert_true (has_label (list, "Simulated Nylas API on this computer"));

  /* A rename shows at once. */
  nyl_profile_set_name (acme, "Acme EU");
  g_assert_true (has_label (list, "Acme EU"));

  g_assert_finalize_object (switcher);
}

static void
test_redirect_uri_row (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string ("{\"id\":\"r1\","
                                               "\"url\":\"http://app.example.com/cb\","
                                               "\"platform\":\"ios\",\"settings\":"
                                               "{\"bundle_id\":\"com.example.App\"}}", &error);
  g_autoptr(NylRedirectUri) uri = nyl_resource_new_from_json (NYL_TYPE_REDIRECT_URI, node, &error);
  g_autofree char *description = NULL;
  NylRedirectUriRow *row;

  g_assert_no_error (error);
  row = NYL_REDIRECT_URI_ROW (g_object_ref_sink (nyl_redirect_uri_row_new (uri)));

  description = nyl_redirect_uri_describe (uri);
  g_assert_cmpstr (description, ==, "iOS · bundle com.example.App");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "http://app.example.com/cb");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, description);

  g_assert_finalize_object (row);
}

static void
test_overview_page (MtFixture     *f,
                    gconstpointer  user_data)
{
  NylOverviewPage *page = NYL_OVERVIEW_PAGE (g_object_ref_sink (nyl_overview_page_new ()));
  NylChecklist *checklist = nyl_overview_page_get_checklist (page);
  NylStateStack *stack;
  NylBanner *banner;

  stack = NYL_STATE_STACK (find_descendant (GTK_WIDGET (page), NYL_TYPE_STATE_STACK));
  banner = NYL_BANNER (find_descendant (GTK_WIDGET (page), NYL_TYPE_BANNER));

  /* No application: nothing to show, nothing checked. */
  g_assert_cmpint (nyl_state_stack_get_state (stack), ==, NYL_STATE_EMPTY);
  g_assert_cmpuint (nyl_checklist_get_n_unknown (checklist), ==, 7);

  nyl_overview_page_set_session (page, f->session);
  g_assert_true (nyl_overview_page_get_loading (page));
  g_assert_cmpint (nyl_state_stack_get_state (stack), ==, NYL_STATE_LOADING);
  WAIT_UNTIL (!nyl_overview_page_get_loading (page));

  /* The sample application: details, health and the live checklist. */
  g_assert_cmpint (nyl_state_stack_get_state (stack), ==, NYL_STATE_CONTENT);
  g_assert_true (has_label (GTK_WIDGET (page), nyl_sandbox_get_application_id (f->sandbox)));
  g_assert_true (has_label (GTK_WIDGET (page), "United States (US)"));
  g_assert_cmpuint (nyl_checklist_get_n_passed (checklist), ==, 5);
  g_assert_cmpuint (nyl_checklist_get_n_failed (checklist), ==, 2);
  g_assert_true (has_label (GTK_WIDGET (page), "5 of 7 checks pass"));
  g_assert_false (nyl_banner_get_revealed (banner));

  /* The server goes away: the last good data stays, under a banner. */
  nyl_sandbox_stop (f->sandbox);
  nyl_client_set_max_attempts (nyl_session_get_client (f->session), 1);
  nyl_overview_page_refresh (page);
  WAIT_UNTIL (!nyl_overview_page_get_loading (page));
  g_assert_cmpint (nyl_state_stack_get_state (stack), ==, NYL_STATE_CONTENT);
  g_assert_true (nyl_banner_get_revealed (banner));
  g_assert_cmpuint (nyl_checklist_get_n_failed (checklist), ==, 2);
  g_assert_true (has_label (GTK_WIDGET (page), "United States (US)"));

  /* Without an application again, nothing of it stays. */
  nyl_overview_page_set_session (page, NULL);
  g_assert_false (has_label (GTK_WIDGET (page), "United States (US)"));
  g_assert_cmpint (nyl_state_stack_get_state (stack), ==, NYL_STATE_EMPTY);

  g_assert_finalize_object (page);
}

static void
test_overview_page_error (MtFixture     *f,
                          gconstpointer  user_data)
{
  NylOverviewPage *page = NYL_OVERVIEW_PAGE (g_object_ref_sink (nyl_overview_page_new ()));
  NylStateStack *stack = NYL_STATE_STACK (find_descendant (GTK_WIDGET (page),
                                                           NYL_TYPE_STATE_STACK));

  /* Nothing ever loaded: the error fills the page, with Try Again. */
  nyl_sandbox_stop (f->sandbox);
  nyl_client_set_max_attempts (nyl_session_get_client (f->session), 1);
  nyl_overview_page_set_session (page, f->session);
  WAIT_UNTIL (!nyl_overview_page_get_loading (page));
  g_assert_cmpint (nyl_state_stack_get_state (stack), ==, NYL_STATE_ERROR);
  g_assert_true (has_label (GTK_WIDGET (page), "Could not load the application"));

  g_assert_finalize_object (page);
}

static void
test_settings_page (MtFixture     *f,
                    gconstpointer  user_data)
{
  NylSettingsPage *page = NYL_SETTINGS_PAGE (g_object_ref_sink (nyl_settings_page_new ()));
  g_autoptr(NylAppDetails) before = fetch_details (f->session);
  g_autoptr(NylAppDetails) after = NULL;
  JsonObject *hosted;

  nyl_settings_page_set_session (page, f->session);
  WAIT_UNTIL (!nyl_settings_page_get_busy (page));
  g_assert_false (nyl_settings_page_get_dirty (page));

  /* Checked before sending: a colour and a URL. */
  nyl_settings_page_set_field (page, "color-primary", "blue");
  nyl_settings_page_set_field (page, "website-url", "http://acme.example");
  g_assert_true (nyl_settings_page_get_dirty (page));
  g_assert_false (nyl_settings_page_save (page));
  g_assert_nonnull (nyl_settings_page_get_error (page, "color-primary"));
  g_assert_nonnull (nyl_settings_page_get_error (page, "website-url"));
  g_assert_null (nyl_settings_page_get_error (page, "name"));
  g_assert_false (nyl_settings_page_get_busy (page));

  /* Editing a refused field takes the complaint away. */
  nyl_settings_page_set_field (page, "color-primary", "#1A73E8");
  g_assert_null (nyl_settings_page_get_error (page, "color-primary"));

  nyl_settings_page_set_field (page, "website-url", "https://acme.example/new");
  nyl_settings_page_set_field (page, "name", "Acme Renamed");
  nyl_settings_page_set_field (page, "spacing", "12");
  g_assert_true (nyl_settings_page_save (page));
  WAIT_UNTIL (!nyl_settings_page_get_busy (page));
  g_assert_false (nyl_settings_page_get_dirty (page));

  /* Whole objects went out: what the form changed, and the rest kept. */
  after = fetch_details (f->session);
  g_assert_cmpstr (nyl_app_details_get_branding_name (after), ==, "Acme Renamed");
  g_assert_cmpstr (nyl_app_details_get_branding_website_url (after), ==,
                   "https://acme.example/new");
  g_assert_cmpstr (nyl_app_details_get_branding_icon_url (after), ==,
                   nyl_app_details_get_branding_icon_url (before));
  g_assert_cmpstr (nyl_app_details_get_branding_description (after), ==,
                   nyl_app_details_get_branding_description (before));
  hosted = nyl_app_details_get_hosted_authentication (after);
  g_assert_cmpstr (json_object_get_string_member (hosted, "color_primary"), ==, "#1A73E8");
  g_assert_cmpint (json_object_get_int_member (hosted, "spacing"), ==, 12);
  g_assert_cmpstr (json_object_get_string_member (hosted, "title"), ==,
                   json_object_get_string_member (
                     nyl_app_details_get_hosted_authentication (before), "title"));

  /* Clearing a field removes the member rather than sending "". */
  nyl_settings_page_set_field (page, "description", "");
  g_assert_true (nyl_settings_page_save (page));
  WAIT_UNTIL (!nyl_settings_page_get_busy (page));
  g_clear_object (&after);
  after = fetch_details (f->session);
  g_assert_null (nyl_app_details_get_branding_description (after));
  g_assert_cmpstr (nyl_app_details_get_branding_name (after), ==, "Acme Renamed");

  g_assert_finalize_object (page);
}

static void
test_redirect_uris_page (MtFixture     *f,
                         gconstpointer  user_data)
{
  NylRedirectUrisPage *page =
    NYL_REDIRECT_URIS_PAGE (g_object_ref_sink (nyl_redirect_uris_page_new ()));
  GListModel *model = nyl_redirect_uris_page_get_model (page);
  g_autoptr(GListModel) server = NULL;
  g_autoptr(NylRedirectUri) first = NULL;
  g_autofree char *id = NULL;
  GtkWidget *list;
  guint n;

  nyl_redirect_uris_page_set_session (page, f->session);
  WAIT_UNTIL (!nyl_redirect_uris_page_get_loading (page));
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, ==, 6);

  /* A row per redirect URI. */
  list = find_descendant (GTK_WIDGET (page), GTK_TYPE_LIST_BOX);
  g_assert_nonnull (find_descendant (list, NYL_TYPE_REDIRECT_URI_ROW));

  /* Delete, as the row's button does. */
  first = g_list_model_get_item (model, 0);
  id = g_strdup (nyl_resource_get_id (NYL_RESOURCE (first)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "redirect-uris.delete", "s", id));
  WAIT_UNTIL (g_list_model_get_n_items (model) == n - 1);
  server = list_all (f->session, NYL_TYPE_REDIRECT_URI);
  g_assert_cmpuint (g_list_model_get_n_items (server), ==, n - 1);

  nyl_redirect_uris_page_set_session (page, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  g_assert_finalize_object (page);
}

static void
saved_cb (NylRedirectUriDialog  *dialog,
          NylRedirectUri        *uri,
          NylRedirectUri       **out)
{
  g_set_object (out, uri);
}

static void
test_redirect_uri_dialog (MtFixture     *f,
                          gconstpointer  user_data)
{
  g_autoptr(GListModel) existing = list_all (f->session, NYL_TYPE_REDIRECT_URI);
  g_autoptr(NylRedirectUri) saved = NULL;
  g_autoptr(NylRedirectUri) edited = NULL;
  g_autoptr(NylRedirectUri) original = g_list_model_get_item (existing, 0);
  NylRedirectUriDialog *dialog = nyl_redirect_uri_dialog_new (f->session, existing, NULL);

  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &saved);

  /* https except localhost. */
  nyl_redirect_uri_dialog_set_field (dialog, "url", "http://app.example.com/callback");
  g_assert_false (nyl_redirect_uri_dialog_save (dialog));
  g_assert_nonnull (g_strstr_len (nyl_redirect_uri_dialog_get_error (dialog, "url"), -1, "https"));

  /* Duplicates are refused before asking the server. */
  nyl_redirect_uri_dialog_set_field (dialog, "url", nyl_redirect_uri_get_url (original));
  nyl_redirect_uri_dialog_set_field (dialog, "platform", nyl_redirect_uri_get_platform (original));
  g_assert_false (nyl_redirect_uri_dialog_save (dialog));
  g_assert_nonnull (g_strstr_len (nyl_redirect_uri_dialog_get_error (dialog, "url"), -1,
                                  "already registered"));

  /* Each platform's required settings. */
  nyl_redirect_uri_dialog_set_field (dialog, "url", "https://new.acme.example/js");
  nyl_redirect_uri_dialog_set_field (dialog, "platform", "js");
  g_assert_false (nyl_redirect_uri_dialog_save (dialog));
  g_assert_nonnull (nyl_redirect_uri_dialog_get_error (dialog, "origin"));
  g_assert_null (nyl_redirect_uri_dialog_get_error (dialog, "url"));

  nyl_redirect_uri_dialog_set_field (dialog, "url", "com.acme.new://callback");
  nyl_redirect_uri_dialog_set_field (dialog, "platform", "android");
  nyl_redirect_uri_dialog_set_field (dialog, "package-name", "com.acme.new");
  nyl_redirect_uri_dialog_set_field (dialog, "fingerprint", "5e8f16062ea3cd2c4a0d547876baa6f3");
  g_assert_false (nyl_redirect_uri_dialog_save (dialog));
  g_assert_nonnull (nyl_redirect_uri_dialog_get_error (dialog, "fingerprint"));
  g_assert_null (nyl_redirect_uri_dialog_get_error (dialog, "package-name"));

  /* A fingerprint pasted without colons is sent in the AB:CD form. */
  nyl_redirect_uri_dialog_set_field (dialog, "fingerprint",
                                     "5e8f16062ea3cd2c4a0d547876baa6f38cabf625");
  g_assert_true (nyl_redirect_uri_dialog_save (dialog));
  WAIT_UNTIL (saved != NULL);
  g_assert_cmpstr (nyl_redirect_uri_get_platform (saved), ==, "android");
  g_assert_cmpstr (nyl_redirect_uri_get_package_name (saved), ==, "com.acme.new");
  g_assert_cmpstr (nyl_redirect_uri_get_sha1_certificate_fingerprint (saved), ==,
                   "5E:8F:16:06:2E:A3:CD:2C:4A:0D:54:78:76:BA:A6:F3:8C:AB:F6:25");
  /* Saving closed the dialog. */
  WAIT_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_ref (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);

  /* Editing keeps the ID. */
  dialog = nyl_redirect_uri_dialog_new (f->session, existing, original);
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &edited);
  nyl_redirect_uri_dialog_set_field (dialog, "url", "https://edited.acme.example/callback");
  nyl_redirect_uri_dialog_set_field (dialog, "platform", "web");
  g_assert_true (nyl_redirect_uri_dialog_save (dialog));
  WAIT_UNTIL (edited != NULL);
  g_assert_cmpstr (nyl_resource_get_id (NYL_RESOURCE (edited)), ==,
                   nyl_resource_get_id (NYL_RESOURCE (original)));
  g_assert_cmpstr (nyl_redirect_uri_get_url (edited), ==, "https://edited.acme.example/callback");
  g_object_ref (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

static void
test_add_application_window (MtFixture     *f,
                             gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (f->dir, "profiles.json", NULL);
  g_autofree char *bad_path = g_build_filename (f->dir, "not-credentials.json", NULL);
  g_autoptr(NylProfileStore) store = nyl_profile_store_new_for_path (path);
  g_autoptr(NylProfile) existing = nyl_profile_new (NULL, "Acme");
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr(GFile) good_file = NULL;
  g_autoptr(GError) error = NULL;
  NylAddApplicationWindow *window;

  nyl_profile_set_region (existing, "us");
  g_assert_true (nyl_profile_store_add (store, existing, &error));
  g_assert_no_error (error);
  window = nyl_add_application_window_new (store);
  g_assert_cmpstr (nyl_add_application_window_get_path (window), ==, "api-key");

  /* Nothing filled in: each field says what it needs; nothing is sent. */
  g_assert_false (nyl_add_application_window_add (window));
  g_assert_false (nyl_add_application_window_get_busy (window));
  g_assert_nonnull (nyl_add_application_window_get_error (window, "name"));
  g_assert_nonnull (nyl_add_application_window_get_error (window, "api-key"));
  g_assert_null (nyl_add_application_window_get_error (window, "region"));

  /* A name in use, a mangled key, a custom URL in the clear. */
  nyl_add_application_window_set_field (window, "name", "Acme");
  nyl_add_application_window_set_field (window, "api-key", "nyk_v0_abc def");
  nyl_add_application_window_set_field (window, "region", "eu");
  nyl_add_application_window_set_field (window, "api-url", "http://api.example.com");
  g_assert_false (nyl_add_application_window_add (window));
  g_assert_nonnull (g_strstr_len (nyl_add_application_window_get_error (window, "name"), -1,
                                  "already has this name"));
  g_assert_nonnull (nyl_add_application_window_get_error (window, "api-key"));
  g_assert_nonnull (g_strstr_len (nyl_add_application_window_get_error (window, "api-url"), -1,
                                  "https"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);

  /* The Service Account path: the file is read and checked at once. */
  nyl_add_application_window_set_path (window, "service-account");
  g_assert_true (g_file_set_contents (bad_path, "{\"type\":\"not a service account\"}", -1, NULL));
  nyl_add_application_window_load_file (window, bad_file);
  WAIT_UNTIL (nyl_add_application_window_get_error (window, "file") != NULL);
  g_assert_null (nyl_add_application_window_get_file_name (window));
  g_assert_nonnull (g_strstr_len (nyl_add_application_window_get_error (window, "file"), -1,
                                  "not a usable credentials file"));

  good_file = g_file_new_for_path (nyl_sandbox_get_service_account_file (f->sandbox));
  nyl_add_application_window_load_file (window, good_file);
  WAIT_UNTIL (nyl_add_application_window_get_file_name (window) != NULL ||
              nyl_add_application_window_get_error (window, "file") != NULL);
  g_assert_cmpstr (nyl_add_application_window_get_error (window, "file"), ==, NULL);

  nyl_add_application_window_set_field (window, "name", "Acme SA");
  nyl_add_application_window_set_field (window, "application-id", "not an id");
  g_assert_false (nyl_add_application_window_add (window));
  g_assert_nonnull (nyl_add_application_window_get_error (window, "application-id"));
  g_assert_null (nyl_add_application_window_get_error (window, "file"));
  g_assert_null (nyl_add_application_window_get_error (window, "name"));

  destroy_and_assert_finalized (GTK_WINDOW (window));
}

static void
test_window_with_session (MtFixture     *f,
                          gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (f->dir, "profiles.json", NULL);
  g_autoptr(NylProfileStore) store = nyl_profile_store_new_for_path (path);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;
  NylWindow *window;
  NylOverviewPage *overview;

  window = g_object_new (NYL_TYPE_WINDOW, "profile-store", store, NULL);
  g_assert_true (nyl_window_get_profile_store (window) == store);
  g_assert_false (nyl_window_set_section (window, "overview"));

  nyl_window_set_session (window, f->session);
  g_assert_true (nyl_window_get_session (window) == f->session);
  g_assert_cmpstr (nyl_window_get_section (window), ==, "overview");
  /* Reopened at the next start. */
  last = g_settings_get_string (settings, "last-profile");
  g_assert_cmpstr (last, ==, nyl_profile_get_id (f->profile));

  /* The pages follow the session. */
  overview = NYL_OVERVIEW_PAGE (nyl_window_get_page (window, "overview"));
  g_assert_true (nyl_overview_page_get_session (overview) == f->session);
  g_assert_true (nyl_redirect_uris_page_get_session (
                   NYL_REDIRECT_URIS_PAGE (nyl_window_get_page (window, "redirect-uris")))
                 == f->session);
  WAIT_UNTIL (!nyl_overview_page_get_loading (overview));

  /* Every section can be shown, the later issues' ones included; the
   * checklist's buttons lead there. */
  g_assert_true (nyl_window_set_section (window, "settings"));
  g_assert_true (nyl_window_set_section (window, "api-keys"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s",
                                             "redirect-uris"));
  g_assert_cmpstr (nyl_window_get_section (window), ==, "redirect-uris");
  WAIT_UNTIL (!nyl_redirect_uris_page_get_loading (
                NYL_REDIRECT_URIS_PAGE (nyl_window_get_page (window, "redirect-uris"))));
  WAIT_UNTIL (!nyl_settings_page_get_busy (NYL_SETTINGS_PAGE (nyl_window_get_page (window,
                                                                                     "settings"))));

  /* An application that cannot be opened says why. */
  error = g_error_new_literal (NYL_API_ERROR, NYL_API_ERROR_KEYRING_LOCKED, "locked");
  nyl_window_set_session (window, NULL);
  g_assert_cmpstr (nyl_window_get_section (window), ==, "welcome");
  nyl_window_show_open_error (window, f->profile, error);
  g_assert_cmpstr (nyl_window_get_section (window), ==, "profile-error");
  g_assert_true (has_label (GTK_WIDGET (window), "The Keyring Is Locked"));

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
  g_test_add_func ("/gui/shortcuts/lists-accels", test_shortcuts_window_lists_accels);
  g_test_add_func ("/gui/style/present", test_style_sheet_present);
  g_test_add_func ("/gui/banner", test_banner);
  g_test_add_func ("/gui/badge", test_badge);
  g_test_add_func ("/gui/state-stack", test_state_stack);
  g_test_add_func ("/gui/confirm-dialog", test_confirm_dialog);
  g_test_add_func ("/gui/health-card", test_health_card);
  g_test_add_func ("/gui/checklist-row", test_checklist_row);
  g_test_add_func ("/gui/profile-switcher", test_profile_switcher);
  g_test_add_func ("/gui/redirect-uri-row", test_redirect_uri_row);
  g_test_add ("/gui/overview-page", MtFixture, GUINT_TO_POINTER (20), mt_fixture_setup,
              test_overview_page, mt_fixture_teardown);
  g_test_add ("/gui/overview-page/error", MtFixture, GUINT_TO_POINTER (20), mt_fixture_setup,
              test_overview_page_error, mt_fixture_teardown);
  g_test_add ("/gui/settings-page", MtFixture, GUINT_TO_POINTER (20), mt_fixture_setup,
              test_settings_page, mt_fixture_teardown);
  g_test_add ("/gui/redirect-uris-page", MtFixture, GUINT_TO_POINTER (20), mt_fixture_setup,
              test_redirect_uris_page, mt_fixture_teardown);
  g_test_add ("/gui/redirect-uri-dialog", MtFixture, GUINT_TO_POINTER (20), mt_fixture_setup,
              test_redirect_uri_dialog, mt_fixture_teardown);
  g_test_add ("/gui/add-application-window", MtFixture, GUINT_TO_POINTER (20),
              mt_fixture_setup, test_add_application_window, mt_fixture_teardown);
  g_test_add ("/gui/window/session", MtFixture, GUINT_TO_POINTER (20), mt_fixture_setup,
              test_window_with_session, mt_fixture_teardown);

  return g_test_run ();
}
