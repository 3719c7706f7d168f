/* bench-sandbox-grants.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Serving every page of 100,000 grants: starts `nylasctl sandbox serve --json` as its own
 * process, pages GET /v3/grants?limit=200&offset=… to the end (counting the grants of each page,
 * or parsing each page as a client would with --parse), and reports pages per second and the
 * server's peak RSS (VmHWM) and CPU time. */

typedef struct
{
  GAsyncResult *result;
} Wait;

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  ((Wait *) user_data)->result = g_object_ref (result);
}

static GAsyncResult *
wait_result (Wait *w)
{
  while (w->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return w->result;
}

/* A field of /proc/PID/status in kB, or -1. */
static gint64
proc_status_kb (const char *pid,
                const char *field)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/status", pid);
  g_autofree char *contents = NULL;
  const char *line;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return -1;
  line = strstr (contents, field);
  if (line == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen (field), NULL, 10);
}

/* utime + stime of /proc/PID/stat, in seconds. */
static double
proc_cpu_seconds (const char *pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/stat", pid);
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return -1;
  after = strrchr (contents, ')');
  if (after == NULL)
    return -1;
  fields = g_strsplit (after + 2, " ", -1);
  if (g_strv_length (fields) < 13)
    return -1;
  /* Fields 14 and 15 of the file: 12 and 13 after the state. */
  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) /
         sysconf (_SC_CLK_TCK);
}

int
main (int   argc,
      char *argv[])
{
  int grants = 100000, limit = 200;
  gboolean parse = FALSE;
  g_autofree char *nylasctl = NULL;
  const GOptionEntry entries[] = {
    { "grants", 0, 0, G_OPTION_ARG_INT, &grants, "Grants to serve (default 100000)", "N" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, "Page size (default 200, the maximum)", "N" },
    { "nylasctl", 0, 0, G_OPTION_ARG_FILENAME, &nylasctl, "The nylasctl to run", "PATH" },
    { "parse", 0, 0, G_OPTION_ARG_NONE, &parse,
      "Parse every page with json-glib (measures the client too)", NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— benchmark the sandbox");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(JsonNode) ready = NULL;
  g_autofree char *line = NULL;
  g_autofree char *grants_text = NULL;
  g_autofree char *url = NULL;
  g_autofree char *key = NULL;
  const char *pid;
  gint64 start, first_page_us = 0, rss_before;
  guint pages = 0, seen = 0;
  double elapsed, cpu_before, cpu_after;
  Wait w = { 0 };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  if (nylasctl == NULL)
    nylasctl = g_strdup (NYLASCTL_PATH);

  grants_text = g_strdup_printf ("%d", grants);
  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, nylasctl, "sandbox", "serve",
                             "--json", "--grants", grants_text, NULL);
  if (server == NULL)
    {
      fprintf (stderr, "Could not start %s: %s\n", nylasctl, error->message);
      return 1;
    }
  pid = g_subprocess_get_identifier (server);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  g_data_input_stream_read_line_async (out, G_PRIORITY_DEFAULT, NULL, done_cb, &w);
  line = g_data_input_stream_read_line_finish_utf8 (out, wait_result (&w), NULL, &error);
  g_clear_object (&w.result);
  ready = line ? json_from_string (line, &error) : NULL;
  if (ready == NULL)
    {
      fprintf (stderr, "The sandbox did not start: %s\n", error ? error->message : "no output");
      return 1;
    }
  url = g_strdup (json_object_get_string_member (json_node_get_object (ready), "api_url"));
  key = g_strdup_printf ("Bearer %s",
                         json_object_get_string_member (json_node_get_object (ready), "api_key"));

  rss_before = proc_status_kb (pid, "VmHWM:");
  cpu_before = proc_cpu_seconds (pid);
  session = soup_session_new_with_options ("proxy-resolver", NULL, "timeout", 60, NULL);

  start = g_get_monotonic_time ();
  for (guint offset = 0;; offset += limit)
    {
      g_autofree char *page_url = g_strdup_printf ("%s/v3/grants?limit=%d&offset=%u", url, limit,
                                                   offset);
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", page_url);
      g_autoptr(GBytes) body = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      guint n = 0;

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", key);
      soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, done_cb, &w);
      body = soup_session_send_and_read_finish (session, wait_result (&w), &error);
      g_clear_object (&w.result);
      if (body == NULL || soup_message_get_status (msg) != 200 ||
          ((parse || offset == 0) &&
           !json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                        g_bytes_get_size (body), &error)))
        {
          fprintf (stderr, "Page at offset %u failed (HTTP %u): %s\n", offset,
                   soup_message_get_status (msg), error ? error->message : "");
          g_subprocess_send_signal (server, SIGTERM);
          return 1;
        }
      if (parse || offset == 0)
        {
          JsonObject *root = json_node_get_object (json_parser_get_root (parser));

          n = json_array_get_length (json_object_get_array_member (root, "data"));
        }
      else
        {
          /* Counting the grants is enough to measure the server. */
          gsize size;
          const char *data = g_bytes_get_data (body, &size);
          const char *end = data + size;

          for (const char *p = g_strstr_len (data, size, "{\"id\":"); p != NULL;
               p = g_strstr_len (p + 1, end - p - 1, "{\"id\":"))
            n++;
        }
      if (pages == 0)
        first_page_us = g_get_monotonic_time () - start;
      pages++;
      seen += n;
      if (n < (guint) limit)
        break;
    }
  elapsed = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  cpu_after = proc_cpu_seconds (pid);

  printf ("grants served:          %u (in %u pages of %d)\n", seen, pages, limit);
  printf ("first page:             %.1f ms (builds the sorted view)\n", first_page_us / 1000.0);
  printf ("all pages:              %.2f s\n", elapsed);
  printf ("pages per second:       %.0f\n", pages / elapsed);
  printf ("grants per second:      %.0f\n", seen / elapsed);
  printf ("server CPU time:        %.2f s\n", cpu_after - cpu_before);
  printf ("server peak RSS:        %.1f MiB (%.1f MiB once started)\n",
          proc_status_kb (pid, "VmHWM:") / 1024.0, rss_before / 1024.0);

  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
  return seen == (guint) grants ? 0 : 1;
}
