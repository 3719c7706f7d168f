/* nyl-service-account-group.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-service-account-group"

#include "config.h"

#include "nyl-service-account-group.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nyl-keys-ui.h"
#include "nyl-profile-ops.h"
#include "nyl-ui-dialogs.h"

struct _NylServiceAccountGroup
{
  AdwPreferencesGroup   parent_instance;

  /* Owned References */
  NylSession           *session;
  NylProfileStore      *store;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  char                 *error_text;

  guint                 busy : 1;

  /* Template Widgets */
  GtkSpinner           *spinner;
  GtkButton            *import_button;
  GtkButton            *replace_button;
  GtkButton            *forget_button;
  AdwActionRow         *key_id_row;
  AdwActionRow         *organization_row;
  AdwActionRow         *region_row;
  AdwActionRow         *permissions_row;
  GtkWidget            *help_link;
  GtkLabel             *error_label;
};

G_DEFINE_FINAL_TYPE (NylServiceAccountGroup, nyl_service_account_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_PROFILE_STORE,
  PROP_BUSY,
  N_PROPS,
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static NylServiceAccount *
current_account (NylServiceAccountGroup *self)
{
  if (self->session == NULL)
    return NULL;

  return nyl_client_get_service_account (nyl_session_get_client (self->session));
}

/* Replace and Forget only make sense for a profile the store keeps (not the sandbox). */
static gboolean
profile_is_stored (NylServiceAccountGroup *self)
{
  NylProfile *profile;

  if (self->session == NULL || self->store == NULL)
    return FALSE;

  profile = nyl_session_get_profile (self->session);

  return nyl_profile_store_lookup (self->store, nyl_profile_get_id (profile)) == profile;
}

static void
set_error_text (NylServiceAccountGroup *self,
                const char             *text)
{
  g_free (self->error_text);
  self->error_text = g_strdup (text);
  gtk_label_set_label (self->error_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), text != NULL);
}

static void
update (NylServiceAccountGroup *self)
{
  NylServiceAccount *account = current_account (self);
  gboolean stored = profile_is_stored (self);

  gtk_widget_set_visible (GTK_WIDGET (self->key_id_row), account != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->organization_row), account != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->region_row), account != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->permissions_row), account != NULL);
  gtk_widget_set_visible (self->help_link, account == NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->import_button), account == NULL && stored);
  gtk_widget_set_visible (GTK_WIDGET (self->replace_button), account != NULL && stored);
  gtk_widget_set_visible (GTK_WIDGET (self->forget_button), account != NULL && stored);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->replace_button), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->forget_button), !self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);

  if (account != NULL)
    {
      const char * const *permissions = nyl_service_account_get_permissions (account);
      const char *region = nyl_service_account_get_region (account);
      g_autofree char *joined = NULL;

      adw_action_row_set_subtitle (self->key_id_row, nyl_service_account_get_key_id (account));
      adw_action_row_set_subtitle (self->organization_row,
                                   nyl_service_account_get_organization_id (account));
      adw_action_row_set_subtitle (self->region_row,
                                   g_strcmp0 (region, "eu") == 0 ? _("EU") :
                                   g_strcmp0 (region, "us") == 0 ? _("US") : region);
      if (permissions == NULL || permissions[0] == NULL)
        joined = g_strdup (_("None listed in the credentials file"));
      else
        joined = g_strjoinv (", ", (char **)permissions);
      adw_action_row_set_subtitle (self->permissions_row, joined);

      if (stored)
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                               _("Signs the requests that manage API keys and "
                                                 "domains. Its private key is kept in your "
                                                 "keyring."));
      else
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                               _("The simulated organization’s Service Account, "
                                                 "provided by the sandbox."));
    }
  else
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                           _("API keys and domains are managed through your "
                                             "organization’s Nylas Service Account: a "
                                             "credentials file (JSON) that Nylas Support issues "
                                             "on request. Its private key signs each request and "
                                             "is kept in your keyring, never in a file."));
}

static void
set_busy (NylServiceAccountGroup *self,
          gboolean                busy)
{
  if (self->busy == !!busy)
    return;

  self->busy = !!busy;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

typedef struct
{
  NylServiceAccountGroup *self;
  NylServiceAccount      *account;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->account);
  g_free (data);
}

