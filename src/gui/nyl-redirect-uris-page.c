/* nyl-redirect-uris-page.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-redirect-uris-page"

#include "config.h"

#include "nyl-redirect-uris-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "nyl-banner.h"
#include "nyl-input-check.h"
#include "nyl-redirect-uri-dialog.h"
#include "nyl-redirect-uri-row.h"
#include "nyl-state-stack.h"
#include "nyl-ui-form.h"

struct _NylRedirectUrisPage
{
  GtkWidget      parent_instance;

  /* Owned References */
  NylSession    *session;
  GListStore    *uris;
  GCancellable  *cancellable;

  guint          loading : 1;
  guint          loaded : 1;

  /* Template Widgets */
  NylBanner     *banner;
  NylStateStack *state_stack;
  GtkLabel      *summary_label;
  GtkSpinner    *spinner;
  GtkListBox    *list_box;
};

G_DEFINE_FINAL_TYPE (NylRedirectUrisPage, nyl_redirect_uris_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_LOADING,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
toast_error (NylRedirectUrisPage *self,
             const char          *what,
             const GError        *error)
{
  g_autofree char *reason = nyl_ui_describe_error (error);
  /* Translators: what failed, then why. */
  g_autofree char *title = g_strdup_printf (_("%s: %s"), what, reason);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 0);
  nyl_ui_add_toast (GTK_WIDGET (self), toast);
}

static gboolean
find_uri (NylRedirectUrisPage *self,
          const char          *id,
          guint               *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->uris));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NylRedirectUri) uri = g_list_model_get_item (G_LIST_MODEL (self->uris), i);

      if (g_strcmp0 (nyl_resource_get_id (NYL_RESOURCE (uri)), id) == 0)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
update_state (NylRedirectUrisPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->uris));
  guint insecure = 0;
  g_autofree char *summary = NULL;

  if (!self->loaded)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NylRedirectUri) uri = g_list_model_get_item (G_LIST_MODEL (self->uris), i);
      const char *url = nyl_redirect_uri_get_url (uri);

      if (url != NULL && nyl_input_is_insecure_redirect (url))
        insecure++;
    }

  if (insecure > 0)
    /* Translators: e.g. "6 redirect URIs; 1 uses plain http, which production must not". */
    summary = g_strdup_printf (ngettext ("%u redirect URI; %u uses plain http, which production "
                                         "must not",
                                         "%u redirect URIs; %u use plain http, which production "
                                         "must not", n),
                               n, insecure);
  else
    summary = g_strdup_printf (ngettext ("%u redirect URI", "%u redirect URIs", n), n);
  gtk_label_set_label (self->summary_label, summary);

  nyl_state_stack_set_state (self->state_stack, n > 0 ? NYL_STATE_CONTENT : NYL_STATE_EMPTY);
}

