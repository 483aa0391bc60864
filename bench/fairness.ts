/**
 * Fairness benchmark (issue #20): does one organisation's heaviest work slow
 * another's pages? Organisation A (a VP's org of 2,000 people, bench/support/
 * generate-org.ts) runs, one request after another, the heaviest things a user
 * can do: the largest account import the limits allow (an export padded to
 * 16 MiB, sent as its bytes as the page sends it, into a new empty
 * organisation each time), the largest people CSV (5,000 rows, into a new
 * organisation), the full export of A (the download, GET /api/account/export), A's people and
 * targets lists and the VP's Home. Meanwhile organisation B (a small account)
 * loads its targets page: targets.list and targets.get in one batch, as the
 * browser sends them, arriving every BENCH_INTERVAL_MS (by default five times
 * the page's time alone, measured in the warm-up) whether or not the
 * previous one has answered (an open loop: a stall delays every page that
 * arrives during it, as it would real users, instead of one sample).
 *
 * Requests go through tRPC's fetch adapter in this process, with the route's
 * body limits (src/server/api/trpc-request-limits.ts): JSON parsing and
 * the wire format are timed as the server pays them. Rounds alternate "B alone" and
 * "A busy" phases of BENCH_PHASE_MS, order flipped each round; B's p50 and
 * p99 are compared side by side. Goal: p99 busy within 2× of alone on PostgreSQL.
 *
 *   npm run bench:fairness                                  # embedded PGlite
 *   TEST_DATABASE_URL=postgres://… npm run bench:fairness   # a PostgreSQL server
 *
 * Prints a table; copy the figures into bench/RESULTS.md with the date and the machine.
 */
import { performance } from "node:perf_hooks";
import { wireFormat } from "../src/lib/wire-format";
import { answerTrpc } from "../src/server/api/trpc-answer";
import { accountExportResponse } from "../src/server/api/rest/account-export";
import type { Actor } from "../src/server/services/kernel/actor";
import { createTestDatabase } from "../src/test/database";
import { createUser } from "../src/test/factories";
import { peopleCsv, importFileAtLimit } from "./support/fairness-files";
import { generateAccount, SMALL } from "./support/generate-account";
import { generateOrg } from "./support/generate-org";
import { median } from "./support/median";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const PHASE_MS = Number(process.env.BENCH_PHASE_MS ?? 15_000);
/** Unset: five times B's page time alone in the warm-up, so that B alone keeps up (about 20% busy). */
const INTERVAL_SETTING = process.env.BENCH_INTERVAL_MS ? Number(process.env.BENCH_INTERVAL_MS) : undefined;
const ORG_SIZE = Number(process.env.BENCH_ORG_SIZE ?? 2_000);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const inChunks = (bytes: Uint8Array, size = 64 * 1024) => {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, (at += size)));
    },
  });
};

