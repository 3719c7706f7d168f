/* test-webhook-signature.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "nyl-api-error.h"
#include "nyl-webhook-signature.h"

#define DELIVERY "{\"specversion\":\"1.0\",\"type\":\"grant.created\",\"id\":\"n-1\"," \
                 "\"data\":{\"object\":{\"grant_id\":\"g-1\",\"provider\":\"google\"}}}"

/* printf '{"type":"grant.created"}' | gzip -9 -n */
static const guint8 gzip_tool_output[] = {
  0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xab, 0x56,
  0x2a, 0xa9, 0x2c, 0x48, 0x55, 0xb2, 0x52, 0x4a, 0x2f, 0x4a, 0xcc, 0x2b,
  0xd1, 0x4b, 0x2e, 0x4a, 0x4d, 0x2c, 0x49, 0x4d, 0x51, 0xaa, 0x05, 0x00,
  0x0c, 0xb8, 0x2d, 0x95, 0x18, 0x00, 0x00, 0x00,
};

/* printf '{"type":"grant.created"}' | openssl dgst -sha256 -hmac whsec-old */
#define GZIP_TOOL_PLAIN_HMAC "24ceed6c0ceb6384ee6412b3420ea9dd62132e49680fe978b44ee85dccd0da95"

static const char * const one_secret[] = { "whsec-old", NULL };
static const char * const rotation[] = { "whsec-old", "whsec-new", NULL };

static GBytes *
bytes_from_string (const char *s)
{
  return g_bytes_new (s, strlen (s));
}

static void
assert_verdict (GBytes             *body,
                const char         *header,
                gboolean            gzip_encoded,
                const char * const *secrets,
                NylWebhookVerdict   expected_verdict,
                int                 expected_index)
{
  int index = 12345;
  NylWebhookVerdict verdict;

  verdict = nyl_webhook_signature_verify (body, header, gzip_encoded, secrets, &index);
  g_assert_cmpstr (nyl_webhook_verdict_to_nick (verdict), ==,
                   nyl_webhook_verdict_to_nick (expected_verdict));
  g_assert_cmpint (index, ==, expected_index);
}