static void
set_account_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportData *data = user_data;
  NylServiceAccountGroup *self = data->self;
  g_autoptr(GError) error = NULL;

  if (!nyl_profile_set_service_account_finish (NYL_PROFILE_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_busy (self, FALSE);
          set_error_text (self, error->message);
        }
      import_data_free (data);
      return;
    }

  /* The open session signs with the new account (or none) from now on. */
  if (self->session != NULL)
    nyl_client_set_service_account (nyl_session_get_client (self->session), data->account);

  set_busy (self, FALSE);
  set_error_text (self, NULL);
  update (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  import_data_free (data);
}

static void
wipe_free (char  *data,
           gsize  length)
{
  if (data == NULL)
    return;

  memset (data, 0, length);
  g_free (data);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(NylServiceAccountGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(NylServiceAccount) account = NULL;
  char *contents = NULL;
  gsize length = 0;
  ImportData *data;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *text = g_strdup_printf (_("The file could not be read: %s"),
                                                   error->message);

          set_busy (self, FALSE);
          set_error_text (self, text);
        }
      return;
    }

  /* Checked here first so a wrong file gets a clear word at once. */
  account = nyl_service_account_new_from_data (contents, (gssize)length, &error);
  if (account == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("This is not a usable Service Account file: %s"),
                                               error->message);

      wipe_free (contents, length);
      set_busy (self, FALSE);
      set_error_text (self, text);
      return;
    }

  data = g_new0 (ImportData, 1);
  data->self = g_object_ref (self);
  data->account = g_steal_pointer (&account);
  nyl_profile_set_service_account_async (self->store, nyl_session_get_profile (self->session),
                                         contents, (gssize)length, self->cancellable,
                                         set_account_cb, data);
  wipe_free (contents, length);
}

void
nyl_service_account_group_import_file (NylServiceAccountGroup *self,
                                       GFile                  *file)
{
  g_return_if_fail (NYL_IS_SERVICE_ACCOUNT_GROUP (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->busy || self->session == NULL || self->store == NULL)
    return;

  set_error_text (self, NULL);
  set_busy (self, TRUE);
  g_file_load_contents_async (file, self->cancellable, load_cb, g_object_ref (self));
}

static void
chooser_response_cb (NylServiceAccountGroup *self,
                     int                     response,
                     GtkNativeDialog        *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);

  if (file != NULL)
    nyl_service_account_group_import_file (self, file);
}

