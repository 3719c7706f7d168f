/* nyl-resource.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * NylResourceRequest:
 * @NYL_RESOURCE_REQUEST_CREATE: the body of the create call (POST)
 * @NYL_RESOURCE_REQUEST_UPDATE: the body of the update call (PATCH or PUT)
 */
typedef enum
{
  NYL_RESOURCE_REQUEST_CREATE,
  NYL_RESOURCE_REQUEST_UPDATE,
} NylResourceRequest;

#define NYL_TYPE_RESOURCE (nyl_resource_get_type ())

G_DECLARE_DERIVABLE_TYPE (NylResource, nyl_resource, NYL, RESOURCE, GObject)

/**
 * NylResourceClass:
 * @kind: a stable, machine-readable name for the type (`"api-key"`,
 *   `"webhook"`, …), used by the audit log and `--json`
 * @from_json: fills a fresh instance from the API object; unknown members
 *   are ignored, absent ones keep their defaults, a wrong type fails with
 *   %NYL_API_ERROR_PARSE
 * @to_json: the request body, or %NULL when the API has no such request for
 *   the type. It never contains a secret the server sent (API key, webhook
 *   secret); only secrets the caller set for the request (a connector's
 *   client secret, credential data) go out, and only in the body.
 */
struct _NylResourceClass
{
  GObjectClass parent_class;

  const char *kind;

  gboolean  (*from_json) (NylResource         *self,
                          JsonObject          *object,
                          GError             **error);
  JsonNode *(*to_json)   (NylResource         *self,
                          NylResourceRequest   request);

  /*< private >*/
  gpointer padding[8];
};

gpointer    nyl_resource_new_from_json  (GType                type,
                                         JsonNode            *node,
                                         GError             **error) G_GNUC_WARN_UNUSED_RESULT;
JsonNode   *nyl_resource_to_json        (NylResource         *self,
                                         NylResourceRequest   request) G_GNUC_WARN_UNUSED_RESULT;
char       *nyl_resource_to_json_string (NylResource         *self,
                                         NylResourceRequest   request) G_GNUC_WARN_UNUSED_RESULT;

const char *nyl_resource_get_id         (NylResource         *self);
const char *nyl_resource_get_kind       (NylResource         *self);
const char *nyl_resource_type_get_kind  (GType                type);

G_END_DECLS
