/* nyl-profile-store.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nyl-profile.h"

G_BEGIN_DECLS

/* The version of the profiles.json format this build reads and writes. */
#define NYL_PROFILE_STORE_FORMAT_VERSION 1

#define NYL_TYPE_PROFILE_STORE (nyl_profile_store_get_type ())

G_DECLARE_FINAL_TYPE (NylProfileStore, nyl_profile_store, NYL, PROFILE_STORE, GObject)

NylProfileStore *nyl_profile_store_new                (void);
NylProfileStore *nyl_profile_store_new_for_path       (const char       *path);

const char      *nyl_profile_store_get_path           (NylProfileStore  *self);
const char      *nyl_profile_store_get_set_aside_path (NylProfileStore  *self);

gboolean         nyl_profile_store_load               (NylProfileStore  *self,
                                                       GError          **error);
gboolean         nyl_profile_store_save               (NylProfileStore  *self,
                                                       GError          **error);

NylProfile      *nyl_profile_store_lookup             (NylProfileStore  *self,
                                                       const char       *id);
NylProfile      *nyl_profile_store_lookup_by_name     (NylProfileStore  *self,
                                                       const char       *name);
gboolean         nyl_profile_store_add                (NylProfileStore  *self,
                                                       NylProfile       *profile,
                                                       GError          **error);
gboolean         nyl_profile_store_remove             (NylProfileStore  *self,
                                                       const char       *id);

NylProfile      *nyl_profile_store_get_default        (NylProfileStore  *self);
const char      *nyl_profile_store_get_default_id     (NylProfileStore  *self);
gboolean         nyl_profile_store_set_default        (NylProfileStore  *self,
                                                       const char       *id);

G_END_DECLS
