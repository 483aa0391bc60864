/**
 * Scale benchmark: the main pages' data requests on a large account and a
 * small one, measured side by side (rounds interleaved) on the same database.
 * Goal: p50 large ÷ small at most 1.3 for lists and 2 for aggregates.
 *
 *   npm run bench:scale                      # embedded PGlite
 *   TEST_DATABASE_URL=postgres://… npm run bench:scale   # a PostgreSQL server
 *
 * Prints a table; copy the figures into bench/RESULTS.md with the date and the machine.
 */
import { sql } from "drizzle-orm";
import { performance } from "node:perf_hooks";
import { createTestDatabase } from "../src/test/database";
import { createUser, type TestUser } from "../src/test/factories";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 25);

type Size = { people: number; targets: number; checkInsPerMetric: number; tasks: number; oneOnOnes: number; energyDays: number };
const LARGE: Size = { people: 200, targets: 500, checkInsPerMetric: 200, tasks: 2_000, oneOnOnes: 2_000, energyDays: 365 };
const SMALL: Size = { people: 10, targets: 25, checkInsPerMetric: 200, tasks: 100, oneOnOnes: 100, energyDays: 365 };

async function generate(db: Awaited<ReturnType<typeof createTestDatabase>>["db"], user: TestUser, s: Size) {
  const spectrum = await user.caller.delegation.activeSpectrum();
  const owner = user.id;
  await db.execute(sql`insert into people (owner_id, name, track, level, cadence)
    select ${owner}, 'Person ' || g, case when g % 3 = 0 then 'manager' else 'ic' end, case when g % 3 = 0 then 'em' else 'staff' end, 'fortnightly'
    from generate_series(1, ${s.people}) g`);
  await db.execute(sql`insert into targets (owner_id, title, kind, status, start_date, due_date)
    select ${owner}, 'Target ' || g, 'reliability', 'active', current_date - 90, current_date + 90 from generate_series(1, ${s.targets}) g`);
  await db.execute(sql`insert into target_owners (owner_id, target_id, person_id)
    select ${owner}, t.id, p.id from (select id, row_number() over (order by id) n from targets where owner_id = ${owner}) t
    join (select id, row_number() over (order by id) n from people where owner_id = ${owner}) p on p.n = 1 + (t.n % ${s.people})`);
  await db.execute(sql`insert into metrics (owner_id, target_id, name, unit, direction, baseline, goal)
    select ${owner}, id, 'Uptime', '%', 'higher', 99, 99.9 from targets where owner_id = ${owner}`);
  await db.execute(sql`insert into check_ins (owner_id, metric_id, at, value)
    select ${owner}, m.id, now() - g * interval '6 hours', 99 + random() from metrics m, generate_series(1, ${s.checkInsPerMetric}) g where m.owner_id = ${owner}`);
  await db.execute(sql`insert into tasks (owner_id, person_id, title, competency, criticality, level_id, review_date)
    select ${owner}, p.id, 'Task ' || g, 1 + g % 5, 1 + (g / 5) % 5, ${spectrum.levels[3]!.id}, current_date + (g % 60) - 30
    from generate_series(1, ${s.tasks}) g join (select id, row_number() over (order by id) n from people where owner_id = ${owner}) p on p.n = 1 + (g % ${s.people})`);
  await db.execute(sql`insert into level_changes (owner_id, task_id, to_label, to_autonomy, at)
    select ${owner}, id, ${spectrum.levels[3]!.label}, ${spectrum.levels[3]!.autonomy}, now() - interval '100 days' from tasks where owner_id = ${owner}`);
  await db.execute(sql`insert into one_on_ones (owner_id, person_id, scheduled_at, status, held_at)
    select ${owner}, p.id, now() - (g / ${s.people}) * interval '14 days', 'held', now() - (g / ${s.people}) * interval '14 days'
    from generate_series(1, ${s.oneOnOnes}) g join (select id, row_number() over (order by id) n from people where owner_id = ${owner}) p on p.n = 1 + (g % ${s.people})`);
  await db.execute(sql`insert into coaching_notes (owner_id, person_id, one_on_one_id, kind, body)
    select owner_id, person_id, id, 'coaching', 'Note' from one_on_ones where owner_id = ${owner}`);
  await db.execute(sql`insert into energy_entries (owner_id, day, slot, level, tags)
    select ${owner}, current_date - d, s, 1 + (d * 7 + length(s)) % 10, array['meetings']
    from generate_series(0, ${s.energyDays - 1}) d, unnest(array['start', 'middle', 'end']) s`);
  const firstPerson = (await user.caller.people.list({})) as { rows?: { id: string }[] } | { id: string }[];
  const rows = Array.isArray(firstPerson) ? firstPerson : (firstPerson.rows ?? []);
  const targetList = await user.caller.targets.list({ status: "active" });
  return { personId: rows[0]!.id, targetId: targetList[0]!.id };
}

