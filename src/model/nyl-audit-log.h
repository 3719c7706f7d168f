/* nyl-audit-log.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nyl-audit-entry.h"

G_BEGIN_DECLS

#define NYL_TYPE_AUDIT_LOG (nyl_audit_log_get_type ())

G_DECLARE_FINAL_TYPE (NylAuditLog, nyl_audit_log, NYL, AUDIT_LOG, GObject)

NylAuditLog *nyl_audit_log_new            (void) G_GNUC_WARN_UNUSED_RESULT;
NylAuditLog *nyl_audit_log_new_for_path   (const char           *path) G_GNUC_WARN_UNUSED_RESULT;

const char  *nyl_audit_log_get_path       (NylAuditLog          *self);

gboolean     nyl_audit_log_append         (NylAuditLog          *self,
                                           NylAuditEntry        *entry,
                                           GError              **error);

GListModel  *nyl_audit_log_read           (NylAuditLog          *self,
                                           gint64                since,
                                           guint                *n_corrupt,
                                           GCancellable         *cancellable,
                                           GError              **error) G_GNUC_WARN_UNUSED_RESULT;
void         nyl_audit_log_read_async     (NylAuditLog          *self,
                                           gint64                since,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GListModel  *nyl_audit_log_read_finish    (NylAuditLog          *self,
                                           GAsyncResult         *result,
                                           guint                *n_corrupt,
                                           GError              **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
