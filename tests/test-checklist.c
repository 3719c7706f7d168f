/* test-checklist.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The production checklist, computed from application states built to pass
 * every check and then to fail each one in turn.
 */

#include "config.h"

#include "model-test-util.h"
#include "nyl-api-key.h"
#include "nyl-app-details.h"
#include "nyl-checklist.h"
#include "nyl-connector.h"
#include "nyl-redirect-uri.h"
#include "nyl-webhook.h"

#define DAY (G_GINT64_CONSTANT (86400))
#define NOW (G_GINT64_CONSTANT (1780000000))

static const char * const all_checks[] = {
  NYL_CHECK_REDIRECT_URI, NYL_CHECK_REDIRECT_URI_HTTPS, NYL_CHECK_CONNECTOR,
  NYL_CHECK_GRANT_WEBHOOK, NYL_CHECK_WEBHOOK_HEALTH, NYL_CHECK_KEY_LIFETIME,
  NYL_CHECK_KEY_EXPIRY, NULL,
};

/* An application state: each list is built from JSON as the API sends it. */
typedef struct
{
  NylAppDetails *details;
  GListStore    *redirect_uris;
  GListStore    *connectors;
  GListStore    *webhooks;
  GListStore    *api_keys;
} State;

static gpointer
resource_from_json (GType       type,
                    const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (json, &error);
  gpointer resource;

  g_assert_no_error (error);
  resource = nyl_resource_new_from_json (type, node, &error);
  g_assert_no_error (error);
  g_assert_nonnull (resource);

  return resource;
}

static void
add (GListStore *store,
     GType       type,
     const char *json)
{
  g_autoptr(GObject) resource = resource_from_json (type, json);

  g_list_store_append (store, resource);
}

static void
add_key (State      *state,
         const char *name,
         gint64      created_at,
         gint64      expires_at)
{
  g_autofree char *json = g_strdup_printf ("{\"id\":\"key-%s\",\"name\":\"%s\","
                                           "\"status\":\"active\","
                                           "\"created_at\":%" G_GINT64_FORMAT ","
                                           "\"expires_at\":%" G_GINT64_FORMAT "}",
                                           name, name, created_at, expires_at);

  add (state->api_keys, NYL_TYPE_API_KEY, json);
}

static void
set_environment (State      *state,
                 const char *environment)
{
  g_autofree char *json =
    g_strdup_printf ("{\"application_id\":\"app-1\",\"organization_id\":\"org-1\","
                     "\"region\":\"us\",\"environment\":\"%s\","
                     "\"callback_uris\":[{\"id\":\"cb-1\","
                     "\"url\":\"http://insecure.example/cb\"}]}",
                     environment);

  g_clear_object (&state->details);
  state->details = resource_from_json (NYL_TYPE_APP_DETAILS, json);
}

/* A production application that passes every check. */
static void
state_init_passing (State *state)
{
  set_environment (state, "production");

  state->redirect_uris = g_list_store_new (NYL_TYPE_REDIRECT_URI);
  add (state->redirect_uris, NYL_TYPE_REDIRECT_URI,
       "{\"id\":\"r1\",\"url\":\"https://app.example.com/callback\",\"platform\":\"web\"}");
  add (state->redirect_uris, NYL_TYPE_REDIRECT_URI,
       "{\"id\":\"r2\",\"url\":\"http://localhost:3000/callback\",\"platform\":\"web\"}");

  state->connectors = g_list_store_new (NYL_TYPE_CONNECTOR);
  add (state->connectors, NYL_TYPE_CONNECTOR,
       "{\"provider\":\"google\",\"name\":\"Google\",\"settings\":{},\"scope\":[]}");

  state->webhooks = g_list_store_new (NYL_TYPE_WEBHOOK);
  add (state->webhooks, NYL_TYPE_WEBHOOK,
       "{\"id\":\"w1\",\"description\":\"Grants\",\"webhook_url\":\"https://hooks.example.com/g\","
       "\"status\":\"active\",\"trigger_types\":[\"grant.created\",\"grant.updated\","
       "\"grant.deleted\",\"grant.expired\"]}");

  state->api_keys = g_list_store_new (NYL_TYPE_API_KEY);
  add_key (state, "Default", NOW - 10 * DAY, NOW + 80 * DAY);
}

