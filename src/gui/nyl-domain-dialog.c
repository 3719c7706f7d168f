/* nyl-domain-dialog.c
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nyl-domain-dialog"

#include "config.h"

#include "nyl-domain-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

#include "nyl-keys-ui.h"
#include "nyl-ui-dialogs.h"

static const struct
{
  const char *type;
  const char *title;
} record_types[] = {
  { "ownership", N_("Ownership") },
  { "mx", N_("MX (receiving)") },
  { "spf", N_("SPF") },
  { "feedback", N_("Feedback") },
  { "dkim", N_("DKIM") },
  { "dmarc", N_("DMARC") },
  { "arc", N_("ARC") },
};

#define N_RECORDS G_N_ELEMENTS (record_types)

typedef struct
{
  AdwExpanderRow *row;
  AdwActionRow   *host_row;
  AdwActionRow   *type_row;
  AdwActionRow   *value_row;
  GtkButton      *verify_button;
  char           *host;
  char           *record_type;
  char           *value;
  char           *record;
  char           *status;
  guint           fetching : 1;
  guint           verifying : 1;
} Record;

struct _NylDomainDialog
{
  AdwWindow            parent_instance;

  /* Owned References */
  NylSession          *session;
  NylDomain           *domain;
  GCancellable        *cancellable;
  char                *error_text;

  Record               records[N_RECORDS];
  guint                busy : 1;

  /* Template Widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *close_button;
  GtkButton           *register_button;
  GtkSpinner          *spinner;
  GtkStack            *stack;
  AdwEntryRow         *name_row;
  AdwEntryRow         *address_row;
  GtkLabel            *error_label;
  AdwActionRow        *address_info_row;
  AdwActionRow        *region_info_row;
  AdwActionRow        *created_info_row;
  AdwPreferencesGroup *records_group;
  GtkLabel            *details_error_label;
  GtkButton           *delete_button;
};

G_DEFINE_FINAL_TYPE (NylDomainDialog, nyl_domain_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_DOMAIN,
  N_PROPS,
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static int
record_index (const char *type)
{
  for (guint i = 0; i < N_RECORDS; i++)
    {
      if (g_strcmp0 (record_types[i].type, type) == 0)
        return (int)i;
    }

  return -1;
}

static gboolean
is_verified (NylDomain *domain,
             guint      index)
{
  switch (index)
    {
    case 0: return nyl_domain_get_verified_ownership (domain);
    case 1: return nyl_domain_get_verified_mx (domain);
    case 2: return nyl_domain_get_verified_spf (domain);
    case 3: return nyl_domain_get_verified_feedback (domain);
    case 4: return nyl_domain_get_verified_dkim (domain);
    case 5: return nyl_domain_get_verified_dmarc (domain);
    case 6: return nyl_domain_get_verified_arc (domain);
    default: return FALSE;
    }
}

static void
set_busy (NylDomainDialog *self,
          gboolean         busy)
{
  if (self->busy == !!busy)
    return;

  self->busy = !!busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button), !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_error_text (NylDomainDialog *self,
                const char      *text)
{
  GtkLabel *label = self->domain != NULL ? self->details_error_label : self->error_label;

  g_free (self->error_text);
  self->error_text = g_strdup (text);
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

/* A host name of at least two labels: letters, digits and hyphens. */
static gboolean
address_is_valid (const char *address)
{
  g_auto(GStrv) labels = NULL;
  guint n_labels;

  if (address == NULL || *address == '\0' || strlen (address) > 253)
    return FALSE;

  labels = g_strsplit (address, ".", -1);
  n_labels = g_strv_length (labels);
  if (n_labels < 2)
    return FALSE;

  for (guint i = 0; i < n_labels; i++)
    {
      gsize len = strlen (labels[i]);

      if (len == 0 || len > 63 || labels[i][0] == '-' || labels[i][len - 1] == '-')
        return FALSE;

      for (gsize j = 0; j < len; j++)
        {
          if (!g_ascii_isalnum (labels[i][j]) && labels[i][j] != '-')
            return FALSE;
        }
    }

  return TRUE;
}

