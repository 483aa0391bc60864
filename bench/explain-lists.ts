/**
 * The people list's and the inbox's first page on a 2,000-person org beside a 10-person one:
 * p50s, and each statement's EXPLAIN ANALYZE on the large side (issue #20's misses).
 *   TEST_DATABASE_URL=postgres://… npx tsx bench/explain-lists.ts
 */
import { performance } from "node:perf_hooks";
import { createTestDatabase, type TestDatabase } from "../src/test/database";
import { createUser, type TestUser } from "../src/test/factories";
import { generateOrg, ORG_SIZE, ORG_SMALL } from "./support/generate-org";
import { smallLargeP50s } from "./support/small-large";
import { preparedTimings } from "./support/prepared-timings";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
// The org-size chart and targets (the inbox: a check-in item per target); fewer check-ins, tasks and 1:1s, which these two lists do not read.
const LARGE = { ...ORG_SIZE, checkIns: 20_000, tasks: 4_000, oneOnOnes: 4_000 };

async function explain(database: TestDatabase, run: () => Promise<unknown>) {
  database.statements.length = 0;
  await run();
  for (const s of [...database.statements]) {
    const rows = (await database.query(`explain (analyze, buffers, costs off) ${s.sql}`, s.params)) as Record<string, string>[];
    console.log(`\n--- ${s.sql.replace(/\s+/g, " ").slice(0, 160)}\n${rows.map((r) => Object.values(r)[0]).join("\n")}`);
  }
}

async function main() {
  const database = await createTestDatabase();
  const small = await createUser(database.db, { name: "Small VP" });
  const large = await createUser(database.db, { name: "Org-size VP" });
  await generateOrg(database.db, small, ORG_SMALL.people, ORG_SMALL);
  const t = performance.now();
  await generateOrg(database.db, large, LARGE.people, LARGE);
  console.log(`generated in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  const checks: [string, (u: TestUser) => Promise<unknown>][] = [
    ["people.list", (u) => u.caller.people.list({})],
    ["inbox.list", (u) => u.caller.inbox.list({})],
    // As many rows on both sides (the small org's 9): what the org's size costs, apart from the rows shown.
    ["people.list (9 rows)", (u) => u.caller.people.list({ limit: 9 })],
  ];
  for (const [name, run] of checks) {
    console.log(`${name}: ${(await smallLargeP50s(run, small, large, ROUNDS)).line}`);
  }
  // Each statement of the large side's page alone, prepared (as the app runs it: after five runs PostgreSQL may
  // keep a generic plan, made without the org's or the actor's values) and with a fresh plan each time.
  if (database.url) {
    for (const [name, run] of checks) {
      database.statements.length = 0;
      await run(large);
      for (const s of [...database.statements]) console.log(`${name}: ${await preparedTimings(database.url, s)}`);
    }
  }
  if (process.env.EXPLAIN !== "0")
    for (const [name, run] of checks) {
      console.log(`\n===== ${name} (large)`);
      await explain(database, () => run(large));
      console.log(`\n===== ${name} (small)`);
      await explain(database, () => run(small));
    }
  await database.close();
}

void main();
