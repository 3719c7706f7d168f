/* nyl-sandbox-admin.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-sandbox-admin"

#include "config.h"

#include <string.h>

#include "nyl-canonical-json.h"
#include "nyl-sandbox-private.h"

/* /v3/admin/…: the Manage API Keys and Manage Domains APIs, signed with the organization's
 * Service Account (nylas-api.md §3, §4, §4.7). The signature is checked exactly as §4.4 builds it:
 * all four headers, a known key ID, a timestamp within ±300 s, a nonce never seen before, and an
 * RSA-PKCS1v1.5-SHA256 signature over the canonical envelope whose payload is the body as sent
 * (which must itself be canonical JSON). A Bearer key alone is not enough. */

#define TIMESTAMP_WINDOW 300
#define DAY (24 * 3600)

static void
unauthorized (NylSbRequest *req,
              const char   *message)
{
  nyl_sb_reply_error (req, SOUP_STATUS_UNAUTHORIZED, "api.authentication_error", "%s", message);
}

static void
forget_old_nonces (NylSandbox *self,
                   gint64      now)
{
  GHashTableIter iter;
  gpointer value;

  if (g_hash_table_size (self->nonces) < 1024)
    return;
  g_hash_table_iter_init (&iter, self->nonces);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (GPOINTER_TO_SIZE (value) < (gsize) now)
        g_hash_table_iter_remove (&iter);
    }
}

static gboolean
verify_signature (NylSbRequest *req)
{
  NylSandbox *self = req->sandbox;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (req->msg);
  const char *kid = soup_message_headers_get_one (headers, "X-Nylas-Kid");
  const char *timestamp = soup_message_headers_get_one (headers, "X-Nylas-Timestamp");
  const char *nonce = soup_message_headers_get_one (headers, "X-Nylas-Nonce");
  const char *signature = soup_message_headers_get_one (headers, "X-Nylas-Signature");
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");
  g_autofree char *method = g_ascii_strdown (req->method, -1);
  g_autofree char *payload = NULL;
  g_autofree char *envelope = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ts, now = nyl_sb_now ();

  if (kid == NULL && timestamp == NULL && nonce == NULL && signature == NULL)
    {
      unauthorized (req, authorization != NULL
                         ? "Unauthorized: admin endpoints need a Service Account signature; an "
                           "API key is not accepted"
                         : "Unauthorized: missing Service Account signature headers");
      return FALSE;
    }
  if (kid == NULL || timestamp == NULL || nonce == NULL || signature == NULL)
    {
      unauthorized (req, "Unauthorized: X-Nylas-Kid, X-Nylas-Timestamp, X-Nylas-Nonce and "
                         "X-Nylas-Signature are all required");
      return FALSE;
    }
  if (!g_str_equal (kid, nyl_service_account_get_key_id (self->service_account)))
    {
      unauthorized (req, "Unauthorized: unknown key ID");
      return FALSE;
    }
  if (!g_ascii_string_to_signed (timestamp, 10, 0, G_MAXINT64, &ts, NULL) ||
      ts < now - TIMESTAMP_WINDOW || ts > now + TIMESTAMP_WINDOW)
    {
      unauthorized (req, "Unauthorized: X-Nylas-Timestamp is not within 5 minutes of the server "
                         "time");
      return FALSE;
    }
  if (nonce[0] == '\0' || g_hash_table_contains (self->nonces, nonce))
    {
      unauthorized (req, "Unauthorized: the nonce was already used");
      return FALSE;
    }

  if ((g_str_equal (method, "post") || g_str_equal (method, "put") ||
       g_str_equal (method, "patch")) && g_bytes_get_size (req->body) > 0)
    {
      gsize size;
      const char *data = g_bytes_get_data (req->body, &size);
      g_autofree char *canonical = NULL;

      payload = g_strndup (data, size);
      canonical = nyl_canonical_json_from_string (payload, -1, NULL);
      if (canonical == NULL || strlen (payload) != size || !g_str_equal (canonical, payload))
        {
          unauthorized (req, "Unauthorized: the body must be the canonical JSON that was signed");
          return FALSE;
        }
    }

  envelope = nyl_signing_envelope (method, req->path, payload, ts, nonce);
  if (!nyl_signature_verify (self->public_key_pem, envelope, signature, &error))
    {
      g_debug ("Signature rejected: %s", error->message);
      unauthorized (req, "Unauthorized: the signature does not match");
      return FALSE;
    }

  forget_old_nonces (self, now);
  g_hash_table_insert (self->nonces, g_strdup (nonce),
                       GSIZE_TO_POINTER ((gsize) (ts + 2 * TIMESTAMP_WINDOW)));
  return TRUE;
}

