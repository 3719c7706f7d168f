/* nyl-sandbox.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-sandbox"

#include "config.h"

#include "nyl-sandbox.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "nyl-api-error.h"
#include "nyl-sandbox-private.h"

/* NylSandbox: a simulated Nylas API v3 on loopback. Two hosts (the US and the EU region,
                                                                each on its
 * own port) serve one in-memory state; an API key only works on its own application's region host,
 * as with Nylas. Documented in src/sandbox/README.md. */

G_DEFINE_FINAL_TYPE (NylSandbox, nyl_sandbox, G_TYPE_OBJECT)

static const char * const regions[NYL_SB_HOSTS] = { "us", "eu" };

static inline guint64
mix (guint64 x)
{
  x += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return x ^ (x >> 31);
}

gint64
nyl_sb_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* ---- requests ---------------------------------------------------------------------------- */

static void
message_finished_cb (SoupServerMessage *msg,
                     NylSbRequest      *req)
{
  req->finished = TRUE;
}

static NylSbRequest *
request_new (NylSandbox        *self,
             guint              host,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query)
{
  NylSbRequest *req = g_new0 (NylSbRequest, 1);
  g_auto(GStrv) parts = NULL;
  GPtrArray *segs = g_ptr_array_new ();
  SoupMessageBody *body;
  guint64 n = self->request_counter++;
  guint64 a = mix (self->seed ^ (G_GUINT64_CONSTANT (0xfeed0000000) + n));
  guint64 b = mix (a);

  req->ref_count = 1;
  req->sandbox = g_object_ref (self);
  req->msg = g_object_ref (msg);
  req->host = host;
  req->method = g_strdup (soup_server_message_get_method (msg));
  req->path = g_strdup (path);
  req->request_id = g_strdup_printf ("%08x-%04x-4%03x-%04x-%012" G_GINT64_MODIFIER "x",
                                     (guint) (a >> 32), (guint) ((a >> 16) & 0xffff),
                                     (guint) (a & 0xfff), (guint) (0x8000 | (b >> 50)),
                                     b & G_GUINT64_CONSTANT (0xffffffffffff));

  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0')
        continue;
      g_ptr_array_add (segs, g_uri_unescape_string (parts[i], NULL));
      if (g_ptr_array_index (segs, segs->len - 1) == NULL)
        g_ptr_array_index (segs, segs->len - 1) = g_strdup (parts[i]);
    }
  req->n_segs = segs->len;
  g_ptr_array_add (segs, NULL);
  req->segs = (char **) g_ptr_array_free (segs, FALSE);

  req->query = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (query != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, query);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (req->query, g_strdup (key), g_strdup (value));
    }

  body = soup_server_message_get_request_body (msg);
  req->body = soup_message_body_flatten (body);
  if (g_bytes_get_size (req->body) > 0)
    {
      gsize size;
      const char *data = g_bytes_get_data (req->body, &size);
      g_autofree char *text = g_strndup (data, size);

      req->json = json_from_string (text, NULL);
    }

  req->finished_handler = g_signal_connect (msg, "finished", G_CALLBACK (message_finished_cb), req);
  return req;
}

NylSbRequest *
nyl_sb_request_ref (NylSbRequest *req)
{
  req->ref_count++;
  return req;
}

void
nyl_sb_request_unref (NylSbRequest *req)
{
  if (--req->ref_count > 0)
    return;

  g_clear_signal_handler (&req->finished_handler, req->msg);
  g_clear_handle_id (&req->timeout_id, g_source_remove);
  g_object_unref (req->msg);
  g_object_unref (req->sandbox);
  g_free (req->method);
  g_free (req->path);
  g_strfreev (req->segs);
  g_hash_table_unref (req->query);
  g_bytes_unref (req->body);
  g_clear_pointer (&req->json, json_node_unref);
  g_free (req->request_id);
  g_free (req);
}

void
nyl_sb_request_pause (NylSbRequest *req)
{
  if (req->paused)
    return;
  req->paused = TRUE;
  soup_server_message_pause (req->msg);
  g_ptr_array_add (req->sandbox->paused, nyl_sb_request_ref (req));
}

