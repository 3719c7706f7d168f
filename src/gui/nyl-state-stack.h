/* nyl-state-stack.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  NYL_STATE_CONTENT,
  NYL_STATE_LOADING,
  NYL_STATE_EMPTY,
  NYL_STATE_ERROR,
} NylState;

#define NYL_TYPE_STATE (nyl_state_get_type ())
GType nyl_state_get_type (void) G_GNUC_CONST;

#define NYL_TYPE_STATE_STACK (nyl_state_stack_get_type ())

/* What every page shows around its content: a spinner while the first load
 * runs, an empty state with an action, or an error with "Try Again". */
G_DECLARE_FINAL_TYPE (NylStateStack, nyl_state_stack, NYL, STATE_STACK, GtkWidget)

GtkWidget  *nyl_state_stack_new                   (void);
GtkWidget  *nyl_state_stack_get_content           (NylStateStack *self);
void        nyl_state_stack_set_content           (NylStateStack *self,
                                                   GtkWidget     *content);
NylState    nyl_state_stack_get_state             (NylStateStack *self);
void        nyl_state_stack_set_state             (NylStateStack *self,
                                                   NylState       state);
void        nyl_state_stack_show_error            (NylStateStack *self,
                                                   const char    *title,
                                                   const char    *description);
void        nyl_state_stack_set_empty             (NylStateStack *self,
                                                   const char    *icon_name,
                                                   const char    *title,
                                                   const char    *description);
void        nyl_state_stack_set_empty_action      (NylStateStack *self,
                                                   const char    *label,
                                                   const char    *action_name);

G_END_DECLS
