/* nyl-cli-webhooks.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-cli-webhooks"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "nyl-api-error.h"
#include "nyl-cli-calls.h"
#include "nyl-cli-commands.h"
#include "nyl-cli-output.h"
#include "nyl-input-check.h"
#include "nyl-secret-store.h"
#include "nyl-webhook-receiver.h"
#include "nyl-webhook.h"

/* nylasctl webhooks …: the destinations, their secrets (printed once, kept in the keyring), and a
 * local receiver that verifies deliveries. */

/* The trigger types a webhook can subscribe to (nylas-api.md §9.2). */
static const char * const triggers[] = {
  "booking.cancelled", "booking.created", "booking.pending", "booking.reminder",
  "booking.rescheduled",
  "calendar.created", "calendar.deleted", "calendar.updated",
  "contact.deleted", "contact.updated",
  "event.created", "event.deleted", "event.updated",
  "folder.created", "folder.deleted", "folder.updated",
  "grant.created", "grant.deleted", "grant.expired", "grant.imap_sync_completed", "grant.updated",
  "message.bounce_detected", "message.bounced", "message.complaint", "message.created",
  "message.created.cleaned", "message.created.truncated", "message.deleted", "message.delivered",
  "message.intelligence.order", "message.intelligence.tracking", "message.link_clicked",
  "message.link_clicked.legacy", "message.opened", "message.opened.legacy", "message.rejected",
  "message.send_failed", "message.send_success", "message.transactional.bounced",
  "message.transactional.complaint", "message.transactional.delivered",
  "message.transactional.rejected", "message.updated", "message.updated.truncated",
  "notetaker.created", "notetaker.deleted", "notetaker.media", "notetaker.meeting_state",
  "notetaker.updated",
  "thread.replied", "thread.replied.legacy",
  NULL
};

static gboolean
check_triggers (const char * const  *values,
                GError             **error)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      if (!g_strv_contains (triggers, values[i]))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Unknown trigger “%s”; see “nylasctl webhooks triggers”"), values[i]);
          return FALSE;
        }
    }

  return TRUE;
}

static void
print_webhook (NylCliContext *ctx,
               NylResource   *resource)
{
  NylWebhook *webhook = NYL_WEBHOOK (resource);
  g_autofree char *trigger_list = nyl_cli_join (nyl_webhook_get_trigger_types (webhook));
  g_autofree char *notify = nyl_cli_join (nyl_webhook_get_notification_email_addresses (webhook));
  g_autofree char *created = nyl_cli_format_time (nyl_webhook_get_created_at (webhook));
  g_autofree char *changed = nyl_cli_format_time (nyl_webhook_get_status_updated_at (webhook));

  nyl_cli_print_fields (stdout,
                        _("ID"), nyl_resource_get_id (resource),
                        _("URL"), nyl_webhook_get_webhook_url (webhook),
                        _("Status"), nyl_webhook_get_status (webhook),
                        _("Status since"), changed,
                        _("Description"), nyl_webhook_get_description (webhook),
                        _("Triggers"), trigger_list,
                        _("Notify"), notify,
                        _("Compressed"), nyl_webhook_get_compressed_delivery (webhook) ? _("yes")
                                                                                        : _("no"),
                        _("Created"), created,
                        NULL);
}

/* Stores a webhook's new secret for `webhooks listen --webhook ID`, then prints the webhook with
 * the secret once. */
static int
store_and_print_secret (NylCliContext *ctx,
                        NylWebhook    *webhook,
                        const char    *what_happened)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) store_error = NULL;
  NylSession *session = nyl_cli_context_get_session (ctx, NULL);
  const char *secret = nyl_webhook_get_secret (webhook);
  const char *id = nyl_resource_get_id (NYL_RESOURCE (webhook));
  gboolean stored = FALSE;

  if (secret != NULL)
    {
      NylProfile *profile = nyl_session_get_profile (session);

      nyl_secret_store_store_async (nyl_profile_get_id (profile), NYL_SECRET_KIND_WEBHOOK_SECRET,
                                    id, nyl_profile_get_name (profile), secret, NULL,
                                    nyl_cli_async_done, &result);
      nyl_cli_wait (&result);
      stored = nyl_secret_store_store_finish (result, &store_error);
    }

  if (nyl_cli_context_get_json (ctx))
    {
      g_autoptr(JsonNode) node = nyl_cli_resource_to_json (NYL_RESOURCE (webhook));
      JsonObject *object = json_node_get_object (node);

      if (secret != NULL)
        json_object_set_string_member (object, "webhook_secret", secret);
      json_object_set_boolean_member (object, "secret_stored", stored);
      nyl_cli_print_json (node);
    }
  else
    {
      printf ("%s\n", what_happened);
      print_webhook (ctx, NYL_RESOURCE (webhook));
      if (secret != NULL)
        printf (stored ? _("Secret (shown once, kept in the keyring): %s\n")
                       : _("Secret (shown once): %s\n"),
                secret);
    }

  if (secret == NULL)
    fprintf (stderr, "%s\n", _("nylasctl: warning: the server sent no webhook secret"));
  else if (!stored)
    /* Translators: %s is an error message. */
    fprintf (stderr, _("nylasctl: warning: the secret could not be kept in the keyring (%s); "
                       "copy it now, it is not shown again\n"), store_error->message);

  nyl_webhook_clear_secret (webhook);
  return NYL_CLI_EXIT_OK;
}

