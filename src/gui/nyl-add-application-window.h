/* nyl-add-application-window.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nyl-profile-store.h"

G_BEGIN_DECLS

#define NYL_TYPE_ADD_APPLICATION_WINDOW (nyl_add_application_window_get_type ())

/* Onboarding: adds an application by API key and region (or detected
 * region), or by Service Account file and application ID, with an optional
 * custom API URL under "Advanced". Everything is checked before a request
 * is sent, errors are shown in plain words next to the field they concern,
 * and secrets go to the keyring only. Emits "added" with the new profile,
 * then closes. */
G_DECLARE_FINAL_TYPE (NylAddApplicationWindow, nyl_add_application_window,
                      NYL, ADD_APPLICATION_WINDOW, AdwWindow)

NylAddApplicationWindow *nyl_add_application_window_new          (NylProfileStore         *store);
/* "api-key" or "service-account". */
const char              *nyl_add_application_window_get_path     (NylAddApplicationWindow *self);
void                     nyl_add_application_window_set_path     (NylAddApplicationWindow *self,
                                                                  const char              *path);
/* Fields: "name", "api-key", "region" ("", "us" or "eu"), "api-url", "application-id". */
void                     nyl_add_application_window_set_field    (NylAddApplicationWindow *self,
                                                                  const char              *field,
                                                                  const char              *value);
/* Also "file". NULL when the field is fine. */
const char              *nyl_add_application_window_get_error    (NylAddApplicationWindow *self,
                                                                  const char              *field);
/* Reads and checks a Service Account credentials file, as choosing it does. */
void                     nyl_add_application_window_load_file    (NylAddApplicationWindow *self,
                                                                  GFile                   *file);
/* The credentials file read and accepted, NULL when none. */
const char              *nyl_add_application_window_get_file_name (NylAddApplicationWindow *self);
gboolean                 nyl_add_application_window_get_busy     (NylAddApplicationWindow *self);
/* Checks the form of the current path and, when fine, starts adding.
 * Returns FALSE when a field was refused. */
gboolean                 nyl_add_application_window_add          (NylAddApplicationWindow *self);

G_END_DECLS
