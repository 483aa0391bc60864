import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { talkingPoints } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { AppError, notFound } from "../kernel/errors";
import { getOwnedOneOnOne, requireActivePerson } from "./meetings";
import { ownedBy } from "../kernel/scope";
import { saveVersioned } from "../kernel/versioned";
import { addTalkingPointInput, setDiscussedInput, updateTalkingPointInput } from "@/lib/validators/one-on-ones";

async function getOwnedPoint(db: Db, actor: Actor, id: string) {
  const [row] = await db.select().from(talkingPoints).where(ownedBy(talkingPoints, actor, eq(talkingPoints.id, id))).limit(1);
  if (!row) throw notFound("Talking point");
  return row;
}

/** A point for the person's next 1:1; it stays on every agenda until discussed. */
export async function addTalkingPoint(db: Db, actor: Actor, raw: z.input<typeof addTalkingPointInput>) {
  const input = addTalkingPointInput.parse(raw);
  await requireActivePerson(db, actor, input.personId);
  const [row] = await db.insert(talkingPoints).values({ ownerId: actor.userId, ...input }).returning();
  return row!;
}

export async function updateTalkingPoint(db: Db, actor: Actor, raw: z.input<typeof updateTalkingPointInput>) {
  const { id, version, ...input } = updateTalkingPointInput.parse(raw);
  return saveVersioned(db, talkingPoints, { where: ownedBy(talkingPoints, actor, eq(talkingPoints.id, id)), version, set: input, what: "talking point" });
}

export async function deleteTalkingPoint(db: Db, actor: Actor, id: string) {
  const [row] = await db.delete(talkingPoints).where(ownedBy(talkingPoints, actor, eq(talkingPoints.id, id))).returning();
  if (!row) throw notFound("Talking point");
  return row;
}

/** Ticks a point as discussed in a 1:1 of the same person, or puts it back on the agenda. */
export async function setDiscussed(db: Db, actor: Actor, raw: z.input<typeof setDiscussedInput>) {
  const { id, oneOnOneId } = setDiscussedInput.parse(raw);
  const point = await getOwnedPoint(db, actor, id);
  if (oneOnOneId) {
    const meeting = await getOwnedOneOnOne(db, actor, oneOnOneId);
    if (meeting.personId !== point.personId) throw new AppError("BAD_REQUEST", "That 1:1 is with someone else.");
    if (meeting.status === "cancelled") throw new AppError("BAD_REQUEST", "That 1:1 was cancelled.");
  }
  const [row] = await db
    .update(talkingPoints)
    .set({ discussedInId: oneOnOneId, discussedAt: oneOnOneId ? new Date() : null })
    .where(ownedBy(talkingPoints, actor, eq(talkingPoints.id, id)))
    .returning();
  return row!;
}