/* list / show ------------------------------------------------------------- */

static int
webhooks_list (NylCliContext *ctx,
               GStrv         *args)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(NylCliTable) table = NULL;
  int status;

  list = nyl_cli_list_command (ctx, args, "webhooks list", "",
                               _("List the webhooks."), NYL_TYPE_WEBHOOK, &status);
  if (list == NULL)
    return status;

  table = nyl_cli_table_new (4);
  nyl_cli_table_set_headers (table, _("ID"), _("STATUS"), _("URL"), _("TRIGGERS"));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(NylWebhook) webhook = g_list_model_get_item (list, i);
      g_autofree char *trigger_list = nyl_cli_join (nyl_webhook_get_trigger_types (webhook));

      nyl_cli_table_add_row (table, nyl_resource_get_id (NYL_RESOURCE (webhook)),
                             nyl_webhook_get_status (webhook),
                             nyl_webhook_get_webhook_url (webhook), trigger_list);
    }
  nyl_cli_table_print (table, stdout);

  return NYL_CLI_EXIT_OK;
}

static int
webhooks_show (NylCliContext *ctx,
               GStrv         *args)
{
  return nyl_cli_show_command (ctx, args, "webhooks show", "ID",
                               _("Show a webhook."), NYL_TYPE_WEBHOOK, print_webhook);
}

static int
webhooks_triggers (NylCliContext *ctx,
                   GStrv         *args)
{
  g_autofree char *category = NULL;
  int status;

  status = nyl_cli_context_parse (ctx, args, "webhooks triggers", "",
                                  _("List the trigger types a webhook can subscribe to."), NULL);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 0, "webhooks triggers", "")) >= 0)
    return status;

  if (nyl_cli_context_get_json (ctx))
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
      JsonArray *array = json_array_new ();

      for (guint i = 0; triggers[i] != NULL; i++)
        json_array_add_string_element (array, triggers[i]);
      json_node_take_array (node, array);
      nyl_cli_print_json (node);
      return NYL_CLI_EXIT_OK;
    }

  /* Grouped by category, the word before the first dot. */
  for (guint i = 0; triggers[i] != NULL; i++)
    {
      const char *dot = strchr (triggers[i], '.');
      g_autofree char *this_category = g_strndup (triggers[i], dot - triggers[i]);

      if (g_strcmp0 (category, this_category) != 0)
        {
          printf ("%s%s:\n", category != NULL ? "\n" : "", this_category);
          g_free (category);
          category = g_steal_pointer (&this_category);
        }
      printf ("  %s\n", triggers[i]);
    }

  return NYL_CLI_EXIT_OK;
}

/* create / update / pause / resume ------------------------------------------ */

typedef struct
{
  char     *url;
  GStrv     triggers;
  char     *description;
  GStrv     notify;
  gboolean  compressed;
  gboolean  not_compressed;
} WebhookOptions;

static void
webhook_options_clear (WebhookOptions *o)
{
  g_free (o->url);
  g_strfreev (o->triggers);
  g_free (o->description);
  g_strfreev (o->notify);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WebhookOptions, webhook_options_clear)

#define WEBHOOK_ENTRIES(o) \
  { "url", 0, 0, G_OPTION_ARG_STRING, &(o).url, \
    N_("Where deliveries go (https; http on loopback for testing)"), N_("URL") }, \
  { "trigger", 't', 0, G_OPTION_ARG_STRING_ARRAY, &(o).triggers, \
    N_("A trigger type (repeat for more)"), N_("T") }, \
  { "description", 0, 0, G_OPTION_ARG_STRING, &(o).description, N_("A description"), N_("D") }, \
  { "notify", 0, 0, G_OPTION_ARG_STRING_ARRAY, &(o).notify, \
    N_("Email Nylas alerts when deliveries fail (repeat for more)"), N_("EMAIL") }, \
  { "compressed", 0, 0, G_OPTION_ARG_NONE, &(o).compressed, N_("Deliver gzip-compressed"), NULL }

