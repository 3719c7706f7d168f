/* nyl-sandbox-faults.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-sandbox-faults"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "nyl-api-error.h"
#include "nyl-sandbox-private.h"

/* Faults for tests and demos. Each one can be set by POST /__sandbox/faults (a JSON object of the
 * members below), read by GET and reset by DELETE, or given at start in NYL_SANDBOX_FAULTS as
 * "name=value,name=value". Shares ("_rate") are drawn from a generator seeded by the sandbox's
 * seed, so a run is reproducible. */

#define DEFAULT_CLOCK_SCALE 3600.0   /* one simulated hour per real second */

void
nyl_sb_faults_init (NylSbFaults *faults,
                    guint64      seed)
{
  g_free (faults->path_prefix);
  memset (faults, 0, sizeof *faults);
  faults->retry_after = 1;
  faults->webhook_clock_scale = DEFAULT_CLOCK_SCALE;
  faults->rng = seed ^ G_GUINT64_CONSTANT (0x853c49e6748fea9b);
}

void
nyl_sb_faults_clear (NylSbFaults *faults)
{
  g_clear_pointer (&faults->path_prefix, g_free);
}

static double
next_unit (NylSbFaults *faults)
{
  guint64 x;

  faults->rng += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  x = faults->rng;
  x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  x ^= x >> 31;
  return (double) (x >> 11) / (double) (G_GUINT64_CONSTANT (1) << 53);
}

static gboolean
value_number (JsonNode *value,
              double   *out)
{
  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value))
    return FALSE;
  switch (json_node_get_value_type (value))
    {
    case G_TYPE_INT64:
      *out = (double) json_node_get_int (value);
      return TRUE;
    case G_TYPE_DOUBLE:
      *out = json_node_get_double (value);
      return TRUE;
    case G_TYPE_STRING:
      {
        char *end = NULL;
        const char *s = json_node_get_string (value);

        *out = g_ascii_strtod (s, &end);
        return end != s && *end == '\0';
      }
    default:
      return FALSE;
    }
}

gboolean
nyl_sb_faults_set (NylSbFaults  *faults,
                   const char   *name,
                   JsonNode     *value,
                   GError      **error)
{
  static const struct {
    const char *name;
    gboolean    rate;
    double      max;
    gsize       offset;
  } numbers[] = {
    { "latency_ms", FALSE, 60000, G_STRUCT_OFFSET (NylSbFaults, latency_ms) },
    { "error_rate", TRUE, 1, G_STRUCT_OFFSET (NylSbFaults, error_rate) },
    { "error_count", FALSE, 1000000, G_STRUCT_OFFSET (NylSbFaults, error_count) },
    { "rate_limit_burst", FALSE, 1000000, G_STRUCT_OFFSET (NylSbFaults, rate_limit_burst) },
    { "retry_after", FALSE, 3600, G_STRUCT_OFFSET (NylSbFaults, retry_after) },
    { "malformed_rate", TRUE, 1, G_STRUCT_OFFSET (NylSbFaults, malformed_rate) },
    { "malformed_count", FALSE, 1000000, G_STRUCT_OFFSET (NylSbFaults, malformed_count) },
    { "truncated_rate", TRUE, 1, G_STRUCT_OFFSET (NylSbFaults, truncated_rate) },
    { "truncated_count", FALSE, 1000000, G_STRUCT_OFFSET (NylSbFaults, truncated_count) },
  };
  double number;

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      if (!g_str_equal (name, numbers[i].name))
        continue;
      if (!value_number (value, &number) || number < 0 || number > numbers[i].max ||
          (!numbers[i].rate && number != (double) (guint) number))
        {
          g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                       "%s must be a number from 0 to %g%s", name, numbers[i].max,
                       numbers[i].rate ? "" : " (an integer)");
          return FALSE;
        }
      if (numbers[i].rate)
        G_STRUCT_MEMBER (double, faults, numbers[i].offset) = number;
      else
        G_STRUCT_MEMBER (guint, faults, numbers[i].offset) = (guint) number;
      return TRUE;
    }

  if (g_str_equal (name, "webhook_clock_scale"))
    {
      if (!value_number (value, &number) || number < 1 || number > 1e9)
        {
          g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                       "webhook_clock_scale must be a number from 1 to 1e9");
          return FALSE;
        }
      faults->webhook_clock_scale = number;
      return TRUE;
    }

  if (g_str_equal (name, "auto_consent"))
    {
      if (value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
          json_node_get_value_type (value) == G_TYPE_BOOLEAN)
        faults->auto_consent = json_node_get_boolean (value);
      else if (value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
               json_node_get_value_type (value) == G_TYPE_STRING &&
               (g_str_equal (json_node_get_string (value), "true") ||
                g_str_equal (json_node_get_string (value), "false")))
        faults->auto_consent = g_str_equal (json_node_get_string (value), "true");
      else
        {
          g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                       "auto_consent must be true or false");
          return FALSE;
        }
      return TRUE;
    }

  if (g_str_equal (name, "path_prefix"))
    {
      if (value != NULL && JSON_NODE_HOLDS_NULL (value))
        {
          g_clear_pointer (&faults->path_prefix, g_free);
          return TRUE;
        }
      if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) ||
          json_node_get_value_type (value) != G_TYPE_STRING ||
          json_node_get_string (value)[0] != '/')
        {
          g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                       "path_prefix must be a path starting with /");
          return FALSE;
        }
      g_free (faults->path_prefix);
      faults->path_prefix = g_strdup (json_node_get_string (value));
      return TRUE;
    }

  g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST, "Unknown fault “%s”", name);
  return FALSE;
}

