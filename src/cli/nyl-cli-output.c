/* nyl-cli-output.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-cli-output"

#include "config.h"

#include "nyl-cli-output.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nyl-api-key.h"
#include "nyl-app-details.h"
#include "nyl-connector.h"
#include "nyl-credential.h"
#include "nyl-domain.h"
#include "nyl-grant.h"
#include "nyl-json.h"
#include "nyl-redirect-uri.h"
#include "nyl-webhook.h"

/* Tables ----------------------------------------------------------------- */

struct _NylCliTable
{
  guint      n_columns;
  GStrv      headers;
  GPtrArray *rows;   /* GStrv */
};

NylCliTable *
nyl_cli_table_new (guint n_columns)
{
  NylCliTable *self = g_new0 (NylCliTable, 1);

  g_return_val_if_fail (n_columns > 0, NULL);

  self->n_columns = n_columns;
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  return self;
}

void
nyl_cli_table_free (NylCliTable *self)
{
  if (self == NULL)
    return;

  g_strfreev (self->headers);
  g_ptr_array_unref (self->rows);
  g_free (self);
}

static GStrv
collect (guint   n,
         va_list args)
{
  GStrv cells = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      const char *cell = va_arg (args, const char *);

      cells[i] = g_strdup (cell != NULL && *cell != '\0' ? cell : "-");
    }

  return cells;
}

void
nyl_cli_table_set_headers (NylCliTable *self,
                           ...)
{
  va_list args;

  va_start (args, self);
  g_strfreev (self->headers);
  self->headers = collect (self->n_columns, args);
  va_end (args);
}

void
nyl_cli_table_add_row (NylCliTable *self,
                       ...)
{
  va_list args;

  va_start (args, self);
  g_ptr_array_add (self->rows, collect (self->n_columns, args));
  va_end (args);
}

guint
nyl_cli_table_get_n_rows (NylCliTable *self)
{
  return self->rows->len;
}

static void
print_row (FILE        *out,
           GStrv        cells,
           const guint *widths,
           guint        n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    {
      if (i + 1 == n_columns)
        {
          fputs (cells[i], out);
          break;
        }

      fputs (cells[i], out);
      for (glong pad = widths[i] - g_utf8_strlen (cells[i], -1) + 2; pad > 0; pad--)
        fputc (' ', out);
    }
  fputc ('\n', out);
}

void
nyl_cli_table_print (NylCliTable *self,
                     FILE        *out)
{
  g_autofree guint *widths = g_new0 (guint, self->n_columns);

  if (self->headers != NULL)
    for (guint i = 0; i < self->n_columns; i++)
      widths[i] = g_utf8_strlen (self->headers[i], -1);

  for (guint r = 0; r < self->rows->len; r++)
    {
      GStrv cells = g_ptr_array_index (self->rows, r);

      for (guint i = 0; i < self->n_columns; i++)
        widths[i] = MAX (widths[i], (guint)g_utf8_strlen (cells[i], -1));
    }

  if (self->headers != NULL)
    print_row (out, self->headers, widths, self->n_columns);
  for (guint r = 0; r < self->rows->len; r++)
    print_row (out, g_ptr_array_index (self->rows, r), widths, self->n_columns);
}

void
nyl_cli_print_fields (FILE       *out,
                      const char *first_label,
                      ...)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  guint width = 0;
  va_list args;

  va_start (args, first_label);
  for (const char *label = first_label; label != NULL; label = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);

      if (value == NULL || *value == '\0')
        continue;
      g_ptr_array_add (labels, (gpointer)label);
      g_ptr_array_add (values, (gpointer)value);
      width = MAX (width, (guint)g_utf8_strlen (label, -1));
    }
  va_end (args);

  for (guint i = 0; i < labels->len; i++)
    {
      const char *label = g_ptr_array_index (labels, i);

      fprintf (out, "%s:", label);
      for (glong pad = width - g_utf8_strlen (label, -1) + 2; pad > 0; pad--)
        fputc (' ', out);
      fprintf (out, "%s\n", (const char *)g_ptr_array_index (values, i));
    }
}

/* JSON ------------------------------------------------------------------- */

