/* test-sandbox-grants.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "sandbox-test-util.h"

/* /v3/grants: offset paging to the end of 200,000 grants, every filter, get/patch/delete. */

static SbtResponse *
grants (SoupSession *session,
        NylSandbox  *sandbox,
        const char  *query)
{
  g_autofree char *path = g_strconcat ("/v3/grants", query, NULL);

  return sbt_call (session, "GET", nyl_sandbox_get_url (sandbox), path,
                   nyl_sandbox_get_api_key (sandbox), NULL);
}

#define ID_LENGTH 36

static int
compare_ids (const void *a,
             const void *b)
{
  return memcmp (a, b, ID_LENGTH);
}

/* All 1000 pages of 200 grants, to the end. Pages are scanned as text rather than parsed into
 * JSON trees so that the test stays fast under AddressSanitizer; their structure is checked with
 * a real parser on the first and the last page. */
static void
test_paging_200k (void)
{
  NylSandbox *sandbox = sbt_sandbox_new (5, 200000, NULL);
  g_autoptr(SoupSession) session = sbt_session_new ();
  const guint total = 200000;
  g_autofree char *ids = g_malloc ((gsize) total * ID_LENGTH);
  const gsize buffer_size = 1 << 20;
  g_autofree char *text = g_malloc (buffer_size);
  guint n_ids = 0, pages = 0, invalid = 0;
  gint64 last_created = G_MAXINT64;

  for (guint offset = 0;; offset += 200)
    {
      char path[64], tail[64];
      g_autoptr(SoupMessage) msg = NULL;
      const char *p;
      gsize length;
      guint n = 0;

      g_snprintf (path, sizeof path, "/v3/grants?limit=200&offset=%u", offset);
      msg = sbt_message ("GET", nyl_sandbox_get_url (sandbox), path,
                         nyl_sandbox_get_api_key (sandbox), NULL);
      g_assert_cmpuint (sbt_fetch (session, msg, text, buffer_size, &length), ==, 200);
      text[length] = '\0';

      if (offset == 0 || offset == total)
        {
          g_autoptr(JsonNode) node = json_from_string (text, NULL);
          JsonObject *root;

          g_assert_nonnull (node);
          root = json_node_get_object (node);
          g_assert_nonnull (json_object_get_string_member_with_default (root, "request_id", NULL));
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "data")), ==,
                            offset == 0 ? 200 : 0);
        }

      /* The envelope echoes limit and offset. */
      g_snprintf (tail, sizeof tail, "],\"limit\":200,\"offset\":%u}", offset);
      g_assert_true (g_str_has_suffix (text, tail));

      /* Bounded searches (g_strstr_len): no strlen of the rest of the page at every step. */
      for (p = g_strstr_len (text, length, "{\"id\":\""); p != NULL;
           p = g_strstr_len (p + 1, text + length - (p + 1), "{\"id\":\""))
        {
          gssize window = MIN (text + length - p, 2048);
          const char *created = g_strstr_len (p, window, "\"created_at\":");
          const char *status = g_strstr_len (p, window, "\"grant_status\":\"");
          gint64 value;

          g_assert_cmpuint (n_ids, <, total);
          memcpy (ids + (gsize) n_ids * ID_LENGTH, p + 7, ID_LENGTH);
          g_assert_cmpint (p[7 + ID_LENGTH], ==, '"');
          n_ids++;
          n++;

          /* Default order: newest first. */
          g_assert_nonnull (created);
          value = g_ascii_strtoll (created + strlen ("\"created_at\":"), NULL, 10);
          g_assert_cmpint (value, <=, last_created);
          last_created = value;
          g_assert_nonnull (status);
          if (g_str_has_prefix (status + strlen ("\"grant_status\":\""), "invalid\""))
            invalid++;
        }
      pages++;
      if (n < 200)
        break;
    }

  g_assert_cmpuint (pages, ==, 1001);
  g_assert_cmpuint (n_ids, ==, total);
  qsort (ids, n_ids, ID_LENGTH, compare_ids);
  for (guint i = 1; i < n_ids; i++)
    g_assert_true (memcmp (ids + (gsize) (i - 1) * ID_LENGTH, ids + (gsize) i * ID_LENGTH,
                           ID_LENGTH) != 0);
  /* About a tenth are invalid. */
  g_assert_cmpuint (invalid, >, 16000);
  g_assert_cmpuint (invalid, <, 24000);

  sbt_sandbox_free (sandbox);
}

