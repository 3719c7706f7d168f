/* nyl-application.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-application"

#include "config.h"

#include "nyl-application.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "nyl-add-application-window.h"
#include "nyl-paths.h"
#include "nyl-profile-ops.h"
#include "nyl-profile-row.h"
#include "nyl-sandbox.h"
#include "nyl-service-account.h"
#include "nyl-session.h"
#include "nyl-window.h"

struct _NylApplication
{
  AdwApplication   parent_instance;

  /* Owned References */
  NylProfileStore *store;
  GListStore      *sandbox_profiles;  /* the sandbox's profile while it runs */
  GListModel      *profiles;
  NylSandbox      *sandbox;
  NylSession      *sandbox_session;
  char            *store_error;       /* to show once a window exists */

  guint            open_sandbox : 1;
};

G_DEFINE_FINAL_TYPE (NylApplication, nyl_application, ADW_TYPE_APPLICATION)

static const struct
{
  const char *region;
  const char *variable;
} test_region_urls[] = {
  { "us", "NYL_TEST_REGION_URL_US" },
  { "eu", "NYL_TEST_REGION_URL_EU" },
};

static NylWindow *
get_main_window (NylApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (NYL_IS_WINDOW (window))
    return NYL_WINDOW (window);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (NYL_IS_WINDOW (l->data))
        return NYL_WINDOW (l->data);
    }

  return NULL;
}

static NylWindow *
ensure_main_window (NylApplication *self)
{
  NylWindow *window = get_main_window (self);

  if (window == NULL)
    {
      window = nyl_window_new (self);

      if (self->store_error != NULL)
        {
          nyl_window_add_toast (window, self->store_error);
          g_clear_pointer (&self->store_error, g_free);
        }
    }

  return window;
}

static void
restore_last_profile (NylApplication *self,
                      NylWindow      *window)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *id = g_settings_get_string (settings, "last-profile");
  NylProfile *profile;

  if (g_strcmp0 (id, NYL_SANDBOX_PROFILE_ID) == 0)
    {
      nyl_application_open_sandbox (self);
      return;
    }

  profile = *id != '\0' ? nyl_profile_store_lookup (self->store, id) : NULL;
  if (profile != NULL)
    nyl_window_open_profile (window, profile);
}

static void
nyl_application_activate (GApplication *app)
{
  NylApplication *self = NYL_APPLICATION (app);
  NylWindow *window = get_main_window (self);

  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  window = ensure_main_window (self);
  gtk_window_present (GTK_WINDOW (window));

  if (self->open_sandbox)
    nyl_application_open_sandbox (self);
  else
    restore_last_profile (self, window);
}

static int
nyl_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  NylApplication *self = NYL_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_contains (options, "sandbox"))
    return -1;

  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* An instance already runs: it opens the sandbox. */
  if (g_application_get_is_remote (app))
    {
      g_action_group_activate_action (G_ACTION_GROUP (app), "try-sandbox", NULL);
      return 0;
    }

  self->open_sandbox = TRUE;

  return -1;
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  NylApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing through the window saves its state; g_application_quit()
   * alone would skip close-request. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  NylApplication *self = user_data;
  static const char *developers[] = { "The Nylas Manager authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-icon", APP_ID,
                        "application-name", _("Nylas Manager"),
                        "developer-name", _("The Nylas Manager authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Administer Nylas API v3 applications: keys, grants, "
                                      "connectors, webhooks and domains."),
                        "website", "https://github.com/nylasmanager/nylas-manager",
                        "issue-url", "https://github.com/nylasmanager/nylas-manager/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
on_application_added_cb (NylWindow  *window,
                         NylProfile *profile)
{
  /* Translators: %s is the name just given to an application. */
  g_autofree char *title = g_strdup_printf (_("Added “%s”"), nyl_profile_get_name (profile));

  nyl_window_add_toast (window, title);
  nyl_window_open_profile (window, profile);
}

static void
add_application_action_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  NylApplication *self = user_data;
  NylWindow *window = ensure_main_window (self);
  NylAddApplicationWindow *dialog;

  gtk_window_present (GTK_WINDOW (window));

  dialog = nyl_add_application_window_new (self->store);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  g_signal_connect_object (dialog, "added", G_CALLBACK (on_application_added_cb), window,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
try_sandbox_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  NylApplication *self = user_data;

  gtk_window_present (GTK_WINDOW (ensure_main_window (self)));
  nyl_application_open_sandbox (self);
}

/* Shows a section of the open application, e.g. from a notification or
 * `gapplication action io.github.nylasmanager.NylasManager show-section "'webhooks'"`. */
static void
show_section_action_cb (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  NylApplication *self = user_data;
  NylWindow *window = ensure_main_window (self);

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.show-section", parameter);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action_cb },
  { "about", about_action_cb },
  { "add-application", add_application_action_cb },
  { "try-sandbox", try_sandbox_action_cb },
  { "show-section", show_section_action_cb, "s" },
};

static void
apply_test_region_urls (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (test_region_urls); i++)
    {
      const char *url = g_getenv (test_region_urls[i].variable);

      if (url != NULL && *url != '\0')
        nyl_profile_ops_set_region_url_for_testing (test_region_urls[i].region, url);
    }
}

