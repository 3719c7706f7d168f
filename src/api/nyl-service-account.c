/* nyl-service-account.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-service-account"

#include "config.h"

#include "nyl-service-account.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <string.h>

#include "nyl-api-error.h"
#include "nyl-canonical-json.h"
#include "nyl-service-account-private.h"

#define MIN_KEY_BITS        2048
#define GENERATED_KEY_BITS  2048
#define NONCE_LENGTH        20
#define MAX_FILE_SIZE       (1024 * 1024)

static const char nonce_alphabet[] =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

struct _NylServiceAccount
{
  GObject   parent_instance;

  char     *name;
  char     *key_id;
  char     *organization_id;
  char     *region;
  GStrv     permissions;
  EVP_PKEY *pkey;

  gint64    clock_for_testing;
  char     *nonce_for_testing;
};

G_DEFINE_FINAL_TYPE (NylServiceAccount, nyl_service_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KEY_ID,
  PROP_ORGANIZATION_ID,
  PROP_REGION,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
nyl_service_account_finalize (GObject *object)
{
  NylServiceAccount *self = (NylServiceAccount *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->key_id, g_free);
  g_clear_pointer (&self->organization_id, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->permissions, g_strfreev);
  g_clear_pointer (&self->pkey, EVP_PKEY_free);
  g_clear_pointer (&self->nonce_for_testing, g_free);

  G_OBJECT_CLASS (nyl_service_account_parent_class)->finalize (object);
}

static void
nyl_service_account_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  NylServiceAccount *self = NYL_SERVICE_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_KEY_ID:
      g_value_set_string (value, self->key_id);
      break;

    case PROP_ORGANIZATION_ID:
      g_value_set_string (value, self->organization_id);
      break;

    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_service_account_class_init (NylServiceAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nyl_service_account_finalize;
  object_class->get_property = nyl_service_account_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KEY_ID] =
    g_param_spec_string ("key-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ORGANIZATION_ID] =
    g_param_spec_string ("organization-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nyl_service_account_init (NylServiceAccount *self)
{
}

/* Helpers */

char *
_nyl_random_string (const char *alphabet,
                    gsize       length)
{
  gsize n = strlen (alphabet);
  guint limit;
  char *out;
  gsize filled = 0;

  g_assert (n > 1 && n <= 256);

  /* Rejection sampling keeps every character equally likely. */
  limit = 256 - (256 % n);
  out = g_malloc (length + 1);

  while (filled < length)
    {
      guchar buf[64];

      if (RAND_bytes (buf, sizeof buf) != 1)
        g_error ("The system's random number generator failed");

      for (gsize i = 0; i < sizeof buf && filled < length; i++)
        {
          if (buf[i] < limit)
            out[filled++] = alphabet[buf[i] % n];
        }

      OPENSSL_cleanse (buf, sizeof buf);
    }

  out[length] = '\0';

  return out;
}

static void
clear_openssl_errors (const char *what)
{
  unsigned long code;

  while ((code = ERR_get_error ()) != 0)
    {
      char buf[256];

      ERR_error_string_n (code, buf, sizeof buf);
      g_debug ("%s: %s", what, buf);
    }
}

static void
secret_free (char *secret)
{
  if (secret != NULL)
    {
      OPENSSL_cleanse (secret, strlen (secret));
      g_free (secret);
    }
}

typedef char SecretString;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SecretString, secret_free)

static int
refuse_passphrase_cb (char *buf,
                      int   size,
                      int   rwflag,
                      void *user_data)
{
  /* Never prompt on a terminal: a protected key is simply rejected. */
  return -1;
}

static gboolean
is_base64_text (const char *text)
{
  gboolean any = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '+' || *p == '/' || *p == '=')
        any = TRUE;
      else if (!g_ascii_isspace (*p))
        return FALSE;
    }

  return any;
}

/* The key as PEM text: the value itself when it looks like PEM, otherwise the base64
 * decoding of it, which must then be PEM. */
