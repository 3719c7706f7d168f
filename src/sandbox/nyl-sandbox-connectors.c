/* nyl-sandbox-connectors.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-sandbox-connectors"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "nyl-canonical-json.h"
#include "nyl-sandbox-private.h"

/* /v3/connectors and /v3/connectors/{provider}/creds (nylas-api.md §5, §6). */

static const char * const providers[] = {
  "google", "microsoft", "imap", "icloud", "yahoo", "ews", "virtual-calendar", "zoom", "nylas",
  NULL,
};

static gboolean
needs_oauth_app (const char *provider)
{
  return g_str_equal (provider, "google") || g_str_equal (provider, "microsoft") ||
         g_str_equal (provider, "zoom") || g_str_equal (provider, "yahoo");
}

static JsonObject *
public_settings (JsonObject *settings)
{
  JsonObject *out = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (settings == NULL)
    return out;
  json_object_iter_init (&iter, settings);
  while (json_object_iter_next (&iter, &name, &value))
    {
      /* Secrets are stored by Nylas but never echoed; the sandbox does not keep them at all. */
      if (strstr (name, "secret") == NULL && strstr (name, "password") == NULL &&
          strstr (name, "private_key") == NULL)
        json_object_set_member (out, name, json_node_copy (value));
    }
  return out;
}

/* Returns FALSE (after replying) when a present member has the wrong type. */
static gboolean
read_optional (NylSbRequest *req,
               JsonObject   *body,
               JsonObject  **settings,
               char       ***scope,
               gboolean     *has_scope)
{
  JsonNode *node = json_object_get_member (body, "settings");

  *settings = NULL;
  *scope = NULL;
  *has_scope = FALSE;
  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          nyl_sb_reply_error (req, 400, "api.invalid_request_error", "settings must be an object");
          return FALSE;
        }
      *settings = json_node_get_object (node);
    }

  for (guint i = 0; i < 2; i++)
    {
      const char *member = i == 0 ? "scope" : "scopes";

      if (json_object_has_member (body, member))
        {
          *scope = nyl_sb_json_strv (body, member);
          if (*scope == NULL)
            {
              nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                                  "%s must be an array of strings", member);
              return FALSE;
            }
          *has_scope = TRUE;
          break;
        }
    }
  return TRUE;
}

static void
list_connectors (NylSbRequest *req)
{
  NylSbApp *app = req->app;
  JsonArray *items = json_array_new ();
  guint limit, offset;

  if (!nyl_sb_query_uint (req, "limit", 10, 1, 200, &limit) ||
      !nyl_sb_query_uint (req, "offset", 0, 0, G_MAXINT, &offset))
    {
      json_array_unref (items);
      return;
    }

  for (guint i = offset; i < app->connectors->len && i - offset < limit; i++)
    json_array_add_element (items, nyl_sb_connector_to_json (g_ptr_array_index (app->connectors,
                                                                                i)));
  nyl_sb_reply_offset_list (req, items, limit, offset);
}

static void
create_connector (NylSbRequest *req)
{
  JsonObject *body = nyl_sb_request_object (req);
  const char *provider, *name;
  JsonObject *settings;
  g_auto(GStrv) scope = NULL;
  gboolean has_scope;
  NylSbConnector *connector;

  if (body == NULL)
    return;

  provider = nyl_sb_json_string (body, "provider");
  if (provider == NULL || !g_strv_contains (providers, provider))
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                          "provider must be one of google, microsoft, imap, icloud, yahoo, ews, "
                          "virtual-calendar, zoom, nylas");
      return;
    }
  if (!read_optional (req, body, &settings, &scope, &has_scope))
    return;
  if (nyl_sb_connector_find (req->app, provider) != NULL)
    {
      nyl_sb_reply_error (req, 409, "api.conflict_error",
                          "A %s connector already exists for this application", provider);
      return;
    }
  if (needs_oauth_app (provider) &&
      (nyl_sb_json_string (settings, "client_id") == NULL ||
       nyl_sb_json_string (settings, "client_secret") == NULL))
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                          "settings.client_id and settings.client_secret are required for %s",
                          provider);
      return;
    }

  name = nyl_sb_json_string (body, "name");
  connector = g_new0 (NylSbConnector, 1);
  connector->provider = g_strdup (provider);
  connector->name = name != NULL ? g_strdup (name) : g_strdup (provider);
  connector->settings = public_settings (settings);
  connector->scope = has_scope ? g_steal_pointer (&scope) : g_new0 (char *, 1);
  connector->credentials = g_ptr_array_new_with_free_func (nyl_sb_credential_free);
  connector->created_at = connector->updated_at = nyl_sb_now ();
  g_ptr_array_add (req->app->connectors, connector);
  nyl_sb_changed (req->sandbox);
  nyl_sb_reply_data (req, 201, nyl_sb_connector_to_json (connector));
}

