import { sql } from "drizzle-orm";
import type { Db } from "../../db/types";
import { chartCounts, personAncestors, people } from "../../db/schema/index";

/**
 * Keeps the chart's closure table (person_ancestors) and the report counts
 * derived from it (chart_counts) true to the reporting lines. Called inside
 * the transaction that changed them, under the organisation's lock (lockOrg),
 * so two line changes at once are serialised.
 */

/** A new person under `managerId` (null: a new top): their own row and one per ancestor of the manager. */
export async function addToChart(tx: Db, orgId: string, personId: string, managerId: string | null): Promise<void> {
  await tx.insert(personAncestors).values({ orgId, ancestorId: personId, descendantId: personId, depth: 0 });
  if (!managerId) return;
  await tx.execute(sql`
    insert into ${personAncestors} (org_id, ancestor_id, descendant_id, depth)
    select org_id, ancestor_id, ${personId}, depth + 1 from ${personAncestors}
    where org_id = ${orgId} and descendant_id = ${managerId}`);
  await recountChart(tx, orgId);
}

/**
 * Rewrites the organisation's closure table from `people.manager_id`: after a
 * line change, an archive that moves reports, or a bulk load. One statement
 * pair; for an org of 2,000 people eight levels deep that is ~16,000 rows.
 */
export async function rebuildChart(tx: Db, orgId: string, options: { bulk?: boolean } = {}): Promise<void> {
  await tx.execute(sql`delete from ${personAncestors} where org_id = ${orgId}`);
  await tx.execute(sql`
    insert into ${personAncestors} (org_id, ancestor_id, descendant_id, depth)
    with recursive chain as (
      select org_id, id as ancestor_id, id as descendant_id, 0 as depth from people where org_id = ${orgId}
      union all
      select c.org_id, p.manager_id, c.descendant_id, c.depth + 1
      from chain c join people p on p.org_id = c.org_id and p.id = c.ancestor_id
      where p.manager_id is not null and c.depth < 1000
    )
    select org_id, ancestor_id, descendant_id, depth from chain`);
  // After a bulk load (an import) the planner's row counts still say the organisation is empty, and
  // it recounts with a nested loop over every closure row per person: 95 s for a 5,000-person CSV on
  // PostgreSQL (bench/RESULTS.md, "No tenant slows another"). Counting the new rows first makes it
  // the hash join it is otherwise. ANALYZE samples; in a transaction it sees the transaction's rows.
  if (options.bulk) await tx.execute(sql`analyze ${people}, ${personAncestors}`);
  await recountChart(tx, orgId);
}

/**
 * Rewrites the organisation's report counts from the closure table: after any
 * change of line, and when someone is archived or restored (only active people
 * count). One grouped read of the org's closure rows.
 */
export async function recountChart(tx: Db, orgId: string): Promise<void> {
  const pa = personAncestors;
  await tx.execute(sql`delete from ${chartCounts} where ${chartCounts.orgId} = ${orgId}`);
  await tx.execute(sql`
    insert into ${chartCounts} (org_id, person_id, direct_reports, total_reports)
    select ${pa.orgId}, ${pa.ancestorId}, count(*) filter (where ${pa.depth} = 1), count(*)
    from ${pa} join ${people} on ${people.orgId} = ${pa.orgId} and ${people.id} = ${pa.descendantId}
    where ${pa.orgId} = ${orgId} and ${pa.depth} > 0 and ${people.archivedAt} is null
    group by ${pa.orgId}, ${pa.ancestorId}`);
}
