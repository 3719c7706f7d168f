/* nyl-sandbox-grants.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-sandbox-grants"

#include "config.h"

#include <string.h>

#include "nyl-canonical-json.h"
#include "nyl-sandbox-private.h"

/* /v3/grants (nylas-api.md §7): offset paging, limit at most 200, every filter. */

static const char * const providers[] = {
  "ews", "google", "icloud", "imap", "microsoft", "virtual-calendar", "yahoo", "zoom", "nylas",
  NULL,
};

static gboolean
query_time (NylSbRequest *req,
            const char   *name,
            gint64       *out)
{
  const char *value = nyl_sb_query (req, name);
  gint64 v;

  *out = 0;
  if (value == NULL || value[0] == '\0')
    return TRUE;
  if (!g_ascii_string_to_signed (value, 10, 1, G_MAXINT64, &v, NULL))
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                          "%s must be a Unix timestamp in seconds", name);
      return FALSE;
    }
  *out = v;
  return TRUE;
}

static const char *
query_nonempty (NylSbRequest *req,
                const char   *name)
{
  const char *value = nyl_sb_query (req, name);

  return value != NULL && value[0] != '\0' ? value : NULL;
}

static void
list_grants (NylSbRequest *req)
{
  NylSbGrantFilter filter = { 0 };
  g_auto(GStrv) account_ids = NULL;
  const char *sort_by = query_nonempty (req, "sort_by");
  const char *order_by = query_nonempty (req, "order_by");
  const char *ids = query_nonempty (req, "account_ids");
  const guint32 *slots;
  guint n_slots, limit, offset;
  gboolean by_updated_at;
  GString *out;

  if (!nyl_sb_query_uint (req, "limit", 10, 1, 200, &limit) ||
      !nyl_sb_query_uint (req, "offset", 0, 0, G_MAXINT, &offset) ||
      !query_time (req, "since", &filter.since) || !query_time (req, "before", &filter.before))
    return;

  if (!nyl_sb_query_sort (req, sort_by, order_by, &by_updated_at, &filter.ascending))
    return;
  filter.sort_by = by_updated_at ? NYL_SB_SORT_UPDATED_AT : NYL_SB_SORT_CREATED_AT;

  filter.grant_status = query_nonempty (req, "grant_status");
  if (filter.grant_status != NULL && !g_str_equal (filter.grant_status, "valid") &&
      !g_str_equal (filter.grant_status, "invalid"))
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                          "grant_status must be valid or invalid");
      return;
    }
  filter.provider = query_nonempty (req, "provider");
  if (filter.provider != NULL && !g_strv_contains (providers, filter.provider))
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error", "Unknown provider “%s”",
                          filter.provider);
      return;
    }
  filter.email = query_nonempty (req, "email");
  filter.ip = query_nonempty (req, "ip");
  filter.workspace_id = query_nonempty (req, "workspace_id");
  filter.account_id = query_nonempty (req, "account_id");
  if (ids != NULL)
    {
      account_ids = g_strsplit (ids, ",", -1);
      for (guint i = 0; account_ids[i] != NULL; i++)
        g_strstrip (account_ids[i]);
      filter.account_ids = account_ids;
    }

  slots = nyl_sb_grants_query (req->app, &filter, &n_slots);

  /* Written as text, with no allocation per grant. */
  out = g_string_sized_new (1024 + 700 * MIN (limit, n_slots > offset ? n_slots - offset : 0));
  g_string_append (out, "{\"request_id\":");
  nyl_canonical_json_append_string (out, req->request_id);
  g_string_append (out, ",\"data\":[");
  for (guint i = offset; i < n_slots && i - offset < limit; i++)
    {
      NylSbGrant grant;

      if (!nyl_sb_grant_get (req->app, slots[i], &grant))
        continue;
      if (i > offset)
        g_string_append_c (out, ',');
      nyl_sb_grant_append_json (&grant, FALSE, out);
    }
  g_string_append_printf (out, "],\"limit\":%u,\"offset\":%u}", limit, offset);
  nyl_sb_reply_take (req, 200, "application/json", out);
}