static SecretString *
private_key_pem_from_value (const char *value,
                            GError    **error)
{
  g_autoptr(SecretString) pem = NULL;

  if (strstr (value, "-----BEGIN") != NULL)
    {
      pem = g_strdup (value);
    }
  else
    {
      guchar *decoded;
      gsize decoded_len = 0;

      if (!is_base64_text (value))
        {
          g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS,
                               _("The Service Account’s private key is neither PEM nor "
                                 "base64-encoded PEM"));
          return NULL;
        }

      decoded = g_base64_decode (value, &decoded_len);
      pem = g_malloc (decoded_len + 1);
      memcpy (pem, decoded, decoded_len);
      pem[decoded_len] = '\0';
      OPENSSL_cleanse (decoded, decoded_len);
      g_free (decoded);

      if (strlen (pem) != decoded_len || strstr (pem, "-----BEGIN") == NULL)
        {
          g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS,
                               _("The Service Account’s private key is base64 text, but it does "
                                 "not decode to a PEM key"));
          return NULL;
        }
    }

  /* Some tools store the PEM with literal "\n" sequences instead of newlines. */
  if (strchr (pem, '\n') == NULL && strstr (pem, "\\n") != NULL)
    {
      char *w = pem;

      for (const char *r = pem; *r != '\0'; r++)
        {
          if (r[0] == '\\' && r[1] == 'n')
            {
              *w++ = '\n';
              r++;
            }
          else
            {
              *w++ = *r;
            }
        }
      *w = '\0';
    }

  return g_steal_pointer (&pem);
}

static EVP_PKEY *
load_private_key (const char *value,
                  GError    **error)
{
  g_autoptr(SecretString) pem = NULL;
  g_autoptr(BIO) bio = NULL;
  g_autoptr(EVP_PKEY) pkey = NULL;
  int bits;

  pem = private_key_pem_from_value (value, error);
  if (pem == NULL)
    return NULL;

  if (strstr (pem, "ENCRYPTED") != NULL)
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS,
                           _("The Service Account’s private key is protected by a passphrase; "
                             "an unprotected key is needed"));
      return NULL;
    }

  if (strstr (pem, "-----BEGIN PUBLIC KEY") != NULL ||
      strstr (pem, "-----BEGIN RSA PUBLIC KEY") != NULL ||
      strstr (pem, "-----BEGIN CERTIFICATE") != NULL)
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS,
                           _("The Service Account’s “private_key” holds a public key or "
                             "certificate, not a private key"));
      return NULL;
    }

  bio = BIO_new_mem_buf (pem, -1);
  if (bio == NULL)
    g_error ("Out of memory");

  pkey = PEM_read_bio_PrivateKey_ex (bio, NULL, refuse_passphrase_cb, NULL, NULL, NULL);
  if (pkey == NULL)
    {
      clear_openssl_errors ("Reading the private key");
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS,
                           _("The Service Account’s private key could not be read; it is not a "
                             "valid PEM private key"));
      return NULL;
    }

  if (!EVP_PKEY_is_a (pkey, "RSA"))
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS,
                   _("The Service Account’s private key is a %s key; Nylas needs an RSA key"),
                   EVP_PKEY_get0_type_name (pkey));
      return NULL;
    }

  bits = EVP_PKEY_get_bits (pkey);
  if (bits < MIN_KEY_BITS)
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS,
                   _("The Service Account’s RSA key has only %d bits; Nylas needs at least %d"),
                   bits, MIN_KEY_BITS);
      return NULL;
    }

  return g_steal_pointer (&pkey);
}

static gboolean
check_region (const char *region,
              GError    **error)
{
  if (g_strcmp0 (region, "us") != 0 && g_strcmp0 (region, "eu") != 0)
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS,
                   _("The Service Account’s region “%s” is neither “us” nor “eu”"),
                   region);
      return FALSE;
    }

  return TRUE;
}