static char *
validate (NylDomainDialog *self)
{
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  g_autofree char *address = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->address_row)));

  g_strstrip (name);
  g_strstrip (address);

  if (*name == '\0')
    return g_strdup (_("Give the domain a name"));
  if (*address == '\0')
    return g_strdup (_("Enter the domain address"));
  if (strstr (address, "://") != NULL || strchr (address, '/') != NULL ||
      strchr (address, '@') != NULL)
    return g_strdup (_("Enter just the domain, such as mail.example.com, without https:// or an "
                       "email address"));
  if (!address_is_valid (address))
    return g_strdup (_("This is not a domain address, such as mail.example.com"));

  return NULL;
}

static void
update_register_button (NylDomainDialog *self)
{
  g_autofree char *problem = validate (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->register_button), problem == NULL && !self->busy);
}

static void
on_form_changed_cb (NylDomainDialog *self)
{
  set_error_text (self, NULL);
  update_register_button (self);
}

/* Details */

static void
update_record (NylDomainDialog *self,
               guint            index)
{
  Record *record = &self->records[index];
  gboolean verified = self->domain != NULL && is_verified (self->domain, index);
  const char *status;

  if (record->status != NULL)
    status = record->status;
  else
    status = verified ? _("Verified") : _("Not verified yet");

  adw_expander_row_set_subtitle (record->row, status);
  adw_action_row_set_subtitle (record->host_row, record->host != NULL ? record->host : "…");
  adw_action_row_set_subtitle (record->type_row,
                               record->record_type != NULL ? record->record_type : "…");
  adw_action_row_set_subtitle (record->value_row, record->value != NULL ? record->value : "…");
  gtk_widget_set_sensitive (GTK_WIDGET (record->verify_button),
                            !record->verifying && !record->fetching);
  gtk_button_set_label (record->verify_button, verified ? _("Verify _Again") : _("_Verify"));
}

static void
show_details (NylDomainDialog *self)
{
  g_autofree char *created = NULL;
  const char *region;

  g_assert (self->domain != NULL);

  gtk_stack_set_visible_child_name (self->stack, "details");
  gtk_widget_set_visible (GTK_WIDGET (self->register_button), FALSE);
  gtk_button_set_label (self->close_button, _("_Close"));
  adw_window_title_set_title (self->window_title,
                              nyl_domain_get_name (self->domain) != NULL
                              ? nyl_domain_get_name (self->domain) : _("Domain"));
  adw_window_title_set_subtitle (self->window_title, nyl_domain_get_domain_address (self->domain));

  adw_action_row_set_subtitle (self->address_info_row,
                               nyl_domain_get_domain_address (self->domain));
  region = nyl_domain_get_region (self->domain);
  adw_action_row_set_subtitle (self->region_info_row,
                               g_strcmp0 (region, "eu") == 0 ? _("EU")
                               : g_strcmp0 (region, "us") == 0 ? _("US")
                               : region != NULL ? region : "—");
  created = nyl_keys_ui_format_date (nyl_domain_get_created_at (self->domain));
  adw_action_row_set_subtitle (self->created_info_row, created);

  for (guint i = 0; i < N_RECORDS; i++)
    update_record (self, i);
}

typedef struct
{
  NylDomainDialog *self;
  guint            index;
} RecordOp;

static RecordOp *
record_op_new (NylDomainDialog *self,
               guint            index)
{
  RecordOp *op = g_new0 (RecordOp, 1);

  op->self = g_object_ref (self);
  op->index = index;

  return op;
}

