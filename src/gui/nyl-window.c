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

#include "nyl-api-error.h"
#include "nyl-api-keys-page.h"
#include "nyl-badge.h"
#include "nyl-domains-page.h"
#include "nyl-input-check.h"
#include "nyl-overview-page.h"
#include "nyl-profile-ops.h"
#include "nyl-profile-row.h"
#include "nyl-profile-switcher.h"
#include "nyl-redirect-uris-page.h"
#include "nyl-settings-page.h"
#include "nyl-ui-dialogs.h"
#include "nyl-ui-form.h"

struct _NylWindow
{
  AdwApplicationWindow  parent_instance;

  /* Owned References */
  GSettings            *settings;
  NylProfileStore      *store;
  GListModel           *profiles;
  NylSession           *session;
  NylProfile           *opening;      /* being opened, or whose opening failed */
  GCancellable         *open_cancellable;

  /* Template Widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_box;
  GtkListBox           *sidebar_list;
  GtkWidget            *content_box;
  AdwWindowTitle       *content_title;
  GtkStack             *content_stack;
  AdwStatusPage        *welcome_page;
  AdwStatusPage        *opening_page;
  GtkSpinner           *opening_spinner;
  AdwStatusPage        *profile_error_page;
  GtkWidget            *remove_profile_button;
  GtkMenuButton        *profile_button;
  NylProfileSwitcher   *profile_switcher;
  NylBadge             *profile_badge;
  NylOverviewPage      *overview_page;
  NylSettingsPage      *settings_page;
  NylRedirectUrisPage  *redirect_uris_page;
};

G_DEFINE_FINAL_TYPE (NylWindow, nyl_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_PROFILE_STORE,
  PROP_PROFILES,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

/* The pages that show the open application. */
static const char * const session_pages[] = { "overview", "settings", "redirect-uris",
                                               "api-keys", "domains", NULL };

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
on_sidebar_list_row_selected_cb (NylWindow     *self,
                                 GtkListBoxRow *row,
                                 GtkListBox    *list)
{
  const char *section;

  g_assert (NYL_IS_WINDOW (self));

  /* Choosing a section with the arrow keys (or an assistive technology's
   * selection) shows it, as activating it does. */
  if (row == NULL)
    return;

  section = gtk_widget_get_name (GTK_WIDGET (row));
  if (g_strcmp0 (section, nyl_window_get_section (self)) != 0)
    nyl_window_set_section (self, section);
}

static void
on_back_button_clicked_cb (NylWindow *self,
                           GtkButton *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static NylProfile *
lookup_profile (NylWindow  *self,
                const char *id)
{
  guint n = self->profiles ? g_list_model_get_n_items (self->profiles) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NylProfile) profile = g_list_model_get_item (self->profiles, i);

      if (g_strcmp0 (nyl_profile_get_id (profile), id) == 0)
        return profile;
    }

  return NULL;
}

static NylProfile *
current_profile (NylWindow *self)
{
  return self->session ? nyl_session_get_profile (self->session) : NULL;
}

static void
show_stack_page (NylWindow  *self,
                 const char *name,
                 const char *subtitle)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->content_stack, name);
  GtkStackPage *stack_page = gtk_stack_get_page (self->content_stack, page);

  gtk_stack_set_visible_child (self->content_stack, page);
  adw_window_title_set_title (self->content_title, gtk_stack_page_get_title (stack_page));
  adw_window_title_set_subtitle (self->content_title, subtitle);
}