/* A required, non-empty string member. */
static const char *
get_required_string (JsonObject *object,
                     const char *member,
                     GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS,
                   _("The Service Account file has no “%s” field"),
                   member);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS,
                   _("The Service Account file’s “%s” field is not a string"),
                   member);
      return NULL;
    }

  value = json_node_get_string (node);
  if (value == NULL || value[0] == '\0')
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS,
                   _("The Service Account file’s “%s” field is empty"),
                   member);
      return NULL;
    }

  return value;
}

/* An optional string member: absent or null gives NULL; any other type is an error. */
static gboolean
get_optional_string (JsonObject  *object,
                     const char  *member,
                     const char **value,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS,
                   _("The Service Account file’s “%s” field is not a string"),
                   member);
      return FALSE;
    }

  *value = json_node_get_string (node);

  return TRUE;
}

static GStrv
get_permissions (JsonObject *object,
                 GError    **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (object, "permissions");
  JsonArray *array;
  guint length;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strv_builder_end (builder);

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS,
                           _("The Service Account file’s “permissions” field is not a list"));
      return NULL;
    }

  array = json_node_get_array (node);
  length = json_array_get_length (array);

  for (guint i = 0; i < length; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS,
                               _("The Service Account file’s “permissions” list holds something "
                                 "other than text"));
          return NULL;
        }

      g_strv_builder_add (builder, json_node_get_string (element));
    }

  return g_strv_builder_end (builder);
}

/**
 * nyl_service_account_new_from_data:
 * @data: the contents of a Nylas Service Account credentials file
 * @length: the length of @data in bytes, or -1 if it is nul-terminated
 * @error: return location for a #GError
 *
 * Loads a Service Account (nylas-api.md §4.2). The private key may be PEM or
 * base64-encoded PEM, PKCS#1 or PKCS#8, and must be RSA with at least 2048
 * bits.
 *
 * Returns: (transfer full): the account, or %NULL with
 *   %NYL_API_ERROR_INVALID_CREDENTIALS and a message saying what is wrong
 */
NylServiceAccount *
nyl_service_account_new_from_data (const char *data,
                                   gssize      length,
                                   GError    **error)
{
  g_autoptr(NylServiceAccount) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_auto(GStrv) permissions = NULL;
  JsonObject *object;
  JsonNode *root;
  const char *type;
  const char *key_id;
  const char *private_key;
  const char *organization_id;
  const char *region;
  const char *name = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  parser = json_parser_new_immutable ();
  /* The parser's message may quote the key; it is not logged. */
  if (!json_parser_load_from_data (parser, data, length, NULL))
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS,
                           _("The Service Account file is not valid JSON"));
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS,
                           _("The Service Account file does not hold a JSON object"));
      return NULL;
    }

  object = json_node_get_object (root);

  type = json_object_get_string_member_with_default (object, "type", NULL);
  if (g_strcmp0 (type, "service_account") != 0)
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS,
                           _("The file is not a Nylas Service Account: its “type” is not "
                             "“service_account”"));
      return NULL;
    }

  if ((key_id = get_required_string (object, "private_key_id", error)) == NULL ||
      (private_key = get_required_string (object, "private_key", error)) == NULL ||
      (organization_id = get_required_string (object, "organization_id", error)) == NULL ||
      (region = get_required_string (object, "region", error)) == NULL)
    return NULL;

  if (!check_region (region, error))
    return NULL;

  if (!get_optional_string (object, "name", &name, error))
    return NULL;

  permissions = get_permissions (object, error);
  if (permissions == NULL)
    return NULL;

  self = g_object_new (NYL_TYPE_SERVICE_ACCOUNT, NULL);
  self->pkey = load_private_key (private_key, error);
  if (self->pkey == NULL)
    return NULL;

  self->name = g_strdup (name);
  self->key_id = g_strdup (key_id);
  self->organization_id = g_strdup (organization_id);
  self->region = g_strdup (region);
  self->permissions = g_steal_pointer (&permissions);

  return g_steal_pointer (&self);
}

