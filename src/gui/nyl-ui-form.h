/* nyl-ui-form.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Small helpers the forms and pages share. */

/* Shows @message (or hides it when NULL) in @error_row, an AdwPreferencesRow
 * whose child is a GtkLabel placed right below @field in the same list; marks
 * @field with the "error" style and gives it @message as its accessible
 * description, so a screen reader says why the field is refused. */
void        nyl_ui_form_set_error       (GtkWidget    *field,
                                         GtkWidget    *error_row,
                                         const char   *message);
/* The text of an editable, without the blanks around it. */
char       *nyl_ui_form_dup_text        (GtkEditable  *editable) G_GNUC_WARN_UNUSED_RESULT;

/* Copies @text to the clipboard of @widget's display. */
void        nyl_ui_copy_text            (GtkWidget    *widget,
                                         const char   *text);

/* Shows @toast (taking it) in the AdwToastOverlay around @widget; drops it
 * when there is none. */
void        nyl_ui_add_toast            (GtkWidget    *widget,
                                         AdwToast     *toast);
/* Replaces every item of @store with those of @items, in one items-changed.
 * Returns how many items @store now holds. */
guint       nyl_ui_store_replace_all    (GListStore   *store,
                                         GListModel   *items);

/* "Web", "Desktop", "JavaScript", "iOS", "Android", else @platform itself. */
const char *nyl_ui_platform_label       (const char   *platform);
/* The sidebar title of @section ("redirect-uris" → "Redirect URIs"). */
const char *nyl_ui_section_title        (const char   *section);
/* What to tell a person about @error: the message, completed with what to do
 * for the keyring errors. */
char       *nyl_ui_describe_error       (const GError *error) G_GNUC_WARN_UNUSED_RESULT;
/* TRUE for G_IO_ERROR_CANCELLED, which is never shown. */
gboolean    nyl_ui_error_is_cancelled   (const GError *error);

G_END_DECLS
