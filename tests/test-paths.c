/* test-paths.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nyl-paths.h"

static void
test_xdg_respected (void)
{
  g_autofree char *config = NULL;
  g_autofree char *state = NULL;
  g_autofree char *profiles = NULL;

  g_setenv ("XDG_CONFIG_HOME", "/tmp/nyl-test-config", TRUE);
  g_setenv ("XDG_STATE_HOME", "/tmp/nyl-test-state", TRUE);

  config = nyl_paths_config_dir ();
  state = nyl_paths_state_dir ();
  profiles = nyl_paths_config_file ("profiles.json");

  g_assert_cmpstr (config, ==, "/tmp/nyl-test-config/nylas-manager");
  g_assert_cmpstr (state, ==, "/tmp/nyl-test-state/nylas-manager");
  g_assert_cmpstr (profiles, ==, "/tmp/nyl-test-config/nylas-manager/profiles.json");
}

static void
test_xdg_changes_followed (void)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  /* A later change of the variable is seen: GLib's cached value is not used. */
  g_setenv ("XDG_STATE_HOME", "/tmp/a", TRUE);
  first = nyl_paths_state_file ("audit.log");
  g_setenv ("XDG_STATE_HOME", "/tmp/b", TRUE);
  second = nyl_paths_state_file ("audit.log");

  g_assert_cmpstr (first, ==, "/tmp/a/nylas-manager/audit.log");
  g_assert_cmpstr (second, ==, "/tmp/b/nylas-manager/audit.log");
}

static void
test_relative_ignored (void)
{
  g_autofree char *config = NULL;
  g_autofree char *expected = NULL;

  /* The XDG spec says relative values are invalid and must be ignored. */
  g_setenv ("XDG_CONFIG_HOME", "relative/dir", TRUE);
  g_setenv ("HOME", "/tmp/nyl-home", TRUE);
  config = nyl_paths_config_dir ();
  expected = g_build_filename (g_get_home_dir (), ".config", "nylas-manager", NULL);

  g_assert_cmpstr (config, ==, expected);
  g_assert_true (g_path_is_absolute (config));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/paths/xdg-respected", test_xdg_respected);
  g_test_add_func ("/model/paths/xdg-changes-followed", test_xdg_changes_followed);
  g_test_add_func ("/model/paths/relative-ignored", test_relative_ignored);

  return g_test_run ();
}