static void
record_op_free (RecordOp *op)
{
  g_clear_object (&op->self);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecordOp, record_op_free)

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonObject *
member_object (JsonObject *object,
               const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

/* Takes the record out of an info or verify answer. */
static void
take_attempt (NylDomainDialog *self,
              guint            index,
              JsonNode        *node)
{
  Record *record = &self->records[index];
  JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node)
                                                                      : NULL;
  JsonObject *options = member_object (member_object (object, "attempt"), "options");
  const char *host = member_string (options, "host");
  const char *type = member_string (options, "type");
  const char *value = member_string (options, "value");

  if (host == NULL && type == NULL && value == NULL)
    return;

  g_free (record->host);
  g_free (record->record_type);
  g_free (record->value);
  g_free (record->record);
  record->host = g_strdup (host);
  record->record_type = g_strdup (type);
  record->value = g_strdup (value);
  record->record = g_strdup_printf ("%s %s %s", host != NULL ? host : "",
                                    type != NULL ? type : "", value != NULL ? value : "");
}

static void
info_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(RecordOp) op = user_data;
  NylDomainDialog *self = op->self;
  Record *record = &self->records[op->index];
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  node = nyl_session_domain_info_finish (NYL_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  record->fetching = FALSE;
  if (node == NULL)
    {
      g_free (record->status);
      record->status = g_strdup_printf (_("Could not get the record: %s"), error->message);
    }
  else
    take_attempt (self, op->index, node);

  update_record (self, op->index);
}

void
nyl_domain_dialog_show_record (NylDomainDialog *self,
                               const char      *type)
{
  int index;
  Record *record;

  g_return_if_fail (NYL_IS_DOMAIN_DIALOG (self));

  index = record_index (type);
  g_return_if_fail (index >= 0);

  record = &self->records[index];
  if (self->domain == NULL || record->fetching || record->record != NULL)
    return;

  record->fetching = TRUE;
  update_record (self, index);
  nyl_session_domain_info_async (self->session, nyl_resource_get_id (NYL_RESOURCE (self->domain)),
                                 type, self->cancellable, info_cb, record_op_new (self, index));
}

static void
refetch_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(NylDomainDialog) self = user_data;
  g_autoptr(NylResource) domain = NULL;
  g_autoptr(GError) error = NULL;

  domain = nyl_session_fetch_finish (NYL_SESSION (object), result, &error);
  if (domain == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not reload the domain: %s", error->message);
      return;
    }

  g_set_object (&self->domain, NYL_DOMAIN (domain));
  show_details (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOMAIN]);
}

static void
verify_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RecordOp) op = user_data;
  NylDomainDialog *self = op->self;
  Record *record = &self->records[op->index];
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *answer;
  const char *status;
  const char *message;

  node = nyl_session_domain_verify_finish (NYL_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  record->verifying = FALSE;
  g_clear_pointer (&record->status, g_free);

  if (node == NULL)
    {
      record->status = g_strdup_printf (_("Could not verify: %s"), error->message);
      update_record (self, op->index);
      return;
    }

  take_attempt (self, op->index, node);
  answer = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  status = member_string (answer, "status");
  message = member_string (answer, "message");

  if (g_strcmp0 (status, "done") == 0)
    record->status = g_strdup (_("Verified"));
  else if (g_strcmp0 (status, "failed") == 0)
    record->status = g_strdup_printf (_("Not verified: %s"),
                                      message != NULL ? message : _("the record was not found"));
  else
    record->status = g_strdup_printf (_("Pending: %s"),
                                      message != NULL ? message : _("not checked yet"));

  update_record (self, op->index);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);

  /* The domain's verified_* fields changed. */
  nyl_session_fetch_async (self->session, NYL_TYPE_DOMAIN, NULL,
                           nyl_resource_get_id (NYL_RESOURCE (self->domain)), self->cancellable,
                           refetch_cb, g_object_ref (self));
}

