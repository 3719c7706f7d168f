/* nyl-cli-output.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "nyl-resource.h"

G_BEGIN_DECLS

/* Aligned tables for people. */
typedef struct _NylCliTable NylCliTable;

NylCliTable *nyl_cli_table_new         (guint               n_columns) G_GNUC_WARN_UNUSED_RESULT;
/* @n_columns headers. */
void         nyl_cli_table_set_headers (NylCliTable        *self,
                                        ...);
/* @n_columns cells (const char *, NULL shown as "-"). */
void         nyl_cli_table_add_row     (NylCliTable        *self,
                                        ...);
guint        nyl_cli_table_get_n_rows  (NylCliTable        *self);
void         nyl_cli_table_print       (NylCliTable        *self,
                                        FILE               *out);
void         nyl_cli_table_free        (NylCliTable        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NylCliTable, nyl_cli_table_free)

/* "Label:  value" lines; pairs of const char *, NULL-terminated. NULL values are skipped. */
void         nyl_cli_print_fields      (FILE               *out,
                                        const char         *first_label,
                                        ...) G_GNUC_NULL_TERMINATED;

/* JSON on stdout: an object pretty-printed, an array one compact element a line. */
void         nyl_cli_print_json        (JsonNode           *node);
/* One compact line (webhooks listen). */
void         nyl_cli_print_json_line   (JsonNode           *node);

/* A resource as the API names its fields (secrets never included). */
JsonNode    *nyl_cli_resource_to_json  (NylResource        *resource) G_GNUC_WARN_UNUSED_RESULT;
/* A list of resources as one JSON array. */
JsonNode    *nyl_cli_list_to_json      (GListModel         *list) G_GNUC_WARN_UNUSED_RESULT;

/* "2026-11-22T14:00:00Z", or NULL for 0. */
char        *nyl_cli_format_time       (gint64              unix_seconds) G_GNUC_WARN_UNUSED_RESULT;
/* "in 12 days", "3 hours ago", or NULL for 0. */
char        *nyl_cli_format_relative   (gint64              unix_seconds,
                                        gint64              now) G_GNUC_WARN_UNUSED_RESULT;
/* "a, b, c" or NULL for an empty list. */
char        *nyl_cli_join              (const char * const *strv) G_GNUC_WARN_UNUSED_RESULT;

/* One CSV field, quoted when needed (RFC 4180). */
void         nyl_cli_csv_append_field  (GString            *line,
                                        const char         *value);

G_END_DECLS
