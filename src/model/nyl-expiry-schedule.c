/* nyl-expiry-schedule.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-expiry-schedule"

#include "config.h"

#include "nyl-expiry-schedule.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "nyl-api-error.h"
#include "nyl-api-key.h"
#include "nyl-paths.h"
#include "nyl-state-file.h"

#define MINUTE ((gint64)60)
#define HOUR   (60 * MINUTE)
#define DAY    (24 * HOUR)

/**
 * NylExpirySchedule:
 *
 * Decides which key-expiry notifications are due: 30, 7 and 1 days before a
 * key expires, and when it has expired. Each is sent once per key; what was
 * sent is kept in `$XDG_STATE_HOME/nylas-manager/notified.json`, so a restart
 * does not repeat them:
 *
 * |[
 * { "version": 1,
 *   "profiles": { "<profile id>": { "<key id>": { "expires_at": 1767225600, "sent": "7d" } } } }
 * ]|
 *
 * When several milestones have passed since the last look (the app was not
 * running), only the most urgent one is due; the earlier ones count as sent.
 * The clock is always passed in (`now`, Unix seconds), so tests decide the
 * time.
 */
struct _NylExpirySchedule
{
  GObject     parent_instance;

  char       *path;
  /* profile id → (key id → Record) */
  GHashTable *profiles;
  gboolean    read_only;
};

typedef struct
{
  gint64             expires_at;
  NylExpiryMilestone sent;
} Record;

G_DEFINE_FINAL_TYPE (NylExpirySchedule, nyl_expiry_schedule, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (NylExpiryNotice, nyl_expiry_notice, nyl_expiry_notice_copy,
                     nyl_expiry_notice_free)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static const char *milestone_nicks[] = { "none", "30d", "7d", "1d", "expired" };

/* Pure helpers */

/**
 * nyl_expiry_milestone_at:
 * @expires_at: when the key expires (Unix seconds), 0 for never
 * @now: the time to judge at
 *
 * Returns: the latest milestone reached at @now
 */
NylExpiryMilestone
nyl_expiry_milestone_at (gint64 expires_at,
                         gint64 now)
{
  gint64 left = expires_at - now;

  if (expires_at <= 0)
    return NYL_EXPIRY_MILESTONE_NONE;
  if (left <= 0)
    return NYL_EXPIRY_MILESTONE_EXPIRED;
  if (left <= DAY)
    return NYL_EXPIRY_MILESTONE_1_DAY;
  if (left <= NYL_EXPIRY_URGENT_DAYS * DAY)
    return NYL_EXPIRY_MILESTONE_7_DAYS;
  if (left <= NYL_EXPIRY_SOON_DAYS * DAY)
    return NYL_EXPIRY_MILESTONE_30_DAYS;

  return NYL_EXPIRY_MILESTONE_NONE;
}

NylExpiryUrgency
nyl_expiry_urgency (gint64 expires_at,
                    gint64 now)
{
  gint64 left = expires_at - now;

  if (expires_at <= 0)
    return NYL_EXPIRY_URGENCY_NONE;
  if (left <= 0)
    return NYL_EXPIRY_URGENCY_EXPIRED;
  if (left <= NYL_EXPIRY_URGENT_DAYS * DAY)
    return NYL_EXPIRY_URGENCY_URGENT;
  if (left <= NYL_EXPIRY_SOON_DAYS * DAY)
    return NYL_EXPIRY_URGENCY_SOON;

  return NYL_EXPIRY_URGENCY_NONE;
}

gint64
nyl_expiry_days_left (gint64 expires_at,
                      gint64 now)
{
  gint64 left = expires_at - now;

  if (left <= 0)
    return -((-left) / DAY);

  return (left + DAY - 1) / DAY;
}

char *
nyl_expiry_format_countdown (gint64 expires_at,
                             gint64 now)
{
  gint64 left = expires_at - now;

  if (expires_at <= 0)
    return g_strdup (_("never expires"));

  if (left <= 0)
    {
      gint64 ago = -left;

      if (ago < HOUR)
        return g_strdup (_("expired just now"));
      if (ago < DAY)
        {
          int hours = (int)(ago / HOUR);

          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "expired %d hour ago",
                                               "expired %d hours ago", hours), hours);
        }
      else
        {
          int days = (int)MIN (ago / DAY, G_MAXINT);

          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "expired %d day ago",
                                               "expired %d days ago", days), days);
        }
    }

  if (left < HOUR)
    {
      int minutes = (int)MAX (1, (left + MINUTE - 1) / MINUTE);

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d minute", "in %d minutes",
                                           minutes), minutes);
    }
  if (left < DAY)
    {
      int hours = (int)((left + HOUR - 1) / HOUR);

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d hour", "in %d hours", hours),
                              hours);
    }
  else
    {
      int days = (int)MIN (nyl_expiry_days_left (expires_at, now), G_MAXINT);

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d day", "in %d days", days),
                              days);
    }
}

