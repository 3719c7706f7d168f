/* nyl-redirect-uri-row.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-redirect-uri-row"

#include "config.h"

#include "nyl-redirect-uri-row.h"

#include <glib/gi18n.h>

#include "nyl-input-check.h"
#include "nyl-ui-form.h"

struct _NylRedirectUriRow
{
  AdwActionRow    parent_instance;

  /* Owned References */
  NylRedirectUri *uri;

  /* Template Widgets */
  GtkImage       *platform_icon;
  GtkWidget      *warning_icon;
  GtkWidget      *edit_button;
  GtkWidget      *delete_button;
};

G_DEFINE_FINAL_TYPE (NylRedirectUriRow, nyl_redirect_uri_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_URI,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static const char *
platform_icon_name (const char *platform)
{
  if (g_strcmp0 (platform, "desktop") == 0)
    return "computer-symbolic";
  if (g_strcmp0 (platform, "js") == 0)
    return "applications-engineering-symbolic";
  if (g_strcmp0 (platform, "ios") == 0 || g_strcmp0 (platform, "android") == 0)
    return "phone-symbolic";

  return "web-browser-symbolic";
}

/**
 * nyl_redirect_uri_describe:
 * @uri: a #NylRedirectUri
 *
 * Returns: (transfer full): its platform and settings in one line, e.g.
 *   "iOS · bundle com.acme.Mail · App Store 1234567890"
 */
char *
nyl_redirect_uri_describe (NylRedirectUri *uri)
{
  const char *platform = nyl_redirect_uri_get_platform (uri);
  GString *text = g_string_new (nyl_ui_platform_label (platform));
  const char *origin = nyl_redirect_uri_get_origin (uri);
  const char *bundle_id = nyl_redirect_uri_get_bundle_id (uri);
  const char *app_store_id = nyl_redirect_uri_get_app_store_id (uri);
  const char *team_id = nyl_redirect_uri_get_team_id (uri);
  const char *package_name = nyl_redirect_uri_get_package_name (uri);
  const char *fingerprint = nyl_redirect_uri_get_sha1_certificate_fingerprint (uri);

  /* Translators: the settings follow the platform, e.g. "JavaScript · origin acme.com". */
  if (origin != NULL && *origin != '\0')
    g_string_append_printf (text, _(" · origin %s"), origin);
  if (bundle_id != NULL && *bundle_id != '\0')
    g_string_append_printf (text, _(" · bundle %s"), bundle_id);
  if (app_store_id != NULL && *app_store_id != '\0')
    g_string_append_printf (text, _(" · App Store %s"), app_store_id);
  if (team_id != NULL && *team_id != '\0')
    g_string_append_printf (text, _(" · team %s"), team_id);
  if (package_name != NULL && *package_name != '\0')
    g_string_append_printf (text, _(" · package %s"), package_name);
  if (fingerprint != NULL && *fingerprint != '\0')
    g_string_append_printf (text, _(" · SHA-1 %s"), fingerprint);

  return g_string_free (text, FALSE);
}

static void
update (NylRedirectUriRow *self)
{
  const char *url;
  const char *id;
  g_autofree char *description = NULL;
  g_autofree char *edit_name = NULL;
  g_autofree char *delete_name = NULL;

  if (self->uri == NULL)
    return;

  url = nyl_redirect_uri_get_url (self->uri);
  id = nyl_resource_get_id (NYL_RESOURCE (self->uri));
  description = nyl_redirect_uri_describe (self->uri);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), url ? url : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), description);
  gtk_image_set_from_icon_name (self->platform_icon,
                                platform_icon_name (nyl_redirect_uri_get_platform (self->uri)));
  gtk_widget_set_visible (self->warning_icon, url != NULL && nyl_input_is_insecure_redirect (url));

  /* Translators: %s is a redirect URI. */
  edit_name = g_strdup_printf (_("Edit %s"), url ? url : "");
  /* Translators: %s is a redirect URI. */
  delete_name = g_strdup_printf (_("Delete %s"), url ? url : "");
  gtk_widget_set_tooltip_text (self->edit_button, _("Edit"));
  gtk_widget_set_tooltip_text (self->delete_button, _("Delete"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, edit_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, delete_name, -1);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "s", id ? id : "");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "s", id ? id : "");
}

static void
nyl_redirect_uri_row_dispose (GObject *object)
{
  NylRedirectUriRow *self = (NylRedirectUriRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NYL_TYPE_REDIRECT_URI_ROW);
  g_clear_object (&self->uri);

  G_OBJECT_CLASS (nyl_redirect_uri_row_parent_class)->dispose (object);
}

static void
nyl_redirect_uri_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  NylRedirectUriRow *self = NYL_REDIRECT_URI_ROW (object);

  switch (prop_id)
    {
    case PROP_URI:
      g_value_set_object (value, self->uri);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_redirect_uri_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  NylRedirectUriRow *self = NYL_REDIRECT_URI_ROW (object);

  switch (prop_id)
    {
    case PROP_URI:
      nyl_redirect_uri_row_set_uri (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_redirect_uri_row_class_init (NylRedirectUriRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nyl_redirect_uri_row_dispose;
  object_class->get_property = nyl_redirect_uri_row_get_property;
  object_class->set_property = nyl_redirect_uri_row_set_property;

  properties[PROP_URI] =
    g_param_spec_object ("uri", NULL, NULL, NYL_TYPE_REDIRECT_URI,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/nyl-redirect-uri-row.ui");
  gtk_widget_class_bind_template_child (widget_class, NylRedirectUriRow, platform_icon);
  gtk_widget_class_bind_template_child (widget_class, NylRedirectUriRow, warning_icon);
  gtk_widget_class_bind_template_child (widget_class, NylRedirectUriRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, NylRedirectUriRow, delete_button);
}

static void
nyl_redirect_uri_row_init (NylRedirectUriRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
nyl_redirect_uri_row_new (NylRedirectUri *uri)
{
  g_return_val_if_fail (uri == NULL || NYL_IS_REDIRECT_URI (uri), NULL);

  return g_object_new (NYL_TYPE_REDIRECT_URI_ROW, "uri", uri, NULL);
}

NylRedirectUri *
nyl_redirect_uri_row_get_uri (NylRedirectUriRow *self)
{
  g_return_val_if_fail (NYL_IS_REDIRECT_URI_ROW (self), NULL);

  return self->uri;
}

void
nyl_redirect_uri_row_set_uri (NylRedirectUriRow *self,
                              NylRedirectUri    *uri)
{
  g_return_if_fail (NYL_IS_REDIRECT_URI_ROW (self));
  g_return_if_fail (uri == NULL || NYL_IS_REDIRECT_URI (uri));

  if (!g_set_object (&self->uri, uri))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URI]);
}
