/* nyl-session-calls.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-session"

#include "config.h"

#include "nyl-session.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "nyl-api-error.h"
#include "nyl-grant.h"
#include "nyl-page-iterator.h"
#include "nyl-session-private.h"
#include "nyl-webhook.h"

/* The calls of a session that are not create/read/update/delete of a resource: webhook secret
 * rotation, test events and mock payloads, Nylas's IP addresses, domain DNS records and
 * verification, token revocation and code exchange, and grant statistics. */

typedef enum
{
  RESULT_BOOLEAN,
  RESULT_JSON,
} ResultKind;

typedef struct
{
  ResultKind result;
} SimpleCall;

static void
simple_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  NylSession *self = NYL_SESSION (object);
  SimpleCall *call = g_task_get_task_data (task);
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *data;

  response = _nyl_session_request_finish (self, result, NULL, &error);

  if (response == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (call->result == RESULT_BOOLEAN)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  data = nyl_response_get_data (response);
  if (data == NULL)
    {
      g_task_return_new_error (task, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                               _("The server’s answer holds no data"));
      return;
    }

  g_task_return_pointer (task, json_node_copy (data), (GDestroyNotify)json_node_unref);
}

/* Sends one request and answers TRUE or a copy of the answer's data. Takes @body. */
static void
simple_call (NylSession          *self,
             gpointer             source_tag,
             ResultKind           kind,
             const char          *method,
             const char          *path,
             const char * const  *query,
             JsonNode            *body,
             NylClientAuth        auth,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(JsonNode) owned_body = body;
  SimpleCall *call = g_new0 (SimpleCall, 1);

  g_task_set_source_tag (task, source_tag);
  call->result = kind;
  g_task_set_task_data (task, call, g_free);

  _nyl_session_request_async (self, method, path, query, owned_body, auth, cancellable,
                              simple_cb, g_steal_pointer (&task));
}

static JsonNode *
object_body (const char *first_member,
             ...) G_GNUC_NULL_TERMINATED;

/* {"member": "value", …}; a NULL value leaves the member out. */
static JsonNode *
object_body (const char *first_member,
             ...)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  va_list args;

  va_start (args, first_member);
  for (const char *member = first_member; member != NULL; member = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);

      if (value != NULL)
        json_object_set_string_member (object, member, value);
    }
  va_end (args);

  json_node_take_object (node, object);
  return node;
}

static gboolean
require (GTask      *task,
         const char *value,
         const char *what)
{
  if (value != NULL && *value != '\0')
    return TRUE;

  g_task_return_new_error (task, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                           _("%s is required"), what);
  return FALSE;
}

/* Webhooks --------------------------------------------------------------- */

static void
rotate_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  NylSession *self = NYL_SESSION (object);
  const char *id = g_task_get_task_data (task);
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(NylWebhook) webhook = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *request_id = NULL;

  response = _nyl_session_request_finish (self, result, &request_id, &error);
  nyl_session_audit (self, NYL_AUDIT_ACTION_ROTATE, NYL_TYPE_WEBHOOK, id, request_id, error);

  if (response != NULL)
    webhook = nyl_resource_new_from_json (NYL_TYPE_WEBHOOK, nyl_response_get_data (response),
                                          &error);

  if (webhook == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&webhook), g_object_unref);
}

/**
 * nyl_session_rotate_webhook_secret_async:
 * @self: a #NylSession
 * @id: the webhook's ID
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the webhook and its new secret
 * @user_data: data for @callback
 *
 * Gives a webhook a new signing secret; the old one stops working at once
 * (audited ROTATE).
 */
void
nyl_session_rotate_webhook_secret_async (NylSession          *self,
                                         const char          *id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (NYL_IS_SESSION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nyl_session_rotate_webhook_secret_async);
  if (!require (task, id, _("A webhook ID")))
    return;

  g_task_set_task_data (task, g_strdup (id), g_free);
  escaped = _nyl_path_escape (id);
  path = g_strconcat ("/v3/webhooks/rotate-secret/", escaped, NULL);
  body = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (body, json_object_new ());
  _nyl_session_request_async (self, "POST", path, NULL, body, NYL_CLIENT_AUTH_API_KEY,
                              cancellable, rotate_cb, g_steal_pointer (&task));
}

