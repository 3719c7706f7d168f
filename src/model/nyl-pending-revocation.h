/* nyl-pending-revocation.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define NYL_TYPE_PENDING_REVOCATION (nyl_pending_revocation_get_type ())

/* One scheduled revocation: no secret, only the key's ID. Immutable. */
G_DECLARE_FINAL_TYPE (NylPendingRevocation, nyl_pending_revocation, NYL, PENDING_REVOCATION,
                      GObject)

NylPendingRevocation *nyl_pending_revocation_new                (const char  *profile_id,
                                                                 const char  *application_id,
                                                                 const char  *key_id,
                                                                 gint64       revoke_at);
NylPendingRevocation *nyl_pending_revocation_new_from_json      (JsonObject  *object,
                                                                 GError     **error);
JsonNode             *nyl_pending_revocation_to_json            (NylPendingRevocation *self);

const char           *nyl_pending_revocation_get_profile_id     (NylPendingRevocation *self);
const char           *nyl_pending_revocation_get_application_id (NylPendingRevocation *self);
const char           *nyl_pending_revocation_get_key_id         (NylPendingRevocation *self);
gint64                nyl_pending_revocation_get_revoke_at      (NylPendingRevocation *self);

G_END_DECLS
