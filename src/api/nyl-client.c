/* nyl-client.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-client"

#include "config.h"

#include "nyl-client.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "nyl-api-error.h"
#include "nyl-canonical-json.h"
#include "nyl-redact.h"
#include "nyl-response-private.h"

/**
 * NylClient:
 *
 * Speaks Nylas API v3 for one application (or one Service Account): one
 * #SoupSession, a base URL (a region host, or a custom https URL, or http on
 * loopback only), credentials, timeouts and a retry policy.
 *
 * Every call goes through nyl_client_request_async(). It answers with a
 * #NylResponse or a #GError in the %NYL_API_ERROR domain (or
 * %G_IO_ERROR_CANCELLED, which is never mapped). The Nylas request ID of a
 * failed call is still at hand: nyl_client_get_async_result_response() gives
 * the response behind any result, failed or not, the way
 * soup_session_get_async_result_message() does for libsoup.
 *
 * Retries: a 429 is retried after its `Retry-After` (seconds or an HTTP date)
 * or else after a capped exponential backoff with jitter; 502, 503, 504 and
 * transient network failures are retried for idempotent methods only (GET,
 * HEAD, PUT, DELETE, OPTIONS). #NylClient:max-attempts bounds the attempts. A
 * signed request is signed again, with a fresh nonce and timestamp, on every
 * attempt. Waiting between attempts is cancellable.
 *
 * Debug logging: with `G_MESSAGES_DEBUG=nyl-client`, the HTTP traffic goes to
 * g_debug() with every credential redacted (see nyl_redact_log_line()).
 */
struct _NylClient
{
  GObject            parent_instance;

  SoupSession       *session;
  char              *base_url;
  char              *region;
  GHashTable        *region_urls;
  GError            *init_error;

  char              *api_key;
  NylServiceAccount *service_account;

  guint              connect_timeout;
  guint              request_timeout;
  guint              max_attempts;
  guint              retry_base_delay;
  guint              max_retry_delay;
  guint64            max_body_size;
};

static void nyl_client_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NylClient, nyl_client, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      nyl_client_initable_iface_init))

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_REGION,
  PROP_SERVICE_ACCOUNT,
  PROP_CONNECT_TIMEOUT,
  PROP_REQUEST_TIMEOUT,
  PROP_MAX_ATTEMPTS,
  PROP_RETRY_BASE_DELAY,
  PROP_MAX_RETRY_DELAY,
  PROP_MAX_BODY_SIZE,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

#define DEFAULT_CONNECT_TIMEOUT  30
#define DEFAULT_REQUEST_TIMEOUT  120
#define DEFAULT_MAX_ATTEMPTS     4
#define DEFAULT_RETRY_BASE_DELAY 500
#define DEFAULT_MAX_RETRY_DELAY  30000
#define READ_CHUNK_SIZE          (64 * 1024)
#define LOG_BODY_LIMIT           (64 * 1024)

static const struct
{
  const char *region;
  const char *url;
} region_hosts[] = {
  { "us", "https://api.us.nylas.com" },
  { "eu", "https://api.eu.nylas.com" },
};

/**
 * nyl_region_get_api_url:
 * @region: `"us"` or `"eu"`
 *
 * Returns: (nullable): the API host of @region, or %NULL for an unknown region
 */
const char *
nyl_region_get_api_url (const char *region)
{
  for (guint i = 0; i < G_N_ELEMENTS (region_hosts); i++)
    if (g_strcmp0 (region, region_hosts[i].region) == 0)
      return region_hosts[i].url;

  return NULL;
}

static const char *
other_region (const char *region)
{
  if (g_strcmp0 (region, "us") == 0)
    return "eu";
  if (g_strcmp0 (region, "eu") == 0)
    return "us";
  return NULL;
}

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  /* GUri hands IPv6 literals over without their brackets. */
  address = g_inet_address_new_from_string (host);

  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * nyl_api_url_check:
 * @url: a custom API base URL, e.g. `https://nylas.example.com`
 * @error: return location for a #GError
 *
 * Checks that @url may be used as an API base URL: https, or plain http only to
 * a loopback address (127.0.0.0/8, ::1, localhost). Anything else would send
 * credentials in the clear.
 *
 * Returns: %TRUE when @url is acceptable; otherwise %FALSE with
 *   %NYL_API_ERROR_INSECURE_URL, or %NYL_API_ERROR_INVALID_REQUEST when @url is
 *   not a usable URL at all
 */
gboolean
nyl_api_url_check (const char  *url,
                   GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *scheme;
  const char *host;

  g_return_val_if_fail (url != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, &local_error);
  if (uri == NULL)
    {
      g_debug ("Not a URL: %s", local_error->message);
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                   _("“%s” is not a valid URL"), url);
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);

  if (host == NULL || *host == '\0' || g_uri_get_userinfo (uri) != NULL ||
      g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                   _("“%s” is not a valid API URL: it needs a host and no user name, "
                     "query or fragment"), url);
      return FALSE;
    }

  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;

  if (g_ascii_strcasecmp (scheme, "http") == 0)
    {
      if (host_is_loopback (host))
        return TRUE;

      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INSECURE_URL,
                   _("“%s” is not secure: use https (plain http is only allowed to this "
                     "computer)"), url);
      return FALSE;
    }

  g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INSECURE_URL,
               _("“%s” is not an https URL"), url);
  return FALSE;
}

static char *
normalize_base_url (const char *url)
{
  gsize len = strlen (url);

  while (len > 0 && url[len - 1] == '/')
    len--;

  return g_strndup (url, len);
}

/* Debug logging ---------------------------------------------------------- */

