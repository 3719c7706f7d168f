/* sandbox-test-util.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Helpers shared by the sandbox tests: raw HTTP to the in-process sandbox with an async
 * SoupSession in the same thread (a sync send would deadlock). */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "nyl-canonical-json.h"
#include "nyl-sandbox-private.h"
#include "nyl-service-account.h"

/* The throw-away test key of nylas-api.md §4.6 (not a Nylas credential): no RSA key generation
 * in the tests. */
#define SBT_TEST_KEY \
  "-----BEGIN RSA PRIVATE KEY-----\n" \
  "MIIEowIBAAKCAQEA30iH3XtBuxd4l7MtpGLit6+B1rLZ+kvOUITr20CN7SduyX9S\n" \
  "MZM0+U4E2TVtxzRfFteFvdv/DkkQQFCSvSRpvpHbygHH/gqLzotEjQPMO3pa4vkG\n" \
  "aiK+N9uIpLH3Q1BraIvklY6TvZQbsBhekTXSdLmIyxYCQgEy5dM2rUs9g2YqQIXW\n" \
  "PpkmmGcNG/iwz2Wcr7IjCtAv3MxX3WH+fX4p+iNL8IQnN+XpUFVk80LPg9bJedcU\n" \
  "pEVaYE9UC7gmgCvvlYKqO9XRnqxAzROVwA1dcDdIsE/vWpQylYpnuLvNoKpu0l/d\n" \
  "6Dbfl4a0TIKqno9Pxh8Dfu3ibJEQnKskFXyxVQIDAQABAoIBABY30sKIlU3XVA9P\n" \
  "ARJZKf46ifeh7GwqRule5f6h5H2IwvlsoJ0rl3CHVuwrk4o9p936AZDsPJZgptaq\n" \
  "LdqBrmlhfOFpCUw6IxdLvGfbzOLOQLpSf/+SXXiUG9C89MHPVXYdwC0xoXnn1v7Q\n" \
  "LfjScOgJ3kF3JdpeNtZaYhfJuOFDhazklYnYrEcmv7z0GY9j4PQmpdvBYA+CFn9t\n" \
  "kHO64+i6fPg8vs26xl05gJibAQ5SJ+M/aMB9ETQGkvn+ffkseCwIvZX2v8ExYkID\n" \
  "lH6RroeGkQbUn20Wtu/fl5Y05rclYJY1wfuPaW7Z9komEJ5tWcJUDpKJssWhzIay\n" \
  "enH54LECgYEA92oIvz+1EjTM4SHeX07270u1kMf8KjkU4+hgl3aZYWWEfbdO/16e\n" \
  "DLXPDqmAc7UfujQy5A0/4z/daDXnrtM42N/P9IntuJfENcZLjS8QdvMeW2bV5NSm\n" \
  "j/nZX5NxRToYhdbfZWCNQXjyG6vyM5nkhMvQ78/3HjKQjWCdRNwBD5cCgYEA5wgf\n" \
  "uQAc1q+WV5a2qsNfU/BGtkgyc9XGZWYqE33+z6lboz/Joepi+IBcBsBumZ9gnDlD\n" \
  "nuBiaLCnPlrOvdNgbbuudXiUfndXtUNfW4wWS4MFbzHpLV4QpnwH1Z5I0ltQIL3o\n" \
  "ugJY+TVsxbBAsXa+4nBrdQpkoZpkS2to2SKY4/MCgYA7UcfxGrQuPkyU+crYLRWV\n" \
  "gCBzKw+xi+gPUKrABeZ2bKGchrPBFI1uXLTdPhSXKWkG+vbsqKSVtr09/BalWu05\n" \
  "SkgQyHUfmfuoLPf2TL901YuEvJ4x9C5PPMc6XB5/S5OPm1oKc2DKvtXFfq9eYdph\n" \
  "YICizsjgC52O2Ag890al1wKBgQC4Xz5ZuGJLXjM/0TIT0vjnltAHtlQ1Jvw+farE\n" \
  "hX9tn/1WqZgzFEdJg75tUPKyvIMwCW8SgoVmgNvnIjbtPJwu1mGis8jlqD4hlROr\n" \
  "jn9YYcZbd9xbbT8ibccezkPVRDQM/SGWGDuDHgShO0hVl6s8MHVBITsv0HOL0LsK\n" \
  "1dZnywKBgBtrfxYlIfyt0011ChqTXq9JH9rJcrY/wvNqPxikMZyp+K203DiQb5wU\n" \
  "UrDmq/t+c0n16gn6wuTaekCbVSz8GyAh54XD+a0gXfQfcsjY5yMu4AFb7U8txdM3\n" \
  "7CF6/F+YIE2XR5zfQw3ACRblz8bLYG2OWegdLeZsb4mOnjNEG5p6\n" \
  "-----END RSA PRIVATE KEY-----\n"

