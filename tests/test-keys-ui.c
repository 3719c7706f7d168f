/* test-keys-ui.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The API keys and domains views, driven as a person would, against the
 * in-process sandbox and a private keyring: a new key's secret shown once
 * and kept in the keyring (or kept on screen when the keyring fails), the
 * one-year warning, every failure point of a roll shown as it is (the old
 * key never revoked before the new one is stored and verified), a scheduled
 * revocation surviving a restart, revoking, expiry notifications, the
 * Service Account group, and domains.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "keyring-test-util.h"
#include "model-test-util.h"
#include "nyl-api-key-row.h"
#include "nyl-api-keys-page.h"
#include "nyl-create-key-dialog.h"
#include "nyl-domain-dialog.h"
#include "nyl-domains-page.h"
#include "nyl-expiry-radar.h"
#include "nyl-key-monitor.h"
#include "nyl-keys-ui.h"
#include "nyl-pending-revocations.h"
#include "nyl-profile-store.h"
#include "nyl-radar-entry.h"
#include "nyl-roll-key-dialog.h"
#include "nyl-secret-dialog.h"
#include "nyl-service-account-group.h"

#define DAY ((gint64)86400)

/* Waiting, never for ever */

typedef gboolean (*Condition) (gpointer data);

static void
wait_for (Condition   condition,
          gpointer    data,
          const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }
}

static void
settle (void)
{
  sbt_iterate (50);
}

static gboolean
page_loaded (gpointer data)
{
  return !nyl_api_keys_page_get_loading (data);
}

static gboolean
domains_loaded (gpointer data)
{
  return !nyl_domains_page_get_loading (data);
}

static gboolean
has_keyring (void)
{
  return g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL;
}

#define REQUIRE_KEYRING()                                                  \
  G_STMT_START {                                                           \
    if (!has_keyring ())                                                   \
      {                                                                    \
        g_test_skip ("needs a session bus with a Secret Service");         \
        return;                                                            \
      }                                                                    \
  } G_STMT_END

/* Toplevels */

static GtkWindow *
find_toplevel (GType       type,
               const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (!G_TYPE_CHECK_INSTANCE_TYPE (window, type) ||
          !gtk_widget_get_visible (GTK_WIDGET (window)))
        continue;
      if (heading != NULL && ADW_IS_MESSAGE_DIALOG (window) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) != 0)
        continue;

      return window;
    }

  return NULL;
}

typedef struct
{
  GType       type;
  const char *heading;
} Lookup;

static gboolean
toplevel_shown (gpointer data)
{
  Lookup *lookup = data;

  return find_toplevel (lookup->type, lookup->heading) != NULL;
}

static gboolean
toplevel_gone (gpointer data)
{
  Lookup *lookup = data;

  return find_toplevel (lookup->type, lookup->heading) == NULL;
}

static GtkWindow *
await_toplevel (GType       type,
                const char *heading)
{
  Lookup lookup = { type, heading };

  wait_for (toplevel_shown, &lookup, heading != NULL ? heading : g_type_name (type));

  return find_toplevel (type, heading);
}

static void
await_no_toplevel (GType type)
{
  Lookup lookup = { type, NULL };

  wait_for (toplevel_gone, &lookup, "a window to close");
}

/* Presses a button of @window by its label, as a user would. */
static void
press (gpointer    window,
       const char *label)
{
  GtkWidget *button = nyl_keys_ui_find_button (GTK_WIDGET (window), label);

  if (button == NULL)
    g_error ("No button “%s”", label);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
answer_message (const char *heading,
                const char *response_label)
{
  GtkWindow *dialog = await_toplevel (ADW_TYPE_MESSAGE_DIALOG, heading);

  press (dialog, response_label);
  settle ();
}

static void
destroy_window (gpointer window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
close_all_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  settle ();
}

/* The fixture: a sandbox, a session with its Service Account, XDG dirs of
 * our own, and a window holding an API keys page. */

typedef struct
{
  MtFixture       mt;
  GtkWindow      *window;
  NylApiKeysPage *page;
  NylKeyMonitor  *monitor;
  gint64          now;
} Fixture;

static gint64
fixture_clock (gpointer user_data)
{
  Fixture *f = user_data;

  return f->now != 0 ? f->now : g_get_real_time () / G_USEC_PER_SEC;
}

static void
open_page (Fixture *f)
{
  f->monitor = nyl_key_monitor_new (NULL);
  nyl_key_monitor_set_clock (f->monitor, fixture_clock, f);

  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, 800, 600);
  f->page = NYL_API_KEYS_PAGE (nyl_api_keys_page_new ());
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->page));
  nyl_api_keys_page_set_monitor (f->page, f->monitor);
  nyl_api_keys_page_set_session (f->page, f->mt.session);
  gtk_window_present (f->window);
  wait_for (page_loaded, f->page, "the keys to load");
}

static void
close_page (Fixture *f)
{
  close_all_toplevels ();
  f->window = NULL;
  f->page = NULL;
  g_clear_object (&f->monitor);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  user_data)
{
  mt_fixture_setup (&f->mt, GUINT_TO_POINTER (10));
  nyl_profile_set_environment (f->mt.profile, "production");
  open_page (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  user_data)
{
  nyl_model_set_store_failure_for_testing (NULL);
  close_page (f);
  if (has_keyring ())
    kt_clear_profile (nyl_profile_get_id (f->mt.profile));
  mt_fixture_teardown (&f->mt, NULL);
}

static NylApiKey *
shown_key (Fixture    *f,
           const char *name)
{
  GListModel *keys = nyl_api_keys_page_get_keys (f->page);

  for (guint i = 0; i < g_list_model_get_n_items (keys); i++)
    {
      g_autoptr(NylApiKey) key = g_list_model_get_item (keys, i);

      if (g_strcmp0 (nyl_api_key_get_name (key), name) == 0)
        return key;
    }

  return NULL;
}

static const char *
shown_key_id (Fixture    *f,
              const char *name)
{
  NylApiKey *key = shown_key (f, name);

  g_assert_nonnull (key);

  return nyl_resource_get_id (NYL_RESOURCE (key));
}

static void
reload (Fixture *f)
{
  nyl_api_keys_page_reload (f->page);
  wait_for (page_loaded, f->page, "the keys to reload");
}

static char *
shown_names (Fixture *f)
{
  GListModel *keys = nyl_api_keys_page_get_shown_keys (f->page);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (keys); i++)
    {
      g_autoptr(NylApiKey) key = g_list_model_get_item (keys, i);

      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, nyl_api_key_get_name (key));
    }

  return g_string_free (out, FALSE);
}

