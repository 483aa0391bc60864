import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { handoverNotes, handovers } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inReach, loadInScope } from "../kernel/access";
import { notFound } from "../kernel/errors";
import { saveVersioned, staleVersion } from "../kernel/versioned";
import type { saveHandoverNoteInput } from "@/lib/validators/handovers";

/**
 * Writes of hand-overs (issue #17, part 5). A hand-over is recorded by the
 * reporting-line change itself (people/handovers-record.write.ts, called by
 * people.write.ts inside its transaction and under the organisation's lock);
 * the old manager then writes their note for the new one here.
 */

/**
 * Saves the old manager's note on a hand-over. Only the hand-over's old
 * manager writes it (anyone else: NOT_FOUND, as a missing hand-over). Version
 * 0: the first save, unless a note was saved meanwhile (a CONFLICT, as a
 * stale edit is); otherwise an edit at that version.
 */
export async function saveHandoverNote(db: Db, actor: Actor, { handoverId, body, version }: z.output<typeof saveHandoverNoteInput>) {
  const handover = await loadInScope(db, actor, handovers, handoverId, "Hand-over");
  if (handover.fromPersonId !== actor.personId) throw notFound("Hand-over");
  if (version === 0) {
    const [row] = await db
      .insert(handoverNotes)
      .values({ orgId: actor.orgId, handoverId, authorPersonId: actor.personId, body })
      .onConflictDoNothing()
      .returning();
    if (!row) throw staleVersion("hand-over note");
    return row;
  }
  return saveVersioned(db, handoverNotes, {
    where: inReach(handoverNotes, actor, eq(handoverNotes.handoverId, handoverId)),
    version,
    set: { body, updatedAt: new Date() },
    what: "hand-over note",
  });
}
