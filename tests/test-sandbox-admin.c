/* test-sandbox-admin.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sandbox-test-util.h"

/* /v3/admin: Service Account signatures checked exactly (§4.4), API keys and domains. */

typedef struct
{
  NylSandbox        *sandbox;
  SoupSession       *session;
  NylServiceAccount *sa;
  const char        *url;
  char              *keys_path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->sandbox = sbt_sandbox_new (21, 20, NULL);
  f->session = sbt_session_new ();
  f->sa = sbt_test_service_account ();
  f->url = nyl_sandbox_get_url (f->sandbox);
  f->keys_path = g_strdup_printf ("/v3/admin/applications/%s/api-keys",
                                  nyl_sandbox_get_application_id (f->sandbox));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_free (f->keys_path);
  g_clear_object (&f->sa);
  g_clear_object (&f->session);
  sbt_sandbox_free (f->sandbox);
}

static SbtResponse *
signed_call (Fixture    *f,
             const char *method,
             const char *path,
             const char *body)
{
  g_autoptr(SoupMessage) msg = sbt_signed_message (f->sa, method, f->url, path, body);

  return sbt_send (f->session, msg);
}

static void
test_signature_rejections (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SbtResponse) ok = signed_call (f, "GET", f->keys_path, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_cmpuint (ok->status, ==, 200);

  /* A Bearer key alone is refused, even a valid one. */
  {
    g_autoptr(SbtResponse) r = sbt_call (f->session, "GET", f->url, f->keys_path,
                                         nyl_sandbox_get_api_key (f->sandbox), NULL);

    sbt_assert_error (r, 401, "api.authentication_error");
  }

  /* Unknown key ID. */
  {
    g_autoptr(SoupMessage) msg = sbt_signed_message (f->sa, "GET", f->url, f->keys_path, NULL);
    g_autoptr(SbtResponse) r = NULL;

    soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Nylas-Kid",
                                  "other-kid");
    r = sbt_send (f->session, msg);
    sbt_assert_error (r, 401, "api.authentication_error");
  }

  /* A bad signature: signed for another path, and a corrupted one. */
  {
    g_autoptr(NylSignedHeaders) h = nyl_service_account_sign (f->sa, "GET", "/v3/admin/domains",
                                                              NULL, NULL);
    g_autoptr(SoupMessage) msg = sbt_signed_message (f->sa, "GET", f->url, f->keys_path, NULL);
    g_autoptr(SoupMessage) garbled = sbt_signed_message (f->sa, "GET", f->url, f->keys_path, NULL);
    g_autoptr(SbtResponse) r1 = NULL;
    g_autoptr(SbtResponse) r2 = NULL;

    soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Nylas-Signature",
                                  h->signature);
    r1 = sbt_send (f->session, msg);
    sbt_assert_error (r1, 401, "api.authentication_error");
    soup_message_headers_replace (soup_message_get_request_headers (garbled), "X-Nylas-Signature",
                                  "AAAA");
    r2 = sbt_send (f->session, garbled);
    sbt_assert_error (r2, 401, "api.authentication_error");
  }

  /* Timestamps outside ±300 s (with a margin for the clock ticking), correctly signed. */
  {
    gint64 offsets[] = { -320, 320, -3600 };

    for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
      {
        g_autoptr(SoupMessage) msg = NULL;
        g_autoptr(SbtResponse) r = NULL;

        nyl_service_account_set_clock_for_testing (f->sa, now + offsets[i]);
        msg = sbt_signed_message (f->sa, "GET", f->url, f->keys_path, NULL);
        r = sbt_send (f->session, msg);
        sbt_assert_error (r, 401, "api.authentication_error");
      }
    /* Inside the window it works. */
    {
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(SbtResponse) r = NULL;

      nyl_service_account_set_clock_for_testing (f->sa, now - 200);
      msg = sbt_signed_message (f->sa, "GET", f->url, f->keys_path, NULL);
      r = sbt_send (f->session, msg);
      g_assert_cmpuint (r->status, ==, 200);
    }
    nyl_service_account_set_clock_for_testing (f->sa, 0);
  }

  /* A reused nonce: the very same request replayed. */
  {
    g_autoptr(SoupMessage) first = sbt_signed_message (f->sa, "GET", f->url, f->keys_path, NULL);
    g_autofree char *uri = g_uri_to_string (soup_message_get_uri (first));
    g_autoptr(SoupMessage) replay = soup_message_new ("GET", uri);
    g_autoptr(SbtResponse) r1 = NULL;
    g_autoptr(SbtResponse) r2 = NULL;
    SoupMessageHeaders *from = soup_message_get_request_headers (first);
    SoupMessageHeaders *to = soup_message_get_request_headers (replay);
    const char *names[] = { "X-Nylas-Kid", "X-Nylas-Timestamp", "X-Nylas-Nonce",
                            "X-Nylas-Signature" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      soup_message_headers_replace (to, names[i], soup_message_headers_get_one (from, names[i]));
    r1 = sbt_send (f->session, first);
    g_assert_cmpuint (r1->status, ==, 200);
    r2 = sbt_send (f->session, replay);
    sbt_assert_error (r2, 401, "api.authentication_error");
  }

  /* A missing header. */
  {
    g_autoptr(SoupMessage) msg = sbt_signed_message (f->sa, "GET", f->url, f->keys_path, NULL);
    g_autoptr(SbtResponse) r = NULL;

    soup_message_headers_remove (soup_message_get_request_headers (msg), "X-Nylas-Nonce");
    r = sbt_send (f->session, msg);
    sbt_assert_error (r, 401, "api.authentication_error");
  }

  /* A body other than the one signed, and a non-canonical body signed as sent. */
  {
    g_autoptr(SoupMessage) msg = sbt_signed_message (f->sa, "POST", f->url, f->keys_path,
                                                     "{\"name\":\"a\",\"expires_in\":5}");
    const char *changed = "{\"expires_in\":5,\"name\":\"b\"}";
    g_autoptr(GBytes) other = g_bytes_new_static (changed, strlen (changed));
    g_autoptr(SbtResponse) r = NULL;

    soup_message_set_request_body_from_bytes (msg, "application/json", other);
    r = sbt_send (f->session, msg);
    sbt_assert_error (r, 401, "api.authentication_error");
  }
  {
    const char *loose = "{\"name\": \"a\", \"expires_in\": 5}";
    g_autoptr(NylSignedHeaders) h = nyl_service_account_sign (f->sa, "POST", f->keys_path, loose,
                                                              NULL);
    g_autoptr(SoupMessage) msg = sbt_message ("POST", f->url, f->keys_path, NULL, loose);
    SoupMessageHeaders *headers = soup_message_get_request_headers (msg);
    g_autoptr(SbtResponse) r = NULL;

    soup_message_headers_replace (headers, "X-Nylas-Kid", h->key_id);
    soup_message_headers_replace (headers, "X-Nylas-Timestamp", h->timestamp);
    soup_message_headers_replace (headers, "X-Nylas-Nonce", h->nonce);
    soup_message_headers_replace (headers, "X-Nylas-Signature", h->signature);
    r = sbt_send (f->session, msg);
    sbt_assert_error (r, 401, "api.authentication_error");
  }
}

