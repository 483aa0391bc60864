/**
 * A generated organisation with a deep chart (issues #16 and #20): a VP at the
 * top (the user's own person), and below them a tree filled breadth-first
 * with a fan-out per level, so 2,000 people reach 8 levels under the VP.
 * Everyone with reports is a manager, the rest are ICs.
 *
 * What else it holds is given by its volumes (OrgVolumes). ORG_SIZE is the
 * org-size account of issue #20: 50 areas (an EM + an IC under them), 5,000
 * targets in trees of 25 (a root and three levels of sub-targets, each
 * controlled by an owner of its parent and owned by the controller's reports),
 * 500,000 check-ins, 20,000 tasks delegated by each person's manager (each
 * with its level change, a third with a second one), 20,000 1:1s (held ones
 * with a note, one to come per person), open talking points and actions, an
 * inbox (a check-in notification per target to its controller and the VP) and
 * a year of energy entries for the VP. Without volumes, the counts follow the
 * person count as before (volumesFor).
 *
 * Written fast: the chart and the 5,000 targets as multi-row inserts, the
 * rest set-based (insert … select … from generate_series), all in one
 * transaction with the chart's own rebuild (person_ancestors, chart_counts),
 * then ANALYZE. Every row carries the organisation's id.
 */
import { refreshAllStaleTargetHealth } from "../../src/server/services/targets/health.stored";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { createCaller } from "../../src/server/api/root";
import { areas, people, targetOwners, targets } from "../../src/server/db/schema/index";
import type { Db } from "../../src/server/db/types";
import type { Actor } from "../../src/server/services/kernel/actor";
import { rebuildChart } from "../../src/server/services/people/chart.write";
import { rowsOf } from "../../src/server/services/targets/targets.read";
import { refreshAutonomyMonths } from "../../src/server/services/delegation/autonomy-months.write";

type Caller = ReturnType<typeof createCaller>;

/** Reports per person at each depth below the VP (depth 0): 4 under the VP, then 3, 3, 3, then 2 from depth 4 on. */
export const FAN_OUT = [4, 3, 3, 3, 2, 2, 2, 2, 2, 2];

export type OrgShape = { people: number; depth: number; managers: number; closureRows: number };

/** How much an organisation holds besides its chart. Check-ins are spread evenly over the targets' metrics (one per target). */
export type OrgVolumes = { people: number; areas: number; targets: number; checkIns: number; tasks: number; oneOnOnes: number };

/** The org-size account of issue #20. */
export const ORG_SIZE: OrgVolumes = { people: 2_000, areas: 50, targets: 5_000, checkIns: 500_000, tasks: 20_000, oneOnOnes: 20_000 };

/** The small side of the comparison: 10 people, with a tree of targets and as many check-ins per metric as ORG_SIZE. */
export const ORG_SMALL: OrgVolumes = { people: 10, areas: 2, targets: 25, checkIns: 2_500, tasks: 100, oneOnOnes: 100 };

/** The volumes of issue #16's generated org: per person below the VP 6 1:1s and 2 tasks, a target per 5 people with 50 check-ins, an area per 10. */
export function volumesFor(count: number): OrgVolumes {
  const targetCount = Math.max(2, Math.floor(count / 5));
  return {
    people: count,
    areas: Math.max(1, Math.floor(count / 10)),
    targets: targetCount,
    checkIns: targetCount * 50,
    tasks: (count - 1) * 2,
    oneOnOnes: (count - 1) * 6,
  };
}

/** Targets per tree, and sub-targets per target: a root, 4, 16 and 4 more (four levels, within MAX_TARGET_DEPTH). */
const TREE_SIZE = 25;
const TREE_FAN_OUT = 4;

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

const isoDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The targets, as trees that follow the chart: tree k's root is controlled by
 * the k-th manager (breadth-first, so the VP controls the first); each target
 * is owned by one or two of its controller's reports (a manager and an IC
 * when there are both), and its sub-targets are controlled by its first owner
 * when that one is a manager (else by its own controller), as the policy lets
 * an owner split a target for the people below them.
 */
