/* nyl-application.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nyl-client.h"
#include "nyl-profile-store.h"

G_BEGIN_DECLS

#define NYL_TYPE_APPLICATION (nyl_application_get_type ())

G_DECLARE_FINAL_TYPE (NylApplication, nyl_application, NYL, APPLICATION, AdwApplication)

NylApplication  *nyl_application_new               (void) G_GNUC_WARN_UNUSED_RESULT;
NylProfileStore *nyl_application_get_profile_store (NylApplication *self);
/* The saved profiles, then the sandbox's while it runs (NylProfile). */
GListModel      *nyl_application_get_profiles      (NylApplication *self);
/* Starts the in-process sandbox if needed (its state kept in
 * $XDG_STATE_HOME/nylas-manager/sandbox.json) and opens its profile,
 * "Sandbox (simulated)", in the main window. */
void             nyl_application_open_sandbox      (NylApplication *self);
/* Tests only: points @client's region hosts at NYL_TEST_REGION_URL_US and
 * NYL_TEST_REGION_URL_EU when those are set; does nothing otherwise. */
void             nyl_application_prepare_client    (NylClient      *client);

G_END_DECLS
