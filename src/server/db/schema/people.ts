import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * A person in the account owner's organisation: a direct report or someone
 * further down. `managerId` null means they report to the owner.
 */
export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    email: text("email"),
    title: text("title"),
    track: text("track", { enum: ["manager", "ic"] }).notNull(),
    level: text("level").notNull(),
    managerId: uuid("manager_id").references((): AnyPgColumn => people.id, { onDelete: "set null" }),
    leads: text("leads"),
    cadence: text("cadence", { enum: ["weekly", "fortnightly", "monthly", "days"] })
      .notNull()
      .default("fortnightly"),
    cadenceDays: integer("cadence_days"),
    startDate: date("start_date"),
    notes: text("notes"),
    /** Grows with each save; an edit names the version it started from (see services/kernel/versioned.ts). */
    version: integer("version").notNull().default(1),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Lets other tables point at (owner, person), so a row can never name another owner's person.
    unique("people_owner_id_id_key").on(t.ownerId, t.id),
    foreignKey({
      name: "people_manager_same_owner_fk",
      columns: [t.ownerId, t.managerId],
      foreignColumns: [t.ownerId, t.id],
    }),
    uniqueIndex("people_owner_email_key")
      .on(t.ownerId, t.email)
      .where(sql`${t.email} is not null`),
    index("people_owner_manager_idx").on(t.ownerId, t.managerId),
    index("people_owner_name_idx").on(t.ownerId, t.name),
    index("people_manager_idx").on(t.managerId),
  ],
);

/** An area of the org that an EM and a senior IC oversee together (the pair). */
export const areas = pgTable(
  "areas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    emPersonId: uuid("em_person_id").references(() => people.id, { onDelete: "set null" }),
    icPersonId: uuid("ic_person_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("areas_owner_id_id_key").on(t.ownerId, t.id),
    uniqueIndex("areas_owner_name_key").on(t.ownerId, sql`lower(${t.name})`),
    foreignKey({ name: "areas_em_same_owner_fk", columns: [t.ownerId, t.emPersonId], foreignColumns: [people.ownerId, people.id] }),
    foreignKey({ name: "areas_ic_same_owner_fk", columns: [t.ownerId, t.icPersonId], foreignColumns: [people.ownerId, people.id] }),
    index("areas_em_person_idx").on(t.emPersonId),
    index("areas_ic_person_idx").on(t.icPersonId),
  ],
);
