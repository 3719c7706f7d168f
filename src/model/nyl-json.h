/* nyl-json.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Checked getters for server JSON. A member that is missing or JSON null is
 * "absent": the getter stores the default and succeeds. A member of the wrong
 * type fails with NYL_API_ERROR_PARSE (a translatable message naming the
 * member) and leaves *value untouched; nothing ever emits a critical for bad
 * data. Strings and arrays are returned as new copies; the previous content
 * of *value is overwritten, not freed. */

JsonObject *nyl_json_node_get_object  (JsonNode     *node,
                                       const char   *what,
                                       GError      **error);

gboolean    nyl_json_has_member       (JsonObject   *object,
                                       const char   *member);

gboolean    nyl_json_get_string       (JsonObject   *object,
                                       const char   *member,
                                       const char   *default_value,
                                       char        **value,
                                       GError      **error);
/* Accepts a JSON integer, or a double with an integral value in range. */
gboolean    nyl_json_get_int          (JsonObject   *object,
                                       const char   *member,
                                       gint64        default_value,
                                       gint64       *value,
                                       GError      **error);
gboolean    nyl_json_get_boolean      (JsonObject   *object,
                                       const char   *member,
                                       gboolean      default_value,
                                       gboolean     *value,
                                       GError      **error);
/* An array of strings; absent gives NULL. */
gboolean    nyl_json_get_strv         (JsonObject   *object,
                                       const char   *member,
                                       char       ***value,
                                       GError      **error);
/* Borrowed (owned by @object); absent gives NULL. */
gboolean    nyl_json_get_object       (JsonObject   *object,
                                       const char   *member,
                                       JsonObject  **value,
                                       GError      **error);
/* Borrowed (owned by @object); absent gives NULL. */
gboolean    nyl_json_get_array        (JsonObject   *object,
                                       const char   *member,
                                       JsonArray   **value,
                                       GError      **error);

/* A deep, mutable copy (json_object_ref() and json_node_copy() share
 * nested objects). */
JsonObject *nyl_json_object_copy      (JsonObject   *object) G_GNUC_WARN_UNUSED_RESULT;
/* A deep copy, sealed: nested objects can no longer be changed. */
JsonObject *nyl_json_object_copy_sealed (JsonObject *object) G_GNUC_WARN_UNUSED_RESULT;

/* Request building: each does nothing when the value is NULL. */
void        nyl_json_set_string       (JsonObject          *object,
                                       const char          *member,
                                       const char          *value);
void        nyl_json_set_strv         (JsonObject          *object,
                                       const char          *member,
                                       const char * const  *value);
/* Sets a deep, mutable copy of @value. */
void        nyl_json_set_object_copy  (JsonObject          *object,
                                       const char          *member,
                                       JsonObject          *value);

G_END_DECLS