static void
test_sign_rfc4231 (void)
{
  /* RFC 4231 test case 2. */
  g_autoptr(GBytes) body = bytes_from_string ("what do ya want for nothing?");
  g_autofree char *signature = nyl_webhook_signature_sign (body, "Jefe");

  g_assert_cmpstr (signature, ==,
                   "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

static void
test_valid (void)
{
  g_autoptr(GBytes) body = bytes_from_string (DELIVERY);
  g_autofree char *signature = nyl_webhook_signature_sign (body, "whsec-old");

  g_assert_cmpuint (strlen (signature), ==, 64);
  assert_verdict (body, signature, FALSE, one_secret, NYL_WEBHOOK_VERDICT_VALID, 0);

  /* matched_index is optional. */
  g_assert_cmpint (nyl_webhook_signature_verify (body, signature, FALSE, one_secret, NULL), ==,
                   NYL_WEBHOOK_VERDICT_VALID);
}

static void
test_forged (void)
{
  g_autoptr(GBytes) body = bytes_from_string (DELIVERY);
  g_autoptr(GBytes) altered = bytes_from_string (DELIVERY " ");
  g_autofree char *wrong_secret = nyl_webhook_signature_sign (body, "whsec-guess");
  g_autofree char *signature = nyl_webhook_signature_sign (body, "whsec-old");
  g_autofree char *last_digit_changed = g_strdup (signature);
  g_autofree char *first_digit_changed = g_strdup (signature);

  assert_verdict (body, wrong_secret, FALSE, one_secret, NYL_WEBHOOK_VERDICT_MISMATCH, -1);

  /* The body changed by one byte after signing. */
  assert_verdict (altered, signature, FALSE, one_secret, NYL_WEBHOOK_VERDICT_MISMATCH, -1);

  /* Right but for one digit, at either end. */
  last_digit_changed[63] = last_digit_changed[63] == '0' ? '1' : '0';
  first_digit_changed[0] = first_digit_changed[0] == '0' ? '1' : '0';
  assert_verdict (body, last_digit_changed, FALSE, one_secret, NYL_WEBHOOK_VERDICT_MISMATCH, -1);
  assert_verdict (body, first_digit_changed, FALSE, one_secret, NYL_WEBHOOK_VERDICT_MISMATCH, -1);
}

static void
test_upper_case_hex (void)
{
  g_autoptr(GBytes) body = bytes_from_string (DELIVERY);
  g_autofree char *signature = nyl_webhook_signature_sign (body, "whsec-old");
  g_autofree char *upper = g_ascii_strup (signature, -1);

  g_assert_cmpstr (upper, !=, signature);
  assert_verdict (body, upper, FALSE, one_secret, NYL_WEBHOOK_VERDICT_VALID, 0);
}

static void
test_whitespace_and_prefix (void)
{
  g_autoptr(GBytes) body = bytes_from_string (DELIVERY);
  g_autofree char *signature = nyl_webhook_signature_sign (body, "whsec-old");
  g_autofree char *padded = g_strconcat (" \t", signature, " \r\n", NULL);
  g_autofree char *prefixed = g_strconcat ("sha256=", signature, NULL);

  assert_verdict (body, padded, FALSE, one_secret, NYL_WEBHOOK_VERDICT_VALID, 0);
  assert_verdict (body, prefixed, FALSE, one_secret, NYL_WEBHOOK_VERDICT_VALID, 0);
}

static void
test_malformed_hex (void)
{
  g_autoptr(GBytes) body = bytes_from_string (DELIVERY);
  g_autofree char *signature = nyl_webhook_signature_sign (body, "whsec-old");
  g_autofree char *odd = g_strndup (signature, 63);
  g_autofree char *short_even = g_strndup (signature, 62);
  g_autofree char *long_even = g_strconcat (signature, "00", NULL);
  g_autofree char *non_hex = g_strdup (signature);
  g_autofree char *inner_space = g_strdup (signature);

  non_hex[17] = 'g';
  inner_space[32] = ' ';

  assert_verdict (body, odd, FALSE, one_secret, NYL_WEBHOOK_VERDICT_MALFORMED_HEX, -1);
  assert_verdict (body, short_even, FALSE, one_secret, NYL_WEBHOOK_VERDICT_MALFORMED_HEX, -1);
  assert_verdict (body, long_even, FALSE, one_secret, NYL_WEBHOOK_VERDICT_MALFORMED_HEX, -1);
  assert_verdict (body, non_hex, FALSE, one_secret, NYL_WEBHOOK_VERDICT_MALFORMED_HEX, -1);
  assert_verdict (body, inner_space, FALSE, one_secret, NYL_WEBHOOK_VERDICT_MALFORMED_HEX, -1);
  assert_verdict (body, "sha256=", FALSE, one_secret, NYL_WEBHOOK_VERDICT_MALFORMED_HEX, -1);
  assert_verdict (body, "not a signature", FALSE, one_secret,
                  NYL_WEBHOOK_VERDICT_MALFORMED_HEX, -1);
}

static void
test_no_header (void)
{
  g_autoptr(GBytes) body = bytes_from_string (DELIVERY);

  assert_verdict (body, NULL, FALSE, one_secret, NYL_WEBHOOK_VERDICT_NO_HEADER, -1);
  assert_verdict (body, "", FALSE, one_secret, NYL_WEBHOOK_VERDICT_NO_HEADER, -1);
  assert_verdict (body, " \t ", TRUE, one_secret, NYL_WEBHOOK_VERDICT_NO_HEADER, -1);
}

static void
test_gzip_over_gunzipped (void)
{
  g_autoptr(GBytes) plain = bytes_from_string (DELIVERY);
  g_autoptr(GBytes) compressed = nyl_gzip_compress (plain);
  g_autofree char *signature = nyl_webhook_signature_sign (plain, "whsec-old");

  g_assert_false (g_bytes_equal (plain, compressed));

  /* Signed over the JSON, delivered gzipped. */
  assert_verdict (compressed, signature, TRUE, one_secret, NYL_WEBHOOK_VERDICT_VALID, 0);
  /* Without Content-Encoding: gzip the compressed bytes are taken as they are. */
  assert_verdict (compressed, signature, FALSE, one_secret, NYL_WEBHOOK_VERDICT_MISMATCH, -1);

  /* Bytes from the gzip tool, signature from openssl. */
  {
    g_autoptr(GBytes) tool = g_bytes_new_static (gzip_tool_output, sizeof gzip_tool_output);

    assert_verdict (tool, GZIP_TOOL_PLAIN_HMAC, TRUE, one_secret, NYL_WEBHOOK_VERDICT_VALID, 0);
  }
}

static void
test_gzip_over_raw (void)
{
  g_autoptr(GBytes) plain = bytes_from_string (DELIVERY);
  g_autoptr(GBytes) compressed = nyl_gzip_compress (plain);
  g_autofree char *signature = nyl_webhook_signature_sign (compressed, "whsec-new");

  /* Signed over the compressed wire bytes. */
  assert_verdict (compressed, signature, TRUE, rotation, NYL_WEBHOOK_VERDICT_VALID, 1);
  assert_verdict (compressed, signature, FALSE, rotation, NYL_WEBHOOK_VERDICT_VALID, 1);
}

static void
test_gzip_garbage (void)
{
  g_autoptr(GBytes) garbage = bytes_from_string ("this is not gzip data");
  g_autoptr(GBytes) plain = bytes_from_string (DELIVERY);
  g_autoptr(GBytes) compressed = nyl_gzip_compress (plain);
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (compressed, 0,
                                                        g_bytes_get_size (compressed) - 6);
  g_autofree char *plain_signature = nyl_webhook_signature_sign (plain, "whsec-old");
  g_autofree char *garbage_signature = nyl_webhook_signature_sign (garbage, "whsec-old");

  assert_verdict (garbage, plain_signature, TRUE, one_secret, NYL_WEBHOOK_VERDICT_GZIP_ERROR, -1);
  assert_verdict (truncated, plain_signature, TRUE, one_secret,
                  NYL_WEBHOOK_VERDICT_GZIP_ERROR, -1);

  /* A match on the raw bytes needs no gunzip. */
  assert_verdict (garbage, garbage_signature, TRUE, one_secret, NYL_WEBHOOK_VERDICT_VALID, 0);
}

static void
test_rotation (void)
{
  g_autoptr(GBytes) body = bytes_from_string (DELIVERY);
  g_autoptr(GBytes) compressed = nyl_gzip_compress (body);
  g_autofree char *old_signature = nyl_webhook_signature_sign (body, "whsec-old");
  g_autofree char *new_signature = nyl_webhook_signature_sign (body, "whsec-new");
  g_autofree char *stale_signature = nyl_webhook_signature_sign (body, "whsec-older");
  const char * const with_empty[] = { "", "whsec-new", NULL };

  assert_verdict (body, old_signature, FALSE, rotation, NYL_WEBHOOK_VERDICT_VALID, 0);
  assert_verdict (body, new_signature, FALSE, rotation, NYL_WEBHOOK_VERDICT_VALID, 1);
  assert_verdict (body, stale_signature, FALSE, rotation, NYL_WEBHOOK_VERDICT_MISMATCH, -1);

  /* The second secret over the gunzipped body. */
  assert_verdict (compressed, new_signature, TRUE, rotation, NYL_WEBHOOK_VERDICT_VALID, 1);

  /* Indexes refer to the list as given, empty entries included. */
  assert_verdict (body, new_signature, FALSE, with_empty, NYL_WEBHOOK_VERDICT_VALID, 1);
}

static void
test_no_secret (void)
{
  g_autoptr(GBytes) body = bytes_from_string (DELIVERY);
  g_autofree char *signature = nyl_webhook_signature_sign (body, "whsec-old");
  const char * const empty_list[] = { NULL };
  const char * const only_empty[] = { "", NULL };

  assert_verdict (body, signature, FALSE, NULL, NYL_WEBHOOK_VERDICT_NO_SECRET, -1);
  assert_verdict (body, signature, FALSE, empty_list, NYL_WEBHOOK_VERDICT_NO_SECRET, -1);
  assert_verdict (body, signature, TRUE, only_empty, NYL_WEBHOOK_VERDICT_NO_SECRET, -1);
}

static void
test_empty_body (void)
{
  g_autoptr(GBytes) body = g_bytes_new (NULL, 0);
  g_autofree char *signature = nyl_webhook_signature_sign (body, "whsec-old");

  assert_verdict (body, signature, FALSE, one_secret, NYL_WEBHOOK_VERDICT_VALID, 0);
}

static void
test_verdict_names (void)
{
  static const char * const nicks[] = {
    "valid", "no-header", "malformed-hex", "mismatch", "gzip-error", "no-secret",
  };
  g_autoptr(GHashTable) reasons = g_hash_table_new (g_str_hash, g_str_equal);

  for (int v = NYL_WEBHOOK_VERDICT_VALID; v <= NYL_WEBHOOK_VERDICT_NO_SECRET; v++)
    {
      const char *reason = nyl_webhook_verdict_to_string (v);

      g_assert_cmpstr (nyl_webhook_verdict_to_nick (v), ==, nicks[v]);
      g_assert_nonnull (reason);
      g_assert_cmpstr (reason, !=, "");
      g_assert_false (g_hash_table_contains (reasons, reason));
      g_hash_table_add (reasons, (gpointer) reason);
    }

  g_assert_cmpstr (nyl_webhook_verdict_to_string (NYL_WEBHOOK_VERDICT_MISMATCH), ==,
                   "signature does not match any secret");
}

static void
test_gzip_round_trip (void)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) compressed = NULL;
  g_autoptr(GBytes) restored = NULL;
  g_autoptr(GError) error = NULL;
  guint32 state = 42;

  /* 200 KiB, more than one converter buffer each way, half of it compressible. */
  for (int i = 0; i < 200 * 1024; i++)
    {
      state = state * 1103515245 + 12345;
      g_byte_array_append (data, (guint8[]) { i % 2 ? (guint8) (state >> 16) : 'a' }, 1);
    }
  original = g_byte_array_free_to_bytes (g_steal_pointer (&data));

  compressed = nyl_gzip_compress (original);
  g_assert_cmpuint (g_bytes_get_size (compressed), <, g_bytes_get_size (original));
  g_assert_cmpuint (((const guint8 *) g_bytes_get_data (compressed, NULL))[0], ==, 0x1f);
  g_assert_cmpuint (((const guint8 *) g_bytes_get_data (compressed, NULL))[1], ==, 0x8b);

  restored = nyl_gzip_decompress (compressed, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (restored, original));
  g_clear_pointer (&restored, g_bytes_unref);

  /* Exactly at the limit is fine; one byte below is not. */
  restored = nyl_gzip_decompress (compressed, g_bytes_get_size (original), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (restored, original));

  g_assert_null (nyl_gzip_decompress (compressed, g_bytes_get_size (original) - 1, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_BODY_TOO_LARGE);
}

static void
test_gzip_empty (void)
{
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GBytes) compressed = nyl_gzip_compress (empty);
  g_autoptr(GBytes) restored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_bytes_get_size (compressed), >, 0);
  restored = nyl_gzip_decompress (compressed, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (restored), ==, 0);

  /* But no bytes at all are not a gzip stream. */
  g_assert_null (nyl_gzip_decompress (empty, 0, &error));
  g_assert_nonnull (error);
}

