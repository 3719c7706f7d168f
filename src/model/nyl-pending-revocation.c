/* nyl-pending-revocation.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-pending-revocation"

#include "config.h"

#include "nyl-pending-revocation.h"

#include <glib/gi18n.h>

#include "nyl-api-error.h"
#include "nyl-json.h"

/**
 * NylPendingRevocation:
 *
 * An API key to revoke later: after a key roll with an overlap, the old key
 * keeps working until #NylPendingRevocation:revoke-at. Only the key's ID is
 * kept, never a secret.
 */
struct _NylPendingRevocation
{
  GObject  parent_instance;

  char    *profile_id;
  char    *application_id;
  char    *key_id;
  gint64   revoke_at;
};

G_DEFINE_FINAL_TYPE (NylPendingRevocation, nyl_pending_revocation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROFILE_ID,
  PROP_APPLICATION_ID,
  PROP_KEY_ID,
  PROP_REVOKE_AT,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
nyl_pending_revocation_finalize (GObject *object)
{
  NylPendingRevocation *self = (NylPendingRevocation *)object;

  g_clear_pointer (&self->profile_id, g_free);
  g_clear_pointer (&self->application_id, g_free);
  g_clear_pointer (&self->key_id, g_free);

  G_OBJECT_CLASS (nyl_pending_revocation_parent_class)->finalize (object);
}

static void
nyl_pending_revocation_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  NylPendingRevocation *self = NYL_PENDING_REVOCATION (object);

  switch (prop_id)
    {
    case PROP_PROFILE_ID:
      g_value_set_string (value, self->profile_id);
      break;

    case PROP_APPLICATION_ID:
      g_value_set_string (value, self->application_id);
      break;

    case PROP_KEY_ID:
      g_value_set_string (value, self->key_id);
      break;

    case PROP_REVOKE_AT:
      g_value_set_int64 (value, self->revoke_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_pending_revocation_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  NylPendingRevocation *self = NYL_PENDING_REVOCATION (object);

  switch (prop_id)
    {
    case PROP_PROFILE_ID:
      self->profile_id = g_value_dup_string (value);
      break;

    case PROP_APPLICATION_ID:
      self->application_id = g_value_dup_string (value);
      break;

    case PROP_KEY_ID:
      self->key_id = g_value_dup_string (value);
      break;

    case PROP_REVOKE_AT:
      self->revoke_at = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_pending_revocation_class_init (NylPendingRevocationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nyl_pending_revocation_finalize;
  object_class->get_property = nyl_pending_revocation_get_property;
  object_class->set_property = nyl_pending_revocation_set_property;

  properties[PROP_PROFILE_ID] =
    g_param_spec_string ("profile-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_APPLICATION_ID] =
    g_param_spec_string ("application-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KEY_ID] =
    g_param_spec_string ("key-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NylPendingRevocation:revoke-at:
   *
   * When the key is due to be revoked, in Unix seconds.
   */
  properties[PROP_REVOKE_AT] =
    g_param_spec_int64 ("revoke-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nyl_pending_revocation_init (NylPendingRevocation *self)
{
}

NylPendingRevocation *
nyl_pending_revocation_new (const char *profile_id,
                            const char *application_id,
                            const char *key_id,
                            gint64      revoke_at)
{
  g_return_val_if_fail (profile_id != NULL, NULL);
  g_return_val_if_fail (key_id != NULL, NULL);

  return g_object_new (NYL_TYPE_PENDING_REVOCATION,
                       "profile-id", profile_id,
                       "application-id", application_id,
                       "key-id", key_id,
                       "revoke-at", revoke_at,
                       NULL);
}

/**
 * nyl_pending_revocation_new_from_json:
 * @object: one entry of pending-revocations.json
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the entry, or %NULL with
 *   %NYL_API_ERROR_PARSE when a member is missing or of the wrong type
 */
NylPendingRevocation *
nyl_pending_revocation_new_from_json (JsonObject  *object,
                                      GError     **error)
{
  g_autofree char *profile_id = NULL;
  g_autofree char *application_id = NULL;
  g_autofree char *key_id = NULL;
  gint64 revoke_at = 0;

  g_return_val_if_fail (object != NULL, NULL);

  if (!nyl_json_get_string (object, "profile_id", NULL, &profile_id, error) ||
      !nyl_json_get_string (object, "application_id", NULL, &application_id, error) ||
      !nyl_json_get_string (object, "key_id", NULL, &key_id, error) ||
      !nyl_json_get_int (object, "revoke_at", 0, &revoke_at, error))
    return NULL;

  if (profile_id == NULL || key_id == NULL || revoke_at <= 0)
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                           _("A pending revocation needs a profile, a key and a time"));
      return NULL;
    }

  return nyl_pending_revocation_new (profile_id, application_id, key_id, revoke_at);
}

/**
 * nyl_pending_revocation_to_json:
 *
 * Returns: (transfer full): `{profile_id, application_id, key_id, revoke_at}`
 */
JsonNode *
nyl_pending_revocation_to_json (NylPendingRevocation *self)
{
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (NYL_IS_PENDING_REVOCATION (self), NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "profile_id", self->profile_id);
  if (self->application_id != NULL)
    json_object_set_string_member (object, "application_id", self->application_id);
  json_object_set_string_member (object, "key_id", self->key_id);
  json_object_set_int_member (object, "revoke_at", self->revoke_at);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

const char *
nyl_pending_revocation_get_profile_id (NylPendingRevocation *self)
{
  g_return_val_if_fail (NYL_IS_PENDING_REVOCATION (self), NULL);

  return self->profile_id;
}

const char *
nyl_pending_revocation_get_application_id (NylPendingRevocation *self)
{
  g_return_val_if_fail (NYL_IS_PENDING_REVOCATION (self), NULL);

  return self->application_id;
}

const char *
nyl_pending_revocation_get_key_id (NylPendingRevocation *self)
{
  g_return_val_if_fail (NYL_IS_PENDING_REVOCATION (self), NULL);

  return self->key_id;
}

gint64
nyl_pending_revocation_get_revoke_at (NylPendingRevocation *self)
{
  g_return_val_if_fail (NYL_IS_PENDING_REVOCATION (self), 0);

  return self->revoke_at;
}
