/* nyl-add-application-window.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-add-application-window"

#include "config.h"

#include "nyl-add-application-window.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nyl-api-error.h"
#include "nyl-banner.h"
#include "nyl-client.h"
#include "nyl-input-check.h"
#include "nyl-profile-ops.h"
#include "nyl-service-account.h"
#include "nyl-ui-form.h"

/* Credentials files are small; anything bigger is not one. */
#define MAX_CREDENTIALS_SIZE (64 * 1024)

typedef enum
{
  FIELD_NAME,
  FIELD_API_KEY,
  FIELD_REGION,
  FIELD_API_URL,
  FIELD_SA_NAME,
  FIELD_FILE,
  FIELD_APPLICATION_ID,
  FIELD_SA_API_URL,
  N_FIELDS,
} Field;

static const struct
{
  const char *row;
  const char *error;
} field_ids[N_FIELDS] = {
  { "name_row", "name_error" },
  { "api_key_row", "api_key_error" },
  { "region_row", "region_error" },
  { "api_url_row", "api_url_error" },
  { "sa_name_row", "sa_name_error" },
  { "file_row", "file_error" },
  { "application_id_row", "application_id_error" },
  { "sa_api_url_row", "sa_api_url_error" },
};

static const char * const regions[] = { NULL, "us", "eu" };

struct _NylAddApplicationWindow
{
  AdwWindow        parent_instance;

  /* Owned References */
  NylProfileStore *store;
  GCancellable    *cancellable;
  GCancellable    *file_cancellable;
  char            *sa_json;          /* the credentials file: a secret, wiped when dropped */
  gsize            sa_json_length;
  char            *sa_file_name;

  guint            busy : 1;

  /* Template Widgets */
  AdwViewStack    *view_stack;
  GtkWidget       *add_button;
  GtkSpinner      *spinner;
  NylBanner       *banner;
  AdwExpanderRow  *advanced_row;
  AdwExpanderRow  *sa_advanced_row;
  GtkWidget       *rows[N_FIELDS];
  GtkWidget       *errors[N_FIELDS];
};

G_DEFINE_FINAL_TYPE (NylAddApplicationWindow, nyl_add_application_window, ADW_TYPE_WINDOW)

enum {
  SIGNAL_ADDED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static gboolean
on_service_account_path (NylAddApplicationWindow *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack),
                    "service-account") == 0;
}

static Field
field_for_name (NylAddApplicationWindow *self,
                const char              *name)
{
  gboolean sa = on_service_account_path (self);

  if (g_strcmp0 (name, "name") == 0)
    return sa ? FIELD_SA_NAME : FIELD_NAME;
  if (g_strcmp0 (name, "api-url") == 0)
    return sa ? FIELD_SA_API_URL : FIELD_API_URL;
  if (g_strcmp0 (name, "api-key") == 0)
    return FIELD_API_KEY;
  if (g_strcmp0 (name, "region") == 0)
    return FIELD_REGION;
  if (g_strcmp0 (name, "file") == 0)
    return FIELD_FILE;
  if (g_strcmp0 (name, "application-id") == 0)
    return FIELD_APPLICATION_ID;

  return N_FIELDS;
}

static void
set_error (NylAddApplicationWindow *self,
           Field                    field,
           const char              *message)
{
  nyl_ui_form_set_error (self->rows[field], self->errors[field], message);

  /* An error in a folded section would go unseen. */
  if (message != NULL && field == FIELD_API_URL)
    adw_expander_row_set_expanded (self->advanced_row, TRUE);
  if (message != NULL && field == FIELD_SA_API_URL)
    adw_expander_row_set_expanded (self->sa_advanced_row, TRUE);
}

static void
clear_errors (NylAddApplicationWindow *self)
{
  /* A refused file stays refused until another one is chosen. */
  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (i != FIELD_FILE)
        set_error (self, i, NULL);
    }
  nyl_banner_set_revealed (self->banner, FALSE);
}

static void
show_general_error (NylAddApplicationWindow *self,
                    const GError            *error)
{
  g_autofree char *message = nyl_ui_describe_error (error);

  nyl_banner_set_title (self->banner, message);
  nyl_banner_set_revealed (self->banner, TRUE);
}

