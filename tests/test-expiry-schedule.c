/* test-expiry-schedule.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which key-expiry notifications are due, with the clock in the test's
 * hands: 30, 7 and 1 days before expiry and once expired, each once, and
 * remembered across restarts.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "nyl-api-error.h"
#include "nyl-api-key.h"
#include "nyl-expiry-schedule.h"

#define HOUR ((gint64)3600)
#define DAY  (24 * HOUR)
/* 2026-03-01T00:00:00Z */
#define T0   ((gint64)1772323200)

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

  fixture->dir = g_dir_make_tmp ("nyl-expiry-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "state", "notified.json", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *state = g_build_filename (fixture->dir, "state", NULL);

  g_unlink (fixture->path);
  g_rmdir (state);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static NylApiKey *
make_key (const char *id,
          const char *name,
          const char *status,
          gint64      expires_at)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = g_strdup_printf ("{\"id\": \"%s\", \"name\": \"%s\", \"status\": \"%s\","
                                           " \"created_at\": %" G_GINT64_FORMAT ","
                                           " \"expires_at\": %" G_GINT64_FORMAT "}",
                                           id, name, status, T0 - 100 * DAY, expires_at);
  g_autoptr(JsonNode) node = json_from_string (json, &error);
  NylApiKey *key;

  g_assert_no_error (error);
  key = nyl_resource_new_from_json (NYL_TYPE_API_KEY, node, &error);
  g_assert_no_error (error);

  return key;
}

static GListStore *
keys_store (NylApiKey *first,
            ...)
{
  GListStore *store = g_list_store_new (NYL_TYPE_API_KEY);
  va_list args;

  va_start (args, first);
  for (NylApiKey *key = first; key != NULL; key = va_arg (args, NylApiKey *))
    {
      g_list_store_append (store, key);
      g_object_unref (key);
    }
  va_end (args);

  return store;
}

static void
test_milestones (void)
{
  gint64 expires = T0 + 100 * DAY;

  g_assert_cmpint (nyl_expiry_milestone_at (0, T0), ==, NYL_EXPIRY_MILESTONE_NONE);
  g_assert_cmpint (nyl_expiry_milestone_at (expires, expires - 31 * DAY), ==,
                   NYL_EXPIRY_MILESTONE_NONE);
  g_assert_cmpint (nyl_expiry_milestone_at (expires, expires - 30 * DAY), ==,
                   NYL_EXPIRY_MILESTONE_30_DAYS);
  g_assert_cmpint (nyl_expiry_milestone_at (expires, expires - 7 * DAY - 1), ==,
                   NYL_EXPIRY_MILESTONE_30_DAYS);
  g_assert_cmpint (nyl_expiry_milestone_at (expires, expires - 7 * DAY), ==,
                   NYL_EXPIRY_MILESTONE_7_DAYS);
  g_assert_cmpint (nyl_expiry_milestone_at (expires, expires - DAY), ==,
                   NYL_EXPIRY_MILESTONE_1_DAY);
  g_assert_cmpint (nyl_expiry_milestone_at (expires, expires - 1), ==,
                   NYL_EXPIRY_MILESTONE_1_DAY);
  g_assert_cmpint (nyl_expiry_milestone_at (expires, expires), ==,
                   NYL_EXPIRY_MILESTONE_EXPIRED);

  g_assert_cmpint (nyl_expiry_urgency (expires, expires - 45 * DAY), ==, NYL_EXPIRY_URGENCY_NONE);
  g_assert_cmpint (nyl_expiry_urgency (expires, expires - 29 * DAY), ==, NYL_EXPIRY_URGENCY_SOON);
  g_assert_cmpint (nyl_expiry_urgency (expires, expires - 6 * DAY), ==, NYL_EXPIRY_URGENCY_URGENT);
  g_assert_cmpint (nyl_expiry_urgency (expires, expires + 1), ==, NYL_EXPIRY_URGENCY_EXPIRED);

  /* Days left round up: 36 hours is two days. */
  g_assert_cmpint (nyl_expiry_days_left (expires, expires - 36 * HOUR), ==, 2);
  g_assert_cmpint (nyl_expiry_days_left (expires, expires - 7 * DAY), ==, 7);
}