static void
set_loading (NylRedirectUrisPage *self,
             gboolean             loading)
{
  if (self->loading == !!loading)
    return;

  self->loading = !!loading;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  gtk_spinner_set_spinning (self->spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(NylRedirectUrisPage) self = user_data;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  list = nyl_session_list_finish (NYL_SESSION (object), result, &error);
  if (nyl_ui_error_is_cancelled (error))
    return;

  set_loading (self, FALSE);

  if (list == NULL)
    {
      g_autofree char *reason = nyl_ui_describe_error (error);

      if (!self->loaded)
        nyl_state_stack_show_error (self->state_stack, _("Could not load the redirect URIs"),
                                    reason);
      else
        {
          /* Translators: %s is why the refresh failed. */
          g_autofree char *title = g_strdup_printf (_("Showing the last list loaded. %s"), reason);

          nyl_banner_set_title (self->banner, title);
          nyl_banner_set_revealed (self->banner, TRUE);
        }
      return;
    }

  nyl_banner_set_revealed (self->banner, FALSE);
  self->loaded = TRUE;

  nyl_ui_store_replace_all (self->uris, list);

  update_state (self);
}

static void
on_retry_cb (NylRedirectUrisPage *self)
{
  nyl_redirect_uris_page_reload (self);
}

static void
on_saved_cb (NylRedirectUrisPage  *self,
             NylRedirectUri       *uri,
             NylRedirectUriDialog *dialog)
{
  NylRedirectUri *edited = nyl_redirect_uri_dialog_get_uri (dialog);
  guint position;

  if (edited != NULL && find_uri (self, nyl_resource_get_id (NYL_RESOURCE (edited)), &position))
    g_list_store_splice (self->uris, position, 1, (gpointer *) &uri, 1);
  else
    g_list_store_append (self->uris, uri);

  nyl_ui_add_toast (GTK_WIDGET (self),
                    adw_toast_new (edited != NULL ? _("Redirect URI saved")
                                                  : _("Redirect URI added")));
}

static void
open_dialog (NylRedirectUrisPage *self,
             NylRedirectUri      *uri)
{
  NylRedirectUriDialog *dialog;
  GtkRoot *root;

  if (self->session == NULL)
    return;

  dialog = nyl_redirect_uri_dialog_new (self->session, G_LIST_MODEL (self->uris), uri);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_dialog (NYL_REDIRECT_URIS_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NylRedirectUrisPage *self = NYL_REDIRECT_URIS_PAGE (widget);
  g_autoptr(NylRedirectUri) uri = NULL;
  guint position;

  if (!find_uri (self, g_variant_get_string (parameter, NULL), &position))
    return;

  uri = g_list_model_get_item (G_LIST_MODEL (self->uris), position);
  open_dialog (self, uri);
}

static void
recreate_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(NylRedirectUrisPage) self = user_data;
  g_autoptr(NylResource) created = NULL;
  g_autoptr(GError) error = NULL;

  created = nyl_session_create_finish (NYL_SESSION (object), result, &error);
  if (nyl_ui_error_is_cancelled (error))
    return;

  if (created == NULL)
    {
      toast_error (self, _("Could not restore the redirect URI"), error);
      return;
    }

  g_list_store_append (self->uris, created);
  update_state (self);
}

static void
on_undo_delete_cb (NylRedirectUrisPage *self,
                   AdwToast            *toast)
{
  NylRedirectUri *deleted = g_object_get_data (G_OBJECT (toast), "nyl-redirect-uri");
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(NylResource) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (deleted == NULL || self->session == NULL)
    return;

  /* The API has no undelete: register the same URI again. */
  node = nyl_resource_to_json (NYL_RESOURCE (deleted), NYL_RESOURCE_REQUEST_CREATE);
  copy = nyl_resource_new_from_json (NYL_TYPE_REDIRECT_URI, node, &error);
  if (copy == NULL)
    {
      toast_error (self, _("Could not restore the redirect URI"), error);
      return;
    }

  nyl_session_create_async (self->session, copy, NULL, self->cancellable, recreate_cb,
                            g_object_ref (self));
}

typedef struct
{
  NylRedirectUrisPage *self;
  NylRedirectUri      *uri;
} DeleteData;

static void
delete_data_free (DeleteData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->uri);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeleteData, delete_data_free)

static void
deleted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(DeleteData) data = user_data;
  NylRedirectUrisPage *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  guint position;

  if (!nyl_session_delete_finish (NYL_SESSION (object), result, &error))
    {
      if (nyl_ui_error_is_cancelled (error))
        return;

      toast_error (self, _("Could not delete the redirect URI"), error);
      nyl_redirect_uris_page_reload (self);
      return;
    }

  if (find_uri (self, nyl_resource_get_id (NYL_RESOURCE (data->uri)), &position))
    g_list_store_remove (self->uris, position);
  update_state (self);

  /* Translators: %s is the redirect URI just deleted. */
  title = g_strdup_printf (_("Deleted %s"), nyl_redirect_uri_get_url (data->uri));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "nyl-redirect-uri", g_object_ref (data->uri),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb), self,
                           G_CONNECT_SWAPPED);
  nyl_ui_add_toast (GTK_WIDGET (self), toast);
}

static GtkWidget *
find_row (NylRedirectUrisPage *self,
          NylRedirectUri      *uri)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (NYL_IS_REDIRECT_URI_ROW (child) &&
          nyl_redirect_uri_row_get_uri (NYL_REDIRECT_URI_ROW (child)) == uri)
        return child;
    }

  return NULL;
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NylRedirectUrisPage *self = NYL_REDIRECT_URIS_PAGE (widget);
  DeleteData *data;
  GtkWidget *row;
  guint position;

  if (self->session == NULL || !find_uri (self, g_variant_get_string (parameter, NULL), &position))
    return;

  data = g_new0 (DeleteData, 1);
  data->self = g_object_ref (self);
  data->uri = g_list_model_get_item (G_LIST_MODEL (self->uris), position);

  /* The row waits, greyed, for the server's answer. */
  row = find_row (self, data->uri);
  if (row != NULL)
    gtk_widget_set_sensitive (row, FALSE);

  nyl_session_delete_async (self->session, NYL_TYPE_REDIRECT_URI, NULL,
                            nyl_resource_get_id (NYL_RESOURCE (data->uri)), self->cancellable,
                            deleted_cb, data);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  nyl_redirect_uris_page_reload (NYL_REDIRECT_URIS_PAGE (widget));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return nyl_redirect_uri_row_new (item);
}

