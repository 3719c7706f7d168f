/* nyl-radar-entry.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-radar-entry"

#include "config.h"

#include "nyl-radar-entry.h"

struct _NylRadarEntry
{
  GObject     parent_instance;

  NylProfile *profile;
  NylApiKey  *key;
};

G_DEFINE_FINAL_TYPE (NylRadarEntry, nyl_radar_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROFILE,
  PROP_KEY,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
nyl_radar_entry_dispose (GObject *object)
{
  NylRadarEntry *self = (NylRadarEntry *)object;

  g_clear_object (&self->profile);
  g_clear_object (&self->key);

  G_OBJECT_CLASS (nyl_radar_entry_parent_class)->dispose (object);
}

static void
nyl_radar_entry_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NylRadarEntry *self = NYL_RADAR_ENTRY (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;

    case PROP_KEY:
      g_value_set_object (value, self->key);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_radar_entry_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  NylRadarEntry *self = NYL_RADAR_ENTRY (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      self->profile = g_value_dup_object (value);
      break;

    case PROP_KEY:
      self->key = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_radar_entry_class_init (NylRadarEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nyl_radar_entry_dispose;
  object_class->get_property = nyl_radar_entry_get_property;
  object_class->set_property = nyl_radar_entry_set_property;

  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, NYL_TYPE_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  properties[PROP_KEY] =
    g_param_spec_object ("key", NULL, NULL, NYL_TYPE_API_KEY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nyl_radar_entry_init (NylRadarEntry *self)
{
}

NylRadarEntry *
nyl_radar_entry_new (NylProfile *profile,
                     NylApiKey  *key)
{
  g_return_val_if_fail (NYL_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (NYL_IS_API_KEY (key), NULL);

  return g_object_new (NYL_TYPE_RADAR_ENTRY, "profile", profile, "key", key, NULL);
}

NylProfile *
nyl_radar_entry_get_profile (NylRadarEntry *self)
{
  g_return_val_if_fail (NYL_IS_RADAR_ENTRY (self), NULL);

  return self->profile;
}

NylApiKey *
nyl_radar_entry_get_key (NylRadarEntry *self)
{
  g_return_val_if_fail (NYL_IS_RADAR_ENTRY (self), NULL);

  return self->key;
}
