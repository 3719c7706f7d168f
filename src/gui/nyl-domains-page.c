/* nyl-domains-page.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-domains-page"

#include "config.h"

#include "nyl-domains-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "nyl-banner.h"
#include "nyl-domain.h"
#include "nyl-domain-dialog.h"
#include "nyl-service-account-group.h"
#include "nyl-state-stack.h"
#include "nyl-ui-form.h"

#define N_RECORD_TYPES 7

struct _NylDomainsPage
{
  GtkWidget               parent_instance;

  /* Owned References */
  NylSession             *session;
  NylProfileStore        *store;
  GCancellable           *cancellable;
  GListStore             *domains;

  guint                   loading : 1;

  /* Template Widgets */
  NylBanner              *banner;
  GtkStack               *mode_stack;
  NylServiceAccountGroup *account_group;
  NylStateStack          *state_stack;
  GtkListBox             *domains_list;
};

G_DEFINE_FINAL_TYPE (NylDomainsPage, nyl_domains_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_PROFILE_STORE,
  PROP_LOADING,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static guint
count_verified (NylDomain *domain)
{
  return (nyl_domain_get_verified_ownership (domain) ? 1 : 0) +
         (nyl_domain_get_verified_mx (domain) ? 1 : 0) +
         (nyl_domain_get_verified_spf (domain) ? 1 : 0) +
         (nyl_domain_get_verified_feedback (domain) ? 1 : 0) +
         (nyl_domain_get_verified_dkim (domain) ? 1 : 0) +
         (nyl_domain_get_verified_dmarc (domain) ? 1 : 0) +
         (nyl_domain_get_verified_arc (domain) ? 1 : 0);
}

static GtkWindow *
get_window (NylDomainsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  NylDomain *domain = item;
  const char *name = nyl_domain_get_name (domain);
  const char *address = nyl_domain_get_domain_address (domain);
  guint verified = count_verified (domain);
  g_autofree char *summary = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 name != NULL && *name != '\0' ? name : address);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), address);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  /* Translators: how many of a domain's DNS records are verified, e.g. "3 of 7 verified". */
  summary = g_strdup_printf (_("%u of %u verified"), verified, N_RECORD_TYPES);
  label = gtk_label_new (summary);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, verified == N_RECORD_TYPES ? "success"
                                   : verified == 0 ? "warning" : "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));

  gtk_widget_set_name (row, nyl_resource_get_id (NYL_RESOURCE (domain)));

  return row;
}

static void
set_loading (NylDomainsPage *self,
             gboolean        loading)
{
  if (self->loading == !!loading)
    return;

  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static const char *
compute_mode (NylDomainsPage *self)
{
  if (self->session == NULL)
    return "none";
  if (!nyl_session_has_service_account (self->session))
    return "no-service-account";

  return "domains";
}

static void
update_mode (NylDomainsPage *self)
{
  const char *mode = compute_mode (self);
  gboolean domains = g_str_equal (mode, "domains");

  gtk_stack_set_visible_child_name (self->mode_stack, mode);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "domains.register", domains);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "domains.refresh", domains);
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(NylDomainsPage) self = user_data;
  NylSession *session = NYL_SESSION (object);
  g_autoptr(GListModel) domains = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items;

  domains = nyl_session_list_finish (session, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || session != self->session)
    return;

  set_loading (self, FALSE);

  if (domains == NULL)
    {
      if (g_list_model_get_n_items (G_LIST_MODEL (self->domains)) == 0)
        nyl_state_stack_show_error (self->state_stack, _("Could Not Load the Domains"),
                                    error->message);
      else
        {
          g_autofree char *title = g_strdup_printf (_("Could not reload the domains: %s"),
                                                    error->message);

          nyl_banner_set_title (self->banner, title);
          nyl_banner_set_revealed (self->banner, TRUE);
        }
      return;
    }

  nyl_banner_set_revealed (self->banner, FALSE);

  n_items = nyl_ui_store_replace_all (self->domains, domains);

  nyl_state_stack_set_state (self->state_stack, n_items > 0 ? NYL_STATE_CONTENT : NYL_STATE_EMPTY);
}

void
nyl_domains_page_reload (NylDomainsPage *self)
{
  g_return_if_fail (NYL_IS_DOMAINS_PAGE (self));

  update_mode (self);

  if (!g_str_equal (compute_mode (self), "domains") || self->loading)
    return;

  set_loading (self, TRUE);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->domains)) == 0)
    nyl_state_stack_set_state (self->state_stack, NYL_STATE_LOADING);

  nyl_session_list_async (self->session, NYL_TYPE_DOMAIN, NULL, self->cancellable, list_cb,
                          g_object_ref (self));
}

static void
on_banner_button_clicked_cb (NylDomainsPage *self)
{
  nyl_banner_set_revealed (self->banner, FALSE);
  nyl_domains_page_reload (self);
}

static void
on_retry_cb (NylDomainsPage *self)
{
  nyl_domains_page_reload (self);
}

static void
on_service_account_changed_cb (NylDomainsPage *self)
{
  g_list_store_remove_all (self->domains);
  nyl_domains_page_reload (self);
}

static void
dialog_changed_cb (NylDomainsPage *self)
{
  nyl_domains_page_reload (self);
}

