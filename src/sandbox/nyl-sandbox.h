/* nyl-sandbox.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Options of a sandbox; zeroed fields take their defaults. */
typedef struct
{
  guint64     seed;                  /* 0 = 1 */
  guint       n_grants;              /* grants of the first application; 0 = 500 */
  guint16     port;                  /* of the US host; 0 = chosen by the kernel */
  const char *state_file;            /* NULL = nothing saved; otherwise loaded when it exists */
  gint64      now;                   /* Unix seconds the sample data is dated from; 0 = now */
  const char *service_account_json;  /* NULL = a fresh RSA-2048 Service Account at start */
} NylSandboxOptions;

#define NYL_SANDBOX_DEFAULT_GRANTS 500

#define NYL_TYPE_SANDBOX (nyl_sandbox_get_type ())

G_DECLARE_FINAL_TYPE (NylSandbox, nyl_sandbox, NYL, SANDBOX, GObject)

NylSandbox *nyl_sandbox_new                        (const NylSandboxOptions  *options);
gboolean    nyl_sandbox_start                      (NylSandbox               *self,
                                                    GError                  **error);
void        nyl_sandbox_stop                       (NylSandbox               *self);
gboolean    nyl_sandbox_save                       (NylSandbox               *self,
                                                    GError                  **error);

/* The US host, e.g. "http://127.0.0.1:41234" (no trailing slash); NULL before start. */
const char *nyl_sandbox_get_url                    (NylSandbox               *self);
/* The host of @region ("us" or "eu"): a key only works on its application's region host. */
const char *nyl_sandbox_get_region_url             (NylSandbox               *self,
                                                    const char               *region);

/* The first application (US, production) and its API key. */
const char *nyl_sandbox_get_application_id         (NylSandbox               *self);
const char *nyl_sandbox_get_api_key                (NylSandbox               *self);

/* Every application: 0 is US production, 1 is EU staging. */
guint       nyl_sandbox_get_n_applications         (NylSandbox               *self);
const char *nyl_sandbox_get_application_id_nth     (NylSandbox               *self,
                                                    guint                     index);
const char *nyl_sandbox_get_api_key_nth            (NylSandbox               *self,
                                                    guint                     index);
const char *nyl_sandbox_get_region_nth             (NylSandbox               *self,
                                                    guint                     index);
const char *nyl_sandbox_get_environment_nth        (NylSandbox               *self,
                                                    guint                     index);

/* The organization's Service Account: the path of its credentials file (mode 0600, in a private
 * directory removed on stop) and the same JSON for a keyring. NULL before start. */
const char *nyl_sandbox_get_service_account_file   (NylSandbox               *self);
G_GNUC_WARN_UNUSED_RESULT
char       *nyl_sandbox_dup_service_account_json   (NylSandbox               *self);

G_END_DECLS
