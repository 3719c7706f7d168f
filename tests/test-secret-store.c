/* test-secret-store.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsecret/secret.h>

#include "nyl-api-error.h"
#include "nyl-secret-store-private.h"

/* The keyring suite: a private session bus with an unlocked gnome-keyring
 * (ci-recipe.md §4). Each test uses its own profile IDs, so tests do not see
 * each other's secrets. */

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static gboolean
store (const char     *profile,
       NylSecretKind   kind,
       const char     *object_id,
       const char     *secret,
       GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  nyl_secret_store_store_async (profile, kind, object_id, "Test profile", secret, NULL,
                                store_result_cb, &result);
  return nyl_secret_store_store_finish (wait_for (&result), error);
}

static char *
lookup (const char     *profile,
        NylSecretKind   kind,
        const char     *object_id,
        GCancellable   *cancellable,
        GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  nyl_secret_store_lookup_async (profile, kind, object_id, cancellable, store_result_cb, &result);
  return nyl_secret_store_lookup_finish (wait_for (&result), error);
}

static gboolean
clear (const char     *profile,
       NylSecretKind   kind,
       const char     *object_id,
       GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  nyl_secret_store_clear_async (profile, kind, object_id, NULL, store_result_cb, &result);
  return nyl_secret_store_clear_finish (wait_for (&result), error);
}

static gboolean
clear_profile (const char  *profile,
               GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  nyl_secret_store_clear_profile_async (profile, NULL, store_result_cb, &result);
  return nyl_secret_store_clear_profile_finish (wait_for (&result), error);
}

static void
assert_secret (const char    *profile,
               NylSecretKind  kind,
               const char    *object_id,
               const char    *expected)
{
  g_autoptr(GError) error = NULL;
  char *secret = lookup (profile, kind, object_id, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, expected);
  nyl_secret_free (secret);
}

static void
test_schema (void)
{
  const SecretSchema *schema = nyl_secret_schema_get ();

  g_assert_cmpstr (schema->name, ==, APP_ID);
  g_assert_cmpint (schema->flags, ==, SECRET_SCHEMA_NONE);
  g_assert_cmpstr (schema->attributes[0].name, ==, "profile");
  g_assert_cmpstr (schema->attributes[1].name, ==, "kind");
  g_assert_cmpstr (schema->attributes[2].name, ==, "object");
  g_assert_cmpstr (schema->attributes[3].name, ==, "version");
  g_assert_null (schema->attributes[4].name);

  g_assert_cmpstr (nyl_secret_kind_to_nick (NYL_SECRET_KIND_API_KEY), ==, "api-key");
  g_assert_cmpstr (nyl_secret_kind_to_nick (NYL_SECRET_KIND_SERVICE_ACCOUNT_KEY), ==,
                   "service-account-key");
  g_assert_cmpstr (nyl_secret_kind_to_nick (NYL_SECRET_KIND_WEBHOOK_SECRET), ==,
                   "webhook-secret");
  g_assert_cmpstr (nyl_secret_kind_to_nick (NYL_SECRET_KIND_CONNECTOR_SECRET), ==,
                   "connector-secret");
}

static void
test_store_lookup_clear (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (store ("p-basic", NYL_SECRET_KIND_API_KEY, NULL, "nyk_v0_first", &error));
  g_assert_no_error (error);
  assert_secret ("p-basic", NYL_SECRET_KIND_API_KEY, NULL, "nyk_v0_first");

  /* Storing again replaces. */
  g_assert_true (store ("p-basic", NYL_SECRET_KIND_API_KEY, NULL, "nyk_v0_second", &error));
  assert_secret ("p-basic", NYL_SECRET_KIND_API_KEY, NULL, "nyk_v0_second");

  /* Clearing removes it; clearing again finds nothing, without error. */
  g_assert_true (clear ("p-basic", NYL_SECRET_KIND_API_KEY, NULL, &error));
  g_assert_no_error (error);
  assert_secret ("p-basic", NYL_SECRET_KIND_API_KEY, NULL, NULL);
  g_assert_false (clear ("p-basic", NYL_SECRET_KIND_API_KEY, NULL, &error));
  g_assert_no_error (error);
}

static void
test_missing_is_null (void)
{
  g_autoptr(GError) error = NULL;
  char *secret = lookup ("p-never-stored", NYL_SECRET_KIND_WEBHOOK_SECRET, "wh-1", NULL, &error);

  g_assert_no_error (error);
  g_assert_null (secret);
}

