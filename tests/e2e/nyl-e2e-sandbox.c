/* nyl-e2e-sandbox.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sandbox for the end-to-end tests, outside the application under test:
 * prints one JSON line with its region hosts and its applications' IDs and
 * API keys, then serves until its standard input is closed.
 */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "nyl-sandbox.h"

static gboolean
stdin_closed_cb (GIOChannel   *channel,
                 GIOCondition  condition,
                 gpointer      user_data)
{
  GMainLoop *loop = user_data;
  char buffer[256];
  gsize read = 0;
  GIOStatus status = G_IO_STATUS_EOF;

  if (condition & G_IO_IN)
    status = g_io_channel_read_chars (channel, buffer, sizeof buffer, &read, NULL);

  if (status == G_IO_STATUS_EOF || status == G_IO_STATUS_ERROR ||
      (condition & (G_IO_HUP | G_IO_ERR)))
    {
      g_main_loop_quit (loop);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

int
main (int   argc,
      char *argv[])
{
  NylSandboxOptions options = { 0, };
  g_autoptr(NylSandbox) sandbox = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GIOChannel) channel = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  options.n_grants = 40;
  sandbox = nyl_sandbox_new (&options);
  if (!nyl_sandbox_start (sandbox, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "us_url");
  json_builder_add_string_value (builder, nyl_sandbox_get_region_url (sandbox, "us"));
  json_builder_set_member_name (builder, "eu_url");
  json_builder_add_string_value (builder, nyl_sandbox_get_region_url (sandbox, "eu"));
  json_builder_set_member_name (builder, "applications");
  json_builder_begin_array (builder);
  for (guint i = 0; i < nyl_sandbox_get_n_applications (sandbox); i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "application_id");
      json_builder_add_string_value (builder, nyl_sandbox_get_application_id_nth (sandbox, i));
      json_builder_set_member_name (builder, "api_key");
      json_builder_add_string_value (builder, nyl_sandbox_get_api_key_nth (sandbox, i));
      json_builder_set_member_name (builder, "region");
      json_builder_add_string_value (builder, nyl_sandbox_get_region_nth (sandbox, i));
      json_builder_set_member_name (builder, "environment");
      json_builder_add_string_value (builder, nyl_sandbox_get_environment_nth (sandbox, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  g_print ("%s\n", json);
  fflush (stdout);

  channel = g_io_channel_unix_new (0);
  g_io_add_watch (channel, G_IO_IN | G_IO_HUP | G_IO_ERR, stdin_closed_cb, loop);
  g_main_loop_run (loop);

  nyl_sandbox_stop (sandbox);

  return 0;
}
