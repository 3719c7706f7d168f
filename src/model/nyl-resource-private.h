/* nyl-resource-private.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nyl-resource.h"

G_BEGIN_DECLS

/* For subclasses: the id is construct-only for everyone else. */
void _nyl_resource_set_id (NylResource *self,
                           const char  *id);

/* A string property setter: compares, replaces, notifies. */
gboolean _nyl_resource_set_string (NylResource  *self,
                                   char        **field,
                                   const char   *value,
                                   GParamSpec   *pspec);
/* The same for a string array (copied) and a JSON object (deep copy,
 * sealed); both accept NULL. */
gboolean _nyl_resource_set_strv   (NylResource   *self,
                                   char        ***field,
                                   const char * const *value,
                                   GParamSpec    *pspec);
gboolean _nyl_resource_set_object (NylResource  *self,
                                   JsonObject  **field,
                                   JsonObject   *value,
                                   GParamSpec   *pspec);

/* Overwrites a secret with zeros, then frees it. */
void     _nyl_resource_clear_secret (char **secret);

G_END_DECLS
