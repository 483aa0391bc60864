import { sql } from "drizzle-orm";
import { organisations } from "./organisations";
import type { SloSpec } from "@/lib/slo/spec";
import {
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { areas, people } from "./people";
import { users } from "./users";

/** What a pair is to achieve: the manager keeps control of this, the owners choose how. */
export const targets = pgTable(
  "targets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** The manager who set it: decides its definition, owners and lifecycle. */
    controllerPersonId: uuid("controller_person_id").notNull(),
    /** Shared with the whole organisation (otherwise: controller, owners and the line above them). */
    sharedWithOrg: boolean("shared_with_org").notNull().default(false),
    title: text("title").notNull(),
    description: text("description"),
    kind: text("kind", { enum: ["feature", "reliability", "speed", "other"] }).notNull(),
    status: text("status", { enum: ["draft", "active", "achieved", "missed", "dropped"] })
      .notNull()
      .default("active"),
    areaId: uuid("area_id").references(() => areas.id, { onDelete: "set null" }),
    /**
     * The target this one contributes to (a sub-target, set by an owner or the
     * controller of the parent for people further down). Same organisation;
     * no cycles and at most MAX_TARGET_DEPTH levels (services/targets/tree.write.ts).
     * A parent with sub-targets is not deleted (the foreign key refuses it, the service says so first).
     */
    parentId: uuid("parent_id"),
    startDate: date("start_date").notNull(),
    dueDate: date("due_date").notNull(),
    /** Grows with each save; an edit names the version it started from (see services/kernel/versioned.ts). */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * The stored health (services/targets/health.stored.ts): its rank in
     * HEALTH_ORDER (NO_HEALTH for none), judged by the pure rule, and true for
     * every moment before `healthValidUntil` in every time zone. Null while the
     * target's due day ends somewhere in the world (judged live then). A
     * trigger (migration 0026) sets the rank to null and the moment to
     * -infinity on any write to the target's timeline, metrics or check-ins,
     * so a stale stored rank cannot be read; the writers and a sweep re-judge.
     */
    healthRank: smallint("health_rank"),
    healthValidUntil: timestamp("health_valid_until", { withTimezone: true, mode: "string" })
      .notNull()
      .default(sql`'-infinity'`),
    /** The moment it was judged at: the stored rank holds from then (a clock read earlier, as a test's, judges live). */
    healthJudgedAt: timestamp("health_judged_at", { withTimezone: true, mode: "string" }),
    /** Grows with every invalidation: a re-judgement writes only if no write came between its read and its update. */
    healthVersion: integer("health_version").notNull().default(0),
  },
  (t) => [
    unique("targets_org_id_id_key").on(t.orgId, t.id),
    // The targets list's key (trouble first, then due date, title, id) on the stored rank, and the live-judged rows.
    index("targets_org_health_idx").on(t.orgId, t.healthRank, t.dueDate, t.title, t.id),
    index("targets_org_health_valid_idx").on(t.orgId, t.healthValidUntil),
    index("targets_org_health_judged_idx").on(t.orgId, t.healthJudgedAt),
    // The sweep's pick of expired ranks across organisations.
    index("targets_health_valid_idx").on(t.healthValidUntil),
    foreignKey({
      name: "targets_controller_same_org_fk",
      columns: [t.orgId, t.controllerPersonId],
      foreignColumns: [people.orgId, people.id],
    }).onDelete("cascade"),
    index("targets_org_controller_idx").on(t.orgId, t.controllerPersonId),
    foreignKey({ name: "targets_area_same_org_fk", columns: [t.orgId, t.areaId], foreignColumns: [areas.orgId, areas.id] }),
    index("targets_org_status_idx").on(t.orgId, t.status),
    index("targets_area_idx").on(t.areaId),
    foreignKey({ name: "targets_parent_same_org_fk", columns: [t.orgId, t.parentId], foreignColumns: [t.orgId, t.id] }),
    // A target's children, and the recursive walk down a tree, read this index.
    index("targets_org_parent_idx").on(t.orgId, t.parentId),
    // The search (home/search.read.ts) matches with ILIKE; a pg_trgm index answers it without reading the whole organisation.
    index("targets_title_trgm_idx").using("gin", t.title.op("gin_trgm_ops")),
  ],
);

/** The people who own a target together (usually an EM + staff engineer pair). */
export const targetOwners = pgTable(
  "target_owners",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    targetId: uuid("target_id")
      .notNull()
      .references(() => targets.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.targetId, t.personId] }),
    foreignKey({
      name: "target_owners_target_same_org_fk",
      columns: [t.orgId, t.targetId],
      foreignColumns: [targets.orgId, targets.id],
    }),
    foreignKey({
      name: "target_owners_person_same_org_fk",
      columns: [t.orgId, t.personId],
      foreignColumns: [people.orgId, people.id],
    }),
    index("target_owners_person_idx").on(t.personId),
  ],
);

/**
 * How a target is measured. Numbers move from a baseline toward a goal (or
 * stay within a band); a milestone is simply done or not.
 */
