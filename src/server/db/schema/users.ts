import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { LadderLabels } from "@/lib/people/ladder";

/** The signed-in manager. Every other table carries the id of its owner here. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** Stored lower-cased and trimmed, so the unique index is case-insensitive. */
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    /** Bumped when the password changes: every session issued before is refused. */
    sessionVersion: integer("session_version").notNull().default(1),
    timeZone: text("time_zone").notNull().default("UTC"),
    /** The account's own names for the ladder levels (only renamed ones). */
    ladderLabels: jsonb("ladder_labels").$type<LadderLabels>().notNull().default({}),
    /**
     * Versions of the two forms that edit this row (profile: name and time zone;
     * ladder names), counted apart so that saving one never makes the other stale.
     */
    profileVersion: integer("profile_version").notNull().default(1),
    ladderVersion: integer("ladder_version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

/**
 * One row per signed-in browser. The session cookie (an Auth.js JWT) names a row
 * here; deleting the row ends that session even though the cookie still decrypts.
 */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The user's session version when this session was issued. */
    sessionVersion: integer("session_version").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true })
      .notNull()
      .default(sql`now() + interval '30 days'`),
  },
  // The expiry index serves the periodic purge of expired rows (services/account/sessions.ts).
  (t) => [uniqueIndex("auth_sessions_user_id_id_idx").on(t.userId, t.id), index("auth_sessions_expires_at_idx").on(t.expiresAt)],
);

/**
 * Counters of rate-limiter-flexible's RateLimiterDrizzle (its column names):
 * sign-in failures per account, per account and address, per address; sign-ups
 * per address; current-password checks per user (src/server/services/account/rate-limits.ts).
 * Kept in the database so every app instance sees the same counts.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    points: integer("points").notNull(),
    expire: timestamp("expire", { withTimezone: true }),
  },
  (t) => [index("rate_limits_expire_idx").on(t.expire)],
);
