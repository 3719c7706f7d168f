/* nyl-settings-page.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-settings-page"

#include "config.h"

#include "nyl-settings-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "nyl-app-details.h"
#include "nyl-banner.h"
#include "nyl-input-check.h"
#include "nyl-json.h"
#include "nyl-state-stack.h"
#include "nyl-ui-form.h"

#define MAX_SPACING 200

typedef enum
{
  KIND_TEXT,
  KIND_URL,
  KIND_COLOR,
  KIND_SPACING,
  KIND_ALIGNMENT,
} Kind;

typedef enum
{
  FIELD_NAME,
  FIELD_WEBSITE_URL,
  FIELD_ICON_URL,
  FIELD_DESCRIPTION,
  FIELD_TITLE,
  FIELD_SUBTITLE,
  FIELD_BACKGROUND_IMAGE_URL,
  FIELD_ALIGNMENT,
  FIELD_COLOR_PRIMARY,
  FIELD_COLOR_SECONDARY,
  FIELD_BACKGROUND_COLOR,
  FIELD_SPACING,
  FIELD_TERMS_OF_SERVICE_URL,
  FIELD_PRIVACY_POLICY_URL,
  N_FIELDS,
} Field;

/* Where each field lives: its member in `branding` or `hosted_authentication`. */
static const struct
{
  const char *name;
  const char *member;
  gboolean    hosted;
  Kind        kind;
  const char *row;
  const char *error;
} fields[N_FIELDS] = {
  { "name", "name", FALSE, KIND_TEXT, "name_row", "name_error" },
  { "website-url", "website_url", FALSE, KIND_URL, "website_url_row", "website_url_error" },
  { "icon-url", "icon_url", FALSE, KIND_URL, "icon_url_row", "icon_url_error" },
  { "description", "description", FALSE, KIND_TEXT, "description_row", "description_error" },
  { "title", "title", TRUE, KIND_TEXT, "title_row", "title_error" },
  { "subtitle", "subtitle", TRUE, KIND_TEXT, "subtitle_row", "subtitle_error" },
  { "background-image-url", "background_image_url", TRUE, KIND_URL, "background_image_url_row",
    "background_image_url_error" },
  { "alignment", "alignment", TRUE, KIND_ALIGNMENT, "alignment_row", "alignment_error" },
  { "color-primary", "color_primary", TRUE, KIND_COLOR, "color_primary_row",
    "color_primary_error" },
  { "color-secondary", "color_secondary", TRUE, KIND_COLOR, "color_secondary_row",
    "color_secondary_error" },
  { "background-color", "background_color", TRUE, KIND_COLOR, "background_color_row",
    "background_color_error" },
  { "spacing", "spacing", TRUE, KIND_SPACING, "spacing_row", "spacing_error" },
  { "terms-of-service-url", "terms_of_service_url", TRUE, KIND_URL, "terms_of_service_url_row",
    "terms_of_service_url_error" },
  { "privacy-policy-url", "privacy_policy_url", TRUE, KIND_URL, "privacy_policy_url_row",
    "privacy_policy_url_error" },
};

/* The alignment combo's items, after "Default". */
static const char * const alignments[] = { "left", "center", "right", NULL };

struct _NylSettingsPage
{
  GtkWidget      parent_instance;

  /* Owned References */
  NylSession    *session;
  NylAppDetails *details;
  GCancellable  *cancellable;

  guint          busy : 1;
  guint          dirty : 1;
  guint          filling : 1;

  /* Template Widgets */
  NylBanner     *banner;
  NylStateStack *state_stack;
  GtkWidget     *form;
  GtkSpinner    *spinner;
  GtkWidget     *color_primary_swatch;
  GtkWidget     *color_secondary_swatch;
  GtkWidget     *background_color_swatch;
  GtkWidget     *rows[N_FIELDS];
  GtkWidget     *errors[N_FIELDS];
};

G_DEFINE_FINAL_TYPE (NylSettingsPage, nyl_settings_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_BUSY,
  PROP_DIRTY,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
update_actions (NylSettingsPage *self)
{
  gboolean ready = self->details != NULL && !self->busy;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "settings.save", ready && self->dirty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "settings.discard", ready && self->dirty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "settings.reload",
                                 self->session != NULL && !self->busy);
}

