/* nyl-key-roll.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-key-roll"

#include "config.h"

#include "nyl-key-roll.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nyl-api-error.h"
#include "nyl-app-details.h"
#include "nyl-pending-revocations.h"
#include "nyl-secret-store.h"
#include "nyl-session-private.h"
#include "nyl-time.h"

/**
 * NylKeyRoll:
 *
 * Replaces an API key with a new one, in an order that never leaves the
 * application without a working key (design.md §5, issue 7):
 *
 * 1. create the new key (Service Account admin API);
 * 2. store its secret in the keyring, under (profile, api-key, new key ID);
 * 3. verify it: `GET /v3/applications` with the new key answers 200;
 * 4. when the old key is the profile's own, make the new key the profile's;
 * 5. revoke the old key now, schedule its revocation
 *    (#NylPendingRevocations), or leave it.
 *
 * The old key is never revoked unless steps 2 and 3 succeeded. A failure at
 * any step stops the roll with a clear state: #NylKeyRoll:step says how far
 * it got, and #NylKeyRoll:new-key still holds the new secret (when step 2
 * failed, the face must show it: it exists nowhere else).
 *
 * Whether the old key is the profile's own is known from the keyring: the
 * profile's API key is also stored under its key ID when this application
 * minted or rolled it (profile add by Service Account, earlier rolls).
 */
struct _NylKeyRoll
{
  GObject                parent_instance;

  NylSession            *session;
  char                  *old_key_id;
  guint                  expires_in_days;
  NylRevokePolicy        policy;
  gint64                 revoke_at;
  NylPendingRevocations *pending;

  NylApiKey             *new_key;
  int                    step;
  gboolean               stored;
  gboolean               verified;
  gboolean               old_is_own;
  gboolean               started;
};

