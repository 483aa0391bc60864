import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { talkingPoints } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inReach, loadInScope } from "../kernel/access";
import { AppError, notFound } from "../kernel/errors";
import { saveVersioned } from "../kernel/versioned";
import { notify } from "../inbox/notify.write";
import { requireMeetingWith, requireSide } from "./references.read";
import type { addTalkingPointInput, setDiscussedInput, updateTalkingPointInput } from "@/lib/validators/one-on-ones";

/**
 * Writes: talking points and ticking them discussed, by either side of the
 * 1:1 (policy.ts): the person and their current manager both add points, and
 * each point records who added it (`authorPersonId`). `raisedBy` stays from
 * the manager's side: "me" is the manager, "them" the report; a point the
 * report adds is always "them", and one the manager adds may be "them" too
 * (raised by the report out loud, typed by the manager).
 */

/** A point for the person's next 1:1; it stays on every agenda until discussed. */
export async function addTalkingPoint(db: Db, actor: Actor, input: z.output<typeof addTalkingPointInput>) {
  const person = await requireSide(db, actor, input.personId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(talkingPoints)
      .values({ orgId: actor.orgId, ...input, raisedBy: person.isSelf ? "them" : input.raisedBy, authorPersonId: actor.personId })
      .returning();
    // The other side of the 1:1 hears of it in their inbox.
    await notify(tx, actor, { kind: "talking_point_added", point: row! });
    return row!;
  });
}

export async function updateTalkingPoint(db: Db, actor: Actor, { id, version, ...input }: z.output<typeof updateTalkingPointInput>) {
  const point = await loadInScope(db, actor, talkingPoints, id, "Talking point", "change");
  return saveVersioned(db, talkingPoints, {
    where: inReach(talkingPoints, actor, eq(talkingPoints.id, id)),
    version,
    set: { ...input, raisedBy: point.personId === actor.personId ? "them" : input.raisedBy },
    what: "talking point",
  });
}

export async function deleteTalkingPoint(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .delete(talkingPoints)
    .where(inReach(talkingPoints, actor, eq(talkingPoints.id, id)))
    .returning();
  if (!row) throw notFound("Talking point");
  return row;
}

/** Ticks a point as discussed in a 1:1 of the same person, or puts it back on the agenda. */
export async function setDiscussed(db: Db, actor: Actor, { id, oneOnOneId }: z.output<typeof setDiscussedInput>) {
  const point = await loadInScope(db, actor, talkingPoints, id, "Talking point", "change");
  if (oneOnOneId) {
    // Either side ticks a point discussed in one of their 1:1s (the report, only the points they added: policy.ts).
    const meeting = await requireMeetingWith(db, actor, oneOnOneId, point.personId, "see");
    if (meeting.status === "cancelled") throw new AppError("BAD_REQUEST", "That 1:1 was cancelled.");
  }
  const [row] = await db
    .update(talkingPoints)
    .set({ discussedInId: oneOnOneId, discussedAt: oneOnOneId ? new Date() : null })
    .where(inReach(talkingPoints, actor, eq(talkingPoints.id, id)))
    .returning();
  return row!;
}
