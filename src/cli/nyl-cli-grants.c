/* nyl-cli-grants.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-cli-grants"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "nyl-api-error.h"
#include "nyl-cli-calls.h"
#include "nyl-cli-commands.h"
#include "nyl-cli-output.h"
#include "nyl-grant.h"
#include "nyl-hosted-auth.h"
#include "nyl-json-scan.h"
#include "nyl-page-iterator.h"
#include "nyl-redirect-uri.h"
#include "nyl-time.h"

/* nylasctl grants list | show | delete | stats | export | reauth-url
 *
 * Listing and exporting stream: each page is printed and dropped before the
 * next one is asked for, so 100,000 grants never sit in memory at once. The
 * items are printed as the API sent them: with --json, a page's bytes are only
 * checked and cut into items (nyl_json_scan_page()), never parsed into a tree. */

#define DEFAULT_LIMIT 50

typedef struct
{
  char     *status;
  char     *provider;
  char     *email;
  char     *since;
  char     *before;
  int       limit;
  gboolean  all;
} Filters;

static void
filters_clear (Filters *f)
{
  g_free (f->status);
  g_free (f->provider);
  g_free (f->email);
  g_free (f->since);
  g_free (f->before);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Filters, filters_clear)

#define FILTER_ENTRIES(f) \
  { "status", 0, 0, G_OPTION_ARG_STRING, &(f).status, N_("valid or invalid"), N_("STATUS") }, \
  { "provider", 0, 0, G_OPTION_ARG_STRING, &(f).provider, N_("Only this provider"), \
    N_("PROVIDER") }, \
  { "email", 0, 0, G_OPTION_ARG_STRING, &(f).email, N_("Only this email address"), N_("E") }, \
  { "since", 0, 0, G_OPTION_ARG_STRING, &(f).since, \
    N_("Created at or after T (ISO 8601 or Unix seconds)"), N_("T") }, \
  { "before", 0, 0, G_OPTION_ARG_STRING, &(f).before, \
    N_("Created at or before T (ISO 8601 or Unix seconds)"), N_("T") }

/* The query for the filters; NULL with @error when one is wrong. */
static GStrv
filters_to_query (Filters  *f,
                  GError  **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gint64 when;

  if (f->status != NULL)
    {
      if (!g_str_equal (f->status, "valid") && !g_str_equal (f->status, "invalid"))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--status must be valid or invalid, not “%s”"), f->status);
          return NULL;
        }
      g_strv_builder_add_many (builder, "grant_status", f->status, NULL);
    }
  if (f->provider != NULL)
    g_strv_builder_add_many (builder, "provider", f->provider, NULL);
  if (f->email != NULL)
    g_strv_builder_add_many (builder, "email", f->email, NULL);
  if (f->since != NULL)
    {
      g_autofree char *value = NULL;

      if (!nyl_time_parse (f->since, &when, error))
        return NULL;
      value = g_strdup_printf ("%" G_GINT64_FORMAT, when);
      g_strv_builder_add_many (builder, "since", value, NULL);
    }
  if (f->before != NULL)
    {
      g_autofree char *value = NULL;

      if (!nyl_time_parse (f->before, &when, error))
        return NULL;
      value = g_strdup_printf ("%" G_GINT64_FORMAT, when);
      g_strv_builder_add_many (builder, "before", value, NULL);
    }

  return g_strv_builder_end (builder);
}

/* Pages through the grants; @page_cb sees each page's items and may stop by returning FALSE. */
typedef gboolean (*PageFunc) (JsonArray *items,
                              gpointer   user_data);

/* Waits for the page asked for in @result; NULL without @error after the last one. */
static NylResponse *
finish_page (NylSession       *session,
             NylPageIterator  *iterator,
             GAsyncResult    **result,
             GError          **error)
{
  NylResponse *page;

  nyl_cli_wait (result);
  page = nyl_page_iterator_next_finish (iterator, *result, error);
  g_clear_object (result);
  nyl_session_set_last_request_id (session, nyl_page_iterator_get_last_request_id (iterator));

  return page;
}