G_DEFINE_FINAL_TYPE (NylKeyRoll, nyl_key_roll, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STEP,
  PROP_NEW_KEY,
  PROP_STORED,
  PROP_VERIFIED,
  PROP_REVOKE_AT,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
nyl_key_roll_dispose (GObject *object)
{
  NylKeyRoll *self = (NylKeyRoll *)object;

  g_clear_object (&self->session);
  g_clear_object (&self->pending);
  g_clear_object (&self->new_key);

  G_OBJECT_CLASS (nyl_key_roll_parent_class)->dispose (object);
}

static void
nyl_key_roll_finalize (GObject *object)
{
  NylKeyRoll *self = (NylKeyRoll *)object;

  g_clear_pointer (&self->old_key_id, g_free);

  G_OBJECT_CLASS (nyl_key_roll_parent_class)->finalize (object);
}

static void
nyl_key_roll_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  NylKeyRoll *self = NYL_KEY_ROLL (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_int (value, self->step);
      break;

    case PROP_NEW_KEY:
      g_value_set_object (value, self->new_key);
      break;

    case PROP_STORED:
      g_value_set_boolean (value, self->stored);
      break;

    case PROP_VERIFIED:
      g_value_set_boolean (value, self->verified);
      break;

    case PROP_REVOKE_AT:
      g_value_set_int64 (value, self->revoke_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_key_roll_class_init (NylKeyRollClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nyl_key_roll_dispose;
  object_class->finalize = nyl_key_roll_finalize;
  object_class->get_property = nyl_key_roll_get_property;

  /**
   * NylKeyRoll:step:
   *
   * The last #NylKeyRollStep reached, or -1 before the new key exists.
   */
  properties[PROP_STEP] =
    g_param_spec_int ("step", NULL, NULL,
                      -1, NYL_KEY_ROLL_REVOCATION_SCHEDULED, -1,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NylKeyRoll:new-key:
   *
   * The new key, with its secret until someone calls
   * nyl_api_key_clear_secret() on it.
   */
  properties[PROP_NEW_KEY] =
    g_param_spec_object ("new-key", NULL, NULL,
                         NYL_TYPE_API_KEY,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STORED] =
    g_param_spec_boolean ("stored", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_VERIFIED] =
    g_param_spec_boolean ("verified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NylKeyRoll:revoke-at:
   *
   * When the old key is to be revoked (Unix seconds), 0 for none.
   */
  properties[PROP_REVOKE_AT] =
    g_param_spec_int64 ("revoke-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nyl_key_roll_init (NylKeyRoll *self)
{
  self->step = -1;
}

/**
 * nyl_key_roll_new:
 * @session: a session with a Service Account
 * @old_key_id: the ID of the key to replace
 * @expires_in_days: the new key's lifetime; 0 for the server's default
 * @policy: what to do with the old key
 * @revoke_at: with %NYL_REVOKE_LATER, when (Unix seconds); ignored otherwise
 *
 * Returns: (transfer full): a key roll, not started
 */
NylKeyRoll *
nyl_key_roll_new (NylSession      *session,
                  const char      *old_key_id,
                  guint            expires_in_days,
                  NylRevokePolicy  policy,
                  gint64           revoke_at)
{
  NylKeyRoll *self;

  g_return_val_if_fail (NYL_IS_SESSION (session), NULL);
  g_return_val_if_fail (old_key_id != NULL, NULL);

  self = g_object_new (NYL_TYPE_KEY_ROLL, NULL);
  self->session = g_object_ref (session);
  self->old_key_id = g_strdup (old_key_id);
  self->expires_in_days = expires_in_days;
  self->policy = policy;
  self->revoke_at = policy == NYL_REVOKE_LATER ? MAX (revoke_at, 0) : 0;

  return self;
}

/**
 * nyl_key_roll_set_pending_revocations:
 * @self: a #NylKeyRoll
 * @pending: (nullable): where a %NYL_REVOKE_LATER revocation is written; %NULL
 *   for the list of the state directory
 *
 * Lets a face share its #NylPendingRevocations (and see the new entry).
 */
void
nyl_key_roll_set_pending_revocations (NylKeyRoll            *self,
                                      NylPendingRevocations *pending)
{
  g_return_if_fail (NYL_IS_KEY_ROLL (self));
  g_return_if_fail (!pending || NYL_IS_PENDING_REVOCATIONS (pending));

  g_set_object (&self->pending, pending);
}

static void
set_step (NylKeyRoll     *self,
          NylKeyRollStep  step)
{
  self->step = step;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

/* Steps ------------------------------------------------------------------ */

static void
return_error (GTask  *task,
              GError *error)
{
  g_task_return_error (task, error);
  g_object_unref (task);
}

static void
finish_ok (GTask *task)
{
  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
old_secret_cleared_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* Best effort: a revoked key's secret is useless, not dangerous. */
  if (!nyl_secret_store_clear_finish (result, &error) && error != NULL)
    g_debug ("Could not clear the revoked key's secret: %s", error->message);

  g_task_return_boolean (task, TRUE);
}

static void
revoked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  NylKeyRoll *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!nyl_session_delete_finish (NYL_SESSION (object), result, &error))
    {
      g_prefix_error (&error, _("The new key is stored and works, but the old key could not be "
                                "revoked: "));
      return_error (task, error);
      return;
    }

  set_step (self, NYL_KEY_ROLL_REVOKED);
  nyl_secret_store_clear_async (nyl_profile_get_id (nyl_session_get_profile (self->session)),
                                NYL_SECRET_KIND_API_KEY, self->old_key_id, NULL,
                                old_secret_cleared_cb, task);
}

static void
dispose_old_key (GTask *task)
{
  NylKeyRoll *self = g_task_get_source_object (task);
  NylProfile *profile = nyl_session_get_profile (self->session);
  GError *error = NULL;

  /* Only ever reached with the new key stored and verified. */
  g_assert (self->stored && self->verified);

  switch (self->policy)
    {
    case NYL_REVOKE_NOW:
      nyl_session_delete_async (self->session, NYL_TYPE_API_KEY, NULL, self->old_key_id,
                                g_task_get_cancellable (task), revoked_cb, task);
      return;

    case NYL_REVOKE_LATER:
      if (self->pending == NULL)
        self->pending = nyl_pending_revocations_new ();
      if (!nyl_pending_revocations_add (self->pending, nyl_profile_get_id (profile),
                                        nyl_profile_get_application_id (profile),
                                        self->old_key_id, self->revoke_at, &error))
        {
          g_prefix_error (&error, _("The new key is stored and works, but the revocation of the "
                                    "old key could not be scheduled: "));
          return_error (task, error);
          return;
        }
      set_step (self, NYL_KEY_ROLL_REVOCATION_SCHEDULED);
      finish_ok (task);
      return;

    case NYL_REVOKE_NEVER:
    default:
      finish_ok (task);
      return;
    }
}

static void
own_key_stored_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  NylKeyRoll *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!_nyl_model_store_secret_finish (result, &error))
    {
      /* The profile still uses the old key: it must not be revoked. */
      g_prefix_error (&error, _("The new key works but could not become the profile’s key, so "
                                "the old key was left alone: "));
      return_error (task, error);
      return;
    }

  _nyl_session_set_api_key (self->session, nyl_api_key_get_secret (self->new_key));
  dispose_old_key (task);
}

static void
verified_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  NylKeyRoll *self = g_task_get_source_object (task);
  NylClient *client = NYL_CLIENT (object);
  NylProfile *profile = nyl_session_get_profile (self->session);
  g_autoptr(NylResponse) response = NULL;
  g_autoptr(NylAppDetails) app = NULL;
  GError *error = NULL;

  response = nyl_client_request_finish (client, result, &error);
  if (response != NULL)
    app = nyl_resource_new_from_json (NYL_TYPE_APP_DETAILS, nyl_response_get_data (response),
                                      &error);
  g_object_unref (client);

  if (app == NULL)
    {
      g_prefix_error (&error, _("The new key was stored but does not work yet, so the old key "
                                "was left alone: "));
      return_error (task, error);
      return;
    }

  if (g_strcmp0 (nyl_app_details_get_application_id (app),
                 nyl_profile_get_application_id (profile)) != 0)
    {
      return_error (task, g_error_new (NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS,
                                       _("The new key answers for application %s, not %s; the "
                                         "old key was left alone"),
                                       nyl_app_details_get_application_id (app),
                                       nyl_profile_get_application_id (profile)));
      return;
    }

  self->verified = TRUE;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERIFIED]);
  set_step (self, NYL_KEY_ROLL_VERIFIED);
  g_object_thaw_notify (G_OBJECT (self));

  if (!self->old_is_own)
    {
      dispose_old_key (task);
      return;
    }

  _nyl_model_store_secret_async (nyl_profile_get_id (profile), NYL_SECRET_KIND_API_KEY, NULL,
                                 nyl_profile_get_name (profile),
                                 nyl_api_key_get_secret (self->new_key),
                                 g_task_get_cancellable (task), own_key_stored_cb, task);
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  NylKeyRoll *self = g_task_get_source_object (task);
  NylProfile *profile = nyl_session_get_profile (self->session);
  NylClient *client;
  GError *error = NULL;

  if (!_nyl_model_store_secret_finish (result, &error))
    {
      /* The secret exists only in self->new_key now: the face shows it. */
      return_error (task, error);
      return;
    }

  self->stored = TRUE;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORED]);
  set_step (self, NYL_KEY_ROLL_STORED);
  g_object_thaw_notify (G_OBJECT (self));

  /* A client of its own, so the session keeps its key until the new one is proven. */
  client = _nyl_model_client_new (nyl_profile_get_region (profile),
                                  nyl_profile_get_api_url (profile), &error);
  if (client == NULL)
    {
      return_error (task, error);
      return;
    }

  nyl_client_set_api_key (client, nyl_api_key_get_secret (self->new_key));
  nyl_client_set_max_attempts (client, nyl_client_get_max_attempts (
                                         nyl_session_get_client (self->session)));
  nyl_client_set_retry_base_delay (client, nyl_client_get_retry_base_delay (
                                             nyl_session_get_client (self->session)));
  nyl_client_request_async (client, "GET", "/v3/applications", NULL, NULL,
                            NYL_CLIENT_AUTH_API_KEY, g_task_get_cancellable (task), verified_cb,
                            task);
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  NylKeyRoll *self = g_task_get_source_object (task);
  NylProfile *profile = nyl_session_get_profile (self->session);
  g_autoptr(NylResource) key = NULL;
  GError *error = NULL;

  key = nyl_session_create_finish (NYL_SESSION (object), result, &error);
  if (key == NULL)
    {
      return_error (task, error);
      return;
    }

  self->new_key = NYL_API_KEY (g_steal_pointer (&key));
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEW_KEY]);
  set_step (self, NYL_KEY_ROLL_CREATED);
  g_object_thaw_notify (G_OBJECT (self));

  if (!nyl_api_key_has_secret (self->new_key) ||
      nyl_resource_get_id (NYL_RESOURCE (self->new_key)) == NULL)
    {
      return_error (task, g_error_new_literal (NYL_API_ERROR, NYL_API_ERROR_PARSE,
                                               _("The server created a key but did not send "
                                                 "its secret; the old key was left alone")));
      return;
    }

  _nyl_model_store_secret_async (nyl_profile_get_id (profile), NYL_SECRET_KIND_API_KEY,
                                 nyl_resource_get_id (NYL_RESOURCE (self->new_key)),
                                 nyl_profile_get_name (profile),
                                 nyl_api_key_get_secret (self->new_key),
                                 g_task_get_cancellable (task), stored_cb, task);
}

