/* nyl-profile-store.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-profile-store"

#include "config.h"

#include "nyl-profile-store.h"

#include <glib/gi18n.h>

#include "nyl-api-error.h"
#include "nyl-paths.h"
#include "nyl-state-file.h"

/**
 * NylProfileStore:
 *
 * The profiles, as a #GListModel of #NylProfile, kept in
 * `$XDG_CONFIG_HOME/nylas-manager/profiles.json`:
 *
 * |[
 * {
 *   "version": 1,
 *   "default": "<profile id>",
 *   "profiles": [
 *     { "id": "…", "name": "Production", "region": "us", "application_id": "…",
 *       "organization_id": "…", "environment": "production",
 *       "service_account": { "key_id": "…", "organization_id": "…", "region": "us" } }
 *   ]
 * }
 * ]|
 *
 * No secret is ever written here. The file is replaced atomically (mode
 * 0600). A file that cannot be read as profiles is reported and set aside as
 * `profiles.json.corrupt-<UTC timestamp>`, never silently overwritten; a file
 * from a newer format version is reported and left alone, and saving is then
 * refused.
 */
struct _NylProfileStore
{
  GObject     parent_instance;

  char       *path;
  GPtrArray  *profiles;
  char       *default_id;
  char       *set_aside_path;
  gboolean    read_only;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NylProfileStore, nyl_profile_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_PATH,
  PROP_DEFAULT_ID,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

/* GListModel */

static GType
get_item_type (GListModel *model)
{
  return NYL_TYPE_PROFILE;
}

static guint
get_n_items (GListModel *model)
{
  return NYL_PROFILE_STORE (model)->profiles->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  NylProfileStore *self = NYL_PROFILE_STORE (model);

  if (position >= self->profiles->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->profiles, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* GObject */

static void
nyl_profile_store_constructed (GObject *object)
{
  NylProfileStore *self = (NylProfileStore *)object;

  G_OBJECT_CLASS (nyl_profile_store_parent_class)->constructed (object);

  if (self->path == NULL)
    self->path = nyl_paths_config_file ("profiles.json");
}

static void
nyl_profile_store_dispose (GObject *object)
{
  NylProfileStore *self = (NylProfileStore *)object;

  g_ptr_array_set_size (self->profiles, 0);

  G_OBJECT_CLASS (nyl_profile_store_parent_class)->dispose (object);
}

static void
nyl_profile_store_finalize (GObject *object)
{
  NylProfileStore *self = (NylProfileStore *)object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->profiles, g_ptr_array_unref);
  g_clear_pointer (&self->default_id, g_free);
  g_clear_pointer (&self->set_aside_path, g_free);

  G_OBJECT_CLASS (nyl_profile_store_parent_class)->finalize (object);
}

static void
nyl_profile_store_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  NylProfileStore *self = NYL_PROFILE_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_DEFAULT_ID:
      g_value_set_string (value, self->default_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_profile_store_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  NylProfileStore *self = NYL_PROFILE_STORE (object);

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
nyl_profile_store_class_init (NylProfileStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = nyl_profile_store_constructed;
  object_class->dispose = nyl_profile_store_dispose;
  object_class->finalize = nyl_profile_store_finalize;
  object_class->get_property = nyl_profile_store_get_property;
  object_class->set_property = nyl_profile_store_set_property;

  /**
   * NylProfileStore:path:
   *
   * The profiles file; by default `$XDG_CONFIG_HOME/nylas-manager/profiles.json`.
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NylProfileStore:default-id:
   *
   * The ID of the profile used when none is named, or %NULL when there are
   * no profiles.
   */
  properties[PROP_DEFAULT_ID] =
    g_param_spec_string ("default-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nyl_profile_store_init (NylProfileStore *self)
{
  self->profiles = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * nyl_profile_store_new:
 *
 * Returns: (transfer full): an empty store for the user's profiles file; call
 *   nyl_profile_store_load() to read it
 */
NylProfileStore *
nyl_profile_store_new (void)
{
  return g_object_new (NYL_TYPE_PROFILE_STORE, NULL);
}

/**
 * nyl_profile_store_new_for_path:
 * @path: the profiles file
 *
 * Returns: (transfer full): an empty store for @path
 */
NylProfileStore *
nyl_profile_store_new_for_path (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (NYL_TYPE_PROFILE_STORE, "path", path, NULL);
}

const char *
nyl_profile_store_get_path (NylProfileStore *self)
{
  g_return_val_if_fail (NYL_IS_PROFILE_STORE (self), NULL);

  return self->path;
}

/**
 * nyl_profile_store_get_set_aside_path:
 *
 * Returns: (nullable): where the last nyl_profile_store_load() moved a
 *   damaged profiles file, or %NULL
 */
const char *
nyl_profile_store_get_set_aside_path (NylProfileStore *self)
{
  g_return_val_if_fail (NYL_IS_PROFILE_STORE (self), NULL);

  return self->set_aside_path;
}

static void
set_default_id (NylProfileStore *self,
                const char      *id)
{
  if (g_strcmp0 (self->default_id, id) == 0)
    return;

  g_free (self->default_id);
  self->default_id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFAULT_ID]);
}

static void
replace_all (NylProfileStore *self,
             GPtrArray       *profiles,
             const char      *default_id)
{
  guint removed = self->profiles->len;
  guint added = profiles != NULL ? profiles->len : 0;

  g_ptr_array_set_size (self->profiles, 0);
  for (guint i = 0; i < added; i++)
    g_ptr_array_add (self->profiles, g_object_ref (g_ptr_array_index (profiles, i)));

  if (default_id == NULL || nyl_profile_store_lookup (self, default_id) == NULL)
    default_id = added > 0 ? nyl_profile_get_id (g_ptr_array_index (self->profiles, 0)) : NULL;
  set_default_id (self, default_id);

  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);
}

static gboolean
names_equal (const char *a,
             const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;

  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);

  return g_strcmp0 (fa, fb) == 0;
}

/* Checks that @profile can sit next to @profiles (all but @self_index). */
static gboolean
check_unique (GPtrArray   *profiles,
              NylProfile  *profile,
              guint        self_index,
              GError     **error)
{
  for (guint i = 0; i < profiles->len; i++)
    {
      NylProfile *other = g_ptr_array_index (profiles, i);

      if (i == self_index)
        continue;

      if (g_strcmp0 (nyl_profile_get_id (other), nyl_profile_get_id (profile)) == 0)
        {
          g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                       _("Two profiles have the ID “%s”"), nyl_profile_get_id (profile));
          return FALSE;
        }

      if (names_equal (nyl_profile_get_name (other), nyl_profile_get_name (profile)))
        {
          g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                       _("A profile named “%s” already exists"),
                       nyl_profile_get_name (profile));
          return FALSE;
        }
    }