static void
test_countdown (void)
{
  gint64 expires = T0 + 100 * DAY;
  g_autofree char *days = nyl_expiry_format_countdown (expires, expires - 5 * DAY);
  g_autofree char *one_day = nyl_expiry_format_countdown (expires, expires - DAY);
  g_autofree char *hours = nyl_expiry_format_countdown (expires, expires - 3 * HOUR);
  g_autofree char *minutes = nyl_expiry_format_countdown (expires, expires - 90);
  g_autofree char *ago = nyl_expiry_format_countdown (expires, expires + 2 * DAY);
  g_autofree char *never = nyl_expiry_format_countdown (0, T0);

  g_assert_cmpstr (days, ==, "in 5 days");
  g_assert_cmpstr (one_day, ==, "in 1 day");
  g_assert_cmpstr (hours, ==, "in 3 hours");
  g_assert_cmpstr (minutes, ==, "in 2 minutes");
  g_assert_cmpstr (ago, ==, "expired 2 days ago");
  g_assert_cmpstr (never, ==, "never expires");
}

/* Takes what is due for @keys at @now and returns the milestones, in
 * order, as a string such as "7d" or "" for nothing. */
static char *
take (NylExpirySchedule *schedule,
      GListModel        *keys,
      gint64             now)
{
  static const char *nicks[] = { "none", "30d", "7d", "1d", "expired" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = nyl_expiry_schedule_take_due (schedule, "p1", "Production", keys,
                                                           now, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < due->len; i++)
    {
      NylExpiryNotice *notice = g_ptr_array_index (due, i);

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%s:%s", notice->key_id, nicks[notice->milestone]);
    }

  return g_string_free (out, FALSE);
}

static void
test_each_milestone_once (Fixture       *fixture,
                          gconstpointer  data)
{
  gint64 expires = T0 + 40 * DAY;
  g_autoptr(NylExpirySchedule) schedule = nyl_expiry_schedule_new_for_path (fixture->path);
  g_autoptr(GListStore) keys = keys_store (make_key ("k1", "CI", "active", expires), NULL);
  struct {
    gint64      now;
    const char *expected;
  } steps[] = {
    { expires - 31 * DAY, "" },
    { expires - 30 * DAY, "k1:30d" },
    { expires - 29 * DAY, "" },
    { expires - 8 * DAY, "" },
    { expires - 7 * DAY + HOUR, "k1:7d" },
    { expires - 3 * DAY, "" },
    { expires - 20 * HOUR, "k1:1d" },
    { expires - HOUR, "" },
    { expires + HOUR, "k1:expired" },
    { expires + 5 * DAY, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *got = take (schedule, G_LIST_MODEL (keys), steps[i].now);

      g_test_message ("step %u", i);
      g_assert_cmpstr (got, ==, steps[i].expected);
    }
}

static void
test_get_due_does_not_record (Fixture       *fixture,
                              gconstpointer  data)
{
  gint64 expires = T0 + 5 * DAY;
  g_autoptr(NylExpirySchedule) schedule = nyl_expiry_schedule_new_for_path (fixture->path);
  g_autoptr(GListStore) keys = keys_store (make_key ("k1", "CI", "active", expires), NULL);
  g_autoptr(GPtrArray) first = nyl_expiry_schedule_get_due (schedule, "p1", NULL,
                                                            G_LIST_MODEL (keys), T0);
  g_autoptr(GPtrArray) second = nyl_expiry_schedule_get_due (schedule, "p1", NULL,
                                                             G_LIST_MODEL (keys), T0);
  g_autoptr(GPtrArray) third = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (first->len, ==, 1);
  g_assert_cmpuint (second->len, ==, 1);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  g_assert_true (nyl_expiry_schedule_mark_sent (schedule, g_ptr_array_index (first, 0), &error));
  g_assert_no_error (error);
  third = nyl_expiry_schedule_get_due (schedule, "p1", NULL, G_LIST_MODEL (keys), T0);
  g_assert_cmpuint (third->len, ==, 0);
}

static void
test_catch_up_sends_most_urgent_only (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(NylExpirySchedule) schedule = nyl_expiry_schedule_new_for_path (fixture->path);
  /* The app was not running for the 30- and 7-day marks. */
  g_autoptr(GListStore) keys = keys_store (make_key ("soon", "Soon", "active", T0 + 5 * DAY),
                                           make_key ("gone", "Gone", "expired", T0 - 3 * DAY),
                                           make_key ("far", "Far", "active", T0 + 200 * DAY),
                                           make_key ("month", "Month", "active", T0 + 20 * DAY),
                                           NULL);
  g_autofree char *first = take (schedule, G_LIST_MODEL (keys), T0);
  g_autofree char *later = take (schedule, G_LIST_MODEL (keys), T0 + HOUR);

  /* Most urgent first, one notice per key. */
  g_assert_cmpstr (first, ==, "gone:expired soon:7d month:30d");
  g_assert_cmpstr (later, ==, "");
}

static void
test_persisted_across_restarts (Fixture       *fixture,
                                gconstpointer  data)
{
  gint64 expires = T0 + 10 * DAY;
  g_autoptr(GListStore) keys = keys_store (make_key ("k1", "CI", "active", expires), NULL);

  {
    g_autoptr(NylExpirySchedule) schedule = nyl_expiry_schedule_new_for_path (fixture->path);
    g_autofree char *got = take (schedule, G_LIST_MODEL (keys), T0);

    g_assert_cmpstr (got, ==, "k1:30d");
    g_assert_true (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  }

  /* A new process: the 30-day notice is not repeated, the 7-day one comes. */
  {
    g_autoptr(NylExpirySchedule) schedule = nyl_expiry_schedule_new_for_path (fixture->path);
    g_autofree char *again = take (schedule, G_LIST_MODEL (keys), T0 + HOUR);
    g_autofree char *week = take (schedule, G_LIST_MODEL (keys), expires - 6 * DAY);

    g_assert_cmpstr (again, ==, "");
    g_assert_cmpstr (week, ==, "k1:7d");
  }

  {
    g_autoptr(NylExpirySchedule) schedule = nyl_expiry_schedule_new_for_path (fixture->path);
    g_autofree char *week_again = take (schedule, G_LIST_MODEL (keys), expires - 5 * DAY);

    g_assert_cmpstr (week_again, ==, "");
  }
}

static void
test_revoked_and_removed_keys (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(NylExpirySchedule) schedule = nyl_expiry_schedule_new_for_path (fixture->path);
  g_autoptr(GListStore) keys = keys_store (make_key ("k1", "CI", "active", T0 + 5 * DAY),
                                           make_key ("k2", "Old", "revoked", T0 + 2 * DAY),
                                           NULL);
  g_autoptr(GListStore) none = g_list_store_new (NYL_TYPE_API_KEY);
  g_autofree char *first = take (schedule, G_LIST_MODEL (keys), T0);
  g_autofree char *after_removal = NULL;
  g_autofree char *back = NULL;

  /* A revoked key says nothing. */
  g_assert_cmpstr (first, ==, "k1:7d");

  /* Once the key is gone, what was sent for it is forgotten... */
  after_removal = take (schedule, G_LIST_MODEL (none), T0 + HOUR);
  g_assert_cmpstr (after_removal, ==, "");

  /* ...so the file does not grow forever: were it to come back, it would be
   * told about again. */
  back = take (schedule, G_LIST_MODEL (keys), T0 + 2 * HOUR);
  g_assert_cmpstr (back, ==, "k1:7d");
}

static void
test_profiles_are_separate (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(NylExpirySchedule) schedule = nyl_expiry_schedule_new_for_path (fixture->path);
  g_autoptr(GListStore) keys = keys_store (make_key ("k1", "CI", "active", T0 + 5 * DAY), NULL);
  g_autoptr(GPtrArray) p1 = nyl_expiry_schedule_take_due (schedule, "p1", NULL,
                                                          G_LIST_MODEL (keys), T0, NULL);
  g_autoptr(GPtrArray) p2 = nyl_expiry_schedule_take_due (schedule, "p2", NULL,
                                                          G_LIST_MODEL (keys), T0, NULL);
  g_autoptr(GPtrArray) p2_again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (p1->len, ==, 1);
  g_assert_cmpuint (p2->len, ==, 1);

  g_assert_true (nyl_expiry_schedule_forget_profile (schedule, "p2", &error));
  g_assert_no_error (error);
  p2_again = nyl_expiry_schedule_get_due (schedule, "p2", NULL, G_LIST_MODEL (keys), T0);
  g_assert_cmpuint (p2_again->len, ==, 1);
}

static void
test_notice_text (void)
{
  NylExpiryNotice notice = {
    .profile_id = (char *)"p1",
    .profile_name = (char *)"Production",
    .key_id = (char *)"k1",
    .key_name = (char *)"CI deploy",
    .expires_at = T0 + 7 * DAY,
    .milestone = NYL_EXPIRY_MILESTONE_7_DAYS,
  };
  g_autofree char *id = nyl_expiry_notice_dup_id (&notice);
  g_autofree char *title = nyl_expiry_notice_dup_title (&notice, T0);
  g_autofree char *body = nyl_expiry_notice_dup_body (&notice);
  g_autofree char *expired_title = NULL;
  g_autoptr(NylExpiryNotice) copy = nyl_expiry_notice_copy (&notice);

  g_assert_cmpstr (id, ==, "key-expiry:p1:k1");
  g_assert_cmpstr (title, ==, "API key “CI deploy” expires in 7 days");
  g_assert_true (g_str_has_prefix (body, "Production: "));
  g_assert_nonnull (strstr (body, "2026"));

  copy->milestone = NYL_EXPIRY_MILESTONE_EXPIRED;
  expired_title = nyl_expiry_notice_dup_title (copy, T0 + 8 * DAY);
  g_assert_cmpstr (expired_title, ==, "API key “CI deploy” has expired");
}

static void
test_damaged_and_newer_files (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autoptr(GListStore) keys = keys_store (make_key ("k1", "CI", "active", T0 + 5 * DAY), NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  /* A damaged record is reported, then replaced: at worst a notice repeats. */
  g_assert_true (g_file_set_contents (fixture->path, "{not json", -1, NULL));
  {
    g_autoptr(NylExpirySchedule) schedule = nyl_expiry_schedule_new_for_path (fixture->path);
    g_autofree char *got = NULL;

    g_assert_false (nyl_expiry_schedule_load (schedule, &error));
    g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE);
    g_clear_error (&error);
    got = take (schedule, G_LIST_MODEL (keys), T0);
    g_assert_cmpstr (got, ==, "k1:7d");
  }

  /* A newer format is never overwritten. */
  g_assert_true (g_file_set_contents (fixture->path, "{\"version\": 99, \"profiles\": {}}", -1,
                                      NULL));
  {
    g_autoptr(NylExpirySchedule) schedule = nyl_expiry_schedule_new_for_path (fixture->path);
    g_autoptr(GPtrArray) due = NULL;

    due = nyl_expiry_schedule_take_due (schedule, "p1", NULL, G_LIST_MODEL (keys), T0, &error);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
    /* The notice is still given to the caller to show. */
    g_assert_cmpuint (due->len, ==, 1);
  }
  g_assert_true (g_file_get_contents (fixture->path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "{\"version\": 99, \"profiles\": {}}");
}

static void
test_default_path_follows_xdg (void)
{
  g_autoptr(NylExpirySchedule) schedule = NULL;
  g_autofree char *expected = g_build_filename ("/nonexistent-state", "nylas-manager",
                                                "notified.json", NULL);

  g_setenv ("XDG_STATE_HOME", "/nonexistent-state", TRUE);
  schedule = nyl_expiry_schedule_new ();
  g_assert_cmpstr (nyl_expiry_schedule_get_path (schedule), ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/expiry-schedule/milestones", test_milestones);
  g_test_add_func ("/expiry-schedule/countdown", test_countdown);
  g_test_add_func ("/expiry-schedule/notice-text", test_notice_text);
  g_test_add ("/expiry-schedule/each-milestone-once", Fixture, NULL,
              fixture_set_up, test_each_milestone_once, fixture_tear_down);
  g_test_add ("/expiry-schedule/get-due-does-not-record", Fixture, NULL,
              fixture_set_up, test_get_due_does_not_record, fixture_tear_down);
  g_test_add ("/expiry-schedule/catch-up", Fixture, NULL,
              fixture_set_up, test_catch_up_sends_most_urgent_only, fixture_tear_down);
  g_test_add ("/expiry-schedule/persisted", Fixture, NULL,
              fixture_set_up, test_persisted_across_restarts, fixture_tear_down);
  g_test_add ("/expiry-schedule/revoked-and-removed", Fixture, NULL,
              fixture_set_up, test_revoked_and_removed_keys, fixture_tear_down);
  g_test_add ("/expiry-schedule/profiles-separate", Fixture, NULL,
              fixture_set_up, test_profiles_are_separate, fixture_tear_down);
  g_test_add ("/expiry-schedule/damaged-and-newer", Fixture, NULL,
              fixture_set_up, test_damaged_and_newer_files, fixture_tear_down);
  g_test_add_func ("/expiry-schedule/default-path", test_default_path_follows_xdg);

  return g_test_run ();
}
