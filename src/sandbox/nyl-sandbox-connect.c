/* nyl-sandbox-connect.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-sandbox-connect"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nyl-sandbox-private.h"

/* Hosted authentication (nylas-api.md §8): GET /v3/connect/auth shows a small local consent page
 * ("Sandbox (simulated)") whose form goes to /v3/connect/auth/decide, which redirects back to the
 * registered redirect URI with a code (or error=access_denied). POST /v3/connect/token exchanges
 * it (OAuth error shape), POST /v3/connect/revoke revokes a token, GET /v3/connect/tokeninfo
 * describes one. With the auto_consent fault the page is skipped. */

#define CODE_LIFETIME (10 * 60)
#define TOKEN_LIFETIME 3600

typedef struct
{
  char   *app_id;
  char   *redirect_uri;
  char   *response_type;
  char   *state;
  char   *providers;       /* comma-separated, or NULL */
  char   *scope;           /* space-separated, or NULL */
  char   *login_hint;
  char   *code_challenge;
  char   *code_challenge_method;
  char   *access_type;
  char   *credential_id;
  /* Set when it becomes a code. */
  char   *email;
  char   *provider;
  gint64  expires;
} AuthFlow;

typedef enum
{
  TOKEN_ACCESS,
  TOKEN_REFRESH,
  TOKEN_ID,
} TokenKind;

typedef struct
{
  TokenKind  kind;
  char      *app_id;
  char      *grant_id;
  char      *email;
  char      *parent;         /* the refresh token an access token came from */
  gint64     issued;
  gint64     expires;        /* 0 = never */
} Token;

static void
flow_free (gpointer data)
{
  AuthFlow *f = data;

  g_free (f->app_id);
  g_free (f->redirect_uri);
  g_free (f->response_type);
  g_free (f->state);
  g_free (f->providers);
  g_free (f->scope);
  g_free (f->login_hint);
  g_free (f->code_challenge);
  g_free (f->code_challenge_method);
  g_free (f->access_type);
  g_free (f->credential_id);
  g_free (f->email);
  g_free (f->provider);
  g_free (f);
}

static void
token_free (gpointer data)
{
  Token *t = data;

  g_free (t->app_id);
  g_free (t->grant_id);
  g_free (t->email);
  g_free (t->parent);
  g_free (t);
}

void
nyl_sb_connect_init (NylSandbox *self)
{
  self->auth_sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, flow_free);
  self->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, flow_free);
  self->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, token_free);
}

void
nyl_sb_connect_clear (NylSandbox *self)
{
  if (self->auth_sessions != NULL)
    g_hash_table_remove_all (self->auth_sessions);
  if (self->codes != NULL)
    g_hash_table_remove_all (self->codes);
  if (self->tokens != NULL)
    g_hash_table_remove_all (self->tokens);
}

const char *
nyl_sb_connect_token_grant (NylSandbox  *self,
                            const char  *access_token,
                            NylSbApp   **app)
{
  g_autofree char *token = g_strstrip (g_strdup (access_token));
  Token *t = g_hash_table_lookup (self->tokens, token);

  if (t == NULL || t->kind != TOKEN_ACCESS || (t->expires != 0 && t->expires <= nyl_sb_now ()))
    return NULL;
  *app = nyl_sb_state_find_app (self->state, t->app_id);
  return t->grant_id;
}

static char *
query_dup (NylSbRequest *req,
           const char   *name)
{
  const char *value = nyl_sb_query (req, name);

  return value != NULL && value[0] != '\0' ? g_strdup (value) : NULL;
}

static gboolean
redirect_registered (NylSbApp   *app,
                     const char *url)
{
  for (guint i = 0; i < app->redirect_uris->len; i++)
    {
      NylSbRedirectUri *uri = g_ptr_array_index (app->redirect_uris, i);

      if (g_str_equal (uri->url, url))
        return TRUE;
    }
  return FALSE;
}

