import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";

/** A user account: signs in, and is a member of one or more organisations (members.ts). */
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
    /** Version of the profile form (name and time zone). */
    profileVersion: integer("profile_version").notNull().default(1),
    /** The organisation signed in to last: the next session opens it. */
    lastOrgId: uuid("last_org_id").references(() => organisations.id, { onDelete: "set null" }),
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