export const metrics = pgTable(
  "metrics",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    targetId: uuid("target_id")
      .notNull()
      .references(() => targets.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["number", "milestone"] })
      .notNull()
      .default("number"),
    unit: text("unit"),
    direction: text("direction", { enum: ["higher", "lower", "band"] }),
    baseline: doublePrecision("baseline"),
    goal: doublePrecision("goal"),
    bandLow: doublePrecision("band_low"),
    bandHigh: doublePrecision("band_high"),
    warning: doublePrecision("warning"),
    done: boolean("done").notNull().default(false),
    position: integer("position").notNull().default(0),
    /** Grows with each save; an edit names the version it started from (see services/kernel/versioned.ts). */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * The latest check-in's value and time (the one with the greatest `at`;
     * null without check-ins), kept by triggers on check_ins (migration
     * 0027_metric_latest) whichever writer adds, changes or deletes one, so a
     * list or a tree reads a metric's health and progress from its own row
     * (issue #20). Derived: never written by the services, not exported.
     */
    latestValue: doublePrecision("latest_value"),
    latestAt: timestamp("latest_at", { withTimezone: true }),
  },
  (t) => [
    unique("metrics_org_id_id_key").on(t.orgId, t.id),
    foreignKey({ name: "metrics_target_same_org_fk", columns: [t.orgId, t.targetId], foreignColumns: [targets.orgId, targets.id] }),
    index("metrics_target_idx").on(t.targetId),
  ],
);

/** A dated value of a metric, entered by hand or pushed through the API. */
export const checkIns = pgTable(
  "check_ins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    metricId: uuid("metric_id")
      .notNull()
      .references(() => metrics.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull(),
    value: doublePrecision("value").notNull(),
    note: text("note"),
    /** Where the value came from: entered (typed, pasted or pushed by the REST API) or pulled from Prometheus by a binding. */
    source: text("source", { enum: ["entered", "prometheus"] })
      .notNull()
      .default("entered"),
    /** Grows with each save; an edit names the version it started from (see services/kernel/versioned.ts). */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: "check_ins_metric_same_org_fk", columns: [t.orgId, t.metricId], foreignColumns: [metrics.orgId, metrics.id] }),
    // Every read of check-ins is "this metric's, by time": latest value, chart, list.
    index("check_ins_metric_at_idx").on(t.metricId, t.at),
  ],
);

/** Personal API tokens for pushing check-ins; only a SHA-256 of the token is kept. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** The account the token acts as, inside the organisation `orgId`. */
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    /** The first characters, to tell tokens apart in the list. */
    prefix: text("prefix").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Written at most once a minute (src/server/services/account/api-tokens.ts), not on every request. */
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** Null: never expires. Past it, the REST API answers 401. */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("api_tokens_hash_key").on(t.tokenHash),
    index("api_tokens_org_user_idx").on(t.orgId, t.userId),
    index("api_tokens_user_idx").on(t.userId),
  ],
);

/**
 * A short thread on a target: its controller and owners write, anyone who may
 * see the target reads (policy.ts). A comment is deleted by its author alone.
 */
export const targetComments = pgTable(
  "target_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    targetId: uuid("target_id")
      .notNull()
      .references(() => targets.id, { onDelete: "cascade" }),
    authorPersonId: uuid("author_person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("target_comments_org_id_id_key").on(t.orgId, t.id),
    foreignKey({
      name: "target_comments_target_same_org_fk",
      columns: [t.orgId, t.targetId],
      foreignColumns: [targets.orgId, targets.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "target_comments_author_same_org_fk",
      columns: [t.orgId, t.authorPersonId],
      foreignColumns: [people.orgId, people.id],
    }).onDelete("cascade"),
    // The thread is read "this target's, by time" (keyset on created_at, id).
    index("target_comments_target_created_idx").on(t.targetId, t.createdAt, t.id),
    index("target_comments_author_idx").on(t.authorPersonId),
  ],
);

/**
 * The owners' weekly status of a target, in a sentence or two: one per target
 * and ISO week (`weekStart`, its Monday); a second save in the same week edits
 * it (against its version).
 */
export const targetStatusUpdates = pgTable(
  "target_status_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    targetId: uuid("target_id")
      .notNull()
      .references(() => targets.id, { onDelete: "cascade" }),
    weekStart: date("week_start").notNull(),
    body: text("body").notNull(),
    /** Who saved it last. */
    authorPersonId: uuid("author_person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    /** Grows with each save; an edit names the version it started from (see services/kernel/versioned.ts). */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("target_status_updates_org_id_id_key").on(t.orgId, t.id),
    // One per target and week; also the index of "this target's, latest week first".
    unique("target_status_updates_week_key").on(t.orgId, t.targetId, t.weekStart),
    foreignKey({
      name: "target_status_updates_target_same_org_fk",
      columns: [t.orgId, t.targetId],
      foreignColumns: [targets.orgId, targets.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "target_status_updates_author_same_org_fk",
      columns: [t.orgId, t.authorPersonId],
      foreignColumns: [people.orgId, people.id],
    }).onDelete("cascade"),
    index("target_status_updates_target_idx").on(t.targetId),
    index("target_status_updates_author_idx").on(t.authorPersonId),
  ],
);

/**
 * The SLO a reliability target was imported from (OpenSLO v1, normalised by
 * src/lib/slo/parse.ts): what export writes back, and the queries its
 * metric is bound to once a Prometheus data source is set up. At most one
 * per target; deleted with it.
 */
export const targetSlos = pgTable(
  "target_slos",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    targetId: uuid("target_id")
      .primaryKey()
      .references(() => targets.id, { onDelete: "cascade" }),
    spec: jsonb("spec").$type<SloSpec>().notNull(),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: "target_slos_target_same_org_fk",
      columns: [t.orgId, t.targetId],
      foreignColumns: [targets.orgId, targets.id],
    }).onDelete("cascade"),
  ],
);