static gboolean
walk_grants (NylCliContext  *ctx,
             const char     *const *query,
             guint           page_size,
             guint           max_items,
             PageFunc        page_cb,
             gpointer        user_data,
             GError        **error)
{
  g_autoptr(NylPageIterator) iterator = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *path = NULL;
  NylSession *session;
  NylClientAuth auth;
  gboolean offset_paging;
  gboolean in_flight;
  gboolean ok = TRUE;
  guint seen = 0;

  session = nyl_cli_context_get_session (ctx, error);
  if (session == NULL)
    return FALSE;

  if (!nyl_session_get_collection (session, NYL_TYPE_GRANT, NULL, &path, &auth, &offset_paging,
                                   error))
    return FALSE;

  iterator = nyl_page_iterator_new (nyl_session_get_client (session), path, query, auth,
                                    offset_paging ? NYL_PAGE_STYLE_OFFSET : NYL_PAGE_STYLE_CURSOR,
                                    page_size);

  nyl_page_iterator_next_async (iterator, cancellable, nyl_cli_async_done, &result);
  in_flight = TRUE;

  while (in_flight)
    {
      g_autoptr(NylResponse) page = NULL;
      g_autoptr(JsonArray) items = NULL;
      JsonArray *all;
      guint n;

      page = finish_page (session, iterator, &result, error);
      in_flight = FALSE;
      if (page == NULL)
        {
          ok = error == NULL || *error == NULL;
          break;
        }

      all = nyl_response_get_items (page);
      n = all != NULL ? json_array_get_length (all) : 0;
      if (max_items != 0 && seen + n > max_items)
        {
          items = json_array_sized_new (max_items - seen);
          for (guint i = 0; i < max_items - seen; i++)
            json_array_add_element (items, json_node_copy (json_array_get_element (all, i)));
        }
      else if (all != NULL)
        {
          items = json_array_ref (all);
        }
      seen += items != NULL ? json_array_get_length (items) : 0;

      /* Ask for the next page before handling this one, and let the request
       * go out: the server answers while this page is printed. */
      if (!nyl_page_iterator_get_done (iterator) && (max_items == 0 || seen < max_items))
        {
          nyl_page_iterator_next_async (iterator, cancellable, nyl_cli_async_done, &result);
          in_flight = TRUE;
          while (result == NULL && g_main_context_iteration (NULL, FALSE))
            ;
        }

      if (items != NULL && !page_cb (items, user_data))
        break;
    }

  if (in_flight)
    {
      /* Stopped early: drop the page asked for in advance. */
      g_autoptr(NylResponse) unused = NULL;

      g_cancellable_cancel (cancellable);
      unused = finish_page (session, iterator, &result, NULL);
    }

  return ok;
}

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gint64
member_int (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return (gint64)json_node_get_double (node);

  return 0;
}

static char *
member_strv_joined (JsonObject *object,
                    const char *member,
                    const char *separator)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GString) out = g_string_new (NULL);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return g_strdup ("");

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) ||
          json_node_get_value_type (element) != G_TYPE_STRING)
        continue;
      if (out->len > 0)
        g_string_append (out, separator);
      g_string_append (out, json_node_get_string (element));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* grants list ------------------------------------------------------------- */

typedef struct
{
  NylCliContext *ctx;
  NylCliTable   *table;
  guint          n;
} ListState;

/* --json listing: pages as bytes ------------------------------------------ */

typedef struct
{
  NylClient     *client;
  const char    *path;
  GStrv          query;
  NylClientAuth  auth;
  gboolean       offset_paging;
  guint          limit;
  gint64         offset;
  char          *cursor;
  gboolean       done;
} RawPager;

