/* test-service-account.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nyl-api-error.h"
#include "nyl-canonical-json.h"
#include "nyl-service-account.h"

/* nylas-api.md §4.6 */
#define VECTOR_TIMESTAMP 1742932766
#define VECTOR_KEY_ID    "test-key-id-0001"
#define VECTOR_APP_PATH  "/v3/admin/applications/ad410018-d306-43f9-8361-fa5d7b2172e0/api-keys"

typedef struct
{
  const char *name;
  const char *method;
  const char *path;
  const char *body;       /* logical body, canonicalized by the test */
  const char *nonce;
  const char *envelope;
  gsize       envelope_length;
  const char *envelope_sha256;
  const char *signature;
} Vector;

static const Vector vectors[] = {
  {
    "A: create API key",
    "POST", VECTOR_APP_PATH,
    "{\"name\":\"example-key\",\"expires_in\":30}",
    "AbCdEfGhIjKlMnOpQrSt",
    "{\"method\":\"post\",\"nonce\":\"AbCdEfGhIjKlMnOpQrSt\",\"path\":\"/v3/admin/applications/"
    "ad410018-d306-43f9-8361-fa5d7b2172e0/api-keys\",\"payload\":\"{\\\"expires_in\\\":30,"
    "\\\"name\\\":\\\"example-key\\\"}\",\"timestamp\":1742932766}",
    206,
    "44f4d89f7121c9a99459687f90824c4cc8ba1f648ab14e15e8182a8c52c23053",
    "ZFxBCqCc/NtkrhQMZywi0NIK7uIKZiNiHFc3wO9rQJMYoiFhpievPMCmk5zNedgbyfEuDkL/Gf1ilcPzHT7gqfDpZSkW9+"
    "0qvWU5SDG5SquHyFi1/ZOUEdUK2t2oCYEYvXdw7Gvnq2v56tkMNYHoVUvUh8wu6nJVb/naBB+FRtmp/5TdbKDmg8iJXTzz"
    "UegUx2m631mK+xWJMHBjQRESI9cjOokoP1I7VPFrNLXuqtHIgOdr0HswTttRf7GBoTDn0E3aUkKUIDtV2y7KYgkt4I84V7"
    "wmycgOchEXo6J3haCEb8e+fd+v0Lq5Y19f0db14l9A05BvkU5zb4jhSNED5g==",
  },
  {
    "B: list API keys",
    "GET", VECTOR_APP_PATH,
    NULL,
    "ZyXwVuTsRqPoNmLkJiHg",
    "{\"method\":\"get\",\"nonce\":\"ZyXwVuTsRqPoNmLkJiHg\",\"path\":\"/v3/admin/applications/"
    "ad410018-d306-43f9-8361-fa5d7b2172e0/api-keys\",\"timestamp\":1742932766}",
    148,
    "4336aafdf0172ed16aa3f14abb31115627a01cbd811ea89f1ddefbddcc3d3370",
    "kHQ1+X/VSDKSkKr1SQ014bj5GjYtG8vFiiFlmhvFDvTpybE1qXzpFJYhUCmLrKhllr+uYmQ5gdBHztPMu9APN/AglsBD2f"
    "bqkkLGRRu09zCsKGSO4mIHP++0HZFlW2PcH09gkzkar0ICHEeUjlxlRfOqpkd6WU3dmkNive1RfbO9zGP79ijeWelmt7Cr"
    "Q0yPuHGv/2cZ5BsHXPhwk3kXAOCPVz6N8Pb1Pv8K+LXFU0Sq8wWYmjoyVkiKacM9C9YeOY6fxOI1jBvECNMG1iNbDykpta"
    "zY/AcwJUqBHIbx+zb52UT3w2CpOsART4I+sGcaq87T6GEBCVe5NQxZq4AjDw==",
  },
  {
    "C: delete API key",
    "DELETE", VECTOR_APP_PATH "/5f1c1a2b-0000-4000-8000-000000000001",
    NULL,
    "Q1w2E3r4T5y6U7i8O9p0",
    "{\"method\":\"delete\",\"nonce\":\"Q1w2E3r4T5y6U7i8O9p0\",\"path\":\"/v3/admin/applications/"
    "ad410018-d306-43f9-8361-fa5d7b2172e0/api-keys/5f1c1a2b-0000-4000-8000-000000000001\","
    "\"timestamp\":1742932766}",
    188,
    "9740619a9e10545e3f89172c21bdc028be75f5de8be1a38da25db733e8167a6b",
    "kMAUJd5WElcCqwS2D8wRyFbUFmwIFuNU4b5cqJWsFvG7HBBgcMeb3OyEVVv7BDsFFdormK02bA/bgNTehVK3K0RtqEgEIH"
    "9S3e3mWShDDvBPgIoNXRBIimHHwD5x0bRMMRICI5yEBL9oHMRH2ZMuGWqDCCXcGnN++9dVpB5B+J4J0MT4yvW157tbR+B1"
    "vBLDe7UuUwJy3no9+XwUjSXrXiR9FoZiJaBYuGj63yoTVUms1jgKwNBr2kF4eeDUMQ9VZ4c05E3TTZJIg3eAQZRX8UleDe"
    "+TFUHgkAy6SP1eI5tUavJPMGuLWYjFnYs7Ve33gNeZQJhax4NxlgW52bAfPQ==",
  },
};

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "service-account", name, NULL);
}