/* NylExpiryNotice */

static NylExpiryNotice *
notice_new (const char         *profile_id,
            const char         *profile_name,
            const char         *key_id,
            const char         *key_name,
            gint64              expires_at,
            NylExpiryMilestone  milestone)
{
  NylExpiryNotice *notice = g_new0 (NylExpiryNotice, 1);

  notice->profile_id = g_strdup (profile_id);
  notice->profile_name = g_strdup (profile_name);
  notice->key_id = g_strdup (key_id);
  notice->key_name = g_strdup (key_name);
  notice->expires_at = expires_at;
  notice->milestone = milestone;

  return notice;
}

NylExpiryNotice *
nyl_expiry_notice_copy (const NylExpiryNotice *notice)
{
  g_return_val_if_fail (notice != NULL, NULL);

  return notice_new (notice->profile_id, notice->profile_name, notice->key_id, notice->key_name,
                     notice->expires_at, notice->milestone);
}

void
nyl_expiry_notice_free (NylExpiryNotice *notice)
{
  if (notice == NULL)
    return;

  g_free (notice->profile_id);
  g_free (notice->profile_name);
  g_free (notice->key_id);
  g_free (notice->key_name);
  g_free (notice);
}

char *
nyl_expiry_notice_dup_id (const NylExpiryNotice *notice)
{
  g_return_val_if_fail (notice != NULL, NULL);

  return g_strdup_printf ("key-expiry:%s:%s", notice->profile_id, notice->key_id);
}

static const char *
notice_key_name (const NylExpiryNotice *notice)
{
  return notice->key_name != NULL && *notice->key_name != '\0' ? notice->key_name
                                                                : notice->key_id;
}

/**
 * nyl_expiry_notice_dup_title:
 * @notice: a notice
 * @now: the time it is shown at
 *
 * Returns: a one-line summary such as "API key “CI” expires in 7 days"
 */
char *
nyl_expiry_notice_dup_title (const NylExpiryNotice *notice,
                             gint64                 now)
{
  const char *name;

  g_return_val_if_fail (notice != NULL, NULL);

  name = notice_key_name (notice);

  switch (notice->milestone)
    {
    case NYL_EXPIRY_MILESTONE_EXPIRED:
      return g_strdup_printf (_("API key “%s” has expired"), name);

    case NYL_EXPIRY_MILESTONE_1_DAY:
      return g_strdup_printf (_("API key “%s” expires within a day"), name);

    case NYL_EXPIRY_MILESTONE_NONE:
    case NYL_EXPIRY_MILESTONE_30_DAYS:
    case NYL_EXPIRY_MILESTONE_7_DAYS:
    default:
      {
        int days = (int)MAX (1, MIN (nyl_expiry_days_left (notice->expires_at, now), G_MAXINT));

        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "API key “%s” expires in %d day",
                                             "API key “%s” expires in %d days", days),
                                name, days);
      }
    }
}

/**
 * nyl_expiry_notice_dup_body:
 * @notice: a notice
 *
 * Returns: which application it is and what to do
 */
