/* nyl-sandbox-private.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "nyl-sandbox.h"
#include "nyl-sandbox-state.h"
#include "nyl-service-account.h"

G_BEGIN_DECLS

#define NYL_SB_HOSTS 2   /* 0 = US, 1 = EU */

typedef enum
{
  NYL_SB_MANGLE_NONE,
  NYL_SB_MANGLE_MALFORMED,
  NYL_SB_MANGLE_TRUNCATED,
} NylSbMangle;

/* Faults (nyl-sandbox-faults.c): set by POST /__sandbox/faults or NYL_SANDBOX_FAULTS. */
typedef struct
{
  guint    latency_ms;
  double   error_rate;
  guint    error_count;
  guint    rate_limit_burst;
  guint    retry_after;
  double   malformed_rate;
  guint    malformed_count;
  double   truncated_rate;
  guint    truncated_count;
  char    *path_prefix;
  double   webhook_clock_scale;   /* simulated seconds per real second */
  gboolean auto_consent;
  guint64  rng;
} NylSbFaults;

typedef struct _NylSbRequest NylSbRequest;

struct _NylSandbox
{
  GObject             parent_instance;

  /* Options. */
  guint64             seed;
  guint               n_grants;
  guint16             port;
  char               *state_file;
  gint64              now;
  char               *service_account_option;

  NylSbState         *state;
  SoupServer         *servers[NYL_SB_HOSTS];
  char               *urls[NYL_SB_HOSTS];
  GPtrArray          *seeded_keys;          /* the first key of each application */
  NylServiceAccount  *service_account;
  char               *public_key_pem;
  char               *service_account_dir;
  char               *service_account_file;
  GHashTable         *nonces;               /* nonce → expiry (Unix s) */
  NylSbFaults         faults;
  guint64             request_counter;
  SoupSession        *outgoing;             /* challenges and deliveries */
  GCancellable       *cancellable;
  GPtrArray          *paused;               /* NylSbRequest waiting on something */
  GHashTable         *auth_sessions;        /* consent page sessions */
  GHashTable         *codes;                /* authorization codes */
  GHashTable         *tokens;               /* access and refresh tokens */
  guint               save_source;
  GHashTable         *deliveries;           /* webhook deliveries waiting for a retry */
  gboolean            running;
};

struct _NylSbRequest
{
  int                 ref_count;
  NylSandbox         *sandbox;
  SoupServerMessage  *msg;
  guint               host;
  char               *method;
  char               *path;
  char              **segs;
  guint               n_segs;
  GHashTable         *query;
  GBytes             *body;
  JsonNode           *json;
  NylSbApp           *app;
  char               *request_id;
  NylSbMangle         mangle;
  gboolean            paused;
  gboolean            replied;
  gboolean            finished;
  gulong              finished_handler;
  guint               timeout_id;
};

/* nyl-sandbox.c: requests and replies. */
NylSbRequest *nyl_sb_request_ref              (NylSbRequest  *req);
void          nyl_sb_request_unref            (NylSbRequest  *req);
void          nyl_sb_request_pause            (NylSbRequest  *req);
JsonObject   *nyl_sb_request_object           (NylSbRequest  *req);
const char   *nyl_sb_query                    (NylSbRequest  *req,
                                               const char    *name);
gboolean      nyl_sb_query_uint               (NylSbRequest  *req,
                                               const char    *name,
                                               guint          default_value,
                                               guint          min,
                                               guint          max,
                                               guint         *out);
/* Checks `sort_by` (created_at or updated_at) and `order_by` (asc or desc) as the caller read
 * them (NULL: the default, created_at descending); a wrong one is answered with a 400. */
gboolean      nyl_sb_query_sort               (NylSbRequest  *req,
                                               const char    *sort_by,
                                               const char    *order_by,
                                               gboolean      *by_updated_at,
                                               gboolean      *ascending);
gboolean      nyl_sb_cursor_page              (NylSbRequest  *req,
                                               guint          total,
                                               guint         *offset,
                                               guint         *limit,
                                               char         **next_cursor);
gboolean      nyl_sb_request_is_loopback_url  (const char    *url);

void          nyl_sb_reply                    (NylSbRequest  *req,
                                               guint          status,
                                               const char    *content_type,
                                               const char    *body,
                                               gsize          length);