static void
raw_pager_clear (RawPager *pager)
{
  g_clear_pointer (&pager->cursor, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RawPager, raw_pager_clear)

/* One page request in flight. */
typedef struct
{
  GCancellable *cancellable;
  GAsyncResult *result;
  gint64        offset;
  gboolean      by_cursor;
  gboolean      active;
} Fetch;

/* Asks for the page at the cursor, else at @offset, the way NylPageIterator does,
 * and lets the request go out. */
static void
fetch_start (RawPager *pager,
             Fetch    *fetch,
             gint64    offset)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) query = NULL;
  g_autofree char *limit = g_strdup_printf ("%u", pager->limit);
  g_autofree char *offset_text = NULL;

  g_assert (!fetch->active);

  g_strv_builder_addv (builder, (const char **)pager->query);
  g_strv_builder_add_many (builder, "limit", limit, NULL);
  if (pager->cursor != NULL)
    {
      g_strv_builder_add_many (builder, "page_token", pager->cursor, NULL);
    }
  else if (pager->offset_paging)
    {
      offset_text = g_strdup_printf ("%" G_GINT64_FORMAT, offset);
      g_strv_builder_add_many (builder, "offset", offset_text, NULL);
    }
  query = g_strv_builder_end (builder);

  fetch->cancellable = g_cancellable_new ();
  fetch->offset = offset;
  fetch->by_cursor = pager->cursor != NULL;
  fetch->active = TRUE;
  nyl_client_request_bytes_async (pager->client, "GET", pager->path,
                                  (const char * const *)query, NULL, pager->auth,
                                  fetch->cancellable, nyl_cli_async_done, &fetch->result);

  while (fetch->result == NULL && g_main_context_iteration (NULL, FALSE))
    ;
}

/* Waits for @fetch; the body, or NULL with @error. */
static GBytes *
fetch_finish (RawPager     *pager,
              NylSession   *session,
              Fetch        *fetch,
              GError      **error)
{
  GBytes *bytes;

  nyl_cli_wait (&fetch->result);
  nyl_session_set_last_request_id (session, nyl_client_get_async_result_request_id (pager->client,
                                                                                    fetch->result));
  bytes = nyl_client_request_bytes_finish (pager->client, fetch->result, error);
  g_clear_object (&fetch->result);
  g_clear_object (&fetch->cancellable);
  fetch->active = FALSE;

  return bytes;
}

/* Drops a page asked for that is not wanted after all. */
static void
fetch_drop (RawPager *pager,
            Fetch    *fetch)
{
  g_autoptr(GBytes) unused = NULL;

  g_cancellable_cancel (fetch->cancellable);
  nyl_cli_wait (&fetch->result);
  unused = nyl_client_request_bytes_finish (pager->client, fetch->result, NULL);
  g_clear_object (&fetch->result);
  g_clear_object (&fetch->cancellable);
  fetch->active = FALSE;
}

/* Moves the position past @page (as NylPageIterator does); FALSE when it holds no list. */
static gboolean
raw_pager_advance (RawPager    *pager,
                   NylJsonPage *page)
{
  gint64 page_limit;
  guint n;

  if (page->items == NULL)
    return FALSE;

  n = page->items->len;
  if (page->next_cursor != NULL)
    {
      if (g_strcmp0 (page->next_cursor, pager->cursor) == 0 || n == 0)
        {
          g_debug ("%s: cursor did not move on; stopping", pager->path);
          pager->done = TRUE;
        }
      else
        {
          g_free (pager->cursor);
          pager->cursor = g_strdup (page->next_cursor);
        }
      return TRUE;
    }

  if (!pager->offset_paging || pager->cursor != NULL)
    {
      pager->done = TRUE;
      return TRUE;
    }

  /* Offset paging: a page shorter than the (echoed) limit is the last. */
  page_limit = page->limit > 0 ? page->limit : pager->limit;
  if (n == 0 || n < page_limit)
    {
      pager->done = TRUE;
      return TRUE;
    }

  if (page->offset >= 0)
    pager->offset = page->offset;
  pager->offset += n;

  return TRUE;
}

/* Pages asked for ahead of the one being printed, offset paging only: the
 * server works on them (over a second connection) while a page is checked
 * and printed. */
#define FETCH_DEPTH 2

typedef struct
{
  Fetch slots[FETCH_DEPTH];
  guint head;
  guint count;
} FetchQueue;

static Fetch *
queue_nth (FetchQueue *queue,
           guint       i)
{
  return &queue->slots[(queue->head + i) % FETCH_DEPTH];
}

static void
queue_push (FetchQueue *queue,
            RawPager   *pager,
            gint64      offset)
{
  g_assert (queue->count < FETCH_DEPTH);
  fetch_start (pager, queue_nth (queue, queue->count), offset);
  queue->count++;
}

