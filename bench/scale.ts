/**
 * Scale benchmark: the main pages' data requests on a large account and a
 * small one, measured side by side (rounds interleaved) on the same database.
 * Goal: p50 large ÷ small at most 1.3 for lists and 2 for aggregates.
 *
 *   npm run bench:scale                      # embedded PGlite
 *   TEST_DATABASE_URL=postgres://… npm run bench:scale   # a PostgreSQL server
 *   npm run bench:scale -- org               # only the organisations part (issue #16)
 *   npm run bench:scale -- accounts          # only the accounts part
 *   npm run bench:scale -- orgsize           # only the org-size account (issue #20); BENCH_ROUNDS=5 for a quick run
 *
 * Organisations (issue #16): a VP's org of 2,000 people 8 levels deep and a
 * 10-person org, side by side: the VP's Home, org chart and people list, the
 * parts of Home, and a manager deep in the large org whose subtree is about the
 * small org's size (the visibility rule alone, at the large org's size). Then
 * EXPLAIN of the statements, to show that "under me" is a lookup in the closure
 * table's (org_id, ancestor_id, descendant_id) primary key.
 *
 * Prints a table; copy the figures into bench/RESULTS.md with the date and the machine.
 */
import { performance } from "node:perf_hooks";
import { createCaller } from "../src/server/api/root";
import { memberships } from "../src/server/db/schema/index";
import { memberActor } from "../src/server/services/members/memberships.read";
import { createTestDatabase, type TestDatabase } from "../src/test/database";
import { createUser, type TestUser } from "../src/test/factories";
import { generateAccount, LARGE, SMALL } from "./support/generate-account";
import { generateOrg, generateOrgSizeAccount, ORG_SMALL } from "./support/generate-org";
import { median as p50 } from "./support/median";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 25);

type Check = {
  name: string;
  kind: "list" | "aggregate";
  run: (u: TestUser, ids: { personId: string; targetId: string }) => Promise<unknown>;
};
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

const PARTS = process.argv.slice(2).length ? process.argv.slice(2) : ["accounts", "org", "orgsize"];

/**
 * How many rows a list answered, in either shape: an array, a page `{ items, nextCursor }` (the keyset
 * pagination of issue #20, landing separately), or an object whose largest array is its list (`rows`,
 * `people`, `trees`, …). Null for an answer with no list.
 */
export function rowCount(answer: unknown): number | null {
  if (Array.isArray(answer)) return answer.length;
  if (!answer || typeof answer !== "object") return null;
  const record = answer as Record<string, unknown>;
  if (Array.isArray(record.items)) return record.items.length;
  const arrays = Object.values(record).filter(Array.isArray) as unknown[][];
  return arrays.length ? Math.max(...arrays.map((a) => a.length)) : null;
}

/** Runs each request on both sides, rounds interleaved (the order flips each round), and prints p50s and ratios. */
async function compare(checks: { name: string; goal: number; small: () => Promise<unknown>; large: () => Promise<unknown> }[]) {
  const times = new Map(checks.map((c) => [c.name, { small: [] as number[], large: [] as number[] }]));
  const rows = new Map<string, string>();
  for (const c of checks) {
    const [s, l] = [rowCount(await c.small()), rowCount(await c.large())]; // warm-up
    // Rows answered, for the lists (goal 1.3) alone: the other answers are summaries.
    rows.set(c.name, s === null || l === null || c.goal > 1.3 ? "" : `${s} / ${l}`);
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of checks) {
      for (const which of round % 2 ? (["small", "large"] as const) : (["large", "small"] as const)) {
        const t = performance.now();
        await c[which]();
        times.get(c.name)![which].push(performance.now() - t);
      }
    }
  }
  console.log("| request | rows small / large | small p50 ms | large p50 ms | large ÷ small | goal | |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
  for (const c of checks) {
    const t = times.get(c.name)!;
    const ratio = p50(t.large) / p50(t.small);
    console.log(
      `| ${c.name} | ${rows.get(c.name)} | ${p50(t.small).toFixed(1)} | ${p50(t.large).toFixed(1)} | ${ratio.toFixed(2)} | ≤ ${c.goal} | ${ratio <= c.goal ? "meets" : "misses"} |`,
    );
  }
}

/** The plan of a recorded statement, as text: one line per node. */
async function plan(database: TestDatabase, statement: { sql: string; params: unknown[] }, analyze = false) {
  const rows = (await database.query(`explain (${analyze ? "analyze, " : ""}costs off) ${statement.sql}`, statement.params)) as Record<
    string,
    string
  >[];
  return rows.map((r) => Object.values(r)[0]).join("\n");
}

