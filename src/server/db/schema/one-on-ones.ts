import { sql } from "drizzle-orm";
import { boolean, date, foreignKey, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { people } from "./people";
import { users } from "./users";

/** A 1:1 with one person: scheduled, then held (or cancelled). */
export const oneOnOnes = pgTable(
  "one_on_ones",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }).notNull(),
    status: text("status", { enum: ["scheduled", "held", "cancelled"] })
      .notNull()
      .default("scheduled"),
    heldAt: timestamp("held_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("one_on_ones_owner_id_id_key").on(t.ownerId, t.id),
    foreignKey({ name: "one_on_ones_person_same_owner_fk", columns: [t.ownerId, t.personId], foreignColumns: [people.ownerId, people.id] }),
    index("one_on_ones_owner_person_scheduled_idx").on(t.ownerId, t.personId, t.scheduledAt),
    index("one_on_ones_owner_scheduled_idx").on(t.ownerId, t.scheduledAt),
    index("one_on_ones_person_idx").on(t.personId),
  ],
);

/**
 * Something to talk about with a person. It belongs to the person, not to one
 * meeting: while `discussedInId` is null it is on the agenda of every 1:1 to
 * come. Holding a 1:1 counts it as carried over (`carriedOver`).
 */
export const talkingPoints = pgTable(
  "talking_points",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    topic: text("topic", { enum: ["targets", "delegation", "growth", "feedback", "team", "wellbeing", "other"] })
      .notNull()
      .default("other"),
    body: text("body").notNull(),
    raisedBy: text("raised_by", { enum: ["me", "them"] })
      .notNull()
      .default("me"),
    discussedInId: uuid("discussed_in_id").references(() => oneOnOnes.id, { onDelete: "set null" }),
    discussedAt: timestamp("discussed_at", { withTimezone: true }),
    /** How many held 1:1s it has been open through. */
    carriedOver: integer("carried_over").notNull().default(0),
    /** Grows with each save; an edit names the version it started from (see services/kernel/versioned.ts). */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("talking_points_owner_id_id_key").on(t.ownerId, t.id),
    foreignKey({
      name: "talking_points_person_same_owner_fk",
      columns: [t.ownerId, t.personId],
      foreignColumns: [people.ownerId, people.id],
    }),
    foreignKey({
      name: "talking_points_meeting_same_owner_fk",
      columns: [t.ownerId, t.discussedInId],
      foreignColumns: [oneOnOnes.ownerId, oneOnOnes.id],
    }),
    index("talking_points_owner_person_idx").on(t.ownerId, t.personId, t.createdAt),
    index("talking_points_person_idx").on(t.personId),
    index("talking_points_discussed_in_idx").on(t.discussedInId),
  ],
);

/** A leadership growth goal: the coaching thread across 1:1s. */
export const growthGoals = pgTable(
  "growth_goals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description"),
    status: text("status", { enum: ["active", "achieved", "paused"] })
      .notNull()
      .default("active"),
    /** Grows with each save; an edit names the version it started from (see services/kernel/versioned.ts). */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("growth_goals_owner_id_id_key").on(t.ownerId, t.id),
    foreignKey({
      name: "growth_goals_person_same_owner_fk",
      columns: [t.ownerId, t.personId],
      foreignColumns: [people.ownerId, people.id],
    }),
    index("growth_goals_owner_person_idx").on(t.ownerId, t.personId),
    index("growth_goals_person_idx").on(t.personId),
  ],
);

/**
 * A note written in (or after) a 1:1: coaching, feedback given or an
 * observation. `version` grows with each save; an update names the version it
 * was edited from, so a stale tab cannot overwrite a newer text.
 */
export const coachingNotes = pgTable(
  "coaching_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    oneOnOneId: uuid("one_on_one_id").references(() => oneOnOnes.id, { onDelete: "set null" }),
    goalId: uuid("goal_id").references(() => growthGoals.id, { onDelete: "set null" }),
    kind: text("kind", { enum: ["coaching", "praise", "constructive", "observation"] }).notNull(),
    /** Situation, behaviour, impact: the optional shape of feedback. */
    situation: text("situation"),
    behaviour: text("behaviour"),
    impact: text("impact"),
    body: text("body").notNull().default(""),
    private: boolean("private").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("coaching_notes_owner_id_id_key").on(t.ownerId, t.id),
    foreignKey({
      name: "coaching_notes_person_same_owner_fk",
      columns: [t.ownerId, t.personId],
      foreignColumns: [people.ownerId, people.id],
    }),
    foreignKey({
      name: "coaching_notes_meeting_same_owner_fk",
      columns: [t.ownerId, t.oneOnOneId],
      foreignColumns: [oneOnOnes.ownerId, oneOnOnes.id],
    }),
    foreignKey({
      name: "coaching_notes_goal_same_owner_fk",
      columns: [t.ownerId, t.goalId],
      foreignColumns: [growthGoals.ownerId, growthGoals.id],
    }),
    index("coaching_notes_owner_person_idx").on(t.ownerId, t.personId, t.createdAt),
    index("coaching_notes_person_idx").on(t.personId),
    index("coaching_notes_meeting_idx").on(t.oneOnOneId),
    index("coaching_notes_goal_idx").on(t.goalId),
  ],
);

/** Something promised in a 1:1, by me or by them; open until done, shown on every 1:1 until then. */
export const actionItems = pgTable(
  "action_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    oneOnOneId: uuid("one_on_one_id").references(() => oneOnOnes.id, { onDelete: "set null" }),
    assignee: text("assignee", { enum: ["me", "them"] }).notNull(),
    title: text("title").notNull(),
    dueDate: date("due_date"),
    doneAt: timestamp("done_at", { withTimezone: true }),
    /** How many held 1:1s (after the one it was made in) it has stayed open through. */
    carriedOver: integer("carried_over").notNull().default(0),
    /** Grows with each save; an edit names the version it started from (see services/kernel/versioned.ts). */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("action_items_owner_id_id_key").on(t.ownerId, t.id),
    foreignKey({
      name: "action_items_person_same_owner_fk",
      columns: [t.ownerId, t.personId],
      foreignColumns: [people.ownerId, people.id],
    }),
    foreignKey({
      name: "action_items_meeting_same_owner_fk",
      columns: [t.ownerId, t.oneOnOneId],
      foreignColumns: [oneOnOnes.ownerId, oneOnOnes.id],
    }),
    index("action_items_owner_person_idx").on(t.ownerId, t.personId),
    index("action_items_owner_open_idx")
      .on(t.ownerId, t.dueDate)
      .where(sql`${t.doneAt} is null`),
    index("action_items_person_idx").on(t.personId),
    index("action_items_meeting_idx").on(t.oneOnOneId),
  ],
);