char *
nyl_expiry_notice_dup_body (const NylExpiryNotice *notice)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *date = NULL;
  const char *profile;

  g_return_val_if_fail (notice != NULL, NULL);

  profile = notice->profile_name != NULL ? notice->profile_name : notice->profile_id;
  when = g_date_time_new_from_unix_local (notice->expires_at);
  /* Translators: a date, see the GDateTime format codes. */
  date = when != NULL ? g_date_time_format (when, _("%-d %B %Y")) : g_strdup ("?");
  g_strstrip (date);

  if (notice->milestone == NYL_EXPIRY_MILESTONE_EXPIRED)
    /* Translators: the first %s is an application profile's name, the second a date. */
    return g_strdup_printf (_("%s: it stopped working on %s. Create or roll a key to replace "
                              "it."), profile, date);

  /* Translators: the first %s is an application profile's name, the second a date. */
  return g_strdup_printf (_("%s: it stops working on %s. Roll it now to replace it without "
                            "downtime."), profile, date);
}

/* NylExpirySchedule */

static GHashTable *
new_profiles_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify)g_hash_table_unref);
}

static GHashTable *
new_records_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
nyl_expiry_schedule_constructed (GObject *object)
{
  NylExpirySchedule *self = (NylExpirySchedule *)object;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (nyl_expiry_schedule_parent_class)->constructed (object);

  if (self->path == NULL)
    self->path = nyl_paths_state_file ("notified.json");

  if (!nyl_expiry_schedule_load (self, &error))
    g_debug ("Could not read %s: %s", self->path, error->message);
}

static void
nyl_expiry_schedule_finalize (GObject *object)
{
  NylExpirySchedule *self = (NylExpirySchedule *)object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->profiles, g_hash_table_unref);

  G_OBJECT_CLASS (nyl_expiry_schedule_parent_class)->finalize (object);
}

static void
nyl_expiry_schedule_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  NylExpirySchedule *self = NYL_EXPIRY_SCHEDULE (object);

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
nyl_expiry_schedule_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  NylExpirySchedule *self = NYL_EXPIRY_SCHEDULE (object);

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
nyl_expiry_schedule_class_init (NylExpiryScheduleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = nyl_expiry_schedule_constructed;
  object_class->finalize = nyl_expiry_schedule_finalize;
  object_class->get_property = nyl_expiry_schedule_get_property;
  object_class->set_property = nyl_expiry_schedule_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nyl_expiry_schedule_init (NylExpirySchedule *self)
{
  self->profiles = new_profiles_table ();
}

NylExpirySchedule *
nyl_expiry_schedule_new (void)
{
  return g_object_new (NYL_TYPE_EXPIRY_SCHEDULE, NULL);
}

NylExpirySchedule *
nyl_expiry_schedule_new_for_path (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (NYL_TYPE_EXPIRY_SCHEDULE, "path", path, NULL);
}

const char *
nyl_expiry_schedule_get_path (NylExpirySchedule *self)
{
  g_return_val_if_fail (NYL_IS_EXPIRY_SCHEDULE (self), NULL);

  return self->path;
}

static NylExpiryMilestone
milestone_from_nick (const char *nick)
{
  for (guint i = NYL_EXPIRY_MILESTONE_30_DAYS; i < G_N_ELEMENTS (milestone_nicks); i++)
    {
      if (g_strcmp0 (nick, milestone_nicks[i]) == 0)
        return i;
    }

  return NYL_EXPIRY_MILESTONE_NONE;
}

static GHashTable *
parse_records (JsonObject  *object,
               GError     **error)
{
  g_autoptr(GHashTable) profiles = new_profiles_table ();
  g_autoptr(GList) profile_ids = NULL;
  JsonNode *profiles_node;
  JsonObject *profiles_object;

  profiles_node = json_object_get_member (object, "profiles");
  if (profiles_node == NULL || !JSON_NODE_HOLDS_OBJECT (profiles_node))
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                           _("not a notification record"));
      return NULL;
    }

  profiles_object = json_node_get_object (profiles_node);
  profile_ids = json_object_get_members (profiles_object);
  for (GList *p = profile_ids; p != NULL; p = p->next)
    {
      JsonNode *keys_node = json_object_get_member (profiles_object, p->data);
      g_autoptr(GList) key_ids = NULL;
      JsonObject *keys;
      GHashTable *table;

      if (!JSON_NODE_HOLDS_OBJECT (keys_node))
        continue;

      keys = json_node_get_object (keys_node);
      table = new_records_table ();
      g_hash_table_insert (profiles, g_strdup (p->data), table);

      key_ids = json_object_get_members (keys);
      for (GList *k = key_ids; k != NULL; k = k->next)
        {
          JsonNode *record_node = json_object_get_member (keys, k->data);
          JsonObject *record_object;
          Record *record;

          if (!JSON_NODE_HOLDS_OBJECT (record_node))
            continue;

          record_object = json_node_get_object (record_node);
          record = g_new0 (Record, 1);
          record->expires_at = json_object_get_int_member_with_default (record_object,
                                                                        "expires_at", 0);
          record->sent = milestone_from_nick (
            json_object_get_string_member_with_default (record_object, "sent", NULL));
          g_hash_table_insert (table, g_strdup (k->data), record);
        }
    }

  return g_steal_pointer (&profiles);
}