static Fetch *
queue_pop (FetchQueue *queue)
{
  Fetch *fetch = queue_nth (queue, 0);

  g_assert (queue->count > 0);
  queue->head = (queue->head + 1) % FETCH_DEPTH;
  queue->count--;

  return fetch;
}

static void
queue_drop_all (FetchQueue *queue,
                RawPager   *pager)
{
  while (queue->count > 0)
    fetch_drop (pager, queue_pop (queue));
}

/* Prints the grants as one JSON array, each item's bytes as the API sent them. */
static gboolean
print_json_raw (NylCliContext      *ctx,
                const char * const *query,
                guint               page_size,
                guint               max_items,
                ListState          *state,
                GError            **error)
{
  g_autoptr(GString) text = g_string_sized_new (256 * 1024);
  g_auto(RawPager) pager = { NULL, };
  g_autofree char *path = NULL;
  FetchQueue queue = { { { NULL, }, }, 0, 0 };
  NylSession *session;
  gboolean ok = TRUE;
  guint seen = 0;

  session = nyl_cli_context_get_session (ctx, error);
  if (session == NULL)
    return FALSE;

  if (!nyl_session_get_collection (session, NYL_TYPE_GRANT, NULL, &path, &pager.auth,
                                   &pager.offset_paging, error))
    return FALSE;

  pager.client = nyl_session_get_client (session);
  pager.path = path;
  pager.query = (GStrv)query;
  pager.limit = page_size;

  queue_push (&queue, &pager, pager.offset);

  while (queue.count > 0)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_auto(NylJsonPage) page = { NULL, };
      Fetch *next;
      gboolean want_next;
      const char *data;
      guint n;

      bytes = fetch_finish (&pager, session, queue_pop (&queue), error);
      if (bytes == NULL)
        {
          ok = FALSE;
          break;
        }

      /* Offset paging: ask for the pages after a full one before reading this
       * one; each is needed when this page and those before it are full. */
      while (pager.offset_paging && pager.cursor == NULL && queue.count < FETCH_DEPTH &&
             (max_items == 0 || seen + (queue.count + 1) * pager.limit < max_items))
        queue_push (&queue, &pager, pager.offset + (queue.count + 1) * (gint64)pager.limit);

      data = g_bytes_get_data (bytes, NULL);
      if (!nyl_json_scan_page (data, g_bytes_get_size (bytes), &page, error))
        {
          ok = FALSE;
          break;
        }

      /* The body's request ID wins over the header's, as in NylResponse. */
      if (page.request_id != NULL)
        nyl_session_set_last_request_id (session, page.request_id);

      if (!raw_pager_advance (&pager, &page))
        {
          g_debug ("%s: page holds no list", pager.path);
          g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_PARSE,
                               _("Nylas sent a response that could not be understood"));
          ok = FALSE;
          break;
        }

      n = page.items->len;
      if (max_items != 0 && seen + n > max_items)
        n = max_items - seen;
      seen += n;

      /* Keep the pages asked for in advance only when they follow on. */
      want_next = !pager.done && (max_items == 0 || seen < max_items);
      next = queue.count > 0 ? queue_nth (&queue, 0) : NULL;
      if (next != NULL &&
          (!want_next || pager.cursor != NULL || next->by_cursor || next->offset != pager.offset))
        queue_drop_all (&queue, &pager);
      if (want_next && queue.count == 0)
        queue_push (&queue, &pager, pager.offset);

      /* The whole page in one buffer, written at once. */
      g_string_truncate (text, 0);
      for (guint i = 0; i < n; i++)
        {
          NylJsonSpan *span = &g_array_index (page.items, NylJsonSpan, i);

          g_string_append (text, state->n++ == 0 ? "[\n" : ",\n");
          g_string_append_len (text, data + span->offset, span->length);
        }
      fwrite (text->str, 1, text->len, stdout);
    }

  /* Stopped early: drop the pages asked for in advance. */
  queue_drop_all (&queue, &pager);

  return ok;
}

static gboolean
add_table_page (JsonArray *items,
                gpointer   user_data)
{
  ListState *state = user_data;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *grant;
      g_autofree char *created = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      grant = json_node_get_object (node);
      created = nyl_cli_format_time (member_int (grant, "created_at"));
      nyl_cli_table_add_row (state->table, member_string (grant, "id"),
                             member_string (grant, "email"), member_string (grant, "provider"),
                             member_string (grant, "grant_status"), created);
      state->n++;
    }

  return TRUE;
}

