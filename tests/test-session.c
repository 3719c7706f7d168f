/* test-session.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "model-test-util.h"
#include "nyl-api-key.h"
#include "nyl-app-details.h"
#include "nyl-connector-ops.h"
#include "nyl-connector.h"
#include "nyl-credential.h"
#include "nyl-domain.h"
#include "nyl-grant.h"
#include "nyl-redirect-uri.h"
#include "nyl-webhook.h"

/* Synchronous wrappers, each running the main context until the call is done. */

static NylResource *
fetch (MtFixture   *f,
       GType        type,
       const char  *parent,
       const char  *id,
       GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  nyl_session_fetch_async (f->session, type, parent, id, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  return nyl_session_fetch_finish (f->session, result, error);
}

static GListModel *
list (MtFixture   *f,
      GType        type,
      const char  *parent,
      GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  nyl_session_list_async (f->session, type, parent, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  return nyl_session_list_finish (f->session, result, error);
}

static NylResource *
create (MtFixture    *f,
        gpointer      resource,
        const char   *parent,
        GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  nyl_session_create_async (f->session, resource, parent, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  return nyl_session_create_finish (f->session, result, error);
}

static NylResource *
update (MtFixture    *f,
        gpointer      resource,
        const char   *parent,
        GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  nyl_session_update_async (f->session, resource, parent, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  return nyl_session_update_finish (f->session, result, error);
}

static gboolean
delete (MtFixture   *f,
        GType        type,
        const char  *parent,
        const char  *id,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  nyl_session_delete_async (f->session, type, parent, id, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  return nyl_session_delete_finish (f->session, result, error);
}

static guint
n_audit (MtFixture *f)
{
  g_autoptr(GListModel) entries = mt_audit_entries (f->audit_log);

  return g_list_model_get_n_items (entries);
}

static gboolean
model_has_id (GListModel *model,
              const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NylResource) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (nyl_resource_get_id (item), id) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_application (MtFixture     *f,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NylResource) app = NULL;
  g_autoptr(NylResource) updated = NULL;
  g_autoptr(NylResource) again = NULL;
  g_autofree char *last_id = NULL;

  app = fetch (f, NYL_TYPE_APP_DETAILS, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nyl_app_details_get_application_id (NYL_APP_DETAILS (app)), ==,
                   nyl_sandbox_get_application_id (f->sandbox));
  last_id = g_strdup (nyl_session_get_last_request_id (f->session));
  g_assert_nonnull (last_id);
  g_assert_cmpuint (n_audit (f), ==, 0);  /* reading is not audited */

  nyl_app_details_set_branding_name (NYL_APP_DETAILS (app), "Acme Mail (renamed)");
  updated = update (f, app, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nyl_app_details_get_branding_name (NYL_APP_DETAILS (updated)), ==,
                   "Acme Mail (renamed)");
  g_assert_cmpstr (nyl_session_get_last_request_id (f->session), !=, last_id);
  mt_assert_last_audit (f->audit_log, 1, "update", "application",
                        nyl_sandbox_get_application_id (f->sandbox), "ok");

  again = fetch (f, NYL_TYPE_APP_DETAILS, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nyl_app_details_get_branding_name (NYL_APP_DETAILS (again)), ==,
                   "Acme Mail (renamed)");

  /* The application is neither created, listed nor deleted. */
  g_assert_false (delete (f, NYL_TYPE_APP_DETAILS, NULL, NULL, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_clear_error (&error);
  g_assert_null (list (f, NYL_TYPE_APP_DETAILS, NULL, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
}

static void
test_redirect_uris (MtFixture     *f,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NylRedirectUri) uri = nyl_redirect_uri_new ();
  g_autoptr(NylResource) created = NULL;
  g_autoptr(NylResource) fetched = NULL;
  g_autoptr(NylResource) updated = NULL;
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GListModel) gone = NULL;
  g_autofree char *last = NULL;
  const char *id;

  before = list (f, NYL_TYPE_REDIRECT_URI, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (before), ==, 6);
  g_assert_true (g_list_model_get_item_type (before) == NYL_TYPE_REDIRECT_URI);

  nyl_redirect_uri_set_url (uri, "https://new.acme.example/callback");
  nyl_redirect_uri_set_platform (uri, "web");
  created = create (f, uri, NULL, &error);
  g_assert_no_error (error);
  id = nyl_resource_get_id (created);
  g_assert_nonnull (id);
  mt_assert_last_audit (f->audit_log, 1, "create", "redirect-uri", id, "ok");
  last = mt_last_audit_request_id (f->audit_log);
  g_assert_nonnull (last);
  g_assert_cmpstr (last, ==, nyl_session_get_last_request_id (f->session));

  fetched = fetch (f, NYL_TYPE_REDIRECT_URI, NULL, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nyl_redirect_uri_get_url (NYL_REDIRECT_URI (fetched)), ==,
                   "https://new.acme.example/callback");

  after = list (f, NYL_TYPE_REDIRECT_URI, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 7);
  g_assert_true (model_has_id (after, id));

  nyl_redirect_uri_set_url (NYL_REDIRECT_URI (fetched), "https://new.acme.example/callback2");
  updated = update (f, fetched, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nyl_redirect_uri_get_url (NYL_REDIRECT_URI (updated)), ==,
                   "https://new.acme.example/callback2");
  mt_assert_last_audit (f->audit_log, 2, "update", "redirect-uri", id, "ok");

  g_assert_true (delete (f, NYL_TYPE_REDIRECT_URI, NULL, id, &error));
  g_assert_no_error (error);
  mt_assert_last_audit (f->audit_log, 3, "delete", "redirect-uri", id, "ok");

  gone = list (f, NYL_TYPE_REDIRECT_URI, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (model_has_id (gone, id));

  /* Deleting it again fails and that is audited too, with the request ID. */
  g_assert_false (delete (f, NYL_TYPE_REDIRECT_URI, NULL, id, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_NOT_FOUND);
  mt_assert_last_audit (f->audit_log, 4, "delete", "redirect-uri", id, "not-found");
  g_assert_nonnull (nyl_session_get_last_request_id (f->session));
}

static void
test_webhooks (MtFixture     *f,
               gconstpointer  user_data)
{
  static const char * const triggers[] = { "grant.created", "grant.expired", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(NylWebhook) webhook = nyl_webhook_new ();
  g_autoptr(NylResource) created = NULL;
  g_autoptr(NylResource) fetched = NULL;
  g_autoptr(NylResource) updated = NULL;
  g_autoptr(NylWebhook) rotated = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *first_secret = NULL;
  const char *id;

  nyl_webhook_set_webhook_url (webhook, "https://hooks.acme.example/nylas");
  nyl_webhook_set_trigger_types (webhook, triggers);
  nyl_webhook_set_description (webhook, "Grant events");
  created = create (f, webhook, NULL, &error);
  g_assert_no_error (error);
  id = nyl_resource_get_id (created);
  /* The one-time secret comes with the create answer. */
  g_assert_nonnull (nyl_webhook_get_secret (NYL_WEBHOOK (created)));
  first_secret = g_strdup (nyl_webhook_get_secret (NYL_WEBHOOK (created)));
  mt_assert_last_audit (f->audit_log, 1, "create", "webhook", id, "ok");

  all = list (f, NYL_TYPE_WEBHOOK, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (model_has_id (all, id));

  fetched = fetch (f, NYL_TYPE_WEBHOOK, NULL, id, &error);
  g_assert_no_error (error);
  g_assert_null (nyl_webhook_get_secret (NYL_WEBHOOK (fetched)));

  /* Update is a PUT; pausing is an update. */
  nyl_webhook_set_description (NYL_WEBHOOK (fetched), "Grant events (paused)");
  nyl_webhook_set_status (NYL_WEBHOOK (fetched), "pause");
  updated = update (f, fetched, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nyl_webhook_get_description (NYL_WEBHOOK (updated)), ==,
                   "Grant events (paused)");
  g_assert_cmpstr (nyl_webhook_get_status (NYL_WEBHOOK (updated)), ==, "pause");
  mt_assert_last_audit (f->audit_log, 2, "update", "webhook", id, "ok");

  nyl_session_rotate_webhook_secret_async (f->session, id, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  rotated = nyl_session_rotate_webhook_secret_finish (f->session, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (nyl_webhook_get_secret (rotated));
  g_assert_cmpstr (nyl_webhook_get_secret (rotated), !=, first_secret);
  mt_assert_last_audit (f->audit_log, 3, "rotate", "webhook", id, "ok");

  g_assert_true (delete (f, NYL_TYPE_WEBHOOK, NULL, id, &error));
  g_assert_no_error (error);
  mt_assert_last_audit (f->audit_log, 4, "delete", "webhook", id, "ok");

  g_clear_object (&result);
  nyl_session_rotate_webhook_secret_async (f->session, id, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  g_assert_null (nyl_session_rotate_webhook_secret_finish (f->session, result, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_NOT_FOUND);
  mt_assert_last_audit (f->audit_log, 5, "rotate", "webhook", id, "not-found");
}

static void
test_webhook_tools (MtFixture     *f,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) payload = NULL;
  g_autoptr(JsonNode) addresses = NULL;
  JsonObject *object;

  nyl_session_mock_payload_async (f->session, "grant.expired", NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  payload = nyl_session_mock_payload_finish (f->session, result, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (payload));
  object = json_node_get_object (payload);
  g_assert_cmpstr (json_object_get_string_member_with_default (object, "type", NULL), ==,
                   "grant.expired");

  g_clear_object (&result);
  nyl_session_mock_payload_async (f->session, "no.such.trigger", NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  g_assert_null (nyl_session_mock_payload_finish (f->session, result, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_clear_error (&error);

  g_clear_object (&result);
  nyl_session_ip_addresses_async (f->session, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  addresses = nyl_session_ip_addresses_finish (f->session, result, &error);
  g_assert_no_error (error);
  object = json_node_get_object (addresses);
  g_assert_true (json_object_has_member (object, "ip_addresses"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "ip_addresses")),
                    >, 0);

  g_clear_object (&result);
  nyl_session_send_test_event_async (f->session, "grant.created",
                                     "https://hooks.acme.example/test", NULL, mt_result_cb,
                                     &result);
  MT_AWAIT (result);
  g_assert_true (nyl_session_send_test_event_finish (f->session, result, &error));
  g_assert_no_error (error);

  g_clear_object (&result);
  nyl_session_send_test_event_async (f->session, "grant.created", "http://example.com/x", NULL,
                                     mt_result_cb, &result);
  MT_AWAIT (result);
  g_assert_false (nyl_session_send_test_event_finish (f->session, result, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);

  /* None of these change anything: nothing audited. */
  g_assert_cmpuint (n_audit (f), ==, 0);
}

static void
test_connectors_and_credentials (MtFixture     *f,
                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NylConnector) zoom = nyl_connector_new_for_provider ("zoom");
  g_autoptr(NylResource) created = NULL;
  g_autoptr(NylResource) updated = NULL;
  g_autoptr(GListModel) connectors = NULL;
  g_autoptr(GListModel) creds = NULL;
  g_autoptr(GListModel) creds_after = NULL;
  g_autoptr(NylCredential) credential = nyl_credential_new ();
  g_autoptr(NylResource) cred_created = NULL;
  g_autoptr(NylResource) cred_fetched = NULL;
  g_autoptr(NylResource) cred_updated = NULL;
  g_autoptr(JsonObject) data = json_object_new ();
  g_autofree char *cred_id = NULL;

  connectors = list (f, NYL_TYPE_CONNECTOR, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (model_has_id (connectors, "google"));
  g_assert_true (model_has_id (connectors, "microsoft"));
  g_assert_false (model_has_id (connectors, "zoom"));

  nyl_connector_set_name (zoom, "Zoom");
  nyl_connector_set_client_secret (zoom, "zoom-client-secret");
  {
    g_autoptr(JsonObject) settings = json_object_new ();

    json_object_set_string_member (settings, "client_id", "zoom-client");
    nyl_connector_set_settings (zoom, settings);
  }
  created = create (f, zoom, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nyl_resource_get_id (created), ==, "zoom");
  mt_assert_last_audit (f->audit_log, 1, "create", "connector", "zoom", "ok");

  nyl_connector_set_name (NYL_CONNECTOR (created), "Zoom meetings");
  updated = update (f, created, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nyl_connector_get_name (NYL_CONNECTOR (updated)), ==, "Zoom meetings");
  mt_assert_last_audit (f->audit_log, 2, "update", "connector", "zoom", "ok");

  /* Credentials live below their connector: without a provider there is no path. */
  g_assert_null (list (f, NYL_TYPE_CREDENTIAL, NULL, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_clear_error (&error);

  creds = list (f, NYL_TYPE_CREDENTIAL, "google", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (creds), ==, 2);

  nyl_credential_set_name (credential, "Second OAuth app");
  nyl_credential_set_credential_type (credential, "connector");
  json_object_set_string_member (data, "client_id", "second");
  json_object_set_string_member (data, "client_secret", "second-secret");
  nyl_credential_set_credential_data (credential, data);
  cred_created = create (f, credential, "google", &error);
  g_assert_no_error (error);
  cred_id = g_strdup (nyl_resource_get_id (cred_created));
  g_assert_nonnull (cred_id);
  mt_assert_last_audit (f->audit_log, 3, "create", "credential", cred_id, "ok");

  cred_fetched = fetch (f, NYL_TYPE_CREDENTIAL, "google", cred_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nyl_credential_get_name (NYL_CREDENTIAL (cred_fetched)), ==,
                   "Second OAuth app");

  nyl_credential_set_name (NYL_CREDENTIAL (cred_fetched), "Second OAuth app (renamed)");
  cred_updated = update (f, cred_fetched, "google", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nyl_credential_get_name (NYL_CREDENTIAL (cred_updated)), ==,
                   "Second OAuth app (renamed)");

  g_assert_true (delete (f, NYL_TYPE_CREDENTIAL, "google", cred_id, &error));
  g_assert_no_error (error);
  mt_assert_last_audit (f->audit_log, 5, "delete", "credential", cred_id, "ok");
  creds_after = list (f, NYL_TYPE_CREDENTIAL, "google", &error);
  g_assert_no_error (error);
  g_assert_false (model_has_id (creds_after, cred_id));

  g_assert_true (delete (f, NYL_TYPE_CONNECTOR, NULL, "zoom", &error));
  g_assert_no_error (error);
  mt_assert_last_audit (f->audit_log, 6, "delete", "connector", "zoom", "ok");
}

static void
test_grants (MtFixture     *f,
             gconstpointer  user_data)
{
  static const char * const scope[] = { "Mail.Read", "User.Read", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) grants = NULL;
  g_autoptr(NylGrant) first = NULL;
  g_autoptr(NylResource) fetched = NULL;
  g_autoptr(NylResource) updated = NULL;
  g_autoptr(NylGrant) grant = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(NylGrantStats) stats = NULL;
  g_autoptr(JsonNode) stats_json = NULL;
  g_autofree char *id = NULL;
  g_autofree char *stats_text = NULL;
  guint sum = 0;

  /* 450 grants: three pages of 200 through offset paging. */
  grants = list (f, NYL_TYPE_GRANT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (grants), ==, 450);
  first = g_list_model_get_item (grants, 0);
  id = g_strdup (nyl_resource_get_id (NYL_RESOURCE (first)));

  fetched = fetch (f, NYL_TYPE_GRANT, NULL, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nyl_grant_get_email (NYL_GRANT (fetched)), ==, nyl_grant_get_email (first));

  /* A grant cannot be created. */
  grant = nyl_grant_new ();
  g_assert_null (create (f, grant, NULL, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_clear_error (&error);
  g_assert_cmpuint (n_audit (f), ==, 0);

  nyl_grant_set_scope (NYL_GRANT (fetched), scope);
  updated = update (f, fetched, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (nyl_grant_get_scope (NYL_GRANT (updated)), scope);
  mt_assert_last_audit (f->audit_log, 1, "update", "grant", id, "ok");

  g_assert_true (delete (f, NYL_TYPE_GRANT, NULL, id, &error));
  g_assert_no_error (error);
  mt_assert_last_audit (f->audit_log, 2, "delete", "grant", id, "ok");

  g_clear_object (&fetched);
  fetched = fetch (f, NYL_TYPE_GRANT, NULL, id, &error);
  g_assert_null (fetched);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_NOT_FOUND);
  g_clear_error (&error);

  nyl_session_grant_stats_async (f->session, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  stats = nyl_session_grant_stats_finish (f->session, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->total, ==, 449);
  for (const char *const *s = (const char *const[]){ "valid", "invalid", NULL }; *s; s++)
    sum += GPOINTER_TO_UINT (g_hash_table_lookup (stats->by_status, *s));
  g_assert_cmpuint (sum, ==, 449);
  g_assert_cmpuint (g_hash_table_size (stats->by_status), ==, 2);
  sum = 0;
  for (const char *const *p = (const char *const[]){ "google", "microsoft", "imap", NULL }; *p; p++)
    sum += GPOINTER_TO_UINT (g_hash_table_lookup (stats->by_provider, *p));
  g_assert_cmpuint (sum, ==, 449);

  stats_json = nyl_grant_stats_to_json (stats);
  stats_text = json_to_string (stats_json, FALSE);
  g_assert_true (g_str_has_prefix (stats_text, "{\"total\":449,\"by_status\":{\"invalid\":"));
  g_assert_nonnull (strstr (stats_text, "\"by_provider\":{\"google\":"));
}

static void
test_api_keys (MtFixture     *f,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) keys = NULL;
  g_autoptr(GListModel) keys_after = NULL;
  g_autoptr(NylApiKey) key = nyl_api_key_new ();
  g_autoptr(NylResource) created = NULL;
  g_autoptr(NylResource) fetched = NULL;
  g_autofree char *id = NULL;

  keys = list (f, NYL_TYPE_API_KEY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (keys), ==, 3);

  nyl_api_key_set_name (key, "Session test key");
  nyl_api_key_set_expires_in_days (key, 30);
  created = create (f, key, NULL, &error);
  g_assert_no_error (error);
  id = g_strdup (nyl_resource_get_id (created));
  g_assert_true (nyl_api_key_has_secret (NYL_API_KEY (created)));
  g_assert_cmpint (nyl_api_key_get_expires_at (NYL_API_KEY (created)) -
                   nyl_api_key_get_created_at (NYL_API_KEY (created)), ==, 30 * 86400);
  mt_assert_last_audit (f->audit_log, 1, "create", "api-key", id, "ok");

  fetched = fetch (f, NYL_TYPE_API_KEY, NULL, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nyl_api_key_get_name (NYL_API_KEY (fetched)), ==, "Session test key");
  g_assert_false (nyl_api_key_has_secret (NYL_API_KEY (fetched)));

  /* There is no update for API keys. */
  g_assert_null (update (f, fetched, NULL, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_clear_error (&error);

  /* Deleting a key is a revocation. */
  g_assert_true (delete (f, NYL_TYPE_API_KEY, NULL, id, &error));
  g_assert_no_error (error);
  mt_assert_last_audit (f->audit_log, 2, "revoke", "api-key", id, "ok");

  keys_after = list (f, NYL_TYPE_API_KEY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (keys_after), ==, 3);
  g_assert_false (model_has_id (keys_after, id));
}

static void
test_domains (MtFixture     *f,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NylDomain) domain = nyl_domain_new ();
  g_autoptr(NylResource) created = NULL;
  g_autoptr(NylResource) updated = NULL;
  g_autoptr(NylResource) fetched = NULL;
  g_autoptr(GListModel) domains = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) info = NULL;
  g_autoptr(JsonNode) verified = NULL;
  g_autofree char *id = NULL;
  JsonObject *attempt;

  nyl_domain_set_name (domain, "Marketing");
  nyl_domain_set_domain_address (domain, "mail.marketing-test.example");
  created = create (f, domain, NULL, &error);
  g_assert_no_error (error);
  id = g_strdup (nyl_resource_get_id (created));
  mt_assert_last_audit (f->audit_log, 1, "create", "domain", id, "ok");

  domains = list (f, NYL_TYPE_DOMAIN, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (model_has_id (domains, id));

  /* PUT; the answer may hold only the changed fields, the result is the whole domain. */
  nyl_domain_set_name (NYL_DOMAIN (created), "Marketing (EU)");
  updated = update (f, created, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nyl_resource_get_id (updated), ==, id);
  g_assert_cmpstr (nyl_domain_get_name (NYL_DOMAIN (updated)), ==, "Marketing (EU)");
  g_assert_cmpstr (nyl_domain_get_domain_address (NYL_DOMAIN (updated)), ==,
                   "mail.marketing-test.example");
  mt_assert_last_audit (f->audit_log, 2, "update", "domain", id, "ok");

  nyl_session_domain_info_async (f->session, id, "spf", NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  info = nyl_session_domain_info_finish (f->session, result, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (info));
  attempt = json_object_get_object_member (json_node_get_object (info), "attempt");
  g_assert_nonnull (attempt);
  g_assert_cmpstr (json_object_get_string_member (attempt, "type"), ==, "spf");

  g_clear_object (&result);
  nyl_session_domain_verify_async (f->session, id, "spf", NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  verified = nyl_session_domain_verify_finish (f->session, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (verified), "status"), ==,
                   "done");

  fetched = fetch (f, NYL_TYPE_DOMAIN, NULL, id, &error);
  g_assert_no_error (error);
  g_assert_true (nyl_domain_get_verified_spf (NYL_DOMAIN (fetched)));

  g_assert_true (delete (f, NYL_TYPE_DOMAIN, NULL, id, &error));
  g_assert_no_error (error);
  mt_assert_last_audit (f->audit_log, 3, "delete", "domain", id, "ok");
}

static void
test_no_service_account (MtFixture     *f,
                         gconstpointer  user_data)
{
  g_autoptr(NylProfile) profile = mt_profile_new (f->sandbox, "No SA");
  g_autoptr(NylSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) keys = NULL;
  g_autoptr(NylApiKey) key = nyl_api_key_new ();
  g_autoptr(NylResource) created = NULL;

  session = nyl_session_new (profile, nyl_sandbox_get_api_key (f->sandbox), NULL, &error);
  g_assert_no_error (error);
  g_assert_false (nyl_session_has_service_account (session));
  nyl_session_set_audit_log (session, f->audit_log);

  nyl_session_list_async (session, NYL_TYPE_API_KEY, NULL, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  keys = nyl_session_list_finish (session, result, &error);
  g_assert_null (keys);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS);
  g_assert_nonnull (strstr (error->message, "Service Account"));
  g_clear_error (&error);

  g_clear_object (&result);
  nyl_api_key_set_name (key, "never");
  nyl_session_create_async (session, NYL_RESOURCE (key), NULL, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  created = nyl_session_create_finish (session, result, &error);
  g_assert_null (created);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS);
  g_clear_error (&error);

  g_clear_object (&result);
  nyl_session_domain_info_async (session, "d", "spf", NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  g_assert_null (nyl_session_domain_info_finish (session, result, &error));
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS);

  /* Refused before any request: nothing changed, nothing audited. */
  g_assert_cmpuint (n_audit (f), ==, 0);
}

static void
test_wrong_key (MtFixture     *f,
                gconstpointer  user_data)
{
  g_autoptr(NylSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(NylResource) app = NULL;

  session = nyl_session_new (f->profile, "nyk_v0_not_a_key", NULL, &error);
  g_assert_no_error (error);
  nyl_session_fetch_async (session, NYL_TYPE_APP_DETAILS, NULL, NULL, NULL, mt_result_cb,
                           &result);
  MT_AWAIT (result);
  app = nyl_session_fetch_finish (session, result, &error);
  g_assert_null (app);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_UNAUTHORIZED);
  /* The request ID of a failure is kept for the message. */
  g_assert_nonnull (nyl_session_get_last_request_id (session));
}

static void
test_connect (MtFixture     *f,
              gconstpointer  user_data)
{
  g_autoptr(SoupSession) http = sbt_session_new ();
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(SbtResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) token = NULL;
  g_autoptr(GUri) location = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *path = NULL;
  g_autofree char *access_token = NULL;
  JsonObject *object;

  /* Consent without a person: the sandbox redirects at once with a code. */
  mt_fault (f->sandbox, "auto_consent", "true");
  path = g_strdup_printf ("/v3/connect/auth?client_id=%s&redirect_uri=%s&response_type=code"
                          "&provider=google",
                          nyl_sandbox_get_application_id (f->sandbox),
                          "https%3A%2F%2Fapp.acme.example%2Foauth%2Fcallback");
  msg = sbt_message ("GET", nyl_sandbox_get_url (f->sandbox), path, NULL, NULL);
  response = sbt_send (http, msg);
  g_assert_cmpuint (response->status, ==, 302);
  location = g_uri_parse (soup_message_headers_get_one (response->headers, "Location"),
                          G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  params = g_uri_parse_params (g_uri_get_query (location), -1, "&", G_URI_PARAMS_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_hash_table_lookup (params, "code"));

  nyl_session_exchange_code_async (f->session, g_hash_table_lookup (params, "code"),
                                   "https://app.acme.example/oauth/callback", NULL, NULL,
                                   mt_result_cb, &result);
  MT_AWAIT (result);
  token = nyl_session_exchange_code_finish (f->session, result, &error);
  g_assert_no_error (error);
  object = json_node_get_object (token);
  g_assert_nonnull (json_object_get_string_member_with_default (object, "grant_id", NULL));
  access_token = g_strdup (json_object_get_string_member_with_default (object, "access_token",
                                                                       NULL));
  g_assert_nonnull (access_token);

  /* A code works once. */
  g_clear_object (&result);
  nyl_session_exchange_code_async (f->session, g_hash_table_lookup (params, "code"),
                                   "https://app.acme.example/oauth/callback", NULL, NULL,
                                   mt_result_cb, &result);
  MT_AWAIT (result);
  g_assert_null (nyl_session_exchange_code_finish (f->session, result, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_clear_object (&result);
  nyl_session_revoke_token_async (f->session, access_token, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  g_assert_true (nyl_session_revoke_token_finish (f->session, result, &error));
  g_assert_no_error (error);
}

static guint
count_grants (MtFixture   *f,
              const char  *provider,
              GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  nyl_connector_count_grants_async (f->session, provider, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  return nyl_connector_count_grants_finish (f->session, result, error);
}

static void
test_connector_grant_count (MtFixture     *f,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) grants = NULL;
  guint n_google = 0, n_microsoft = 0;

  grants = list (f, NYL_TYPE_GRANT, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (grants); i++)
    {
      g_autoptr(NylGrant) grant = g_list_model_get_item (grants, i);

      if (g_strcmp0 (nyl_grant_get_provider (grant), "google") == 0)
        n_google++;
      else if (g_strcmp0 (nyl_grant_get_provider (grant), "microsoft") == 0)
        n_microsoft++;
    }
  g_assert_cmpuint (n_google, >, 200);  /* more than one page */

  g_assert_cmpuint (count_grants (f, "google", &error), ==, n_google);
  g_assert_no_error (error);
  g_assert_cmpuint (count_grants (f, "microsoft", &error), ==, n_microsoft);
  g_assert_no_error (error);
  g_assert_cmpuint (count_grants (f, "zoom", &error), ==, 0);
  g_assert_no_error (error);

  g_assert_cmpuint (count_grants (f, "", &error), ==, 0);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST);
  g_clear_error (&error);

  mt_fault (f->sandbox, "path_prefix", "\"/v3/grants\"");
  mt_fault (f->sandbox, "error_count", "1000");
  g_assert_cmpuint (count_grants (f, "google", &error), ==, 0);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_SERVER);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, n_grants) \
  g_test_add ("/session/" path, MtFixture, GUINT_TO_POINTER (n_grants), mt_fixture_setup, func, \
              mt_fixture_teardown)

  ADD ("application", test_application, 10);
  ADD ("redirect-uris", test_redirect_uris, 10);
  ADD ("webhooks", test_webhooks, 10);
  ADD ("webhook-tools", test_webhook_tools, 10);
  ADD ("connectors", test_connectors_and_credentials, 10);
  ADD ("grants", test_grants, 450);
  ADD ("connector-grant-count", test_connector_grant_count, 600);
  ADD ("api-keys", test_api_keys, 10);
  ADD ("domains", test_domains, 10);
  ADD ("no-service-account", test_no_service_account, 10);
  ADD ("wrong-key", test_wrong_key, 10);
  ADD ("connect", test_connect, 10);

#undef ADD

  return g_test_run ();
}
