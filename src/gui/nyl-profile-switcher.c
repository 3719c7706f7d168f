/* nyl-profile-switcher.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-profile-switcher"

#include "config.h"

#include "nyl-profile-switcher.h"

#include "nyl-profile-row.h"

struct _NylProfileSwitcher
{
  GtkWidget   parent_instance;

  /* Owned References */
  GListModel *model;
  char       *current_id;

  /* Template Widgets */
  GtkListBox *list_box;
};

G_DEFINE_FINAL_TYPE (NylProfileSwitcher, nyl_profile_switcher, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_CURRENT_ID,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  NylProfileSwitcher *self = user_data;
  GtkWidget *row = nyl_profile_row_new (item);

  nyl_profile_row_set_current (NYL_PROFILE_ROW (row),
                               g_strcmp0 (nyl_profile_get_id (item), self->current_id) == 0);

  return row;
}

/* Whatever is chosen, the popover holding the switcher has done its job. */
static void
popdown_cb (NylProfileSwitcher *self)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
nyl_profile_switcher_dispose (GObject *object)
{
  NylProfileSwitcher *self = (NylProfileSwitcher *)object;
  GtkWidget *child;

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), NYL_TYPE_PROFILE_SWITCHER);
  /* The top box of the template has no name to be cleared by. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (nyl_profile_switcher_parent_class)->dispose (object);
}

static void
nyl_profile_switcher_finalize (GObject *object)
{
  NylProfileSwitcher *self = (NylProfileSwitcher *)object;

  g_clear_pointer (&self->current_id, g_free);

  G_OBJECT_CLASS (nyl_profile_switcher_parent_class)->finalize (object);
}

static void
nyl_profile_switcher_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  NylProfileSwitcher *self = NYL_PROFILE_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_CURRENT_ID:
      g_value_set_string (value, self->current_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_profile_switcher_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  NylProfileSwitcher *self = NYL_PROFILE_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      nyl_profile_switcher_set_model (self, g_value_get_object (value));
      break;

    case PROP_CURRENT_ID:
      nyl_profile_switcher_set_current_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_profile_switcher_class_init (NylProfileSwitcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nyl_profile_switcher_dispose;
  object_class->finalize = nyl_profile_switcher_finalize;
  object_class->get_property = nyl_profile_switcher_get_property;
  object_class->set_property = nyl_profile_switcher_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_ID] =
    g_param_spec_string ("current-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/nyl-profile-switcher.ui");
  gtk_widget_class_bind_template_child (widget_class, NylProfileSwitcher, list_box);
  gtk_widget_class_bind_template_callback (widget_class, popdown_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
nyl_profile_switcher_init (NylProfileSwitcher *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
nyl_profile_switcher_new (void)
{
  return g_object_new (NYL_TYPE_PROFILE_SWITCHER, NULL);
}

GListModel *
nyl_profile_switcher_get_model (NylProfileSwitcher *self)
{
  g_return_val_if_fail (NYL_IS_PROFILE_SWITCHER (self), NULL);

  return self->model;
}

/**
 * nyl_profile_switcher_set_model:
 * @self: a #NylProfileSwitcher
 * @model: (nullable): a list of #NylProfile
 */
void
nyl_profile_switcher_set_model (NylProfileSwitcher *self,
                                GListModel         *model)
{
  g_return_if_fail (NYL_IS_PROFILE_SWITCHER (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (!g_set_object (&self->model, model))
    return;

  gtk_list_box_bind_model (self->list_box, model, create_row, self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

const char *
nyl_profile_switcher_get_current_id (NylProfileSwitcher *self)
{
  g_return_val_if_fail (NYL_IS_PROFILE_SWITCHER (self), NULL);

  return self->current_id;
}

void
nyl_profile_switcher_set_current_id (NylProfileSwitcher *self,
                                     const char         *current_id)
{
  g_return_if_fail (NYL_IS_PROFILE_SWITCHER (self));

  if (g_strcmp0 (self->current_id, current_id) == 0)
    return;

  g_free (self->current_id);
  self->current_id = g_strdup (current_id);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      NylProfile *profile;

      if (!NYL_IS_PROFILE_ROW (child))
        continue;

      profile = nyl_profile_row_get_profile (NYL_PROFILE_ROW (child));
      nyl_profile_row_set_current (NYL_PROFILE_ROW (child),
                                   g_strcmp0 (nyl_profile_get_id (profile), current_id) == 0);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_ID]);
}
