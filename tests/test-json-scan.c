/* test-json-scan.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "nyl-api-error.h"
#include "nyl-json-scan.h"
#include "nyl-response-private.h"

/* The single-pass scanner behind `nylasctl --json grants list`: it must accept
 * what json-glib accepts for a page, find the same items, and refuse what is
 * not JSON. */

static void
scan_ok (const char  *text,
         NylJsonPage *page)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (nyl_json_scan_page (text, strlen (text), page, &error));
  g_assert_no_error (error);
}

static void
assert_parse_error (const char *text,
                    gsize       len)
{
  g_auto(NylJsonPage) page = { NULL, };
  g_autoptr(GError) error = NULL;

  if (!g_test_quiet ())
    g_test_message ("expect failure: %.*s", (int)MIN (len, 200), text);
  g_assert_false (nyl_json_scan_page (text, len, &page, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE);
  g_assert_null (page.items);
  g_assert_null (page.next_cursor);
  g_assert_null (page.request_id);
}

/* The text of item @i. */
static char *
item_text (const char  *text,
           NylJsonPage *page,
           guint        i)
{
  NylJsonSpan *span = &g_array_index (page->items, NylJsonSpan, i);

  return g_strndup (text + span->offset, span->length);
}

/* Every §11 envelope fixture: the same items, cursor, paging and request ID as
 * the json-glib path (NylResponse), item by item. */
static void
test_fixtures_match_json_glib (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "fixtures", "envelopes", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n_files = 0;
  guint n_lists = 0;

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) body = NULL;
      g_autoptr(NylResponse) response = NULL;
      g_autoptr(GError) response_error = NULL;
      g_auto(NylJsonPage) page = { NULL, };
      JsonArray *items;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      n_files++;
      g_test_message ("fixture %s", name);

      g_file_get_contents (path, &contents, NULL, &error);
      g_assert_no_error (error);
      body = g_bytes_new (contents, strlen (contents));
      response = _nyl_response_new_from_exchange (200, NULL, body, NULL, NULL, &response_error);
      g_assert_nonnull (response);

      scan_ok (contents, &page);
      if (response_error != NULL)
        continue;

      g_assert_cmpstr (page.request_id, ==, nyl_response_get_request_id (response));
      g_assert_cmpstr (page.next_cursor, ==, nyl_response_get_next_cursor (response));
      g_assert_cmpint (page.limit, ==, nyl_response_get_limit (response));
      g_assert_cmpint (page.offset, ==, nyl_response_get_offset (response));

      items = nyl_response_get_items (response);
      if (items == NULL)
        {
          g_assert_null (page.items);
          continue;
        }

      n_lists++;
      g_assert_nonnull (page.items);
      g_assert_cmpuint (page.items->len, ==, json_array_get_length (items));
      for (guint i = 0; i < page.items->len; i++)
        {
          g_autofree char *text = item_text (contents, &page, i);
          g_autoptr(JsonNode) node = json_from_string (text, &error);

          g_assert_no_error (error);
          g_assert_true (json_node_equal (node, json_array_get_element (items, i)));
        }
    }

  g_assert_cmpuint (n_files, >=, 15);
  g_assert_cmpuint (n_lists, >=, 3);
}

static void
test_escapes (void)
{
  const char *text =
    "{\"request_id\":\"r\\\"1\\\\\",\"data\":[{\"a\":\"x\\\"y\\\\\\/\\b\\f\\n\\r\\t\\u00e9"
    "\\ud83d\\ude00]\"}, \"\\u005d,\"],"
    "\"next_cursor\":\"c\\u00E9\\n\\/\\ud83d\\ude00\"}";
  g_auto(NylJsonPage) page = { NULL, };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  scan_ok (text, &page);
  g_assert_cmpstr (page.request_id, ==, "r\"1\\");
  g_assert_cmpstr (page.next_cursor, ==, "c\xc3\xa9\n/\xf0\x9f\x98\x80");
  g_assert_cmpuint (page.items->len, ==, 2);

  /* Items are the API's own bytes, escapes untouched. */
  first = item_text (text, &page, 0);
  second = item_text (text, &page, 1);
  g_assert_cmpstr (first, ==,
                   "{\"a\":\"x\\\"y\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00]\"}");
  g_assert_cmpstr (second, ==, "\"\\u005d,\"");

  /* Raw UTF-8 in strings is fine; in keys too. */
  nyl_json_page_clear (&page);
  scan_ok ("{\"d\xc3\xa9\":\"\xe2\x82\xac\",\"data\":[\"\xf0\x9f\x98\x80\"]}", &page);
  g_assert_cmpuint (page.items->len, ==, 1);

  /* A member name written with escapes is still that name. */
  nyl_json_page_clear (&page);
  scan_ok ("{\"d\\u0061ta\":[1,2],\"next\\u005fcursor\":\"c\"}", &page);
  g_assert_cmpuint (page.items->len, ==, 2);
  g_assert_cmpstr (page.next_cursor, ==, "c");
}

