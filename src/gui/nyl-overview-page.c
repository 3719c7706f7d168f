/* nyl-overview-page.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-overview-page"

#include "config.h"

#include "nyl-overview-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "nyl-api-key.h"
#include "nyl-app-details.h"
#include "nyl-banner.h"
#include "nyl-checklist-row.h"
#include "nyl-connector.h"
#include "nyl-health-card.h"
#include "nyl-redirect-uri.h"
#include "nyl-state-stack.h"
#include "nyl-ui-form.h"
#include "nyl-webhook.h"

#define DAY (G_GINT64_CONSTANT (86400))
/* A window regaining focus refreshes at most this often. */
#define FOCUS_REFRESH_INTERVAL (5 * G_USEC_PER_SEC)

/* What one refresh loads; each source keeps its last good value. */
typedef enum
{
  SOURCE_DETAILS,
  SOURCE_REDIRECT_URIS,
  SOURCE_CONNECTORS,
  SOURCE_WEBHOOKS,
  SOURCE_API_KEYS,
  SOURCE_GRANT_STATS,
  N_SOURCES,
} Source;

struct _NylOverviewPage
{
  GtkWidget      parent_instance;

  /* Owned References */
  NylSession    *session;
  NylChecklist  *checklist;
  GCancellable  *cancellable;
  NylAppDetails *details;
  GListModel    *lists[N_SOURCES];   /* SOURCE_REDIRECT_URIS … SOURCE_API_KEYS */
  NylGrantStats *grant_stats;
  GError        *errors[N_SOURCES];  /* of the refresh running or last done */

  /* Borrowed References */
  GtkWindow     *window;

  guint          generation;
  guint          pending;
  gint64         last_refresh;
  gulong         active_handler;

  /* Template Widgets */
  NylBanner     *banner;
  NylStateStack *state_stack;
  GtkLabel      *title_label;
  GtkSpinner    *spinner;
  GtkWidget     *refresh_button;
  AdwActionRow  *application_id_row;
  AdwActionRow  *organization_row;
  AdwActionRow  *region_row;
  AdwActionRow  *environment_row;
  AdwActionRow  *api_row;
  AdwActionRow  *branding_name_row;
  AdwActionRow  *branding_website_row;
  AdwActionRow  *branding_icon_row;
  AdwActionRow  *branding_description_row;
  NylHealthCard *grants_card;
  NylHealthCard *connectors_card;
  NylHealthCard *webhooks_card;
  NylHealthCard *keys_card;
  AdwPreferencesGroup *checklist_group;
  GtkListBox    *checklist_list;
};

G_DEFINE_FINAL_TYPE (NylOverviewPage, nyl_overview_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_LOADING,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  NylOverviewPage *self;
  Source           source;
  guint            generation;
} LoadData;

static void start_refresh (NylOverviewPage *self,
                           gboolean         with_grant_stats);

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->self);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

static LoadData *
load_data_new (NylOverviewPage *self,
               Source           source)
{
  LoadData *data = g_new0 (LoadData, 1);

  data->self = g_object_ref (self);
  data->source = source;
  data->generation = self->generation;
  self->pending++;

  return data;
}

static const char *
or_not_set (const char *value)
{
  return value != NULL && *value != '\0' ? value : _("Not set");
}

static const char *
region_name (const char *region)
{
  if (g_strcmp0 (region, "us") == 0)
    return _("United States (US)");
  if (g_strcmp0 (region, "eu") == 0)
    return _("Europe (EU)");

  return or_not_set (region);
}

static const char *
environment_name (const char *environment)
{
  if (g_strcmp0 (environment, "production") == 0)
    return _("Production");
  if (g_strcmp0 (environment, "staging") == 0)
    return _("Staging");
  if (g_strcmp0 (environment, "development") == 0)
    return _("Development");
  if (g_strcmp0 (environment, "sandbox") == 0)
    return _("Sandbox");

  return or_not_set (environment);
}