/**
 * nyl_session_rotate_webhook_secret_finish:
 *
 * Returns: (transfer full) (nullable): the webhook, carrying its new secret
 */
NylWebhook *
nyl_session_rotate_webhook_secret_finish (NylSession    *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  g_return_val_if_fail (NYL_IS_SESSION (self), NULL);
  g_return_val_if_fail (_nyl_session_is_result (self, result,
                                                nyl_session_rotate_webhook_secret_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * nyl_session_send_test_event_async:
 * @self: a #NylSession
 * @trigger_type: e.g. `grant.created`
 * @webhook_url: where Nylas sends it (signed with `mock-webhook-secret`)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when Nylas accepted the request
 * @user_data: data for @callback
 */
void
nyl_session_send_test_event_async (NylSession          *self,
                                   const char          *trigger_type,
                                   const char          *webhook_url,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (NYL_IS_SESSION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  if (trigger_type == NULL || *trigger_type == '\0' || webhook_url == NULL || *webhook_url == '\0')
    {
      g_task_report_new_error (self, callback, user_data, nyl_session_send_test_event_async,
                               NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                               _("A test event needs a trigger type and a URL"));
      return;
    }

  simple_call (self, nyl_session_send_test_event_async, RESULT_BOOLEAN, "POST",
               "/v3/webhooks/send-test-event", NULL,
               object_body ("trigger_type", trigger_type, "webhook_url", webhook_url, NULL),
               NYL_CLIENT_AUTH_API_KEY, cancellable, callback, user_data);
}

gboolean
nyl_session_send_test_event_finish (NylSession    *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (NYL_IS_SESSION (self), FALSE);
  g_return_val_if_fail (_nyl_session_is_result (self, result, nyl_session_send_test_event_async),
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * nyl_session_mock_payload_async:
 * @self: a #NylSession
 * @trigger_type: e.g. `grant.created`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the example notification
 * @user_data: data for @callback
 */
void
nyl_session_mock_payload_async (NylSession          *self,
                                const char          *trigger_type,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (NYL_IS_SESSION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  if (trigger_type == NULL || *trigger_type == '\0')
    {
      g_task_report_new_error (self, callback, user_data, nyl_session_mock_payload_async,
                               NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                               _("A mock payload needs a trigger type"));
      return;
    }

  simple_call (self, nyl_session_mock_payload_async, RESULT_JSON, "POST",
               "/v3/webhooks/mock-payload", NULL,
               object_body ("trigger_type", trigger_type, NULL),
               NYL_CLIENT_AUTH_API_KEY, cancellable, callback, user_data);
}

/**
 * nyl_session_mock_payload_finish:
 *
 * Returns: (transfer full) (nullable): the example notification
 */
JsonNode *
nyl_session_mock_payload_finish (NylSession    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (NYL_IS_SESSION (self), NULL);
  g_return_val_if_fail (_nyl_session_is_result (self, result, nyl_session_mock_payload_async),
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * nyl_session_ip_addresses_async:
 * @self: a #NylSession
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with `{ip_addresses, updated_at}`
 * @user_data: data for @callback
 *
 * The addresses Nylas sends webhooks from.
 */
void
nyl_session_ip_addresses_async (NylSession          *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (NYL_IS_SESSION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  simple_call (self, nyl_session_ip_addresses_async, RESULT_JSON, "GET",
               "/v3/webhooks/ip-addresses", NULL, NULL, NYL_CLIENT_AUTH_API_KEY, cancellable,
               callback, user_data);
}

/**
 * nyl_session_ip_addresses_finish:
 *
 * Returns: (transfer full) (nullable): `{ip_addresses: [...], updated_at}`
 */
JsonNode *
nyl_session_ip_addresses_finish (NylSession    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (NYL_IS_SESSION (self), NULL);
  g_return_val_if_fail (_nyl_session_is_result (self, result, nyl_session_ip_addresses_async),
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Domains ---------------------------------------------------------------- */

static void
domain_call (NylSession          *self,
             gpointer             source_tag,
             const char          *id,
             const char          *type,
             const char          *action,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  if (id == NULL || *id == '\0' || type == NULL || *type == '\0')
    {
      g_task_report_new_error (self, callback, user_data, source_tag,
                               NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                               _("A domain ID and a record type are needed"));
      return;
    }

  escaped = _nyl_path_escape (id);
  path = g_strconcat ("/v3/admin/domains/", escaped, "/", action, NULL);
  simple_call (self, source_tag, RESULT_JSON, "POST", path, NULL,
               object_body ("type", type, NULL), NYL_CLIENT_AUTH_SERVICE_ACCOUNT, cancellable,
               callback, user_data);
}

/**
 * nyl_session_domain_info_async:
 * @self: a #NylSession
 * @id: the domain's ID
 * @type: the record: `ownership`, `mx`, `spf`, `dkim`, `feedback`, `dmarc` or `arc`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the DNS record to add
 * @user_data: data for @callback
 */
void
nyl_session_domain_info_async (NylSession          *self,
                               const char          *id,
                               const char          *type,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (NYL_IS_SESSION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  domain_call (self, nyl_session_domain_info_async, id, type, "info", cancellable, callback,
               user_data);
}

/**
 * nyl_session_domain_info_finish:
 *
 * Returns: (transfer full) (nullable): `{domain_id, attempt{type, options{host, type, value}},
 *   status, …}`
 */
JsonNode *
nyl_session_domain_info_finish (NylSession    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (NYL_IS_SESSION (self), NULL);
  g_return_val_if_fail (_nyl_session_is_result (self, result, nyl_session_domain_info_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * nyl_session_domain_verify_async:
 * @self: a #NylSession
 * @id: the domain's ID
 * @type: the record to verify
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the verification attempt
 * @user_data: data for @callback
 */
void
nyl_session_domain_verify_async (NylSession          *self,
                                 const char          *id,
                                 const char          *type,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (NYL_IS_SESSION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  domain_call (self, nyl_session_domain_verify_async, id, type, "verify", cancellable, callback,
               user_data);
}

/**
 * nyl_session_domain_verify_finish:
 *
 * Returns: (transfer full) (nullable): the attempt, with `status` `pending`, `done` or
 *   `failed`
 */
JsonNode *
nyl_session_domain_verify_finish (NylSession    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (NYL_IS_SESSION (self), NULL);
  g_return_val_if_fail (_nyl_session_is_result (self, result, nyl_session_domain_verify_async),
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Connect ---------------------------------------------------------------- */

/**
 * nyl_session_revoke_token_async:
 * @self: a #NylSession
 * @token: an access token (the grant itself stays)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when revoked
 * @user_data: data for @callback
 *
 * `POST /v3/connect/revoke?token=…`, without credentials.
 */
void
nyl_session_revoke_token_async (NylSession          *self,
                                const char          *token,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  const char *query[] = { "token", token, NULL };

  g_return_if_fail (NYL_IS_SESSION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  if (token == NULL || *token == '\0')
    {
      g_task_report_new_error (self, callback, user_data, nyl_session_revoke_token_async,
                               NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                               _("No token to revoke"));
      return;
    }

  simple_call (self, nyl_session_revoke_token_async, RESULT_BOOLEAN, "POST",
               "/v3/connect/revoke", query, NULL, NYL_CLIENT_AUTH_NONE, cancellable, callback,
               user_data);
}

gboolean
nyl_session_revoke_token_finish (NylSession    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (NYL_IS_SESSION (self), FALSE);
  g_return_val_if_fail (_nyl_session_is_result (self, result, nyl_session_revoke_token_async),
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * nyl_session_exchange_code_async:
 * @self: a #NylSession
 * @code: the authorization code from the redirect
 * @redirect_uri: the redirect URI the flow used
 * @code_verifier: (nullable): the PKCE verifier
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the token response
 * @user_data: data for @callback
 *
 * `POST /v3/connect/token` with `grant_type=authorization_code`: the
 * application ID is the client ID and its API key the client secret.
 */
void
nyl_session_exchange_code_async (NylSession          *self,
                                 const char          *code,
                                 const char          *redirect_uri,
                                 const char          *code_verifier,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GError) error = NULL;
  JsonNode *body;

  g_return_if_fail (NYL_IS_SESSION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  if (!_nyl_session_check_application_id (self, &error))
    {
      g_task_report_error (self, callback, user_data, nyl_session_exchange_code_async,
                           g_steal_pointer (&error));
      return;
    }

  if (code == NULL || *code == '\0' || redirect_uri == NULL || *redirect_uri == '\0')
    {
      g_task_report_new_error (self, callback, user_data, nyl_session_exchange_code_async,
                               NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                               _("A code exchange needs the code and the redirect URI"));
      return;
    }

  body = object_body ("client_id", nyl_profile_get_application_id (nyl_session_get_profile (self)),
                      "client_secret", _nyl_session_get_api_key (self),
                      "grant_type", "authorization_code",
                      "code", code,
                      "redirect_uri", redirect_uri,
                      "code_verifier", code_verifier,
                      NULL);
  simple_call (self, nyl_session_exchange_code_async, RESULT_JSON, "POST",
               "/v3/connect/token", NULL, body, NYL_CLIENT_AUTH_NONE, cancellable, callback,
               user_data);
}

/**
 * nyl_session_exchange_code_finish:
 *
 * Returns: (transfer full) (nullable): the token response (`access_token`,
 *   `grant_id`, `email`, `provider`, …)
 */
JsonNode *
nyl_session_exchange_code_finish (NylSession    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (NYL_IS_SESSION (self), NULL);
  g_return_val_if_fail (_nyl_session_is_result (self, result, nyl_session_exchange_code_async),
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Grant statistics ------------------------------------------------------- */

G_DEFINE_BOXED_TYPE (NylGrantStats, nyl_grant_stats, nyl_grant_stats_copy, nyl_grant_stats_free)

/**
 * nyl_grant_stats_new:
 *
 * Returns: (transfer full): empty statistics
 */
NylGrantStats *
nyl_grant_stats_new (void)
{
  NylGrantStats *stats = g_new0 (NylGrantStats, 1);

  stats->by_status = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  stats->by_provider = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return stats;
}

static void
copy_counts (GHashTable *from,
             GHashTable *to)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (to, g_strdup (key), value);
}

NylGrantStats *
nyl_grant_stats_copy (const NylGrantStats *stats)
{
  NylGrantStats *copy;

  g_return_val_if_fail (stats != NULL, NULL);

  copy = nyl_grant_stats_new ();
  copy->total = stats->total;
  copy_counts (stats->by_status, copy->by_status);
  copy_counts (stats->by_provider, copy->by_provider);
  return copy;
}

void
nyl_grant_stats_free (NylGrantStats *stats)
{
  if (stats == NULL)
    return;

  g_clear_pointer (&stats->by_status, g_hash_table_unref);
  g_clear_pointer (&stats->by_provider, g_hash_table_unref);
  g_free (stats);
}

static void
count (GHashTable *table,
       const char *key)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (table, key));

  g_hash_table_insert (table, g_strdup (key), GUINT_TO_POINTER (n + 1));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static JsonNode *
counts_to_json (GHashTable *table)
{
  g_autofree gpointer *keys = NULL;
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  guint n_keys;

  keys = g_hash_table_get_keys_as_array (table, &n_keys);
  qsort (keys, n_keys, sizeof (gpointer), compare_strings);
  for (guint i = 0; i < n_keys; i++)
    json_object_set_int_member (object, keys[i],
                                GPOINTER_TO_UINT (g_hash_table_lookup (table, keys[i])));

  json_node_take_object (node, object);
  return node;
}

/**
 * nyl_grant_stats_to_json:
 * @stats: grant statistics
 *
 * Returns: (transfer full): `{"total": N, "by_status": {...}, "by_provider": {...}}`, keys
 *   sorted
 */
JsonNode *
nyl_grant_stats_to_json (const NylGrantStats *stats)
{
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (stats != NULL, NULL);

  object = json_object_new ();
  json_object_set_int_member (object, "total", stats->total);
  json_object_set_member (object, "by_status", counts_to_json (stats->by_status));
  json_object_set_member (object, "by_provider", counts_to_json (stats->by_provider));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

typedef struct
{
  NylPageIterator *iterator;
  NylGrantStats   *stats;
} StatsData;

static void
stats_data_free (StatsData *data)
{
  g_clear_object (&data->iterator);
  g_clear_pointer (&data->stats, nyl_grant_stats_free);
  g_free (data);
}

static void
stats_page_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  NylSession *self = g_task_get_source_object (task);
  StatsData *data = g_task_get_task_data (task);
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *items;

  response = nyl_page_iterator_next_finish (data->iterator, result, &error);
  nyl_session_set_last_request_id (self, nyl_page_iterator_get_last_request_id (data->iterator));

  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (response != NULL)
    {
      items = nyl_response_get_items (response);
      if (items == NULL)
        {
          g_task_return_new_error (task, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                                   _("The server’s answer holds no list"));
          return;
        }

      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          g_autoptr(NylGrant) grant = NULL;

          grant = nyl_resource_new_from_json (NYL_TYPE_GRANT, json_array_get_element (items, i),
                                              &error);
          if (grant == NULL)
            {
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }

          data->stats->total++;
          count (data->stats->by_status, nyl_grant_get_grant_status (grant) != NULL
                                           ? nyl_grant_get_grant_status (grant) : "unknown");
          count (data->stats->by_provider, nyl_grant_get_provider (grant) != NULL
                                             ? nyl_grant_get_provider (grant) : "unknown");
        }
    }

  if (response == NULL || nyl_page_iterator_get_done (data->iterator))
    {
      g_task_return_pointer (task, g_steal_pointer (&data->stats),
                             (GDestroyNotify)nyl_grant_stats_free);
      return;
    }

  nyl_page_iterator_next_async (data->iterator, g_task_get_cancellable (task), stats_page_cb,
                                g_object_ref (task));
}

/**
 * nyl_session_grant_stats_async:
 * @self: a #NylSession
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the statistics
 * @user_data: data for @callback
 *
 * Counts every grant of the application by status and provider, paging
 * through `GET /v3/grants` 200 at a time.
 */
void
nyl_session_grant_stats_async (NylSession          *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  StatsData *data;

  g_return_if_fail (NYL_IS_SESSION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nyl_session_grant_stats_async);

  data = g_new0 (StatsData, 1);
  data->stats = nyl_grant_stats_new ();
  data->iterator = nyl_page_iterator_new (nyl_session_get_client (self), "/v3/grants", NULL,
                                          NYL_CLIENT_AUTH_API_KEY, NYL_PAGE_STYLE_OFFSET,
                                          NYL_PAGE_MAX_LIMIT);
  g_task_set_task_data (task, data, (GDestroyNotify)stats_data_free);

  nyl_page_iterator_next_async (data->iterator, cancellable, stats_page_cb,
                                g_steal_pointer (&task));
}

/**
 * nyl_session_grant_stats_finish:
 *
 * Returns: (transfer full) (nullable): the statistics
 */
NylGrantStats *
nyl_session_grant_stats_finish (NylSession    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (NYL_IS_SESSION (self), NULL);
  g_return_val_if_fail (_nyl_session_is_result (self, result, nyl_session_grant_stats_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
