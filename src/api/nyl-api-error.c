/* nyl-api-error.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-api-error"

#include "config.h"

#include "nyl-api-error.h"

G_DEFINE_QUARK (nyl-api-error-quark, nyl_api_error)

/**
 * nyl_api_error_to_nick:
 * @code: a #NylApiError
 *
 * Returns: a stable, machine-readable name for @code, as used in `--json`
 *   output and the audit log (e.g. `"rate-limited"`).
 */
const char *
nyl_api_error_to_nick (NylApiError code)
{
  switch (code)
    {
    case NYL_API_ERROR_UNAUTHORIZED:        return "unauthorized";
    case NYL_API_ERROR_FORBIDDEN:           return "forbidden";
    case NYL_API_ERROR_NOT_FOUND:           return "not-found";
    case NYL_API_ERROR_CONFLICT:            return "conflict";
    case NYL_API_ERROR_INVALID_REQUEST:     return "invalid-request";
    case NYL_API_ERROR_RATE_LIMITED:        return "rate-limited";
    case NYL_API_ERROR_SERVER:              return "server";
    case NYL_API_ERROR_NETWORK:             return "network";
    case NYL_API_ERROR_TLS:                 return "tls";
    case NYL_API_ERROR_PARSE:               return "parse";
    case NYL_API_ERROR_INSECURE_URL:        return "insecure-url";
    case NYL_API_ERROR_BODY_TOO_LARGE:      return "body-too-large";
    case NYL_API_ERROR_NO_SECRET_SERVICE:   return "no-secret-service";
    case NYL_API_ERROR_KEYRING_LOCKED:      return "keyring-locked";
    case NYL_API_ERROR_NO_SECRET:           return "no-secret";
    case NYL_API_ERROR_INVALID_CREDENTIALS: return "invalid-credentials";
    default:                                return "unknown";
    }
}
