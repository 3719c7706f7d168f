/* nyl-session.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-session"

#include "config.h"

#include "nyl-session.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nyl-api-error.h"
#include "nyl-api-key.h"
#include "nyl-app-details.h"
#include "nyl-connector.h"
#include "nyl-credential.h"
#include "nyl-domain.h"
#include "nyl-grant.h"
#include "nyl-key-roll.h"
#include "nyl-page-iterator.h"
#include "nyl-redirect-uri.h"
#include "nyl-secret-store.h"
#include "nyl-session-private.h"
#include "nyl-webhook.h"

/**
 * NylSession:
 *
 * An open profile: its #NylProfile, a #NylClient holding its API key (and its
 * Service Account when it has one), and the audit log its changes go to.
 *
 * The session knows how each resource type is reached (path, authentication,
 * paging, update verb), so the faces ask for "the webhooks" or "this grant"
 * and never build a path. Every create, update and delete made through it is
 * appended to the audit log, success or failure, with the Nylas request ID.
 */
struct _NylSession
{
  GObject      parent_instance;

  NylProfile  *profile;
  NylClient   *client;
  NylAuditLog *audit_log;
  char        *api_key;
  char        *last_request_id;
  /* The profile names a Service Account, but the keyring did not have it. */
  gboolean     service_account_missing;
};

