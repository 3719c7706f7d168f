/* nyl-profile-ops.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-profile-ops"

#include "config.h"

#include "nyl-profile-ops.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nyl-api-error.h"
#include "nyl-api-key.h"
#include "nyl-app-details.h"
#include "nyl-audit-log.h"
#include "nyl-client.h"
#include "nyl-expiry-schedule.h"
#include "nyl-key-labels.h"
#include "nyl-pending-revocations.h"
#include "nyl-secret-store.h"
#include "nyl-session-private.h"
#include "nyl-time.h"

/* Adding and removing profiles: the operations that span the API, the keyring and profiles.json,
 * and leave nothing half done. A profile is added only once its key answered, and its secrets
 * were stored; when a later step fails, what was stored is cleared again (and a key minted for
 * the profile is revoked). */

#define MINTED_KEY_DAYS 365

static char *audit_log_path;

/**
 * nyl_profile_ops_set_region_url_for_testing:
 * @region: `"us"` or `"eu"`
 * @url: (nullable): the stand-in host, or %NULL for the real one
 *
 * Tests only: where the region hosts are reached, by the probes here and by
 * every session opened afterwards.
 */
void
nyl_profile_ops_set_region_url_for_testing (const char *region,
                                            const char *url)
{
  _nyl_model_set_region_url (region, url);
}

/**
 * nyl_profile_ops_set_audit_log_for_testing:
 * @path: (nullable): the audit log to append to, or %NULL for the default
 */
void
nyl_profile_ops_set_audit_log_for_testing (const char *path)
{
  g_free (audit_log_path);
  audit_log_path = g_strdup (path);
}

static void
audit (const char     *profile_name,
       NylAuditAction  action,
       GType           type,
       const char     *object_id,
       const char     *request_id,
       const GError   *error)
{
  g_autoptr(NylAuditLog) log = NULL;
  g_autoptr(NylAuditEntry) entry = NULL;
  g_autoptr(GError) local_error = NULL;

  log = audit_log_path != NULL ? nyl_audit_log_new_for_path (audit_log_path) : nyl_audit_log_new ();
  entry = nyl_audit_entry_new (profile_name, action, type, object_id, request_id, error);
  if (!nyl_audit_log_append (log, entry, &local_error))
    g_warning ("Could not write the audit log: %s", local_error->message);
}

static void
wipe (char **secret)
{
  if (*secret != NULL)
    {
      memset (*secret, 0, strlen (*secret));
      g_clear_pointer (secret, g_free);
    }
}

static gboolean
check_name (NylProfileStore  *store,
            const char       *name,
            GError          **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (*stripped == '\0')
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                           _("A profile needs a name"));
      return FALSE;
    }

  if (nyl_profile_store_lookup_by_name (store, stripped) != NULL)
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                   _("A profile named “%s” already exists"), stripped);
      return FALSE;
    }

  return TRUE;
}

static gboolean
region_is_known (const char *region)
{
  return region != NULL && nyl_region_get_api_url (region) != NULL;
}

/* Adding ------------------------------------------------------------------ */

typedef struct
{
  char              *name;
  char              *api_key;
  char              *api_url;
  char              *application_id;
  GPtrArray         *regions;          /* to probe, in order; empty with an API URL */
  guint              next_region;
  char              *region;           /* where the key answered */
  guint              n_refused;
  GError            *probe_error;      /* the first failure that is not a refusal */

  NylClient         *client;
  NylAppDetails     *app;
  char              *request_id;       /* of the answer that read the application */
  NylProfile        *profile;

  /* Service Account */
  NylServiceAccount *account;
  char              *account_json;
  char              *key_name;
  gboolean           renamed;
  NylApiKey         *minted;
  char              *minted_id;

  /* What was stored, to undo */
  gboolean           stored_anything;
  GError            *failure;
} AddData;