static char *
read_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static NylServiceAccount *
load_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  NylServiceAccount *account = nyl_service_account_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_true (NYL_IS_SERVICE_ACCOUNT (account));

  return account;
}

static char *
canonical_body (const char *body)
{
  g_autoptr(GError) error = NULL;
  char *canonical;

  if (body == NULL)
    return NULL;

  canonical = nyl_canonical_json_from_string (body, -1, &error);
  g_assert_no_error (error);

  return canonical;
}

static void
test_vector_envelopes (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      const Vector *v = &vectors[i];
      g_autofree char *body = canonical_body (v->body);
      g_autofree char *envelope = NULL;
      g_autofree char *sha256 = NULL;

      g_test_message ("Case %s", v->name);

      envelope = nyl_signing_envelope (v->method, v->path, body, VECTOR_TIMESTAMP, v->nonce);
      g_assert_cmpstr (envelope, ==, v->envelope);
      g_assert_cmpuint (strlen (envelope), ==, v->envelope_length);

      sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, envelope, -1);
      g_assert_cmpstr (sha256, ==, v->envelope_sha256);
    }

  /* The wire body of case A is 38 bytes of canonical JSON. */
  {
    g_autofree char *body = canonical_body (vectors[0].body);

    g_assert_cmpstr (body, ==, "{\"expires_in\":30,\"name\":\"example-key\"}");
    g_assert_cmpuint (strlen (body), ==, 38);
  }
}

static void
test_vector_signatures (void)
{
  g_autoptr(NylServiceAccount) account = load_fixture ("valid-pkcs1.json");
  g_autofree char *public_pem = read_fixture ("test-key.pub.pem");

  nyl_service_account_set_clock_for_testing (account, VECTOR_TIMESTAMP);

  for (gsize i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      const Vector *v = &vectors[i];
      g_autofree char *body = canonical_body (v->body);
      g_autoptr(NylSignedHeaders) headers = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("Case %s", v->name);

      nyl_service_account_set_nonce_for_testing (account, v->nonce);
      headers = nyl_service_account_sign (account, v->method, v->path, body, &error);
      g_assert_no_error (error);

      g_assert_cmpstr (headers->key_id, ==, VECTOR_KEY_ID);
      g_assert_cmpstr (headers->timestamp, ==, "1742932766");
      g_assert_cmpstr (headers->nonce, ==, v->nonce);
      g_assert_cmpstr (headers->signature, ==, v->signature);
      g_assert_cmpuint (strlen (headers->signature), ==, 344);

      g_assert_true (nyl_signature_verify (public_pem, v->envelope, v->signature, &error));
      g_assert_no_error (error);
    }
}

