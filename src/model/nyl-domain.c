/* nyl-domain.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-domain"

#include "config.h"

#include "nyl-domain.h"

#include "nyl-resource-private.h"

/**
 * NylDomain:
 *
 * A sending domain of the organization (Manage Domains API, Service Account
 * signed). Only the name can change after creation.
 */

struct _NylDomain
{
  NylResource parent_instance;

  char    *name;
  char    *domain_address;
  char    *organization_id;
  gboolean branded;
  char    *region;
  gboolean verified_ownership;
  gboolean verified_mx;
  gboolean verified_spf;
  gboolean verified_feedback;
  gboolean verified_dkim;
  gboolean verified_dmarc;
  gboolean verified_arc;
  gint64   created_at;
  gint64   updated_at;
};

G_DEFINE_FINAL_TYPE (NylDomain, nyl_domain, NYL_TYPE_RESOURCE)

/* In the order of the table below. */
enum {
  PROP_0,
  PROP_NAME,
  PROP_DOMAIN_ADDRESS,
  PROP_ORGANIZATION_ID,
  PROP_BRANDED,
  PROP_REGION,
  PROP_VERIFIED_OWNERSHIP,
  PROP_VERIFIED_MX,
  PROP_VERIFIED_SPF,
  PROP_VERIFIED_FEEDBACK,
  PROP_VERIFIED_DKIM,
  PROP_VERIFIED_DMARC,
  PROP_VERIFIED_ARC,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

/* POST /v3/admin/domains takes {name, domain_address}; PUT takes {name}.
 *
 * NylDomain:domain-address: the DNS name, e.g. `mail.example.com`; set once,
 * at creation. */
static const NylResourceField fields[] = {
  NYL_FIELD ("name", "name", STRING,
             NYL_FIELD_WRITABLE | NYL_FIELD_CREATE | NYL_FIELD_UPDATE,
             NylDomain, name),
  NYL_FIELD ("domain_address", "domain-address", STRING,
             NYL_FIELD_WRITABLE | NYL_FIELD_CREATE,
             NylDomain, domain_address),
  NYL_FIELD ("organization_id", "organization-id", STRING, NYL_FIELD_READ_ONLY,
             NylDomain, organization_id),
  NYL_FIELD ("branded", "branded", BOOLEAN, NYL_FIELD_READ_ONLY, NylDomain, branded),
  NYL_FIELD ("region", "region", STRING, NYL_FIELD_READ_ONLY, NylDomain, region),
  NYL_FIELD ("verified_ownership", "verified-ownership", BOOLEAN, NYL_FIELD_READ_ONLY,
             NylDomain, verified_ownership),
  NYL_FIELD ("verified_mx", "verified-mx", BOOLEAN, NYL_FIELD_READ_ONLY, NylDomain, verified_mx),
  NYL_FIELD ("verified_spf", "verified-spf", BOOLEAN, NYL_FIELD_READ_ONLY, NylDomain, verified_spf),
  NYL_FIELD ("verified_feedback", "verified-feedback", BOOLEAN, NYL_FIELD_READ_ONLY,
             NylDomain, verified_feedback),
  NYL_FIELD ("verified_dkim", "verified-dkim", BOOLEAN, NYL_FIELD_READ_ONLY,
             NylDomain, verified_dkim),
  NYL_FIELD ("verified_dmarc", "verified-dmarc", BOOLEAN, NYL_FIELD_READ_ONLY,
             NylDomain, verified_dmarc),
  NYL_FIELD ("verified_arc", "verified-arc", BOOLEAN, NYL_FIELD_READ_ONLY, NylDomain, verified_arc),
  NYL_FIELD ("created_at", "created-at", INT64, NYL_FIELD_READ_ONLY, NylDomain, created_at),
  NYL_FIELD ("updated_at", "updated-at", INT64, NYL_FIELD_READ_ONLY, NylDomain, updated_at),
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_PROPS - 1);

static void
nyl_domain_class_init (NylDomainClass *klass)
{
  NylResourceClass *resource_class = NYL_RESOURCE_CLASS (klass);

  resource_class->kind = "domain";
  _nyl_resource_class_install_fields (resource_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
nyl_domain_init (NylDomain *self)
{
}

/**
 * nyl_domain_new:
 *
 * An empty domain, to fill in for a create request.
 *
 * Returns: (transfer full): a new #NylDomain
 */
NylDomain *
nyl_domain_new (void)
{
  return g_object_new (NYL_TYPE_DOMAIN, NULL);
}

const char *
nyl_domain_get_name (NylDomain *self)
{
  g_return_val_if_fail (NYL_IS_DOMAIN (self), NULL);

  return self->name;
}

void
nyl_domain_set_name (NylDomain  *self,
                     const char *name)
{
  g_return_if_fail (NYL_IS_DOMAIN (self));

  _nyl_resource_set_string (NYL_RESOURCE (self), &self->name, name, properties[PROP_NAME]);
}

const char *
nyl_domain_get_domain_address (NylDomain *self)
{
  g_return_val_if_fail (NYL_IS_DOMAIN (self), NULL);

  return self->domain_address;
}

void
nyl_domain_set_domain_address (NylDomain  *self,
                               const char *domain_address)
{
  g_return_if_fail (NYL_IS_DOMAIN (self));

  _nyl_resource_set_string (NYL_RESOURCE (self), &self->domain_address, domain_address,
                            properties[PROP_DOMAIN_ADDRESS]);
}

const char *
nyl_domain_get_organization_id (NylDomain *self)
{
  g_return_val_if_fail (NYL_IS_DOMAIN (self), NULL);

  return self->organization_id;
}

gboolean
nyl_domain_get_branded (NylDomain *self)
{
  g_return_val_if_fail (NYL_IS_DOMAIN (self), FALSE);

  return self->branded;
}

const char *
nyl_domain_get_region (NylDomain *self)
{
  g_return_val_if_fail (NYL_IS_DOMAIN (self), NULL);

  return self->region;
}

gboolean
nyl_domain_get_verified_ownership (NylDomain *self)
{
  g_return_val_if_fail (NYL_IS_DOMAIN (self), FALSE);

  return self->verified_ownership;
}

gboolean
nyl_domain_get_verified_mx (NylDomain *self)
{
  g_return_val_if_fail (NYL_IS_DOMAIN (self), FALSE);

  return self->verified_mx;
}

gboolean
nyl_domain_get_verified_spf (NylDomain *self)
{
  g_return_val_if_fail (NYL_IS_DOMAIN (self), FALSE);

  return self->verified_spf;
}

gboolean
nyl_domain_get_verified_feedback (NylDomain *self)
{
  g_return_val_if_fail (NYL_IS_DOMAIN (self), FALSE);

  return self->verified_feedback;
}

gboolean
nyl_domain_get_verified_dkim (NylDomain *self)
{
  g_return_val_if_fail (NYL_IS_DOMAIN (self), FALSE);

  return self->verified_dkim;
}

gboolean
nyl_domain_get_verified_dmarc (NylDomain *self)
{
  g_return_val_if_fail (NYL_IS_DOMAIN (self), FALSE);

  return self->verified_dmarc;
}

gboolean
nyl_domain_get_verified_arc (NylDomain *self)
{
  g_return_val_if_fail (NYL_IS_DOMAIN (self), FALSE);

  return self->verified_arc;
}

gint64
nyl_domain_get_created_at (NylDomain *self)
{
  g_return_val_if_fail (NYL_IS_DOMAIN (self), 0);

  return self->created_at;
}

gint64
nyl_domain_get_updated_at (NylDomain *self)
{
  g_return_val_if_fail (NYL_IS_DOMAIN (self), 0);

  return self->updated_at;
}