  return TRUE;
}

/* Reads the profiles of profiles.json; on a damaged file @error says why. */
static GPtrArray *
parse_profiles (JsonObject  *root,
                char       **default_id,
                GError     **error)
{
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  JsonNode *member;
  JsonArray *array;

  *default_id = NULL;

  member = json_object_get_member (root, "profiles");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                           _("it has no list of profiles"));
      return NULL;
    }

  array = json_node_get_array (member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(NylProfile) profile = NULL;

      profile = nyl_profile_new_from_json (json_array_get_element (array, i), &local_error);
      if (profile == NULL || !check_unique (profiles, profile, G_MAXUINT, &local_error))
        {
          g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE, _("profile %u: %s"), i + 1,
                       local_error->message);
          return NULL;
        }

      g_ptr_array_add (profiles, g_steal_pointer (&profile));
    }

  member = json_object_get_member (root, "default");
  if (member != NULL && JSON_NODE_HOLDS_VALUE (member) &&
      json_node_get_value_type (member) == G_TYPE_STRING)
    *default_id = g_strdup (json_node_get_string (member));
  else if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                           _("its default profile is not in the expected form"));
      return NULL;
    }

  return g_steal_pointer (&profiles);
}

/**
 * nyl_profile_store_load:
 * @self: a #NylProfileStore
 * @error: return location for a #GError
 *
 * Reads the profiles file, replacing what the store holds. A missing file is
 * an empty store.
 *
 * A damaged file is moved aside (see nyl_profile_store_get_set_aside_path())
 * and reported with %NYL_API_ERROR_PARSE; the store is then empty and can be
 * saved. A file from a newer format version is reported the same way but left
 * in place, as is a file that cannot be read (a #GFileError): the store is
 * then empty and refuses to save over it.
 *
 * Returns: %TRUE when the profiles were read
 */
