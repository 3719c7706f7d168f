/* nyl-sandbox-state.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-sandbox-state"

#include "config.h"

#include "nyl-sandbox-state.h"

#include <stdlib.h>
#include <string.h>

#include "nyl-api-error.h"
#include "nyl-canonical-json.h"

#define DAY (24 * 3600)
#define STATE_VERSION 1

const char * const nyl_sb_domain_types[7] = {
  "ownership", "mx", "spf", "feedback", "dkim", "dmarc", "arc",
};

struct _NylSbGrantView
{
  char     *key;
  guint     generation;
  guint32  *slots;
  guint     n_slots;
};

/* splitmix64: the one source of every seeded value. */
static inline guint64
mix (guint64 x)
{
  x += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return x ^ (x >> 31);
}

static void
format_uuid (guint64 a,
             guint64 b,
             char    out[37])
{
  g_snprintf (out, 37, "%08x-%04x-4%03x-%04x-%012" G_GINT64_MODIFIER "x",
              (guint) (a >> 32), (guint) ((a >> 16) & 0xffff), (guint) (a & 0xfff),
              (guint) (0x8000 | ((b >> 48) & 0x3fff)), b & G_GUINT64_CONSTANT (0xffffffffffff));
}

static char *
seeded_uuid (guint64 seed,
             guint64 what)
{
  char out[37];

  format_uuid (mix (seed ^ mix (what)), mix (seed + mix (what ^ 0x5bd1e995)), out);
  return g_strdup (out);
}