static void
update_connector (NylSbRequest   *req,
                  NylSbConnector *connector)
{
  JsonObject *body = nyl_sb_request_object (req);
  JsonObject *settings;
  g_auto(GStrv) scope = NULL;
  gboolean has_scope;
  const char *name, *active;

  if (body == NULL || !read_optional (req, body, &settings, &scope, &has_scope))
    return;

  name = nyl_sb_json_string (body, "name");
  active = nyl_sb_json_string (body, "active_credential_id");
  if (json_object_has_member (body, "active_credential_id") &&
      (active == NULL || nyl_sb_credential_find (connector, active) == NULL))
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                          "active_credential_id is not a credential of this connector");
      return;
    }

  if (name != NULL)
    {
      g_free (connector->name);
      connector->name = g_strdup (name);
    }
  if (settings != NULL)
    {
      /* Replaced whole, not merged (§1.7). */
      json_object_unref (connector->settings);
      connector->settings = public_settings (settings);
    }
  if (has_scope)
    {
      g_strfreev (connector->scope);
      connector->scope = g_steal_pointer (&scope);
    }
  if (active != NULL)
    {
      g_free (connector->active_credential_id);
      connector->active_credential_id = g_strdup (active);
    }
  connector->updated_at = nyl_sb_now ();
  nyl_sb_changed (req->sandbox);
  nyl_sb_reply_data (req, 200, nyl_sb_connector_to_json (connector));
}

static void
delete_connector (NylSbRequest   *req,
                  NylSbConnector *connector)
{
  NylSbApp *app = req->app;

  /* Every grant of the provider breaks at once, and the credentials go with the connector. */
  for (guint i = 0; i < connector->credentials->len; i++)
    {
      NylSbCredential *cred = g_ptr_array_index (connector->credentials, i);

      g_hash_table_add (app->deleted_credentials, g_strdup (cred->id));
    }
  nyl_sb_grants_invalidate_provider (app, connector->provider, nyl_sb_now ());
  g_ptr_array_remove (app->connectors, connector);
  nyl_sb_changed (req->sandbox);
  nyl_sb_reply_empty (req);
}

/* ---- credentials ------------------------------------------------------------------------- */

static int
compare_created_desc (gconstpointer a,
                      gconstpointer b)
{
  const NylSbCredential *x = *(NylSbCredential * const *) a;
  const NylSbCredential *y = *(NylSbCredential * const *) b;

  if (x->created_at != y->created_at)
    return x->created_at < y->created_at ? 1 : -1;
  return strcmp (x->id, y->id);
}

static int
compare_updated_desc (gconstpointer a,
                      gconstpointer b)
{
  const NylSbCredential *x = *(NylSbCredential * const *) a;
  const NylSbCredential *y = *(NylSbCredential * const *) b;

  if (x->updated_at != y->updated_at)
    return x->updated_at < y->updated_at ? 1 : -1;
  return strcmp (x->id, y->id);
}

static void
list_credentials (NylSbRequest   *req,
                  NylSbConnector *connector)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  const char *sort_by = nyl_sb_query (req, "sort_by");
  const char *order_by = nyl_sb_query (req, "order_by");
  gboolean by_updated_at, ascending;
  JsonArray *items;
  guint limit, offset;

  if (!nyl_sb_query_uint (req, "limit", 10, 1, 200, &limit) ||
      !nyl_sb_query_uint (req, "offset", 0, 0, G_MAXINT, &offset))
    return;
  if (!nyl_sb_query_sort (req, sort_by, order_by, &by_updated_at, &ascending))
    return;

  for (guint i = 0; i < connector->credentials->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (connector->credentials, i));
  g_ptr_array_sort (sorted, by_updated_at ? compare_updated_desc : compare_created_desc);

  items = json_array_new ();
  for (guint i = offset; i < sorted->len && i - offset < limit; i++)
    {
      guint j = ascending ? sorted->len - 1 - i : i;

      json_array_add_element (items, nyl_sb_credential_to_json (g_ptr_array_index (sorted, j)));
    }
  nyl_sb_reply_offset_list (req, items, limit, offset);
}

