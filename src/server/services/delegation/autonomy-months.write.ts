import { sql } from "drizzle-orm";
import type { Db } from "../../db/types";
import { autonomyMonths, levelChanges, people, tasks } from "../../db/schema/index";

/**
 * Keeps autonomy_months (the autonomy trend by month, see the schema) true to
 * level_changes and tasks. Called inside the transaction of every write that
 * adds, removes or moves level changes or tasks: a task made, deleted or moved
 * to a level (moveLevel), a spectrum switch, an import, the demo. Deleting a
 * person needs no call: their months go with them (foreign keys, as their
 * tasks do).
 *
 * It rewrites the months of whole delegatees (`personIds`), or of the whole
 * organisation ("all"), from their level history: a task deleted takes its
 * changes out of every month after its first, so an incremental update would
 * have to replay the task anyway. A person's history is small; the whole
 * organisation is rewritten only by the rare writes that touch every task.
 * The people's rows are locked first, so two writes for the same person (two
 * of their tasks changed at once) rewrite their months one after the other
 * instead of both inserting the same keys.
 */
export async function refreshAutonomyMonths(tx: Db, orgId: string, personIds: readonly string[] | "all") {
  if (personIds !== "all" && personIds.length === 0) return;
  const ids = personIds === "all" ? [] : [...new Set(personIds)].sort();
  const ofPeople = (column: unknown) =>
    personIds === "all"
      ? sql``
      : sql`and ${column} in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`;
  await tx.execute(
    sql`select 1 from ${people} where ${people.orgId} = ${orgId} ${ofPeople(people.id)} order by ${people.id} for no key update`,
  );
  await tx.execute(sql`delete from ${autonomyMonths} where ${autonomyMonths.orgId} = ${orgId} ${ofPeople(autonomyMonths.personId)}`);
  // Each change's step from the task's previous level (in the order of time, ties by id, as the trend reads them).
  await tx.execute(sql`
    insert into ${autonomyMonths} (org_id, person_id, delegator_person_id, month, changes, tasks, autonomy_sum)
    select c.org_id, c.person_id, c.delegator_person_id, c.month, count(*)::int, (count(*) filter (where c.prev is null))::int,
           sum(c.to_autonomy - coalesce(c.prev, 0))
    from (
      select lc.org_id, t.person_id, t.delegator_person_id, date_trunc('month', lc.at at time zone 'UTC')::date as month, lc.to_autonomy,
             lag(lc.to_autonomy) over (partition by lc.task_id order by lc.at, lc.id) as prev
      from ${levelChanges} lc
      join ${tasks} t on t.org_id = lc.org_id and t.id = lc.task_id
      where lc.org_id = ${orgId} ${ofPeople(sql`t.person_id`)}
    ) c
    group by c.org_id, c.person_id, c.delegator_person_id, c.month`);
}