static char *
redirect_with (const char *redirect_uri,
               const char *first_name,
               ...)
{
  GString *out = g_string_new (redirect_uri);
  char sep = strchr (redirect_uri, '?') ? '&' : '?';
  const char *name = first_name;
  va_list args;

  va_start (args, first_name);
  while (name != NULL)
    {
      const char *value = va_arg (args, const char *);

      if (value != NULL)
        {
          g_string_append_c (out, sep);
          g_string_append_uri_escaped (out, name, NULL, FALSE);
          g_string_append_c (out, '=');
          g_string_append_uri_escaped (out, value, NULL, FALSE);
          sep = '&';
        }
      name = va_arg (args, const char *);
    }
  va_end (args);
  return g_string_free (out, FALSE);
}

static gboolean
provider_allowed (NylSbApp   *app,
                  AuthFlow   *flow,
                  const char *provider)
{
  g_auto(GStrv) allowed = NULL;

  if (provider == NULL || nyl_sb_connector_find (app, provider) == NULL)
    return FALSE;
  if (flow->providers == NULL)
    return TRUE;
  allowed = g_strsplit (flow->providers, ",", -1);
  return g_strv_contains ((const char * const *) allowed, provider);
}

/* Turns a consented flow into a one-time code and redirects back. */
static void
issue_code (NylSbRequest *req,
            AuthFlow     *flow,
            const char   *email,
            const char   *provider)
{
  g_autofree char *code = nyl_sb_state_new_token (req->sandbox->state, "sbcode_", 40);
  g_autofree char *location = NULL;

  flow->email = g_strdup (email);
  flow->provider = g_strdup (provider);
  flow->expires = nyl_sb_now () + CODE_LIFETIME;
  location = redirect_with (flow->redirect_uri, "code", code, "state", flow->state, NULL);
  g_hash_table_insert (req->sandbox->codes, g_steal_pointer (&code), flow);
  nyl_sb_reply_redirect (req, location);
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  g_string_append (out, escaped);
}

