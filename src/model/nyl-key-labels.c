/* nyl-key-labels.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-key-labels"

#include "config.h"

#include "nyl-key-labels.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "nyl-api-error.h"
#include "nyl-paths.h"
#include "nyl-state-file.h"

/**
 * NylKeyLabels:
 *
 * Local labels for API keys. The API has no way to rename a key, so a label
 * ("CI deploy", "Laptop") lives only here, in
 * `$XDG_CONFIG_HOME/nylas-manager/key-labels.json`:
 *
 * |[
 * { "version": 1, "labels": { "<profile id>": { "<key id>": "CI deploy" } } }
 * ]|
 *
 * Every change is written at once, atomically. A damaged file is reported
 * and set aside as `key-labels.json.corrupt-<UTC timestamp>`; a file from a
 * newer format, or one that cannot be read, is reported and never
 * overwritten.
 */
struct _NylKeyLabels
{
  GObject     parent_instance;

  char       *path;
  /* profile id → (key id → label) */
  GHashTable *profiles;
  gboolean    read_only;
};

G_DEFINE_FINAL_TYPE (NylKeyLabels, nyl_key_labels, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS,
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GHashTable *
new_profiles_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify)g_hash_table_unref);
}

static GHashTable *
new_labels_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
nyl_key_labels_constructed (GObject *object)
{
  NylKeyLabels *self = (NylKeyLabels *)object;

  G_OBJECT_CLASS (nyl_key_labels_parent_class)->constructed (object);

  if (self->path == NULL)
    self->path = nyl_paths_config_file ("key-labels.json");
}

static void
nyl_key_labels_finalize (GObject *object)
{
  NylKeyLabels *self = (NylKeyLabels *)object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->profiles, g_hash_table_unref);

  G_OBJECT_CLASS (nyl_key_labels_parent_class)->finalize (object);
}

static void
nyl_key_labels_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  NylKeyLabels *self = NYL_KEY_LABELS (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_key_labels_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  NylKeyLabels *self = NYL_KEY_LABELS (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_key_labels_class_init (NylKeyLabelsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = nyl_key_labels_constructed;
  object_class->finalize = nyl_key_labels_finalize;
  object_class->get_property = nyl_key_labels_get_property;
  object_class->set_property = nyl_key_labels_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NylKeyLabels::changed:
   * @self: the labels
   * @profile_id: the profile whose labels changed
   * @key_id: (nullable): the key whose label changed, or %NULL when many did
   *
   * Emitted after a change was saved, or after the file was read again.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
nyl_key_labels_init (NylKeyLabels *self)
{
  self->profiles = new_profiles_table ();
}

/**
 * nyl_key_labels_new:
 *
 * Returns: (transfer full): the labels of `key-labels.json` in the
 *   configuration directory; call nyl_key_labels_load() to read them
 */
NylKeyLabels *
nyl_key_labels_new (void)
{
  return g_object_new (NYL_TYPE_KEY_LABELS, NULL);
}

NylKeyLabels *
nyl_key_labels_new_for_path (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (NYL_TYPE_KEY_LABELS, "path", path, NULL);
}

const char *
nyl_key_labels_get_path (NylKeyLabels *self)
{
  g_return_val_if_fail (NYL_IS_KEY_LABELS (self), NULL);

  return self->path;
}

static GHashTable *
parse_labels (JsonObject  *object,
              GError     **error)
{
  g_autoptr(GHashTable) profiles = new_profiles_table ();
  g_autoptr(GList) profile_ids = NULL;
  JsonNode *labels_node;
  JsonObject *labels;

  labels_node = json_object_get_member (object, "labels");
  if (labels_node == NULL || JSON_NODE_HOLDS_NULL (labels_node))
    return g_steal_pointer (&profiles);
  if (!JSON_NODE_HOLDS_OBJECT (labels_node))
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                           _("“labels” is not an object"));
      return NULL;
    }

  labels = json_node_get_object (labels_node);
  profile_ids = json_object_get_members (labels);
  for (GList *p = profile_ids; p != NULL; p = p->next)
    {
      JsonNode *keys_node = json_object_get_member (labels, p->data);
      g_autoptr(GList) key_ids = NULL;
      GHashTable *table;
      JsonObject *keys;

      if (!JSON_NODE_HOLDS_OBJECT (keys_node))
        {
          g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                       _("the labels of profile “%s” are not an object"),
                       (const char *)p->data);
          return NULL;
        }

      keys = json_node_get_object (keys_node);
      table = new_labels_table ();
      g_hash_table_insert (profiles, g_strdup (p->data), table);

      key_ids = json_object_get_members (keys);
      for (GList *k = key_ids; k != NULL; k = k->next)
        {
          JsonNode *label = json_object_get_member (keys, k->data);

          if (!JSON_NODE_HOLDS_VALUE (label) ||
              json_node_get_value_type (label) != G_TYPE_STRING)
            {
              g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                           _("the label of key “%s” is not a string"), (const char *)k->data);
              return NULL;
            }

          g_hash_table_insert (table, g_strdup (k->data), g_strdup (json_node_get_string (label)));
        }
    }

  return g_steal_pointer (&profiles);
}

