/* nyl-response.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-response"

#include "config.h"

#include "nyl-response.h"

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "nyl-api-error.h"
#include "nyl-response-private.h"

/**
 * NylResponse:
 *
 * One answer from the Nylas API, with its envelope taken apart.
 *
 * Nylas wraps answers in several ways (nylas-api.md §1.3): `{request_id, data}`,
 * `{success, data}`, lists as `data: [...]` with a top-level `next_cursor` (and
 * `limit`/`offset` for offset-paged lists) or as `data: {items, next_cursor}`,
 * a bare `{request_id}` for deletes, bare objects (API-key create, the OAuth
 * token endpoint), and a scalar `data` (send-test-event's `"success"`, where
 * nyl_response_get_object() and nyl_response_get_items() are %NULL). A #NylResponse hides the difference: nyl_response_get_data()
 * is the payload whatever the wrapping, nyl_response_get_items() the list in it.
 *
 * A response also exists for a failed exchange (see
 * nyl_client_get_async_result_response()): then it carries the HTTP status, the
 * Nylas request ID and the error type, and no data.
 */
struct _NylResponse
{
  GObject     parent_instance;

  guint       status;
  char       *request_id;
  char       *error_type;
  JsonNode   *root;
  JsonNode   *data;
  JsonArray  *items;
  char       *next_cursor;
  gint64      limit;
  gint64      offset;
};

G_DEFINE_FINAL_TYPE (NylResponse, nyl_response, G_TYPE_OBJECT)

static void
nyl_response_finalize (GObject *object)
{
  NylResponse *self = (NylResponse *)object;

  g_clear_pointer (&self->request_id, g_free);
  g_clear_pointer (&self->error_type, g_free);
  g_clear_pointer (&self->root, json_node_unref);
  g_clear_pointer (&self->data, json_node_unref);
  g_clear_pointer (&self->items, json_array_unref);
  g_clear_pointer (&self->next_cursor, g_free);

  G_OBJECT_CLASS (nyl_response_parent_class)->finalize (object);
}

static void
nyl_response_class_init (NylResponseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nyl_response_finalize;
}

static void
nyl_response_init (NylResponse *self)
{
  self->limit = -1;
  self->offset = -1;
}

/* JSON helpers: values are never trusted. A member that is present with the
 * wrong type is a shape error; null counts as absent. */

static gboolean
member_is_null_or_absent (JsonObject *object,
                          const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

static gboolean
get_optional_string (JsonObject  *object,
                     const char  *name,
                     const char **out)
{
  JsonNode *node;

  *out = NULL;
  if (member_is_null_or_absent (object, name))
    return TRUE;

  node = json_object_get_member (object, name);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;

  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_optional_int (JsonObject *object,
                  const char *name,
                  gint64     *out)
{
  JsonNode *node;

  *out = -1;
  if (member_is_null_or_absent (object, name))
    return TRUE;

  node = json_object_get_member (object, name);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
body_is_blank (GBytes *body)
{
  gsize len = 0;
  const char *data;

  if (body == NULL)
    return TRUE;

  data = g_bytes_get_data (body, &len);
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;

  return TRUE;
}

/* Returns the parsed root, or NULL with @error set when @body is not JSON. */
static JsonNode *
parse_json (GBytes  *body,
            GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  const char *data;
  gsize len = 0;

  data = g_bytes_get_data (body, &len);
  if (len > G_MAXSSIZE)
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_PARSE, "body too long");
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, (gssize)len, error))
    return NULL;

  return json_parser_steal_root (parser);
}

static void
set_string (char       **field,
            const char  *value)
{
  if (value != NULL && *value != '\0')
    {
      g_free (*field);
      *field = g_strdup (value);
    }
}

