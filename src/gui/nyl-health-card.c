/* nyl-health-card.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-health-card"

#include "config.h"

#include "nyl-health-card.h"

#include <glib/gi18n.h>

struct _NylHealthCard
{
  GtkWidget  parent_instance;

  guint      attention : 1;

  /* Template Widgets */
  GtkLabel  *title_label;
  GtkLabel  *value_label;
  GtkLabel  *detail_label;
};

G_DEFINE_FINAL_TYPE (NylHealthCard, nyl_health_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_VALUE,
  PROP_DETAIL,
  PROP_ATTENTION,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
update_accessible (NylHealthCard *self)
{
  g_autofree char *label = NULL;
  const char *detail = gtk_label_get_label (self->detail_label);

  /* Translators: read out for a health card: title, value, then detail. */
  label = g_strdup_printf (_("%s: %s. %s"), gtk_label_get_label (self->title_label),
                           gtk_label_get_label (self->value_label), detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
set_label (NylHealthCard *self,
           GtkLabel      *label,
           const char    *text,
           int            prop_id)
{
  if (g_strcmp0 (gtk_label_get_label (label), text ? text : "") == 0)
    return;

  gtk_label_set_label (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
nyl_health_card_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), NYL_TYPE_HEALTH_CARD);
  /* The top box of the template has no name to be cleared by. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (nyl_health_card_parent_class)->dispose (object);
}

static void
nyl_health_card_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NylHealthCard *self = NYL_HEALTH_CARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, nyl_health_card_get_title (self));
      break;

    case PROP_VALUE:
      g_value_set_string (value, nyl_health_card_get_value (self));
      break;

    case PROP_DETAIL:
      g_value_set_string (value, nyl_health_card_get_detail (self));
      break;

    case PROP_ATTENTION:
      g_value_set_boolean (value, self->attention);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_health_card_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  NylHealthCard *self = NYL_HEALTH_CARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      nyl_health_card_set_title (self, g_value_get_string (value));
      break;

    case PROP_VALUE:
      nyl_health_card_set_value (self, g_value_get_string (value));
      break;

    case PROP_DETAIL:
      nyl_health_card_set_detail (self, g_value_get_string (value));
      break;

    case PROP_ATTENTION:
      nyl_health_card_set_attention (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_health_card_class_init (NylHealthCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nyl_health_card_dispose;
  object_class->get_property = nyl_health_card_get_property;
  object_class->set_property = nyl_health_card_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ATTENTION] =
    g_param_spec_boolean ("attention", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/nyl-health-card.ui");
  gtk_widget_class_bind_template_child (widget_class, NylHealthCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, NylHealthCard, value_label);
  gtk_widget_class_bind_template_child (widget_class, NylHealthCard, detail_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nylhealthcard");
}

static void
nyl_health_card_init (NylHealthCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), FALSE);
}

GtkWidget *
nyl_health_card_new (const char *title)
{
  return g_object_new (NYL_TYPE_HEALTH_CARD, "title", title, NULL);
}

const char *
nyl_health_card_get_title (NylHealthCard *self)
{
  g_return_val_if_fail (NYL_IS_HEALTH_CARD (self), NULL);

  return gtk_label_get_label (self->title_label);
}

void
nyl_health_card_set_title (NylHealthCard *self,
                           const char    *title)
{
  g_return_if_fail (NYL_IS_HEALTH_CARD (self));

  set_label (self, self->title_label, title, PROP_TITLE);
}

const char *
nyl_health_card_get_value (NylHealthCard *self)
{
  g_return_val_if_fail (NYL_IS_HEALTH_CARD (self), NULL);

  return gtk_label_get_label (self->value_label);
}

void
nyl_health_card_set_value (NylHealthCard *self,
                           const char    *value)
{
  g_return_if_fail (NYL_IS_HEALTH_CARD (self));

  set_label (self, self->value_label, value, PROP_VALUE);
}

const char *
nyl_health_card_get_detail (NylHealthCard *self)
{
  g_return_val_if_fail (NYL_IS_HEALTH_CARD (self), NULL);

  return gtk_label_get_label (self->detail_label);
}

void
nyl_health_card_set_detail (NylHealthCard *self,
                            const char    *detail)
{
  g_return_if_fail (NYL_IS_HEALTH_CARD (self));

  set_label (self, self->detail_label, detail, PROP_DETAIL);
}

gboolean
nyl_health_card_get_attention (NylHealthCard *self)
{
  g_return_val_if_fail (NYL_IS_HEALTH_CARD (self), FALSE);

  return self->attention;
}

void
nyl_health_card_set_attention (NylHealthCard *self,
                               gboolean       attention)
{
  g_return_if_fail (NYL_IS_HEALTH_CARD (self));

  attention = !!attention;
  if (self->attention == attention)
    return;

  self->attention = attention;
  if (attention)
    gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->value_label), "warning");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENTION]);
}
