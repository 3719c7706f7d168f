/* nyl-domain.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-domain"

#include "config.h"

#include "nyl-domain.h"

#include "nyl-json.h"
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

static gboolean
nyl_domain_from_json (NylResource  *resource,
                      JsonObject   *object,
                      GError      **error)
{
  NylDomain *self = NYL_DOMAIN (resource);

  if (!NYL_RESOURCE_CLASS (nyl_domain_parent_class)->from_json (resource, object, error))
    return FALSE;

  if (!nyl_json_get_string (object, "name", NULL, &self->name, error))
    return FALSE;
  if (!nyl_json_get_string (object, "domain_address", NULL, &self->domain_address, error))
    return FALSE;
  if (!nyl_json_get_string (object, "organization_id", NULL, &self->organization_id, error))
    return FALSE;
  if (!nyl_json_get_boolean (object, "branded", FALSE, &self->branded, error))
    return FALSE;
  if (!nyl_json_get_string (object, "region", NULL, &self->region, error))
    return FALSE;
  if (!nyl_json_get_boolean (object, "verified_ownership", FALSE, &self->verified_ownership, error))
    return FALSE;
  if (!nyl_json_get_boolean (object, "verified_mx", FALSE, &self->verified_mx, error))
    return FALSE;
  if (!nyl_json_get_boolean (object, "verified_spf", FALSE, &self->verified_spf, error))
    return FALSE;
  if (!nyl_json_get_boolean (object, "verified_feedback", FALSE, &self->verified_feedback, error))
    return FALSE;
  if (!nyl_json_get_boolean (object, "verified_dkim", FALSE, &self->verified_dkim, error))
    return FALSE;
  if (!nyl_json_get_boolean (object, "verified_dmarc", FALSE, &self->verified_dmarc, error))
    return FALSE;
  if (!nyl_json_get_boolean (object, "verified_arc", FALSE, &self->verified_arc, error))
    return FALSE;
  if (!nyl_json_get_int (object, "created_at", 0, &self->created_at, error))
    return FALSE;
  if (!nyl_json_get_int (object, "updated_at", 0, &self->updated_at, error))
    return FALSE;

  return TRUE;
}

/* POST /v3/admin/domains takes {name, domain_address}; PUT takes {name}. */
static JsonNode *
nyl_domain_to_json (NylResource        *resource,
                    NylResourceRequest  request)
{
  NylDomain *self = NYL_DOMAIN (resource);
  g_autoptr(JsonObject) body = json_object_new ();

  nyl_json_set_string (body, "name", self->name);
  if (request == NYL_RESOURCE_REQUEST_CREATE)
    nyl_json_set_string (body, "domain_address", self->domain_address);

  return json_node_init_object (json_node_alloc (), body);
}

static void
nyl_domain_finalize (GObject *object)
{
  NylDomain *self = (NylDomain *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->domain_address, g_free);
  g_clear_pointer (&self->organization_id, g_free);
  g_clear_pointer (&self->region, g_free);

  G_OBJECT_CLASS (nyl_domain_parent_class)->finalize (object);
}

static void
nyl_domain_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  NylDomain *self = NYL_DOMAIN (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DOMAIN_ADDRESS:
      g_value_set_string (value, self->domain_address);
      break;

    case PROP_ORGANIZATION_ID:
      g_value_set_string (value, self->organization_id);
      break;

    case PROP_BRANDED:
      g_value_set_boolean (value, self->branded);
      break;

    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;

    case PROP_VERIFIED_OWNERSHIP:
      g_value_set_boolean (value, self->verified_ownership);
      break;

    case PROP_VERIFIED_MX:
      g_value_set_boolean (value, self->verified_mx);
      break;

    case PROP_VERIFIED_SPF:
      g_value_set_boolean (value, self->verified_spf);
      break;

    case PROP_VERIFIED_FEEDBACK:
      g_value_set_boolean (value, self->verified_feedback);
      break;

    case PROP_VERIFIED_DKIM:
      g_value_set_boolean (value, self->verified_dkim);
      break;

    case PROP_VERIFIED_DMARC:
      g_value_set_boolean (value, self->verified_dmarc);
      break;

    case PROP_VERIFIED_ARC:
      g_value_set_boolean (value, self->verified_arc);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_domain_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  NylDomain *self = NYL_DOMAIN (object);

  switch (prop_id)
    {
    case PROP_NAME:
      nyl_domain_set_name (self, g_value_get_string (value));
      break;

    case PROP_DOMAIN_ADDRESS:
      nyl_domain_set_domain_address (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_domain_class_init (NylDomainClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  NylResourceClass *resource_class = NYL_RESOURCE_CLASS (klass);

  object_class->finalize = nyl_domain_finalize;
  object_class->get_property = nyl_domain_get_property;
  object_class->set_property = nyl_domain_set_property;

  resource_class->kind = "domain";
  resource_class->from_json = nyl_domain_from_json;
  resource_class->to_json = nyl_domain_to_json;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * NylDomain:domain-address:
   *
   * The DNS name, e.g. `mail.example.com`; set once, at creation.
   */
  properties[PROP_DOMAIN_ADDRESS] =
    g_param_spec_string ("domain-address", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ORGANIZATION_ID] =
    g_param_spec_string ("organization-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_BRANDED] =
    g_param_spec_boolean ("branded", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_VERIFIED_OWNERSHIP] =
    g_param_spec_boolean ("verified-ownership", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_VERIFIED_MX] =
    g_param_spec_boolean ("verified-mx", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_VERIFIED_SPF] =
    g_param_spec_boolean ("verified-spf", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_VERIFIED_FEEDBACK] =
    g_param_spec_boolean ("verified-feedback", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_VERIFIED_DKIM] =
    g_param_spec_boolean ("verified-dkim", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_VERIFIED_DMARC] =
    g_param_spec_boolean ("verified-dmarc", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_VERIFIED_ARC] =
    g_param_spec_boolean ("verified-arc", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
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
