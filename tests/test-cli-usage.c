/* test-cli-usage.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nyl-cli.h"

static int
run (const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (args, (gpointer)"nylasctl");
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return nyl_cli_run (args->len - 1, (char **)args->pdata);
}

static void
test_version (void)
{
  if (g_test_subprocess ())
    exit (run ("--version", NULL));

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("nylasctl " PACKAGE_VERSION "\n");
}

static void
test_help (void)
{
  if (g_test_subprocess ())
    exit (run ("--help", NULL));

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("Usage: nylasctl*--json*");
}

static void
test_no_command_is_usage_error (void)
{
  if (g_test_subprocess ())
    exit (run (NULL));

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("Usage: nylasctl*");
  g_test_trap_assert_stdout ("");
}

static void
test_unknown_command_exits_2 (void)
{
  if (g_test_subprocess ())
    exit (run ("frobnicate", NULL));

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*unknown command*frobnicate*");
}

static void
test_exit_codes (void)
{
  /* design.md §6: these values are a contract with scripts. */
  g_assert_cmpint (run ("frobnicate", NULL), ==, 2);
  g_assert_cmpint (NYL_CLI_EXIT_AUTH, ==, 3);
  g_assert_cmpint (NYL_CLI_EXIT_NOT_FOUND, ==, 4);
  g_assert_cmpint (NYL_CLI_EXIT_RATE_LIMITED, ==, 5);
  g_assert_cmpint (NYL_CLI_EXIT_NETWORK, ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/usage/version", test_version);
  g_test_add_func ("/cli/usage/help", test_help);
  g_test_add_func ("/cli/usage/no-command", test_no_command_is_usage_error);
  g_test_add_func ("/cli/usage/unknown-command", test_unknown_command_exits_2);
  g_test_add_func ("/cli/usage/exit-codes", test_exit_codes);

  return g_test_run ();
}
