/* test-key-labels.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Local labels for API keys (the API cannot rename a key): set, cleared,
 * kept per profile, saved atomically and read back by the next process.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "nyl-api-error.h"
#include "nyl-key-labels.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("nyl-labels-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "config", "key-labels.json", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
count_changed_cb (NylKeyLabels *labels,
                  const char   *profile_id,
                  const char   *key_id,
                  int          *count)
{
  (*count)++;
}

static void
test_set_get_and_persist (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  int changed = 0;

  {
    g_autoptr(NylKeyLabels) labels = nyl_key_labels_new_for_path (fixture->path);

    /* No file yet: no labels, and that is fine. */
    g_assert_true (nyl_key_labels_load (labels, &error));
    g_assert_no_error (error);
    g_assert_null (nyl_key_labels_get (labels, "p1", "k1"));

    g_signal_connect (labels, "changed", G_CALLBACK (count_changed_cb), &changed);
    g_assert_true (nyl_key_labels_set (labels, "p1", "k1", "  CI deploy  ", &error));
    g_assert_no_error (error);
    g_assert_cmpint (changed, ==, 1);
    /* Surrounding spaces are dropped. */
    g_assert_cmpstr (nyl_key_labels_get (labels, "p1", "k1"), ==, "CI deploy");

    /* Setting the same label again changes nothing. */
    g_assert_true (nyl_key_labels_set (labels, "p1", "k1", "CI deploy", &error));
    g_assert_cmpint (changed, ==, 1);

    g_assert_true (nyl_key_labels_set (labels, "p1", "k2", "Laptop", &error));
    g_assert_true (nyl_key_labels_set (labels, "p2", "k1", "Other app", &error));
    g_assert_no_error (error);

    /* Labels are per profile. */
    g_assert_cmpstr (nyl_key_labels_get (labels, "p2", "k1"), ==, "Other app");
    g_assert_null (nyl_key_labels_get (labels, "p3", "k1"));
  }

  /* The next process reads them back. */
  {
    g_autoptr(NylKeyLabels) labels = nyl_key_labels_new_for_path (fixture->path);
    g_autofree char *contents = NULL;
    GStatBuf st;

    g_assert_true (nyl_key_labels_load (labels, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (nyl_key_labels_get (labels, "p1", "k1"), ==, "CI deploy");
    g_assert_cmpstr (nyl_key_labels_get (labels, "p1", "k2"), ==, "Laptop");
    g_assert_cmpstr (nyl_key_labels_get (labels, "p2", "k1"), ==, "Other app");

    /* Private to the user. */
    g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);

    /* A blank label removes it. */
    g_assert_true (nyl_key_labels_set (labels, "p1", "k1", "   ", &error));
    g_assert_null (nyl_key_labels_get (labels, "p1", "k1"));
    g_assert_true (nyl_key_labels_set (labels, "p1", "k2", NULL, &error));
    g_assert_no_error (error);

    g_assert_true (g_file_get_contents (fixture->path, &contents, NULL, NULL));
    g_assert_null (strstr (contents, "CI deploy"));
    g_assert_null (strstr (contents, "\"p1\""));
    g_assert_nonnull (strstr (contents, "Other app"));
  }
}

