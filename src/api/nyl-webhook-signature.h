/* nyl-webhook-signature.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  NYL_WEBHOOK_VERDICT_VALID,
  NYL_WEBHOOK_VERDICT_NO_HEADER,
  NYL_WEBHOOK_VERDICT_MALFORMED_HEX,
  NYL_WEBHOOK_VERDICT_MISMATCH,
  NYL_WEBHOOK_VERDICT_GZIP_ERROR,
  NYL_WEBHOOK_VERDICT_NO_SECRET,
} NylWebhookVerdict;

/* Lower-case hex HMAC-SHA256 of @body with @secret. */
G_GNUC_WARN_UNUSED_RESULT
char              *nyl_webhook_signature_sign    (GBytes             *body,
                                                  const char         *secret);
/* Verifies @signature_header (hex, either case, surrounding whitespace ignored; NULL/empty =
 * NO_HEADER) over the raw @body in constant time against each of @secrets (NULL-terminated; old
 * and new during a rotation window). When @gzip_encoded, a mismatch on the raw bytes is retried on
 * the gunzipped bytes (a gunzip failure with no raw match = GZIP_ERROR). *matched_index = index of
 * the secret that matched, else -1. */
NylWebhookVerdict  nyl_webhook_signature_verify  (GBytes             *body,
                                                  const char         *signature_header,
                                                  gboolean            gzip_encoded,
                                                  const char * const *secrets,
                                                  int                *matched_index);
/* Translatable reason, e.g. "signature does not match any secret". */
const char        *nyl_webhook_verdict_to_string (NylWebhookVerdict   verdict);
/* Stable: valid, no-header, malformed-hex, mismatch, gzip-error, no-secret. */
const char        *nyl_webhook_verdict_to_nick   (NylWebhookVerdict   verdict);

/* gzip helpers (GZlibCompressor/Decompressor), also used by the sandbox for compressed delivery. */
G_GNUC_WARN_UNUSED_RESULT
GBytes            *nyl_gzip_compress             (GBytes             *data);
G_GNUC_WARN_UNUSED_RESULT
GBytes            *nyl_gzip_decompress           (GBytes             *data,
                                                  gsize               max_size,
                                                  GError            **error);

G_END_DECLS