static void
test_attributes_keep_secrets_apart (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (store ("p-apart", NYL_SECRET_KIND_API_KEY, NULL, "profile-key", &error));
  g_assert_true (store ("p-apart", NYL_SECRET_KIND_API_KEY, "key-2", "second-key", &error));
  g_assert_true (store ("p-apart", NYL_SECRET_KIND_WEBHOOK_SECRET, "wh-1", "hook-1", &error));
  g_assert_true (store ("p-apart", NYL_SECRET_KIND_WEBHOOK_SECRET, "wh-2", "hook-2", &error));
  g_assert_true (store ("p-other", NYL_SECRET_KIND_API_KEY, NULL, "other-key", &error));
  g_assert_no_error (error);

  assert_secret ("p-apart", NYL_SECRET_KIND_API_KEY, NULL, "profile-key");
  assert_secret ("p-apart", NYL_SECRET_KIND_API_KEY, "key-2", "second-key");
  assert_secret ("p-apart", NYL_SECRET_KIND_WEBHOOK_SECRET, "wh-1", "hook-1");
  assert_secret ("p-apart", NYL_SECRET_KIND_WEBHOOK_SECRET, "wh-2", "hook-2");
  assert_secret ("p-apart", NYL_SECRET_KIND_CONNECTOR_SECRET, "wh-1", NULL);
  assert_secret ("p-other", NYL_SECRET_KIND_API_KEY, NULL, "other-key");

  /* Clearing one object leaves its siblings. */
  g_assert_true (clear ("p-apart", NYL_SECRET_KIND_WEBHOOK_SECRET, "wh-1", &error));
  assert_secret ("p-apart", NYL_SECRET_KIND_WEBHOOK_SECRET, "wh-1", NULL);
  assert_secret ("p-apart", NYL_SECRET_KIND_WEBHOOK_SECRET, "wh-2", "hook-2");

  /* The profile's own key (object "") is not a wildcard for its other keys. */
  g_assert_true (clear ("p-apart", NYL_SECRET_KIND_API_KEY, NULL, &error));
  assert_secret ("p-apart", NYL_SECRET_KIND_API_KEY, "key-2", "second-key");

  /* Removing the profile clears everything of it, and nothing of others. */
  g_assert_true (clear_profile ("p-apart", &error));
  g_assert_no_error (error);
  assert_secret ("p-apart", NYL_SECRET_KIND_API_KEY, "key-2", NULL);
  assert_secret ("p-apart", NYL_SECRET_KIND_WEBHOOK_SECRET, "wh-2", NULL);
  assert_secret ("p-other", NYL_SECRET_KIND_API_KEY, NULL, "other-key");

  g_assert_false (clear_profile ("p-apart", &error));
  g_assert_no_error (error);
  g_assert_true (clear_profile ("p-other", &error));
}

static void
test_service_account_blob (void)
{
  g_autoptr(GError) error = NULL;
  const char *blob = "{\"type\":\"service_account\",\"private_key\":\"-----BEGIN RSA PRIVATE "
                     "KEY-----\\nMIIE\\n-----END RSA PRIVATE KEY-----\\n\"}\n";

  /* Multi-line, quoted, longer values come back byte for byte. */
  g_assert_true (store ("p-blob", NYL_SECRET_KIND_SERVICE_ACCOUNT_KEY, NULL, blob, &error));
  assert_secret ("p-blob", NYL_SECRET_KIND_SERVICE_ACCOUNT_KEY, NULL, blob);
  g_assert_true (clear_profile ("p-blob", &error));
}

static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  char *secret;

  g_cancellable_cancel (cancellable);
  secret = lookup ("p-cancel", NYL_SECRET_KIND_API_KEY, NULL, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (secret);
}

static void
test_error_mapping (void)
{
  static const struct
  {
    int domain;
    int code;
    gboolean cancelled;
    GQuark expected_domain;
    int expected_code;
  } cases[] = {
    { 0, SECRET_ERROR_IS_LOCKED, FALSE, 0, NYL_API_ERROR_KEYRING_LOCKED },
    { 1, G_IO_ERROR_CANCELLED, FALSE, 0, NYL_API_ERROR_KEYRING_LOCKED },
    { 1, G_IO_ERROR_CANCELLED, TRUE, 1, G_IO_ERROR_CANCELLED },
    { 1, G_IO_ERROR_NOT_FOUND, FALSE, 0, NYL_API_ERROR_NO_SECRET_SERVICE },
    { 2, G_DBUS_ERROR_SERVICE_UNKNOWN, FALSE, 0, NYL_API_ERROR_NO_SECRET_SERVICE },
    { 2, G_DBUS_ERROR_NAME_HAS_NO_OWNER, FALSE, 0, NYL_API_ERROR_NO_SECRET_SERVICE },
    { 0, SECRET_ERROR_PROTOCOL, FALSE, 0, NYL_API_ERROR_NO_SECRET_SERVICE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GQuark domain = cases[i].domain == 0 ? SECRET_ERROR :
                      cases[i].domain == 1 ? G_IO_ERROR : G_DBUS_ERROR;
      GQuark expected = cases[i].expected_domain == 0 ? NYL_API_ERROR : G_IO_ERROR;
      g_autoptr(GError) in = g_error_new_literal (domain, cases[i].code, "low-level");
      g_autoptr(GError) out = _nyl_secret_store_map_error (in, cases[i].cancelled);

      g_assert_error (out, expected, cases[i].expected_code);
    }
}

static void
test_no_secret_service (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      char *secret;

      /* Before anything touches D-Bus: a session bus that is not there. */
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/nylas-manager-test-bus", TRUE);

      secret = lookup ("p-nobus", NYL_SECRET_KIND_API_KEY, NULL, NULL, &error);
      g_assert_null (secret);
      g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_NO_SECRET_SERVICE);
      g_clear_error (&error);

      g_assert_false (store ("p-nobus", NYL_SECRET_KIND_API_KEY, NULL, "s", &error));
      g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_NO_SECRET_SERVICE);
      g_clear_error (&error);

      g_assert_false (clear_profile ("p-nobus", &error));
      g_assert_error (error, NYL_API_ERROR, NYL_API_ERROR_NO_SECRET_SERVICE);
      return;
    }

  /* In a child process, so a crash or abort shows as a failure here. */
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/secret-store/schema", test_schema);
  g_test_add_func ("/secret-store/error-mapping", test_error_mapping);
  g_test_add_func ("/secret-store/no-secret-service", test_no_secret_service);
  g_test_add_func ("/secret-store/store-lookup-clear", test_store_lookup_clear);
  g_test_add_func ("/secret-store/missing-is-null", test_missing_is_null);
  g_test_add_func ("/secret-store/attributes-keep-apart", test_attributes_keep_secrets_apart);
  g_test_add_func ("/secret-store/service-account-blob", test_service_account_blob);
  g_test_add_func ("/secret-store/cancelled", test_cancelled);

  ret = g_test_run ();

  secret_service_disconnect ();

  return ret;
}
