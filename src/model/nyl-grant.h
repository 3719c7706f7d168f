/* nyl-grant.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nyl-resource.h"

G_BEGIN_DECLS

#define NYL_TYPE_GRANT (nyl_grant_get_type ())

G_DECLARE_FINAL_TYPE (NylGrant, nyl_grant, NYL, GRANT, NylResource)

NylGrant           *nyl_grant_new                  (void) G_GNUC_WARN_UNUSED_RESULT;
const char         *nyl_grant_get_provider         (NylGrant           *self);
const char         *nyl_grant_get_grant_status     (NylGrant           *self);
const char         *nyl_grant_get_email            (NylGrant           *self);
const char         *nyl_grant_get_name             (NylGrant           *self);
const char * const *nyl_grant_get_scope            (NylGrant           *self);
void                nyl_grant_set_scope            (NylGrant           *self,
                                                    const char * const *scope);
const char         *nyl_grant_get_user_agent       (NylGrant           *self);
const char         *nyl_grant_get_ip               (NylGrant           *self);
const char         *nyl_grant_get_state            (NylGrant           *self);
gint64              nyl_grant_get_created_at       (NylGrant           *self);
gint64              nyl_grant_get_updated_at       (NylGrant           *self);
const char         *nyl_grant_get_provider_user_id (NylGrant           *self);
JsonObject         *nyl_grant_get_settings         (NylGrant           *self);
void                nyl_grant_set_settings         (NylGrant           *self,
                                                    JsonObject         *settings);
const char         *nyl_grant_get_credential_id    (NylGrant           *self);
const char         *nyl_grant_get_workspace_id     (NylGrant           *self);
gboolean            nyl_grant_get_blocked          (NylGrant           *self);
const char * const *nyl_grant_get_email_aliases    (NylGrant           *self);
const char         *nyl_grant_get_account_id       (NylGrant           *self);

G_END_DECLS
