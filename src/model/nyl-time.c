/* nyl-time.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-time"

#include "config.h"

#include "nyl-time.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nyl-api-error.h"

/* Parsing of the times and durations people type (nylasctl --since, --revoke-old, the GUI's
 * custom dates), shared by both faces so they accept the same things. */

static gboolean
all_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

/* "YYYY-MM-DD" exactly. */
static gboolean
parse_date (const char *text,
            gint64     *unix_seconds)
{
  g_autoptr(GDateTime) dt = NULL;
  int year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (int) g_ascii_strtoll (text, NULL, 10);
  month = (int) g_ascii_strtoll (text + 5, NULL, 10);
  day = (int) g_ascii_strtoll (text + 8, NULL, 10);

  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  dt = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (dt == NULL)
    return FALSE;

  *unix_seconds = g_date_time_to_unix (dt);
  return TRUE;
}

/**
 * nyl_time_parse:
 * @text: an ISO 8601 date (`2026-11-22`, midnight UTC), date-time
 *   (`2026-11-22T14:00:00Z`, `2026-11-22T16:00:00+02:00`, `2026-11-22T14:00`; UTC when it has
 *   no offset) or a number of Unix seconds (`1795356000`)
 * @unix_seconds: (out): where the time goes
 * @error: return location for a #GError
 *
 * Surrounding white space is ignored.
 *
 * Returns: %TRUE on success; %FALSE with %NYL_API_ERROR_INVALID_REQUEST otherwise
 */
gboolean
nyl_time_parse (const char  *text,
                gint64      *unix_seconds,
                GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) dt = NULL;
  gint64 value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (unix_seconds != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));

  if (all_digits (stripped))
    {
      /* 11 digits reach the year 5138: anything longer is a typo (or milliseconds). */
      if (strlen (stripped) > 11)
        {
          g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                       _("“%s” is too large for a time in Unix seconds"), stripped);
          return FALSE;
        }

      *unix_seconds = g_ascii_strtoll (stripped, NULL, 10);
      return TRUE;
    }

  if (parse_date (stripped, &value))
    {
      *unix_seconds = value;
      return TRUE;
    }

  /* A date-time needs at least "YYYY-MM-DDTHH:MM". */
  if (strlen (stripped) >= 16 && g_ascii_isdigit (stripped[0]) && stripped[4] == '-')
    {
      g_autoptr(GString) full = g_string_new (stripped);

      /* GLib wants seconds; people often leave them out ("2026-11-22T14:00"). */
      if (full->str[13] == ':' && full->str[16] != ':')
        g_string_insert (full, 16, ":00");

      utc = g_time_zone_new_utc ();
      dt = g_date_time_new_from_iso8601 (full->str, utc);
    }

  if (dt == NULL)
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                   _("“%s” is not a time: use an ISO 8601 date or date-time "
                     "(2026-11-22, 2026-11-22T14:00:00Z) or Unix seconds"), stripped);
      return FALSE;
    }

  *unix_seconds = g_date_time_to_unix (dt);
  return TRUE;
}

/**
 * nyl_duration_parse:
 * @text: a whole number followed by a unit: `s` (seconds), `m` (minutes), `h` (hours), `d`
 *   (days) or `w` (weeks), e.g. `30m`, `24h`, `7d`
 * @seconds: (out): the duration in seconds
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success; %FALSE with %NYL_API_ERROR_INVALID_REQUEST otherwise
 */
gboolean
nyl_duration_parse (const char  *text,
                    gint64      *seconds,
                    GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *number = NULL;
  gint64 unit;
  guint64 value;
  gsize len;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (seconds != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  len = strlen (stripped);

  if (len < 2)
    goto bad;

  switch (stripped[len - 1])
    {
    case 's': unit = 1; break;
    case 'm': unit = 60; break;
    case 'h': unit = 60 * 60; break;
    case 'd': unit = 24 * 60 * 60; break;
    case 'w': unit = 7 * 24 * 60 * 60; break;
    default:  goto bad;
    }

  number = g_strndup (stripped, len - 1);
  if (!all_digits (number) || len - 1 > 12)
    goto bad;

  value = g_ascii_strtoull (number, NULL, 10);
  /* 12 digits times a week fits easily in 63 bits. */
  *seconds = (gint64) value * unit;
  return TRUE;

bad:
  g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
               _("“%s” is not a duration: use a whole number and a unit, "
                 "like 90s, 30m, 24h, 7d or 2w"), stripped);
  return FALSE;
}

/**
 * nyl_time_format_iso:
 * @unix_seconds: a time
 *
 * Returns: (transfer full): @unix_seconds as ISO 8601 in UTC, e.g. `2026-11-22T14:00:00Z`
 */
char *
nyl_time_format_iso (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_seconds);

  if (dt == NULL)
    return g_strdup_printf ("%" G_GINT64_FORMAT, unix_seconds);

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}
