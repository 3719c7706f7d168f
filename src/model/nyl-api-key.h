/* nyl-api-key.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nyl-resource.h"

G_BEGIN_DECLS

#define NYL_TYPE_API_KEY (nyl_api_key_get_type ())

G_DECLARE_FINAL_TYPE (NylApiKey, nyl_api_key, NYL, API_KEY, NylResource)

/* The key itself (`api_key` in the create response) is a secret. It is
 * only ever in the response to a create call, deliberately not a property
 * (nothing that dumps or binds properties can reach it), never part of a
 * request body and never in the audit log: nyl_api_key_get_secret() hands it
 * to the keyring code once, then nyl_api_key_clear_secret() wipes it. */

NylApiKey          *nyl_api_key_new                 (void) G_GNUC_WARN_UNUSED_RESULT;
const char         *nyl_api_key_get_name            (NylApiKey  *self);
void                nyl_api_key_set_name            (NylApiKey  *self,
                                                     const char *name);
const char         *nyl_api_key_get_application_id  (NylApiKey  *self);
const char         *nyl_api_key_get_status          (NylApiKey  *self);
const char * const *nyl_api_key_get_permissions     (NylApiKey  *self);
gint64              nyl_api_key_get_created_at      (NylApiKey  *self);
gint64              nyl_api_key_get_updated_at      (NylApiKey  *self);
gint64              nyl_api_key_get_expires_at      (NylApiKey  *self);
gint64              nyl_api_key_get_expires_in_days (NylApiKey  *self);
void                nyl_api_key_set_expires_in_days (NylApiKey  *self,
                                                     gint64      expires_in_days);
gboolean            nyl_api_key_has_secret          (NylApiKey  *self);
const char         *nyl_api_key_get_secret          (NylApiKey  *self);
void                nyl_api_key_clear_secret        (NylApiKey  *self);

G_END_DECLS
