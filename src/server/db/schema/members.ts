import { sql } from "drizzle-orm";
import { boolean, date, foreignKey, index, integer, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { people } from "./people";
import { users } from "./users";

export const MEMBER_ROLES = ["admin", "member"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/**
 * A user account signed in to an organisation as one person of its chart. A
 * user may be a member of several organisations; a person has at most one
 * account. Removing the row ends that account's access to the organisation.
 */
export const memberships = pgTable(
  "memberships",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    personId: uuid("person_id").notNull(),
    role: text("role", { enum: MEMBER_ROLES }).notNull().default("member"),
    /** Grows with each role change, so two admins changing it at once conflict. */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** The member's choice (Account settings): a daily email of their unread inbox items, when SMTP_URL is set. */
    dailyDigest: boolean("daily_digest").notNull().default(false),
    /** The member's local day the last digest was claimed for (services/inbox/digest.write.ts): one per day, across instances. */
    digestSentOn: date("digest_sent_on"),
  },
  (t) => [
    unique("memberships_org_user_key").on(t.orgId, t.userId),
    unique("memberships_org_person_key").on(t.orgId, t.personId),
    foreignKey({
      name: "memberships_person_same_org_fk",
      columns: [t.orgId, t.personId],
      foreignColumns: [people.orgId, people.id],
    }).onDelete("cascade"),
    index("memberships_user_idx").on(t.userId),
  ],
);

/**
 * An invitation for one person of the chart, bound to an email address. Only
 * a SHA-256 of the link's token is kept. Single use (`acceptedAt`), revocable
 * (`revokedAt`) and it expires (`expiresAt`).
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    personId: uuid("person_id").notNull(),
    /** Lower-cased and trimmed, as users.email. */
    email: text("email").notNull(),
    role: text("role", { enum: MEMBER_ROLES }).notNull().default("member"),
    tokenHash: text("token_hash").notNull(),
    invitedByUserId: uuid("invited_by_user_id").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedByUserId: uuid("accepted_by_user_id").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("invitations_org_id_id_key").on(t.orgId, t.id),
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
    foreignKey({
      name: "invitations_person_same_org_fk",
      columns: [t.orgId, t.personId],
      foreignColumns: [people.orgId, people.id],
    }).onDelete("cascade"),
    // At most one open invitation per person: inviting again replaces it.
    uniqueIndex("invitations_open_person_key")
      .on(t.orgId, t.personId)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
    index("invitations_invited_by_idx").on(t.invitedByUserId),
    index("invitations_accepted_by_idx").on(t.acceptedByUserId),
  ],
);
