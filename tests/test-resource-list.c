/* test-resource-list.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "model-test-util.h"
#include "nyl-api-key.h"
#include "nyl-grant.h"
#include "nyl-resource-list.h"

#define N_GRANTS 1050

typedef struct
{
  guint n_signals;
  guint n_added;
  guint n_removed;
  guint loading_notifies;
  guint complete_notifies;
  guint error_notifies;
} Counts;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Counts     *counts)
{
  counts->n_signals++;
  counts->n_added += added;
  counts->n_removed += removed;
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           Counts     *counts)
{
  if (g_str_equal (pspec->name, "loading"))
    counts->loading_notifies++;
  else if (g_str_equal (pspec->name, "complete"))
    counts->complete_notifies++;
  else if (g_str_equal (pspec->name, "error"))
    counts->error_notifies++;
}

static void
watch (NylResourceList *list,
       Counts          *counts)
{
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), counts);
  g_signal_connect (list, "notify", G_CALLBACK (notify_cb), counts);
}

/* Runs the main context until @list is neither loading nor waiting for its first page. */
static void
wait_idle (NylResourceList *list)
{
  do
    g_main_context_iteration (NULL, TRUE);
  while (nyl_resource_list_get_loading (list) ||
         (g_list_model_get_n_items (G_LIST_MODEL (list)) == 0 &&
          !nyl_resource_list_get_complete (list) && nyl_resource_list_get_error (list) == NULL));
}

static void
assert_unique_grants (GListModel *model)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_true (g_list_model_get_item_type (model) == NYL_TYPE_GRANT);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NylResource) item = g_list_model_get_item (model, i);

      g_assert_true (NYL_IS_GRANT (item));
      g_assert_true (g_hash_table_add (seen, g_strdup (nyl_resource_get_id (item))));
    }
}

static void
test_paging (MtFixture     *f,
             gconstpointer  user_data)
{
  g_autoptr(NylResourceList) list = NULL;
  Counts counts = { 0 };
  guint pages = 1;

  list = nyl_resource_list_new (f->session, NYL_TYPE_GRANT, NULL, NULL, 100);
  watch (list, &counts);

  /* Nothing happens before the main loop runs. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_false (nyl_resource_list_get_loading (list));

  while (!nyl_resource_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (counts.loading_notifies, ==, 1);
  /* Asking again while a page is on its way does nothing. */
  nyl_resource_list_load_more (list);
  wait_idle (list);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 100);
  g_assert_cmpuint (counts.n_signals, ==, 1);
  g_assert_cmpuint (counts.loading_notifies, ==, 2);
  g_assert_false (nyl_resource_list_get_complete (list));
  g_assert_null (nyl_resource_list_get_error (list));

  while (!nyl_resource_list_get_complete (list))
    {
      nyl_resource_list_load_more (list);
      g_assert_true (nyl_resource_list_get_loading (list));
      wait_idle (list);
      pages++;
      g_assert_cmpuint (counts.n_signals, ==, pages);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                        MIN (pages * 100, N_GRANTS));
    }

  /* One items-changed per page: 10 full pages and one of 50. */
  g_assert_cmpuint (pages, ==, 11);
  g_assert_cmpuint (counts.n_added, ==, N_GRANTS);
  g_assert_cmpuint (counts.complete_notifies, ==, 1);
  g_assert_cmpuint (counts.error_notifies, ==, 0);
  assert_unique_grants (G_LIST_MODEL (list));

  /* Complete: nothing more is asked. */
  nyl_resource_list_load_more (list);
  g_assert_false (nyl_resource_list_get_loading (list));

  g_signal_handlers_disconnect_by_data (list, &counts);
}

static void
test_filter (MtFixture     *f,
             gconstpointer  user_data)
{
  const char *query[] = { "grant_status", "invalid", "provider", "google", NULL };
  g_autoptr(NylResourceList) list = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  list = nyl_resource_list_new (f->session, NYL_TYPE_GRANT, NULL, query, 200);
  nyl_resource_list_load_all_async (list, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  g_assert_true (nyl_resource_list_load_all_finish (list, result, &error));
  g_assert_no_error (error);

  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, N_GRANTS / 2);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NylGrant) grant = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpstr (nyl_grant_get_grant_status (grant), ==, "invalid");
      g_assert_cmpstr (nyl_grant_get_provider (grant), ==, "google");
    }
}