/* Takes a success envelope apart. FALSE when the JSON has the wrong shape. */
static gboolean
take_success_envelope (NylResponse *self)
{
  JsonObject *root;
  JsonNode *data;
  const char *request_id;
  const char *next_cursor = NULL;
  const char *nested_cursor = NULL;

  if (self->root == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (self->root))
    {
      g_debug ("Success body is not a JSON object");
      return FALSE;
    }

  root = json_node_get_object (self->root);

  if (get_optional_string (root, "request_id", &request_id))
    set_string (&self->request_id, request_id);

  if (!get_optional_string (root, "next_cursor", &next_cursor) ||
      !get_optional_int (root, "limit", &self->limit) ||
      !get_optional_int (root, "offset", &self->offset))
    {
      g_debug ("Paging members have the wrong type");
      return FALSE;
    }

  data = json_object_get_member (root, "data");
  if (data != NULL)
    {
      if (JSON_NODE_HOLDS_ARRAY (data))
        {
          self->items = json_array_ref (json_node_get_array (data));
        }
      else if (JSON_NODE_HOLDS_OBJECT (data))
        {
          JsonObject *object = json_node_get_object (data);
          JsonNode *items = json_object_get_member (object, "items");

          if (items != NULL)
            {
              /* The nested list shape: data: {items: [...], next_cursor} */
              if (!JSON_NODE_HOLDS_ARRAY (items) ||
                  !get_optional_string (object, "next_cursor", &nested_cursor))
                {
                  g_debug ("Nested list has the wrong shape");
                  return FALSE;
                }
              self->items = json_array_ref (json_node_get_array (items));
            }
        }
      /* Otherwise a scalar: send-test-event answers {"data": "success"} (nylas-api.md §9.1).
       * It is the payload; there is neither an object nor a list in it. */

      if (!JSON_NODE_HOLDS_NULL (data))
        self->data = json_node_ref (data);
    }
  else
    {
      /* No wrapper: a bare object is the payload itself, unless all it has is
       * the envelope's own members (a delete's {request_id}). */
      JsonObjectIter iter;
      const char *name;

      json_object_iter_init (&iter, root);
      while (json_object_iter_next (&iter, &name, NULL))
        {
          if (g_strcmp0 (name, "request_id") != 0 && g_strcmp0 (name, "success") != 0)
            {
              self->data = json_node_ref (self->root);
              break;
            }
        }
    }

  set_string (&self->next_cursor, nested_cursor);
  set_string (&self->next_cursor, next_cursor);

  return TRUE;
}

/* Pulls what a failure body says: Nylas's {request_id, error: {type, message}}
 * or the OAuth {error, error_description, error_code} of /v3/connect/token. */
static void
take_error_envelope (NylResponse  *self,
                     char        **message)
{
  JsonObject *root;
  JsonNode *error;
  const char *request_id = NULL;
  const char *type = NULL;
  const char *text = NULL;

  *message = NULL;

  if (self->root == NULL || !JSON_NODE_HOLDS_OBJECT (self->root))
    return;

  root = json_node_get_object (self->root);
  if (get_optional_string (root, "request_id", &request_id))
    set_string (&self->request_id, request_id);

  error = json_object_get_member (root, "error");
  if (error == NULL)
    return;

  if (JSON_NODE_HOLDS_OBJECT (error))
    {
      JsonObject *object = json_node_get_object (error);

      get_optional_string (object, "type", &type);
      get_optional_string (object, "message", &text);
    }
  else if (JSON_NODE_HOLDS_VALUE (error) && json_node_get_value_type (error) == G_TYPE_STRING)
    {
      JsonNode *code = json_object_get_member (root, "error_code");

      type = json_node_get_string (error);
      get_optional_string (root, "error_description", &text);

      /* error_code is a number in the SDKs and a string in the spec. */
      if (code != NULL && JSON_NODE_HOLDS_VALUE (code))
        {
          if (json_node_get_value_type (code) == G_TYPE_INT64)
            g_debug ("OAuth error_code %" G_GINT64_FORMAT, json_node_get_int (code));
          else if (json_node_get_value_type (code) == G_TYPE_STRING)
            g_debug ("OAuth error_code %s", json_node_get_string (code));
        }
    }

  set_string (&self->error_type, type);
  if (text != NULL && *text != '\0')
    *message = g_strdup (text);
}

static const char *
region_display_name (const char *region)
{
  if (g_strcmp0 (region, "us") == 0)
    /* Translators: a Nylas data region */
    return _("US");
  if (g_strcmp0 (region, "eu") == 0)
    /* Translators: a Nylas data region */
    return _("EU");
  return region;
}

static GError *
error_with_detail (NylApiError  code,
                   const char  *generic,
                   const char  *detail)
{
  if (detail != NULL)
    return g_error_new (NYL_API_ERROR, code, "%s: %s", generic, detail);

  return g_error_new_literal (NYL_API_ERROR, code, generic);
}

