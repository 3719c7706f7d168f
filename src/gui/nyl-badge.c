/* nyl-badge.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-badge"

#include "config.h"

#include "nyl-badge.h"

#include <glib/gi18n.h>

struct _NylBadge
{
  GtkWidget  parent_instance;

  char      *region;
  char      *environment;
  guint      simulated : 1;

  /* Template Widgets */
  GtkLabel  *label;
};

enum {
  PROP_0,
  PROP_REGION,
  PROP_ENVIRONMENT,
  PROP_SIMULATED,
  PROP_TEXT,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (NylBadge, nyl_badge, GTK_TYPE_WIDGET)

static char *
environment_display_name (const char *environment)
{
  /* The API treats environment as free-form; the known ones get
   * translated names, anything else is shown as it came. */
  if (environment == NULL || *environment == '\0')
    return NULL;
  if (g_ascii_strcasecmp (environment, "production") == 0)
    return g_strdup (_("Production"));
  if (g_ascii_strcasecmp (environment, "staging") == 0)
    return g_strdup (_("Staging"));
  if (g_ascii_strcasecmp (environment, "development") == 0)
    return g_strdup (_("Development"));
  if (g_ascii_strcasecmp (environment, "sandbox") == 0)
    return g_strdup (_("Sandbox"));

  return g_strdup (environment);
}

static void
update (NylBadge *self)
{
  g_autofree char *env = environment_display_name (self->environment);
  g_autofree char *region = self->region ? g_ascii_strup (self->region, -1) : NULL;
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;
  gboolean production = self->environment != NULL &&
                        g_ascii_strcasecmp (self->environment, "production") == 0;

  if (self->simulated)
    {
      text = g_strdup (_("Sandbox (simulated)"));
      description = g_strdup (_("Simulated Nylas API on this computer"));
    }
  else if (region != NULL && env != NULL)
    {
      /* Translators: a badge such as "US · Production": region, then environment. */
      text = g_strdup_printf (_("%s · %s"), region, env);
      /* Translators: read out for the badge: region, then environment. */
      description = g_strdup_printf (_("Region %s, %s environment"), region, env);
    }
  else if (region != NULL)
    {
      text = g_strdup (region);
      description = g_strdup_printf (_("Region %s"), region);
    }
  else if (env != NULL)
    {
      text = g_strdup (env);
      description = g_strdup_printf (_("%s environment"), env);
    }

  gtk_label_set_label (self->label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self), text != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description ? description : "",
                                  -1);

  if (production && !self->simulated)
    gtk_widget_add_css_class (GTK_WIDGET (self), "production");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "production");

  if (self->simulated)
    gtk_widget_add_css_class (GTK_WIDGET (self), "sandbox");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "sandbox");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static void
nyl_badge_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), NYL_TYPE_BADGE);

  G_OBJECT_CLASS (nyl_badge_parent_class)->dispose (object);
}

static void
nyl_badge_finalize (GObject *object)
{
  NylBadge *self = (NylBadge *)object;

  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->environment, g_free);

  G_OBJECT_CLASS (nyl_badge_parent_class)->finalize (object);
}

static void
nyl_badge_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  NylBadge *self = NYL_BADGE (object);

  switch (prop_id)
    {
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;

    case PROP_ENVIRONMENT:
      g_value_set_string (value, self->environment);
      break;

    case PROP_SIMULATED:
      g_value_set_boolean (value, self->simulated);
      break;

    case PROP_TEXT:
      g_value_set_string (value, nyl_badge_get_text (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_badge_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  NylBadge *self = NYL_BADGE (object);

  switch (prop_id)
    {
    case PROP_REGION:
      nyl_badge_set_region (self, g_value_get_string (value));
      break;

    case PROP_ENVIRONMENT:
      nyl_badge_set_environment (self, g_value_get_string (value));
      break;

    case PROP_SIMULATED:
      nyl_badge_set_simulated (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_badge_class_init (NylBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nyl_badge_dispose;
  object_class->finalize = nyl_badge_finalize;
  object_class->get_property = nyl_badge_get_property;
  object_class->set_property = nyl_badge_set_property;

  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENVIRONMENT] =
    g_param_spec_string ("environment", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIMULATED] =
    g_param_spec_boolean ("simulated", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/nyl-badge.ui");
  gtk_widget_class_bind_template_child (widget_class, NylBadge, label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nylbadge");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
nyl_badge_init (NylBadge *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "nyl-badge");
  update (self);
}

GtkWidget *
nyl_badge_new (void)
{
  return g_object_new (NYL_TYPE_BADGE, NULL);
}

const char *
nyl_badge_get_region (NylBadge *self)
{
  g_return_val_if_fail (NYL_IS_BADGE (self), NULL);

  return self->region;
}

void
nyl_badge_set_region (NylBadge   *self,
                      const char *region)
{
  g_return_if_fail (NYL_IS_BADGE (self));

  if (g_strcmp0 (self->region, region) == 0)
    return;

  g_free (self->region);
  self->region = g_strdup (region);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
}

const char *
nyl_badge_get_environment (NylBadge *self)
{
  g_return_val_if_fail (NYL_IS_BADGE (self), NULL);

  return self->environment;
}

void
nyl_badge_set_environment (NylBadge   *self,
                           const char *environment)
{
  g_return_if_fail (NYL_IS_BADGE (self));

  if (g_strcmp0 (self->environment, environment) == 0)
    return;

  g_free (self->environment);
  self->environment = g_strdup (environment);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENVIRONMENT]);
}

gboolean
nyl_badge_get_simulated (NylBadge *self)
{
  g_return_val_if_fail (NYL_IS_BADGE (self), FALSE);

  return self->simulated;
}

void
nyl_badge_set_simulated (NylBadge *self,
                         gboolean  simulated)
{
  g_return_if_fail (NYL_IS_BADGE (self));

  simulated = !!simulated;
  if (self->simulated == simulated)
    return;

  self->simulated = simulated;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIMULATED]);
}

/**
 * nyl_badge_get_text:
 * @self: a #NylBadge
 *
 * Returns: (nullable): what the badge shows, or %NULL when it is hidden
 */
const char *
nyl_badge_get_text (NylBadge *self)
{
  const char *text;

  g_return_val_if_fail (NYL_IS_BADGE (self), NULL);

  text = gtk_label_get_label (self->label);

  return *text ? text : NULL;
}