/* ---- API keys ---------------------------------------------------------------------------- */

static void
create_api_key (NylSbRequest *req,
                NylSbApp     *app)
{
  NylSandbox *self = req->sandbox;
  JsonObject *body = nyl_sb_request_object (req);
  JsonNode *expires;
  const char *name;
  gint64 days = 90, now = nyl_sb_now ();
  g_autofree char *secret = NULL;
  const char *all[] = { "all", NULL };
  NylSbApiKey *key;
  JsonNode *data;

  if (body == NULL)
    return;

  name = nyl_sb_json_string (body, "name");
  if (name == NULL || name[0] == '\0')
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error", "name is required");
      return;
    }
  expires = json_object_get_member (body, "expires_in");
  if (expires != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (expires) || json_node_get_value_type (expires) != G_TYPE_INT64 ||
          json_node_get_int (expires) < 1 || json_node_get_int (expires) > 3650)
        {
          nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                              "expires_in must be a number of days from 1 to 3650");
          return;
        }
      days = json_node_get_int (expires);
    }
  for (guint i = 0; i < app->api_keys->len; i++)
    {
      NylSbApiKey *other = g_ptr_array_index (app->api_keys, i);

      if (g_str_equal (other->name, name))
        {
          nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                              "An API key named “%s” already exists; names must be unique", name);
          return;
        }
    }

  secret = nyl_sb_state_new_token (self->state, "nyk_v0_", 48);
  key = g_new0 (NylSbApiKey, 1);
  key->id = nyl_sb_state_new_uuid (self->state);
  key->name = g_strdup (name);
  key->secret_hash = nyl_sb_sha256_hex (secret, -1);
  key->permissions = g_strdupv ((char **) all);
  key->created_at = key->updated_at = now;
  key->expires_at = now + days * DAY;
  g_ptr_array_add (app->api_keys, key);
  nyl_sb_state_index_keys (self->state);
  nyl_sb_changed (self);

  data = nyl_sb_api_key_to_json (key, app, now);
  json_object_remove_member (json_node_get_object (data), "expires_in");
  json_object_set_string_member (json_node_get_object (data), "api_key", secret);
  nyl_sb_reply_data (req, 200, data);
}

static void
handle_api_keys (NylSbRequest *req)
{
  NylSbApp *app = nyl_sb_state_find_app (req->sandbox->state, req->segs[3]);
  NylSbApiKey *key;

  if (app == NULL)
    {
      nyl_sb_reply_not_found (req, "Application");
      return;
    }

  if (req->n_segs == 5)
    {
      if (nyl_sb_method_is (req, "GET"))
        {
          JsonArray *items = json_array_new ();
          g_autofree char *next = NULL;
          guint offset, limit;

          if (!nyl_sb_cursor_page (req, app->api_keys->len, &offset, &limit, &next))
            {
              json_array_unref (items);
              return;
            }
          for (guint i = offset; i < app->api_keys->len && i - offset < limit; i++)
            json_array_add_element (items, nyl_sb_api_key_to_json (g_ptr_array_index (app->api_keys,
                                                                                      i),
                                                                   app, nyl_sb_now ()));
          nyl_sb_reply_list (req, items, next);
        }
      else if (nyl_sb_method_is (req, "POST"))
        {
          create_api_key (req, app);
        }
      else
        {
          nyl_sb_reply_bad_method (req);
        }
      return;
    }

  if (req->n_segs != 6)
    {
      nyl_sb_reply_not_found (req, "Route");
      return;
    }

  key = nyl_sb_api_key_find (app, req->segs[5]);
  if (key == NULL)
    {
      nyl_sb_reply_not_found (req, "API key");
      return;
    }

  if (nyl_sb_method_is (req, "GET"))
    {
      nyl_sb_reply_data (req, 200, nyl_sb_api_key_to_json (key, app, nyl_sb_now ()));
    }
  else if (nyl_sb_method_is (req, "DELETE"))
    {
      /* The key stops working at once. */
      g_ptr_array_remove (app->api_keys, key);
      nyl_sb_state_index_keys (req->sandbox->state);
      nyl_sb_changed (req->sandbox);
      nyl_sb_reply_empty (req);
    }
  else
    {
      nyl_sb_reply_bad_method (req);
    }
}

/* ---- domains ----------------------------------------------------------------------------- */

static int
domain_type_index (const char *type)
{
  for (guint i = 0; type != NULL && i < G_N_ELEMENTS (nyl_sb_domain_types); i++)
    {
      if (g_str_equal (type, nyl_sb_domain_types[i]))
        return (int) i;
    }
  return -1;
}