/**
 * nyl_service_account_new_from_file:
 * @path: a credentials file in the local file system
 * @error: return location for a #GError
 *
 * Like nyl_service_account_new_from_data() on the file's contents.
 *
 * Returns: (transfer full): the account, or %NULL with
 *   %NYL_API_ERROR_INVALID_CREDENTIALS
 */
NylServiceAccount *
nyl_service_account_new_from_file (const char *path,
                                   GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  NylServiceAccount *self;
  char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS,
                   _("Could not read the Service Account file: %s"),
                   local_error->message);
      return NULL;
    }

  if (length > MAX_FILE_SIZE)
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS,
                           _("The file is far too large to be a Service Account file"));
      self = NULL;
    }
  else
    {
      self = nyl_service_account_new_from_data (contents, length, error);
    }

  OPENSSL_cleanse (contents, length);
  g_free (contents);

  return self;
}

/**
 * nyl_service_account_generate:
 * @name: (nullable): a human-readable name
 * @key_id: the `private_key_id`
 * @organization_id: the `organization_id`
 * @region: `"us"` or `"eu"`
 * @error: return location for a #GError
 *
 * Creates a Service Account with a fresh RSA-2048 key, as the sandbox hands
 * out. It carries the API-key permissions of the documented sample file.
 *
 * Returns: (transfer full): the account, or %NULL with
 *   %NYL_API_ERROR_INVALID_CREDENTIALS
 */
NylServiceAccount *
nyl_service_account_generate (const char *name,
                              const char *key_id,
                              const char *organization_id,
                              const char *region,
                              GError    **error)
{
  static const char * const default_permissions[] = {
    "apikey.create", "apikey.delete", "apikey.get", NULL,
  };
  g_autoptr(NylServiceAccount) self = NULL;

  g_return_val_if_fail (key_id != NULL && key_id[0] != '\0', NULL);
  g_return_val_if_fail (organization_id != NULL && organization_id[0] != '\0', NULL);
  g_return_val_if_fail (region != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_region (region, error))
    return NULL;

  self = g_object_new (NYL_TYPE_SERVICE_ACCOUNT, NULL);
  self->pkey = EVP_PKEY_Q_keygen (NULL, NULL, "RSA", (size_t) GENERATED_KEY_BITS);
  if (self->pkey == NULL)
    {
      clear_openssl_errors ("Generating an RSA key");
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS,
                           _("Could not generate an RSA key"));
      return NULL;
    }

  self->name = g_strdup (name);
  self->key_id = g_strdup (key_id);
  self->organization_id = g_strdup (organization_id);
  self->region = g_strdup (region);
  self->permissions = g_strdupv ((GStrv) default_permissions);

  return g_steal_pointer (&self);
}

const char *
nyl_service_account_get_name (NylServiceAccount *self)
{
  g_return_val_if_fail (NYL_IS_SERVICE_ACCOUNT (self), NULL);

  return self->name;
}

const char *
nyl_service_account_get_key_id (NylServiceAccount *self)
{
  g_return_val_if_fail (NYL_IS_SERVICE_ACCOUNT (self), NULL);

  return self->key_id;
}

const char *
nyl_service_account_get_organization_id (NylServiceAccount *self)
{
  g_return_val_if_fail (NYL_IS_SERVICE_ACCOUNT (self), NULL);

  return self->organization_id;
}

const char *
nyl_service_account_get_region (NylServiceAccount *self)
{
  g_return_val_if_fail (NYL_IS_SERVICE_ACCOUNT (self), NULL);

  return self->region;
}

/**
 * nyl_service_account_get_permissions:
 * @self: a #NylServiceAccount
 *
 * Returns: (transfer none): the permissions listed in the file; empty, never
 *   %NULL, when the file lists none
 */
const char * const *
nyl_service_account_get_permissions (NylServiceAccount *self)
{
  g_return_val_if_fail (NYL_IS_SERVICE_ACCOUNT (self), NULL);

  return (const char * const *) self->permissions;
}

