import { createHash, randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/types";
import { calendarFeeds, memberships } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inReach } from "../kernel/access";
import { notFound } from "../kernel/errors";

// The member's private calendar feed: making (or regenerating) its URL,
// revoking it, and reading the member a URL's token stands for. Its status is
// in calendar-feed.read.ts; what the feed holds is one-on-ones/calendar-feed.read.ts.

const PREFIX = "isc_";
/** The token's shape: the prefix and 32 random bytes in base64url (43 characters). */
const TOKEN_SHAPE = /^isc_[A-Za-z0-9_-]{43}$/;

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The feed's address for a token: `.ics` at the end, which some clients look for. */
export function calendarFeedUrl(origin: string, token: string): string {
  return `${origin}/api/v1/calendar/${token}.ics`;
}

/**
 * Makes the member's feed URL, or a new one in place of the old (which stops
 * at once: its hash is overwritten). The URL is in this answer only.
 */
export async function createCalendarFeed(db: Db, actor: Actor, { origin }: { origin: string }, now = new Date()) {
  const token = PREFIX + randomBytes(32).toString("base64url");
  const [row] = await db
    .insert(calendarFeeds)
    .values({ orgId: actor.orgId, userId: actor.userId, tokenHash: hashToken(token), createdAt: now })
    .onConflictDoUpdate({ target: [calendarFeeds.orgId, calendarFeeds.userId], set: { tokenHash: hashToken(token), createdAt: now } })
    .returning({ createdAt: calendarFeeds.createdAt });
  return { createdAt: row!.createdAt, url: calendarFeedUrl(origin, token) };
}

/** Deletes the member's feed: its URL answers 404 from now on, as an unknown one. */
export async function revokeCalendarFeed(db: Db, actor: Actor) {
  const [row] = await db.delete(calendarFeeds).where(inReach(calendarFeeds, actor)).returning({ id: calendarFeeds.id });
  if (!row) throw notFound("Calendar feed");
  return { revoked: true };
}

/**
 * The member a feed token stands for, or null (malformed, unknown, replaced,
 * revoked, or the membership is gone): all the same to the caller, a 404.
 * The lookup is by the token's hash alone: the token is what names the organisation.
 */
export async function authenticateCalendarFeed(db: Db, token: string): Promise<{ actor: Actor; feedId: string } | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [row] = await db
    .select({
      id: calendarFeeds.id,
      orgId: calendarFeeds.orgId,
      userId: calendarFeeds.userId,
      personId: memberships.personId,
      role: memberships.role,
    })
    .from(calendarFeeds)
    .innerJoin(memberships, and(eq(memberships.orgId, calendarFeeds.orgId), eq(memberships.userId, calendarFeeds.userId)))
    .where(eq(calendarFeeds.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) return null;
  return {
    actor: { userId: row.userId, orgId: row.orgId, personId: row.personId, role: row.role, sessionId: `calendar:${row.id}` },
    feedId: row.id,
  };
}