static gboolean
apply_webhook_options (WebhookOptions  *o,
                       NylWebhook      *webhook,
                       GError         **error)
{
  if (o->url != NULL && !nyl_input_check_web_url (o->url, error))
    return FALSE;
  if (!check_triggers ((const char * const *)o->triggers, error))
    return FALSE;
  if (o->compressed && o->not_compressed)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Give --compressed or --no-compressed, not both"));
      return FALSE;
    }

  if (o->url != NULL)
    nyl_webhook_set_webhook_url (webhook, o->url);
  if (o->triggers != NULL)
    nyl_webhook_set_trigger_types (webhook, (const char * const *)o->triggers);
  if (o->description != NULL)
    nyl_webhook_set_description (webhook, o->description);
  if (o->notify != NULL)
    nyl_webhook_set_notification_email_addresses (webhook, (const char * const *)o->notify);
  if (o->compressed)
    nyl_webhook_set_compressed_delivery (webhook, TRUE);
  if (o->not_compressed)
    nyl_webhook_set_compressed_delivery (webhook, FALSE);

  return TRUE;
}

static int
webhooks_create (NylCliContext *ctx,
                 GStrv         *args)
{
  g_auto(WebhookOptions) o = { 0 };
  const GOptionEntry entries[] = { WEBHOOK_ENTRIES (o), G_OPTION_ENTRY_NULL };
  g_autoptr(NylWebhook) webhook = nyl_webhook_new ();
  g_autoptr(NylResource) created = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  status = nyl_cli_context_parse (ctx, args, "webhooks create", "--url URL --trigger T…",
                                  _("Create a webhook. Its secret is printed once and kept in the "
                                    "keyring."), entries);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 0, "webhooks create", "")) >= 0)
    return status;

  if (o.url == NULL || o.triggers == NULL)
    return nyl_cli_context_usage_error (ctx, _("webhooks create needs --url and at least one "
                                               "--trigger"));

  if (!apply_webhook_options (&o, webhook, &error))
    return nyl_cli_context_fail (ctx, error);

  created = nyl_cli_create (ctx, NYL_RESOURCE (webhook), NULL, &error);
  if (created == NULL)
    return nyl_cli_context_fail (ctx, error);

  return store_and_print_secret (ctx, NYL_WEBHOOK (created), _("Created the webhook."));
}

static int
update_webhook (NylCliContext  *ctx,
                const char     *id,
                WebhookOptions *o,
                const char     *new_status)
{
  g_autoptr(NylResource) webhook = NULL;
  g_autoptr(NylResource) updated = NULL;
  g_autoptr(GError) error = NULL;

  webhook = nyl_cli_fetch (ctx, NYL_TYPE_WEBHOOK, NULL, id, &error);
  if (webhook == NULL)
    return nyl_cli_context_fail (ctx, error);

  if (o != NULL && !apply_webhook_options (o, NYL_WEBHOOK (webhook), &error))
    return nyl_cli_context_fail (ctx, error);
  if (new_status != NULL)
    nyl_webhook_set_status (NYL_WEBHOOK (webhook), new_status);

  updated = nyl_cli_update (ctx, webhook, NULL, &error);
  if (updated == NULL)
    return nyl_cli_context_fail (ctx, error);

  return nyl_cli_print_resource (ctx, updated, print_webhook);
}

static int
webhooks_update (NylCliContext *ctx,
                 GStrv         *args)
{
  g_auto(WebhookOptions) o = { 0 };
  const GOptionEntry entries[] = {
    WEBHOOK_ENTRIES (o),
    { "no-compressed", 0, 0, G_OPTION_ARG_NONE, &o.not_compressed,
      N_("Deliver uncompressed"), NULL },
    G_OPTION_ENTRY_NULL
  };
  int status;

  status = nyl_cli_context_parse (ctx, args, "webhooks update", "ID [OPTION…]",
                                  _("Change a webhook; a list given replaces the old one."),
                                  entries);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 1, "webhooks update", "ID")) >= 0)
    return status;

  if (o.url == NULL && o.triggers == NULL && o.description == NULL && o.notify == NULL &&
      !o.compressed && !o.not_compressed)
    return nyl_cli_context_usage_error (ctx, _("webhooks update: nothing to change"));

  return update_webhook (ctx, (*args)[0], &o, NULL);
}

static int
webhooks_pause (NylCliContext *ctx,
                GStrv         *args)
{
  int status;

  status = nyl_cli_context_parse (ctx, args, "webhooks pause", "ID",
                                  _("Stop deliveries to a webhook until it is resumed."), NULL);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 1, "webhooks pause", "ID")) >= 0)
    return status;

  return update_webhook (ctx, (*args)[0], NULL, "pause");
}

static int
webhooks_resume (NylCliContext *ctx,
                 GStrv         *args)
{
  int status;

  status = nyl_cli_context_parse (ctx, args, "webhooks resume", "ID",
                                  _("Deliver to a paused or failed webhook again."), NULL);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 1, "webhooks resume", "ID")) >= 0)
    return status;

  return update_webhook (ctx, (*args)[0], NULL, "active");
}

/* delete / rotate-secret ------------------------------------------------------ */