static void
update_header (NylWindow *self)
{
  NylProfile *profile = current_profile (self);
  guint n = self->profiles ? g_list_model_get_n_items (self->profiles) : 0;
  gboolean sandbox = profile != NULL &&
                     g_strcmp0 (nyl_profile_get_id (profile), NYL_SANDBOX_PROFILE_ID) == 0;
  const char *label;

  gtk_widget_set_visible (GTK_WIDGET (self->profile_button), n > 0 || profile != NULL);
  label = profile ? nyl_profile_get_name (profile) : _("Applications");
  /* Setting a label rebuilds the button's content: only when it changes. */
  if (g_strcmp0 (gtk_menu_button_get_label (self->profile_button), label) != 0)
    gtk_menu_button_set_label (self->profile_button, label);
  nyl_profile_switcher_set_current_id (self->profile_switcher,
                                       profile ? nyl_profile_get_id (profile) : NULL);

  nyl_badge_set_simulated (self->profile_badge, sandbox);
  nyl_badge_set_region (self->profile_badge, profile ? nyl_profile_get_region (profile) : NULL);
  nyl_badge_set_environment (self->profile_badge,
                             profile ? nyl_profile_get_environment (profile) : NULL);
}

static void
on_profiles_changed_cb (NylWindow *self)
{
  update_header (self);
}

static void
show_welcome (NylWindow *self)
{
  gtk_list_box_unselect_all (self->sidebar_list);
  show_stack_page (self, "welcome", NULL);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
cancel_opening (NylWindow *self)
{
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  gtk_spinner_set_spinning (self->opening_spinner, FALSE);
}

/* Action handlers. */

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NylWindow *self = NYL_WINDOW (widget);

  if (nyl_window_set_section (self, g_variant_get_string (parameter, NULL)))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
switch_profile_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  NylWindow *self = NYL_WINDOW (widget);
  NylProfile *profile = lookup_profile (self, g_variant_get_string (parameter, NULL));

  gtk_menu_button_popdown (self->profile_button);

  if (profile == NULL || profile == current_profile (self))
    return;

  nyl_window_open_profile (self, profile);
}

static void
retry_profile_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  NylWindow *self = NYL_WINDOW (widget);

  if (self->opening != NULL)
    {
      g_autoptr(NylProfile) profile = g_object_ref (self->opening);

      nyl_window_open_profile (self, profile);
    }
}

typedef struct
{
  NylWindow  *self;
  NylProfile *profile;
} ProfileData;

static void
profile_data_free (ProfileData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->profile);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProfileData, profile_data_free)

static ProfileData *
profile_data_new (NylWindow  *self,
                  NylProfile *profile)
{
  ProfileData *data = g_new0 (ProfileData, 1);

  data->self = g_object_ref (self);
  data->profile = g_object_ref (profile);

  return data;
}

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ProfileData) data = user_data;
  NylWindow *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!nyl_profile_remove_finish (NYL_PROFILE_STORE (object), result, &error))
    {
      g_autofree char *reason = nyl_ui_describe_error (error);

      /* Translators: the application's name, then why it could not be removed. */
      title = g_strdup_printf (_("Could not remove “%s”: %s"),
                               nyl_profile_get_name (data->profile), reason);
      nyl_window_add_toast (self, title);
      return;
    }

  /* Translators: %s is an application's name. */
  title = g_strdup_printf (_("Removed “%s” and its secrets"),
                           nyl_profile_get_name (data->profile));
  nyl_window_add_toast (self, title);

  if (data->profile == current_profile (self) || data->profile == self->opening)
    {
      g_clear_object (&self->opening);
      nyl_window_set_session (self, NULL);
      if (self->settings != NULL)
        g_settings_set_string (self->settings, "last-profile", "");
    }
  update_header (self);
}

static void
remove_confirmed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ProfileData) data = user_data;

  if (!nyl_ui_confirm_finish (result, NULL) || data->self->store == NULL)
    return;

  nyl_profile_remove_async (data->self->store, data->profile, NULL, removed_cb,
                            profile_data_new (data->self, data->profile));
}