/**
 * nyl_key_labels_load:
 * @self: a #NylKeyLabels
 * @error: return location for a #GError
 *
 * Reads the labels file, replacing what @self holds. A missing file means no
 * labels. A damaged file is set aside and reported (%NYL_API_ERROR_PARSE);
 * labels can then be set again. A file from a newer version, or one that
 * cannot be read, is reported and left alone, and setting a label is then
 * refused rather than overwriting it.
 *
 * Returns: %TRUE when the labels were read
 */
gboolean
nyl_key_labels_load (NylKeyLabels  *self,
                     GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) profiles = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *set_aside_path = NULL;
  NylStateFileStatus status;

  g_return_val_if_fail (NYL_IS_KEY_LABELS (self), FALSE);

  self->read_only = FALSE;
  g_hash_table_remove_all (self->profiles);

  status = nyl_state_file_load (self->path, NYL_KEY_LABELS_FORMAT_VERSION, &object,
                                &local_error);
  if (status == NYL_STATE_FILE_READ)
    {
      profiles = parse_labels (object, &local_error);
      if (profiles == NULL)
        status = NYL_STATE_FILE_DAMAGED;
      else
        {
          g_hash_table_unref (self->profiles);
          self->profiles = g_steal_pointer (&profiles);
        }
    }

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, NULL, NULL);

  switch (status)
    {
    case NYL_STATE_FILE_READ:
    case NYL_STATE_FILE_MISSING:
      return TRUE;

    case NYL_STATE_FILE_UNREADABLE:
      self->read_only = TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;

    case NYL_STATE_FILE_TOO_NEW:
      self->read_only = TRUE;
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                   _("The key labels file %s cannot be used: %s"), self->path,
                   local_error->message);
      return FALSE;

    case NYL_STATE_FILE_DAMAGED:
    default:
      set_aside_path = nyl_state_file_set_aside (self->path, error);
      if (set_aside_path == NULL)
        {
          self->read_only = TRUE;
          g_prefix_error (error, _("Could not move the damaged key labels file %s aside: "),
                          self->path);
          return FALSE;
        }

      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                   _("The key labels file was damaged (%s). It has been kept as %s."),
                   local_error->message, set_aside_path);
      return FALSE;
    }
}

/**
 * nyl_key_labels_get:
 * @self: a #NylKeyLabels
 * @profile_id: the profile the key belongs to
 * @key_id: the key's ID
 *
 * Returns: (nullable): the key's label, or %NULL if it has none
 */
const char *
nyl_key_labels_get (NylKeyLabels *self,
                    const char   *profile_id,
                    const char   *key_id)
{
  GHashTable *table;

  g_return_val_if_fail (NYL_IS_KEY_LABELS (self), NULL);

  if (profile_id == NULL || key_id == NULL)
    return NULL;

  table = g_hash_table_lookup (self->profiles, profile_id);
  if (table == NULL)
    return NULL;

  return g_hash_table_lookup (table, key_id);
}

static gboolean
save (NylKeyLabels  *self,
      GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) profile_ids = nyl_state_file_sorted_keys (self->profiles);

  if (self->read_only)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                   _("The key labels file %s was not read, so it is not overwritten"),
                   self->path);
      return FALSE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, NYL_KEY_LABELS_FORMAT_VERSION);
  json_builder_set_member_name (builder, "labels");
  json_builder_begin_object (builder);
  for (guint i = 0; i < profile_ids->len; i++)
    {
      const char *profile_id = g_ptr_array_index (profile_ids, i);
      GHashTable *table = g_hash_table_lookup (self->profiles, profile_id);
      g_autoptr(GPtrArray) key_ids = nyl_state_file_sorted_keys (table);

      json_builder_set_member_name (builder, profile_id);
      json_builder_begin_object (builder);
      for (guint j = 0; j < key_ids->len; j++)
        {
          const char *key_id = g_ptr_array_index (key_ids, j);

          json_builder_set_member_name (builder, key_id);
          json_builder_add_string_value (builder, g_hash_table_lookup (table, key_id));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);

  return nyl_state_file_save (self->path, root, error);
}

