import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { coachingNotes } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inReach } from "../kernel/access";
import { notFound } from "../kernel/errors";
import { saveVersioned } from "../kernel/versioned";
import { getNote } from "./coaching-notes.read";
import { requireGoalOf, requireMeetingWith, requireSide } from "./references.read";
import type { addNoteInput, updateNoteInput } from "@/lib/validators/one-on-ones";

/**
 * Writes: coaching notes. Either side of the 1:1 writes one: the person's
 * current manager, or the person themself (policy.ts `oneOnOneSide`). A note
 * is its author's (`authorPersonId` is always the actor): only they change or
 * delete it, and a private one is theirs alone to read, no admin override
 * (policy.ts).
 */

export async function addNote(db: Db, actor: Actor, input: z.output<typeof addNoteInput>) {
  await requireSide(db, actor, input.personId);
  if (input.oneOnOneId) await requireMeetingWith(db, actor, input.oneOnOneId, input.personId, "see");
  await requireGoalOf(db, actor, input.goalId, input.personId);
  const [row] = await db
    .insert(coachingNotes)
    .values({ ...input, orgId: actor.orgId, authorPersonId: actor.personId })
    .returning();
  return row!;
}

/**
 * Saves an edit only if the note is still at the version the edit started
 * from (compare-and-set in one statement), so two tabs cannot silently
 * overwrite each other: the later save gets CONFLICT and keeps its text.
 */
export async function updateNote(db: Db, actor: Actor, { id, version, ...input }: z.output<typeof updateNoteInput>) {
  const current = await getNote(db, actor, id, "change");
  await requireGoalOf(db, actor, input.goalId, current.personId);
  return saveVersioned(db, coachingNotes, {
    where: inReach(coachingNotes, actor, eq(coachingNotes.id, id)),
    version,
    set: { ...input, updatedAt: new Date() },
    what: "note",
  });
}

export async function deleteNote(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .delete(coachingNotes)
    .where(inReach(coachingNotes, actor, eq(coachingNotes.id, id)))
    .returning();
  if (!row) throw notFound("Note");
  return row;
}