static void
on_import_clicked_cb (NylServiceAccountGroup *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->chooser != NULL)
    return;

  /* Native, so that it goes through the portal in a sandbox. */
  self->chooser = gtk_file_chooser_native_new (_("Import Service Account Credentials"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Credentials files (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
forget_confirmed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(NylServiceAccountGroup) self = user_data;
  ImportData *data;

  if (!nyl_ui_confirm_finish (result, NULL) || self->session == NULL || self->store == NULL)
    return;

  set_error_text (self, NULL);
  set_busy (self, TRUE);
  data = g_new0 (ImportData, 1);
  data->self = g_object_ref (self);
  nyl_profile_set_service_account_async (self->store, nyl_session_get_profile (self->session),
                                         NULL, 0, self->cancellable, set_account_cb, data);
}

static void
on_forget_clicked_cb (NylServiceAccountGroup *self)
{
  nyl_ui_confirm_async (GTK_WIDGET (self), _("Forget the Service Account?"),
                        _("Its private key is removed from the keyring. API keys and domains "
                          "cannot be managed for this application until it is imported again. "
                          "Existing API keys keep working."),
                        _("_Forget"), TRUE, self->cancellable,
                        forget_confirmed_cb, g_object_ref (self));
}

static void
on_copy_key_id_cb (NylServiceAccountGroup *self)
{
  NylServiceAccount *account = current_account (self);

  if (account != NULL)
    nyl_keys_ui_copy_text (GTK_WIDGET (self), nyl_service_account_get_key_id (account));
}

static void
nyl_service_account_group_dispose (GObject *object)
{
  NylServiceAccountGroup *self = (NylServiceAccountGroup *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));

  gtk_widget_dispose_template (GTK_WIDGET (self), NYL_TYPE_SERVICE_ACCOUNT_GROUP);
  g_clear_object (&self->chooser);
  g_clear_object (&self->session);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (nyl_service_account_group_parent_class)->dispose (object);
}

static void
nyl_service_account_group_finalize (GObject *object)
{
  NylServiceAccountGroup *self = (NylServiceAccountGroup *)object;

  g_clear_pointer (&self->error_text, g_free);

  G_OBJECT_CLASS (nyl_service_account_group_parent_class)->finalize (object);
}

static void
nyl_service_account_group_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  NylServiceAccountGroup *self = NYL_SERVICE_ACCOUNT_GROUP (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_PROFILE_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_service_account_group_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  NylServiceAccountGroup *self = NYL_SERVICE_ACCOUNT_GROUP (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      nyl_service_account_group_set_session (self, g_value_get_object (value));
      break;

    case PROP_PROFILE_STORE:
      nyl_service_account_group_set_profile_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_service_account_group_class_init (NylServiceAccountGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nyl_service_account_group_dispose;
  object_class->finalize = nyl_service_account_group_finalize;
  object_class->get_property = nyl_service_account_group_get_property;
  object_class->set_property = nyl_service_account_group_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, NYL_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROFILE_STORE] =
    g_param_spec_object ("profile-store", NULL, NULL, NYL_TYPE_PROFILE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NylServiceAccountGroup::changed:
   * @self: the group
   *
   * Emitted after a Service Account was imported, replaced or forgotten; the
   * session already signs with it.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/nyl-service-account-group.ui");
  gtk_widget_class_bind_template_child (widget_class, NylServiceAccountGroup, spinner);
  gtk_widget_class_bind_template_child (widget_class, NylServiceAccountGroup, import_button);
  gtk_widget_class_bind_template_child (widget_class, NylServiceAccountGroup, replace_button);
  gtk_widget_class_bind_template_child (widget_class, NylServiceAccountGroup, forget_button);
  gtk_widget_class_bind_template_child (widget_class, NylServiceAccountGroup, key_id_row);
  gtk_widget_class_bind_template_child (widget_class, NylServiceAccountGroup, organization_row);
  gtk_widget_class_bind_template_child (widget_class, NylServiceAccountGroup, region_row);
  gtk_widget_class_bind_template_child (widget_class, NylServiceAccountGroup, permissions_row);
  gtk_widget_class_bind_template_child (widget_class, NylServiceAccountGroup, help_link);
  gtk_widget_class_bind_template_child (widget_class, NylServiceAccountGroup, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_forget_clicked_cb);
}

static void
nyl_service_account_group_init (NylServiceAccountGroup *self)
{
  GtkWidget *copy;

  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_set_tooltip_text (copy, _("Copy Key ID"));
  g_signal_connect_object (copy, "clicked", G_CALLBACK (on_copy_key_id_cb), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (self->key_id_row, copy);

  update (self);
}

GtkWidget *
nyl_service_account_group_new (void)
{
  return g_object_new (NYL_TYPE_SERVICE_ACCOUNT_GROUP, NULL);
}

NylSession *
nyl_service_account_group_get_session (NylServiceAccountGroup *self)
{
  g_return_val_if_fail (NYL_IS_SERVICE_ACCOUNT_GROUP (self), NULL);

  return self->session;
}

void
nyl_service_account_group_set_session (NylServiceAccountGroup *self,
                                       NylSession             *session)
{
  g_return_if_fail (NYL_IS_SERVICE_ACCOUNT_GROUP (self));
  g_return_if_fail (session == NULL || NYL_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  set_error_text (self, NULL);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

NylProfileStore *
nyl_service_account_group_get_profile_store (NylServiceAccountGroup *self)
{
  g_return_val_if_fail (NYL_IS_SERVICE_ACCOUNT_GROUP (self), NULL);

  return self->store;
}

void
nyl_service_account_group_set_profile_store (NylServiceAccountGroup *self,
                                             NylProfileStore        *store)
{
  g_return_if_fail (NYL_IS_SERVICE_ACCOUNT_GROUP (self));
  g_return_if_fail (store == NULL || NYL_IS_PROFILE_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE_STORE]);
}

gboolean
nyl_service_account_group_get_busy (NylServiceAccountGroup *self)
{
  g_return_val_if_fail (NYL_IS_SERVICE_ACCOUNT_GROUP (self), FALSE);

  return self->busy;
}

const char *
nyl_service_account_group_get_error_text (NylServiceAccountGroup *self)
{
  g_return_val_if_fail (NYL_IS_SERVICE_ACCOUNT_GROUP (self), NULL);

  return self->error_text;
}