G_DEFINE_FINAL_TYPE (NylSession, nyl_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROFILE,
  PROP_CLIENT,
  PROP_AUDIT_LOG,
  PROP_LAST_REQUEST_ID,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

/* How each resource type is reached (nylas-api.md §2–§9). */
typedef enum
{
  TYPE_FLAG_NONE       = 0,
  TYPE_FLAG_SINGLETON  = 1 << 0,   /* no ID, no collection: the application */
  TYPE_FLAG_PARENT     = 1 << 1,   /* below a connector: /v3/connectors/{parent}/creds */
  TYPE_FLAG_APP_ID     = 1 << 2,   /* below the application: /v3/admin/applications/{id}/… */
} TypeFlags;

typedef struct
{
  GType         (*get_type) (void);
  const char    *prefix;         /* the collection path, or its part before the parent */
  const char    *suffix;         /* after the parent or application ID */
  NylClientAuth  auth;
  NylPageStyle   paging;
  const char    *update_method;  /* NULL: no update */
  TypeFlags      flags;
} TypeInfo;

static const TypeInfo type_infos[] = {
  { nyl_app_details_get_type, "/v3/applications", NULL,
    NYL_CLIENT_AUTH_API_KEY, NYL_PAGE_STYLE_CURSOR, "PATCH", TYPE_FLAG_SINGLETON },
  { nyl_redirect_uri_get_type, "/v3/applications/redirect-uris", NULL,
    NYL_CLIENT_AUTH_API_KEY, NYL_PAGE_STYLE_CURSOR, "PATCH", TYPE_FLAG_NONE },
  { nyl_api_key_get_type, "/v3/admin/applications/", "/api-keys",
    NYL_CLIENT_AUTH_SERVICE_ACCOUNT, NYL_PAGE_STYLE_CURSOR, NULL, TYPE_FLAG_APP_ID },
  { nyl_grant_get_type, "/v3/grants", NULL,
    NYL_CLIENT_AUTH_API_KEY, NYL_PAGE_STYLE_OFFSET, "PATCH", TYPE_FLAG_NONE },
  { nyl_connector_get_type, "/v3/connectors", NULL,
    NYL_CLIENT_AUTH_API_KEY, NYL_PAGE_STYLE_OFFSET, "PATCH", TYPE_FLAG_NONE },
  { nyl_credential_get_type, "/v3/connectors/", "/creds",
    NYL_CLIENT_AUTH_API_KEY, NYL_PAGE_STYLE_OFFSET, "PATCH", TYPE_FLAG_PARENT },
  { nyl_webhook_get_type, "/v3/webhooks", NULL,
    NYL_CLIENT_AUTH_API_KEY, NYL_PAGE_STYLE_CURSOR, "PUT", TYPE_FLAG_NONE },
  { nyl_domain_get_type, "/v3/admin/domains", NULL,
    NYL_CLIENT_AUTH_SERVICE_ACCOUNT, NYL_PAGE_STYLE_CURSOR, "PUT", TYPE_FLAG_NONE },
};

static const TypeInfo *
lookup_type_info (GType type)
{
  for (guint i = 0; i < G_N_ELEMENTS (type_infos); i++)
    if (type_infos[i].get_type () == type)
      return &type_infos[i];

  return NULL;
}

char *
_nyl_path_escape (const char *segment)
{
  return g_uri_escape_string (segment, NULL, FALSE);
}

static void
nyl_session_dispose (GObject *object)
{
  NylSession *self = (NylSession *)object;

  g_clear_object (&self->client);
  g_clear_object (&self->audit_log);

  G_OBJECT_CLASS (nyl_session_parent_class)->dispose (object);
}

static void
nyl_session_finalize (GObject *object)
{
  NylSession *self = (NylSession *)object;

  g_clear_object (&self->profile);
  if (self->api_key != NULL)
    {
      memset (self->api_key, 0, strlen (self->api_key));
      g_clear_pointer (&self->api_key, g_free);
    }
  g_clear_pointer (&self->last_request_id, g_free);

  G_OBJECT_CLASS (nyl_session_parent_class)->finalize (object);
}

static void
nyl_session_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  NylSession *self = NYL_SESSION (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;

    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_AUDIT_LOG:
      g_value_set_object (value, nyl_session_get_audit_log (self));
      break;

    case PROP_LAST_REQUEST_ID:
      g_value_set_string (value, self->last_request_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_session_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  NylSession *self = NYL_SESSION (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      self->profile = g_value_dup_object (value);
      break;

    case PROP_AUDIT_LOG:
      nyl_session_set_audit_log (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_session_class_init (NylSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nyl_session_dispose;
  object_class->finalize = nyl_session_finalize;
  object_class->get_property = nyl_session_get_property;
  object_class->set_property = nyl_session_set_property;

  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL,
                         NYL_TYPE_PROFILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         NYL_TYPE_CLIENT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AUDIT_LOG] =
    g_param_spec_object ("audit-log", NULL, NULL,
                         NYL_TYPE_AUDIT_LOG,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LAST_REQUEST_ID] =
    g_param_spec_string ("last-request-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nyl_session_init (NylSession *self)
{
}

/* Tests only: region → URL of the stand-in host (nyl_profile_ops_set_region_url_for_testing()). */
static GHashTable *region_overrides;

void
_nyl_model_set_region_url (const char *region,
                           const char *url)
{
  g_return_if_fail (nyl_region_get_api_url (region) != NULL);

  if (region_overrides == NULL)
    region_overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (url == NULL)
    g_hash_table_remove (region_overrides, region);
  else
    g_hash_table_replace (region_overrides, g_strdup (region), g_strdup (url));
}

NylClient *
_nyl_model_client_new (const char  *region,
                       const char  *api_url,
                       GError     **error)
{
  NylClient *client;

  if (api_url != NULL)
    return nyl_client_new_for_url (api_url, error);

  client = nyl_client_new_for_region (region, error);
  if (client != NULL && region_overrides != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, region_overrides);
      while (g_hash_table_iter_next (&iter, &key, &value))
        nyl_client_set_region_url_for_testing (client, key, value);
    }

  return client;
}

static NylClient *
client_for_profile (NylProfile  *profile,
                    GError     **error)
{
  return _nyl_model_client_new (nyl_profile_get_region (profile), nyl_profile_get_api_url (profile),
                                error);
}

static NylSession *
session_new (NylProfile         *profile,
             const char         *api_key,
             NylServiceAccount  *service_account,
             gboolean            service_account_missing,
             GError            **error)
{
  g_autoptr(NylSession) self = NULL;
  g_autoptr(NylClient) client = NULL;

  if (!nyl_profile_validate (profile, error))
    return NULL;

  client = client_for_profile (profile, error);
  if (client == NULL)
    return NULL;

  nyl_client_set_api_key (client, api_key);
  if (service_account != NULL)
    nyl_client_set_service_account (client, service_account);

  self = g_object_new (NYL_TYPE_SESSION, "profile", profile, NULL);
  self->client = g_steal_pointer (&client);
  self->api_key = g_strdup (api_key);
  self->service_account_missing = service_account_missing;

  return g_steal_pointer (&self);
}

/**
 * nyl_session_new:
 * @profile: a #NylProfile
 * @api_key: its API key
 * @service_account: (nullable): its Service Account
 * @error: return location for a #GError
 *
 * A session from secrets at hand (the sandbox, tests): no keyring involved.
 *
 * Returns: (transfer full) (nullable): the session, or %NULL when the profile
 *   does not validate or its API URL is refused
 */
NylSession *
nyl_session_new (NylProfile         *profile,
                 const char         *api_key,
                 NylServiceAccount  *service_account,
                 GError            **error)
{
  g_return_val_if_fail (NYL_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (api_key != NULL, NULL);
  g_return_val_if_fail (!service_account || NYL_IS_SERVICE_ACCOUNT (service_account), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return session_new (profile, api_key, service_account, FALSE, error);
}

/* Open ------------------------------------------------------------------- */

typedef struct
{
  NylProfile *profile;
  char       *api_key;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->profile);
  if (data->api_key != NULL)
    nyl_secret_free (g_steal_pointer (&data->api_key));
  g_free (data);
}

static void
open_complete (GTask             *task,
               NylServiceAccount *service_account,
               gboolean           service_account_missing)
{
  OpenData *data = g_task_get_task_data (task);
  GError *error = NULL;
  NylSession *session;

  session = session_new (data->profile, data->api_key, service_account, service_account_missing,
                         &error);
  if (session == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, session, g_object_unref);
}

static void
open_service_account_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpenData *data = g_task_get_task_data (task);
  g_autoptr(NylServiceAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  char *json;

  json = nyl_secret_store_lookup_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (json == NULL)
    {
      g_debug ("Profile %s names a Service Account that is not in the keyring",
               nyl_profile_get_id (data->profile));
      open_complete (task, NULL, TRUE);
      return;
    }

  account = nyl_service_account_new_from_data (json, -1, &error);
  nyl_secret_free (json);
  if (account == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  open_complete (task, account, FALSE);
}

static void
open_api_key_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpenData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  data->api_key = nyl_secret_store_lookup_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (data->api_key == NULL)
    {
      g_task_return_new_error (task, NYL_API_ERROR, NYL_API_ERROR_NO_SECRET,
                               _("The API key of profile “%s” is not in the keyring; "
                                 "add the profile again"),
                               nyl_profile_get_name (data->profile));
      return;
    }

  if (!nyl_profile_has_service_account (data->profile))
    {
      open_complete (task, NULL, FALSE);
      return;
    }

  nyl_secret_store_lookup_async (nyl_profile_get_id (data->profile),
                                 NYL_SECRET_KIND_SERVICE_ACCOUNT_KEY, NULL,
                                 g_task_get_cancellable (task),
                                 open_service_account_cb, g_object_ref (task));
}

/**
 * nyl_session_open_async:
 * @profile: a #NylProfile
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the session is open
 * @user_data: data for @callback
 *
 * Opens @profile with its secrets from the keyring.
 */
void
nyl_session_open_async (NylProfile          *profile,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (NYL_IS_PROFILE (profile));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, nyl_session_open_async);

  data = g_new0 (OpenData, 1);
  data->profile = g_object_ref (profile);
  g_task_set_task_data (task, data, (GDestroyNotify)open_data_free);

  nyl_secret_store_lookup_async (nyl_profile_get_id (profile), NYL_SECRET_KIND_API_KEY, NULL,
                                 cancellable, open_api_key_cb, g_steal_pointer (&task));
}

/**
 * nyl_session_open_finish:
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the session; %NULL with
 *   %NYL_API_ERROR_NO_SECRET when the API key is not in the keyring, or the
 *   keyring's error (%NYL_API_ERROR_NO_SECRET_SERVICE,
 *   %NYL_API_ERROR_KEYRING_LOCKED)
 */
NylSession *
nyl_session_open_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == nyl_session_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Accessors -------------------------------------------------------------- */

/**
 * nyl_session_get_profile:
 *
 * Returns: (transfer none): the profile
 */
NylProfile *
nyl_session_get_profile (NylSession *self)
{
  g_return_val_if_fail (NYL_IS_SESSION (self), NULL);

  return self->profile;
}

/**
 * nyl_session_get_client:
 *
 * Returns: (transfer none): the client holding the profile's credentials
 */
NylClient *
nyl_session_get_client (NylSession *self)
{
  g_return_val_if_fail (NYL_IS_SESSION (self), NULL);

  return self->client;
}

/**
 * nyl_session_has_service_account:
 *
 * Returns: whether requests signed with a Service Account can be made
 */
gboolean
nyl_session_has_service_account (NylSession *self)
{
  g_return_val_if_fail (NYL_IS_SESSION (self), FALSE);

  return nyl_client_get_service_account (self->client) != NULL;
}

/**
 * nyl_session_get_audit_log:
 *
 * Returns: (transfer none): where this session's changes are recorded; the
 *   default log of the state directory unless set
 */
NylAuditLog *
nyl_session_get_audit_log (NylSession *self)
{
  g_return_val_if_fail (NYL_IS_SESSION (self), NULL);

  if (self->audit_log == NULL)
    self->audit_log = nyl_audit_log_new ();

  return self->audit_log;
}

void
nyl_session_set_audit_log (NylSession  *self,
                           NylAuditLog *log)
{
  g_return_if_fail (NYL_IS_SESSION (self));
  g_return_if_fail (!log || NYL_IS_AUDIT_LOG (log));

  if (g_set_object (&self->audit_log, log))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIT_LOG]);
}

/**
 * nyl_session_get_last_request_id:
 *
 * Returns: (nullable): the Nylas request ID of the last answer this session
 *   received, success or failure
 */
const char *
nyl_session_get_last_request_id (NylSession *self)
{
  g_return_val_if_fail (NYL_IS_SESSION (self), NULL);

  return self->last_request_id;
}

void
nyl_session_set_last_request_id (NylSession *self,
                                 const char *request_id)
{
  g_return_if_fail (NYL_IS_SESSION (self));

  if (request_id == NULL || g_strcmp0 (request_id, self->last_request_id) == 0)
    return;

  g_free (self->last_request_id);
  self->last_request_id = g_strdup (request_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_REQUEST_ID]);
}

/**
 * nyl_session_audit:
 * @self: a #NylSession
 * @action: what was done
 * @type: the kind of object
 * @object_id: (nullable): the object's ID
 * @request_id: (nullable): the Nylas request ID
 * @error: (nullable): how it failed, %NULL on success
 *
 * Appends an entry for a change made through this session. A log that cannot
 * be written is reported with g_warning(), never to the caller: the change
 * itself is done.
 */
void
nyl_session_audit (NylSession     *self,
                   NylAuditAction  action,
                   GType           type,
                   const char     *object_id,
                   const char     *request_id,
                   const GError   *error)
{
  g_autoptr(NylAuditEntry) entry = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_if_fail (NYL_IS_SESSION (self));
  g_return_if_fail (g_type_is_a (type, NYL_TYPE_RESOURCE));

  entry = nyl_audit_entry_new (nyl_profile_get_name (self->profile), action, type, object_id,
                               request_id, error);
  if (!nyl_audit_log_append (nyl_session_get_audit_log (self), entry, &local_error))
    g_warning ("Could not write the audit log: %s", local_error->message);
}

/* Private helpers -------------------------------------------------------- */

const char *
_nyl_session_get_api_key (NylSession *self)
{
  return self->api_key;
}

void
_nyl_session_set_api_key (NylSession *self,
                          const char *api_key)
{
  g_return_if_fail (NYL_IS_SESSION (self));
  g_return_if_fail (api_key != NULL);

  if (self->api_key != NULL)
    {
      memset (self->api_key, 0, strlen (self->api_key));
      g_free (self->api_key);
    }
  self->api_key = g_strdup (api_key);
  nyl_client_set_api_key (self->client, api_key);
}

gboolean
_nyl_session_check_service_account (NylSession  *self,
                                    GError     **error)
{
  if (nyl_client_get_service_account (self->client) != NULL)
    return TRUE;

  if (self->service_account_missing)
    g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_NO_SECRET,
                 _("The Service Account of profile “%s” is not in the keyring; "
                   "import its credentials file again"),
                 nyl_profile_get_name (self->profile));
  else
    g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS,
                 _("Profile “%s” has no Service Account. API keys and domains are managed "
                   "through your organization’s Nylas Service Account: import its "
                   "credentials file into the profile first"),
                 nyl_profile_get_name (self->profile));
  return FALSE;
}

