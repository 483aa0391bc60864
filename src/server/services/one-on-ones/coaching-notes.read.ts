import type { Db } from "../../db/types";
import { coachingNotes } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { loadInScope } from "../kernel/access";
import type { Intent } from "../kernel/access";

/** Reads: one coaching note, for its edit form. */

export type CoachingNote = typeof coachingNotes.$inferSelect;

/** The note, if the actor may read it (or, with "change", if it is theirs); otherwise NOT_FOUND. */
export function getNote(db: Db, actor: Actor, id: string, intent: Intent = "see"): Promise<CoachingNote> {
  return loadInScope(db, actor, coachingNotes, id, "Note", intent);
}