gboolean
nyl_sb_method_is (NylSbRequest *req,
                  const char   *method)
{
  return g_str_equal (req->method, method);
}

JsonObject *
nyl_sb_request_object (NylSbRequest *req)
{
  if (req->json == NULL || !JSON_NODE_HOLDS_OBJECT (req->json))
    {
      nyl_sb_reply_error (req, SOUP_STATUS_BAD_REQUEST, "api.invalid_request_payload",
                          g_bytes_get_size (req->body) == 0
                          ? "Request body is required"
                          : "Request body must be a JSON object");
      return NULL;
    }
  return json_node_get_object (req->json);
}

const char *
nyl_sb_query (NylSbRequest *req,
              const char   *name)
{
  return g_hash_table_lookup (req->query, name);
}

gboolean
nyl_sb_query_uint (NylSbRequest *req,
                   const char   *name,
                   guint         default_value,
                   guint         min,
                   guint         max,
                   guint        *out)
{
  const char *value = nyl_sb_query (req, name);
  guint64 v;

  if (value == NULL)
    {
      *out = default_value;
      return TRUE;
    }

  if (!g_ascii_string_to_unsigned (value, 10, min, max, &v, NULL))
    {
      nyl_sb_reply_error (req, SOUP_STATUS_BAD_REQUEST, "api.invalid_request_error",
                          "Query parameter %s must be an integer between %u and %u", name, min,
                          max);
      return FALSE;
    }
  *out = (guint) v;
  return TRUE;
}

gboolean
nyl_sb_query_sort (NylSbRequest *req,
                   const char   *sort_by,
                   const char   *order_by,
                   gboolean     *by_updated_at,
                   gboolean     *ascending)
{
  if (sort_by != NULL && !g_str_equal (sort_by, "created_at") &&
      !g_str_equal (sort_by, "updated_at"))
    {
      nyl_sb_reply_error (req, SOUP_STATUS_BAD_REQUEST, "api.invalid_request_error",
                          "sort_by must be created_at or updated_at");
      return FALSE;
    }
  if (order_by != NULL && !g_str_equal (order_by, "asc") && !g_str_equal (order_by, "desc"))
    {
      nyl_sb_reply_error (req, SOUP_STATUS_BAD_REQUEST, "api.invalid_request_error",
                          "order_by must be asc or desc");
      return FALSE;
    }

  *by_updated_at = sort_by != NULL && g_str_equal (sort_by, "updated_at");
  *ascending = order_by != NULL && g_str_equal (order_by, "asc");
  return TRUE;
}

static char *
cursor_encode (guint offset)
{
  g_autofree char *raw = g_strdup_printf ("sbc1:%u", offset);
  char *b64 = g_base64_encode ((const guchar *) raw, strlen (raw));

  for (char *p = b64; *p; p++)
    {
      if (*p == '+')
        *p = '-';
      else if (*p == '/')
        *p = '_';
      else if (*p == '=')
        *p = '\0';
    }
  return b64;
}

static gboolean
cursor_decode (const char *token,
               guint      *offset)
{
  g_autoptr(GString) s = g_string_new (token);
  g_autofree guchar *raw = NULL;
  g_autofree char *text = NULL;
  gsize len;
  guint64 v;

  for (gsize i = 0; i < s->len; i++)
    {
      if (s->str[i] == '-')
        s->str[i] = '+';
      else if (s->str[i] == '_')
        s->str[i] = '/';
      else if (!g_ascii_isalnum (s->str[i]))
        return FALSE;
    }
  while (s->len % 4 != 0)
    g_string_append_c (s, '=');
  raw = g_base64_decode (s->str, &len);
  text = g_strndup ((const char *) raw, len);
  if (!g_str_has_prefix (text, "sbc1:") ||
      !g_ascii_string_to_unsigned (text + 5, 10, 0, G_MAXUINT, &v, NULL))
    return FALSE;
  *offset = (guint) v;
  return TRUE;
}

