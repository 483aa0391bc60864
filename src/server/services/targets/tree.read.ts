import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/types";
import { areas, metrics, people, targetOwners, targets } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { notFound } from "../kernel/errors";
import { inOrg, inScope, loadInScope, scopeSql, visibleTarget } from "../kernel/access";
import { buildTree, MAX_TARGET_DEPTH, MAX_TREE_NODES, type RolledUp, type TreeRow } from "@/lib/targets/tree";
import { foldTree, type FoldedNode } from "@/lib/targets/tree-fold";
import { decodeCursor, pageOf } from "@/lib/keyset";
import type { treesInput } from "@/lib/validators/target-lists";
import { z } from "zod";
import type { Health } from "@/lib/targets/status";
import { judgingDay, latestOfMetrics, rowsOf, storedHealthHolds, summarise, type Target } from "./targets.read";
import { healthOfRank, healthRank, momentSql } from "./health.sql";
import { groupBy } from "@/lib/group-by";
import { withStatuses } from "@/lib/targets/summary";

// Cascading targets, read: the tree under a target (bounded walks down the
// parent links, never the organisation's whole list), the targets above one
// (the breadcrumb) and the trees under the actor's own targets. Who sees what
// is the policy's (policy.ts, cascading targets): a node of a tree is shown
// when the actor sees it by the usual rule; what is above a target they see
// shows its title and health.

/** A target in a tree: what its row on a tree shows. */
export type TreeNode = {
  id: string;
  parentId: string | null;
  title: string;
  status: Target["status"];
  dueDate: string;
  health: Health | null;
  progress: number;
  controllerPersonId: string;
  owners: { id: string; name: string; track: "manager" | "ic" }[];
  areaName: string | null;
};

/** A target above the one asked about: its title and health, and whether the actor may open it (they see it by the usual rule). */
export type AncestorNode = { id: string; title: string; status: Target["status"]; health: Health | null; canOpen: boolean };

/**
 * The ids of the targets under each root (the roots included), walking down
 * the parent links at most MAX_TARGET_DEPTH levels and reading at most
 * `limit` rows: the index (org_id, parent_id) answers each step.
 */
async function walkDown(db: Db, actor: Actor, rootIds: string[], limit: number) {
  if (rootIds.length === 0) return [] as { root_id: string; id: string }[];
  const roots = sql.join(
    rootIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const result = await db.execute(sql`
    with recursive down(root_id, id, depth) as (
      select r.id, r.id, 0 from ${targets} r where ${scopeSql(actor, sql`r.org_id`)} and r.id in (${roots})
      union all
      select down.root_id, c.id, down.depth + 1 from down
      join ${targets} c on ${scopeSql(actor, sql`c.org_id`)} and c.parent_id = down.id
      where down.depth < ${MAX_TARGET_DEPTH - 1}
    )
    select root_id, id from down order by depth limit ${limit}`);
  return rowsOf<{ root_id: string; id: string }>(result);
}

/** A target's row as its health is read: the stored rank and whether it holds now, or what to judge it on. */
type HealthRow = { id: string; status: Target["status"]; startDate: string; dueDate: string; healthRank: number | null; stored: boolean };

const healthColumns = (now: Date) => ({
  id: targets.id,
  status: targets.status,
  startDate: targets.startDate,
  dueDate: targets.dueDate,
  healthRank: targets.healthRank,
  stored: storedHealthHolds(momentSql(now)),
});

/**
 * The health of `rows`: the stored rank where it holds (health.stored.ts),
 * and for the few others (written since the last re-judgement, expired, in
 * their due day's window) the pure rule on their metrics, whose rows carry
 * their latest value (one more statement, only for those). Rather than the
 * lists' live rank in SQL: building that statement costs ~2.4 ms in Drizzle
 * (warm), for rows that are nearly always all stored.
 */
async function healthsOf(db: Db, actor: Actor, rows: HealthRow[], now: Date) {
  const out = new Map<string, Health | null>();
  const live: HealthRow[] = [];
  for (const r of rows) {
    if (r.stored && r.healthRank !== null) out.set(r.id, healthOfRank(r.healthRank));
    else live.push(r);
  }
  if (live.length === 0) return out;
  const [metricRows, today] = await Promise.all([
    db
      .select()
      .from(metrics)
      .where(
        inOrg(
          metrics,
          actor,
          inArray(
            metrics.targetId,
            live.map((r) => r.id),
          ),
        ),
      ),
    judgingDay(
      db,
      actor,
      live.map((r) => r.dueDate),
      now,
    ),
  ]);
  const latest = latestOfMetrics(metricRows);
  const metricsOf = groupBy(metricRows, (m) => m.targetId);
  for (const r of live) out.set(r.id, withStatuses(r, metricsOf.get(r.id) ?? [], latest, now, today).health);
  return out;
}

/**
 * The trees' nodes the actor sees, one row each: their parent and health
 * (healthsOf), in the order a tree shows siblings before its roll-up sorts
 * them (trouble first, then by due date and title). No check-in is read, and
 * no metric unless a node's stored health is unknown: enough to roll the trees up.
 */
async function treeRows(db: Db, actor: Actor, ids: string[], now: Date): Promise<TreeRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ ...healthColumns(now), parentId: targets.parentId })
    .from(targets)
    .where(inScope(targets, actor, inArray(targets.id, [...new Set(ids)])))
    .orderBy(asc(targets.dueDate), asc(targets.title), asc(targets.id));
  const health = await healthsOf(db, actor, rows, now);
  const nodes = rows.map((r) => ({ id: r.id, parentId: r.parentId, health: health.get(r.id) ?? null }));
  // Trouble first, the SQL order otherwise (a stable sort).
  return nodes.sort((a, b) => healthRank(a.health) - healthRank(b.health));
}