static void
consent_page (NylSbRequest *req,
              NylSbApp     *app,
              const char   *session,
              AuthFlow     *flow)
{
  g_autoptr(GString) html = g_string_new (NULL);
  const char *name = app->branding != NULL
                     ? json_object_get_string_member_with_default (app->branding, "name", NULL)
                     : NULL;
  g_autofree char *title = NULL;

  /* Translators: %s is the name of the application asking for access. */
  title = g_strdup_printf (_("%s wants to connect to your account"),
                           name != NULL ? name : _("An application"));

  g_string_append (html, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>");
  append_escaped (html, _("Sandbox (simulated) sign-in"));
  g_string_append (html, "</title><style>body{font-family:sans-serif;max-width:28em;margin:3em auto}"
                         ".badge{background:#e5a50a;color:#000;padding:.2em .6em;"
                         "border-radius:1em}label{display:block;margin:.8em 0}</style></head>"
                         "<body>\n<p><span class=\"badge\">");
  append_escaped (html, _("Sandbox (simulated)"));
  g_string_append (html, "</span></p>\n<h1>");
  append_escaped (html, title);
  g_string_append (html, "</h1>\n<p>");
  append_escaped (html, _("No real provider is contacted: approving creates a simulated grant in "
                          "the sandbox."));
  g_string_append (html, "</p>\n<form method=\"get\" action=\"/v3/connect/auth/decide\">\n"
                         "<input type=\"hidden\" name=\"session\" value=\"");
  append_escaped (html, session);
  g_string_append (html, "\">\n<label>");
  append_escaped (html, _("Email address"));
  g_string_append (html, " <input type=\"email\" name=\"email\" required value=\"");
  append_escaped (html, flow->login_hint);
  g_string_append (html, "\"></label>\n<label>");
  append_escaped (html, _("Provider"));
  g_string_append (html, " <select name=\"provider\">");
  for (guint i = 0; i < app->connectors->len; i++)
    {
      NylSbConnector *connector = g_ptr_array_index (app->connectors, i);

      if (!provider_allowed (app, flow, connector->provider))
        continue;
      g_string_append (html, "<option>");
      append_escaped (html, connector->provider);
      g_string_append (html, "</option>");
    }
  g_string_append (html, "</select></label>\n"
                         "<button type=\"submit\" name=\"decision\" value=\"allow\">");
  append_escaped (html, _("Allow"));
  g_string_append (html, "</button>\n<button type=\"submit\" name=\"decision\" value=\"deny\">");
  append_escaped (html, _("Deny"));
  g_string_append (html, "</button>\n</form>\n</body></html>\n");
  nyl_sb_reply (req, 200, "text/html; charset=utf-8", html->str, html->len);
}

static gboolean
providers_known (NylSbApp   *app,
                 const char *providers)
{
  g_auto(GStrv) list = g_strsplit (providers, ",", -1);

  for (guint i = 0; list[i] != NULL; i++)
    {
      if (nyl_sb_connector_find (app, list[i]) == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
connect_auth (NylSbRequest *req)
{
  NylSandbox *self = req->sandbox;
  const char *client_id = nyl_sb_query (req, "client_id");
  NylSbApp *app = nyl_sb_state_find_app (self->state, client_id);
  AuthFlow *flow;
  const char *method;
  g_autofree char *session = NULL;

  if (app == NULL || !g_str_equal (app->region, req->host == 1 ? "eu" : "us"))
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                          "client_id is missing or is not an application of this region");
      return;
    }

  flow = g_new0 (AuthFlow, 1);
  flow->app_id = g_strdup (app->application_id);
  flow->redirect_uri = query_dup (req, "redirect_uri");
  flow->response_type = query_dup (req, "response_type");
  flow->state = query_dup (req, "state");
  flow->providers = query_dup (req, "provider");
  flow->scope = query_dup (req, "scope");
  flow->login_hint = query_dup (req, "login_hint");
  flow->code_challenge = query_dup (req, "code_challenge");
  flow->code_challenge_method = query_dup (req, "code_challenge_method");
  flow->access_type = query_dup (req, "access_type");
  flow->credential_id = query_dup (req, "credential_id");
  flow->expires = nyl_sb_now () + CODE_LIFETIME;
  method = flow->code_challenge_method;

  if (flow->redirect_uri == NULL || !redirect_registered (app, flow->redirect_uri))
    nyl_sb_reply_error (req, 400, "grant.callback_uri_not_allowed",
                        "redirect_uri is missing or not registered for this application");
  else if (flow->response_type == NULL || !(g_str_equal (flow->response_type, "code") ||
                                            g_str_equal (flow->response_type, "adminconsent")))
    nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                        "response_type must be code or adminconsent");
  else if (flow->state != NULL && strlen (flow->state) > 256)
    nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                        "state is longer than 256 characters");
  else if (method != NULL && !g_str_equal (method, "plain") && g_ascii_strcasecmp (method,
                                                                                   "s256") != 0)
    nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                        "code_challenge_method must be plain or S256");
  else if (flow->providers != NULL && !providers_known (app, flow->providers))
    nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                        "provider has no connector in this application");

  if (req->replied)
    {
      flow_free (flow);
      return;
    }

  if (self->faults.auto_consent)
    {
      g_autofree char *email = NULL;
      const char *provider = NULL;

      for (guint i = 0; i < app->connectors->len && provider == NULL; i++)
        {
          NylSbConnector *connector = g_ptr_array_index (app->connectors, i);

          if (provider_allowed (app, flow, connector->provider))
            provider = connector->provider;
        }
      if (provider == NULL)
        {
          nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                              "This application has no connector");
          flow_free (flow);
          return;
        }
      email = flow->login_hint ? g_strdup (flow->login_hint)
                               : g_strdup_printf ("sandbox.user@%s.example", provider);
      issue_code (req, flow, email, provider);
      return;
    }

  session = nyl_sb_state_new_token (self->state, "", 24);
  consent_page (req, app, session, flow);
  g_hash_table_insert (self->auth_sessions, g_steal_pointer (&session), flow);
}