static GError *
error_for_status (guint       status,
                  const char *detail,
                  const char *other_region)
{
  switch (status)
    {
    case 400:
    case 422:
      if (detail != NULL)
        return g_error_new_literal (NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST, detail);
      return g_error_new_literal (NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                                  _("Nylas rejected the request as invalid"));

    case 401:
      if (other_region != NULL)
        {
          const char *name = region_display_name (other_region);

          return g_error_new (NYL_API_ERROR, NYL_API_ERROR_UNAUTHORIZED,
                              _("The API key is not valid in this region, but the %s region "
                                "accepts it: the application lives in the %s region"),
                              name, name);
        }
      return error_with_detail (NYL_API_ERROR_UNAUTHORIZED,
                                _("Nylas did not accept the credentials"), detail);

    case 403:
    case 423:
      return error_with_detail (NYL_API_ERROR_FORBIDDEN,
                                _("Nylas refused access to this resource"), detail);

    case 404:
      return error_with_detail (NYL_API_ERROR_NOT_FOUND,
                                _("Nylas could not find it"), detail);

    case 409:
      return error_with_detail (NYL_API_ERROR_CONFLICT,
                                _("This conflicts with the current state in Nylas"), detail);

    case 429:
      return g_error_new_literal (NYL_API_ERROR, NYL_API_ERROR_RATE_LIMITED,
                                  _("Nylas is limiting the rate of requests; try again later"));

    default:
      break;
    }

  if (status >= 500 && status <= 599)
    return g_error_new (NYL_API_ERROR, NYL_API_ERROR_SERVER,
                        _("Nylas had a server error (HTTP %u); try again later"), status);

  if (status >= 400 && status <= 499)
    return error_with_detail (NYL_API_ERROR_INVALID_REQUEST,
                              _("Nylas rejected the request as invalid"), detail);

  return g_error_new (NYL_API_ERROR, NYL_API_ERROR_SERVER,
                      _("Nylas answered with an unexpected HTTP status (%u)"), status);
}

static GError *
error_for_transport (const GError *transport_error)
{
  if (transport_error->domain == G_TLS_ERROR)
    return g_error_new (NYL_API_ERROR, NYL_API_ERROR_TLS,
                        _("The secure connection to Nylas failed: %s"),
                        transport_error->message);

  if (g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    return g_error_new_literal (NYL_API_ERROR, NYL_API_ERROR_BODY_TOO_LARGE,
                                _("The response from Nylas was too large"));

  if (transport_error->domain == G_IO_ERROR || transport_error->domain == G_RESOLVER_ERROR)
    return g_error_new (NYL_API_ERROR, NYL_API_ERROR_NETWORK,
                        _("Could not talk to Nylas: %s"), transport_error->message);

  /* libsoup's own errors: a response it could not parse or decode. */
  return g_error_new (NYL_API_ERROR, NYL_API_ERROR_PARSE,
                      _("Nylas sent a response that could not be read: %s"),
                      transport_error->message);
}

/*
 * _nyl_response_new_from_exchange:
 * @status: the HTTP status, or 0 when no response arrived
 * @request_id_header: the `x-request-id` response header, or %NULL
 * @body: (nullable): the complete response body
 * @transport_error: (nullable): what went wrong below HTTP (connect, TLS, reading
 *   the body, %G_IO_ERROR_MESSAGE_TOO_LARGE for a body over the cap)
 * @other_region: (nullable): after a 401, the region whose host accepted the same
 *   API key
 * @error: the failure, in the %NYL_API_ERROR domain
 *
 * The one place where an HTTP exchange becomes a result: the envelope is taken
 * apart and every failure is mapped to a #NylApiError code with a translatable
 * message (protocol detail goes to g_debug()). Cancellation is passed through
 * untouched, never mapped.
 *
 * Returns: (transfer full) (nullable): the response, with status and request ID
 *   even when @error is set; %NULL only when no HTTP response arrived
 */
NylResponse *
_nyl_response_new_from_exchange (guint         status,
                                 const char   *request_id_header,
                                 GBytes       *body,
                                 const GError *transport_error,
                                 const char   *other_region,
                                 GError      **error)
{
  g_autoptr(NylResponse) self = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *detail = NULL;

  if (transport_error != NULL &&
      g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_error_copy (transport_error));
      return NULL;
    }

  if (status == 0)
    {
      g_return_val_if_fail (transport_error != NULL, NULL);

      g_debug ("Transport failure: %s", transport_error->message);
      g_propagate_error (error, error_for_transport (transport_error));
      return NULL;
    }

  self = g_object_new (NYL_TYPE_RESPONSE, NULL);
  self->status = status;
  set_string (&self->request_id, request_id_header);

  if (transport_error != NULL)
    {
      g_debug ("HTTP %u, then failure reading the body: %s", status, transport_error->message);
      g_propagate_error (error, error_for_transport (transport_error));
      return g_steal_pointer (&self);
    }

  if (!body_is_blank (body))
    {
      self->root = parse_json (body, &parse_error);
      if (self->root == NULL)
        g_debug ("HTTP %u with a body that is not JSON: %s", status, parse_error->message);
    }

  if (status >= 200 && status <= 299)
    {
      if (parse_error != NULL || !take_success_envelope (self))
        {
          g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                               _("Nylas sent a response that could not be understood"));
          return g_steal_pointer (&self);
        }

      return g_steal_pointer (&self);
    }

  take_error_envelope (self, &detail);
  g_debug ("HTTP %u, request %s, error type %s: %s", status,
           self->request_id ? self->request_id : "(none)",
           self->error_type ? self->error_type : "(none)",
           detail ? detail : "(no message)");

  /* A failure whose body is not JSON (or JSON that is not an object): the
   * answer cannot be read, whatever the status says. A throttled answer stays
   * a rate limit; its status alone decides. */
  if (status != 429 && !body_is_blank (body) &&
      (parse_error != NULL || !JSON_NODE_HOLDS_OBJECT (self->root)))
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                   _("Nylas answered with HTTP status %u and a response that could not be read"),
                   status);
      return g_steal_pointer (&self);
    }

  g_propagate_error (error, error_for_status (status, detail, other_region));
  return g_steal_pointer (&self);
}

