/* nyl-hosted-auth.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The query parameters of GET /v3/connect/auth (nylas-api.md §8.1). Every string is borrowed. */
typedef struct
{
  const char         *client_id;             /* required */
  const char         *redirect_uri;          /* required */
  const char         *response_type;         /* NULL = "code"; or "adminconsent" */
  const char         *provider;              /* optional */
  const char * const *scopes;                /* optional, joined with spaces */
  /* optional */
  const char         *prompt, *state, *login_hint, *credential_id, *access_type;
  const char         *code_challenge;        /* optional; nyl_pkce_challenge() of the verifier */
  const char         *code_challenge_method; /* optional; NULL = "s256" (as the SDK sends it) */
  const char         *options;               /* optional, e.g. "exclude_google_granted_scopes" */
  gboolean            include_grant_scopes;  /* sent as include_grant_scopes=true when TRUE */
} NylHostedAuthParams;

/* @api_base e.g. "https://api.us.nylas.com"; returns "<base>/v3/connect/auth?..." with proper
 * escaping; NULL + NYL_API_ERROR_INVALID_REQUEST if a required field is missing or state > 256
 * chars. */
char *nyl_hosted_auth_build_url (const char                *api_base,
                                 const NylHostedAuthParams *params,
                                 GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
/* CSPRNG, RFC 7636 charset, 43..128 chars. */
char *nyl_pkce_new_verifier     (void) G_GNUC_WARN_UNUSED_RESULT;
/* Transform per nylas-api.md §8.1 (follows the SDK). */
char *nyl_pkce_challenge        (const char                *verifier) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