static void
test_refuses_bad_labels (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(NylKeyLabels) labels = nyl_key_labels_new_for_path (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *long_label = g_strnfill (NYL_KEY_LABEL_MAX_LENGTH + 1, 'x');
  g_autofree char *longest = g_strnfill (NYL_KEY_LABEL_MAX_LENGTH, 'x');

  g_assert_true (nyl_key_labels_set (labels, "p1", "k1", "Fine", &error));

  g_assert_false (nyl_key_labels_set (labels, "p1", "k1", long_label, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_clear_error (&error);

  g_assert_false (nyl_key_labels_set (labels, "p1", "k1", "two\nlines", &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_clear_error (&error);

  /* A refused label leaves the old one. */
  g_assert_cmpstr (nyl_key_labels_get (labels, "p1", "k1"), ==, "Fine");

  /* Characters, not bytes, are counted. */
  g_assert_true (nyl_key_labels_set (labels, "p1", "k1", longest, &error));
  g_assert_true (nyl_key_labels_set (labels, "p1", "k2", "Clé « prod » ✓", &error));
  g_assert_no_error (error);
}

static void
test_failed_save_changes_nothing (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (fixture->dir, "blocker", NULL);
  g_autofree char *path = g_build_filename (blocker, "key-labels.json", NULL);
  g_autoptr(NylKeyLabels) labels = nyl_key_labels_new_for_path (path);
  g_autoptr(GError) error = NULL;
  int changed = 0;

  /* The directory cannot be created: a file is in the way. */
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  g_signal_connect (labels, "changed", G_CALLBACK (count_changed_cb), &changed);

  g_assert_false (nyl_key_labels_set (labels, "p1", "k1", "CI", &error));
  g_assert_nonnull (error);
  g_assert_null (nyl_key_labels_get (labels, "p1", "k1"));
  g_assert_cmpint (changed, ==, 0);
}

static void
test_damaged_file_set_aside (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autoptr(NylKeyLabels) labels = nyl_key_labels_new_for_path (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  gboolean kept = FALSE;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fixture->path, "{\"version\": 1, \"labels\": []}", -1,
                                      NULL));

  g_assert_false (nyl_key_labels_load (labels, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE);
  g_clear_error (&error);

  /* The damaged file is kept for the user, and labels work again. */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    kept |= g_str_has_prefix (name, "key-labels.json.corrupt-");
  g_assert_true (kept);

  g_assert_true (nyl_key_labels_set (labels, "p1", "k1", "CI", &error));
  g_assert_no_error (error);
}

static void
test_newer_file_not_overwritten (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autoptr(NylKeyLabels) labels = nyl_key_labels_new_for_path (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const char *newer = "{\"version\": 7, \"labels\": {\"p1\": {\"k1\": {\"text\": \"x\"}}}}";

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fixture->path, newer, -1, NULL));

  g_assert_false (nyl_key_labels_load (labels, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE);
  g_clear_error (&error);

  g_assert_false (nyl_key_labels_set (labels, "p1", "k1", "CI", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);

  g_assert_true (g_file_get_contents (fixture->path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, newer);
}

static void
test_forget_profile (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(NylKeyLabels) labels = nyl_key_labels_new_for_path (fixture->path);
  g_autoptr(NylKeyLabels) reread = nyl_key_labels_new_for_path (fixture->path);
  g_autoptr(GError) error = NULL;

  g_assert_true (nyl_key_labels_set (labels, "p1", "k1", "CI", &error));
  g_assert_true (nyl_key_labels_set (labels, "p2", "k1", "Other", &error));
  g_assert_true (nyl_key_labels_forget_profile (labels, "p1", &error));
  g_assert_true (nyl_key_labels_forget_profile (labels, "never-had-any", &error));
  g_assert_no_error (error);

  g_assert_true (nyl_key_labels_load (reread, &error));
  g_assert_null (nyl_key_labels_get (reread, "p1", "k1"));
  g_assert_cmpstr (nyl_key_labels_get (reread, "p2", "k1"), ==, "Other");
}

static void
test_default_path_follows_xdg (void)
{
  g_autoptr(NylKeyLabels) labels = NULL;
  g_autofree char *expected = g_build_filename ("/nonexistent-config", "nylas-manager",
                                                "key-labels.json", NULL);

  g_setenv ("XDG_CONFIG_HOME", "/nonexistent-config", TRUE);
  labels = nyl_key_labels_new ();
  g_assert_cmpstr (nyl_key_labels_get_path (labels), ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/key-labels/set-get-persist", Fixture, NULL,
              fixture_set_up, test_set_get_and_persist, fixture_tear_down);
  g_test_add ("/key-labels/refuses-bad-labels", Fixture, NULL,
              fixture_set_up, test_refuses_bad_labels, fixture_tear_down);
  g_test_add ("/key-labels/failed-save", Fixture, NULL,
              fixture_set_up, test_failed_save_changes_nothing, fixture_tear_down);
  g_test_add ("/key-labels/damaged-file", Fixture, NULL,
              fixture_set_up, test_damaged_file_set_aside, fixture_tear_down);
  g_test_add ("/key-labels/newer-file", Fixture, NULL,
              fixture_set_up, test_newer_file_not_overwritten, fixture_tear_down);
  g_test_add ("/key-labels/forget-profile", Fixture, NULL,
              fixture_set_up, test_forget_profile, fixture_tear_down);
  g_test_add_func ("/key-labels/default-path", test_default_path_follows_xdg);

  return g_test_run ();
}