type Check = { name: string; kind: "list" | "aggregate"; run: (u: TestUser, ids: { personId: string; targetId: string }) => Promise<unknown> };
const CHECKS: Check[] = [
  { name: "people.list", kind: "list", run: (u) => u.caller.people.list({}) },
  { name: "targets.list", kind: "list", run: (u) => u.caller.targets.list({ status: "active" }) },
  { name: "targets.get (200 check-ins)", kind: "aggregate", run: (u, ids) => u.caller.targets.get({ id: ids.targetId }) },
  { name: "delegation.overview", kind: "aggregate", run: (u) => u.caller.delegation.overview() },
  { name: "delegation.review", kind: "list", run: (u, ids) => u.caller.delegation.review({ personId: ids.personId }) },
  { name: "oneOnOnes.overview", kind: "aggregate", run: (u) => u.caller.oneOnOnes.overview() },
  { name: "oneOnOnes.prep", kind: "aggregate", run: (u, ids) => u.caller.oneOnOnes.prep({ personId: ids.personId }) },
  { name: "energy.week", kind: "aggregate", run: (u) => u.caller.energy.week({}) },
  { name: "capacity.plan", kind: "aggregate", run: (u) => u.caller.capacity.plan({}) },
  { name: "home.summary", kind: "aggregate", run: (u) => u.caller.home.summary() },
];

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const database = await createTestDatabase();
  const started = performance.now();
  const small = await createUser(database.db);
  const large = await createUser(database.db);
  const smallIds = await generate(database.db, small, SMALL);
  const largeIds = await generate(database.db, large, LARGE);
  console.log(`driver ${database.driver}; generated in ${((performance.now() - started) / 1000).toFixed(1)} s; ${ROUNDS} rounds, interleaved\n`);
  const times = new Map<string, { small: number[]; large: number[] }>(CHECKS.map((c) => [c.name, { small: [], large: [] }]));
  for (const c of CHECKS) {
    await c.run(small, smallIds);
    await c.run(large, largeIds); // warm-up
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of CHECKS) {
      for (const [which, user, ids] of round % 2 ? ([["small", small, smallIds], ["large", large, largeIds]] as const) : ([["large", large, largeIds], ["small", small, smallIds]] as const)) {
        const t = performance.now();
        await c.run(user, ids);
        times.get(c.name)![which].push(performance.now() - t);
      }
    }
  }
  console.log("| request | small p50 ms | large p50 ms | large ÷ small | goal | |");
  console.log("| --- | ---: | ---: | ---: | ---: | --- |");
  for (const c of CHECKS) {
    const t = times.get(c.name)!;
    const ratio = p50(t.large) / p50(t.small);
    const goal = c.kind === "list" ? 1.3 : 2;
    console.log(`| ${c.name} | ${p50(t.small).toFixed(1)} | ${p50(t.large).toFixed(1)} | ${ratio.toFixed(2)} | ≤ ${goal} | ${ratio <= goal ? "meets" : "misses"} |`);
  }
  await database.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