static void
test_nested_items (void)
{
  const char *text =
    " \n{\"limit\" : 200 ,\"data\" : [ [1,[2,{\"a\":[]}]] ,\n{\"b\":{\"c\":[{}],\"d\":\"]}\"}},"
    "\"s\",1.5e3,-0,0.25,-12E-2,true,false,null,{},[] ] ,\"offset\":400,\"x\":[{\"data\":[1]}]}\r\n";
  const char *expected[] = {
    "[1,[2,{\"a\":[]}]]", "{\"b\":{\"c\":[{}],\"d\":\"]}\"}}", "\"s\"", "1.5e3", "-0", "0.25",
    "-12E-2", "true", "false", "null", "{}", "[]",
  };
  g_auto(NylJsonPage) page = { NULL, };

  scan_ok (text, &page);
  g_assert_cmpint (page.limit, ==, 200);
  g_assert_cmpint (page.offset, ==, 400);
  g_assert_null (page.next_cursor);
  g_assert_null (page.request_id);
  g_assert_cmpuint (page.items->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *item = item_text (text, &page, i);

      g_assert_cmpstr (item, ==, expected[i]);
    }
}

static void
test_nested_list_shape (void)
{
  g_auto(NylJsonPage) page = { NULL, };

  scan_ok ("{\"data\":{\"next_cursor\":\"inner\",\"items\":[{\"id\":\"a\"},{\"id\":\"b\"}]}}",
           &page);
  g_assert_cmpuint (page.items->len, ==, 2);
  g_assert_cmpstr (page.next_cursor, ==, "inner");

  /* A top-level cursor wins over the nested one. */
  nyl_json_page_clear (&page);
  scan_ok ("{\"next_cursor\":\"outer\",\"data\":{\"items\":[],\"next_cursor\":\"inner\"}}", &page);
  g_assert_cmpuint (page.items->len, ==, 0);
  g_assert_cmpstr (page.next_cursor, ==, "outer");

  /* An object without items is no list; nor is a scalar data. */
  nyl_json_page_clear (&page);
  scan_ok ("{\"data\":{\"id\":\"x\",\"items_count\":3}}", &page);
  g_assert_null (page.items);
  nyl_json_page_clear (&page);
  scan_ok ("{\"data\":\"success\",\"request_id\":null,\"next_cursor\":null,\"limit\":null}", &page);
  g_assert_null (page.items);
  g_assert_null (page.request_id);
  g_assert_cmpint (page.limit, ==, -1);
}

static void
test_empty_data (void)
{
  g_auto(NylJsonPage) page = { NULL, };

  scan_ok ("{\"data\":[],\"limit\":200,\"offset\":0,\"next_cursor\":\"\"}", &page);
  g_assert_nonnull (page.items);
  g_assert_cmpuint (page.items->len, ==, 0);
  g_assert_null (page.next_cursor);
  g_assert_cmpint (page.limit, ==, 200);
  g_assert_cmpint (page.offset, ==, 0);

  nyl_json_page_clear (&page);
  scan_ok ("{}", &page);
  g_assert_null (page.items);
  g_assert_cmpint (page.limit, ==, -1);
  g_assert_cmpint (page.offset, ==, -1);
}

/* Every proper prefix of a page is refused: a body cut short is never a shorter list. */
static void
test_truncated (void)
{
  const char *text =
    "{\"request_id\":\"r-1\",\"data\":[{\"id\":\"a\\u00e9\",\"n\":[1,2.5e-3,true,null]},"
    "{\"id\":\"b\",\"o\":{\"k\":false}}],\"limit\":2,\"offset\":0,\"next_cursor\":\"c\"}";
  gsize len = strlen (text);
  g_auto(NylJsonPage) page = { NULL, };

  scan_ok (text, &page);
  g_assert_cmpuint (page.items->len, ==, 2);

  for (gsize cut = 0; cut < len; cut++)
    assert_parse_error (text, cut);
}