static char *
get_text (NylAddApplicationWindow *self,
          Field                    field)
{
  return nyl_ui_form_dup_text (GTK_EDITABLE (self->rows[field]));
}

static void
wipe_credentials (NylAddApplicationWindow *self)
{
  if (self->sa_json != NULL)
    {
      explicit_bzero (self->sa_json, self->sa_json_length);
      g_clear_pointer (&self->sa_json, g_free);
    }
  self->sa_json_length = 0;
  g_clear_pointer (&self->sa_file_name, g_free);
}

static void
update_file_row (NylAddApplicationWindow *self,
                 const char              *detail)
{
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rows[FIELD_FILE]),
                               detail ? detail : _("No file chosen"));
}

static void
set_busy (NylAddApplicationWindow *self,
          gboolean                 busy)
{
  self->busy = !!busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->view_stack), !busy);
  gtk_widget_set_sensitive (self->add_button, !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
on_field_changed_cb (NylAddApplicationWindow *self,
                     GObject                 *row)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (self->rows[i] == GTK_WIDGET (row))
        set_error (self, i, NULL);
    }

  /* A wrong-region complaint belongs to the key and the region together. */
  if (GTK_WIDGET (row) == self->rows[FIELD_REGION])
    set_error (self, FIELD_API_KEY, NULL);
}

static void
on_region_changed_cb (NylAddApplicationWindow *self,
                      GParamSpec              *pspec,
                      GObject                 *row)
{
  on_field_changed_cb (self, row);
}

static void
on_page_changed_cb (NylAddApplicationWindow *self)
{
  nyl_banner_set_revealed (self->banner, FALSE);
}

/* Returns the profile name, or NULL with the error shown. */
static char *
check_name (NylAddApplicationWindow *self,
            Field                    field)
{
  g_autofree char *name = get_text (self, field);
  g_autoptr(GError) error = NULL;

  if (!nyl_input_check_profile_name (name, &error))
    {
      set_error (self, field, error->message);
      return NULL;
    }

  if (self->store != NULL && nyl_profile_store_lookup_by_name (self->store, name) != NULL)
    {
      set_error (self, field, _("Another application already has this name: choose another one"));
      return NULL;
    }

  return g_steal_pointer (&name);
}

/* Returns the custom API URL ("" for none), or NULL with the error shown. */
static char *
check_api_url (NylAddApplicationWindow *self,
               Field                    field)
{
  g_autofree char *url = get_text (self, field);
  g_autoptr(GError) error = NULL;

  if (*url != '\0' && !nyl_api_url_check (url, &error))
    {
      if (g_error_matches (error, NYL_API_ERROR, NYL_API_ERROR_INSECURE_URL))
        set_error (self, field, _("Use https: plain http is only allowed to this computer "
                                  "(localhost)"));
      else
        set_error (self, field, error->message);
      return NULL;
    }

  return g_steal_pointer (&url);
}