void
nyl_domain_dialog_verify (NylDomainDialog *self,
                          const char      *type)
{
  int index;
  Record *record;

  g_return_if_fail (NYL_IS_DOMAIN_DIALOG (self));

  index = record_index (type);
  g_return_if_fail (index >= 0);

  record = &self->records[index];
  if (self->domain == NULL || record->verifying)
    return;

  record->verifying = TRUE;
  g_free (record->status);
  record->status = g_strdup (_("Verifying…"));
  update_record (self, index);
  nyl_session_domain_verify_async (self->session,
                                   nyl_resource_get_id (NYL_RESOURCE (self->domain)), type,
                                   self->cancellable, verify_cb, record_op_new (self, index));
}

static void
on_verify_clicked_cb (GtkButton *button,
                      gpointer   user_data)
{
  NylDomainDialog *self = NYL_DOMAIN_DIALOG (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                                       NYL_TYPE_DOMAIN_DIALOG));
  guint index = GPOINTER_TO_UINT (user_data);

  nyl_domain_dialog_verify (self, record_types[index].type);
}

static void
on_expanded_cb (AdwExpanderRow *row,
                GParamSpec     *pspec,
                gpointer        user_data)
{
  NylDomainDialog *self = NYL_DOMAIN_DIALOG (gtk_widget_get_ancestor (GTK_WIDGET (row),
                                                                       NYL_TYPE_DOMAIN_DIALOG));
  guint index = GPOINTER_TO_UINT (user_data);

  if (self != NULL && adw_expander_row_get_expanded (row))
    nyl_domain_dialog_show_record (self, record_types[index].type);
}

static void
on_copy_clicked_cb (GtkButton    *button,
                    AdwActionRow *row)
{
  const char *text = adw_action_row_get_subtitle (row);

  if (text != NULL && g_strcmp0 (text, "…") != 0)
    nyl_keys_ui_copy_text (GTK_WIDGET (button), text);
}

static AdwActionRow *
add_record_field (AdwExpanderRow *expander,
                  const char     *title)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  g_autofree char *tooltip = g_strdup_printf (_("Copy %s"), title);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_set_tooltip_text (copy, tooltip);
  g_signal_connect (copy, "clicked", G_CALLBACK (on_copy_clicked_cb), row);
  adw_action_row_add_suffix (row, copy);
  adw_expander_row_add_row (expander, GTK_WIDGET (row));

  return row;
}

/* Registering */

static void
create_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(NylDomainDialog) self = user_data;
  g_autoptr(NylResource) domain = NULL;
  g_autoptr(GError) error = NULL;

  domain = nyl_session_create_finish (NYL_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (domain == NULL)
    {
      set_error_text (self, error->message);
      update_register_button (self);
      return;
    }

  g_set_object (&self->domain, NYL_DOMAIN (domain));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOMAIN]);

  /* Straight on to the records to add. */
  show_details (self);
}

void
nyl_domain_dialog_register (NylDomainDialog *self)
{
  g_autoptr(NylDomain) domain = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;

  g_return_if_fail (NYL_IS_DOMAIN_DIALOG (self));

  if (self->busy || self->domain != NULL)
    return;

  problem = validate (self);
  if (problem != NULL)
    {
      set_error_text (self, problem);
      return;
    }

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  address = g_ascii_strdown (gtk_editable_get_text (GTK_EDITABLE (self->address_row)), -1);
  g_strstrip (address);

  domain = nyl_domain_new ();
  nyl_domain_set_name (domain, name);
  nyl_domain_set_domain_address (domain, address);

  set_busy (self, TRUE);
  update_register_button (self);
  nyl_session_create_async (self->session, NYL_RESOURCE (domain), NULL, self->cancellable,
                            create_cb, g_object_ref (self));
}

static void
on_register_clicked_cb (NylDomainDialog *self)
{
  nyl_domain_dialog_register (self);
}

/* Deleting */

