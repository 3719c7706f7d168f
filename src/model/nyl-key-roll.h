/* nyl-key-roll.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nyl-api-key.h"
#include "nyl-pending-revocations.h"
#include "nyl-session.h"

G_BEGIN_DECLS

/**
 * NylRevokePolicy:
 * @NYL_REVOKE_NOW: revoke the old key as soon as the new one is stored and verified
 * @NYL_REVOKE_NEVER: leave the old key alone
 * @NYL_REVOKE_LATER: schedule the revocation (pending-revocations.json) at `revoke-at`
 */
typedef enum
{
  NYL_REVOKE_NOW,
  NYL_REVOKE_NEVER,
  NYL_REVOKE_LATER,
} NylRevokePolicy;

/**
 * NylKeyRollStep:
 * @NYL_KEY_ROLL_CREATED: the new key exists
 * @NYL_KEY_ROLL_STORED: the new key is in the keyring
 * @NYL_KEY_ROLL_VERIFIED: the new key answered GET /v3/applications
 * @NYL_KEY_ROLL_REVOKED: the old key was revoked
 * @NYL_KEY_ROLL_REVOCATION_SCHEDULED: the old key's revocation is scheduled
 *
 * The last step a key roll reached.
 */
typedef enum
{
  NYL_KEY_ROLL_CREATED,
  NYL_KEY_ROLL_STORED,
  NYL_KEY_ROLL_VERIFIED,
  NYL_KEY_ROLL_REVOKED,
  NYL_KEY_ROLL_REVOCATION_SCHEDULED,
} NylKeyRollStep;

#define NYL_TYPE_KEY_ROLL (nyl_key_roll_get_type ())

/* Properties: "step" (last step reached; -1 before any), "new-key" (NylApiKey, holds the secret
 * until cleared), "stored" (bool), "verified" (bool), "revoke-at" (gint64, 0 = none). */
G_DECLARE_FINAL_TYPE (NylKeyRoll, nyl_key_roll, NYL, KEY_ROLL, GObject)

/* The old key is NEVER revoked unless the new key was stored in the keyring AND verified. If
 * storing fails, run_finish fails (keyring error) and the new key's secret stays available
 * through get_new_key for the face to show. If the rolled key is the profile's own API key, the
 * profile's keyring API key is replaced by the new one after verification. Audited (CREATE,
 * REVOKE). @revoke_at: Unix seconds, LATER only. */
NylKeyRoll     *nyl_key_roll_new          (NylSession           *session,
                                           const char           *old_key_id,
                                           guint                 expires_in_days,
                                           NylRevokePolicy       policy,
                                           gint64                revoke_at);
void            nyl_key_roll_run_async    (NylKeyRoll           *self,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean        nyl_key_roll_run_finish   (NylKeyRoll           *self,
                                           GAsyncResult         *result,
                                           GError              **error);
NylApiKey      *nyl_key_roll_get_new_key  (NylKeyRoll           *self);
NylKeyRollStep  nyl_key_roll_get_step     (NylKeyRoll           *self);
gboolean        nyl_key_roll_get_stored   (NylKeyRoll           *self);
gboolean        nyl_key_roll_get_verified (NylKeyRoll           *self);
gint64          nyl_key_roll_get_revoke_at (NylKeyRoll          *self);
const char     *nyl_key_roll_get_old_key_id (NylKeyRoll         *self);
/* Where a NYL_REVOKE_LATER revocation is written (NULL: the state directory's list). */
void            nyl_key_roll_set_pending_revocations (NylKeyRoll            *self,
                                                      NylPendingRevocations *pending);
/* Whether the step was reached at all (get_step is only meaningful when TRUE). */
gboolean        nyl_key_roll_has_step     (NylKeyRoll           *self);

/* Creates an API key (admin API, Service Account) for the session's application, and stores its
 * secret in the keyring under (profile, api-key, new key id). @stored / @store_error report the
 * keyring step separately, so a store failure never loses the secret: the returned key holds it.
 * @expires_in_days: 0 for the server's default. Audited (CREATE). */
void            nyl_api_key_create_async  (NylSession           *session,
                                           const char           *name,
                                           guint                 expires_in_days,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
NylApiKey      *nyl_api_key_create_finish (NylSession           *session,
                                           GAsyncResult         *result,
                                           gboolean             *stored,
                                           GError              **store_error,
                                           GError              **error);

/* Tests only: every keyring store made by the model's key code (key roll, api key create,
 * profile ops) fails with a copy of @error instead (NULL = store for real). */
void            nyl_model_set_store_failure_for_testing (const GError *error);

G_END_DECLS
