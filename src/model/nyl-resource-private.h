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

/* A per-class field table: each entry is one member of the instance struct,
 * with the JSON member it is read from (and written to in request bodies),
 * the property that exposes it, its type and where it goes. A class passes
 * its table to _nyl_resource_class_install_fields() in class_init; from then
 * on NylResource reads the fields from responses (after the id, in table
 * order), writes them into request bodies, answers get/set_property for
 * them and frees them in finalize. */
typedef enum
{
  NYL_FIELD_STRING,
  NYL_FIELD_STRV,
  NYL_FIELD_INT64,
  NYL_FIELD_BOOLEAN,
  NYL_FIELD_OBJECT,
} NylFieldType;

typedef enum
{
  NYL_FIELD_READ_ONLY = 0,
  /* The property is writable; setting it compares, replaces, notifies. */
  NYL_FIELD_WRITABLE  = 1 << 0,
  /* The member goes in the create (POST) or update (PATCH/PUT) body. */
  NYL_FIELD_CREATE    = 1 << 1,
  NYL_FIELD_UPDATE    = 1 << 2,
  /* Never read from a response (the server does not send it back). */
  NYL_FIELD_NOT_READ  = 1 << 3,
  /* A secret: overwritten with zeros when freed. */
  NYL_FIELD_SECRET    = 1 << 4,
} NylFieldFlags;

typedef struct
{
  const char    *member;    /* JSON member, or NULL when not on the wire */
  const char    *property;  /* property name, or NULL for no property */
  NylFieldType   type;
  NylFieldFlags  flags;
  gsize          offset;    /* G_STRUCT_OFFSET() in the instance struct */
} NylResourceField;

#define NYL_FIELD(member, property, type, flags, Struct, field) \
  { member, property, NYL_FIELD_##type, flags, G_STRUCT_OFFSET (Struct, field) }

/* Installs a property for each field that names one, with id i + 1 for
 * @fields[i] (a field without a property leaves its id unused), and stores
 * them in @pspecs[i + 1] when @pspecs is not NULL, so a class's PROP_ enum
 * follows its table. A class with properties of its own numbers them after
 * the table and chains its get/set_property to NylResource's for the rest.
 * @fields must be static. */
void     _nyl_resource_class_install_fields (NylResourceClass       *klass,
                                             const NylResourceField *fields,
                                             guint                   n_fields,
                                             GParamSpec            **pspecs);

/* Reads the fields from a response object, for a class whose from_json
 * does not chain up (its id is not in `id`). */
gboolean _nyl_resource_read_fields          (NylResource            *self,
                                             JsonObject             *object,
                                             GError                **error);

/* Adds the fields meant for @request to @body. */
void     _nyl_resource_fields_to_json       (NylResource            *self,
                                             NylResourceRequest      request,
                                             JsonObject             *body);

G_END_DECLS
