/* nyl-webhook-signature.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-webhook-signature"

#include "config.h"

#include "nyl-webhook-signature.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "nyl-api-error.h"

#define DIGEST_SIZE 32  /* SHA-256 */

/* A delivery is a JSON document; no real one decompresses to anything near this. */
#define MAX_GUNZIPPED_SIZE (64 * 1024 * 1024)

/**
 * nyl_webhook_signature_sign:
 * @body: the raw request body
 * @secret: the destination's `webhook_secret`
 *
 * Computes the `x-nylas-signature` of a delivery (nylas-api.md §9.5).
 *
 * Returns: (transfer full): 64 lower-case hex digits of HMAC-SHA256(@secret, @body)
 */
char *
nyl_webhook_signature_sign (GBytes     *body,
                            const char *secret)
{
  g_autoptr(GBytes) key = NULL;

  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (secret != NULL, NULL);

  key = g_bytes_new_static (secret, strlen (secret));

  return g_compute_hmac_for_bytes (G_CHECKSUM_SHA256, key, body);
}

static void
compute_hmac (const char   *secret,
              const guchar *data,
              gsize         length,
              guint8        digest[DIGEST_SIZE])
{
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) secret, strlen (secret));
  gsize digest_len = DIGEST_SIZE;

  g_hmac_update (hmac, data, length);
  g_hmac_get_digest (hmac, digest, &digest_len);
  g_assert (digest_len == DIGEST_SIZE);
}

/* Compares every byte, whatever the first difference: the time taken says nothing about
 * how much of a forged signature was right. */
static gboolean
digests_equal (const guint8 a[DIGEST_SIZE],
               const guint8 b[DIGEST_SIZE])
{
  volatile guint8 diff = 0;

  for (gsize i = 0; i < DIGEST_SIZE; i++)
    diff |= a[i] ^ b[i];

  return diff == 0;
}

/* Index of the first secret whose HMAC over @data equals @expected, else -1. Every secret is
 * tried, so the time does not depend on which one matched. */