static gboolean
is_hostname (const char *s)
{
  gsize len = strlen (s);

  if (len < 3 || len > 253 || strchr (s, '.') == NULL || s[0] == '.' || s[len - 1] == '.' ||
      s[0] == '-')
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isalnum (s[i]) && s[i] != '-' && s[i] != '.')
        return FALSE;
      if (s[i] == '.' && s[i + 1] == '.')
        return FALSE;
    }
  return TRUE;
}

static JsonNode *
domain_attempt (NylSandbox  *self,
                NylSbDomain *domain,
                int          type,
                const char  *status,
                const char  *message)
{
  JsonObject *o = json_object_new ();
  JsonObject *attempt = json_object_new ();
  JsonObject *options = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *host = NULL;
  g_autofree char *value = NULL;
  const char *record_type = "TXT";
  gint64 now = nyl_sb_now ();

  switch (type)
    {
    case 0:
      host = g_strconcat ("_nylas-verification.", domain->domain_address, NULL);
      value = g_strdup_printf ("nylas-verification=%.16s", domain->id);
      break;
    case 1:
      record_type = "MX";
      host = g_strdup (domain->domain_address);
      value = g_strdup ("10 inbound.sandbox.nylas.example");
      break;
    case 2:
      host = g_strdup (domain->domain_address);
      value = g_strdup ("v=spf1 include:spf.sandbox.nylas.example ~all");
      break;
    case 3:
      record_type = "MX";
      host = g_strconcat ("feedback.", domain->domain_address, NULL);
      value = g_strdup ("10 feedback.sandbox.nylas.example");
      break;
    case 4:
      record_type = "CNAME";
      host = g_strconcat ("nylas._domainkey.", domain->domain_address, NULL);
      value = g_strdup ("dkim.sandbox.nylas.example");
      break;
    case 5:
      host = g_strconcat ("_dmarc.", domain->domain_address, NULL);
      value = g_strdup ("v=DMARC1; p=none");
      break;
    default:
      host = g_strconcat ("arc._domainkey.", domain->domain_address, NULL);
      value = g_strdup ("v=ARC1; k=rsa");
      break;
    }

  json_object_set_string_member (options, "host", host);
  json_object_set_string_member (options, "type", record_type);
  json_object_set_string_member (options, "value", value);
  json_object_set_string_member (attempt, "type", nyl_sb_domain_types[type]);
  json_object_set_object_member (attempt, "options", options);
  json_object_set_string_member (o, "domain_id", domain->id);
  json_object_set_object_member (o, "attempt", attempt);
  json_object_set_string_member (o, "status", status);
  json_object_set_int_member (o, "created_at", now);
  json_object_set_int_member (o, "expires_at", now + 3 * DAY);
  json_object_set_string_member (o, "message", message);
  json_node_take_object (node, o);
  return node;
}

static void
domain_check (NylSbRequest *req,
              NylSbDomain  *domain,
              gboolean      verify)
{
  JsonObject *body = nyl_sb_request_object (req);
  int type;

  if (body == NULL)
    return;
  type = domain_type_index (nyl_sb_json_string (body, "type"));
  if (type < 0)
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                          "type must be one of ownership, mx, spf, feedback, dkim, dmarc, arc");
      return;
    }

  if (!verify)
    {
      /* Showing the record stands for "the user added it to DNS". */
      domain->info_requested |= 1u << type;
      nyl_sb_changed (req->sandbox);
      nyl_sb_reply_data (req, 200, domain_attempt (req->sandbox, domain, type, "pending",
                                                   "Add this DNS record, then verify"));
      return;
    }

  if (domain->info_requested & (1u << type))
    {
      domain->verified[type] = TRUE;
      domain->updated_at = nyl_sb_now ();
      nyl_sb_changed (req->sandbox);
      nyl_sb_reply_data (req, 200, domain_attempt (req->sandbox, domain, type, "done",
                                                   "The DNS record was found"));
    }
  else
    {
      nyl_sb_reply_data (req, 200, domain_attempt (req->sandbox, domain, type, "failed",
                                                   "The DNS record was not found"));
    }
}