static int
webhooks_delete (NylCliContext *ctx,
                 GStrv         *args)
{
  g_autofree char *question = NULL;
  g_autofree char *done = NULL;
  g_autofree char *profile_id = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  int status;

  status = nyl_cli_context_parse (ctx, args, "webhooks delete", "ID",
                                  _("Delete a webhook and forget its secret."), NULL);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 1, "webhooks delete", "ID")) >= 0)
    return status;

  /* Translators: %s is a webhook ID. */
  question = g_strdup_printf (_("Delete webhook %s? Deliveries to it stop at once."), (*args)[0]);
  done = g_strdup_printf (_("Deleted webhook %s."), (*args)[0]);
  status = nyl_cli_delete_confirmed (ctx, NYL_TYPE_WEBHOOK, NULL, (*args)[0], question, done);
  if (status != NYL_CLI_EXIT_OK)
    return status;

  /* Its secret is of no use any more (best effort). */
  profile_id = nyl_cli_context_dup_profile_id (ctx, NULL);
  if (profile_id != NULL)
    {
      nyl_secret_store_clear_async (profile_id, NYL_SECRET_KIND_WEBHOOK_SECRET, (*args)[0], NULL,
                                    nyl_cli_async_done, &result);
      nyl_cli_wait (&result);
      nyl_secret_store_clear_finish (result, NULL);
    }

  return NYL_CLI_EXIT_OK;
}

static int
webhooks_rotate_secret (NylCliContext *ctx,
                        GStrv         *args)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(NylWebhook) webhook = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *question = NULL;
  NylSession *session;
  int status;

  status = nyl_cli_context_parse (ctx, args, "webhooks rotate-secret", "ID",
                                  _("Give a webhook a new secret, printed once and kept in the "
                                    "keyring. The old secret stops working at once."), NULL);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 1, "webhooks rotate-secret", "ID")) >= 0)
    return status;

  /* Translators: %s is a webhook ID. */
  question = g_strdup_printf (_("Rotate the secret of webhook %s? The old secret stops working "
                                "at once."), (*args)[0]);
  if (!nyl_cli_context_confirm (ctx, question, &status))
    return status;

  session = nyl_cli_context_get_session (ctx, &error);
  if (session == NULL)
    return nyl_cli_context_fail (ctx, error);

  nyl_session_rotate_webhook_secret_async (session, (*args)[0], NULL, nyl_cli_async_done,
                                           &result);
  nyl_cli_wait (&result);
  webhook = nyl_session_rotate_webhook_secret_finish (session, result, &error);
  if (webhook == NULL)
    return nyl_cli_context_fail (ctx, error);

  return store_and_print_secret (ctx, webhook, _("Rotated the webhook’s secret."));
}

/* send-test / mock-payload / ip-addresses -------------------------------------- */

static int
webhooks_send_test (NylCliContext *ctx,
                    GStrv         *args)
{
  g_autofree char *trigger = NULL;
  g_autofree char *url = NULL;
  const GOptionEntry entries[] = {
    { "trigger", 't', 0, G_OPTION_ARG_STRING, &trigger, N_("The trigger type"), N_("T") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("Where to send it"), N_("URL") },
    G_OPTION_ENTRY_NULL
  };
  const char *one[2] = { NULL, NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  NylSession *session;
  int status;

  status = nyl_cli_context_parse (ctx, args, "webhooks send-test", "--trigger T --url URL",
                                  _("Ask Nylas to send a test event (signed with the secret "
                                    "“mock-webhook-secret”)."), entries);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 0, "webhooks send-test", "")) >= 0)
    return status;

  if (trigger == NULL || url == NULL)
    return nyl_cli_context_usage_error (ctx, _("webhooks send-test needs --trigger and --url"));

  one[0] = trigger;
  if (!check_triggers (one, &error) || !nyl_input_check_web_url (url, &error))
    return nyl_cli_context_fail (ctx, error);

  session = nyl_cli_context_get_session (ctx, &error);
  if (session == NULL)
    return nyl_cli_context_fail (ctx, error);

  nyl_session_send_test_event_async (session, trigger, url, NULL, nyl_cli_async_done, &result);
  nyl_cli_wait (&result);
  if (!nyl_session_send_test_event_finish (session, result, &error))
    return nyl_cli_context_fail (ctx, error);

  if (nyl_cli_context_get_json (ctx))
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_boolean_member (object, "sent", TRUE);
      json_object_set_string_member (object, "trigger_type", trigger);
      json_object_set_string_member (object, "webhook_url", url);
      json_node_take_object (node, object);
      nyl_cli_print_json (node);
    }
  else
    {
      /* Translators: the first %s is a trigger type, the second a URL. */
      printf (_("Nylas sent a test %s event to %s.\n"), trigger, url);
    }

  return NYL_CLI_EXIT_OK;
}

