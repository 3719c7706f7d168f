/* nyl-credential.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nyl-resource.h"

G_BEGIN_DECLS

#define NYL_TYPE_CREDENTIAL (nyl_credential_get_type ())

G_DECLARE_FINAL_TYPE (NylCredential, nyl_credential, NYL, CREDENTIAL, NylResource)

/* `credential_data` holds secrets (client secrets, a Google private key). It
 * is write-only: nyl_credential_set_credential_data() puts it in the next
 * create or update body, and nothing reads it back; the server never returns
 * it either. */

NylCredential *nyl_credential_new                 (void) G_GNUC_WARN_UNUSED_RESULT;
const char    *nyl_credential_get_name            (NylCredential *self);
void           nyl_credential_set_name            (NylCredential *self,
                                                   const char    *name);
const char    *nyl_credential_get_credential_type (NylCredential *self);
void           nyl_credential_set_credential_type (NylCredential *self,
                                                   const char    *credential_type);
const char    *nyl_credential_get_hashed_data     (NylCredential *self);
gint64         nyl_credential_get_created_at      (NylCredential *self);
gint64         nyl_credential_get_updated_at      (NylCredential *self);
void           nyl_credential_set_credential_data (NylCredential *self,
                                                   JsonObject    *credential_data);

G_END_DECLS