void          nyl_sb_reply_take               (NylSbRequest  *req,
                                               guint          status,
                                               const char    *content_type,
                                               GString       *body);
void          nyl_sb_reply_json               (NylSbRequest  *req,
                                               guint          status,
                                               JsonNode      *root);
void          nyl_sb_reply_data               (NylSbRequest  *req,
                                               guint          status,
                                               JsonNode      *data);
void          nyl_sb_reply_list               (NylSbRequest  *req,
                                               JsonArray     *items,
                                               const char    *next_cursor);
void          nyl_sb_reply_offset_list        (NylSbRequest  *req,
                                               JsonArray     *items,
                                               guint          limit,
                                               guint          offset);
void          nyl_sb_reply_empty              (NylSbRequest  *req);
void          nyl_sb_reply_error              (NylSbRequest  *req,
                                               guint          status,
                                               const char    *type,
                                               const char    *format,
                                               ...) G_GNUC_PRINTF (4, 5);
void          nyl_sb_reply_not_found          (NylSbRequest  *req,
                                               const char    *what);
void          nyl_sb_reply_bad_method         (NylSbRequest  *req);
void          nyl_sb_reply_oauth_error        (NylSbRequest  *req,
                                               guint          status,
                                               const char    *error,
                                               const char    *description);
void          nyl_sb_reply_redirect           (NylSbRequest  *req,
                                               const char    *location);

gint64        nyl_sb_now                      (void);
void          nyl_sb_changed                  (NylSandbox    *self);
gboolean      nyl_sb_method_is                (NylSbRequest  *req,
                                               const char    *method);

/* Route families, one file each. */
void nyl_sb_handle_application  (NylSbRequest *req);
void nyl_sb_handle_redirect_uris (NylSbRequest *req);
void nyl_sb_handle_connectors   (NylSbRequest *req);
void nyl_sb_handle_grants       (NylSbRequest *req);
void nyl_sb_handle_webhooks     (NylSbRequest *req);
void nyl_sb_handle_admin        (NylSbRequest *req);
void nyl_sb_handle_connect      (NylSbRequest *req);
void nyl_sb_handle_control      (NylSbRequest *req);
/* For /v3/grants/me: the grant behind an access token, or NULL. */
const char *nyl_sb_connect_token_grant (NylSandbox *self,
                                        const char *access_token,
                                        NylSbApp  **app);
void nyl_sb_connect_clear        (NylSandbox *self);
void nyl_sb_connect_init         (NylSandbox *self);

/* nyl-sandbox-webhooks.c */
gboolean nyl_sb_webhooks_is_trigger (const char *trigger);
JsonNode *nyl_sb_webhooks_notification (NylSandbox *self,
                                        NylSbApp   *app,
                                        const char *trigger,
                                        JsonObject *object);
void nyl_sb_webhooks_stop        (NylSandbox *self);
void nyl_sb_webhooks_notify      (NylSandbox *self,
                                  NylSbApp   *app,
                                  const char *trigger,
                                  JsonObject *object);
JsonObject *nyl_sb_grant_notification_object (NylSbApp         *app,
                                              const NylSbGrant *grant,
                                              const char       *trigger);

/* nyl-sandbox-faults.c */
void     nyl_sb_faults_init      (NylSbFaults  *faults,
                                  guint64       seed);
void     nyl_sb_faults_clear     (NylSbFaults  *faults);
gboolean nyl_sb_faults_set       (NylSbFaults  *faults,
                                  const char   *name,
                                  JsonNode     *value,
                                  GError      **error);
gboolean nyl_sb_faults_parse_env (NylSbFaults  *faults,
                                  const char   *spec,
                                  GError      **error);
JsonNode *nyl_sb_faults_to_json  (NylSbFaults  *faults);
/* Decides the fault of one request: returns a status to answer instead of handling it (500 or
 * 429), or 0, and sets *mangle for the body of a handled request. */
guint    nyl_sb_faults_decide    (NylSbFaults  *faults,
                                  const char   *path,
                                  NylSbMangle  *mangle);
gboolean nyl_sb_faults_applies   (NylSbFaults  *faults,
                                  const char   *path);

G_END_DECLS
