import { boolean, date, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { users } from "./users";
import { MEETING_EFFECTS } from "../../../lib/calendar-audit/effects";

/**
 * A meeting of one week, imported from the user's calendar export (.ics): one
 * row per event or occurrence of a repeating event, keyed by the event's UID
 * and the occurrence's start. An import replaces the week's rows; the user's
 * activity tag and effect survive a re-import of the same occurrence.
 */
export const calendarMeetings = pgTable(
  "calendar_meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** Personal: like the energy log, a user's calendar is theirs alone, inside the organisation. */
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    weekStart: date("week_start").notNull(),
    uid: text("uid").notNull(),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    recurring: boolean("recurring").notNull().default(false),
    allDay: boolean("all_day").notNull().default(false),
    /** An activity tag of the energy log ("1:1s", "hiring"…): suggested for the energy entry of the meeting's slot. */
    activity: text("activity"),
    effect: text("effect", { enum: MEETING_EFFECTS }),
    /** Grows with each save; an edit names the version it started from (see services/kernel/versioned.ts). */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // The unique key also serves the reads, which are by user and week.
  (t) => [
    unique("calendar_meetings_occurrence_key").on(t.orgId, t.userId, t.weekStart, t.uid, t.startsAt),
    index("calendar_meetings_user_idx").on(t.userId),
  ],
);
