/* nyl-profile-row.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-profile-row"

#include "config.h"

#include "nyl-profile-row.h"

#include <glib/gi18n.h>

struct _NylProfileRow
{
  GtkListBoxRow  parent_instance;

  /* Owned References */
  NylProfile    *profile;

  guint          current : 1;

  /* Template Widgets */
  GtkWidget     *switch_button;
  GtkWidget     *current_icon;
  GtkLabel      *name_label;
  GtkLabel      *detail_label;
  GtkWidget     *rename_button;
  GtkWidget     *remove_button;
};

G_DEFINE_FINAL_TYPE (NylProfileRow, nyl_profile_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_PROFILE,
  PROP_CURRENT,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

char *
nyl_profile_describe (NylProfile *profile)
{
  const char *region;
  const char *environment;
  g_autofree char *upper = NULL;

  g_return_val_if_fail (NYL_IS_PROFILE (profile), NULL);

  if (g_strcmp0 (nyl_profile_get_id (profile), NYL_SANDBOX_PROFILE_ID) == 0)
    return g_strdup (_("Simulated Nylas API on this computer"));

  region = nyl_profile_get_region (profile);
  environment = nyl_profile_get_environment (profile);
  upper = region ? g_ascii_strup (region, -1) : NULL;

  if (upper != NULL && environment != NULL)
    /* Translators: region, then environment, e.g. "US · production". */
    return g_strdup_printf (_("%s · %s"), upper, environment);
  if (upper != NULL)
    return g_steal_pointer (&upper);
  if (nyl_profile_get_api_url (profile) != NULL)
    return g_strdup (nyl_profile_get_api_url (profile));

  return g_strdup ("");
}

static void
update (NylProfileRow *self)
{
  g_autofree char *detail = NULL;
  g_autofree char *rename_name = NULL;
  g_autofree char *remove_name = NULL;
  g_autofree char *label = NULL;
  const char *name;
  const char *id;
  gboolean sandbox;

  if (self->profile == NULL)
    return;

  name = nyl_profile_get_name (self->profile);
  id = nyl_profile_get_id (self->profile);
  sandbox = g_strcmp0 (id, NYL_SANDBOX_PROFILE_ID) == 0;
  detail = nyl_profile_describe (self->profile);

  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->detail_label, detail);
  gtk_widget_set_opacity (self->current_icon, self->current ? 1 : 0);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->switch_button), "s", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->rename_button), "s", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->remove_button), "s", id);
  gtk_widget_set_visible (self->rename_button, !sandbox);
  gtk_widget_set_visible (self->remove_button, !sandbox);

  /* Translators: %s is an application's name in this app. */
  rename_name = g_strdup_printf (_("Rename %s"), name);
  /* Translators: %s is an application's name in this app. */
  remove_name = g_strdup_printf (_("Remove %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rename_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, rename_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);

  /* Translators: an application's name, then its region and environment. */
  label = g_strdup_printf (_("%s, %s"), name, detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->switch_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, label,
                                  -1);
}

static void
nyl_profile_row_dispose (GObject *object)
{
  NylProfileRow *self = (NylProfileRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NYL_TYPE_PROFILE_ROW);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (nyl_profile_row_parent_class)->dispose (object);
}

static void
nyl_profile_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NylProfileRow *self = NYL_PROFILE_ROW (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;

    case PROP_CURRENT:
      g_value_set_boolean (value, self->current);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_profile_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  NylProfileRow *self = NYL_PROFILE_ROW (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      self->profile = g_value_dup_object (value);
      if (self->profile != NULL)
        g_signal_connect_object (self->profile, "notify", G_CALLBACK (update), self,
                                 G_CONNECT_SWAPPED);
      update (self);
      break;

    case PROP_CURRENT:
      nyl_profile_row_set_current (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_profile_row_class_init (NylProfileRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nyl_profile_row_dispose;
  object_class->get_property = nyl_profile_row_get_property;
  object_class->set_property = nyl_profile_row_set_property;

  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, NYL_TYPE_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT] =
    g_param_spec_boolean ("current", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/nyl-profile-row.ui");
  gtk_widget_class_bind_template_child (widget_class, NylProfileRow, switch_button);
  gtk_widget_class_bind_template_child (widget_class, NylProfileRow, current_icon);
  gtk_widget_class_bind_template_child (widget_class, NylProfileRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, NylProfileRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, NylProfileRow, rename_button);
  gtk_widget_class_bind_template_child (widget_class, NylProfileRow, remove_button);
}

static void
nyl_profile_row_init (NylProfileRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
nyl_profile_row_new (NylProfile *profile)
{
  g_return_val_if_fail (NYL_IS_PROFILE (profile), NULL);

  return g_object_new (NYL_TYPE_PROFILE_ROW, "profile", profile, NULL);
}

NylProfile *
nyl_profile_row_get_profile (NylProfileRow *self)
{
  g_return_val_if_fail (NYL_IS_PROFILE_ROW (self), NULL);

  return self->profile;
}

gboolean
nyl_profile_row_get_current (NylProfileRow *self)
{
  g_return_val_if_fail (NYL_IS_PROFILE_ROW (self), FALSE);

  return self->current;
}

void
nyl_profile_row_set_current (NylProfileRow *self,
                             gboolean       current)
{
  g_return_if_fail (NYL_IS_PROFILE_ROW (self));

  current = !!current;
  if (self->current == current)
    return;

  self->current = current;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}
