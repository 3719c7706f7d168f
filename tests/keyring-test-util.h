/* keyring-test-util.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Looking into the keyring from the model tests (suite "keyring": a private session bus with an
 * unlocked gnome-keyring). These tests run alone (not parallel), so counting items is exact. */

#pragma once

#include <libsecret/secret.h>

#include "nyl-secret-store-private.h"

static G_GNUC_UNUSED void
kt_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static G_GNUC_UNUSED GAsyncResult *
kt_wait (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* How many items of Nylas Manager's schema the keyring holds (for @profile, or all). */
static G_GNUC_UNUSED guint
kt_count_items (const char *profile)
{
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GList *items;
  guint n;

  g_hash_table_insert (attributes, (char *) "version", (char *) "1");
  if (profile != NULL)
    g_hash_table_insert (attributes, (char *) "profile", (char *) profile);

  secret_password_searchv (nyl_secret_schema_get (), attributes, SECRET_SEARCH_ALL, NULL,
                           kt_done_cb, &result);
  items = secret_password_search_finish (kt_wait (&result), &error);
  g_assert_no_error (error);
  n = g_list_length (items);
  g_list_free_full (items, g_object_unref);
  return n;
}

static G_GNUC_UNUSED char *
kt_lookup (const char    *profile,
           NylSecretKind  kind,
           const char    *object_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;
  char *copy;

  nyl_secret_store_lookup_async (profile, kind, object_id, NULL, kt_done_cb, &result);
  secret = nyl_secret_store_lookup_finish (kt_wait (&result), &error);
  g_assert_no_error (error);
  copy = g_strdup (secret);
  if (secret != NULL)
    nyl_secret_free (secret);
  return copy;
}

static G_GNUC_UNUSED void
kt_store (const char    *profile,
          NylSecretKind  kind,
          const char    *object_id,
          const char    *secret)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  nyl_secret_store_store_async (profile, kind, object_id, "Test", secret, NULL, kt_done_cb,
                                &result);
  g_assert_true (nyl_secret_store_store_finish (kt_wait (&result), &error));
  g_assert_no_error (error);
}

static G_GNUC_UNUSED void
kt_clear_profile (const char *profile)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  nyl_secret_store_clear_profile_async (profile, NULL, kt_done_cb, &result);
  nyl_secret_store_clear_profile_finish (kt_wait (&result), &error);
  g_assert_no_error (error);
}
