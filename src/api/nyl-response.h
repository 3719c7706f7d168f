/* nyl-response.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define NYL_TYPE_RESPONSE (nyl_response_get_type ())

G_DECLARE_FINAL_TYPE (NylResponse, nyl_response, NYL, RESPONSE, GObject)

guint        nyl_response_get_status      (NylResponse *self);
const char  *nyl_response_get_request_id  (NylResponse *self);
const char  *nyl_response_get_error_type  (NylResponse *self);
JsonNode    *nyl_response_get_root        (NylResponse *self);
JsonNode    *nyl_response_get_data        (NylResponse *self);
JsonObject  *nyl_response_get_object      (NylResponse *self);
JsonArray   *nyl_response_get_items       (NylResponse *self);
const char  *nyl_response_get_next_cursor (NylResponse *self);
gint64       nyl_response_get_limit       (NylResponse *self);
gint64       nyl_response_get_offset      (NylResponse *self);

G_END_DECLS