gboolean
nyl_sb_faults_parse_env (NylSbFaults  *faults,
                         const char   *spec,
                         GError      **error)
{
  g_auto(GStrv) items = g_strsplit (spec, ",", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autoptr(JsonNode) value = json_node_new (JSON_NODE_VALUE);
      char *item = g_strstrip (items[i]);
      char *eq = strchr (item, '=');

      if (item[0] == '\0')
        continue;
      if (eq == NULL)
        {
          g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                       "NYL_SANDBOX_FAULTS: “%s” is not name=value", item);
          return FALSE;
        }
      *eq = '\0';
      json_node_set_string (value, eq + 1);
      if (!nyl_sb_faults_set (faults, item, value, error))
        return FALSE;
    }
  return TRUE;
}

JsonNode *
nyl_sb_faults_to_json (NylSbFaults *faults)
{
  JsonObject *o = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (o, "latency_ms", faults->latency_ms);
  json_object_set_double_member (o, "error_rate", faults->error_rate);
  json_object_set_int_member (o, "error_count", faults->error_count);
  json_object_set_int_member (o, "rate_limit_burst", faults->rate_limit_burst);
  json_object_set_int_member (o, "retry_after", faults->retry_after);
  json_object_set_double_member (o, "malformed_rate", faults->malformed_rate);
  json_object_set_int_member (o, "malformed_count", faults->malformed_count);
  json_object_set_double_member (o, "truncated_rate", faults->truncated_rate);
  json_object_set_int_member (o, "truncated_count", faults->truncated_count);
  if (faults->path_prefix != NULL)
    json_object_set_string_member (o, "path_prefix", faults->path_prefix);
  else
    json_object_set_null_member (o, "path_prefix");
  json_object_set_double_member (o, "webhook_clock_scale", faults->webhook_clock_scale);
  json_object_set_boolean_member (o, "auto_consent", faults->auto_consent);
  json_node_take_object (node, o);
  return node;
}

gboolean
nyl_sb_faults_applies (NylSbFaults *faults,
                       const char  *path)
{
  return faults->path_prefix == NULL || g_str_has_prefix (path, faults->path_prefix);
}

guint
nyl_sb_faults_decide (NylSbFaults *faults,
                      const char  *path,
                      NylSbMangle *mangle)
{
  *mangle = NYL_SB_MANGLE_NONE;

  if (!nyl_sb_faults_applies (faults, path))
    return 0;

  if (faults->rate_limit_burst > 0)
    {
      faults->rate_limit_burst--;
      return 429;
    }
  if (faults->error_count > 0)
    {
      faults->error_count--;
      return 500;
    }
  if (faults->error_rate > 0 && next_unit (faults) < faults->error_rate)
    return 500;

  if (faults->malformed_count > 0)
    {
      faults->malformed_count--;
      *mangle = NYL_SB_MANGLE_MALFORMED;
    }
  else if (faults->truncated_count > 0)
    {
      faults->truncated_count--;
      *mangle = NYL_SB_MANGLE_TRUNCATED;
    }
  else if (faults->malformed_rate > 0 && next_unit (faults) < faults->malformed_rate)
    *mangle = NYL_SB_MANGLE_MALFORMED;
  else if (faults->truncated_rate > 0 && next_unit (faults) < faults->truncated_rate)
    *mangle = NYL_SB_MANGLE_TRUNCATED;

  return 0;
}

/* /__sandbox/faults (GET, POST, DELETE) and /__sandbox/save (POST): the sandbox's own control
 * routes. They need no key: the sandbox only listens on loopback. */
void
nyl_sb_handle_control (NylSbRequest *req)
{
  NylSandbox *self = req->sandbox;

  if (req->n_segs == 2 && g_str_equal (req->segs[1], "faults"))
    {
      if (nyl_sb_method_is (req, "GET"))
        {
          nyl_sb_reply_data (req, 200, nyl_sb_faults_to_json (&self->faults));
        }
      else if (nyl_sb_method_is (req, "DELETE"))
        {
          guint64 rng = self->faults.rng;

          nyl_sb_faults_init (&self->faults, 0);
          self->faults.rng = rng;
          nyl_sb_reply_data (req, 200, nyl_sb_faults_to_json (&self->faults));
        }
      else if (nyl_sb_method_is (req, "POST"))
        {
          JsonObject *body = nyl_sb_request_object (req);
          NylSbFaults copy;
          JsonObjectIter iter;
          const char *name;
          JsonNode *value;

          if (body == NULL)
            return;

          /* All or nothing: validate on a copy. */
          copy = self->faults;
          copy.path_prefix = g_strdup (self->faults.path_prefix);
          json_object_iter_init (&iter, body);
          while (json_object_iter_next (&iter, &name, &value))
            {
              g_autoptr(GError) error = NULL;

              if (!nyl_sb_faults_set (&copy, name, value, &error))
                {
                  nyl_sb_faults_clear (&copy);
                  nyl_sb_reply_error (req, 400, "api.invalid_request_error", "%s", error->message);
                  return;
                }
            }
          nyl_sb_faults_clear (&self->faults);
          self->faults = copy;
          nyl_sb_reply_data (req, 200, nyl_sb_faults_to_json (&self->faults));
        }
      else
        {
          nyl_sb_reply_bad_method (req);
        }
      return;
    }

  if (req->n_segs == 2 && g_str_equal (req->segs[1], "save"))
    {
      g_autoptr(GError) error = NULL;

      if (!nyl_sb_method_is (req, "POST"))
        nyl_sb_reply_bad_method (req);
      else if (!nyl_sandbox_save (self, &error))
        nyl_sb_reply_error (req, 500, "api.internal_error", "%s", error->message);
      else
        nyl_sb_reply_empty (req);
      return;
    }

  nyl_sb_reply_not_found (req, "Route");
}
