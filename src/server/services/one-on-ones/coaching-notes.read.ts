import type { Db } from "../../db/types";
import { coachingNotes } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { loadInScope } from "../kernel/access";

/** Reads: one coaching note, for its edit form. */

export type CoachingNote = typeof coachingNotes.$inferSelect;

export function getNote(db: Db, actor: Actor, id: string): Promise<CoachingNote> {
  return loadInScope(db, actor, coachingNotes, id, "Note");
}