gboolean
_nyl_session_check_application_id (NylSession  *self,
                                   GError     **error)
{
  const char *application_id = nyl_profile_get_application_id (self->profile);

  if (application_id != NULL && *application_id != '\0')
    return TRUE;

  g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
               _("Profile “%s” has no application ID"), nyl_profile_get_name (self->profile));
  return FALSE;
}

char *
_nyl_session_api_key_path (NylSession *self,
                           const char *key_id)
{
  g_autofree char *app = _nyl_path_escape (nyl_profile_get_application_id (self->profile));
  g_autofree char *key = key_id != NULL ? _nyl_path_escape (key_id) : NULL;

  return g_strconcat ("/v3/admin/applications/", app, "/api-keys",
                      key != NULL ? "/" : NULL, key, NULL);
}

typedef struct
{
  char  *request_id;
} RequestData;

static void
request_data_free (RequestData *data)
{
  g_free (data->request_id);
  g_free (data);
}

static void
request_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  NylSession *self = g_task_get_source_object (task);
  NylClient *client = NYL_CLIENT (object);
  g_autoptr(GError) error = NULL;
  NylResponse *response;
  const char *request_id;
  RequestData *data = g_new0 (RequestData, 1);

  request_id = nyl_client_get_async_result_request_id (client, result);
  nyl_session_set_last_request_id (self, request_id);
  data->request_id = g_strdup (request_id);
  g_task_set_task_data (task, data, (GDestroyNotify)request_data_free);

  response = nyl_client_request_finish (client, result, &error);
  if (response == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, response, g_object_unref);
}