/** What a node shown on a tree says besides its health: title, dates, progress, owners (for the nodes a page shows, not those folded away). */
async function nodeDetails(db: Db, actor: Actor, ids: string[], now: Date) {
  if (ids.length === 0) return new Map<string, Omit<TreeNode, "health">>();
  const rows = await db
    .select({ target: targets, areaName: areas.name })
    .from(targets)
    .leftJoin(areas, and(eq(areas.id, targets.areaId), eq(areas.orgId, targets.orgId)))
    .where(inScope(targets, actor, inArray(targets.id, ids)));
  // The nodes' parents are in the tree: no chains of targets above (summarise's partOf).
  const summaries = await summarise(db, actor, rows, now, { partOf: false });
  return new Map(
    summaries.map((t): [string, Omit<TreeNode, "health">] => [
      t.id,
      {
        id: t.id,
        parentId: t.parentId,
        title: t.title,
        status: t.status,
        dueDate: t.dueDate,
        progress: t.progress,
        controllerPersonId: t.controllerPersonId,
        owners: t.owners,
        areaName: t.areaName,
      },
    ]),
  );
}

/**
 * Rolls up and folds the trees under `rootIds` from their nodes' ids, then
 * reads the details of the nodes left open: the roll-up reads one row per
 * node (treeRows), the details only what the page shows, so a tree of 500
 * nodes folded to 30 reads the metrics and owners of 30.
 */
async function foldedTrees(db: Db, actor: Actor, rootIds: string[], ids: string[], now: Date, budget?: number) {
  const rows = await treeRows(db, actor, ids, now);
  const folded = rootIds
    .map((r) => buildTree(rows, r))
    .filter((t): t is RolledUp<TreeRow> => t !== null)
    .map((t) => foldTree(t, budget));
  const shown = folded.flatMap((t) => flattenFolded(t).map((n) => n.id));
  const details = await nodeDetails(db, actor, shown, now);
  const attach = (node: FoldedNode<TreeRow>): FoldedNode<TreeNode> | null => {
    const detail = details.get(node.id);
    // A node deleted between the two reads: left out with its branch.
    if (!detail) return null;
    const { id: _id, parentId: _parent, health, children, ...rollUp } = node;
    return {
      ...detail,
      health,
      ...rollUp,
      children: children.map(attach).filter((c): c is FoldedNode<TreeNode> => c !== null),
    };
  };
  return folded.map(attach).filter((t): t is FoldedNode<TreeNode> => t !== null);
}

/** The nodes of a folded tree that a page shows, depth first. */
const flattenFolded = <T extends TreeRow>(node: FoldedNode<T>): FoldedNode<T>[] => [node, ...node.children.flatMap(flattenFolded)];