static SoupLoggerLogLevel
logger_filter_cb (SoupLogger  *logger,
                  SoupMessage *msg,
                  gpointer     user_data)
{
  if (g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
    return SOUP_LOGGER_LOG_NONE;

  return SOUP_LOGGER_LOG_BODY;
}

static void
logger_printer_cb (SoupLogger         *logger,
                   SoupLoggerLogLevel  level,
                   char                direction,
                   const char         *data,
                   gpointer            user_data)
{
  g_autofree char *redacted = NULL;

  if (data == NULL || *data == '\0' || g_str_equal (data, "\n"))
    return;

  redacted = nyl_redact_log_line (data);
  g_debug ("%c %s", direction, redacted);
}

/* Construction ----------------------------------------------------------- */

static gboolean
nyl_client_initable_init (GInitable     *initable,
                          GCancellable  *cancellable,
                          GError       **error)
{
  NylClient *self = NYL_CLIENT (initable);

  if (self->init_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->init_error));
      return FALSE;
    }

  return TRUE;
}

static void
nyl_client_initable_iface_init (GInitableIface *iface)
{
  iface->init = nyl_client_initable_init;
}

static void
nyl_client_constructed (GObject *object)
{
  NylClient *self = (NylClient *)object;
  g_autoptr(SoupLogger) logger = NULL;
  g_autofree char *user_agent = NULL;

  G_OBJECT_CLASS (nyl_client_parent_class)->constructed (object);

  for (guint i = 0; i < G_N_ELEMENTS (region_hosts); i++)
    g_hash_table_insert (self->region_urls, g_strdup (region_hosts[i].region),
                         g_strdup (region_hosts[i].url));

  if (self->base_url == NULL && self->region != NULL)
    {
      const char *url = nyl_region_get_api_url (self->region);

      if (url == NULL)
        g_set_error (&self->init_error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                     _("“%s” is not a Nylas region (use “us” or “eu”)"), self->region);
      else
        self->base_url = g_strdup (url);
    }

  if (self->base_url == NULL && self->init_error == NULL)
    g_set_error_literal (&self->init_error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                         _("No API URL or region is set"));

  if (self->init_error == NULL)
    nyl_api_url_check (self->base_url, &self->init_error);

  if (self->init_error == NULL)
    {
      char *normalized = normalize_base_url (self->base_url);

      g_free (self->base_url);
      self->base_url = normalized;
    }

  user_agent = g_strdup_printf ("nylas-manager/%s", PACKAGE_VERSION);
  self->session = soup_session_new_with_options ("user-agent", user_agent,
                                                 "timeout", self->connect_timeout,
                                                 NULL);

  logger = soup_logger_new (SOUP_LOGGER_LOG_BODY);
  soup_logger_set_max_body_size (logger, LOG_BODY_LIMIT);
  soup_logger_set_request_filter (logger, logger_filter_cb, NULL, NULL);
  soup_logger_set_response_filter (logger, logger_filter_cb, NULL, NULL);
  soup_logger_set_printer (logger, logger_printer_cb, NULL, NULL);
  soup_session_add_feature (self->session, SOUP_SESSION_FEATURE (logger));
}

static void
wipe_string (char **str)
{
  if (*str != NULL)
    {
      volatile char *p = *str;

      while (*p != '\0')
        *p++ = '\0';
      g_clear_pointer (str, g_free);
    }
}

static void
nyl_client_dispose (GObject *object)
{
  NylClient *self = (NylClient *)object;

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_object (&self->service_account);

  G_OBJECT_CLASS (nyl_client_parent_class)->dispose (object);
}

static void
nyl_client_finalize (GObject *object)
{
  NylClient *self = (NylClient *)object;

  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->region_urls, g_hash_table_unref);
  g_clear_error (&self->init_error);
  wipe_string (&self->api_key);

  G_OBJECT_CLASS (nyl_client_parent_class)->finalize (object);
}