static int
grants_list (NylCliContext *ctx,
             GStrv         *args)
{
  g_auto(Filters) f = { .limit = -1 };
  const GOptionEntry entries[] = {
    FILTER_ENTRIES (f),
    { "limit", 0, 0, G_OPTION_ARG_INT, &f.limit, N_("At most N grants (default 50)"), N_("N") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &f.all, N_("Every grant, page after page"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(NylCliTable) table = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) query = NULL;
  ListState state = { ctx, NULL, 0 };
  guint max_items;
  guint page_size;
  int status;

  status = nyl_cli_context_parse (ctx, args, "grants list", "",
                                  _("List grants, newest first."), entries);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 0, "grants list", "")) >= 0)
    return status;

  if (f.all && f.limit >= 0)
    return nyl_cli_context_usage_error (ctx, _("grants list: give --limit or --all, not both"));
  if (f.limit == 0 || f.limit < -1)
    return nyl_cli_context_usage_error (ctx, _("grants list: --limit must be a positive number"));

  query = filters_to_query (&f, &error);
  if (query == NULL)
    return nyl_cli_context_fail (ctx, error);

  max_items = f.all ? 0 : (guint)(f.limit > 0 ? f.limit : DEFAULT_LIMIT);
  page_size = max_items == 0 ? NYL_PAGE_MAX_LIMIT : MIN (max_items, NYL_PAGE_MAX_LIMIT);

  if (nyl_cli_context_get_json (ctx))
    {
      if (!print_json_raw (ctx, (const char * const *)query, page_size, max_items, &state,
                           &error))
        {
          /* What was printed stays a valid array. */
          if (state.n > 0)
            fputs ("\n]\n", stdout);
          fflush (stdout);
          return nyl_cli_context_fail (ctx, error);
        }
      fputs (state.n > 0 ? "\n]\n" : "[]\n", stdout);
      return NYL_CLI_EXIT_OK;
    }

  table = nyl_cli_table_new (5);
  nyl_cli_table_set_headers (table, _("ID"), _("EMAIL"), _("PROVIDER"), _("STATUS"), _("CREATED"));
  state.table = table;
  if (!walk_grants (ctx, (const char * const *)query, page_size, max_items, add_table_page,
                    &state, &error))
    return nyl_cli_context_fail (ctx, error);

  nyl_cli_table_print (table, stdout);
  return NYL_CLI_EXIT_OK;
}

/* grants show / delete ------------------------------------------------------ */

static void
print_grant (NylCliContext *ctx,
             NylResource   *resource)
{
  NylGrant *grant = NYL_GRANT (resource);
  g_autofree char *created = nyl_cli_format_time (nyl_grant_get_created_at (grant));
  g_autofree char *updated = nyl_cli_format_time (nyl_grant_get_updated_at (grant));
  g_autofree char *scopes = nyl_cli_join (nyl_grant_get_scope (grant));
  g_autofree char *aliases = nyl_cli_join (nyl_grant_get_email_aliases (grant));

  nyl_cli_print_fields (stdout,
                        _("ID"), nyl_resource_get_id (resource),
                        _("Email"), nyl_grant_get_email (grant),
                        _("Name"), nyl_grant_get_name (grant),
                        _("Provider"), nyl_grant_get_provider (grant),
                        _("Status"), nyl_grant_get_grant_status (grant),
                        _("Scopes"), scopes,
                        _("Aliases"), aliases,
                        _("Credential"), nyl_grant_get_credential_id (grant),
                        _("Workspace"), nyl_grant_get_workspace_id (grant),
                        _("IP address"), nyl_grant_get_ip (grant),
                        _("User agent"), nyl_grant_get_user_agent (grant),
                        _("State"), nyl_grant_get_state (grant),
                        _("Created"), created,
                        _("Updated"), updated,
                        _("Blocked"), nyl_grant_get_blocked (grant) ? _("yes") : NULL,
                        NULL);
  if (g_strcmp0 (nyl_grant_get_grant_status (grant), "invalid") == 0)
    printf (_("This grant needs the user to sign in again: "
              "nylasctl grants reauth-url %s\n"), nyl_resource_get_id (resource));
}