/** The statements a call runs, with their parameters (the test database records them). */
async function recorded(database: TestDatabase, run: () => Promise<unknown>) {
  database.statements.length = 0;
  database.queries.length = 0;
  await run();
  return [...database.statements];
}

/** Where a request's time goes: each statement's execution time on the database (EXPLAIN ANALYZE), the costliest first. */
async function whereTimeGoes(database: TestDatabase, label: string, run: () => Promise<unknown>) {
  const started = performance.now();
  await run();
  const total = performance.now() - started;
  const statements = await recorded(database, run);
  const costs: { ms: number; rows: number; sql: string }[] = [];
  for (const s of statements) {
    const rows = (await database.query(`explain (analyze, format json) ${s.sql}`, s.params)) as Record<string, unknown>[];
    const json = Object.values(rows[0]!)[0] as unknown;
    const parsed = (typeof json === "string" ? JSON.parse(json) : json) as {
      "Execution Time": number;
      Plan: { "Actual Rows": number };
    }[];
    costs.push({ ms: parsed[0]!["Execution Time"], rows: parsed[0]!.Plan["Actual Rows"], sql: s.sql.replace(/\s+/g, " ").slice(0, 100) });
  }
  costs.sort((x, y) => y.ms - x.ms);
  const onDb = costs.reduce((n, c) => n + c.ms, 0);
  console.log(
    `\n${label}: ${total.toFixed(0)} ms in all, ${statements.length} statements, ${onDb.toFixed(1)} ms of execution on the database (the rest: Node, the driver, round trips); the costliest:`,
  );
  for (const c of costs.slice(0, 4)) console.log(`- ${c.ms.toFixed(1)} ms, ${c.rows} rows: ${c.sql}…`);
}

async function organisations(database: TestDatabase) {
  const started = performance.now();
  const small = await createUser(database.db, { name: "Small VP" });
  const large = await createUser(database.db, { name: "Large VP" });
  const smallOrg = await generateOrg(database.db, small, 10);
  // The org-size account of issue #20: the same 2,000-person chart, with its targets, check-ins, tasks and 1:1s.
  const largeOrg = await generateOrgSizeAccount(database.db, large);
  // A manager deep in the large org whose subtree is about the small org's (9 below its VP), as a member with an account.
  const [candidate] = (await database.query(
    `select ancestor_id as id, count(*)::int - 1 as below from person_ancestors where org_id = $1 group by ancestor_id
     order by abs(count(*) - 10), ancestor_id limit 1`,
    [large.actor.orgId],
  )) as { id: string; below: number }[];
  const deep = await createUser(database.db, { name: "Deep Manager" });
  await database.db.insert(memberships).values({ orgId: large.actor.orgId, userId: deep.id, personId: candidate!.id, role: "member" });
  const deepActor = (await memberActor(database.db, deep.id, deep.actor.sessionId, large.actor.orgId))!;
  const deepCaller = createCaller({ db: database.db, actor: deepActor });
  const [deepDepth] = (await database.query(`select max(depth)::int as d from person_ancestors where org_id = $1 and descendant_id = $2`, [
    large.actor.orgId,
    candidate!.id,
  ])) as { d: number }[];
  console.log(
    `\n## Organisations (issue #16)\n\ndriver ${database.driver}; generated in ${((performance.now() - started) / 1000).toFixed(1)} s; ${ROUNDS} rounds, interleaved`,
  );
  for (const [name, org] of [
    ["small", smallOrg],
    ["large", largeOrg],
  ] as const) {
    console.log(
      `${name}: ${org.shape.people} people, ${org.shape.depth} levels below the VP, ${org.shape.managers} with reports, ${org.shape.closureRows} closure rows`,
    );
  }
  console.log(`deep manager: depth ${deepDepth!.d} in the large org, ${candidate!.below} people below them\n`);

  await compare([
    { name: "home.summary (VP)", goal: 2, small: () => small.caller.home.summary(), large: () => large.caller.home.summary() },
    { name: "people.orgChart (VP)", goal: 2, small: () => small.caller.people.orgChart(), large: () => large.caller.people.orgChart() },
    { name: "people.list (VP)", goal: 2, small: () => small.caller.people.list({}), large: () => large.caller.people.list({}) },
    {
      name: "  (not Home) targets.list, every target the VP sees",
      goal: 2,
      small: () => small.caller.targets.list({ status: "active" }),
      large: () => large.caller.targets.list({ status: "active" }),
    },
    {
      name: "  Home part: oneOnOnes.overview",
      goal: 2,
      small: () => small.caller.oneOnOnes.overview(),
      large: () => large.caller.oneOnOnes.overview(),
    },
    {
      name: "  Home part: capacity.plan",
      goal: 2,
      small: () => small.caller.capacity.plan({}),
      large: () => large.caller.capacity.plan({}),
    },
    {
      name: "  (not Home) delegation.overview",
      goal: 2,
      small: () => small.caller.delegation.overview(),
      large: () => large.caller.delegation.overview(),
    },
    {
      name: "people.list, small VP vs deep manager",
      goal: 2,
      small: () => small.caller.people.list({}),
      large: () => deepCaller.people.list({}),
    },
    {
      name: "people.orgChart, small VP vs deep manager",
      goal: 2,
      small: () => small.caller.people.orgChart(),
      large: () => deepCaller.people.orgChart(),
    },
    {
      name: "home.summary, small VP vs deep manager",
      goal: 2,
      small: () => small.caller.home.summary(),
      large: () => deepCaller.home.summary(),
    },
  ]);

  // The policy's subtree rule on its own ("is this person under me", policy.ts underMe), then the VP's chart query.
  const pa = `select 1 from person_ancestors where org_id = $1 and ancestor_id = $2 and descendant_id = $3`;
  console.log("\nEXPLAIN, the subtree rule (underMe) for one person, large org:\n```");
  console.log(await plan(database, { sql: pa, params: [large.actor.orgId, large.actor.personId, candidate!.id] }, true));
  console.log("```");
  for (const [label, caller] of [
    ["the VP's org chart, large org", large.caller],
    ["the deep manager's org chart, large org", deepCaller],
  ] as const) {
    const statements = await recorded(database, () => caller.people.orgChart());
    const rows = statements.find((s) => s.sql.includes('from "people"') && s.sql.includes("person_ancestors"))!;
    console.log(`\nEXPLAIN ANALYZE, ${label}:\n\`\`\`\n${await plan(database, rows, true)}\n\`\`\``);
  }
  // Where the time goes: each statement's execution time on the database, the costliest first.
  for (const [label, run] of [
    ["the large VP's Home", () => large.caller.home.summary()],
    ["the large VP's org chart", () => large.caller.people.orgChart()],
    ["the deep manager's Home", () => deepCaller.home.summary()],
    ["the deep manager's people.list", () => deepCaller.people.list({})],
  ] as const) {
    await whereTimeGoes(database, label, run);
  }
}

