/* nyl-key-labels.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The version of the key-labels.json format this build reads and writes. */
#define NYL_KEY_LABELS_FORMAT_VERSION 1
/* The longest label, in characters. */
#define NYL_KEY_LABEL_MAX_LENGTH 100

#define NYL_TYPE_KEY_LABELS (nyl_key_labels_get_type ())

G_DECLARE_FINAL_TYPE (NylKeyLabels, nyl_key_labels, NYL, KEY_LABELS, GObject)

NylKeyLabels *nyl_key_labels_new            (void) G_GNUC_WARN_UNUSED_RESULT;
NylKeyLabels *nyl_key_labels_new_for_path   (const char    *path) G_GNUC_WARN_UNUSED_RESULT;
const char   *nyl_key_labels_get_path       (NylKeyLabels  *self);

gboolean      nyl_key_labels_load           (NylKeyLabels  *self,
                                             GError       **error);
const char   *nyl_key_labels_get            (NylKeyLabels  *self,
                                             const char    *profile_id,
                                             const char    *key_id);
gboolean      nyl_key_labels_set            (NylKeyLabels  *self,
                                             const char    *profile_id,
                                             const char    *key_id,
                                             const char    *label,
                                             GError       **error);
gboolean      nyl_key_labels_forget_profile (NylKeyLabels  *self,
                                             const char    *profile_id,
                                             GError       **error);

G_END_DECLS
