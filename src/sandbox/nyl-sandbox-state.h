/* nyl-sandbox-state.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The sandbox's data: plain structs, seeded deterministically, saved as JSON. The grants of an
 * application are not stored one by one: a grant is a "slot" number whose fields are computed from
 * the seed, unless a record (patched or newly created grant) overrides it. */

typedef struct
{
  char       *id;
  char       *url;
  char       *platform;
  JsonObject *settings;   /* never NULL */
} NylSbRedirectUri;

typedef struct
{
  char   *id;
  char   *name;
  char   *secret_hash;    /* hex SHA-256 of the key; the key itself is never stored */
  char  **permissions;
  gint64  created_at;
  gint64  updated_at;
  gint64  expires_at;
} NylSbApiKey;

typedef struct
{
  char   *id;
  char   *name;
  char   *credential_type;
  char   *hashed_data;    /* hex SHA-256 of the canonical credential_data */
  gint64  created_at;
  gint64  updated_at;
} NylSbCredential;

typedef struct
{
  char       *provider;
  char       *name;
  JsonObject *settings;   /* secrets stripped; never NULL */
  char      **scope;
  char       *active_credential_id;
  GPtrArray  *credentials;  /* NylSbCredential */
  gint64      created_at;
  gint64      updated_at;
} NylSbConnector;

typedef struct
{
  char     *id;
  char     *description;
  char    **trigger_types;
  char     *webhook_url;
  char     *status;       /* active, pause, failing, failed */
  char    **notification_email_addresses;
  gboolean  compressed_delivery;
  char     *secret;
  gint64    status_updated_at;
  gint64    created_at;
  gint64    updated_at;
  /* Not saved: deliveries in the current run. */
  gint64    failing_since;  /* monotonic µs, 0 = not failing */
  guint     failed_deliveries;
  guint     succeeded_deliveries;
} NylSbWebhook;

/* A grant, filled from the seed or from a record. Strings point into the grant itself, into
 * static tables or into the record; valid until the state changes. */
typedef struct
{
  guint32             slot;
  char                id[40];
  const char         *provider;
  gboolean            valid;
  char                email[128];
  char                name[80];
  const char * const *scope;
  const char         *user_agent;
  char                ip[48];
  const char         *state;
  gint64              created_at;
  gint64              updated_at;
  char                provider_user_id[48];
  const char         *credential_id;
  const char         *workspace_id;
  char                account_id[40];
  JsonObject         *settings;  /* NULL for a seeded grant */
  gboolean            blocked;
} NylSbGrant;

typedef struct
{
  guint32     slot;
  char       *id;
  char       *provider;
  gboolean    valid;
  char       *email;
  char       *name;
  char      **scope;
  char       *user_agent;
  char       *ip;
  char       *state;
  gint64      created_at;
  gint64      updated_at;
  char       *provider_user_id;
  char       *credential_id;
  char       *workspace_id;
  char       *account_id;
  JsonObject *settings;
  gboolean    blocked;
} NylSbGrantRecord;

typedef enum
{
  NYL_SB_SORT_CREATED_AT,
  NYL_SB_SORT_UPDATED_AT,
} NylSbSort;

typedef struct
{
  const char  *provider;
  const char  *grant_status;
  const char  *email;
  const char  *ip;
  const char  *workspace_id;
  const char  *account_id;
  char       **account_ids;
  gint64       since;     /* 0 = none */
  gint64       before;    /* 0 = none */
  NylSbSort    sort_by;
  gboolean     ascending;
} NylSbGrantFilter;

typedef struct
{
  char    *provider;
  guint32  below;         /* grants in slots below this were invalidated */
  gint64   at;
} NylSbInvalidation;

typedef struct _NylSbGrantView NylSbGrantView;

typedef struct
{
  guint       index;
  char       *application_id;
  char       *organization_id;
  char       *region;
  char       *environment;
  char       *default_workspace_id;
  char       *second_workspace_id;
  char       *v2_application_id;
  char       *domain;             /* may be NULL */
  JsonObject *branding;           /* may be NULL */
  JsonObject *hosted_authentication;
  JsonObject *idp_settings;
  JsonObject *additional_settings;
  gint64      created_at;
  gint64      updated_at;
  GPtrArray  *redirect_uris;      /* NylSbRedirectUri */
  GPtrArray  *api_keys;           /* NylSbApiKey */
  GPtrArray  *connectors;         /* NylSbConnector */
  GPtrArray  *webhooks;           /* NylSbWebhook */

  /* Grants. */
  guint64     grant_seed;
  guint32     n_seeded;
  guint32     next_slot;
  GHashTable *grant_records;      /* slot → NylSbGrantRecord */
  GHashTable *deleted_grants;     /* slot set */
  GPtrArray  *invalidations;      /* NylSbInvalidation */
  GHashTable *deleted_credentials;  /* id set */
  char       *seeded_credentials[2];  /* Google service account, Microsoft admin consent */
  guint       generation;
  GPtrArray  *views;              /* NylSbGrantView cache */
} NylSbApp;

typedef struct
{
  char     *id;
  char     *name;
  char     *domain_address;
  char     *organization_id;
  char     *region;
  gboolean  branded;
  gboolean  verified[7];          /* ownership, mx, spf, feedback, dkim, dmarc, arc */
  guint     info_requested;       /* bit per type: the DNS record was shown */
  gint64    created_at;
  gint64    updated_at;
} NylSbDomain;