static void
patch_grant (NylSbRequest *req,
             NylSbGrant   *grant)
{
  JsonObject *body = nyl_sb_request_object (req);
  JsonNode *settings;
  g_auto(GStrv) scope = NULL;
  NylSbGrantRecord *record;
  NylSbGrant updated;

  if (body == NULL)
    return;

  settings = json_object_get_member (body, "settings");
  if (settings != NULL && !JSON_NODE_HOLDS_OBJECT (settings))
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error", "settings must be an object");
      return;
    }
  if (json_object_has_member (body, "scope"))
    {
      scope = nyl_sb_json_strv (body, "scope");
      if (scope == NULL)
        {
          nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                              "scope must be an array of strings");
          return;
        }
    }

  record = nyl_sb_grant_materialize (req->app, grant->slot);
  if (settings != NULL)
    {
      /* Replaced whole (§7). */
      g_clear_pointer (&record->settings, json_object_unref);
      record->settings = nyl_sb_json_object_copy (json_node_get_object (settings));
    }
  if (scope != NULL)
    {
      g_strfreev (record->scope);
      record->scope = g_steal_pointer (&scope);
    }
  record->updated_at = MAX (nyl_sb_now (), record->updated_at);
  nyl_sb_grants_changed (req->app);
  nyl_sb_changed (req->sandbox);

  nyl_sb_grant_get (req->app, grant->slot, &updated);
  {
    JsonObject *object = nyl_sb_grant_notification_object (req->app, &updated, "grant.updated");

    nyl_sb_webhooks_notify (req->sandbox, req->app, "grant.updated", object);
    json_object_unref (object);
  }
  nyl_sb_reply_data (req, 200, nyl_sb_grant_to_json (&updated, req->app, FALSE));
}

static void
grants_me (NylSbRequest *req)
{
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (req->msg);
  const char *header = soup_message_headers_get_one (request_headers, "Authorization");
  const char *grant_id = NULL;
  NylSbApp *app = NULL;
  NylSbGrant grant;

  if (!nyl_sb_method_is (req, "GET") || req->n_segs != 3)
    {
      nyl_sb_reply_bad_method (req);
      return;
    }
  if (header != NULL && g_ascii_strncasecmp (header, "Bearer ", 7) == 0)
    grant_id = nyl_sb_connect_token_grant (req->sandbox, header + 7, &app);
  if (grant_id == NULL || app == NULL || !nyl_sb_grant_find (app, grant_id, &grant))
    {
      nyl_sb_reply_error (req, 401, "api.authentication_error",
                          "Unauthorized: invalid or expired access token");
      return;
    }
  nyl_sb_reply_data (req, 200, nyl_sb_grant_to_json (&grant, app, FALSE));
}

void
nyl_sb_handle_grants (NylSbRequest *req)
{
  NylSbGrant grant;

  if (req->n_segs >= 3 && g_str_equal (req->segs[2], "me"))
    {
      grants_me (req);
      return;
    }

  if (req->n_segs == 2)
    {
      if (nyl_sb_method_is (req, "GET"))
        list_grants (req);
      else
        nyl_sb_reply_bad_method (req);
      return;
    }

  if (req->n_segs != 3)
    {
      nyl_sb_reply_not_found (req, "Route");
      return;
    }

  if (!nyl_sb_grant_find (req->app, req->segs[2], &grant))
    {
      nyl_sb_reply_not_found (req, "Grant");
      return;
    }

  if (nyl_sb_method_is (req, "GET"))
    {
      const char *aliases = nyl_sb_query (req, "expose_aliases");

      nyl_sb_reply_data (req, 200, nyl_sb_grant_to_json (&grant, req->app,
                                                         g_strcmp0 (aliases, "true") == 0));
    }
  else if (nyl_sb_method_is (req, "PATCH"))
    {
      patch_grant (req, &grant);
    }
  else if (nyl_sb_method_is (req, "DELETE"))
    {
      JsonObject *object = nyl_sb_grant_notification_object (req->app, &grant, "grant.deleted");

      nyl_sb_grant_delete (req->app, grant.slot);
      nyl_sb_changed (req->sandbox);
      nyl_sb_webhooks_notify (req->sandbox, req->app, "grant.deleted", object);
      json_object_unref (object);
      nyl_sb_reply_empty (req);
    }
  else
    {
      nyl_sb_reply_bad_method (req);
    }
}