static void
create_new_key (GTask      *task,
                const char *old_name)
{
  NylKeyRoll *self = g_task_get_source_object (task);
  g_autoptr(NylApiKey) key = nyl_api_key_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
  g_autofree char *name = NULL;

  /* Names are unique in the application. The date tells the generations apart; a short random
   * tag keeps two rolls in the same second (of one key, or of keys of the same name) apart. */
  name = g_strdup_printf ("%s (rolled %s, %06x)",
                          old_name != NULL ? old_name : self->old_key_id, stamp,
                          (guint) (g_random_int () & 0xffffff));
  nyl_api_key_set_name (key, name);
  if (self->expires_in_days > 0)
    nyl_api_key_set_expires_in_days (key, self->expires_in_days);

  nyl_session_create_async (self->session, NYL_RESOURCE (key), NULL,
                            g_task_get_cancellable (task), created_cb, task);
}

static void
own_key_lookup_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  NylKeyRoll *self = g_task_get_source_object (task);
  const char *old_name = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  const char *current = _nyl_session_get_api_key (self->session);
  char *secret;

  secret = nyl_secret_store_lookup_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }
  if (error != NULL)
    g_debug ("Could not tell whether %s is the profile’s own key: %s", self->old_key_id,
             error->message);

  self->old_is_own = secret != NULL && current != NULL && strcmp (secret, current) == 0;
  if (secret != NULL)
    nyl_secret_free (secret);

  create_new_key (task, old_name);
}

