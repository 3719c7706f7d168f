/* nyl-secret-store-private.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsecret/secret.h>

#include "nyl-secret-store.h"

G_BEGIN_DECLS

const SecretSchema *nyl_secret_schema_get             (void);
GError             *_nyl_secret_store_map_error       (const GError *error,
                                                       gboolean      caller_cancelled);

G_END_DECLS