static void
connect_decide (NylSbRequest *req)
{
  NylSandbox *self = req->sandbox;
  const char *session = nyl_sb_query (req, "session");
  const char *decision = nyl_sb_query (req, "decision");
  const char *email = nyl_sb_query (req, "email");
  const char *provider = nyl_sb_query (req, "provider");
  gpointer key = NULL, value = NULL;
  AuthFlow *flow;
  NylSbApp *app;

  if (session == NULL ||
      !g_hash_table_steal_extended (self->auth_sessions, session, &key, &value))
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                          "This sign-in page has expired; start again");
      return;
    }
  g_free (key);
  flow = value;
  app = nyl_sb_state_find_app (self->state, flow->app_id);

  if (g_strcmp0 (decision, "allow") != 0)
    {
      g_autofree char *location = redirect_with (flow->redirect_uri, "error", "access_denied",
                                                 "error_description",
                                                 "The user denied the request", "state",
                                                 flow->state, NULL);

      nyl_sb_reply_redirect (req, location);
      flow_free (flow);
      return;
    }

  if (app == NULL || email == NULL || strchr (email, '@') == NULL ||
      !provider_allowed (app, flow, provider))
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                          "An email address and a provider with a connector are required");
      flow_free (flow);
      return;
    }
  issue_code (req, flow, email, provider);
}

/* ---- tokens ------------------------------------------------------------------------------ */

static char *
base64url (const char *data,
           gsize       length)
{
  char *b64 = g_base64_encode ((const guchar *) data, length);

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
pkce_matches (AuthFlow   *flow,
              const char *verifier)
{
  g_autoptr(GChecksum) checksum = NULL;
  guint8 digest[32];
  gsize len = sizeof digest;
  g_autofree char *rfc = NULL;
  g_autofree char *sdk = NULL;
  const char *hex;

  if (flow->code_challenge == NULL)
    return TRUE;
  if (verifier == NULL)
    return FALSE;
  if (flow->code_challenge_method == NULL || g_str_equal (flow->code_challenge_method, "plain"))
    return g_str_equal (verifier, flow->code_challenge);

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, (const guchar *) verifier, -1);
  hex = g_checksum_get_string (checksum);
  /* The SDK's transform: base64 of the hex digest, padding removed (§8.1)… */
  sdk = g_base64_encode ((const guchar *) hex, strlen (hex));
  for (char *p = sdk; *p; p++)
    if (*p == '=')
      *p = '\0';
  /* …and RFC 7636: base64url of the raw digest. Either is accepted. */
  g_checksum_get_digest (checksum, digest, &len);
  rfc = base64url ((const char *) digest, len);
  return g_str_equal (flow->code_challenge, sdk) || g_str_equal (flow->code_challenge, rfc);
}

