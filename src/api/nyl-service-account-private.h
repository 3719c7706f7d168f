/* nyl-service-account-private.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <openssl/bio.h>
#include <openssl/evp.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BIO, BIO_free_all)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVP_MD_CTX, EVP_MD_CTX_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVP_PKEY, EVP_PKEY_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVP_PKEY_CTX, EVP_PKEY_CTX_free)

/* @length characters drawn uniformly from @alphabet (at most 256 distinct single-byte characters)
 * with OpenSSL's CSPRNG. Aborts if the CSPRNG fails. */
char *_nyl_random_string (const char *alphabet,
                          gsize       length) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