static void
nyl_client_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  NylClient *self = NYL_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;

    case PROP_SERVICE_ACCOUNT:
      g_value_set_object (value, self->service_account);
      break;

    case PROP_CONNECT_TIMEOUT:
      g_value_set_uint (value, self->connect_timeout);
      break;

    case PROP_REQUEST_TIMEOUT:
      g_value_set_uint (value, self->request_timeout);
      break;

    case PROP_MAX_ATTEMPTS:
      g_value_set_uint (value, self->max_attempts);
      break;

    case PROP_RETRY_BASE_DELAY:
      g_value_set_uint (value, self->retry_base_delay);
      break;

    case PROP_MAX_RETRY_DELAY:
      g_value_set_uint (value, self->max_retry_delay);
      break;

    case PROP_MAX_BODY_SIZE:
      g_value_set_uint64 (value, self->max_body_size);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_client_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  NylClient *self = NYL_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      self->base_url = g_value_dup_string (value);
      break;

    case PROP_REGION:
      self->region = g_value_dup_string (value);
      break;

    case PROP_SERVICE_ACCOUNT:
      nyl_client_set_service_account (self, g_value_get_object (value));
      break;

    case PROP_CONNECT_TIMEOUT:
      nyl_client_set_connect_timeout (self, g_value_get_uint (value));
      break;

    case PROP_REQUEST_TIMEOUT:
      nyl_client_set_request_timeout (self, g_value_get_uint (value));
      break;

    case PROP_MAX_ATTEMPTS:
      nyl_client_set_max_attempts (self, g_value_get_uint (value));
      break;

    case PROP_RETRY_BASE_DELAY:
      nyl_client_set_retry_base_delay (self, g_value_get_uint (value));
      break;

    case PROP_MAX_RETRY_DELAY:
      nyl_client_set_max_retry_delay (self, g_value_get_uint (value));
      break;

    case PROP_MAX_BODY_SIZE:
      nyl_client_set_max_body_size (self, g_value_get_uint64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_client_class_init (NylClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = nyl_client_constructed;
  object_class->dispose = nyl_client_dispose;
  object_class->finalize = nyl_client_finalize;
  object_class->get_property = nyl_client_get_property;
  object_class->set_property = nyl_client_set_property;

  /**
   * NylClient:base-url:
   *
   * The API base URL, e.g. `https://api.us.nylas.com`. When unset, the host
   * of #NylClient:region. Must pass nyl_api_url_check().
   */
  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NylClient:region:
   *
   * `"us"` or `"eu"` when the client talks to a region host; %NULL for a custom
   * URL. After a 401 on a region host the client asks the other region's host
   * whether it accepts the key, to say where the application lives.
   */
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NylClient:service-account:
   *
   * The Service Account that signs %NYL_CLIENT_AUTH_SERVICE_ACCOUNT requests.
   */
  properties[PROP_SERVICE_ACCOUNT] =
    g_param_spec_object ("service-account", NULL, NULL,
                         NYL_TYPE_SERVICE_ACCOUNT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NylClient:connect-timeout:
   *
   * Seconds to wait on the socket: for the connection (TCP and TLS) and for
   * any single wait for data. 0 waits forever.
   */
  properties[PROP_CONNECT_TIMEOUT] =
    g_param_spec_uint ("connect-timeout", NULL, NULL,
                       0, G_MAXUINT, DEFAULT_CONNECT_TIMEOUT,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NylClient:request-timeout:
   *
   * Seconds one attempt may take, from sending to the last byte of the
   * response. 0 waits forever.
   */
  properties[PROP_REQUEST_TIMEOUT] =
    g_param_spec_uint ("request-timeout", NULL, NULL,
                       0, G_MAXUINT, DEFAULT_REQUEST_TIMEOUT,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NylClient:max-attempts:
   *
   * How many times a request is tried at most (1 = never retried).
   */
  properties[PROP_MAX_ATTEMPTS] =
    g_param_spec_uint ("max-attempts", NULL, NULL,
                       1, 100, DEFAULT_MAX_ATTEMPTS,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NylClient:retry-base-delay:
   *
   * Milliseconds before the first retry when the server gives no
   * `Retry-After`; doubled on each further attempt, with jitter.
   */
  properties[PROP_RETRY_BASE_DELAY] =
    g_param_spec_uint ("retry-base-delay", NULL, NULL,
                       0, G_MAXUINT, DEFAULT_RETRY_BASE_DELAY,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NylClient:max-retry-delay:
   *
   * The longest wait before a retry, in milliseconds. A `Retry-After` longer
   * than this is not waited for: the request fails as rate limited.
   */
  properties[PROP_MAX_RETRY_DELAY] =
    g_param_spec_uint ("max-retry-delay", NULL, NULL,
                       0, G_MAXUINT, DEFAULT_MAX_RETRY_DELAY,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NylClient:max-body-size:
   *
   * The largest response body accepted, in bytes; a larger one fails with
   * %NYL_API_ERROR_BODY_TOO_LARGE without being buffered.
   */
  properties[PROP_MAX_BODY_SIZE] =
    g_param_spec_uint64 ("max-body-size", NULL, NULL,
                         1, G_MAXUINT64, NYL_CLIENT_DEFAULT_MAX_BODY_SIZE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nyl_client_init (NylClient *self)
{
  self->region_urls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * nyl_client_new_for_region:
 * @region: `"us"` or `"eu"`
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a client for the region's API host
 */
NylClient *
nyl_client_new_for_region (const char  *region,
                           GError     **error)
{
  g_return_val_if_fail (region != NULL, NULL);

  return g_initable_new (NYL_TYPE_CLIENT, NULL, error, "region", region, NULL);
}

/**
 * nyl_client_new_for_url:
 * @api_url: a custom API base URL
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a client for @api_url, or %NULL with
 *   %NYL_API_ERROR_INSECURE_URL when @api_url is neither https nor http on
 *   loopback
 */
NylClient *
nyl_client_new_for_url (const char  *api_url,
                        GError     **error)
{
  g_return_val_if_fail (api_url != NULL, NULL);

  return g_initable_new (NYL_TYPE_CLIENT, NULL, error, "base-url", api_url, NULL);
}

const char *
nyl_client_get_base_url (NylClient *self)
{
  g_return_val_if_fail (NYL_IS_CLIENT (self), NULL);

  return self->base_url;
}

const char *
nyl_client_get_region (NylClient *self)
{
  g_return_val_if_fail (NYL_IS_CLIENT (self), NULL);

  return self->region;
}

/**
 * nyl_client_set_api_key:
 * @api_key: (nullable): the application's API key
 *
 * Sets the key sent as `Authorization: Bearer` with %NYL_CLIENT_AUTH_API_KEY
 * requests. The client keeps a copy, wiped when replaced or finalized.
 */
void
nyl_client_set_api_key (NylClient  *self,
                        const char *api_key)
{
  g_return_if_fail (NYL_IS_CLIENT (self));

  wipe_string (&self->api_key);
  self->api_key = g_strdup (api_key);
}

gboolean
nyl_client_has_api_key (NylClient *self)
{
  g_return_val_if_fail (NYL_IS_CLIENT (self), FALSE);

  return self->api_key != NULL && *self->api_key != '\0';
}

NylServiceAccount *
nyl_client_get_service_account (NylClient *self)
{
  g_return_val_if_fail (NYL_IS_CLIENT (self), NULL);

  return self->service_account;
}

void
nyl_client_set_service_account (NylClient         *self,
                                NylServiceAccount *account)
{
  g_return_if_fail (NYL_IS_CLIENT (self));
  g_return_if_fail (account == NULL || NYL_IS_SERVICE_ACCOUNT (account));

  if (g_set_object (&self->service_account, account))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE_ACCOUNT]);
}

guint
nyl_client_get_connect_timeout (NylClient *self)
{
  g_return_val_if_fail (NYL_IS_CLIENT (self), 0);

  return self->connect_timeout;
}

void
nyl_client_set_connect_timeout (NylClient *self,
                                guint      seconds)
{
  g_return_if_fail (NYL_IS_CLIENT (self));

  if (self->connect_timeout == seconds)
    return;

  self->connect_timeout = seconds;
  if (self->session != NULL)
    g_object_set (self->session, "timeout", seconds, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECT_TIMEOUT]);
}

guint
nyl_client_get_request_timeout (NylClient *self)
{
  g_return_val_if_fail (NYL_IS_CLIENT (self), 0);

  return self->request_timeout;
}

void
nyl_client_set_request_timeout (NylClient *self,
                                guint      seconds)
{
  g_return_if_fail (NYL_IS_CLIENT (self));

  if (self->request_timeout == seconds)
    return;

  self->request_timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUEST_TIMEOUT]);
}

guint
nyl_client_get_max_attempts (NylClient *self)
{
  g_return_val_if_fail (NYL_IS_CLIENT (self), 1);

  return self->max_attempts;
}

void
nyl_client_set_max_attempts (NylClient *self,
                             guint      max_attempts)
{
  g_return_if_fail (NYL_IS_CLIENT (self));
  g_return_if_fail (max_attempts >= 1);

  if (self->max_attempts == max_attempts)
    return;

  self->max_attempts = max_attempts;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_ATTEMPTS]);
}

guint
nyl_client_get_retry_base_delay (NylClient *self)
{
  g_return_val_if_fail (NYL_IS_CLIENT (self), 0);

  return self->retry_base_delay;
}

void
nyl_client_set_retry_base_delay (NylClient *self,
                                 guint      milliseconds)
{
  g_return_if_fail (NYL_IS_CLIENT (self));

  if (self->retry_base_delay == milliseconds)
    return;

  self->retry_base_delay = milliseconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETRY_BASE_DELAY]);
}

guint
nyl_client_get_max_retry_delay (NylClient *self)
{
  g_return_val_if_fail (NYL_IS_CLIENT (self), 0);

  return self->max_retry_delay;
}

void
nyl_client_set_max_retry_delay (NylClient *self,
                                guint      milliseconds)
{
  g_return_if_fail (NYL_IS_CLIENT (self));

  if (self->max_retry_delay == milliseconds)
    return;

  self->max_retry_delay = milliseconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_RETRY_DELAY]);
}