/* The contents of a memory BIO as a string; wipes nothing itself. */
static char *
bio_to_string (BIO *bio)
{
  char *data = NULL;
  long length = BIO_get_mem_data (bio, &data);

  return g_strndup (data, length);
}

/**
 * nyl_service_account_to_json:
 * @self: a #NylServiceAccount
 *
 * Serializes the account as a credentials file again, with the private key as
 * PKCS#8 PEM. The result holds the private key: it goes to the keyring or to a
 * file only the user can read, never to a log.
 *
 * Returns: (transfer full): the JSON text
 */
char *
nyl_service_account_to_json (NylServiceAccount *self)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SecretString) pem = NULL;
  g_autoptr(BIO) bio = NULL;
  char *json;

  g_return_val_if_fail (NYL_IS_SERVICE_ACCOUNT (self), NULL);

  bio = BIO_new (BIO_s_secmem ());
  if (bio == NULL ||
      !PEM_write_bio_PrivateKey (bio, self->pkey, NULL, NULL, 0, NULL, NULL))
    g_error ("Could not write a private key to memory");

  pem = bio_to_string (bio);

  builder = json_builder_new ();
  json_builder_begin_object (builder);

  if (self->name != NULL)
    {
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, self->name);
    }

  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "service_account");
  json_builder_set_member_name (builder, "private_key_id");
  json_builder_add_string_value (builder, self->key_id);
  json_builder_set_member_name (builder, "private_key");
  json_builder_add_string_value (builder, pem);
  json_builder_set_member_name (builder, "organization_id");
  json_builder_add_string_value (builder, self->organization_id);
  json_builder_set_member_name (builder, "region");
  json_builder_add_string_value (builder, self->region);

  json_builder_set_member_name (builder, "permissions");
  json_builder_begin_array (builder);
  for (guint i = 0; self->permissions[i] != NULL; i++)
    json_builder_add_string_value (builder, self->permissions[i]);
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);

  return json;
}

/**
 * nyl_service_account_dup_public_key_pem:
 * @self: a #NylServiceAccount
 *
 * Returns: (transfer full): the public half of the key as SubjectPublicKeyInfo
 *   PEM (`-----BEGIN PUBLIC KEY-----`), for nyl_signature_verify()
 */
char *
nyl_service_account_dup_public_key_pem (NylServiceAccount *self)
{
  g_autoptr(BIO) bio = NULL;

  g_return_val_if_fail (NYL_IS_SERVICE_ACCOUNT (self), NULL);

  bio = BIO_new (BIO_s_mem ());
  if (bio == NULL || !PEM_write_bio_PUBKEY (bio, self->pkey))
    g_error ("Could not write a public key to memory");

  return bio_to_string (bio);
}

void
nyl_signed_headers_free (NylSignedHeaders *headers)
{
  if (headers == NULL)
    return;

  g_free (headers->key_id);
  g_free (headers->timestamp);
  g_free (headers->nonce);
  g_free (headers->signature);
  g_free (headers);
}

static gboolean
method_has_payload (const char *lower_method)
{
  return strcmp (lower_method, "post") == 0 ||
         strcmp (lower_method, "put") == 0 ||
         strcmp (lower_method, "patch") == 0;
}

/**
 * nyl_signing_envelope:
 * @method: the HTTP method, any case
 * @path: the request path; a query string or fragment is stripped
 * @canonical_body: (nullable): the exact body bytes, already canonical JSON
 * @timestamp: Unix seconds
 * @nonce: the nonce
 *
 * Builds the signing envelope of nylas-api.md §4.4 step 6: a canonical JSON
 * object with `method` (lower case), `nonce`, `path`, `payload` (the body as a
 * JSON string, only for POST, PUT and PATCH with a body) and `timestamp` (a
 * number).
 *
 * Returns: (transfer full): the envelope
 */
