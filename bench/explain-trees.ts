/**
 * The tree page (targets.trees) on the org-size account beside a small one: p50s of the service
 * (listMyTrees) interleaved, and each statement's EXPLAIN ANALYZE on the large side (issue #20).
 *   TEST_DATABASE_URL=postgres://… npx tsx bench/explain-trees.ts
 * KEEP=path: leave the database in place and write its URL and the two actors there (to time
 * another checkout's code on the same data); the database is then dropped by hand.
 */
import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { createTestDatabase, type TestDatabase } from "../src/test/database";
import { createUser } from "../src/test/factories";
import type { Actor } from "../src/server/services/kernel/actor";
import { listMyTrees } from "../src/server/services/targets/tree.read";
import { generateOrg, generateOrgSizeAccount, ORG_SMALL } from "./support/generate-org";
import { smallLargeP50s } from "./support/small-large";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);

export async function timeTrees(database: Pick<TestDatabase, "db" | "query" | "statements">, small: Actor, large: Actor) {
  const run = (actor: Actor) => listMyTrees(database.db, actor);
  const p50s = await smallLargeP50s(run, small, large, ROUNDS);
  const page = await run(large);
  const nodes = (n: { children: unknown[] }): number => 1 + n.children.reduce<number>((k, c) => k + nodes(c as { children: unknown[] }), 0);
  console.log(
    `targets.trees: ${p50s.line}; large page: ${page.trees.length} trees, ${page.trees.reduce((k, t) => k + nodes(t), 0)} nodes shown, below the roots ${page.trees.reduce((k, t) => k + t.below, 0)}`,
  );
  for (const [name, actor] of [
    ["large", large],
    ["small", small],
  ] as const) {
    database.statements.length = 0;
    await run(actor);
    console.log(`\n===== ${name}: ${database.statements.length} statements`);
    for (const s of [...database.statements]) {
      const rows = (await database.query(`explain (analyze, buffers, costs off) ${s.sql}`, s.params)) as Record<string, string>[];
      const lines = rows.map((r) => Object.values(r)[0]);
      console.log(`\n--- ${s.sql.replace(/\s+/g, " ").slice(0, 160)}\n${name === "large" ? lines.join("\n") : lines.slice(-2).join("\n")}`);
    }
  }
}

async function main() {
  const database = await createTestDatabase();
  const small = await createUser(database.db, { name: "Small VP" });
  const large = await createUser(database.db, { name: "Org-size VP" });
  await generateOrg(database.db, small, ORG_SMALL.people, ORG_SMALL);
  const t = performance.now();
  await generateOrgSizeAccount(database.db, large);
  console.log(`generated in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  if (process.env.KEEP) writeFileSync(process.env.KEEP, JSON.stringify({ url: database.url, small: small.actor, large: large.actor }));
  await timeTrees(database, small.actor, large.actor);
  if (!process.env.KEEP) await database.close();
  else process.exit(0);
}

if (process.argv[1]?.endsWith("explain-trees.ts")) void main();
