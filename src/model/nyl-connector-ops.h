/* nyl-connector-ops.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nyl-session.h"

G_BEGIN_DECLS

/* How many grants deleting @provider's connector would break (GET /v3/grants?provider=…, counted
 * through offset paging), so a face can say it before asking to confirm. */
void  nyl_connector_count_grants_async  (NylSession           *session,
                                         const char           *provider,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
guint nyl_connector_count_grants_finish (NylSession           *session,
                                         GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
