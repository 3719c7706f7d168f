/* nyl-input-check.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-input-check"

#include "config.h"

#include "nyl-input-check.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "nyl-api-error.h"

#define MAX_NAME_LENGTH 100

static const char * const platforms[] = { "web", "desktop", "js", "ios", "android", NULL };

/**
 * nyl_input_is_loopback_host:
 * @host: (nullable): a URI host, IPv6 addresses with or without brackets
 *
 * Returns: %TRUE for `localhost` and the loopback addresses (127.0.0.0/8, ::1)
 */
gboolean
nyl_input_is_loopback_host (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autofree char *bare = NULL;
  gsize len;

  if (host == NULL || *host == '\0')
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  len = strlen (host);
  if (host[0] == '[' && host[len - 1] == ']')
    bare = g_strndup (host + 1, len - 2);
  else
    bare = g_strdup (host);

  address = g_inet_address_new_from_string (bare);

  return address != NULL && g_inet_address_get_is_loopback (address);
}

static GUri *
parse_url (const char  *url,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GUri *uri;

  if (url == NULL || *url == '\0')
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                           _("Enter a URL"));
      return NULL;
    }

  if (strpbrk (url, " \t\r\n") != NULL)
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                           _("A URL cannot contain spaces"));
      return NULL;
    }

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, &local_error);
  if (uri == NULL)
    {
      g_debug ("Not a URL: %s", local_error->message);
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                           _("This is not a valid URL: it should look like "
                             "https://example.com/path"));
      return NULL;
    }

  return uri;
}

/**
 * nyl_input_is_insecure_redirect:
 * @url: a redirect URI as registered
 *
 * Returns: %TRUE when @url is plain http to a host other than loopback
 */
gboolean
nyl_input_is_insecure_redirect (const char *url)
{
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (url != NULL, FALSE);

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return g_ascii_strncasecmp (url, "http:", 5) == 0;

  return g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") == 0 &&
         !nyl_input_is_loopback_host (g_uri_get_host (uri));
}

/**
 * nyl_input_check_redirect_uri:
 * @url: the redirect URI
 * @platform: `web`, `desktop`, `js`, `ios` or `android`
 * @error: return location for a #GError
 *
 * https is required, except plain http to localhost for development; the
 * native platforms (desktop, iOS, Android) may also use an app's own scheme
 * (`com.example.app://callback`).
 *
 * Returns: %TRUE when Nylas would accept @url for @platform
 */
gboolean
nyl_input_check_redirect_uri (const char  *url,
                              const char  *platform,
                              GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (platform == NULL || !g_strv_contains (platforms, platform))
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                           _("Choose a platform: web, desktop, JavaScript, iOS or Android"));
      return FALSE;
    }

  uri = parse_url (url, error);
  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);

  if (g_ascii_strcasecmp (scheme, "https") == 0)
    {
      if (host == NULL || *host == '\0')
        {
          g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                               _("The URL needs a host name, as in https://example.com/callback"));
          return FALSE;
        }
      return TRUE;
    }

  if (g_ascii_strcasecmp (scheme, "http") == 0)
    {
      if (nyl_input_is_loopback_host (host))
        return TRUE;

      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INSECURE_URL,
                           _("Use https: plain http is only allowed for localhost"));
      return FALSE;
    }

  if (g_str_equal (platform, "web") || g_str_equal (platform, "js"))
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                           _("Web and JavaScript redirect URIs must start with https://"));
      return FALSE;
    }

  /* An app scheme: desktop, iOS and Android deep links. */
  return TRUE;
}

/**
 * nyl_input_check_web_url:
 * @url: a URL shown to users, e.g. a website or an image
 * @error: return location for a #GError
 *
 * Returns: %TRUE for an https URL with a host (plain http only to loopback)
 */
gboolean
nyl_input_check_web_url (const char  *url,
                         GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  uri = parse_url (url, error);
  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);

  if (g_ascii_strcasecmp (scheme, "http") == 0 && !nyl_input_is_loopback_host (host))
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INSECURE_URL,
                           _("Use https: plain http is only allowed for localhost"));
      return FALSE;
    }

  if ((g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      host == NULL || *host == '\0')
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                           _("Enter a web address starting with https://, such as "
                             "https://example.com"));
      return FALSE;
    }

  return TRUE;
}

