/* nyl-checklist.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-checklist"

#include "config.h"

#include "nyl-checklist.h"

#include <glib/gi18n.h>

#include "nyl-api-key.h"
#include "nyl-connector.h"
#include "nyl-input-check.h"
#include "nyl-redirect-uri.h"
#include "nyl-webhook.h"

#define DAY (G_GINT64_CONSTANT (24) * 3600)
#define MAX_KEY_LIFETIME (365 * DAY)
#define EXPIRY_WARNING (7 * DAY)
#define MAX_NAMES 3

/**
 * NylChecklist:
 *
 * What an application needs before it goes to production, checked against
 * what the API reports now: at least one redirect URI, none over plain http
 * except localhost, at least one connector, a webhook subscribed to the four
 * grant lifecycle triggers, no webhook failing or failed, no API key living
 * more than a year in a production application and none expiring within
 * seven days. A check whose data is missing is unknown, never passed.
 */
struct _NylChecklist
{
  GObject    parent_instance;

  GPtrArray *items;
  guint      n_passed;
  guint      n_failed;
  guint      n_unknown;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NylChecklist, nyl_checklist, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_PASSED,
  PROP_N_FAILED,
  PROP_N_UNKNOWN,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static const char * const grant_triggers[] = {
  "grant.created", "grant.updated", "grant.deleted", "grant.expired", NULL,
};

static GType
get_item_type (GListModel *model)
{
  return NYL_TYPE_CHECKLIST_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return NYL_CHECKLIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  NylChecklist *self = NYL_CHECKLIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* Names for a detail: up to MAX_NAMES quoted, then "and N more". */
typedef struct
{
  GString *text;
  guint    n;
} NameList;

static void
name_list_init (NameList *list)
{
  list->text = g_string_new (NULL);
  list->n = 0;
}

static void
name_list_add (NameList   *list,
               const char *name)
{
  list->n++;
  if (list->n > MAX_NAMES)
    return;

  if (list->n > 1)
    /* Translators: the separator of a list of names. */
    g_string_append (list->text, _(", "));
  /* Translators: a quoted name in a list. */
  g_string_append_printf (list->text, _("“%s”"), name);
}

static char *
name_list_free_to_string (NameList *list)
{
  if (list->n > MAX_NAMES)
    {
      guint more = list->n - MAX_NAMES;

      /* Translators: follows a list of names, e.g. "“a”, “b”, “c” and 2 more". */
      g_string_append_printf (list->text, ngettext (" and %u more", " and %u more", more), more);
    }

  return g_string_free (list->text, FALSE);
}

static void
set_result (NylChecklist  *self,
            const char    *id,
            NylCheckState  state,
            const char    *detail)
{
  nyl_checklist_item_set_result (nyl_checklist_lookup (self, id), state, detail);
}

static void
check_redirect_uris (NylChecklist *self,
                     GListModel   *uris)
{
  guint n;
  NameList insecure;
  g_autofree char *names = NULL;
  g_autofree char *count = NULL;

  if (uris == NULL)
    {
      set_result (self, NYL_CHECK_REDIRECT_URI, NYL_CHECK_STATE_UNKNOWN,
                  _("The redirect URIs could not be read"));
      set_result (self, NYL_CHECK_REDIRECT_URI_HTTPS, NYL_CHECK_STATE_UNKNOWN,
                  _("The redirect URIs could not be read"));
      return;
    }

  n = g_list_model_get_n_items (uris);
  name_list_init (&insecure);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NylRedirectUri) uri = g_list_model_get_item (uris, i);
      const char *url = nyl_redirect_uri_get_url (uri);

      if (url != NULL && nyl_input_is_insecure_redirect (url))
        name_list_add (&insecure, url);
    }
  names = name_list_free_to_string (&insecure);

  if (n == 0)
    set_result (self, NYL_CHECK_REDIRECT_URI, NYL_CHECK_STATE_FAIL,
                _("No redirect URI is registered, so nobody can sign in through hosted "
                  "authentication"));
  else
    {
      count = g_strdup_printf (ngettext ("%u redirect URI registered",
                                         "%u redirect URIs registered", n), n);
      set_result (self, NYL_CHECK_REDIRECT_URI, NYL_CHECK_STATE_PASS, count);
    }

