/**
 * The palette's search (`home.search`) on the org-size account beside the small one: p50s, and
 * each statement's EXPLAIN ANALYZE on the large side (issue #20, item 6).
 *   TEST_DATABASE_URL=postgres://… npx tsx bench/explain-search.ts
 * Generating the org-size account takes about two minutes; `KEEP=name` keeps the database under
 * that name (and reuses it on the next run), for comparing plans while changing the statements.
 */
import { performance } from "node:perf_hooks";
import { writeFileSync, readFileSync, existsSync } from "node:fs";
import { openDatabase } from "../src/server/db/factory";
import { createTestDatabase } from "../src/test/database";
import { createUser } from "../src/test/factories";
import type { Actor } from "../src/server/services/kernel/actor";
import type { Db } from "../src/server/db/types";
import { searchEverything } from "../src/server/services/home/search.read";
import { generateOrg, ORG_SIZE, ORG_SMALL } from "./support/generate-org";
import { smallLargeP50s } from "./support/small-large";
import { preparedTimings } from "./support/prepared-timings";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const QUERIES = (process.env.QUERIES ?? "Person 0|Target 0001|Note").split("|");

type Handle = {
  db: Db;
  statements: { sql: string; params: unknown[] }[];
  query: (text: string, params: unknown[]) => Promise<unknown[]>;
  url?: string;
};

/** A database with both accounts: made anew, or the one KEEP names (made on its first run). */
async function open(): Promise<{ handle: Handle; small: Actor; large: Actor; close: () => Promise<void> }> {
  const keep = process.env.KEEP;
  const serverUrl = process.env.TEST_DATABASE_URL;
  const saved = keep ? `/tmp/explain-search-${keep}.json` : undefined;
  if (keep && serverUrl && saved && existsSync(saved)) {
    const url = new URL(serverUrl);
    url.pathname = `/${keep}`;
    const statements: Handle["statements"] = [];
    const db = await openDatabase({ url: url.toString(), onQuery: (sql, params) => statements.push({ sql, params }), maxConnections: 5 });
    const { small, large } = JSON.parse(readFileSync(saved, "utf8")) as { small: Actor; large: Actor };
    return { handle: { db: db.db, statements, query: db.query, url: url.toString() }, small, large, close: db.close };
  }
  if (keep && serverUrl) {
    const { default: postgres } = await import("postgres");
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${keep}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${keep}`;
    const statements: Handle["statements"] = [];
    const db = await openDatabase({ url: url.toString(), onQuery: (sql, params) => statements.push({ sql, params }), maxConnections: 5 });
    await db.migrate();
    const made = await generate(db.db);
    writeFileSync(saved!, JSON.stringify(made));
    return { handle: { db: db.db, statements, query: db.query, url: url.toString() }, ...made, close: db.close };
  }
  const database = await createTestDatabase();
  return { handle: database, ...(await generate(database.db)), close: database.close };
}

async function generate(db: Db): Promise<{ small: Actor; large: Actor }> {
  const small = await createUser(db, { name: "Small VP" });
  const large = await createUser(db, { name: "Org-size VP" });
  await generateOrg(db, small, ORG_SMALL.people, ORG_SMALL);
  const t = performance.now();
  await generateOrg(db, large, ORG_SIZE.people, ORG_SIZE);
  console.log(`generated in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  return { small: small.actor, large: large.actor };
}

async function main() {
  const { handle, small, large, close } = await open();
  const search = (actor: Actor, query: string) => searchEverything(handle.db, actor, { query });
  for (const query of QUERIES) {
    const p50s = await smallLargeP50s((actor: Actor) => search(actor, query), small, large, ROUNDS);
    console.log(`home.search "${query}": ${p50s.line}`);
  }
  // Each statement prepared, as the app runs it, under each plan-cache mode.
  if (process.env.PREPARED === "1" && handle.url) {
    handle.statements.length = 0;
    await search(large, QUERIES[0]!);
    for (const s of [...handle.statements]) console.log(`prepared: ${await preparedTimings(handle.url, s)}`);
  }
  if (process.env.EXPLAIN !== "0")
    for (const query of QUERIES.slice(0, Number(process.env.EXPLAIN_QUERIES ?? 1))) {
      handle.statements.length = 0;
      await search(large, query);
      for (const s of [...handle.statements]) {
        const rows = (await handle.query(`explain (analyze, costs off) ${s.sql}`, s.params)) as Record<string, string>[];
        const plan = rows.map((r) => String(Object.values(r)[0]));
        const time = plan.find((l) => l.startsWith("Execution Time"));
        console.log(`\n--- "${query}" ${time}: ${s.sql.replace(/\s+/g, " ").slice(0, 120)}`);
        if (process.env.PLANS !== "0") console.log(plan.join("\n"));
      }
    }
  await close();
}

await main();
process.exit(0);
