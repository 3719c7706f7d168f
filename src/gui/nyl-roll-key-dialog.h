/* nyl-roll-key-dialog.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nyl-api-key.h"
#include "nyl-key-roll.h"
#include "nyl-session.h"

G_BEGIN_DECLS

/**
 * NylRollStepState:
 * @NYL_ROLL_STEP_WAITING: not started
 * @NYL_ROLL_STEP_RUNNING: under way
 * @NYL_ROLL_STEP_DONE: done
 * @NYL_ROLL_STEP_FAILED: failed (the message says why)
 * @NYL_ROLL_STEP_SKIPPED: not done because an earlier step failed
 *
 * How one step of a roll is shown.
 */
typedef enum
{
  NYL_ROLL_STEP_WAITING,
  NYL_ROLL_STEP_RUNNING,
  NYL_ROLL_STEP_DONE,
  NYL_ROLL_STEP_FAILED,
  NYL_ROLL_STEP_SKIPPED,
} NylRollStepState;

/* The rows of the progress list, in order. */
typedef enum
{
  NYL_ROLL_ROW_CREATE,
  NYL_ROLL_ROW_STORE,
  NYL_ROLL_ROW_VERIFY,
  NYL_ROLL_ROW_OLD_KEY,
  NYL_ROLL_N_ROWS,
} NylRollRow;

#define NYL_TYPE_ROLL_KEY_DIALOG (nyl_roll_key_dialog_get_type ())

/* Rolls an API key: create the replacement, store it in the keyring, verify it works, then revoke
 * the old key now, at a chosen later time, or never. Each step is shown as it happens, and a
 * failure says what was done and what was not (the old key is never revoked before the new one
 * is stored and verified). The new secret is then shown once (NylSecretDialog). */
G_DECLARE_FINAL_TYPE (NylRollKeyDialog, nyl_roll_key_dialog, NYL, ROLL_KEY_DIALOG, AdwWindow)

GtkWidget        *nyl_roll_key_dialog_new              (GtkWindow        *parent,
                                                        NylSession       *session,
                                                        NylApiKey        *old_key,
                                                        gint64            now);
/* One of 30, 90, 180, 365. */
void              nyl_roll_key_dialog_set_expires_in_days (NylRollKeyDialog *self,
                                                        guint             days);
guint             nyl_roll_key_dialog_get_expires_in_days (NylRollKeyDialog *self);
/* @revoke_at: Unix seconds, LATER only. */
void              nyl_roll_key_dialog_set_policy       (NylRollKeyDialog *self,
                                                        NylRevokePolicy   policy,
                                                        gint64            revoke_at);
NylRevokePolicy   nyl_roll_key_dialog_get_policy       (NylRollKeyDialog *self);
gint64            nyl_roll_key_dialog_get_revoke_at    (NylRollKeyDialog *self);
/* The Roll button. */
void              nyl_roll_key_dialog_roll             (NylRollKeyDialog *self);
gboolean          nyl_roll_key_dialog_get_running      (NylRollKeyDialog *self);
gboolean          nyl_roll_key_dialog_get_finished     (NylRollKeyDialog *self);
NylKeyRoll       *nyl_roll_key_dialog_get_roll         (NylRollKeyDialog *self);
NylRollStepState  nyl_roll_key_dialog_get_step_state   (NylRollKeyDialog *self,
                                                        NylRollRow        row);
const char       *nyl_roll_key_dialog_get_step_detail  (NylRollKeyDialog *self,
                                                        NylRollRow        row);
/* The summary after the roll: what happened, in words. */
const char       *nyl_roll_key_dialog_get_outcome      (NylRollKeyDialog *self);
/* The secret dialog shown after the new key was created, or NULL. */
GtkWidget        *nyl_roll_key_dialog_get_secret_dialog (NylRollKeyDialog *self);

G_END_DECLS
