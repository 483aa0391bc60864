import { organisations } from "./organisations";
import { sql } from "drizzle-orm";
import { boolean, date, foreignKey, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { people } from "./people";
import { targets } from "./targets";

/** A 1:1 with one person: scheduled, then held (or cancelled). */
export const oneOnOnes = pgTable(
  "one_on_ones",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    /**
     * Who holds it with the person: their manager when it was scheduled, or a
     * skip-level. The holder keeps reading the 1:1s they held after a line change.
     */
    managerPersonId: uuid("manager_person_id").notNull(),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }).notNull(),
    status: text("status", { enum: ["scheduled", "held", "cancelled"] })
      .notNull()
      .default("scheduled"),
    heldAt: timestamp("held_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("one_on_ones_org_id_id_key").on(t.orgId, t.id),
    foreignKey({ name: "one_on_ones_person_same_org_fk", columns: [t.orgId, t.personId], foreignColumns: [people.orgId, people.id] }),
    foreignKey({
      name: "one_on_ones_manager_same_org_fk",
      columns: [t.orgId, t.managerPersonId],
      foreignColumns: [people.orgId, people.id],
    }).onDelete("cascade"),
    index("one_on_ones_org_manager_scheduled_idx").on(t.orgId, t.managerPersonId, t.scheduledAt),
    index("one_on_ones_org_person_scheduled_idx").on(t.orgId, t.personId, t.scheduledAt),
    index("one_on_ones_org_scheduled_idx").on(t.orgId, t.scheduledAt),
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
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
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
    /**
     * Who added it: the manager or the report (either side adds points). Null
     * on points added before the agenda was shared: those were the manager's
     * (the read model shows them as the holder's).
     */
    authorPersonId: uuid("author_person_id"),
    discussedInId: uuid("discussed_in_id").references(() => oneOnOnes.id, { onDelete: "set null" }),
    discussedAt: timestamp("discussed_at", { withTimezone: true }),
    /** How many held 1:1s it has been open through. */
    carriedOver: integer("carried_over").notNull().default(0),
    /** Grows with each save; an edit names the version it started from (see services/kernel/versioned.ts). */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("talking_points_org_id_id_key").on(t.orgId, t.id),
    foreignKey({
      name: "talking_points_person_same_org_fk",
      columns: [t.orgId, t.personId],
      foreignColumns: [people.orgId, people.id],
    }),
    foreignKey({
      name: "talking_points_meeting_same_org_fk",
      columns: [t.orgId, t.discussedInId],
      foreignColumns: [oneOnOnes.orgId, oneOnOnes.id],
    }),
    foreignKey({
      name: "talking_points_author_same_org_fk",
      columns: [t.orgId, t.authorPersonId],
      foreignColumns: [people.orgId, people.id],
    }).onDelete("cascade"),
    index("talking_points_org_author_idx").on(t.orgId, t.authorPersonId),
    index("talking_points_org_person_idx").on(t.orgId, t.personId, t.createdAt),
    index("talking_points_person_idx").on(t.personId),
    index("talking_points_discussed_in_idx").on(t.discussedInId),
    // The search (home/search.read.ts) matches with ILIKE; a pg_trgm index answers it without reading the whole organisation.
    index("talking_points_body_trgm_idx").using("gin", t.body.op("gin_trgm_ops")),
  ],
);

/** A leadership growth goal: the coaching thread across 1:1s. */
export const growthGoals = pgTable(
  "growth_goals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
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
    unique("growth_goals_org_id_id_key").on(t.orgId, t.id),
    foreignKey({
      name: "growth_goals_person_same_org_fk",
      columns: [t.orgId, t.personId],
      foreignColumns: [people.orgId, people.id],
    }),
    index("growth_goals_org_person_idx").on(t.orgId, t.personId),
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
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
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
    /** Readable by its author alone: no role, admin included, ever reads another author's private note. */
    private: boolean("private").notNull().default(false),
    /** Who wrote it: the manager or the report (either side may write one). */
    authorPersonId: uuid("author_person_id").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("coaching_notes_org_id_id_key").on(t.orgId, t.id),
    foreignKey({
      name: "coaching_notes_author_same_org_fk",
      columns: [t.orgId, t.authorPersonId],
      foreignColumns: [people.orgId, people.id],
    }).onDelete("cascade"),
    index("coaching_notes_org_author_idx").on(t.orgId, t.authorPersonId),
    // The searches (palette and 1:1 notes) match each of these with ILIKE: one pg_trgm index each, combined by a BitmapOr.
    index("coaching_notes_body_trgm_idx").using("gin", t.body.op("gin_trgm_ops")),
    index("coaching_notes_situation_trgm_idx").using("gin", t.situation.op("gin_trgm_ops")),
    index("coaching_notes_behaviour_trgm_idx").using("gin", t.behaviour.op("gin_trgm_ops")),
    index("coaching_notes_impact_trgm_idx").using("gin", t.impact.op("gin_trgm_ops")),
    foreignKey({
      name: "coaching_notes_person_same_org_fk",
      columns: [t.orgId, t.personId],
      foreignColumns: [people.orgId, people.id],
    }),
    foreignKey({
      name: "coaching_notes_meeting_same_org_fk",
      columns: [t.orgId, t.oneOnOneId],
      foreignColumns: [oneOnOnes.orgId, oneOnOnes.id],
    }),
    foreignKey({
      name: "coaching_notes_goal_same_org_fk",
      columns: [t.orgId, t.goalId],
      foreignColumns: [growthGoals.orgId, growthGoals.id],
    }),
    index("coaching_notes_org_person_idx").on(t.orgId, t.personId, t.createdAt),
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
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    oneOnOneId: uuid("one_on_one_id").references(() => oneOnOnes.id, { onDelete: "set null" }),
    assignee: text("assignee", { enum: ["me", "them"] }).notNull(),
    title: text("title").notNull(),
    dueDate: date("due_date"),
    /** The target the action moves forward, if any (one the person setting it sees); a deleted target leaves it unlinked. */
    targetId: uuid("target_id").references(() => targets.id, { onDelete: "set null" }),
    doneAt: timestamp("done_at", { withTimezone: true }),
    /** How many held 1:1s (after the one it was made in) it has stayed open through. */
    carriedOver: integer("carried_over").notNull().default(0),
    /** Grows with each save; an edit names the version it started from (see services/kernel/versioned.ts). */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("action_items_org_id_id_key").on(t.orgId, t.id),
    foreignKey({
      name: "action_items_person_same_org_fk",
      columns: [t.orgId, t.personId],
      foreignColumns: [people.orgId, people.id],
    }),
    foreignKey({
      name: "action_items_meeting_same_org_fk",
      columns: [t.orgId, t.oneOnOneId],
      foreignColumns: [oneOnOnes.orgId, oneOnOnes.id],
    }),
    index("action_items_org_person_idx").on(t.orgId, t.personId),
    index("action_items_org_open_idx")
      .on(t.orgId, t.dueDate)
      .where(sql`${t.doneAt} is null`),
    foreignKey({
      name: "action_items_target_same_org_fk",
      columns: [t.orgId, t.targetId],
      foreignColumns: [targets.orgId, targets.id],
    }),
    index("action_items_person_idx").on(t.personId),
    // The search (home/search.read.ts) matches with ILIKE; a pg_trgm index answers it without reading the whole organisation.
    index("action_items_title_trgm_idx").using("gin", t.title.op("gin_trgm_ops")),
    index("action_items_meeting_idx").on(t.oneOnOneId),
    index("action_items_target_idx").on(t.targetId),
  ],
);