static void
old_key_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  NylKeyRoll *self = g_task_get_source_object (task);
  g_autoptr(NylResource) old = NULL;
  GError *error = NULL;

  /* The old key must exist before a replacement is made. */
  old = nyl_session_fetch_finish (NYL_SESSION (object), result, &error);
  if (old == NULL)
    {
      return_error (task, error);
      return;
    }

  g_task_set_task_data (task, g_strdup (nyl_api_key_get_name (NYL_API_KEY (old))), g_free);
  nyl_secret_store_lookup_async (nyl_profile_get_id (nyl_session_get_profile (self->session)),
                                 NYL_SECRET_KIND_API_KEY, self->old_key_id,
                                 g_task_get_cancellable (task), own_key_lookup_cb, task);
}

/**
 * nyl_key_roll_run_async:
 * @self: a #NylKeyRoll
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the roll is done or stopped
 * @user_data: data for @callback
 *
 * Runs the roll (once). Whatever happens, #NylKeyRoll:step,
 * #NylKeyRoll:stored and #NylKeyRoll:verified say how far it got.
 */
void
nyl_key_roll_run_async (NylKeyRoll          *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (NYL_IS_KEY_ROLL (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nyl_key_roll_run_async);

  if (self->started)
    {
      g_task_return_new_error (task, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                               "A key roll runs once");
      return;
    }
  self->started = TRUE;

  if (!_nyl_session_check_service_account (self->session, &error) ||
      !_nyl_session_check_application_id (self->session, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (self->policy == NYL_REVOKE_LATER && self->revoke_at <= 0)
    {
      g_task_return_new_error (task, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                               _("A later revocation needs a time"));
      return;
    }

  nyl_session_fetch_async (self->session, NYL_TYPE_API_KEY, NULL, self->old_key_id, cancellable,
                           old_key_cb, g_steal_pointer (&task));
}

/**
 * nyl_key_roll_run_finish:
 * @self: a #NylKeyRoll
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: %TRUE when every step of the policy was done. On %FALSE the old
 *   key was not revoked unless #NylKeyRoll:step is %NYL_KEY_ROLL_REVOKED; when
 *   #NylKeyRoll:stored is %FALSE but the new key exists, its secret is only
 *   in nyl_key_roll_get_new_key().
 */
gboolean
nyl_key_roll_run_finish (NylKeyRoll    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (NYL_IS_KEY_ROLL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == nyl_key_roll_run_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * nyl_key_roll_get_new_key:
 *
 * Returns: (transfer none) (nullable): the new key, once created
 */
NylApiKey *
nyl_key_roll_get_new_key (NylKeyRoll *self)
{
  g_return_val_if_fail (NYL_IS_KEY_ROLL (self), NULL);

  return self->new_key;
}

/**
 * nyl_key_roll_get_step:
 *
 * Returns: the last step reached; only meaningful when nyl_key_roll_has_step()
 */
NylKeyRollStep
nyl_key_roll_get_step (NylKeyRoll *self)
{
  g_return_val_if_fail (NYL_IS_KEY_ROLL (self), NYL_KEY_ROLL_CREATED);

  return self->step < 0 ? NYL_KEY_ROLL_CREATED : (NylKeyRollStep) self->step;
}

gboolean
nyl_key_roll_has_step (NylKeyRoll *self)
{
  g_return_val_if_fail (NYL_IS_KEY_ROLL (self), FALSE);

  return self->step >= 0;
}

gboolean
nyl_key_roll_get_stored (NylKeyRoll *self)
{
  g_return_val_if_fail (NYL_IS_KEY_ROLL (self), FALSE);

  return self->stored;
}

gboolean
nyl_key_roll_get_verified (NylKeyRoll *self)
{
  g_return_val_if_fail (NYL_IS_KEY_ROLL (self), FALSE);

  return self->verified;
}

gint64
nyl_key_roll_get_revoke_at (NylKeyRoll *self)
{
  g_return_val_if_fail (NYL_IS_KEY_ROLL (self), 0);

  return self->revoke_at;
}

const char *
nyl_key_roll_get_old_key_id (NylKeyRoll *self)
{
  g_return_val_if_fail (NYL_IS_KEY_ROLL (self), NULL);

  return self->old_key_id;
}

/* Creating a key ---------------------------------------------------------- */

typedef struct
{
  NylApiKey *key;
  gboolean   stored;
  GError    *store_error;
} CreateData;

static void
create_data_free (CreateData *data)
{
  g_clear_object (&data->key);
  g_clear_error (&data->store_error);
  g_free (data);
}

static void
create_stored_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CreateData *data = g_task_get_task_data (task);

  data->stored = _nyl_model_store_secret_finish (result, &data->store_error);
  g_task_return_pointer (task, g_object_ref (data->key), g_object_unref);
}

static void
create_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CreateData *data = g_task_get_task_data (task);
  NylSession *session = NYL_SESSION (object);
  NylProfile *profile = nyl_session_get_profile (session);
  NylResource *key;
  GError *error = NULL;

  key = nyl_session_create_finish (session, result, &error);
  if (key == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data->key = NYL_API_KEY (key);
  if (!nyl_api_key_has_secret (data->key) || nyl_resource_get_id (key) == NULL)
    {
      data->store_error = g_error_new_literal (NYL_API_ERROR, NYL_API_ERROR_PARSE,
                                               _("The server did not send the new key’s secret"));
      g_task_return_pointer (task, g_object_ref (data->key), g_object_unref);
      return;
    }

  /* Not cancellable: once the key exists, its secret must reach the keyring or the caller. */
  _nyl_model_store_secret_async (nyl_profile_get_id (profile), NYL_SECRET_KIND_API_KEY,
                                 nyl_resource_get_id (key), nyl_profile_get_name (profile),
                                 nyl_api_key_get_secret (data->key), NULL, create_stored_cb,
                                 g_steal_pointer (&task));
}

/**
 * nyl_api_key_create_async:
 * @session: a session with a Service Account
 * @name: the key's name (unique in the application)
 * @expires_in_days: its lifetime; 0 for the server's default
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the key
 * @user_data: data for @callback
 *
 * Creates an API key (audited) and stores its secret in the keyring.
 */
void
nyl_api_key_create_async (NylSession          *session,
                          const char          *name,
                          guint                expires_in_days,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(NylApiKey) key = NULL;

  g_return_if_fail (NYL_IS_SESSION (session));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, nyl_api_key_create_async);
  g_task_set_task_data (task, g_new0 (CreateData, 1), (GDestroyNotify)create_data_free);

  if (name == NULL || *name == '\0')
    {
      g_task_return_new_error (task, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                               _("An API key needs a name"));
      return;
    }

  key = nyl_api_key_new ();
  nyl_api_key_set_name (key, name);
  if (expires_in_days > 0)
    nyl_api_key_set_expires_in_days (key, expires_in_days);

  nyl_session_create_async (session, NYL_RESOURCE (key), NULL, cancellable, create_cb,
                            g_steal_pointer (&task));
}

/**
 * nyl_api_key_create_finish:
 * @session: a #NylSession
 * @result: the #GAsyncResult
 * @stored: (out) (optional): whether the secret is in the keyring
 * @store_error: (out) (optional): why it is not
 * @error: return location for the creation's #GError
 *
 * A store failure does not fail the call: the key exists, and the returned
 * object holds its secret (it is nowhere else; show it once, then clear it).
 *
 * Returns: (transfer full) (nullable): the new key with its secret, or %NULL
 *   when it was not created
 */
NylApiKey *
nyl_api_key_create_finish (NylSession    *session,
                           GAsyncResult  *result,
                           gboolean      *stored,
                           GError       **store_error,
                           GError       **error)
{
  CreateData *data;
  NylApiKey *key;

  g_return_val_if_fail (NYL_IS_SESSION (session), NULL);
  g_return_val_if_fail (g_task_is_valid (result, session), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == nyl_api_key_create_async, NULL);

  data = g_task_get_task_data (G_TASK (result));
  key = g_task_propagate_pointer (G_TASK (result), error);

  if (stored != NULL)
    *stored = key != NULL && data->stored;
  if (store_error != NULL && key != NULL && data->store_error != NULL)
    g_propagate_error (store_error, g_error_copy (data->store_error));

  return key;
}