static void
state_clear (State *state)
{
  g_clear_object (&state->details);
  g_clear_object (&state->redirect_uris);
  g_clear_object (&state->connectors);
  g_clear_object (&state->webhooks);
  g_clear_object (&state->api_keys);
}

static void
update (NylChecklist *checklist,
        State        *state)
{
  nyl_checklist_update (checklist, state->details, G_LIST_MODEL (state->redirect_uris),
                        G_LIST_MODEL (state->connectors), G_LIST_MODEL (state->webhooks),
                        G_LIST_MODEL (state->api_keys), NOW);
}

static NylCheckState
state_of (NylChecklist *checklist,
          const char   *id)
{
  NylChecklistItem *item = nyl_checklist_lookup (checklist, id);

  g_assert_nonnull (item);

  return nyl_checklist_item_get_state (item);
}

static const char *
detail_of (NylChecklist *checklist,
           const char   *id)
{
  return nyl_checklist_item_get_detail (nyl_checklist_lookup (checklist, id));
}

/* Exactly @failing fails; everything else passes. */
static void
assert_only_fails (NylChecklist *checklist,
                   const char   *failing)
{
  for (guint i = 0; all_checks[i] != NULL; i++)
    {
      NylCheckState expected = g_strcmp0 (all_checks[i], failing) == 0 ? NYL_CHECK_STATE_FAIL
                                                                         : NYL_CHECK_STATE_PASS;

      if (state_of (checklist, all_checks[i]) != expected)
        g_error ("check %s: state %d, expected %d (%s)", all_checks[i],
                 state_of (checklist, all_checks[i]), expected,
                 detail_of (checklist, all_checks[i]));
    }

  g_assert_cmpuint (nyl_checklist_get_n_failed (checklist), ==, failing != NULL ? 1 : 0);
  g_assert_cmpuint (nyl_checklist_get_n_unknown (checklist), ==, 0);
}

static void
test_starts_unknown (void)
{
  g_autoptr(NylChecklist) checklist = nyl_checklist_new ();
  GListModel *model = G_LIST_MODEL (checklist);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, g_strv_length ((char **) all_checks));
  g_assert_true (g_list_model_get_item_type (model) == NYL_TYPE_CHECKLIST_ITEM);

  /* Nothing is passed before anything was checked. */
  for (guint i = 0; all_checks[i] != NULL; i++)
    {
      g_autoptr(NylChecklistItem) item = g_list_model_get_item (model, i);

      g_assert_cmpstr (nyl_checklist_item_get_id (item), ==, all_checks[i]);
      g_assert_cmpint (nyl_checklist_item_get_state (item), ==, NYL_CHECK_STATE_UNKNOWN);
      g_assert_nonnull (nyl_checklist_item_get_title (item));
      g_assert_nonnull (nyl_checklist_item_get_section (item));
    }
  g_assert_null (g_list_model_get_item (model, 7));
  g_assert_cmpuint (nyl_checklist_get_n_unknown (checklist), ==, 7);
  g_assert_cmpuint (nyl_checklist_get_n_passed (checklist), ==, 0);
  g_assert_null (nyl_checklist_lookup (checklist, "no-such-check"));
}