void
nyl_cli_print_json_line (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  fputs (text, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

void
nyl_cli_print_json (JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);

      if (n == 0)
        {
          fputs ("[]\n", stdout);
          return;
        }

      fputs ("[\n", stdout);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *text = json_to_string (json_array_get_element (array, i), FALSE);

          fputs (text, stdout);
          fputs (i + 1 < n ? ",\n" : "\n", stdout);
        }
      fputs ("]\n", stdout);
    }
  else
    {
      g_autofree char *text = json_to_string (node, TRUE);

      fputs (text, stdout);
      fputc ('\n', stdout);
    }
}

static void
set_string (JsonObject *object,
            const char *member,
            const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
}

static void
set_time (JsonObject *object,
          const char *member,
          gint64      value)
{
  if (value != 0)
    json_object_set_int_member (object, member, value);
}

static void
set_strv (JsonObject         *object,
          const char         *member,
          const char * const *value)
{
  JsonArray *array;

  if (value == NULL)
    return;

  array = json_array_new ();
  for (guint i = 0; value[i] != NULL; i++)
    json_array_add_string_element (array, value[i]);
  json_object_set_array_member (object, member, array);
}

static void
set_object (JsonObject *object,
            const char *member,
            JsonObject *value)
{
  if (value != NULL)
    json_object_set_object_member (object, member, nyl_json_object_copy (value));
}

static JsonObject *
redirect_uri_to_object (NylRedirectUri *uri)
{
  JsonObject *o = json_object_new ();
  JsonObject *settings = json_object_new ();

  set_string (o, "id", nyl_resource_get_id (NYL_RESOURCE (uri)));
  set_string (o, "url", nyl_redirect_uri_get_url (uri));
  set_string (o, "platform", nyl_redirect_uri_get_platform (uri));
  set_string (settings, "origin", nyl_redirect_uri_get_origin (uri));
  set_string (settings, "bundle_id", nyl_redirect_uri_get_bundle_id (uri));
  set_string (settings, "app_store_id", nyl_redirect_uri_get_app_store_id (uri));
  set_string (settings, "team_id", nyl_redirect_uri_get_team_id (uri));
  set_string (settings, "package_name", nyl_redirect_uri_get_package_name (uri));
  set_string (settings, "sha1_certificate_fingerprint",
              nyl_redirect_uri_get_sha1_certificate_fingerprint (uri));
  json_object_set_object_member (o, "settings", settings);
  set_time (o, "deleted_at", nyl_redirect_uri_get_deleted_at (uri));

  return o;
}

static JsonObject *
app_details_to_object (NylAppDetails *app)
{
  JsonObject *o = json_object_new ();
  GListModel *uris = nyl_app_details_get_callback_uris (app);

  set_string (o, "application_id", nyl_app_details_get_application_id (app));
  set_string (o, "organization_id", nyl_app_details_get_organization_id (app));
  set_string (o, "region", nyl_app_details_get_region (app));
  set_string (o, "environment", nyl_app_details_get_environment (app));
  set_string (o, "default_workspace_id", nyl_app_details_get_default_workspace_id (app));
  set_string (o, "v2_application_id", nyl_app_details_get_v2_application_id (app));
  set_string (o, "domain", nyl_app_details_get_domain (app));
  set_object (o, "branding", nyl_app_details_get_branding (app));
  set_object (o, "hosted_authentication", nyl_app_details_get_hosted_authentication (app));
  set_object (o, "idp_settings", nyl_app_details_get_idp_settings (app));
  if (uris != NULL)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < g_list_model_get_n_items (uris); i++)
        {
          g_autoptr(NylRedirectUri) uri = g_list_model_get_item (uris, i);

          json_array_add_object_element (array, redirect_uri_to_object (uri));
        }
      json_object_set_array_member (o, "callback_uris", array);
    }
  set_time (o, "created_at", nyl_app_details_get_created_at (app));
  set_time (o, "updated_at", nyl_app_details_get_updated_at (app));
  if (nyl_app_details_get_blocked (app))
    json_object_set_boolean_member (o, "blocked", TRUE);

  return o;
}

static JsonObject *
api_key_to_object (NylApiKey *key)
{
  JsonObject *o = json_object_new ();

  set_string (o, "id", nyl_resource_get_id (NYL_RESOURCE (key)));
  set_string (o, "name", nyl_api_key_get_name (key));
  set_string (o, "application_id", nyl_api_key_get_application_id (key));
  set_string (o, "status", nyl_api_key_get_status (key));
  set_strv (o, "permissions", nyl_api_key_get_permissions (key));
  set_time (o, "created_at", nyl_api_key_get_created_at (key));
  set_time (o, "updated_at", nyl_api_key_get_updated_at (key));
  set_time (o, "expires_at", nyl_api_key_get_expires_at (key));

  return o;
}

