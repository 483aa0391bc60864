import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { actionItems } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { AppError, notFound } from "../kernel/errors";
import { getOwnedOneOnOne, requireActivePerson } from "./meetings";
import { ownedBy } from "../kernel/scope";
import { saveVersioned } from "../kernel/versioned";
import { addActionInput, setActionDoneInput, updateActionInput } from "@/lib/validators/one-on-ones";

/** An action for me or for them; open (and on every later 1:1) until done. */
export async function addActionItem(db: Db, actor: Actor, raw: z.input<typeof addActionInput>) {
  const input = addActionInput.parse(raw);
  await requireActivePerson(db, actor, input.personId);
  if (input.oneOnOneId) {
    const meeting = await getOwnedOneOnOne(db, actor, input.oneOnOneId);
    if (meeting.personId !== input.personId) throw new AppError("BAD_REQUEST", "That 1:1 is with someone else.");
  }
  const [row] = await db.insert(actionItems).values({ ownerId: actor.userId, ...input }).returning();
  return row!;
}

export async function updateActionItem(db: Db, actor: Actor, raw: z.input<typeof updateActionInput>) {
  const { id, version, ...input } = updateActionInput.parse(raw);
  return saveVersioned(db, actionItems, { where: ownedBy(actionItems, actor, eq(actionItems.id, id)), version, set: input, what: "action" });
}

export async function setActionDone(db: Db, actor: Actor, raw: z.input<typeof setActionDoneInput>) {
  const { id, done } = setActionDoneInput.parse(raw);
  const [row] = await db
    .update(actionItems)
    .set({ doneAt: done ? new Date() : null })
    .where(ownedBy(actionItems, actor, eq(actionItems.id, id)))
    .returning();
  if (!row) throw notFound("Action item");
  return row;
}

export async function deleteActionItem(db: Db, actor: Actor, id: string) {
  const [row] = await db.delete(actionItems).where(ownedBy(actionItems, actor, eq(actionItems.id, id))).returning();
  if (!row) throw notFound("Action item");
  return row;
}