static char *
new_token (NylSandbox *self,
           TokenKind   kind,
           NylSbApp   *app,
           const char *grant_id,
           const char *email,
           const char *parent)
{
  Token *t = g_new0 (Token, 1);
  const char *prefix = kind == TOKEN_ACCESS ? "sbat_" : kind == TOKEN_REFRESH ? "sbrt_" : "";
  char *token;

  t->kind = kind;
  t->app_id = g_strdup (app->application_id);
  t->grant_id = g_strdup (grant_id);
  t->email = g_strdup (email);
  t->parent = g_strdup (parent);
  t->issued = nyl_sb_now ();
  t->expires = kind == TOKEN_REFRESH ? 0 : t->issued + TOKEN_LIFETIME;

  if (kind == TOKEN_ID)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *claims = NULL;
      g_autofree char *header = base64url ("{\"alg\":\"none\",\"typ\":\"JWT\"}", 27);
      g_autofree char *body = NULL;
      g_autofree char *jti = nyl_sb_state_new_token (self->state, "", 16);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "jti");
      json_builder_add_string_value (builder, jti);
      json_builder_set_member_name (builder, "iss");
      json_builder_add_string_value (builder, self->urls[0]);
      json_builder_set_member_name (builder, "aud");
      json_builder_add_string_value (builder, app->application_id);
      json_builder_set_member_name (builder, "sub");
      json_builder_add_string_value (builder, grant_id);
      json_builder_set_member_name (builder, "email");
      json_builder_add_string_value (builder, email);
      json_builder_set_member_name (builder, "iat");
      json_builder_add_int_value (builder, t->issued);
      json_builder_set_member_name (builder, "exp");
      json_builder_add_int_value (builder, t->expires);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      claims = json_to_string (root, FALSE);
      body = base64url (claims, strlen (claims));
      /* Unsigned (alg none): the sandbox's ID tokens only identify, they prove nothing. */
      token = g_strdup_printf ("%s.%s.", header, body);
    }
  else
    {
      token = nyl_sb_state_new_token (self->state, prefix, 40);
    }

  g_hash_table_insert (self->tokens, g_strdup (token), t);
  return token;
}

static JsonObject *
token_body (NylSbRequest *req,
            gboolean     *form)
{
  const char *type = soup_message_headers_get_content_type (
    soup_server_message_get_request_headers (req->msg), NULL);
  gsize size;
  const char *data = g_bytes_get_data (req->body, &size);

  *form = FALSE;
  if (type != NULL && g_str_equal (type, "application/x-www-form-urlencoded"))
    {
      g_autofree char *text = g_strndup (data, size);
      g_autoptr(GHashTable) fields = soup_form_decode (text);
      JsonObject *o = json_object_new ();
      GHashTableIter iter;
      gpointer key, value;

      *form = TRUE;
      g_hash_table_iter_init (&iter, fields);
      while (g_hash_table_iter_next (&iter, &key, &value))
        json_object_set_string_member (o, key, value);
      return o;
    }
  if (req->json != NULL && JSON_NODE_HOLDS_OBJECT (req->json))
    return json_object_ref (json_node_get_object (req->json));
  return NULL;
}

static const char *
param (JsonObject *o,
       const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING || json_node_get_string (node)[0] == '\0')
    return NULL;
  return json_node_get_string (node);
}

static gboolean
client_secret_ok (NylSandbox *self,
                  NylSbApp   *app,
                  const char *secret)
{
  NylSbApp *key_app = NULL;
  NylSbApiKey *key = secret ? nyl_sb_state_find_key (self->state, secret, &key_app) : NULL;

  return key != NULL && key_app == app && key->expires_at > nyl_sb_now ();
}

static void
reply_tokens (NylSbRequest *req,
              NylSbApp     *app,
              const char   *grant_id,
              const char   *email,
              const char   *provider,
              const char   *scope,
              gboolean      offline,
              const char   *refresh_parent)
{
  NylSandbox *self = req->sandbox;
  JsonObject *o = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *refresh = NULL;
  g_autofree char *access = NULL;
  g_autofree char *id_token = NULL;

  if (offline)
    refresh = new_token (self, TOKEN_REFRESH, app, grant_id, email, NULL);
  access = new_token (self, TOKEN_ACCESS, app, grant_id, email, refresh ? refresh : refresh_parent);
  id_token = new_token (self, TOKEN_ID, app, grant_id, email, NULL);

  /* Bare, with no data wrapper (§8.2). */
  json_object_set_string_member (o, "access_token", access);
  json_object_set_int_member (o, "expires_in", TOKEN_LIFETIME);
  json_object_set_string_member (o, "id_token", id_token);
  if (email != NULL)
    json_object_set_string_member (o, "email", email);
  if (refresh != NULL)
    json_object_set_string_member (o, "refresh_token", refresh);
  json_object_set_string_member (o, "scope", scope ? scope : "");
  json_object_set_string_member (o, "token_type", "Bearer");
  json_object_set_string_member (o, "grant_id", grant_id);
  if (provider != NULL)
    json_object_set_string_member (o, "provider", provider);
  json_node_take_object (node, o);
  nyl_sb_reply_json (req, 200, node);
}

