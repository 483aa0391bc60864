import { organisations } from "./organisations";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  date,
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

/**
 * A person of an organisation's chart. `managerId` null only for the top of
 * the chart (the person who signed up); everyone else reports to someone.
 * A person may or may not have an account (members.ts).
 */
export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    email: text("email"),
    title: text("title"),
    track: text("track", { enum: ["manager", "ic"] }).notNull(),
    level: text("level").notNull(),
    managerId: uuid("manager_id").references((): AnyPgColumn => people.id, { onDelete: "set null" }),
    leads: text("leads"),
    cadence: text("cadence", { enum: ["weekly", "fortnightly", "monthly", "days", "none"] })
      .notNull()
      .default("fortnightly"),
    cadenceDays: integer("cadence_days"),
    startDate: date("start_date"),
    /** Grows with each save; an edit names the version it started from (see services/kernel/versioned.ts). */
    version: integer("version").notNull().default(1),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Lets other tables point at (owner, person), so a row can never name another owner's person.
    unique("people_org_id_id_key").on(t.orgId, t.id),
    foreignKey({
      name: "people_manager_same_org_fk",
      columns: [t.orgId, t.managerId],
      foreignColumns: [t.orgId, t.id],
    }),
    uniqueIndex("people_org_email_key")
      .on(t.orgId, t.email)
      .where(sql`${t.email} is not null`),
    index("people_org_manager_idx").on(t.orgId, t.managerId),
    index("people_org_name_idx").on(t.orgId, t.name),
    index("people_manager_idx").on(t.managerId),
    // The search (home/search.read.ts) matches with ILIKE; a pg_trgm index answers it without reading the whole organisation.
    index("people_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops")),
  ],
);

/** An area of the org that an EM and a senior IC oversee together (the pair). */
export const areas = pgTable(
  "areas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    emPersonId: uuid("em_person_id").references(() => people.id, { onDelete: "set null" }),
    icPersonId: uuid("ic_person_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("areas_org_id_id_key").on(t.orgId, t.id),
    uniqueIndex("areas_org_name_key").on(t.orgId, sql`lower(${t.name})`),
    foreignKey({ name: "areas_em_same_org_fk", columns: [t.orgId, t.emPersonId], foreignColumns: [people.orgId, people.id] }),
    foreignKey({ name: "areas_ic_same_org_fk", columns: [t.orgId, t.icPersonId], foreignColumns: [people.orgId, people.id] }),
    index("areas_em_person_idx").on(t.emPersonId),
    index("areas_ic_person_idx").on(t.icPersonId),
    // The search (home/search.read.ts) matches with ILIKE; a pg_trgm index answers it without reading the whole organisation.
    index("areas_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops")),
  ],
);

/**
 * The chart's closure table: one row per (ancestor, descendant) pair, depth 1
 * for a direct report, 0 for the person themself. "Is X in my subtree" and
 * "everyone under me" are index lookups, never a recursive walk per row.
 * Rewritten under the organisation's lock whenever a reporting line changes
 * (services/people/chart.write.ts).
 */
export const personAncestors = pgTable(
  "person_ancestors",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    ancestorId: uuid("ancestor_id").notNull(),
    descendantId: uuid("descendant_id").notNull(),
    depth: integer("depth").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.ancestorId, t.descendantId] }),
    foreignKey({
      name: "person_ancestors_ancestor_fk",
      columns: [t.orgId, t.ancestorId],
      foreignColumns: [people.orgId, people.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "person_ancestors_descendant_fk",
      columns: [t.orgId, t.descendantId],
      foreignColumns: [people.orgId, people.id],
    }).onDelete("cascade"),
    index("person_ancestors_descendant_idx").on(t.orgId, t.descendantId, t.depth),
    // Level by level under a person: the org chart's opening levels, read up to a budget.
    index("person_ancestors_ancestor_depth_idx").on(t.orgId, t.ancestorId, t.depth),
  ],
);

/**
 * Each person's active direct and total reports, derived from the closure
 * table and kept with it (services/people/chart.write.ts), so the org chart,
 * the people list and a person's page read a count per person shown instead
 * of counting a subtree. Only people with reports have a row.
 */
export const chartCounts = pgTable(
  "chart_counts",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    personId: uuid("person_id").notNull(),
    directReports: integer("direct_reports").notNull(),
    totalReports: integer("total_reports").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.personId] }),
    foreignKey({
      name: "chart_counts_person_fk",
      columns: [t.orgId, t.personId],
      foreignColumns: [people.orgId, people.id],
    }).onDelete("cascade"),
  ],
);

/**
 * A manager's own notes about a person (the person page): readable and
 * written by their author alone, so a new manager starts with a blank page and
 * the old one's notes stay theirs.
 */
export const personNotes = pgTable(
  "person_notes",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    personId: uuid("person_id").notNull(),
    authorPersonId: uuid("author_person_id").notNull(),
    body: text("body").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.personId, t.authorPersonId] }),
    foreignKey({ name: "person_notes_person_fk", columns: [t.orgId, t.personId], foreignColumns: [people.orgId, people.id] }).onDelete(
      "cascade",
    ),
    foreignKey({
      name: "person_notes_author_fk",
      columns: [t.orgId, t.authorPersonId],
      foreignColumns: [people.orgId, people.id],
    }).onDelete("cascade"),
    index("person_notes_author_idx").on(t.orgId, t.authorPersonId),
  ],
);