gboolean
nyl_profile_store_load (NylProfileStore  *self,
                        GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autofree char *default_id = NULL;
  NylStateFileStatus status;

  g_return_val_if_fail (NYL_IS_PROFILE_STORE (self), FALSE);

  g_clear_pointer (&self->set_aside_path, g_free);
  self->read_only = FALSE;

  status = nyl_state_file_load (self->path, NYL_PROFILE_STORE_FORMAT_VERSION, &root,
                                &local_error);
  if (status == NYL_STATE_FILE_READ)
    {
      profiles = parse_profiles (root, &default_id, &local_error);
      if (profiles == NULL)
        status = NYL_STATE_FILE_DAMAGED;
    }

  replace_all (self, profiles, default_id);

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
                   _("The profiles file %s cannot be used: %s"), self->path,
                   local_error->message);
      return FALSE;

    case NYL_STATE_FILE_DAMAGED:
    default:
      g_debug ("Profiles file %s is damaged: %s", self->path, local_error->message);

      self->set_aside_path = nyl_state_file_set_aside (self->path, error);
      if (self->set_aside_path == NULL)
        {
          self->read_only = TRUE;
          g_prefix_error (error, _("Could not move the damaged profiles file %s aside: "),
                          self->path);
          return FALSE;
        }

      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                   _("The profiles file was damaged (%s). It has been kept as %s and the "
                     "profiles need to be added again."),
                   local_error->message, self->set_aside_path);
      return FALSE;
    }
}

/**
 * nyl_profile_store_save:
 * @self: a #NylProfileStore
 * @error: return location for a #GError
 *
 * Writes the profiles file atomically, readable by the user only.
 *
 * Returns: %TRUE when saved; %FALSE when a profile does not validate, two
 *   share a name, the write failed, or the file on disk must not be
 *   overwritten (%G_IO_ERROR_READ_ONLY, see nyl_profile_store_load())
 */