void
_nyl_session_request_async (NylSession          *self,
                            const char          *method,
                            const char          *path,
                            const char * const  *query,
                            JsonNode            *body,
                            NylClientAuth        auth,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (NYL_IS_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, _nyl_session_request_async);

  if (auth == NYL_CLIENT_AUTH_SERVICE_ACCOUNT && !_nyl_session_check_service_account (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  nyl_client_request_async (self->client, method, path, query, body, auth, cancellable,
                            request_cb, g_steal_pointer (&task));
}

NylResponse *
_nyl_session_request_finish (NylSession    *self,
                             GAsyncResult  *result,
                             char         **request_id,
                             GError       **error)
{
  g_return_val_if_fail (NYL_IS_SESSION (self), NULL);
  g_return_val_if_fail (_nyl_session_is_result (self, result, _nyl_session_request_async), NULL);

  if (request_id != NULL)
    {
      RequestData *data = g_task_get_task_data (G_TASK (result));

      *request_id = data != NULL ? g_strdup (data->request_id) : NULL;
    }

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Paths ------------------------------------------------------------------ */

static gboolean
check_type (NylSession      *self,
            GType            type,
            const char      *parent,
            const TypeInfo **info_out,
            GError         **error)
{
  const TypeInfo *info = lookup_type_info (type);

  if (info == NULL)
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                   "%s is not a resource the session knows", g_type_name (type));
      return FALSE;
    }

  if ((info->flags & TYPE_FLAG_PARENT) != 0 && (parent == NULL || *parent == '\0'))
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                   _("A connector provider is needed for %s objects"),
                   nyl_resource_type_get_kind (type));
      return FALSE;
    }

  if ((info->flags & TYPE_FLAG_APP_ID) != 0 && !_nyl_session_check_application_id (self, error))
    return FALSE;

  if (info->auth == NYL_CLIENT_AUTH_SERVICE_ACCOUNT &&
      !_nyl_session_check_service_account (self, error))
    return FALSE;

  *info_out = info;
  return TRUE;
}