static void
test_api_keys (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SbtResponse) list = signed_call (f, "GET", f->keys_path, NULL);
  g_autoptr(SbtResponse) created = signed_call (f, "POST", f->keys_path,
                                                "{\"name\":\"Rotated\",\"expires_in\":30}");
  g_autoptr(SbtResponse) dup = signed_call (f, "POST", f->keys_path,
                                            "{\"name\":\"Rotated\",\"expires_in\":30}");
  g_autoptr(SbtResponse) bad_days = signed_call (f, "POST", f->keys_path,
                                                 "{\"name\":\"X\",\"expires_in\":0}");
  g_autoptr(SbtResponse) works = NULL;
  g_autoptr(SbtResponse) fetched = NULL;
  g_autoptr(SbtResponse) deleted = NULL;
  g_autoptr(SbtResponse) refused = NULL;
  g_autoptr(SbtResponse) missing = NULL;
  g_autoptr(SbtResponse) unknown_app = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *secret = NULL;
  JsonArray *items;
  JsonObject *key;
  gboolean expiring_soon = FALSE;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  items = sbt_data_array (list);
  g_assert_cmpuint (json_array_get_length (items), ==, 3);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *k = json_array_get_object_element (items, i);
      gint64 expires = json_object_get_int_member (k, "expires_at");

      g_assert_false (json_object_has_member (k, "api_key"));
      g_assert_cmpstr (sbt_str (k, "application_id"), ==,
                       nyl_sandbox_get_application_id (f->sandbox));
      if (expires > now && expires < now + 7 * 86400)
        expiring_soon = TRUE;
    }
  g_assert_true (expiring_soon);

  /* §11 (b), in the wrapped form of [SPEC]. */
  g_assert_cmpuint (created->status, ==, 200);
  g_assert_nonnull (sbt_str (sbt_root (created), "request_id"));
  key = sbt_data_object (created);
  g_assert_nonnull (sbt_str (key, "id"));
  g_assert_cmpstr (sbt_str (key, "name"), ==, "Rotated");
  g_assert_cmpstr (sbt_str (key, "application_id"), ==,
                   nyl_sandbox_get_application_id (f->sandbox));
  g_assert_cmpstr (sbt_str (key, "status"), ==, "active");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (key, "permissions")), >,
                    0);
  g_assert_cmpint (json_object_get_int_member (key, "expires_at") -
                   json_object_get_int_member (key, "created_at"), ==, 30 * 86400);
  g_assert_cmpint (json_object_get_int_member (key, "updated_at"), ==,
                   json_object_get_int_member (key, "created_at"));
  secret = g_strdup (sbt_str (key, "api_key"));
  g_assert_nonnull (secret);
  key_path = g_strconcat (f->keys_path, "/", sbt_str (key, "id"), NULL);

  sbt_assert_error (dup, 400, "api.invalid_request_error");
  sbt_assert_error (bad_days, 400, "api.invalid_request_error");

  /* The new key works at once as a Bearer key… */
  works = sbt_call (f->session, "GET", f->url, "/v3/applications", secret, NULL);
  g_assert_cmpuint (works->status, ==, 200);

  fetched = signed_call (f, "GET", key_path, NULL);
  g_assert_cmpuint (fetched->status, ==, 200);
  g_assert_false (json_object_has_member (sbt_data_object (fetched), "api_key"));
  g_assert_cmpint (json_object_get_int_member (sbt_data_object (fetched), "expires_in"), ==,
                   30 * 86400);

  /* …and stops working once deleted. */
  deleted = signed_call (f, "DELETE", key_path, NULL);
  g_assert_cmpuint (deleted->status, ==, 200);
  g_assert_false (json_object_has_member (sbt_root (deleted), "data"));
  refused = sbt_call (f->session, "GET", f->url, "/v3/applications", secret, NULL);
  sbt_assert_error (refused, 401, "api.authentication_error");
  missing = signed_call (f, "GET", key_path, NULL);
  sbt_assert_error (missing, 404, "api.not_found_error");
  unknown_app = signed_call (f, "GET", "/v3/admin/applications/nope/api-keys", NULL);
  sbt_assert_error (unknown_app, 404, "api.not_found_error");
}