static void
test_method_case_and_query (void)
{
  g_autoptr(NylServiceAccount) account = load_fixture ("valid-pkcs1.json");
  g_autoptr(NylSignedHeaders) list = NULL;
  g_autoptr(NylSignedHeaders) delete = NULL;
  g_autoptr(GError) error = NULL;

  nyl_service_account_set_clock_for_testing (account, VECTOR_TIMESTAMP);

  /* Lower-case method, and a query string that must not be signed (case B). */
  nyl_service_account_set_nonce_for_testing (account, vectors[1].nonce);
  list = nyl_service_account_sign (account, "get", VECTOR_APP_PATH "?limit=5&page_token=abc",
                                   NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (list->signature, ==, vectors[1].signature);

  /* A body given with DELETE is not part of the envelope (case C). */
  nyl_service_account_set_nonce_for_testing (account, vectors[2].nonce);
  delete = nyl_service_account_sign (account, "Delete", vectors[2].path, "{\"x\":1}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (delete->signature, ==, vectors[2].signature);
}

static gboolean
is_alnum_string (const char *s)
{
  for (; *s != '\0'; s++)
    {
      if (!g_ascii_isalnum (*s))
        return FALSE;
    }
  return TRUE;
}

static void
test_fresh_nonce (void)
{
  g_autoptr(NylServiceAccount) account = load_fixture ("valid-pkcs1.json");
  g_autofree char *public_pem = nyl_service_account_dup_public_key_pem (account);
  g_autoptr(NylSignedHeaders) first = NULL;
  g_autoptr(NylSignedHeaders) second = NULL;
  g_autoptr(GError) error = NULL;
  NylSignedHeaders *both[2];
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  first = nyl_service_account_sign (account, "GET", "/v3/admin/domains", NULL, &error);
  g_assert_no_error (error);
  second = nyl_service_account_sign (account, "GET", "/v3/admin/domains", NULL, &error);
  g_assert_no_error (error);
  both[0] = first;
  both[1] = second;

  g_assert_cmpstr (first->nonce, !=, second->nonce);
  g_assert_cmpstr (first->signature, !=, second->signature);

  for (gsize i = 0; i < G_N_ELEMENTS (both); i++)
    {
      g_autofree char *envelope = NULL;
      gint64 timestamp;

      g_assert_cmpuint (strlen (both[i]->nonce), ==, 20);
      g_assert_true (is_alnum_string (both[i]->nonce));

      /* Seconds, not milliseconds, from the real clock. */
      timestamp = g_ascii_strtoll (both[i]->timestamp, NULL, 10);
      g_assert_cmpint (timestamp, >=, now - 300);
      g_assert_cmpint (timestamp, <=, now + 300);

      envelope = nyl_signing_envelope ("GET", "/v3/admin/domains", NULL, timestamp,
                                       both[i]->nonce);
      g_assert_true (nyl_signature_verify (public_pem, envelope, both[i]->signature, &error));
      g_assert_no_error (error);
    }

  /* Back to random nonces after a fixed one. */
  {
    g_autoptr(NylSignedHeaders) fixed = NULL;
    g_autoptr(NylSignedHeaders) random = NULL;

    nyl_service_account_set_nonce_for_testing (account, "FixedNonce0123456789");
    fixed = nyl_service_account_sign (account, "GET", "/v3/admin/domains", NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (fixed->nonce, ==, "FixedNonce0123456789");

    nyl_service_account_set_nonce_for_testing (account, NULL);
    random = nyl_service_account_sign (account, "GET", "/v3/admin/domains", NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (random->nonce, !=, "FixedNonce0123456789");
    g_assert_cmpuint (strlen (random->nonce), ==, 20);
  }
}

static void
test_empty_object_body (void)
{
  g_autoptr(NylServiceAccount) account = load_fixture ("valid-pkcs1.json");
  g_autofree char *public_pem = read_fixture ("test-key.pub.pem");
  g_autofree char *body = canonical_body (" { } ");
  g_autofree char *envelope = NULL;
  g_autoptr(NylSignedHeaders) headers = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (body, ==, "{}");

  envelope = nyl_signing_envelope ("PATCH", "/v3/admin/domains/d1", body, 100, "n");
  g_assert_cmpstr (envelope, ==,
                   "{\"method\":\"patch\",\"nonce\":\"n\",\"path\":\"/v3/admin/domains/d1\","
                   "\"payload\":\"{}\",\"timestamp\":100}");

  nyl_service_account_set_clock_for_testing (account, 100);
  nyl_service_account_set_nonce_for_testing (account, "n");
  headers = nyl_service_account_sign (account, "PATCH", "/v3/admin/domains/d1", body, &error);
  g_assert_no_error (error);
  g_assert_true (nyl_signature_verify (public_pem, envelope, headers->signature, &error));
  g_assert_no_error (error);

  /* The Node SDK's domain-creation example (nylas-api.md §4.6, last paragraph). */
  {
    g_autofree char *domain = canonical_body ("{\"name\":\"My transactional domain\","
                                              "\"domain_address\":\"mail.example.com\"}");

    g_clear_pointer (&envelope, g_free);
    envelope = nyl_signing_envelope ("POST", "/v3/admin/domains", domain, VECTOR_TIMESTAMP,
                                     "nonce-1234567890123456");
    g_assert_cmpstr (envelope, ==,
                     "{\"method\":\"post\",\"nonce\":\"nonce-1234567890123456\","
                     "\"path\":\"/v3/admin/domains\",\"payload\":\"{\\\"domain_address\\\":"
                     "\\\"mail.example.com\\\",\\\"name\\\":\\\"My transactional domain\\\"}\","
                     "\"timestamp\":1742932766}");
  }
}

static void
test_bad_path (void)
{
  g_autoptr(NylServiceAccount) account = load_fixture ("valid-pkcs1.json");
  g_autoptr(NylSignedHeaders) headers = NULL;
  g_autoptr(GError) error = NULL;

  headers = nyl_service_account_sign (account, "GET",
                                      "https://api.us.nylas.com/v3/admin/domains", NULL, &error);
  g_assert_null (headers);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
}

static void
test_key_formats (void)
{
  const char *files[] = { "valid-pkcs1.json", "valid-pkcs8.json", "valid-base64.json" };
  g_autofree char *public_pem = read_fixture ("test-key.pub.pem");

  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(NylServiceAccount) account = load_fixture (files[i]);
      g_autofree char *body = canonical_body (vectors[0].body);
      g_autofree char *pem = nyl_service_account_dup_public_key_pem (account);
      g_autoptr(NylSignedHeaders) headers = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("Key file %s", files[i]);

      g_assert_cmpstr (nyl_service_account_get_key_id (account), ==, VECTOR_KEY_ID);
      g_assert_cmpstr (nyl_service_account_get_organization_id (account), ==,
                       "9a1c0a6e-0000-4000-8000-00000000beef");
      g_assert_cmpstr (pem, ==, public_pem);

      nyl_service_account_set_clock_for_testing (account, VECTOR_TIMESTAMP);
      nyl_service_account_set_nonce_for_testing (account, vectors[0].nonce);
      headers = nyl_service_account_sign (account, "POST", vectors[0].path, body, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (headers->signature, ==, vectors[0].signature);
    }
}

static void
test_optional_fields (void)
{
  g_autoptr(NylServiceAccount) full = load_fixture ("valid-pkcs1.json");
  g_autoptr(NylServiceAccount) bare = load_fixture ("valid-base64.json");
  const char * const *permissions;

  g_assert_cmpstr (nyl_service_account_get_name (full), ==, "Test Service Account");
  g_assert_cmpstr (nyl_service_account_get_region (full), ==, "us");
  permissions = nyl_service_account_get_permissions (full);
  g_assert_nonnull (permissions);
  g_assert_cmpuint (g_strv_length ((char **) permissions), ==, 3);
  g_assert_cmpstr (permissions[0], ==, "apikey.create");
  g_assert_cmpstr (permissions[2], ==, "apikey.get");

  g_assert_null (nyl_service_account_get_name (bare));
  g_assert_cmpstr (nyl_service_account_get_region (bare), ==, "eu");
  permissions = nyl_service_account_get_permissions (bare);
  g_assert_nonnull (permissions);
  g_assert_null (permissions[0]);
}

typedef struct
{
  const char *file;
  const char *fragment;   /* a part of the message only this failure has */
} BadFile;

static const BadFile bad_files[] = {
  { "bad-not-json.json", "not valid JSON" },
  { "bad-not-object.json", "does not hold a JSON object" },
  { "bad-wrong-type.json", "“service_account”" },
  { "bad-missing-private-key.json", "no “private_key” field" },
  { "bad-region.json", "region “ap”" },
  { "bad-1024-bit.json", "only 1024 bits" },
  { "bad-ec-key.json", "is a EC key" },
  { "bad-encrypted.json", "passphrase" },
  { "bad-public-key.json", "public key or certificate" },
  { "bad-corrupt-pem.json", "not a valid PEM private key" },
  { "bad-base64-not-pem.json", "does not decode to a PEM key" },
  { "bad-not-base64.json", "neither PEM nor base64" },
};

static void
test_bad_files (void)
{
  g_autoptr(GHashTable) messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = fixture_path (bad_files[i].file);
      g_autofree char *contents = read_fixture (bad_files[i].file);
      g_autoptr(NylServiceAccount) account = NULL;
      g_autoptr(NylServiceAccount) from_data = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) data_error = NULL;

      g_test_message ("Bad file %s", bad_files[i].file);

      account = nyl_service_account_new_from_file (path, &error);
      g_assert_null (account);
      g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS);
      g_assert_nonnull (strstr (error->message, bad_files[i].fragment));

      /* The message is its own: no two failures read the same. */
      g_assert_false (g_hash_table_contains (messages, error->message));
      g_hash_table_add (messages, g_strdup (error->message));

      from_data = nyl_service_account_new_from_data (contents, -1, &data_error);
      g_assert_null (from_data);
      g_assert_error (data_error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS);
      g_assert_cmpstr (data_error->message, ==, error->message);
    }
}

/* The valid file with one member replaced (or removed when @value is NULL). */
static char *
edit_valid_file (const char *member,
                 JsonNode   *value)
{
  g_autofree char *contents = read_fixture ("valid-pkcs1.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  json_parser_load_from_data (parser, contents, -1, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));

  if (value != NULL)
    json_object_set_member (object, member, value);
  else
    json_object_remove_member (object, member);

  return json_to_string (json_parser_get_root (parser), FALSE);
}

static void
assert_edit_rejected (const char *member,
                      JsonNode   *value,
                      const char *fragment)
{
  g_autofree char *data = edit_valid_file (member, value);
  g_autoptr(NylServiceAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  g_test_message ("Member %s, expecting “%s”", member, fragment);

  account = nyl_service_account_new_from_data (data, -1, &error);
  g_assert_null (account);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS);
  g_assert_nonnull (strstr (error->message, fragment));
}

static void
test_missing_and_mistyped_fields (void)
{
  const char *required[] = { "private_key_id", "private_key", "organization_id", "region" };

  assert_edit_rejected ("type", NULL, "“service_account”");

  for (gsize i = 0; i < G_N_ELEMENTS (required); i++)
    {
      g_autofree char *missing = g_strdup_printf ("has no “%s” field", required[i]);
      g_autofree char *mistyped = g_strdup_printf ("“%s” field is not a string", required[i]);
      g_autofree char *empty = g_strdup_printf ("“%s” field is empty", required[i]);

      assert_edit_rejected (required[i], NULL, missing);
      assert_edit_rejected (required[i], json_node_init_null (json_node_alloc ()), missing);
      assert_edit_rejected (required[i], json_node_init_int (json_node_alloc (), 7), mistyped);
      assert_edit_rejected (required[i], json_node_init_string (json_node_alloc (), ""), empty);
    }

  assert_edit_rejected ("name", json_node_init_int (json_node_alloc (), 1),
                        "“name” field is not a string");
  assert_edit_rejected ("permissions", json_node_init_string (json_node_alloc (), "apikey.get"),
                        "“permissions” field is not a list");
  {
    g_autoptr(JsonArray) array = json_array_new ();

    json_array_add_string_element (array, "apikey.get");
    json_array_add_int_element (array, 3);
    assert_edit_rejected ("permissions", json_node_init_array (json_node_alloc (), array),
                          "“permissions” list holds something other than text");
  }
}

static void
test_missing_file (void)
{
  g_autofree char *path = fixture_path ("no-such-file.json");
  g_autoptr(NylServiceAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  account = nyl_service_account_new_from_file (path, &error);
  g_assert_null (account);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS);
  g_assert_nonnull (strstr (error->message, "Could not read"));
}

static void
test_escaped_newlines (void)
{
  /* A PEM whose newlines arrived as literal "\n" sequences still loads. */
  g_autofree char *pem = read_fixture ("test-key.pem");
  g_auto(GStrv) lines = g_strsplit (pem, "\n", -1);
  g_autofree char *flat = g_strjoinv ("\\n", lines);
  g_autoptr(NylServiceAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  data = edit_valid_file ("private_key", json_node_init_string (json_node_alloc (), flat));
  account = nyl_service_account_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  g_assert_true (NYL_IS_SERVICE_ACCOUNT (account));
}

static void
test_generate_round_trip (void)
{
  g_autoptr(NylServiceAccount) generated = NULL;
  g_autoptr(NylServiceAccount) reloaded = NULL;
  g_autoptr(NylSignedHeaders) headers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *public_pem = NULL;
  g_autofree char *reloaded_pem = NULL;
  g_autofree char *envelope = NULL;
  g_autofree char *body = canonical_body ("{\"name\":\"k\",\"expires_in\":1}");

  generated = nyl_service_account_generate ("Sandbox", "kid-1", "org-1", "eu", &error);
  g_assert_no_error (error);
  g_assert_true (NYL_IS_SERVICE_ACCOUNT (generated));
  g_assert_cmpstr (nyl_service_account_get_name (generated), ==, "Sandbox");
  g_assert_cmpstr (nyl_service_account_get_key_id (generated), ==, "kid-1");
  g_assert_cmpstr (nyl_service_account_get_organization_id (generated), ==, "org-1");
  g_assert_cmpstr (nyl_service_account_get_region (generated), ==, "eu");
  g_assert_nonnull (nyl_service_account_get_permissions (generated));

  json = nyl_service_account_to_json (generated);
  g_assert_nonnull (strstr (json, "\"service_account\""));
  g_assert_nonnull (strstr (json, "-----BEGIN PRIVATE KEY-----"));

  /* The loader insists on RSA >= 2048 bits, so this also checks the key size. */
  reloaded = nyl_service_account_new_from_data (json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nyl_service_account_get_name (reloaded), ==, "Sandbox");
  g_assert_cmpstr (nyl_service_account_get_key_id (reloaded), ==, "kid-1");
  g_assert_cmpstr (nyl_service_account_get_organization_id (reloaded), ==, "org-1");
  g_assert_cmpstr (nyl_service_account_get_region (reloaded), ==, "eu");
  g_assert_true (g_strv_equal (nyl_service_account_get_permissions (reloaded),
                               nyl_service_account_get_permissions (generated)));

  public_pem = nyl_service_account_dup_public_key_pem (generated);
  reloaded_pem = nyl_service_account_dup_public_key_pem (reloaded);
  g_assert_true (g_str_has_prefix (public_pem, "-----BEGIN PUBLIC KEY-----\n"));
  g_assert_cmpstr (public_pem, ==, reloaded_pem);

  /* Signed by the reloaded copy, verified with the original's public key. */
  nyl_service_account_set_clock_for_testing (reloaded, 1000);
  nyl_service_account_set_nonce_for_testing (reloaded, "RoundTripNonce000000");
  headers = nyl_service_account_sign (reloaded, "POST", "/v3/admin/applications/a/api-keys",
                                      body, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (headers->key_id, ==, "kid-1");

  envelope = nyl_signing_envelope ("POST", "/v3/admin/applications/a/api-keys", body, 1000,
                                   "RoundTripNonce000000");
  g_assert_true (nyl_signature_verify (public_pem, envelope, headers->signature, &error));
  g_assert_no_error (error);

  /* Another key does not verify it. */
  {
    g_autofree char *other_pem = read_fixture ("test-key.pub.pem");

    g_assert_false (nyl_signature_verify (other_pem, envelope, headers->signature, &error));
    g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_UNAUTHORIZED);
  }
}

static void
test_generate_bad_region (void)
{
  g_autoptr(NylServiceAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  account = nyl_service_account_generate (NULL, "kid", "org", "asia", &error);
  g_assert_null (account);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS);
}

static void
test_to_json_keeps_key (void)
{
  g_autoptr(NylServiceAccount) account = load_fixture ("valid-pkcs1.json");
  g_autoptr(NylServiceAccount) reloaded = NULL;
  g_autoptr(NylSignedHeaders) headers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = nyl_service_account_to_json (account);
  g_autofree char *body = canonical_body (vectors[0].body);

  reloaded = nyl_service_account_new_from_data (json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nyl_service_account_get_name (reloaded), ==, "Test Service Account");

  nyl_service_account_set_clock_for_testing (reloaded, VECTOR_TIMESTAMP);
  nyl_service_account_set_nonce_for_testing (reloaded, vectors[0].nonce);
  headers = nyl_service_account_sign (reloaded, "POST", vectors[0].path, body, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (headers->signature, ==, vectors[0].signature);
}

static void
test_verify_rejects (void)
{
  g_autofree char *public_pem = read_fixture ("test-key.pub.pem");
  const Vector *v = &vectors[0];
  g_autoptr(GError) error = NULL;
  g_autofree char *tampered = g_strdup (v->envelope);
  g_autofree char *bad_signature = g_strdup (v->signature);
  char *digit;

  /* One changed byte in the envelope: expires_in 30 → 31. */
  digit = strstr (tampered, "30");
  g_assert_nonnull (digit);
  digit[1] = '1';
  g_assert_false (nyl_signature_verify (public_pem, tampered, v->signature, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_UNAUTHORIZED);
  g_clear_error (&error);

  /* A different timestamp. */
  g_assert_false (nyl_signature_verify (public_pem, vectors[1].envelope, vectors[2].signature,
                                        &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_UNAUTHORIZED);
  g_clear_error (&error);

  /* One changed character in the signature, still valid base64. */
  bad_signature[10] = bad_signature[10] == 'A' ? 'B' : 'A';
  g_assert_false (nyl_signature_verify (public_pem, v->envelope, bad_signature, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_UNAUTHORIZED);
  g_clear_error (&error);

  /* Valid base64 of the wrong length. */
  g_assert_false (nyl_signature_verify (public_pem, v->envelope, "AAAA", &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_UNAUTHORIZED);
  g_clear_error (&error);

  /* Not base64. */
  g_assert_false (nyl_signature_verify (public_pem, v->envelope, "not*base64!", &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS);
  g_clear_error (&error);
  g_assert_false (nyl_signature_verify (public_pem, v->envelope, "", &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS);
  g_clear_error (&error);

  /* Not a public key. */
  g_assert_false (nyl_signature_verify ("-----BEGIN PUBLIC KEY-----\nAAAA\n"
                                        "-----END PUBLIC KEY-----\n",
                                        v->envelope, v->signature, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS);
  g_clear_error (&error);

  /* Surrounding whitespace in the header value is tolerated. */
  {
    g_autofree char *padded = g_strconcat ("  ", v->signature, "\r\n", NULL);

    g_assert_true (nyl_signature_verify (public_pem, v->envelope, padded, &error));
    g_assert_no_error (error);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/api/service-account/vector-envelopes", test_vector_envelopes);
  g_test_add_func ("/api/service-account/vector-signatures", test_vector_signatures);
  g_test_add_func ("/api/service-account/method-case-and-query", test_method_case_and_query);
  g_test_add_func ("/api/service-account/fresh-nonce", test_fresh_nonce);
  g_test_add_func ("/api/service-account/empty-object-body", test_empty_object_body);
  g_test_add_func ("/api/service-account/bad-path", test_bad_path);
  g_test_add_func ("/api/service-account/key-formats", test_key_formats);
  g_test_add_func ("/api/service-account/optional-fields", test_optional_fields);
  g_test_add_func ("/api/service-account/bad-files", test_bad_files);
  g_test_add_func ("/api/service-account/missing-and-mistyped-fields",
                   test_missing_and_mistyped_fields);
  g_test_add_func ("/api/service-account/missing-file", test_missing_file);
  g_test_add_func ("/api/service-account/escaped-newlines", test_escaped_newlines);
  g_test_add_func ("/api/service-account/generate-round-trip", test_generate_round_trip);
  g_test_add_func ("/api/service-account/generate-bad-region", test_generate_bad_region);
  g_test_add_func ("/api/service-account/to-json-keeps-key", test_to_json_keeps_key);
  g_test_add_func ("/api/service-account/verify-rejects", test_verify_rejects);

  return g_test_run ();
}
