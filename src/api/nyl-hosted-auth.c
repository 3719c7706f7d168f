/* nyl-hosted-auth.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-hosted-auth"

#include "config.h"

#include "nyl-hosted-auth.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nyl-api-error.h"
#include "nyl-service-account-private.h"

#define MAX_STATE_LENGTH     256
#define PKCE_VERIFIER_LENGTH 64

/* RFC 7636 §4.1: unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~" */
static const char pkce_alphabet[] =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

static void
append_param (GString    *url,
              gboolean   *first,
              const char *name,
              const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL)
    return;

  /* Everything but RFC 3986 unreserved characters is percent-encoded: a space is %20,
   * never '+', and '&', '=', '/', ':' and '?' inside a value cannot end it. */
  escaped = g_uri_escape_string (value, NULL, FALSE);

  g_string_append_c (url, *first ? '?' : '&');
  g_string_append (url, name);
  g_string_append_c (url, '=');
  g_string_append (url, escaped);

  *first = FALSE;
}

static gboolean
is_blank (const char *value)
{
  return value == NULL || value[0] == '\0';
}

/**
 * nyl_hosted_auth_build_url:
 * @api_base: the API base URL, e.g. `"https://api.us.nylas.com"`
 * @params: the parameters of the flow
 * @error: return location for a #GError
 *
 * Builds the `GET /v3/connect/auth` URL that starts Hosted Authentication in
 * a browser (nylas-api.md §8.1). Every value is percent-encoded. Scopes are
 * joined with spaces. With a code challenge, the method defaults to `s256`,
 * as the Nylas SDK sends it.
 *
 * Returns: (transfer full): the URL, or %NULL with
 *   %NYL_API_ERROR_INVALID_REQUEST when the base URL is not a URL, a required
 *   field is missing or the state is longer than 256 characters
 */
char *
nyl_hosted_auth_build_url (const char                *api_base,
                           const NylHostedAuthParams *params,
                           GError                   **error)
{
  g_autoptr(GString) url = NULL;
  g_autofree char *scope = NULL;
  gboolean first = TRUE;
  gsize base_length;

  g_return_val_if_fail (api_base != NULL, NULL);
  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_uri_is_valid (api_base, G_URI_FLAGS_NONE, NULL) || strchr (api_base, '?') != NULL)
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                   _("“%s” is not a valid API address"),
                   api_base);
      return NULL;
    }

  if (is_blank (params->client_id))
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                           _("An application (client) ID is required to start authentication"));
      return NULL;
    }

  if (is_blank (params->redirect_uri))
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                           _("A redirect URI is required to start authentication"));
      return NULL;
    }

  if (params->state != NULL && g_utf8_strlen (params->state, -1) > MAX_STATE_LENGTH)
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                   _("The state is longer than %d characters"),
                   MAX_STATE_LENGTH);
      return NULL;
    }

  if (params->scopes != NULL && params->scopes[0] != NULL)
    scope = g_strjoinv (" ", (char **) params->scopes);

  base_length = strlen (api_base);
  while (base_length > 0 && api_base[base_length - 1] == '/')
    base_length--;

  url = g_string_new_len (api_base, base_length);
  g_string_append (url, "/v3/connect/auth");

  append_param (url, &first, "client_id", params->client_id);
  append_param (url, &first, "redirect_uri", params->redirect_uri);
  append_param (url, &first, "response_type",
                is_blank (params->response_type) ? "code" : params->response_type);
  append_param (url, &first, "provider", params->provider);
  append_param (url, &first, "scope", scope);
  append_param (url, &first, "prompt", params->prompt);
  append_param (url, &first, "state", params->state);
  append_param (url, &first, "login_hint", params->login_hint);
  append_param (url, &first, "access_type", params->access_type);
  append_param (url, &first, "credential_id", params->credential_id);
  append_param (url, &first, "options", params->options);

  if (!is_blank (params->code_challenge))
    {
      append_param (url, &first, "code_challenge", params->code_challenge);
      append_param (url, &first, "code_challenge_method",
                    is_blank (params->code_challenge_method)
                      ? "s256" : params->code_challenge_method);
    }

  if (params->include_grant_scopes)
    append_param (url, &first, "include_grant_scopes", "true");

  return g_string_free (g_steal_pointer (&url), FALSE);
}

/**
 * nyl_pkce_new_verifier:
 *
 * Returns: (transfer full): a fresh PKCE code verifier: 64 characters from the
 *   RFC 7636 unreserved set, drawn from a CSPRNG
 */
char *
nyl_pkce_new_verifier (void)
{
  return _nyl_random_string (pkce_alphabet, PKCE_VERIFIER_LENGTH);
}

/**
 * nyl_pkce_challenge:
 * @verifier: a PKCE code verifier
 *
 * Derives the code challenge the way the Nylas Node SDK does (nylas-api.md
 * §8.1): the lower-case hex SHA-256 of @verifier, base64-encoded, with the
 * trailing `=` removed. This is not RFC 7636's base64url of the raw digest.
 *
 * Returns: (transfer full): the code challenge
 */
char *
nyl_pkce_challenge (const char *verifier)
{
  g_autofree char *hex = NULL;
  char *challenge;
  gsize length;

  g_return_val_if_fail (verifier != NULL, NULL);

  hex = g_compute_checksum_for_string (G_CHECKSUM_SHA256, verifier, -1);
  challenge = g_base64_encode ((const guchar *) hex, strlen (hex));

  length = strlen (challenge);
  while (length > 0 && challenge[length - 1] == '=')
    challenge[--length] = '\0';

  return challenge;
}
