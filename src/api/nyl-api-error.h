/* nyl-api-error.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define NYL_API_ERROR (nyl_api_error_quark ())

/**
 * NylApiError:
 *
 * Every failure the api layer reports. The faces turn these into words a
 * person understands; cancellation is never one of them (it stays
 * %G_IO_ERROR_CANCELLED and is never shown).
 */
typedef enum
{
  NYL_API_ERROR_UNAUTHORIZED,
  NYL_API_ERROR_FORBIDDEN,
  NYL_API_ERROR_NOT_FOUND,
  NYL_API_ERROR_CONFLICT,
  NYL_API_ERROR_INVALID_REQUEST,
  NYL_API_ERROR_RATE_LIMITED,
  NYL_API_ERROR_SERVER,
  NYL_API_ERROR_NETWORK,
  NYL_API_ERROR_TLS,
  NYL_API_ERROR_PARSE,
  NYL_API_ERROR_INSECURE_URL,
  NYL_API_ERROR_BODY_TOO_LARGE,
  NYL_API_ERROR_NO_SECRET_SERVICE,
  NYL_API_ERROR_KEYRING_LOCKED,
  NYL_API_ERROR_NO_SECRET,
  NYL_API_ERROR_INVALID_CREDENTIALS,
} NylApiError;

GQuark      nyl_api_error_quark   (void);
const char *nyl_api_error_to_nick (NylApiError code);

G_END_DECLS
