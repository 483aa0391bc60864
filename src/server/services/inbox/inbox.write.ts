import { and, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { memberships, notifications } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inReach, inScope } from "../kernel/access";
import { notFound } from "../kernel/errors";
import type { digestSettingInput, markAllReadInput, markReadInput } from "@/lib/validators/inbox";

/** Marks one item read (or unread again). Another's item, or one whose subject the actor no longer sees, is NOT_FOUND. */
export async function markRead(db: Db, actor: Actor, { id, read }: z.output<typeof markReadInput>) {
  const n = notifications;
  const [row] = await db
    .update(n)
    .set({ readAt: read ? new Date() : null })
    .where(and(inReach(n, actor, eq(n.id, id)), inScope(n, actor)))
    .returning({ id: n.id, readAt: n.readAt });
  if (!row) throw notFound("Inbox item");
  return row;
}

/**
 * Marks every unread item read, up to the item `upTo` (the newest the page
 * showed) when given: an item that came in after the page was loaded stays
 * unread; an `upTo` that is not one of the actor's items is NOT_FOUND.
 * Answers how many were marked.
 */
export async function markAllRead(db: Db, actor: Actor, input: z.output<typeof markAllReadInput>) {
  const n = notifications;
  const upTo = input?.upTo;
  if (upTo) {
    const [mine] = await db
      .select({ id: n.id })
      .from(n)
      .where(inReach(n, actor, eq(n.id, upTo)))
      .limit(1);
    if (!mine) throw notFound("Inbox item");
  }
  const until = upTo
    ? sql`(${n.createdAt}, ${n.id}) <= (select x.created_at, x.id from ${n} as x where x.org_id = ${actor.orgId} and x.id = ${upTo} and x.recipient_person_id = ${actor.personId})`
    : undefined;
  const rows = await db
    .update(n)
    .set({ readAt: new Date() })
    .where(inReach(n, actor, isNull(n.readAt), until))
    .returning({ id: n.id });
  return { marked: rows.length };
}

/** The actor's digest choice in this organisation (their membership's). */
export async function digestSetting(db: Db, actor: Actor) {
  const [row] = await db
    .select({ dailyDigest: memberships.dailyDigest })
    .from(memberships)
    .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, actor.userId)))
    .limit(1);
  return { dailyDigest: row?.dailyDigest ?? false, mailConfigured: !!process.env.SMTP_URL };
}

export async function setDigest(db: Db, actor: Actor, { dailyDigest }: z.output<typeof digestSettingInput>) {
  const [row] = await db
    .update(memberships)
    .set({ dailyDigest })
    .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, actor.userId)))
    .returning({ dailyDigest: memberships.dailyDigest });
  if (!row) throw notFound("Membership");
  return { dailyDigest: row.dailyDigest, mailConfigured: !!process.env.SMTP_URL };
}