static void
set_subtitle (AdwActionRow *row,
              const char   *text)
{
  adw_action_row_set_subtitle (row, or_not_set (text));
}

static void
update_details (NylOverviewPage *self)
{
  NylAppDetails *details = self->details;
  NylProfile *profile = self->session ? nyl_session_get_profile (self->session) : NULL;
  const char *name = details ? nyl_app_details_get_branding_name (details) : NULL;
  NylClient *client = self->session ? nyl_session_get_client (self->session) : NULL;
  const char *base_url = client ? nyl_client_get_base_url (client) : NULL;
  g_autofree char *api = NULL;

  if (name == NULL || *name == '\0')
    name = profile ? nyl_profile_get_name (profile) : NULL;
  gtk_label_set_label (self->title_label, name ? name : "");

  if (details == NULL)
    {
      AdwActionRow *rows[] = { self->application_id_row, self->organization_row,
                               self->region_row, self->environment_row, self->api_row,
                               self->branding_name_row, self->branding_website_row,
                               self->branding_icon_row, self->branding_description_row };

      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        adw_action_row_set_subtitle (rows[i], "");
      return;
    }

  set_subtitle (self->application_id_row, nyl_app_details_get_application_id (details));
  set_subtitle (self->organization_row, nyl_app_details_get_organization_id (details));
  adw_action_row_set_subtitle (self->region_row,
                               region_name (nyl_app_details_get_region (details)));
  adw_action_row_set_subtitle (self->environment_row,
                               environment_name (nyl_app_details_get_environment (details)));

  if (profile != NULL && g_strcmp0 (nyl_profile_get_id (profile), "sandbox") == 0)
    /* Translators: %s is the address of the simulated API, e.g. http://127.0.0.1:41234. */
    api = g_strdup_printf (_("Sandbox (simulated) at %s"), base_url);
  else
    api = g_strdup (base_url);
  set_subtitle (self->api_row, api);

  set_subtitle (self->branding_name_row, nyl_app_details_get_branding_name (details));
  set_subtitle (self->branding_website_row, nyl_app_details_get_branding_website_url (details));
  set_subtitle (self->branding_icon_row, nyl_app_details_get_branding_icon_url (details));
  set_subtitle (self->branding_description_row,
                nyl_app_details_get_branding_description (details));
}

static guint
count_in (GHashTable *table,
          const char *key)
{
  return table != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (table, key)) : 0;
}

static void
update_grants_card (NylOverviewPage *self)
{
  g_autofree char *value = NULL;
  g_autofree char *detail = NULL;
  guint invalid;

  if (self->grant_stats == NULL)
    {
      nyl_health_card_set_value (self->grants_card, "—");
      nyl_health_card_set_detail (self->grants_card,
                                  self->errors[SOURCE_GRANT_STATS] ? _("Could not be counted")
                                                                   : _("Counting…"));
      nyl_health_card_set_attention (self->grants_card, FALSE);
      return;
    }

  invalid = count_in (self->grant_stats->by_status, "invalid");
  value = g_strdup_printf ("%u", self->grant_stats->total);
  /* Translators: grant counts by status, e.g. "480 valid · 20 invalid". */
  detail = g_strdup_printf (_("%u valid · %u invalid"),
                            count_in (self->grant_stats->by_status, "valid"), invalid);
  nyl_health_card_set_value (self->grants_card, value);
  nyl_health_card_set_detail (self->grants_card, detail);
  nyl_health_card_set_attention (self->grants_card, invalid > 0);
}