static void
test_load_all (MtFixture     *f,
               gconstpointer  user_data)
{
  g_autoptr(NylResourceList) list = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) again = NULL;
  g_autoptr(GError) error = NULL;
  Counts counts = { 0 };

  list = nyl_resource_list_new (f->session, NYL_TYPE_GRANT, NULL, NULL, 200);
  watch (list, &counts);
  nyl_resource_list_load_all_async (list, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  g_assert_true (nyl_resource_list_load_all_finish (list, result, &error));
  g_assert_no_error (error);
  g_assert_true (nyl_resource_list_get_complete (list));
  g_assert_false (nyl_resource_list_get_loading (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_GRANTS);
  g_assert_cmpuint (counts.n_signals, ==, 6);
  assert_unique_grants (G_LIST_MODEL (list));

  /* Already complete: answers at once. */
  nyl_resource_list_load_all_async (list, NULL, mt_result_cb, &again);
  MT_AWAIT (again);
  g_assert_true (nyl_resource_list_load_all_finish (list, again, &error));
  g_assert_cmpuint (counts.n_signals, ==, 6);

  /* Reload drops everything (one removal) and starts again. */
  nyl_resource_list_reload (list);
  g_assert_cmpuint (counts.n_removed, ==, N_GRANTS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_false (nyl_resource_list_get_complete (list));
  g_assert_true (nyl_resource_list_get_loading (list));
  wait_idle (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 200);

  g_signal_handlers_disconnect_by_data (list, &counts);
}

static void
test_error_keeps_items (MtFixture     *f,
                        gconstpointer  user_data)
{
  g_autoptr(NylResourceList) list = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GError *list_error = NULL;
  Counts counts = { 0 };

  list = nyl_resource_list_new (f->session, NYL_TYPE_GRANT, NULL, NULL, 200);
  watch (list, &counts);
  wait_idle (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 200);

  mt_fault (f->sandbox, "path_prefix", "\"/v3/grants\"");
  mt_fault (f->sandbox, "error_count", "1000");
  nyl_resource_list_load_more (list);
  wait_idle (list);

  g_assert_nonnull (nyl_resource_list_get_error (list));
  g_assert_error (nyl_resource_list_get_error (list), NYL_API_ERROR, NYL_API_ERROR_SERVER);
  g_object_get (list, "error", &list_error, NULL);
  g_assert_error (list_error, NYL_API_ERROR, NYL_API_ERROR_SERVER);
  g_clear_error (&list_error);
  g_assert_cmpuint (counts.error_notifies, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 200);
  g_assert_cmpuint (counts.n_signals, ==, 1);
  g_assert_false (nyl_resource_list_get_loading (list));
  g_assert_false (nyl_resource_list_get_complete (list));

  /* load_all stops at the failure too, and says why. */
  nyl_resource_list_load_all_async (list, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  g_assert_false (nyl_resource_list_load_all_finish (list, result, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_SERVER);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 200);

  /* Once the server is back, the failed page is asked again: no gap, no duplicate. */
  mt_fault (f->sandbox, "error_count", "0");
  nyl_resource_list_load_more (list);
  g_assert_null (nyl_resource_list_get_error (list));
  wait_idle (list);
  g_assert_null (nyl_resource_list_get_error (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 400);
  assert_unique_grants (G_LIST_MODEL (list));

  g_signal_handlers_disconnect_by_data (list, &counts);
}

static void
test_dispose_while_loading (MtFixture     *f,
                            gconstpointer  user_data)
{
  NylResourceList *list;

  list = nyl_resource_list_new (f->session, NYL_TYPE_GRANT, NULL, NULL, 200);
  while (!nyl_resource_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);

  /* The request in flight is cancelled and its answer never reaches the freed list. */
  g_assert_finalize_object (list);
  sbt_iterate (100);

  /* A list disposed before its first page asks for nothing. */
  list = nyl_resource_list_new (f->session, NYL_TYPE_GRANT, NULL, NULL, 200);
  g_assert_finalize_object (list);
  sbt_iterate (50);
}

static void
test_no_collection (MtFixture     *f,
                    gconstpointer  user_data)
{
  g_autoptr(NylProfile) profile = mt_profile_new (f->sandbox, "No SA");
  g_autoptr(NylSession) session = NULL;
  g_autoptr(NylResourceList) list = NULL;
  g_autoptr(GError) error = NULL;

  session = nyl_session_new (profile, nyl_sandbox_get_api_key (f->sandbox), NULL, &error);
  g_assert_no_error (error);
  list = nyl_resource_list_new (session, NYL_TYPE_API_KEY, NULL, NULL, 0);
  wait_idle (list);
  g_assert_error (nyl_resource_list_get_error (list), NYL_API_ERROR,
                  NYL_API_ERROR_INVALID_CREDENTIALS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_false (nyl_resource_list_get_complete (list));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/resource-list/" path, MtFixture, GUINT_TO_POINTER (N_GRANTS), mt_fixture_setup, \
              func, mt_fixture_teardown)

  ADD ("paging", test_paging);
  ADD ("filter", test_filter);
  ADD ("load-all", test_load_all);
  ADD ("error-keeps-items", test_error_keeps_items);
  ADD ("dispose-while-loading", test_dispose_while_loading);
  ADD ("no-collection", test_no_collection);

#undef ADD

  return g_test_run ();
}