guint64
nyl_client_get_max_body_size (NylClient *self)
{
  g_return_val_if_fail (NYL_IS_CLIENT (self), 0);

  return self->max_body_size;
}

void
nyl_client_set_max_body_size (NylClient *self,
                              guint64    max_body_size)
{
  g_return_if_fail (NYL_IS_CLIENT (self));
  g_return_if_fail (max_body_size > 0);

  if (self->max_body_size == max_body_size)
    return;

  self->max_body_size = max_body_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_BODY_SIZE]);
}

/**
 * nyl_client_set_region_url_for_testing:
 * @region: `"us"` or `"eu"`
 * @url: where this client reaches @region instead of the real host
 *
 * For tests: two loopback servers stand in for the two region hosts. When
 * @region is the client's own region, its base URL moves too.
 */
void
nyl_client_set_region_url_for_testing (NylClient  *self,
                                       const char *region,
                                       const char *url)
{
  g_return_if_fail (NYL_IS_CLIENT (self));
  g_return_if_fail (nyl_region_get_api_url (region) != NULL);
  g_return_if_fail (nyl_api_url_check (url, NULL));

  g_hash_table_replace (self->region_urls, g_strdup (region), normalize_base_url (url));

  if (g_strcmp0 (region, self->region) == 0)
    {
      g_free (self->base_url);
      self->base_url = normalize_base_url (url);
    }
}

/* Requests --------------------------------------------------------------- */

typedef struct
{
  char          *method;
  char          *path;
  GUri          *uri;
  char          *body_text;      /* what goes on the wire (canonical when signed) */
  GBytes        *body;
  NylClientAuth  auth;
  gboolean       idempotent;
  gboolean       raw;            /* a 2xx body is handed over as bytes, not parsed */

  guint          attempt;
  GCancellable  *attempt_cancellable;
  gulong         cancelled_id;
  GSource       *deadline;
  gboolean       timed_out;

  SoupMessage   *msg;
  GInputStream  *stream;
  GByteArray    *buffer;

  GSource       *delay;
  GSource       *delay_cancelled;

  SoupMessage   *probe;
  char          *other_region;

  guint          status;
  char          *request_id_header;
  char          *retry_after;
  GBytes        *response_body;
  GError        *transport_error;

  NylResponse   *response;
} Request;

static void
request_reset_exchange (Request *req)
{
  g_clear_object (&req->msg);
  g_clear_object (&req->stream);
  g_clear_pointer (&req->buffer, g_byte_array_unref);
  g_clear_pointer (&req->request_id_header, g_free);
  g_clear_pointer (&req->retry_after, g_free);
  g_clear_pointer (&req->response_body, g_bytes_unref);
  g_clear_error (&req->transport_error);
  req->status = 0;
  req->timed_out = FALSE;
}