static int
webhooks_mock_payload (NylCliContext *ctx,
                       GStrv         *args)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) payload = NULL;
  g_autoptr(GError) error = NULL;
  const char *one[2] = { NULL, NULL };
  NylSession *session;
  int status;

  status = nyl_cli_context_parse (ctx, args, "webhooks mock-payload", "TRIGGER",
                                  _("Print an example notification for a trigger type."), NULL);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 1, "webhooks mock-payload", "TRIGGER")) >= 0)
    return status;

  one[0] = (*args)[0];
  if (!check_triggers (one, &error))
    return nyl_cli_context_fail (ctx, error);

  session = nyl_cli_context_get_session (ctx, &error);
  if (session == NULL)
    return nyl_cli_context_fail (ctx, error);

  nyl_session_mock_payload_async (session, (*args)[0], NULL, nyl_cli_async_done, &result);
  nyl_cli_wait (&result);
  payload = nyl_session_mock_payload_finish (session, result, &error);
  if (payload == NULL)
    return nyl_cli_context_fail (ctx, error);

  nyl_cli_print_json (payload);
  return NYL_CLI_EXIT_OK;
}

static int
webhooks_ip_addresses (NylCliContext *ctx,
                       GStrv         *args)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) data = NULL;
  g_autoptr(GError) error = NULL;
  NylSession *session;
  JsonObject *object;
  JsonArray *addresses = NULL;
  int status;

  status = nyl_cli_context_parse (ctx, args, "webhooks ip-addresses", "",
                                  _("Print the addresses Nylas delivers webhooks from."), NULL);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 0, "webhooks ip-addresses", "")) >= 0)
    return status;

  session = nyl_cli_context_get_session (ctx, &error);
  if (session == NULL)
    return nyl_cli_context_fail (ctx, error);

  nyl_session_ip_addresses_async (session, NULL, nyl_cli_async_done, &result);
  nyl_cli_wait (&result);
  data = nyl_session_ip_addresses_finish (session, result, &error);
  if (data == NULL)
    return nyl_cli_context_fail (ctx, error);

  if (nyl_cli_context_get_json (ctx))
    {
      nyl_cli_print_json (data);
      return NYL_CLI_EXIT_OK;
    }

  object = JSON_NODE_HOLDS_OBJECT (data) ? json_node_get_object (data) : NULL;
  if (object != NULL && json_object_has_member (object, "ip_addresses") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "ip_addresses")))
    addresses = json_object_get_array_member (object, "ip_addresses");

  for (guint i = 0; addresses != NULL && i < json_array_get_length (addresses); i++)
    {
      JsonNode *element = json_array_get_element (addresses, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        printf ("%s\n", json_node_get_string (element));
    }

  return NYL_CLI_EXIT_OK;
}

/* listen / verify ------------------------------------------------------------- */

/* The secrets a delivery is checked with, and how each is named in the output. */
typedef struct
{
  GPtrArray *secrets;   /* char *, wiped on free */
  GPtrArray *labels;
} Secrets;

static void
secrets_clear (Secrets *s)
{
  if (s->secrets != NULL)
    {
      for (guint i = 0; i < s->secrets->len; i++)
        {
          char *secret = g_ptr_array_index (s->secrets, i);

          if (secret != NULL)
            memset (secret, 0, strlen (secret));
        }
      g_ptr_array_unref (s->secrets);
    }
  g_clear_pointer (&s->labels, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Secrets, secrets_clear)

/* From the keyring (@webhook_id) and from stdin, in that order. */
static gboolean
gather_secrets (NylCliContext  *ctx,
                const char     *webhook_id,
                gboolean        from_stdin,
                Secrets        *s,
                GError        **error)
{
  s->secrets = g_ptr_array_new_with_free_func (g_free);
  s->labels = g_ptr_array_new_with_free_func (g_free);

  if (webhook_id != NULL)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autofree char *profile_id = nyl_cli_context_dup_profile_id (ctx, error);
      char *secret;

      if (profile_id == NULL)
        return FALSE;

      nyl_secret_store_lookup_async (profile_id, NYL_SECRET_KIND_WEBHOOK_SECRET, webhook_id, NULL,
                                     nyl_cli_async_done, &result);
      nyl_cli_wait (&result);
      secret = nyl_secret_store_lookup_finish (result, error);
      if (secret == NULL)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_NO_SECRET,
                         _("The keyring holds no secret for webhook %s; pipe it in with "
                           "--secret-stdin"), webhook_id);
          else if (error != NULL && g_error_matches (*error, NYL_API_ERROR,
                                                     NYL_API_ERROR_NO_SECRET))
            {
              g_clear_error (error);
              g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_NO_SECRET,
                           _("The keyring holds no secret for webhook %s; pipe it in with "
                             "--secret-stdin"), webhook_id);
            }
          return FALSE;
        }
      g_ptr_array_add (s->secrets, secret);
      /* Translators: %s is a webhook ID. */
      g_ptr_array_add (s->labels, g_strdup_printf (_("keyring secret of webhook %s"), webhook_id));
    }

  if (from_stdin)
    {
      GStrv lines = nyl_cli_context_read_secrets (ctx, _("Webhook secret:"), error);

      if (lines == NULL)
        return FALSE;
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_ptr_array_add (s->secrets, g_strdup (lines[i]));
          /* Translators: %u counts the lines of standard input from 1. */
          g_ptr_array_add (s->labels, g_strdup_printf (_("secret %u from stdin"), i + 1));
        }
      nyl_cli_secrets_free (lines);
    }

  g_ptr_array_add (s->secrets, NULL);
  return TRUE;
}