static char *
collection_path (NylSession     *self,
                 const TypeInfo *info,
                 const char     *parent)
{
  g_autofree char *segment = NULL;

  if ((info->flags & TYPE_FLAG_PARENT) != 0)
    segment = _nyl_path_escape (parent);
  else if ((info->flags & TYPE_FLAG_APP_ID) != 0)
    segment = _nyl_path_escape (nyl_profile_get_application_id (self->profile));

  return g_strconcat (info->prefix, segment, info->suffix, NULL);
}

static char *
object_path (NylSession      *self,
             const TypeInfo  *info,
             const char      *parent,
             const char      *id,
             GError         **error)
{
  g_autofree char *collection = collection_path (self, info, parent);
  g_autofree char *escaped = NULL;

  if ((info->flags & TYPE_FLAG_SINGLETON) != 0)
    return g_steal_pointer (&collection);

  if (id == NULL || *id == '\0')
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                   _("An ID is needed for %s objects"),
                   nyl_resource_type_get_kind (info->get_type ()));
      return NULL;
    }

  escaped = _nyl_path_escape (id);
  return g_strconcat (collection, "/", escaped, NULL);
}

/**
 * nyl_session_get_collection:
 * @self: a #NylSession
 * @type: a resource type
 * @parent: (nullable): the connector provider for credentials
 * @path_out: (out) (transfer full): the collection path
 * @auth_out: (out) (optional): how requests authenticate
 * @offset_paging_out: (out) (optional): whether the list pages by offset
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @type has a collection the session can reach
 */
gboolean
nyl_session_get_collection (NylSession     *self,
                            GType           type,
                            const char     *parent,
                            char          **path_out,
                            NylClientAuth  *auth_out,
                            gboolean       *offset_paging_out,
                            GError        **error)
{
  const TypeInfo *info;

  g_return_val_if_fail (NYL_IS_SESSION (self), FALSE);
  g_return_val_if_fail (path_out != NULL, FALSE);

  if (!check_type (self, type, parent, &info, error))
    return FALSE;

  if ((info->flags & TYPE_FLAG_SINGLETON) != 0)
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                   "%s objects are not listed", nyl_resource_type_get_kind (type));
      return FALSE;
    }

  *path_out = collection_path (self, info, parent);
  if (auth_out != NULL)
    *auth_out = info->auth;
  if (offset_paging_out != NULL)
    *offset_paging_out = info->paging == NYL_PAGE_STYLE_OFFSET;
  return TRUE;
}

/* Generic calls ---------------------------------------------------------- */

typedef struct
{
  GType           type;
  const TypeInfo *info;
  char           *parent;
  char           *object_id;
  NylAuditAction  action;
  gboolean        audited;
  /* list */
  NylPageIterator *iterator;
  GListStore      *store;
} Call;

static void
call_free (Call *call)
{
  g_clear_pointer (&call->parent, g_free);
  g_clear_pointer (&call->object_id, g_free);
  g_clear_object (&call->iterator);
  g_clear_object (&call->store);
  g_free (call);
}

static Call *
call_new (GTask          *task,
          GType           type,
          const TypeInfo *info,
          const char     *parent)
{
  Call *call = g_new0 (Call, 1);

  call->type = type;
  call->info = info;
  call->parent = g_strdup (parent);
  g_task_set_task_data (task, call, (GDestroyNotify)call_free);
  return call;
}