static void
added_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(NylAddApplicationWindow) self = user_data;
  NylProfileStore *store = NYL_PROFILE_STORE (object);
  g_autoptr(NylProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  gboolean sa = on_service_account_path (self);
  const char *region;

  if (sa)
    profile = nyl_profile_add_with_service_account_finish (store, result, &error);
  else
    profile = nyl_profile_add_with_api_key_finish (store, result, &error);

  if (nyl_ui_error_is_cancelled (error))
    return;

  set_busy (self, FALSE);

  if (profile != NULL)
    {
      wipe_credentials (self);
      g_signal_emit (self, signals[SIGNAL_ADDED], 0, profile);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  g_debug ("Adding the application failed: %s", error->message);
  region = regions[MIN (adw_combo_row_get_selected (ADW_COMBO_ROW (self->rows[FIELD_REGION])), 2)];

  /* Put the complaint next to the field it is about. */
  if (error->domain != NYL_API_ERROR)
    show_general_error (self, error);
  else if (!sa && (error->code == NYL_API_ERROR_UNAUTHORIZED ||
                   error->code == NYL_API_ERROR_FORBIDDEN))
    {
      if (region != NULL)
        set_error (self, FIELD_API_KEY,
                   g_str_equal (region, "us")
                   ? _("Nylas refused this key in the US region. Check the key, or choose "
                       "“Detect Automatically” in case the application is in Europe.")
                   : _("Nylas refused this key in the EU region. Check the key, or choose "
                       "“Detect Automatically” in case the application is in the US."));
      else
        set_error (self, FIELD_API_KEY,
                   _("Nylas refused this key in both regions. Check that you copied the whole "
                     "key and that it has not been revoked or expired."));
      gtk_widget_grab_focus (self->rows[FIELD_API_KEY]);
    }
  else if (error->code == NYL_API_ERROR_INSECURE_URL)
    set_error (self, sa ? FIELD_SA_API_URL : FIELD_API_URL, error->message);
  else if (sa && error->code == NYL_API_ERROR_INVALID_CREDENTIALS)
    set_error (self, FIELD_FILE, error->message);
  else if (sa && (error->code == NYL_API_ERROR_UNAUTHORIZED))
    set_error (self, FIELD_FILE, _("Nylas refused this Service Account: it may have been deleted "
                                   "or belong to another organization or region."));
  else if (sa && (error->code == NYL_API_ERROR_NOT_FOUND || error->code == NYL_API_ERROR_FORBIDDEN))
    set_error (self, FIELD_APPLICATION_ID,
               _("This Service Account cannot reach an application with this ID: check the ID, "
                 "and that the application belongs to the Service Account’s organization."));
  else
    show_general_error (self, error);
}

static gboolean
add_with_api_key (NylAddApplicationWindow *self)
{
  g_autofree char *name = check_name (self, FIELD_NAME);
  g_autofree char *api_key = get_text (self, FIELD_API_KEY);
  g_autofree char *api_url = check_api_url (self, FIELD_API_URL);
  g_autoptr(GError) error = NULL;
  const char *region;
  gboolean ok = name != NULL && api_url != NULL;

  if (!nyl_input_check_api_key (api_key, &error))
    {
      set_error (self, FIELD_API_KEY, error->message);
      ok = FALSE;
    }

  if (!ok)
    {
      for (guint i = FIELD_NAME; i <= FIELD_API_URL; i++)
        {
          if (gtk_widget_get_visible (self->errors[i]))
            {
              gtk_widget_grab_focus (self->rows[i]);
              break;
            }
        }
      return FALSE;
    }

  region = regions[MIN (adw_combo_row_get_selected (ADW_COMBO_ROW (self->rows[FIELD_REGION])), 2)];

  set_busy (self, TRUE);
  nyl_profile_add_with_api_key_async (self->store, name, api_key, region,
                                      *api_url != '\0' ? api_url : NULL, self->cancellable,
                                      added_cb, g_object_ref (self));
  explicit_bzero (api_key, strlen (api_key));

  return TRUE;
}

static gboolean
add_with_service_account (NylAddApplicationWindow *self)
{
  g_autofree char *name = check_name (self, FIELD_SA_NAME);
  g_autofree char *application_id = get_text (self, FIELD_APPLICATION_ID);
  g_autofree char *api_url = check_api_url (self, FIELD_SA_API_URL);
  g_autoptr(GError) error = NULL;
  gboolean ok = name != NULL && api_url != NULL;

  if (self->sa_json == NULL)
    {
      if (!gtk_widget_get_visible (self->errors[FIELD_FILE]))
        set_error (self, FIELD_FILE, _("Choose the Service Account’s credentials file"));
      ok = FALSE;
    }

  if (!nyl_input_check_application_id (application_id, &error))
    {
      set_error (self, FIELD_APPLICATION_ID, error->message);
      ok = FALSE;
    }

  if (!ok)
    {
      for (guint i = FIELD_SA_NAME; i <= FIELD_SA_API_URL; i++)
        {
          if (gtk_widget_get_visible (self->errors[i]))
            {
              gtk_widget_grab_focus (i == FIELD_FILE ? gtk_widget_get_last_child (self->rows[i])
                                                     : self->rows[i]);
              break;
            }
        }
      return FALSE;
    }

  set_busy (self, TRUE);
  nyl_profile_add_with_service_account_async (self->store, name, self->sa_json,
                                              (gssize) self->sa_json_length, application_id,
                                              *api_url != '\0' ? api_url : NULL,
                                              self->cancellable, added_cb, g_object_ref (self));

  return TRUE;
}

static void
on_add_clicked_cb (NylAddApplicationWindow *self)
{
  nyl_add_application_window_add (self);
}

static void
file_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(NylAddApplicationWindow) self = user_data;
  GFile *file = G_FILE (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(NylServiceAccount) account = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *detail = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (file, result, &contents, &length, NULL, &error))
    {
      if (nyl_ui_error_is_cancelled (error))
        return;

      g_debug ("Could not read the credentials file: %s", error->message);
      /* Translators: %s is why the file could not be read. */
      detail = g_strdup_printf (_("This file could not be read: %s"), error->message);
      wipe_credentials (self);
      update_file_row (self, NULL);
      set_error (self, FIELD_FILE, detail);
      return;
    }

  basename = g_file_get_basename (file);

  if (length > MAX_CREDENTIALS_SIZE)
    {
      explicit_bzero (contents, length);
      g_free (contents);
      wipe_credentials (self);
      update_file_row (self, NULL);
      set_error (self, FIELD_FILE, _("This file is far too big to be a Service Account "
                                     "credentials file"));
      return;
    }

  account = nyl_service_account_new_from_data (contents, (gssize) length, &error);
  if (account == NULL)
    {
      explicit_bzero (contents, length);
      g_free (contents);
      /* Translators: %s says what is wrong with the file. */
      detail = g_strdup_printf (_("This is not a usable credentials file: %s"), error->message);
      wipe_credentials (self);
      update_file_row (self, NULL);
      set_error (self, FIELD_FILE, detail);
      return;
    }

  wipe_credentials (self);
  self->sa_json = contents;
  self->sa_json_length = length;
  self->sa_file_name = g_steal_pointer (&basename);

  /* Translators: the chosen file, then the Service Account's organization and region. */
  detail = g_strdup_printf (_("%s · organization %s, region %s"), self->sa_file_name,
                            nyl_service_account_get_organization_id (account),
                            nyl_service_account_get_region (account));
  update_file_row (self, detail);
  set_error (self, FIELD_FILE, NULL);
}