static void
test_sections (void)
{
  g_autoptr(NylChecklist) checklist = nyl_checklist_new ();
  const struct { const char *id; const char *section; } expected[] = {
    { NYL_CHECK_REDIRECT_URI, "redirect-uris" },
    { NYL_CHECK_REDIRECT_URI_HTTPS, "redirect-uris" },
    { NYL_CHECK_CONNECTOR, "connectors" },
    { NYL_CHECK_GRANT_WEBHOOK, "webhooks" },
    { NYL_CHECK_WEBHOOK_HEALTH, "webhooks" },
    { NYL_CHECK_KEY_LIFETIME, "api-keys" },
    { NYL_CHECK_KEY_EXPIRY, "api-keys" },
  };

  /* Each item leads to the page that fixes it. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      NylChecklistItem *item = nyl_checklist_lookup (checklist, expected[i].id);

      g_assert_cmpstr (nyl_checklist_item_get_section (item), ==, expected[i].section);
    }
}

static void
test_all_pass (void)
{
  g_autoptr(NylChecklist) checklist = nyl_checklist_new ();
  State state = { NULL, };

  state_init_passing (&state);
  update (checklist, &state);
  assert_only_fails (checklist, NULL);
  g_assert_cmpuint (nyl_checklist_get_n_passed (checklist), ==, 7);
  g_assert_nonnull (g_strstr_len (detail_of (checklist, NYL_CHECK_CONNECTOR), -1, "Google"));
  g_assert_nonnull (g_strstr_len (detail_of (checklist, NYL_CHECK_GRANT_WEBHOOK), -1, "Grants"));

  state_clear (&state);
}

static void
test_no_redirect_uri (void)
{
  g_autoptr(NylChecklist) checklist = nyl_checklist_new ();
  State state = { NULL, };

  state_init_passing (&state);
  g_list_store_remove_all (state.redirect_uris);
  update (checklist, &state);
  assert_only_fails (checklist, NYL_CHECK_REDIRECT_URI);

  state_clear (&state);
}

static void
test_http_redirect_uri (void)
{
  g_autoptr(NylChecklist) checklist = nyl_checklist_new ();
  State state = { NULL, };

  state_init_passing (&state);

  /* Loopback in any spelling is fine for development. */
  add (state.redirect_uris, NYL_TYPE_REDIRECT_URI,
       "{\"id\":\"r3\",\"url\":\"http://127.0.0.1:8080/cb\",\"platform\":\"desktop\"}");
  add (state.redirect_uris, NYL_TYPE_REDIRECT_URI,
       "{\"id\":\"r4\",\"url\":\"http://[::1]/cb\",\"platform\":\"desktop\"}");
  add (state.redirect_uris, NYL_TYPE_REDIRECT_URI,
       "{\"id\":\"r5\",\"url\":\"com.example.app://callback\",\"platform\":\"ios\","
       "\"settings\":{\"bundle_id\":\"com.example.app\"}}");
  update (checklist, &state);
  assert_only_fails (checklist, NULL);

  /* Anything else over plain http fails, and the detail names it. */
  add (state.redirect_uris, NYL_TYPE_REDIRECT_URI,
       "{\"id\":\"r6\",\"url\":\"http://app.example.com/callback\",\"platform\":\"web\"}");
  update (checklist, &state);
  assert_only_fails (checklist, NYL_CHECK_REDIRECT_URI_HTTPS);
  g_assert_nonnull (g_strstr_len (detail_of (checklist, NYL_CHECK_REDIRECT_URI_HTTPS), -1,
                                  "http://app.example.com/callback"));

  state_clear (&state);
}

static void
test_no_connector (void)
{
  g_autoptr(NylChecklist) checklist = nyl_checklist_new ();
  State state = { NULL, };

  state_init_passing (&state);
  g_list_store_remove_all (state.connectors);
  update (checklist, &state);
  assert_only_fails (checklist, NYL_CHECK_CONNECTOR);

  state_clear (&state);
}

