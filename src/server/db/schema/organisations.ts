import { integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { LadderLabels } from "@/lib/people/ladder";

/**
 * The tenant: every other table but the account tables carries its id
 * (`org_id`) and every statement filters on it, so the data can be distributed
 * by organisation (e.g. Citus on `org_id`) without changing a query's shape.
 * Organisation-level settings live here; personal ones stay on `users`.
 */
export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  /** The organisation's own names for the ladder levels (only renamed ones). */
  ladderLabels: jsonb("ladder_labels").$type<LadderLabels>().notNull().default({}),
  ladderVersion: integer("ladder_version").notNull().default(1),
  /** Version of the organisation's name, for the settings form. */
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