static void
chooser_response_cb (NylAddApplicationWindow *self,
                     int                      response,
                     GtkNativeDialog         *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL)
    nyl_add_application_window_load_file (self, file);
}

static void
on_choose_file_cb (NylAddApplicationWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) json_filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_filter = gtk_file_filter_new ();

  /* Through the file chooser portal inside a Flatpak: no file system access needed. */
  chooser = gtk_file_chooser_native_new (_("Choose the Service Account Credentials File"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (json_filter, _("Credentials Files (JSON)"));
  gtk_file_filter_add_mime_type (json_filter, "application/json");
  gtk_file_filter_add_pattern (json_filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json_filter);
  gtk_file_filter_set_name (all_filter, _("All Files"));
  gtk_file_filter_add_pattern (all_filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all_filter);

  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
nyl_add_application_window_close_request (GtkWindow *window)
{
  NylAddApplicationWindow *self = NYL_ADD_APPLICATION_WINDOW (window);

  /* Closing abandons the operation; the model stores nothing half done. */
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->file_cancellable);

  return GTK_WINDOW_CLASS (nyl_add_application_window_parent_class)->close_request (window);
}

static void
nyl_add_application_window_dispose (GObject *object)
{
  NylAddApplicationWindow *self = (NylAddApplicationWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->file_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), NYL_TYPE_ADD_APPLICATION_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->file_cancellable);
  g_clear_object (&self->store);
  wipe_credentials (self);

  G_OBJECT_CLASS (nyl_add_application_window_parent_class)->dispose (object);
}