static void
test_grant_webhook (void)
{
  g_autoptr(NylChecklist) checklist = nyl_checklist_new ();
  State state = { NULL, };

  state_init_passing (&state);

  /* No webhook at all. */
  g_list_store_remove_all (state.webhooks);
  update (checklist, &state);
  assert_only_fails (checklist, NYL_CHECK_GRANT_WEBHOOK);

  /* One trigger missing: the detail says which. */
  add (state.webhooks, NYL_TYPE_WEBHOOK,
       "{\"id\":\"w1\",\"webhook_url\":\"https://hooks.example.com/a\",\"status\":\"active\","
       "\"trigger_types\":[\"grant.created\",\"grant.updated\",\"grant.deleted\"]}");
  update (checklist, &state);
  assert_only_fails (checklist, NYL_CHECK_GRANT_WEBHOOK);
  g_assert_nonnull (g_strstr_len (detail_of (checklist, NYL_CHECK_GRANT_WEBHOOK), -1,
                                  "grant.expired"));
  g_assert_null (g_strstr_len (detail_of (checklist, NYL_CHECK_GRANT_WEBHOOK), -1,
                               "grant.created"));

  /* A paused destination receives nothing. */
  add (state.webhooks, NYL_TYPE_WEBHOOK,
       "{\"id\":\"w2\",\"webhook_url\":\"https://hooks.example.com/b\",\"status\":\"pause\","
       "\"trigger_types\":[\"grant.expired\"]}");
  update (checklist, &state);
  assert_only_fails (checklist, NYL_CHECK_GRANT_WEBHOOK);

  /* Two active destinations that cover the four triggers together pass. */
  add (state.webhooks, NYL_TYPE_WEBHOOK,
       "{\"id\":\"w3\",\"webhook_url\":\"https://hooks.example.com/c\",\"status\":\"active\","
       "\"trigger_types\":[\"grant.expired\",\"message.created\"]}");
  update (checklist, &state);
  assert_only_fails (checklist, NULL);

  state_clear (&state);
}

static void
test_webhook_health (void)
{
  g_autoptr(NylChecklist) checklist = nyl_checklist_new ();
  const char *statuses[] = { "failing", "failed" };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      State state = { NULL, };
      g_autofree char *json =
        g_strdup_printf ("{\"id\":\"w9\",\"description\":\"Calendar sync\","
                         "\"webhook_url\":\"https://hooks.example.com/cal\",\"status\":\"%s\","
                         "\"trigger_types\":[\"event.created\"]}", statuses[i]);

      state_init_passing (&state);
      add (state.webhooks, NYL_TYPE_WEBHOOK, json);
      update (checklist, &state);
      assert_only_fails (checklist, NYL_CHECK_WEBHOOK_HEALTH);
      g_assert_nonnull (g_strstr_len (detail_of (checklist, NYL_CHECK_WEBHOOK_HEALTH), -1,
                                      "Calendar sync"));
      state_clear (&state);
    }

  {
    State state = { NULL, };

    /* Paused is not failing. */
    state_init_passing (&state);
    add (state.webhooks, NYL_TYPE_WEBHOOK,
         "{\"id\":\"w8\",\"webhook_url\":\"https://hooks.example.com/p\",\"status\":\"pause\","
         "\"trigger_types\":[\"event.created\"]}");
    update (checklist, &state);
    assert_only_fails (checklist, NULL);
    state_clear (&state);
  }
}

static void
test_key_lifetime (void)
{
  g_autoptr(NylChecklist) checklist = nyl_checklist_new ();
  State state = { NULL, };

  state_init_passing (&state);

  /* Exactly a year is allowed. */
  add_key (&state, "Yearly", NOW - 30 * DAY, NOW + 335 * DAY);
  update (checklist, &state);
  assert_only_fails (checklist, NULL);

  /* An expired key does not live any more, however long it lived. */
  add_key (&state, "Old", NOW - 500 * DAY, NOW - 20 * DAY);
  update (checklist, &state);
  assert_only_fails (checklist, NULL);

  /* More than a year, in production: fails and names the key. */
  add_key (&state, "Forever-ish", NOW - 10 * DAY, NOW + 390 * DAY);
  update (checklist, &state);
  assert_only_fails (checklist, NYL_CHECK_KEY_LIFETIME);
  g_assert_nonnull (g_strstr_len (detail_of (checklist, NYL_CHECK_KEY_LIFETIME), -1,
                                  "Forever-ish"));

  /* The same outside production is no problem. */
  set_environment (&state, "staging");
  update (checklist, &state);
  assert_only_fails (checklist, NULL);

  state_clear (&state);

  /* A key that never expires lives more than a year. */
  state_init_passing (&state);
  add_key (&state, "Never", NOW - 10 * DAY, 0);
  update (checklist, &state);
  assert_only_fails (checklist, NYL_CHECK_KEY_LIFETIME);

  state_clear (&state);
}