static void
test_malformed (void)
{
  const char *cases[] = {
    "",
    "   ",
    "[]",
    "[{\"id\":1}]",
    "\"data\"",
    "null",
    "{\"data\":[1,]}",
    "{\"data\":[,1]}",
    "{\"data\":[1 2]}",
    "{\"data\":[{\"a\":1,}]}",
    "{\"data\":[{\"a\" 1}]}",
    "{\"data\":[{a:1}]}",
    "{\"data\":[{'a':1}]}",
    "{\"data\":[01]}",
    "{\"data\":[1.]}",
    "{\"data\":[.5]}",
    "{\"data\":[1e]}",
    "{\"data\":[+1]}",
    "{\"data\":[-]}",
    "{\"data\":[NaN]}",
    "{\"data\":[Infinity]}",
    "{\"data\":[tru]}",
    "{\"data\":[True]}",
    "{\"data\":[nul]}",
    "{\"data\":[\"a\\x\"]}",
    "{\"data\":[\"a\\u12\"]}",
    "{\"data\":[\"a\\u12G4\"]}",
    "{\"data\":[\"\\ud83d\"]}",
    "{\"data\":[\"\\ud83dx\"]}",
    "{\"data\":[\"\\ude00\"]}",
    "{\"data\":[\"\\ud83d\\u0041\"]}",
    "{\"data\":[\"tab\there\"]}",
    "{\"data\":[\"new\nline\"]}",
    "{\"data\":[\"\xff\"]}",
    "{\"data\":[\"\xc3\"]}",
    "{\"data\":[}",
    "{\"data\":]}",
    "{\"data\":[{]}]}",
    "{\"data\":[[}]]}",
    "{\"data\" []}",
    "{\"data\":[],}",
    "{,\"data\":[]}",
    "{\"data\":[]\"limit\":1}",
    /* Paging members of the wrong type, as NylResponse refuses them. */
    "{\"data\":[],\"next_cursor\":5}",
    "{\"data\":[],\"next_cursor\":[\"a\"]}",
    "{\"data\":[],\"limit\":\"200\"}",
    "{\"data\":[],\"limit\":2.5}",
    "{\"data\":[],\"offset\":1e2}",
    "{\"data\":[],\"offset\":99999999999999999999}",
    "{\"data\":{\"items\":{}}}",
    "{\"data\":{\"items\":[],\"next_cursor\":1}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_parse_error (cases[i], strlen (cases[i]));

  /* A NUL inside the document. */
  assert_parse_error ("{\"data\":[\"a\0b\"]}", 16);
}

static void
test_trailing_garbage (void)
{
  const char *cases[] = {
    "{\"data\":[]} x",
    "{\"data\":[]}{}",
    "{\"data\":[]}]",
    "{\"data\":[]}}",
    "{\"data\":[]},",
    "{\"data\":[]}\"\"",
    "{\"data\":[]} null",
  };
  g_auto(NylJsonPage) page = { NULL, };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_parse_error (cases[i], strlen (cases[i]));

  /* Whitespace around the document is fine. */
  scan_ok ("\t\r\n {\"data\":[]} \t\r\n", &page);
  g_assert_cmpuint (page.items->len, ==, 0);
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) deep = g_string_new ("{\"data\":[");
  g_auto(NylJsonPage) page = { NULL, };

  for (guint i = 0; i < 100; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 100; i++)
    g_string_append_c (deep, ']');
  g_string_append (deep, "]}");
  scan_ok (deep->str, &page);
  g_assert_cmpuint (page.items->len, ==, 1);

  /* Far too deep is refused, not a stack overflow. */
  g_string_assign (deep, "{\"data\":[");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  assert_parse_error (deep->str, deep->len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-scan/fixtures-match-json-glib", test_fixtures_match_json_glib);
  g_test_add_func ("/json-scan/escapes", test_escapes);
  g_test_add_func ("/json-scan/nested-items", test_nested_items);
  g_test_add_func ("/json-scan/nested-list-shape", test_nested_list_shape);
  g_test_add_func ("/json-scan/empty-data", test_empty_data);
  g_test_add_func ("/json-scan/truncated", test_truncated);
  g_test_add_func ("/json-scan/malformed", test_malformed);
  g_test_add_func ("/json-scan/trailing-garbage", test_trailing_garbage);
  g_test_add_func ("/json-scan/deep-nesting", test_deep_nesting);

  return g_test_run ();
}
