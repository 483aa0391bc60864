import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { coachingNotes, growthGoals } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { AppError, fieldError, notFound } from "../kernel/errors";
import { getOwnedOneOnOne, requireActivePerson } from "./meetings";
import { ownedBy } from "../kernel/scope";
import { saveVersioned } from "../kernel/versioned";
import { addNoteInput, updateNoteInput } from "@/lib/validators/one-on-ones";

export type CoachingNote = typeof coachingNotes.$inferSelect;

export async function getNote(db: Db, actor: Actor, id: string): Promise<CoachingNote> {
  const [row] = await db.select().from(coachingNotes).where(ownedBy(coachingNotes, actor, eq(coachingNotes.id, id))).limit(1);
  if (!row) throw notFound("Note");
  return row;
}

async function checkGoal(db: Db, actor: Actor, goalId: string | null, personId: string) {
  if (!goalId) return;
  const [goal] = await db.select({ personId: growthGoals.personId }).from(growthGoals).where(ownedBy(growthGoals, actor, eq(growthGoals.id, goalId)));
  if (!goal) throw fieldError("NOT_FOUND", "goalId", "That growth goal is not yours.");
  if (goal.personId !== personId) throw fieldError("BAD_REQUEST", "goalId", "That growth goal is someone else's.");
}

export async function addNote(db: Db, actor: Actor, raw: z.input<typeof addNoteInput>) {
  const input = addNoteInput.parse(raw);
  await requireActivePerson(db, actor, input.personId);
  if (input.oneOnOneId) {
    const meeting = await getOwnedOneOnOne(db, actor, input.oneOnOneId);
    if (meeting.personId !== input.personId) throw new AppError("BAD_REQUEST", "That 1:1 is with someone else.");
  }
  await checkGoal(db, actor, input.goalId, input.personId);
  const [row] = await db.insert(coachingNotes).values({ ownerId: actor.userId, ...input }).returning();
  return row!;
}

/**
 * Saves an edit only if the note is still at the version the edit started
 * from (compare-and-set in one statement), so two tabs cannot silently
 * overwrite each other: the later save gets CONFLICT and keeps its text.
 */
export async function updateNote(db: Db, actor: Actor, raw: z.input<typeof updateNoteInput>) {
  const { id, version, ...input } = updateNoteInput.parse(raw);
  const current = await getNote(db, actor, id);
  await checkGoal(db, actor, input.goalId, current.personId);
  return saveVersioned(db, coachingNotes, { where: ownedBy(coachingNotes, actor, eq(coachingNotes.id, id)), version, set: { ...input, updatedAt: new Date() }, what: "note" });
}

export async function deleteNote(db: Db, actor: Actor, id: string) {
  const [row] = await db.delete(coachingNotes).where(ownedBy(coachingNotes, actor, eq(coachingNotes.id, id))).returning();
  if (!row) throw notFound("Note");
  return row;
}