static const char *
matched_label (Secrets            *s,
               NylWebhookDelivery *delivery)
{
  int index = nyl_webhook_delivery_get_matched_index (delivery);

  if (index < 0 || (guint)index >= s->labels->len)
    return NULL;

  return g_ptr_array_index (s->labels, index);
}

typedef struct
{
  NylCliContext      *ctx;
  NylWebhookReceiver *receiver;
  GMainLoop          *loop;
  Secrets            *secrets;
  char               *forward;
  guint               count;
  guint               seen;
  guint               pending_forwards;
  gboolean            all_verified;
} Listener;

static void
forward_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Listener *listener = user_data;
  g_autoptr(GError) error = NULL;
  guint status;

  status = nyl_webhook_receiver_forward_finish (NYL_WEBHOOK_RECEIVER (object), result, &error);
  if (error != NULL)
    fprintf (stderr, _("nylasctl: could not forward to %s: %s\n"), listener->forward,
             error->message);
  else
    /* Translators: %s is a URL, %u an HTTP status. */
    fprintf (stderr, _("Forwarded to %s: HTTP %u\n"), listener->forward, status);

  listener->pending_forwards--;
  if (listener->count > 0 && listener->seen >= listener->count && listener->pending_forwards == 0)
    g_main_loop_quit (listener->loop);
}

static void
on_delivery (NylWebhookReceiver *receiver,
             NylWebhookDelivery *delivery,
             Listener           *listener)
{
  const char *label = matched_label (listener->secrets, delivery);
  gboolean verified = nyl_webhook_delivery_get_verified (delivery);

  listener->seen++;
  if (!verified)
    listener->all_verified = FALSE;

  if (nyl_cli_context_get_json (listener->ctx))
    {
      g_autoptr(JsonNode) node = nyl_webhook_delivery_to_json (delivery);

      if (label != NULL)
        json_object_set_string_member (json_node_get_object (node), "secret", label);
      else
        json_object_set_null_member (json_node_get_object (node), "secret");
      nyl_cli_print_json_line (node);
    }
  else
    {
      g_autofree char *when = nyl_cli_format_time (nyl_webhook_delivery_get_received_at (delivery) /
                                                   G_USEC_PER_SEC);
      const char *type = nyl_webhook_delivery_get_trigger_type (delivery);
      const char *id = nyl_webhook_delivery_get_notification_id (delivery);

      NylWebhookVerdict verdict = nyl_webhook_delivery_get_verdict (delivery);

      printf ("%s  %s  %s  verified=%s  %s\n", when, type != NULL ? type : "-",
              id != NULL ? id : "-", verified ? "true" : "false",
              verified ? label : nyl_webhook_verdict_to_string (verdict));
      fflush (stdout);
    }

  if (verified && listener->forward != NULL)
    {
      listener->pending_forwards++;
      nyl_webhook_receiver_forward_async (receiver, delivery, listener->forward, NULL, NULL,
                                          forward_cb, listener);
    }

  if (listener->count > 0 && listener->seen >= listener->count && listener->pending_forwards == 0)
    g_main_loop_quit (listener->loop);
}

static void
on_challenge (NylWebhookReceiver *receiver,
              const char         *value,
              Listener           *listener)
{
  fprintf (stderr, "%s\n", _("Answered a verification challenge."));
}

static gboolean
on_signal (gpointer user_data)
{
  Listener *listener = user_data;

  g_main_loop_quit (listener->loop);
  return G_SOURCE_CONTINUE;
}

