/* nyl-connector.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nyl-resource.h"

G_BEGIN_DECLS

#define NYL_TYPE_CONNECTOR (nyl_connector_get_type ())

G_DECLARE_FINAL_TYPE (NylConnector, nyl_connector, NYL, CONNECTOR, NylResource)

/* A connector is addressed by its provider: the provider is also its
 * NylResource:id. The provider's client secret goes into `settings` of a
 * request body only; it is write-only (nyl_connector_set_client_secret()) and
 * the server never echoes it. An update replaces `settings` whole, so an
 * update that changes settings must carry the client secret again. */

NylConnector       *nyl_connector_new                      (void) G_GNUC_WARN_UNUSED_RESULT;
NylConnector       *nyl_connector_new_for_provider         (const char         *provider)
                                                            G_GNUC_WARN_UNUSED_RESULT;
const char         *nyl_connector_get_name                 (NylConnector       *self);
void                nyl_connector_set_name                 (NylConnector       *self,
                                                            const char         *name);
JsonObject         *nyl_connector_get_settings             (NylConnector       *self);
void                nyl_connector_set_settings             (NylConnector       *self,
                                                            JsonObject         *settings);
const char * const *nyl_connector_get_scope                (NylConnector       *self);
void                nyl_connector_set_scope                (NylConnector       *self,
                                                            const char * const *scope);
const char         *nyl_connector_get_active_credential_id (NylConnector       *self);
void                nyl_connector_set_active_credential_id (NylConnector       *self,
                                                            const char         *credential_id);
const char         *nyl_connector_get_provider             (NylConnector       *self);
void                nyl_connector_set_client_secret        (NylConnector       *self,
                                                            const char         *client_secret);

G_END_DECLS
