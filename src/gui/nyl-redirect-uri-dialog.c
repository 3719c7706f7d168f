/* nyl-redirect-uri-dialog.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-redirect-uri-dialog"

#include "config.h"

#include "nyl-redirect-uri-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nyl-banner.h"
#include "nyl-input-check.h"
#include "nyl-ui-form.h"

static const char * const platforms[] = { "web", "desktop", "js", "ios", "android", NULL };

typedef enum
{
  FIELD_URL,
  FIELD_PLATFORM,
  FIELD_ORIGIN,
  FIELD_BUNDLE_ID,
  FIELD_APP_STORE_ID,
  FIELD_TEAM_ID,
  FIELD_PACKAGE_NAME,
  FIELD_FINGERPRINT,
  N_FIELDS,
} Field;

static const char * const field_names[N_FIELDS] = {
  "url", "platform", "origin", "bundle-id", "app-store-id", "team-id", "package-name",
  "fingerprint",
};

struct _NylRedirectUriDialog
{
  AdwWindow       parent_instance;

  /* Owned References */
  NylSession     *session;
  GListModel     *existing;
  NylRedirectUri *uri;
  GCancellable   *cancellable;

  /* Template Widgets */
  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  GtkSpinner     *spinner;
  NylBanner      *banner;
  GtkWidget      *form;
  AdwComboRow    *platform_row;
  GtkWidget      *js_group;
  GtkWidget      *ios_group;
  GtkWidget      *android_group;
  GtkWidget      *rows[N_FIELDS];
  GtkWidget      *errors[N_FIELDS];
};

G_DEFINE_FINAL_TYPE (NylRedirectUriDialog, nyl_redirect_uri_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static const char *
get_platform (NylRedirectUriDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->platform_row);

  return selected < G_N_ELEMENTS (platforms) - 1 ? platforms[selected] : "web";
}

static char *
get_text (NylRedirectUriDialog *self,
          Field                 field)
{
  return nyl_ui_form_dup_text (GTK_EDITABLE (self->rows[field]));
}

static void
set_error (NylRedirectUriDialog *self,
           Field                 field,
           const char           *message)
{
  nyl_ui_form_set_error (self->rows[field], self->errors[field], message);
}

static const char *
get_error (NylRedirectUriDialog *self,
           Field                 field)
{
  GtkWidget *label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self->errors[field]));

  if (!gtk_widget_get_visible (self->errors[field]))
    return NULL;

  return gtk_label_get_label (GTK_LABEL (label));
}

static void
update_platform (NylRedirectUriDialog *self)
{
  const char *platform = get_platform (self);

  gtk_widget_set_visible (self->js_group, g_str_equal (platform, "js"));
  gtk_widget_set_visible (self->ios_group, g_str_equal (platform, "ios"));
  gtk_widget_set_visible (self->android_group, g_str_equal (platform, "android"));
}

static void
on_platform_changed_cb (NylRedirectUriDialog *self)
{
  update_platform (self);
  set_error (self, FIELD_URL, NULL);
  set_error (self, FIELD_PLATFORM, NULL);
}

static void
on_field_changed_cb (NylRedirectUriDialog *self,
                     GtkEditable          *editable)
{
  /* Editing a refused field takes its complaint away. */
  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (self->rows[i] == GTK_WIDGET (editable))
        set_error (self, i, NULL);
    }
}