static void
nyl_add_application_window_class_init (NylAddApplicationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = nyl_add_application_window_dispose;
  window_class->close_request = nyl_add_application_window_close_request;

  /**
   * NylAddApplicationWindow::added:
   * @profile: the profile added to the store
   */
  signals[SIGNAL_ADDED] =
    g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, NYL_TYPE_PROFILE);

  g_type_ensure (NYL_TYPE_BANNER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/nyl-add-application-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NylAddApplicationWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, NylAddApplicationWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, NylAddApplicationWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, NylAddApplicationWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, NylAddApplicationWindow, advanced_row);
  gtk_widget_class_bind_template_child (widget_class, NylAddApplicationWindow, sa_advanced_row);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, field_ids[i].row, FALSE,
                                                 G_STRUCT_OFFSET (NylAddApplicationWindow, rows)
                                                 + i * sizeof (GtkWidget *));
      gtk_widget_class_bind_template_child_full (widget_class, field_ids[i].error, FALSE,
                                                 G_STRUCT_OFFSET (NylAddApplicationWindow, errors)
                                                 + i * sizeof (GtkWidget *));
    }
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_region_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_file_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nyl_add_application_window_init (NylAddApplicationWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  update_file_row (self, NULL);
  gtk_widget_grab_focus (self->rows[FIELD_NAME]);
}

NylAddApplicationWindow *
nyl_add_application_window_new (NylProfileStore *store)
{
  NylAddApplicationWindow *self;

  g_return_val_if_fail (NYL_IS_PROFILE_STORE (store), NULL);

  self = g_object_new (NYL_TYPE_ADD_APPLICATION_WINDOW, NULL);
  self->store = g_object_ref (store);

  return self;
}

const char *
nyl_add_application_window_get_path (NylAddApplicationWindow *self)
{
  g_return_val_if_fail (NYL_IS_ADD_APPLICATION_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
nyl_add_application_window_set_path (NylAddApplicationWindow *self,
                                     const char              *path)
{
  g_return_if_fail (NYL_IS_ADD_APPLICATION_WINDOW (self));
  g_return_if_fail (g_strcmp0 (path, "api-key") == 0 ||
                    g_strcmp0 (path, "service-account") == 0);

  adw_view_stack_set_visible_child_name (self->view_stack, path);
}

void
nyl_add_application_window_set_field (NylAddApplicationWindow *self,
                                      const char              *field,
                                      const char              *value)
{
  Field f;

  g_return_if_fail (NYL_IS_ADD_APPLICATION_WINDOW (self));

  f = field_for_name (self, field);
  g_return_if_fail (f != N_FIELDS && f != FIELD_FILE);

  if (f == FIELD_REGION)
    {
      for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
        {
          if (g_strcmp0 (regions[i], value && *value ? value : NULL) == 0)
            adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[f]), i);
        }
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->rows[f]), value ? value : "");
}

const char *
nyl_add_application_window_get_error (NylAddApplicationWindow *self,
                                      const char              *field)
{
  GtkWidget *label;
  Field f;

  g_return_val_if_fail (NYL_IS_ADD_APPLICATION_WINDOW (self), NULL);

  f = field_for_name (self, field);
  g_return_val_if_fail (f != N_FIELDS, NULL);

  if (!gtk_widget_get_visible (self->errors[f]))
    return NULL;

  label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self->errors[f]));

  return gtk_label_get_label (GTK_LABEL (label));
}

void
nyl_add_application_window_load_file (NylAddApplicationWindow *self,
                                      GFile                   *file)
{
  g_return_if_fail (NYL_IS_ADD_APPLICATION_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->file_cancellable);
  g_clear_object (&self->file_cancellable);
  self->file_cancellable = g_cancellable_new ();

  set_error (self, FIELD_FILE, NULL);
  g_file_load_contents_async (file, self->file_cancellable, file_loaded_cb, g_object_ref (self));
}

const char *
nyl_add_application_window_get_file_name (NylAddApplicationWindow *self)
{
  g_return_val_if_fail (NYL_IS_ADD_APPLICATION_WINDOW (self), NULL);

  return self->sa_file_name;
}

gboolean
nyl_add_application_window_get_busy (NylAddApplicationWindow *self)
{
  g_return_val_if_fail (NYL_IS_ADD_APPLICATION_WINDOW (self), FALSE);

  return self->busy;
}

gboolean
nyl_add_application_window_add (NylAddApplicationWindow *self)
{
  g_return_val_if_fail (NYL_IS_ADD_APPLICATION_WINDOW (self), FALSE);

  if (self->busy)
    return FALSE;

  clear_errors (self);

  if (on_service_account_path (self))
    return add_with_service_account (self);

  return add_with_api_key (self);
}