static void
nyl_redirect_uris_page_dispose (GObject *object)
{
  NylRedirectUrisPage *self = (NylRedirectUrisPage *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), NYL_TYPE_REDIRECT_URIS_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->uris);

  G_OBJECT_CLASS (nyl_redirect_uris_page_parent_class)->dispose (object);
}

static void
nyl_redirect_uris_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  NylRedirectUrisPage *self = NYL_REDIRECT_URIS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_redirect_uris_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  NylRedirectUrisPage *self = NYL_REDIRECT_URIS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      nyl_redirect_uris_page_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_redirect_uris_page_class_init (NylRedirectUrisPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nyl_redirect_uris_page_dispose;
  object_class->get_property = nyl_redirect_uris_page_get_property;
  object_class->set_property = nyl_redirect_uris_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, NYL_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NYL_TYPE_BANNER);
  g_type_ensure (NYL_TYPE_STATE_STACK);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/nyl-redirect-uris-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NylRedirectUrisPage, banner);
  gtk_widget_class_bind_template_child (widget_class, NylRedirectUrisPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, NylRedirectUrisPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, NylRedirectUrisPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, NylRedirectUrisPage, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_cb);

  gtk_widget_class_install_action (widget_class, "redirect-uris.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "redirect-uris.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "redirect-uris.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "redirect-uris.refresh", NULL, refresh_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "redirect-uris.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "redirect-uris.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "redirect-uris.refresh", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
nyl_redirect_uris_page_init (NylRedirectUrisPage *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);

  self->uris = g_list_store_new (NYL_TYPE_REDIRECT_URI);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->uris), create_row, NULL, NULL);

  nyl_state_stack_set_empty (self->state_stack, "insert-link-symbolic", _("No Redirect URIs"),
                             _("After signing in through hosted authentication, people are sent "
                               "back to one of these. Add one for each app and environment."));
  nyl_state_stack_set_empty_action (self->state_stack, _("_Add Redirect URI…"),
                                    "redirect-uris.add");
  nyl_state_stack_set_state (self->state_stack, NYL_STATE_EMPTY);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "redirect-uris.add", FALSE);
}

GtkWidget *
nyl_redirect_uris_page_new (void)
{
  return g_object_new (NYL_TYPE_REDIRECT_URIS_PAGE, NULL);
}

NylSession *
nyl_redirect_uris_page_get_session (NylRedirectUrisPage *self)
{
  g_return_val_if_fail (NYL_IS_REDIRECT_URIS_PAGE (self), NULL);

  return self->session;
}

void
nyl_redirect_uris_page_set_session (NylRedirectUrisPage *self,
                                    NylSession          *session)
{
  g_return_if_fail (NYL_IS_REDIRECT_URIS_PAGE (self));
  g_return_if_fail (session == NULL || NYL_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loaded = FALSE;
  set_loading (self, FALSE);
  g_list_store_remove_all (self->uris);
  nyl_banner_set_revealed (self->banner, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "redirect-uris.add", session != NULL);

  if (session != NULL)
    nyl_redirect_uris_page_reload (self);
  else
    nyl_state_stack_set_state (self->state_stack, NYL_STATE_EMPTY);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GListModel *
nyl_redirect_uris_page_get_model (NylRedirectUrisPage *self)
{
  g_return_val_if_fail (NYL_IS_REDIRECT_URIS_PAGE (self), NULL);

  return G_LIST_MODEL (self->uris);
}

gboolean
nyl_redirect_uris_page_get_loading (NylRedirectUrisPage *self)
{
  g_return_val_if_fail (NYL_IS_REDIRECT_URIS_PAGE (self), FALSE);

  return self->loading;
}

void
nyl_redirect_uris_page_reload (NylRedirectUrisPage *self)
{
  g_return_if_fail (NYL_IS_REDIRECT_URIS_PAGE (self));

  if (self->session == NULL || self->loading)
    return;

  if (!self->loaded)
    nyl_state_stack_set_state (self->state_stack, NYL_STATE_LOADING);
  set_loading (self, TRUE);
  nyl_session_list_async (self->session, NYL_TYPE_REDIRECT_URI, NULL, self->cancellable, list_cb,
                          g_object_ref (self));
}