gboolean
nyl_profile_store_save (NylProfileStore  *self,
                        GError          **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (NYL_IS_PROFILE_STORE (self), FALSE);

  if (self->read_only)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                   _("The profiles file %s was not read, so it is not overwritten"), self->path);
      return FALSE;
    }

  for (guint i = 0; i < self->profiles->len; i++)
    {
      NylProfile *profile = g_ptr_array_index (self->profiles, i);

      if (!nyl_profile_validate (profile, error) ||
          !check_unique (self->profiles, profile, i, error))
        return FALSE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, NYL_PROFILE_STORE_FORMAT_VERSION);
  if (self->default_id != NULL)
    {
      json_builder_set_member_name (builder, "default");
      json_builder_add_string_value (builder, self->default_id);
    }
  json_builder_set_member_name (builder, "profiles");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->profiles->len; i++)
    json_builder_add_value (builder, nyl_profile_to_json (g_ptr_array_index (self->profiles, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);

  return nyl_state_file_save (self->path, root, error);
}

/**
 * nyl_profile_store_lookup:
 * @self: a #NylProfileStore
 * @id: a profile ID
 *
 * Returns: (transfer none) (nullable): the profile with @id
 */
NylProfile *
nyl_profile_store_lookup (NylProfileStore *self,
                          const char      *id)
{
  g_return_val_if_fail (NYL_IS_PROFILE_STORE (self), NULL);

  for (guint i = 0; id != NULL && i < self->profiles->len; i++)
    {
      NylProfile *profile = g_ptr_array_index (self->profiles, i);

      if (g_strcmp0 (nyl_profile_get_id (profile), id) == 0)
        return profile;
    }

  return NULL;
}

/**
 * nyl_profile_store_lookup_by_name:
 * @self: a #NylProfileStore
 * @name: a profile name, in any case
 *
 * Returns: (transfer none) (nullable): the profile named @name
 */
NylProfile *
nyl_profile_store_lookup_by_name (NylProfileStore *self,
                                  const char      *name)
{
  g_return_val_if_fail (NYL_IS_PROFILE_STORE (self), NULL);

  for (guint i = 0; name != NULL && i < self->profiles->len; i++)
    {
      NylProfile *profile = g_ptr_array_index (self->profiles, i);

      if (names_equal (nyl_profile_get_name (profile), name))
        return profile;
    }

  return NULL;
}

/**
 * nyl_profile_store_add:
 * @self: a #NylProfileStore
 * @profile: a new profile
 * @error: return location for a #GError
 *
 * Adds @profile at the end; the first profile becomes the default. Not saved
 * until nyl_profile_store_save().
 *
 * Returns: %TRUE when added; %FALSE when @profile does not validate or its ID
 *   or name is taken
 */
gboolean
nyl_profile_store_add (NylProfileStore  *self,
                       NylProfile       *profile,
                       GError          **error)
{
  g_return_val_if_fail (NYL_IS_PROFILE_STORE (self), FALSE);
  g_return_val_if_fail (NYL_IS_PROFILE (profile), FALSE);

  if (!nyl_profile_validate (profile, error) ||
      !check_unique (self->profiles, profile, G_MAXUINT, error))
    return FALSE;

  g_ptr_array_add (self->profiles, g_object_ref (profile));
  if (self->default_id == NULL)
    set_default_id (self, nyl_profile_get_id (profile));

  g_list_model_items_changed (G_LIST_MODEL (self), self->profiles->len - 1, 0, 1);
  return TRUE;
}

/**
 * nyl_profile_store_remove:
 * @self: a #NylProfileStore
 * @id: a profile ID
 *
 * Removes a profile (its secrets are the caller's to clear). When it was the
 * default, the first remaining profile becomes the default.
 *
 * Returns: %TRUE when a profile was removed
 */
gboolean
nyl_profile_store_remove (NylProfileStore *self,
                          const char      *id)
{
  g_return_val_if_fail (NYL_IS_PROFILE_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < self->profiles->len; i++)
    {
      if (g_strcmp0 (nyl_profile_get_id (g_ptr_array_index (self->profiles, i)), id) == 0)
        {
          g_ptr_array_remove_index (self->profiles, i);

          if (g_strcmp0 (self->default_id, id) == 0)
            set_default_id (self, self->profiles->len > 0
                                    ? nyl_profile_get_id (g_ptr_array_index (self->profiles, 0))
                                    : NULL);

          g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 0);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * nyl_profile_store_get_default:
 *
 * Returns: (transfer none) (nullable): the default profile
 */
NylProfile *
nyl_profile_store_get_default (NylProfileStore *self)
{
  g_return_val_if_fail (NYL_IS_PROFILE_STORE (self), NULL);

  return nyl_profile_store_lookup (self, self->default_id);
}

const char *
nyl_profile_store_get_default_id (NylProfileStore *self)
{
  g_return_val_if_fail (NYL_IS_PROFILE_STORE (self), NULL);

  return self->default_id;
}

/**
 * nyl_profile_store_set_default:
 * @self: a #NylProfileStore
 * @id: the ID of a profile in the store
 *
 * Returns: %TRUE when @id is now the default; %FALSE when there is no such
 *   profile
 */
gboolean
nyl_profile_store_set_default (NylProfileStore *self,
                               const char      *id)
{
  g_return_val_if_fail (NYL_IS_PROFILE_STORE (self), FALSE);

  if (nyl_profile_store_lookup (self, id) == NULL)
    return FALSE;

  set_default_id (self, id);
  return TRUE;
}
