import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { actionItems } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inReach, inReachFor, requireReferences } from "../kernel/access";
import { notFound } from "../kernel/errors";
import { saveVersioned } from "../kernel/versioned";
import { notify } from "../inbox/notify.write";
import { requireMeetingWith, requireReport } from "./references.read";
import type { addActionInput, setActionDoneInput, updateActionInput } from "@/lib/validators/one-on-ones";

/**
 * Writes: action items, set by the person's current manager (policy.ts:
 * `myReport`). Ticking one done is each side's own: the report ticks the ones
 * assigned to them, the manager any (policy.ts, the "tick" rule).
 */

/** An action for me or for them; open (and on every later 1:1) until done. */
export async function addActionItem(db: Db, actor: Actor, input: z.output<typeof addActionInput>) {
  await requireReport(db, actor, input.personId);
  if (input.oneOnOneId) await requireMeetingWith(db, actor, input.oneOnOneId, input.personId);
  // A target the actor does not see is NOT_FOUND next to the field, like one that does not exist.
  await requireReferences(db, actor, "target", "targetId", input.targetId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(actionItems)
      .values({ orgId: actor.orgId, ...input })
      .returning();
    // An action for the report ("them") reaches their inbox.
    await notify(tx, actor, { kind: "action_assigned", action: row! });
    return row!;
  });
}

export async function updateActionItem(db: Db, actor: Actor, { id, version, ...input }: z.output<typeof updateActionInput>) {
  await requireReferences(db, actor, "target", "targetId", input.targetId);
  return saveVersioned(db, actionItems, {
    where: inReach(actionItems, actor, eq(actionItems.id, id)),
    version,
    set: input,
    what: "action",
  });
}

export async function setActionDone(db: Db, actor: Actor, { id, done }: z.output<typeof setActionDoneInput>) {
  const [row] = await db
    .update(actionItems)
    .set({ doneAt: done ? new Date() : null })
    .where(inReachFor("tick", actionItems, actor, eq(actionItems.id, id)))
    .returning();
  if (!row) throw notFound("Action item");
  return row;
}

export async function deleteActionItem(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .delete(actionItems)
    .where(inReach(actionItems, actor, eq(actionItems.id, id)))
    .returning();
  if (!row) throw notFound("Action item");
  return row;
}