  if (insecure.n > 0)
    {
      /* Translators: %s is a list of URLs. */
      g_autofree char *detail = g_strdup_printf (_("Uses plain http: %s"), names);

      set_result (self, NYL_CHECK_REDIRECT_URI_HTTPS, NYL_CHECK_STATE_FAIL, detail);
    }
  else
    set_result (self, NYL_CHECK_REDIRECT_URI_HTTPS, NYL_CHECK_STATE_PASS,
                n == 0 ? _("No redirect URI to check")
                       : _("Every redirect URI uses https or localhost"));
}

static void
check_connectors (NylChecklist *self,
                  GListModel   *connectors)
{
  NameList names;
  g_autofree char *text = NULL;
  guint n;

  if (connectors == NULL)
    {
      set_result (self, NYL_CHECK_CONNECTOR, NYL_CHECK_STATE_UNKNOWN,
                  _("The connectors could not be read"));
      return;
    }

  n = g_list_model_get_n_items (connectors);
  name_list_init (&names);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NylConnector) connector = g_list_model_get_item (connectors, i);
      const char *name = nyl_connector_get_name (connector);

      if (name == NULL || *name == '\0')
        name = nyl_connector_get_provider (connector);
      name_list_add (&names, name != NULL ? name : "?");
    }
  text = name_list_free_to_string (&names);

  if (n == 0)
    set_result (self, NYL_CHECK_CONNECTOR, NYL_CHECK_STATE_FAIL,
                _("No connector is set up, so no account can be connected"));
  else
    set_result (self, NYL_CHECK_CONNECTOR, NYL_CHECK_STATE_PASS, text);
}

static const char *
webhook_name (NylWebhook *webhook)
{
  const char *description = nyl_webhook_get_description (webhook);

  if (description != NULL && *description != '\0')
    return description;

  return nyl_webhook_get_webhook_url (webhook);
}

static gboolean
is_paused (const char *status)
{
  return g_strcmp0 (status, "pause") == 0 || g_strcmp0 (status, "paused") == 0;
}

static void
check_webhooks (NylChecklist *self,
                GListModel   *webhooks)
{
  gboolean subscribed[G_N_ELEMENTS (grant_triggers) - 1] = { FALSE, };
  NameList receivers;
  NameList unhealthy;
  g_autofree char *receiver_names = NULL;
  g_autofree char *unhealthy_names = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n;

  if (webhooks == NULL)
    {
      set_result (self, NYL_CHECK_GRANT_WEBHOOK, NYL_CHECK_STATE_UNKNOWN,
                  _("The webhooks could not be read"));
      set_result (self, NYL_CHECK_WEBHOOK_HEALTH, NYL_CHECK_STATE_UNKNOWN,
                  _("The webhooks could not be read"));
      return;
    }

  n = g_list_model_get_n_items (webhooks);
  name_list_init (&receivers);
  name_list_init (&unhealthy);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NylWebhook) webhook = g_list_model_get_item (webhooks, i);
      const char *status = nyl_webhook_get_status (webhook);
      const char * const *triggers = nyl_webhook_get_trigger_types (webhook);
      gboolean receives = FALSE;

      if (g_strcmp0 (status, "failing") == 0 || g_strcmp0 (status, "failed") == 0)
        name_list_add (&unhealthy, webhook_name (webhook));

      /* A paused destination receives nothing. */
      if (is_paused (status) || triggers == NULL)
        continue;

      for (guint t = 0; grant_triggers[t] != NULL; t++)
        {
          if (g_strv_contains (triggers, grant_triggers[t]))
            {
              subscribed[t] = TRUE;
              receives = TRUE;
            }
        }

      if (receives)
        name_list_add (&receivers, webhook_name (webhook));
    }

  receiver_names = name_list_free_to_string (&receivers);
  unhealthy_names = name_list_free_to_string (&unhealthy);

  for (guint t = 0; grant_triggers[t] != NULL; t++)
    {
      if (subscribed[t])
        continue;
      if (missing->len > 0)
        g_string_append (missing, _(", "));
      g_string_append (missing, grant_triggers[t]);
    }

  if (missing->len == 0)
    {
      /* Translators: %s is a list of webhook names. */
      g_autofree char *detail = g_strdup_printf (_("Received by %s"), receiver_names);

      set_result (self, NYL_CHECK_GRANT_WEBHOOK, NYL_CHECK_STATE_PASS, detail);
    }
  else
    {
      /* Translators: %s is a list of trigger names such as grant.expired. */
      g_autofree char *detail = g_strdup_printf (_("No active webhook receives %s"), missing->str);

      set_result (self, NYL_CHECK_GRANT_WEBHOOK, NYL_CHECK_STATE_FAIL, detail);
    }

  if (unhealthy.n > 0)
    {
      /* Translators: %s is a list of webhook names. */
      g_autofree char *detail = g_strdup_printf (_("Failing or failed: %s"), unhealthy_names);

      set_result (self, NYL_CHECK_WEBHOOK_HEALTH, NYL_CHECK_STATE_FAIL, detail);
    }
  else
    set_result (self, NYL_CHECK_WEBHOOK_HEALTH, NYL_CHECK_STATE_PASS,
                n == 0 ? _("No webhook to check") : _("Every webhook delivers"));
}

