/* nyl-checklist-row.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-checklist-row"

#include "config.h"

#include "nyl-checklist-row.h"

#include <glib/gi18n.h>

#include "nyl-ui-form.h"

struct _NylChecklistRow
{
  AdwActionRow      parent_instance;

  /* Owned References */
  NylChecklistItem *item;

  /* Template Widgets */
  GtkImage         *state_icon;
  GtkLabel         *state_label;
  GtkButton        *fix_button;
};

G_DEFINE_FINAL_TYPE (NylChecklistRow, nyl_checklist_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
update (NylChecklistRow *self)
{
  static const char * const classes[] = { "success", "error", "dim-label" };
  const char *icon_name;
  const char *state_text;
  const char *css_class;
  const char *section;
  const char *detail;
  g_autofree char *description = NULL;
  g_autofree char *button_name = NULL;

  if (self->item == NULL)
    return;

  switch (nyl_checklist_item_get_state (self->item))
    {
    case NYL_CHECK_STATE_PASS:
      icon_name = "emblem-ok-symbolic";
      state_text = _("Passed");
      css_class = "success";
      break;

    case NYL_CHECK_STATE_FAIL:
      icon_name = "dialog-warning-symbolic";
      state_text = _("Needs attention");
      css_class = "error";
      break;

    case NYL_CHECK_STATE_UNKNOWN:
    default:
      icon_name = "dialog-question-symbolic";
      state_text = _("Not checked");
      css_class = "dim-label";
      break;
    }

  detail = nyl_checklist_item_get_detail (self->item);
  section = nyl_checklist_item_get_section (self->item);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 nyl_checklist_item_get_title (self->item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), detail ? detail : "");

  gtk_image_set_from_icon_name (self->state_icon, icon_name);
  gtk_label_set_label (self->state_label, state_text);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->state_icon), classes[i]);
      gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), classes[i]);
    }
  gtk_widget_add_css_class (GTK_WIDGET (self->state_icon), css_class);
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), css_class);

  /* Translators: read out for a checklist item: its state, then what was found. */
  description = g_strdup_printf (_("%s: %s"), state_text, detail ? detail : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  gtk_widget_set_visible (GTK_WIDGET (self->fix_button), section != NULL);
  if (section != NULL)
    {
      /* Translators: a button leading to the page that fixes a check, e.g. "Open Webhooks". */
      button_name = g_strdup_printf (_("Open %s"), nyl_ui_section_title (section));
      gtk_button_set_label (self->fix_button,
                            nyl_checklist_item_get_state (self->item) == NYL_CHECK_STATE_FAIL
                            ? _("_Fix…") : _("_Open"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->fix_button), button_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->fix_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, button_name,
                                      -1);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->fix_button), "s", section);
    }
}

static void
nyl_checklist_row_dispose (GObject *object)
{
  NylChecklistRow *self = (NylChecklistRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NYL_TYPE_CHECKLIST_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (nyl_checklist_row_parent_class)->dispose (object);
}

static void
nyl_checklist_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  NylChecklistRow *self = NYL_CHECKLIST_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_checklist_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  NylChecklistRow *self = NYL_CHECKLIST_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      nyl_checklist_row_set_item (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_checklist_row_class_init (NylChecklistRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nyl_checklist_row_dispose;
  object_class->get_property = nyl_checklist_row_get_property;
  object_class->set_property = nyl_checklist_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, NYL_TYPE_CHECKLIST_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/nyl-checklist-row.ui");
  gtk_widget_class_bind_template_child (widget_class, NylChecklistRow, state_icon);
  gtk_widget_class_bind_template_child (widget_class, NylChecklistRow, state_label);
  gtk_widget_class_bind_template_child (widget_class, NylChecklistRow, fix_button);
}

static void
nyl_checklist_row_init (NylChecklistRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
nyl_checklist_row_new (NylChecklistItem *item)
{
  g_return_val_if_fail (item == NULL || NYL_IS_CHECKLIST_ITEM (item), NULL);

  return g_object_new (NYL_TYPE_CHECKLIST_ROW, "item", item, NULL);
}

NylChecklistItem *
nyl_checklist_row_get_item (NylChecklistRow *self)
{
  g_return_val_if_fail (NYL_IS_CHECKLIST_ROW (self), NULL);

  return self->item;
}

void
nyl_checklist_row_set_item (NylChecklistRow  *self,
                            NylChecklistItem *item)
{
  g_return_if_fail (NYL_IS_CHECKLIST_ROW (self));
  g_return_if_fail (item == NULL || NYL_IS_CHECKLIST_ITEM (item));

  if (self->item == item)
    return;

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, update, self);
  g_set_object (&self->item, item);

  if (item != NULL)
    {
      g_signal_connect_object (item, "notify::state", G_CALLBACK (update), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (item, "notify::detail", G_CALLBACK (update), self,
                               G_CONNECT_SWAPPED);
    }

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