/**
 * nyl_response_get_status:
 *
 * Returns: the HTTP status code
 */
guint
nyl_response_get_status (NylResponse *self)
{
  g_return_val_if_fail (NYL_IS_RESPONSE (self), 0);

  return self->status;
}

/**
 * nyl_response_get_request_id:
 *
 * The Nylas request ID, from the body's `request_id` or else the `x-request-id`
 * header. Nylas support asks for it; the audit log records it.
 *
 * Returns: (nullable): the request ID
 */
const char *
nyl_response_get_request_id (NylResponse *self)
{
  g_return_val_if_fail (NYL_IS_RESPONSE (self), NULL);

  return self->request_id;
}

/**
 * nyl_response_get_error_type:
 *
 * For a failed exchange, Nylas's `error.type` (e.g. `"invalid_request_error"`)
 * or the OAuth `error` (e.g. `"invalid_grant"`). An opaque string.
 *
 * Returns: (nullable): the error type
 */
const char *
nyl_response_get_error_type (NylResponse *self)
{
  g_return_val_if_fail (NYL_IS_RESPONSE (self), NULL);

  return self->error_type;
}

/**
 * nyl_response_get_root:
 *
 * Returns: (transfer none) (nullable): the whole parsed body; %NULL when the body
 *   was empty or not JSON
 */
JsonNode *
nyl_response_get_root (NylResponse *self)
{
  g_return_val_if_fail (NYL_IS_RESPONSE (self), NULL);

  return self->root;
}

/**
 * nyl_response_get_data:
 *
 * The payload: the `data` member when the body has one, otherwise the body
 * itself when it is a bare object. For the nested list shape this is the
 * `{items, next_cursor}` object; use nyl_response_get_items() for the list.
 *
 * Returns: (transfer none) (nullable): the payload; %NULL for an empty body or a
 *   bare `{request_id}`
 */
JsonNode *
nyl_response_get_data (NylResponse *self)
{
  g_return_val_if_fail (NYL_IS_RESPONSE (self), NULL);

  return self->data;
}

/**
 * nyl_response_get_object:
 *
 * Returns: (transfer none) (nullable): the payload when it is a JSON object
 */
JsonObject *
nyl_response_get_object (NylResponse *self)
{
  g_return_val_if_fail (NYL_IS_RESPONSE (self), NULL);

  if (self->data == NULL || !JSON_NODE_HOLDS_OBJECT (self->data))
    return NULL;

  return json_node_get_object (self->data);
}

/**
 * nyl_response_get_items:
 *
 * The list in a list response, whether it came as `data: [...]` or as
 * `data: {items: [...]}`.
 *
 * Returns: (transfer none) (nullable): the items; %NULL when the response holds
 *   no list
 */
JsonArray *
nyl_response_get_items (NylResponse *self)
{
  g_return_val_if_fail (NYL_IS_RESPONSE (self), NULL);

  return self->items;
}

/**
 * nyl_response_get_next_cursor:
 *
 * Returns: (nullable): the cursor of the next page; %NULL (never empty) on the
 *   last page
 */
const char *
nyl_response_get_next_cursor (NylResponse *self)
{
  g_return_val_if_fail (NYL_IS_RESPONSE (self), NULL);

  return self->next_cursor;
}

/**
 * nyl_response_get_limit:
 *
 * Returns: the `limit` an offset-paged list echoes, or -1 when absent
 */
gint64
nyl_response_get_limit (NylResponse *self)
{
  g_return_val_if_fail (NYL_IS_RESPONSE (self), -1);

  return self->limit;
}

/**
 * nyl_response_get_offset:
 *
 * Returns: the `offset` an offset-paged list echoes, or -1 when absent
 */
gint64
nyl_response_get_offset (NylResponse *self)
{
  g_return_val_if_fail (NYL_IS_RESPONSE (self), -1);

  return self->offset;
}