static void
add_data_free (AddData *data)
{
  g_clear_pointer (&data->name, g_free);
  wipe (&data->api_key);
  g_clear_pointer (&data->api_url, g_free);
  g_clear_pointer (&data->application_id, g_free);
  g_clear_pointer (&data->regions, g_ptr_array_unref);
  g_clear_pointer (&data->region, g_free);
  g_clear_error (&data->probe_error);
  g_clear_object (&data->client);
  g_clear_object (&data->app);
  g_clear_pointer (&data->request_id, g_free);
  g_clear_object (&data->profile);
  g_clear_object (&data->account);
  wipe (&data->account_json);
  g_clear_pointer (&data->key_name, g_free);
  g_clear_object (&data->minted);
  g_clear_pointer (&data->minted_id, g_free);
  g_clear_error (&data->failure);
  g_free (data);
}

/* Undoing: revoke the minted key, clear what was stored, then fail with @error. */

static void
rollback_finish (GTask *task)
{
  AddData *data = g_task_get_task_data (task);

  g_task_return_error (task, g_steal_pointer (&data->failure));
}

static void
rollback_cleared_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!nyl_secret_store_clear_profile_finish (result, &error) && error != NULL)
    g_warning ("Could not clear the secrets of a profile that was not added: %s", error->message);

  rollback_finish (task);
}

static void
rollback_clear (GTask *task)
{
  AddData *data = g_task_get_task_data (task);

  if (!data->stored_anything)
    {
      rollback_finish (task);
      return;
    }

  /* Not cancellable: a half-added profile must not leave secrets behind. */
  nyl_secret_store_clear_profile_async (nyl_profile_get_id (data->profile), NULL,
                                        rollback_cleared_cb, g_object_ref (task));
}

static void
rollback_revoked_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AddData *data = g_task_get_task_data (task);
  NylClient *client = NYL_CLIENT (object);
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  GError *failure = data->failure;
  g_autofree char *message = NULL;

  response = nyl_client_request_finish (client, result, &error);
  audit (data->name, NYL_AUDIT_ACTION_REVOKE, NYL_TYPE_API_KEY, data->minted_id,
         nyl_client_get_async_result_request_id (client, result), error);

  if (error == NULL)
    message = g_strdup_printf (_("%s (the API key minted for the profile was revoked again)"),
                               failure->message);
  else
    message = g_strdup_printf (_("%s (the API key %s minted for the profile could not be revoked: "
                                 "%s; revoke it by hand)"),
                               failure->message, data->minted_id, error->message);

  g_free (failure->message);
  failure->message = g_steal_pointer (&message);

  rollback_clear (task);
}

static void
rollback (GTask  *task,
          GError *error)
{
  AddData *data = g_task_get_task_data (task);
  g_autofree char *path = NULL;
  g_autofree char *app = NULL;
  g_autofree char *key = NULL;

  g_assert (data->failure == NULL);
  data->failure = error;

  if (data->minted_id == NULL)
    {
      rollback_clear (task);
      return;
    }

  app = _nyl_path_escape (data->application_id);
  key = _nyl_path_escape (data->minted_id);
  path = g_strconcat ("/v3/admin/applications/", app, "/api-keys/", key, NULL);
  nyl_client_request_async (data->client, "DELETE", path, NULL, NULL,
                            NYL_CLIENT_AUTH_SERVICE_ACCOUNT, NULL, rollback_revoked_cb,
                            g_object_ref (task));
}

/* The last step: into profiles.json. */
static void
add_to_store (GTask *task)
{
  NylProfileStore *store = g_task_get_source_object (task);
  AddData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!check_name (store, data->name, &error) ||
      !nyl_profile_store_add (store, data->profile, &error))
    {
      rollback (task, error);
      return;
    }

  if (!nyl_profile_store_save (store, &error))
    {
      nyl_profile_store_remove (store, nyl_profile_get_id (data->profile));
      rollback (task, error);
      return;
    }

  audit (data->name, NYL_AUDIT_ACTION_CREATE, NYL_TYPE_APP_DETAILS,
         nyl_profile_get_application_id (data->profile), data->request_id, NULL);
  g_task_return_pointer (task, g_object_ref (data->profile), g_object_unref);
}

