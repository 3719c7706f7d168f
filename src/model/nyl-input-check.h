/* nyl-input-check.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Checks of what a person typed, made before any request is sent. Each
 * failure is NYL_API_ERROR_INVALID_REQUEST (INSECURE_URL for plain http)
 * with a translatable message in plain words, meant to be shown next to the
 * field. */

gboolean  nyl_input_is_loopback_host       (const char  *host);
/* TRUE for an http:// URL whose host is not loopback: what a production
 * application must not register as a redirect URI. */
gboolean  nyl_input_is_insecure_redirect   (const char  *url);

gboolean  nyl_input_check_redirect_uri     (const char  *url,
                                            const char  *platform,
                                            GError     **error);
/* An https URL (plain http only to loopback), e.g. a branding website. */
gboolean  nyl_input_check_web_url          (const char  *url,
                                            GError     **error);
/* "#rgb" or "#rrggbb". */
gboolean  nyl_input_check_color            (const char  *color,
                                            GError     **error);
/* 20 hex bytes, with or without colons, any case → "AB:CD:…" (upper case);
 * NULL with @error otherwise. */
char     *nyl_input_normalize_fingerprint  (const char  *fingerprint,
                                            GError     **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean  nyl_input_check_api_key          (const char  *api_key,
                                            GError     **error);
gboolean  nyl_input_check_application_id   (const char  *application_id,
                                            GError     **error);
gboolean  nyl_input_check_profile_name     (const char  *name,
                                            GError     **error);

G_END_DECLS