static void
remove_profile_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  NylWindow *self = NYL_WINDOW (widget);
  const char *id = parameter ? g_variant_get_string (parameter, NULL) : NULL;
  NylProfile *profile = id ? lookup_profile (self, id) : self->opening;
  g_autofree char *heading = NULL;

  gtk_menu_button_popdown (self->profile_button);

  if (profile == NULL || self->store == NULL ||
      g_strcmp0 (nyl_profile_get_id (profile), NYL_SANDBOX_PROFILE_ID) == 0)
    return;

  /* Translators: %s is an application's name in this app. */
  heading = g_strdup_printf (_("Remove “%s”?"), nyl_profile_get_name (profile));
  nyl_ui_confirm_async (GTK_WIDGET (self), heading,
                        _("Its API key and Service Account are deleted from this computer’s "
                          "keyring. The application itself is not changed at Nylas; you can add "
                          "it again at any time."),
                        _("_Remove"), TRUE, NULL, remove_confirmed_cb,
                        profile_data_new (self, profile));
}

static void
rename_entry_changed_cb (AdwMessageDialog *dialog,
                         GtkEditable      *entry)
{
  NylWindow *self = g_object_get_data (G_OBJECT (dialog), "nyl-window");
  NylProfile *profile = g_object_get_data (G_OBJECT (dialog), "nyl-profile");
  g_autofree char *name = nyl_ui_form_dup_text (entry);
  g_autoptr(GError) error = NULL;
  NylProfile *other;
  const char *problem = NULL;

  if (!nyl_input_check_profile_name (name, &error))
    problem = error->message;
  else if ((other = nyl_profile_store_lookup_by_name (self->store, name)) != NULL &&
           other != profile)
    problem = _("Another application already has this name");

  adw_message_dialog_set_body (dialog, problem ? problem : "");
  adw_message_dialog_set_response_enabled (dialog, "rename", problem == NULL);
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    GtkEditable      *entry)
{
  NylWindow *self = g_object_get_data (G_OBJECT (dialog), "nyl-window");
  NylProfile *profile = g_object_get_data (G_OBJECT (dialog), "nyl-profile");
  g_autofree char *name = nyl_ui_form_dup_text (entry);
  g_autofree char *old_name = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "rename") != 0 || g_strcmp0 (name, nyl_profile_get_name (profile)) == 0)
    return;

  old_name = g_strdup (nyl_profile_get_name (profile));
  nyl_profile_set_name (profile, name);

  if (!nyl_profile_store_save (self->store, &error))
    {
      g_autofree char *title = NULL;

      nyl_profile_set_name (profile, old_name);
      /* Translators: %s is why the profiles could not be saved. */
      title = g_strdup_printf (_("Could not rename the application: %s"), error->message);
      nyl_window_add_toast (self, title);
      return;
    }

  update_header (self);
}

static void
rename_profile_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  NylWindow *self = NYL_WINDOW (widget);
  NylProfile *profile = lookup_profile (self, g_variant_get_string (parameter, NULL));
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  gtk_menu_button_popdown (self->profile_button);

  if (profile == NULL || self->store == NULL)
    return;

  /* Translators: %s is an application's name in this app. */
  heading = g_strdup_printf (_("Rename “%s”"), nyl_profile_get_name (profile));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), nyl_profile_get_name (profile));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  g_object_set_data_full (G_OBJECT (dialog), "nyl-window", g_object_ref (self), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "nyl-profile", g_object_ref (profile),
                          g_object_unref);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (rename_entry_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (rename_response_cb), entry);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Opening a profile. */

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ProfileData) data = user_data;
  NylWindow *self = data->self;
  g_autoptr(NylSession) session = NULL;
  g_autoptr(GError) error = NULL;

  session = nyl_session_open_finish (result, &error);
  if (nyl_ui_error_is_cancelled (error) || data->profile != self->opening)
    return;

  gtk_spinner_set_spinning (self->opening_spinner, FALSE);
  g_clear_object (&self->open_cancellable);

  if (session == NULL)
    {
      nyl_window_show_open_error (self, data->profile, error);
      return;
    }

  nyl_application_prepare_client (nyl_session_get_client (session));
  nyl_window_set_session (self, session);
}

