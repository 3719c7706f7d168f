/* nyl-checklist-item.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * NylCheckState:
 * @NYL_CHECK_STATE_UNKNOWN: not known yet (not loaded, or not readable with this profile)
 * @NYL_CHECK_STATE_PASS: the application meets the check
 * @NYL_CHECK_STATE_FAIL: it does not: the detail says why
 */
typedef enum
{
  NYL_CHECK_STATE_UNKNOWN,
  NYL_CHECK_STATE_PASS,
  NYL_CHECK_STATE_FAIL,
} NylCheckState;

#define NYL_TYPE_CHECK_STATE (nyl_check_state_get_type ())
GType nyl_check_state_get_type (void) G_GNUC_CONST;

#define NYL_TYPE_CHECKLIST_ITEM (nyl_checklist_item_get_type ())

G_DECLARE_FINAL_TYPE (NylChecklistItem, nyl_checklist_item, NYL, CHECKLIST_ITEM, GObject)

G_GNUC_WARN_UNUSED_RESULT
NylChecklistItem *nyl_checklist_item_new         (const char       *id,
                                                  const char       *title,
                                                  const char       *section);
const char       *nyl_checklist_item_get_id      (NylChecklistItem *self);
const char       *nyl_checklist_item_get_title   (NylChecklistItem *self);
const char       *nyl_checklist_item_get_section (NylChecklistItem *self);
NylCheckState     nyl_checklist_item_get_state   (NylChecklistItem *self);
const char       *nyl_checklist_item_get_detail  (NylChecklistItem *self);
void              nyl_checklist_item_set_result  (NylChecklistItem *self,
                                                  NylCheckState     state,
                                                  const char       *detail);

G_END_DECLS
