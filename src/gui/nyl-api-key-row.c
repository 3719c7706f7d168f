/* nyl-api-key-row.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-api-key-row"

#include "config.h"

#include "nyl-api-key-row.h"

#include <glib/gi18n.h>

#include "nyl-keys-ui.h"

struct _NylApiKeyRow
{
  AdwActionRow    parent_instance;

  /* Owned References */
  NylApiKey      *key;
  char           *label;
  char           *countdown;

  gint64          now;
  gint64          revoke_at;

  /* Template Widgets */
  GtkLabel       *status_label;
  GtkLabel       *expiry_label;
  GtkLabel       *countdown_label;
  GtkMenuButton  *menu_button;
};

G_DEFINE_FINAL_TYPE (NylApiKeyRow, nyl_api_key_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_KEY,
  PROP_LABEL,
  PROP_NOW,
  PROP_REVOKE_AT,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static gint64
current_now (NylApiKeyRow *self)
{
  return self->now > 0 ? self->now : g_get_real_time () / G_USEC_PER_SEC;
}

static const char *
display_name (NylApiKeyRow *self)
{
  const char *name;

  if (self->label != NULL && *self->label != '\0')
    return self->label;

  name = self->key != NULL ? nyl_api_key_get_name (self->key) : NULL;
  if (name != NULL && *name != '\0')
    return name;

  return self->key != NULL ? nyl_resource_get_id (NYL_RESOURCE (self->key)) : "";
}

static GMenuModel *
build_menu (NylApiKeyRow *self,
            const char   *key_id)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) manage = g_menu_new ();
  g_autoptr(GMenu) revoke = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;

#define ADD_ITEM(section, text, action)                                            \
  G_STMT_START {                                                                   \
    g_clear_object (&item);                                                        \
    item = g_menu_item_new (text, NULL);                                           \
    g_menu_item_set_action_and_target_value (item, action,                         \
                                             g_variant_new_string (key_id));       \
    g_menu_append_item (section, item);                                            \
  } G_STMT_END

  ADD_ITEM (manage, _("Set _Label…"), "keys.label");
  ADD_ITEM (manage, _("_Copy Key ID"), "keys.copy-id");
  ADD_ITEM (manage, _("_Roll Key…"), "keys.roll");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (manage));

  if (self->revoke_at > 0)
    {
      ADD_ITEM (revoke, _("Revoke _Now…"), "keys.revoke");
      ADD_ITEM (revoke, _("_Keep This Key"), "keys.cancel-revocation");
    }
  else
    ADD_ITEM (revoke, _("Re_voke…"), "keys.revoke");
  ADD_ITEM (revoke, _("This Key _Leaked…"), "keys.leaked");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (revoke));

#undef ADD_ITEM

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
update (NylApiKeyRow *self)
{
  g_autoptr(GMenuModel) menu = NULL;
  g_autofree char *created = NULL;
  g_autofree char *expires = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *expiry_text = NULL;
  g_autofree char *menu_name = NULL;
  const char *name;
  const char *status;
  const char *key_id;
  gint64 expires_at;
  gint64 now = current_now (self);
  NylExpiryUrgency urgency;

  if (self->key == NULL)
    return;

  key_id = nyl_resource_get_id (NYL_RESOURCE (self->key));
  name = nyl_api_key_get_name (self->key);
  expires_at = nyl_api_key_get_expires_at (self->key);
  urgency = nyl_expiry_urgency (expires_at, now);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), display_name (self));

  created = nyl_keys_ui_format_date (nyl_api_key_get_created_at (self->key));
  if (self->label != NULL && *self->label != '\0' && name != NULL && *name != '\0')
    /* Translators: a key's name as the server knows it, then its creation date. */
    subtitle = g_strdup_printf (_("%s · Created %s"), name, created);
  else
    subtitle = g_strdup_printf (_("Created %s"), created);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), key_id);

  /* Status: what the server says, unless a revocation is waiting. */
  status = nyl_api_key_get_status (self->key);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  if (self->revoke_at > 0)
    {
      g_autofree char *when = nyl_keys_ui_format_date_time (self->revoke_at);
      g_autofree char *text = g_strdup_printf (_("Revoked on %s"), when);

      gtk_label_set_label (self->status_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "warning");
    }
  else if (urgency == NYL_EXPIRY_URGENCY_EXPIRED || g_strcmp0 (status, "expired") == 0)
    {
      gtk_label_set_label (self->status_label, _("Expired"));
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
    }
  else if (status == NULL || g_strcmp0 (status, "active") == 0)
    {
      gtk_label_set_label (self->status_label, _("Active"));
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "success");
    }
  else
    gtk_label_set_label (self->status_label, status);

  /* Expiry: a date and a countdown, coloured as it nears. */
  expires = nyl_keys_ui_format_date (expires_at);
  if (expires_at > 0 && expires_at <= now)
    expiry_text = g_strdup_printf (_("Expired %s"), expires);
  else if (expires_at > 0)
    expiry_text = g_strdup_printf (_("Expires %s"), expires);
  else
    expiry_text = g_strdup (_("No expiry"));
  gtk_label_set_label (self->expiry_label, expiry_text);

  g_free (self->countdown);
  self->countdown = nyl_expiry_format_countdown (expires_at, now);
  gtk_label_set_label (self->countdown_label, self->countdown);
  nyl_keys_ui_set_urgency (GTK_WIDGET (self->countdown_label), urgency);

  menu = build_menu (self, key_id);
  gtk_menu_button_set_menu_model (self->menu_button, menu);
  menu_name = g_strdup_printf (_("Actions for “%s”"), display_name (self));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), menu_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_name,
                                  -1);
}

