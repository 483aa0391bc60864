/**
 * A generated account of a given size, written straight into the database
 * with set-based SQL (seconds, not minutes, for 100,000 check-ins): people,
 * targets with a metric and its check-ins, tasks with a level change, held
 * 1:1s with a note, and a year of energy entries. Used by the scale and
 * Lighthouse benchmarks.
 */
import { sql } from "drizzle-orm";
import type { createCaller } from "../../src/server/api/root";
import type { Db } from "../../src/server/db/types";
import type { Actor } from "../../src/server/services/kernel/actor";
import { rebuildChart } from "../../src/server/services/people/chart.write";

type Caller = ReturnType<typeof createCaller>;

export type Size = { people: number; targets: number; checkInsPerMetric: number; tasks: number; oneOnOnes: number; energyDays: number };
export const LARGE: Size = { people: 200, targets: 500, checkInsPerMetric: 200, tasks: 2_000, oneOnOnes: 2_000, energyDays: 365 };
export const SMALL: Size = { people: 10, targets: 25, checkInsPerMetric: 200, tasks: 100, oneOnOnes: 100, energyDays: 365 };

/**
 * Everyone reports to the account's user (the top of its organisation's chart), who holds every
 * task and 1:1 and wrote every note: the single-manager account of before organisations.
 */
export async function generateAccount(db: Db, user: { id: string; caller: Caller; actor: Actor }, s: Size) {
  const spectrum = await user.caller.delegation.activeSpectrum();
  const owner = user.actor.orgId;
  const me = user.actor.personId;
  await db.execute(sql`insert into people (org_id, name, track, level, cadence, manager_id)
    select ${owner}, 'Person ' || g, case when g % 3 = 0 then 'manager' else 'ic' end, case when g % 3 = 0 then 'em' else 'staff' end, 'fortnightly', ${me}::uuid
    from generate_series(1, ${s.people}) g`);
  await rebuildChart(db, owner);
  await db.execute(sql`insert into targets (org_id, controller_person_id, title, kind, status, start_date, due_date)
    select ${owner}, ${me}::uuid, 'Target ' || g, 'reliability', 'active', current_date - 90, current_date + 90 from generate_series(1, ${s.targets}) g`);
  await db.execute(sql`insert into target_owners (org_id, target_id, person_id)
    select ${owner}, t.id, p.id from (select id, row_number() over (order by id) n from targets where org_id = ${owner}) t
    join (select id, row_number() over (order by id) n from people where org_id = ${owner} and id <> ${me}) p on p.n = 1 + (t.n % ${s.people})`);
  await db.execute(sql`insert into metrics (org_id, target_id, name, unit, direction, baseline, goal)
    select ${owner}, id, 'Uptime', '%', 'higher', 99, 99.9 from targets where org_id = ${owner}`);
  await db.execute(sql`insert into check_ins (org_id, metric_id, at, value)
    select ${owner}, m.id, now() - g * interval '6 hours', 99 + random() from metrics m, generate_series(1, ${s.checkInsPerMetric}) g where m.org_id = ${owner}`);
  await db.execute(sql`insert into tasks (org_id, person_id, delegator_person_id, title, competency, criticality, level_id, review_date)
    select ${owner}, p.id, ${me}::uuid, 'Task ' || g, 1 + g % 5, 1 + (g / 5) % 5, ${spectrum.levels[3]!.id}, current_date + (g % 60) - 30
    from generate_series(1, ${s.tasks}) g join (select id, row_number() over (order by id) n from people where org_id = ${owner} and id <> ${me}) p on p.n = 1 + (g % ${s.people})`);
  await db.execute(sql`insert into level_changes (org_id, task_id, to_label, to_autonomy, at)
    select ${owner}, id, ${spectrum.levels[3]!.label}, ${spectrum.levels[3]!.autonomy}, now() - interval '100 days' from tasks where org_id = ${owner}`);
  await db.execute(sql`insert into one_on_ones (org_id, person_id, manager_person_id, scheduled_at, status, held_at)
    select ${owner}, p.id, ${me}::uuid, now() - (g / ${s.people}) * interval '14 days', 'held', now() - (g / ${s.people}) * interval '14 days'
    from generate_series(1, ${s.oneOnOnes}) g join (select id, row_number() over (order by id) n from people where org_id = ${owner} and id <> ${me}) p on p.n = 1 + (g % ${s.people})`);
  await db.execute(sql`insert into coaching_notes (org_id, person_id, one_on_one_id, kind, body, author_person_id)
    select org_id, person_id, id, 'coaching', 'Note', manager_person_id from one_on_ones where org_id = ${owner}`);
  await db.execute(sql`insert into energy_entries (org_id, user_id, day, slot, level, tags)
    select ${owner}, ${user.actor.userId}::uuid, current_date - d, s, 1 + (d * 7 + length(s)) % 10, array['meetings']
    from generate_series(0, ${s.energyDays - 1}) d, unnest(array['start', 'middle', 'end']) s`);
  // As autovacuum would after a load this size: the planner needs the row counts.
  await db.execute(sql`analyze`);
  const firstPerson = (await user.caller.people.list({})) as { rows?: { id: string }[] } | { id: string }[];
  const rows = Array.isArray(firstPerson) ? firstPerson : (firstPerson.rows ?? []);
  // An array, or a first page `{ items, nextCursor }` once the list is paginated (issue #20).
  const targetList = (await user.caller.targets.list({ status: "active" })) as { id: string }[] | { items: { id: string }[] };
  return { personId: rows[0]!.id, targetId: (Array.isArray(targetList) ? targetList : targetList.items)[0]!.id };
}