static void
test_domains (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SbtResponse) list = signed_call (f, "GET", "/v3/admin/domains", NULL);
  g_autoptr(SbtResponse) created = signed_call (f, "POST", "/v3/admin/domains",
                                                "{\"name\":\"News\",\"domain_address\":"
                                                "\"news.acme.example\"}");
  g_autoptr(SbtResponse) dup = signed_call (f, "POST", "/v3/admin/domains",
                                            "{\"name\":\"Again\",\"domain_address\":"
                                            "\"news.acme.example\"}");
  g_autoptr(SbtResponse) bad = signed_call (f, "POST", "/v3/admin/domains",
                                            "{\"name\":\"Bad\",\"domain_address\":\"no spaces\"}");
  g_autoptr(SbtResponse) paged = signed_call (f, "GET", "/v3/admin/domains?limit=1", NULL);
  g_autoptr(SbtResponse) page2 = NULL;
  g_autoptr(SbtResponse) renamed = NULL;
  g_autoptr(SbtResponse) bad_put = NULL;
  g_autoptr(SbtResponse) early = NULL;
  g_autoptr(SbtResponse) info = NULL;
  g_autoptr(SbtResponse) verified = NULL;
  g_autoptr(SbtResponse) after = NULL;
  g_autoptr(SbtResponse) deleted = NULL;
  g_autoptr(SbtResponse) gone = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *verify_path = NULL;
  g_autofree char *next = NULL;
  JsonObject *domain, *attempt;
  const char *flags[] = { "verified_ownership", "verified_mx", "verified_spf", "verified_feedback",
                          "verified_dkim", "verified_dmarc", "verified_arc" };

  /* §11 (f). */
  domain = json_array_get_object_element (sbt_data_array (list), 0);
  g_assert_nonnull (sbt_str (domain, "id"));
  g_assert_nonnull (sbt_str (domain, "name"));
  g_assert_nonnull (sbt_str (domain, "domain_address"));
  g_assert_nonnull (sbt_str (domain, "organization_id"));
  g_assert_nonnull (sbt_str (domain, "region"));
  g_assert_true (json_object_has_member (domain, "branded"));
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (domain, flags[i])));
  g_assert_true (json_object_has_member (domain, "created_at"));

  g_assert_cmpuint (created->status, ==, 200);
  domain = sbt_data_object (created);
  g_assert_cmpstr (sbt_str (domain, "domain_address"), ==, "news.acme.example");
  path = g_strconcat ("/v3/admin/domains/", sbt_str (domain, "id"), NULL);
  g_assert_cmpuint (dup->status, ==, 409);
  sbt_assert_error (bad, 400, "api.invalid_request_error");

  /* Cursor paging. */
  g_assert_cmpuint (json_array_get_length (sbt_data_array (paged)), ==, 1);
  next = g_strdup (sbt_str (sbt_root (paged), "next_cursor"));
  g_assert_nonnull (next);
  {
    g_autofree char *escaped = g_uri_escape_string (next, NULL, FALSE);
    g_autofree char *p2 = g_strdup_printf ("/v3/admin/domains?limit=1&page_token=%s", escaped);

    page2 = signed_call (f, "GET", p2, NULL);
    g_assert_cmpuint (json_array_get_length (sbt_data_array (page2)), ==, 1);
    g_assert_false (json_object_has_member (sbt_root (page2), "next_cursor"));
  }

  /* PUT changes only the name and echoes only what changed. */
  renamed = signed_call (f, "PUT", path, "{\"name\":\"Newsletters\"}");
  g_assert_cmpuint (renamed->status, ==, 200);
  g_assert_cmpstr (sbt_str (sbt_data_object (renamed), "name"), ==, "Newsletters");
  bad_put = signed_call (f, "PUT", path, "{\"domain_address\":\"x.example\"}");
  sbt_assert_error (bad_put, 400, "api.invalid_request_error");

  /* Verification succeeds once the record was shown (and "added"). */
  verify_path = g_strconcat (path, "/verify", NULL);
  info_path = g_strconcat (path, "/info", NULL);
  early = signed_call (f, "POST", verify_path, "{\"type\":\"spf\"}");
  g_assert_cmpstr (sbt_str (sbt_data_object (early), "status"), ==, "failed");
  info = signed_call (f, "POST", info_path, "{\"type\":\"spf\"}");
  g_assert_cmpuint (info->status, ==, 200);
  g_assert_cmpstr (sbt_str (sbt_data_object (info), "domain_id"), ==,
                   sbt_str (sbt_data_object (created), "id"));
  attempt = json_object_get_object_member (sbt_data_object (info), "attempt");
  g_assert_cmpstr (sbt_str (attempt, "type"), ==, "spf");
  g_assert_cmpstr (sbt_str (json_object_get_object_member (attempt, "options"), "type"), ==, "TXT");
  verified = signed_call (f, "POST", verify_path, "{\"type\":\"spf\"}");
  g_assert_cmpstr (sbt_str (sbt_data_object (verified), "status"), ==, "done");
  after = signed_call (f, "GET", path, NULL);
  g_assert_true (json_object_get_boolean_member (sbt_data_object (after), "verified_spf"));
  g_assert_false (json_object_get_boolean_member (sbt_data_object (after), "verified_dkim"));
  g_assert_cmpstr (sbt_str (sbt_data_object (after), "name"), ==, "Newsletters");

  deleted = signed_call (f, "DELETE", path, NULL);
  g_assert_cmpuint (deleted->status, ==, 200);
  gone = signed_call (f, "GET", path, NULL);
  sbt_assert_error (gone, 404, "api.not_found_error");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sandbox/admin/signature-rejections", Fixture, NULL, fixture_setup,
              test_signature_rejections, fixture_teardown);
  g_test_add ("/sandbox/admin/api-keys", Fixture, NULL, fixture_setup, test_api_keys,
              fixture_teardown);
  g_test_add ("/sandbox/admin/domains", Fixture, NULL, fixture_setup, test_domains,
              fixture_teardown);

  return g_test_run ();
}