static void
test_gzip_tool_interop (void)
{
  g_autoptr(GBytes) tool = g_bytes_new_static (gzip_tool_output, sizeof gzip_tool_output);
  g_autoptr(GBytes) restored = NULL;
  g_autoptr(GError) error = NULL;

  restored = nyl_gzip_decompress (tool, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (restored, NULL), g_bytes_get_size (restored),
                   "{\"type\":\"grant.created\"}", 24);
}

static void
test_gzip_bad_input (void)
{
  g_autoptr(GBytes) plain = bytes_from_string (DELIVERY);
  g_autoptr(GBytes) compressed = nyl_gzip_compress (plain);
  g_autoptr(GByteArray) trailing = g_byte_array_new ();
  g_autoptr(GByteArray) corrupt = g_byte_array_new ();
  g_autoptr(GBytes) trailing_bytes = NULL;
  g_autoptr(GBytes) corrupt_bytes = NULL;
  g_autoptr(GBytes) garbage = bytes_from_string ("plain text, not gzip");
  g_autoptr(GError) error = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (compressed, &size);

  g_assert_null (nyl_gzip_decompress (garbage, 0, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Junk after the end of the stream. */
  g_byte_array_append (trailing, data, size);
  g_byte_array_append (trailing, (const guint8 *) "junk", 4);
  trailing_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&trailing));
  g_assert_null (nyl_gzip_decompress (trailing_bytes, 0, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* A flipped bit in the CRC. */
  g_byte_array_append (corrupt, data, size);
  corrupt->data[size - 8] ^= 0x01;
  corrupt_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&corrupt));
  g_assert_null (nyl_gzip_decompress (corrupt_bytes, 0, &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/api/webhook-signature/sign-rfc4231", test_sign_rfc4231);
  g_test_add_func ("/api/webhook-signature/valid", test_valid);
  g_test_add_func ("/api/webhook-signature/forged", test_forged);
  g_test_add_func ("/api/webhook-signature/upper-case-hex", test_upper_case_hex);
  g_test_add_func ("/api/webhook-signature/whitespace-and-prefix", test_whitespace_and_prefix);
  g_test_add_func ("/api/webhook-signature/malformed-hex", test_malformed_hex);
  g_test_add_func ("/api/webhook-signature/no-header", test_no_header);
  g_test_add_func ("/api/webhook-signature/gzip-over-gunzipped", test_gzip_over_gunzipped);
  g_test_add_func ("/api/webhook-signature/gzip-over-raw", test_gzip_over_raw);
  g_test_add_func ("/api/webhook-signature/gzip-garbage", test_gzip_garbage);
  g_test_add_func ("/api/webhook-signature/rotation", test_rotation);
  g_test_add_func ("/api/webhook-signature/no-secret", test_no_secret);
  g_test_add_func ("/api/webhook-signature/empty-body", test_empty_body);
  g_test_add_func ("/api/webhook-signature/verdict-names", test_verdict_names);
  g_test_add_func ("/api/gzip/round-trip", test_gzip_round_trip);
  g_test_add_func ("/api/gzip/empty", test_gzip_empty);
  g_test_add_func ("/api/gzip/tool-interop", test_gzip_tool_interop);
  g_test_add_func ("/api/gzip/bad-input", test_gzip_bad_input);

  return g_test_run ();
}