static gboolean
is_identifier_path (const char *text,
                    gboolean    allow_dash)
{
  g_auto(GStrv) parts = g_strsplit (text, ".", -1);

  if (g_strv_length (parts) < 2)
    return FALSE;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0')
        return FALSE;
      for (const char *p = parts[i]; *p != '\0'; p++)
        {
          if (!g_ascii_isalnum (*p) && *p != '_' && !(allow_dash && *p == '-'))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
is_digits (const char *text,
           guint       min_length,
           guint       max_length)
{
  gsize len = strlen (text);

  if (len < min_length || len > max_length)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_duplicate (NylRedirectUriDialog *self,
              const char           *url,
              const char           *platform)
{
  const char *own_id = self->uri ? nyl_resource_get_id (NYL_RESOURCE (self->uri)) : NULL;
  guint n = self->existing ? g_list_model_get_n_items (self->existing) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NylRedirectUri) other = g_list_model_get_item (self->existing, i);
      const char *other_platform = nyl_redirect_uri_get_platform (other);

      if (own_id != NULL && g_strcmp0 (nyl_resource_get_id (NYL_RESOURCE (other)), own_id) == 0)
        continue;
      if (g_strcmp0 (nyl_redirect_uri_get_url (other), url) == 0 &&
          g_strcmp0 (other_platform ? other_platform : "web", platform) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Checks every field; returns the settings to send, or NULL (errors shown). */
static JsonObject *
validate (NylRedirectUriDialog *self,
          char                **url_out)
{
  const char *platform = get_platform (self);
  g_autoptr(JsonObject) settings = json_object_new ();
  g_autofree char *url = get_text (self, FIELD_URL);
  g_autoptr(GError) error = NULL;
  Field first_bad = N_FIELDS;

#define REFUSE(field, message) \
  G_STMT_START { \
    set_error (self, field, message); \
    if (first_bad == N_FIELDS) \
      first_bad = field; \
  } G_STMT_END

  for (guint i = 0; i < N_FIELDS; i++)
    set_error (self, i, NULL);

  if (!nyl_input_check_redirect_uri (url, platform, &error))
    REFUSE (FIELD_URL, error->message);
  else if (is_duplicate (self, url, platform))
    REFUSE (FIELD_URL, _("This redirect URI is already registered for this platform"));

  if (g_str_equal (platform, "js"))
    {
      g_autofree char *origin = get_text (self, FIELD_ORIGIN);

      if (*origin == '\0')
        REFUSE (FIELD_ORIGIN, _("Enter the origin your web app runs on, such as app.example.com"));
      else if (strpbrk (origin, " /") != NULL && !g_str_has_prefix (origin, "https://"))
        REFUSE (FIELD_ORIGIN,
                _("An origin is a host name such as app.example.com, without a path"));
      else
        json_object_set_string_member (settings, "origin", origin);
    }
  else if (g_str_equal (platform, "ios"))
    {
      g_autofree char *bundle_id = get_text (self, FIELD_BUNDLE_ID);
      g_autofree char *app_store_id = get_text (self, FIELD_APP_STORE_ID);
      g_autofree char *team_id = get_text (self, FIELD_TEAM_ID);

      if (*bundle_id == '\0')
        REFUSE (FIELD_BUNDLE_ID, _("Enter the app’s bundle ID, such as com.example.MyApp"));
      else if (!is_identifier_path (bundle_id, TRUE))
        REFUSE (FIELD_BUNDLE_ID, _("A bundle ID is like com.example.MyApp: letters, digits, "
                                   "dashes and dots"));
      else
        json_object_set_string_member (settings, "bundle_id", bundle_id);

      if (*app_store_id != '\0' && !is_digits (app_store_id, 1, 20))
        REFUSE (FIELD_APP_STORE_ID, _("An App Store ID is only digits, such as 1234567890"));
      else if (*app_store_id != '\0')
        json_object_set_string_member (settings, "app_store_id", app_store_id);

      if (*team_id != '\0' &&
          (strlen (team_id) != 10 ||
           strspn (team_id, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != 10))
        REFUSE (FIELD_TEAM_ID, _("A team ID is 10 capital letters and digits, such as A1B2C3D4E5"));
      else if (*team_id != '\0')
        json_object_set_string_member (settings, "team_id", team_id);
    }
  else if (g_str_equal (platform, "android"))
    {
      g_autofree char *package_name = get_text (self, FIELD_PACKAGE_NAME);
      g_autofree char *fingerprint_text = get_text (self, FIELD_FINGERPRINT);
      g_autofree char *fingerprint = NULL;
      g_autoptr(GError) fingerprint_error = NULL;

      if (*package_name == '\0')
        REFUSE (FIELD_PACKAGE_NAME, _("Enter the app’s package name, such as com.example.myapp"));
      else if (!is_identifier_path (package_name, FALSE) || !g_ascii_isalpha (package_name[0]))
        REFUSE (FIELD_PACKAGE_NAME, _("A package name is like com.example.myapp: letters, digits "
                                      "and underscores, with at least one dot"));
      else
        json_object_set_string_member (settings, "package_name", package_name);

      if (*fingerprint_text == '\0')
        REFUSE (FIELD_FINGERPRINT, _("Enter the SHA-1 fingerprint of the app’s signing "
                                     "certificate"));
      else if ((fingerprint = nyl_input_normalize_fingerprint (fingerprint_text,
                                                               &fingerprint_error)) == NULL)
        REFUSE (FIELD_FINGERPRINT, fingerprint_error->message);
      else
        {
          json_object_set_string_member (settings, "sha1_certificate_fingerprint", fingerprint);
          /* Show the form that is sent. */
          if (g_strcmp0 (fingerprint, fingerprint_text) != 0)
            {
              gtk_editable_set_text (GTK_EDITABLE (self->rows[FIELD_FINGERPRINT]), fingerprint);
              set_error (self, FIELD_FINGERPRINT, NULL);
            }
        }
    }

#undef REFUSE

  if (first_bad != N_FIELDS)
    {
      gtk_widget_grab_focus (self->rows[first_bad]);
      return NULL;
    }

  *url_out = g_steal_pointer (&url);

  return g_steal_pointer (&settings);
}

static void
set_busy (NylRedirectUriDialog *self,
          gboolean              busy)
{
  gtk_widget_set_sensitive (self->form, !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(NylRedirectUriDialog) self = user_data;
  g_autoptr(NylResource) saved = NULL;
  g_autoptr(GError) error = NULL;

  if (self->uri != NULL)
    saved = nyl_session_update_finish (NYL_SESSION (object), result, &error);
  else
    saved = nyl_session_create_finish (NYL_SESSION (object), result, &error);

  if (nyl_ui_error_is_cancelled (error))
    return;

  set_busy (self, FALSE);

  if (saved == NULL)
    {
      g_autofree char *message = nyl_ui_describe_error (error);

      nyl_banner_set_title (self->banner, message);
      nyl_banner_set_revealed (self->banner, TRUE);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, saved);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_save_clicked_cb (NylRedirectUriDialog *self)
{
  nyl_redirect_uri_dialog_save (self);
}

static gboolean
nyl_redirect_uri_dialog_close_request (GtkWindow *window)
{
  NylRedirectUriDialog *self = NYL_REDIRECT_URI_DIALOG (window);

  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (nyl_redirect_uri_dialog_parent_class)->close_request (window);
}

static void
nyl_redirect_uri_dialog_dispose (GObject *object)
{
  NylRedirectUriDialog *self = (NylRedirectUriDialog *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), NYL_TYPE_REDIRECT_URI_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->existing);
  g_clear_object (&self->uri);

  G_OBJECT_CLASS (nyl_redirect_uri_dialog_parent_class)->dispose (object);
}

static void
nyl_redirect_uri_dialog_class_init (NylRedirectUriDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = nyl_redirect_uri_dialog_dispose;
  window_class->close_request = nyl_redirect_uri_dialog_close_request;

  /**
   * NylRedirectUriDialog::saved:
   * @uri: the redirect URI as the server stored it
   */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, NYL_TYPE_REDIRECT_URI);

  g_type_ensure (NYL_TYPE_BANNER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/nyl-redirect-uri-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, NylRedirectUriDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, NylRedirectUriDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, NylRedirectUriDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, NylRedirectUriDialog, banner);
  gtk_widget_class_bind_template_child (widget_class, NylRedirectUriDialog, form);
  gtk_widget_class_bind_template_child (widget_class, NylRedirectUriDialog, platform_row);
  gtk_widget_class_bind_template_child (widget_class, NylRedirectUriDialog, js_group);
  gtk_widget_class_bind_template_child (widget_class, NylRedirectUriDialog, ios_group);
  gtk_widget_class_bind_template_child (widget_class, NylRedirectUriDialog, android_group);
  gtk_widget_class_bind_template_child_full (widget_class, "url_row", FALSE,
                                             G_STRUCT_OFFSET (NylRedirectUriDialog,
                                                              rows[FIELD_URL]));
  gtk_widget_class_bind_template_child_full (widget_class, "origin_row", FALSE,
                                             G_STRUCT_OFFSET (NylRedirectUriDialog,
                                                              rows[FIELD_ORIGIN]));
  gtk_widget_class_bind_template_child_full (widget_class, "bundle_id_row", FALSE,
                                             G_STRUCT_OFFSET (NylRedirectUriDialog,
                                                              rows[FIELD_BUNDLE_ID]));
  gtk_widget_class_bind_template_child_full (widget_class, "app_store_id_row", FALSE,
                                             G_STRUCT_OFFSET (NylRedirectUriDialog,
                                                              rows[FIELD_APP_STORE_ID]));
  gtk_widget_class_bind_template_child_full (widget_class, "team_id_row", FALSE,
                                             G_STRUCT_OFFSET (NylRedirectUriDialog,
                                                              rows[FIELD_TEAM_ID]));
  gtk_widget_class_bind_template_child_full (widget_class, "package_name_row", FALSE,
                                             G_STRUCT_OFFSET (NylRedirectUriDialog,
                                                              rows[FIELD_PACKAGE_NAME]));
  gtk_widget_class_bind_template_child_full (widget_class, "fingerprint_row", FALSE,
                                             G_STRUCT_OFFSET (NylRedirectUriDialog,
                                                              rows[FIELD_FINGERPRINT]));
  gtk_widget_class_bind_template_child_full (widget_class, "url_error", FALSE,
                                             G_STRUCT_OFFSET (NylRedirectUriDialog,
                                                              errors[FIELD_URL]));
  gtk_widget_class_bind_template_child_full (widget_class, "platform_error", FALSE,
                                             G_STRUCT_OFFSET (NylRedirectUriDialog,
                                                              errors[FIELD_PLATFORM]));
  gtk_widget_class_bind_template_child_full (widget_class, "origin_error", FALSE,
                                             G_STRUCT_OFFSET (NylRedirectUriDialog,
                                                              errors[FIELD_ORIGIN]));
  gtk_widget_class_bind_template_child_full (widget_class, "bundle_id_error", FALSE,
                                             G_STRUCT_OFFSET (NylRedirectUriDialog,
                                                              errors[FIELD_BUNDLE_ID]));
  gtk_widget_class_bind_template_child_full (widget_class, "app_store_id_error", FALSE,
                                             G_STRUCT_OFFSET (NylRedirectUriDialog,
                                                              errors[FIELD_APP_STORE_ID]));
  gtk_widget_class_bind_template_child_full (widget_class, "team_id_error", FALSE,
                                             G_STRUCT_OFFSET (NylRedirectUriDialog,
                                                              errors[FIELD_TEAM_ID]));
  gtk_widget_class_bind_template_child_full (widget_class, "package_name_error", FALSE,
                                             G_STRUCT_OFFSET (NylRedirectUriDialog,
                                                              errors[FIELD_PACKAGE_NAME]));
  gtk_widget_class_bind_template_child_full (widget_class, "fingerprint_error", FALSE,
                                             G_STRUCT_OFFSET (NylRedirectUriDialog,
                                                              errors[FIELD_FINGERPRINT]));
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_platform_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nyl_redirect_uri_dialog_init (NylRedirectUriDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows[FIELD_PLATFORM] = GTK_WIDGET (self->platform_row);
  self->cancellable = g_cancellable_new ();
}

static void
fill_from (NylRedirectUriDialog *self,
           NylRedirectUri       *uri)
{
  const struct { Field field; const char *value; } values[] = {
    { FIELD_URL, nyl_redirect_uri_get_url (uri) },
    { FIELD_ORIGIN, nyl_redirect_uri_get_origin (uri) },
    { FIELD_BUNDLE_ID, nyl_redirect_uri_get_bundle_id (uri) },
    { FIELD_APP_STORE_ID, nyl_redirect_uri_get_app_store_id (uri) },
    { FIELD_TEAM_ID, nyl_redirect_uri_get_team_id (uri) },
    { FIELD_PACKAGE_NAME, nyl_redirect_uri_get_package_name (uri) },
    { FIELD_FINGERPRINT, nyl_redirect_uri_get_sha1_certificate_fingerprint (uri) },
  };
  const char *platform = nyl_redirect_uri_get_platform (uri);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    gtk_editable_set_text (GTK_EDITABLE (self->rows[values[i].field]),
                           values[i].value ? values[i].value : "");

  for (guint i = 0; platforms[i] != NULL; i++)
    {
      if (g_strcmp0 (platforms[i], platform ? platform : "web") == 0)
        adw_combo_row_set_selected (self->platform_row, i);
    }
}

/**
 * nyl_redirect_uri_dialog_new:
 * @session: the open application
 * @existing: (nullable): its redirect URIs, to refuse duplicates
 * @uri: (nullable): the redirect URI to edit, or %NULL to add one
 */
NylRedirectUriDialog *
nyl_redirect_uri_dialog_new (NylSession     *session,
                             GListModel     *existing,
                             NylRedirectUri *uri)
{
  NylRedirectUriDialog *self;

  g_return_val_if_fail (NYL_IS_SESSION (session), NULL);
  g_return_val_if_fail (existing == NULL || G_IS_LIST_MODEL (existing), NULL);
  g_return_val_if_fail (uri == NULL || NYL_IS_REDIRECT_URI (uri), NULL);

  self = g_object_new (NYL_TYPE_REDIRECT_URI_DIALOG, NULL);
  self->session = g_object_ref (session);
  g_set_object (&self->existing, existing);
  g_set_object (&self->uri, uri);

  if (uri != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Redirect URI"));
      adw_window_title_set_title (self->window_title, _("Edit Redirect URI"));
      gtk_button_set_label (self->save_button, _("_Save"));
      fill_from (self, uri);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Add Redirect URI"));
      adw_window_title_set_title (self->window_title, _("Add Redirect URI"));
      gtk_button_set_label (self->save_button, _("_Add"));
    }

  update_platform (self);
  gtk_widget_grab_focus (self->rows[FIELD_URL]);

  return self;
}

/**
 * nyl_redirect_uri_dialog_get_uri:
 *
 * Returns: (transfer none) (nullable): the redirect URI being edited
 */
NylRedirectUri *
nyl_redirect_uri_dialog_get_uri (NylRedirectUriDialog *self)
{
  g_return_val_if_fail (NYL_IS_REDIRECT_URI_DIALOG (self), NULL);

  return self->uri;
}

void
nyl_redirect_uri_dialog_set_field (NylRedirectUriDialog *self,
                                   const char           *field,
                                   const char           *value)
{
  g_return_if_fail (NYL_IS_REDIRECT_URI_DIALOG (self));
  g_return_if_fail (field != NULL);

  if (g_str_equal (field, "platform"))
    {
      for (guint i = 0; platforms[i] != NULL; i++)
        {
          if (g_strcmp0 (platforms[i], value) == 0)
            adw_combo_row_set_selected (self->platform_row, i);
        }
      return;
    }

  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (g_str_equal (field_names[i], field))
        {
          gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), value ? value : "");
          return;
        }
    }

  g_return_if_reached ();
}

const char *
nyl_redirect_uri_dialog_get_error (NylRedirectUriDialog *self,
                                   const char           *field)
{
  g_return_val_if_fail (NYL_IS_REDIRECT_URI_DIALOG (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (g_str_equal (field_names[i], field))
        return get_error (self, i);
    }

  g_return_val_if_reached (NULL);
}

gboolean
nyl_redirect_uri_dialog_save (NylRedirectUriDialog *self)
{
  g_autoptr(JsonObject) settings = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(NylResource) resource = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  g_return_val_if_fail (NYL_IS_REDIRECT_URI_DIALOG (self), FALSE);

  nyl_banner_set_revealed (self->banner, FALSE);

  settings = validate (self, &url);
  if (settings == NULL)
    return FALSE;

  /* The resource as the API shapes it; an edit keeps its ID. */
  object = json_object_new ();
  if (self->uri != NULL)
    json_object_set_string_member (object, "id", nyl_resource_get_id (NYL_RESOURCE (self->uri)));
  json_object_set_string_member (object, "url", url);
  json_object_set_string_member (object, "platform", get_platform (self));
  json_object_set_object_member (object, "settings", json_object_ref (settings));
  node = json_node_init_object (json_node_alloc (), object);

  resource = nyl_resource_new_from_json (NYL_TYPE_REDIRECT_URI, node, &error);
  if (resource == NULL)
    {
      nyl_banner_set_title (self->banner, error->message);
      nyl_banner_set_revealed (self->banner, TRUE);
      return FALSE;
    }

  set_busy (self, TRUE);
  if (self->uri != NULL)
    nyl_session_update_async (self->session, resource, NULL, self->cancellable, saved_cb,
                              g_object_ref (self));
  else
    nyl_session_create_async (self->session, resource, NULL, self->cancellable, saved_cb,
                              g_object_ref (self));

  return TRUE;
}