async function main() {
  // No statement log: it would keep every parameter of every import, and the collector's pauses over that heap are the bench's.
  const database = await createTestDatabase({ record: false });
  const { db } = database;
  const driver = database.url ? "PostgreSQL" : "PGlite";

  /** One request to /api/trpc as the route answers it, signed in as `actor`; the body is read, as the socket would be written. */
  const request = async (
    actor: Actor,
    path: string,
    init: { input?: string; body?: string | Uint8Array; batch?: boolean; contentType?: string } = {},
  ) => {
    const query = new URLSearchParams();
    if (init.batch) query.set("batch", "1");
    if (init.input) query.set("input", init.input);
    const req = new Request(`http://localhost/api/trpc/${path}?${query}`, {
      method: init.body === undefined ? "GET" : "POST",
      headers: init.body === undefined ? {} : { "content-type": init.contentType ?? "application/json" },
      // Bytes arrive as a socket delivers them, 64 KiB at a time (a string body would be encoded in one piece, the bench's own cost).
      body: typeof init.body === "string" || init.body === undefined ? init.body : inChunks(init.body),
      duplex: "half",
    } as RequestInit);
    const res = await answerTrpc(req, async () => ({ db, actor }));
    const text = await res.text();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${text.slice(0, 300)}`);
    return text;
  };
  const input = (value: unknown) => JSON.stringify(wireFormat.serialize(value));

  const started = performance.now();
  const a = await createUser(db, { name: "VP of A" });
  await generateOrg(db, a, ORG_SIZE);
  const b = await createUser(db, { name: "Manager of B" });
  const bIds = await generateAccount(db, b, SMALL);
  // The file as the browser saves it: the answer's JSON (dates as strings).
  const exported = JSON.parse(await request(a.actor, "account.export", { input: input({ includePrivate: true }) })) as {
    result: { data: { json: unknown } };
  };
  const file = importFileAtLimit(exported.result.data.json);
  const fileBytes = new TextEncoder().encode(file.body);
  const csvs = Array.from({ length: ROUNDS * 4 }, (_, i) => input({ csv: peopleCsv(5_000, `r${i}`) }));
  console.log(
    `driver ${driver}; set up in ${((performance.now() - started) / 1000).toFixed(1)} s; A: ${ORG_SIZE} people; ` +
      `import file ${file.rows.toLocaleString("en")} rows, ${(file.bytes / 1024 / 1024).toFixed(1)} MiB; people CSV 5,000 rows, ${(csvs[0]!.length / 1024).toFixed(0)} KiB`,
  );

  // B's targets page: the list and one target, batched as the browser's client sends them.
  // The wire format of a batch: each call's input serialised on its own.
  const batchInput = JSON.stringify({
    0: wireFormat.serialize({ status: "active" }),
    1: wireFormat.serialize({ id: bIds.targetId }),
  });
  const loadB = () => request(b.actor, "targets.list,targets.get", { batch: true, input: batchInput });

  // A's heavy things, in turn. Imports go into a new, empty organisation each time (an import needs one).
  let csvIndex = 0;
  const heavy: { name: string; run: () => Promise<unknown> }[] = [
    {
      name: "account.import (limit)",
      run: async () =>
        request((await createUser(db, { name: "Importer" })).actor, "account.import", {
          body: fileBytes,
          contentType: "application/octet-stream",
        }),
    },
    // The download the page asks for (GET /api/account/export, the route's handler without its session lookup).
    { name: "account export (download)", run: async () => (await accountExportResponse(db, a.actor, true)).text() },
    {
      name: "people.commitImport (5,000)",
      run: async () => request((await createUser(db, { name: "CSV importer" })).actor, "people.commitImport", { body: csvs[csvIndex++]! }),
    },
    { name: "people.list", run: () => request(a.actor, "people.list", { input: input({}) }) },
    { name: "targets.list", run: () => request(a.actor, "targets.list", { input: input({ status: "active" }) }) },
    { name: "home.summary", run: () => request(a.actor, "home.summary") },
  ];
  const heavyTimes = new Map(heavy.map((h) => [h.name, [] as number[]]));

  const warm: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await loadB();
    warm.push(performance.now() - t);
  }
  const INTERVAL_MS = INTERVAL_SETTING ?? Math.ceil(5 * median(warm));
  for (const h of heavy.slice(1)) {
    const t = performance.now();
    await h.run();
    if (process.env.BENCH_VERBOSE) console.error(`  warm-up: ${h.name} ${(performance.now() - t).toFixed(0)} ms`);
  }

  const alone: number[] = [];
  const busy: number[] = [];
  /** B's busy samples by what A was running when the page arrived. */
  const during = new Map(heavy.map((h) => [h.name, [] as number[]]));
  let current = "";

  /** Page loads of B arriving every INTERVAL_MS for PHASE_MS; each timed from its arrival. */
  const loadsOfB = async (into: number[], tagged: boolean, scheduled: () => void = () => {}) => {
    const pending: Promise<void>[] = [];
    const phaseStart = performance.now();
    for (let k = 0; ; k++) {
      const due = phaseStart + k * INTERVAL_MS;
      if (due - phaseStart >= PHASE_MS) break;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const what = current;
      pending.push(
        loadB().then(() => {
          const ms = performance.now() - due;
          into.push(ms);
          if (tagged) during.get(what)?.push(ms);
        }),
      );
    }
    // The last page has arrived: A starts nothing more (its request under way ends), B's answers are awaited.
    scheduled();
    await Promise.all(pending);
  };

  // How long the event loop was blocked (the process's JavaScript and, on PGlite, the database's WebAssembly): a
  // timer due every PROBE_MS, and how late it ran. Each block is counted in its phase and, while A is busy, under
  // what A was running. (monitorEventLoopDelay, disabled between phases, counted the pause as one block.)
  const PROBE_MS = 5;
  const blocked = { alone: [] as number[], busy: [] as number[] };
  const longestDuring = new Map(heavy.map((h) => [h.name, 0]));
  let phaseNow: "alone" | "busy" | null = null;
  let probeDue = performance.now() + PROBE_MS;
  const probe = setInterval(() => {
    const now = performance.now();
    const late = now - probeDue;
    probeDue = now + PROBE_MS;
    if (!phaseNow) return;
    blocked[phaseNow].push(late);
    if (phaseNow === "busy" && current) longestDuring.set(current, Math.max(longestDuring.get(current) ?? 0, late));
  }, PROBE_MS);
  let next = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const phase of round % 2 ? (["busy", "alone"] as const) : (["alone", "busy"] as const)) {
      phaseNow = phase;
      if (phase === "alone") {
        await loadsOfB(alone, false);
        phaseNow = null;
        continue;
      }
      let running = true;
      const worker = (async () => {
        while (running) {
          const h = heavy[next++ % heavy.length]!;
          current = h.name;
          const t = performance.now();
          await h.run();
          heavyTimes.get(h.name)!.push(performance.now() - t);
          if (process.env.BENCH_VERBOSE) console.error(`  A: ${h.name} ${(performance.now() - t).toFixed(0)} ms`);
        }
        current = "";
      })();
      await loadsOfB(busy, true, () => {
        running = false;
      });
      phaseNow = null;
      await worker; // A's last request ends before the next phase, untimed for B.
    }
  }

  const row = (name: string, values: number[]) =>
    `| ${name} | ${values.length} | ${median(values).toFixed(1)} | ${percentile(values, 99).toFixed(1)} | ${Math.max(...values).toFixed(0)} |`;
  console.log(`\n${ROUNDS} rounds of ${PHASE_MS / 1000} s per phase, B's page every ${INTERVAL_MS} ms\n`);
  console.log("| B's targets page (list + one target) | loads | p50 ms | p99 ms | max ms |");
  console.log("| --- | ---: | ---: | ---: | ---: |");
  console.log(row("B alone", alone));
  console.log(row("A busy", busy));
  const ratio = percentile(busy, 99) / percentile(alone, 99);
  console.log(`\np99 busy ÷ alone: ${ratio.toFixed(2)} (goal ≤ 2: ${ratio <= 2 ? "meets" : "misses"})`);
  console.log(`p50 busy ÷ alone: ${(median(busy) / median(alone)).toFixed(2)}`);
  clearInterval(probe);
  for (const phase of ["alone", "busy"] as const) {
    const late = blocked[phase];
    console.log(`event loop blocked, ${phase}: p99 ${percentile(late, 99).toFixed(0)} ms, longest ${Math.max(...late).toFixed(0)} ms`);
  }
  console.log("");
  console.log("| A's request | runs | A's p50 ms | A's max ms | longest block ms | B's loads meanwhile | B's p50 ms | B's p99 ms |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const h of heavy) {
    const t = heavyTimes.get(h.name)!;
    const d = during.get(h.name)!;
    if (t.length === 0) continue;
    console.log(
      `| ${h.name} | ${t.length} | ${median(t).toFixed(0)} | ${Math.max(...t).toFixed(0)} | ${(longestDuring.get(h.name) ?? 0).toFixed(0)} | ${d.length} | ${d.length ? median(d).toFixed(1) : "-"} | ${d.length ? percentile(d, 99).toFixed(1) : "-"} |`,
    );
  }
  await database.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