gboolean
nyl_sb_cursor_page (NylSbRequest  *req,
                    guint          total,
                    guint         *offset,
                    guint         *limit,
                    char         **next_cursor)
{
  const char *token = nyl_sb_query (req, "page_token");

  if (!nyl_sb_query_uint (req, "limit", 50, 1, 200, limit))
    return FALSE;

  *offset = 0;
  if (token != NULL && token[0] != '\0' && !cursor_decode (token, offset))
    {
      nyl_sb_reply_error (req, SOUP_STATUS_BAD_REQUEST, "api.invalid_request_error",
                          "Invalid page_token");
      return FALSE;
    }

  *offset = MIN (*offset, total);
  *next_cursor = (guint64) *offset + *limit < total ? cursor_encode (*offset + *limit) : NULL;
  return TRUE;
}

gboolean
nyl_sb_request_is_loopback_url (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *host;

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return FALSE;
  host = g_uri_get_host (uri);
  return g_str_equal (host, "127.0.0.1") || g_str_equal (host, "localhost") ||
         g_str_equal (host, "::1") || g_str_equal (host, "[::1]");
}

/* ---- replies ----------------------------------------------------------------------------- */

void
nyl_sb_reply (NylSbRequest *req,
              guint         status,
              const char   *content_type,
              const char   *body,
              gsize         length)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (req->msg);
  static const char malformed[] = "<html><body><h1>502 Bad Gateway</h1></body></html>";

  if (req->replied)
    return;
  req->replied = TRUE;

  if (req->mangle == NYL_SB_MANGLE_MALFORMED && body != NULL)
    {
      body = malformed;
      length = strlen (malformed);
    }
  else if (req->mangle == NYL_SB_MANGLE_TRUNCATED && body != NULL)
    {
      length = length / 2;
    }

  soup_message_headers_replace (headers, "x-request-id", req->request_id);
  soup_server_message_set_status (req->msg, status, NULL);
  if (body != NULL)
    soup_server_message_set_response (req->msg, content_type, SOUP_MEMORY_COPY, body, length);

  if (req->paused)
    {
      NylSandbox *self = req->sandbox;

      req->paused = FALSE;
      if (!req->finished && self->running)
        soup_server_message_unpause (req->msg);
      /* Drops the reference the pause took; the caller still holds its own. */
      g_ptr_array_remove (self->paused, req);
    }
}

/* Like nyl_sb_reply(), taking @body. */
void
nyl_sb_reply_take (NylSbRequest *req,
                   guint         status,
                   const char   *content_type,
                   GString      *body)
{
  nyl_sb_reply (req, status, content_type, body->str, body->len);
  g_string_free (body, TRUE);
}

void
nyl_sb_reply_json (NylSbRequest *req,
                   guint         status,
                   JsonNode     *root)
{
  g_autoptr(JsonNode) owned = root;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  gsize length;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  nyl_sb_reply (req, status, "application/json", text, length);
}

static JsonObject *
envelope (NylSbRequest *req)
{
  JsonObject *o = json_object_new ();

  json_object_set_string_member (o, "request_id", req->request_id);
  return o;
}

static JsonNode *
object_node (JsonObject *o)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, o);
  return node;
}

void
nyl_sb_reply_data (NylSbRequest *req,
                   guint         status,
                   JsonNode     *data)
{
  JsonObject *o = envelope (req);

  json_object_set_member (o, "data", data);
  nyl_sb_reply_json (req, status, object_node (o));
}

void
nyl_sb_reply_list (NylSbRequest *req,
                   JsonArray    *items,
                   const char   *next_cursor)
{
  JsonObject *o = envelope (req);

  json_object_set_array_member (o, "data", items);
  if (next_cursor != NULL)
    json_object_set_string_member (o, "next_cursor", next_cursor);
  nyl_sb_reply_json (req, SOUP_STATUS_OK, object_node (o));
}

void
nyl_sb_reply_offset_list (NylSbRequest *req,
                          JsonArray    *items,
                          guint         limit,
                          guint         offset)
{
  JsonObject *o = envelope (req);

  json_object_set_array_member (o, "data", items);
  json_object_set_int_member (o, "limit", limit);
  json_object_set_int_member (o, "offset", offset);
  nyl_sb_reply_json (req, SOUP_STATUS_OK, object_node (o));
}

