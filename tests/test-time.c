/* test-time.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nyl-api-error.h"
#include "nyl-time.h"

static void
test_time_parse_valid (void)
{
  static const struct
  {
    const char *text;
    gint64      expected;
  } cases[] = {
    { "0", 0 },
    { "1795356000", 1795356000 },
    { "  1795356000\n", 1795356000 },
    { "1970-01-01", 0 },
    { "2026-11-22", 1795305600 },
    { "2024-02-29", 1709164800 },
    { "2026-11-22T14:00:00Z", 1795356000 },
    { "2026-11-22T14:00:00", 1795356000 },
    { "2026-11-22T16:00:00+02:00", 1795356000 },
    { "2026-11-22T09:00:00-05:00", 1795356000 },
    { "2026-11-22T14:00:00.750Z", 1795356000 },
    { "2026-11-22 14:00:00Z", 1795356000 },
    { "2026-11-22T14:00", 1795356000 },
    { "2026-11-22T16:00+02:00", 1795356000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = -1;

      g_test_message ("%s", cases[i].text);
      g_assert_true (nyl_time_parse (cases[i].text, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (value, ==, cases[i].expected);
    }
}

static void
test_time_parse_invalid (void)
{
  static const char *cases[] = {
    "", "   ", "yesterday", "-5", "12.5", "2026-13-01", "2026-02-30", "2023-02-29", "2026-1-5",
    "2026/11/22", "2026-11-22T25:00:00Z", "2026-11-22T14:00:00+99:00", "2026-11-22Tnoon",
    "17953560000000", "1795356000x", "7d",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = 42;

      g_test_message ("“%s”", cases[i]);
      g_assert_false (nyl_time_parse (cases[i], &value, &error));
      g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
      /* The message names what was typed, so a person sees what is wrong. */
      g_assert_nonnull (strstr (error->message, "“"));
      g_assert_cmpint (value, ==, 42);
    }
}

static void
test_duration_parse (void)
{
  static const struct
  {
    const char *text;
    gint64      expected;
  } cases[] = {
    { "90s", 90 },
    { "30m", 1800 },
    { "24h", 86400 },
    { "7d", 604800 },
    { "2w", 1209600 },
    { "0m", 0 },
    { " 1h ", 3600 },
    { "365d", 31536000 },
  };
  static const char *bad[] = {
    "", "d", "7", "7x", "-7d", "7.5d", "7 d", "d7", "7dd", "1y", "9999999999999d", "7D",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = -1;

      g_test_message ("%s", cases[i].text);
      g_assert_true (nyl_duration_parse (cases[i].text, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (value, ==, cases[i].expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = 42;

      g_test_message ("“%s”", bad[i]);
      g_assert_false (nyl_duration_parse (bad[i], &value, &error));
      g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
      g_assert_cmpint (value, ==, 42);
    }
}

static void
test_time_format (void)
{
  g_autofree char *a = nyl_time_format_iso (1795356000);
  g_autofree char *b = nyl_time_format_iso (0);
  g_autofree char *c = NULL;
  gint64 back = 0;

  g_assert_cmpstr (a, ==, "2026-11-22T14:00:00Z");
  g_assert_cmpstr (b, ==, "1970-01-01T00:00:00Z");

  /* What is printed parses back to the same time. */
  c = nyl_time_format_iso (1742932766);
  g_assert_true (nyl_time_parse (c, &back, NULL));
  g_assert_cmpint (back, ==, 1742932766);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time/parse/valid", test_time_parse_valid);
  g_test_add_func ("/time/parse/invalid", test_time_parse_invalid);
  g_test_add_func ("/time/duration", test_duration_parse);
  g_test_add_func ("/time/format", test_time_format);

  return g_test_run ();
}