/* Checks @data for @type on @provider; replies 400 and returns NULL when wrong, else returns the
 * hex SHA-256 of its canonical JSON. */
static char *
check_credential_data (NylSbRequest *req,
                       const char   *provider,
                       const char   *type,
                       JsonNode     *data)
{
  static const char * const serviceaccount_required[] = {
    "private_key_id", "private_key", "client_email", NULL,
  };
  static const char * const adminconsent_required[] = { "tenant", NULL };
  static const char * const connector_required[] = { "client_id", "client_secret", NULL };
  const char * const *required;
  g_autoptr(GError) error = NULL;
  g_autofree char *canonical = NULL;
  JsonObject *o;

  if (data == NULL || !JSON_NODE_HOLDS_OBJECT (data))
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                          "credential_data must be an object");
      return NULL;
    }
  o = json_node_get_object (data);

  if (g_str_equal (type, "adminconsent"))
    {
      if (!g_str_equal (provider, "microsoft"))
        {
          nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                              "adminconsent credentials are for the microsoft connector");
          return NULL;
        }
      required = adminconsent_required;
    }
  else if (g_str_equal (type, "serviceaccount"))
    {
      if (!g_str_equal (provider, "google"))
        {
          nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                              "serviceaccount credentials are for the google connector");
          return NULL;
        }
      required = serviceaccount_required;
    }
  else if (g_str_equal (type, "connector"))
    {
      required = connector_required;
    }
  else
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                          "credential_type must be adminconsent, serviceaccount or connector");
      return NULL;
    }

  for (guint i = 0; required[i] != NULL; i++)
    {
      if (nyl_sb_json_string (o, required[i]) == NULL)
        {
          nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                              "credential_data.%s is required for %s credentials", required[i],
                              type);
          return NULL;
        }
    }

  canonical = nyl_canonical_json_from_node (data, &error);
  if (canonical == NULL)
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error", "credential_data: %s",
                          error->message);
      return NULL;
    }
  return nyl_sb_sha256_hex (canonical, -1);
}

static gboolean
name_taken (NylSbConnector  *connector,
            NylSbCredential *except,
            const char      *name)
{
  for (guint i = 0; i < connector->credentials->len; i++)
    {
      NylSbCredential *cred = g_ptr_array_index (connector->credentials, i);

      if (cred != except && g_str_equal (cred->name, name))
        return TRUE;
    }
  return FALSE;
}

static void
create_credential (NylSbRequest   *req,
                   NylSbConnector *connector)
{
  JsonObject *body = nyl_sb_request_object (req);
  const char *name, *type;
  g_autofree char *hash = NULL;
  NylSbCredential *cred;

  if (body == NULL)
    return;

  name = nyl_sb_json_string (body, "name");
  type = nyl_sb_json_string (body, "credential_type");
  if (name == NULL || name[0] == '\0' || type == NULL)
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                          "name, credential_type and credential_data are required");
      return;
    }
  hash = check_credential_data (req, connector->provider, type,
                                json_object_get_member (body, "credential_data"));
  if (hash == NULL)
    return;
  if (name_taken (connector, NULL, name))
    {
      nyl_sb_reply_error (req, 409, "api.conflict_error",
                          "A credential named “%s” already exists", name);
      return;
    }

  cred = g_new0 (NylSbCredential, 1);
  cred->id = nyl_sb_state_new_uuid (req->sandbox->state);
  cred->name = g_strdup (name);
  cred->credential_type = g_strdup (type);
  cred->hashed_data = g_steal_pointer (&hash);
  cred->created_at = cred->updated_at = nyl_sb_now ();
  g_ptr_array_add (connector->credentials, cred);
  nyl_sb_changed (req->sandbox);
  nyl_sb_reply_data (req, 201, nyl_sb_credential_to_json (cred));
}