char *
nyl_signing_envelope (const char *method,
                      const char *path,
                      const char *canonical_body,
                      gint64      timestamp,
                      const char *nonce)
{
  g_autofree char *lower_method = NULL;
  g_autofree char *bare_path = NULL;
  GString *envelope;

  g_return_val_if_fail (method != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (nonce != NULL, NULL);

  lower_method = g_ascii_strdown (method, -1);
  bare_path = g_strndup (path, strcspn (path, "?#"));

  envelope = g_string_new ("{\"method\":");
  nyl_canonical_json_append_string (envelope, lower_method);
  g_string_append (envelope, ",\"nonce\":");
  nyl_canonical_json_append_string (envelope, nonce);
  g_string_append (envelope, ",\"path\":");
  nyl_canonical_json_append_string (envelope, bare_path);

  if (canonical_body != NULL && method_has_payload (lower_method))
    {
      g_string_append (envelope, ",\"payload\":");
      nyl_canonical_json_append_string (envelope, canonical_body);
    }

  g_string_append_printf (envelope, ",\"timestamp\":%" G_GINT64_FORMAT "}", timestamp);

  return g_string_free (envelope, FALSE);
}

static char *
sign_envelope (EVP_PKEY   *pkey,
               const char *envelope,
               GError    **error)
{
  g_autoptr(EVP_MD_CTX) ctx = EVP_MD_CTX_new ();
  g_autofree guchar *signature = NULL;
  size_t signature_len = 0;

  if (ctx == NULL ||
      EVP_DigestSignInit_ex (ctx, NULL, "SHA256", NULL, NULL, pkey, NULL) != 1 ||
      EVP_DigestSign (ctx, NULL, &signature_len,
                      (const guchar *) envelope, strlen (envelope)) != 1)
    goto failed;

  signature = g_malloc (signature_len);
  if (EVP_DigestSign (ctx, signature, &signature_len,
                      (const guchar *) envelope, strlen (envelope)) != 1)
    goto failed;

  return g_base64_encode (signature, signature_len);

failed:
  clear_openssl_errors ("Signing a request");
  g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS,
                       _("Could not sign the request with the Service Account’s key"));
  return NULL;
}

/**
 * nyl_service_account_sign:
 * @self: a #NylServiceAccount
 * @method: the HTTP method, any case
 * @path: the request path starting with `/v3`; a query string is stripped
 * @canonical_body: (nullable): the exact canonical JSON bytes that will be
 *   sent; only used for POST, PUT and PATCH
 * @error: return location for a #GError
 *
 * Signs one request (nylas-api.md §4.4) with a fresh nonce and the current
 * time.
 *
 * Returns: (transfer full): the four header values, or %NULL with
 *   %NYL_API_ERROR_INVALID_REQUEST for a path that is not absolute, or
 *   %NYL_API_ERROR_INVALID_CREDENTIALS when the key cannot sign
 */
NylSignedHeaders *
nyl_service_account_sign (NylServiceAccount *self,
                          const char        *method,
                          const char        *path,
                          const char        *canonical_body,
                          GError           **error)
{
  g_autoptr(NylSignedHeaders) headers = NULL;
  g_autofree char *envelope = NULL;
  gint64 timestamp;

  g_return_val_if_fail (NYL_IS_SERVICE_ACCOUNT (self), NULL);
  g_return_val_if_fail (method != NULL && method[0] != '\0', NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (path[0] != '/')
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                   _("Cannot sign a request for “%s”: the path must start with “/”"),
                   path);
      return NULL;
    }

  if (self->clock_for_testing != 0)
    timestamp = self->clock_for_testing;
  else
    timestamp = g_get_real_time () / G_USEC_PER_SEC;

  headers = g_new0 (NylSignedHeaders, 1);
  headers->key_id = g_strdup (self->key_id);
  headers->timestamp = g_strdup_printf ("%" G_GINT64_FORMAT, timestamp);
  if (self->nonce_for_testing != NULL)
    headers->nonce = g_strdup (self->nonce_for_testing);
  else
    headers->nonce = _nyl_random_string (nonce_alphabet, NONCE_LENGTH);

  envelope = nyl_signing_envelope (method, path, canonical_body, timestamp, headers->nonce);
  headers->signature = sign_envelope (self->pkey, envelope, error);
  if (headers->signature == NULL)
    return NULL;

  return g_steal_pointer (&headers);
}