/**
 * nyl_expiry_schedule_load:
 * @self: a #NylExpirySchedule
 * @error: return location for a #GError
 *
 * Reads what was sent again. A missing file means nothing was sent. A
 * damaged file is reported and will be replaced (at worst, a notice is shown
 * again); a file from a newer version is reported and never overwritten.
 *
 * Returns: %TRUE when read
 */
gboolean
nyl_expiry_schedule_load (NylExpirySchedule  *self,
                          GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) profiles = NULL;
  g_autoptr(JsonObject) object = NULL;
  NylStateFileStatus status;

  g_return_val_if_fail (NYL_IS_EXPIRY_SCHEDULE (self), FALSE);

  self->read_only = FALSE;
  g_hash_table_remove_all (self->profiles);

  status = nyl_state_file_load (self->path, NYL_EXPIRY_SCHEDULE_FORMAT_VERSION, &object,
                                &local_error);
  if (status == NYL_STATE_FILE_READ)
    {
      profiles = parse_records (object, &local_error);
      if (profiles == NULL)
        status = NYL_STATE_FILE_DAMAGED;
    }

  switch (status)
    {
    case NYL_STATE_FILE_READ:
      g_hash_table_unref (self->profiles);
      self->profiles = g_steal_pointer (&profiles);
      return TRUE;

    case NYL_STATE_FILE_MISSING:
      return TRUE;

    case NYL_STATE_FILE_UNREADABLE:
      self->read_only = TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;

    case NYL_STATE_FILE_TOO_NEW:
    case NYL_STATE_FILE_DAMAGED:
    default:
      /* A damaged record is replaced at the next save: at worst, a notice
       * is shown again. */
      self->read_only = status == NYL_STATE_FILE_TOO_NEW;
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                   _("The record of sent notifications %s cannot be used: %s"), self->path,
                   local_error->message);
      return FALSE;
    }
}

static gboolean
save (NylExpirySchedule  *self,
      GError            **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) profile_ids = nyl_state_file_sorted_keys (self->profiles);

  if (self->read_only)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                   _("The record of sent notifications %s was not read, so it is not "
                     "overwritten"), self->path);
      return FALSE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, NYL_EXPIRY_SCHEDULE_FORMAT_VERSION);
  json_builder_set_member_name (builder, "profiles");
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
          Record *record = g_hash_table_lookup (table, key_id);

          json_builder_set_member_name (builder, key_id);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "expires_at");
          json_builder_add_int_value (builder, record->expires_at);
          json_builder_set_member_name (builder, "sent");
          json_builder_add_string_value (builder, milestone_nicks[record->sent]);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);

  return nyl_state_file_save (self->path, root, error);
}

