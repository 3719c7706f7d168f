/* nyl-settings-page.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nyl-session.h"

G_BEGIN_DECLS

#define NYL_TYPE_SETTINGS_PAGE (nyl_settings_page_get_type ())

/* The application's branding and hosted-authentication theming. Each is
 * sent as the whole nested object (PATCH replaces it), members this code
 * does not know included; fields are checked first (URLs, colours); a saved
 * change can be undone from its toast. Actions: settings.save,
 * settings.discard, settings.reload. */
G_DECLARE_FINAL_TYPE (NylSettingsPage, nyl_settings_page, NYL, SETTINGS_PAGE, GtkWidget)

GtkWidget  *nyl_settings_page_new         (void);
NylSession *nyl_settings_page_get_session (NylSettingsPage *self);
void        nyl_settings_page_set_session (NylSettingsPage *self,
                                           NylSession      *session);
gboolean    nyl_settings_page_get_busy    (NylSettingsPage *self);
gboolean    nyl_settings_page_get_dirty   (NylSettingsPage *self);
/* Fields: "name", "website-url", "icon-url", "description", "title", "subtitle",
 * "background-image-url", "alignment" (left, center, right or ""), "color-primary",
 * "color-secondary", "background-color", "spacing", "terms-of-service-url",
 * "privacy-policy-url". */
void        nyl_settings_page_set_field   (NylSettingsPage *self,
                                           const char      *field,
                                           const char      *value);
const char *nyl_settings_page_get_error   (NylSettingsPage *self,
                                           const char      *field);
/* Checks the form and sends it; FALSE when a field was refused. */
gboolean    nyl_settings_page_save        (NylSettingsPage *self);
void        nyl_settings_page_reload      (NylSettingsPage *self);

G_END_DECLS