static void
exchange_code (NylSbRequest *req,
               NylSbApp     *app,
               JsonObject   *body,
               gboolean      secret_ok)
{
  NylSandbox *self = req->sandbox;
  const char *code = param (body, "code");
  const char *redirect_uri = param (body, "redirect_uri");
  const char *verifier = param (body, "code_verifier");
  gpointer key = NULL, value = NULL;
  AuthFlow *flow;
  NylSbGrant grant;
  NylSbGrantRecord *record;
  g_auto(GStrv) scope = NULL;
  g_autofree char *scope_text = NULL;
  const char *trigger;
  JsonObject *object;

  if (code == NULL)
    {
      nyl_sb_reply_oauth_error (req, 400, "invalid_request", "Missing required parameter: code");
      return;
    }
  if (redirect_uri == NULL)
    {
      nyl_sb_reply_oauth_error (req, 400, "invalid_request",
                                "Missing required parameter: redirect_uri");
      return;
    }
  /* Each code works once, even when the exchange fails. */
  if (!g_hash_table_steal_extended (self->codes, code, &key, &value))
    {
      nyl_sb_reply_oauth_error (req, 400, "invalid_grant",
                                "The code is invalid, expired or already used");
      return;
    }
  g_free (key);
  flow = value;

  if (!g_str_equal (flow->app_id, app->application_id) || flow->expires <= nyl_sb_now ())
    nyl_sb_reply_oauth_error (req, 400, "invalid_grant",
                              "The code is invalid, expired or already used");
  else if (!g_str_equal (flow->redirect_uri, redirect_uri))
    nyl_sb_reply_oauth_error (req, 400, "invalid_grant",
                              "redirect_uri does not match the authorization request");
  else if (!secret_ok && (flow->code_challenge == NULL || verifier == NULL))
    nyl_sb_reply_oauth_error (req, 401, "invalid_client",
                              "client_secret is required without PKCE");
  else if (!pkce_matches (flow, verifier))
    nyl_sb_reply_oauth_error (req, 400, "invalid_grant", "code_verifier does not match");
  if (req->replied)
    {
      flow_free (flow);
      return;
    }

  if (flow->scope != NULL)
    {
      scope = g_strsplit (flow->scope, " ", -1);
    }
  else
    {
      NylSbConnector *connector = nyl_sb_connector_find (app, flow->provider);

      scope = g_strdupv (connector ? connector->scope : NULL);
      if (scope == NULL)
        scope = g_new0 (char *, 1);
    }

  /* Re-authenticating an existing account keeps its grant. */
  if (nyl_sb_grant_find (app, flow->email, &grant) && g_str_equal (grant.provider, flow->provider))
    {
      record = nyl_sb_grant_materialize (app, grant.slot);
      trigger = "grant.updated";
    }
  else
    {
      record = nyl_sb_grant_add (self->state, app, flow->provider, flow->email);
      trigger = "grant.created";
    }
  record->valid = TRUE;
  record->updated_at = MAX (nyl_sb_now (), record->updated_at + 1);
  g_strfreev (record->scope);
  record->scope = g_strdupv (scope);
  g_free (record->state);
  record->state = g_strdup (flow->state);
  g_free (record->credential_id);
  record->credential_id = g_strdup (flow->credential_id);
  g_free (record->ip);
  record->ip = g_strdup (soup_server_message_get_remote_host (req->msg));
  g_free (record->user_agent);
  record->user_agent = g_strdup (soup_message_headers_get_one (
                                   soup_server_message_get_request_headers (req->msg),
                                   "User-Agent"));
  nyl_sb_grants_changed (app);
  nyl_sb_changed (self);

  nyl_sb_grant_get (app, record->slot, &grant);
  object = nyl_sb_grant_notification_object (app, &grant, trigger);
  if (g_str_equal (trigger, "grant.updated"))
    json_object_set_boolean_member (object, "reauthentication_flag", TRUE);
  nyl_sb_webhooks_notify (self, app, trigger, object);
  json_object_unref (object);

  scope_text = g_strjoinv (" ", scope);
  reply_tokens (req, app, grant.id, flow->email, flow->provider, scope_text,
                g_strcmp0 (flow->access_type, "offline") == 0, NULL);
  flow_free (flow);
}