/* What was sent for a key expiring at @expires_at: a record for another
 * expiry (the key was replaced under the same ID) does not count. */
static NylExpiryMilestone
recorded (NylExpirySchedule *self,
          const char        *profile_id,
          const char        *key_id,
          gint64             expires_at)
{
  GHashTable *table = g_hash_table_lookup (self->profiles, profile_id);
  Record *record;

  if (table == NULL)
    return NYL_EXPIRY_MILESTONE_NONE;

  record = g_hash_table_lookup (table, key_id);
  if (record == NULL || record->expires_at != expires_at)
    return NYL_EXPIRY_MILESTONE_NONE;

  return record->sent;
}

static gboolean
key_can_expire (NylApiKey *key)
{
  const char *status = nyl_api_key_get_status (key);

  /* A revoked key says nothing more; unknown statuses are taken as live. */
  return status == NULL || (g_ascii_strcasecmp (status, "revoked") != 0 &&
                            g_ascii_strcasecmp (status, "deleted") != 0);
}

static int
compare_notices (gconstpointer a,
                 gconstpointer b)
{
  const NylExpiryNotice *na = *(NylExpiryNotice * const *)a;
  const NylExpiryNotice *nb = *(NylExpiryNotice * const *)b;

  if (na->milestone != nb->milestone)
    return na->milestone > nb->milestone ? -1 : 1;
  if (na->expires_at != nb->expires_at)
    return na->expires_at < nb->expires_at ? -1 : 1;

  return g_strcmp0 (na->key_id, nb->key_id);
}

/**
 * nyl_expiry_schedule_get_due:
 * @self: a #NylExpirySchedule
 * @profile_id: the profile @keys belong to
 * @profile_name: (nullable): its name, for the notices
 * @keys: a #GListModel of #NylApiKey
 * @now: the time (Unix seconds)
 *
 * Returns: (transfer container) (element-type NylExpiryNotice): the notices
 *   due, most urgent first
 */
GPtrArray *
nyl_expiry_schedule_get_due (NylExpirySchedule *self,
                             const char        *profile_id,
                             const char        *profile_name,
                             GListModel        *keys,
                             gint64             now)
{
  GPtrArray *due;
  guint n_items;

  g_return_val_if_fail (NYL_IS_EXPIRY_SCHEDULE (self), NULL);
  g_return_val_if_fail (profile_id != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (keys), NULL);

  due = g_ptr_array_new_with_free_func ((GDestroyNotify)nyl_expiry_notice_free);
  n_items = g_list_model_get_n_items (keys);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(NylApiKey) key = g_list_model_get_item (keys, i);
      const char *key_id;
      gint64 expires_at;
      NylExpiryMilestone milestone;

      if (!NYL_IS_API_KEY (key) || !key_can_expire (key))
        continue;

      key_id = nyl_resource_get_id (NYL_RESOURCE (key));
      if (key_id == NULL)
        continue;

      expires_at = nyl_api_key_get_expires_at (key);
      milestone = nyl_expiry_milestone_at (expires_at, now);
      if (milestone == NYL_EXPIRY_MILESTONE_NONE ||
          milestone <= recorded (self, profile_id, key_id, expires_at))
        continue;

      g_ptr_array_add (due, notice_new (profile_id, profile_name, key_id,
                                        nyl_api_key_get_name (key), expires_at, milestone));
    }

  g_ptr_array_sort (due, compare_notices);

  return due;
}

