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
import { performance } from "node:perf_hooks";
import { createTestDatabase } from "../src/test/database";
import { createUser, type TestUser } from "../src/test/factories";
import { generateAccount, LARGE, SMALL } from "./support/generate-account";
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

async function main() {
  const database = await createTestDatabase();
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
  await database.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
