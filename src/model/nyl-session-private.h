/* nyl-session-private.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nyl-secret-store.h"
#include "nyl-session.h"

G_BEGIN_DECLS

/* One request through the session's client: records the request ID as the session's last one.
 * @query as for nyl_client_request_async(). */
void         _nyl_session_request_async   (NylSession           *self,
                                           const char           *method,
                                           const char           *path,
                                           const char * const   *query,
                                           JsonNode             *body,
                                           NylClientAuth         auth,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
/* @request_id: (out) (optional) (transfer full): the request ID, also after a failure. */
NylResponse *_nyl_session_request_finish  (NylSession           *self,
                                           GAsyncResult         *result,
                                           char                **request_id,
                                           GError              **error);

/* Whether @result is the task of a call of @self that @source_tag started (for the finish
 * functions). */
gboolean     _nyl_session_is_result             (NylSession     *self,
                                                 GAsyncResult   *result,
                                                 gpointer        source_tag);

/* FALSE with a clear error when the session has no usable Service Account. */
gboolean     _nyl_session_check_service_account (NylSession     *self,
                                                 GError        **error);


/* FALSE with a clear error when the profile has no application ID. */
gboolean     _nyl_session_check_application_id  (NylSession     *self,
                                                 GError        **error);
/* The path of one API key of the session's application ("/v3/admin/applications/…/api-keys/…"). */
char        *_nyl_session_api_key_path          (NylSession     *self,
                                                 const char     *key_id);
/* Replaces the API key the session's client uses (after a key roll of the profile's own key). */
void         _nyl_session_set_api_key           (NylSession     *self,
                                                 const char     *api_key);
const char  *_nyl_session_get_api_key           (NylSession     *self);

/* The model's keyring store: nyl_secret_store_store_async(), unless a test made it fail
 * (nyl_model_set_store_failure_for_testing()). */
void         _nyl_model_store_secret_async      (const char           *profile,
                                                 NylSecretKind         kind,
                                                 const char           *object_id,
                                                 const char           *display_name,
                                                 const char           *secret,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean     _nyl_model_store_secret_finish     (GAsyncResult         *result,
                                                 GError              **error);

/* A client for @api_url, else for @region (with the test stand-ins for the region hosts). */
NylClient   *_nyl_model_client_new              (const char           *region,
                                                 const char           *api_url,
                                                 GError              **error);
void         _nyl_model_set_region_url          (const char           *region,
                                                 const char           *url);

/* Percent-encodes one path segment. */
char        *_nyl_path_escape                   (const char           *segment);

G_END_DECLS