static gboolean
key_is_live (NylApiKey *key,
             gint64     now)
{
  const char *status = nyl_api_key_get_status (key);
  gint64 expires_at = nyl_api_key_get_expires_at (key);

  if (status != NULL && g_strcmp0 (status, "active") != 0)
    return FALSE;

  return expires_at == 0 || expires_at > now;
}

static void
check_api_keys (NylChecklist  *self,
                NylAppDetails *details,
                GListModel    *keys,
                gint64         now)
{
  NameList long_lived;
  NameList expiring;
  g_autofree char *long_names = NULL;
  g_autofree char *expiring_names = NULL;
  gint64 soonest = G_MAXINT64;
  const char *environment;
  gboolean production;
  guint n;

  if (keys == NULL)
    {
      set_result (self, NYL_CHECK_KEY_LIFETIME, NYL_CHECK_STATE_UNKNOWN,
                  _("The API keys could not be read"));
      set_result (self, NYL_CHECK_KEY_EXPIRY, NYL_CHECK_STATE_UNKNOWN,
                  _("The API keys could not be read"));
      return;
    }

  n = g_list_model_get_n_items (keys);
  name_list_init (&long_lived);
  name_list_init (&expiring);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NylApiKey) key = g_list_model_get_item (keys, i);
      gint64 expires_at = nyl_api_key_get_expires_at (key);
      gint64 created_at = nyl_api_key_get_created_at (key);
      const char *name = nyl_api_key_get_name (key);

      if (!key_is_live (key, now))
        continue;

      if (name == NULL || *name == '\0')
        name = nyl_resource_get_id (NYL_RESOURCE (key));
      if (name == NULL)
        name = "?";

      /* A key that never expires lives more than a year too. */
      if (expires_at == 0 ||
          expires_at - (created_at > 0 ? created_at : now) > MAX_KEY_LIFETIME)
        name_list_add (&long_lived, name);

      if (expires_at != 0 && expires_at - now <= EXPIRY_WARNING)
        {
          name_list_add (&expiring, name);
          soonest = MIN (soonest, expires_at);
        }
    }

  long_names = name_list_free_to_string (&long_lived);
  expiring_names = name_list_free_to_string (&expiring);

  environment = details != NULL ? nyl_app_details_get_environment (details) : NULL;
  production = environment != NULL && g_ascii_strcasecmp (environment, "production") == 0;

  if (details == NULL)
    set_result (self, NYL_CHECK_KEY_LIFETIME, NYL_CHECK_STATE_UNKNOWN,
                _("The application’s environment is not known yet"));
  else if (!production)
    set_result (self, NYL_CHECK_KEY_LIFETIME, NYL_CHECK_STATE_PASS,
                _("Only checked for production applications"));
  else if (long_lived.n > 0)
    {
      /* Translators: %s is a list of API key names. */
      g_autofree char *detail = g_strdup_printf (_("Valid for more than a year: %s"), long_names);

      set_result (self, NYL_CHECK_KEY_LIFETIME, NYL_CHECK_STATE_FAIL, detail);
    }
  else
    set_result (self, NYL_CHECK_KEY_LIFETIME, NYL_CHECK_STATE_PASS,
                _("Every active key expires within a year"));

  if (expiring.n > 0)
    {
      /* Rounded up: 4.5 days left is "in 5 days". */
      gint64 days = (soonest - now + DAY - 1) / DAY;
      g_autofree char *when = NULL;
      g_autofree char *detail = NULL;

      if (days <= 1)
        when = g_strdup (_("the first one within a day"));
      else
        /* Translators: completes "Expiring soon: “CI”; the first one in 5 days". */
        when = g_strdup_printf (ngettext ("the first one in %d day", "the first one in %d days",
                                          (int) days), (int) days);

      /* Translators: %s is a list of API key names, then when the first one expires. */
      detail = g_strdup_printf (_("Expiring soon: %s; %s"), expiring_names, when);
      set_result (self, NYL_CHECK_KEY_EXPIRY, NYL_CHECK_STATE_FAIL, detail);
    }
  else
    set_result (self, NYL_CHECK_KEY_EXPIRY, NYL_CHECK_STATE_PASS,
                _("No active key expires within 7 days"));
}