static GtkWidget *
find_child_of_type (GtkWidget *widget,
                    GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static char *
clipboard_text (GtkWidget *widget)
{
  GdkContentProvider *content = gdk_clipboard_get_content (gtk_widget_get_clipboard (widget));
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));

  return g_value_dup_string (&value);
}

/* The row: status, countdown and its colour */

static NylApiKey *
make_key (const char *name,
          gint64      created_at,
          gint64      expires_at,
          const char *status)
{
  g_autofree char *json = g_strdup_printf ("{\"id\": \"key-%s\", \"name\": \"%s\", "
                                           "\"status\": \"%s\", "
                                           "\"created_at\": %" G_GINT64_FORMAT ", "
                                           "\"expires_at\": %" G_GINT64_FORMAT "}",
                                           name, name, status, created_at, expires_at);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  NylApiKey *key = nyl_resource_new_from_json (NYL_TYPE_API_KEY, node, &error);

  g_assert_no_error (error);

  return key;
}

static void
test_row (void)
{
  gint64 now = 1772323200;
  g_autoptr(NylApiKey) key = make_key ("ci", now - 60 * DAY, now + 45 * DAY, "active");
  NylApiKeyRow *row = NYL_API_KEY_ROW (g_object_ref_sink (nyl_api_key_row_new (NULL)));

  nyl_api_key_row_set_now (row, now);
  nyl_api_key_row_set_key (row, key);

  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "ci");
  g_assert_cmpstr (nyl_api_key_row_get_status_text (row), ==, "Active");
  g_assert_cmpstr (nyl_api_key_row_get_countdown (row), ==, "in 45 days");
  g_assert_cmpint (nyl_api_key_row_get_urgency (row), ==, NYL_EXPIRY_URGENCY_NONE);

  /* Under 30 days: a warning colour; under 7: an error colour. */
  nyl_api_key_row_set_now (row, now + 20 * DAY);
  g_assert_cmpstr (nyl_api_key_row_get_countdown (row), ==, "in 25 days");
  g_assert_cmpint (nyl_api_key_row_get_urgency (row), ==, NYL_EXPIRY_URGENCY_SOON);
  g_assert_cmpstr (nyl_keys_ui_urgency_css_class (NYL_EXPIRY_URGENCY_SOON), ==, "warning");
  nyl_api_key_row_set_now (row, now + 40 * DAY);
  g_assert_cmpint (nyl_api_key_row_get_urgency (row), ==, NYL_EXPIRY_URGENCY_URGENT);
  g_assert_cmpstr (nyl_keys_ui_urgency_css_class (NYL_EXPIRY_URGENCY_URGENT), ==, "error");
  nyl_api_key_row_set_now (row, now + 46 * DAY);
  g_assert_cmpstr (nyl_api_key_row_get_status_text (row), ==, "Expired");
  g_assert_cmpstr (nyl_api_key_row_get_countdown (row), ==, "expired 1 day ago");

  /* A local label is the title; the server's name moves to the subtitle. */
  nyl_api_key_row_set_label (row, "Deploys");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Deploys");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "ci · "));

  /* A scheduled revocation shows as the status. */
  nyl_api_key_row_set_now (row, now);
  nyl_api_key_row_set_revoke_at (row, now + DAY);
  g_assert_true (g_str_has_prefix (nyl_api_key_row_get_status_text (row), "Revoked on "));

  g_assert_finalize_object (row);
}

/* The list: every key, sorted and filtered */