static int
webhooks_listen (NylCliContext *ctx,
                 GStrv         *args)
{
  int port = 0;
  int count = 0;
  g_autofree char *webhook_id = NULL;
  g_autofree char *forward = NULL;
  gboolean from_stdin = FALSE;
  const GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port, N_("Listen on port N (default: any free one)"),
      N_("N") },
    { "webhook", 0, 0, G_OPTION_ARG_STRING, &webhook_id,
      N_("Verify with this webhook’s secret from the keyring"), N_("ID") },
    { "secret-stdin", 0, 0, G_OPTION_ARG_NONE, &from_stdin,
      N_("Read secrets from stdin, one a line (old and new during a rotation)"), NULL },
    { "forward", 0, 0, G_OPTION_ARG_STRING, &forward,
      N_("Send verified deliveries on to URL, as received"), N_("URL") },
    { "count", 0, 0, G_OPTION_ARG_INT, &count,
      N_("Stop after N deliveries (exit 0 only if all were verified)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(NylWebhookReceiver) receiver = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Secrets) secrets = { 0 };
  Listener listener = { 0 };
  guint sigint;
  guint sigterm;
  int status;

  status = nyl_cli_context_parse (ctx, args, "webhooks listen", "",
                                  _("Receive deliveries on this computer (127.0.0.1), answer "
                                    "challenges, verify each signature and print a line per "
                                    "delivery. Runs until interrupted."), entries);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 0, "webhooks listen", "")) >= 0)
    return status;

  if (port < 0 || port > G_MAXUINT16)
    return nyl_cli_context_usage_error (ctx, _("--port must be from 0 to 65535"));
  if (count < 0)
    return nyl_cli_context_usage_error (ctx, _("--count must not be negative"));
  if (forward != NULL && !nyl_webhook_forward_url_check (forward, &error))
    return nyl_cli_context_fail (ctx, error);

  if (!gather_secrets (ctx, webhook_id, from_stdin, &secrets, &error))
    return nyl_cli_context_fail (ctx, error);
  if (secrets.secrets->len == 1)
    fprintf (stderr, "%s\n", _("nylasctl: warning: no secret given (--webhook ID or "
                               "--secret-stdin); signatures cannot be verified"));

  receiver = nyl_webhook_receiver_new ();
  nyl_webhook_receiver_set_secrets (receiver, (const char * const *)secrets.secrets->pdata);
  if (!nyl_webhook_receiver_listen (receiver, (guint16)port, &error))
    return nyl_cli_context_fail (ctx, error);

  loop = g_main_loop_new (NULL, FALSE);
  listener.ctx = ctx;
  listener.receiver = receiver;
  listener.loop = loop;
  listener.secrets = &secrets;
  listener.forward = forward;
  listener.count = (guint)count;
  listener.all_verified = TRUE;
  g_signal_connect (receiver, "delivery", G_CALLBACK (on_delivery), &listener);
  g_signal_connect (receiver, "challenge", G_CALLBACK (on_challenge), &listener);
  sigint = g_unix_signal_add (SIGINT, on_signal, &listener);
  sigterm = g_unix_signal_add (SIGTERM, on_signal, &listener);

  /* Translators: %s is a URL such as http://127.0.0.1:8080/. */
  fprintf (stderr, _("Listening on %s (Ctrl+C to stop)\n"),
           nyl_webhook_receiver_get_url (receiver));
  fflush (stderr);

  g_main_loop_run (loop);

  g_source_remove (sigint);
  g_source_remove (sigterm);
  g_signal_handlers_disconnect_by_data (receiver, &listener);
  nyl_webhook_receiver_stop (receiver);

  if (listener.count > 0 && !listener.all_verified)
    return NYL_CLI_EXIT_FAILURE;

  return NYL_CLI_EXIT_OK;
}