static void
nyl_application_startup (GApplication *app)
{
  NylApplication *self = NYL_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *add_accels[] = { "<Control>n", NULL };
  static const char *help_accels[] = { "<Control>question", NULL };
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (nyl_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.add-application", add_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", help_accels);

  apply_test_region_urls ();

  if (!nyl_profile_store_load (self->store, &error))
    {
      g_warning ("Could not load the profiles: %s", error->message);
      self->store_error = g_strdup (error->message);
    }
}

static void
nyl_application_shutdown (GApplication *app)
{
  NylApplication *self = NYL_APPLICATION (app);

  /* Stopping saves the sandbox's state for the next run. */
  if (self->sandbox != NULL)
    nyl_sandbox_stop (self->sandbox);
  g_clear_object (&self->sandbox_session);
  g_clear_object (&self->sandbox);

  G_APPLICATION_CLASS (nyl_application_parent_class)->shutdown (app);
}

static void
nyl_application_dispose (GObject *object)
{
  NylApplication *self = (NylApplication *)object;

  if (self->sandbox != NULL)
    nyl_sandbox_stop (self->sandbox);
  g_clear_object (&self->sandbox_session);
  g_clear_object (&self->sandbox);
  g_clear_object (&self->profiles);
  g_clear_object (&self->sandbox_profiles);
  g_clear_object (&self->store);
  g_clear_pointer (&self->store_error, g_free);

  G_OBJECT_CLASS (nyl_application_parent_class)->dispose (object);
}

static void
nyl_application_class_init (NylApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = nyl_application_dispose;

  app_class->activate = nyl_application_activate;
  app_class->startup = nyl_application_startup;
  app_class->shutdown = nyl_application_shutdown;
  app_class->handle_local_options = nyl_application_handle_local_options;
}

static void
nyl_application_init (NylApplication *self)
{
  g_autoptr(GListStore) models = g_list_store_new (G_TYPE_LIST_MODEL);
  GtkFlattenListModel *flattened;

  self->store = nyl_profile_store_new ();
  self->sandbox_profiles = g_list_store_new (NYL_TYPE_PROFILE);

  g_list_store_append (models, self->store);
  g_list_store_append (models, self->sandbox_profiles);
  flattened = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&models)));
  self->profiles = G_LIST_MODEL (flattened);

  g_application_add_main_option (G_APPLICATION (self), "sandbox", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_NONE,
                                 _("Open the sandbox: a simulated Nylas API with sample data"),
                                 NULL);
}