static void
update_connectors_card (NylOverviewPage *self)
{
  GListModel *connectors = self->lists[SOURCE_CONNECTORS];
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *value = NULL;
  guint n;

  if (connectors == NULL)
    {
      nyl_health_card_set_value (self->connectors_card, "—");
      nyl_health_card_set_detail (self->connectors_card, _("Could not be read"));
      return;
    }

  n = g_list_model_get_n_items (connectors);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NylConnector) connector = g_list_model_get_item (connectors, i);
      const char *name = nyl_connector_get_name (connector);

      if (names->len > 0)
        g_string_append (names, _(", "));
      g_string_append (names, name && *name ? name : nyl_connector_get_provider (connector));
    }

  value = g_strdup_printf ("%u", n);
  nyl_health_card_set_value (self->connectors_card, value);
  nyl_health_card_set_detail (self->connectors_card, n > 0 ? names->str : _("None set up"));
  nyl_health_card_set_attention (self->connectors_card, n == 0);
}

static void
update_webhooks_card (NylOverviewPage *self)
{
  GListModel *webhooks = self->lists[SOURCE_WEBHOOKS];
  guint active = 0, paused = 0, failing = 0, failed = 0;
  g_autofree char *value = NULL;
  g_autofree char *detail = NULL;
  guint n;

  if (webhooks == NULL)
    {
      nyl_health_card_set_value (self->webhooks_card, "—");
      nyl_health_card_set_detail (self->webhooks_card, _("Could not be read"));
      return;
    }

  n = g_list_model_get_n_items (webhooks);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NylWebhook) webhook = g_list_model_get_item (webhooks, i);
      const char *status = nyl_webhook_get_status (webhook);

      if (g_strcmp0 (status, "failing") == 0)
        failing++;
      else if (g_strcmp0 (status, "failed") == 0)
        failed++;
      else if (g_strcmp0 (status, "pause") == 0 || g_strcmp0 (status, "paused") == 0)
        paused++;
      else
        active++;
    }

  value = g_strdup_printf ("%u", n);
  /* Translators: webhook counts by status. */
  detail = g_strdup_printf (_("%u active · %u paused · %u failing · %u failed"),
                            active, paused, failing, failed);
  nyl_health_card_set_value (self->webhooks_card, value);
  nyl_health_card_set_detail (self->webhooks_card, detail);
  nyl_health_card_set_attention (self->webhooks_card, failing + failed > 0);
}

static void
update_keys_card (NylOverviewPage *self,
                  gint64           now)
{
  GListModel *keys = self->lists[SOURCE_API_KEYS];
  g_autoptr(NylApiKey) nearest = NULL;
  g_autofree char *value = NULL;
  g_autofree char *detail = NULL;
  guint active = 0;
  guint n;

  if (self->session != NULL && !nyl_session_has_service_account (self->session))
    {
      nyl_health_card_set_value (self->keys_card, "—");
      nyl_health_card_set_detail (self->keys_card,
                                  _("Add a Service Account to this application to see its keys"));
      nyl_health_card_set_attention (self->keys_card, FALSE);
      return;
    }

  if (keys == NULL)
    {
      nyl_health_card_set_value (self->keys_card, "—");
      nyl_health_card_set_detail (self->keys_card, _("Could not be read"));
      return;
    }

  n = g_list_model_get_n_items (keys);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NylApiKey) key = g_list_model_get_item (keys, i);
      gint64 expires_at = nyl_api_key_get_expires_at (key);

      if (expires_at != 0 && expires_at <= now)
        continue;
      active++;
      if (expires_at != 0 &&
          (nearest == NULL || expires_at < nyl_api_key_get_expires_at (nearest)))
        g_set_object (&nearest, key);
    }

  value = g_strdup_printf ("%u", active);
  if (nearest != NULL)
    {
      /* Rounded up: a key with 4.5 days left "expires in 5 days". */
      gint64 days = (nyl_api_key_get_expires_at (nearest) - now + DAY - 1) / DAY;

      /* Translators: the API key that expires first, e.g. "“CI” expires in 5 days". */
      detail = g_strdup_printf (ngettext ("“%s” expires in %d day",
                                          "“%s” expires in %d days", (int) days),
                                nyl_api_key_get_name (nearest), (int) days);
      /* The same week the checklist warns about. */
      nyl_health_card_set_attention (self->keys_card,
                                     nyl_api_key_get_expires_at (nearest) - now <= 7 * DAY);
    }
  else
    {
      detail = g_strdup (active > 0 ? _("No key expires") : _("No active key"));
      nyl_health_card_set_attention (self->keys_card, FALSE);
    }
  nyl_health_card_set_value (self->keys_card, value);
  nyl_health_card_set_detail (self->keys_card, detail);
}

