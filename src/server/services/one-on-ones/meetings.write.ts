import { eq, inArray, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { actionItems, oneOnOnes, talkingPoints } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inReach, loadInScope } from "../kernel/access";
import { AppError, fieldError } from "../kernel/errors";
import { toCarryOver } from "@/lib/one-on-ones/agenda";
import { requireBookable } from "./references.read";
import { bookedAhead } from "./views.read";
import type { holdInput, rescheduleInput, scheduleInput } from "@/lib/validators/one-on-ones";

/**
 * Writes: scheduling, holding, cancelling and deleting 1:1s. The person's
 * current manager writes a 1:1 (policy.ts): an old manager keeps reading the
 * ones they held, the new one carries on with the rest. The report may book
 * their next 1:1 with their manager (policy.ts `mayBookOneOnOne`), one at a
 * time: while one is booked ahead, the manager moves it.
 */

export type OneOnOne = typeof oneOnOnes.$inferSelect;

const loadMeeting = (db: Db, actor: Actor, id: string): Promise<OneOnOne> => loadInScope(db, actor, oneOnOnes, id, "1:1", "change");

export async function scheduleOneOnOne(db: Db, actor: Actor, input: z.output<typeof scheduleInput>) {
  const person = await requireBookable(db, actor, input.personId);
  if (person.isSelf) {
    // The report books with their manager, and only the next one: a second booking ahead is the manager's to make.
    const [ahead] = await bookedAhead(db, actor, actor.personId);
    if (ahead) throw fieldError("BAD_REQUEST", "scheduledAt", "Your next 1:1 is booked already; your manager can move it.");
  }
  const [row] = await db
    .insert(oneOnOnes)
    .values({
      orgId: actor.orgId,
      managerPersonId: person.isSelf ? person.managerId! : actor.personId,
      personId: input.personId,
      scheduledAt: input.scheduledAt,
    })
    .returning();
  return row!;
}

function requireScheduled(row: OneOnOne, doing: string) {
  if (row.status !== "scheduled") throw new AppError("BAD_REQUEST", `This 1:1 is ${row.status}; only a scheduled one can be ${doing}.`);
}

export async function rescheduleOneOnOne(db: Db, actor: Actor, { id, scheduledAt }: z.output<typeof rescheduleInput>) {
  requireScheduled(await loadMeeting(db, actor, id), "moved");
  const [row] = await db
    .update(oneOnOnes)
    .set({ scheduledAt, updatedAt: new Date() })
    .where(inReach(oneOnOnes, actor, eq(oneOnOnes.id, id)))
    .returning();
  return row!;
}

/**
 * Marks a 1:1 held. What was not discussed, and actions still open, stay on
 * the next agenda and are counted as carried over once more.
 */
export async function holdOneOnOne(db: Db, actor: Actor, { id, heldAt }: z.output<typeof holdInput>) {
  const meeting = await loadMeeting(db, actor, id);
  if (meeting.status === "held") return meeting;
  requireScheduled(meeting, "held");
  const when = heldAt ?? new Date();
  const row = await db.transaction(async (tx) => {
    const [held] = await tx
      .update(oneOnOnes)
      // Whoever holds it is its holder: a 1:1 booked by an old manager and held by the new one is the new one's.
      .set({ status: "held", heldAt: when, managerPersonId: actor.personId, updatedAt: new Date() })
      .where(inReach(oneOnOnes, actor, eq(oneOnOnes.id, id), eq(oneOnOnes.status, "scheduled")))
      .returning();
    // Another request held it first: carry nothing twice.
    if (!held) return null;
    const person = eq(talkingPoints.personId, meeting.personId);
    const [points, actions] = await Promise.all([
      tx
        .select()
        .from(talkingPoints)
        .where(inReach(talkingPoints, actor, person, isNull(talkingPoints.discussedInId))),
      tx
        .select()
        .from(actionItems)
        .where(inReach(actionItems, actor, eq(actionItems.personId, meeting.personId), isNull(actionItems.doneAt))),
    ]);
    const { pointIds, actionIds } = toCarryOver(points, actions, id);
    if (pointIds.length)
      await tx
        .update(talkingPoints)
        .set({ carriedOver: sql`${talkingPoints.carriedOver} + 1` })
        .where(inReach(talkingPoints, actor, inArray(talkingPoints.id, pointIds)));
    if (actionIds.length)
      await tx
        .update(actionItems)
        .set({ carriedOver: sql`${actionItems.carriedOver} + 1` })
        .where(inReach(actionItems, actor, inArray(actionItems.id, actionIds)));
    return held;
  });
  return row ?? loadMeeting(db, actor, id);
}

export async function cancelOneOnOne(db: Db, actor: Actor, id: string) {
  requireScheduled(await loadMeeting(db, actor, id), "cancelled");
  const [row] = await db
    .update(oneOnOnes)
    .set({ status: "cancelled", updatedAt: new Date() })
    .where(inReach(oneOnOnes, actor, eq(oneOnOnes.id, id)))
    .returning();
  return row!;
}

/**
 * Deletes a 1:1. Its notes and actions stay with the person; points discussed
 * in it go back on the agenda, since the record of discussing them is gone.
 */
export async function deleteOneOnOne(db: Db, actor: Actor, id: string) {
  await loadMeeting(db, actor, id);
  return db.transaction(async (tx) => {
    await tx
      .update(talkingPoints)
      .set({ discussedInId: null, discussedAt: null })
      .where(inReach(talkingPoints, actor, eq(talkingPoints.discussedInId, id)));
    const [row] = await tx
      .delete(oneOnOnes)
      .where(inReach(oneOnOnes, actor, eq(oneOnOnes.id, id)))
      .returning();
    return row!;
  });
}
