/* nyl-service-account-group.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nyl-profile-store.h"
#include "nyl-session.h"

G_BEGIN_DECLS

#define NYL_TYPE_SERVICE_ACCOUNT_GROUP (nyl_service_account_group_get_type ())

/* The Service Account of the open profile: key ID, organization, region and permissions, with
 * Replace and Forget; without one, what a Service Account is, how to get one, and Import (a
 * portal file chooser). The private key only ever goes to the keyring. */
G_DECLARE_FINAL_TYPE (NylServiceAccountGroup, nyl_service_account_group, NYL, SERVICE_ACCOUNT_GROUP,
                      AdwPreferencesGroup)

GtkWidget       *nyl_service_account_group_new               (void);
NylSession      *nyl_service_account_group_get_session       (NylServiceAccountGroup *self);
void             nyl_service_account_group_set_session       (NylServiceAccountGroup *self,
                                                              NylSession             *session);
NylProfileStore *nyl_service_account_group_get_profile_store (NylServiceAccountGroup *self);
void             nyl_service_account_group_set_profile_store (NylServiceAccountGroup *self,
                                                              NylProfileStore        *store);
gboolean         nyl_service_account_group_get_busy          (NylServiceAccountGroup *self);
/* Imports @file as if chosen in the file chooser. */
void             nyl_service_account_group_import_file       (NylServiceAccountGroup *self,
                                                              GFile                  *file);
/* What went wrong last, or NULL. */
const char      *nyl_service_account_group_get_error_text    (NylServiceAccountGroup *self);

G_END_DECLS
