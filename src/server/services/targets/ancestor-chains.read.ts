import { and, eq, isNotNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/types";
import { targets } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { actorValues, oneOfIds, preparedFor } from "../kernel/prepared";
import { MAX_TARGET_DEPTH } from "@/lib/targets/tree";

/** A target above another one, as whoever sees the lower one sees it: its title (see policy.ts, cascading targets). */
export type AncestorBrief = { id: string; title: string };

/** The targets above a target, nearest first: a tree has MAX_TARGET_DEPTH levels at most (tree.write.ts refuses a deeper one). */
const above = Array.from({ length: MAX_TARGET_DEPTH - 1 }, (_, i) => alias(targets, `above_${i + 1}`));

/** Their ids and titles as the row's columns `above_id_0`, `above_title_0` (the parent), `above_id_1`, … */
const aboveColumns = Object.fromEntries(
  above.flatMap((a, i) => [
    [`above_id_${i}`, a.id],
    [`above_title_${i}`, a.title],
  ]),
);

/**
 * One row per target of the page that has a parent: its parent, the parent's
 * parent, … as a fixed run of left joins, each a primary-key probe. It was a
 * recursive walk up, whose plan PostgreSQL made per call (its page of ids
 * written out) and which the org-size account paid 3.2 ms for 87 rows; this
 * one is built and planned once (kernel/prepared.ts), the page's ids one
 * array parameter.
 */
function chainsQuery(db: Db, actor: Actor) {
  return preparedFor(db, actor, "target_chains_of", "", (stand, name) => {
    let query = db
      .select({ id: targets.id, ...aboveColumns })
      .from(targets)
      .$dynamic();
    above.forEach((a, i) => {
      const below = i === 0 ? targets : above[i - 1]!;
      // Each join changes the builder's type (one more nullable table); the row is read by column name below.
      query = query.leftJoin(a, and(eq(a.orgId, below.orgId), eq(a.id, below.parentId))) as unknown as typeof query;
    });
    return query.where(and(eq(targets.orgId, stand.orgId), oneOfIds(targets.id, "ids"), isNotNull(targets.parentId))).prepare(name);
  });
}

/**
 * The targets above each of `targetRows` (their parent, the parent's parent,
 * …), root first. The targets given are ones the actor sees; what is above
 * them is read in the organisation alone, for its title (the policy's rule
 * for cascading targets: whoever sees a target sees what it contributes to).
 */
export async function ancestorChains(db: Db, actor: Actor, targetRows: { id: string; parentId: string | null }[]) {
  const chains = new Map<string, AncestorBrief[]>();
  const ids = targetRows.filter((r) => r.parentId !== null).map((r) => r.id);
  if (ids.length === 0) return chains;
  const rows = (await chainsQuery(db, actor).execute({ ...actorValues(actor), ids })) as Record<string, string | null>[];
  for (const row of rows) {
    const chain: AncestorBrief[] = [];
    for (let i = 0; i < above.length; i++) {
      const id = row[`above_id_${i}`];
      if (!id) break;
      chain.unshift({ id, title: row[`above_title_${i}`]! });
    }
    chains.set(row.id!, chain);
  }
  return chains;
}