static void
set_dirty (NylSettingsPage *self,
           gboolean         dirty)
{
  dirty = !!dirty;
  if (self->dirty == dirty)
    return;

  self->dirty = dirty;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static void
set_busy (NylSettingsPage *self,
          gboolean         busy)
{
  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_widget_set_sensitive (self->form, !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_error (NylSettingsPage *self,
           Field            field,
           const char      *message)
{
  nyl_ui_form_set_error (self->rows[field], self->errors[field], message);
}

static void
queue_swatches (NylSettingsPage *self)
{
  gtk_widget_queue_draw (self->color_primary_swatch);
  gtk_widget_queue_draw (self->color_secondary_swatch);
  gtk_widget_queue_draw (self->background_color_swatch);
}

static void
fill_form (NylSettingsPage *self)
{
  JsonObject *branding = self->details ? nyl_app_details_get_branding (self->details) : NULL;
  JsonObject *hosted = self->details ? nyl_app_details_get_hosted_authentication (self->details)
                                     : NULL;

  self->filling = TRUE;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      JsonObject *object = fields[i].hosted ? hosted : branding;
      JsonNode *node = object ? json_object_get_member (object, fields[i].member) : NULL;
      g_autofree char *text = NULL;

      set_error (self, i, NULL);

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
        {
          GType type = json_node_get_value_type (node);

          if (type == G_TYPE_STRING)
            text = g_strdup (json_node_get_string (node));
          else if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
            text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
        }

      if (fields[i].kind == KIND_ALIGNMENT)
        {
          guint selected = 0;

          for (guint a = 0; alignments[a] != NULL; a++)
            {
              if (g_strcmp0 (alignments[a], text) == 0)
                selected = a + 1;
            }
          adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[i]), selected);
        }
      else
        gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), text ? text : "");
    }

  self->filling = FALSE;
  set_dirty (self, FALSE);
  queue_swatches (self);
}

static void
on_field_changed_cb (NylSettingsPage *self,
                     GObject         *row)
{
  if (self->filling)
    return;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (self->rows[i] == GTK_WIDGET (row))
        set_error (self, i, NULL);
    }

  queue_swatches (self);
  set_dirty (self, TRUE);
}

static void
on_alignment_changed_cb (NylSettingsPage *self,
                         GParamSpec      *pspec,
                         GObject         *row)
{
  on_field_changed_cb (self, row);
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  GtkEditable *row = user_data;
  g_autofree char *text = nyl_ui_form_dup_text (row);
  GdkRGBA rgba;

  if (!nyl_input_check_color (text, NULL) || !gdk_rgba_parse (&rgba, text))
    return;

  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 1, 0, 2 * G_PI);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.3);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

/* Checks every field and builds the two objects to send, whole: what the
 * server had (members this code does not know included) with the form's
 * values over it. */
static gboolean
collect (NylSettingsPage  *self,
         JsonObject      **branding_out,
         JsonObject      **hosted_out)
{
  JsonObject *loaded_branding = nyl_app_details_get_branding (self->details);
  JsonObject *loaded_hosted = nyl_app_details_get_hosted_authentication (self->details);
  g_autoptr(JsonObject) branding = loaded_branding ? nyl_json_object_copy (loaded_branding)
                                                   : json_object_new ();
  g_autoptr(JsonObject) hosted = loaded_hosted ? nyl_json_object_copy (loaded_hosted)
                                               : json_object_new ();
  Field first_bad = N_FIELDS;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      JsonObject *object = fields[i].hosted ? hosted : branding;
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      const char *message = NULL;

      set_error (self, i, NULL);

      if (fields[i].kind == KIND_ALIGNMENT)
        {
          guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->rows[i]));

          if (selected >= 1 && selected <= g_strv_length ((char **) alignments))
            text = g_strdup (alignments[selected - 1]);
          else
            text = g_strdup ("");
        }
      else
        text = nyl_ui_form_dup_text (GTK_EDITABLE (self->rows[i]));

      if (*text == '\0')
        {
          if (json_object_has_member (object, fields[i].member))
            json_object_remove_member (object, fields[i].member);
          continue;
        }

      switch (fields[i].kind)
        {
        case KIND_URL:
          if (!nyl_input_check_web_url (text, &error))
            message = error->message;
          break;

        case KIND_COLOR:
          if (!nyl_input_check_color (text, &error))
            message = error->message;
          break;

        case KIND_SPACING:
          {
            guint64 spacing = 0;

            if (!g_ascii_string_to_unsigned (text, 10, 0, MAX_SPACING, &spacing, NULL))
              message = _("Enter a number of pixels from 0 to 200");
            else
              json_object_set_int_member (object, fields[i].member, (gint64) spacing);
          }
          break;

        case KIND_TEXT:
        case KIND_ALIGNMENT:
        default:
          break;
        }

      if (message != NULL)
        {
          set_error (self, i, message);
          if (first_bad == N_FIELDS)
            first_bad = i;
          continue;
        }

      if (fields[i].kind != KIND_SPACING)
        json_object_set_string_member (object, fields[i].member, text);
    }

  if (first_bad != N_FIELDS)
    {
      gtk_widget_grab_focus (self->rows[first_bad]);
      return FALSE;
    }

  *branding_out = g_steal_pointer (&branding);
  *hosted_out = g_steal_pointer (&hosted);

  return TRUE;
}