static void
open_domain (NylDomainsPage *self,
             const char     *domain_id)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->domains));
  GtkWidget *dialog;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(NylDomain) domain = g_list_model_get_item (G_LIST_MODEL (self->domains), i);

      if (g_strcmp0 (nyl_resource_get_id (NYL_RESOURCE (domain)), domain_id) != 0)
        continue;

      dialog = nyl_domain_dialog_new_details (get_window (self), self->session, domain);
      g_signal_connect_object (dialog, "changed", G_CALLBACK (dialog_changed_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
}

static void
on_row_activated_cb (NylDomainsPage *self,
                     GtkListBoxRow  *row)
{
  open_domain (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
register_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  NylDomainsPage *self = NYL_DOMAINS_PAGE (widget);
  GtkWidget *dialog;

  if (self->session == NULL)
    return;

  dialog = nyl_domain_dialog_new_register (get_window (self), self->session);
  g_signal_connect_object (dialog, "changed", G_CALLBACK (dialog_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  nyl_domains_page_reload (NYL_DOMAINS_PAGE (widget));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  open_domain (NYL_DOMAINS_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
nyl_domains_page_dispose (GObject *object)
{
  NylDomainsPage *self = (NylDomainsPage *)object;
  GtkWidget *child;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  if (self->domains_list != NULL)
    gtk_list_box_bind_model (self->domains_list, NULL, NULL, NULL, NULL);

  /* NylStateStack parents its content to an AdwBin directly, which does not
   * release it: hand it back first. */
  if (self->state_stack != NULL)
    nyl_state_stack_set_content (self->state_stack, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), NYL_TYPE_DOMAINS_PAGE);
  /* The template's top-level child has no ID, so it is not unparented above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->domains);

  G_OBJECT_CLASS (nyl_domains_page_parent_class)->dispose (object);
}

static void
nyl_domains_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  NylDomainsPage *self = NYL_DOMAINS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_PROFILE_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_domains_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  NylDomainsPage *self = NYL_DOMAINS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      nyl_domains_page_set_session (self, g_value_get_object (value));
      break;

    case PROP_PROFILE_STORE:
      nyl_domains_page_set_profile_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_domains_page_class_init (NylDomainsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nyl_domains_page_dispose;
  object_class->get_property = nyl_domains_page_get_property;
  object_class->set_property = nyl_domains_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, NYL_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROFILE_STORE] =
    g_param_spec_object ("profile-store", NULL, NULL, NYL_TYPE_PROFILE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NYL_TYPE_BANNER);
  g_type_ensure (NYL_TYPE_SERVICE_ACCOUNT_GROUP);
  g_type_ensure (NYL_TYPE_STATE_STACK);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/nyl-domains-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NylDomainsPage, banner);
  gtk_widget_class_bind_template_child (widget_class, NylDomainsPage, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, NylDomainsPage, account_group);
  gtk_widget_class_bind_template_child (widget_class, NylDomainsPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, NylDomainsPage, domains_list);
  gtk_widget_class_bind_template_callback (widget_class, on_banner_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_service_account_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "domains.register", NULL, register_action);
  gtk_widget_class_install_action (widget_class, "domains.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "domains.open", "s", open_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
nyl_domains_page_init (NylDomainsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->domains = g_list_store_new (NYL_TYPE_DOMAIN);
  gtk_list_box_bind_model (self->domains_list, G_LIST_MODEL (self->domains), create_row_cb, self,
                           NULL);

  nyl_state_stack_set_empty (self->state_stack, "network-server-symbolic", _("No Domains"),
                             _("Register a domain to send email from your own address."));
  nyl_state_stack_set_empty_action (self->state_stack, _("_Register Domain…"),
                                    "domains.register");

  update_mode (self);
}

GtkWidget *
nyl_domains_page_new (void)
{
  return g_object_new (NYL_TYPE_DOMAINS_PAGE, NULL);
}

NylSession *
nyl_domains_page_get_session (NylDomainsPage *self)
{
  g_return_val_if_fail (NYL_IS_DOMAINS_PAGE (self), NULL);

  return self->session;
}

void
nyl_domains_page_set_session (NylDomainsPage *self,
                              NylSession     *session)
{
  g_return_if_fail (NYL_IS_DOMAINS_PAGE (self));
  g_return_if_fail (session == NULL || NYL_IS_SESSION (session));

  if (self->session == session)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_loading (self, FALSE);

  g_set_object (&self->session, session);
  g_list_store_remove_all (self->domains);
  nyl_banner_set_revealed (self->banner, FALSE);
  nyl_service_account_group_set_session (self->account_group, session);

  nyl_domains_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

NylProfileStore *
nyl_domains_page_get_profile_store (NylDomainsPage *self)
{
  g_return_val_if_fail (NYL_IS_DOMAINS_PAGE (self), NULL);

  return self->store;
}

void
nyl_domains_page_set_profile_store (NylDomainsPage  *self,
                                    NylProfileStore *store)
{
  g_return_if_fail (NYL_IS_DOMAINS_PAGE (self));
  g_return_if_fail (store == NULL || NYL_IS_PROFILE_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  nyl_service_account_group_set_profile_store (self->account_group, store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE_STORE]);
}

gboolean
nyl_domains_page_get_loading (NylDomainsPage *self)
{
  g_return_val_if_fail (NYL_IS_DOMAINS_PAGE (self), FALSE);

  return self->loading;
}

const char *
nyl_domains_page_get_mode (NylDomainsPage *self)
{
  g_return_val_if_fail (NYL_IS_DOMAINS_PAGE (self), NULL);

  return compute_mode (self);
}

GListModel *
nyl_domains_page_get_domains (NylDomainsPage *self)
{
  g_return_val_if_fail (NYL_IS_DOMAINS_PAGE (self), NULL);

  return G_LIST_MODEL (self->domains);
}
