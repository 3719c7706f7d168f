/* nyl-health-card.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NYL_TYPE_HEALTH_CARD (nyl_health_card_get_type ())

/* A card of the overview's health board: a title, a big value, a line of
 * detail; "attention" colours the value when something needs looking at. */
G_DECLARE_FINAL_TYPE (NylHealthCard, nyl_health_card, NYL, HEALTH_CARD, GtkWidget)

GtkWidget  *nyl_health_card_new           (const char    *title);
const char *nyl_health_card_get_title     (NylHealthCard *self);
void        nyl_health_card_set_title     (NylHealthCard *self,
                                           const char    *title);
const char *nyl_health_card_get_value     (NylHealthCard *self);
void        nyl_health_card_set_value     (NylHealthCard *self,
                                           const char    *value);
const char *nyl_health_card_get_detail    (NylHealthCard *self);
void        nyl_health_card_set_detail    (NylHealthCard *self,
                                           const char    *detail);
gboolean    nyl_health_card_get_attention (NylHealthCard *self);
void        nyl_health_card_set_attention (NylHealthCard *self,
                                           gboolean       attention);

G_END_DECLS