static void
nyl_api_key_row_dispose (GObject *object)
{
  NylApiKeyRow *self = (NylApiKeyRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NYL_TYPE_API_KEY_ROW);
  g_clear_object (&self->key);

  G_OBJECT_CLASS (nyl_api_key_row_parent_class)->dispose (object);
}

static void
nyl_api_key_row_finalize (GObject *object)
{
  NylApiKeyRow *self = (NylApiKeyRow *)object;

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->countdown, g_free);

  G_OBJECT_CLASS (nyl_api_key_row_parent_class)->finalize (object);
}

static void
nyl_api_key_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NylApiKeyRow *self = NYL_API_KEY_ROW (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_object (value, self->key);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_NOW:
      g_value_set_int64 (value, self->now);
      break;

    case PROP_REVOKE_AT:
      g_value_set_int64 (value, self->revoke_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_api_key_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  NylApiKeyRow *self = NYL_API_KEY_ROW (object);

  switch (prop_id)
    {
    case PROP_KEY:
      nyl_api_key_row_set_key (self, g_value_get_object (value));
      break;

    case PROP_LABEL:
      nyl_api_key_row_set_label (self, g_value_get_string (value));
      break;

    case PROP_NOW:
      nyl_api_key_row_set_now (self, g_value_get_int64 (value));
      break;

    case PROP_REVOKE_AT:
      nyl_api_key_row_set_revoke_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_api_key_row_class_init (NylApiKeyRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nyl_api_key_row_dispose;
  object_class->finalize = nyl_api_key_row_finalize;
  object_class->get_property = nyl_api_key_row_get_property;
  object_class->set_property = nyl_api_key_row_set_property;

  properties[PROP_KEY] =
    g_param_spec_object ("key", NULL, NULL, NYL_TYPE_API_KEY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOW] =
    g_param_spec_int64 ("now", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVOKE_AT] =
    g_param_spec_int64 ("revoke-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/nyl-api-key-row.ui");
  gtk_widget_class_bind_template_child (widget_class, NylApiKeyRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, NylApiKeyRow, expiry_label);
  gtk_widget_class_bind_template_child (widget_class, NylApiKeyRow, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, NylApiKeyRow, menu_button);
}

static void
nyl_api_key_row_init (NylApiKeyRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
nyl_api_key_row_new (NylApiKey *key)
{
  g_return_val_if_fail (key == NULL || NYL_IS_API_KEY (key), NULL);

  return g_object_new (NYL_TYPE_API_KEY_ROW, "key", key, NULL);
}

NylApiKey *
nyl_api_key_row_get_key (NylApiKeyRow *self)
{
  g_return_val_if_fail (NYL_IS_API_KEY_ROW (self), NULL);

  return self->key;
}

void
nyl_api_key_row_set_key (NylApiKeyRow *self,
                         NylApiKey    *key)
{
  g_return_if_fail (NYL_IS_API_KEY_ROW (self));
  g_return_if_fail (key == NULL || NYL_IS_API_KEY (key));

  if (g_set_object (&self->key, key))
    {
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY]);
    }
}

const char *
nyl_api_key_row_get_label (NylApiKeyRow *self)
{
  g_return_val_if_fail (NYL_IS_API_KEY_ROW (self), NULL);

  return self->label;
}

void
nyl_api_key_row_set_label (NylApiKeyRow *self,
                           const char   *label)
{
  g_return_if_fail (NYL_IS_API_KEY_ROW (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;

  g_free (self->label);
  self->label = g_strdup (label);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

gint64
nyl_api_key_row_get_now (NylApiKeyRow *self)
{
  g_return_val_if_fail (NYL_IS_API_KEY_ROW (self), 0);

  return self->now;
}

/**
 * nyl_api_key_row_set_now:
 * @self: a #NylApiKeyRow
 * @now: the time the countdown counts from (Unix seconds), 0 for the clock
 */
void
nyl_api_key_row_set_now (NylApiKeyRow *self,
                         gint64        now)
{
  g_return_if_fail (NYL_IS_API_KEY_ROW (self));

  if (self->now == now)
    return;

  self->now = now;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW]);
}

gint64
nyl_api_key_row_get_revoke_at (NylApiKeyRow *self)
{
  g_return_val_if_fail (NYL_IS_API_KEY_ROW (self), 0);

  return self->revoke_at;
}

/**
 * nyl_api_key_row_set_revoke_at:
 * @self: a #NylApiKeyRow
 * @revoke_at: when a scheduled revocation falls due (Unix seconds), 0 for none
 */
void
nyl_api_key_row_set_revoke_at (NylApiKeyRow *self,
                               gint64        revoke_at)
{
  g_return_if_fail (NYL_IS_API_KEY_ROW (self));

  if (self->revoke_at == revoke_at)
    return;

  self->revoke_at = revoke_at;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVOKE_AT]);
}

NylExpiryUrgency
nyl_api_key_row_get_urgency (NylApiKeyRow *self)
{
  g_return_val_if_fail (NYL_IS_API_KEY_ROW (self), NYL_EXPIRY_URGENCY_NONE);

  if (self->key == NULL)
    return NYL_EXPIRY_URGENCY_NONE;

  return nyl_expiry_urgency (nyl_api_key_get_expires_at (self->key), current_now (self));
}

const char *
nyl_api_key_row_get_countdown (NylApiKeyRow *self)
{
  g_return_val_if_fail (NYL_IS_API_KEY_ROW (self), NULL);

  return self->countdown;
}

const char *
nyl_api_key_row_get_status_text (NylApiKeyRow *self)
{
  g_return_val_if_fail (NYL_IS_API_KEY_ROW (self), NULL);

  return gtk_label_get_label (self->status_label);
}
