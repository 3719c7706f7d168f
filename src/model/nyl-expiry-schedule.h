/* nyl-expiry-schedule.h
 *
 * Copyright 2026 The Nylas Manager authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The version of the notified.json format this build reads and writes. */
#define NYL_EXPIRY_SCHEDULE_FORMAT_VERSION 1

/* Keys expiring within this many days are "expiring soon" (the radar's window). */
#define NYL_EXPIRY_SOON_DAYS   30
/* ... and within this many, urgent. */
#define NYL_EXPIRY_URGENT_DAYS 7

/**
 * NylExpiryMilestone:
 * @NYL_EXPIRY_MILESTONE_NONE: nothing to say yet
 * @NYL_EXPIRY_MILESTONE_30_DAYS: 30 days or less before expiry
 * @NYL_EXPIRY_MILESTONE_7_DAYS: 7 days or less before expiry
 * @NYL_EXPIRY_MILESTONE_1_DAY: a day or less before expiry
 * @NYL_EXPIRY_MILESTONE_EXPIRED: the key has expired
 *
 * The points at which a key's owner is told it is expiring, in order.
 */
typedef enum
{
  NYL_EXPIRY_MILESTONE_NONE,
  NYL_EXPIRY_MILESTONE_30_DAYS,
  NYL_EXPIRY_MILESTONE_7_DAYS,
  NYL_EXPIRY_MILESTONE_1_DAY,
  NYL_EXPIRY_MILESTONE_EXPIRED,
} NylExpiryMilestone;

/**
 * NylExpiryUrgency:
 * @NYL_EXPIRY_URGENCY_NONE: no expiry, revoked, or more than 30 days left
 * @NYL_EXPIRY_URGENCY_SOON: 30 days or less left
 * @NYL_EXPIRY_URGENCY_URGENT: 7 days or less left
 * @NYL_EXPIRY_URGENCY_EXPIRED: expired
 *
 * How a key's expiry is shown (its colour).
 */
typedef enum
{
  NYL_EXPIRY_URGENCY_NONE,
  NYL_EXPIRY_URGENCY_SOON,
  NYL_EXPIRY_URGENCY_URGENT,
  NYL_EXPIRY_URGENCY_EXPIRED,
} NylExpiryUrgency;

/* Pure helpers for faces. @expires_at 0 means "never". */
NylExpiryMilestone nyl_expiry_milestone_at (gint64 expires_at,
                                            gint64 now);
NylExpiryUrgency   nyl_expiry_urgency      (gint64 expires_at,
                                            gint64 now);
/* Whole days left, rounded up (a key expiring in 36 hours has 2 days left); 0 or less once
 * expired. */
gint64             nyl_expiry_days_left    (gint64 expires_at,
                                            gint64 now);
/* "in 5 days", "in 3 hours", "in 12 minutes", "expired 2 days ago", "never expires". */
char              *nyl_expiry_format_countdown (gint64 expires_at,
                                                gint64 now) G_GNUC_WARN_UNUSED_RESULT;

/**
 * NylExpiryNotice:
 * @profile_id: the profile the key belongs to
 * @profile_name: (nullable): that profile's name
 * @key_id: the key's ID
 * @key_name: (nullable): the key's name
 * @expires_at: when it expires (Unix seconds)
 * @milestone: which notice this is
 *
 * A notification that is due.
 */
typedef struct
{
  char               *profile_id;
  char               *profile_name;
  char               *key_id;
  char               *key_name;
  gint64              expires_at;
  NylExpiryMilestone  milestone;
} NylExpiryNotice;

#define NYL_TYPE_EXPIRY_NOTICE (nyl_expiry_notice_get_type ())

GType            nyl_expiry_notice_get_type    (void) G_GNUC_CONST;
NylExpiryNotice *nyl_expiry_notice_copy        (const NylExpiryNotice *notice);
void             nyl_expiry_notice_free        (NylExpiryNotice       *notice);
/* A stable ID per key, so a later notice replaces an earlier one on screen. */
G_GNUC_WARN_UNUSED_RESULT
char            *nyl_expiry_notice_dup_id      (const NylExpiryNotice *notice);
G_GNUC_WARN_UNUSED_RESULT
char            *nyl_expiry_notice_dup_title   (const NylExpiryNotice *notice,
                                                gint64                 now);
G_GNUC_WARN_UNUSED_RESULT
char            *nyl_expiry_notice_dup_body    (const NylExpiryNotice *notice);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NylExpiryNotice, nyl_expiry_notice_free)

#define NYL_TYPE_EXPIRY_SCHEDULE (nyl_expiry_schedule_get_type ())

G_DECLARE_FINAL_TYPE (NylExpirySchedule, nyl_expiry_schedule, NYL, EXPIRY_SCHEDULE, GObject)

/* $XDG_STATE_HOME/nylas-manager/notified.json, read at construction. */
NylExpirySchedule *nyl_expiry_schedule_new              (void) G_GNUC_WARN_UNUSED_RESULT;
G_GNUC_WARN_UNUSED_RESULT
NylExpirySchedule *nyl_expiry_schedule_new_for_path     (const char          *path);
const char        *nyl_expiry_schedule_get_path         (NylExpirySchedule   *self);
gboolean           nyl_expiry_schedule_load             (NylExpirySchedule   *self,
                                                         GError             **error);

/* The notices due for @keys (NylApiKey) of one profile at @now, most urgent first. Nothing is
 * recorded. */
G_GNUC_WARN_UNUSED_RESULT
GPtrArray         *nyl_expiry_schedule_get_due          (NylExpirySchedule   *self,
                                                         const char          *profile_id,
                                                         const char          *profile_name,
                                                         GListModel          *keys,
                                                         gint64               now);
/* Records that @notice was sent (and every earlier milestone of its key with it), and saves. */
gboolean           nyl_expiry_schedule_mark_sent        (NylExpirySchedule   *self,
                                                         const NylExpiryNotice *notice,
                                                         GError             **error);
/* get_due, then mark_sent for each and drops what is recorded of keys no longer in @keys (revoked
 * or deleted), saving once. On a save error the notices are still returned (the caller shows
 * them) and @error is set. */
G_GNUC_WARN_UNUSED_RESULT
GPtrArray         *nyl_expiry_schedule_take_due         (NylExpirySchedule   *self,
                                                         const char          *profile_id,
                                                         const char          *profile_name,
                                                         GListModel          *keys,
                                                         gint64               now,
                                                         GError             **error);
/* Drops everything recorded for @profile_id (it was removed) and saves. */
gboolean           nyl_expiry_schedule_forget_profile   (NylExpirySchedule   *self,
                                                         const char          *profile_id,
                                                         GError             **error);

G_END_DECLS