static void
request_free (Request *req)
{
  g_assert (req->attempt_cancellable == NULL);
  g_assert (req->deadline == NULL);
  g_assert (req->delay == NULL);
  g_assert (req->delay_cancelled == NULL);

  request_reset_exchange (req);
  g_clear_pointer (&req->method, g_free);
  g_clear_pointer (&req->path, g_free);
  g_clear_pointer (&req->uri, g_uri_unref);
  g_clear_pointer (&req->body_text, g_free);
  g_clear_pointer (&req->body, g_bytes_unref);
  g_clear_object (&req->probe);
  g_clear_pointer (&req->other_region, g_free);
  g_clear_object (&req->response);
  g_free (req);
}

static gboolean
method_is_idempotent (const char *method)
{
  static const char * const idempotent[] = { "GET", "HEAD", "PUT", "DELETE", "OPTIONS", NULL };

  return g_strv_contains (idempotent, method);
}

static void start_attempt (GTask *task);
static void finish_request (GTask *task);

static void
attempt_cancelled_cb (GCancellable *cancellable,
                      gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static gboolean
deadline_cb (gpointer user_data)
{
  GTask *task = user_data;
  Request *req = g_task_get_task_data (task);

  g_debug ("%s %s: no complete answer in time", req->method, req->path);
  req->timed_out = TRUE;
  g_cancellable_cancel (req->attempt_cancellable);
  g_clear_pointer (&req->deadline, g_source_unref);

  return G_SOURCE_REMOVE;
}

static void
end_attempt (GTask *task)
{
  Request *req = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (req->cancelled_id != 0)
    g_cancellable_disconnect (cancellable, req->cancelled_id);
  req->cancelled_id = 0;

  if (req->deadline != NULL)
    {
      g_source_destroy (req->deadline);
      g_clear_pointer (&req->deadline, g_source_unref);
    }

  g_clear_object (&req->attempt_cancellable);

  if (req->stream != NULL)
    {
      /* Not read to the end (an error, or a body over the cap): closing drops
       * the connection rather than draining it. */
      g_input_stream_close_async (req->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      g_clear_object (&req->stream);
    }
}

static SoupMessage *
build_message (NylClient   *self,
               Request     *req,
               GError     **error)
{
  g_autoptr(SoupMessage) msg = NULL;
  SoupMessageHeaders *headers;

  msg = soup_message_new_from_uri (req->method, req->uri);
  /* Never follow a redirect with credentials attached. */
  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);

  headers = soup_message_get_request_headers (msg);
  soup_message_headers_replace (headers, "Accept", "application/json");

  if (req->body != NULL)
    soup_message_set_request_body_from_bytes (msg, "application/json", req->body);

  switch (req->auth)
    {
    case NYL_CLIENT_AUTH_NONE:
      break;

    case NYL_CLIENT_AUTH_API_KEY:
      {
        g_autofree char *value = g_strdup_printf ("Bearer %s", self->api_key);

        soup_message_headers_replace (headers, "Authorization", value);
        wipe_string (&value);
      }
      break;

    case NYL_CLIENT_AUTH_SERVICE_ACCOUNT:
      {
        g_autoptr(NylSignedHeaders) signed_headers = NULL;

        /* A fresh nonce and timestamp on every attempt. */
        signed_headers = nyl_service_account_sign (self->service_account, req->method, req->path,
                                                   req->body_text, error);
        if (signed_headers == NULL)
          return NULL;

        soup_message_headers_replace (headers, "X-Nylas-Kid", signed_headers->key_id);
        soup_message_headers_replace (headers, "X-Nylas-Timestamp", signed_headers->timestamp);
        soup_message_headers_replace (headers, "X-Nylas-Nonce", signed_headers->nonce);
        soup_message_headers_replace (headers, "X-Nylas-Signature", signed_headers->signature);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return g_steal_pointer (&msg);
}

/* The delay before another attempt, in milliseconds, or -1 for no retry. */
static gint64
parse_retry_after (const char *value)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = NULL;
  const char *p;

  if (value == NULL)
    return -1;

  while (g_ascii_isspace (*value))
    value++;

  if (g_ascii_isdigit (*value))
    {
      gint64 seconds = 0;

      for (p = value; g_ascii_isdigit (*p); p++)
        {
          seconds = seconds * 10 + (*p - '0');
          if (seconds > G_MAXINT32)
            return G_MAXINT64;
        }

      while (g_ascii_isspace (*p))
        p++;

      return *p == '\0' ? seconds * 1000 : -1;
    }

  when = soup_date_time_new_from_http_string (value);
  if (when == NULL)
    return -1;

  now = g_date_time_new_now_utc ();

  return MAX (0, g_date_time_difference (when, now) / 1000);
}

static gint64
backoff_delay (NylClient *self,
               guint      attempt)
{
  gint64 delay = self->retry_base_delay;

  for (guint i = 1; i < attempt && delay < self->max_retry_delay; i++)
    delay *= 2;
  delay = MIN (delay, (gint64)self->max_retry_delay);

  /* Jitter: somewhere between half the delay and all of it. */
  if (delay >= 2)
    delay = delay / 2 + g_random_int_range (0, (gint32)(delay / 2) + 1);

  return delay;
}

static gboolean
transport_error_is_transient (const GError *error)
{
  if (error->domain == G_RESOLVER_ERROR)
    return error->code == G_RESOLVER_ERROR_TEMPORARY_FAILURE;

  if (error->domain != G_IO_ERROR)
    return FALSE;

  switch (error->code)
    {
    case G_IO_ERROR_CONNECTION_CLOSED:
    case G_IO_ERROR_TIMED_OUT:
    case G_IO_ERROR_PARTIAL_INPUT:
    case G_IO_ERROR_CONNECTION_REFUSED:
    case G_IO_ERROR_NETWORK_UNREACHABLE:
    case G_IO_ERROR_HOST_UNREACHABLE:
    case G_IO_ERROR_NOT_CONNECTED:
      return TRUE;

    default:
      return FALSE;
    }
}

static gint64
retry_delay (NylClient *self,
             Request   *req)
{
  gint64 delay;

  if (req->attempt >= self->max_attempts)
    return -1;

  if (req->transport_error != NULL)
    {
      /* A whole attempt that ran out of time is not tried again. */
      if (req->timed_out || !req->idempotent ||
          !transport_error_is_transient (req->transport_error))
        return -1;

      return backoff_delay (self, req->attempt);
    }

  if (req->status == 429 ||
      (req->idempotent && (req->status == 502 || req->status == 503 || req->status == 504)))
    {
      delay = parse_retry_after (req->retry_after);
      if (delay < 0)
        return backoff_delay (self, req->attempt);

      if (delay > self->max_retry_delay)
        {
          g_debug ("Retry-After %s is longer than we wait", req->retry_after);
          return -1;
        }

      return delay;
    }

  return -1;
}

static void
clear_delay (Request *req)
{
  if (req->delay != NULL)
    {
      g_source_destroy (req->delay);
      g_clear_pointer (&req->delay, g_source_unref);
    }

  if (req->delay_cancelled != NULL)
    {
      g_source_destroy (req->delay_cancelled);
      g_clear_pointer (&req->delay_cancelled, g_source_unref);
    }
}

static gboolean
delay_done_cb (gpointer user_data)
{
  GTask *task = user_data;
  Request *req = g_task_get_task_data (task);

  g_object_ref (task);
  clear_delay (req);
  start_attempt (task);
  g_object_unref (task);

  return G_SOURCE_REMOVE;
}

static gboolean
delay_cancelled_cb (GCancellable *cancellable,
                    gpointer      user_data)
{
  GTask *task = user_data;
  Request *req = g_task_get_task_data (task);

  g_object_ref (task);
  clear_delay (req);
  g_task_return_error_if_cancelled (task);
  g_object_unref (task);

  return G_SOURCE_REMOVE;
}

static void
schedule_retry (GTask  *task,
                gint64  delay_ms)
{
  NylClient *self = g_task_get_source_object (task);
  Request *req = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GMainContext *context = g_task_get_context (task);

  g_debug ("%s %s: HTTP %u, attempt %u of %u; retrying in %" G_GINT64_FORMAT " ms",
           req->method, req->path, req->status, req->attempt, self->max_attempts, delay_ms);

  req->delay = g_timeout_source_new ((guint)MIN (delay_ms, G_MAXUINT));
  g_source_set_callback (req->delay, delay_done_cb, g_object_ref (task), g_object_unref);
  g_source_attach (req->delay, context);

  if (cancellable != NULL)
    {
      req->delay_cancelled = g_cancellable_source_new (cancellable);
      g_source_set_callback (req->delay_cancelled, G_SOURCE_FUNC (delay_cancelled_cb),
                             g_object_ref (task), g_object_unref);
      g_source_attach (req->delay_cancelled, context);
    }
}

static void
probe_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *req = g_task_get_task_data (task);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (stream != NULL)
    {
      guint status = soup_message_get_status (req->probe);
      NylClient *self = g_task_get_source_object (task);
      const char *region = other_region (self->region);

      g_debug ("The %s region answers %u to the same key", region, status);
      if (SOUP_STATUS_IS_SUCCESSFUL (status))
        req->other_region = g_strdup (region);

      g_input_stream_close_async (stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
    }
  else
    {
      g_debug ("Could not ask the other region: %s", error->message);
    }

  finish_request (task);
}

/* After a 401 on a region host: does the other region's host take the key? */
static gboolean
start_region_probe (GTask *task)
{
  NylClient *self = g_task_get_source_object (task);
  Request *req = g_task_get_task_data (task);
  g_autofree char *url = NULL;
  g_autofree char *authorization = NULL;
  const char *region = other_region (self->region);
  const char *base;

  if (req->status != 401 || req->auth != NYL_CLIENT_AUTH_API_KEY || region == NULL)
    return FALSE;

  base = g_hash_table_lookup (self->region_urls, region);
  if (base == NULL)
    return FALSE;

  url = g_strconcat (base, "/v3/applications", NULL);
  req->probe = soup_message_new (SOUP_METHOD_GET, url);
  if (req->probe == NULL)
    return FALSE;

  soup_message_add_flags (req->probe, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_headers_replace (soup_message_get_request_headers (req->probe),
                                "Accept", "application/json");
  authorization = g_strdup_printf ("Bearer %s", self->api_key);
  soup_message_headers_replace (soup_message_get_request_headers (req->probe),
                                "Authorization", authorization);
  wipe_string (&authorization);

  soup_session_send_async (self->session, req->probe, G_PRIORITY_DEFAULT,
                           g_task_get_cancellable (task), probe_cb, g_object_ref (task));
  return TRUE;
}

static void
finish_request (GTask *task)
{
  Request *req = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  g_clear_object (&req->response);

  if (req->raw && req->transport_error == NULL && req->status >= 200 && req->status <= 299)
    {
      /* Only the status and the header's request ID: the caller reads the body. */
      req->response = _nyl_response_new_from_exchange (req->status, req->request_id_header,
                                                       NULL, NULL, req->other_region, &error);
      g_assert (error == NULL);
      if (req->response_body == NULL)
        req->response_body = g_bytes_new (NULL, 0);
      g_task_return_pointer (task, g_bytes_ref (req->response_body),
                             (GDestroyNotify)g_bytes_unref);
      return;
    }

  req->response = _nyl_response_new_from_exchange (req->status, req->request_id_header,
                                                   req->response_body, req->transport_error,
                                                   req->other_region, &error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_object_ref (req->response), g_object_unref);
}

static void
attempt_done (GTask *task)
{
  NylClient *self = g_task_get_source_object (task);
  Request *req = g_task_get_task_data (task);
  gint64 delay;

  end_attempt (task);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (req->timed_out &&
      g_error_matches (req->transport_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_error (&req->transport_error);
      g_set_error_literal (&req->transport_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                           _("The request took too long"));
    }

  if (req->transport_error != NULL &&
      g_error_matches (req->transport_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Cancelled from below us without our cancellable: treat as a failure. */
      g_clear_error (&req->transport_error);
      g_set_error_literal (&req->transport_error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The request was interrupted"));
    }

  delay = retry_delay (self, req);
  if (delay >= 0)
    {
      schedule_retry (task, delay);
      return;
    }

  if (start_region_probe (task))
    return;

  finish_request (task);
}

static void read_next (GTask *task);

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *req = g_task_get_task_data (task);
  NylClient *self = g_task_get_source_object (task);
  g_autoptr(GBytes) chunk = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result,
                                            &req->transport_error);
  if (chunk == NULL)
    {
      attempt_done (task);
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      g_input_stream_close (req->stream, NULL, NULL);
      g_clear_object (&req->stream);
      req->response_body = g_byte_array_free_to_bytes (g_steal_pointer (&req->buffer));
      attempt_done (task);
      return;
    }

  g_byte_array_append (req->buffer, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));

  if (req->buffer->len > self->max_body_size)
    {
      g_debug ("Response body over the cap of %" G_GUINT64_FORMAT " bytes", self->max_body_size);
      g_set_error_literal (&req->transport_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                           "response body too large");
      attempt_done (task);
      return;
    }

  read_next (task);
}

static void
read_next (GTask *task)
{
  NylClient *self = g_task_get_source_object (task);
  Request *req = g_task_get_task_data (task);
  guint64 room = self->max_body_size - req->buffer->len;

  /* One byte past the cap is enough to know the body is too large. */
  g_input_stream_read_bytes_async (req->stream, (gsize)MIN (room + 1, READ_CHUNK_SIZE),
                                   G_PRIORITY_DEFAULT, req->attempt_cancellable,
                                   read_cb, g_object_ref (task));
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  NylClient *self = g_task_get_source_object (task);
  Request *req = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  req->stream = soup_session_send_finish (SOUP_SESSION (object), result, &req->transport_error);
  if (req->stream == NULL)
    {
      attempt_done (task);
      return;
    }

  req->status = soup_message_get_status (req->msg);
  headers = soup_message_get_response_headers (req->msg);
  req->request_id_header = g_strdup (soup_message_headers_get_one (headers, "x-request-id"));
  req->retry_after = g_strdup (soup_message_headers_get_one (headers, "Retry-After"));

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_one (headers, "Content-Encoding") == NULL &&
      (guint64)soup_message_headers_get_content_length (headers) > self->max_body_size)
    {
      g_debug ("Content-Length %" G_GINT64_FORMAT " over the cap",
               soup_message_headers_get_content_length (headers));
      g_set_error_literal (&req->transport_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                           "response body too large");
      attempt_done (task);
      return;
    }

  req->buffer = g_byte_array_new ();
  read_next (task);
}

static void
start_attempt (GTask *task)
{
  NylClient *self = g_task_get_source_object (task);
  Request *req = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GError) error = NULL;

  request_reset_exchange (req);
  req->attempt++;

  req->msg = build_message (self, req, &error);
  if (req->msg == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  req->attempt_cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    req->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (attempt_cancelled_cb),
                                               g_object_ref (req->attempt_cancellable),
                                               g_object_unref);

  if (self->request_timeout > 0)
    {
      req->deadline = g_timeout_source_new_seconds (self->request_timeout);
      g_source_set_callback (req->deadline, deadline_cb, task, NULL);
      g_source_attach (req->deadline, g_task_get_context (task));
    }

  soup_session_send_async (self->session, req->msg, G_PRIORITY_DEFAULT,
                           req->attempt_cancellable, send_cb, g_object_ref (task));
}

static GUri *
build_uri (NylClient           *self,
           const char          *path,
           const char * const  *query,
           GError             **error)
{
  g_autoptr(GString) url = g_string_new (self->base_url);
  g_autoptr(GError) local_error = NULL;
  GUri *uri;

  g_string_append (url, path);

  if (query != NULL && query[0] != NULL)
    {
      for (guint i = 0; query[i] != NULL; i += 2)
        {
          g_autofree char *key = g_uri_escape_string (query[i], NULL, FALSE);
          g_autofree char *value = NULL;

          if (query[i + 1] == NULL)
            {
              g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                           "query parameter “%s” has no value", query[i]);
              return NULL;
            }

          value = g_uri_escape_string (query[i + 1], NULL, FALSE);
          g_string_append_c (url, i == 0 ? '?' : '&');
          g_string_append_printf (url, "%s=%s", key, value);
        }
    }

  uri = g_uri_parse (url->str, G_URI_FLAGS_ENCODED, &local_error);
  if (uri == NULL)
    {
      g_debug ("Bad request URL: %s", local_error->message);
      g_set_error (error, NYL_API_ERROR, NYL_API_ERROR_INVALID_REQUEST,
                   _("“%s” is not a valid request path"), path);
      return NULL;
    }

  return uri;
}

