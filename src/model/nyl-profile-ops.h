/* nyl-profile-ops.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nyl-profile.h"
#include "nyl-profile-store.h"

G_BEGIN_DECLS

/* Probes GET /v3/applications with @api_key on the region's host, or on both hosts when @region
 * is NULL (the one that answers 200 wins; both 401 → UNAUTHORIZED "the key was refused in both
 * regions"), or on @api_url when given (https, or http to loopback only). Fills application_id,
 * organization_id, environment, region from the response; stores the key in the keyring
 * (NYL_SECRET_KIND_API_KEY); adds the profile to @store (unique name, else INVALID_REQUEST) and
 * saves it; audited. Nothing is stored or added when any step fails. */
void        nyl_profile_add_with_api_key_async          (NylProfileStore      *store,
                                                         const char           *name,
                                                         const char           *api_key,
                                                         const char           *region,
                                                         const char           *api_url,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
NylProfile *nyl_profile_add_with_api_key_finish         (NylProfileStore      *store,
                                                         GAsyncResult         *result,
                                                         GError              **error);
/* Loads the credentials file contents, mints an API key for @application_id through the admin
 * API (name "Nylas Manager <hostname>", 365 days), verifies it with GET /v3/applications, stores
 * both the Service Account JSON (NYL_SECRET_KIND_SERVICE_ACCOUNT_KEY) and the API key, adds the
 * profile. If the key was minted but a later step fails, the minted key is revoked (best effort)
 * and the error says so. */
void        nyl_profile_add_with_service_account_async  (NylProfileStore      *store,
                                                         const char           *name,
                                                         const char           *service_account_json,
                                                         gssize                length,
                                                         const char           *application_id,
                                                         const char           *api_url,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
NylProfile *nyl_profile_add_with_service_account_finish (NylProfileStore      *store,
                                                         GAsyncResult         *result,
                                                         GError              **error);
/* Attach / replace / forget (@service_account_json NULL) the Service Account of an existing
 * profile (keyring + profile fields). */
void        nyl_profile_set_service_account_async       (NylProfileStore      *store,
                                                         NylProfile           *profile,
                                                         const char           *service_account_json,
                                                         gssize                length,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean    nyl_profile_set_service_account_finish      (NylProfileStore      *store,
                                                         GAsyncResult         *result,
                                                         GError              **error);
/* Clears every secret of the profile from the keyring, then removes it from the store and
 * saves. */
void        nyl_profile_remove_async                    (NylProfileStore      *store,
                                                         NylProfile           *profile,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean    nyl_profile_remove_finish                   (NylProfileStore      *store,
                                                         GAsyncResult         *result,
                                                         GError              **error);

/* Tests only: where @region ("us" or "eu") is reached (NULL restores the real host). */
void        nyl_profile_ops_set_region_url_for_testing  (const char           *region,
                                                         const char           *url);
/* Tests only: the audit log profile operations append to (NULL = the default log). */
void        nyl_profile_ops_set_audit_log_for_testing   (const char           *path);

G_END_DECLS