static NylProfile *
profile_from_app (AddData *data)
{
  NylProfile *profile = nyl_profile_new (NULL, data->name);
  const char *app_region = nyl_app_details_get_region (data->app);

  nyl_profile_set_api_url (profile, data->api_url);
  if (data->region != NULL)
    nyl_profile_set_region (profile, data->region);
  else if (region_is_known (app_region))
    nyl_profile_set_region (profile, app_region);

  nyl_profile_set_application_id (profile, nyl_app_details_get_application_id (data->app));
  nyl_profile_set_organization_id (profile, nyl_app_details_get_organization_id (data->app));
  nyl_profile_set_environment (profile, nyl_app_details_get_environment (data->app));
  return profile;
}

/* By API key ------------------------------------------------------------- */

static void
api_key_stored_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AddData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!_nyl_model_store_secret_finish (result, &error))
    {
      rollback (task, error);
      return;
    }

  data->stored_anything = TRUE;
  add_to_store (task);
}

static void probe_next (GTask *task);

static void
probe_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AddData *data = g_task_get_task_data (task);
  NylClient *client = NYL_CLIENT (object);
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  GError *profile_error = NULL;
  const char *probed = data->regions->len > 0
                         ? g_ptr_array_index (data->regions, data->next_region - 1) : NULL;

  response = nyl_client_request_finish (client, result, &error);
  if (response != NULL)
    data->app = nyl_resource_new_from_json (NYL_TYPE_APP_DETAILS, nyl_response_get_data (response),
                                            &error);

  if (data->app == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      g_debug ("The %s host answers: %s", probed ? probed : data->api_url, error->message);
      if (g_error_matches (error, NYL_API_ERROR, NYL_API_ERROR_UNAUTHORIZED))
        data->n_refused++;
      if (data->probe_error == NULL ||
          (g_error_matches (data->probe_error, NYL_API_ERROR, NYL_API_ERROR_UNAUTHORIZED) &&
           !g_error_matches (error, NYL_API_ERROR, NYL_API_ERROR_UNAUTHORIZED)))
        {
          g_clear_error (&data->probe_error);
          data->probe_error = g_steal_pointer (&error);
        }

      if (data->next_region < data->regions->len)
        {
          probe_next (g_steal_pointer (&task));
          return;
        }

      if (data->regions->len > 1 && data->n_refused == data->regions->len)
        g_task_return_new_error (task, NYL_API_ERROR, NYL_API_ERROR_UNAUTHORIZED,
                                 _("The API key was refused in both regions (US and EU): "
                                   "check that it was copied whole and is not revoked or "
                                   "expired"));
      else
        g_task_return_error (task, g_steal_pointer (&data->probe_error));
      return;
    }

  g_clear_error (&data->probe_error);
  data->request_id = g_strdup (nyl_response_get_request_id (response));
  data->region = g_strdup (probed);
  data->profile = profile_from_app (data);
  if (!nyl_profile_validate (data->profile, &profile_error))
    {
      g_task_return_error (task, profile_error);
      return;
    }

  _nyl_model_store_secret_async (nyl_profile_get_id (data->profile), NYL_SECRET_KIND_API_KEY, NULL,
                                 data->name, data->api_key, g_task_get_cancellable (task),
                                 api_key_stored_cb, g_object_ref (task));
}