static NylAppDetails *
new_update (JsonObject *branding,
            JsonObject *hosted)
{
  NylAppDetails *update = nyl_app_details_new ();

  /* Only the two objects: top-level members left out stay as they are. */
  nyl_app_details_set_branding (update, branding);
  nyl_app_details_set_hosted_authentication (update, hosted);

  return update;
}

typedef struct
{
  NylSettingsPage *self;
  JsonObject      *previous_branding;
  JsonObject      *previous_hosted;
  gboolean         undo;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->self);
  g_clear_pointer (&data->previous_branding, json_object_unref);
  g_clear_pointer (&data->previous_hosted, json_object_unref);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static void send_update (NylSettingsPage *self,
                         JsonObject      *branding,
                         JsonObject      *hosted,
                         gboolean         undo);

static void
on_undo_cb (NylSettingsPage *self,
            AdwToast        *toast)
{
  JsonObject *branding = g_object_get_data (G_OBJECT (toast), "nyl-branding");
  JsonObject *hosted = g_object_get_data (G_OBJECT (toast), "nyl-hosted-authentication");

  if (self->session == NULL || self->busy || branding == NULL || hosted == NULL)
    return;

  send_update (self, branding, hosted, TRUE);
}

static void
updated_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  NylSettingsPage *self = data->self;
  g_autoptr(NylResource) updated = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  updated = nyl_session_update_finish (NYL_SESSION (object), result, &error);
  if (nyl_ui_error_is_cancelled (error))
    return;

  set_busy (self, FALSE);

  if (updated == NULL)
    {
      g_autofree char *reason = nyl_ui_describe_error (error);
      /* Translators: %s is why saving failed. */
      g_autofree char *title = g_strdup_printf (data->undo ? _("Could not undo the change: %s")
                                                           : _("Could not save: %s"),
                                                reason);

      nyl_banner_set_title (self->banner, title);
      nyl_banner_set_revealed (self->banner, TRUE);
      return;
    }

  nyl_banner_set_revealed (self->banner, FALSE);
  g_set_object (&self->details, NYL_APP_DETAILS (updated));
  fill_form (self);

  if (data->undo)
    {
      nyl_ui_add_toast (GTK_WIDGET (self), adw_toast_new (_("Change undone")));
      return;
    }

  toast = adw_toast_new (_("Settings saved"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "nyl-branding",
                          g_steal_pointer (&data->previous_branding),
                          (GDestroyNotify) json_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "nyl-hosted-authentication",
                          g_steal_pointer (&data->previous_hosted),
                          (GDestroyNotify) json_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_cb), self,
                           G_CONNECT_SWAPPED);
  nyl_ui_add_toast (GTK_WIDGET (self), toast);
}

