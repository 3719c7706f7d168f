/* nyl-state-stack.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-state-stack"

#include "config.h"

#include "nyl-state-stack.h"

#include <adwaita.h>
#include <glib/gi18n.h>

struct _NylStateStack
{
  GtkWidget      parent_instance;

  NylState       state;

  /* Template Widgets */
  GtkStack      *stack;
  GtkWidget     *content_bin;
  AdwStatusPage *empty_page;
  GtkButton     *empty_button;
  AdwStatusPage *error_page;
};

enum {
  PROP_0,
  PROP_STATE,
  PROP_CONTENT,
  N_PROPS,
};

enum {
  SIGNAL_RETRY,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_ENUM_TYPE (NylState, nyl_state,
                    G_DEFINE_ENUM_VALUE (NYL_STATE_CONTENT, "content"),
                    G_DEFINE_ENUM_VALUE (NYL_STATE_LOADING, "loading"),
                    G_DEFINE_ENUM_VALUE (NYL_STATE_EMPTY, "empty"),
                    G_DEFINE_ENUM_VALUE (NYL_STATE_ERROR, "error"))

static void nyl_state_stack_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NylStateStack, nyl_state_stack, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      nyl_state_stack_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

static void
nyl_state_stack_add_child (GtkBuildable *buildable,
                           GtkBuilder   *builder,
                           GObject      *child,
                           const char   *type)
{
  NylStateStack *self = NYL_STATE_STACK (buildable);

  /* While the template itself is being built, its children go to the
   * template; afterwards a <child> of a NylStateStack is its content. */
  if (self->stack != NULL && GTK_IS_WIDGET (child))
    nyl_state_stack_set_content (self, GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
nyl_state_stack_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = nyl_state_stack_add_child;
}

static void
on_retry_clicked_cb (NylStateStack *self,
                     GtkButton     *button)
{
  g_signal_emit (self, signals[SIGNAL_RETRY], 0);
}

static void
nyl_state_stack_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), NYL_TYPE_STATE_STACK);

  G_OBJECT_CLASS (nyl_state_stack_parent_class)->dispose (object);
}

static void
nyl_state_stack_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NylStateStack *self = NYL_STATE_STACK (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_CONTENT:
      g_value_set_object (value, nyl_state_stack_get_content (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_state_stack_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  NylStateStack *self = NYL_STATE_STACK (object);

  switch (prop_id)
    {
    case PROP_STATE:
      nyl_state_stack_set_state (self, g_value_get_enum (value));
      break;

    case PROP_CONTENT:
      nyl_state_stack_set_content (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_state_stack_class_init (NylStateStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nyl_state_stack_dispose;
  object_class->get_property = nyl_state_stack_get_property;
  object_class->set_property = nyl_state_stack_set_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, NYL_TYPE_STATE, NYL_STATE_LOADING,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NylStateStack::retry:
   *
   * Emitted when the user asks to try again from the error state.
   */
  signals[SIGNAL_RETRY] =
    g_signal_new ("retry", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/nyl-state-stack.ui");
  gtk_widget_class_bind_template_child (widget_class, NylStateStack, stack);
  gtk_widget_class_bind_template_child (widget_class, NylStateStack, content_bin);
  gtk_widget_class_bind_template_child (widget_class, NylStateStack, empty_page);
  gtk_widget_class_bind_template_child (widget_class, NylStateStack, empty_button);
  gtk_widget_class_bind_template_child (widget_class, NylStateStack, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
nyl_state_stack_init (NylStateStack *self)
{
  self->state = NYL_STATE_LOADING;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

GtkWidget *
nyl_state_stack_new (void)
{
  return g_object_new (NYL_TYPE_STATE_STACK, NULL);
}

GtkWidget *
nyl_state_stack_get_content (NylStateStack *self)
{
  g_return_val_if_fail (NYL_IS_STATE_STACK (self), NULL);

  return adw_bin_get_child (ADW_BIN (self->content_bin));
}

void
nyl_state_stack_set_content (NylStateStack *self,
                             GtkWidget     *content)
{
  GtkWidget *old;

  g_return_if_fail (NYL_IS_STATE_STACK (self));
  g_return_if_fail (content == NULL || GTK_IS_WIDGET (content));

  old = nyl_state_stack_get_content (self);
  if (old == content)
    return;

  adw_bin_set_child (ADW_BIN (self->content_bin), content);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
}

NylState
nyl_state_stack_get_state (NylStateStack *self)
{
  g_return_val_if_fail (NYL_IS_STATE_STACK (self), NYL_STATE_CONTENT);

  return self->state;
}

void
nyl_state_stack_set_state (NylStateStack *self,
                           NylState       state)
{
  static const char *names[] = { "content", "loading", "empty", "error" };

  g_return_if_fail (NYL_IS_STATE_STACK (self));
  g_return_if_fail (state <= NYL_STATE_ERROR);

  if (self->state == state)
    return;

  self->state = state;
  gtk_stack_set_visible_child_name (self->stack, names[state]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/**
 * nyl_state_stack_show_error:
 * @self: a #NylStateStack
 * @title: what failed, in a few words
 * @description: (nullable): why, in words a person understands
 *
 * Shows the error state, with a "Try Again" button that emits
 * #NylStateStack::retry. Pages that still hold good data show a banner
 * instead and keep their content.
 */
void
nyl_state_stack_show_error (NylStateStack *self,
                            const char    *title,
                            const char    *description)
{
  g_return_if_fail (NYL_IS_STATE_STACK (self));
  g_return_if_fail (title != NULL);

  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);
  nyl_state_stack_set_state (self, NYL_STATE_ERROR);
}

void
nyl_state_stack_set_empty (NylStateStack *self,
                           const char    *icon_name,
                           const char    *title,
                           const char    *description)
{
  g_return_if_fail (NYL_IS_STATE_STACK (self));

  adw_status_page_set_icon_name (self->empty_page, icon_name);
  adw_status_page_set_title (self->empty_page, title ? title : "");
  adw_status_page_set_description (self->empty_page, description);
}

/**
 * nyl_state_stack_set_empty_action:
 * @self: a #NylStateStack
 * @label: (nullable): the button's label with a mnemonic, or %NULL for no button
 * @action_name: (nullable): the action the button activates
 *
 * Gives the empty state a button, e.g. "_Add Redirect URI".
 */
void
nyl_state_stack_set_empty_action (NylStateStack *self,
                                  const char    *label,
                                  const char    *action_name)
{
  g_return_if_fail (NYL_IS_STATE_STACK (self));

  gtk_button_set_label (self->empty_button, label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), action_name);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_button), label != NULL);
}