static void
delete_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(NylDomainDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!nyl_session_delete_finish (NYL_SESSION (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      set_busy (self, FALSE);
      set_error_text (self, error->message);
      return;
    }

  set_busy (self, FALSE);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
delete_confirmed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(NylDomainDialog) self = user_data;

  if (!nyl_ui_confirm_finish (result, NULL) || self->domain == NULL)
    return;

  set_busy (self, TRUE);
  nyl_session_delete_async (self->session, NYL_TYPE_DOMAIN, NULL,
                            nyl_resource_get_id (NYL_RESOURCE (self->domain)), self->cancellable,
                            delete_cb, g_object_ref (self));
}

static void
on_delete_clicked_cb (NylDomainDialog *self)
{
  g_autofree char *heading = NULL;

  if (self->domain == NULL)
    return;

  heading = g_strdup_printf (_("Delete “%s”?"), nyl_domain_get_domain_address (self->domain));
  nyl_ui_confirm_async (GTK_WIDGET (self), heading,
                        _("Nylas stops sending email from this domain. Registering it again means "
                          "verifying its DNS records again."),
                        _("_Delete"), TRUE, self->cancellable,
                        delete_confirmed_cb, g_object_ref (self));
}

/* GObject */

static gboolean
nyl_domain_dialog_close_request (GtkWindow *window)
{
  NylDomainDialog *self = NYL_DOMAIN_DIALOG (window);

  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (nyl_domain_dialog_parent_class)->close_request (window);
}

static void
nyl_domain_dialog_dispose (GObject *object)
{
  NylDomainDialog *self = (NylDomainDialog *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), NYL_TYPE_DOMAIN_DIALOG);
  g_clear_object (&self->session);
  g_clear_object (&self->domain);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (nyl_domain_dialog_parent_class)->dispose (object);
}

static void
nyl_domain_dialog_finalize (GObject *object)
{
  NylDomainDialog *self = (NylDomainDialog *)object;

  for (guint i = 0; i < N_RECORDS; i++)
    {
      g_free (self->records[i].host);
      g_free (self->records[i].record_type);
      g_free (self->records[i].value);
      g_free (self->records[i].record);
      g_free (self->records[i].status);
    }
  g_clear_pointer (&self->error_text, g_free);

  G_OBJECT_CLASS (nyl_domain_dialog_parent_class)->finalize (object);
}

