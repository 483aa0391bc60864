import { organisations } from "./organisations";
import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { people } from "./people";
import { targets } from "./targets";

/** A delegation spectrum of the account; exactly one is active. */
export const spectrums = pgTable(
  "spectrums",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["m30", "situational", "custom"] }).notNull(),
    active: boolean("active").notNull().default(false),
    /** Grows with each save; an edit names the version it started from (see services/kernel/versioned.ts). */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("spectrums_org_id_id_key").on(t.orgId, t.id),
    uniqueIndex("spectrums_one_active_key")
      .on(t.orgId)
      .where(sql`${t.active}`),
  ],
);

/** The ordered levels of a spectrum, each with its autonomy from 0 to 1. */
export const spectrumLevels = pgTable(
  "spectrum_levels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    spectrumId: uuid("spectrum_id")
      .notNull()
      .references(() => spectrums.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    label: text("label").notNull(),
    meaning: text("meaning").notNull().default(""),
    autonomy: doublePrecision("autonomy").notNull(),
  },
  (t) => [
    unique("spectrum_levels_org_id_id_key").on(t.orgId, t.id),
    foreignKey({
      name: "spectrum_levels_spectrum_same_org_fk",
      columns: [t.orgId, t.spectrumId],
      foreignColumns: [spectrums.orgId, spectrums.id],
    }),
    index("spectrum_levels_spectrum_idx").on(t.spectrumId),
  ],
);

/** A piece of work or decision area delegated to one person, at a level of the active spectrum. */
export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    /** Who holds the level (the delegator); `personId` is the delegatee. */
    delegatorPersonId: uuid("delegator_person_id").notNull(),
    /** Whether the delegatee sees the competency and criticality ratings. */
    ratingsShared: boolean("ratings_shared").notNull().default(false),
    targetId: uuid("target_id").references(() => targets.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    description: text("description"),
    competency: integer("competency").notNull(),
    criticality: integer("criticality").notNull(),
    levelId: uuid("level_id")
      .notNull()
      .references(() => spectrumLevels.id),
    reviewDate: date("review_date"),
    status: text("status", { enum: ["open", "done"] })
      .notNull()
      .default("open"),
    /** Grows with each save; an edit names the version it started from (see services/kernel/versioned.ts). */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("tasks_org_id_id_key").on(t.orgId, t.id),
    foreignKey({
      name: "tasks_delegator_same_org_fk",
      columns: [t.orgId, t.delegatorPersonId],
      foreignColumns: [people.orgId, people.id],
    }).onDelete("cascade"),
    index("tasks_org_delegator_idx").on(t.orgId, t.delegatorPersonId),
    foreignKey({ name: "tasks_person_same_org_fk", columns: [t.orgId, t.personId], foreignColumns: [people.orgId, people.id] }),
    foreignKey({ name: "tasks_target_same_org_fk", columns: [t.orgId, t.targetId], foreignColumns: [targets.orgId, targets.id] }),
    foreignKey({
      name: "tasks_level_same_org_fk",
      columns: [t.orgId, t.levelId],
      foreignColumns: [spectrumLevels.orgId, spectrumLevels.id],
    }),
    index("tasks_org_person_idx").on(t.orgId, t.personId),
    index("tasks_person_idx").on(t.personId),
    index("tasks_level_idx").on(t.levelId),
    index("tasks_target_idx").on(t.targetId),
  ],
);

/**
 * Every change of a task's level, with when and why. Labels and autonomies
 * are copied, so the history reads the same after a spectrum is switched.
 */
export const levelChanges = pgTable(
  "level_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    fromLabel: text("from_label"),
    fromAutonomy: doublePrecision("from_autonomy"),
    toLabel: text("to_label").notNull(),
    toAutonomy: doublePrecision("to_autonomy").notNull(),
    reason: text("reason"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: "level_changes_task_same_org_fk", columns: [t.orgId, t.taskId], foreignColumns: [tasks.orgId, tasks.id] }),
    index("level_changes_task_at_idx").on(t.taskId, t.at),
    index("level_changes_org_at_idx").on(t.orgId, t.at),
  ],
);

/**
 * A level the delegatee proposes for one of their tasks, with why; the
 * delegator accepts it (the task's level changes, "agreed" in its history) or
 * declines it with a reason the delegatee reads. One open proposal per task.
 * Levels are named by id and copied (label, autonomy) as in `level_changes`, so
 * a proposal reads the same after a spectrum is edited or switched; the ids
 * carry no foreign key, so removing a level never trips on an old proposal.
 */
