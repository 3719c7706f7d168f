/* nyl-keys-ui.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nyl-expiry-schedule.h"

G_BEGIN_DECLS

/* Helpers shared by the API keys and domains views. */

/* A calendar date in local time, e.g. "22 Nov 2026"; "—" for 0. */
G_GNUC_WARN_UNUSED_RESULT
char       *nyl_keys_ui_format_date        (gint64            unix_seconds);
/* A date and time in local time, e.g. "22 Nov 2026, 14:00". */
G_GNUC_WARN_UNUSED_RESULT
char       *nyl_keys_ui_format_date_time   (gint64            unix_seconds);
/* The style class that colours an expiry: "warning" under 30 days, "error" under 7 and once
 * expired, NULL otherwise. */
const char *nyl_keys_ui_urgency_css_class  (NylExpiryUrgency  urgency);
/* Replaces the urgency style classes of @widget. */
void        nyl_keys_ui_set_urgency        (GtkWidget        *widget,
                                            NylExpiryUrgency  urgency);
/* Whole days from @now until the end of the local day @date (a GDateTime at any time of that day),
 * at least 1; what a custom expiry date is sent as. */
guint       nyl_keys_ui_days_until         (GDateTime        *date,
                                            gint64            now);
/* Shows @error in a message dialog over @parent's window (nothing for a cancellation). */
void        nyl_keys_ui_show_error         (GtkWidget        *parent,
                                            const char       *heading,
                                            const GError     *error);
/* Puts @text on @widget's clipboard. */
void        nyl_keys_ui_copy_text          (GtkWidget        *widget,
                                            const char       *text);
/* The first descendant of @widget (or itself) that is a GtkButton with @label (its label or, for
 * icon buttons, its tooltip), or NULL: for tests and keyboard focus. */
GtkWidget  *nyl_keys_ui_find_button        (GtkWidget        *widget,
                                            const char       *label);

G_END_DECLS