static void
create_domain (NylSbRequest *req)
{
  NylSbState *state = req->sandbox->state;
  JsonObject *body = nyl_sb_request_object (req);
  const char *name, *address;
  NylSbDomain *domain;

  if (body == NULL)
    return;
  name = nyl_sb_json_string (body, "name");
  address = nyl_sb_json_string (body, "domain_address");
  if (name == NULL || name[0] == '\0' || address == NULL)
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                          "name and domain_address are required");
      return;
    }
  if (!is_hostname (address))
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                          "domain_address must be a domain name such as mail.example.com");
      return;
    }
  for (guint i = 0; i < state->domains->len; i++)
    {
      NylSbDomain *other = g_ptr_array_index (state->domains, i);

      if (g_ascii_strcasecmp (other->domain_address, address) == 0)
        {
          nyl_sb_reply_error (req, 409, "api.conflict_error", "The domain %s is already registered",
                              address);
          return;
        }
    }

  domain = g_new0 (NylSbDomain, 1);
  domain->id = nyl_sb_state_new_uuid (state);
  domain->name = g_strdup (name);
  domain->domain_address = g_ascii_strdown (address, -1);
  domain->organization_id = g_strdup (state->organization_id);
  domain->region = g_strdup (req->host == 1 ? "eu" : "us");
  domain->created_at = domain->updated_at = nyl_sb_now ();
  g_ptr_array_add (state->domains, domain);
  nyl_sb_changed (req->sandbox);
  nyl_sb_reply_data (req, 200, nyl_sb_domain_to_json (domain));
}

static void
update_domain (NylSbRequest *req,
               NylSbDomain  *domain)
{
  JsonObject *body = nyl_sb_request_object (req);
  JsonObject *echo;
  JsonNode *node;
  const char *name;
  JsonObjectIter iter;
  const char *member;

  if (body == NULL)
    return;
  json_object_iter_init (&iter, body);
  while (json_object_iter_next (&iter, &member, NULL))
    {
      if (!g_str_equal (member, "name"))
        {
          nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                              "Only name can be changed (got %s)", member);
          return;
        }
    }
  name = nyl_sb_json_string (body, "name");
  if (name == NULL || name[0] == '\0')
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error", "name is required");
      return;
    }

  g_free (domain->name);
  domain->name = g_strdup (name);
  domain->updated_at = nyl_sb_now ();
  nyl_sb_changed (req->sandbox);

  /* [NODE]: the answer echoes only the changed fields. */
  echo = json_object_new ();
  json_object_set_string_member (echo, "name", domain->name);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, echo);
  nyl_sb_reply_data (req, 200, node);
}

static void
handle_domains (NylSbRequest *req)
{
  NylSbState *state = req->sandbox->state;
  NylSbDomain *domain;

  if (req->n_segs == 3)
    {
      if (nyl_sb_method_is (req, "GET"))
        {
          JsonArray *items = json_array_new ();
          g_autofree char *next = NULL;
          guint offset, limit;

          if (!nyl_sb_cursor_page (req, state->domains->len, &offset, &limit, &next))
            {
              json_array_unref (items);
              return;
            }
          for (guint i = offset; i < state->domains->len && i - offset < limit; i++)
            json_array_add_element (items, nyl_sb_domain_to_json (g_ptr_array_index (state->domains,
                                                                                     i)));
          nyl_sb_reply_list (req, items, next);
        }
      else if (nyl_sb_method_is (req, "POST"))
        {
          create_domain (req);
        }
      else
        {
          nyl_sb_reply_bad_method (req);
        }
      return;
    }

  domain = nyl_sb_state_find_domain (state, req->segs[3]);
  if (domain == NULL || req->n_segs > 5)
    {
      nyl_sb_reply_not_found (req, domain == NULL ? "Domain" : "Route");
      return;
    }

  if (req->n_segs == 5)
    {
      gboolean verify = g_str_equal (req->segs[4], "verify");

      if (!verify && !g_str_equal (req->segs[4], "info"))
        nyl_sb_reply_not_found (req, "Route");
      else if (!nyl_sb_method_is (req, "POST"))
        nyl_sb_reply_bad_method (req);
      else
        domain_check (req, domain, verify);
      return;
    }

  if (nyl_sb_method_is (req, "GET"))
    {
      nyl_sb_reply_data (req, 200, nyl_sb_domain_to_json (domain));
    }
  else if (nyl_sb_method_is (req, "PUT"))
    {
      update_domain (req, domain);
    }
  else if (nyl_sb_method_is (req, "DELETE"))
    {
      g_ptr_array_remove (state->domains, domain);
      nyl_sb_changed (req->sandbox);
      nyl_sb_reply_empty (req);
    }
  else
    {
      nyl_sb_reply_bad_method (req);
    }
}

void
nyl_sb_handle_admin (NylSbRequest *req)
{
  if (!verify_signature (req))
    return;

  if (req->n_segs >= 5 && g_str_equal (req->segs[2], "applications") &&
      g_str_equal (req->segs[4], "api-keys"))
    handle_api_keys (req);
  else if (req->n_segs >= 3 && g_str_equal (req->segs[2], "domains"))
    handle_domains (req);
  else
    nyl_sb_reply_not_found (req, "Route");
}