static void
nyl_domain_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  NylDomainDialog *self = NYL_DOMAIN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_DOMAIN:
      g_value_set_object (value, self->domain);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nyl_domain_dialog_class_init (NylDomainDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = nyl_domain_dialog_dispose;
  object_class->finalize = nyl_domain_dialog_finalize;
  object_class->get_property = nyl_domain_dialog_get_property;
  window_class->close_request = nyl_domain_dialog_close_request;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOMAIN] =
    g_param_spec_object ("domain", NULL, NULL, NYL_TYPE_DOMAIN,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NylDomainDialog::changed:
   * @self: the dialog
   *
   * Emitted when the domain was registered, verified or deleted.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/nyl-domain-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, NylDomainDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, NylDomainDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, NylDomainDialog, register_button);
  gtk_widget_class_bind_template_child (widget_class, NylDomainDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, NylDomainDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, NylDomainDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, NylDomainDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, NylDomainDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, NylDomainDialog, address_info_row);
  gtk_widget_class_bind_template_child (widget_class, NylDomainDialog, region_info_row);
  gtk_widget_class_bind_template_child (widget_class, NylDomainDialog, created_info_row);
  gtk_widget_class_bind_template_child (widget_class, NylDomainDialog, records_group);
  gtk_widget_class_bind_template_child (widget_class, NylDomainDialog, details_error_label);
  gtk_widget_class_bind_template_child (widget_class, NylDomainDialog, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_register_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nyl_domain_dialog_init (NylDomainDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_RECORDS; i++)
    {
      Record *record = &self->records[i];
      g_autofree char *verify_name = g_strdup_printf (_("Verify %s"), _(record_types[i].title));

      record->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (record->row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (record->row), _(record_types[i].title));
      g_signal_connect (record->row, "notify::expanded", G_CALLBACK (on_expanded_cb),
                        GUINT_TO_POINTER (i));

      record->verify_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Verify")));
      gtk_widget_set_valign (GTK_WIDGET (record->verify_button), GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (GTK_WIDGET (record->verify_button), verify_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (record->verify_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, verify_name, -1);
      g_signal_connect (record->verify_button, "clicked", G_CALLBACK (on_verify_clicked_cb),
                        GUINT_TO_POINTER (i));
      adw_expander_row_add_action (record->row, GTK_WIDGET (record->verify_button));

      record->host_row = add_record_field (record->row, _("Host"));
      record->type_row = add_record_field (record->row, _("Type"));
      record->value_row = add_record_field (record->row, _("Value"));

      adw_preferences_group_add (self->records_group, GTK_WIDGET (record->row));
    }
}

static NylDomainDialog *
dialog_new (GtkWindow  *parent,
            NylSession *session)
{
  NylDomainDialog *self = g_object_new (NYL_TYPE_DOMAIN_DIALOG, "transient-for", parent, NULL);

  self->session = g_object_ref (session);

  return self;
}

/**
 * nyl_domain_dialog_new_register:
 *
 * Returns: (transfer none): a dialog that registers a domain
 */
GtkWidget *
nyl_domain_dialog_new_register (GtkWindow  *parent,
                                NylSession *session)
{
  NylDomainDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (NYL_IS_SESSION (session), NULL);

  self = dialog_new (parent, session);
  update_register_button (self);

  return GTK_WIDGET (self);
}

/**
 * nyl_domain_dialog_new_details:
 *
 * Returns: (transfer none): a dialog showing @domain's records
 */
GtkWidget *
nyl_domain_dialog_new_details (GtkWindow  *parent,
                               NylSession *session,
                               NylDomain  *domain)
{
  NylDomainDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (NYL_IS_SESSION (session), NULL);
  g_return_val_if_fail (NYL_IS_DOMAIN (domain), NULL);

  self = dialog_new (parent, session);
  self->domain = g_object_ref (domain);
  show_details (self);

  return GTK_WIDGET (self);
}

/**
 * nyl_domain_dialog_get_domain:
 *
 * Returns: (transfer none) (nullable): the domain, once registered
 */
NylDomain *
nyl_domain_dialog_get_domain (NylDomainDialog *self)
{
  g_return_val_if_fail (NYL_IS_DOMAIN_DIALOG (self), NULL);

  return self->domain;
}

gboolean
nyl_domain_dialog_get_busy (NylDomainDialog *self)
{
  g_return_val_if_fail (NYL_IS_DOMAIN_DIALOG (self), FALSE);

  return self->busy;
}

const char *
nyl_domain_dialog_get_error_text (NylDomainDialog *self)
{
  g_return_val_if_fail (NYL_IS_DOMAIN_DIALOG (self), NULL);

  return self->error_text;
}

void
nyl_domain_dialog_set_name (NylDomainDialog *self,
                            const char      *name)
{
  g_return_if_fail (NYL_IS_DOMAIN_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
}

void
nyl_domain_dialog_set_address (NylDomainDialog *self,
                               const char      *address)
{
  g_return_if_fail (NYL_IS_DOMAIN_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->address_row), address != NULL ? address : "");
}

const char *
nyl_domain_dialog_get_record (NylDomainDialog *self,
                              const char      *type)
{
  int index;

  g_return_val_if_fail (NYL_IS_DOMAIN_DIALOG (self), NULL);

  index = record_index (type);
  g_return_val_if_fail (index >= 0, NULL);

  return self->records[index].record;
}

const char *
nyl_domain_dialog_get_status_text (NylDomainDialog *self,
                                   const char      *type)
{
  int index;

  g_return_val_if_fail (NYL_IS_DOMAIN_DIALOG (self), NULL);

  index = record_index (type);
  g_return_val_if_fail (index >= 0, NULL);

  return adw_expander_row_get_subtitle (self->records[index].row);
}