static void
test_key_expiry (void)
{
  g_autoptr(NylChecklist) checklist = nyl_checklist_new ();
  State state = { NULL, };

  state_init_passing (&state);

  /* Eight days ahead is fine; an already expired key is not "expiring". */
  add_key (&state, "Later", NOW - 10 * DAY, NOW + 8 * DAY);
  add_key (&state, "Gone", NOW - 100 * DAY, NOW - 1 * DAY);
  update (checklist, &state);
  assert_only_fails (checklist, NULL);

  add_key (&state, "CI pipeline", NOW - 85 * DAY, NOW + 5 * DAY);
  update (checklist, &state);
  assert_only_fails (checklist, NYL_CHECK_KEY_EXPIRY);
  g_assert_nonnull (g_strstr_len (detail_of (checklist, NYL_CHECK_KEY_EXPIRY), -1, "CI pipeline"));
  g_assert_nonnull (g_strstr_len (detail_of (checklist, NYL_CHECK_KEY_EXPIRY), -1, "5 days"));

  /* The check follows the clock it is given. */
  nyl_checklist_update (checklist, state.details, G_LIST_MODEL (state.redirect_uris),
                        G_LIST_MODEL (state.connectors), G_LIST_MODEL (state.webhooks),
                        G_LIST_MODEL (state.api_keys), NOW - 30 * DAY);
  g_assert_cmpint (state_of (checklist, NYL_CHECK_KEY_EXPIRY), ==, NYL_CHECK_STATE_PASS);

  state_clear (&state);
}

static void
test_unknown_sources (void)
{
  g_autoptr(NylChecklist) checklist = nyl_checklist_new ();
  State state = { NULL, };

  state_init_passing (&state);

  /* Without a Service Account the API keys cannot be read: unknown, never passed. */
  nyl_checklist_update (checklist, state.details, G_LIST_MODEL (state.redirect_uris),
                        G_LIST_MODEL (state.connectors), G_LIST_MODEL (state.webhooks),
                        NULL, NOW);
  g_assert_cmpint (state_of (checklist, NYL_CHECK_KEY_LIFETIME), ==, NYL_CHECK_STATE_UNKNOWN);
  g_assert_cmpint (state_of (checklist, NYL_CHECK_KEY_EXPIRY), ==, NYL_CHECK_STATE_UNKNOWN);
  g_assert_cmpuint (nyl_checklist_get_n_unknown (checklist), ==, 2);
  g_assert_cmpuint (nyl_checklist_get_n_passed (checklist), ==, 5);

  /* With no list, the redirect URIs come from the application details,
   * which here carry a plain http one. */
  nyl_checklist_update (checklist, state.details, NULL, NULL, NULL, NULL, NOW);
  g_assert_cmpint (state_of (checklist, NYL_CHECK_REDIRECT_URI), ==, NYL_CHECK_STATE_PASS);
  g_assert_cmpint (state_of (checklist, NYL_CHECK_REDIRECT_URI_HTTPS), ==, NYL_CHECK_STATE_FAIL);
  g_assert_cmpint (state_of (checklist, NYL_CHECK_CONNECTOR), ==, NYL_CHECK_STATE_UNKNOWN);
  g_assert_cmpint (state_of (checklist, NYL_CHECK_GRANT_WEBHOOK), ==, NYL_CHECK_STATE_UNKNOWN);
  g_assert_cmpint (state_of (checklist, NYL_CHECK_WEBHOOK_HEALTH), ==, NYL_CHECK_STATE_UNKNOWN);

  /* Nothing known at all. */
  nyl_checklist_update (checklist, NULL, NULL, NULL, NULL, NULL, NOW);
  g_assert_cmpuint (nyl_checklist_get_n_unknown (checklist), ==, 7);

  state_clear (&state);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          int        *counter)
{
  (*counter)++;
}

