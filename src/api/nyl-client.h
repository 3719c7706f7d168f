/* nyl-client.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "nyl-response.h"
#include "nyl-service-account.h"

G_BEGIN_DECLS

/**
 * NylClientAuth:
 * @NYL_CLIENT_AUTH_NONE: no credentials (the `/v3/connect` endpoints)
 * @NYL_CLIENT_AUTH_API_KEY: `Authorization: Bearer <API key>`
 * @NYL_CLIENT_AUTH_SERVICE_ACCOUNT: the four `X-Nylas-*` headers of a request
 *   signed with the Service Account, no `Authorization` header, and the body
 *   sent as the canonical JSON that was signed (the `/v3/admin` endpoints)
 *
 * How one request authenticates.
 */
typedef enum
{
  NYL_CLIENT_AUTH_NONE,
  NYL_CLIENT_AUTH_API_KEY,
  NYL_CLIENT_AUTH_SERVICE_ACCOUNT,
} NylClientAuth;

#define NYL_CLIENT_DEFAULT_MAX_BODY_SIZE (G_GUINT64_CONSTANT (64) * 1024 * 1024)

#define NYL_TYPE_CLIENT (nyl_client_get_type ())

G_DECLARE_FINAL_TYPE (NylClient, nyl_client, NYL, CLIENT, GObject)

const char        *nyl_region_get_api_url                 (const char          *region);
gboolean           nyl_api_url_check                      (const char          *url,
                                                           GError             **error);

NylClient         *nyl_client_new_for_region              (const char          *region,
                                                           GError             **error);
NylClient         *nyl_client_new_for_url                 (const char          *api_url,
                                                           GError             **error);

const char        *nyl_client_get_base_url                (NylClient           *self);
const char        *nyl_client_get_region                  (NylClient           *self);

void               nyl_client_set_api_key                 (NylClient           *self,
                                                           const char          *api_key);
gboolean           nyl_client_has_api_key                 (NylClient           *self);
NylServiceAccount *nyl_client_get_service_account         (NylClient           *self);
void               nyl_client_set_service_account         (NylClient           *self,
                                                           NylServiceAccount   *account);

guint              nyl_client_get_connect_timeout         (NylClient           *self);
void               nyl_client_set_connect_timeout         (NylClient           *self,
                                                           guint                seconds);
guint              nyl_client_get_request_timeout         (NylClient           *self);
void               nyl_client_set_request_timeout         (NylClient           *self,
                                                           guint                seconds);
guint              nyl_client_get_max_attempts            (NylClient           *self);
void               nyl_client_set_max_attempts            (NylClient           *self,
                                                           guint                max_attempts);
guint              nyl_client_get_retry_base_delay        (NylClient           *self);
void               nyl_client_set_retry_base_delay        (NylClient           *self,
                                                           guint                milliseconds);
guint              nyl_client_get_max_retry_delay         (NylClient           *self);
void               nyl_client_set_max_retry_delay         (NylClient           *self,
                                                           guint                milliseconds);
guint64            nyl_client_get_max_body_size           (NylClient           *self);
void               nyl_client_set_max_body_size           (NylClient           *self,
                                                           guint64              max_body_size);

void               nyl_client_request_async               (NylClient           *self,
                                                           const char          *method,
                                                           const char          *path,
                                                           const char * const  *query,
                                                           JsonNode            *body,
                                                           NylClientAuth        auth,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
NylResponse       *nyl_client_request_finish              (NylClient           *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
void               nyl_client_request_bytes_async         (NylClient           *self,
                                                           const char          *method,
                                                           const char          *path,
                                                           const char * const  *query,
                                                           JsonNode            *body,
                                                           NylClientAuth        auth,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GBytes            *nyl_client_request_bytes_finish        (NylClient           *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
NylResponse       *nyl_client_get_async_result_response   (NylClient           *self,
                                                           GAsyncResult        *result);
const char        *nyl_client_get_async_result_request_id (NylClient           *self,
                                                           GAsyncResult        *result);

/* Tests only: where this client reaches @region (the two region hosts stand-ins). */
void               nyl_client_set_region_url_for_testing  (NylClient           *self,
                                                           const char          *region,
                                                           const char          *url);

G_END_DECLS
