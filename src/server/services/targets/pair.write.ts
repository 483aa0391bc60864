import { notify } from "../inbox/notify.write";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/types";
import { targetComments, targetStatusUpdates } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { notFound } from "../kernel/errors";
import { inReach } from "../kernel/access";
import { userToday } from "../kernel/clock";
import { bumpVersion, staleVersion } from "../kernel/versioned";
import { weekStartOf } from "@/lib/energy/week";
import type { addCommentInput, saveStatusInput } from "@/lib/validators/targets";
import type { z } from "zod";
import { targetForPair } from "./pair.read";

// Targets: the pair's side, written. The controller and the owners write (the
// policy's checkInTarget): a comment, and the week's status. Anyone else who
// sees the target (the line above, the organisation when it is shared) reads
// only, and a write from them answers NOT_FOUND, as one from a stranger does.

/** The target, if the actor may write on it (its controller or an owner); otherwise NOT_FOUND. */
async function writableTarget(db: Db, actor: Actor, targetId: string) {
  const target = await targetForPair(db, actor, targetId);
  if (!target.canWrite) throw notFound("Target");
  return target;
}

export async function addComment(db: Db, actor: Actor, { targetId, body }: z.output<typeof addCommentInput>) {
  await writableTarget(db, actor, targetId);
  // The time in milliseconds (not the database's microseconds): the thread's keyset cursor carries it exactly.
  // With its inbox items for the target's other owners: both saved, or neither.
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(targetComments)
      .values({ orgId: actor.orgId, targetId, authorPersonId: actor.personId, body, createdAt: new Date() })
      .returning();
    await notify(tx, actor, { kind: "target_comment", targetId });
    return row!;
  });
}

/** The author deletes their own comment (policy: author, while they see the target); anyone else's is NOT_FOUND. */
export async function deleteComment(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .delete(targetComments)
    .where(inReach(targetComments, actor, eq(targetComments.id, id)))
    .returning();
  if (!row) throw notFound("Comment");
  return row;
}

/**
 * Saves this week's status of a target (the ISO week of the actor's today).
 * Version 0: the first of the week, unless one was saved meanwhile (a
 * CONFLICT, as a stale edit is); otherwise an edit of this week's status at
 * that version. An edit of a week that has since ended (the form was opened
 * last week) is a CONFLICT too: what was typed is kept, for this week's.
 * Someone no longer an owner gets NOT_FOUND, checked first.
 */
export async function saveStatusUpdate(
  db: Db,
  actor: Actor,
  { targetId, body, version }: z.output<typeof saveStatusInput>,
  now = new Date(),
) {
  await writableTarget(db, actor, targetId);
  const weekStart = weekStartOf(await userToday(db, actor, now));
  const s = targetStatusUpdates;
  if (version === 0) {
    // The week's first status reaches the other owners' inbox: both saved, or neither.
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(s)
        .values({ orgId: actor.orgId, targetId, weekStart, body, authorPersonId: actor.personId })
        .onConflictDoNothing()
        .returning();
      if (!row) throw staleVersion("status update");
      await notify(tx, actor, { kind: "status_update", targetId });
      return row;
    });
  }
  const [row] = await db
    .update(s)
    .set({ body, authorPersonId: actor.personId, updatedAt: now, version: bumpVersion(s.version) })
    .where(inReach(s, actor, and(eq(s.targetId, targetId), eq(s.weekStart, weekStart), eq(s.version, version))))
    .returning();
  if (!row) throw staleVersion("status update");
  return row;
}
