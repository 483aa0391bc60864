import { eq } from "drizzle-orm";
import type { Db } from "../../db/types";
import { targetOwners, targets } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { notFound } from "../kernel/errors";
import { inReach, loadInScope, requireReferences } from "../kernel/access";
import { bumpVersion, saveVersioned, staleVersion } from "../kernel/versioned";
import type { createTargetInput, setTargetStatusInput, updateTargetInput } from "@/lib/validators/targets";
import type { z } from "zod";
import type { Target } from "./targets.read";

// Targets: the writes (create, edit, status, delete). Metrics and check-ins are in
// metrics.write.ts; the reads in targets.read.ts.

/**
 * Owners must be active people the controller may place (their own part of the
 * chart, themselves included) and the area one the actor sees; answers the
 * owners without repeats.
 */
async function checkRefs(db: Db, actor: Actor, ownerIds: string[], areaId: string | null) {
  const unique = [...new Set(ownerIds)];
  await requireReferences(db, actor, "owner", "ownerIds", unique);
  await requireReferences(db, actor, "area", "areaId", areaId);
  return unique;
}

/** The actor becomes its controller: they decide its definition, owners and lifecycle. */
export async function createTarget(db: Db, actor: Actor, { ownerIds, ...input }: z.output<typeof createTargetInput>): Promise<Target> {
  const owners = await checkRefs(db, actor, ownerIds, input.areaId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(targets)
      .values({ orgId: actor.orgId, controllerPersonId: actor.personId, ...input })
      .returning();
    await tx.insert(targetOwners).values(owners.map((personId) => ({ orgId: actor.orgId, targetId: row!.id, personId })));
    return row!;
  });
}

export async function updateTarget(
  db: Db,
  actor: Actor,
  { id, version, ownerIds, ...input }: z.output<typeof updateTargetInput>,
): Promise<Target> {
  // Only the controller edits the definition. A stale form is answered as such first: its owners may be stale too (archived since, say).
  if ((await loadInScope(db, actor, targets, id, "Target", "change")).version !== version) throw staleVersion("target");
  const owners = await checkRefs(db, actor, ownerIds, input.areaId);
  return db.transaction(async (tx) => {
    // The owners are replaced only by the save that won the version.
    const row = await saveVersioned(tx, targets, {
      where: inReach(targets, actor, eq(targets.id, id)),
      version,
      set: { ...input, updatedAt: new Date() },
      what: "target",
    });
    await tx.delete(targetOwners).where(inReach(targetOwners, actor, eq(targetOwners.targetId, id)));
    await tx.insert(targetOwners).values(owners.map((personId) => ({ orgId: actor.orgId, targetId: id, personId })));
    return row;
  });
}

export async function setTargetStatus(db: Db, actor: Actor, { id, status }: z.output<typeof setTargetStatusInput>) {
  const [row] = await db
    .update(targets)
    // The edit form saves the status too: a form opened before this change is stale now.
    .set({ status, version: bumpVersion(targets.version), updatedAt: new Date() })
    .where(inReach(targets, actor, eq(targets.id, id)))
    .returning();
  if (!row) throw notFound("Target");
  return row;
}

export async function deleteTarget(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .delete(targets)
    .where(inReach(targets, actor, eq(targets.id, id)))
    .returning();
  if (!row) throw notFound("Target");
  return row;
}