function targetTrees(orgId: string, ids: string[], parent: number[], count: number) {
  const reports = ids.map(() => [] as number[]);
  parent.forEach((p, i) => p >= 0 && reports[p]!.push(i));
  const managers = ids.map((_, i) => i).filter((i) => reports[i]!.length > 0);
  const rows: (typeof targets.$inferInsert)[] = [];
  const owners: (typeof targetOwners.$inferInsert)[] = [];
  const kinds = ["reliability", "speed", "feature", "other"] as const;
  for (let tree = 0; rows.length < count; tree++) {
    const controllers: number[] = [];
    const nodeIds: string[] = [];
    for (let j = 0; j < TREE_SIZE && rows.length < count; j++) {
      const up = j === 0 ? -1 : Math.floor((j - 1) / TREE_FAN_OUT);
      const controller = up < 0 ? managers[tree % managers.length]! : controllers[up]!;
      const reps = reports[controller]!;
      const first = reps[j % reps.length]!;
      // The pair's IC: the first owner when they are one, else an IC below them (walking down their reports).
      let second: number | undefined = first;
      while (reports[second]!.length > 0) second = reports[second]![j % reports[second]!.length]!;
      if (second === first) second = reps.find((r) => reports[r]!.length > 0 && r !== first);
      const id = randomUUID();
      const n = rows.length;
      rows.push({
        id,
        orgId,
        controllerPersonId: ids[controller]!,
        parentId: up < 0 ? null : nodeIds[up]!,
        title: `Target ${String(n + 1).padStart(4, "0")}${up < 0 ? "" : `.${j}`}`,
        kind: kinds[n % kinds.length]!,
        status: n % 20 === 19 ? "achieved" : "active",
        startDate: isoDay(-90),
        dueDate: isoDay(((n * 7) % 180) - 20),
      });
      for (const o of second === undefined ? [first] : [first, second]) owners.push({ orgId, targetId: id, personId: ids[o]! });
      nodeIds.push(id);
      // Its sub-targets' controller: its first owner when they have reports of their own to split it for.
      controllers.push(reports[first]!.length > 0 ? first : controller);
    }
  }
  return { rows, owners };
}

/** Areas: an EM (a manager from the third level down) and an IC below them (the first one met walking down their first reports). */
function areaPairs(orgId: string, ids: string[], parent: number[], depth: number[], count: number) {
  const reports = ids.map(() => [] as number[]);
  parent.forEach((p, i) => p >= 0 && reports[p]!.push(i));
  const ems = ids.map((_, i) => i).filter((i) => reports[i]!.length > 0 && (depth[i]! >= 3 || ids.length < 100));
  const rows: (typeof areas.$inferInsert)[] = [];
  for (let g = 0; g < count && g < ems.length; g++) {
    const em = ems[g]!;
    let ic = reports[em]![0]!;
    while (reports[ic]!.length > 0) ic = reports[ic]![0]!;
    rows.push({ orgId, name: `Area ${g + 1}`, emPersonId: ids[em]!, icPersonId: ids[ic]! });
  }
  return rows;
}

async function insertChunked<T>(insert: (rows: T[]) => Promise<unknown>, rows: T[], size = 1_000) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * The monthly autonomy summary (autonomy_months) from the level changes written
 * above, by the app's own set-based rewrite, as a level change would keep it;
 * without it the benched overview would show no trend and look faster than it is.
 */
async function fillAutonomySummary(tx: Db, orgId: string): Promise<void> {
  await refreshAutonomyMonths(tx, orgId, "all");
}

