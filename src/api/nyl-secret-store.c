/* nyl-secret-store.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-secret-store"

#include "config.h"

#include "nyl-secret-store.h"

#include <glib/gi18n.h>

#include "nyl-api-error.h"
#include "nyl-secret-store-private.h"

/* The format of what is stored; bumped if it ever changes, so an old secret
 * is never read as a new one. */
#define SECRET_VERSION "1"

/*
 * Secrets live in the Secret Service (or, in a Flatpak, libsecret's portal
 * backed file keyring), never anywhere else. One item per secret, found by four
 * string attributes:
 *
 *   profile  the profile's ID
 *   kind     api-key, service-account-key, webhook-secret, connector-secret
 *   object   the Nylas object the secret belongs to (a webhook ID, a connector
 *            provider, ...), "" for the profile's own API key or Service Account
 *   version  the format version
 *
 * Only the asynchronous secret_password_store/lookup/clear calls are used, each
 * with its matching _finish.
 */

/**
 * nyl_secret_schema_get:
 *
 * Returns: (transfer none): the schema of every secret Nylas Manager stores,
 *   named after the application ID
 */
const SecretSchema *
nyl_secret_schema_get (void)
{
  static const SecretSchema schema = {
    APP_ID, SECRET_SCHEMA_NONE,
    {
      { "profile", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "object", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "version", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

/**
 * nyl_secret_kind_to_nick:
 * @kind: a #NylSecretKind
 *
 * Returns: the value of the `kind` attribute for @kind
 */
const char *
nyl_secret_kind_to_nick (NylSecretKind kind)
{
  switch (kind)
    {
    case NYL_SECRET_KIND_API_KEY:             return "api-key";
    case NYL_SECRET_KIND_SERVICE_ACCOUNT_KEY: return "service-account-key";
    case NYL_SECRET_KIND_WEBHOOK_SECRET:      return "webhook-secret";
    case NYL_SECRET_KIND_CONNECTOR_SECRET:    return "connector-secret";
    default:                                  g_return_val_if_reached (NULL);
    }
}

static const char *
kind_label (NylSecretKind kind)
{
  switch (kind)
    {
    case NYL_SECRET_KIND_API_KEY:             return _("API key");
    case NYL_SECRET_KIND_SERVICE_ACCOUNT_KEY: return _("Service Account key");
    case NYL_SECRET_KIND_WEBHOOK_SECRET:      return _("Webhook secret");
    case NYL_SECRET_KIND_CONNECTOR_SECRET:    return _("Connector secret");
    default:                                  g_return_val_if_reached (NULL);
    }
}

/*
 * _nyl_secret_store_map_error:
 * @error: what libsecret or D-Bus reported
 * @caller_cancelled: whether the caller's cancellable was cancelled
 *
 * Returns: (transfer full): @error in the %NYL_API_ERROR domain:
 *   %NYL_API_ERROR_KEYRING_LOCKED for a locked keyring whose unlock was
 *   refused, %NYL_API_ERROR_NO_SECRET_SERVICE when no Secret Service can be
 *   reached. The caller's own cancellation stays %G_IO_ERROR_CANCELLED.
 */
GError *
_nyl_secret_store_map_error (const GError *error,
                             gboolean      caller_cancelled)
{
  g_debug ("Keyring failure: %s (%s, %d)", error->message,
           g_quark_to_string (error->domain), error->code);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (caller_cancelled)
        return g_error_copy (error);

      /* Nobody cancelled: the unlock prompt was dismissed. */
      return g_error_new_literal (NYL_API_ERROR, NYL_API_ERROR_KEYRING_LOCKED,
                                  _("The keyring is locked and was not unlocked"));
    }

  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    return g_error_new_literal (NYL_API_ERROR, NYL_API_ERROR_KEYRING_LOCKED,
                                _("The keyring is locked and was not unlocked"));

  if (error->domain == G_DBUS_ERROR || error->domain == G_IO_ERROR ||
      error->domain == G_SPAWN_ERROR)
    return g_error_new_literal (NYL_API_ERROR, NYL_API_ERROR_NO_SECRET_SERVICE,
                                _("No keyring is available: secrets need a running Secret "
                                  "Service, such as GNOME Keyring"));

  return g_error_new (NYL_API_ERROR, NYL_API_ERROR_NO_SECRET_SERVICE,
                      _("The keyring could not be used: %s"), error->message);
}

static void
return_mapped_error (GTask  *task,
                     GError *error)
{
  GCancellable *cancellable = g_task_get_cancellable (task);
  gboolean cancelled = cancellable != NULL && g_cancellable_is_cancelled (cancellable);

  g_task_return_error (task, _nyl_secret_store_map_error (error, cancelled));
  g_error_free (error);
}

/* Store ------------------------------------------------------------------ */

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      return_mapped_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * nyl_secret_store_store_async:
 * @profile: the profile's ID
 * @kind: what the secret is
 * @object_id: (nullable): the Nylas object it belongs to; %NULL for the
 *   profile's own credential
 * @display_name: (nullable): a name a person recognizes (the profile's name),
 *   for the keyring item's label
 * @secret: the secret
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when stored
 * @user_data: data for @callback
 *
 * Stores @secret in the default keyring, replacing an earlier one with the same
 * profile, kind and object.
 */
void
nyl_secret_store_store_async (const char          *profile,
                              NylSecretKind        kind,
                              const char          *object_id,
                              const char          *display_name,
                              const char          *secret,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (profile != NULL && *profile != '\0');
  g_return_if_fail (secret != NULL);
  g_return_if_fail (nyl_secret_kind_to_nick (kind) != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, nyl_secret_store_store_async);

  /* Translators: the label of a keyring item, e.g. "Nylas Manager: API key
   * (Production)"; the second %s is the profile's name */
  label = g_strdup_printf (_("Nylas Manager: %s (%s)"), kind_label (kind),
                           display_name ? display_name : profile);

  secret_password_store (nyl_secret_schema_get (), SECRET_COLLECTION_DEFAULT, label, secret,
                         cancellable, store_cb, g_steal_pointer (&task),
                         "profile", profile,
                         "kind", nyl_secret_kind_to_nick (kind),
                         "object", object_id ? object_id : "",
                         "version", SECRET_VERSION,
                         NULL);
}

/**
 * nyl_secret_store_store_finish:
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: %TRUE once stored; otherwise %FALSE with
 *   %NYL_API_ERROR_NO_SECRET_SERVICE, %NYL_API_ERROR_KEYRING_LOCKED or
 *   %G_IO_ERROR_CANCELLED
 */
gboolean
nyl_secret_store_store_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == nyl_secret_store_store_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Lookup ----------------------------------------------------------------- */

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *secret;

  secret = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    {
      return_mapped_error (task, error);
      return;
    }

  g_task_return_pointer (task, secret, (GDestroyNotify)secret_password_free);
}

/**
 * nyl_secret_store_lookup_async:
 * @profile: the profile's ID
 * @kind: what the secret is
 * @object_id: (nullable): the Nylas object it belongs to
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the secret
 * @user_data: data for @callback
 *
 * Looks a secret up. A locked keyring is unlocked first, which may ask the
 * user.
 */
void
nyl_secret_store_lookup_async (const char          *profile,
                               NylSecretKind        kind,
                               const char          *object_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (profile != NULL && *profile != '\0');
  g_return_if_fail (nyl_secret_kind_to_nick (kind) != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, nyl_secret_store_lookup_async);

  secret_password_lookup (nyl_secret_schema_get (), cancellable, lookup_cb,
                          g_steal_pointer (&task),
                          "profile", profile,
                          "kind", nyl_secret_kind_to_nick (kind),
                          "object", object_id ? object_id : "",
                          "version", SECRET_VERSION,
                          NULL);
}

/**
 * nyl_secret_store_lookup_finish:
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * A secret that is not there is %NULL without an error; the caller decides
 * whether that is %NYL_API_ERROR_NO_SECRET. (libsecret also answers so when
 * the user refuses to unlock the keyring for a lookup.)
 *
 * Returns: (transfer full) (nullable): the secret, to be freed with
 *   nyl_secret_free()
 */
char *
nyl_secret_store_lookup_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == nyl_secret_store_lookup_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Clear ------------------------------------------------------------------ */

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gboolean removed;

  removed = secret_password_clear_finish (result, &error);
  if (error != NULL)
    {
      return_mapped_error (task, error);
      return;
    }

  g_task_return_boolean (task, removed);
}

/**
 * nyl_secret_store_clear_async:
 * @profile: the profile's ID
 * @kind: what the secret is
 * @object_id: (nullable): the Nylas object it belongs to
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Removes one secret.
 */
void
nyl_secret_store_clear_async (const char          *profile,
                              NylSecretKind        kind,
                              const char          *object_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (profile != NULL && *profile != '\0');
  g_return_if_fail (nyl_secret_kind_to_nick (kind) != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, nyl_secret_store_clear_async);

  /* Every version of it. */
  secret_password_clear (nyl_secret_schema_get (), cancellable, clear_cb, g_steal_pointer (&task),
                         "profile", profile,
                         "kind", nyl_secret_kind_to_nick (kind),
                         "object", object_id ? object_id : "",
                         NULL);
}

/**
 * nyl_secret_store_clear_finish:
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: %TRUE when a secret was removed; %FALSE without @error when there
 *   was none, %FALSE with @error on failure
 */
gboolean
nyl_secret_store_clear_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == nyl_secret_store_clear_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * nyl_secret_store_clear_profile_async:
 * @profile: the profile's ID
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Removes every secret of @profile, of every kind: what removing a profile
 * does.
 */
void
nyl_secret_store_clear_profile_async (const char          *profile,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (profile != NULL && *profile != '\0');
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, nyl_secret_store_clear_profile_async);

  secret_password_clear (nyl_secret_schema_get (), cancellable, clear_cb, g_steal_pointer (&task),
                         "profile", profile,
                         NULL);
}

/**
 * nyl_secret_store_clear_profile_finish:
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: %TRUE when secrets were removed; %FALSE without @error when there
 *   were none, %FALSE with @error on failure
 */
gboolean
nyl_secret_store_clear_profile_finish (GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        nyl_secret_store_clear_profile_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * nyl_secret_free:
 * @secret: (nullable): a secret from nyl_secret_store_lookup_finish()
 *
 * Overwrites @secret's memory, then frees it.
 */
void
nyl_secret_free (char *secret)
{
  if (secret != NULL)
    secret_password_free (secret);
}