static char *
normalize_label (const char  *label,
                 GError     **error)
{
  g_autofree char *copy = NULL;

  if (label == NULL)
    return g_strdup ("");

  if (!g_utf8_validate (label, -1, NULL))
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                           _("The label is not valid text"));
      return NULL;
    }

  copy = g_strstrip (g_strdup (label));

  for (const char *p = copy; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        {
          g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                               _("A label is a single line of text"));
          return NULL;
        }
    }

  if (g_utf8_strlen (copy, -1) > NYL_KEY_LABEL_MAX_LENGTH)
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                   g_dngettext (GETTEXT_PACKAGE,
                                "A label is at most %d character long",
                                "A label is at most %d characters long",
                                NYL_KEY_LABEL_MAX_LENGTH),
                   NYL_KEY_LABEL_MAX_LENGTH);
      return NULL;
    }

  return g_steal_pointer (&copy);
}

/**
 * nyl_key_labels_set:
 * @self: a #NylKeyLabels
 * @profile_id: the profile the key belongs to
 * @key_id: the key's ID
 * @label: (nullable): the new label; %NULL or blank removes it
 * @error: return location for a #GError
 *
 * Sets a key's label and saves the file. Surrounding white space is
 * dropped; a label longer than %NYL_KEY_LABEL_MAX_LENGTH characters or
 * spanning lines is refused with %NYL_API_ERROR_INVALID_REQUEST. When saving
 * fails, nothing changes.
 *
 * Returns: %TRUE when saved
 */
gboolean
nyl_key_labels_set (NylKeyLabels  *self,
                    const char    *profile_id,
                    const char    *key_id,
                    const char    *label,
                    GError       **error)
{
  g_autofree char *normalized = NULL;
  g_autofree char *previous = NULL;
  GHashTable *table;
  gboolean new_table = FALSE;

  g_return_val_if_fail (NYL_IS_KEY_LABELS (self), FALSE);
  g_return_val_if_fail (profile_id != NULL && *profile_id != '\0', FALSE);
  g_return_val_if_fail (key_id != NULL && *key_id != '\0', FALSE);

  normalized = normalize_label (label, error);
  if (normalized == NULL)
    return FALSE;

  if (g_strcmp0 (nyl_key_labels_get (self, profile_id, key_id),
                 *normalized != '\0' ? normalized : NULL) == 0)
    return TRUE;

  table = g_hash_table_lookup (self->profiles, profile_id);
  if (table == NULL)
    {
      table = new_labels_table ();
      g_hash_table_insert (self->profiles, g_strdup (profile_id), table);
      new_table = TRUE;
    }

  previous = g_strdup (g_hash_table_lookup (table, key_id));
  if (*normalized != '\0')
    g_hash_table_insert (table, g_strdup (key_id), g_strdup (normalized));
  else
    g_hash_table_remove (table, key_id);
  if (g_hash_table_size (table) == 0)
    g_hash_table_remove (self->profiles, profile_id);

  if (!save (self, error))
    {
      /* Put things back as they were. */
      if (new_table)
        g_hash_table_remove (self->profiles, profile_id);
      else
        {
          table = g_hash_table_lookup (self->profiles, profile_id);
          if (table == NULL)
            {
              table = new_labels_table ();
              g_hash_table_insert (self->profiles, g_strdup (profile_id), table);
            }
          if (previous != NULL)
            g_hash_table_insert (table, g_strdup (key_id), g_steal_pointer (&previous));
          else
            g_hash_table_remove (table, key_id);
        }
      return FALSE;
    }

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, profile_id, key_id);

  return TRUE;
}

/**
 * nyl_key_labels_forget_profile:
 * @self: a #NylKeyLabels
 * @profile_id: a profile that was removed
 * @error: return location for a #GError
 *
 * Drops every label of @profile_id and saves the file.
 *
 * Returns: %TRUE when saved (or when there was nothing to forget)
 */
gboolean
nyl_key_labels_forget_profile (NylKeyLabels  *self,
                               const char    *profile_id,
                               GError       **error)
{
  g_autofree char *stolen_id = NULL;
  GHashTable *table = NULL;

  g_return_val_if_fail (NYL_IS_KEY_LABELS (self), FALSE);
  g_return_val_if_fail (profile_id != NULL, FALSE);

  if (!g_hash_table_steal_extended (self->profiles, profile_id,
                                    (gpointer *)&stolen_id, (gpointer *)&table))
    return TRUE;

  if (!save (self, error))
    {
      g_hash_table_insert (self->profiles, g_steal_pointer (&stolen_id), table);
      return FALSE;
    }

  g_hash_table_unref (table);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, profile_id, NULL);

  return TRUE;
}
