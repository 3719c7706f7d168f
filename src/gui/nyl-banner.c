/* nyl-banner.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-banner"

#include "config.h"

#include "nyl-banner.h"

struct _NylBanner
{
  GtkWidget    parent_instance;

  /* Template Widgets */
  GtkRevealer *revealer;
  GtkLabel    *title_label;
  GtkButton   *button;
};

enum {
  PROP_0,
  PROP_TITLE,
  PROP_BUTTON_LABEL,
  PROP_REVEALED,
  N_PROPS,
};

enum {
  SIGNAL_BUTTON_CLICKED,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (NylBanner, nyl_banner, GTK_TYPE_WIDGET)

static void
on_button_clicked_cb (NylBanner *self,
                      GtkButton *button)
{
  g_signal_emit (self, signals[SIGNAL_BUTTON_CLICKED], 0);
}

static void
nyl_banner_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), NYL_TYPE_BANNER);

  G_OBJECT_CLASS (nyl_banner_parent_class)->dispose (object);
}

static void
nyl_banner_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  NylBanner *self = NYL_BANNER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, nyl_banner_get_title (self));
      break;

    case PROP_BUTTON_LABEL:
      g_value_set_string (value, nyl_banner_get_button_label (self));
      break;

    case PROP_REVEALED:
      g_value_set_boolean (value, nyl_banner_get_revealed (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_banner_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  NylBanner *self = NYL_BANNER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      nyl_banner_set_title (self, g_value_get_string (value));
      break;

    case PROP_BUTTON_LABEL:
      nyl_banner_set_button_label (self, g_value_get_string (value));
      break;

    case PROP_REVEALED:
      nyl_banner_set_revealed (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_banner_class_init (NylBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nyl_banner_dispose;
  object_class->get_property = nyl_banner_get_property;
  object_class->set_property = nyl_banner_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUTTON_LABEL] =
    g_param_spec_string ("button-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVEALED] =
    g_param_spec_boolean ("revealed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NylBanner::button-clicked:
   *
   * Emitted when the banner's button is pressed.
   */
  signals[SIGNAL_BUTTON_CLICKED] =
    g_signal_new ("button-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/nyl-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, NylBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, NylBanner, title_label);
  gtk_widget_class_bind_template_child (widget_class, NylBanner, button);
  gtk_widget_class_bind_template_callback (widget_class, on_button_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nylbanner");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
nyl_banner_init (NylBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
nyl_banner_new (const char *title)
{
  return g_object_new (NYL_TYPE_BANNER, "title", title, NULL);
}

const char *
nyl_banner_get_title (NylBanner *self)
{
  g_return_val_if_fail (NYL_IS_BANNER (self), NULL);

  return gtk_label_get_label (self->title_label);
}

void
nyl_banner_set_title (NylBanner  *self,
                      const char *title)
{
  g_return_if_fail (NYL_IS_BANNER (self));

  if (g_strcmp0 (title ? title : "", gtk_label_get_label (self->title_label)) == 0)
    return;

  gtk_label_set_label (self->title_label, title ? title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : "",
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
nyl_banner_get_button_label (NylBanner *self)
{
  g_return_val_if_fail (NYL_IS_BANNER (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->button)))
    return NULL;

  return gtk_button_get_label (self->button);
}

/**
 * nyl_banner_set_button_label:
 * @self: a #NylBanner
 * @label: (nullable): the button's label with a mnemonic, or %NULL for none
 *
 * As with AdwBanner, the button only shows while it has a label.
 */
void
nyl_banner_set_button_label (NylBanner  *self,
                             const char *label)
{
  g_return_if_fail (NYL_IS_BANNER (self));

  if (label != NULL && *label == '\0')
    label = NULL;

  if (g_strcmp0 (label, nyl_banner_get_button_label (self)) == 0)
    return;

  gtk_button_set_label (self->button, label);
  gtk_widget_set_visible (GTK_WIDGET (self->button), label != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUTTON_LABEL]);
}

gboolean
nyl_banner_get_revealed (NylBanner *self)
{
  g_return_val_if_fail (NYL_IS_BANNER (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}

void
nyl_banner_set_revealed (NylBanner *self,
                         gboolean   revealed)
{
  g_return_if_fail (NYL_IS_BANNER (self));

  revealed = !!revealed;
  if (revealed == gtk_revealer_get_reveal_child (self->revealer))
    return;

  gtk_revealer_set_reveal_child (self->revealer, revealed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
}