static G_GNUC_UNUSED char *
sbt_service_account_json (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, "Sandbox test account");
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "service_account");
  json_builder_set_member_name (builder, "private_key_id");
  json_builder_add_string_value (builder, "test-key-id-0001");
  json_builder_set_member_name (builder, "private_key");
  json_builder_add_string_value (builder, SBT_TEST_KEY);
  json_builder_set_member_name (builder, "organization_id");
  json_builder_add_string_value (builder, "org-test");
  json_builder_set_member_name (builder, "region");
  json_builder_add_string_value (builder, "us");
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* A started sandbox with the test key; @n_grants 0 = the default. */
static G_GNUC_UNUSED NylSandbox *
sbt_sandbox_new (guint64     seed,
                 guint       n_grants,
                 const char *state_file)
{
  g_autofree char *sa = sbt_service_account_json ();
  NylSandboxOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  NylSandbox *sandbox;

  options.seed = seed;
  options.n_grants = n_grants;
  options.state_file = state_file;
  options.service_account_json = sa;
  sandbox = nyl_sandbox_new (&options);
  g_assert_true (nyl_sandbox_start (sandbox, &error));
  g_assert_no_error (error);
  return sandbox;
}

static G_GNUC_UNUSED void
sbt_iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Stops and drops a sandbox, letting cancelled deliveries finish, and checks it is freed. */
static G_GNUC_UNUSED void
sbt_sandbox_free (NylSandbox *sandbox)
{
  nyl_sandbox_stop (sandbox);
  sbt_iterate (50);
  g_assert_finalize_object (sandbox);
}

static G_GNUC_UNUSED SoupSession *
sbt_session_new (void)
{
  return soup_session_new_with_options ("proxy-resolver", NULL, "timeout", 30, NULL);
}

typedef struct
{
  guint               status;
  GBytes             *body;
  JsonNode           *json;
  SoupMessageHeaders *headers;
  gboolean            done;
  GError             *error;
} SbtResponse;

static G_GNUC_UNUSED void
sbt_response_free (SbtResponse *r)
{
  g_clear_pointer (&r->body, g_bytes_unref);
  g_clear_pointer (&r->json, json_node_unref);
  g_clear_pointer (&r->headers, soup_message_headers_unref);
  g_clear_error (&r->error);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbtResponse, sbt_response_free)

static G_GNUC_UNUSED void
sbt_sent_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SbtResponse *r = user_data;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);

  r->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &r->error);
  if (msg != NULL)
    {
      r->status = soup_message_get_status (msg);
      r->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
    }
  r->done = TRUE;
}

/* Sends @msg and waits for the whole answer, unparsed. */
static G_GNUC_UNUSED SbtResponse *
sbt_send_raw (SoupSession *session,
              SoupMessage *msg)
{
  SbtResponse *r = g_new0 (SbtResponse, 1);

  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, sbt_sent_cb, r);
  while (!r->done)
    g_main_context_iteration (NULL, TRUE);
  return r;
}

typedef struct
{
  GInputStream *stream;
  GError       *error;
  gsize         length;
  gboolean      done;
} SbtFetch;

static G_GNUC_UNUSED void
sbt_fetch_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SbtFetch *fetch = user_data;

  g_input_stream_read_all_finish (G_INPUT_STREAM (source), result, &fetch->length, &fetch->error);
  fetch->done = TRUE;
}

static G_GNUC_UNUSED void
sbt_fetch_sent_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SbtFetch *fetch = user_data;

  fetch->stream = soup_session_send_finish (SOUP_SESSION (source), result, &fetch->error);
  fetch->done = TRUE;
}

/* Sends @msg and reads its body into @buffer (at most @size bytes) in as few reads as the socket
 * allows: for the big pages, where every allocation counts under AddressSanitizer. Returns the
 * status; *length is the body length. */