static int
grants_show (NylCliContext *ctx,
             GStrv         *args)
{
  g_autoptr(NylResource) grant = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  status = nyl_cli_context_parse (ctx, args, "grants show", "ID", _("Show a grant."), NULL);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 1, "grants show", "ID")) >= 0)
    return status;

  grant = nyl_cli_fetch (ctx, NYL_TYPE_GRANT, NULL, (*args)[0], &error);
  if (grant == NULL)
    return nyl_cli_context_fail (ctx, error);

  return nyl_cli_print_resource (ctx, grant, print_grant);
}

static int
grants_delete (NylCliContext *ctx,
               GStrv         *args)
{
  g_autofree char *question = NULL;
  g_autofree char *done = NULL;
  int status;

  status = nyl_cli_context_parse (ctx, args, "grants delete", "ID",
                                  _("Delete a grant for good. To repair an invalid grant, send "
                                    "the user a re-authentication link instead "
                                    "(nylasctl grants reauth-url ID)."), NULL);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 1, "grants delete", "ID")) >= 0)
    return status;

  /* Translators: %s is a grant ID. */
  question = g_strdup_printf (_("Delete grant %s? This cannot be undone; to repair an invalid "
                                "grant, re-authenticate it instead (grants reauth-url)."),
                              (*args)[0]);
  done = g_strdup_printf (_("Deleted grant %s."), (*args)[0]);
  return nyl_cli_delete_confirmed (ctx, NYL_TYPE_GRANT, NULL, (*args)[0], question, done);
}

/* grants stats --------------------------------------------------------------- */

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static void
print_counts (const char *title,
              GHashTable *counts)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(NylCliTable) table = nyl_cli_table_new (2);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_keys);

  printf ("%s\n", title);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *name = g_ptr_array_index (keys, i);
      g_autofree char *count = g_strdup_printf ("%u",
                                                GPOINTER_TO_UINT (g_hash_table_lookup (counts,
                                                                                       name)));
      g_autofree char *label = g_strdup_printf ("  %s", name);

      nyl_cli_table_add_row (table, label, count);
    }
  nyl_cli_table_print (table, stdout);
}

static int
grants_stats (NylCliContext *ctx,
              GStrv         *args)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(NylGrantStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  NylSession *session;
  int status;

  status = nyl_cli_context_parse (ctx, args, "grants stats", "",
                                  _("Count grants by status and by provider."), NULL);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 0, "grants stats", "")) >= 0)
    return status;

  session = nyl_cli_context_get_session (ctx, &error);
  if (session == NULL)
    return nyl_cli_context_fail (ctx, error);

  nyl_session_grant_stats_async (session, NULL, nyl_cli_async_done, &result);
  nyl_cli_wait (&result);
  stats = nyl_session_grant_stats_finish (session, result, &error);
  if (stats == NULL)
    return nyl_cli_context_fail (ctx, error);

  if (nyl_cli_context_get_json (ctx))
    {
      g_autoptr(JsonNode) node = nyl_grant_stats_to_json (stats);

      nyl_cli_print_json (node);
      return NYL_CLI_EXIT_OK;
    }

  printf (_("Total: %u\n"), stats->total);
  print_counts (_("By status:"), stats->by_status);
  print_counts (_("By provider:"), stats->by_provider);

  return NYL_CLI_EXIT_OK;
}

/* grants export --------------------------------------------------------------- */

static const char * const csv_columns[] = {
  "id", "email", "name", "provider", "grant_status", "created_at", "updated_at", "scope",
  "ip", "user_agent", "credential_id", NULL
};

typedef struct
{
  GOutputStream *out;     /* NULL: stdout */
  gboolean       progress;
  guint          n;
  GError        *error;
} ExportState;

