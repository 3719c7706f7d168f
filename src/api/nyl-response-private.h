/* nyl-response-private.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nyl-response.h"

G_BEGIN_DECLS

NylResponse *_nyl_response_new_from_exchange (guint         status,
                                              const char   *request_id_header,
                                              GBytes       *body,
                                              const GError *transport_error,
                                              const char   *other_region,
                                              GError      **error);

G_END_DECLS
