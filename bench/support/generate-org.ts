/**
 * A generated organisation with a deep chart (issue #16): a VP at the top (the
 * user's own person), and below them a tree filled breadth-first with a
 * fan-out per level, so 2,000 people reach 8 levels under the VP. Everyone
 * with reports is a manager, the rest are ICs. Per person below the VP: 6 held
 * 1:1s with their manager (each with a note by the manager), 2 tasks
 * delegated by their manager (each with a level change); one active target per
 * 5 people (controlled by a manager, owned by an IC, a metric with 50
 * check-ins), one area (an EM + IC pair) per 10 people; a year of energy
 * entries for the VP. Written with set-based SQL and the chart's own rebuild.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { createCaller } from "../../src/server/api/root";
import { people } from "../../src/server/db/schema/index";
import type { Db } from "../../src/server/db/types";
import type { Actor } from "../../src/server/services/kernel/actor";
import { rebuildChart } from "../../src/server/services/people/chart.write";

type Caller = ReturnType<typeof createCaller>;

/** Reports per person at each depth below the VP (depth 0): 4 under the VP, then 3, 3, 3, then 2 from depth 4 on. */
export const FAN_OUT = [4, 3, 3, 3, 2, 2, 2, 2, 2, 2];

export type OrgShape = { people: number; depth: number; managers: number; closureRows: number };

/** Parent index of each person (0 is the VP, parent -1) and their depth, breadth-first. */
export function chartShape(count: number): { parent: number[]; depth: number[] } {
  const parent = [-1];
  const depth = [0];
  for (let node = 0; parent.length < count; node++) {
    for (let k = 0; k < FAN_OUT[depth[node]!]! && parent.length < count; k++) {
      parent.push(node);
      depth.push(depth[node]! + 1);
    }
  }
  return { parent, depth };
}

export async function generateOrg(db: Db, user: { caller: Caller; actor: Actor }, count: number) {
  const { orgId, personId: vp, userId } = user.actor;
  const spectrum = await user.caller.delegation.activeSpectrum();
  const { parent, depth } = chartShape(count);
  const hasReports = new Set(parent.filter((p) => p >= 0));
  const ids = parent.map((_, i) => (i === 0 ? vp : randomUUID()));
  await db.execute(sql`update people set title = 'VP Engineering', level = 'vp' where org_id = ${orgId} and id = ${vp}`);
  const rows = ids.slice(1).map((id, j) => {
    const i = j + 1;
    const manager = hasReports.has(i);
    return {
      id,
      orgId,
      name: `Person ${String(i).padStart(4, "0")}`,
      title: manager ? `Manager, level ${depth[i]}` : "Engineer",
      track: manager ? ("manager" as const) : ("ic" as const),
      level: manager ? (depth[i]! <= 2 ? "director" : depth[i]! <= 4 ? "senior_em" : "em") : "staff",
      managerId: ids[parent[i]!]!,
      cadence: "fortnightly" as const,
    };
  });
  for (let i = 0; i < rows.length; i += 500) await db.insert(people).values(rows.slice(i, i + 500));
  await rebuildChart(db, orgId);

  const below = sql`(select p.id, p.manager_id, p.track, (row_number() over (order by p.id))::int n from people p where p.org_id = ${orgId} and p.id <> ${vp})`;
  const managers = sql`(select p.id, (row_number() over (order by p.id))::int n from people p where p.org_id = ${orgId} and p.track = 'manager')`;
  const ics = sql`(select p.id, (row_number() over (order by p.id))::int n from people p where p.org_id = ${orgId} and p.track = 'ic')`;
  const managerCount = 1 + rows.filter((r) => r.track === "manager").length;
  const icCount = rows.length + 1 - managerCount;
  const areaCount = Math.max(1, Math.floor(count / 10));
  const targetCount = Math.max(2, Math.floor(count / 5));

  await db.execute(sql`insert into areas (org_id, name, em_person_id, ic_person_id)
    select ${orgId}, 'Area ' || g, m.id, i.id from generate_series(1, ${areaCount}) g
    join ${managers} m on m.n = 1 + (g % ${managerCount}) join ${ics} i on i.n = 1 + (g % ${icCount})`);
  await db.execute(sql`insert into targets (org_id, controller_person_id, title, kind, status, start_date, due_date)
    select ${orgId}, m.id, 'Target ' || g, 'reliability', 'active', current_date - 90, current_date + 90
    from generate_series(1, ${targetCount}) g join ${managers} m on m.n = 1 + (g % ${managerCount})`);
  await db.execute(sql`insert into target_owners (org_id, target_id, person_id)
    select ${orgId}, t.id, i.id from (select id, (row_number() over (order by id))::int n from targets where org_id = ${orgId}) t
    join ${ics} i on i.n = 1 + (t.n % ${icCount})`);
  await db.execute(sql`insert into metrics (org_id, target_id, name, unit, direction, baseline, goal)
    select ${orgId}, id, 'Uptime', '%', 'higher', 99, 99.9 from targets where org_id = ${orgId}`);
  await db.execute(sql`insert into check_ins (org_id, metric_id, at, value)
    select ${orgId}, m.id, now() - g * interval '1 day', 99 + random() from metrics m, generate_series(1, 50) g where m.org_id = ${orgId}`);
  await db.execute(sql`insert into tasks (org_id, person_id, delegator_person_id, title, competency, criticality, level_id, review_date)
    select ${orgId}, b.id, b.manager_id, 'Task ' || b.n || '.' || g, 1 + (b.n + g) % 5, 1 + (b.n / 5 + g) % 5, ${spectrum.levels[3]!.id}, current_date + ((b.n * 2 + g) % 60) - 30
    from ${below} b, generate_series(1, 2) g`);
  await db.execute(sql`insert into level_changes (org_id, task_id, to_label, to_autonomy, at)
    select ${orgId}, id, ${spectrum.levels[3]!.label}, ${spectrum.levels[3]!.autonomy}, now() - interval '100 days' from tasks where org_id = ${orgId}`);
  await db.execute(sql`insert into one_on_ones (org_id, person_id, manager_person_id, scheduled_at, status, held_at)
    select ${orgId}, b.id, b.manager_id, now() - (g * 14 + b.n % 14) * interval '1 day', 'held', now() - (g * 14 + b.n % 14) * interval '1 day'
    from ${below} b, generate_series(0, 5) g`);
  await db.execute(sql`insert into coaching_notes (org_id, person_id, one_on_one_id, kind, body, author_person_id)
    select org_id, person_id, id, 'coaching', 'Note', manager_person_id from one_on_ones where org_id = ${orgId}`);
  await db.execute(sql`insert into energy_entries (org_id, user_id, day, slot, level, tags)
    select ${orgId}, ${userId}::uuid, current_date - d, s, 1 + (d * 7 + length(s)) % 10, array['meetings']
    from generate_series(0, 364) d, unnest(array['start', 'middle', 'end']) s`);
  // As autovacuum would after a load this size: the planner needs the row counts.
  await db.execute(sql`analyze`);

  const shape: OrgShape = {
    people: count,
    depth: Math.max(...depth),
    managers: managerCount,
    closureRows: depth.reduce((n, d) => n + d + 1, 0),
  };
  return { ids, depth, shape };
}
