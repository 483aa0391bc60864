import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/types";
import { targetOwners, targets } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { notFound } from "../kernel/errors";
import { isForeignKeyViolation } from "../kernel/db-errors";
import { inReach, loadInScope, requireReferences } from "../kernel/access";
import { bumpVersion, saveVersioned, staleVersion } from "../kernel/versioned";
import type { createTargetInput, setTargetStatusInput, updateTargetInput } from "@/lib/validators/targets";
import type { z } from "zod";
import type { Target } from "./targets.read";
import { checkNewParent, childCount, hasSubTargets, lockTrees } from "./tree.write";
import { refreshTargetHealth, rejudgeAfterWrite } from "./health.stored";

// Targets: the writes (create, edit, status, delete). Metrics and check-ins are in
// metrics.write.ts; the reads in targets.read.ts.

/**
 * Owners must be active people the controller may place (their own part of the
 * chart, themselves included; strictly below them for a sub-target) and the
 * area one the actor sees; answers the owners without repeats.
 */
async function checkRefs(db: Db, actor: Actor, ownerIds: string[], areaId: string | null, sub = false) {
  const unique = [...new Set(ownerIds)];
  await requireReferences(db, actor, sub ? "subOwner" : "owner", "ownerIds", unique);
  await requireReferences(db, actor, "area", "areaId", areaId);
  return unique;
}

/**
 * The actor becomes its controller: they decide its definition, owners and
 * lifecycle. With `parentId`, a sub-target: under a target the actor
 * controls or owns, owned by people below them (tree.write.ts).
 */
export async function createTarget(
  db: Db,
  actor: Actor,
  { ownerIds, parentId, ...input }: z.output<typeof createTargetInput>,
): Promise<Target> {
  const owners = await checkRefs(db, actor, ownerIds, input.areaId, parentId !== null);
  try {
    return await db.transaction(async (tx) => {
      if (parentId !== null) {
        // Checked under the trees' lock: the parent cannot be moved deeper meanwhile.
        await lockTrees(tx, actor);
        await checkNewParent(tx, actor, parentId);
      }
      const [row] = await tx
        .insert(targets)
        .values({ orgId: actor.orgId, controllerPersonId: actor.personId, parentId, ...input })
        .returning();
      await tx.insert(targetOwners).values(owners.map((personId) => ({ orgId: actor.orgId, targetId: row!.id, personId })));
      // Its stored health (unknown on insert, see health.stored.ts), judged in the same transaction.
      await refreshTargetHealth(tx, actor.orgId, [row!.id]);
      return row!;
    });
  } catch (error) {
    // The parent was deleted meanwhile.
    if (isForeignKeyViolation(error) && parentId !== null) throw notFound("Target");
    throw error;
  }
}

export async function updateTarget(
  db: Db,
  actor: Actor,
  { id, version, ownerIds, ...input }: z.output<typeof updateTargetInput>,
): Promise<Target> {
  // Only the controller edits the definition. A stale form is answered as such first: its owners may be stale too (archived since, say).
  const current = await loadInScope(db, actor, targets, id, "Target", "change");
  if (current.version !== version) throw staleVersion("target");
  // A sub-target stays owned by people below its controller.
  const owners = await checkRefs(db, actor, ownerIds, input.areaId, current.parentId !== null);
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
    // New dates or status: the stored health was made unknown by the trigger; judged again here.
    await refreshTargetHealth(tx, actor.orgId, [id]);
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
  await rejudgeAfterWrite(db, actor.orgId, { targetIds: [id] });
  return row;
}

/**
 * Deletes a target (its controller's) with its metrics, check-ins, thread and
 * statuses. A target with sub-targets is not deleted: they are neither
 * deleted with it nor cut loose (CONFLICT, saying how many; the foreign key
 * refuses it too, should one be added meanwhile).
 */
export async function deleteTarget(db: Db, actor: Actor, id: string) {
  const noChildren = sql`not exists (select 1 from ${targets} as ${sql.identifier("sub")} where ${sql.identifier("sub")}.org_id = ${actor.orgId} and ${sql.identifier("sub")}.parent_id = ${targets.id})`;
  let row: Target | undefined;
  try {
    [row] = await db
      .delete(targets)
      .where(and(inReach(targets, actor, eq(targets.id, id)), noChildren))
      .returning();
  } catch (error) {
    if (!isForeignKeyViolation(error)) throw error;
  }
  if (row) return row;
  // Out of reach is NOT_FOUND before anything is said about its sub-targets.
  await loadInScope(db, actor, targets, id, "Target", "change");
  throw hasSubTargets(Math.max(1, await childCount(db, actor, id)));
}
