/* nyl-redirect-uri.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nyl-resource.h"

G_BEGIN_DECLS

#define NYL_TYPE_REDIRECT_URI (nyl_redirect_uri_get_type ())

G_DECLARE_FINAL_TYPE (NylRedirectUri, nyl_redirect_uri, NYL, REDIRECT_URI, NylResource)

NylRedirectUri *nyl_redirect_uri_new                              (void) G_GNUC_WARN_UNUSED_RESULT;
const char     *nyl_redirect_uri_get_url                          (NylRedirectUri *self);
void            nyl_redirect_uri_set_url                          (NylRedirectUri *self,
                                                                   const char     *url);
const char     *nyl_redirect_uri_get_platform                     (NylRedirectUri *self);
void            nyl_redirect_uri_set_platform                     (NylRedirectUri *self,
                                                                   const char     *platform);
const char     *nyl_redirect_uri_get_origin                       (NylRedirectUri *self);
void            nyl_redirect_uri_set_origin                       (NylRedirectUri *self,
                                                                   const char     *origin);
const char     *nyl_redirect_uri_get_bundle_id                    (NylRedirectUri *self);
void            nyl_redirect_uri_set_bundle_id                    (NylRedirectUri *self,
                                                                   const char     *bundle_id);
const char     *nyl_redirect_uri_get_app_store_id                 (NylRedirectUri *self);
void            nyl_redirect_uri_set_app_store_id                 (NylRedirectUri *self,
                                                                   const char     *app_store_id);
const char     *nyl_redirect_uri_get_team_id                      (NylRedirectUri *self);
void            nyl_redirect_uri_set_team_id                      (NylRedirectUri *self,
                                                                   const char     *team_id);
const char     *nyl_redirect_uri_get_package_name                 (NylRedirectUri *self);
void            nyl_redirect_uri_set_package_name                 (NylRedirectUri *self,
                                                                   const char     *package_name);
const char     *nyl_redirect_uri_get_sha1_certificate_fingerprint (NylRedirectUri *self);
void            nyl_redirect_uri_set_sha1_certificate_fingerprint (NylRedirectUri *self,
                                                                   const char     *fingerprint);
gint64          nyl_redirect_uri_get_deleted_at                   (NylRedirectUri *self);

G_END_DECLS