static void
test_notifies_changes (void)
{
  g_autoptr(NylChecklist) checklist = nyl_checklist_new ();
  NylChecklistItem *item = nyl_checklist_lookup (checklist, NYL_CHECK_CONNECTOR);
  State state = { NULL, };
  int item_notified = 0;
  int failed_notified = 0;

  state_init_passing (&state);
  update (checklist, &state);

  g_signal_connect (item, "notify::state", G_CALLBACK (count_cb), &item_notified);
  g_signal_connect (checklist, "notify::n-failed", G_CALLBACK (count_cb), &failed_notified);

  /* The same state again changes nothing. */
  update (checklist, &state);
  g_assert_cmpint (item_notified, ==, 0);
  g_assert_cmpint (failed_notified, ==, 0);

  g_list_store_remove_all (state.connectors);
  update (checklist, &state);
  g_assert_cmpint (item_notified, ==, 1);
  g_assert_cmpint (failed_notified, ==, 1);
  g_assert_cmpuint (nyl_checklist_get_n_failed (checklist), ==, 1);

  /* The items stay the same objects: a view bound to them follows. */
  g_assert_true (nyl_checklist_lookup (checklist, NYL_CHECK_CONNECTOR) == item);

  state_clear (&state);
}

/* The same checks against a live (simulated) application, changed through
 * the API as a person would change it. */

static GListModel *
sb_list (MtFixture *f,
         GType      type)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *list;

  nyl_session_list_async (f->session, type, NULL, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  list = nyl_session_list_finish (f->session, result, &error);
  g_assert_no_error (error);

  return list;
}

static void
sb_delete (MtFixture  *f,
           GType       type,
           const char *id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  nyl_session_delete_async (f->session, type, NULL, id, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  g_assert_true (nyl_session_delete_finish (f->session, result, &error));
  g_assert_no_error (error);
}

static NylResource *
sb_send (MtFixture *f,
         gpointer   resource,
         gboolean   create)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  NylResource *answer;

  if (create)
    nyl_session_create_async (f->session, resource, NULL, NULL, mt_result_cb, &result);
  else
    nyl_session_update_async (f->session, resource, NULL, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  answer = create ? nyl_session_create_finish (f->session, result, &error)
                  : nyl_session_update_finish (f->session, result, &error);
  g_assert_no_error (error);

  return answer;
}

/* Loads everything the checklist reads, as the overview does, and checks. */
static void
sb_update (MtFixture    *f,
           NylChecklist *checklist)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NylResource) details = NULL;
  g_autoptr(GListModel) uris = sb_list (f, NYL_TYPE_REDIRECT_URI);
  g_autoptr(GListModel) connectors = sb_list (f, NYL_TYPE_CONNECTOR);
  g_autoptr(GListModel) webhooks = sb_list (f, NYL_TYPE_WEBHOOK);
  g_autoptr(GListModel) keys = sb_list (f, NYL_TYPE_API_KEY);

  nyl_session_fetch_async (f->session, NYL_TYPE_APP_DETAILS, NULL, NULL, NULL, mt_result_cb,
                           &result);
  MT_AWAIT (result);
  details = nyl_session_fetch_finish (f->session, result, &error);
  g_assert_no_error (error);

  nyl_checklist_update (checklist, NYL_APP_DETAILS (details), uris, connectors, webhooks, keys,
                        g_get_real_time () / G_USEC_PER_SEC);
}

static void
test_sandbox_sample (MtFixture     *f,
                     gconstpointer  user_data)
{
  g_autoptr(NylChecklist) checklist = nyl_checklist_new ();

  /* The sample production application has a failing and a failed webhook
   * and a key expiring within a week; everything else is in order. */
  sb_update (f, checklist);
  g_assert_cmpint (state_of (checklist, NYL_CHECK_WEBHOOK_HEALTH), ==, NYL_CHECK_STATE_FAIL);
  g_assert_cmpint (state_of (checklist, NYL_CHECK_KEY_EXPIRY), ==, NYL_CHECK_STATE_FAIL);
  g_assert_cmpuint (nyl_checklist_get_n_failed (checklist), ==, 2);
  g_assert_cmpuint (nyl_checklist_get_n_passed (checklist), ==, 5);
  g_assert_nonnull (g_strstr_len (detail_of (checklist, NYL_CHECK_KEY_EXPIRY), -1,
                                  "CI pipeline"));
}