void
nyl_sb_reply_empty (NylSbRequest *req)
{
  nyl_sb_reply_json (req, SOUP_STATUS_OK, object_node (envelope (req)));
}

void
nyl_sb_reply_error (NylSbRequest *req,
                    guint         status,
                    const char   *type,
                    const char   *format,
                    ...)
{
  JsonObject *o = envelope (req);
  JsonObject *error = json_object_new ();
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  json_object_set_string_member (error, "type", type);
  json_object_set_string_member (error, "message", message);
  json_object_set_object_member (o, "error", error);
  nyl_sb_reply_json (req, status, object_node (o));
}

void
nyl_sb_reply_not_found (NylSbRequest *req,
                        const char   *what)
{
  nyl_sb_reply_error (req, SOUP_STATUS_NOT_FOUND, "api.not_found_error", "%s not found", what);
}

void
nyl_sb_reply_bad_method (NylSbRequest *req)
{
  nyl_sb_reply_error (req, SOUP_STATUS_METHOD_NOT_ALLOWED, "api.invalid_request_error",
                      "Method %s is not allowed on %s", req->method, req->path);
}

void
nyl_sb_reply_oauth_error (NylSbRequest *req,
                          guint         status,
                          const char   *error,
                          const char   *description)
{
  JsonObject *o = json_object_new ();
  g_autofree char *uri = g_strdup_printf ("developer.nylas.com/docs/api/errors/%u-response/",
                                          status);

  json_object_set_string_member (o, "error", error);
  json_object_set_string_member (o, "error_description", description);
  json_object_set_string_member (o, "error_uri", uri);
  json_object_set_int_member (o, "error_code", status);
  json_object_set_string_member (o, "request_id", req->request_id);
  nyl_sb_reply_json (req, status, object_node (o));
}

void
nyl_sb_reply_redirect (NylSbRequest *req,
                       const char   *location)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (req->msg);

  soup_message_headers_replace (headers, "Location", location);
  nyl_sb_reply (req, SOUP_STATUS_FOUND, "text/plain", "", 0);
}

/* ---- authentication and routing ---------------------------------------------------------- */

static gboolean
authenticate (NylSbRequest *req)
{
  NylSandbox *self = req->sandbox;
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (req->msg);
  const char *header = soup_message_headers_get_one (request_headers, "Authorization");
  g_autofree char *token = NULL;
  NylSbApiKey *key;
  NylSbApp *app = NULL;

  if (header == NULL || g_ascii_strncasecmp (header, "Bearer ", 7) != 0 || header[7] == '\0')
    {
      nyl_sb_reply_error (req, SOUP_STATUS_UNAUTHORIZED, "api.authentication_error",
                          "Unauthorized: missing Bearer API key");
      return FALSE;
    }

  token = g_strstrip (g_strdup (header + 7));
  key = nyl_sb_state_find_key (self->state, token, &app);
  if (key == NULL || app == NULL || !g_str_equal (app->region, regions[req->host]))
    {
      nyl_sb_reply_error (req, SOUP_STATUS_UNAUTHORIZED, "api.authentication_error",
                          "Unauthorized: invalid API key");
      return FALSE;
    }
  if (key->expires_at <= nyl_sb_now ())
    {
      nyl_sb_reply_error (req, SOUP_STATUS_UNAUTHORIZED, "api.authentication_error",
                          "Unauthorized: the API key has expired");
      return FALSE;
    }

  req->app = app;
  return TRUE;
}