/**
 * nyl_input_check_color:
 * @color: a colour as the hosted authentication page takes it
 * @error: return location for a #GError
 *
 * Returns: %TRUE for `#rgb` or `#rrggbb` (hexadecimal, any case)
 */
gboolean
nyl_input_check_color (const char  *color,
                       GError     **error)
{
  gsize len;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  len = color != NULL ? strlen (color) : 0;
  if (len == 4 || len == 7)
    {
      gboolean ok = color[0] == '#';

      for (gsize i = 1; ok && i < len; i++)
        ok = g_ascii_isxdigit (color[i]);

      if (ok)
        return TRUE;
    }

  g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                       _("Enter a colour as # and six hexadecimal digits, such as #1A73E8"));
  return FALSE;
}

/**
 * nyl_input_normalize_fingerprint:
 * @fingerprint: a SHA-1 certificate fingerprint as pasted from a tool
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the fingerprint in the `AB:CD:…` form
 *   Nylas requires, or %NULL when it is not 20 hexadecimal bytes
 */
char *
nyl_input_normalize_fingerprint (const char  *fingerprint,
                                 GError     **error)
{
  g_autoptr(GString) hex = g_string_new (NULL);
  GString *out;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (const char *p = fingerprint; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isxdigit (*p))
        g_string_append_c (hex, g_ascii_toupper (*p));
      else if (*p != ':' && *p != ' ')
        {
          g_string_truncate (hex, 0);
          break;
        }
    }

  if (hex->len != 40)
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                           _("A SHA-1 fingerprint is 20 pairs of hexadecimal digits, "
                             "such as 5E:8F:16:06:…"));
      return NULL;
    }

  out = g_string_sized_new (59);
  for (guint i = 0; i < 40; i += 2)
    {
      if (i > 0)
        g_string_append_c (out, ':');
      g_string_append_len (out, hex->str + i, 2);
    }

  return g_string_free (out, FALSE);
}

/**
 * nyl_input_check_api_key:
 * @api_key: an API key as pasted
 * @error: return location for a #GError
 *
 * Catches the usual paste mistakes (nothing, a partial key, a key with the
 * text around it) before the key is sent anywhere.
 *
 * Returns: %TRUE when @api_key looks like an API key
 */
gboolean
nyl_input_check_api_key (const char  *api_key,
                         GError     **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (api_key == NULL || *api_key == '\0')
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                           _("Paste the application’s API key"));
      return FALSE;
    }

  for (const char *p = api_key; *p != '\0'; p++)
    {
      if ((guchar) *p <= ' ' || (guchar) *p >= 0x7f)
        {
          g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                               _("An API key has no spaces or line breaks: check that you "
                                 "copied the key and nothing else"));
          return FALSE;
        }
    }

  if (strlen (api_key) < 16)
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                           _("This is too short to be an API key: check that you copied "
                             "all of it"));
      return FALSE;
    }

  return TRUE;
}

/**
 * nyl_input_check_application_id:
 * @application_id: an application ID as typed, such as a UUID
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @application_id could be an application ID
 */
gboolean
nyl_input_check_application_id (const char  *application_id,
                                GError     **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (application_id == NULL || *application_id == '\0')
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                           _("Enter the application ID, as shown in the Nylas Dashboard"));
      return FALSE;
    }

  for (const char *p = application_id; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
        {
          g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                               _("An application ID only has letters, digits and dashes, "
                                 "such as 2f3c1e9a-7b4d-4c1e-9f00-5a6b7c8d9e0f"));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * nyl_input_check_profile_name:
 * @name: the name a person gives an application in this app
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @name is usable: not blank, one line, not too long
 */
gboolean
nyl_input_check_profile_name (const char  *name,
                              GError     **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                           _("Give the application a name"));
      return FALSE;
    }

  if (!g_utf8_validate (name, -1, NULL) || g_utf8_strlen (name, -1) > MAX_NAME_LENGTH)
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                   _("Use a name of at most %d characters"), MAX_NAME_LENGTH);
      return FALSE;
    }

  for (const char *p = name; *p != '\0'; p++)
    {
      if ((guchar) *p < ' ' || *p == 0x7f)
        {
          g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                               _("A name is one line of text"));
          return FALSE;
        }
    }

  return TRUE;
}