/**
 * The targets above `target` (one the actor sees), root first, with their
 * title and health, and whether the actor may open each one. One walk up
 * (at most MAX_TARGET_DEPTH steps), then their rows with the health rank.
 */
export async function ancestorsOf(db: Db, actor: Actor, target: { id: string; parentId: string | null }, now = new Date()) {
  if (!target.parentId) return [] as AncestorNode[];
  const result = await db.execute(sql`
    with recursive up(id, depth) as (
      select ${target.parentId}::uuid, 1
      union all
      select p.parent_id, up.depth + 1 from up
      join ${targets} p on ${scopeSql(actor, sql`p.org_id`)} and p.id = up.id
      where p.parent_id is not null and up.depth < ${MAX_TARGET_DEPTH}
    )
    select a.id, up.depth, ${visibleTarget(actor, sql`a.id`)} as can_open from up
    join ${targets} a on ${scopeSql(actor, sql`a.org_id`)} and a.id = up.id
    order by up.depth desc`);
  const found = rowsOf<{ id: string; depth: number; can_open: boolean }>(result);
  if (found.length === 0) return [];
  // Their health as the tree's nodes' (healthsOf), read in the organisation.
  const rows = await db
    .select({ ...healthColumns(now), title: targets.title })
    .from(targets)
    .where(
      inOrg(
        targets,
        actor,
        inArray(
          targets.id,
          found.map((f) => f.id),
        ),
      ),
    );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const health = await healthsOf(db, actor, rows, now);
  return found.flatMap((f): AncestorNode[] => {
    const row = byId.get(f.id);
    return row
      ? [{ id: row.id, title: row.title, status: row.status, health: health.get(row.id) ?? null, canOpen: Boolean(f.can_open) }]
      : [];
  });
}

/**
 * The tree under a target the actor sees, rolled up over the nodes read (at
 * most MAX_TREE_NODES: `truncated` says when there were more), then folded
 * for the page: whole levels within TREE_OPENING_BUDGET nodes, the branches
 * below them load when unfolded (getTreeBranch). The roll-up stays the whole
 * subtree's, folded or not, so the trouble below a fold still shows.
 */
async function foldedSubtree(db: Db, actor: Actor, id: string, now: Date) {
  const ids = await walkDown(db, actor, [id], MAX_TREE_NODES + 1);
  const [tree] = await foldedTrees(
    db,
    actor,
    [id],
    ids.slice(0, MAX_TREE_NODES).map((r) => r.id),
    now,
  );
  if (!tree) throw notFound("Target");
  return { tree, truncated: ids.length > MAX_TREE_NODES };
}

/**
 * A target's tree: the targets above it (the breadcrumb, title and health)
 * and the tree under it, rolled up (the worst health of each branch, the
 * counts below) and folded below the levels that fit a page. The nodes are
 * those the actor sees: a sub-target they do not see is left out with
 * everything under it. NOT_FOUND unless the actor sees the target.
 */
export async function getTargetTree(db: Db, actor: Actor, id: string, now = new Date()) {
  const [row] = await db
    .select()
    .from(targets)
    .where(inScope(targets, actor, eq(targets.id, id)))
    .limit(1);
  if (!row) throw notFound("Target");
  const [{ tree, truncated }, ancestors] = await Promise.all([foldedSubtree(db, actor, id, now), ancestorsOf(db, actor, row, now)]);
  return {
    ancestors,
    tree,
    truncated,
    /** Whether the actor may set sub-targets under this one: its controller or an owner. */
    canSplit: row.controllerPersonId === actor.personId || tree.owners.some((o) => o.id === actor.personId),
  };
}

/**
 * A folded branch of a tree, opened: the subtree under `id` (a target the
 * actor sees; otherwise NOT_FOUND), rolled up and folded again below the
 * levels that fit, as the org chart's branches open (people/chart.read.ts).
 */
export async function getTreeBranch(db: Db, actor: Actor, id: string, now = new Date()) {
  await loadInScope(db, actor, targets, id, "Target");
  return foldedSubtree(db, actor, id, now);
}

