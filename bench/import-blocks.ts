/**
 * The event loop's longest blocks during one organisation's imports (issue #20,
 * "No tenant slows another"): a probe, not a benchmark. B's p99 in
 * bench:fairness is the length of A's longest synchronous stretch; this runs
 * only A's imports, one after another, with a timer due every 5 ms (as
 * bench:fairness probes), and prints the longest block during each and what
 * the statement log says ran just after it (a block ending at an INSERT is
 * Drizzle building it; one ending at the first statement after the lock is
 * the CSV's parse and checks).
 *
 *   npx tsx bench/import-blocks.ts                                   # PGlite
 *   TEST_DATABASE_URL=postgres://… npx tsx bench/import-blocks.ts    # PostgreSQL
 *   BLOCKS_RUNS=3 BLOCKS_ACCOUNT=1 …                                 # also account.import at the limit (slow to set up)
 *
 * Requests go through tRPC's fetch adapter with the route's body limits, as in bench:fairness.
 */
import { performance } from "node:perf_hooks";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { wireFormat } from "../src/lib/wire-format";
import { MAX_BATCH_CALLS } from "../src/lib/request-limits";
import { appRouter } from "../src/server/api/root";
import { limitTrpcRequest } from "../src/server/api/trpc-request-limits";
import type { Actor } from "../src/server/services/kernel/actor";
import { createTestDatabase } from "../src/test/database";
import { createUser } from "../src/test/factories";
import { importFileAtLimit, peopleCsv } from "./support/fairness-files";
import { generateOrg } from "./support/generate-org";

const RUNS = Number(process.env.BLOCKS_RUNS ?? 3);
const PROBE_MS = 5;
/** Blocks at least this long are listed with what ran after them. */
const SHOW_MS = Number(process.env.BLOCKS_SHOW_MS ?? 20);

async function main() {
  const database = await createTestDatabase();
  const { db } = database;
  console.log(`driver ${database.url ? "PostgreSQL" : "PGlite"}`);

  // Each statement with the time it was sent, to say what a block came before.
  const sent: { at: number; sql: string }[] = [];
  const push = database.queries.push.bind(database.queries);
  database.queries.push = (...items: string[]) => {
    for (const sql of items) sent.push({ at: performance.now(), sql: sql.replace(/\s+/g, " ").slice(0, 70) });
    return push(...items);
  };

  /** One request to /api/trpc as the route answers it: a POST with `body`, or a GET (a query) with `input` in the address. */
  const request = async (actor: Actor, path: string, body: string, contentType = "application/json", method = "POST") => {
    const req =
      method === "GET"
        ? new Request(`http://localhost/api/trpc/${path}?${new URLSearchParams({ input: body })}`)
        : new Request(`http://localhost/api/trpc/${path}`, { method, headers: { "content-type": contentType }, body });
    const limited = await limitTrpcRequest(req, "/api/trpc");
    const res =
      limited instanceof Response
        ? limited
        : await fetchRequestHandler({
            endpoint: "/api/trpc",
            req: limited,
            router: appRouter,
            maxBatchSize: MAX_BATCH_CALLS,
            createContext: async () => ({ db, actor }),
          });
    const text = await res.text();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${text.slice(0, 300)}`);
    return text;
  };
  const input = (value: unknown) => JSON.stringify(wireFormat.serialize(value));

  const work: { name: string; run: (i: number) => Promise<unknown> }[] = [];
  const csvs = Array.from({ length: RUNS }, (_, i) => input({ csv: peopleCsv(5_000, `r${i}`) }));
  work.push({
    name: "people.previewImport (5,000)",
    run: async (i) => request((await createUser(db, { name: "CSV previewer" })).actor, "people.previewImport", csvs[i]!),
  });
  work.push({
    name: "people.commitImport (5,000)",
    run: async (i) => request((await createUser(db, { name: "CSV importer" })).actor, "people.commitImport", csvs[i]!),
  });
  if (process.env.BLOCKS_ACCOUNT) {
    const a = await createUser(db, { name: "VP of A" });
    await generateOrg(db, a, 2_000);
    const exported = JSON.parse(await request(a.actor, "account.export", input({ includePrivate: true }), "", "GET")) as {
      result: { data: { json: unknown } };
    };
    const file = importFileAtLimit(exported.result.data.json);
    work.push({
      name: `account.import (${file.rows.toLocaleString("en")} rows)`,
      run: async () => request((await createUser(db, { name: "Importer" })).actor, "account.import", file.body, "application/octet-stream"),
    });
  }

  let blocks: { at: number; ms: number }[] = [];
  let due = performance.now() + PROBE_MS;
  const probe = setInterval(() => {
    const now = performance.now();
    blocks.push({ at: now, ms: now - due });
    due = now + PROBE_MS;
  }, PROBE_MS);

  console.log("| request | run | time ms | longest block ms | blocks ≥ 20 ms | ≥ 50 ms |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  const details: string[] = [];
  for (const w of work) {
    for (let i = 0; i < RUNS; i++) {
      blocks = [];
      sent.length = 0;
      const t = performance.now();
      await w.run(i);
      const ms = performance.now() - t;
      await new Promise((resolve) => setTimeout(resolve, 3 * PROBE_MS)); // the probe's last beat after the answer
      const longest = Math.max(0, ...blocks.map((b) => b.ms));
      console.log(
        `| ${w.name} | ${i + 1} | ${ms.toFixed(0)} | ${longest.toFixed(0)} | ${blocks.filter((b) => b.ms >= 20).length} | ${blocks.filter((b) => b.ms >= 50).length} |`,
      );
      for (const b of blocks.filter((b) => b.ms >= SHOW_MS)) {
        const after = sent.find((s) => s.at >= b.at - b.ms);
        details.push(`  ${w.name} #${i + 1}: ${b.ms.toFixed(0)} ms, then: ${after ? after.sql : "(no statement: the answer)"}`);
      }
    }
  }
  clearInterval(probe);
  if (details.length) console.log(`\nBlocks of ${SHOW_MS} ms or more, and the statement sent next:\n${details.join("\n")}`);
  await database.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