static const char alnum[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

static char *
seeded_token (guint64     seed,
              guint64     what,
              const char *prefix,
              guint       length)
{
  GString *out = g_string_new (prefix);
  guint64 state = mix (seed ^ mix (what ^ G_GUINT64_CONSTANT (0x27d4eb2f165667c5)));
  guint64 h = 0;

  for (guint i = 0; i < length; i++)
    {
      if (i % 8 == 0)
        h = state = mix (state + i);
      g_string_append_c (out, alnum[(h & 0xff) % 62]);
      h >>= 8;
    }

  return g_string_free (out, FALSE);
}

char *
nyl_sb_state_new_uuid (NylSbState *self)
{
  return seeded_uuid (self->seed, G_GUINT64_CONSTANT (0x1000000000) + self->counter++);
}

char *
nyl_sb_state_new_token (NylSbState *self,
                        const char *prefix,
                        guint       length)
{
  return seeded_token (self->seed, G_GUINT64_CONSTANT (0x2000000000) + self->counter++, prefix,
                       length);
}

char *
nyl_sb_state_seeded_api_key (NylSbState *self,
                             guint       app_index,
                             guint       n)
{
  return seeded_token (self->seed, 0x3000 + app_index * 16 + n, "nyk_v0_", 48);
}

char *
nyl_sb_sha256_hex (const char *data,
                   gssize      length)
{
  if (length < 0)
    length = strlen (data);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

/* ---- object helpers ---------------------------------------------------------------------- */

void
nyl_sb_redirect_uri_free (gpointer data)
{
  NylSbRedirectUri *uri = data;

  g_free (uri->id);
  g_free (uri->url);
  g_free (uri->platform);
  g_clear_pointer (&uri->settings, json_object_unref);
  g_free (uri);
}

void
nyl_sb_api_key_free (gpointer data)
{
  NylSbApiKey *key = data;

  g_free (key->id);
  g_free (key->name);
  g_free (key->secret_hash);
  g_strfreev (key->permissions);
  g_free (key);
}

void
nyl_sb_credential_free (gpointer data)
{
  NylSbCredential *cred = data;

  g_free (cred->id);
  g_free (cred->name);
  g_free (cred->credential_type);
  g_free (cred->hashed_data);
  g_free (cred);
}

void
nyl_sb_connector_free (gpointer data)
{
  NylSbConnector *connector = data;

  g_free (connector->provider);
  g_free (connector->name);
  g_clear_pointer (&connector->settings, json_object_unref);
  g_strfreev (connector->scope);
  g_free (connector->active_credential_id);
  g_ptr_array_unref (connector->credentials);
  g_free (connector);
}

void
nyl_sb_webhook_free (gpointer data)
{
  NylSbWebhook *webhook = data;

  g_free (webhook->id);
  g_free (webhook->description);
  g_strfreev (webhook->trigger_types);
  g_free (webhook->webhook_url);
  g_free (webhook->status);
  g_strfreev (webhook->notification_email_addresses);
  g_free (webhook->secret);
  g_free (webhook);
}

void
nyl_sb_domain_free (gpointer data)
{
  NylSbDomain *domain = data;

  g_free (domain->id);
  g_free (domain->name);
  g_free (domain->domain_address);
  g_free (domain->organization_id);
  g_free (domain->region);
  g_free (domain);
}

void
nyl_sb_grant_record_free (gpointer data)
{
  NylSbGrantRecord *record = data;

  g_free (record->id);
  g_free (record->provider);
  g_free (record->email);
  g_free (record->name);
  g_strfreev (record->scope);
  g_free (record->user_agent);
  g_free (record->ip);
  g_free (record->state);
  g_free (record->provider_user_id);
  g_free (record->credential_id);
  g_free (record->workspace_id);
  g_free (record->account_id);
  g_clear_pointer (&record->settings, json_object_unref);
  g_free (record);
}

static void
invalidation_free (gpointer data)
{
  NylSbInvalidation *inv = data;

  g_free (inv->provider);
  g_free (inv);
}

static void
view_free (gpointer data)
{
  NylSbGrantView *view = data;

  g_free (view->key);
  g_free (view->slots);
  g_free (view);
}

static void
app_free (gpointer data)
{
  NylSbApp *app = data;

  g_free (app->application_id);
  g_free (app->organization_id);
  g_free (app->region);
  g_free (app->environment);
  g_free (app->default_workspace_id);
  g_free (app->second_workspace_id);
  g_free (app->v2_application_id);
  g_free (app->domain);
  g_clear_pointer (&app->branding, json_object_unref);
  g_clear_pointer (&app->hosted_authentication, json_object_unref);
  g_clear_pointer (&app->idp_settings, json_object_unref);
  g_clear_pointer (&app->additional_settings, json_object_unref);
  g_ptr_array_unref (app->redirect_uris);
  g_ptr_array_unref (app->api_keys);
  g_ptr_array_unref (app->connectors);
  g_ptr_array_unref (app->webhooks);
  g_hash_table_unref (app->grant_records);
  g_hash_table_unref (app->deleted_grants);
  g_ptr_array_unref (app->invalidations);
  g_hash_table_unref (app->deleted_credentials);
  g_free (app->seeded_credentials[0]);
  g_free (app->seeded_credentials[1]);
  g_ptr_array_unref (app->views);
  g_free (app);
}

static NylSbApp *
app_new (void)
{
  NylSbApp *app = g_new0 (NylSbApp, 1);

  app->redirect_uris = g_ptr_array_new_with_free_func (nyl_sb_redirect_uri_free);
  app->api_keys = g_ptr_array_new_with_free_func (nyl_sb_api_key_free);
  app->connectors = g_ptr_array_new_with_free_func (nyl_sb_connector_free);
  app->webhooks = g_ptr_array_new_with_free_func (nyl_sb_webhook_free);
  app->grant_records = g_hash_table_new_full (NULL, NULL, NULL, nyl_sb_grant_record_free);
  app->deleted_grants = g_hash_table_new (NULL, NULL);
  app->invalidations = g_ptr_array_new_with_free_func (invalidation_free);
  app->deleted_credentials = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  app->views = g_ptr_array_new_with_free_func (view_free);
  return app;
}

void
nyl_sb_state_free (NylSbState *self)
{
  if (self == NULL)
    return;

  g_free (self->organization_id);
  g_free (self->service_account_key_id);
  g_ptr_array_unref (self->apps);
  g_ptr_array_unref (self->domains);
  g_hash_table_unref (self->key_index);
  g_hash_table_unref (self->key_apps);
  g_free (self);
}

static NylSbState *
state_new (void)
{
  NylSbState *self = g_new0 (NylSbState, 1);

  self->apps = g_ptr_array_new_with_free_func (app_free);
  self->domains = g_ptr_array_new_with_free_func (nyl_sb_domain_free);
  self->key_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->key_apps = g_hash_table_new (NULL, NULL);
  return self;
}

void
nyl_sb_state_index_keys (NylSbState *self)
{
  g_hash_table_remove_all (self->key_index);
  g_hash_table_remove_all (self->key_apps);

  for (guint i = 0; i < self->apps->len; i++)
    {
      NylSbApp *app = g_ptr_array_index (self->apps, i);

      for (guint k = 0; k < app->api_keys->len; k++)
        {
          NylSbApiKey *key = g_ptr_array_index (app->api_keys, k);

          g_hash_table_insert (self->key_index, key->secret_hash, key);
          g_hash_table_insert (self->key_apps, key, app);
        }
    }
}

NylSbApiKey *
nyl_sb_state_find_key (NylSbState  *self,
                       const char  *key,
                       NylSbApp   **app)
{
  g_autofree char *hash = nyl_sb_sha256_hex (key, -1);
  NylSbApiKey *found = g_hash_table_lookup (self->key_index, hash);

  if (app != NULL)
    *app = found != NULL ? g_hash_table_lookup (self->key_apps, found) : NULL;
  return found;
}

/* The element of @array whose string member at @offset equals @key, or NULL. */
static gpointer
find_by_key (GPtrArray  *array,
             gsize       offset,
             const char *key)
{
  for (guint i = 0; key != NULL && i < array->len; i++)
    {
      gpointer element = g_ptr_array_index (array, i);

      if (g_str_equal (G_STRUCT_MEMBER (const char *, element, offset), key))
        return element;
    }
  return NULL;
}

NylSbApp *
nyl_sb_state_find_app (NylSbState *self,
                       const char *application_id)
{
  return find_by_key (self->apps, G_STRUCT_OFFSET (NylSbApp, application_id), application_id);
}

NylSbDomain *
nyl_sb_state_find_domain (NylSbState *self,
                          const char *id)
{
  return find_by_key (self->domains, G_STRUCT_OFFSET (NylSbDomain, id), id);
}

NylSbRedirectUri *
nyl_sb_redirect_uri_find (NylSbApp   *app,
                          const char *id)
{
  return find_by_key (app->redirect_uris, G_STRUCT_OFFSET (NylSbRedirectUri, id), id);
}

NylSbConnector *
nyl_sb_connector_find (NylSbApp   *app,
                       const char *provider)
{
  return find_by_key (app->connectors, G_STRUCT_OFFSET (NylSbConnector, provider), provider);
}

NylSbCredential *
nyl_sb_credential_find (NylSbConnector *connector,
                        const char     *id)
{
  return find_by_key (connector->credentials, G_STRUCT_OFFSET (NylSbCredential, id), id);
}

NylSbWebhook *
nyl_sb_webhook_find (NylSbApp   *app,
                     const char *id)
{
  return find_by_key (app->webhooks, G_STRUCT_OFFSET (NylSbWebhook, id), id);
}

NylSbApiKey *
nyl_sb_api_key_find (NylSbApp   *app,
                     const char *id)
{
  return find_by_key (app->api_keys, G_STRUCT_OFFSET (NylSbApiKey, id), id);
}

/* ---- JSON helpers ------------------------------------------------------------------------ */

const char *
nyl_sb_json_string (JsonObject *object,
                    const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

char **
nyl_sb_json_strv (JsonObject *object,
                  const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  GPtrArray *out;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  array = json_node_get_array (node);
  out = g_ptr_array_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        {
          g_ptr_array_add (out, g_strdup (json_node_get_string (element)));
        }
      else
        {
          g_ptr_array_free (out, TRUE);
          return NULL;
        }
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

JsonArray *
nyl_sb_strv_to_json_array (const char * const *strv)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  return array;
}

JsonObject *
nyl_sb_json_object_copy (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) copy = NULL;

  if (object == NULL)
    return NULL;

  json_node_set_object (node, object);
  copy = json_node_copy (node);
  return json_object_ref (json_node_get_object (copy));
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert (node != NULL && JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

static void
set_object_copy (JsonObject *target,
                 const char *member,
                 JsonObject *value)
{
  if (value != NULL)
    json_object_set_object_member (target, member, nyl_sb_json_object_copy (value));
}

static void
set_strv (JsonObject         *target,
          const char         *member,
          const char * const *strv)
{
  json_object_set_array_member (target, member, nyl_sb_strv_to_json_array (strv));
}

/* ---- seeding ----------------------------------------------------------------------------- */

static const char * const first_names[] = {
  "alex", "blake", "casey", "dana", "eli", "frances", "gabriel", "harper", "indira", "jordan",
  "kai", "lena", "marco", "nadia", "omar", "priya", "quinn", "rosa", "sami", "tariq",
  "uma", "viktor", "wen", "yara",
};

static const char * const last_names[] = {
  "abara", "berg", "castro", "dube", "eriksen", "fontaine", "garcia", "haddad", "ito", "jensen",
  "kowalski", "lindqvist", "moreau", "nakamura", "okafor", "petrov", "quiroga", "rossi", "silva",
  "tanaka", "ueda", "varga", "weber", "zhang",
};

static const char * const google_domains[] = { "gmail.example", "acme.example", "globex.example" };
static const char * const microsoft_domains[] = {
  "outlook.example", "contoso.example", "fabrikam.example",
};
static const char * const imap_domains[] = { "fastmail.example", "mailbox.example" };

static const char * const google_scope[] = {
  "https://www.googleapis.com/auth/userinfo.email",
  "https://www.googleapis.com/auth/userinfo.profile",
  "https://www.googleapis.com/auth/gmail.modify",
  "https://www.googleapis.com/auth/calendar",
  NULL,
};
static const char * const microsoft_scope[] = {
  "Mail.ReadWrite", "Calendars.ReadWrite", "User.Read", "offline_access", NULL,
};
static const char * const imap_scope[] = { "email", "calendar", NULL };

static const char * const user_agents[] = {
  "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
};

static guint64
grant_mask (NylSbApp *app)
{
  return mix (app->grant_seed ^ 0x6a09e667f3bcc908) & G_GUINT64_CONSTANT (0xffffffffffff);
}

static void
grant_id (NylSbApp *app,
          guint32   slot,
          char      out[40])
{
  guint64 a = mix (app->grant_seed ^ mix (slot));
  guint64 tail = (slot ^ grant_mask (app)) & G_GUINT64_CONSTANT (0xffffffffffff);
  guint64 b = (mix (a) & G_GUINT64_CONSTANT (0xffff000000000000)) | tail;

  format_uuid (a, b, out);
}

static gint64
seeded_spacing (NylSbApp *app,
                gint64    anchor_span)
{
  return MAX (2, anchor_span / MAX (1, (gint64) app->n_seeded));
}

static void
seeded_fill (NylSbApp   *app,
             guint32     slot,
             gboolean    strings,
             NylSbGrant *grant)
{
  guint64 h0 = mix (app->grant_seed ^ (G_GUINT64_CONSTANT (0x100000000) + slot));
  guint64 h1 = mix (h0);
  guint64 h2 = mix (h1);
  gint64 span = 3 * 365 * (gint64) DAY;
  gint64 spacing = seeded_spacing (app, span);
  gint64 base = app->created_at + DAY;
  guint pick = h0 % 100;

  grant->slot = slot;
  grant->provider = pick < 50 ? "google" : pick < 85 ? "microsoft" : "imap";
  grant->valid = (h1 % 10) != 0;
  grant->created_at = base + (gint64) slot * spacing + (gint64) ((h1 >> 8) % (guint64) spacing);
  grant->updated_at = MAX (grant->created_at,
                           MIN (grant->created_at + (gint64) ((h1 >> 24) % (30 * DAY)),
                                base + span));
  grant->state = NULL;
  grant->settings = NULL;
  grant->blocked = FALSE;
  grant->workspace_id = (h2 % 4) == 0 ? app->second_workspace_id : app->default_workspace_id;
  grant->credential_id = NULL;
  if (g_str_equal (grant->provider, "google") && (h2 >> 8) % 100 < 10)
    grant->credential_id = app->seeded_credentials[0];
  else if (g_str_equal (grant->provider, "microsoft") && (h2 >> 8) % 100 < 15)
    grant->credential_id = app->seeded_credentials[1];

  if (g_str_equal (grant->provider, "google"))
    grant->scope = google_scope;
  else if (g_str_equal (grant->provider, "microsoft"))
    grant->scope = microsoft_scope;
  else
    grant->scope = imap_scope;
  grant->user_agent = user_agents[(h2 >> 16) % G_N_ELEMENTS (user_agents)];

  grant->account_id[0] = '\0';
  if ((h2 >> 24) % 20 == 0)
    {
      guint64 state = h2, h = 0;

      /* A v2 account ID: 25 characters, written in place (no allocation per grant). */
      for (guint i = 0; i < 25; i++)
        {
          if (i % 8 == 0)
            h = state = mix (state + i);
          grant->account_id[i] = alnum[(h & 0xff) % 62];
          h >>= 8;
        }
      grant->account_id[25] = '\0';
    }

  if (strings)
    {
      const char *first = first_names[(h0 >> 8) % G_N_ELEMENTS (first_names)];
      const char *last = last_names[(h0 >> 16) % G_N_ELEMENTS (last_names)];
      const char *domain;

      if (g_str_equal (grant->provider, "google"))
        domain = google_domains[(h0 >> 24) % G_N_ELEMENTS (google_domains)];
      else if (g_str_equal (grant->provider, "microsoft"))
        domain = microsoft_domains[(h0 >> 24) % G_N_ELEMENTS (microsoft_domains)];
      else
        domain = imap_domains[(h0 >> 24) % G_N_ELEMENTS (imap_domains)];

      grant_id (app, slot, grant->id);
      g_snprintf (grant->email, sizeof grant->email, "%s.%s%u@%s", first, last, slot, domain);
      g_snprintf (grant->name, sizeof grant->name, "%c%s %c%s", g_ascii_toupper (first[0]),
                  first + 1, g_ascii_toupper (last[0]), last + 1);
      g_snprintf (grant->ip, sizeof grant->ip, "%s.%u",
                  (h2 >> 32) % 2 ? "198.51.100" : "203.0.113", (guint) ((h2 >> 40) % 254) + 1);
      if (g_str_equal (grant->provider, "google"))
        g_snprintf (grant->provider_user_id, sizeof grant->provider_user_id,
                    "1%020" G_GUINT64_FORMAT,
                    (h2 >> 1) % G_GUINT64_CONSTANT (100000000000000000));
      else if (g_str_equal (grant->provider, "microsoft"))
        format_uuid (h2, mix (h2), grant->provider_user_id);
      else
        g_strlcpy (grant->provider_user_id, grant->email, sizeof grant->provider_user_id);
    }
}

static void
record_fill (NylSbGrantRecord *record,
             NylSbGrant       *grant)
{
  grant->slot = record->slot;
  g_strlcpy (grant->id, record->id, sizeof grant->id);
  grant->provider = record->provider;
  grant->valid = record->valid;
  g_strlcpy (grant->email, record->email, sizeof grant->email);
  g_strlcpy (grant->name, record->name ? record->name : "", sizeof grant->name);
  grant->scope = (const char * const *) record->scope;
  grant->user_agent = record->user_agent;
  g_strlcpy (grant->ip, record->ip ? record->ip : "", sizeof grant->ip);
  grant->state = record->state;
  grant->created_at = record->created_at;
  grant->updated_at = record->updated_at;
  g_strlcpy (grant->provider_user_id, record->provider_user_id ? record->provider_user_id : "",
             sizeof grant->provider_user_id);
  grant->credential_id = record->credential_id;
  grant->workspace_id = record->workspace_id;
  g_strlcpy (grant->account_id, record->account_id ? record->account_id : "",
             sizeof grant->account_id);
  grant->settings = record->settings;
  grant->blocked = record->blocked;
}

static gboolean
grant_fill (NylSbApp   *app,
            guint32     slot,
            gboolean    strings,
            NylSbGrant *grant)
{
  NylSbGrantRecord *record;

  if (slot >= app->next_slot || g_hash_table_contains (app->deleted_grants,
                                                       GUINT_TO_POINTER (slot)))
    return FALSE;

  record = g_hash_table_lookup (app->grant_records, GUINT_TO_POINTER (slot));
  if (record != NULL)
    record_fill (record, grant);
  else if (slot < app->n_seeded)
    seeded_fill (app, slot, strings, grant);
  else
    return FALSE;

  for (guint i = 0; i < app->invalidations->len; i++)
    {
      NylSbInvalidation *inv = g_ptr_array_index (app->invalidations, i);

      if (slot < inv->below && g_str_equal (inv->provider, grant->provider) &&
          grant->updated_at <= inv->at)
        {
          grant->valid = FALSE;
          grant->updated_at = inv->at;
        }
    }

  if (grant->credential_id != NULL &&
      g_hash_table_contains (app->deleted_credentials, grant->credential_id))
    grant->valid = FALSE;

  return TRUE;
}

gboolean
nyl_sb_grant_get (NylSbApp   *app,
                  guint32     slot,
                  NylSbGrant *grant)
{
  return grant_fill (app, slot, TRUE, grant);
}

gboolean
nyl_sb_grant_find (NylSbApp   *app,
                   const char *id_or_email,
                   NylSbGrant *grant)
{
  const char *id = id_or_email;

  if (g_str_has_prefix (id, "grant:"))
    id += strlen ("grant:");

  if (strlen (id) == 36 && id[23] == '-')
    {
      guint64 tail = g_ascii_strtoull (id + 24, NULL, 16);
      guint64 slot = (tail ^ grant_mask (app)) & G_GUINT64_CONSTANT (0xffffffffffff);

      if (slot < app->next_slot && grant_fill (app, (guint32) slot, TRUE, grant) &&
          g_ascii_strcasecmp (grant->id, id) == 0)
        return TRUE;
      return FALSE;
    }

  if (g_str_has_prefix (id, "email:"))
    id += strlen ("email:");

  if (strchr (id, '@') != NULL)
    {
      for (guint32 slot = 0; slot < app->next_slot; slot++)
        {
          if (grant_fill (app, slot, TRUE, grant) && g_ascii_strcasecmp (grant->email, id) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

NylSbGrantRecord *
nyl_sb_grant_materialize (NylSbApp *app,
                          guint32   slot)
{
  NylSbGrantRecord *record = g_hash_table_lookup (app->grant_records, GUINT_TO_POINTER (slot));
  NylSbGrant grant;

  if (record != NULL)
    return record;

  if (!grant_fill (app, slot, TRUE, &grant))
    return NULL;

  record = g_new0 (NylSbGrantRecord, 1);
  record->slot = slot;
  record->id = g_strdup (grant.id);
  record->provider = g_strdup (grant.provider);
  record->valid = grant.valid;
  record->email = g_strdup (grant.email);
  record->name = g_strdup (grant.name);
  record->scope = g_strdupv ((char **) grant.scope);
  record->user_agent = g_strdup (grant.user_agent);
  record->ip = g_strdup (grant.ip);
  record->state = g_strdup (grant.state);
  record->created_at = grant.created_at;
  record->updated_at = grant.updated_at;
  record->provider_user_id = g_strdup (grant.provider_user_id);
  record->credential_id = g_strdup (grant.credential_id);
  record->workspace_id = g_strdup (grant.workspace_id);
  record->account_id = grant.account_id[0] ? g_strdup (grant.account_id) : NULL;
  record->settings = grant.settings ? nyl_sb_json_object_copy (grant.settings) : NULL;
  record->blocked = grant.blocked;
  g_hash_table_insert (app->grant_records, GUINT_TO_POINTER (slot), record);
  return record;
}

NylSbGrantRecord *
nyl_sb_grant_add (NylSbState *state,
                  NylSbApp   *app,
                  const char *provider,
                  const char *email)
{
  NylSbGrantRecord *record = g_new0 (NylSbGrantRecord, 1);
  char id[40];
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint64 h = mix (app->grant_seed ^ (G_GUINT64_CONSTANT (0x700000000) + app->next_slot));

  record->slot = app->next_slot++;
  grant_id (app, record->slot, id);
  record->id = g_strdup (id);
  record->provider = g_strdup (provider);
  record->valid = TRUE;
  record->email = g_strdup (email);
  record->name = g_strdup ("");
  record->scope = g_new0 (char *, 1);
  record->created_at = now;
  record->updated_at = now;
  if (g_str_equal (provider, "google") || g_str_equal (provider, "microsoft"))
    {
      char puid[40];

      format_uuid (h, mix (h), puid);
      record->provider_user_id = g_strdup (puid);
    }
  else
    {
      record->provider_user_id = g_strdup (email);
    }
  record->workspace_id = g_strdup (app->default_workspace_id);
  g_hash_table_insert (app->grant_records, GUINT_TO_POINTER (record->slot), record);
  nyl_sb_grants_changed (app);
  return record;
}

void
nyl_sb_grant_delete (NylSbApp *app,
                     guint32   slot)
{
  g_hash_table_remove (app->grant_records, GUINT_TO_POINTER (slot));
  g_hash_table_add (app->deleted_grants, GUINT_TO_POINTER (slot));
  nyl_sb_grants_changed (app);
}

void
nyl_sb_grants_changed (NylSbApp *app)
{
  app->generation++;
}

void
nyl_sb_grants_invalidate_provider (NylSbApp   *app,
                                   const char *provider,
                                   gint64      now)
{
  NylSbInvalidation *inv = g_new0 (NylSbInvalidation, 1);

  inv->provider = g_strdup (provider);
  inv->below = app->next_slot;
  inv->at = now;
  g_ptr_array_add (app->invalidations, inv);
  nyl_sb_grants_changed (app);
}

/* ---- grant queries ----------------------------------------------------------------------- */

static char *
filter_key (const NylSbGrantFilter *f)
{
  g_autofree char *ids = f->account_ids ? g_strjoinv (",", f->account_ids) : NULL;

  return g_strdup_printf ("%s|%s|%s|%s|%s|%s|%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%d|%d",
                          f->provider ? f->provider : "", f->grant_status ? f->grant_status : "",
                          f->email ? f->email : "", f->ip ? f->ip : "",
                          f->workspace_id ? f->workspace_id : "",
                          f->account_id ? f->account_id : "", ids ? ids : "",
                          f->since, f->before, f->sort_by, f->ascending);
}

typedef struct
{
  gint64  key;
  guint32 slot;
} SortItem;

static int
sort_item_compare (const void *a,
                   const void *b)
{
  const SortItem *x = a, *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->slot < y->slot ? -1 : x->slot > y->slot ? 1 : 0;
}

static gboolean
grant_matches (const NylSbGrantFilter *f,
               const NylSbGrant       *g)
{
  if (f->provider && !g_str_equal (f->provider, g->provider))
    return FALSE;
  if (f->grant_status && !g_str_equal (f->grant_status, g->valid ? "valid" : "invalid"))
    return FALSE;
  if (f->since && g->created_at < f->since)
    return FALSE;
  if (f->before && g->created_at > f->before)
    return FALSE;
  if (f->workspace_id && g_strcmp0 (f->workspace_id, g->workspace_id) != 0)
    return FALSE;
  if (f->email && g_ascii_strcasecmp (f->email, g->email) != 0)
    return FALSE;
  if (f->ip && !g_str_equal (f->ip, g->ip))
    return FALSE;
  if (f->account_id && !g_str_equal (f->account_id, g->account_id))
    return FALSE;
  if (f->account_ids && !g_strv_contains ((const char * const *) f->account_ids, g->account_id))
    return FALSE;
  return TRUE;
}

const guint32 *
nyl_sb_grants_query (NylSbApp               *app,
                     const NylSbGrantFilter *filter,
                     guint                  *n_slots)
{
  g_autofree char *key = filter_key (filter);
  gboolean strings = filter->email || filter->ip;
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (SortItem));
  NylSbGrantView *view;

  for (guint i = 0; i < app->views->len; i++)
    {
      view = g_ptr_array_index (app->views, i);
      if (view->generation == app->generation && g_str_equal (view->key, key))
        {
          *n_slots = view->n_slots;
          return view->slots;
        }
    }

  for (guint32 slot = 0; slot < app->next_slot; slot++)
    {
      NylSbGrant grant;
      SortItem item;

      if (!grant_fill (app, slot, strings, &grant) || !grant_matches (filter, &grant))
        continue;

      item.slot = slot;
      item.key = filter->sort_by == NYL_SB_SORT_UPDATED_AT ? grant.updated_at : grant.created_at;
      g_array_append_val (items, item);
    }

  /* Slots are in creation order already; only updated_at needs sorting. */
  if (filter->sort_by == NYL_SB_SORT_UPDATED_AT)
    qsort (items->data, items->len, sizeof (SortItem), sort_item_compare);

  view = g_new0 (NylSbGrantView, 1);
  view->key = g_steal_pointer (&key);
  view->generation = app->generation;
  view->n_slots = items->len;
  view->slots = g_new (guint32, MAX (1, items->len));
  for (guint i = 0; i < items->len; i++)
    {
      guint j = filter->ascending ? i : items->len - 1 - i;

      view->slots[i] = g_array_index (items, SortItem, j).slot;
    }

  /* A small cache: drop stale views, keep the newest few. */
  for (guint i = app->views->len; i > 0; i--)
    {
      NylSbGrantView *old = g_ptr_array_index (app->views, i - 1);

      if (old->generation != app->generation)
        g_ptr_array_remove_index (app->views, i - 1);
    }
  if (app->views->len >= 6)
    g_ptr_array_remove_index (app->views, 0);
  g_ptr_array_add (app->views, view);

  *n_slots = view->n_slots;
  return view->slots;
}

/* ---- API JSON ---------------------------------------------------------------------------- */

static gboolean
is_secret_member (const char *name)
{
  return strstr (name, "secret") != NULL || strstr (name, "password") != NULL ||
         strstr (name, "token") != NULL || strstr (name, "private_key") != NULL;
}

static JsonObject *
strip_secrets (JsonObject *object)
{
  JsonObject *out = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &value))
    {
      if (!is_secret_member (name))
        json_object_set_member (out, name, json_node_copy (value));
    }
  return out;
}

JsonNode *
nyl_sb_redirect_uri_to_json (NylSbRedirectUri *uri)
{
  JsonObject *o = json_object_new ();

  json_object_set_string_member (o, "id", uri->id);
  json_object_set_string_member (o, "url", uri->url);
  json_object_set_string_member (o, "platform", uri->platform);
  set_object_copy (o, "settings", uri->settings);
  return object_node (o);
}

JsonNode *
nyl_sb_app_to_json (NylSbApp *app)
{
  JsonObject *o = json_object_new ();
  JsonArray *uris = json_array_new ();

  json_object_set_string_member (o, "application_id", app->application_id);
  json_object_set_string_member (o, "organization_id", app->organization_id);
  json_object_set_string_member (o, "region", app->region);
  json_object_set_string_member (o, "environment", app->environment);
  json_object_set_string_member (o, "default_workspace_id", app->default_workspace_id);
  json_object_set_string_member (o, "v2_application_id", app->v2_application_id);
  if (app->domain != NULL && app->domain[0] != '\0')
    json_object_set_string_member (o, "domain", app->domain);
  set_object_copy (o, "branding", app->branding);
  set_object_copy (o, "hosted_authentication", app->hosted_authentication);
  set_object_copy (o, "idp_settings", app->idp_settings);
  for (guint i = 0; i < app->redirect_uris->len; i++)
    json_array_add_element (uris,
                            nyl_sb_redirect_uri_to_json (g_ptr_array_index (app->redirect_uris,
                                                                                    i)));
  json_object_set_array_member (o, "callback_uris", uris);
  json_object_set_int_member (o, "created_at", app->created_at);
  json_object_set_int_member (o, "updated_at", app->updated_at);
  json_object_set_boolean_member (o, "blocked", FALSE);
  return object_node (o);
}

JsonNode *
nyl_sb_api_key_to_json (NylSbApiKey *key,
                        NylSbApp    *app,
                        gint64       now)
{
  JsonObject *o = json_object_new ();

  json_object_set_string_member (o, "id", key->id);
  json_object_set_string_member (o, "name", key->name);
  json_object_set_string_member (o, "application_id", app->application_id);
  set_strv (o, "permissions", (const char * const *) key->permissions);
  json_object_set_string_member (o, "status", key->expires_at > now ? "active" : "expired");
  json_object_set_int_member (o, "created_at", key->created_at);
  json_object_set_int_member (o, "updated_at", key->updated_at);
  json_object_set_int_member (o, "expires_at", key->expires_at);
  json_object_set_int_member (o, "expires_in", key->expires_at - key->created_at);
  return object_node (o);
}

JsonNode *
nyl_sb_connector_to_json (NylSbConnector *connector)
{
  JsonObject *o = json_object_new ();

  json_object_set_string_member (o, "name", connector->name);
  json_object_set_string_member (o, "provider", connector->provider);
  set_object_copy (o, "settings", connector->settings);
  set_strv (o, "scope", (const char * const *) connector->scope);
  if (connector->active_credential_id != NULL)
    json_object_set_string_member (o, "active_credential_id", connector->active_credential_id);
  return object_node (o);
}

JsonNode *
nyl_sb_credential_to_json (NylSbCredential *credential)
{
  JsonObject *o = json_object_new ();

  json_object_set_string_member (o, "id", credential->id);
  json_object_set_string_member (o, "name", credential->name);
  json_object_set_string_member (o, "credential_type", credential->credential_type);
  json_object_set_string_member (o, "hashed_data", credential->hashed_data);
  json_object_set_int_member (o, "created_at", credential->created_at);
  json_object_set_int_member (o, "updated_at", credential->updated_at);
  return object_node (o);
}

JsonNode *
nyl_sb_webhook_to_json (NylSbWebhook *webhook,
                        gboolean      with_secret)
{
  JsonObject *o = json_object_new ();

  json_object_set_string_member (o, "id", webhook->id);
  json_object_set_string_member (o, "description",
                                 webhook->description ? webhook->description : "");
  set_strv (o, "trigger_types", (const char * const *) webhook->trigger_types);
  json_object_set_string_member (o, "webhook_url", webhook->webhook_url);
  json_object_set_string_member (o, "status", webhook->status);
  set_strv (o, "notification_email_addresses",
            (const char * const *) webhook->notification_email_addresses);
  json_object_set_boolean_member (o, "compressed_delivery", webhook->compressed_delivery);
  json_object_set_int_member (o, "status_updated_at", webhook->status_updated_at);
  json_object_set_int_member (o, "created_at", webhook->created_at);
  json_object_set_int_member (o, "updated_at", webhook->updated_at);
  if (with_secret)
    json_object_set_string_member (o, "webhook_secret", webhook->secret);
  return object_node (o);
}

JsonNode *
nyl_sb_domain_to_json (NylSbDomain *domain)
{
  JsonObject *o = json_object_new ();

  json_object_set_string_member (o, "id", domain->id);
  json_object_set_string_member (o, "name", domain->name);
  json_object_set_string_member (o, "domain_address", domain->domain_address);
  json_object_set_string_member (o, "organization_id", domain->organization_id);
  json_object_set_boolean_member (o, "branded", domain->branded);
  json_object_set_string_member (o, "region", domain->region);
  for (guint i = 0; i < G_N_ELEMENTS (nyl_sb_domain_types); i++)
    {
      g_autofree char *member = g_strconcat ("verified_", nyl_sb_domain_types[i], NULL);

      json_object_set_boolean_member (o, member, domain->verified[i]);
    }
  json_object_set_int_member (o, "created_at", domain->created_at);
  json_object_set_int_member (o, "updated_at", domain->updated_at);
  return object_node (o);
}

/* The canonical JSON string literal of @str; most sandbox strings need no escaping, and are
 * appended in one go. */
static void
append_string (GString    *out,
               const char *str)
{
  const char *p;

  for (p = str; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 || *p == '"' || *p == '\\')
        {
          nyl_canonical_json_append_string (out, str);
          return;
        }
    }
  g_string_append_c (out, '"');
  g_string_append_len (out, str, p - str);
  g_string_append_c (out, '"');
}

static void
append_member (GString    *out,
               const char *name,
               const char *value)
{
  g_string_append_c (out, ',');
  append_string (out, name);
  g_string_append_c (out, ':');
  append_string (out, value);
}

static void
append_int_member (GString    *out,
                   const char *name,
                   gint64      value)
{
  char number[32];

  g_snprintf (number, sizeof number, ":%" G_GINT64_FORMAT, value);
  g_string_append_c (out, ',');
  append_string (out, name);
  g_string_append (out, number);
}

/* Grants are written straight to text: pages of 200 at 100,000s of grants must not allocate per
 * grant. */
void
nyl_sb_grant_append_json (const NylSbGrant *grant,
                          gboolean          expose_aliases,
                          GString          *out)
{
  g_string_append (out, "{\"id\":");
  append_string (out, grant->id);
  append_member (out, "provider", grant->provider);
  append_member (out, "grant_status", grant->valid ? "valid" : "invalid");
  append_member (out, "email", grant->email);
  if (grant->name[0] != '\0')
    append_member (out, "name", grant->name);
  g_string_append (out, ",\"scope\":[");
  for (guint i = 0; grant->scope != NULL && grant->scope[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_string (out, grant->scope[i]);
    }
  g_string_append_c (out, ']');
  if (grant->user_agent != NULL)
    append_member (out, "user_agent", grant->user_agent);
  if (grant->ip[0] != '\0')
    append_member (out, "ip", grant->ip);
  if (grant->state != NULL)
    append_member (out, "state", grant->state);
  append_int_member (out, "created_at", grant->created_at);
  append_int_member (out, "updated_at", grant->updated_at);
  if (grant->provider_user_id[0] != '\0')
    append_member (out, "provider_user_id", grant->provider_user_id);
  if (grant->credential_id != NULL)
    append_member (out, "credential_id", grant->credential_id);
  if (grant->workspace_id != NULL)
    append_member (out, "workspace_id", grant->workspace_id);
  if (grant->account_id[0] != '\0')
    append_member (out, "account_id", grant->account_id);
  if (grant->settings != NULL)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      g_autofree char *text = NULL;

      json_node_take_object (node, strip_secrets (grant->settings));
      text = json_to_string (node, FALSE);
      g_string_append (out, ",\"settings\":");
      g_string_append (out, text);
    }
  g_string_append (out, grant->blocked ? ",\"blocked\":true" : ",\"blocked\":false");
  if (expose_aliases &&
      (g_str_equal (grant->provider, "google") || g_str_equal (grant->provider, "microsoft")))
    {
      const char *at = strchr (grant->email, '@');

      g_string_append (out, ",\"email_aliases\":[");
      if (at != NULL)
        {
          g_autofree char *local = g_strndup (grant->email, at - grant->email);
          g_autofree char *alias = g_strdup_printf ("%s.alias@%s", local, at + 1);

          append_string (out, alias);
        }
      g_string_append_c (out, ']');
    }
  g_string_append_c (out, '}');
}

JsonNode *
nyl_sb_grant_to_json (const NylSbGrant *grant,
                      NylSbApp         *app,
                      gboolean          expose_aliases)
{
  g_autoptr(GString) out = g_string_new (NULL);
  JsonNode *node;

  nyl_sb_grant_append_json (grant, expose_aliases, out);
  node = json_from_string (out->str, NULL);
  g_assert (node != NULL);
  return node;
}

/* ---- the seed ---------------------------------------------------------------------------- */

static NylSbRedirectUri *
uri_new (NylSbState *state,
         const char *url,
         const char *platform,
         const char *settings)
{
  NylSbRedirectUri *uri = g_new0 (NylSbRedirectUri, 1);

  uri->id = nyl_sb_state_new_uuid (state);
  uri->url = g_strdup (url);
  uri->platform = g_strdup (platform);
  uri->settings = parse_object (settings ? settings : "{}");
  return uri;
}

static NylSbApiKey *
key_new (NylSbState *state,
         NylSbApp   *app,
         guint       n,
         const char *name,
         gint64      created_at,
         gint64      expires_at)
{
  NylSbApiKey *key = g_new0 (NylSbApiKey, 1);
  g_autofree char *secret = nyl_sb_state_seeded_api_key (state, app->index, n);
  const char *all[] = { "all", NULL };

  key->id = nyl_sb_state_new_uuid (state);
  key->name = g_strdup (name);
  key->secret_hash = nyl_sb_sha256_hex (secret, -1);
  key->permissions = g_strdupv ((char **) all);
  key->created_at = created_at;
  key->updated_at = created_at;
  key->expires_at = expires_at;
  return key;
}

static NylSbCredential *
cred_new (NylSbState *state,
          const char *name,
          const char *type,
          const char *data,
          gint64      created_at)
{
  NylSbCredential *cred = g_new0 (NylSbCredential, 1);

  cred->id = nyl_sb_state_new_uuid (state);
  cred->name = g_strdup (name);
  cred->credential_type = g_strdup (type);
  cred->hashed_data = nyl_sb_sha256_hex (data, -1);
  cred->created_at = created_at;
  cred->updated_at = created_at;
  return cred;
}

static NylSbConnector *
connector_new (const char         *provider,
               const char         *name,
               const char         *settings,
               const char * const *scope,
               gint64              created_at)
{
  NylSbConnector *connector = g_new0 (NylSbConnector, 1);

  connector->provider = g_strdup (provider);
  connector->name = g_strdup (name);
  connector->settings = parse_object (settings);
  connector->scope = g_strdupv ((char **) scope);
  connector->credentials = g_ptr_array_new_with_free_func (nyl_sb_credential_free);
  connector->created_at = created_at;
  connector->updated_at = created_at;
  return connector;
}

static NylSbWebhook *
webhook_new (NylSbState         *state,
             const char         *description,
             const char * const *triggers,
             const char         *url,
             const char         *status,
             const char * const *emails,
             gboolean            compressed,
             gint64              created_at)
{
  NylSbWebhook *webhook = g_new0 (NylSbWebhook, 1);

  webhook->id = nyl_sb_state_new_token (state, "", 26);
  webhook->description = g_strdup (description);
  webhook->trigger_types = g_strdupv ((char **) triggers);
  webhook->webhook_url = g_strdup (url);
  webhook->status = g_strdup (status);
  webhook->notification_email_addresses = g_strdupv ((char **) emails);
  webhook->compressed_delivery = compressed;
  webhook->secret = nyl_sb_state_new_token (state, "", 20);
  webhook->created_at = created_at;
  webhook->updated_at = created_at;
  webhook->status_updated_at = created_at;
  return webhook;
}

static const char * const grant_triggers[] = {
  "grant.created", "grant.updated", "grant.deleted", "grant.expired", NULL,
};
static const char * const mail_triggers[] = { "message.created", "message.updated", NULL };
static const char * const calendar_triggers[] = {
  "calendar.created", "event.created", "event.updated", "event.deleted", NULL,
};
static const char * const crm_triggers[] = { "contact.updated", "contact.deleted", NULL };
static const char * const ops_emails[] = { "ops@acme.example", "oncall@acme.example", NULL };
static const char * const dev_emails[] = { "dev@acme.example", NULL };
static const char * const no_strings[] = { NULL };

/* The seeded objects of the production and staging applications, in the order they get their
 * IDs. */
static const struct {
  gboolean    production;
  const char *url;
  const char *platform;
  const char *settings;
} seed_uris[] = {
  { TRUE, "https://app.acme.example/oauth/callback", "web", NULL },
  { TRUE, "http://localhost:9000/oauth/callback", "web", NULL },
  { TRUE, "http://127.0.0.1/callback", "desktop", NULL },
  { TRUE, "https://app.acme.example/auth/js", "js", "{\"origin\":\"app.acme.example\"}" },
  { TRUE, "com.acme.mail://oauth/callback", "ios",
    "{\"bundle_id\":\"com.acme.Mail\",\"app_store_id\":\"1234567890\","
    "\"team_id\":\"A1B2C3D4E5\"}" },
  { TRUE, "com.acme.mail://callback", "android",
    "{\"package_name\":\"com.acme.mail\","
    "\"sha1_certificate_fingerprint\":\"5E:8F:16:06:2E:A3:CD:2C:"
    "4A:0D:54:78:76:BA:A6:F3:8C:AB:F6:25\"}" },
  { FALSE, "https://staging.acme.example/oauth/callback", "web", NULL },
  { FALSE, "http://localhost:3000/callback", "web", NULL },
};

/* Days from the anchor. */
static const struct {
  gboolean    production;
  const char *name;
  int         created_days;
  int         expires_days;
} seed_keys[] = {
  { TRUE, "Sandbox default", -30, 335 },
  { TRUE, "CI pipeline", -85, 5 },
  { TRUE, "Legacy integration", -200, -20 },
  { FALSE, "Staging default", -10, 170 },
};

typedef struct
{
  gboolean            production;
  const char         *description;
  const char * const *triggers;
  const char         *url;
  const char         *status;
  const char * const *emails;
  gboolean            compressed;
  int                 created_days; /* before the anchor */
  gint64              status_age;   /* seconds since the status changed; 0: since creation */
} SeedWebhook;

static const SeedWebhook seed_webhooks[] = {
  { TRUE, "Grant lifecycle", grant_triggers, "https://hooks.acme.example/nylas/grants",
    "active", ops_emails, FALSE, 200, 0 },
  { TRUE, "Mail sync", mail_triggers, "https://hooks.acme.example/nylas/mail",
    "pause", dev_emails, FALSE, 150, 3 * DAY },
  { TRUE, "Calendar sync", calendar_triggers, "https://calendar-sync.globex.example/webhook",
    "failing", ops_emails, TRUE, 90, 6 * 3600 },
  { TRUE, "Legacy CRM", crm_triggers, "https://crm.initech.example/nylas",
    "failed", no_strings, FALSE, 500, 12 * DAY },
  { FALSE, "Staging grants", grant_triggers, "https://staging.acme.example/hooks/nylas",
    "active", dev_emails, FALSE, 9, 0 },
};

static void
seed_app (NylSbState *state,
          NylSbApp   *app,
          gboolean    production)
{
  gint64 t = state->anchor;
  NylSbConnector *google, *microsoft, *imap;
  NylSbCredential *cred;
  static const char * const google_connector_scope[] = {
    "https://www.googleapis.com/auth/userinfo.email",
    "https://www.googleapis.com/auth/userinfo.profile",
    "https://www.googleapis.com/auth/gmail.modify",
    "https://www.googleapis.com/auth/calendar",
    NULL,
  };

  /* Redirect URIs of several platforms. */
  for (guint i = 0; i < G_N_ELEMENTS (seed_uris); i++)
    if (seed_uris[i].production == production)
      g_ptr_array_add (app->redirect_uris,
                       uri_new (state, seed_uris[i].url, seed_uris[i].platform,
                                seed_uris[i].settings));

  /* API keys: one long-lived, one expiring within a week, one already expired. */
  for (guint i = 0, n = 0; i < G_N_ELEMENTS (seed_keys); i++)
    if (seed_keys[i].production == production)
      g_ptr_array_add (app->api_keys,
                       key_new (state, app, n++, seed_keys[i].name,
                                t + seed_keys[i].created_days * DAY,
                                t + seed_keys[i].expires_days * DAY));

  /* Connectors with credentials. */
  google = connector_new ("google", "Google",
                          production
                          ? "{\"client_id\":"
                            "\"123456789012-sandbox.apps.googleusercontent.example\","
                            "\"topic_name\":\"projects/acme-mail/topics/nylas-gmail\"}"
                          : "{\"client_id\":"
                            "\"210987654321-staging.apps.googleusercontent.example\"}",
                          google_connector_scope, t - 400 * DAY);
  cred = cred_new (state, "Workspace bulk auth", "serviceaccount",
                   "{\"client_email\":\"bulk@acme-mail.iam.example\"}", t - 390 * DAY);
  google->active_credential_id = g_strdup (cred->id);
  app->seeded_credentials[0] = g_strdup (cred->id);
  g_ptr_array_add (google->credentials, cred);
  g_ptr_array_add (google->credentials,
                   cred_new (state, "Marketing OAuth app", "connector",
                             "{\"client_id\":\"marketing\"}", t - 120 * DAY));
  g_ptr_array_add (app->connectors, google);

  microsoft = connector_new ("microsoft", "Microsoft",
                             "{\"client_id\":\"5f0c6e8a-0000-4000-8000-00000000a11c\","
                             "\"tenant\":\"common\"}",
                             microsoft_scope, t - 380 * DAY);
  cred = cred_new (state, "Contoso admin consent", "adminconsent",
                   "{\"tenant\":\"contoso.example\"}", t - 370 * DAY);
  microsoft->active_credential_id = g_strdup (cred->id);
  app->seeded_credentials[1] = g_strdup (cred->id);
  g_ptr_array_add (microsoft->credentials, cred);
  if (production)
    g_ptr_array_add (microsoft->credentials,
                     cred_new (state, "Fabrikam admin consent", "adminconsent",
                               "{\"tenant\":\"fabrikam.example\"}", t - 60 * DAY));
  g_ptr_array_add (app->connectors, microsoft);

  imap = connector_new ("imap", "IMAP", "{}", no_strings, t - 300 * DAY);
  g_ptr_array_add (app->connectors, imap);

  /* Webhooks in every status. */
  for (guint i = 0; i < G_N_ELEMENTS (seed_webhooks); i++)
    {
      const SeedWebhook *sw = &seed_webhooks[i];
      NylSbWebhook *w;

      if (sw->production != production)
        continue;

      w = webhook_new (state, sw->description, sw->triggers, sw->url, sw->status, sw->emails,
                       sw->compressed, t - sw->created_days * DAY);
      if (sw->status_age > 0)
        w->status_updated_at = t - sw->status_age;
      g_ptr_array_add (app->webhooks, w);
    }
}

NylSbState *
nyl_sb_state_new_seeded (guint64 seed,
                         guint   n_grants,
                         gint64  anchor)
{
  NylSbState *self = state_new ();
  static const struct {
    const char *region;
    const char *environment;
    const char *name;
    const char *website;
  } apps[] = {
    { "us", "production", "Acme Mail", "https://acme.example" },
    { "eu", "staging", "Acme Mail (EU staging)", "https://staging.acme.example" },
  };

  self->seed = seed;
  self->anchor = anchor;
  self->organization_id = seeded_uuid (seed, 1);
  self->service_account_key_id = seeded_uuid (seed, 2);

  for (guint i = 0; i < G_N_ELEMENTS (apps); i++)
    {
      NylSbApp *app = app_new ();
      g_autofree char *branding = NULL;

      app->index = i;
      app->application_id = seeded_uuid (seed, 10 + i);
      app->organization_id = g_strdup (self->organization_id);
      app->region = g_strdup (apps[i].region);
      app->environment = g_strdup (apps[i].environment);
      app->default_workspace_id = seeded_uuid (seed, 20 + i);
      app->second_workspace_id = seeded_uuid (seed, 30 + i);
      app->v2_application_id = seeded_token (seed, 40 + i, "", 25);
      app->created_at = anchor - 3 * 365 * DAY - 30 * DAY;
      app->updated_at = anchor - 7 * DAY;
      branding = g_strdup_printf ("{\"name\":\"%s\",\"icon_url\":\"%s/icon.png\","
                                  "\"website_url\":\"%s\",\"description\":\"%s\"}",
                                  apps[i].name, apps[i].website, apps[i].website,
                                  i == 0 ? "Email and calendar for Acme customers."
                                         : "Staging copy of Acme Mail.");
      app->branding = parse_object (branding);
      app->hosted_authentication =
        parse_object ("{\"background_image_url\":\"https://acme.example/bg.jpg\","
                      "\"alignment\":\"center\",\"color_primary\":\"#3584e4\","
                      "\"color_secondary\":\"#241f31\",\"title\":\"Connect your account\","
                      "\"subtitle\":\"Acme Mail reads and sends on your behalf\","
                      "\"background_color\":\"#ffffff\",\"spacing\":8}");
      app->grant_seed = mix (seed ^ (G_GUINT64_CONSTANT (0xa0000) + i));
      app->n_seeded = i == 0 ? n_grants : MIN (n_grants, 48);
      app->next_slot = app->n_seeded;
      seed_app (self, app, i == 0);
      g_ptr_array_add (self->apps, app);
    }

  {
    NylSbDomain *domain = g_new0 (NylSbDomain, 1);

    domain->id = seeded_uuid (seed, 50);
    domain->name = g_strdup ("Transactional mail");
    domain->domain_address = g_strdup ("mail.acme.example");
    domain->organization_id = g_strdup (self->organization_id);
    domain->region = g_strdup ("us");
    domain->branded = TRUE;
    domain->verified[0] = domain->verified[1] = TRUE;
    domain->created_at = anchor - 60 * DAY;
    domain->updated_at = anchor - 59 * DAY;
    g_ptr_array_add (self->domains, domain);
  }

  nyl_sb_state_index_keys (self);
  return self;
}

/* ---- saving and loading ------------------------------------------------------------------ */

static JsonNode *
record_to_json (NylSbGrantRecord *r)
{
  JsonObject *o = json_object_new ();

  json_object_set_int_member (o, "slot", r->slot);
  json_object_set_string_member (o, "id", r->id);
  json_object_set_string_member (o, "provider", r->provider);
  json_object_set_boolean_member (o, "valid", r->valid);
  json_object_set_string_member (o, "email", r->email);
  json_object_set_string_member (o, "name", r->name);
  set_strv (o, "scope", (const char * const *) r->scope);
  json_object_set_string_member (o, "user_agent", r->user_agent);
  json_object_set_string_member (o, "ip", r->ip);
  json_object_set_string_member (o, "state", r->state);
  json_object_set_int_member (o, "created_at", r->created_at);
  json_object_set_int_member (o, "updated_at", r->updated_at);
  json_object_set_string_member (o, "provider_user_id", r->provider_user_id);
  json_object_set_string_member (o, "credential_id", r->credential_id);
  json_object_set_string_member (o, "workspace_id", r->workspace_id);
  json_object_set_string_member (o, "account_id", r->account_id);
  if (r->settings != NULL)
    json_object_set_object_member (o, "settings", strip_secrets (r->settings));
  json_object_set_boolean_member (o, "blocked", r->blocked);
  return object_node (o);
}

static JsonNode *
app_to_state_json (NylSbApp *app)
{
  JsonNode *node = nyl_sb_app_to_json (app);
  JsonObject *o = json_node_get_object (node);
  JsonArray *array;
  JsonObject *grants = json_object_new ();
  GHashTableIter iter;
  gpointer key, value;
  g_autofree char *grant_seed = g_strdup_printf ("%" G_GUINT64_FORMAT, app->grant_seed);

  json_object_remove_member (o, "callback_uris");
  json_object_set_int_member (o, "index", app->index);
  json_object_set_string_member (o, "second_workspace_id", app->second_workspace_id);
  set_object_copy (o, "additional_settings", app->additional_settings);

  array = json_array_new ();
  for (guint i = 0; i < app->redirect_uris->len; i++)
    json_array_add_element (array,
                            nyl_sb_redirect_uri_to_json (g_ptr_array_index (app->redirect_uris,
                                                                                     i)));
  json_object_set_array_member (o, "redirect_uris", array);

  array = json_array_new ();
  for (guint i = 0; i < app->api_keys->len; i++)
    {
      NylSbApiKey *k = g_ptr_array_index (app->api_keys, i);
      JsonNode *kn = nyl_sb_api_key_to_json (k, app, 0);

      json_object_set_string_member (json_node_get_object (kn), "secret_hash", k->secret_hash);
      json_array_add_element (array, kn);
    }
  json_object_set_array_member (o, "api_keys", array);

  array = json_array_new ();
  for (guint i = 0; i < app->connectors->len; i++)
    {
      NylSbConnector *c = g_ptr_array_index (app->connectors, i);
      JsonNode *cn = nyl_sb_connector_to_json (c);
      JsonArray *creds = json_array_new ();

      for (guint j = 0; j < c->credentials->len; j++)
        json_array_add_element (creds, nyl_sb_credential_to_json (g_ptr_array_index (c->credentials,
                                                                                       j)));
      json_object_set_array_member (json_node_get_object (cn), "credentials", creds);
      json_object_set_int_member (json_node_get_object (cn), "created_at", c->created_at);
      json_object_set_int_member (json_node_get_object (cn), "updated_at", c->updated_at);
      json_array_add_element (array, cn);
    }
  json_object_set_array_member (o, "connectors", array);

  array = json_array_new ();
  for (guint i = 0; i < app->webhooks->len; i++)
    json_array_add_element (array, nyl_sb_webhook_to_json (g_ptr_array_index (app->webhooks, i),
                                                           TRUE));
  json_object_set_array_member (o, "webhooks", array);

  json_object_set_string_member (grants, "seed", grant_seed);
  json_object_set_int_member (grants, "n_seeded", app->n_seeded);
  json_object_set_int_member (grants, "next_slot", app->next_slot);
  json_object_set_string_member (grants, "google_credential", app->seeded_credentials[0]);
  json_object_set_string_member (grants, "microsoft_credential", app->seeded_credentials[1]);
  array = json_array_new ();
  g_hash_table_iter_init (&iter, app->deleted_grants);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    json_array_add_int_element (array, GPOINTER_TO_UINT (key));
  json_object_set_array_member (grants, "deleted", array);
  array = json_array_new ();
  g_hash_table_iter_init (&iter, app->grant_records);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    json_array_add_element (array, record_to_json (value));
  json_object_set_array_member (grants, "records", array);
  array = json_array_new ();
  for (guint i = 0; i < app->invalidations->len; i++)
    {
      NylSbInvalidation *inv = g_ptr_array_index (app->invalidations, i);
      JsonObject *io = json_object_new ();

      json_object_set_string_member (io, "provider", inv->provider);
      json_object_set_int_member (io, "below", inv->below);
      json_object_set_int_member (io, "at", inv->at);
      json_array_add_object_element (array, io);
    }
  json_object_set_array_member (grants, "invalidations", array);
  array = json_array_new ();
  g_hash_table_iter_init (&iter, app->deleted_credentials);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    json_array_add_string_element (array, key);
  json_object_set_array_member (grants, "deleted_credentials", array);
  json_object_set_object_member (o, "grants", grants);
  return node;
}

char *
nyl_sb_state_to_json (NylSbState *self)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *o = json_object_new ();
  JsonArray *apps = json_array_new ();
  JsonArray *domains = json_array_new ();
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, self->seed);
  g_autofree char *counter = g_strdup_printf ("%" G_GUINT64_FORMAT, self->counter);

  json_object_set_int_member (o, "version", STATE_VERSION);
  json_object_set_string_member (o, "seed", seed);
  json_object_set_int_member (o, "anchor", self->anchor);
  json_object_set_string_member (o, "counter", counter);
  json_object_set_string_member (o, "organization_id", self->organization_id);
  json_object_set_string_member (o, "service_account_key_id", self->service_account_key_id);
  for (guint i = 0; i < self->apps->len; i++)
    json_array_add_element (apps, app_to_state_json (g_ptr_array_index (self->apps, i)));
  json_object_set_array_member (o, "applications", apps);
  for (guint i = 0; i < self->domains->len; i++)
    {
      NylSbDomain *d = g_ptr_array_index (self->domains, i);
      JsonNode *dn = nyl_sb_domain_to_json (d);

      json_object_set_int_member (json_node_get_object (dn), "info_requested", d->info_requested);
      json_array_add_element (domains, dn);
    }
  json_object_set_array_member (o, "domains", domains);
  json_node_take_object (root, o);
  return json_to_string (root, TRUE);
}

/* Loading: every member is checked; a bad file is an error, never a crash. */

typedef struct
{
  GError **error;
  gboolean failed;
} Loader;

static void
load_fail (Loader     *l,
           const char *what)
{
  if (!l->failed)
    g_set_error (l->error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                 "Sandbox state file: bad or missing “%s”", what);
  l->failed = TRUE;
}

static char *
get_str (Loader     *l,
         JsonObject *o,
         const char *member,
         gboolean    optional)
{
  JsonNode *node = o ? json_object_get_member (o, member) : NULL;

  if (node != NULL && JSON_NODE_HOLDS_NULL (node) && optional)
    return NULL;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    {
      if (!optional)
        load_fail (l, member);
      return NULL;
    }
  return g_strdup (json_node_get_string (node));
}

static gint64
get_int (Loader     *l,
         JsonObject *o,
         const char *member)
{
  JsonNode *node = o ? json_object_get_member (o, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    {
      load_fail (l, member);
      return 0;
    }
  return json_node_get_int (node);
}

static gboolean
get_bool (JsonObject *o,
          const char *member)
{
  return json_object_get_boolean_member_with_default (o, member, FALSE);
}

static guint64
get_u64 (Loader     *l,
         JsonObject *o,
         const char *member)
{
  g_autofree char *s = get_str (l, o, member, FALSE);
  guint64 v = 0;

  if (s != NULL && !g_ascii_string_to_unsigned (s, 10, 0, G_MAXUINT64, &v, NULL))
    load_fail (l, member);
  return v;
}

static JsonObject *
get_obj (Loader     *l,
         JsonObject *o,
         const char *member,
         gboolean    optional)
{
  JsonNode *node = o ? json_object_get_member (o, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      if (!optional)
        load_fail (l, member);
      return NULL;
    }
  return nyl_sb_json_object_copy (json_node_get_object (node));
}

static JsonArray *
get_array (Loader     *l,
           JsonObject *o,
           const char *member)
{
  JsonNode *node = o ? json_object_get_member (o, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      load_fail (l, member);
      return NULL;
    }
  return json_node_get_array (node);
}

static char **
get_strv (Loader     *l,
          JsonObject *o,
          const char *member)
{
  char **strv = o ? nyl_sb_json_strv (o, member) : NULL;

  if (strv == NULL)
    load_fail (l, member);
  return strv;
}

static JsonObject *
element_object (Loader    *l,
                JsonArray *array,
                guint      i)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      load_fail (l, "array element");
      return NULL;
    }
  return json_node_get_object (node);
}

static void
load_app (Loader     *l,
          NylSbApp   *app,
          JsonObject *o)
{
  JsonArray *array;
  JsonObject *grants;

  app->index = get_int (l, o, "index");
  app->application_id = get_str (l, o, "application_id", FALSE);
  app->organization_id = get_str (l, o, "organization_id", FALSE);
  app->region = get_str (l, o, "region", FALSE);
  app->environment = get_str (l, o, "environment", FALSE);
  app->default_workspace_id = get_str (l, o, "default_workspace_id", FALSE);
  app->second_workspace_id = get_str (l, o, "second_workspace_id", FALSE);
  app->v2_application_id = get_str (l, o, "v2_application_id", FALSE);
  app->domain = get_str (l, o, "domain", TRUE);
  app->branding = get_obj (l, o, "branding", TRUE);
  app->hosted_authentication = get_obj (l, o, "hosted_authentication", TRUE);
  app->idp_settings = get_obj (l, o, "idp_settings", TRUE);
  app->additional_settings = get_obj (l, o, "additional_settings", TRUE);
  app->created_at = get_int (l, o, "created_at");
  app->updated_at = get_int (l, o, "updated_at");

  if ((array = get_array (l, o, "redirect_uris")) != NULL)
    for (guint i = 0; i < json_array_get_length (array) && !l->failed; i++)
      {
        JsonObject *e = element_object (l, array, i);
        NylSbRedirectUri *uri = g_new0 (NylSbRedirectUri, 1);

        uri->id = get_str (l, e, "id", FALSE);
        uri->url = get_str (l, e, "url", FALSE);
        uri->platform = get_str (l, e, "platform", FALSE);
        uri->settings = get_obj (l, e, "settings", TRUE);
        if (uri->settings == NULL)
          uri->settings = json_object_new ();
        g_ptr_array_add (app->redirect_uris, uri);
      }

  if ((array = get_array (l, o, "api_keys")) != NULL)
    for (guint i = 0; i < json_array_get_length (array) && !l->failed; i++)
      {
        JsonObject *e = element_object (l, array, i);
        NylSbApiKey *key = g_new0 (NylSbApiKey, 1);

        key->id = get_str (l, e, "id", FALSE);
        key->name = get_str (l, e, "name", FALSE);
        key->secret_hash = get_str (l, e, "secret_hash", FALSE);
        key->permissions = get_strv (l, e, "permissions");
        key->created_at = get_int (l, e, "created_at");
        key->updated_at = get_int (l, e, "updated_at");
        key->expires_at = get_int (l, e, "expires_at");
        g_ptr_array_add (app->api_keys, key);
      }

  if ((array = get_array (l, o, "connectors")) != NULL)
    for (guint i = 0; i < json_array_get_length (array) && !l->failed; i++)
      {
        JsonObject *e = element_object (l, array, i);
        NylSbConnector *c = g_new0 (NylSbConnector, 1);
        JsonArray *creds;

        c->credentials = g_ptr_array_new_with_free_func (nyl_sb_credential_free);
        g_ptr_array_add (app->connectors, c);
        c->provider = get_str (l, e, "provider", FALSE);
        c->name = get_str (l, e, "name", FALSE);
        c->settings = get_obj (l, e, "settings", TRUE);
        if (c->settings == NULL)
          c->settings = json_object_new ();
        c->scope = get_strv (l, e, "scope");
        c->active_credential_id = get_str (l, e, "active_credential_id", TRUE);
        c->created_at = get_int (l, e, "created_at");
        c->updated_at = get_int (l, e, "updated_at");
        if ((creds = get_array (l, e, "credentials")) != NULL)
          for (guint j = 0; j < json_array_get_length (creds) && !l->failed; j++)
            {
              JsonObject *ce = element_object (l, creds, j);
              NylSbCredential *cred = g_new0 (NylSbCredential, 1);

              cred->id = get_str (l, ce, "id", FALSE);
              cred->name = get_str (l, ce, "name", FALSE);
              cred->credential_type = get_str (l, ce, "credential_type", FALSE);
              cred->hashed_data = get_str (l, ce, "hashed_data", FALSE);
              cred->created_at = get_int (l, ce, "created_at");
              cred->updated_at = get_int (l, ce, "updated_at");
              g_ptr_array_add (c->credentials, cred);
            }
      }

  if ((array = get_array (l, o, "webhooks")) != NULL)
    for (guint i = 0; i < json_array_get_length (array) && !l->failed; i++)
      {
        JsonObject *e = element_object (l, array, i);
        NylSbWebhook *w = g_new0 (NylSbWebhook, 1);

        g_ptr_array_add (app->webhooks, w);
        w->id = get_str (l, e, "id", FALSE);
        w->description = get_str (l, e, "description", TRUE);
        w->trigger_types = get_strv (l, e, "trigger_types");
        w->webhook_url = get_str (l, e, "webhook_url", FALSE);
        w->status = get_str (l, e, "status", FALSE);
        w->notification_email_addresses = get_strv (l, e, "notification_email_addresses");
        w->compressed_delivery = e ? get_bool (e, "compressed_delivery") : FALSE;
        w->secret = get_str (l, e, "webhook_secret", FALSE);
        w->status_updated_at = get_int (l, e, "status_updated_at");
        w->created_at = get_int (l, e, "created_at");
        w->updated_at = get_int (l, e, "updated_at");
      }

  grants = json_object_get_member (o, "grants") &&
           JSON_NODE_HOLDS_OBJECT (json_object_get_member (o, "grants"))
           ? json_object_get_object_member (o, "grants") : NULL;
  if (grants == NULL)
    {
      load_fail (l, "grants");
      return;
    }
  app->grant_seed = get_u64 (l, grants, "seed");
  app->n_seeded = get_int (l, grants, "n_seeded");
  app->next_slot = get_int (l, grants, "next_slot");
  app->seeded_credentials[0] = get_str (l, grants, "google_credential", TRUE);
  app->seeded_credentials[1] = get_str (l, grants, "microsoft_credential", TRUE);
  if ((array = get_array (l, grants, "deleted")) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      g_hash_table_add (app->deleted_grants,
                        GUINT_TO_POINTER ((guint32) json_array_get_int_element (array, i)));
  if ((array = get_array (l, grants, "records")) != NULL)
    for (guint i = 0; i < json_array_get_length (array) && !l->failed; i++)
      {
        JsonObject *e = element_object (l, array, i);
        NylSbGrantRecord *r = g_new0 (NylSbGrantRecord, 1);

        r->slot = get_int (l, e, "slot");
        r->id = get_str (l, e, "id", FALSE);
        r->provider = get_str (l, e, "provider", FALSE);
        r->valid = e ? get_bool (e, "valid") : FALSE;
        r->email = get_str (l, e, "email", FALSE);
        r->name = get_str (l, e, "name", TRUE);
        r->scope = get_strv (l, e, "scope");
        r->user_agent = get_str (l, e, "user_agent", TRUE);
        r->ip = get_str (l, e, "ip", TRUE);
        r->state = get_str (l, e, "state", TRUE);
        r->created_at = get_int (l, e, "created_at");
        r->updated_at = get_int (l, e, "updated_at");
        r->provider_user_id = get_str (l, e, "provider_user_id", TRUE);
        r->credential_id = get_str (l, e, "credential_id", TRUE);
        r->workspace_id = get_str (l, e, "workspace_id", TRUE);
        r->account_id = get_str (l, e, "account_id", TRUE);
        r->settings = get_obj (l, e, "settings", TRUE);
        r->blocked = e ? get_bool (e, "blocked") : FALSE;
        g_hash_table_replace (app->grant_records, GUINT_TO_POINTER (r->slot), r);
      }
  if ((array = get_array (l, grants, "invalidations")) != NULL)
    for (guint i = 0; i < json_array_get_length (array) && !l->failed; i++)
      {
        JsonObject *e = element_object (l, array, i);
        NylSbInvalidation *inv = g_new0 (NylSbInvalidation, 1);

        g_ptr_array_add (app->invalidations, inv);
        inv->provider = get_str (l, e, "provider", FALSE);
        inv->below = get_int (l, e, "below");
        inv->at = get_int (l, e, "at");
      }
  if ((array = get_array (l, grants, "deleted_credentials")) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        const char *id = json_array_get_string_element (array, i);

        if (id != NULL)
          g_hash_table_add (app->deleted_credentials, g_strdup (id));
      }
}

NylSbState *
nyl_sb_state_new_from_json (const char  *data,
                            gsize        length,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  NylSbState *self;
  JsonObject *root;
  JsonArray *array;
  Loader l = { error, FALSE };

  if (!json_parser_load_from_data (parser, data, length, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                   "Sandbox state file: not a JSON object");
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  if (json_object_get_int_member_with_default (root, "version", 0) != STATE_VERSION)
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                   "Sandbox state file: unknown version");
      return NULL;
    }

  self = state_new ();
  self->seed = get_u64 (&l, root, "seed");
  self->anchor = get_int (&l, root, "anchor");
  self->counter = get_u64 (&l, root, "counter");
  self->organization_id = get_str (&l, root, "organization_id", FALSE);
  self->service_account_key_id = get_str (&l, root, "service_account_key_id", FALSE);

  if ((array = get_array (&l, root, "applications")) != NULL)
    for (guint i = 0; i < json_array_get_length (array) && !l.failed; i++)
      {
        JsonObject *e = element_object (&l, array, i);
        NylSbApp *app = app_new ();

        g_ptr_array_add (self->apps, app);
        if (e != NULL)
          load_app (&l, app, e);
      }

  if ((array = get_array (&l, root, "domains")) != NULL)
    for (guint i = 0; i < json_array_get_length (array) && !l.failed; i++)
      {
        JsonObject *e = element_object (&l, array, i);
        NylSbDomain *d = g_new0 (NylSbDomain, 1);

        g_ptr_array_add (self->domains, d);
        d->id = get_str (&l, e, "id", FALSE);
        d->name = get_str (&l, e, "name", FALSE);
        d->domain_address = get_str (&l, e, "domain_address", FALSE);
        d->organization_id = get_str (&l, e, "organization_id", FALSE);
        d->region = get_str (&l, e, "region", FALSE);
        d->branded = e ? get_bool (e, "branded") : FALSE;
        for (guint t = 0; e != NULL && t < G_N_ELEMENTS (nyl_sb_domain_types); t++)
          {
            g_autofree char *member = g_strconcat ("verified_", nyl_sb_domain_types[t], NULL);

            d->verified[t] = get_bool (e, member);
          }
        d->info_requested = e ? json_object_get_int_member_with_default (e, "info_requested",
                                                                         0) : 0;
        d->created_at = get_int (&l, e, "created_at");
        d->updated_at = get_int (&l, e, "updated_at");
      }

  if (!l.failed && self->apps->len < 1)
    load_fail (&l, "applications");

  if (l.failed)
    {
      nyl_sb_state_free (self);
      return NULL;
    }

  nyl_sb_state_index_keys (self);
  return self;
}