export const levelProposals = pgTable(
  "level_proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    taskId: uuid("task_id").notNull(),
    /** The delegatee who proposed it. */
    proposerPersonId: uuid("proposer_person_id").notNull(),
    /** The level the task held when it was proposed: accepting a proposal on a task whose level moved since is refused. */
    fromLevelId: uuid("from_level_id").notNull(),
    fromLabel: text("from_label").notNull(),
    toLevelId: uuid("to_level_id").notNull(),
    toLabel: text("to_label").notNull(),
    toAutonomy: doublePrecision("to_autonomy").notNull(),
    reason: text("reason").notNull(),
    status: text("status", { enum: ["open", "accepted", "declined", "withdrawn"] })
      .notNull()
      .default("open"),
    /** The delegator's answer (required when declining). */
    decisionReason: text("decision_reason"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("level_proposals_org_id_id_key").on(t.orgId, t.id),
    foreignKey({
      name: "level_proposals_task_same_org_fk",
      columns: [t.orgId, t.taskId],
      foreignColumns: [tasks.orgId, tasks.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "level_proposals_proposer_same_org_fk",
      columns: [t.orgId, t.proposerPersonId],
      foreignColumns: [people.orgId, people.id],
    }).onDelete("cascade"),
    uniqueIndex("level_proposals_one_open_key")
      .on(t.orgId, t.taskId)
      .where(sql`${t.status} = 'open'`),
    index("level_proposals_task_idx").on(t.orgId, t.taskId, t.createdAt),
  ],
);

/**
 * A round of delegation poker: the delegator and one delegatee each pick a
 * level for one or more of the delegatee's tasks without seeing the other's
 * pick; both are revealed together and the delegator records the agreed
 * level. The round is over when the delegator ends it or every task in it is
 * agreed or ended (see lib/delegation/poker.ts).
 */
export const pokerRounds = pgTable(
  "poker_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    delegatorPersonId: uuid("delegator_person_id").notNull(),
    delegateePersonId: uuid("delegatee_person_id").notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("poker_rounds_org_id_id_key").on(t.orgId, t.id),
    foreignKey({
      name: "poker_rounds_delegator_same_org_fk",
      columns: [t.orgId, t.delegatorPersonId],
      foreignColumns: [people.orgId, people.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "poker_rounds_delegatee_same_org_fk",
      columns: [t.orgId, t.delegateePersonId],
      foreignColumns: [people.orgId, people.id],
    }).onDelete("cascade"),
    index("poker_rounds_delegator_idx").on(t.orgId, t.delegatorPersonId),
    index("poker_rounds_delegatee_idx").on(t.orgId, t.delegateePersonId),
  ],
);

/**
 * One task in a poker round, with each side's pick (level id and copied label)
 * and, once agreed, the level recorded. A task deleted mid-round takes its
 * part of the round with it (cascade); a task closed mid-round ends its part.
 */
export const pokerItems = pgTable(
  "poker_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    roundId: uuid("round_id").notNull(),
    taskId: uuid("task_id").notNull(),
    /** The level the task held when the round started. */
    startLabel: text("start_label").notNull(),
    delegatorLevelId: uuid("delegator_level_id"),
    delegatorLabel: text("delegator_label"),
    delegatorPickedAt: timestamp("delegator_picked_at", { withTimezone: true }),
    delegateeLevelId: uuid("delegatee_level_id"),
    delegateeLabel: text("delegatee_label"),
    delegateePickedAt: timestamp("delegatee_picked_at", { withTimezone: true }),
    agreedLabel: text("agreed_label"),
    agreedAt: timestamp("agreed_at", { withTimezone: true }),
    /** Ended without an agreed level: the task was closed, or the delegator ended the round. */
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedReason: text("ended_reason"),
  },
  (t) => [
    unique("poker_items_org_id_id_key").on(t.orgId, t.id),
    foreignKey({
      name: "poker_items_round_same_org_fk",
      columns: [t.orgId, t.roundId],
      foreignColumns: [pokerRounds.orgId, pokerRounds.id],
    }).onDelete("cascade"),
    foreignKey({ name: "poker_items_task_same_org_fk", columns: [t.orgId, t.taskId], foreignColumns: [tasks.orgId, tasks.id] }).onDelete(
      "cascade",
    ),
    unique("poker_items_round_task_key").on(t.orgId, t.roundId, t.taskId),
    // A task is in one unfinished round at most (two rounds started at once: the second is refused).
    uniqueIndex("poker_items_one_unfinished_key")
      .on(t.orgId, t.taskId)
      .where(sql`${t.agreedAt} is null and ${t.endedAt} is null`),
    index("poker_items_task_idx").on(t.orgId, t.taskId),
  ],
);

/**
 * The autonomy trend kept by month (lib/delegation/autonomy-months.ts), so the
 * overview reads months × people rows instead of replaying every level
 * change. One row per delegatee, delegator and UTC calendar month with a level
 * change of their tasks: `changes` of them, `autonomySum` the sum over those
 * changes of (new autonomy − the task's previous one, or the new one for its
 * first), `tasks` the tasks whose first change it was. Summed over the months
 * up to one, they give that month's end: the sum and count of each task's
 * latest autonomy. Derived from level_changes and tasks, rewritten by
 * refreshAutonomyMonths (services/delegation/autonomy-months.write.ts) in the
 * transaction of every write to either; never exported (recomputed on import).
 */
export const autonomyMonths = pgTable(
  "autonomy_months",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    personId: uuid("person_id").notNull(),
    delegatorPersonId: uuid("delegator_person_id").notNull(),
    /** The first day of the (UTC) month. */
    month: date("month").notNull(),
    changes: integer("changes").notNull(),
    tasks: integer("tasks").notNull(),
    autonomySum: doublePrecision("autonomy_sum").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.personId, t.delegatorPersonId, t.month] }),
    // A person's tasks go with them (tasks cascade), and so do their months, on either side.
    foreignKey({
      name: "autonomy_months_person_fk",
      columns: [t.orgId, t.personId],
      foreignColumns: [people.orgId, people.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "autonomy_months_delegator_fk",
      columns: [t.orgId, t.delegatorPersonId],
      foreignColumns: [people.orgId, people.id],
    }).onDelete("cascade"),
    index("autonomy_months_delegator_idx").on(t.orgId, t.delegatorPersonId, t.personId, t.month),
  ],
);