static void
send_update (NylSettingsPage *self,
             JsonObject      *branding,
             JsonObject      *hosted,
             gboolean         undo)
{
  g_autoptr(NylAppDetails) update = new_update (branding, hosted);
  JsonObject *previous_branding = nyl_app_details_get_branding (self->details);
  JsonObject *previous_hosted = nyl_app_details_get_hosted_authentication (self->details);
  SaveData *data = g_new0 (SaveData, 1);

  /* What undo sends back: the objects as they were, whole (an absent one
   * becomes empty, which is what it was). */
  data->self = g_object_ref (self);
  data->previous_branding = previous_branding ? nyl_json_object_copy (previous_branding)
                                              : json_object_new ();
  data->previous_hosted = previous_hosted ? nyl_json_object_copy (previous_hosted)
                                          : json_object_new ();
  data->undo = undo;

  set_busy (self, TRUE);
  nyl_session_update_async (self->session, NYL_RESOURCE (update), NULL, self->cancellable,
                            updated_cb, data);
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(NylSettingsPage) self = user_data;
  g_autoptr(NylResource) details = NULL;
  g_autoptr(GError) error = NULL;

  details = nyl_session_fetch_finish (NYL_SESSION (object), result, &error);
  if (nyl_ui_error_is_cancelled (error))
    return;

  set_busy (self, FALSE);

  if (details == NULL)
    {
      g_autofree char *reason = nyl_ui_describe_error (error);

      if (self->details == NULL)
        nyl_state_stack_show_error (self->state_stack, _("Could not load the settings"), reason);
      else
        {
          nyl_banner_set_title (self->banner, reason);
          nyl_banner_set_revealed (self->banner, TRUE);
        }
      return;
    }

  nyl_banner_set_revealed (self->banner, FALSE);
  g_set_object (&self->details, NYL_APP_DETAILS (details));
  fill_form (self);
  update_actions (self);
  nyl_state_stack_set_state (self->state_stack, NYL_STATE_CONTENT);
}

static void
on_retry_cb (NylSettingsPage *self)
{
  nyl_settings_page_reload (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  nyl_settings_page_save (NYL_SETTINGS_PAGE (widget));
}

static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NylSettingsPage *self = NYL_SETTINGS_PAGE (widget);

  nyl_banner_set_revealed (self->banner, FALSE);
  fill_form (self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  nyl_settings_page_reload (NYL_SETTINGS_PAGE (widget));
}

static void
nyl_settings_page_dispose (GObject *object)
{
  NylSettingsPage *self = (NylSettingsPage *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), NYL_TYPE_SETTINGS_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->details);

  G_OBJECT_CLASS (nyl_settings_page_parent_class)->dispose (object);
}

static void
nyl_settings_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  NylSettingsPage *self = NYL_SETTINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_settings_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  NylSettingsPage *self = NYL_SETTINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      nyl_settings_page_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_settings_page_class_init (NylSettingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nyl_settings_page_dispose;
  object_class->get_property = nyl_settings_page_get_property;
  object_class->set_property = nyl_settings_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, NYL_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NYL_TYPE_BANNER);
  g_type_ensure (NYL_TYPE_STATE_STACK);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/nyl-settings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NylSettingsPage, banner);
  gtk_widget_class_bind_template_child (widget_class, NylSettingsPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, NylSettingsPage, form);
  gtk_widget_class_bind_template_child (widget_class, NylSettingsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, NylSettingsPage, color_primary_swatch);
  gtk_widget_class_bind_template_child (widget_class, NylSettingsPage, color_secondary_swatch);
  gtk_widget_class_bind_template_child (widget_class, NylSettingsPage, background_color_swatch);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, fields[i].row, FALSE,
                                                 G_STRUCT_OFFSET (NylSettingsPage, rows)
                                                 + i * sizeof (GtkWidget *));
      gtk_widget_class_bind_template_child_full (widget_class, fields[i].error, FALSE,
                                                 G_STRUCT_OFFSET (NylSettingsPage, errors)
                                                 + i * sizeof (GtkWidget *));
    }
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_alignment_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_cb);

  gtk_widget_class_install_action (widget_class, "settings.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "settings.discard", NULL, discard_action);
  gtk_widget_class_install_action (widget_class, "settings.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "settings.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "settings.reload", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
nyl_settings_page_init (NylSettingsPage *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->color_primary_swatch), draw_swatch,
                                  self->rows[FIELD_COLOR_PRIMARY], NULL);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->color_secondary_swatch), draw_swatch,
                                  self->rows[FIELD_COLOR_SECONDARY], NULL);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->background_color_swatch), draw_swatch,
                                  self->rows[FIELD_BACKGROUND_COLOR], NULL);

  nyl_state_stack_set_empty (self->state_stack, "preferences-system-symbolic",
                             _("No Application"), _("Add an application to edit its settings."));
  nyl_state_stack_set_state (self->state_stack, NYL_STATE_EMPTY);
  update_actions (self);
}