static void
nyl_window_dispose (GObject *object)
{
  NylWindow *self = (NylWindow *)object;

  cancel_opening (self);
  if (self->profiles != NULL)
    g_signal_handlers_disconnect_by_func (self->profiles, on_profiles_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), NYL_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);
  g_clear_object (&self->opening);
  g_clear_object (&self->profiles);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (nyl_window_parent_class)->dispose (object);
}

static void
nyl_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  NylWindow *self = NYL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_PROFILE_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PROFILES:
      g_value_set_object (value, self->profiles);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  NylWindow *self = NYL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      nyl_window_set_session (self, g_value_get_object (value));
      break;

    case PROP_PROFILE_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_PROFILES:
      self->profiles = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_window_constructed (GObject *object)
{
  NylWindow *self = (NylWindow *)object;

  G_OBJECT_CLASS (nyl_window_parent_class)->constructed (object);

  if (self->profiles == NULL && self->store != NULL)
    self->profiles = g_object_ref (G_LIST_MODEL (self->store));

  /* The API keys and domains pages import Service Accounts into the store. */
  g_object_set (gtk_stack_get_child_by_name (self->content_stack, "api-keys"),
                "profile-store", self->store, NULL);
  g_object_set (gtk_stack_get_child_by_name (self->content_stack, "domains"),
                "profile-store", self->store, NULL);

  if (self->profiles != NULL)
    {
      nyl_profile_switcher_set_model (self->profile_switcher, self->profiles);
      g_signal_connect_swapped (self->profiles, "items-changed",
                                G_CALLBACK (on_profiles_changed_cb), self);
    }

  update_header (self);
}

