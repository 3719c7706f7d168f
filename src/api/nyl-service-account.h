/* nyl-service-account.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define NYL_TYPE_SERVICE_ACCOUNT (nyl_service_account_get_type ())

G_DECLARE_FINAL_TYPE (NylServiceAccount, nyl_service_account, NYL, SERVICE_ACCOUNT, GObject)

/* Loading validates: JSON object, type == "service_account", private_key_id, private_key,
 * organization_id, region (us|eu) present; private_key as PEM or base64-wrapped PEM; PKCS#1 or
 * PKCS#8; RSA >= 2048 bits. Each failure is NYL_API_ERROR_INVALID_CREDENTIALS with its own clear,
 * translatable message. */
NylServiceAccount  *nyl_service_account_new_from_data        (const char         *data,
                                                              gssize              length,
                                                              GError            **error);
NylServiceAccount  *nyl_service_account_new_from_file        (const char         *path,
                                                              GError            **error);
/* A fresh RSA-2048 Service Account (for the sandbox). */
NylServiceAccount  *nyl_service_account_generate             (const char         *name,
                                                              const char         *key_id,
                                                              const char         *organization_id,
                                                              const char         *region,
                                                              GError            **error);

/* get_name may return NULL; get_permissions never does. */
const char         *nyl_service_account_get_name             (NylServiceAccount  *self);
const char         *nyl_service_account_get_key_id           (NylServiceAccount  *self);
const char         *nyl_service_account_get_organization_id  (NylServiceAccount  *self);
const char         *nyl_service_account_get_region           (NylServiceAccount  *self);
const char * const *nyl_service_account_get_permissions      (NylServiceAccount  *self);
/* The credentials file again (with the private key as PEM): what goes to the keyring or a 0600
 * file. */
G_GNUC_WARN_UNUSED_RESULT
char               *nyl_service_account_to_json              (NylServiceAccount  *self);
/* SubjectPublicKeyInfo PEM ("BEGIN PUBLIC KEY"), for a verifier. */
G_GNUC_WARN_UNUSED_RESULT
char               *nyl_service_account_dup_public_key_pem   (NylServiceAccount  *self);

typedef struct
{
  char *key_id;      /* X-Nylas-Kid */
  char *timestamp;   /* X-Nylas-Timestamp, decimal seconds */
  char *nonce;       /* X-Nylas-Nonce, 20 chars [A-Za-z0-9] from a CSPRNG */
  char *signature;   /* X-Nylas-Signature, standard base64 */
} NylSignedHeaders;

void nyl_signed_headers_free (NylSignedHeaders *headers);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NylSignedHeaders, nyl_signed_headers_free)

/* Signs one request: @method any case (lower-cased in the envelope), @path the request path
 * starting with /v3 WITHOUT query string (a query string is stripped), @canonical_body the exact
 * bytes that will be sent (already canonical; NULL for GET/DELETE or no body; only used for
 * POST/PUT/PATCH). A fresh nonce and timestamp on every call. */
NylSignedHeaders   *nyl_service_account_sign                 (NylServiceAccount  *self,
                                                              const char         *method,
                                                              const char         *path,
                                                              const char         *canonical_body,
                                                              GError            **error);

/* Tests only: fix the clock (Unix seconds; 0 = real clock) and the next nonces (NULL = random). */
void                nyl_service_account_set_clock_for_testing (NylServiceAccount *self,
                                                               gint64             unix_seconds);
void                nyl_service_account_set_nonce_for_testing (NylServiceAccount *self,
                                                               const char        *nonce);

/* Pure functions, for the sandbox's verifier and for tests. */
/* The canonical signing envelope of nylas-api.md §4.4 step 6. */
G_GNUC_WARN_UNUSED_RESULT
char               *nyl_signing_envelope                     (const char         *method,
                                                              const char         *path,
                                                              const char         *canonical_body,
                                                              gint64              timestamp,
                                                              const char         *nonce);
/* Verifies a base64 RSA-PKCS1v1.5-SHA256 signature over @envelope with a PEM public key.
 * FALSE with NYL_API_ERROR_UNAUTHORIZED ("signature does not match") or INVALID_CREDENTIALS (bad
 * key/base64). */
gboolean            nyl_signature_verify                     (const char         *public_key_pem,
                                                              const char         *envelope,
                                                              const char         *signature_base64,
                                                              GError            **error);

G_END_DECLS