static gint64
member_int (JsonArray  *items,
            guint       i,
            const char *member)
{
  return json_object_get_int_member (json_array_get_object_element (items, i), member);
}

static void
test_filters (void)
{
  NylSandbox *sandbox = sbt_sandbox_new (9, 2000, NULL);
  g_autoptr(SoupSession) session = sbt_session_new ();
  g_autoptr(SbtResponse) all = grants (session, sandbox, "?limit=200");
  JsonArray *items = sbt_data_array (all);
  JsonObject *sample = json_array_get_object_element (items, 17);
  const char *email = sbt_str (sample, "email");
  const char *ip = sbt_str (sample, "ip");
  gint64 mid = member_int (items, 100, "created_at");
  const char *providers[] = { "google", "microsoft", "imap" };
  const char *statuses[] = { "valid", "invalid" };

  for (guint p = 0; p < G_N_ELEMENTS (providers); p++)
    for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
      {
        g_autofree char *query = g_strdup_printf ("?limit=200&provider=%s&grant_status=%s",
                                                  providers[p], statuses[s]);
        g_autoptr(SbtResponse) r = grants (session, sandbox, query);
        JsonArray *list = sbt_data_array (r);

        g_assert_cmpuint (json_array_get_length (list), >, 0);
        for (guint i = 0; i < json_array_get_length (list); i++)
          {
            JsonObject *g = json_array_get_object_element (list, i);

            g_assert_cmpstr (sbt_str (g, "provider"), ==, providers[p]);
            g_assert_cmpstr (sbt_str (g, "grant_status"), ==, statuses[s]);
          }
      }

  {
    g_autofree char *upper = g_ascii_strup (email, -1);
    g_autofree char *escaped = g_uri_escape_string (upper, NULL, FALSE);
    g_autofree char *query = g_strdup_printf ("?email=%s", escaped);
    g_autoptr(SbtResponse) r = grants (session, sandbox, query);
    JsonArray *list = sbt_data_array (r);

    g_assert_cmpuint (json_array_get_length (list), ==, 1);
    g_assert_cmpstr (sbt_str (json_array_get_object_element (list, 0), "id"), ==,
                     sbt_str (sample, "id"));
  }

  {
    g_autofree char *query = g_strdup_printf ("?limit=200&ip=%s", ip);
    g_autoptr(SbtResponse) r = grants (session, sandbox, query);
    JsonArray *list = sbt_data_array (r);

    g_assert_cmpuint (json_array_get_length (list), >=, 1);
    for (guint i = 0; i < json_array_get_length (list); i++)
      g_assert_cmpstr (sbt_str (json_array_get_object_element (list, i), "ip"), ==, ip);
  }

  {
    g_autofree char *since = g_strdup_printf ("?limit=200&since=%" G_GINT64_FORMAT, mid);
    g_autofree char *before = g_strdup_printf ("?limit=200&before=%" G_GINT64_FORMAT
                                               "&order_by=asc",
                                               mid);
    g_autoptr(SbtResponse) r1 = grants (session, sandbox, since);
    g_autoptr(SbtResponse) r2 = grants (session, sandbox, before);
    JsonArray *l1 = sbt_data_array (r1);
    JsonArray *l2 = sbt_data_array (r2);

    /* 101 grants are at least as new as the 101st newest. */
    g_assert_cmpuint (json_array_get_length (l1), ==, 101);
    for (guint i = 0; i < json_array_get_length (l1); i++)
      g_assert_cmpint (member_int (l1, i, "created_at"), >=, mid);
    for (guint i = 0; i < json_array_get_length (l2); i++)
      {
        g_assert_cmpint (member_int (l2, i, "created_at"), <=, mid);
        if (i > 0)
          g_assert_cmpint (member_int (l2, i, "created_at"), >=, member_int (l2, i - 1,
                                                                             "created_at"));
      }
  }

  {
    g_autoptr(SbtResponse) r = grants (session, sandbox,
                                       "?limit=200&sort_by=updated_at&order_by=asc");
    JsonArray *list = sbt_data_array (r);

    for (guint i = 1; i < json_array_get_length (list); i++)
      g_assert_cmpint (member_int (list, i, "updated_at"), >=, member_int (list, i - 1,
                                                                           "updated_at"));
  }

  {
    /* v2-migrated grants carry account_id; workspace filters too. */
    g_autoptr(SbtResponse) r = grants (session, sandbox, "?limit=200&offset=0");
    JsonArray *list = sbt_data_array (r);
    const char *account = NULL, *workspace = NULL;

    for (guint i = 0; i < json_array_get_length (list) && account == NULL; i++)
      account = sbt_str (json_array_get_object_element (list, i), "account_id");
    workspace = sbt_str (json_array_get_object_element (list, 0), "workspace_id");
    g_assert_nonnull (account);
    g_assert_nonnull (workspace);

    {
      g_autofree char *q1 = g_strdup_printf ("?account_id=%s", account);
      g_autofree char *q2 = g_strdup_printf ("?account_ids=nope,%s", account);
      g_autofree char *q3 = g_strdup_printf ("?limit=200&workspace_id=%s", workspace);
      g_autoptr(SbtResponse) a1 = grants (session, sandbox, q1);
      g_autoptr(SbtResponse) a2 = grants (session, sandbox, q2);
      g_autoptr(SbtResponse) w = grants (session, sandbox, q3);

      g_assert_cmpuint (json_array_get_length (sbt_data_array (a1)), ==, 1);
      g_assert_cmpuint (json_array_get_length (sbt_data_array (a2)), ==, 1);
      g_assert_cmpuint (json_array_get_length (sbt_data_array (w)), >, 0);
      for (guint i = 0; i < json_array_get_length (sbt_data_array (w)); i++)
        g_assert_cmpstr (sbt_str (json_array_get_object_element (sbt_data_array (w), i),
                                  "workspace_id"), ==, workspace);
    }
  }

  {
    g_autoptr(SbtResponse) too_many = grants (session, sandbox, "?limit=201");
    g_autoptr(SbtResponse) bad_status = grants (session, sandbox, "?grant_status=maybe");
    g_autoptr(SbtResponse) bad_sort = grants (session, sandbox, "?sort_by=email");
    g_autoptr(SbtResponse) default_limit = grants (session, sandbox, "");

    sbt_assert_error (too_many, 400, "api.invalid_request_error");
    sbt_assert_error (bad_status, 400, "api.invalid_request_error");
    sbt_assert_error (bad_sort, 400, "api.invalid_request_error");
    g_assert_cmpuint (json_array_get_length (sbt_data_array (default_limit)), ==, 10);
    g_assert_cmpint (json_object_get_int_member (sbt_root (default_limit), "limit"), ==, 10);
  }

  sbt_sandbox_free (sandbox);
}