/**
 * The org-size account (issue #20, ORG_SIZE in support/generate-org.ts) against a 10-person org with the same
 * check-ins per metric and a tree of targets: each page's first request as the page makes it, with its current
 * input (a list answers its first page once keyset pagination lands; rowCount counts `items` then).
 * Goals: large ÷ small p50 at most 1.3 for a list's first page, 2 for Home, prep, the overviews and the tree.
 */
async function orgSize(database: TestDatabase) {
  const small = await createUser(database.db, { name: "Small VP" });
  const large = await createUser(database.db, { name: "Org-size VP" });
  let started = performance.now();
  const smallOrg = await generateOrg(database.db, small, ORG_SMALL.people, ORG_SMALL);
  const smallSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const largeOrg = await generateOrgSizeAccount(database.db, large);
  const largeSeconds = (performance.now() - started) / 1000;
  const counted = (await database.query(
    `select (select count(*) from people where org_id = $1)::int as people, (select count(*) from areas where org_id = $1)::int as areas,
       (select count(*) from targets where org_id = $1)::int as targets, (select count(*) from targets where org_id = $1 and parent_id is not null)::int as sub_targets,
       (select count(*) from check_ins where org_id = $1)::int as check_ins, (select count(*) from tasks where org_id = $1)::int as tasks,
       (select count(*) from level_changes where org_id = $1)::int as level_changes, (select count(*) from one_on_ones where org_id = $1)::int as one_on_ones,
       (select count(*) from coaching_notes where org_id = $1)::int as notes, (select count(*) from notifications where org_id = $1)::int as notifications`,
    [large.actor.orgId],
  )) as Record<string, number>[];
  console.log(`\n## Org-size account (issue #20)\n\ndriver ${database.driver}; ${ROUNDS} rounds, interleaved`);
  console.log(
    `generated in ${largeSeconds.toFixed(1)} s (the org-size account) and ${smallSeconds.toFixed(1)} s (the small one), one transaction each, then ANALYZE`,
  );
  console.log(
    `org-size: ${Object.entries(counted[0]!)
      .map(([k, v]) => `${v.toLocaleString("en")} ${k.replaceAll("_", " ")}`)
      .join(", ")}; ${largeOrg.shape.depth} levels below the VP\n`,
  );
  const both = (run: (u: TestUser, ids: { personId: string; targetId: string }) => Promise<unknown>) => ({
    small: () => run(small, smallOrg),
    large: () => run(large, largeOrg),
  });
  await compare([
    { name: "people.list (first page)", goal: 1.3, ...both((u) => u.caller.people.list({})) },
    { name: "targets.list (first page)", goal: 1.3, ...both((u) => u.caller.targets.list({ status: "active" })) },
    { name: "inbox.list (first page)", goal: 1.3, ...both((u) => u.caller.inbox.list({})) },
    // The small account has fewer rows than a page (10 people, 25 targets), so its "first page" is
    // shorter than the large one's: the same number of rows on both sides says what the org's size costs.
    { name: "people.list (first 10 rows)", goal: 1.3, ...both((u) => u.caller.people.list({ limit: 10 })) },
    { name: "targets.list (first 20 rows)", goal: 1.3, ...both((u) => u.caller.targets.list({ status: "active", limit: 20 })) },
    { name: "home.search (people, targets, …)", goal: 1.3, ...both((u) => u.caller.home.search({ query: "Person 0" })) },
    { name: "oneOnOnes.overview (1:1s page)", goal: 2, ...both((u) => u.caller.oneOnOnes.overview()) },
    { name: "targets.trees (tree page)", goal: 2, ...both((u) => u.caller.targets.trees()) },
    { name: "targets.tree (a tree of 25)", goal: 2, ...both((u, ids) => u.caller.targets.tree({ id: ids.targetId })) },
    { name: "delegation.overview", goal: 2, ...both((u) => u.caller.delegation.overview()) },
    { name: "home.summary (VP)", goal: 2, ...both((u) => u.caller.home.summary()) },
    { name: "oneOnOnes.prep (a direct report)", goal: 2, ...both((u, ids) => u.caller.oneOnOnes.prep({ personId: ids.personId })) },
    { name: "targets.get (100 check-ins)", goal: 2, ...both((u, ids) => u.caller.targets.get({ id: ids.targetId })) },
  ]);
  // Where the org-size side's time goes, for the pages that missed their goal when this was written.
  console.log("\nWhere the time goes (org-size account):");
  for (const [label, run] of [
    ["people.list", () => large.caller.people.list({})],
    ["targets.list", () => large.caller.targets.list({ status: "active" })],
    ["inbox.list", () => large.caller.inbox.list({})],
    ["home.search", () => large.caller.home.search({ query: "Person 0" })],
    ["delegation.overview", () => large.caller.delegation.overview()],
    ["home.summary", () => large.caller.home.summary()],
  ] as const)
    await whereTimeGoes(database, label, run);
}