static void
record (NylExpirySchedule     *self,
        const NylExpiryNotice *notice)
{
  GHashTable *table = g_hash_table_lookup (self->profiles, notice->profile_id);
  Record *entry;

  if (table == NULL)
    {
      table = new_records_table ();
      g_hash_table_insert (self->profiles, g_strdup (notice->profile_id), table);
    }

  entry = g_hash_table_lookup (table, notice->key_id);
  if (entry == NULL)
    {
      entry = g_new0 (Record, 1);
      g_hash_table_insert (table, g_strdup (notice->key_id), entry);
    }

  if (entry->expires_at != notice->expires_at)
    {
      entry->expires_at = notice->expires_at;
      entry->sent = NYL_EXPIRY_MILESTONE_NONE;
    }
  entry->sent = MAX (entry->sent, notice->milestone);
}

gboolean
nyl_expiry_schedule_mark_sent (NylExpirySchedule      *self,
                               const NylExpiryNotice  *notice,
                               GError                **error)
{
  g_return_val_if_fail (NYL_IS_EXPIRY_SCHEDULE (self), FALSE);
  g_return_val_if_fail (notice != NULL, FALSE);
  g_return_val_if_fail (notice->profile_id != NULL && notice->key_id != NULL, FALSE);

  record (self, notice);

  return save (self, error);
}

/* Drops the records of @profile_id's keys that are not in @keys. */
static gboolean
prune (NylExpirySchedule *self,
       const char        *profile_id,
       GListModel        *keys)
{
  GHashTable *table = g_hash_table_lookup (self->profiles, profile_id);
  g_autoptr(GHashTable) present = NULL;
  GHashTableIter iter;
  gpointer key_id;
  gboolean changed = FALSE;
  guint n_items;

  if (table == NULL)
    return FALSE;

  present = g_hash_table_new (g_str_hash, g_str_equal);
  n_items = g_list_model_get_n_items (keys);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (keys, i);

      if (NYL_IS_API_KEY (item) && key_can_expire (NYL_API_KEY (item)) &&
          nyl_resource_get_id (NYL_RESOURCE (item)) != NULL)
        g_hash_table_add (present, (gpointer)nyl_resource_get_id (NYL_RESOURCE (item)));
    }

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key_id, NULL))
    {
      if (!g_hash_table_contains (present, key_id))
        {
          g_hash_table_iter_remove (&iter);
          changed = TRUE;
        }
    }

  if (g_hash_table_size (table) == 0)
    g_hash_table_remove (self->profiles, profile_id);

  return changed;
}

/**
 * nyl_expiry_schedule_take_due:
 * @self: a #NylExpirySchedule
 * @profile_id: the profile @keys belong to
 * @profile_name: (nullable): its name, for the notices
 * @keys: a #GListModel of #NylApiKey: every key of the profile
 * @now: the time (Unix seconds)
 * @error: return location for a save error
 *
 * Returns: (transfer container) (element-type NylExpiryNotice): the notices
 *   to send now, most urgent first; each is recorded as sent
 */
GPtrArray *
nyl_expiry_schedule_take_due (NylExpirySchedule  *self,
                              const char         *profile_id,
                              const char         *profile_name,
                              GListModel         *keys,
                              gint64              now,
                              GError            **error)
{
  g_autoptr(GPtrArray) due = NULL;
  gboolean changed;

  g_return_val_if_fail (NYL_IS_EXPIRY_SCHEDULE (self), NULL);
  g_return_val_if_fail (profile_id != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (keys), NULL);

  due = nyl_expiry_schedule_get_due (self, profile_id, profile_name, keys, now);
  changed = prune (self, profile_id, keys);

  for (guint i = 0; i < due->len; i++)
    record (self, g_ptr_array_index (due, i));

  if ((changed || due->len > 0) && !save (self, error))
    g_debug ("Could not save %s", self->path);

  return g_steal_pointer (&due);
}

gboolean
nyl_expiry_schedule_forget_profile (NylExpirySchedule  *self,
                                    const char         *profile_id,
                                    GError            **error)
{
  g_return_val_if_fail (NYL_IS_EXPIRY_SCHEDULE (self), FALSE);
  g_return_val_if_fail (profile_id != NULL, FALSE);

  if (!g_hash_table_remove (self->profiles, profile_id))
    return TRUE;

  return save (self, error);
}
