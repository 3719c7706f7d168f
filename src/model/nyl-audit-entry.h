/* nyl-audit-entry.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "nyl-resource.h"

G_BEGIN_DECLS

/**
 * NylAuditAction:
 * @NYL_AUDIT_ACTION_CREATE: an object was created
 * @NYL_AUDIT_ACTION_UPDATE: an object was changed (including pause/resume)
 * @NYL_AUDIT_ACTION_DELETE: an object was deleted
 * @NYL_AUDIT_ACTION_ROTATE: a secret was rotated (webhook secret, key roll)
 * @NYL_AUDIT_ACTION_REVOKE: a key or token was revoked
 */
typedef enum
{
  NYL_AUDIT_ACTION_CREATE,
  NYL_AUDIT_ACTION_UPDATE,
  NYL_AUDIT_ACTION_DELETE,
  NYL_AUDIT_ACTION_ROTATE,
  NYL_AUDIT_ACTION_REVOKE,
} NylAuditAction;

const char *nyl_audit_action_to_nick (NylAuditAction action);

#define NYL_TYPE_AUDIT_ENTRY (nyl_audit_entry_get_type ())

G_DECLARE_FINAL_TYPE (NylAuditEntry, nyl_audit_entry, NYL, AUDIT_ENTRY, GObject)

/* An entry takes only what cannot be a secret: the object is named by its
 * type and ID, never passed as data, and the outcome is an error nick, never
 * an error message (which may quote a server response). */
NylAuditEntry *nyl_audit_entry_new                (const char     *profile,
                                                   NylAuditAction  action,
                                                   GType           resource_type,
                                                   const char     *object_id,
                                                   const char     *request_id,
                                                   const GError   *error) G_GNUC_WARN_UNUSED_RESULT;
NylAuditEntry *nyl_audit_entry_new_for_resource   (const char     *profile,
                                                   NylAuditAction  action,
                                                   NylResource    *resource,
                                                   const char     *request_id,
                                                   const GError   *error) G_GNUC_WARN_UNUSED_RESULT;
NylAuditEntry *nyl_audit_entry_new_from_json_line (const char     *line,
                                                   GError        **error) G_GNUC_WARN_UNUSED_RESULT;

gint64         nyl_audit_entry_get_time           (NylAuditEntry  *self);
const char    *nyl_audit_entry_get_profile        (NylAuditEntry  *self);
const char    *nyl_audit_entry_get_action         (NylAuditEntry  *self);
const char    *nyl_audit_entry_get_object_type    (NylAuditEntry  *self);
const char    *nyl_audit_entry_get_object_id      (NylAuditEntry  *self);
const char    *nyl_audit_entry_get_outcome        (NylAuditEntry  *self);
const char    *nyl_audit_entry_get_request_id     (NylAuditEntry  *self);

JsonNode      *nyl_audit_entry_to_json            (NylAuditEntry  *self) G_GNUC_WARN_UNUSED_RESULT;
char          *nyl_audit_entry_to_json_line       (NylAuditEntry  *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