static G_GNUC_UNUSED guint
sbt_fetch (SoupSession *session,
           SoupMessage *msg,
           char        *buffer,
           gsize        size,
           gsize       *length)
{
  SbtFetch fetch = { 0 };

  soup_session_send_async (session, msg, G_PRIORITY_DEFAULT, NULL, sbt_fetch_sent_cb, &fetch);
  while (!fetch.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (fetch.error);

  fetch.done = FALSE;
  g_input_stream_read_all_async (fetch.stream, buffer, size, G_PRIORITY_DEFAULT, NULL,
                                 sbt_fetch_read_cb, &fetch);
  while (!fetch.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (fetch.error);
  g_assert_cmpuint (fetch.length, <, size);
  g_input_stream_close (fetch.stream, NULL, NULL);
  g_object_unref (fetch.stream);
  *length = fetch.length;
  return soup_message_get_status (msg);
}

/* Sends @msg and waits for the whole answer, parsed as JSON when it is. */
static G_GNUC_UNUSED SbtResponse *
sbt_send (SoupSession *session,
          SoupMessage *msg)
{
  SbtResponse *r = sbt_send_raw (session, msg);

  if (r->body != NULL && g_bytes_get_size (r->body) > 0)
    {
      g_autofree char *text = g_strndup (g_bytes_get_data (r->body, NULL),
                                         g_bytes_get_size (r->body));

      r->json = json_from_string (text, NULL);
    }
  return r;
}

static G_GNUC_UNUSED SoupMessage *
sbt_message (const char *method,
             const char *base,
             const char *path,
             const char *api_key,
             const char *body)
{
  g_autofree char *url = g_strconcat (base, path, NULL);
  SoupMessage *msg = soup_message_new (method, url);

  g_assert_nonnull (msg);
  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  if (api_key != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", api_key, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  return msg;
}

/* One API-key request. */
static G_GNUC_UNUSED SbtResponse *
sbt_call (SoupSession *session,
          const char  *method,
          const char  *base,
          const char  *path,
          const char  *api_key,
          const char  *body)
{
  g_autoptr(SoupMessage) msg = sbt_message (method, base, path, api_key, body);

  return sbt_send (session, msg);
}

/* One Service-Account-signed request; @body is made canonical first. */
static G_GNUC_UNUSED SoupMessage *
sbt_signed_message (NylServiceAccount *sa,
                    const char        *method,
                    const char        *base,
                    const char        *path,
                    const char        *body)
{
  g_autofree char *canonical = body ? nyl_canonical_json_from_string (body, -1, NULL) : NULL;
  g_autoptr(NylSignedHeaders) headers = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessage *msg;
  SoupMessageHeaders *h;

  g_assert_true (body == NULL || canonical != NULL);
  headers = nyl_service_account_sign (sa, method, path, canonical, &error);
  g_assert_no_error (error);
  msg = sbt_message (method, base, path, NULL, canonical);
  h = soup_message_get_request_headers (msg);
  soup_message_headers_replace (h, "X-Nylas-Kid", headers->key_id);
  soup_message_headers_replace (h, "X-Nylas-Timestamp", headers->timestamp);
  soup_message_headers_replace (h, "X-Nylas-Nonce", headers->nonce);
  soup_message_headers_replace (h, "X-Nylas-Signature", headers->signature);
  return msg;
}

static G_GNUC_UNUSED NylServiceAccount *
sbt_test_service_account (void)
{
  g_autofree char *json = sbt_service_account_json ();
  g_autoptr(GError) error = NULL;
  NylServiceAccount *sa = nyl_service_account_new_from_data (json, -1, &error);

  g_assert_no_error (error);
  return sa;
}

static G_GNUC_UNUSED JsonObject *
sbt_root (SbtResponse *r)
{
  g_assert_nonnull (r->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (r->json));
  return json_node_get_object (r->json);
}

static G_GNUC_UNUSED JsonObject *
sbt_data_object (SbtResponse *r)
{
  JsonObject *root = sbt_root (r);

  g_assert_true (json_object_has_member (root, "data"));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "data")));
  return json_object_get_object_member (root, "data");
}

static G_GNUC_UNUSED JsonArray *
sbt_data_array (SbtResponse *r)
{
  JsonObject *root = sbt_root (r);

  g_assert_true (json_object_has_member (root, "data"));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "data")));
  return json_object_get_array_member (root, "data");
}

/* Asserts the §1.4 error envelope: {request_id, error: {type, message}}. */
static G_GNUC_UNUSED void
sbt_assert_error (SbtResponse *r,
                  guint        status,
                  const char  *type)
{
  JsonObject *root, *error;

  g_assert_cmpuint (r->status, ==, status);
  root = sbt_root (r);
  g_assert_nonnull (json_object_get_string_member_with_default (root, "request_id", NULL));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "error")));
  error = json_object_get_object_member (root, "error");
  if (type != NULL)
    g_assert_cmpstr (json_object_get_string_member_with_default (error, "type", NULL), ==, type);
  g_assert_nonnull (json_object_get_string_member_with_default (error, "message", NULL));
}

static G_GNUC_UNUSED const char *
sbt_str (JsonObject *o,
         const char *member)
{
  return json_object_get_string_member_with_default (o, member, NULL);
}

/* Waits until @done returns TRUE (polling the main loop), at most @seconds. */
static G_GNUC_UNUSED gboolean
sbt_wait (gboolean (*done) (gpointer),
          gpointer   data,
          double     seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (200);
    }
  return TRUE;
}