static void
update_checklist (NylOverviewPage *self,
                  gint64           now)
{
  g_autofree char *summary = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->checklist));

  nyl_checklist_update (self->checklist, self->details, self->lists[SOURCE_REDIRECT_URIS],
                        self->lists[SOURCE_CONNECTORS], self->lists[SOURCE_WEBHOOKS],
                        self->lists[SOURCE_API_KEYS], now);

  /* Say why the key checks cannot run rather than "could not be read". */
  if (self->session != NULL && !nyl_session_has_service_account (self->session))
    {
      const char *why = _("Needs a Service Account: add one to this application to check its keys");

      nyl_checklist_item_set_result (nyl_checklist_lookup (self->checklist, NYL_CHECK_KEY_LIFETIME),
                                     NYL_CHECK_STATE_UNKNOWN, why);
      nyl_checklist_item_set_result (nyl_checklist_lookup (self->checklist, NYL_CHECK_KEY_EXPIRY),
                                     NYL_CHECK_STATE_UNKNOWN, why);
    }

  /* Translators: e.g. "5 of 7 checks pass". */
  summary = g_strdup_printf (ngettext ("%u of %u check passes", "%u of %u checks pass", n),
                             nyl_checklist_get_n_passed (self->checklist), n);
  adw_preferences_group_set_description (self->checklist_group, summary);
}

static void
clear_cards (NylOverviewPage *self)
{
  NylHealthCard *cards[] = { self->grants_card, self->connectors_card, self->webhooks_card,
                             self->keys_card };

  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    {
      nyl_health_card_set_value (cards[i], "—");
      nyl_health_card_set_detail (cards[i], NULL);
      nyl_health_card_set_attention (cards[i], FALSE);
    }
}

static void
update_all (NylOverviewPage *self)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (self->session == NULL)
    {
      update_details (self);
      clear_cards (self);
      nyl_checklist_update (self->checklist, NULL, NULL, NULL, NULL, NULL, now);
      adw_preferences_group_set_description (self->checklist_group, NULL);
      return;
    }

  update_details (self);
  update_grants_card (self);
  update_connectors_card (self);
  update_webhooks_card (self);
  update_keys_card (self, now);
  update_checklist (self, now);
}

static void
set_loading (NylOverviewPage *self,
             gboolean         loading)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.refresh", !loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
finish_refresh (NylOverviewPage *self)
{
  const GError *first = NULL;

  for (guint i = 0; i < N_SOURCES && first == NULL; i++)
    first = self->errors[i];

  set_loading (self, FALSE);

  if (self->details == NULL)
    {
      g_autofree char *description = NULL;

      /* Nothing good to keep on screen: the whole page is the error. */
      description = first ? nyl_ui_describe_error (first) : NULL;
      nyl_state_stack_show_error (self->state_stack, _("Could not load the application"),
                                  description);
      nyl_banner_set_revealed (self->banner, FALSE);
      return;
    }

  update_all (self);
  nyl_state_stack_set_state (self->state_stack, NYL_STATE_CONTENT);

  if (first != NULL)
    {
      g_autofree char *reason = nyl_ui_describe_error (first);
      /* Translators: %s is why the refresh failed. */
      g_autofree char *title = g_strdup_printf (_("Showing the last information loaded. %s"),
                                                reason);

      nyl_banner_set_title (self->banner, title);
      nyl_banner_set_revealed (self->banner, TRUE);
    }
  else
    nyl_banner_set_revealed (self->banner, FALSE);
}

