/* nyl-canonical-json.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Sorted keys at every level (also inside arrays), no whitespace, JSON.stringify string escaping
 * (\" \\ \b \t \n \f \r, other U+0000–U+001F as \u00xx lowercase, everything else raw UTF-8),
 * integers in plain decimal; a double with an integral value (|x| < 2^53) is printed as an integer;
 * any other double, NaN or Inf is an error (NYL_API_ERROR_INVALID_REQUEST). */
char *nyl_canonical_json_from_node     (JsonNode   *node,
                                        GError    **error) G_GNUC_WARN_UNUSED_RESULT;
/* Parse, then canonicalize; bad JSON = NYL_API_ERROR_PARSE. */
char *nyl_canonical_json_from_string   (const char *json,
                                        gssize      length,
                                        GError    **error) G_GNUC_WARN_UNUSED_RESULT;
/* Appends the JSON string literal (with quotes) for @str to @out, with the same escaping. */
void  nyl_canonical_json_append_string (GString    *out,
                                        const char *str);

G_END_DECLS