static int
webhooks_verify (NylCliContext *ctx,
                 GStrv         *args)
{
  g_autofree char *signature = NULL;
  g_autofree char *webhook_id = NULL;
  gboolean from_stdin = FALSE;
  gboolean gzip = FALSE;
  const GOptionEntry entries[] = {
    { "signature", 0, 0, G_OPTION_ARG_STRING, &signature,
      N_("The x-nylas-signature header (64 hex digits)"), N_("HEX") },
    { "secret-stdin", 0, 0, G_OPTION_ARG_NONE, &from_stdin,
      N_("Read secrets from stdin, one a line"), NULL },
    { "webhook", 0, 0, G_OPTION_ARG_STRING, &webhook_id,
      N_("Use this webhook’s secret from the keyring"), N_("ID") },
    { "gzip", 0, 0, G_OPTION_ARG_NONE, &gzip,
      N_("The body came with Content-Encoding: gzip"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(NylWebhookDelivery) delivery = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(Secrets) secrets = { 0 };
  const char *headers[7] = { NULL };
  NylWebhookVerdict verdict;
  const char *label;
  gsize length = 0;
  guint n_headers = 0;
  int status;

  status = nyl_cli_context_parse (ctx, args, "webhooks verify", "--signature HEX [FILE]",
                                  _("Check a delivery’s signature against the raw body in FILE "
                                    "(or stdin). Exits 0 when it is valid."), entries);
  if (status >= 0)
    return status;
  if (g_strv_length (*args) > 1)
    return nyl_cli_context_usage_error (ctx, _("webhooks verify: unexpected argument “%s”"),
                                        (*args)[1]);

  if (signature == NULL)
    return nyl_cli_context_usage_error (ctx, _("webhooks verify needs --signature HEX"));
  if (!from_stdin && webhook_id == NULL)
    return nyl_cli_context_usage_error (ctx, _("webhooks verify needs a secret: --webhook ID or "
                                               "--secret-stdin"));
  if (from_stdin && (*args)[0] == NULL)
    return nyl_cli_context_usage_error (ctx, _("webhooks verify: with --secret-stdin the body "
                                               "must come from a FILE"));

  /* The body first: stdin may hold it. */
  contents = nyl_cli_read_file ((*args)[0] != NULL ? (*args)[0] : "-", &length, &error);
  if (contents == NULL)
    return nyl_cli_context_fail (ctx, error);
  body = g_bytes_new_take (g_steal_pointer (&contents), length);

  if (!gather_secrets (ctx, webhook_id, from_stdin, &secrets, &error))
    return nyl_cli_context_fail (ctx, error);

  headers[n_headers++] = "X-Nylas-Signature";
  headers[n_headers++] = signature;
  if (gzip)
    {
      headers[n_headers++] = "Content-Encoding";
      headers[n_headers++] = "gzip";
    }
  delivery = nyl_webhook_delivery_new ("POST", "/", headers, body);
  verdict = nyl_webhook_delivery_verify (delivery, (const char * const *)secrets.secrets->pdata);
  label = matched_label (&secrets, delivery);

  if (nyl_cli_context_get_json (ctx))
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_boolean_member (object, "verified", verdict == NYL_WEBHOOK_VERDICT_VALID);
      json_object_set_string_member (object, "verdict", nyl_webhook_verdict_to_nick (verdict));
      json_object_set_string_member (object, "reason", nyl_webhook_verdict_to_string (verdict));
      if (label != NULL)
        {
          json_object_set_int_member (object, "matched_secret",
                                      nyl_webhook_delivery_get_matched_index (delivery));
          json_object_set_string_member (object, "secret", label);
        }
      else
        {
          json_object_set_null_member (object, "matched_secret");
          json_object_set_null_member (object, "secret");
        }
      json_node_take_object (node, object);
      nyl_cli_print_json (node);
    }
  else if (verdict == NYL_WEBHOOK_VERDICT_VALID)
    {
      /* Translators: %s names the secret that matched. */
      printf (_("verified=true  %s\n"), label);
    }
  else
    {
      /* Translators: %s is the reason the signature was refused. */
      printf (_("verified=false  %s\n"), nyl_webhook_verdict_to_string (verdict));
    }

  switch (verdict)
    {
    case NYL_WEBHOOK_VERDICT_VALID:
      return NYL_CLI_EXIT_OK;
    case NYL_WEBHOOK_VERDICT_MALFORMED_HEX:
    case NYL_WEBHOOK_VERDICT_NO_HEADER:
      return NYL_CLI_EXIT_USAGE;
    case NYL_WEBHOOK_VERDICT_NO_SECRET:
      return NYL_CLI_EXIT_AUTH;
    case NYL_WEBHOOK_VERDICT_MISMATCH:
    case NYL_WEBHOOK_VERDICT_GZIP_ERROR:
    default:
      return NYL_CLI_EXIT_FAILURE;
    }
}

static const NylCliSubcommand subcommands[] = {
  { "list", "list", N_("List the webhooks"), webhooks_list },
  { "show", "show ID", N_("Show a webhook"), webhooks_show },
  { "triggers", "triggers", N_("List the trigger types"), webhooks_triggers },
  { "create", "create --url URL --trigger T… [--description D] [--notify EMAIL]… [--compressed]",
    N_("Create a webhook (its secret is printed once)"), webhooks_create },
  { "update", "update ID [OPTION…]", N_("Change a webhook"), webhooks_update },
  { "pause", "pause ID", N_("Pause deliveries"), webhooks_pause },
  { "resume", "resume ID", N_("Resume deliveries"), webhooks_resume },
  { "delete", "delete ID", N_("Delete a webhook"), webhooks_delete },
  { "rotate-secret", "rotate-secret ID", N_("Give a webhook a new secret"),
    webhooks_rotate_secret },
  { "send-test", "send-test --trigger T --url URL", N_("Have Nylas send a test event"),
    webhooks_send_test },
  { "mock-payload", "mock-payload TRIGGER", N_("Print an example notification"),
    webhooks_mock_payload },
  { "ip-addresses", "ip-addresses", N_("Print Nylas’s delivery addresses"),
    webhooks_ip_addresses },
  { "listen", "listen [--port N] [--webhook ID] [--secret-stdin] [--forward URL]",
    N_("Receive and verify deliveries locally"), webhooks_listen },
  { "verify", "verify --signature HEX [--secret-stdin] [--webhook ID] [FILE]",
    N_("Check one delivery’s signature"), webhooks_verify },
  { NULL, NULL, NULL, NULL },
};

int
nyl_cli_webhooks_run (NylCliContext *ctx,
                      int            argc,
                      char          *argv[])
{
  return nyl_cli_context_dispatch (ctx, "webhooks",
                                   N_("Where Nylas sends notifications, and a local receiver to "
                                      "check them."), subcommands, argc, argv);
}