static JsonObject *
grant_to_object (NylGrant *grant)
{
  JsonObject *o = json_object_new ();

  set_string (o, "id", nyl_resource_get_id (NYL_RESOURCE (grant)));
  set_string (o, "provider", nyl_grant_get_provider (grant));
  set_string (o, "grant_status", nyl_grant_get_grant_status (grant));
  set_string (o, "email", nyl_grant_get_email (grant));
  set_string (o, "name", nyl_grant_get_name (grant));
  set_strv (o, "scope", nyl_grant_get_scope (grant));
  set_string (o, "user_agent", nyl_grant_get_user_agent (grant));
  set_string (o, "ip", nyl_grant_get_ip (grant));
  set_string (o, "state", nyl_grant_get_state (grant));
  set_time (o, "created_at", nyl_grant_get_created_at (grant));
  set_time (o, "updated_at", nyl_grant_get_updated_at (grant));
  set_string (o, "provider_user_id", nyl_grant_get_provider_user_id (grant));
  set_object (o, "settings", nyl_grant_get_settings (grant));
  set_string (o, "credential_id", nyl_grant_get_credential_id (grant));
  set_string (o, "workspace_id", nyl_grant_get_workspace_id (grant));
  if (nyl_grant_get_blocked (grant))
    json_object_set_boolean_member (o, "blocked", TRUE);
  set_strv (o, "email_aliases", nyl_grant_get_email_aliases (grant));
  set_string (o, "account_id", nyl_grant_get_account_id (grant));

  return o;
}

static JsonObject *
connector_to_object (NylConnector *connector)
{
  JsonObject *o = json_object_new ();

  set_string (o, "provider", nyl_connector_get_provider (connector));
  set_string (o, "name", nyl_connector_get_name (connector));
  set_object (o, "settings", nyl_connector_get_settings (connector));
  set_strv (o, "scope", nyl_connector_get_scope (connector));
  set_string (o, "active_credential_id", nyl_connector_get_active_credential_id (connector));

  return o;
}

static JsonObject *
credential_to_object (NylCredential *credential)
{
  JsonObject *o = json_object_new ();

  set_string (o, "id", nyl_resource_get_id (NYL_RESOURCE (credential)));
  set_string (o, "name", nyl_credential_get_name (credential));
  set_string (o, "credential_type", nyl_credential_get_credential_type (credential));
  set_string (o, "hashed_data", nyl_credential_get_hashed_data (credential));
  set_time (o, "created_at", nyl_credential_get_created_at (credential));
  set_time (o, "updated_at", nyl_credential_get_updated_at (credential));

  return o;
}

static JsonObject *
webhook_to_object (NylWebhook *webhook)
{
  JsonObject *o = json_object_new ();

  set_string (o, "id", nyl_resource_get_id (NYL_RESOURCE (webhook)));
  set_string (o, "description", nyl_webhook_get_description (webhook));
  set_strv (o, "trigger_types", nyl_webhook_get_trigger_types (webhook));
  set_string (o, "webhook_url", nyl_webhook_get_webhook_url (webhook));
  set_string (o, "status", nyl_webhook_get_status (webhook));
  set_strv (o, "notification_email_addresses",
            nyl_webhook_get_notification_email_addresses (webhook));
  json_object_set_boolean_member (o, "compressed_delivery",
                                  nyl_webhook_get_compressed_delivery (webhook));
  set_time (o, "status_updated_at", nyl_webhook_get_status_updated_at (webhook));
  set_time (o, "created_at", nyl_webhook_get_created_at (webhook));
  set_time (o, "updated_at", nyl_webhook_get_updated_at (webhook));

  return o;
}