void
nyl_service_account_set_clock_for_testing (NylServiceAccount *self,
                                           gint64             unix_seconds)
{
  g_return_if_fail (NYL_IS_SERVICE_ACCOUNT (self));

  self->clock_for_testing = unix_seconds;
}

void
nyl_service_account_set_nonce_for_testing (NylServiceAccount *self,
                                           const char        *nonce)
{
  g_return_if_fail (NYL_IS_SERVICE_ACCOUNT (self));

  g_free (self->nonce_for_testing);
  self->nonce_for_testing = g_strdup (nonce);
}

static gboolean
is_strict_base64 (const char *text,
                  gsize       length)
{
  gsize padding = 0;

  if (length == 0 || length % 4 != 0)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '=')
        {
          padding++;
        }
      else if (padding > 0 || !(g_ascii_isalnum (c) || c == '+' || c == '/'))
        {
          return FALSE;
        }
    }

  return padding <= 2;
}

/**
 * nyl_signature_verify:
 * @public_key_pem: an RSA public key as SubjectPublicKeyInfo PEM
 * @envelope: the signing envelope
 * @signature_base64: the `X-Nylas-Signature` value
 * @error: return location for a #GError
 *
 * Checks an RSASSA-PKCS1-v1_5 SHA-256 signature, as the sandbox does for
 * signed requests.
 *
 * Returns: %TRUE if the signature matches; %FALSE with
 *   %NYL_API_ERROR_UNAUTHORIZED when it does not, or
 *   %NYL_API_ERROR_INVALID_CREDENTIALS when the key or the base64 is unusable
 */
gboolean
nyl_signature_verify (const char *public_key_pem,
                      const char *envelope,
                      const char *signature_base64,
                      GError    **error)
{
  g_autoptr(BIO) bio = NULL;
  g_autoptr(EVP_PKEY) pkey = NULL;
  g_autoptr(EVP_MD_CTX) ctx = NULL;
  g_autofree guchar *signature = NULL;
  g_autofree char *trimmed = NULL;
  gsize signature_len = 0;
  int result;

  g_return_val_if_fail (public_key_pem != NULL, FALSE);
  g_return_val_if_fail (envelope != NULL, FALSE);
  g_return_val_if_fail (signature_base64 != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bio = BIO_new_mem_buf (public_key_pem, -1);
  if (bio == NULL)
    g_error ("Out of memory");

  pkey = PEM_read_bio_PUBKEY_ex (bio, NULL, refuse_passphrase_cb, NULL, NULL, NULL);
  if (pkey == NULL || !EVP_PKEY_is_a (pkey, "RSA"))
    {
      clear_openssl_errors ("Reading a public key");
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS,
                           _("The public key is not a valid RSA public key in PEM form"));
      return FALSE;
    }

  trimmed = g_strstrip (g_strdup (signature_base64));
  if (!is_strict_base64 (trimmed, strlen (trimmed)))
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS,
                           _("The signature is not valid base64"));
      return FALSE;
    }

  signature = g_base64_decode (trimmed, &signature_len);

  ctx = EVP_MD_CTX_new ();
  if (ctx == NULL || EVP_DigestVerifyInit_ex (ctx, NULL, "SHA256", NULL, NULL, pkey, NULL) != 1)
    {
      clear_openssl_errors ("Preparing to verify a signature");
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_CREDENTIALS,
                           _("The public key cannot verify signatures"));
      return FALSE;
    }

  result = EVP_DigestVerify (ctx, signature, signature_len,
                             (const guchar *) envelope, strlen (envelope));
  clear_openssl_errors ("Verifying a signature");

  if (result != 1)
    {
      g_set_error_literal (error, NYL_API_ERROR, NYL_API_ERROR_UNAUTHORIZED,
                           _("The signature does not match"));
      return FALSE;
    }

  return TRUE;
}