static void
connect_token (NylSbRequest *req)
{
  NylSandbox *self = req->sandbox;
  g_autoptr(JsonObject) body = NULL;
  const char *grant_type, *client_id;
  NylSbApp *app;
  gboolean form, secret_ok;

  if (!nyl_sb_method_is (req, "POST"))
    {
      nyl_sb_reply_oauth_error (req, 405, "invalid_request", "Use POST");
      return;
    }
  body = token_body (req, &form);
  if (body == NULL)
    {
      nyl_sb_reply_oauth_error (req, 400, "invalid_request",
                                "The body must be JSON or application/x-www-form-urlencoded");
      return;
    }

  grant_type = param (body, "grant_type");
  client_id = param (body, "client_id");
  if (grant_type == NULL)
    {
      nyl_sb_reply_oauth_error (req, 400, "invalid_request",
                                "Missing required parameter: grant_type");
      return;
    }
  if (client_id == NULL)
    {
      nyl_sb_reply_oauth_error (req, 400, "invalid_request",
                                "Missing required parameter: client_id");
      return;
    }
  app = nyl_sb_state_find_app (self->state, client_id);
  if (app == NULL || !g_str_equal (app->region, req->host == 1 ? "eu" : "us"))
    {
      nyl_sb_reply_oauth_error (req, 401, "invalid_client", "Unknown client_id");
      return;
    }
  secret_ok = client_secret_ok (self, app, param (body, "client_secret"));
  if (param (body, "client_secret") != NULL && !secret_ok)
    {
      nyl_sb_reply_oauth_error (req, 401, "invalid_client", "client_secret is not valid");
      return;
    }

  if (g_str_equal (grant_type, "authorization_code"))
    {
      exchange_code (req, app, body, secret_ok);
      return;
    }

  if (!secret_ok)
    {
      nyl_sb_reply_oauth_error (req, 400, "invalid_request",
                                "Missing required parameter: client_secret");
      return;
    }

  if (g_str_equal (grant_type, "refresh_token"))
    {
      const char *refresh = param (body, "refresh_token");
      Token *t = refresh ? g_hash_table_lookup (self->tokens, refresh) : NULL;
      NylSbGrant grant;

      if (refresh == NULL)
        nyl_sb_reply_oauth_error (req, 400, "invalid_request",
                                  "Missing required parameter: refresh_token");
      else if (t == NULL || t->kind != TOKEN_REFRESH || !g_str_equal (t->app_id, client_id) ||
               !nyl_sb_grant_find (app, t->grant_id, &grant))
        nyl_sb_reply_oauth_error (req, 400, "invalid_grant", "The refresh token is not valid");
      else
        {
          g_autofree char *scope = g_strjoinv (" ", (char **) grant.scope);
          g_autofree char *email = g_strdup (t->email);
          g_autofree char *grant_id = g_strdup (t->grant_id);

          reply_tokens (req, app, grant_id, email, NULL, scope, FALSE, refresh);
        }
      return;
    }

  if (g_str_equal (grant_type, "client_credentials"))
    {
      const char *grant_id = param (body, "grant_id");
      NylSbGrant grant;

      if (grant_id == NULL)
        nyl_sb_reply_oauth_error (req, 400, "invalid_request",
                                  "Missing required parameter: grant_id");
      else if (!nyl_sb_grant_find (app, grant_id, &grant))
        nyl_sb_reply_oauth_error (req, 400, "invalid_grant", "Unknown grant_id");
      else
        {
          g_autofree char *scope = g_strjoinv (" ", (char **) grant.scope);

          reply_tokens (req, app, grant.id, grant.email, NULL, scope, FALSE, NULL);
        }
      return;
    }

  nyl_sb_reply_oauth_error (req, 400, "unsupported_grant_type",
                            "grant_type must be authorization_code, refresh_token or "
                            "client_credentials");
}