GtkWidget *
nyl_settings_page_new (void)
{
  return g_object_new (NYL_TYPE_SETTINGS_PAGE, NULL);
}

NylSession *
nyl_settings_page_get_session (NylSettingsPage *self)
{
  g_return_val_if_fail (NYL_IS_SETTINGS_PAGE (self), NULL);

  return self->session;
}

void
nyl_settings_page_set_session (NylSettingsPage *self,
                               NylSession      *session)
{
  g_return_if_fail (NYL_IS_SETTINGS_PAGE (self));
  g_return_if_fail (session == NULL || NYL_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_object (&self->details);
  set_busy (self, FALSE);
  nyl_banner_set_revealed (self->banner, FALSE);
  fill_form (self);

  if (session != NULL)
    nyl_settings_page_reload (self);
  else
    nyl_state_stack_set_state (self->state_stack, NYL_STATE_EMPTY);

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

gboolean
nyl_settings_page_get_busy (NylSettingsPage *self)
{
  g_return_val_if_fail (NYL_IS_SETTINGS_PAGE (self), FALSE);

  return self->busy;
}

gboolean
nyl_settings_page_get_dirty (NylSettingsPage *self)
{
  g_return_val_if_fail (NYL_IS_SETTINGS_PAGE (self), FALSE);

  return self->dirty;
}

static int
find_field (const char *name)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (g_strcmp0 (fields[i].name, name) == 0)
        return i;
    }

  return -1;
}

void
nyl_settings_page_set_field (NylSettingsPage *self,
                             const char      *field,
                             const char      *value)
{
  int i;

  g_return_if_fail (NYL_IS_SETTINGS_PAGE (self));

  i = find_field (field);
  g_return_if_fail (i >= 0);

  if (fields[i].kind == KIND_ALIGNMENT)
    {
      guint selected = 0;

      for (guint a = 0; alignments[a] != NULL; a++)
        {
          if (g_strcmp0 (alignments[a], value) == 0)
            selected = a + 1;
        }
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[i]), selected);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), value ? value : "");
}

const char *
nyl_settings_page_get_error (NylSettingsPage *self,
                             const char      *field)
{
  GtkWidget *label;
  int i;

  g_return_val_if_fail (NYL_IS_SETTINGS_PAGE (self), NULL);

  i = find_field (field);
  g_return_val_if_fail (i >= 0, NULL);

  if (!gtk_widget_get_visible (self->errors[i]))
    return NULL;

  label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self->errors[i]));

  return gtk_label_get_label (GTK_LABEL (label));
}

gboolean
nyl_settings_page_save (NylSettingsPage *self)
{
  g_autoptr(JsonObject) branding = NULL;
  g_autoptr(JsonObject) hosted = NULL;

  g_return_val_if_fail (NYL_IS_SETTINGS_PAGE (self), FALSE);

  if (self->session == NULL || self->details == NULL || self->busy)
    return FALSE;

  nyl_banner_set_revealed (self->banner, FALSE);
  if (!collect (self, &branding, &hosted))
    return FALSE;

  send_update (self, branding, hosted, FALSE);

  return TRUE;
}

void
nyl_settings_page_reload (NylSettingsPage *self)
{
  g_return_if_fail (NYL_IS_SETTINGS_PAGE (self));

  if (self->session == NULL || self->busy)
    return;

  if (self->details == NULL)
    nyl_state_stack_set_state (self->state_stack, NYL_STATE_LOADING);
  set_busy (self, TRUE);
  nyl_session_fetch_async (self->session, NYL_TYPE_APP_DETAILS, NULL, NULL, self->cancellable,
                           fetch_cb, g_object_ref (self));
}
