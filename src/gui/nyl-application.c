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

#include "nyl-window.h"

struct _NylApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (NylApplication, nyl_application, ADW_TYPE_APPLICATION)

static NylWindow *
get_main_window (NylApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (NYL_IS_WINDOW (window))
    return NYL_WINDOW (window);

  return NULL;
}

static void
nyl_application_activate (GApplication *app)
{
  NylApplication *self = NYL_APPLICATION (app);
  NylWindow *window = get_main_window (self);

  if (window == NULL)
    window = nyl_window_new (self);

  gtk_window_present (GTK_WINDOW (window));
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
not_yet_action_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  NylApplication *self = user_data;
  NylWindow *window = get_main_window (self);

  if (window == NULL)
    return;

  /* Until adding applications lands, say so plainly rather than pretend. */
  nyl_window_add_toast (window, _("Not available yet in this version"));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action_cb },
  { "about", about_action_cb },
  { "add-application", not_yet_action_cb },
  { "try-sandbox", not_yet_action_cb },
};

static void
nyl_application_startup (GApplication *app)
{
  NylApplication *self = NYL_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *add_accels[] = { "<Control>n", NULL };
  static const char *help_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (nyl_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.add-application", add_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", help_accels);
}

static void
nyl_application_class_init (NylApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = nyl_application_activate;
  app_class->startup = nyl_application_startup;
}

static void
nyl_application_init (NylApplication *self)
{
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