static void
connect_revoke (NylSbRequest *req)
{
  NylSandbox *self = req->sandbox;
  const char *token = nyl_sb_query (req, "token");
  Token *t;
  g_autofree char *family = NULL;
  GHashTableIter iter;
  gpointer key, value;
  JsonNode *node;

  if (!nyl_sb_method_is (req, "POST"))
    {
      nyl_sb_reply_oauth_error (req, 405, "invalid_request", "Use POST");
      return;
    }
  if (token == NULL || token[0] == '\0')
    {
      nyl_sb_reply_oauth_error (req, 400, "invalid_request", "Missing required parameter: token");
      return;
    }

  /* An access token takes its refresh token (and that one's other children) with it. */
  t = g_hash_table_lookup (self->tokens, token);
  if (t != NULL)
    {
      family = g_strdup (t->kind == TOKEN_ACCESS && t->parent ? t->parent : token);
      g_hash_table_remove (self->tokens, token);
      g_hash_table_remove (self->tokens, family);
      g_hash_table_iter_init (&iter, self->tokens);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          Token *other = value;

          if (g_strcmp0 (other->parent, family) == 0)
            g_hash_table_iter_remove (&iter);
        }
    }

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, json_object_new ());
  nyl_sb_reply_json (req, 200, node);
}

static void
connect_tokeninfo (NylSbRequest *req)
{
  NylSandbox *self = req->sandbox;
  const char *token = nyl_sb_query (req, "access_token");
  Token *t;
  JsonObject *o;
  JsonNode *node;

  if (token == NULL)
    token = nyl_sb_query (req, "id_token");
  t = token ? g_hash_table_lookup (self->tokens, token) : NULL;
  if (t == NULL || t->kind == TOKEN_REFRESH || (t->expires != 0 && t->expires <= nyl_sb_now ()))
    {
      nyl_sb_reply_error (req, 400, "api.invalid_request_error",
                          "access_token or id_token is missing, unknown or expired");
      return;
    }

  o = json_object_new ();
  json_object_set_string_member (o, "iss", self->urls[0]);
  json_object_set_string_member (o, "aud", t->app_id);
  json_object_set_string_member (o, "sub", t->grant_id);
  if (t->email != NULL)
    json_object_set_string_member (o, "email", t->email);
  json_object_set_int_member (o, "iat", t->issued);
  json_object_set_int_member (o, "exp", t->expires);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, o);
  nyl_sb_reply_data (req, 200, node);
}

void
nyl_sb_handle_connect (NylSbRequest *req)
{
  const char *what = req->n_segs >= 3 ? req->segs[2] : "";

  if (g_str_equal (what, "auth") && req->n_segs == 3)
    {
      if (nyl_sb_method_is (req, "GET"))
        connect_auth (req);
      else
        nyl_sb_reply_bad_method (req);
    }
  else if (g_str_equal (what, "auth") && req->n_segs == 4 && g_str_equal (req->segs[3], "decide"))
    {
      if (nyl_sb_method_is (req, "GET"))
        connect_decide (req);
      else
        nyl_sb_reply_bad_method (req);
    }
  else if (g_str_equal (what, "token") && req->n_segs == 3)
    connect_token (req);
  else if (g_str_equal (what, "revoke") && req->n_segs == 3)
    connect_revoke (req);
  else if (g_str_equal (what, "tokeninfo") && req->n_segs == 3)
    connect_tokeninfo (req);
  else
    nyl_sb_reply_not_found (req, "Route");
}