static void
audit_call (GTask        *task,
            const char   *object_id,
            const char   *request_id,
            const GError *error)
{
  NylSession *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);

  if (call->audited)
    nyl_session_audit (self, call->action, call->type, object_id, request_id, error);
}

/* Completes a call whose answer is one object of the call's type. */
static void
resource_response_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  NylSession *self = NYL_SESSION (object);
  Call *call = g_task_get_task_data (task);
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(NylResource) resource = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *request_id = NULL;
  JsonNode *data;

  response = _nyl_session_request_finish (self, result, &request_id, &error);
  if (response != NULL)
    {
      data = nyl_response_get_data (response);
      if (data == NULL)
        g_set_error_literal (&error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                             _("The server’s answer holds no object"));
      else
        resource = nyl_resource_new_from_json (call->type, data, &error);
    }

  /* The change is made even when its answer cannot be read. */
  audit_call (task,
              resource != NULL && nyl_resource_get_id (resource) != NULL
                ? nyl_resource_get_id (resource) : call->object_id,
              request_id,
              response != NULL ? NULL : error);

  if (resource == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&resource), g_object_unref);
}

static GTask *
begin_call (NylSession          *self,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  return task;
}

/**
 * nyl_session_fetch_async:
 * @self: a #NylSession
 * @type: a resource type
 * @parent: (nullable): the connector provider for %NYL_TYPE_CREDENTIAL
 * @id: (nullable): the object's ID; %NULL for %NYL_TYPE_APP_DETAILS
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the object
 * @user_data: data for @callback
 *
 * Fetches one object.
 */
