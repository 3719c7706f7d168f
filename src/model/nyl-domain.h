/* nyl-domain.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nyl-resource.h"

G_BEGIN_DECLS

#define NYL_TYPE_DOMAIN (nyl_domain_get_type ())

G_DECLARE_FINAL_TYPE (NylDomain, nyl_domain, NYL, DOMAIN, NylResource)

NylDomain  *nyl_domain_new                    (void) G_GNUC_WARN_UNUSED_RESULT;
const char *nyl_domain_get_name               (NylDomain  *self);
void        nyl_domain_set_name               (NylDomain  *self,
                                               const char *name);
const char *nyl_domain_get_domain_address     (NylDomain  *self);
void        nyl_domain_set_domain_address     (NylDomain  *self,
                                               const char *domain_address);
const char *nyl_domain_get_organization_id    (NylDomain  *self);
gboolean    nyl_domain_get_branded            (NylDomain  *self);
const char *nyl_domain_get_region             (NylDomain  *self);
gboolean    nyl_domain_get_verified_ownership (NylDomain  *self);
gboolean    nyl_domain_get_verified_mx        (NylDomain  *self);
gboolean    nyl_domain_get_verified_spf       (NylDomain  *self);
gboolean    nyl_domain_get_verified_feedback  (NylDomain  *self);
gboolean    nyl_domain_get_verified_dkim      (NylDomain  *self);
gboolean    nyl_domain_get_verified_dmarc     (NylDomain  *self);
gboolean    nyl_domain_get_verified_arc       (NylDomain  *self);
gint64      nyl_domain_get_created_at         (NylDomain  *self);
gint64      nyl_domain_get_updated_at         (NylDomain  *self);

G_END_DECLS
