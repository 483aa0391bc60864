import { count, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/types";
import { targetOwners, targets } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { AppError, fieldError } from "../kernel/errors";
import { inOrg, inReach, inScope, loadInScope, scopeSql, splitsTarget, strictlyUnderMe } from "../kernel/access";
import { saveVersioned, staleVersion } from "../kernel/versioned";
import { MAX_TARGET_DEPTH, parentProblem } from "@/lib/targets/tree";
import type { setTargetParentInput } from "@/lib/validators/targets";
import type { z } from "zod";
import { rowsOf, type Target } from "./targets.read";

// Cascading targets, written: where a target sits in its tree. A sub-target is
// made by createTarget with a parent (targets.write.ts, through
// checkNewParent); a target is moved under another one, or made top-level
// again, by setTargetParent. The rules are the policy's (policy.ts, cascading
// targets); the shape of a tree (no cycles, at most MAX_TARGET_DEPTH levels)
// is lib/targets/tree.ts's.

/**
 * Changes of the trees of one organisation, one at a time: two moves at once
 * could otherwise each pass the cycle check and make a loop together. Taken
 * in the transaction of the change; released with it.
 */
export async function lockTrees(tx: Db, actor: Actor) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`targets-tree:${actor.orgId}`}))`);
}

/** The ids from `id` up to its root, `id` first (at most MAX_TARGET_DEPTH + 1 of them: a longer chain is refused anyway). */
async function chainUp(db: Db, actor: Actor, id: string): Promise<string[]> {
  const result = await db.execute(sql`
    with recursive up(id, depth) as (
      select ${id}::uuid, 0
      union all
      select p.parent_id, up.depth + 1 from up
      join ${targets} p on ${scopeSql(actor, sql`p.org_id`)} and p.id = up.id
      where p.parent_id is not null and up.depth < ${MAX_TARGET_DEPTH}
    )
    select id from up order by depth`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/** How many levels lie below `id` (0: no sub-targets), walking down at most MAX_TARGET_DEPTH levels. */
async function heightOf(db: Db, actor: Actor, id: string): Promise<number> {
  const result = await db.execute(sql`
    with recursive down(id, depth) as (
      select ${id}::uuid, 0
      union all
      select c.id, down.depth + 1 from down
      join ${targets} c on ${scopeSql(actor, sql`c.org_id`)} and c.parent_id = down.id
      where down.depth < ${MAX_TARGET_DEPTH}
    )
    select coalesce(max(depth), 0)::int as height from down`);
  return Number(rowsOf<{ height: number }>(result)[0]?.height ?? 0);
}

/**
 * The parent a target is set under: one the actor sees and may split (its
 * controller or an owner: splitsTarget), with room for `height` more levels
 * below the new target, and not `targetId` itself or one of its sub-targets.
 * Answers NOT_FOUND next to the field for a parent out of reach, BAD_REQUEST
 * for a tree that would be too deep or loop.
 */
export async function checkNewParent(db: Db, actor: Actor, parentId: string, targetId: string | null = null, height = 0) {
  // splitsTarget reads `targets` itself: applied to a parameter, not to the row of a query on that very table (see policy.ts).
  const [parent] = await db
    .select({ id: targets.id, mine: sql<boolean>`${splitsTarget(actor, sql`${parentId}::uuid`)}` })
    .from(targets)
    .where(inScope(targets, actor, eq(targets.id, parentId)))
    .limit(1);
  if (!parent?.mine) throw fieldError("NOT_FOUND", "parentId", "That target is not one you set or own.");
  const problem = parentProblem(targetId ?? "", await chainUp(db, actor, parentId), height);
  if (problem) throw fieldError("BAD_REQUEST", "parentId", problem);
}

/**
 * Moves a target (its controller's) under another one, or makes it a
 * top-level target again (`parentId` null). Under another target, its owners
 * must be below the actor, as a sub-target's are. Against the target's
 * version: a stale page is a CONFLICT.
 */
export async function setTargetParent(
  db: Db,
  actor: Actor,
  { id, parentId, version }: z.output<typeof setTargetParentInput>,
): Promise<Target> {
  return db.transaction(async (tx) => {
    await lockTrees(tx, actor);
    const target = await loadInScope(tx, actor, targets, id, "Target", "change");
    if (target.version !== version) throw staleVersion("target");
    if (parentId !== null) {
      await checkNewParent(tx, actor, parentId, id, await heightOf(tx, actor, id));
      const [{ n }] = (await tx
        .select({ n: count() })
        .from(targetOwners)
        .where(inOrg(targetOwners, actor, eq(targetOwners.targetId, id), sql`not ${strictlyUnderMe(actor, targetOwners.personId)}`))) as [
        { n: number },
      ];
      if (Number(n) > 0) throw fieldError("BAD_REQUEST", "parentId", "A sub-target is owned by people below you: change its owners first.");
    }
    return saveVersioned(tx, targets, {
      where: inReach(targets, actor, eq(targets.id, id)),
      version,
      set: { parentId, updatedAt: new Date() },
      what: "target",
    });
  });
}

/** How many sub-targets a target has (directly under it). */
export async function childCount(db: Db, actor: Actor, id: string): Promise<number> {
  const [{ n }] = (await db
    .select({ n: count() })
    .from(targets)
    .where(inOrg(targets, actor, eq(targets.parentId, id)))) as [{ n: number }];
  return Number(n);
}

/** The refusal of deleting a target that has sub-targets: they are never deleted or cut loose with it. */
export function hasSubTargets(n: number): AppError {
  return new AppError(
    "CONFLICT",
    `This target has ${n} sub-target${n === 1 ? "" : "s"}. Delete ${n === 1 ? "it" : "them"} first, or move ${n === 1 ? "it" : "them"} out from under this one (on ${n === 1 ? "its" : "their"} own page, by whoever set ${n === 1 ? "it" : "them"}).`,
  );
}
