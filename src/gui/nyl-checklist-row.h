/* nyl-checklist-row.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nyl-checklist-item.h"

G_BEGIN_DECLS

#define NYL_TYPE_CHECKLIST_ROW (nyl_checklist_row_get_type ())

/* One check of the production checklist: its state, what was found, and a
 * button to the page that fixes it (the window's "win.show-section"). */
G_DECLARE_FINAL_TYPE (NylChecklistRow, nyl_checklist_row, NYL, CHECKLIST_ROW, AdwActionRow)

GtkWidget        *nyl_checklist_row_new      (NylChecklistItem *item);
NylChecklistItem *nyl_checklist_row_get_item (NylChecklistRow  *self);
void              nyl_checklist_row_set_item (NylChecklistRow  *self,
                                              NylChecklistItem *item);

G_END_DECLS