static void
probe_next (GTask *task)
{
  AddData *data = g_task_get_task_data (task);
  const char *region = NULL;
  GError *error = NULL;

  if (data->regions->len > 0)
    region = g_ptr_array_index (data->regions, data->next_region++);

  g_clear_object (&data->client);
  data->client = _nyl_model_client_new (region, data->api_url, &error);
  if (data->client == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  nyl_client_set_api_key (data->client, data->api_key);
  nyl_client_request_async (data->client, "GET", "/v3/applications", NULL, NULL,
                            NYL_CLIENT_AUTH_API_KEY, g_task_get_cancellable (task), probe_cb,
                            task);
}

/**
 * nyl_profile_add_with_api_key_async:
 * @store: the profiles
 * @name: the new profile's name (unique)
 * @api_key: the application's API key
 * @region: (nullable): `"us"` or `"eu"`; %NULL to find out by asking both hosts
 * @api_url: (nullable): a custom API host instead of a region's (https, or http on loopback)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the new profile
 * @user_data: data for @callback
 *
 * Adds a profile for the application @api_key belongs to. See nyl-profile-ops.h.
 */
void
nyl_profile_add_with_api_key_async (NylProfileStore     *store,
                                    const char          *name,
                                    const char          *api_key,
                                    const char          *region,
                                    const char          *api_url,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  AddData *data;

  g_return_if_fail (NYL_IS_PROFILE_STORE (store));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, nyl_profile_add_with_api_key_async);

  data = g_new0 (AddData, 1);
  data->name = g_strstrip (g_strdup (name != NULL ? name : ""));
  data->api_key = g_strstrip (g_strdup (api_key != NULL ? api_key : ""));
  data->api_url = g_strdup (api_url);
  data->regions = g_ptr_array_new_with_free_func (g_free);
  g_task_set_task_data (task, data, (GDestroyNotify)add_data_free);

  if (!check_name (store, data->name, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (*data->api_key == '\0')
    {
      g_task_return_new_error (task, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                               _("No API key was given"));
      return;
    }

  if (api_url != NULL)
    {
      if (!nyl_api_url_check (api_url, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }
  else if (region != NULL)
    {
      if (!region_is_known (region))
        {
          g_task_return_new_error (task, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                                   _("“%s” is not a Nylas region (use “us” or “eu”)"), region);
          return;
        }
      g_ptr_array_add (data->regions, g_strdup (region));
    }
  else
    {
      g_ptr_array_add (data->regions, g_strdup ("us"));
      g_ptr_array_add (data->regions, g_strdup ("eu"));
    }

  probe_next (g_steal_pointer (&task));
}

/**
 * nyl_profile_add_with_api_key_finish:
 *
 * Returns: (transfer full) (nullable): the new profile, already saved
 */
NylProfile *
nyl_profile_add_with_api_key_finish (NylProfileStore  *store,
                                     GAsyncResult     *result,
                                     GError          **error)
{
  g_return_val_if_fail (NYL_IS_PROFILE_STORE (store), NULL);
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        nyl_profile_add_with_api_key_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* By Service Account ----------------------------------------------------- */

static void
sa_own_key_stored_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!_nyl_model_store_secret_finish (result, &error))
    {
      rollback (task, error);
      return;
    }

  add_to_store (task);
}

static void
sa_key_stored_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AddData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!_nyl_model_store_secret_finish (result, &error))
    {
      rollback (task, error);
      return;
    }

  /* Also under the key's ID: a later key roll of this key then knows it is the profile's own. */
  _nyl_model_store_secret_async (nyl_profile_get_id (data->profile), NYL_SECRET_KIND_API_KEY,
                                 data->minted_id, data->name, nyl_api_key_get_secret (data->minted),
                                 g_task_get_cancellable (task), sa_own_key_stored_cb,
                                 g_object_ref (task));
}

static void
sa_json_stored_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AddData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!_nyl_model_store_secret_finish (result, &error))
    {
      rollback (task, error);
      return;
    }

  data->stored_anything = TRUE;
  _nyl_model_store_secret_async (nyl_profile_get_id (data->profile), NYL_SECRET_KIND_API_KEY, NULL,
                                 data->name, nyl_api_key_get_secret (data->minted),
                                 g_task_get_cancellable (task), sa_key_stored_cb,
                                 g_object_ref (task));
}

static void
sa_verify_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AddData *data = g_task_get_task_data (task);
  NylClient *client = NYL_CLIENT (object);
  g_autoptr(NylResponse) response = NULL;
  GError *error = NULL;

  response = nyl_client_request_finish (client, result, &error);
  if (response != NULL)
    data->app = nyl_resource_new_from_json (NYL_TYPE_APP_DETAILS, nyl_response_get_data (response),
                                            &error);
  if (data->app == NULL)
    {
      rollback (task, error);
      return;
    }

  if (g_strcmp0 (nyl_app_details_get_application_id (data->app), data->application_id) != 0)
    {
      rollback (task, g_error_new (NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                                   _("The new API key belongs to application %s, not %s"),
                                   nyl_app_details_get_application_id (data->app),
                                   data->application_id));
      return;
    }

  data->request_id = g_strdup (nyl_response_get_request_id (response));
  data->profile = profile_from_app (data);
  nyl_profile_set_service_account_key_id (data->profile,
                                          nyl_service_account_get_key_id (data->account));
  nyl_profile_set_service_account_organization_id (
    data->profile, nyl_service_account_get_organization_id (data->account));
  nyl_profile_set_service_account_region (data->profile,
                                          nyl_service_account_get_region (data->account));
  if (!nyl_profile_validate (data->profile, &error))
    {
      rollback (task, error);
      return;
    }

  _nyl_model_store_secret_async (nyl_profile_get_id (data->profile),
                                 NYL_SECRET_KIND_SERVICE_ACCOUNT_KEY, NULL, data->name,
                                 data->account_json, g_task_get_cancellable (task),
                                 sa_json_stored_cb, g_object_ref (task));
}