static void
dispatch (NylSbRequest *req)
{
  const char *family;

  if (req->n_segs >= 1 && g_str_equal (req->segs[0], "__sandbox"))
    {
      nyl_sb_handle_control (req);
      return;
    }

  if (req->n_segs < 2 || !g_str_equal (req->segs[0], "v3"))
    {
      nyl_sb_reply_not_found (req, "Route");
      return;
    }

  family = req->segs[1];
  if (g_str_equal (family, "admin"))
    {
      nyl_sb_handle_admin (req);
      return;
    }
  if (g_str_equal (family, "connect"))
    {
      nyl_sb_handle_connect (req);
      return;
    }
  if (g_str_equal (family, "grants") && req->n_segs >= 3 && g_str_equal (req->segs[2], "me"))
    {
      nyl_sb_handle_grants (req);
      return;
    }

  if (!authenticate (req))
    return;

  if (g_str_equal (family, "applications") && req->n_segs == 2)
    nyl_sb_handle_application (req);
  else if (g_str_equal (family, "applications") && g_str_equal (req->segs[2], "redirect-uris"))
    nyl_sb_handle_redirect_uris (req);
  else if (g_str_equal (family, "connectors"))
    nyl_sb_handle_connectors (req);
  else if (g_str_equal (family, "grants"))
    nyl_sb_handle_grants (req);
  else if (g_str_equal (family, "webhooks"))
    nyl_sb_handle_webhooks (req);
  else
    nyl_sb_reply_not_found (req, "Route");
}

static void
process (NylSbRequest *req)
{
  NylSandbox *self = req->sandbox;
  guint status = 0;

  if (g_str_has_prefix (req->path, "/v3/"))
    status = nyl_sb_faults_decide (&self->faults, req->path, &req->mangle);

  if (status == 429)
    {
      g_autofree char *retry = g_strdup_printf ("%u", self->faults.retry_after);

      soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                    "Retry-After", retry);
      nyl_sb_reply_error (req, status, "api.rate_limit_error",
                          "Too many requests (sandbox fault); retry after %u s",
                          self->faults.retry_after);
      return;
    }
  if (status != 0)
    {
      nyl_sb_reply_error (req, status, "api.internal_error", "Internal error (sandbox fault)");
      return;
    }

  dispatch (req);

  if (!req->replied && !req->paused)
    nyl_sb_reply_error (req, SOUP_STATUS_INTERNAL_SERVER_ERROR, "api.internal_error",
                        "The sandbox did not answer");
}

static gboolean
latency_done_cb (gpointer data)
{
  NylSbRequest *req = data;

  req->timeout_id = 0;
  nyl_sb_request_ref (req);
  if (req->sandbox->running)
    process (req);
  if (!req->replied)
    nyl_sb_reply_error (req, SOUP_STATUS_SERVICE_UNAVAILABLE, "api.internal_error",
                        "The sandbox is stopping");
  nyl_sb_request_unref (req);
  return G_SOURCE_REMOVE;
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  NylSandbox *self = user_data;
  guint host = server == self->servers[1] ? 1 : 0;
  NylSbRequest *req = request_new (self, host, msg, path, query);

  if (self->faults.latency_ms > 0 && g_str_has_prefix (path, "/v3/") &&
      nyl_sb_faults_applies (&self->faults, path))
    {
      nyl_sb_request_pause (req);
      req->timeout_id = g_timeout_add (self->faults.latency_ms, latency_done_cb, req);
      nyl_sb_request_unref (req);
      return;
    }

  process (req);
  nyl_sb_request_unref (req);
}

/* ---- saving ------------------------------------------------------------------------------ */