/* Deletes every item of @type whose getter answers @value (NULL: all). */
static void
sb_delete_where (MtFixture   *f,
                 GType        type,
                 const char *(*getter) (gpointer),
                 const char  *value)
{
  g_autoptr(GListModel) items = sb_list (f, type);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(NylResource) item = g_list_model_get_item (items, i);
      const char *id = type == NYL_TYPE_CONNECTOR
                       ? nyl_connector_get_provider (NYL_CONNECTOR (item))
                       : nyl_resource_get_id (item);

      if (value == NULL || g_strcmp0 (getter (item), value) == 0)
        sb_delete (f, type, id);
    }
}

static const char *
webhook_status (gpointer webhook)
{
  return nyl_webhook_get_status (webhook);
}

static const char *
key_name (gpointer key)
{
  return nyl_api_key_get_name (key);
}

static void
test_sandbox_each_check (MtFixture     *f,
                         gconstpointer  user_data)
{
  g_autoptr(NylChecklist) checklist = nyl_checklist_new ();
  g_autoptr(NylApiKey) long_key = nyl_api_key_new ();
  g_autoptr(NylResource) created = NULL;
  g_autoptr(GListModel) webhooks = NULL;
  g_autoptr(NylWebhook) grants_webhook = NULL;
  g_autoptr(NylResource) updated = NULL;
  const char * const three[] = { "grant.created", "grant.updated", "grant.deleted", NULL };
  const char * const four[] = { "grant.created", "grant.updated", "grant.deleted",
                                "grant.expired", NULL };

  /* Fixing what fails makes everything pass. */
  sb_delete_where (f, NYL_TYPE_WEBHOOK, webhook_status, "failing");
  sb_delete_where (f, NYL_TYPE_WEBHOOK, webhook_status, "failed");
  sb_delete_where (f, NYL_TYPE_API_KEY, key_name, "CI pipeline");
  sb_update (f, checklist);
  assert_only_fails (checklist, NULL);

  /* A key valid for 400 days in this production application. */
  nyl_api_key_set_name (long_key, "Long lived");
  nyl_api_key_set_expires_in_days (long_key, 400);
  created = sb_send (f, long_key, TRUE);
  sb_update (f, checklist);
  assert_only_fails (checklist, NYL_CHECK_KEY_LIFETIME);
  sb_delete (f, NYL_TYPE_API_KEY, nyl_resource_get_id (created));
  sb_update (f, checklist);
  assert_only_fails (checklist, NULL);

  /* The grant webhook stops listening to grant.expired, then again. */
  webhooks = sb_list (f, NYL_TYPE_WEBHOOK);
  for (guint i = 0; i < g_list_model_get_n_items (webhooks); i++)
    {
      g_autoptr(NylWebhook) webhook = g_list_model_get_item (webhooks, i);

      if (g_strv_contains (nyl_webhook_get_trigger_types (webhook), "grant.expired"))
        g_set_object (&grants_webhook, webhook);
    }
  g_assert_nonnull (grants_webhook);
  nyl_webhook_set_trigger_types (grants_webhook, three);
  updated = sb_send (f, grants_webhook, FALSE);
  g_clear_object (&updated);
  sb_update (f, checklist);
  assert_only_fails (checklist, NYL_CHECK_GRANT_WEBHOOK);
  nyl_webhook_set_trigger_types (grants_webhook, four);
  updated = sb_send (f, grants_webhook, FALSE);
  sb_update (f, checklist);
  assert_only_fails (checklist, NULL);

  /* No connector left. */
  sb_delete_where (f, NYL_TYPE_CONNECTOR, NULL, NULL);
  sb_update (f, checklist);
  assert_only_fails (checklist, NYL_CHECK_CONNECTOR);
}