static void sa_mint (GTask *task);

static void
sa_mint_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AddData *data = g_task_get_task_data (task);
  NylClient *client = NYL_CLIENT (object);
  g_autoptr(NylResponse) response = NULL;
  GError *error = NULL;

  response = nyl_client_request_finish (client, result, &error);
  if (response != NULL)
    data->minted = nyl_resource_new_from_json (NYL_TYPE_API_KEY, nyl_response_get_data (response),
                                               &error);

  if (data->minted == NULL && response == NULL && !data->renamed &&
      g_error_matches (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST))
    {
      g_autofree char *now = nyl_time_format_iso (g_get_real_time () / G_USEC_PER_SEC);
      char *renamed;

      /* Key names are unique: this host may have minted one before. */
      g_debug ("Minting “%s” failed (%s); trying a dated name", data->key_name, error->message);
      g_clear_error (&error);
      renamed = g_strdup_printf ("%s (%s)", data->key_name, now);
      g_free (data->key_name);
      data->key_name = renamed;
      data->renamed = TRUE;
      sa_mint (g_steal_pointer (&task));
      return;
    }

  audit (data->name, NYL_AUDIT_ACTION_CREATE, NYL_TYPE_API_KEY,
         data->minted != NULL ? nyl_resource_get_id (NYL_RESOURCE (data->minted)) : NULL,
         nyl_client_get_async_result_request_id (client, result),
         response != NULL ? NULL : error);

  if (data->minted == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data->minted_id = g_strdup (nyl_resource_get_id (NYL_RESOURCE (data->minted)));
  if (data->minted_id == NULL || !nyl_api_key_has_secret (data->minted))
    {
      rollback (task, g_error_new_literal (NYL_API_ERROR, NYL_API_ERROR_PARSE,
                                           _("The server did not send the new API key")));
      return;
    }

  nyl_client_set_api_key (data->client, nyl_api_key_get_secret (data->minted));
  nyl_client_request_async (data->client, "GET", "/v3/applications", NULL, NULL,
                            NYL_CLIENT_AUTH_API_KEY, g_task_get_cancellable (task), sa_verify_cb,
                            g_object_ref (task));
}

static void
sa_mint (GTask *task)
{
  AddData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *app = _nyl_path_escape (data->application_id);
  g_autofree char *path = g_strconcat ("/v3/admin/applications/", app, "/api-keys", NULL);
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "name", data->key_name);
  json_object_set_int_member (object, "expires_in", MINTED_KEY_DAYS);
  json_node_take_object (body, object);

  nyl_client_request_async (data->client, "POST", path, NULL, body,
                            NYL_CLIENT_AUTH_SERVICE_ACCOUNT, g_task_get_cancellable (task),
                            sa_mint_cb, task);
}

/**
 * nyl_profile_add_with_service_account_async:
 * @store: the profiles
 * @name: the new profile's name (unique)
 * @service_account_json: the contents of the Service Account credentials file
 * @length: its length, or -1 when NUL-terminated
 * @application_id: the application to add
 * @api_url: (nullable): a custom API host instead of the Service Account's region host
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the new profile
 * @user_data: data for @callback
 *
 * Mints an API key for @application_id with the Service Account, verifies
 * it, stores both secrets and adds the profile. See nyl-profile-ops.h.
 */