static void
nyl_window_class_init (NylWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = nyl_window_dispose;
  object_class->constructed = nyl_window_constructed;
  object_class->get_property = nyl_window_get_property;
  object_class->set_property = nyl_window_set_property;
  window_class->close_request = nyl_window_close_request;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, NYL_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROFILE_STORE] =
    g_param_spec_object ("profile-store", NULL, NULL, NYL_TYPE_PROFILE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROFILES] =
    g_param_spec_object ("profiles", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NYL_TYPE_API_KEYS_PAGE);
  g_type_ensure (NYL_TYPE_BADGE);
  g_type_ensure (NYL_TYPE_DOMAINS_PAGE);
  g_type_ensure (NYL_TYPE_OVERVIEW_PAGE);
  g_type_ensure (NYL_TYPE_PROFILE_SWITCHER);
  g_type_ensure (NYL_TYPE_REDIRECT_URIS_PAGE);
  g_type_ensure (NYL_TYPE_SETTINGS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/nyl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NylWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NylWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, NylWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, NylWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, NylWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, NylWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, NylWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, NylWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, NylWindow, opening_page);
  gtk_widget_class_bind_template_child (widget_class, NylWindow, opening_spinner);
  gtk_widget_class_bind_template_child (widget_class, NylWindow, profile_error_page);
  gtk_widget_class_bind_template_child (widget_class, NylWindow, remove_profile_button);
  gtk_widget_class_bind_template_child (widget_class, NylWindow, profile_button);
  gtk_widget_class_bind_template_child (widget_class, NylWindow, profile_switcher);
  gtk_widget_class_bind_template_child (widget_class, NylWindow, profile_badge);
  gtk_widget_class_bind_template_child (widget_class, NylWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, NylWindow, settings_page);
  gtk_widget_class_bind_template_child (widget_class, NylWindow, redirect_uris_page);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  gtk_widget_class_install_action (widget_class, "win.switch-profile", "s", switch_profile_action);
  gtk_widget_class_install_action (widget_class, "win.rename-profile", "s", rename_profile_action);
  gtk_widget_class_install_action (widget_class, "win.remove-profile", "s", remove_profile_action);
  gtk_widget_class_install_action (widget_class, "win.remove-opening-profile", NULL,
                                   remove_profile_action);
  gtk_widget_class_install_action (widget_class, "win.retry-profile", NULL, retry_profile_action);

  /* Alt+1 … Alt+9: the first sections, from the keyboard. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-section", "s", "overview");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-section", "s", "settings");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-section", "s", "api-keys");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK,
                                       "win.show-section", "s", "redirect-uris");
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

  /* The pages follow the open application. */
  for (guint i = 0; session_pages[i] != NULL; i++)
    g_object_bind_property (self, "session",
                            gtk_stack_get_child_by_name (self->content_stack, session_pages[i]),
                            "session", G_BINDING_DEFAULT);

  /* With no application open, nothing in the sidebar has anything to
   * show: the content is the welcome page. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->sidebar_list), FALSE);
  show_welcome (self);
}

NylWindow *
nyl_window_new (NylApplication *application)
{
  g_return_val_if_fail (application == NULL || NYL_IS_APPLICATION (application), NULL);

  /* A window of the application shows the application's profiles. */
  return g_object_new (NYL_TYPE_WINDOW,
                       "application", application,
                       "profile-store", application
                                        ? nyl_application_get_profile_store (application)
                                        : NULL,
                       "profiles", application ? nyl_application_get_profiles (application)
                                               : NULL,
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
 * Returns: %TRUE if @section exists and has a page to show, with an
 *   application open
 */
gboolean
nyl_window_set_section (NylWindow  *self,
                        const char *section)
{
  GtkListBoxRow *row;
  GtkWidget *page;

  g_return_val_if_fail (NYL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (section != NULL, FALSE);

  row = find_sidebar_row (self, section);
  page = gtk_stack_get_child_by_name (self->content_stack, section);
  if (row == NULL || page == NULL || self->session == NULL)
    return FALSE;

  gtk_list_box_select_row (self->sidebar_list, row);
  show_stack_page (self, section, NULL);

  return TRUE;
}

/**
 * nyl_window_get_page:
 * @self: a #NylWindow
 * @section: the name of a section
 *
 * Returns: (transfer none) (nullable): the page showing @section
 */
GtkWidget *
nyl_window_get_page (NylWindow  *self,
                     const char *section)
{
  g_return_val_if_fail (NYL_IS_WINDOW (self), NULL);
  g_return_val_if_fail (section != NULL, NULL);

  return gtk_stack_get_child_by_name (self->content_stack, section);
}

NylProfileStore *
nyl_window_get_profile_store (NylWindow *self)
{
  g_return_val_if_fail (NYL_IS_WINDOW (self), NULL);

  return self->store;
}

NylSession *
nyl_window_get_session (NylWindow *self)
{
  g_return_val_if_fail (NYL_IS_WINDOW (self), NULL);

  return self->session;
}

/**
 * nyl_window_set_session:
 * @self: a #NylWindow
 * @session: (nullable): the application to show, or %NULL for none
 *
 * Shows @session's application in every page, keeping the current section
 * when there is one (the overview otherwise), and remembers it as the
 * application to reopen at the next start.
 */
void
nyl_window_set_session (NylWindow  *self,
                        NylSession *session)
{
  const char *section;
  NylProfile *profile;

  g_return_if_fail (NYL_IS_WINDOW (self));
  g_return_if_fail (session == NULL || NYL_IS_SESSION (session));

  if (self->session == session)
    return;

  section = nyl_window_get_section (self);
  cancel_opening (self);
  g_set_object (&self->session, session);
  profile = current_profile (self);
  if (profile != NULL)
    g_set_object (&self->opening, profile);

  gtk_widget_set_sensitive (GTK_WIDGET (self->sidebar_list), session != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
  update_header (self);

  if (session == NULL)
    {
      show_welcome (self);
      return;
    }

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-profile", nyl_profile_get_id (profile));

  if (section == NULL || find_sidebar_row (self, section) == NULL)
    section = "overview";
  nyl_window_set_section (self, section);
}

/**
 * nyl_window_open_profile:
 * @self: a #NylWindow
 * @profile: the profile to open
 *
 * Opens @profile: its secrets come from the keyring (the keyring may ask to
 * be unlocked), the sandbox's from the application. Failures are shown with
 * what to do.
 */
void
nyl_window_open_profile (NylWindow  *self,
                         NylProfile *profile)
{
  GtkApplication *app;
  g_autofree char *title = NULL;

  g_return_if_fail (NYL_IS_WINDOW (self));
  g_return_if_fail (NYL_IS_PROFILE (profile));

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (g_strcmp0 (nyl_profile_get_id (profile), NYL_SANDBOX_PROFILE_ID) == 0 &&
      NYL_IS_APPLICATION (app))
    {
      nyl_application_open_sandbox (NYL_APPLICATION (app));
      return;
    }

  nyl_window_set_session (self, NULL);
  cancel_opening (self);
  g_set_object (&self->opening, profile);
  self->open_cancellable = g_cancellable_new ();

  /* Translators: %s is an application's name in this app. */
  title = g_strdup_printf (_("Opening “%s”…"), nyl_profile_get_name (profile));
  adw_status_page_set_title (self->opening_page, title);
  adw_status_page_set_description (self->opening_page,
                                   _("Its API key comes from the keyring, which may ask you to "
                                     "unlock it."));
  gtk_spinner_set_spinning (self->opening_spinner, TRUE);
  show_stack_page (self, "opening", NULL);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);

  nyl_session_open_async (profile, self->open_cancellable, opened_cb,
                          profile_data_new (self, profile));
}

void
nyl_window_show_open_error (NylWindow    *self,
                            NylProfile   *profile,
                            const GError *error)
{
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  const char *icon_name = "dialog-error-symbolic";
  gboolean removable;

  g_return_if_fail (NYL_IS_WINDOW (self));
  g_return_if_fail (NYL_IS_PROFILE (profile));
  g_return_if_fail (error != NULL);

  g_set_object (&self->opening, profile);
  removable = self->store != NULL &&
              g_strcmp0 (nyl_profile_get_id (profile), NYL_SANDBOX_PROFILE_ID) != 0;

  if (g_error_matches (error, NYL_API_ERROR, NYL_API_ERROR_KEYRING_LOCKED))
    {
      icon_name = "system-lock-screen-symbolic";
      title = g_strdup (_("The Keyring Is Locked"));
    }
  else if (g_error_matches (error, NYL_API_ERROR, NYL_API_ERROR_NO_SECRET_SERVICE))
    {
      icon_name = "dialog-password-symbolic";
      title = g_strdup (_("No Keyring Available"));
    }
  else if (g_error_matches (error, NYL_API_ERROR, NYL_API_ERROR_NO_SECRET))
    {
      icon_name = "dialog-password-symbolic";
      /* Translators: %s is an application's name in this app. */
      title = g_strdup_printf (_("The API Key of “%s” Is Missing"),
                               nyl_profile_get_name (profile));
      description = g_strdup (_("It is no longer in the keyring; it may have been deleted "
                                "outside Nylas Manager. Remove this application and add it again "
                                "with its API key."));
    }
  else
    /* Translators: %s is an application's name in this app. */
    title = g_strdup_printf (_("Could Not Open “%s”"), nyl_profile_get_name (profile));

  if (description == NULL)
    description = nyl_ui_describe_error (error);

  adw_status_page_set_icon_name (self->profile_error_page, icon_name);
  adw_status_page_set_title (self->profile_error_page, title);
  adw_status_page_set_description (self->profile_error_page, description);
  gtk_widget_set_visible (self->remove_profile_button, removable);
  show_stack_page (self, "profile-error", NULL);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  update_header (self);
}
