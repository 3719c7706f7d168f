/* nyl-credential.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-credential"

#include "config.h"

#include "nyl-credential.h"

#include "nyl-json.h"
#include "nyl-resource-private.h"

/**
 * NylCredential:
 *
 * A connector credential (`/v3/connectors/{provider}/creds`): Microsoft
 * admin consent, a Google service account, or a connector override.
 */

struct _NylCredential
{
  NylResource parent_instance;

  char       *name;
  char       *credential_type;
  char       *hashed_data;
  gint64      created_at;
  gint64      updated_at;
  JsonObject *credential_data;
};

G_DEFINE_FINAL_TYPE (NylCredential, nyl_credential, NYL_TYPE_RESOURCE)

/* In the order of the table below. */
enum {
  PROP_0,
  PROP_NAME,
  PROP_CREDENTIAL_TYPE,
  PROP_HASHED_DATA,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_CREDENTIAL_DATA, /* no property: write-only */
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

/* POST takes {name, credential_type, credential_data}; PATCH takes {name,
 * credential_data}, the data replaced as a whole object.
 *
 * NylCredential:credential-type: `adminconsent`, `serviceaccount` or
 * `connector`; set once, at creation.
 * NylCredential:hashed-data: a hash of the credential data, when the server
 * sends one. */
static const NylResourceField fields[] = {
  NYL_FIELD ("name", "name", STRING,
             NYL_FIELD_WRITABLE | NYL_FIELD_CREATE | NYL_FIELD_UPDATE,
             NylCredential, name),
  NYL_FIELD ("credential_type", "credential-type", STRING,
             NYL_FIELD_WRITABLE | NYL_FIELD_CREATE,
             NylCredential, credential_type),
  NYL_FIELD ("hashed_data", "hashed-data", STRING, NYL_FIELD_READ_ONLY,
             NylCredential, hashed_data),
  NYL_FIELD ("created_at", "created-at", INT64, NYL_FIELD_READ_ONLY,
             NylCredential, created_at),
  NYL_FIELD ("updated_at", "updated-at", INT64, NYL_FIELD_READ_ONLY,
             NylCredential, updated_at),
  NYL_FIELD ("credential_data", NULL, OBJECT,
             NYL_FIELD_NOT_READ | NYL_FIELD_CREATE | NYL_FIELD_UPDATE,
             NylCredential, credential_data),
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_PROPS - 1);

static void
nyl_credential_class_init (NylCredentialClass *klass)
{
  NylResourceClass *resource_class = NYL_RESOURCE_CLASS (klass);

  resource_class->kind = "credential";
  _nyl_resource_class_install_fields (resource_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
nyl_credential_init (NylCredential *self)
{
}

/**
 * nyl_credential_new:
 *
 * An empty credential, to fill in for a create request.
 *
 * Returns: (transfer full): a new #NylCredential
 */
NylCredential *
nyl_credential_new (void)
{
  return g_object_new (NYL_TYPE_CREDENTIAL, NULL);
}

const char *
nyl_credential_get_name (NylCredential *self)
{
  g_return_val_if_fail (NYL_IS_CREDENTIAL (self), NULL);

  return self->name;
}

void
nyl_credential_set_name (NylCredential *self,
                         const char    *name)
{
  g_return_if_fail (NYL_IS_CREDENTIAL (self));

  _nyl_resource_set_string (NYL_RESOURCE (self), &self->name, name, properties[PROP_NAME]);
}

const char *
nyl_credential_get_credential_type (NylCredential *self)
{
  g_return_val_if_fail (NYL_IS_CREDENTIAL (self), NULL);

  return self->credential_type;
}

void
nyl_credential_set_credential_type (NylCredential *self,
                                    const char    *credential_type)
{
  g_return_if_fail (NYL_IS_CREDENTIAL (self));

  _nyl_resource_set_string (NYL_RESOURCE (self), &self->credential_type, credential_type,
                            properties[PROP_CREDENTIAL_TYPE]);
}

const char *
nyl_credential_get_hashed_data (NylCredential *self)
{
  g_return_val_if_fail (NYL_IS_CREDENTIAL (self), NULL);

  return self->hashed_data;
}

gint64
nyl_credential_get_created_at (NylCredential *self)
{
  g_return_val_if_fail (NYL_IS_CREDENTIAL (self), 0);

  return self->created_at;
}

gint64
nyl_credential_get_updated_at (NylCredential *self)
{
  g_return_val_if_fail (NYL_IS_CREDENTIAL (self), 0);

  return self->updated_at;
}

/**
 * nyl_credential_set_credential_data:
 * @self: a #NylCredential
 * @credential_data: (nullable): the whole `credential_data` object
 *
 * Sets the secret data for the next create or update body (a deep copy is
 * kept). There is no getter.
 */
void
nyl_credential_set_credential_data (NylCredential *self,
                                    JsonObject    *credential_data)
{
  g_return_if_fail (NYL_IS_CREDENTIAL (self));

  g_clear_pointer (&self->credential_data, json_object_unref);
  if (credential_data != NULL)
    self->credential_data = nyl_json_object_copy (credential_data);
}