void
nyl_profile_add_with_service_account_async (NylProfileStore     *store,
                                            const char          *name,
                                            const char          *service_account_json,
                                            gssize               length,
                                            const char          *application_id,
                                            const char          *api_url,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  AddData *data;

  g_return_if_fail (NYL_IS_PROFILE_STORE (store));
  g_return_if_fail (service_account_json != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, nyl_profile_add_with_service_account_async);

  data = g_new0 (AddData, 1);
  data->name = g_strstrip (g_strdup (name != NULL ? name : ""));
  data->api_url = g_strdup (api_url);
  data->application_id = g_strstrip (g_strdup (application_id != NULL ? application_id : ""));
  data->regions = g_ptr_array_new_with_free_func (g_free);
  data->key_name = g_strdup_printf ("Nylas Manager %s", g_get_host_name ());
  g_task_set_task_data (task, data, (GDestroyNotify)add_data_free);

  if (!check_name (store, data->name, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (*data->application_id == '\0')
    {
      g_task_return_new_error (task, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                               _("An application ID is needed to add an application with a "
                                 "Service Account"));
      return;
    }

  data->account = nyl_service_account_new_from_data (service_account_json, length, &error);
  if (data->account == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* The file again, normalized (PEM key): what the keyring keeps. */
  data->account_json = nyl_service_account_to_json (data->account);

  if (api_url == NULL)
    data->region = g_strdup (nyl_service_account_get_region (data->account));

  data->client = _nyl_model_client_new (data->region, api_url, &error);
  if (data->client == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  nyl_client_set_service_account (data->client, data->account);

  sa_mint (g_steal_pointer (&task));
}

/**
 * nyl_profile_add_with_service_account_finish:
 *
 * Returns: (transfer full) (nullable): the new profile, already saved
 */
NylProfile *
nyl_profile_add_with_service_account_finish (NylProfileStore  *store,
                                             GAsyncResult     *result,
                                             GError          **error)
{
  g_return_val_if_fail (NYL_IS_PROFILE_STORE (store), NULL);
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        nyl_profile_add_with_service_account_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Service Account of an existing profile --------------------------------- */

typedef struct
{
  NylProfile        *profile;
  NylServiceAccount *account;
} SetData;

static void
set_data_free (SetData *data)
{
  g_clear_object (&data->profile);
  g_clear_object (&data->account);
  g_free (data);
}

static void
set_fields_and_save (GTask *task)
{
  NylProfileStore *store = g_task_get_source_object (task);
  SetData *data = g_task_get_task_data (task);
  NylServiceAccount *account = data->account;
  GError *error = NULL;

  const char *key_id = account ? nyl_service_account_get_key_id (account) : NULL;
  const char *organization_id = account ? nyl_service_account_get_organization_id (account) : NULL;
  const char *region = account ? nyl_service_account_get_region (account) : NULL;

  nyl_profile_set_service_account_key_id (data->profile, key_id);
  nyl_profile_set_service_account_organization_id (data->profile, organization_id);
  nyl_profile_set_service_account_region (data->profile, region);

  if (!nyl_profile_store_save (store, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
set_stored_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!_nyl_model_store_secret_finish (result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  set_fields_and_save (task);
}

static void
set_cleared_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!nyl_secret_store_clear_finish (result, &error) && error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  set_fields_and_save (task);
}

/**
 * nyl_profile_set_service_account_async:
 * @store: the profiles
 * @profile: a profile of @store
 * @service_account_json: (nullable): the credentials file contents; %NULL to
 *   forget the profile's Service Account
 * @length: its length, or -1 when NUL-terminated
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Attaches, replaces or forgets the Service Account of a profile: the
 * private key in the keyring, its key ID, organization and region in the
 * profile (saved).
 */
void
nyl_profile_set_service_account_async (NylProfileStore     *store,
                                       NylProfile          *profile,
                                       const char          *service_account_json,
                                       gssize               length,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *json = NULL;
  GError *error = NULL;
  SetData *data;

  g_return_if_fail (NYL_IS_PROFILE_STORE (store));
  g_return_if_fail (NYL_IS_PROFILE (profile));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, nyl_profile_set_service_account_async);

  data = g_new0 (SetData, 1);
  data->profile = g_object_ref (profile);
  g_task_set_task_data (task, data, (GDestroyNotify)set_data_free);

  if (service_account_json == NULL)
    {
      nyl_secret_store_clear_async (nyl_profile_get_id (profile),
                                    NYL_SECRET_KIND_SERVICE_ACCOUNT_KEY, NULL, cancellable,
                                    set_cleared_cb, g_steal_pointer (&task));
      return;
    }

  data->account = nyl_service_account_new_from_data (service_account_json, length, &error);
  if (data->account == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  json = nyl_service_account_to_json (data->account);
  _nyl_model_store_secret_async (nyl_profile_get_id (profile), NYL_SECRET_KIND_SERVICE_ACCOUNT_KEY,
                                 NULL, nyl_profile_get_name (profile), json, cancellable,
                                 set_stored_cb, g_steal_pointer (&task));
  wipe (&json);
}

gboolean
nyl_profile_set_service_account_finish (NylProfileStore  *store,
                                        GAsyncResult     *result,
                                        GError          **error)
{
  g_return_val_if_fail (NYL_IS_PROFILE_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        nyl_profile_set_service_account_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Removing --------------------------------------------------------------- */

/* Forgets what this computer keeps about @profile_id's keys besides their secrets: labels,
 * expiry notices sent, revocations scheduled. A file that cannot be read is left alone. */
static void
forget_local_records (const char *profile_id)
{
  g_autoptr(NylKeyLabels) labels = nyl_key_labels_new ();
  g_autoptr(NylExpirySchedule) schedule = nyl_expiry_schedule_new ();
  g_autoptr(NylPendingRevocations) pending = nyl_pending_revocations_new ();
  g_autoptr(GError) error = NULL;

  if (!nyl_key_labels_load (labels, &error) ||
      !nyl_key_labels_forget_profile (labels, profile_id, &error))
    {
      g_warning ("Could not forget the key labels of a removed profile: %s", error->message);
      g_clear_error (&error);
    }

  if (!nyl_expiry_schedule_load (schedule, &error) ||
      !nyl_expiry_schedule_forget_profile (schedule, profile_id, &error))
    {
      g_warning ("Could not forget the expiry notices of a removed profile: %s",
                 error->message);
      g_clear_error (&error);
    }

  /* nyl_pending_revocations_new() loaded the file; a damaged one refuses to be saved. */
  if (!nyl_pending_revocations_forget_profile (pending, profile_id, &error))
    g_warning ("Could not forget the revocations scheduled by a removed profile: %s",
               error->message);
}

static void
remove_cleared_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  NylProfileStore *store = g_task_get_source_object (task);
  NylProfile *profile = g_task_get_task_data (task);
  GError *error = NULL;

  if (!nyl_secret_store_clear_profile_finish (result, &error) && error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  nyl_profile_store_remove (store, nyl_profile_get_id (profile));
  if (!nyl_profile_store_save (store, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  forget_local_records (nyl_profile_get_id (profile));
  g_task_return_boolean (task, TRUE);
}

/**
 * nyl_profile_remove_async:
 * @store: the profiles
 * @profile: a profile of @store
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Clears every secret of @profile from the keyring, then removes it from
 * @store and saves. When the keyring cannot be cleared, the profile stays.
 * Once removed, its key labels, expiry notices and scheduled revocations
 * (each in its default file) are forgotten too.
 */
void
nyl_profile_remove_async (NylProfileStore     *store,
                          NylProfile          *profile,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (NYL_IS_PROFILE_STORE (store));
  g_return_if_fail (NYL_IS_PROFILE (profile));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, nyl_profile_remove_async);
  g_task_set_task_data (task, g_object_ref (profile), g_object_unref);

  nyl_secret_store_clear_profile_async (nyl_profile_get_id (profile), cancellable,
                                        remove_cleared_cb, g_steal_pointer (&task));
}

gboolean
nyl_profile_remove_finish (NylProfileStore  *store,
                           GAsyncResult     *result,
                           GError          **error)
{
  g_return_val_if_fail (NYL_IS_PROFILE_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == nyl_profile_remove_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
