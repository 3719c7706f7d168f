/* nyl-checklist-item.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-checklist-item"

#include "config.h"

#include "nyl-checklist-item.h"

/**
 * NylChecklistItem:
 *
 * One check of the production checklist: a stable ID (`redirect-uri`, …),
 * a title, its state, a detail saying why it fails (or what was found), and
 * the name of the section where it is fixed (`redirect-uris`, …).
 */
struct _NylChecklistItem
{
  GObject        parent_instance;

  char          *id;
  char          *title;
  char          *section;
  char          *detail;
  NylCheckState  state;
};

G_DEFINE_FINAL_TYPE (NylChecklistItem, nyl_checklist_item, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (NylCheckState, nyl_check_state,
                    G_DEFINE_ENUM_VALUE (NYL_CHECK_STATE_UNKNOWN, "unknown"),
                    G_DEFINE_ENUM_VALUE (NYL_CHECK_STATE_PASS, "pass"),
                    G_DEFINE_ENUM_VALUE (NYL_CHECK_STATE_FAIL, "fail"))

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SECTION,
  PROP_STATE,
  PROP_DETAIL,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
nyl_checklist_item_finalize (GObject *object)
{
  NylChecklistItem *self = (NylChecklistItem *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->section, g_free);
  g_clear_pointer (&self->detail, g_free);

  G_OBJECT_CLASS (nyl_checklist_item_parent_class)->finalize (object);
}

static void
nyl_checklist_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  NylChecklistItem *self = NYL_CHECKLIST_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_checklist_item_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  NylChecklistItem *self = NYL_CHECKLIST_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_SECTION:
      self->section = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_checklist_item_class_init (NylChecklistItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nyl_checklist_item_finalize;
  object_class->get_property = nyl_checklist_item_get_property;
  object_class->set_property = nyl_checklist_item_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, NYL_TYPE_CHECK_STATE, NYL_CHECK_STATE_UNKNOWN,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nyl_checklist_item_init (NylChecklistItem *self)
{
}

NylChecklistItem *
nyl_checklist_item_new (const char *id,
                        const char *title,
                        const char *section)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  return g_object_new (NYL_TYPE_CHECKLIST_ITEM,
                       "id", id,
                       "title", title,
                       "section", section,
                       NULL);
}

const char *
nyl_checklist_item_get_id (NylChecklistItem *self)
{
  g_return_val_if_fail (NYL_IS_CHECKLIST_ITEM (self), NULL);

  return self->id;
}

const char *
nyl_checklist_item_get_title (NylChecklistItem *self)
{
  g_return_val_if_fail (NYL_IS_CHECKLIST_ITEM (self), NULL);

  return self->title;
}

/**
 * nyl_checklist_item_get_section:
 *
 * Returns: (nullable): the sidebar section where the check is fixed
 */
const char *
nyl_checklist_item_get_section (NylChecklistItem *self)
{
  g_return_val_if_fail (NYL_IS_CHECKLIST_ITEM (self), NULL);

  return self->section;
}

NylCheckState
nyl_checklist_item_get_state (NylChecklistItem *self)
{
  g_return_val_if_fail (NYL_IS_CHECKLIST_ITEM (self), NYL_CHECK_STATE_UNKNOWN);

  return self->state;
}

/**
 * nyl_checklist_item_get_detail:
 *
 * Returns: (nullable): what was found, in words a person understands
 */
const char *
nyl_checklist_item_get_detail (NylChecklistItem *self)
{
  g_return_val_if_fail (NYL_IS_CHECKLIST_ITEM (self), NULL);

  return self->detail;
}

/**
 * nyl_checklist_item_set_result:
 * @self: a #NylChecklistItem
 * @state: the new state
 * @detail: (nullable): why, already translated
 *
 * Records the outcome of the check; notifies only what changed.
 */
void
nyl_checklist_item_set_result (NylChecklistItem *self,
                               NylCheckState     state,
                               const char       *detail)
{
  g_return_if_fail (NYL_IS_CHECKLIST_ITEM (self));
  g_return_if_fail (state <= NYL_CHECK_STATE_FAIL);

  g_object_freeze_notify (G_OBJECT (self));

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }

  if (g_strcmp0 (self->detail, detail) != 0)
    {
      g_free (self->detail);
      self->detail = g_strdup (detail);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAIL]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}