static void
test_sandbox_redirect_uris (MtFixture     *f,
                            gconstpointer  user_data)
{
  g_autoptr(NylChecklist) checklist = nyl_checklist_new ();
  g_autoptr(NylRedirectUri) uri = nyl_redirect_uri_new ();
  g_autoptr(NylResource) created = NULL;

  sb_delete_where (f, NYL_TYPE_REDIRECT_URI, NULL, NULL);
  sb_update (f, checklist);
  g_assert_cmpint (state_of (checklist, NYL_CHECK_REDIRECT_URI), ==, NYL_CHECK_STATE_FAIL);
  g_assert_cmpint (state_of (checklist, NYL_CHECK_REDIRECT_URI_HTTPS), ==, NYL_CHECK_STATE_PASS);

  /* Adding one (loopback http is fine) passes again. */
  nyl_redirect_uri_set_url (uri, "http://localhost:4000/callback");
  nyl_redirect_uri_set_platform (uri, "web");
  created = sb_send (f, uri, TRUE);
  sb_update (f, checklist);
  g_assert_cmpint (state_of (checklist, NYL_CHECK_REDIRECT_URI), ==, NYL_CHECK_STATE_PASS);
  g_assert_cmpint (state_of (checklist, NYL_CHECK_REDIRECT_URI_HTTPS), ==, NYL_CHECK_STATE_PASS);
}

static void
test_sandbox_without_service_account (MtFixture     *f,
                                      gconstpointer  user_data)
{
  g_autoptr(NylChecklist) checklist = nyl_checklist_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NylSession) session = NULL;
  g_autoptr(NylProfile) profile = mt_profile_new (f->sandbox, "Key only");
  g_autoptr(GListModel) keys = NULL;

  /* A profile without a Service Account cannot read API keys: the key
   * checks stay unknown, never passed. */
  session = nyl_session_new (profile, nyl_sandbox_get_api_key (f->sandbox), NULL, &error);
  g_assert_no_error (error);
  nyl_session_list_async (session, NYL_TYPE_API_KEY, NULL, NULL, mt_result_cb, &result);
  MT_AWAIT (result);
  keys = nyl_session_list_finish (session, result, &error);
  g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS);
  g_assert_null (keys);

  nyl_checklist_update (checklist, NULL, NULL, NULL, NULL, keys, 0);
  g_assert_cmpint (state_of (checklist, NYL_CHECK_KEY_EXPIRY), ==, NYL_CHECK_STATE_UNKNOWN);
  g_assert_cmpint (state_of (checklist, NYL_CHECK_KEY_LIFETIME), ==, NYL_CHECK_STATE_UNKNOWN);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checklist/starts-unknown", test_starts_unknown);
  g_test_add_func ("/checklist/sections", test_sections);
  g_test_add_func ("/checklist/all-pass", test_all_pass);
  g_test_add_func ("/checklist/no-redirect-uri", test_no_redirect_uri);
  g_test_add_func ("/checklist/http-redirect-uri", test_http_redirect_uri);
  g_test_add_func ("/checklist/no-connector", test_no_connector);
  g_test_add_func ("/checklist/grant-webhook", test_grant_webhook);
  g_test_add_func ("/checklist/webhook-health", test_webhook_health);
  g_test_add_func ("/checklist/key-lifetime", test_key_lifetime);
  g_test_add_func ("/checklist/key-expiry", test_key_expiry);
  g_test_add_func ("/checklist/unknown-sources", test_unknown_sources);
  g_test_add_func ("/checklist/notifies-changes", test_notifies_changes);
  g_test_add ("/checklist/sandbox/sample", MtFixture, GUINT_TO_POINTER (20), mt_fixture_setup,
              test_sandbox_sample, mt_fixture_teardown);
  g_test_add ("/checklist/sandbox/each-check", MtFixture, GUINT_TO_POINTER (20),
              mt_fixture_setup, test_sandbox_each_check, mt_fixture_teardown);
  g_test_add ("/checklist/sandbox/redirect-uris", MtFixture, GUINT_TO_POINTER (20),
              mt_fixture_setup, test_sandbox_redirect_uris, mt_fixture_teardown);
  g_test_add ("/checklist/sandbox/without-service-account", MtFixture, GUINT_TO_POINTER (20),
              mt_fixture_setup, test_sandbox_without_service_account, mt_fixture_teardown);

  return g_test_run ();
}
