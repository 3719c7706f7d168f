/* nyl-paths.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-paths"

#include "config.h"

#include "nyl-paths.h"

/* GLib caches the XDG directories for the life of the process, which
 * would pin every test to the first HOME it saw. Reading the environment
 * each time keeps `XDG_STATE_HOME=… nylasctl` and the tests honest. */
static char *
xdg_dir (const char *variable,
         const char *fallback_below_home)
{
  const char *value = g_getenv (variable);

  if (value != NULL && g_path_is_absolute (value))
    return g_strdup (value);

  return g_build_filename (g_get_home_dir (), fallback_below_home, NULL);
}

/**
 * nyl_paths_config_dir:
 *
 * Returns: `$XDG_CONFIG_HOME/nylas-manager`, where the profiles live.
 */
char *
nyl_paths_config_dir (void)
{
  g_autofree char *base = xdg_dir ("XDG_CONFIG_HOME", ".config");

  return g_build_filename (base, PACKAGE_NAME, NULL);
}

/**
 * nyl_paths_state_dir:
 *
 * Returns: `$XDG_STATE_HOME/nylas-manager`, where the audit log and
 *   pending revocations live.
 */
char *
nyl_paths_state_dir (void)
{
  g_autofree char *base = xdg_dir ("XDG_STATE_HOME", ".local/state");

  return g_build_filename (base, PACKAGE_NAME, NULL);
}

char *
nyl_paths_config_file (const char *name)
{
  g_autofree char *dir = nyl_paths_config_dir ();

  g_return_val_if_fail (name != NULL, NULL);

  return g_build_filename (dir, name, NULL);
}

char *
nyl_paths_state_file (const char *name)
{
  g_autofree char *dir = nyl_paths_state_dir ();

  g_return_val_if_fail (name != NULL, NULL);

  return g_build_filename (dir, name, NULL);
}
