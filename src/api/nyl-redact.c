/* nyl-redact.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-redact"

#include "config.h"

#include "nyl-redact.h"

#define REDACTED "[REDACTED]"

/* Header lines whose whole value is a credential. */
#define HEADER_PATTERN \
  "^(\\s*(?:authorization|proxy-authorization|x-nylas-signature|cookie|set-cookie)\\s*:).*$"

/* JSON members holding a secret. The string may be cut short (a logger that
 * truncates bodies), so the closing quote is optional. */
#define JSON_PATTERN \
  "(\"(?:api_key|webhook_secret|client_secret|private_key|access_token|refresh_token|" \
  "id_token|code_verifier|[a-z_]*password)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*(?:\\\\)?(?:\"|$)"

/* The same secrets in a query string or a form-encoded body. */
#define QUERY_PATTERN \
  "((?:^|[?&])(?:api_key|webhook_secret|client_secret|private_key|access_token|refresh_token|" \
  "id_token|code_verifier|token|code|[a-z_]*password)=)[^&\\s#]*"

static GRegex *
compile (const char        *pattern,
         GRegexCompileFlags flags)
{
  g_autoptr(GError) error = NULL;
  GRegex *regex;

  regex = g_regex_new (pattern, flags | G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, &error);
  g_assert_no_error (error);

  return regex;
}

static char *
replace (GRegex     *regex,
         const char *text,
         const char *replacement)
{
  g_autoptr(GError) error = NULL;
  char *result;

  result = g_regex_replace (regex, text, -1, 0, replacement, 0, &error);
  if (result == NULL)
    {
      /* Never log what could not be checked. */
      g_warning ("Could not redact a log line: %s", error->message);
      return g_strdup (REDACTED);
    }

  return result;
}

/**
 * nyl_redact_log_line:
 * @line: one line of HTTP traffic as a logger prints it (a header, a request
 *   line or part of a body)
 *
 * Hides every credential in @line: the values of the `Authorization`,
 * `X-Nylas-Signature` and cookie headers, the JSON string members `api_key`,
 * `webhook_secret`, `client_secret`, `private_key` (and tokens, code verifiers
 * and passwords), and the same names as query or form parameters. Everything
 * else is kept, so the line still helps debugging.
 *
 * Returns: (transfer full): @line with each secret replaced by `[REDACTED]`
 */
char *
nyl_redact_log_line (const char *line)
{
  static GRegex *header_regex;
  static GRegex *json_regex;
  static GRegex *query_regex;
  static gsize initialized;
  g_autofree char *step1 = NULL;
  g_autofree char *step2 = NULL;

  g_return_val_if_fail (line != NULL, NULL);

  if (g_once_init_enter (&initialized))
    {
      header_regex = compile (HEADER_PATTERN, G_REGEX_MULTILINE);
      json_regex = compile (JSON_PATTERN, 0);
      query_regex = compile (QUERY_PATTERN, G_REGEX_MULTILINE);
      g_once_init_leave (&initialized, 1);
    }

  if (!g_utf8_validate (line, -1, NULL))
    return g_strdup (REDACTED);

  step1 = replace (header_regex, line, "\\1 " REDACTED);
  step2 = replace (json_regex, step1, "\\1\"" REDACTED "\"");

  return replace (query_regex, step2, "\\1" REDACTED);
}
