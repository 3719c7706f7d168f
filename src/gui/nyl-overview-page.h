/* nyl-overview-page.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nyl-checklist.h"
#include "nyl-session.h"

G_BEGIN_DECLS

#define NYL_TYPE_OVERVIEW_PAGE (nyl_overview_page_get_type ())

/* The application at a glance: its details with copy buttons, branding,
 * health cards and the production checklist, refreshed on demand, when the
 * page is shown and when the window regains focus. A failed refresh keeps
 * the last good data on screen under a banner. */
G_DECLARE_FINAL_TYPE (NylOverviewPage, nyl_overview_page, NYL, OVERVIEW_PAGE, GtkWidget)

GtkWidget    *nyl_overview_page_new           (void);
NylSession   *nyl_overview_page_get_session   (NylOverviewPage *self);
void          nyl_overview_page_set_session   (NylOverviewPage *self,
                                               NylSession      *session);
NylChecklist *nyl_overview_page_get_checklist (NylOverviewPage *self);
gboolean      nyl_overview_page_get_loading   (NylOverviewPage *self);
void          nyl_overview_page_refresh       (NylOverviewPage *self);

G_END_DECLS