/* Returns whether the result belongs to the refresh in progress. */
static gboolean
load_done (LoadData *data,
           GError   *error)
{
  NylOverviewPage *self = data->self;

  if (nyl_ui_error_is_cancelled (error) || data->generation != self->generation)
    return FALSE;

  g_clear_error (&self->errors[data->source]);
  if (error != NULL)
    {
      g_debug ("Overview source %d failed: %s", data->source, error->message);
      self->errors[data->source] = g_error_copy (error);
    }

  return TRUE;
}

static void
one_finished (NylOverviewPage *self)
{
  g_assert (self->pending > 0);

  if (--self->pending == 0)
    finish_refresh (self);
}

static void
fetch_details_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(NylResource) details = NULL;

  details = nyl_session_fetch_finish (NYL_SESSION (object), result, &error);
  if (!load_done (data, error))
    return;

  if (details != NULL)
    g_set_object (&data->self->details, NYL_APP_DETAILS (details));
  one_finished (data->self);
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;

  list = nyl_session_list_finish (NYL_SESSION (object), result, &error);
  if (!load_done (data, error))
    return;

  if (list != NULL)
    g_set_object (&data->self->lists[data->source], list);
  one_finished (data->self);
}

static void
grant_stats_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  g_autoptr(GError) error = NULL;
  NylGrantStats *stats;

  stats = nyl_session_grant_stats_finish (NYL_SESSION (object), result, &error);
  if (!load_done (data, error))
    {
      g_clear_pointer (&stats, nyl_grant_stats_free);
      return;
    }

  if (stats != NULL)
    {
      g_clear_pointer (&data->self->grant_stats, nyl_grant_stats_free);
      data->self->grant_stats = stats;
    }
  one_finished (data->self);
}