static void
test_get_patch_delete (void)
{
  NylSandbox *sandbox = sbt_sandbox_new (4, 100, NULL);
  g_autoptr(SoupSession) session = sbt_session_new ();
  const char *url = nyl_sandbox_get_url (sandbox);
  const char *key = nyl_sandbox_get_api_key (sandbox);
  g_autoptr(SbtResponse) list = grants (session, sandbox, "?limit=200&provider=google");
  JsonObject *first = json_array_get_object_element (sbt_data_array (list), 0);
  g_autofree char *path = g_strconcat ("/v3/grants/", sbt_str (first, "id"), NULL);
  g_autofree char *by_email = g_strconcat ("/v3/grants/", sbt_str (first, "email"), NULL);
  g_autofree char *aliases = g_strconcat (path, "?expose_aliases=true", NULL);
  g_autoptr(SbtResponse) one = sbt_call (session, "GET", url, path, key, NULL);
  g_autoptr(SbtResponse) email = sbt_call (session, "GET", url, by_email, key, NULL);
  g_autoptr(SbtResponse) with_aliases = sbt_call (session, "GET", url, aliases, key, NULL);
  g_autoptr(SbtResponse) p1 = NULL;
  g_autoptr(SbtResponse) p2 = NULL;
  g_autoptr(SbtResponse) bad = NULL;
  g_autoptr(SbtResponse) deleted = NULL;
  g_autoptr(SbtResponse) gone = NULL;
  g_autoptr(SbtResponse) after = NULL;
  JsonObject *grant, *settings;

  g_assert_cmpuint (one->status, ==, 200);
  g_assert_cmpstr (sbt_str (sbt_data_object (one), "id"), ==, sbt_str (first, "id"));
  g_assert_false (json_object_has_member (sbt_data_object (one), "email_aliases"));
  g_assert_cmpstr (sbt_str (sbt_data_object (email), "id"), ==, sbt_str (first, "id"));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (sbt_data_object (with_aliases),
                                                                "email_aliases")));

  /* PATCH replaces settings whole (secrets are never echoed) and scope. */
  p1 = sbt_call (session, "PATCH", url, path, key,
                 "{\"settings\":{\"refresh_token\":\"r1\",\"region\":\"emea\"},"
                 "\"scope\":[\"a\",\"b\"]}");
  g_assert_cmpuint (p1->status, ==, 200);
  grant = sbt_data_object (p1);
  settings = json_object_get_object_member (grant, "settings");
  g_assert_cmpstr (sbt_str (settings, "region"), ==, "emea");
  g_assert_false (json_object_has_member (settings, "refresh_token"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (grant, "scope")), ==, 2);
  g_assert_cmpint (json_object_get_int_member (grant, "updated_at"), >=,
                   json_object_get_int_member (first, "updated_at"));

  p2 = sbt_call (session, "PATCH", url, path, key, "{\"settings\":{\"tier\":\"gold\"}}");
  grant = sbt_data_object (p2);
  settings = json_object_get_object_member (grant, "settings");
  g_assert_cmpstr (sbt_str (settings, "tier"), ==, "gold");
  g_assert_false (json_object_has_member (settings, "region"));
  /* scope, not sent, is untouched. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (grant, "scope")), ==, 2);

  bad = sbt_call (session, "PATCH", url, path, key, "{\"scope\":\"a b\"}");
  sbt_assert_error (bad, 400, "api.invalid_request_error");

  deleted = sbt_call (session, "DELETE", url, path, key, NULL);
  g_assert_cmpuint (deleted->status, ==, 200);
  g_assert_nonnull (sbt_str (sbt_root (deleted), "request_id"));
  gone = sbt_call (session, "GET", url, path, key, NULL);
  sbt_assert_error (gone, 404, "api.not_found_error");
  after = grants (session, sandbox, "?limit=200");
  g_assert_cmpuint (json_array_get_length (sbt_data_array (after)), ==, 99);

  sbt_sandbox_free (sandbox);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sandbox/grants/paging-200k", test_paging_200k);
  g_test_add_func ("/sandbox/grants/filters", test_filters);
  g_test_add_func ("/sandbox/grants/get-patch-delete", test_get_patch_delete);

  return g_test_run ();
}