static gboolean
export_write (ExportState  *state,
              GString      *text,
              GError      **error)
{
  if (state->out != NULL)
    return g_output_stream_write_all (state->out, text->str, text->len, NULL, NULL, error);

  if (fwrite (text->str, 1, text->len, stdout) != text->len)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Could not write to standard output"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
export_page (JsonArray *items,
             gpointer   user_data)
{
  ExportState *state = user_data;
  g_autoptr(GString) lines = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *grant;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      grant = json_node_get_object (node);

      for (guint c = 0; csv_columns[c] != NULL; c++)
        {
          const char *column = csv_columns[c];
          g_autofree char *value = NULL;

          if (c > 0)
            g_string_append_c (lines, ',');
          if (g_str_equal (column, "created_at") || g_str_equal (column, "updated_at"))
            value = nyl_cli_format_time (member_int (grant, column));
          else if (g_str_equal (column, "scope"))
            value = member_strv_joined (grant, column, " ");
          else
            value = g_strdup (member_string (grant, column));
          nyl_cli_csv_append_field (lines, value);
        }
      g_string_append (lines, "\r\n");
      state->n++;
    }

  if (!export_write (state, lines, &state->error))
    return FALSE;

  if (state->progress)
    {
      /* Translators: a progress line, rewritten in place on a terminal. */
      fprintf (stderr, _("\rExported %u grants…"), state->n);
      fflush (stderr);
    }

  return TRUE;
}

static int
grants_export (NylCliContext *ctx,
               GStrv         *args)
{
  g_auto(Filters) f = { 0 };
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE (created private, replaced only once complete) instead of stdout"),
      N_("FILE.csv") },
    FILTER_ENTRIES (f),
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GCancellable) abandon = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) header = g_string_new (NULL);
  g_auto(GStrv) query = NULL;
  ExportState state = { 0 };
  int status;

  status = nyl_cli_context_parse (ctx, args, "grants export", "",
                                  _("Write every grant as CSV (RFC 4180), page after page."),
                                  entries);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 0, "grants export", "")) >= 0)
    return status;

  query = filters_to_query (&f, &error);
  if (query == NULL)
    return nyl_cli_context_fail (ctx, error);

  /* Open the session first: a bad profile should not leave an empty file behind. */
  if (nyl_cli_context_get_session (ctx, &error) == NULL)
    return nyl_cli_context_fail (ctx, error);

  if (output != NULL && !g_str_equal (output, "-"))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      out = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL,
                                             &error));
      if (out == NULL)
        return nyl_cli_context_fail (ctx, error);
      state.progress = nyl_cli_context_stderr_is_tty (ctx);
    }
  else
    {
      state.progress = nyl_cli_context_stderr_is_tty (ctx) && !nyl_cli_context_stdout_is_tty (ctx);
    }
  state.out = out;

  for (guint c = 0; csv_columns[c] != NULL; c++)
    {
      if (c > 0)
        g_string_append_c (header, ',');
      g_string_append (header, csv_columns[c]);
    }
  g_string_append (header, "\r\n");

  if (!export_write (&state, header, &error) ||
      !walk_grants (ctx, (const char * const *)query, NYL_PAGE_MAX_LIMIT, 0, export_page, &state,
                    &error) ||
      state.error != NULL)
    {
      if (error == NULL && state.error != NULL)
        error = g_steal_pointer (&state.error);
      g_clear_error (&state.error);
      if (state.progress)
        fputc ('\n', stderr);
      /* A file is only replaced when complete. */
      g_cancellable_cancel (abandon);
      if (out != NULL)
        g_output_stream_close (out, abandon, NULL);
      return nyl_cli_context_fail (ctx, error);
    }

  if (out != NULL && !g_output_stream_close (out, NULL, &error))
    return nyl_cli_context_fail (ctx, error);
  fflush (stdout);

  if (state.progress)
    fputc ('\n', stderr);
  if (output != NULL && !g_str_equal (output, "-"))
    /* Translators: %u is a number of grants, %s a file name. */
    fprintf (stderr, g_dngettext (GETTEXT_PACKAGE, "Exported %u grant to %s\n",
                                  "Exported %u grants to %s\n", state.n), state.n, output);

  return NYL_CLI_EXIT_OK;
}

/* grants reauth-url ------------------------------------------------------------ */