static int
match_secrets (const char * const *secrets,
               const guint8        expected[DIGEST_SIZE],
               const guchar       *data,
               gsize               length)
{
  int matched = -1;

  for (int i = 0; secrets[i] != NULL; i++)
    {
      guint8 digest[DIGEST_SIZE];

      if (secrets[i][0] == '\0')
        continue;

      compute_hmac (secrets[i], data, length, digest);
      if (digests_equal (digest, expected) && matched < 0)
        matched = i;
    }

  return matched;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Parses the header into a digest. The header may carry a "sha256=" prefix, as some
 * stacks add one. */
static gboolean
parse_signature (const char *header,
                 gsize       length,
                 guint8      digest[DIGEST_SIZE])
{
  if (length > 7 && g_ascii_strncasecmp (header, "sha256=", 7) == 0)
    {
      header += 7;
      length -= 7;
    }

  if (length != DIGEST_SIZE * 2)
    return FALSE;

  for (gsize i = 0; i < DIGEST_SIZE; i++)
    {
      int hi = hex_value (header[2 * i]);
      int lo = hex_value (header[2 * i + 1]);

      if (hi < 0 || lo < 0)
        return FALSE;

      digest[i] = (guint8) ((hi << 4) | lo);
    }

  return TRUE;
}

static gboolean
has_secret (const char * const *secrets)
{
  if (secrets == NULL)
    return FALSE;

  for (gsize i = 0; secrets[i] != NULL; i++)
    {
      if (secrets[i][0] != '\0')
        return TRUE;
    }

  return FALSE;
}

/**
 * nyl_webhook_signature_verify:
 * @body: the raw request body, as received
 * @signature_header: (nullable): the `x-nylas-signature` header value
 * @gzip_encoded: whether the delivery came with `Content-Encoding: gzip`
 * @secrets: (nullable) (array zero-terminated=1): the accepted secrets, old
 *   and new during a rotation window; empty strings are ignored
 * @matched_index: (out) (optional): the index in @secrets of the secret that
 *   matched, else -1
 *
 * Verifies a delivery's signature in constant time (nylas-api.md §9.5). Which
 * bytes Nylas signs for a compressed delivery is not documented, so a
 * gzip-encoded body is accepted when the HMAC covers either the raw bytes or
 * the gunzipped bytes.
 *
 * Returns: the verdict
 */
NylWebhookVerdict
nyl_webhook_signature_verify (GBytes             *body,
                              const char         *signature_header,
                              gboolean            gzip_encoded,
                              const char * const *secrets,
                              int                *matched_index)
{
  g_autoptr(GBytes) gunzipped = NULL;
  g_autoptr(GError) error = NULL;
  guint8 expected[DIGEST_SIZE];
  const char *start;
  const char *end;
  const guchar *data;
  gsize length;
  int matched;

  if (matched_index != NULL)
    *matched_index = -1;

  g_return_val_if_fail (body != NULL, NYL_WEBHOOK_VERDICT_MISMATCH);

  if (signature_header == NULL)
    return NYL_WEBHOOK_VERDICT_NO_HEADER;

  start = signature_header;
  while (g_ascii_isspace (*start))
    start++;
  end = start + strlen (start);
  while (end > start && g_ascii_isspace (end[-1]))
    end--;

  if (end == start)
    return NYL_WEBHOOK_VERDICT_NO_HEADER;

  if (!parse_signature (start, end - start, expected))
    return NYL_WEBHOOK_VERDICT_MALFORMED_HEX;

  if (!has_secret (secrets))
    return NYL_WEBHOOK_VERDICT_NO_SECRET;

  data = g_bytes_get_data (body, &length);
  matched = match_secrets (secrets, expected, data, length);

  if (matched < 0 && gzip_encoded)
    {
      gunzipped = nyl_gzip_decompress (body, MAX_GUNZIPPED_SIZE, &error);
      if (gunzipped == NULL)
        {
          g_debug ("Could not gunzip a webhook delivery: %s", error->message);
          return NYL_WEBHOOK_VERDICT_GZIP_ERROR;
        }

      data = g_bytes_get_data (gunzipped, &length);
      matched = match_secrets (secrets, expected, data, length);
    }

  if (matched < 0)
    return NYL_WEBHOOK_VERDICT_MISMATCH;

  if (matched_index != NULL)
    *matched_index = matched;

  return NYL_WEBHOOK_VERDICT_VALID;
}

/**
 * nyl_webhook_verdict_to_string:
 * @verdict: a #NylWebhookVerdict
 *
 * Returns: a translated sentence for the inspector and `nylasctl`
 */
const char *
nyl_webhook_verdict_to_string (NylWebhookVerdict verdict)
{
  switch (verdict)
    {
    case NYL_WEBHOOK_VERDICT_VALID:
      return _("signature is valid");
    case NYL_WEBHOOK_VERDICT_NO_HEADER:
      return _("the delivery has no x-nylas-signature header");
    case NYL_WEBHOOK_VERDICT_MALFORMED_HEX:
      return _("the signature is not 64 hexadecimal digits");
    case NYL_WEBHOOK_VERDICT_MISMATCH:
      return _("signature does not match any secret");
    case NYL_WEBHOOK_VERDICT_GZIP_ERROR:
      return _("the body is marked as gzip but cannot be decompressed");
    case NYL_WEBHOOK_VERDICT_NO_SECRET:
      return _("no webhook secret is known to check the signature with");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * nyl_webhook_verdict_to_nick:
 * @verdict: a #NylWebhookVerdict
 *
 * Returns: a stable machine-readable name (`"valid"`, `"mismatch"`, …) for
 *   `--json` output
 */
const char *
nyl_webhook_verdict_to_nick (NylWebhookVerdict verdict)
{
  switch (verdict)
    {
    case NYL_WEBHOOK_VERDICT_VALID:         return "valid";
    case NYL_WEBHOOK_VERDICT_NO_HEADER:     return "no-header";
    case NYL_WEBHOOK_VERDICT_MALFORMED_HEX: return "malformed-hex";
    case NYL_WEBHOOK_VERDICT_MISMATCH:      return "mismatch";
    case NYL_WEBHOOK_VERDICT_GZIP_ERROR:    return "gzip-error";
    case NYL_WEBHOOK_VERDICT_NO_SECRET:     return "no-secret";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Runs @data through @converter in one go. @max_size 0 means no limit. */
static GBytes *
convert_all (GConverter *converter,
             GBytes     *data,
             gsize       max_size,
             GError    **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  const guchar *in;
  gsize in_left;

  in = g_bytes_get_data (data, &in_left);

  for (;;)
    {
      guchar buffer[16384];
      gsize bytes_read = 0;
      gsize bytes_written = 0;
      GConverterResult result;

      result = g_converter_convert (converter, in, in_left, buffer, sizeof buffer,
                                    G_CONVERTER_INPUT_AT_END,
                                    &bytes_read, &bytes_written, error);
      if (result == G_CONVERTER_ERROR)
        return NULL;

      in += bytes_read;
      in_left -= bytes_read;

      if (max_size > 0 && out->len + bytes_written > max_size)
        {
          g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_BODY_TOO_LARGE,
                       _("The decompressed body is larger than %" G_GSIZE_FORMAT " bytes"),
                       max_size);
          return NULL;
        }

      g_byte_array_append (out, buffer, bytes_written);

      if (result == G_CONVERTER_FINISHED)
        break;

      if (bytes_read == 0 && bytes_written == 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                               _("The compressed data ends too early"));
          return NULL;
        }
    }

  if (in_left > 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The compressed data is followed by unexpected bytes"));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/**
 * nyl_gzip_compress:
 * @data: bytes to compress
 *
 * Returns: (transfer full): @data in gzip format
 */
GBytes *
nyl_gzip_compress (GBytes *data)
{
  g_autoptr(GZlibCompressor) compressor = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *result;

  g_return_val_if_fail (data != NULL, NULL);

  compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  result = convert_all (G_CONVERTER (compressor), data, 0, &error);

  /* zlib cannot fail to compress a complete buffer held in memory. */
  if (result == NULL)
    g_error ("Could not gzip %" G_GSIZE_FORMAT " bytes: %s",
             g_bytes_get_size (data), error->message);

  return result;
}

/**
 * nyl_gzip_decompress:
 * @data: gzip-format bytes
 * @max_size: the largest decompressed size accepted, or 0 for no limit
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the decompressed bytes, or %NULL with a
 *   %G_IO_ERROR for data that is not one complete gzip stream, or
 *   %NYL_API_ERROR_BODY_TOO_LARGE beyond @max_size
 */
GBytes *
nyl_gzip_decompress (GBytes *data,
                     gsize   max_size,
                     GError **error)
{
  g_autoptr(GZlibDecompressor) decompressor = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);

  return convert_all (G_CONVERTER (decompressor), data, max_size, error);
}
