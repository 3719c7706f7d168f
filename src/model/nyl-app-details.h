/* nyl-app-details.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nyl-resource.h"

G_BEGIN_DECLS

#define NYL_TYPE_APP_DETAILS (nyl_app_details_get_type ())

G_DECLARE_FINAL_TYPE (NylAppDetails, nyl_app_details, NYL, APP_DETAILS, NylResource)

/* The application an API key belongs to (`GET /v3/applications`). Its
 * NylResource:id is the application ID. `branding`, `hosted_authentication`
 * and `idp_settings` are kept as whole JSON objects, members this code does
 * not know included, because PATCH replaces each nested object it is sent:
 * an update body always carries the whole object. The branding-* properties
 * edit single members of `branding`. */

NylAppDetails *nyl_app_details_new                       (void) G_GNUC_WARN_UNUSED_RESULT;
const char    *nyl_app_details_get_organization_id       (NylAppDetails *self);
const char    *nyl_app_details_get_region                (NylAppDetails *self);
const char    *nyl_app_details_get_environment           (NylAppDetails *self);
const char    *nyl_app_details_get_default_workspace_id  (NylAppDetails *self);
const char    *nyl_app_details_get_v2_application_id     (NylAppDetails *self);
const char    *nyl_app_details_get_domain                (NylAppDetails *self);
void           nyl_app_details_set_domain                (NylAppDetails *self,
                                                          const char    *domain);
JsonObject    *nyl_app_details_get_branding              (NylAppDetails *self);
void           nyl_app_details_set_branding              (NylAppDetails *self,
                                                          JsonObject    *branding);
JsonObject    *nyl_app_details_get_hosted_authentication (NylAppDetails *self);
void           nyl_app_details_set_hosted_authentication (NylAppDetails *self,
                                                          JsonObject    *hosted_auth);
JsonObject    *nyl_app_details_get_idp_settings          (NylAppDetails *self);
void           nyl_app_details_set_idp_settings          (NylAppDetails *self,
                                                          JsonObject    *idp_settings);
gint64         nyl_app_details_get_created_at            (NylAppDetails *self);
gint64         nyl_app_details_get_updated_at            (NylAppDetails *self);
gboolean       nyl_app_details_get_blocked               (NylAppDetails *self);
const char    *nyl_app_details_get_application_id        (NylAppDetails *self);
GListModel    *nyl_app_details_get_callback_uris         (NylAppDetails *self);
const char    *nyl_app_details_get_branding_name         (NylAppDetails *self);
void           nyl_app_details_set_branding_name         (NylAppDetails *self,
                                                          const char    *name);
const char    *nyl_app_details_get_branding_icon_url     (NylAppDetails *self);
void           nyl_app_details_set_branding_icon_url     (NylAppDetails *self,
                                                          const char    *icon_url);
const char    *nyl_app_details_get_branding_website_url  (NylAppDetails *self);
void           nyl_app_details_set_branding_website_url  (NylAppDetails *self,
                                                          const char    *website_url);
const char    *nyl_app_details_get_branding_description  (NylAppDetails *self);
void           nyl_app_details_set_branding_description  (NylAppDetails *self,
                                                          const char    *description);

G_END_DECLS