extern const char * const nyl_sb_domain_types[7];

typedef struct
{
  guint64     seed;
  gint64      anchor;
  guint64     counter;            /* of generated IDs and secrets */
  char       *organization_id;
  char       *service_account_key_id;
  GPtrArray  *apps;               /* NylSbApp */
  GPtrArray  *domains;            /* NylSbDomain */
  GHashTable *key_index;          /* secret hash → NylSbApiKey (borrowed) */
  GHashTable *key_apps;           /* NylSbApiKey → NylSbApp (borrowed) */
} NylSbState;

NylSbState *nyl_sb_state_new_seeded     (guint64           seed,
                                         guint             n_grants,
                                         gint64            anchor);
NylSbState *nyl_sb_state_new_from_json  (const char       *data,
                                         gsize             length,
                                         GError          **error);
char       *nyl_sb_state_to_json        (NylSbState       *self);
void        nyl_sb_state_free           (NylSbState       *self);

/* Deterministic values: each call advances the state's counter. */
char       *nyl_sb_state_new_uuid       (NylSbState       *self);
char       *nyl_sb_state_new_token      (NylSbState       *self,
                                         const char       *prefix,
                                         guint             length);
/* The API key the seed gives to application @index, key number @n. */
char       *nyl_sb_state_seeded_api_key (NylSbState       *self,
                                         guint             app_index,
                                         guint             n);

void        nyl_sb_state_index_keys     (NylSbState       *self);
NylSbApiKey *nyl_sb_state_find_key      (NylSbState       *self,
                                         const char       *key,
                                         NylSbApp        **app);
NylSbApp   *nyl_sb_state_find_app       (NylSbState       *self,
                                         const char       *application_id);
NylSbDomain *nyl_sb_state_find_domain   (NylSbState       *self,
                                         const char       *id);

char       *nyl_sb_sha256_hex           (const char       *data,
                                         gssize            length);

/* Objects. */
NylSbRedirectUri *nyl_sb_redirect_uri_find (NylSbApp *app, const char *id);
NylSbConnector   *nyl_sb_connector_find    (NylSbApp *app, const char *provider);
NylSbCredential  *nyl_sb_credential_find   (NylSbConnector *connector, const char *id);
NylSbWebhook     *nyl_sb_webhook_find      (NylSbApp *app, const char *id);
NylSbApiKey      *nyl_sb_api_key_find      (NylSbApp *app, const char *id);

void nyl_sb_redirect_uri_free (gpointer data);
void nyl_sb_api_key_free      (gpointer data);
void nyl_sb_credential_free   (gpointer data);
void nyl_sb_connector_free    (gpointer data);
void nyl_sb_webhook_free      (gpointer data);
void nyl_sb_domain_free       (gpointer data);
void nyl_sb_grant_record_free (gpointer data);

/* Grants. */
gboolean          nyl_sb_grant_get          (NylSbApp               *app,
                                             guint32                 slot,
                                             NylSbGrant             *grant);
gboolean          nyl_sb_grant_find         (NylSbApp               *app,
                                             const char             *id_or_email,
                                             NylSbGrant             *grant);
NylSbGrantRecord *nyl_sb_grant_materialize  (NylSbApp               *app,
                                             guint32                 slot);
NylSbGrantRecord *nyl_sb_grant_add          (NylSbState             *state,
                                             NylSbApp               *app,
                                             const char             *provider,
                                             const char             *email);
void              nyl_sb_grant_delete       (NylSbApp               *app,
                                             guint32                 slot);
void              nyl_sb_grants_changed     (NylSbApp               *app);
void              nyl_sb_grants_invalidate_provider (NylSbApp       *app,
                                             const char             *provider,
                                             gint64                  now);
/* The matching slots in order, cached until the grants change. */
const guint32    *nyl_sb_grants_query       (NylSbApp               *app,
                                             const NylSbGrantFilter *filter,
                                             guint                  *n_slots);

/* JSON of the API (no secrets; additional_settings stripped). */
JsonNode *nyl_sb_app_to_json          (NylSbApp         *app);
JsonNode *nyl_sb_redirect_uri_to_json (NylSbRedirectUri *uri);
JsonNode *nyl_sb_api_key_to_json      (NylSbApiKey      *key,
                                       NylSbApp         *app,
                                       gint64            now);
JsonNode *nyl_sb_connector_to_json    (NylSbConnector   *connector);
JsonNode *nyl_sb_credential_to_json   (NylSbCredential  *credential);
JsonNode *nyl_sb_webhook_to_json      (NylSbWebhook     *webhook,
                                       gboolean          with_secret);
JsonNode *nyl_sb_domain_to_json       (NylSbDomain      *domain);
JsonNode *nyl_sb_grant_to_json        (const NylSbGrant *grant,
                                       NylSbApp         *app,
                                       gboolean          expose_aliases);
void      nyl_sb_grant_append_json    (const NylSbGrant *grant,
                                       gboolean          expose_aliases,
                                       GString          *out);

/* Small JSON helpers shared by the handlers. */
/* The string @member of @object (which may be NULL), or NULL when it is not a string. */
const char *nyl_sb_json_string        (JsonObject       *object,
                                       const char       *member);
char    **nyl_sb_json_strv            (JsonObject       *object,
                                       const char       *member);
JsonArray *nyl_sb_strv_to_json_array  (const char * const *strv);
JsonObject *nyl_sb_json_object_copy   (JsonObject       *object);

G_END_DECLS
