/* nyl-pending-revocations.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nyl-pending-revocation.h"
#include "nyl-session.h"

G_BEGIN_DECLS

#define NYL_TYPE_PENDING_REVOCATIONS (nyl_pending_revocations_get_type ())

/* A GListModel of NylPendingRevocation, kept in a JSON file so it survives restarts. */
G_DECLARE_FINAL_TYPE (NylPendingRevocations, nyl_pending_revocations, NYL, PENDING_REVOCATIONS,
                      GObject)

/* $XDG_STATE_HOME/nylas-manager/pending-revocations.json */
NylPendingRevocations *nyl_pending_revocations_new            (void);
NylPendingRevocations *nyl_pending_revocations_new_for_path   (const char             *path);
const char            *nyl_pending_revocations_get_path       (NylPendingRevocations  *self);
/* Reads the file again (a missing file is an empty list). The constructors load already; a
 * corrupt file is reported here and by the first add/remove, never silently overwritten. */
gboolean               nyl_pending_revocations_load           (NylPendingRevocations  *self,
                                                               GError                **error);
/* Adds (or replaces the entry for the same @key_id) and saves. */
gboolean               nyl_pending_revocations_add            (NylPendingRevocations  *self,
                                                               const char             *profile_id,
                                                               const char             *app_id,
                                                               const char             *key_id,
                                                               gint64                  revoke_at,
                                                               GError                **error);
/* Removes the entry for @key_id (absent is fine) and saves. */
gboolean               nyl_pending_revocations_remove         (NylPendingRevocations  *self,
                                                               const char             *key_id,
                                                               GError                **error);
gboolean               nyl_pending_revocations_forget_profile (NylPendingRevocations  *self,
                                                               const char             *profile_id,
                                                               GError                **error);
NylPendingRevocation  *nyl_pending_revocations_lookup         (NylPendingRevocations  *self,
                                                               const char             *key_id);
/* Revokes every entry of @session's profile due at or before @now (Unix s); removes the done
 * ones (a key the server no longer knows counts as done). */
void                   nyl_pending_revocations_run_due_async  (NylPendingRevocations  *self,
                                                               NylSession             *session,
                                                               gint64                  now,
                                                               GCancellable           *cancellable,
                                                               GAsyncReadyCallback     callback,
                                                               gpointer                user_data);
/* How many were revoked. */
guint                  nyl_pending_revocations_run_due_finish (NylPendingRevocations  *self,
                                                               GAsyncResult           *result,
                                                               GError                **error);

G_END_DECLS
