/* nyl-profile.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define NYL_TYPE_PROFILE (nyl_profile_get_type ())

G_DECLARE_FINAL_TYPE (NylProfile, nyl_profile, NYL, PROFILE, GObject)

NylProfile *nyl_profile_new                                 (const char  *id,
                                                             const char  *name);
NylProfile *nyl_profile_new_from_json                       (JsonNode    *node,
                                                             GError     **error);
JsonNode   *nyl_profile_to_json                             (NylProfile  *self);
gboolean    nyl_profile_validate                            (NylProfile  *self,
                                                             GError     **error);

const char *nyl_profile_get_id                              (NylProfile  *self);
const char *nyl_profile_get_name                            (NylProfile  *self);
void        nyl_profile_set_name                            (NylProfile  *self,
                                                             const char  *name);
const char *nyl_profile_get_region                          (NylProfile  *self);
void        nyl_profile_set_region                          (NylProfile  *self,
                                                             const char  *region);
const char *nyl_profile_get_api_url                         (NylProfile  *self);
void        nyl_profile_set_api_url                         (NylProfile  *self,
                                                             const char  *api_url);
const char *nyl_profile_get_application_id                  (NylProfile  *self);
void        nyl_profile_set_application_id                  (NylProfile  *self,
                                                             const char  *application_id);
const char *nyl_profile_get_organization_id                 (NylProfile  *self);
void        nyl_profile_set_organization_id                 (NylProfile  *self,
                                                             const char  *organization_id);
const char *nyl_profile_get_environment                     (NylProfile  *self);
void        nyl_profile_set_environment                     (NylProfile  *self,
                                                             const char  *environment);
const char *nyl_profile_get_service_account_key_id          (NylProfile  *self);
void        nyl_profile_set_service_account_key_id          (NylProfile  *self,
                                                             const char  *key_id);
const char *nyl_profile_get_service_account_organization_id (NylProfile  *self);
void        nyl_profile_set_service_account_organization_id (NylProfile  *self,
                                                             const char  *organization_id);
const char *nyl_profile_get_service_account_region          (NylProfile  *self);
void        nyl_profile_set_service_account_region          (NylProfile  *self,
                                                             const char  *region);
gboolean    nyl_profile_has_service_account                 (NylProfile  *self);

G_END_DECLS