static char *
first_redirect_uri (NylCliContext  *ctx,
                    GError        **error)
{
  g_autoptr(GListModel) uris = nyl_cli_list (ctx, NYL_TYPE_REDIRECT_URI, NULL, error);
  const char *fallback = NULL;
  char *found = NULL;

  if (uris == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (uris) && found == NULL; i++)
    {
      g_autoptr(NylRedirectUri) uri = g_list_model_get_item (uris, i);
      const char *platform = nyl_redirect_uri_get_platform (uri);

      if (platform == NULL || g_str_equal (platform, "web"))
        found = g_strdup (nyl_redirect_uri_get_url (uri));
      else if (fallback == NULL)
        fallback = nyl_redirect_uri_get_url (uri);
      if (found == NULL && fallback != NULL && i + 1 == g_list_model_get_n_items (uris))
        found = g_strdup (fallback);
    }

  if (found == NULL)
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         _("The application has no redirect URI: register one with "
                           "“nylasctl redirect-uris add”, or give --redirect-uri"));
  return found;
}

static int
grants_reauth_url (NylCliContext *ctx,
                   GStrv         *args)
{
  g_autofree char *redirect_uri = NULL;
  const GOptionEntry entries[] = {
    { "redirect-uri", 0, 0, G_OPTION_ARG_STRING, &redirect_uri,
      N_("Where to send the user back (default: the first registered one)"), N_("URL") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(NylResource) resource = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  NylHostedAuthParams params = { 0 };
  NylSession *session;
  NylGrant *grant;
  int status;

  status = nyl_cli_context_parse (ctx, args, "grants reauth-url", "ID",
                                  _("Print a hosted-authentication link that signs the grant’s "
                                    "user in again (login_hint is their email)."), entries);
  if (status >= 0)
    return status;
  if ((status = nyl_cli_expect_args (ctx, *args, 1, "grants reauth-url", "ID")) >= 0)
    return status;

  resource = nyl_cli_fetch (ctx, NYL_TYPE_GRANT, NULL, (*args)[0], &error);
  if (resource == NULL)
    return nyl_cli_context_fail (ctx, error);
  grant = NYL_GRANT (resource);

  if (redirect_uri == NULL)
    {
      redirect_uri = first_redirect_uri (ctx, &error);
      if (redirect_uri == NULL)
        return nyl_cli_context_fail (ctx, error);
    }

  session = nyl_cli_context_get_session (ctx, &error);
  params.client_id = nyl_profile_get_application_id (nyl_session_get_profile (session));
  params.redirect_uri = redirect_uri;
  params.provider = nyl_grant_get_provider (grant);
  params.login_hint = nyl_grant_get_email (grant);
  params.scopes = nyl_grant_get_scope (grant);

  url = nyl_hosted_auth_build_url (nyl_client_get_base_url (nyl_session_get_client (session)),
                                   &params, &error);
  if (url == NULL)
    return nyl_cli_context_fail (ctx, error);

  if (nyl_cli_context_get_json (ctx))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "grant_id");
      json_builder_add_string_value (builder, (*args)[0]);
      json_builder_set_member_name (builder, "url");
      json_builder_add_string_value (builder, url);
      json_builder_set_member_name (builder, "redirect_uri");
      json_builder_add_string_value (builder, redirect_uri);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      nyl_cli_print_json (node);
    }
  else
    {
      printf ("%s\n", url);
    }

  return NYL_CLI_EXIT_OK;
}

static const NylCliSubcommand subcommands[] = {
  { "list", "list [--status valid|invalid] [--provider P] [--email E] [--since T] [--before T] "
    "[--limit N | --all]", N_("List grants"), grants_list },
  { "show", "show ID", N_("Show a grant"), grants_show },
  { "delete", "delete ID", N_("Delete a grant"), grants_delete },
  { "stats", "stats", N_("Count grants by status and provider"), grants_stats },
  { "export", "export [--output FILE.csv]", N_("Export grants as CSV"), grants_export },
  { "reauth-url", "reauth-url ID [--redirect-uri U]", N_("Print a re-authentication link"),
    grants_reauth_url },
  { NULL, NULL, NULL, NULL },
};

int
nyl_cli_grants_run (NylCliContext *ctx,
                    int            argc,
                    char          *argv[])
{
  return nyl_cli_context_dispatch (ctx, "grants",
                                   N_("The accounts users connected to the application."),
                                   subcommands, argc, argv);
}