static void
update_credential (NylSbRequest    *req,
                   NylSbConnector  *connector,
                   NylSbCredential *cred)
{
  JsonObject *body = nyl_sb_request_object (req);
  const char *name;
  g_autofree char *hash = NULL;

  if (body == NULL)
    return;

  name = nyl_sb_json_string (body, "name");
  if (json_object_has_member (body, "name") && (name == NULL || name[0] == '\0'))
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error", "name must be a string");
      return;
    }
  if (json_object_has_member (body, "credential_data"))
    {
      /* The whole object is replaced, not merged (§6). */
      hash = check_credential_data (req, connector->provider, cred->credential_type,
                                    json_object_get_member (body, "credential_data"));
      if (hash == NULL)
        return;
    }
  if (name != NULL && name_taken (connector, cred, name))
    {
      nyl_sb_reply_error (req, 409, "api.conflict_error",
                          "A credential named “%s” already exists", name);
      return;
    }

  if (name != NULL)
    {
      g_free (cred->name);
      cred->name = g_strdup (name);
    }
  if (hash != NULL)
    {
      g_free (cred->hashed_data);
      cred->hashed_data = g_steal_pointer (&hash);
    }
  cred->updated_at = nyl_sb_now ();
  nyl_sb_changed (req->sandbox);
  nyl_sb_reply_data (req, 200, nyl_sb_credential_to_json (cred));
}

static void
handle_credentials (NylSbRequest   *req,
                    NylSbConnector *connector)
{
  NylSbCredential *cred;

  if (req->n_segs == 4)
    {
      if (nyl_sb_method_is (req, "GET"))
        list_credentials (req, connector);
      else if (nyl_sb_method_is (req, "POST"))
        create_credential (req, connector);
      else
        nyl_sb_reply_bad_method (req);
      return;
    }

  if (req->n_segs != 5)
    {
      nyl_sb_reply_not_found (req, "Route");
      return;
    }

  cred = nyl_sb_credential_find (connector, req->segs[4]);
  if (cred == NULL)
    {
      nyl_sb_reply_not_found (req, "Credential");
      return;
    }

  if (nyl_sb_method_is (req, "GET"))
    {
      nyl_sb_reply_data (req, 200, nyl_sb_credential_to_json (cred));
    }
  else if (nyl_sb_method_is (req, "PATCH"))
    {
      update_credential (req, connector, cred);
    }
  else if (nyl_sb_method_is (req, "DELETE"))
    {
      if (g_strcmp0 (connector->active_credential_id, cred->id) == 0)
        {
          nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                              "The active credential of a connector cannot be deleted");
          return;
        }
      /* Grants that used it stop working at once. */
      g_hash_table_add (req->app->deleted_credentials, g_strdup (cred->id));
      nyl_sb_grants_changed (req->app);
      g_ptr_array_remove (connector->credentials, cred);
      nyl_sb_changed (req->sandbox);
      nyl_sb_reply_empty (req);
    }
  else
    {
      nyl_sb_reply_bad_method (req);
    }
}

void
nyl_sb_handle_connectors (NylSbRequest *req)
{
  NylSbConnector *connector;

  if (req->n_segs == 2)
    {
      if (nyl_sb_method_is (req, "GET"))
        list_connectors (req);
      else if (nyl_sb_method_is (req, "POST"))
        create_connector (req);
      else
        nyl_sb_reply_bad_method (req);
      return;
    }

  connector = nyl_sb_connector_find (req->app, req->segs[2]);
  if (connector == NULL)
    {
      nyl_sb_reply_not_found (req, "Connector");
      return;
    }

  if (req->n_segs >= 4)
    {
      if (g_str_equal (req->segs[3], "creds"))
        handle_credentials (req, connector);
      else
        nyl_sb_reply_not_found (req, "Route");
      return;
    }

  if (nyl_sb_method_is (req, "GET"))
    nyl_sb_reply_data (req, 200, nyl_sb_connector_to_json (connector));
  else if (nyl_sb_method_is (req, "PATCH"))
    update_connector (req, connector);
  else if (nyl_sb_method_is (req, "DELETE"))
    delete_connector (req, connector);
  else
    nyl_sb_reply_bad_method (req);
}
