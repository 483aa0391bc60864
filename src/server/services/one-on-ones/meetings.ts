import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { actionItems, oneOnOnes, people, talkingPoints } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { AppError, fieldError, notFound } from "../kernel/errors";
import { ownedBy } from "../kernel/scope";
import { toCarryOver } from "@/lib/one-on-ones/agenda";
import { holdInput, rescheduleInput, scheduleInput } from "@/lib/validators/one-on-ones";

export type OneOnOne = typeof oneOnOnes.$inferSelect;

export async function getOwnedOneOnOne(db: Db, actor: Actor, id: string): Promise<OneOnOne> {
  const [row] = await db.select().from(oneOnOnes).where(ownedBy(oneOnOnes, actor, eq(oneOnOnes.id, id))).limit(1);
  if (!row) throw notFound("1:1");
  return row;
}

/** The person must be this owner's and not archived. */
export async function requireActivePerson(db: Db, actor: Actor, personId: string) {
  const [person] = await db.select({ id: people.id, archivedAt: people.archivedAt }).from(people).where(ownedBy(people, actor, eq(people.id, personId)));
  if (!person) throw notFound("Person");
  if (person.archivedAt) throw fieldError("BAD_REQUEST", "personId", "That person is archived.");
}

export async function scheduleOneOnOne(db: Db, actor: Actor, raw: z.input<typeof scheduleInput>) {
  const input = scheduleInput.parse(raw);
  await requireActivePerson(db, actor, input.personId);
  const [row] = await db.insert(oneOnOnes).values({ ownerId: actor.userId, personId: input.personId, scheduledAt: input.scheduledAt }).returning();
  return row!;
}

function requireScheduled(row: OneOnOne, doing: string) {
  if (row.status !== "scheduled") throw new AppError("BAD_REQUEST", `This 1:1 is ${row.status}; only a scheduled one can be ${doing}.`);
}

export async function rescheduleOneOnOne(db: Db, actor: Actor, raw: z.input<typeof rescheduleInput>) {
  const { id, scheduledAt } = rescheduleInput.parse(raw);
  requireScheduled(await getOwnedOneOnOne(db, actor, id), "moved");
  const [row] = await db.update(oneOnOnes).set({ scheduledAt, updatedAt: new Date() }).where(ownedBy(oneOnOnes, actor, eq(oneOnOnes.id, id))).returning();
  return row!;
}

/**
 * Marks a 1:1 held. What was not discussed, and actions still open, stay on
 * the next agenda and are counted as carried over once more.
 */
export async function holdOneOnOne(db: Db, actor: Actor, raw: z.input<typeof holdInput>) {
  const { id, heldAt } = holdInput.parse(raw);
  const meeting = await getOwnedOneOnOne(db, actor, id);
  if (meeting.status === "held") return meeting;
  requireScheduled(meeting, "held");
  const when = heldAt ?? new Date();
  const row = await db.transaction(async (tx) => {
    const [held] = await tx
      .update(oneOnOnes)
      .set({ status: "held", heldAt: when, updatedAt: new Date() })
      .where(ownedBy(oneOnOnes, actor, eq(oneOnOnes.id, id), eq(oneOnOnes.status, "scheduled")))
      .returning();
    // Another request held it first: carry nothing twice.
    if (!held) return null;
    const person = eq(talkingPoints.personId, meeting.personId);
    const [points, actions] = await Promise.all([
      tx.select().from(talkingPoints).where(ownedBy(talkingPoints, actor, person, isNull(talkingPoints.discussedInId))),
      tx.select().from(actionItems).where(ownedBy(actionItems, actor, eq(actionItems.personId, meeting.personId), isNull(actionItems.doneAt))),
    ]);
    const { pointIds, actionIds } = toCarryOver(points, actions, id);
    if (pointIds.length) await tx.update(talkingPoints).set({ carriedOver: sql`${talkingPoints.carriedOver} + 1` }).where(ownedBy(talkingPoints, actor, inArray(talkingPoints.id, pointIds)));
    if (actionIds.length) await tx.update(actionItems).set({ carriedOver: sql`${actionItems.carriedOver} + 1` }).where(ownedBy(actionItems, actor, inArray(actionItems.id, actionIds)));
    return held;
  });
  return row ?? getOwnedOneOnOne(db, actor, id);
}

export async function cancelOneOnOne(db: Db, actor: Actor, id: string) {
  requireScheduled(await getOwnedOneOnOne(db, actor, id), "cancelled");
  const [row] = await db.update(oneOnOnes).set({ status: "cancelled", updatedAt: new Date() }).where(ownedBy(oneOnOnes, actor, eq(oneOnOnes.id, id))).returning();
  return row!;
}

/**
 * Deletes a 1:1. Its notes and actions stay with the person; points discussed
 * in it go back on the agenda, since the record of discussing them is gone.
 */
export async function deleteOneOnOne(db: Db, actor: Actor, id: string) {
  await getOwnedOneOnOne(db, actor, id);
  return db.transaction(async (tx) => {
    await tx
      .update(talkingPoints)
      .set({ discussedInId: null, discussedAt: null })
      .where(ownedBy(talkingPoints, actor, eq(talkingPoints.discussedInId, id)));
    const [row] = await tx.delete(oneOnOnes).where(and(ownedBy(oneOnOnes, actor), eq(oneOnOnes.id, id))).returning();
    return row!;
  });
}