NylApplication *
nyl_application_new (void)
{
  /* The resource base stays the same for the .Devel flavour, so the
   * shortcuts window and style.css load in both. */
  return g_object_new (NYL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

NylProfileStore *
nyl_application_get_profile_store (NylApplication *self)
{
  g_return_val_if_fail (NYL_IS_APPLICATION (self), NULL);

  return self->store;
}

GListModel *
nyl_application_get_profiles (NylApplication *self)
{
  g_return_val_if_fail (NYL_IS_APPLICATION (self), NULL);

  return self->profiles;
}

void
nyl_application_prepare_client (NylClient *client)
{
  g_return_if_fail (NYL_IS_CLIENT (client));

  for (guint i = 0; i < G_N_ELEMENTS (test_region_urls); i++)
    {
      const char *url = g_getenv (test_region_urls[i].variable);

      if (url != NULL && *url != '\0')
        nyl_client_set_region_url_for_testing (client, test_region_urls[i].region, url);
    }
}

static NylSession *
start_sandbox (NylApplication  *self,
               GError         **error)
{
  NylSandboxOptions options = { 0, };
  g_autoptr(NylSandbox) sandbox = NULL;
  g_autoptr(NylServiceAccount) account = NULL;
  g_autoptr(NylProfile) profile = NULL;
  g_autofree char *state_file = nyl_paths_state_file ("sandbox.json");
  g_autofree char *state_dir = g_path_get_dirname (state_file);
  char *json;

  /* The sandbox keeps its changes between runs in the state directory. */
  if (g_mkdir_with_parents (state_dir, 0700) != 0)
    g_debug ("Could not create %s: %s", state_dir, g_strerror (errno));

  options.state_file = state_file;
  sandbox = nyl_sandbox_new (&options);
  if (!nyl_sandbox_start (sandbox, error))
    return NULL;

  json = nyl_sandbox_dup_service_account_json (sandbox);
  account = nyl_service_account_new_from_data (json, -1, error);
  explicit_bzero (json, strlen (json));
  g_free (json);
  if (account == NULL)
    return NULL;

  profile = nyl_profile_new (NYL_SANDBOX_PROFILE_ID, _("Sandbox (simulated)"));
  nyl_profile_set_api_url (profile, nyl_sandbox_get_url (sandbox));
  nyl_profile_set_region (profile, nyl_sandbox_get_region_nth (sandbox, 0));
  nyl_profile_set_environment (profile, nyl_sandbox_get_environment_nth (sandbox, 0));
  nyl_profile_set_application_id (profile, nyl_sandbox_get_application_id (sandbox));
  nyl_profile_set_organization_id (profile, nyl_service_account_get_organization_id (account));
  nyl_profile_set_service_account_key_id (profile, nyl_service_account_get_key_id (account));
  nyl_profile_set_service_account_organization_id (
    profile, nyl_service_account_get_organization_id (account));
  nyl_profile_set_service_account_region (profile, nyl_service_account_get_region (account));

  /* No keyring: the secrets come straight from the sandbox. */
  self->sandbox_session = nyl_session_new (profile, nyl_sandbox_get_api_key (sandbox), account,
                                           error);
  if (self->sandbox_session == NULL)
    {
      nyl_sandbox_stop (sandbox);
      return NULL;
    }

  self->sandbox = g_steal_pointer (&sandbox);
  g_list_store_append (self->sandbox_profiles, profile);

  return self->sandbox_session;
}

void
nyl_application_open_sandbox (NylApplication *self)
{
  g_autoptr(GError) error = NULL;
  NylWindow *window;
  NylSession *session;

  g_return_if_fail (NYL_IS_APPLICATION (self));

  window = ensure_main_window (self);
  gtk_window_present (GTK_WINDOW (window));

  session = self->sandbox_session;
  if (session == NULL)
    session = start_sandbox (self, &error);

  if (session == NULL)
    {
      g_autoptr(NylProfile) profile = nyl_profile_new (NYL_SANDBOX_PROFILE_ID,
                                                       _("Sandbox (simulated)"));

      g_warning ("Could not start the sandbox: %s", error->message);
      nyl_window_show_open_error (window, profile, error);
      return;
    }

  nyl_window_set_session (window, session);
}