void
nyl_session_fetch_async (NylSession          *self,
                         GType                type,
                         const char          *parent,
                         const char          *id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const TypeInfo *info;

  g_return_if_fail (NYL_IS_SESSION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = begin_call (self, nyl_session_fetch_async, cancellable, callback, user_data);

  if (!check_type (self, type, parent, &info, &error) ||
      !(path = object_path (self, info, parent, id, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  call_new (task, type, info, parent);
  _nyl_session_request_async (self, "GET", path, NULL, NULL, info->auth, cancellable,
                              resource_response_cb, g_steal_pointer (&task));
}

/**
 * nyl_session_fetch_finish:
 *
 * Returns: (transfer full) (nullable): the object
 */
NylResource *
nyl_session_fetch_finish (NylSession    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (NYL_IS_SESSION (self), NULL);
  g_return_val_if_fail (_nyl_session_is_result (self, result, nyl_session_fetch_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* List */

static void list_next_page (GTask *task);

static void
list_page_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  NylSession *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  JsonArray *array;

  response = nyl_page_iterator_next_finish (call->iterator, result, &error);
  nyl_session_set_last_request_id (self, nyl_page_iterator_get_last_request_id (call->iterator));

  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (response == NULL)
    {
      g_task_return_pointer (task, g_steal_pointer (&call->store), g_object_unref);
      return;
    }

  array = nyl_response_get_items (response);
  if (array == NULL)
    {
      g_task_return_new_error (task, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                               _("The server’s answer holds no list"));
      return;
    }

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      NylResource *item = nyl_resource_new_from_json (call->type,
                                                      json_array_get_element (array, i),
                                                      &error);

      if (item == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_ptr_array_add (items, item);
    }

  g_list_store_splice (call->store, g_list_model_get_n_items (G_LIST_MODEL (call->store)), 0,
                       items->pdata, items->len);

  if (nyl_page_iterator_get_done (call->iterator))
    g_task_return_pointer (task, g_steal_pointer (&call->store), g_object_unref);
  else
    list_next_page (g_steal_pointer (&task));
}

static void
list_next_page (GTask *task)
{
  Call *call = g_task_get_task_data (task);

  nyl_page_iterator_next_async (call->iterator, g_task_get_cancellable (task), list_page_cb,
                                task);
}

/**
 * nyl_session_list_async:
 * @self: a #NylSession
 * @type: a resource type with a collection
 * @parent: (nullable): the connector provider for %NYL_TYPE_CREDENTIAL
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the list
 * @user_data: data for @callback
 *
 * Fetches every item of a (small) collection, all pages. For the grants of a
 * large application, use #NylResourceList.
 */
void
nyl_session_list_async (NylSession          *self,
                        GType                type,
                        const char          *parent,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  NylClientAuth auth;
  gboolean offset;
  Call *call;

  g_return_if_fail (NYL_IS_SESSION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = begin_call (self, nyl_session_list_async, cancellable, callback, user_data);

  if (!nyl_session_get_collection (self, type, parent, &path, &auth, &offset, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  call = call_new (task, type, lookup_type_info (type), parent);
  call->store = g_list_store_new (type);
  call->iterator = nyl_page_iterator_new (self->client, path, NULL, auth,
                                          offset ? NYL_PAGE_STYLE_OFFSET : NYL_PAGE_STYLE_CURSOR,
                                          NYL_PAGE_MAX_LIMIT);
  list_next_page (g_steal_pointer (&task));
}

/**
 * nyl_session_list_finish:
 *
 * Returns: (transfer full) (nullable): a #GListModel of the type asked for
 */
GListModel *
nyl_session_list_finish (NylSession    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (NYL_IS_SESSION (self), NULL);
  g_return_val_if_fail (_nyl_session_is_result (self, result, nyl_session_list_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Create */

/**
 * nyl_session_create_async:
 * @self: a #NylSession
 * @resource: the object to create, as filled by the face
 * @parent: (nullable): the connector provider for %NYL_TYPE_CREDENTIAL
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the created object
 * @user_data: data for @callback
 *
 * Creates an object (audited). The answer carries its one-time secret (API
 * key, webhook secret) when it has one: show it, store it, then clear it.
 */
void
nyl_session_create_async (NylSession          *self,
                          NylResource         *resource,
                          const char          *parent,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;
  GType type;
  const TypeInfo *info;
  Call *call;

  g_return_if_fail (NYL_IS_SESSION (self));
  g_return_if_fail (NYL_IS_RESOURCE (resource));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = begin_call (self, nyl_session_create_async, cancellable, callback, user_data);
  type = G_OBJECT_TYPE (resource);

  if (!check_type (self, type, parent, &info, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  body = nyl_resource_to_json (resource, NYL_RESOURCE_REQUEST_CREATE);
  if ((info->flags & TYPE_FLAG_SINGLETON) != 0 || body == NULL)
    {
      g_task_return_new_error (task, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                               _("%s objects cannot be created here"),
                               nyl_resource_type_get_kind (type));
      return;
    }

  path = collection_path (self, info, parent);
  call = call_new (task, type, info, parent);
  call->action = NYL_AUDIT_ACTION_CREATE;
  call->audited = TRUE;
  _nyl_session_request_async (self, "POST", path, NULL, body, info->auth, cancellable,
                              resource_response_cb, g_steal_pointer (&task));
}

/**
 * nyl_session_create_finish:
 *
 * Returns: (transfer full) (nullable): the created object, as the server
 *   answered it
 */
NylResource *
nyl_session_create_finish (NylSession    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (NYL_IS_SESSION (self), NULL);
  g_return_val_if_fail (_nyl_session_is_result (self, result, nyl_session_create_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Update */

static void
update_refetch_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  NylSession *self = NYL_SESSION (object);
  Call *call = g_task_get_task_data (task);
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(NylResource) resource = NULL;
  g_autoptr(GError) error = NULL;

  response = _nyl_session_request_finish (self, result, NULL, &error);
  if (response != NULL)
    resource = nyl_resource_new_from_json (call->type, nyl_response_get_data (response), &error);

  if (resource == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&resource), g_object_unref);
}

static void
update_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  NylSession *self = NYL_SESSION (object);
  Call *call = g_task_get_task_data (task);
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(NylResource) resource = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *request_id = NULL;
  g_autofree char *path = NULL;
  GCancellable *cancellable;
  JsonNode *data;

  response = _nyl_session_request_finish (self, result, &request_id, &error);
  audit_call (task, call->object_id, request_id, error);

  if (response == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = nyl_response_get_data (response);
  if (data != NULL && JSON_NODE_HOLDS_OBJECT (data))
    resource = nyl_resource_new_from_json (call->type, data, NULL);

  /* A domain update echoes only the changed fields (nylas-api.md §4.7): when the answer is not
   * the whole object, ask for it. */
  if (resource != NULL &&
      ((call->info->flags & TYPE_FLAG_SINGLETON) != 0 || nyl_resource_get_id (resource) != NULL))
    {
      g_task_return_pointer (task, g_steal_pointer (&resource), g_object_unref);
      return;
    }

  path = object_path (self, call->info, call->parent, call->object_id, &error);
  if (path == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  cancellable = g_task_get_cancellable (task);
  _nyl_session_request_async (self, "GET", path, NULL, NULL, call->info->auth, cancellable,
                              update_refetch_cb, g_steal_pointer (&task));
}

/**
 * nyl_session_update_async:
 * @self: a #NylSession
 * @resource: the object with its changes (its ID says which one)
 * @parent: (nullable): the connector provider for %NYL_TYPE_CREDENTIAL
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the updated object
 * @user_data: data for @callback
 *
 * Updates an object with PATCH, or PUT for webhooks and domains (audited).
 */
void
nyl_session_update_async (NylSession          *self,
                          NylResource         *resource,
                          const char          *parent,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;
  const TypeInfo *info;
  GType type;
  Call *call;

  g_return_if_fail (NYL_IS_SESSION (self));
  g_return_if_fail (NYL_IS_RESOURCE (resource));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = begin_call (self, nyl_session_update_async, cancellable, callback, user_data);
  type = G_OBJECT_TYPE (resource);

  if (!check_type (self, type, parent, &info, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  body = nyl_resource_to_json (resource, NYL_RESOURCE_REQUEST_UPDATE);
  if (info->update_method == NULL || body == NULL)
    {
      g_task_return_new_error (task, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                               _("%s objects cannot be changed"),
                               nyl_resource_type_get_kind (type));
      return;
    }

  path = object_path (self, info, parent, nyl_resource_get_id (resource), &error);
  if (path == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  call = call_new (task, type, info, parent);
  call->object_id = g_strdup (nyl_resource_get_id (resource));
  call->action = NYL_AUDIT_ACTION_UPDATE;
  call->audited = TRUE;
  _nyl_session_request_async (self, info->update_method, path, NULL, body, info->auth,
                              cancellable, update_cb, g_steal_pointer (&task));
}

/**
 * nyl_session_update_finish:
 *
 * Returns: (transfer full) (nullable): the object as it is now
 */
NylResource *
nyl_session_update_finish (NylSession    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (NYL_IS_SESSION (self), NULL);
  g_return_val_if_fail (_nyl_session_is_result (self, result, nyl_session_update_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Delete */

static void
delete_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  NylSession *self = NYL_SESSION (object);
  Call *call = g_task_get_task_data (task);
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *request_id = NULL;

  response = _nyl_session_request_finish (self, result, &request_id, &error);
  audit_call (task, call->object_id, request_id, error);

  if (response == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * nyl_session_delete_async:
 * @self: a #NylSession
 * @type: a resource type
 * @parent: (nullable): the connector provider for %NYL_TYPE_CREDENTIAL
 * @id: the object's ID (the provider for a connector)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when deleted
 * @user_data: data for @callback
 *
 * Deletes (or, for an API key, revokes) an object (audited).
 */
void
nyl_session_delete_async (NylSession          *self,
                          GType                type,
                          const char          *parent,
                          const char          *id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const TypeInfo *info;
  Call *call;

  g_return_if_fail (NYL_IS_SESSION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = begin_call (self, nyl_session_delete_async, cancellable, callback, user_data);

  if (!check_type (self, type, parent, &info, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if ((info->flags & TYPE_FLAG_SINGLETON) != 0)
    {
      g_task_return_new_error (task, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                               _("%s objects cannot be deleted"),
                               nyl_resource_type_get_kind (type));
      return;
    }

  path = object_path (self, info, parent, id, &error);
  if (path == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  call = call_new (task, type, info, parent);
  call->object_id = g_strdup (id);
  call->action = type == NYL_TYPE_API_KEY ? NYL_AUDIT_ACTION_REVOKE : NYL_AUDIT_ACTION_DELETE;
  call->audited = TRUE;
  _nyl_session_request_async (self, "DELETE", path, NULL, NULL, info->auth, cancellable,
                              delete_cb, g_steal_pointer (&task));
}

gboolean
nyl_session_delete_finish (NylSession    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (NYL_IS_SESSION (self), FALSE);
  g_return_val_if_fail (_nyl_session_is_result (self, result, nyl_session_delete_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Keyring ---------------------------------------------------------------- */

static GError *store_failure;

/**
 * nyl_model_set_store_failure_for_testing:
 * @error: (nullable): the error every keyring store of the model fails with,
 *   or %NULL to store for real
 *
 * Tests only: makes the keyring refuse secrets, to walk the failure paths
 * (a key roll whose new key cannot be stored, a created key whose secret
 * must not be lost).
 */
void
nyl_model_set_store_failure_for_testing (const GError *error)
{
  g_clear_error (&store_failure);
  if (error != NULL)
    store_failure = g_error_copy (error);
}

static void
store_secret_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (nyl_secret_store_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
_nyl_model_store_secret_async (const char          *profile,
                               NylSecretKind        kind,
                               const char          *object_id,
                               const char          *display_name,
                               const char          *secret,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, _nyl_model_store_secret_async);

  if (store_failure != NULL)
    {
      g_task_return_error (task, g_error_copy (store_failure));
      return;
    }

  nyl_secret_store_store_async (profile, kind, object_id, display_name, secret, cancellable,
                                store_secret_cb, g_steal_pointer (&task));
}

gboolean
_nyl_model_store_secret_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == _nyl_model_store_secret_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Whether @result is the task of a call of @self that @source_tag started. */
gboolean
_nyl_session_is_result (NylSession   *self,
                        GAsyncResult *result,
                        gpointer      source_tag)
{
  return g_task_is_valid (result, self) && g_task_get_source_tag (G_TASK (result)) == source_tag;
}