static void
recount (NylChecklist *self)
{
  guint passed = 0;
  guint failed = 0;
  guint unknown = 0;

  for (guint i = 0; i < self->items->len; i++)
    {
      switch (nyl_checklist_item_get_state (g_ptr_array_index (self->items, i)))
        {
        case NYL_CHECK_STATE_PASS:
          passed++;
          break;

        case NYL_CHECK_STATE_FAIL:
          failed++;
          break;

        case NYL_CHECK_STATE_UNKNOWN:
        default:
          unknown++;
          break;
        }
    }

  g_object_freeze_notify (G_OBJECT (self));
  if (self->n_passed != passed)
    {
      self->n_passed = passed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PASSED]);
    }
  if (self->n_failed != failed)
    {
      self->n_failed = failed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FAILED]);
    }
  if (self->n_unknown != unknown)
    {
      self->n_unknown = unknown;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNKNOWN]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
on_item_state_changed_cb (NylChecklist *self)
{
  recount (self);
}

static void
nyl_checklist_finalize (GObject *object)
{
  NylChecklist *self = (NylChecklist *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (nyl_checklist_parent_class)->finalize (object);
}

static void
nyl_checklist_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  NylChecklist *self = NYL_CHECKLIST (object);

  switch (prop_id)
    {
    case PROP_N_PASSED:
      g_value_set_uint (value, self->n_passed);
      break;

    case PROP_N_FAILED:
      g_value_set_uint (value, self->n_failed);
      break;

    case PROP_N_UNKNOWN:
      g_value_set_uint (value, self->n_unknown);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_checklist_class_init (NylChecklistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nyl_checklist_finalize;
  object_class->get_property = nyl_checklist_get_property;

  properties[PROP_N_PASSED] =
    g_param_spec_uint ("n-passed", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_FAILED] =
    g_param_spec_uint ("n-failed", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_UNKNOWN] =
    g_param_spec_uint ("n-unknown", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
add_item (NylChecklist *self,
          const char   *id,
          const char   *title,
          const char   *section)
{
  NylChecklistItem *item = nyl_checklist_item_new (id, title, section);

  nyl_checklist_item_set_result (item, NYL_CHECK_STATE_UNKNOWN, _("Not checked yet"));
  /* Items live as long as the list, so a plain connection is safe. */
  g_signal_connect_swapped (item, "notify::state", G_CALLBACK (on_item_state_changed_cb), self);
  g_ptr_array_add (self->items, item);
}

static void
nyl_checklist_init (NylChecklist *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);

  add_item (self, NYL_CHECK_REDIRECT_URI, _("At least one redirect URI"), "redirect-uris");
  add_item (self, NYL_CHECK_REDIRECT_URI_HTTPS, _("No plain http redirect URI except localhost"),
            "redirect-uris");
  add_item (self, NYL_CHECK_CONNECTOR, _("At least one connector"), "connectors");
  add_item (self, NYL_CHECK_GRANT_WEBHOOK,
            _("A webhook for grant.created, grant.updated, grant.deleted and grant.expired"),
            "webhooks");
  add_item (self, NYL_CHECK_WEBHOOK_HEALTH, _("No webhook failing or failed"), "webhooks");
  add_item (self, NYL_CHECK_KEY_LIFETIME, _("No API key valid for more than a year"),
            "api-keys");
  add_item (self, NYL_CHECK_KEY_EXPIRY, _("No API key expiring within 7 days"), "api-keys");

  self->n_unknown = self->items->len;
}

NylChecklist *
nyl_checklist_new (void)
{
  return g_object_new (NYL_TYPE_CHECKLIST, NULL);
}

/**
 * nyl_checklist_update:
 * @self: a #NylChecklist
 * @details: (nullable): the application, or %NULL when not loaded
 * @redirect_uris: (nullable): its #NylRedirectUri list; %NULL falls back to
 *   the `callback_uris` of @details
 * @connectors: (nullable): its #NylConnector list, %NULL when not readable
 * @webhooks: (nullable): its #NylWebhook list, %NULL when not readable
 * @api_keys: (nullable): its #NylApiKey list, %NULL when not readable (no
 *   Service Account)
 * @now: the current time, Unix seconds
 *
 * Recomputes every check. A check whose data is %NULL becomes unknown.
 */
void
nyl_checklist_update (NylChecklist  *self,
                      NylAppDetails *details,
                      GListModel    *redirect_uris,
                      GListModel    *connectors,
                      GListModel    *webhooks,
                      GListModel    *api_keys,
                      gint64         now)
{
  g_return_if_fail (NYL_IS_CHECKLIST (self));
  g_return_if_fail (details == NULL || NYL_IS_APP_DETAILS (details));
  g_return_if_fail (redirect_uris == NULL || G_IS_LIST_MODEL (redirect_uris));
  g_return_if_fail (connectors == NULL || G_IS_LIST_MODEL (connectors));
  g_return_if_fail (webhooks == NULL || G_IS_LIST_MODEL (webhooks));
  g_return_if_fail (api_keys == NULL || G_IS_LIST_MODEL (api_keys));

  if (redirect_uris == NULL && details != NULL)
    redirect_uris = nyl_app_details_get_callback_uris (details);

  check_redirect_uris (self, redirect_uris);
  check_connectors (self, connectors);
  check_webhooks (self, webhooks);
  check_api_keys (self, details, api_keys, now);
}

/**
 * nyl_checklist_lookup:
 * @self: a #NylChecklist
 * @id: one of the `NYL_CHECK_*` IDs
 *
 * Returns: (transfer none) (nullable): the item, or %NULL for an unknown ID
 */
NylChecklistItem *
nyl_checklist_lookup (NylChecklist *self,
                      const char   *id)
{
  g_return_val_if_fail (NYL_IS_CHECKLIST (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      NylChecklistItem *item = g_ptr_array_index (self->items, i);

      if (g_str_equal (nyl_checklist_item_get_id (item), id))
        return item;
    }

  return NULL;
}

guint
nyl_checklist_get_n_passed (NylChecklist *self)
{
  g_return_val_if_fail (NYL_IS_CHECKLIST (self), 0);

  return self->n_passed;
}

guint
nyl_checklist_get_n_failed (NylChecklist *self)
{
  g_return_val_if_fail (NYL_IS_CHECKLIST (self), 0);

  return self->n_failed;
}

guint
nyl_checklist_get_n_unknown (NylChecklist *self)
{
  g_return_val_if_fail (NYL_IS_CHECKLIST (self), 0);

  return self->n_unknown;
}
