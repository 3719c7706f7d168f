/* nyl-secret-store.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * NylSecretKind:
 * @NYL_SECRET_KIND_API_KEY: an application's API key
 * @NYL_SECRET_KIND_SERVICE_ACCOUNT_KEY: a Service Account credentials file
 * @NYL_SECRET_KIND_WEBHOOK_SECRET: a webhook destination's signing secret
 * @NYL_SECRET_KIND_CONNECTOR_SECRET: a connector's or credential's client secret
 *
 * What a stored secret is.
 */
typedef enum
{
  NYL_SECRET_KIND_API_KEY,
  NYL_SECRET_KIND_SERVICE_ACCOUNT_KEY,
  NYL_SECRET_KIND_WEBHOOK_SECRET,
  NYL_SECRET_KIND_CONNECTOR_SECRET,
} NylSecretKind;

const char *nyl_secret_kind_to_nick               (NylSecretKind         kind);

void        nyl_secret_store_store_async          (const char           *profile,
                                                   NylSecretKind         kind,
                                                   const char           *object_id,
                                                   const char           *display_name,
                                                   const char           *secret,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean    nyl_secret_store_store_finish         (GAsyncResult         *result,
                                                   GError              **error);

void        nyl_secret_store_lookup_async         (const char           *profile,
                                                   NylSecretKind         kind,
                                                   const char           *object_id,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
char       *nyl_secret_store_lookup_finish        (GAsyncResult         *result,
                                                   GError              **error);

void        nyl_secret_store_clear_async          (const char           *profile,
                                                   NylSecretKind         kind,
                                                   const char           *object_id,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean    nyl_secret_store_clear_finish         (GAsyncResult         *result,
                                                   GError              **error);

void        nyl_secret_store_clear_profile_async  (const char           *profile,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean    nyl_secret_store_clear_profile_finish (GAsyncResult         *result,
                                                   GError              **error);

void        nyl_secret_free                       (char                 *secret);

G_END_DECLS