static JsonObject *
domain_to_object (NylDomain *domain)
{
  JsonObject *o = json_object_new ();

  set_string (o, "id", nyl_resource_get_id (NYL_RESOURCE (domain)));
  set_string (o, "name", nyl_domain_get_name (domain));
  set_string (o, "domain_address", nyl_domain_get_domain_address (domain));
  set_string (o, "organization_id", nyl_domain_get_organization_id (domain));
  json_object_set_boolean_member (o, "branded", nyl_domain_get_branded (domain));
  set_string (o, "region", nyl_domain_get_region (domain));
  json_object_set_boolean_member (o, "verified_ownership",
                                  nyl_domain_get_verified_ownership (domain));
  json_object_set_boolean_member (o, "verified_mx", nyl_domain_get_verified_mx (domain));
  json_object_set_boolean_member (o, "verified_spf", nyl_domain_get_verified_spf (domain));
  json_object_set_boolean_member (o, "verified_feedback",
                                  nyl_domain_get_verified_feedback (domain));
  json_object_set_boolean_member (o, "verified_dkim", nyl_domain_get_verified_dkim (domain));
  json_object_set_boolean_member (o, "verified_dmarc", nyl_domain_get_verified_dmarc (domain));
  json_object_set_boolean_member (o, "verified_arc", nyl_domain_get_verified_arc (domain));
  set_time (o, "created_at", nyl_domain_get_created_at (domain));
  set_time (o, "updated_at", nyl_domain_get_updated_at (domain));

  return o;
}

/**
 * nyl_cli_resource_to_json:
 * @resource: a resource
 *
 * Returns: (transfer full): @resource with the API's own field names; secrets
 *   the server returned once (API key, webhook secret) are never included
 */
JsonNode *
nyl_cli_resource_to_json (NylResource *resource)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *o;

  if (NYL_IS_APP_DETAILS (resource))
    o = app_details_to_object (NYL_APP_DETAILS (resource));
  else if (NYL_IS_REDIRECT_URI (resource))
    o = redirect_uri_to_object (NYL_REDIRECT_URI (resource));
  else if (NYL_IS_API_KEY (resource))
    o = api_key_to_object (NYL_API_KEY (resource));
  else if (NYL_IS_GRANT (resource))
    o = grant_to_object (NYL_GRANT (resource));
  else if (NYL_IS_CONNECTOR (resource))
    o = connector_to_object (NYL_CONNECTOR (resource));
  else if (NYL_IS_CREDENTIAL (resource))
    o = credential_to_object (NYL_CREDENTIAL (resource));
  else if (NYL_IS_WEBHOOK (resource))
    o = webhook_to_object (NYL_WEBHOOK (resource));
  else if (NYL_IS_DOMAIN (resource))
    o = domain_to_object (NYL_DOMAIN (resource));
  else
    {
      o = json_object_new ();
      set_string (o, "id", nyl_resource_get_id (resource));
    }

  json_node_take_object (node, o);
  return node;
}

JsonNode *
nyl_cli_list_to_json (GListModel *list)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);
  JsonArray *array = json_array_new ();

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(NylResource) item = g_list_model_get_item (list, i);

      json_array_add_element (array, nyl_cli_resource_to_json (item));
    }

  json_node_take_array (node, array);
  return node;
}

/* Text ------------------------------------------------------------------- */

char *
nyl_cli_format_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) utc = NULL;

  if (unix_seconds == 0)
    return NULL;

  utc = g_date_time_new_from_unix_utc (unix_seconds);
  if (utc == NULL)
    return g_strdup_printf ("%" G_GINT64_FORMAT, unix_seconds);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

char *
nyl_cli_format_relative (gint64 unix_seconds,
                         gint64 now)
{
  gint64 delta;
  gint64 magnitude;

  if (unix_seconds == 0)
    return NULL;

  delta = unix_seconds - now;
  magnitude = ABS (delta);

  if (magnitude < 60)
    return g_strdup (_("now"));

  if (magnitude < 3600)
    {
      int minutes = (int)(magnitude / 60);

      return delta > 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d minute",
                                                       "in %d minutes", minutes), minutes)
                       : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago",
                                                       "%d minutes ago", minutes), minutes);
    }

  if (magnitude < 2 * 86400)
    {
      int hours = (int)(magnitude / 3600);

      return delta > 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d hour",
                                                       "in %d hours", hours), hours)
                       : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago",
                                                       "%d hours ago", hours), hours);
    }

  {
    int days = (int)(magnitude / 86400);

    return delta > 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d day",
                                                     "in %d days", days), days)
                     : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago",
                                                     "%d days ago", days), days);
  }
}

char *
nyl_cli_join (const char * const *strv)
{
  if (strv == NULL || strv[0] == NULL)
    return NULL;

  return g_strjoinv (", ", (char **)strv);
}

void
nyl_cli_csv_append_field (GString    *line,
                          const char *value)
{
  if (value == NULL)
    return;

  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (line, value);
      return;
    }

  g_string_append_c (line, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}
