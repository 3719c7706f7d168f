/* nyl-session.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "nyl-audit-entry.h"
#include "nyl-audit-log.h"
#include "nyl-client.h"
#include "nyl-profile.h"
#include "nyl-resource.h"
#include "nyl-service-account.h"
#include "nyl-webhook.h"

G_BEGIN_DECLS

#define NYL_TYPE_SESSION (nyl_session_get_type ())

G_DECLARE_FINAL_TYPE (NylSession, nyl_session, NYL, SESSION, GObject)

/* Opens @profile: its API key (and Service Account JSON if the profile has one) from the keyring,
 * a NylClient for its region or api_url. NYL_API_ERROR_NO_SECRET if the API key is not in the
 * keyring; NO_SECRET_SERVICE / KEYRING_LOCKED as the secret store reports. */
void          nyl_session_open_async          (NylProfile           *profile,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
NylSession   *nyl_session_open_finish         (GAsyncResult         *result,
                                               GError              **error);
/* From explicit secrets (the sandbox, tests): no keyring involved. @service_account may be
 * NULL. */
NylSession   *nyl_session_new                 (NylProfile           *profile,
                                               const char           *api_key,
                                               NylServiceAccount    *service_account,
                                               GError              **error);

NylProfile   *nyl_session_get_profile         (NylSession           *self);
NylClient    *nyl_session_get_client          (NylSession           *self);
gboolean      nyl_session_has_service_account (NylSession           *self);
NylAuditLog  *nyl_session_get_audit_log       (NylSession           *self);
void          nyl_session_set_audit_log       (NylSession           *self,
                                               NylAuditLog          *log);
/* Appends an entry for a change made through this session (used by every mutating call). */
void          nyl_session_audit               (NylSession           *self,
                                               NylAuditAction        action,
                                               GType                 type,
                                               const char           *object_id,
                                               const char           *request_id,
                                               const GError         *error);

/* Generic resource calls. @type is one of the NylResource subclasses. @parent is the connector
 * provider for NylCredential, NULL otherwise. @id is NULL for NYL_TYPE_APP_DETAILS (GET/PATCH
 * /v3/applications). The session knows each type's path, auth mode (API key, or Service Account
 * for API keys and domains — NYL_API_ERROR_INVALID_CREDENTIALS with a clear message when the
 * profile has no Service Account), paging style, and update verb (PATCH, or PUT for webhooks and
 * domains). Create/update/delete are audited. The returned resource of a create carries its
 * one-time secret (API key, webhook secret) if any. */
void          nyl_session_fetch_async         (NylSession           *self,
                                               GType                 type,
                                               const char           *parent,
                                               const char           *id,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
NylResource  *nyl_session_fetch_finish        (NylSession           *self,
                                               GAsyncResult         *result,
                                               GError              **error);
/* Every item of a (small) collection, all pages. */
void          nyl_session_list_async          (NylSession           *self,
                                               GType                 type,
                                               const char           *parent,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
GListModel   *nyl_session_list_finish         (NylSession           *self,
                                               GAsyncResult         *result,
                                               GError              **error);
void          nyl_session_create_async        (NylSession           *self,
                                               NylResource          *resource,
                                               const char           *parent,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
NylResource  *nyl_session_create_finish       (NylSession           *self,
                                               GAsyncResult         *result,
                                               GError              **error);
void          nyl_session_update_async        (NylSession           *self,
                                               NylResource          *resource,
                                               const char           *parent,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
NylResource  *nyl_session_update_finish       (NylSession           *self,
                                               GAsyncResult         *result,
                                               GError              **error);
void          nyl_session_delete_async        (NylSession           *self,
                                               GType                 type,
                                               const char           *parent,
                                               const char           *id,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean      nyl_session_delete_finish       (NylSession           *self,
                                               GAsyncResult         *result,
                                               GError              **error);
/* Last Nylas request ID seen by a _finish on this session (success or failure), for messages and
 * --json. */
const char   *nyl_session_get_last_request_id (NylSession           *self);

/* How the session reaches @type (for NylResourceList and faces that page themselves).
 * @path_out: the collection path (free with g_free); FALSE with INVALID_REQUEST for a type that
 * has no collection or a missing @parent, INVALID_CREDENTIALS when the type needs the Service
 * Account the session does not have. */
gboolean      nyl_session_get_collection      (NylSession           *self,
                                               GType                 type,
                                               const char           *parent,
                                               char                **path_out,
                                               NylClientAuth        *auth_out,
                                               gboolean             *offset_paging_out,
                                               GError              **error);
/* Records @request_id as the last one seen (NULL is ignored). */
void          nyl_session_set_last_request_id (NylSession           *self,
                                               const char           *request_id);

/* Webhooks (nyl-session-calls.c). */
void          nyl_session_rotate_webhook_secret_async  (NylSession           *self,
                                                        const char           *id,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
NylWebhook   *nyl_session_rotate_webhook_secret_finish (NylSession           *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
void          nyl_session_send_test_event_async        (NylSession           *self,
                                                        const char           *trigger_type,
                                                        const char           *webhook_url,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gboolean      nyl_session_send_test_event_finish       (NylSession           *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
void          nyl_session_mock_payload_async           (NylSession           *self,
                                                        const char           *trigger_type,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
JsonNode     *nyl_session_mock_payload_finish          (NylSession           *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
void          nyl_session_ip_addresses_async           (NylSession           *self,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
JsonNode     *nyl_session_ip_addresses_finish          (NylSession           *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

/* Domains (nyl-session-calls.c). @type: "ownership", "mx", "spf", "dkim", "feedback",
 * "dmarc", "arc". */
void          nyl_session_domain_info_async            (NylSession           *self,
                                                        const char           *id,
                                                        const char           *type,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
JsonNode     *nyl_session_domain_info_finish           (NylSession           *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
void          nyl_session_domain_verify_async          (NylSession           *self,
                                                        const char           *id,
                                                        const char           *type,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
JsonNode     *nyl_session_domain_verify_finish         (NylSession           *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

/* Connect (nyl-session-calls.c). */
void          nyl_session_revoke_token_async           (NylSession           *self,
                                                        const char           *token,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gboolean      nyl_session_revoke_token_finish          (NylSession           *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);
/* @code_verifier may be NULL (no PKCE). */
void          nyl_session_exchange_code_async          (NylSession           *self,
                                                        const char           *code,
                                                        const char           *redirect_uri,
                                                        const char           *code_verifier,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
JsonNode     *nyl_session_exchange_code_finish         (NylSession           *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

/* Grant statistics (nyl-session-calls.c). */
typedef struct
{
  guint       total;
  GHashTable *by_status;    /* char* grant_status → GUINT_TO_POINTER (count) */
  GHashTable *by_provider;  /* char* provider → GUINT_TO_POINTER (count) */
} NylGrantStats;

#define NYL_TYPE_GRANT_STATS (nyl_grant_stats_get_type ())

GType          nyl_grant_stats_get_type            (void) G_GNUC_CONST;
NylGrantStats *nyl_grant_stats_new                 (void);
NylGrantStats *nyl_grant_stats_copy                (const NylGrantStats *stats);
void           nyl_grant_stats_free                (NylGrantStats       *stats);
/* {"total": n, "by_status": {…}, "by_provider": {…}} with sorted keys. */
JsonNode      *nyl_grant_stats_to_json             (const NylGrantStats *stats);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NylGrantStats, nyl_grant_stats_free)

void           nyl_session_grant_stats_async       (NylSession           *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
NylGrantStats *nyl_session_grant_stats_finish      (NylSession           *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

G_END_DECLS