async function main() {
  const database = await createTestDatabase();
  if (PARTS.includes("accounts")) await accounts(database);
  if (PARTS.includes("org")) await organisations(database);
  if (PARTS.includes("orgsize")) await orgSize(database);
  await database.close();
}

async function accounts(database: TestDatabase) {
  const started = performance.now();
  const small = await createUser(database.db);
  const large = await createUser(database.db);
  const smallIds = await generateAccount(database.db, small, SMALL);
  const largeIds = await generateAccount(database.db, large, LARGE);
  console.log(
    `driver ${database.driver}; generated in ${((performance.now() - started) / 1000).toFixed(1)} s; ${ROUNDS} rounds, interleaved\n`,
  );
  const times = new Map<string, { small: number[]; large: number[] }>(CHECKS.map((c) => [c.name, { small: [], large: [] }]));
  for (const c of CHECKS) {
    await c.run(small, smallIds);
    await c.run(large, largeIds); // warm-up
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of CHECKS) {
      for (const [which, user, ids] of round % 2
        ? ([
            ["small", small, smallIds],
            ["large", large, largeIds],
          ] as const)
        : ([
            ["large", large, largeIds],
            ["small", small, smallIds],
          ] as const)) {
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
    console.log(
      `| ${c.name} | ${p50(t.small).toFixed(1)} | ${p50(t.large).toFixed(1)} | ${ratio.toFixed(2)} | ≤ ${goal} | ${ratio <= goal ? "meets" : "misses"} |`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