gboolean
nyl_sandbox_save (NylSandbox  *self,
                  GError     **error)
{
  g_autofree char *json = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (NYL_IS_SANDBOX (self), FALSE);

  if (self->state_file == NULL || self->state == NULL)
    return TRUE;

  dir = g_path_get_dirname (self->state_file);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "Could not create %s", dir);
      return FALSE;
    }

  json = nyl_sb_state_to_json (self->state);
  return g_file_set_contents_full (self->state_file, json, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static gboolean
save_cb (gpointer data)
{
  NylSandbox *self = data;
  g_autoptr(GError) error = NULL;

  self->save_source = 0;
  if (!nyl_sandbox_save (self, &error))
    g_warning ("Could not save the sandbox state: %s", error->message);
  return G_SOURCE_REMOVE;
}

void
nyl_sb_changed (NylSandbox *self)
{
  if (self->state_file != NULL && self->save_source == 0)
    self->save_source = g_timeout_add (200, save_cb, self);
}

/* ---- GObject ----------------------------------------------------------------------------- */

static void
nyl_sandbox_dispose (GObject *object)
{
  NylSandbox *self = NYL_SANDBOX (object);

  nyl_sandbox_stop (self);

  G_OBJECT_CLASS (nyl_sandbox_parent_class)->dispose (object);
}

static void
nyl_sandbox_finalize (GObject *object)
{
  NylSandbox *self = NYL_SANDBOX (object);

  g_free (self->state_file);
  g_free (self->service_account_option);
  g_clear_pointer (&self->state, nyl_sb_state_free);
  g_ptr_array_unref (self->seeded_keys);
  g_ptr_array_unref (self->paused);
  g_hash_table_unref (self->nonces);
  g_hash_table_unref (self->deliveries);
  nyl_sb_faults_clear (&self->faults);
  nyl_sb_connect_clear (self);
  g_clear_pointer (&self->auth_sessions, g_hash_table_unref);
  g_clear_pointer (&self->codes, g_hash_table_unref);
  g_clear_pointer (&self->tokens, g_hash_table_unref);

  G_OBJECT_CLASS (nyl_sandbox_parent_class)->finalize (object);
}

static void
nyl_sandbox_class_init (NylSandboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nyl_sandbox_dispose;
  object_class->finalize = nyl_sandbox_finalize;
}

static void
nyl_sandbox_init (NylSandbox *self)
{
  self->seeded_keys = g_ptr_array_new_with_free_func (g_free);
  self->paused = g_ptr_array_new_with_free_func ((GDestroyNotify) nyl_sb_request_unref);
  self->nonces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->deliveries = g_hash_table_new (NULL, NULL);
  nyl_sb_connect_init (self);
}

/**
 * nyl_sandbox_new:
 * @options: (nullable): the options, or %NULL for the defaults
 *
 * Creates a sandbox; nothing listens until nyl_sandbox_start().
 *
 * Returns: (transfer full): a new #NylSandbox
 */
NylSandbox *
nyl_sandbox_new (const NylSandboxOptions *options)
{
  NylSandbox *self = g_object_new (NYL_TYPE_SANDBOX, NULL);
  NylSandboxOptions defaults = { 0 };

  if (options == NULL)
    options = &defaults;

  self->seed = options->seed != 0 ? options->seed : 1;
  self->n_grants = options->n_grants != 0 ? options->n_grants : NYL_SANDBOX_DEFAULT_GRANTS;
  self->port = options->port;
  self->state_file = g_strdup (options->state_file);
  self->now = options->now;
  self->service_account_option = g_strdup (options->service_account_json);
  nyl_sb_faults_init (&self->faults, self->seed);
  return self;
}

static gboolean
write_service_account (NylSandbox  *self,
                       GError     **error)
{
  g_autofree char *template = g_build_filename (g_get_user_runtime_dir (),
                                                "nylas-manager-sandbox-XXXXXX", NULL);
  g_autofree char *json = nyl_service_account_to_json (self->service_account);
  g_autofree char *path = NULL;

  if (g_mkdtemp_full (template, 0700) == NULL)
    {
      int saved = errno;

      g_free (template);
      template = g_build_filename (g_get_tmp_dir (), "nylas-manager-sandbox-XXXXXX", NULL);
      if (g_mkdtemp_full (template, 0700) == NULL)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved ? saved : errno),
                       "Could not create a private directory for the Service Account file");
          return FALSE;
        }
    }

  path = g_build_filename (template, "service-account.json", NULL);
  if (!g_file_set_contents_full (path, json, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    {
      g_rmdir (template);
      return FALSE;
    }

  self->service_account_dir = g_steal_pointer (&template);
  self->service_account_file = g_steal_pointer (&path);
  return TRUE;
}

static gboolean
load_state (NylSandbox  *self,
            GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) local_error = NULL;

  if (self->state_file != NULL &&
      g_file_get_contents (self->state_file, &contents, &length, &local_error))
    {
      self->state = nyl_sb_state_new_from_json (contents, length, error);
      if (self->state == NULL)
        return FALSE;
      self->seed = self->state->seed;
      return TRUE;
    }

  if (local_error != NULL && !g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->state = nyl_sb_state_new_seeded (self->seed, self->n_grants,
                                         self->now != 0 ? self->now : nyl_sb_now ());
  return TRUE;
}

/**
 * nyl_sandbox_start:
 * @self: a #NylSandbox
 * @error: return location for a #GError
 *
 * Loads or seeds the data, writes the Service Account file and starts listening on loopback.
 *
 * Returns: %TRUE when serving
 */
gboolean
nyl_sandbox_start (NylSandbox  *self,
                   GError     **error)
{
  const char *env;

  g_return_val_if_fail (NYL_IS_SANDBOX (self), FALSE);
  g_return_val_if_fail (!self->running, FALSE);

  if (self->state == NULL && !load_state (self, error))
    return FALSE;

  g_ptr_array_set_size (self->seeded_keys, 0);
  for (guint i = 0; i < self->state->apps->len; i++)
    g_ptr_array_add (self->seeded_keys, nyl_sb_state_seeded_api_key (self->state, i, 0));

  if (self->service_account == NULL)
    {
      if (self->service_account_option != NULL)
        self->service_account = nyl_service_account_new_from_data (self->service_account_option,
                                                                   -1, error);
      else
        self->service_account = nyl_service_account_generate ("Nylas Manager sandbox",
                                                              self->state->service_account_key_id,
                                                              self->state->organization_id, "us",
                                                              error);
      if (self->service_account == NULL)
        return FALSE;
      self->public_key_pem = nyl_service_account_dup_public_key_pem (self->service_account);
    }

  env = g_getenv ("NYL_SANDBOX_FAULTS");
  if (env != NULL && env[0] != '\0' && !nyl_sb_faults_parse_env (&self->faults, env, error))
    return FALSE;

  if (!write_service_account (self, error))
    return FALSE;

  for (guint i = 0; i < NYL_SB_HOSTS; i++)
    {
      g_autoptr(SoupServer) server = soup_server_new ("server-header", "nylas-manager-sandbox ",
                                                      NULL);
      GSList *uris;
      guint port;

      soup_server_add_handler (server, NULL, server_cb, self, NULL);
      if (!soup_server_listen_local (server, i == 0 ? self->port : 0, SOUP_SERVER_LISTEN_IPV4_ONLY,
                                     error))
        {
          nyl_sandbox_stop (self);
          return FALSE;
        }
      uris = soup_server_get_uris (server);
      port = g_uri_get_port (uris->data);
      g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
      self->urls[i] = g_strdup_printf ("http://127.0.0.1:%u", port);
      self->servers[i] = g_steal_pointer (&server);
    }

  self->cancellable = g_cancellable_new ();
  self->outgoing = soup_session_new_with_options ("timeout", 10, "proxy-resolver", NULL,
                                                  "user-agent", "Nylas-Sandbox-Webhooks/1.0",
                                                  NULL);
  self->running = TRUE;
  return TRUE;
}

/**
 * nyl_sandbox_stop:
 * @self: a #NylSandbox
 *
 * Stops listening, cancels deliveries, saves the state (when a state file was given) and removes
 * the Service Account file. Safe to call more than once.
 */
void
nyl_sandbox_stop (NylSandbox *self)
{
  g_return_if_fail (NYL_IS_SANDBOX (self));

  self->running = FALSE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  for (guint i = 0; i < NYL_SB_HOSTS; i++)
    {
      if (self->servers[i] != NULL)
        {
          soup_server_disconnect (self->servers[i]);
          g_clear_object (&self->servers[i]);
        }
      g_clear_pointer (&self->urls[i], g_free);
    }

  /* Requests still waiting (latency, a challenge) are dropped with their connections. */
  for (guint i = 0; i < self->paused->len; i++)
    {
      NylSbRequest *req = g_ptr_array_index (self->paused, i);

      g_clear_handle_id (&req->timeout_id, g_source_remove);
      req->paused = FALSE;
    }
  g_ptr_array_set_size (self->paused, 0);

  nyl_sb_webhooks_stop (self);
  g_clear_object (&self->outgoing);
  g_clear_object (&self->cancellable);

  if (self->save_source != 0)
    {
      g_autoptr(GError) error = NULL;

      g_clear_handle_id (&self->save_source, g_source_remove);
      if (!nyl_sandbox_save (self, &error))
        g_warning ("Could not save the sandbox state: %s", error->message);
    }

  if (self->service_account_file != NULL)
    {
      g_unlink (self->service_account_file);
      g_rmdir (self->service_account_dir);
      g_clear_pointer (&self->service_account_file, g_free);
      g_clear_pointer (&self->service_account_dir, g_free);
    }

  g_clear_object (&self->service_account);
  g_clear_pointer (&self->public_key_pem, g_free);
  g_hash_table_remove_all (self->nonces);
}

const char *
nyl_sandbox_get_url (NylSandbox *self)
{
  g_return_val_if_fail (NYL_IS_SANDBOX (self), NULL);

  return self->urls[0];
}

const char *
nyl_sandbox_get_region_url (NylSandbox *self,
                            const char *region)
{
  g_return_val_if_fail (NYL_IS_SANDBOX (self), NULL);
  g_return_val_if_fail (region != NULL, NULL);

  for (guint i = 0; i < NYL_SB_HOSTS; i++)
    {
      if (g_str_equal (region, regions[i]))
        return self->urls[i];
    }
  return NULL;
}

guint
nyl_sandbox_get_n_applications (NylSandbox *self)
{
  g_return_val_if_fail (NYL_IS_SANDBOX (self), 0);

  return self->state != NULL ? self->state->apps->len : 0;
}

static NylSbApp *
app_nth (NylSandbox *self,
         guint       index)
{
  if (self->state == NULL || index >= self->state->apps->len)
    return NULL;
  return g_ptr_array_index (self->state->apps, index);
}

const char *
nyl_sandbox_get_application_id_nth (NylSandbox *self,
                                    guint       index)
{
  NylSbApp *app;

  g_return_val_if_fail (NYL_IS_SANDBOX (self), NULL);

  app = app_nth (self, index);
  return app != NULL ? app->application_id : NULL;
}

const char *
nyl_sandbox_get_api_key_nth (NylSandbox *self,
                             guint       index)
{
  g_return_val_if_fail (NYL_IS_SANDBOX (self), NULL);

  return index < self->seeded_keys->len ? g_ptr_array_index (self->seeded_keys, index) : NULL;
}

const char *
nyl_sandbox_get_region_nth (NylSandbox *self,
                            guint       index)
{
  NylSbApp *app;

  g_return_val_if_fail (NYL_IS_SANDBOX (self), NULL);

  app = app_nth (self, index);
  return app != NULL ? app->region : NULL;
}

const char *
nyl_sandbox_get_environment_nth (NylSandbox *self,
                                 guint       index)
{
  NylSbApp *app;

  g_return_val_if_fail (NYL_IS_SANDBOX (self), NULL);

  app = app_nth (self, index);
  return app != NULL ? app->environment : NULL;
}

const char *
nyl_sandbox_get_application_id (NylSandbox *self)
{
  return nyl_sandbox_get_application_id_nth (self, 0);
}

const char *
nyl_sandbox_get_api_key (NylSandbox *self)
{
  return nyl_sandbox_get_api_key_nth (self, 0);
}

const char *
nyl_sandbox_get_service_account_file (NylSandbox *self)
{
  g_return_val_if_fail (NYL_IS_SANDBOX (self), NULL);

  return self->service_account_file;
}

char *
nyl_sandbox_dup_service_account_json (NylSandbox *self)
{
  g_return_val_if_fail (NYL_IS_SANDBOX (self), NULL);

  return self->service_account != NULL ? nyl_service_account_to_json (self->service_account) : NULL;
}
