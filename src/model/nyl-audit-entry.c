/* nyl-audit-entry.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-audit-entry"

#include "config.h"

#include "nyl-audit-entry.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "nyl-api-error.h"
#include "nyl-json.h"

/**
 * NylAuditEntry:
 *
 * One change made through the model: when, in which profile, what was done
 * to which object, how it ended and the Nylas request ID that the support
 * team can trace. It is one line of the audit log.
 */
struct _NylAuditEntry
{
  GObject parent_instance;

  gint64  time;
  char   *profile;
  char   *action;
  char   *object_type;
  char   *object_id;
  char   *outcome;
  char   *request_id;
};

G_DEFINE_FINAL_TYPE (NylAuditEntry, nyl_audit_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TIME,
  PROP_PROFILE,
  PROP_ACTION,
  PROP_OBJECT_TYPE,
  PROP_OBJECT_ID,
  PROP_OUTCOME,
  PROP_REQUEST_ID,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

/**
 * nyl_audit_action_to_nick:
 *
 * Returns: the name written to the log: `create`, `update`, `delete`,
 *   `rotate` or `revoke`.
 */
const char *
nyl_audit_action_to_nick (NylAuditAction action)
{
  switch (action)
    {
    case NYL_AUDIT_ACTION_CREATE: return "create";
    case NYL_AUDIT_ACTION_UPDATE: return "update";
    case NYL_AUDIT_ACTION_DELETE: return "delete";
    case NYL_AUDIT_ACTION_ROTATE: return "rotate";
    case NYL_AUDIT_ACTION_REVOKE: return "revoke";
    default:                      return "unknown";
    }
}

static const char *
outcome_for_error (const GError *error)
{
  if (error == NULL)
    return "ok";
  if (error->domain == NYL_API_ERROR)
    return nyl_api_error_to_nick (error->code);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return "cancelled";
  return "error";
}

static void
nyl_audit_entry_finalize (GObject *object)
{
  NylAuditEntry *self = (NylAuditEntry *)object;

  g_clear_pointer (&self->profile, g_free);
  g_clear_pointer (&self->action, g_free);
  g_clear_pointer (&self->object_type, g_free);
  g_clear_pointer (&self->object_id, g_free);
  g_clear_pointer (&self->outcome, g_free);
  g_clear_pointer (&self->request_id, g_free);

  G_OBJECT_CLASS (nyl_audit_entry_parent_class)->finalize (object);
}

static void
nyl_audit_entry_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NylAuditEntry *self = NYL_AUDIT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_TIME:
      g_value_set_int64 (value, self->time);
      break;

    case PROP_PROFILE:
      g_value_set_string (value, self->profile);
      break;

    case PROP_ACTION:
      g_value_set_string (value, self->action);
      break;

    case PROP_OBJECT_TYPE:
      g_value_set_string (value, self->object_type);
      break;

    case PROP_OBJECT_ID:
      g_value_set_string (value, self->object_id);
      break;

    case PROP_OUTCOME:
      g_value_set_string (value, self->outcome);
      break;

    case PROP_REQUEST_ID:
      g_value_set_string (value, self->request_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_audit_entry_class_init (NylAuditEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nyl_audit_entry_finalize;
  object_class->get_property = nyl_audit_entry_get_property;

  /**
   * NylAuditEntry:time:
   *
   * When the change was made, in Unix seconds.
   */
  properties[PROP_TIME] =
    g_param_spec_int64 ("time", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_PROFILE] =
    g_param_spec_string ("profile", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  /**
   * NylAuditEntry:action:
   *
   * A #NylAuditAction nick; entries written by a newer version may carry
   * other names.
   */
  properties[PROP_ACTION] =
    g_param_spec_string ("action", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  /**
   * NylAuditEntry:object-type:
   *
   * The NylResourceClass kind of the object, e.g. `api-key`.
   */
  properties[PROP_OBJECT_TYPE] =
    g_param_spec_string ("object-type", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_OBJECT_ID] =
    g_param_spec_string ("object-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  /**
   * NylAuditEntry:outcome:
   *
   * `ok`, or the nick of the error (nyl_api_error_to_nick(), `cancelled`,
   * or `error` for anything else).
   */
  properties[PROP_OUTCOME] =
    g_param_spec_string ("outcome", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_REQUEST_ID] =
    g_param_spec_string ("request-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nyl_audit_entry_init (NylAuditEntry *self)
{
}

/**
 * nyl_audit_entry_new:
 * @profile: (nullable): the profile the change was made in
 * @action: what was done
 * @resource_type: a #NylResource subtype: the kind of object
 * @object_id: (nullable): the object's ID (unknown when a create failed)
 * @request_id: (nullable): the Nylas request ID of the call
 * @error: (nullable): how the call failed, or %NULL when it succeeded
 *
 * Returns: (transfer full): a new entry, stamped with the current time
 */
NylAuditEntry *
nyl_audit_entry_new (const char     *profile,
                     NylAuditAction  action,
                     GType           resource_type,
                     const char     *object_id,
                     const char     *request_id,
                     const GError   *error)
{
  NylAuditEntry *self;

  g_return_val_if_fail (g_type_is_a (resource_type, NYL_TYPE_RESOURCE), NULL);

  self = g_object_new (NYL_TYPE_AUDIT_ENTRY, NULL);
  self->time = g_get_real_time () / G_USEC_PER_SEC;
  self->profile = g_strdup (profile);
  self->action = g_strdup (nyl_audit_action_to_nick (action));
  self->object_type = g_strdup (nyl_resource_type_get_kind (resource_type));
  self->object_id = g_strdup (object_id);
  self->outcome = g_strdup (outcome_for_error (error));
  self->request_id = g_strdup (request_id);

  return self;
}

/**
 * nyl_audit_entry_new_for_resource:
 * @resource: the object acted on; only its kind and ID are kept
 *
 * Like nyl_audit_entry_new(), for an object at hand.
 *
 * Returns: (transfer full): a new entry
 */
NylAuditEntry *
nyl_audit_entry_new_for_resource (const char     *profile,
                                  NylAuditAction  action,
                                  NylResource    *resource,
                                  const char     *request_id,
                                  const GError   *error)
{
  g_return_val_if_fail (NYL_IS_RESOURCE (resource), NULL);

  return nyl_audit_entry_new (profile, action, G_OBJECT_TYPE (resource),
                              nyl_resource_get_id (resource), request_id, error);
}

/**
 * nyl_audit_entry_new_from_json_line:
 * @line: one line of the audit log, without its newline
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the entry, or %NULL with
 *   %NYL_API_ERROR_PARSE when @line is not a valid entry
 */
NylAuditEntry *
nyl_audit_entry_new_from_json_line (const char  *line,
                                    GError     **error)
{
  g_autoptr(NylAuditEntry) self = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *iso_time = NULL;
  JsonObject *object;

  g_return_val_if_fail (line != NULL, NULL);

  node = json_from_string (line, &local_error);
  if (node == NULL)
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                   _("Not an audit log entry: %s"),
                   local_error != NULL ? local_error->message : _("empty line"));
      return NULL;
    }

  object = nyl_json_node_get_object (node, "entry", error);
  if (object == NULL)
    return NULL;

  self = g_object_new (NYL_TYPE_AUDIT_ENTRY, NULL);

  if (!nyl_json_get_string (object, "time", NULL, &iso_time, error) ||
      !nyl_json_get_string (object, "profile", NULL, &self->profile, error) ||
      !nyl_json_get_string (object, "action", NULL, &self->action, error) ||
      !nyl_json_get_string (object, "object_type", NULL, &self->object_type, error) ||
      !nyl_json_get_string (object, "object_id", NULL, &self->object_id, error) ||
      !nyl_json_get_string (object, "outcome", NULL, &self->outcome, error) ||
      !nyl_json_get_string (object, "request_id", NULL, &self->request_id, error))
    return NULL;

  if (iso_time != NULL)
    time = g_date_time_new_from_iso8601 (iso_time, NULL);

  if (time == NULL || self->action == NULL || self->object_type == NULL || self->outcome == NULL)
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                           _("Not an audit log entry: a required field is missing"));
      return NULL;
    }

  self->time = g_date_time_to_unix (time);

  return g_steal_pointer (&self);
}

gint64
nyl_audit_entry_get_time (NylAuditEntry *self)
{
  g_return_val_if_fail (NYL_IS_AUDIT_ENTRY (self), 0);

  return self->time;
}

const char *
nyl_audit_entry_get_profile (NylAuditEntry *self)
{
  g_return_val_if_fail (NYL_IS_AUDIT_ENTRY (self), NULL);

  return self->profile;
}

const char *
nyl_audit_entry_get_action (NylAuditEntry *self)
{
  g_return_val_if_fail (NYL_IS_AUDIT_ENTRY (self), NULL);

  return self->action;
}

const char *
nyl_audit_entry_get_object_type (NylAuditEntry *self)
{
  g_return_val_if_fail (NYL_IS_AUDIT_ENTRY (self), NULL);

  return self->object_type;
}

const char *
nyl_audit_entry_get_object_id (NylAuditEntry *self)
{
  g_return_val_if_fail (NYL_IS_AUDIT_ENTRY (self), NULL);

  return self->object_id;
}

const char *
nyl_audit_entry_get_outcome (NylAuditEntry *self)
{
  g_return_val_if_fail (NYL_IS_AUDIT_ENTRY (self), NULL);

  return self->outcome;
}

const char *
nyl_audit_entry_get_request_id (NylAuditEntry *self)
{
  g_return_val_if_fail (NYL_IS_AUDIT_ENTRY (self), NULL);

  return self->request_id;
}

/**
 * nyl_audit_entry_to_json:
 *
 * The entry as the log stores it (and `nylasctl audit list --json` prints
 * it): `time` (ISO 8601, UTC), `profile`, `action`, `object_type`,
 * `object_id`, `outcome`, `request_id`; members without a value are left out.
 *
 * Returns: (transfer full): an object node
 */
JsonNode *
nyl_audit_entry_to_json (NylAuditEntry *self)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *iso_time = NULL;

  g_return_val_if_fail (NYL_IS_AUDIT_ENTRY (self), NULL);

  object = json_object_new ();
  time = g_date_time_new_from_unix_utc (self->time);
  if (time != NULL)
    iso_time = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
  nyl_json_set_string (object, "time", iso_time);
  nyl_json_set_string (object, "profile", self->profile);
  nyl_json_set_string (object, "action", self->action);
  nyl_json_set_string (object, "object_type", self->object_type);
  nyl_json_set_string (object, "object_id", self->object_id);
  nyl_json_set_string (object, "outcome", self->outcome);
  nyl_json_set_string (object, "request_id", self->request_id);

  return json_node_init_object (json_node_alloc (), object);
}

/**
 * nyl_audit_entry_to_json_line:
 *
 * Returns: (transfer full): nyl_audit_entry_to_json() as one line of compact
 *   JSON, without the newline
 */
char *
nyl_audit_entry_to_json_line (NylAuditEntry *self)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (NYL_IS_AUDIT_ENTRY (self), NULL);

  node = nyl_audit_entry_to_json (self);

  /* Compact output escapes control characters, so a profile name with a
   * newline in it cannot split the line. */
  return json_to_string (node, FALSE);
}
