/* test-canonical-json.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "nyl-api-error.h"
#include "nyl-canonical-json.h"

static void
assert_canonical (const char *input,
                  const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = nyl_canonical_json_from_string (input, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, expected);
}

static void
assert_rejected (const char *input,
                 int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = nyl_canonical_json_from_string (input, -1, &error);

  g_assert_null (out);
  g_assert_error (error, NYL_API_ERROR, code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_sorted_keys (void)
{
  /* The §4.6 case A body, written in insertion order with spaces. */
  assert_canonical ("{\"name\": \"example-key\", \"expires_in\": 30}",
                    "{\"expires_in\":30,\"name\":\"example-key\"}");

  /* Byte order: upper case before '_' before lower case before non-ASCII. */
  assert_canonical ("{\"b\":1,\"\xc3\xa9\":2,\"a\":3,\"_\":4,\"Z\":5,\"ab\":6}",
                    "{\"Z\":5,\"_\":4,\"a\":3,\"ab\":6,\"b\":1,\"\xc3\xa9\":2}");
}

static void
test_nested (void)
{
  assert_canonical ("{ \"outer\" : { \"z\" : { \"y\" : 1 , \"x\" : 2 } , \"a\" : [ ] } ,\n"
                    "  \"first\" : true }",
                    "{\"first\":true,\"outer\":{\"a\":[],\"z\":{\"x\":2,\"y\":1}}}");

  /* Objects inside arrays are sorted too (as the Node, Ruby and Java SDKs do). */
  assert_canonical ("[{\"b\":1,\"a\":[{\"d\":null,\"c\":false}]},3,\"s\",[{\"y\":0,\"x\":0}]]",
                    "[{\"a\":[{\"c\":false,\"d\":null}],\"b\":1},3,\"s\",[{\"x\":0,\"y\":0}]]");

  /* Array order is kept. */
  assert_canonical ("[3, 1, 2]", "[3,1,2]");
}

static void
test_empty_containers (void)
{
  assert_canonical ("{}", "{}");
  assert_canonical (" { \n } ", "{}");
  assert_canonical ("[]", "[]");
  assert_canonical ("{\"b\":[],\"a\":{}}", "{\"a\":{},\"b\":[]}");
  assert_canonical ("[[],{},[{}]]", "[[],{},[{}]]");
}

static void
test_scalars (void)
{
  assert_canonical ("true", "true");
  assert_canonical ("false", "false");
  assert_canonical ("null", "null");
  assert_canonical ("\"x\"", "\"x\"");
  assert_canonical ("{\"n\":null,\"t\":true,\"f\":false}", "{\"f\":false,\"n\":null,\"t\":true}");
}

static void
test_string_escapes (void)
{
  /* JSON escapes in the input come out the JSON.stringify way: short forms where they exist,
   * \u00xx in lower case for other control characters, everything else raw. */
  assert_canonical ("\"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0001\\u001F\\u000B\\u001b \\u007f\"",
                    "\"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0001\\u001f\\u000b\\u001b \x7f\"");

  /* '/' and "\/" both come out as a bare slash. */
  assert_canonical ("\"a/b\\/c\"", "\"a/b/c\"");

  /* Non-ASCII, escaped or not, comes out as raw UTF-8. */
  assert_canonical ("\"\\u00e9t\\u00E9 \xe2\x82\xac \\ud83d\\ude00 \xf0\x9f\x98\x80\"",
                    "\"\xc3\xa9t\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xf0\x9f\x98\x80\"");

  /* Keys are escaped the same way. */
  assert_canonical ("{\"k\\n\\\"\":1}", "{\"k\\n\\\"\":1}");
}

static void
test_append_string (void)
{
  g_autoptr(GString) out = g_string_new ("x=");

  nyl_canonical_json_append_string (out, "\x01\x08\x09\x0a\x0b\x0c\x0d\x1a\x1f \"\\/\x7f\xc3\xbc");
  g_assert_cmpstr (out->str, ==,
                   "x=\"\\u0001\\b\\t\\n\\u000b\\f\\r\\u001a\\u001f \\\"\\\\/\x7f\xc3\xbc\"");

  g_string_truncate (out, 0);
  nyl_canonical_json_append_string (out, "");
  g_assert_cmpstr (out->str, ==, "\"\"");

  /* Embedding canonical JSON as a string value, as the signing envelope does. */
  g_string_truncate (out, 0);
  nyl_canonical_json_append_string (out, "{\"expires_in\":30,\"name\":\"example-key\"}");
  g_assert_cmpstr (out->str, ==, "\"{\\\"expires_in\\\":30,\\\"name\\\":\\\"example-key\\\"}\"");
}

