import { foreignKey, index, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { memberships } from "./members";
import { organisations } from "./organisations";
import { users } from "./users";

/**
 * A member's private calendar feed (their 1:1s as an .ics subscription): at
 * most one per user and organisation. Only a SHA-256 of the URL's token is
 * kept; regenerating replaces it (the old URL stops at once), revoking deletes
 * the row. Tied to the membership: a removed member's feed goes with it.
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    /** When the current URL was made (a regenerated feed's is the regeneration's). */
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("calendar_feeds_org_user_key").on(t.orgId, t.userId),
    uniqueIndex("calendar_feeds_token_hash_key").on(t.tokenHash),
    foreignKey({
      name: "calendar_feeds_membership_fk",
      columns: [t.orgId, t.userId],
      foreignColumns: [memberships.orgId, memberships.userId],
    }).onDelete("cascade"),
    index("calendar_feeds_user_idx").on(t.userId),
  ],
);