static void
start_request (GTask              *task,
               gboolean            raw,
               const char         *method,
               const char         *path,
               const char * const *query,
               JsonNode           *body,
               NylClientAuth       auth)
{
  NylClient *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  Request *req;

  req = g_new0 (Request, 1);
  req->method = g_ascii_strup (method, -1);
  req->path = g_strdup (path);
  req->auth = auth;
  req->idempotent = method_is_idempotent (req->method);
  req->raw = raw;
  g_task_set_task_data (task, req, (GDestroyNotify)request_free);

  if (self->init_error != NULL)
    {
      g_task_return_error (task, g_error_copy (self->init_error));
      return;
    }

  if (auth == NYL_CLIENT_AUTH_API_KEY && !nyl_client_has_api_key (self))
    {
      g_task_return_new_error (task, NYL_API_ERROR, NYL_API_ERROR_NO_SECRET,
                               _("No API key is set for this application"));
      return;
    }

  if (auth == NYL_CLIENT_AUTH_SERVICE_ACCOUNT && self->service_account == NULL)
    {
      g_task_return_new_error (task, NYL_API_ERROR, NYL_API_ERROR_NO_SECRET,
                               _("No Service Account is set for this organization"));
      return;
    }

  req->uri = build_uri (self, path, query, &error);
  if (req->uri == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (body != NULL)
    {
      if (auth == NYL_CLIENT_AUTH_SERVICE_ACCOUNT)
        req->body_text = nyl_canonical_json_from_node (body, &error);
      else
        req->body_text = json_to_string (body, FALSE);

      if (req->body_text == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      req->body = g_bytes_new_static (req->body_text, strlen (req->body_text));
    }

  start_attempt (task);
}

/**
 * nyl_client_request_async:
 * @self: a #NylClient
 * @method: the HTTP method, upper case (`"GET"`, `"POST"`, …)
 * @path: the path from `/v3`, without query string; ID segments already
 *   percent-encoded (g_uri_escape_string())
 * @query: (nullable) (array zero-terminated=1): query parameters as key, value,
 *   key, value, …, %NULL; each escaped here
 * @body: (nullable): the JSON body, sent with `Content-Type: application/json`
 *   (as canonical JSON for a signed request)
 * @auth: how the request authenticates
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the request is done
 * @user_data: data for @callback
 *
 * Sends one API request, with retries (see #NylClient), and reads the whole
 * response within #NylClient:max-body-size.
 */
void
nyl_client_request_async (NylClient           *self,
                          const char          *method,
                          const char          *path,
                          const char * const  *query,
                          JsonNode            *body,
                          NylClientAuth        auth,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (NYL_IS_CLIENT (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (path != NULL && path[0] == '/');
  g_return_if_fail (strchr (path, '?') == NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nyl_client_request_async);
  start_request (task, FALSE, method, path, query, body, auth);
}

/**
 * nyl_client_request_finish:
 * @self: a #NylClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the response, or %NULL with a
 *   %NYL_API_ERROR error (or %G_IO_ERROR_CANCELLED)
 */
NylResponse *
nyl_client_request_finish (NylClient     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (NYL_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == nyl_client_request_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * nyl_client_request_bytes_async:
 * @self: a #NylClient
 * @method: the HTTP method, upper case
 * @path: the path from `/v3`, as for nyl_client_request_async()
 * @query: (nullable) (array zero-terminated=1): query parameters, as for
 *   nyl_client_request_async()
 * @body: (nullable): the JSON body
 * @auth: how the request authenticates
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the request is done
 * @user_data: data for @callback
 *
 * Like nyl_client_request_async() (the same authentication, retries, body cap
 * and error mapping; a failure's body is read as usual), but a 2xx answer's
 * body is handed over as it came, unparsed, for a caller that reads it
 * itself. nyl_client_get_async_result_response() then gives the status and
 * the `X-Request-ID` header's request ID only.
 */
void
nyl_client_request_bytes_async (NylClient           *self,
                                const char          *method,
                                const char          *path,
                                const char * const  *query,
                                JsonNode            *body,
                                NylClientAuth        auth,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (NYL_IS_CLIENT (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (path != NULL && path[0] == '/');
  g_return_if_fail (strchr (path, '?') == NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nyl_client_request_bytes_async);
  start_request (task, TRUE, method, path, query, body, auth);
}

/**
 * nyl_client_request_bytes_finish:
 * @self: a #NylClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the body of the 2xx answer (possibly
 *   empty), or %NULL with a %NYL_API_ERROR error (or %G_IO_ERROR_CANCELLED)
 */
GBytes *
nyl_client_request_bytes_finish (NylClient     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (NYL_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == nyl_client_request_bytes_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * nyl_client_get_async_result_response:
 * @self: a #NylClient
 * @result: the #GAsyncResult of nyl_client_request_async() or
 *   nyl_client_request_bytes_async()
 *
 * The response behind @result, whether the request succeeded or failed: after
 * a failure it carries the HTTP status, the Nylas request ID and error type
 * (for the audit log and for support). Call it in the callback, before or
 * after nyl_client_request_finish().
 *
 * Returns: (transfer none) (nullable): the last response, or %NULL when no
 *   HTTP response arrived (network failure, cancellation, a refused URL)
 */
NylResponse *
nyl_client_get_async_result_response (NylClient    *self,
                                      GAsyncResult *result)
{
  Request *req;

  g_return_val_if_fail (NYL_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == nyl_client_request_async ||
                        g_task_get_source_tag (G_TASK (result)) == nyl_client_request_bytes_async,
                        NULL);

  req = g_task_get_task_data (G_TASK (result));

  return req->response;
}

/**
 * nyl_client_get_async_result_request_id:
 * @self: a #NylClient
 * @result: the #GAsyncResult of nyl_client_request_async() or
 *   nyl_client_request_bytes_async()
 *
 * Returns: (nullable): the Nylas request ID behind @result, success or failure
 */
const char *
nyl_client_get_async_result_request_id (NylClient    *self,
                                        GAsyncResult *result)
{
  NylResponse *response = nyl_client_get_async_result_response (self, result);

  return response != NULL ? nyl_response_get_request_id (response) : NULL;
}