/** A page of the tree page: this many trees. */
export const TREES_PAGE = 10;
/** A tree of the tree page opens with fewer nodes than a target's own page: several share the screen. */
const TREE_PAGE_BUDGET = 30;
const treeKey = z.tuple([z.iso.date(), z.string().max(1000), z.uuid()]);

/**
 * The trees under the actor's own targets (those they control or own) that
 * have sub-targets, each rolled up, by due date, a page of TREES_PAGE at a
 * time (keyset on (due_date, title, id)). A target of theirs under another of
 * theirs is shown inside that one's tree, not again on its own: the roots are
 * those with no target of theirs above (at most MAX_TARGET_DEPTH - 1 parent
 * links up, each a primary-key probe). Then one walk down from the page's
 * roots (at most MAX_TREE_NODES rows), and each tree folded for the page.
 */
export async function listMyTrees(db: Db, actor: Actor, input?: z.output<typeof treesInput>, now = new Date()) {
  const limit = input?.limit ?? TREES_PAGE;
  const after = decodeCursor(input?.cursor, treeKey);
  const mineAt = (t: SQL) =>
    sql`(${t}.controller_person_id = ${actor.personId} or exists (select 1 from ${targetOwners} o where o.org_id = ${actor.orgId} and o.target_id = ${t}.id and o.person_id = ${actor.personId}))`;
  const child = sql`exists (select 1 from ${targets} c where ${scopeSql(actor, sql`c.org_id`)} and c.parent_id = ${targets.id})`;
  // The actor's own targets as a set read from their indexes (controller, owners), not a test of each
  // row: otherwise PostgreSQL drove the page from every target with a child (all of the org's parent
  // links hashed), and the plan's cost set off JIT compilation (80 ms on the org-size account).
  const mine = sql`${targets.id} in (select t.id from ${targets} t where t.org_id = ${actor.orgId} and t.controller_person_id = ${actor.personId}
    union select o.target_id from ${targetOwners} o where o.org_id = ${actor.orgId} and o.person_id = ${actor.personId})`;
  // The targets above, up to the deepest a tree goes: none of them may be the actor's.
  const ups = Array.from({ length: MAX_TARGET_DEPTH - 1 }, (_, i) => sql.raw(`up${i + 1}`));
  const upJoins = sql.join(
    ups.map(
      (u, i) =>
        sql`left join ${targets} ${u} on ${u}.org_id = ${actor.orgId} and ${u}.id = ${i === 0 ? sql`${targets}.parent_id` : sql`${ups[i - 1]}.parent_id`}`,
    ),
    sql` `,
  );
  const noneAbove = sql`not exists (select 1 from (select 1) as self ${upJoins} where ${sql.join(
    ups.map((u) => sql`(${u}.id is not null and ${mineAt(u)})`),
    sql` or `,
  )})`;
  const own = await db
    .select({ id: targets.id, dueDate: targets.dueDate, title: targets.title })
    .from(targets)
    .where(
      inScope(
        targets,
        actor,
        mine,
        child,
        noneAbove,
        after
          ? sql`(${targets.dueDate}, ${targets.title}, ${targets.id}) > (${after[0]}::date, ${after[1]}, ${after[2]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(targets.dueDate), asc(targets.title), asc(targets.id))
    .limit(limit + 1);
  const page = pageOf(own, limit, (r) => [r.dueDate, r.title, r.id]);
  const rootIds = page.items.map((r) => r.id);
  const walked = await walkDown(db, actor, rootIds, MAX_TREE_NODES + 1);
  const truncated = walked.length > MAX_TREE_NODES;
  const kept = walked.slice(0, MAX_TREE_NODES);
  const trees = await foldedTrees(
    db,
    actor,
    rootIds,
    kept.map((r) => r.id),
    now,
    TREE_PAGE_BUDGET,
  );
  // The controllers' names of the nodes shown (the owners' are already on the nodes).
  const controllerIds = [...new Set(trees.flatMap((t) => flattenFolded(t).map((n) => n.controllerPersonId)))];
  const controllers = controllerIds.length
    ? await db
        .select({ id: people.id, name: people.name })
        .from(people)
        .where(inScope(people, actor, inArray(people.id, controllerIds)))
    : [];
  return { trees, truncated, controllers: Object.fromEntries(controllers.map((c) => [c.id, c.name])), nextCursor: page.nextCursor };
}
