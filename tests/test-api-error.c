/* test-api-error.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nyl-api-error.h"

static void
test_nicks_distinct (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  /* Scripts and the audit log key on these names: each code needs its own,
   * and none may fall through to "unknown". */
  for (int code = NYL_API_ERROR_UNAUTHORIZED; code <= NYL_API_ERROR_INVALID_CREDENTIALS; code++)
    {
      const char *nick = nyl_api_error_to_nick (code);

      g_assert_cmpstr (nick, !=, "unknown");
      g_assert_false (g_hash_table_contains (seen, nick));
      g_hash_table_add (seen, (gpointer)nick);
    }

  g_assert_cmpstr (nyl_api_error_to_nick (NYL_API_ERROR_RATE_LIMITED), ==, "rate-limited");
  g_assert_cmpstr (nyl_api_error_to_nick (NYL_API_ERROR_INVALID_CREDENTIALS + 1), ==, "unknown");
}

static void
test_quark (void)
{
  g_autoptr(GError) error = g_error_new_literal (NYL_API_ERROR, NYL_API_ERROR_NOT_FOUND, "gone");

  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_NOT_FOUND);
  g_assert_cmpstr (g_quark_to_string (NYL_API_ERROR), ==, "nyl-api-error-quark");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/api/error/nicks-distinct", test_nicks_distinct);
  g_test_add_func ("/api/error/quark", test_quark);

  return g_test_run ();
}