export async function generateOrg(db: Db, user: { caller: Caller; actor: Actor }, count: number, volumes: OrgVolumes = volumesFor(count)) {
  const { orgId, personId: vp, userId } = user.actor;
  const spectrum = await user.caller.delegation.activeSpectrum();
  const { parent, depth } = chartShape(count);
  const hasReports = new Set(parent.filter((p) => p >= 0));
  const ids = parent.map((_, i) => (i === 0 ? vp : randomUUID()));
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
  const trees = targetTrees(orgId, ids, parent, volumes.targets);
  const checkInsPerMetric = Math.max(1, Math.round(volumes.checkIns / Math.max(1, trees.rows.length)));
  const belowCount = count - 1;
  // Each person below the VP numbered 1…belowCount, with their manager (a temporary table, indexed): the set-based inserts spread rows over them.
  const below = sql`gen_below`;
  // The active spectrum's levels by position (0 is the least autonomy), for tasks at different levels and their changes.
  const levels = sql`(values ${sql.join(
    spectrum.levels.map((l, pos) => sql`(${pos}::int, ${l.id}::uuid, ${l.label}::text, ${l.autonomy}::float8)`),
    sql`, `,
  )}) as`;
  const levelCount = spectrum.levels.length;

  await db.transaction(async (tx) => {
    await tx.execute(sql`update people set title = 'VP Engineering', level = 'vp' where org_id = ${orgId} and id = ${vp}`);
    await insertChunked((r) => tx.insert(people).values(r), rows);
    // The chart's rebuild walks the new rows up their managers: with their count known, by index.
    await tx.execute(sql`analyze people`);
    await rebuildChart(tx, orgId);
    await insertChunked((r) => tx.insert(areas).values(r), areaPairs(orgId, ids, parent, depth, volumes.areas));

    await insertChunked((r) => tx.insert(targets).values(r), trees.rows);
    await insertChunked((r) => tx.insert(targetOwners).values(r), trees.owners);
    // The statements below join what was just written: the planner needs its row counts (ANALYZE runs in a transaction).
    await tx.execute(sql`analyze person_ancestors, chart_counts, areas, targets, target_owners`);
    // The rows below are consistent by construction (ids taken from the rows just written, all of this org): as a
    // bulk load, they skip the foreign keys' per-row checks (triggers), three times faster on PGlite. Only a
    // superuser may (PGlite's user is one; else the checks run).
    const [role] = rowsOf<{ su: boolean }>(await tx.execute(sql`select rolsuper as su from pg_roles where rolname = current_user`));
    if (role?.su) await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`create temporary table gen_below on commit drop as
      select p.id, p.manager_id, (row_number() over (order by p.id))::int n from people p where p.org_id = ${orgId} and p.id <> ${vp}`);
    await tx.execute(sql`create unique index on gen_below (n)`);
    await tx.execute(sql`analyze gen_below`);
    // A target controlled by an area's EM is in that area.
    await tx.execute(sql`update targets t set area_id = a.id from areas a
      where t.org_id = ${orgId} and a.org_id = t.org_id and a.em_person_id = t.controller_person_id`);
    await tx.execute(sql`insert into metrics (org_id, target_id, name, unit, direction, baseline, goal)
      select ${orgId}, id, 'Uptime', '%', 'higher', 99, 99.9 from targets where org_id = ${orgId}`);
    // Spread over the last ~80 days, the newest a day old at most. In statements of at most ~50,000 rows: the
    // foreign keys' checks are queued per statement, and a queue of 500,000 rows slows PGlite tenfold.
    const perStatement = Math.max(1, Math.floor(50_000 / trees.rows.length));
    for (let from = 1; from <= checkInsPerMetric; from += perStatement) {
      await tx.execute(sql`insert into check_ins (org_id, metric_id, at, value)
        select ${orgId}, m.id, now() - g * interval '19 hours', 99 + random()
        from metrics m, generate_series(${from}::int, ${Math.min(checkInsPerMetric, from + perStatement - 1)}::int) g where m.org_id = ${orgId}`);
    }
    // The targets' stored health, as the app's writers leave it (services/targets/health.stored.ts).
    await refreshAllStaleTargetHealth(tx, orgId);
    await tx.execute(sql`analyze targets`);

    // Tasks: delegated by each person's manager, spread over the people and the spectrum's levels above the first.
    await tx.execute(sql`insert into tasks (org_id, person_id, delegator_person_id, title, competency, criticality, level_id, review_date, status)
      select ${orgId}, b.id, b.manager_id, 'Task ' || g, 1 + (b.n + g) % 5, 1 + (b.n / 5 + g) % 5, lv.id,
        current_date + ((b.n * 2 + g) % 60) - 30, case when g % 10 = 0 then 'done' else 'open' end
      from generate_series(1, ${volumes.tasks}) g
      join ${below} b on b.n = 1 + g % ${belowCount}
      join ${levels} lv(pos, id, label, autonomy) on lv.pos = 1 + g % ${Math.max(1, levelCount - 1)}`);
    // Each task's history: the level it was delegated at; a third of them moved up one level since.
    await tx.execute(sql`with lv(pos, id, label, autonomy) as (select * from ${levels} v(pos, id, label, autonomy)),
      t as (select tk.id, lv.pos, (row_number() over (order by tk.id))::int n from tasks tk join lv on lv.id = tk.level_id where tk.org_id = ${orgId})
      insert into level_changes (org_id, task_id, from_label, from_autonomy, to_label, to_autonomy, reason, at)
      select ${orgId}::uuid, t.id, null::text, null::float8, f.label, f.autonomy, null, now() - (120 + t.n % 60) * interval '1 day'
      from t join lv f on f.pos = case when t.n % 3 = 0 then t.pos - 1 else t.pos end
      union all
      select ${orgId}::uuid, t.id, f.label, f.autonomy, c.label, c.autonomy, 'Ready for more', now() - (t.n % 60) * interval '1 day'
      from t join lv f on f.pos = t.pos - 1 join lv c on c.pos = t.pos where t.n % 3 = 0`);
    await fillAutonomySummary(tx, orgId);
    await tx.execute(sql`analyze metrics, tasks`);

    // 1:1s with each person's manager, a fortnight apart: the first of each person's is the next one (scheduled), the rest held.
    await tx.execute(sql`insert into one_on_ones (org_id, person_id, manager_person_id, scheduled_at, status, held_at)
      select ${orgId}, b.id, b.manager_id, s.at, case when r = 0 then 'scheduled' else 'held' end, case when r = 0 then null else s.at end
      from generate_series(0, ${volumes.oneOnOnes - 1}) g
      cross join lateral (select g / ${belowCount} as r, 1 + g % ${belowCount} as n) k
      join ${below} b on b.n = k.n
      cross join lateral (select case when k.r = 0 then now() + (1 + b.n % 14) * interval '1 day'
        else now() - (k.r * 14 + b.n % 14) * interval '1 day' end as at) s`);
    await tx.execute(sql`insert into coaching_notes (org_id, person_id, one_on_one_id, kind, body, author_person_id)
      select org_id, person_id, id, 'coaching', 'Note', manager_person_id from one_on_ones where org_id = ${orgId} and status = 'held'`);
    // On each person's agenda: two open talking points, an open action and a done one.
    await tx.execute(sql`insert into talking_points (org_id, person_id, topic, body, raised_by, author_person_id)
      select ${orgId}, b.id, case when g = 1 then 'targets' else 'growth' end, 'Point ' || g, 'me', b.manager_id
      from ${below} b, generate_series(1, 2) g`);
    await tx.execute(sql`insert into action_items (org_id, person_id, assignee, title, due_date, done_at)
      select ${orgId}, b.id, 'them', 'Action ' || g, current_date + (b.n % 20) - 5, case when g = 2 then now() - interval '3 days' end
      from ${below} b, generate_series(1, 2) g`);

    // The inbox: a check-in on each target, told to its controller and (when another) to the VP; the older half read.
    await tx.execute(sql`insert into notifications (org_id, recipient_person_id, actor_person_id, kind, target_id, text, created_at, read_at)
      select ${orgId}, r.id, o.person_id, 'check_in', t.id, 'A check-in on “' || t.title || '”', s.at, case when t.n % 2 = 0 then s.at end
      from (select id, title, controller_person_id, (row_number() over (order by id))::int n from targets where org_id = ${orgId}) t
      cross join lateral (select person_id from target_owners where org_id = ${orgId} and target_id = t.id order by person_id limit 1) o
      cross join lateral (select now() - t.n * interval '7 minutes' as at) s
      cross join lateral (select t.controller_person_id as id union select ${vp}::uuid) r`);

    await tx.execute(sql`insert into energy_entries (org_id, user_id, day, slot, level, tags)
      select ${orgId}, ${userId}::uuid, current_date - d, s, 1 + (d * 7 + length(s)) % 10, array['meetings']
      from generate_series(0, 364) d, unnest(array['start', 'middle', 'end']) s`);
  });
  // As autovacuum would after a load this size: the planner needs the row counts, and the trigram (GIN) indexes their
  // pending lists merged. A GIN index takes new rows into an unsorted pending list that every search reads in full
  // until a VACUUM (or autovacuum, off on the bench's server) merges it: ANALYZE alone left all 18,000 notes and
  // 10,000 target versions there, and the palette's search read them all (targets 22 ms for no match, 0.2 ms merged).
  await db.execute(sql`vacuum analyze`);

  const shape: OrgShape = {
    people: count,
    depth: Math.max(...depth),
    managers: 1 + rows.filter((r) => r.track === "manager").length,
    closureRows: depth.reduce((n, d) => n + d + 1, 0),
  };
  // For the pages about one person and one target: the VP's first direct report, and the root of the VP's own tree.
  return { ids, depth, shape, personId: ids[1]!, targetId: trees.rows[0]!.id! };
}

/** The org-size account (ORG_SIZE) under `user`, who is its VP. */
export function generateOrgSizeAccount(db: Db, user: { caller: Caller; actor: Actor }) {
  return generateOrg(db, user, ORG_SIZE.people, ORG_SIZE);
}