static void
test_list_sort_filter (Fixture       *f,
                       gconstpointer  user_data)
{
  g_autofree char *by_expiry = NULL;
  g_autofree char *by_name = NULL;
  g_autofree char *expired = NULL;
  g_autofree char *expiring = NULL;
  g_autofree char *searched = NULL;
  g_autofree char *by_label = NULL;
  g_autoptr(GError) error = NULL;
  GtkDropDown *sort;
  GtkDropDown *filter;
  GtkEditable *search;
  GtkWidget *row;

  g_assert_cmpstr (nyl_api_keys_page_get_mode (f->page), ==, "keys");
  g_assert_cmpuint (g_list_model_get_n_items (nyl_api_keys_page_get_keys (f->page)), ==, 3);

  /* Soonest expiry first (the expired one, then the one expiring within a week). */
  by_expiry = shown_names (f);
  g_assert_cmpstr (by_expiry, ==, "Legacy integration, CI pipeline, Sandbox default");

  row = nyl_api_keys_page_find_row (f->page, shown_key_id (f, "CI pipeline"));
  g_assert_nonnull (row);
  g_assert_cmpint (nyl_api_key_row_get_urgency (NYL_API_KEY_ROW (row)), ==,
                   NYL_EXPIRY_URGENCY_URGENT);

  sort = GTK_DROP_DOWN (find_child_of_type (GTK_WIDGET (f->page), GTK_TYPE_DROP_DOWN));
  filter = sort;
  /* The first drop-down is "Show", the second "Sort by". */
  sort = GTK_DROP_DOWN (find_child_of_type (gtk_widget_get_next_sibling (GTK_WIDGET (filter)),
                                            GTK_TYPE_DROP_DOWN));
  gtk_drop_down_set_selected (sort, 1);
  by_name = shown_names (f);
  g_assert_cmpstr (by_name, ==, "CI pipeline, Legacy integration, Sandbox default");

  gtk_drop_down_set_selected (filter, 3);
  expired = shown_names (f);
  g_assert_cmpstr (expired, ==, "Legacy integration");
  gtk_drop_down_set_selected (filter, 2);
  expiring = shown_names (f);
  g_assert_cmpstr (expiring, ==, "CI pipeline");
  gtk_drop_down_set_selected (filter, 0);

  search = GTK_EDITABLE (find_child_of_type (GTK_WIDGET (f->page), GTK_TYPE_SEARCH_ENTRY));
  gtk_editable_set_text (search, "sandbox");
  /* The search entry reports changes after a short delay. */
  g_signal_emit_by_name (search, "search-changed");
  searched = shown_names (f);
  g_assert_cmpstr (searched, ==, "Sandbox default");

  /* A local label can be searched for, and sorts by itself. */
  g_assert_true (nyl_key_labels_set (nyl_key_monitor_get_labels (f->monitor),
                                     nyl_profile_get_id (f->mt.profile),
                                     shown_key_id (f, "Legacy integration"), "Archive job",
                                     &error));
  g_assert_no_error (error);
  gtk_editable_set_text (search, "archive");
  g_signal_emit_by_name (search, "search-changed");
  by_label = shown_names (f);
  g_assert_cmpstr (by_label, ==, "Legacy integration");
  row = nyl_api_keys_page_find_row (f->page, shown_key_id (f, "Legacy integration"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Archive job");

  /* Set Label…: a dialog with the current label, saved on this computer. */
  gtk_editable_set_text (search, "");
  g_signal_emit_by_name (search, "search-changed");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "keys.label", "s",
                              shown_key_id (f, "CI pipeline"));
  {
    GtkWindow *dialog = await_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Label for “CI pipeline”");
    GtkEditable *entry = GTK_EDITABLE (find_child_of_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY));

    g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
    gtk_editable_set_text (entry, "Deploys from CI");
    press (dialog, "_Save");
    settle ();
  }
  g_assert_cmpstr (nyl_key_labels_get (nyl_key_monitor_get_labels (f->monitor),
                                       nyl_profile_get_id (f->mt.profile),
                                       shown_key_id (f, "CI pipeline")), ==, "Deploys from CI");
  row = nyl_api_keys_page_find_row (f->page, shown_key_id (f, "CI pipeline"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Deploys from CI");
}

/* Create → secret once → keyring */

static NylSecretDialog *
create_key_through_dialog (Fixture    *f,
                           const char *name,
                           guint       days)
{
  NylCreateKeyDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (f->page), "keys.create", NULL);
  dialog = NYL_CREATE_KEY_DIALOG (await_toplevel (NYL_TYPE_CREATE_KEY_DIALOG, NULL));
  nyl_create_key_dialog_set_name (dialog, name);
  nyl_create_key_dialog_set_preset_days (dialog, days);
  g_assert_false (nyl_create_key_dialog_get_needs_warning (dialog));
  press (dialog, "C_reate");

  return NYL_SECRET_DIALOG (await_toplevel (NYL_TYPE_SECRET_DIALOG, NULL));
}

static void
test_create_secret_once_keyring (Fixture       *f,
                                 gconstpointer  user_data)
{
  NylSecretDialog *secret_dialog;
  g_autoptr(NylApiKey) key = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *secret = NULL;
  const char *key_id;

  REQUIRE_KEYRING ();

  secret_dialog = create_key_through_dialog (f, "Laptop", 30);
  await_no_toplevel (NYL_TYPE_CREATE_KEY_DIALOG);

  key = g_object_ref (nyl_secret_dialog_get_key (secret_dialog));
  key_id = nyl_resource_get_id (NYL_RESOURCE (key));
  secret = g_strdup (nyl_api_key_get_secret (key));
  g_assert_nonnull (secret);

  /* Stored: the dialog says so and can be closed at once. */
  g_assert_true (nyl_secret_dialog_get_stored (secret_dialog));
  g_assert_cmpstr (nyl_secret_dialog_get_status_text (secret_dialog), ==, "Stored in the keyring");
  g_assert_true (nyl_secret_dialog_get_can_close (secret_dialog));
  stored = kt_lookup (nyl_profile_get_id (f->mt.profile), NYL_SECRET_KIND_API_KEY, key_id);
  g_assert_cmpstr (stored, ==, secret);

  /* Copy puts the secret on the clipboard. */
  press (secret_dialog, "_Copy Secret");
  {
    g_autofree char *copied = clipboard_text (GTK_WIDGET (secret_dialog));

    g_assert_cmpstr (copied, ==, secret);
  }

  /* Once closed, the secret is gone from the key. */
  press (secret_dialog, "_Done");
  await_no_toplevel (NYL_TYPE_SECRET_DIALOG);
  g_assert_false (nyl_api_key_has_secret (key));

  /* The list has the new key, expiring in 30 days. */
  wait_for (page_loaded, f->page, "the keys to reload");
  g_assert_nonnull (nyl_api_keys_page_find_row (f->page, key_id));
  g_assert_cmpint (nyl_api_key_get_expires_at (shown_key (f, "Laptop")) -
                   nyl_api_key_get_created_at (shown_key (f, "Laptop")), ==, 30 * DAY);
}

static void
test_create_keyring_fails (Fixture       *f,
                           gconstpointer  user_data)
{
  g_autoptr(GError) locked = g_error_new_literal (NYL_API_ERROR, NYL_API_ERROR_KEYRING_LOCKED,
                                                  "The keyring is locked");
  NylSecretDialog *secret_dialog;
  g_autofree char *secret = NULL;
  g_autofree char *copied = NULL;

  nyl_model_set_store_failure_for_testing (locked);

  /* First: copied, then closed. */
  secret_dialog = create_key_through_dialog (f, "Unstored", 90);
  secret = g_strdup (nyl_api_key_get_secret (nyl_secret_dialog_get_key (secret_dialog)));
  g_assert_nonnull (secret);
  g_assert_false (nyl_secret_dialog_get_stored (secret_dialog));
  g_assert_nonnull (strstr (nyl_secret_dialog_get_status_text (secret_dialog),
                            "Not stored in the keyring: The keyring is locked"));
  g_assert_false (nyl_secret_dialog_get_can_close (secret_dialog));
  g_assert_false (gtk_widget_is_sensitive (nyl_keys_ui_find_button (GTK_WIDGET (secret_dialog),
                                                                     "_Done")));

  /* Closing (the window's close button, Escape) is refused: the secret stays on screen. */
  gtk_window_close (GTK_WINDOW (secret_dialog));
  settle ();
  g_assert_true (find_toplevel (NYL_TYPE_SECRET_DIALOG, NULL) == GTK_WINDOW (secret_dialog));
  g_assert_true (nyl_api_key_has_secret (nyl_secret_dialog_get_key (secret_dialog)));
  gtk_widget_activate_action (GTK_WIDGET (secret_dialog), "window.close", NULL);
  settle ();
  g_assert_true (find_toplevel (NYL_TYPE_SECRET_DIALOG, NULL) == GTK_WINDOW (secret_dialog));

  press (secret_dialog, "_Copy Secret");
  copied = clipboard_text (GTK_WIDGET (secret_dialog));
  g_assert_cmpstr (copied, ==, secret);
  g_assert_true (nyl_secret_dialog_get_can_close (secret_dialog));
  press (secret_dialog, "_Done");
  await_no_toplevel (NYL_TYPE_SECRET_DIALOG);

  /* Second: discarded on purpose, after a confirmation. */
  secret_dialog = create_key_through_dialog (f, "Discarded", 90);
  g_assert_false (nyl_secret_dialog_get_can_close (secret_dialog));
  press (secret_dialog, "_Discard Secret…");
  /* Changing one's mind keeps the dialog. */
  answer_message ("Discard the Secret of “Discarded”?", "_Cancel");
  g_assert_true (find_toplevel (NYL_TYPE_SECRET_DIALOG, NULL) == GTK_WINDOW (secret_dialog));
  press (secret_dialog, "_Discard Secret…");
  answer_message ("Discard the Secret of “Discarded”?", "_Discard");
  await_no_toplevel (NYL_TYPE_SECRET_DIALOG);
}

static void
test_one_year_warning (Fixture       *f,
                       gconstpointer  user_data)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GDateTime) far = g_date_time_new_from_unix_local (now + 400 * DAY);
  g_autoptr(GError) locked = g_error_new_literal (NYL_API_ERROR, NYL_API_ERROR_KEYRING_LOCKED,
                                                  "locked");
  NylCreateKeyDialog *dialog;
  NylSecretDialog *secret_dialog;
  guint days;

  /* The store fails so this test needs no keyring; the secret dialog still comes. */
  nyl_model_set_store_failure_for_testing (locked);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "keys.create", NULL);
  dialog = NYL_CREATE_KEY_DIALOG (await_toplevel (NYL_TYPE_CREATE_KEY_DIALOG, NULL));
  nyl_create_key_dialog_set_name (dialog, "Long lived");

  /* A year exactly is fine. */
  nyl_create_key_dialog_set_preset_days (dialog, 365);
  g_assert_false (nyl_create_key_dialog_get_needs_warning (dialog));

  /* A custom date is sent as days; past a year, production warns. */
  nyl_create_key_dialog_set_custom_date (dialog, far);
  days = nyl_create_key_dialog_get_expires_in_days (dialog);
  g_assert_cmpuint (days, >=, 400);
  g_assert_cmpuint (days, <=, 401);
  g_assert_true (nyl_create_key_dialog_get_needs_warning (dialog));

  /* Going back creates nothing. */
  press (dialog, "C_reate");
  answer_message ("Create a Key That Lives More Than a Year?", "_Cancel");
  g_assert_false (nyl_create_key_dialog_get_busy (dialog));
  g_assert_null (find_toplevel (NYL_TYPE_SECRET_DIALOG, NULL));
  reload (f);
  g_assert_null (shown_key (f, "Long lived"));

  /* Creating anyway does. */
  press (dialog, "C_reate");
  answer_message ("Create a Key That Lives More Than a Year?", "Create _Anyway");
  secret_dialog = NYL_SECRET_DIALOG (await_toplevel (NYL_TYPE_SECRET_DIALOG, NULL));
  g_assert_cmpint (nyl_api_key_get_expires_at (nyl_secret_dialog_get_key (secret_dialog)) -
                   nyl_api_key_get_created_at (nyl_secret_dialog_get_key (secret_dialog)), ==,
                   days * DAY);
  press (secret_dialog, "_Copy Secret");
  press (secret_dialog, "_Done");

  /* A staging application is not warned. */
  nyl_profile_set_environment (f->mt.profile, "staging");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "keys.create", NULL);
  dialog = NYL_CREATE_KEY_DIALOG (await_toplevel (NYL_TYPE_CREATE_KEY_DIALOG, NULL));
  nyl_create_key_dialog_set_custom_date (dialog, far);
  g_assert_false (nyl_create_key_dialog_get_needs_warning (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  await_no_toplevel (NYL_TYPE_CREATE_KEY_DIALOG);
}

/* Rolls: every failure point */

static gboolean
roll_finished (gpointer data)
{
  return nyl_roll_key_dialog_get_finished (data);
}

static NylRollKeyDialog *
start_roll (Fixture         *f,
            const char      *name,
            NylRevokePolicy  policy,
            gint64           revoke_at)
{
  NylRollKeyDialog *dialog;
  GVariant *target = g_variant_new_string (shown_key_id (f, name));

  gtk_widget_activate_action_variant (GTK_WIDGET (f->page), "keys.roll", target);
  dialog = NYL_ROLL_KEY_DIALOG (await_toplevel (NYL_TYPE_ROLL_KEY_DIALOG, NULL));
  nyl_roll_key_dialog_set_expires_in_days (dialog, 30);
  nyl_roll_key_dialog_set_policy (dialog, policy, revoke_at);

  return dialog;
}

static void
run_roll_dialog (NylRollKeyDialog *dialog)
{
  press (dialog, "_Roll");
  wait_for (roll_finished, dialog, "the roll to end");
}

static gboolean
key_on_server (Fixture    *f,
               const char *key_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) keys = NULL;
  g_autoptr(GError) error = NULL;

  nyl_session_list_async (f->mt.session, NYL_TYPE_API_KEY, NULL, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  keys = nyl_session_list_finish (f->mt.session, result, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (keys); i++)
    {
      g_autoptr(NylResource) key = g_list_model_get_item (keys, i);

      if (g_strcmp0 (nyl_resource_get_id (key), key_id) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
assert_steps (NylRollKeyDialog *dialog,
              NylRollStepState  create,
              NylRollStepState  store,
              NylRollStepState  verify,
              NylRollStepState  old_key)
{
  g_assert_cmpint (nyl_roll_key_dialog_get_step_state (dialog, NYL_ROLL_ROW_CREATE), ==, create);
  g_assert_cmpint (nyl_roll_key_dialog_get_step_state (dialog, NYL_ROLL_ROW_STORE), ==, store);
  g_assert_cmpint (nyl_roll_key_dialog_get_step_state (dialog, NYL_ROLL_ROW_VERIFY), ==, verify);
  g_assert_cmpint (nyl_roll_key_dialog_get_step_state (dialog, NYL_ROLL_ROW_OLD_KEY), ==, old_key);
}

static void
fail_revocation_cb (NylKeyRoll *roll,
                    GParamSpec *pspec,
                    Fixture    *f)
{
  g_autofree char *json = NULL;

  if (!nyl_key_roll_has_step (roll) || nyl_key_roll_get_step (roll) != NYL_KEY_ROLL_VERIFIED)
    return;

  /* From here on, the old key's path fails: its revocation does. */
  json = g_strdup_printf ("\"/v3/admin/applications/%s/api-keys/%s\"",
                          nyl_sandbox_get_application_id (f->mt.sandbox),
                          nyl_key_roll_get_old_key_id (roll));
  mt_fault (f->mt.sandbox, "path_prefix", json);
  mt_fault (f->mt.sandbox, "error_count", "10");
}

/* A key made through the model (the new key of a roll is named after the old
 * one and the second it was rolled, so each roll below gets a key of its own). */
static void
add_key (Fixture    *f,
         const char *name)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NylApiKey) key = NULL;

  nyl_api_key_create_async (f->mt.session, name, 90, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  key = nyl_api_key_create_finish (f->mt.session, result, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
test_roll_failures (Fixture       *f,
                    gconstpointer  user_data)
{
  g_autoptr(GError) locked = g_error_new_literal (NYL_API_ERROR, NYL_API_ERROR_KEYRING_LOCKED,
                                                  "The keyring is locked");
  g_autofree char *old_id = NULL;
  g_autofree char *create_prefix = NULL;
  NylRollKeyDialog *dialog;
  NylSecretDialog *secret_dialog;

  REQUIRE_KEYRING ();

  add_key (f, "Roll store");
  add_key (f, "Roll verify");
  add_key (f, "Roll revoke");
  add_key (f, "Roll works");
  reload (f);
  old_id = g_strdup (shown_key_id (f, "CI pipeline"));

  /* 1. The new key cannot be created: nothing changed. */
  create_prefix = g_strdup_printf ("\"/v3/admin/applications/%s/api-keys\"",
                                   nyl_sandbox_get_application_id (f->mt.sandbox));
  mt_fault (f->mt.sandbox, "path_prefix", create_prefix);
  mt_fault (f->mt.sandbox, "error_count", "100");
  dialog = start_roll (f, "CI pipeline", NYL_REVOKE_NOW, 0);
  run_roll_dialog (dialog);
  mt_fault (f->mt.sandbox, "error_count", "0");
  assert_steps (dialog, NYL_ROLL_STEP_FAILED, NYL_ROLL_STEP_SKIPPED, NYL_ROLL_STEP_SKIPPED,
                NYL_ROLL_STEP_SKIPPED);
  g_assert_true (g_str_has_prefix (nyl_roll_key_dialog_get_outcome (dialog), "Nothing changed"));
  g_assert_cmpstr (nyl_roll_key_dialog_get_step_detail (dialog, NYL_ROLL_ROW_OLD_KEY), ==,
                   "Not revoked: the new key is not ready");
  g_assert_null (nyl_roll_key_dialog_get_secret_dialog (dialog));
  g_assert_true (key_on_server (f, old_id));
  press (dialog, "_Close");
  await_no_toplevel (NYL_TYPE_ROLL_KEY_DIALOG);

  /* 2. The keyring refuses the new key: its secret is shown, the old key stays. */
  nyl_model_set_store_failure_for_testing (locked);
  dialog = start_roll (f, "Roll store", NYL_REVOKE_NOW, 0);
  run_roll_dialog (dialog);
  nyl_model_set_store_failure_for_testing (NULL);
  assert_steps (dialog, NYL_ROLL_STEP_DONE, NYL_ROLL_STEP_FAILED, NYL_ROLL_STEP_SKIPPED,
                NYL_ROLL_STEP_SKIPPED);
  g_assert_nonnull (strstr (nyl_roll_key_dialog_get_outcome (dialog), "not in the keyring"));
  secret_dialog = NYL_SECRET_DIALOG (await_toplevel (NYL_TYPE_SECRET_DIALOG, NULL));
  g_assert_false (nyl_secret_dialog_get_stored (secret_dialog));
  g_assert_false (nyl_secret_dialog_get_can_close (secret_dialog));
  g_assert_true (key_on_server (f, shown_key_id (f, "Roll store")));
  press (secret_dialog, "_Copy Secret");
  press (secret_dialog, "_Done");
  await_no_toplevel (NYL_TYPE_SECRET_DIALOG);
  press (dialog, "_Close");
  await_no_toplevel (NYL_TYPE_ROLL_KEY_DIALOG);

  /* 3. The new key does not work: the old key stays. */
  mt_fault (f->mt.sandbox, "path_prefix", "\"/v3/applications\"");
  mt_fault (f->mt.sandbox, "error_count", "100");
  dialog = start_roll (f, "Roll verify", NYL_REVOKE_NOW, 0);
  run_roll_dialog (dialog);
  mt_fault (f->mt.sandbox, "error_count", "0");
  assert_steps (dialog, NYL_ROLL_STEP_DONE, NYL_ROLL_STEP_DONE, NYL_ROLL_STEP_FAILED,
                NYL_ROLL_STEP_SKIPPED);
  g_assert_nonnull (strstr (nyl_roll_key_dialog_get_outcome (dialog), "was not revoked"));
  g_assert_true (key_on_server (f, shown_key_id (f, "Roll verify")));
  secret_dialog = NYL_SECRET_DIALOG (await_toplevel (NYL_TYPE_SECRET_DIALOG, NULL));
  g_assert_true (nyl_secret_dialog_get_stored (secret_dialog));
  press (secret_dialog, "_Done");
  await_no_toplevel (NYL_TYPE_SECRET_DIALOG);
  press (dialog, "_Close");
  await_no_toplevel (NYL_TYPE_ROLL_KEY_DIALOG);

  /* 4. Revoking the old key fails: the new one works, the old one still does too. */
  dialog = start_roll (f, "Roll revoke", NYL_REVOKE_NOW, 0);
  press (dialog, "_Roll");
  g_signal_connect (nyl_roll_key_dialog_get_roll (dialog), "notify::step",
                    G_CALLBACK (fail_revocation_cb), f);
  wait_for (roll_finished, dialog, "the roll to end");
  mt_fault (f->mt.sandbox, "error_count", "0");
  assert_steps (dialog, NYL_ROLL_STEP_DONE, NYL_ROLL_STEP_DONE, NYL_ROLL_STEP_DONE,
                NYL_ROLL_STEP_FAILED);
  g_assert_nonnull (strstr (nyl_roll_key_dialog_get_outcome (dialog), "could not be revoked"));
  g_assert_true (key_on_server (f, shown_key_id (f, "Roll revoke")));
  secret_dialog = NYL_SECRET_DIALOG (await_toplevel (NYL_TYPE_SECRET_DIALOG, NULL));
  press (secret_dialog, "_Done");
  await_no_toplevel (NYL_TYPE_SECRET_DIALOG);
  press (dialog, "_Close");
  await_no_toplevel (NYL_TYPE_ROLL_KEY_DIALOG);

  /* 5. Everything works: the old key is revoked. */
  reload (f);
  g_free (old_id);
  old_id = g_strdup (shown_key_id (f, "Roll works"));
  dialog = start_roll (f, "Roll works", NYL_REVOKE_NOW, 0);
  run_roll_dialog (dialog);
  assert_steps (dialog, NYL_ROLL_STEP_DONE, NYL_ROLL_STEP_DONE, NYL_ROLL_STEP_DONE,
                NYL_ROLL_STEP_DONE);
  g_assert_true (g_str_has_prefix (nyl_roll_key_dialog_get_outcome (dialog), "Rolled."));
  g_assert_false (key_on_server (f, old_id));
  secret_dialog = NYL_SECRET_DIALOG (await_toplevel (NYL_TYPE_SECRET_DIALOG, NULL));
  press (secret_dialog, "_Done");
  await_no_toplevel (NYL_TYPE_SECRET_DIALOG);
  press (dialog, "_Close");
  await_no_toplevel (NYL_TYPE_ROLL_KEY_DIALOG);
  wait_for (page_loaded, f->page, "the keys to reload");
  g_assert_null (nyl_api_keys_page_find_row (f->page, old_id));
}

/* A revocation scheduled for later survives a restart and is carried out */

static gboolean
key_gone_from_page (gpointer data)
{
  Fixture *f = data;
  const char *key_id = g_object_get_data (G_OBJECT (f->page), "test-key-id");

  return !nyl_api_keys_page_get_loading (f->page) &&
         nyl_api_keys_page_find_row (f->page, key_id) == NULL &&
         nyl_pending_revocations_lookup (nyl_key_monitor_get_pending (f->monitor), key_id) == NULL;
}

static void
test_pending_revocation_survives_restart (Fixture       *f,
                                          gconstpointer  user_data)
{
  g_autofree char *old_id = NULL;
  NylRollKeyDialog *dialog;
  NylSecretDialog *secret_dialog;
  GtkWidget *row;
  gint64 revoke_at;

  REQUIRE_KEYRING ();

  f->now = g_get_real_time () / G_USEC_PER_SEC;
  revoke_at = f->now + 2 * 3600;
  old_id = g_strdup (shown_key_id (f, "Sandbox default"));

  dialog = start_roll (f, "Sandbox default", NYL_REVOKE_LATER, revoke_at);
  g_assert_cmpint (nyl_roll_key_dialog_get_policy (dialog), ==, NYL_REVOKE_LATER);
  run_roll_dialog (dialog);
  assert_steps (dialog, NYL_ROLL_STEP_DONE, NYL_ROLL_STEP_DONE, NYL_ROLL_STEP_DONE,
                NYL_ROLL_STEP_DONE);
  secret_dialog = NYL_SECRET_DIALOG (await_toplevel (NYL_TYPE_SECRET_DIALOG, NULL));
  press (secret_dialog, "_Done");
  press (dialog, "_Close");
  wait_for (page_loaded, f->page, "the keys to reload");

  /* Both keys work for now; the old one shows when it goes. */
  g_assert_true (key_on_server (f, old_id));
  row = nyl_api_keys_page_find_row (f->page, old_id);
  g_assert_nonnull (row);
  /* The dialog schedules to the minute. */
  g_assert_cmpint (nyl_api_key_row_get_revoke_at (NYL_API_KEY_ROW (row)), ==,
                   revoke_at - revoke_at % 60);

  /* Quit and start again. */
  close_page (f);
  open_page (f);
  row = nyl_api_keys_page_find_row (f->page, old_id);
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (nyl_api_key_row_get_status_text (NYL_API_KEY_ROW (row)),
                                   "Revoked on "));
  g_assert_nonnull (nyl_pending_revocations_lookup (nyl_key_monitor_get_pending (f->monitor),
                                                    old_id));
  g_assert_true (key_on_server (f, old_id));

  /* Three hours later, at the next look, the app revokes it. */
  f->now += 3 * 3600;
  g_object_set_data_full (G_OBJECT (f->page), "test-key-id", g_strdup (old_id), g_free);
  nyl_api_keys_page_reload (f->page);
  wait_for (key_gone_from_page, f, "the scheduled revocation");
  g_assert_false (key_on_server (f, old_id));
}

static void
test_keep_scheduled_key (Fixture       *f,
                         gconstpointer  user_data)
{
  g_autofree char *old_id = NULL;
  NylRollKeyDialog *dialog;
  NylSecretDialog *secret_dialog;
  GtkWidget *row;

  REQUIRE_KEYRING ();

  f->now = g_get_real_time () / G_USEC_PER_SEC;
  old_id = g_strdup (shown_key_id (f, "CI pipeline"));
  dialog = start_roll (f, "CI pipeline", NYL_REVOKE_LATER, f->now + 7 * DAY);
  run_roll_dialog (dialog);
  secret_dialog = NYL_SECRET_DIALOG (await_toplevel (NYL_TYPE_SECRET_DIALOG, NULL));
  press (secret_dialog, "_Done");
  press (dialog, "_Close");
  wait_for (page_loaded, f->page, "the keys to reload");
  g_assert_nonnull (nyl_pending_revocations_lookup (nyl_key_monitor_get_pending (f->monitor),
                                                    old_id));

  /* Changing one's mind: the old key stays. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "keys.cancel-revocation", "s", old_id);
  g_assert_null (nyl_pending_revocations_lookup (nyl_key_monitor_get_pending (f->monitor),
                                                 old_id));
  row = nyl_api_keys_page_find_row (f->page, old_id);
  g_assert_cmpstr (nyl_api_key_row_get_status_text (NYL_API_KEY_ROW (row)), ==, "Active");

  /* Long after the time it was due, it is still there. */
  f->now += 30 * DAY;
  reload (f);
  g_assert_true (key_on_server (f, old_id));
}

/* Revoke, and "this key leaked" */

static void
test_revoke_and_leaked (Fixture       *f,
                        gconstpointer  user_data)
{
  g_autofree char *ci_id = g_strdup (shown_key_id (f, "CI pipeline"));
  g_autofree char *legacy_id = g_strdup (shown_key_id (f, "Legacy integration"));

  /* The confirmation names the key; saying no keeps it. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "keys.revoke", "s", ci_id);
  answer_message ("Revoke “CI pipeline”?", "_Cancel");
  g_assert_true (key_on_server (f, ci_id));

  gtk_widget_activate_action (GTK_WIDGET (f->page), "keys.revoke", "s", ci_id);
  answer_message ("Revoke “CI pipeline”?", "_Revoke");
  g_object_set_data_full (G_OBJECT (f->page), "test-key-id", g_strdup (ci_id), g_free);
  wait_for (key_gone_from_page, f, "the key to be revoked");
  g_assert_false (key_on_server (f, ci_id));

  /* A leak: revoked at once, then what else to rotate. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "keys.leaked", "s", legacy_id);
  answer_message ("Revoke “Legacy integration” Now?", "_Revoke Now");
  {
    GtkWindow *checklist = await_toplevel (ADW_TYPE_MESSAGE_DIALOG,
                                           "“Legacy integration” Is Revoked");
    GtkWidget *check = find_child_of_type (GTK_WIDGET (checklist), GTK_TYPE_CHECK_BUTTON);

    g_assert_nonnull (check);
    g_assert_nonnull (strstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)), "new key"));
    press (checklist, "_Close");
  }
  g_assert_false (key_on_server (f, legacy_id));
}

/* Notifications and the radar */

static void
count_notice_cb (NylKeyMonitor   *monitor,
                 NylExpiryNotice *notice,
                 GPtrArray       *notices)
{
  g_ptr_array_add (notices, nyl_expiry_notice_copy (notice));
}

static void
test_notifications_and_radar (Fixture       *f,
                              gconstpointer  user_data)
{
  g_autoptr(NylKeyMonitor) monitor = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notified = NULL;
  GListModel *radar;
  NylExpiryRadar *radar_view;

  notices = g_ptr_array_new_with_free_func ((GDestroyNotify)nyl_expiry_notice_free);

  /* The page of the fixture already told about these keys: start afresh. */
  notified = g_strdup (nyl_expiry_schedule_get_path (nyl_key_monitor_get_schedule (f->monitor)));
  close_page (f);
  g_assert_cmpint (g_unlink (notified), ==, 0);
  monitor = nyl_key_monitor_new (NULL);

  f->now = g_get_real_time () / G_USEC_PER_SEC;
  nyl_key_monitor_set_clock (monitor, fixture_clock, f);
  nyl_key_monitor_add_session (monitor, f->mt.session);
  g_signal_connect (monitor, "notice", G_CALLBACK (count_notice_cb), notices);

  nyl_key_monitor_refresh_async (monitor, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  g_assert_true (nyl_key_monitor_refresh_finish (monitor, result, &error));
  g_assert_no_error (error);

  /* The key expiring within a week and the expired one: each told once. */
  g_assert_cmpuint (notices->len, ==, 2);
  g_assert_cmpint (((NylExpiryNotice *)g_ptr_array_index (notices, 0))->milestone, ==,
                   NYL_EXPIRY_MILESTONE_EXPIRED);
  g_assert_cmpstr (((NylExpiryNotice *)g_ptr_array_index (notices, 1))->key_name, ==,
                   "CI pipeline");
  g_assert_cmpint (((NylExpiryNotice *)g_ptr_array_index (notices, 1))->milestone, ==,
                   NYL_EXPIRY_MILESTONE_7_DAYS);

  g_clear_object (&result);
  nyl_key_monitor_refresh_async (monitor, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  g_assert_true (nyl_key_monitor_refresh_finish (monitor, result, &error));
  g_assert_cmpuint (notices->len, ==, 2);

  /* Five days on, the CI key is a day from expiry: one more notice. */
  f->now += 4 * DAY + 12 * 3600;
  g_clear_object (&result);
  nyl_key_monitor_refresh_async (monitor, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  g_assert_true (nyl_key_monitor_refresh_finish (monitor, result, &error));
  g_assert_cmpuint (notices->len, ==, 3);
  g_assert_cmpint (((NylExpiryNotice *)g_ptr_array_index (notices, 2))->milestone, ==,
                   NYL_EXPIRY_MILESTONE_1_DAY);

  /* The radar: soonest first, the long-lived key left out. */
  radar = nyl_key_monitor_get_radar (monitor);
  g_assert_cmpuint (g_list_model_get_n_items (radar), ==, 2);
  {
    g_autoptr(NylRadarEntry) first = g_list_model_get_item (radar, 0);
    g_autoptr(NylRadarEntry) second = g_list_model_get_item (radar, 1);

    g_assert_cmpstr (nyl_api_key_get_name (nyl_radar_entry_get_key (first)), ==,
                     "Legacy integration");
    g_assert_cmpstr (nyl_api_key_get_name (nyl_radar_entry_get_key (second)), ==, "CI pipeline");
    g_assert_true (nyl_radar_entry_get_profile (second) == f->mt.profile);
  }

  radar_view = NYL_EXPIRY_RADAR (g_object_ref_sink (nyl_expiry_radar_new ()));
  nyl_expiry_radar_set_monitor (radar_view, monitor);
  g_assert_cmpuint (nyl_expiry_radar_get_n_rows (radar_view), ==, 2);
  g_assert_finalize_object (radar_view);
}

/* The Service Account group: explained when missing, imported from a file */

static void
test_service_account (Fixture       *f,
                      gconstpointer  user_data)
{
  g_autoptr(NylSession) bare = NULL;
  g_autoptr(NylProfileStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *store_path = g_build_filename (f->mt.dir, "profiles.json", NULL);
  g_autofree char *bad_path = g_build_filename (f->mt.dir, "bad.json", NULL);
  g_autofree char *good_path = g_build_filename (f->mt.dir, "service-account.json", NULL);
  g_autofree char *json = nyl_sandbox_dup_service_account_json (f->mt.sandbox);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  NylServiceAccountGroup *group;
  NylProfile *profile;
  NylDomainsPage *domains;

  REQUIRE_KEYRING ();

  profile = mt_profile_new (f->mt.sandbox, "No account");
  store = nyl_profile_store_new_for_path (store_path);
  g_assert_true (nyl_profile_store_add (store, profile, &error));
  g_assert_no_error (error);
  bare = nyl_session_new (profile, nyl_sandbox_get_api_key (f->mt.sandbox), NULL, &error);
  g_assert_no_error (error);
  g_object_unref (profile);

  /* Without a Service Account, both pages explain. */
  nyl_api_keys_page_set_profile_store (f->page, store);
  nyl_api_keys_page_set_session (f->page, bare);
  g_assert_cmpstr (nyl_api_keys_page_get_mode (f->page), ==, "no-service-account");
  domains = NYL_DOMAINS_PAGE (g_object_ref_sink (nyl_domains_page_new ()));
  nyl_domains_page_set_session (domains, bare);
  g_assert_cmpstr (nyl_domains_page_get_mode (domains), ==, "no-service-account");
  g_assert_finalize_object (domains);

  group = NYL_SERVICE_ACCOUNT_GROUP (find_child_of_type (GTK_WIDGET (f->page),
                                                         NYL_TYPE_SERVICE_ACCOUNT_GROUP));
  g_assert_nonnull (group);
  g_assert_true (gtk_widget_get_visible (nyl_keys_ui_find_button (GTK_WIDGET (group),
                                                                  "_Import Credentials File…")));

  /* A wrong file is refused in plain words. */
  g_assert_true (g_file_set_contents (bad_path, "{\"type\": \"authorized_user\"}", -1, NULL));
  nyl_service_account_group_import_file (group, bad);
  while (nyl_service_account_group_get_busy (group))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_str_has_prefix (nyl_service_account_group_get_error_text (group),
                                   "This is not a usable Service Account file"));
  g_assert_cmpstr (nyl_api_keys_page_get_mode (f->page), ==, "no-service-account");

  /* The right one: its details show, and the keys load. */
  g_assert_true (g_file_set_contents (good_path, json, -1, NULL));
  nyl_service_account_group_import_file (group, good);
  while (nyl_service_account_group_get_busy (group))
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (nyl_service_account_group_get_error_text (group));
  g_assert_cmpstr (nyl_api_keys_page_get_mode (f->page), ==, "keys");
  wait_for (page_loaded, f->page, "the keys to load");
  g_assert_cmpuint (g_list_model_get_n_items (nyl_api_keys_page_get_keys (f->page)), ==, 3);
  g_assert_true (nyl_profile_has_service_account (nyl_session_get_profile (bare)));

  kt_clear_profile (nyl_profile_get_id (nyl_session_get_profile (bare)));
}

/* Domains */

static gboolean
domain_dialog_idle (gpointer data)
{
  return !nyl_domain_dialog_get_busy (data) && nyl_domain_dialog_get_domain (data) != NULL;
}

static gboolean
record_fetched (gpointer data)
{
  return nyl_domain_dialog_get_record (data, "ownership") != NULL;
}

static gboolean
record_verified (gpointer data)
{
  return g_strcmp0 (nyl_domain_dialog_get_status_text (data, "ownership"), "Verified") == 0;
}

static gboolean
register_error_shown (gpointer data)
{
  return nyl_domain_dialog_get_error_text (data) != NULL;
}

static void
test_domains (Fixture       *f,
              gconstpointer  user_data)
{
  GtkWindow *window = GTK_WINDOW (adw_window_new ());
  NylDomainsPage *page = NYL_DOMAINS_PAGE (nyl_domains_page_new ());
  NylDomainDialog *dialog;
  guint before;
  g_autofree char *domain_id = NULL;

  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  nyl_domains_page_set_session (page, f->mt.session);
  gtk_window_present (window);
  wait_for (domains_loaded, page, "the domains to load");
  g_assert_cmpstr (nyl_domains_page_get_mode (page), ==, "domains");
  before = g_list_model_get_n_items (nyl_domains_page_get_domains (page));

  gtk_widget_activate_action (GTK_WIDGET (page), "domains.register", NULL);
  dialog = NYL_DOMAIN_DIALOG (await_toplevel (NYL_TYPE_DOMAIN_DIALOG, NULL));

  /* Not a domain: said at once, nothing sent. */
  nyl_domain_dialog_set_name (dialog, "Transactional");
  nyl_domain_dialog_set_address (dialog, "https://mail.example.com/");
  nyl_domain_dialog_register (dialog);
  wait_for (register_error_shown, dialog, "the address error");
  g_assert_true (g_str_has_prefix (nyl_domain_dialog_get_error_text (dialog),
                                   "Enter just the domain"));
  g_assert_null (nyl_domain_dialog_get_domain (dialog));

  nyl_domain_dialog_set_address (dialog, "Mail.Example.com");
  press (dialog, "_Register");
  wait_for (domain_dialog_idle, dialog, "the domain to be registered");
  g_assert_cmpstr (nyl_domain_get_domain_address (nyl_domain_dialog_get_domain (dialog)), ==,
                   "mail.example.com");
  domain_id = g_strdup (nyl_resource_get_id (NYL_RESOURCE (nyl_domain_dialog_get_domain (dialog))));

  /* Its records, then a verification. */
  g_assert_cmpstr (nyl_domain_dialog_get_status_text (dialog, "ownership"), ==, "Not verified yet");
  nyl_domain_dialog_show_record (dialog, "ownership");
  wait_for (record_fetched, dialog, "the ownership record");
  g_assert_true (g_str_has_prefix (nyl_domain_dialog_get_record (dialog, "ownership"),
                                   "_nylas-verification.mail.example.com TXT "));
  press (dialog, "Verify Ownership");
  wait_for (record_verified, dialog, "the ownership verification");

  wait_for (domains_loaded, page, "the domains to reload");
  g_assert_cmpuint (g_list_model_get_n_items (nyl_domains_page_get_domains (page)), ==, before + 1);

  /* Deleting asks first. */
  press (dialog, "_Delete Domain…");
  answer_message ("Delete “mail.example.com”?", "_Delete");
  await_no_toplevel (NYL_TYPE_DOMAIN_DIALOG);
  wait_for (domains_loaded, page, "the domains to reload");
  g_assert_cmpuint (g_list_model_get_n_items (nyl_domains_page_get_domains (page)), ==, before);

  destroy_window (window);
}

/* Every widget builds (its template is only checked at run time) and is freed. */

static void
test_widgets_build (Fixture       *f,
                    gconstpointer  user_data)
{
  g_autoptr(NylApiKey) key = make_key ("x", 1772323200, 1772323200 + 30 * DAY, "active");
  GtkWidget *widget;

  widget = g_object_ref_sink (nyl_service_account_group_new ());
  nyl_service_account_group_set_session (NYL_SERVICE_ACCOUNT_GROUP (widget), f->mt.session);
  g_assert_finalize_object (widget);

  widget = g_object_ref_sink (nyl_expiry_radar_new ());
  g_assert_finalize_object (widget);

  widget = g_object_ref_sink (nyl_domains_page_new ());
  g_assert_finalize_object (widget);

  widget = g_object_ref_sink (nyl_api_keys_page_new ());
  g_assert_finalize_object (widget);

  destroy_window (nyl_create_key_dialog_new (NULL, f->mt.session, NULL, 0));
  destroy_window (nyl_roll_key_dialog_new (NULL, f->mt.session, key, 0));
  destroy_window (nyl_domain_dialog_new_register (NULL, f->mt.session));
  {
    g_autoptr(NylDomain) domain = nyl_domain_new ();

    destroy_window (nyl_domain_dialog_new_details (NULL, f->mt.session, domain));
  }
  /* A secret dialog whose secret was stored closes freely. */
  destroy_window (nyl_secret_dialog_new (NULL, key, "p", TRUE, NULL));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/keys-ui/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/keys-ui/row", test_row);
  ADD ("widgets-build", test_widgets_build);
  ADD ("list-sort-filter", test_list_sort_filter);
  ADD ("create-secret-once-keyring", test_create_secret_once_keyring);
  ADD ("create-keyring-fails", test_create_keyring_fails);
  ADD ("one-year-warning", test_one_year_warning);
  ADD ("roll-failures", test_roll_failures);
  ADD ("pending-revocation-survives-restart", test_pending_revocation_survives_restart);
  ADD ("keep-scheduled-key", test_keep_scheduled_key);
  ADD ("revoke-and-leaked", test_revoke_and_leaked);
  ADD ("notifications-and-radar", test_notifications_and_radar);
  ADD ("service-account", test_service_account);
  ADD ("domains", test_domains);

#undef ADD

  return g_test_run ();
}