static void
test_integers (void)
{
  assert_canonical ("[0,-0,7,-5,2147483648,-9007199254740993,9223372036854775807]",
                    "[0,0,7,-5,2147483648,-9007199254740993,9223372036854775807]");
  assert_canonical ("{\"expires_in\":30}", "{\"expires_in\":30}");
}

static void
test_integral_doubles (void)
{
  assert_canonical ("[1.0,-2.0,1e3,1.5e2,-0.0,2.50e1,9007199254740991.0]",
                    "[1,-2,1000,150,0,25,9007199254740991]");
}

static void
test_non_integral_rejected (void)
{
  assert_rejected ("1.5", NYL_API_ERROR_INVALID_REQUEST);
  assert_rejected ("{\"a\":{\"b\":[0.1]}}", NYL_API_ERROR_INVALID_REQUEST);
  assert_rejected ("[1e300]", NYL_API_ERROR_INVALID_REQUEST);
  /* 2^53 is where doubles stop being exact integers. */
  assert_rejected ("9007199254740992.0", NYL_API_ERROR_INVALID_REQUEST);
  assert_rejected ("-9007199254740992.0", NYL_API_ERROR_INVALID_REQUEST);
}

static void
test_non_finite_rejected (void)
{
  const double values[] = { NAN, INFINITY, -INFINITY };

  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      g_autoptr(JsonObject) object = json_object_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;

      json_object_set_int_member (object, "ok", 1);
      json_object_set_double_member (object, "bad", values[i]);
      json_node_set_object (node, object);

      out = nyl_canonical_json_from_node (node, &error);
      g_assert_null (out);
      g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
    }
}

static void
test_from_node (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, "My transactional domain");
  json_builder_set_member_name (builder, "domain_address");
  json_builder_add_string_value (builder, "mail.example.com");
  json_builder_set_member_name (builder, "weight");
  json_builder_add_double_value (builder, 3.0);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  out = nyl_canonical_json_from_node (root, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==,
                   "{\"domain_address\":\"mail.example.com\",\"name\":\"My transactional domain\","
                   "\"weight\":3}");
}

static void
test_bad_json (void)
{
  assert_rejected ("{\"a\":1,}", NYL_API_ERROR_PARSE);
  assert_rejected ("{\"a\" 1}", NYL_API_ERROR_PARSE);
  assert_rejected ("not json", NYL_API_ERROR_PARSE);
  assert_rejected ("", NYL_API_ERROR_PARSE);
}

static void
test_length (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  /* Only @length bytes are read. */
  out = nyl_canonical_json_from_string ("{\"b\":1,\"a\":2}garbage", 13, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, "{\"a\":2,\"b\":1}");
}

static void
test_idempotent (void)
{
  const char *input = "{\"z\":[{\"b\":\"\\u0002\xc3\xa9/\",\"a\":1.0}],\"y\":{}}";
  g_autoptr(GError) error = NULL;
  g_autofree char *once = nyl_canonical_json_from_string (input, -1, &error);
  g_autofree char *twice = NULL;

  g_assert_no_error (error);
  twice = nyl_canonical_json_from_string (once, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (once, ==, twice);
  g_assert_cmpstr (once, ==, "{\"y\":{},\"z\":[{\"a\":1,\"b\":\"\\u0002\xc3\xa9/\"}]}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/api/canonical-json/sorted-keys", test_sorted_keys);
  g_test_add_func ("/api/canonical-json/nested", test_nested);
  g_test_add_func ("/api/canonical-json/empty-containers", test_empty_containers);
  g_test_add_func ("/api/canonical-json/scalars", test_scalars);
  g_test_add_func ("/api/canonical-json/string-escapes", test_string_escapes);
  g_test_add_func ("/api/canonical-json/append-string", test_append_string);
  g_test_add_func ("/api/canonical-json/integers", test_integers);
  g_test_add_func ("/api/canonical-json/integral-doubles", test_integral_doubles);
  g_test_add_func ("/api/canonical-json/non-integral-rejected", test_non_integral_rejected);
  g_test_add_func ("/api/canonical-json/non-finite-rejected", test_non_finite_rejected);
  g_test_add_func ("/api/canonical-json/from-node", test_from_node);
  g_test_add_func ("/api/canonical-json/bad-json", test_bad_json);
  g_test_add_func ("/api/canonical-json/length", test_length);
  g_test_add_func ("/api/canonical-json/idempotent", test_idempotent);

  return g_test_run ();
}