static void
start_refresh (NylOverviewPage *self,
               gboolean         with_grant_stats)
{
  static const struct { Source source; GType (*get_type) (void); } lists[] = {
    { SOURCE_REDIRECT_URIS, nyl_redirect_uri_get_type },
    { SOURCE_CONNECTORS, nyl_connector_get_type },
    { SOURCE_WEBHOOKS, nyl_webhook_get_type },
  };

  if (self->session == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;
  self->pending = 0;
  self->last_refresh = g_get_monotonic_time ();
  for (guint i = 0; i < N_SOURCES; i++)
    g_clear_error (&self->errors[i]);

  if (self->details == NULL)
    nyl_state_stack_set_state (self->state_stack, NYL_STATE_LOADING);

  nyl_session_fetch_async (self->session, NYL_TYPE_APP_DETAILS, NULL, NULL, self->cancellable,
                           fetch_details_cb, load_data_new (self, SOURCE_DETAILS));

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    nyl_session_list_async (self->session, lists[i].get_type (), NULL, self->cancellable, list_cb,
                            load_data_new (self, lists[i].source));

  if (nyl_session_has_service_account (self->session))
    nyl_session_list_async (self->session, NYL_TYPE_API_KEY, NULL, self->cancellable, list_cb,
                            load_data_new (self, SOURCE_API_KEYS));

  /* Counting every grant takes a request per 200: only on demand. */
  if (with_grant_stats || self->grant_stats == NULL)
    nyl_session_grant_stats_async (self->session, self->cancellable, grant_stats_cb,
                                   load_data_new (self, SOURCE_GRANT_STATS));

  set_loading (self, TRUE);
}

static void
on_retry_cb (NylOverviewPage *self)
{
  nyl_overview_page_refresh (self);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  nyl_overview_page_refresh (NYL_OVERVIEW_PAGE (widget));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NylOverviewPage *self = NYL_OVERVIEW_PAGE (widget);
  const char *what = g_variant_get_string (parameter, NULL);
  const char *text = NULL;

  if (self->details == NULL)
    return;

  if (g_str_equal (what, "application-id"))
    text = nyl_app_details_get_application_id (self->details);
  else if (g_str_equal (what, "organization-id"))
    text = nyl_app_details_get_organization_id (self->details);

  if (text == NULL)
    return;

  nyl_ui_copy_text (widget, text);

  nyl_ui_add_toast (widget, adw_toast_new (_("Copied to the clipboard")));
}

static gboolean
is_loading (NylOverviewPage *self)
{
  return self->pending > 0;
}

static void
on_window_active_cb (NylOverviewPage *self,
                     GParamSpec      *pspec,
                     GtkWindow       *window)
{
  if (!gtk_window_is_active (window) || !gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      is_loading (self) || self->details == NULL)
    return;

  if (g_get_monotonic_time () - self->last_refresh >= FOCUS_REFRESH_INTERVAL)
    start_refresh (self, FALSE);
}

static void
nyl_overview_page_root (GtkWidget *widget)
{
  NylOverviewPage *self = NYL_OVERVIEW_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (nyl_overview_page_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      self->window = GTK_WINDOW (root);
      self->active_handler = g_signal_connect_object (root, "notify::is-active",
                                                      G_CALLBACK (on_window_active_cb), self,
                                                      G_CONNECT_SWAPPED);
    }
}

static void
nyl_overview_page_unroot (GtkWidget *widget)
{
  NylOverviewPage *self = NYL_OVERVIEW_PAGE (widget);

  if (self->window != NULL)
    g_clear_signal_handler (&self->active_handler, self->window);
  self->window = NULL;

  GTK_WIDGET_CLASS (nyl_overview_page_parent_class)->unroot (widget);
}

static void
nyl_overview_page_map (GtkWidget *widget)
{
  NylOverviewPage *self = NYL_OVERVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (nyl_overview_page_parent_class)->map (widget);

  /* Shown again (e.g. after a change on another page): catch up. */
  if (self->details != NULL && !is_loading (self))
    start_refresh (self, FALSE);
}

static void
nyl_overview_page_dispose (GObject *object)
{
  NylOverviewPage *self = (NylOverviewPage *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), NYL_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->checklist);
  g_clear_object (&self->details);
  for (guint i = 0; i < N_SOURCES; i++)
    {
      g_clear_object (&self->lists[i]);
      g_clear_error (&self->errors[i]);
    }
  g_clear_pointer (&self->grant_stats, nyl_grant_stats_free);

  G_OBJECT_CLASS (nyl_overview_page_parent_class)->dispose (object);
}

