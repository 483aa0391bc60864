import { organisations } from "./organisations";
import { boolean, date, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * One energy reading: a slot of one day (the user's own day, in their time
 * zone), a level from 1 (drained) to 10 (energised), and what they did.
 * One entry per day and slot: a second is an edit, not a duplicate.
 */
export const energyEntries = pgTable(
  "energy_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** Personal: the energy log and capacity plan belong to their user alone, inside the organisation. */
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    slot: text("slot", { enum: ["start", "middle", "end"] }).notNull(),
    level: integer("level").notNull(),
    tags: text("tags").array().notNull().default([]),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // The unique key also serves the reads, which are by user and a range of days.
  (t) => [
    unique("energy_entries_org_user_day_slot_key").on(t.orgId, t.userId, t.day, t.slot),
    index("energy_entries_user_idx").on(t.userId),
  ],
);

/** Per day: the hours that were productive (deep work, or meetings that felt effective). */
export const energyDays = pgTable(
  "energy_days",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** Personal: the energy log and capacity plan belong to their user alone, inside the organisation. */
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    productiveHours: doublePrecision("productive_hours").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId, t.day] }), index("energy_days_user_idx").on(t.userId)],
);

/** The user's answers to the weekly review's questions, per week (weeks start on Monday). */
export const weeklyReviews = pgTable(
  "weekly_reviews",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** Personal: the energy log and capacity plan belong to their user alone, inside the organisation. */
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    weekStart: date("week_start").notNull(),
    drains: text("drains"),
    restores: text("restores"),
    change: text("change"),
    /** Grows with each save; an edit names the version it started from (see services/kernel/versioned.ts). */
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId, t.weekStart] }), index("weekly_reviews_user_idx").on(t.userId)],
);

/** A week's capacity: effective hours available, the daily deep-work cap and the buffer kept free. */
export const capacityWeeks = pgTable(
  "capacity_weeks",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** Personal: the energy log and capacity plan belong to their user alone, inside the organisation. */
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    weekStart: date("week_start").notNull(),
    availableHours: doublePrecision("available_hours").notNull(),
    deepWorkCapPerDay: doublePrecision("deep_work_cap_per_day").notNull(),
    bufferPercent: integer("buffer_percent").notNull(),
    oneOnOneMinutes: integer("one_on_one_minutes").notNull(),
    /** Grows with each save; an edit names the version it started from (see services/kernel/versioned.ts). */
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId, t.weekStart] }), index("capacity_weeks_user_idx").on(t.userId)],
);

/**
 * Work allocated in a week with its estimate. A recurring item counts in
 * every week from `weekStart` to `lastWeek` (open-ended while null).
 */
export const capacityItems = pgTable(
  "capacity_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** Personal: the energy log and capacity plan belong to their user alone, inside the organisation. */
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    hours: doublePrecision("hours").notNull(),
    deepWork: boolean("deep_work").notNull().default(false),
    recurring: boolean("recurring").notNull().default(false),
    weekStart: date("week_start").notNull(),
    lastWeek: date("last_week"),
    /** Grows with each save; an edit names the version it started from (see services/kernel/versioned.ts). */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("capacity_items_org_id_id_key").on(t.orgId, t.id),
    index("capacity_items_org_user_week_idx").on(t.orgId, t.userId, t.weekStart),
    index("capacity_items_user_idx").on(t.userId),
  ],
);
