import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/types";
import { people, targetComments, targetStatusUpdates, targets } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { notFound } from "../kernel/errors";
import { checkInTarget, inScope } from "../kernel/access";
import { userToday } from "../kernel/clock";
import { weekStartOf } from "@/lib/energy/week";
import { COMMENTS_PAGE, type listCommentsInput, type listStatusInput } from "@/lib/validators/targets";
import type { z } from "zod";

// Targets: the pair's side, read (the comment thread and the weekly status).
// Whoever sees the target reads both (policy.ts); the writes are in pair.write.ts.

/** The target, if the actor sees it, and whether they may write on it (its controller or an owner); otherwise NOT_FOUND. */
export async function targetForPair(db: Db, actor: Actor, targetId: string) {
  // checkInTarget reads `targets` itself: applied to this very table's row it would compare the inner row with
  // itself (see policy.ts), so it is applied to the input's id, a parameter.
  const [row] = await db
    .select({ id: targets.id, canWrite: sql<boolean>`${checkInTarget(actor, sql`${targetId}::uuid`)}` })
    .from(targets)
    .where(inScope(targets, actor, eq(targets.id, targetId)))
    .limit(1);
  if (!row) throw notFound("Target");
  return { id: row.id, canWrite: Boolean(row.canWrite) };
}

/**
 * A page of a target's thread, oldest first (newest at the bottom): the
 * newest COMMENTS_PAGE comments, or those before `cursor`. `olderCursor` is
 * the keyset (time and id) of the oldest comment shown when there are more
 * before it. Two queries, a keyset on (created_at, id), whatever the thread's
 * length. Comments are stored with the millisecond times of JavaScript (see
 * addComment), so a cursor's time is exactly its comment's.
 */
export async function listComments(db: Db, actor: Actor, { targetId, cursor }: z.output<typeof listCommentsInput>) {
  const { canWrite } = await targetForPair(db, actor, targetId);
  const c = targetComments;
  const [at, id] = cursor ? cursor.split("_") : [];
  const before = at && id ? sql`(${c.createdAt}, ${c.id}) < (${at}::timestamptz, ${id}::uuid)` : undefined;
  const rows = await db
    .select({
      id: c.id,
      body: c.body,
      createdAt: c.createdAt,
      authorPersonId: c.authorPersonId,
      authorName: people.name,
    })
    .from(c)
    .innerJoin(people, and(eq(people.orgId, c.orgId), eq(people.id, c.authorPersonId)))
    .where(inScope(c, actor, eq(c.targetId, targetId), before))
    .orderBy(desc(c.createdAt), desc(c.id))
    .limit(COMMENTS_PAGE + 1);
  const more = rows.length > COMMENTS_PAGE;
  const page = rows.slice(0, COMMENTS_PAGE).reverse();
  return {
    items: page.map((r) => ({ ...r, mine: r.authorPersonId === actor.personId })),
    olderCursor: more ? `${page[0]!.createdAt.toISOString()}_${page[0]!.id}` : null,
    canWrite,
  };
}

/** How many past weeks' statuses a target's page shows. */
export const STATUS_HISTORY = 52;

/**
 * A target's weekly statuses, latest week first (at most STATUS_HISTORY), with
 * the week it is now for the actor (the ISO week of their today, its Monday)
 * and this week's status, if written: what the form edits.
 */
export async function listStatusUpdates(db: Db, actor: Actor, { targetId }: z.output<typeof listStatusInput>, now = new Date()) {
  const [{ canWrite }, today] = await Promise.all([targetForPair(db, actor, targetId), userToday(db, actor, now)]);
  const s = targetStatusUpdates;
  const rows = await db
    .select({
      id: s.id,
      weekStart: s.weekStart,
      body: s.body,
      version: s.version,
      updatedAt: s.updatedAt,
      authorPersonId: s.authorPersonId,
      authorName: people.name,
    })
    .from(s)
    .innerJoin(people, and(eq(people.orgId, s.orgId), eq(people.id, s.authorPersonId)))
    .where(inScope(s, actor, eq(s.targetId, targetId)))
    .orderBy(desc(s.weekStart))
    .limit(STATUS_HISTORY);
  const weekStart = weekStartOf(today);
  return { weekStart, thisWeek: rows.find((r) => r.weekStart === weekStart) ?? null, items: rows, canWrite };
}