static void
nyl_overview_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  NylOverviewPage *self = NYL_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, is_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_overview_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  NylOverviewPage *self = NYL_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      nyl_overview_page_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_overview_page_class_init (NylOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nyl_overview_page_dispose;
  object_class->get_property = nyl_overview_page_get_property;
  object_class->set_property = nyl_overview_page_set_property;

  widget_class->root = nyl_overview_page_root;
  widget_class->unroot = nyl_overview_page_unroot;
  widget_class->map = nyl_overview_page_map;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, NYL_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NYL_TYPE_BANNER);
  g_type_ensure (NYL_TYPE_HEALTH_CARD);
  g_type_ensure (NYL_TYPE_STATE_STACK);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/nyl-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NylOverviewPage, banner);
  gtk_widget_class_bind_template_child (widget_class, NylOverviewPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, NylOverviewPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, NylOverviewPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, NylOverviewPage, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, NylOverviewPage, application_id_row);
  gtk_widget_class_bind_template_child (widget_class, NylOverviewPage, organization_row);
  gtk_widget_class_bind_template_child (widget_class, NylOverviewPage, region_row);
  gtk_widget_class_bind_template_child (widget_class, NylOverviewPage, environment_row);
  gtk_widget_class_bind_template_child (widget_class, NylOverviewPage, api_row);
  gtk_widget_class_bind_template_child (widget_class, NylOverviewPage, branding_name_row);
  gtk_widget_class_bind_template_child (widget_class, NylOverviewPage, branding_website_row);
  gtk_widget_class_bind_template_child (widget_class, NylOverviewPage, branding_icon_row);
  gtk_widget_class_bind_template_child (widget_class, NylOverviewPage, branding_description_row);
  gtk_widget_class_bind_template_child (widget_class, NylOverviewPage, grants_card);
  gtk_widget_class_bind_template_child (widget_class, NylOverviewPage, connectors_card);
  gtk_widget_class_bind_template_child (widget_class, NylOverviewPage, webhooks_card);
  gtk_widget_class_bind_template_child (widget_class, NylOverviewPage, keys_card);
  gtk_widget_class_bind_template_child (widget_class, NylOverviewPage, checklist_group);
  gtk_widget_class_bind_template_child (widget_class, NylOverviewPage, checklist_list);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_cb);

  gtk_widget_class_install_action (widget_class, "overview.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "overview.copy", "s", copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "overview.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "overview.refresh", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static GtkWidget *
create_checklist_row (gpointer item,
                      gpointer user_data)
{
  return nyl_checklist_row_new (item);
}

static void
nyl_overview_page_init (NylOverviewPage *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);

  self->checklist = nyl_checklist_new ();
  gtk_list_box_bind_model (self->checklist_list, G_LIST_MODEL (self->checklist),
                           create_checklist_row, NULL, NULL);

  nyl_state_stack_set_empty (self->state_stack, "view-grid-symbolic", _("No Application"),
                             _("Add an application to see its overview."));
  nyl_state_stack_set_state (self->state_stack, NYL_STATE_EMPTY);
  update_all (self);
}

GtkWidget *
nyl_overview_page_new (void)
{
  return g_object_new (NYL_TYPE_OVERVIEW_PAGE, NULL);
}

NylSession *
nyl_overview_page_get_session (NylOverviewPage *self)
{
  g_return_val_if_fail (NYL_IS_OVERVIEW_PAGE (self), NULL);

  return self->session;
}

/**
 * nyl_overview_page_set_session:
 * @self: a #NylOverviewPage
 * @session: (nullable): the open application, or %NULL
 *
 * Shows @session's application, loading everything afresh.
 */
void
nyl_overview_page_set_session (NylOverviewPage *self,
                               NylSession      *session)
{
  g_return_if_fail (NYL_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (session == NULL || NYL_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  /* Nothing of the previous application may stay on screen. */
  g_cancellable_cancel (self->cancellable);
  self->generation++;
  self->pending = 0;
  g_clear_object (&self->details);
  for (guint i = 0; i < N_SOURCES; i++)
    {
      g_clear_object (&self->lists[i]);
      g_clear_error (&self->errors[i]);
    }
  g_clear_pointer (&self->grant_stats, nyl_grant_stats_free);
  nyl_banner_set_revealed (self->banner, FALSE);
  set_loading (self, FALSE);
  update_all (self);

  if (session != NULL)
    start_refresh (self, TRUE);
  else
    nyl_state_stack_set_state (self->state_stack, NYL_STATE_EMPTY);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * nyl_overview_page_get_checklist:
 *
 * Returns: (transfer none): the production checklist the page shows
 */
NylChecklist *
nyl_overview_page_get_checklist (NylOverviewPage *self)
{
  g_return_val_if_fail (NYL_IS_OVERVIEW_PAGE (self), NULL);

  return self->checklist;
}

gboolean
nyl_overview_page_get_loading (NylOverviewPage *self)
{
  g_return_val_if_fail (NYL_IS_OVERVIEW_PAGE (self), FALSE);

  return is_loading (self);
}

/**
 * nyl_overview_page_refresh:
 * @self: a #NylOverviewPage
 *
 * Loads everything again, grant counts included, keeping what is on screen
 * until the answers arrive.
 */
void
nyl_overview_page_refresh (NylOverviewPage *self)
{
  g_return_if_fail (NYL_IS_OVERVIEW_PAGE (self));

  start_refresh (self, TRUE);
}
