/**
 * The server ladder: what each layer of the stack costs on the same SQL.
 *
 *   (a) floor   a bare node:http server running the recorded SQL with the app's driver
 *   (b) route   a bare Next.js route handler in the app running the same SQL, no session check
 *   (c) tRPC    the real, authenticated tRPC endpoint (session cookie checked against the database)
 *
 * for two requests: the targets list and a person's 1:1 prep. The SQL of (a)
 * and (b) is recorded from (c)'s own procedures on the same account, so all
 * three read the same rows. autocannon loads each rung at 1 and 8 connections;
 * rounds are interleaved (the rung order rotates) because this machine is
 * shared. Goals for (c): p50 at most 0.8 ms over the floor at 1 connection,
 * throughput at least 0.7× of (b) at 8.
 *
 *   npm run build && npm run bench:ladder
 *   LADDER_DRIVERS=postgres npm run bench:ladder     # or pglite; both by default
 *   BENCH_ORG=large npm run bench:ladder             # on the org-size account (issue #20), not the demo org
 *
 * PostgreSQL: TEST_DATABASE_URL (default postgres://root@127.0.0.1:5432/postgres);
 * a scratch database is created there and dropped afterwards.
 */
import { spawn } from "node:child_process";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { wireFormat } from "../src/lib/wire-format";
import { createCaller } from "../src/server/api/root";
import { openDatabase } from "../src/server/db/factory";
import { createAccount } from "../src/server/services/account/accounts.write";
import { loadDemoOrganisation } from "../src/server/services/demo/org.write";
import { signInOverHttp, startApp, stopProcess, waitFor200 } from "../src/test/app-process";
import { median } from "./support/median";
import { generateOrgSizeAccount } from "./support/generate-org";
import { memberActor } from "../src/server/services/members/memberships.read";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = [1, 8];
const DRIVERS = (process.env.LADDER_DRIVERS ?? "postgres,pglite").split(",");
const EMAIL = "ladder@example.com";
const PASSWORD = "ladder-password-1";
const AUTH_SECRET = "ladder-bench-secret-not-for-production-0123456789";
const FLOOR_PORT = 3611;
const APP_PORT = 3612;

type Statement = { text: string; params: unknown[] };
type Rung = "floor" | "route" | "trpc";
const RUNGS: Rung[] = ["floor", "route", "trpc"];
type Sample = { p50: number; rps: number };

/** The targets list's rows: an array, or a first page `{ items, nextCursor }` once it is paginated (issue #20). */
const rowCount = (answer: unknown) => (Array.isArray(answer) ? answer : (answer as { items: unknown[] }).items).length;

const trpcInput = (value: unknown) => `input=${encodeURIComponent(JSON.stringify(wireFormat.serialize(value)))}`;

/** Seeds the demo organisation and records the SQL the two procedures run. */
async function seed(options: { url?: string; dataDir?: string }) {
  let recording: Statement[] | null = null;
  const database = await openDatabase({
    ...options,
    onQuery: (text, params) => recording?.push({ text, params }),
  });
  try {
    await database.migrate();
    const account = await createAccount(database.db, { name: "Ladder Director", email: EMAIL, password: PASSWORD });
    // As the session check makes it for a real request: with the user's time zone.
    const actor = (await memberActor(database.db, account.id, "ladder"))!;
    const caller = createCaller({ db: database.db, actor });
    // BENCH_ORG=large: the org-size account of issue #20 (bench/support/generate-org.ts) instead of the demo organisation.
    const orgSize = process.env.BENCH_ORG === "large" ? await generateOrgSizeAccount(database.db, { caller, actor }) : null;
    if (!orgSize) await loadDemoOrganisation(database.db, actor);
    const overview = await caller.oneOnOnes.overview();
    const personId = orgSize?.personId ?? overview.people.find((p) => p.lastHeldAt)?.id ?? overview.people[0]!.id;
    const requests = {
      targets: { procedure: "targets.list", input: { status: "active" as const } },
      prep: { procedure: "oneOnOnes.prep", input: { personId } },
    };
    const statements: Record<string, Statement[]> = {};
    recording = statements.targets = [];
    const targets = await caller.targets.list(requests.targets.input);
    recording = statements.prep = [];
    await caller.oneOnOnes.prep(requests.prep.input);
    recording = null;
    return { statements, requests, targetRows: rowCount(targets) };
  } finally {
    await database.close();
  }
}

async function measure(url: string, connections: number, headers: Record<string, string>): Promise<Sample> {
  const latencies: number[] = [];
  let non2xx = 0;
  // autocannon's own histogram has whole milliseconds: keep each response's time instead.
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: SECONDS, headers }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on("response", (_client, statusCode, _bytes, ms) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(ms);
      else non2xx++;
    });
  });
  if (non2xx || result.errors) throw new Error(`${url}: ${non2xx} non-2xx answers, ${result.errors} errors`);
  return { p50: median(latencies), rps: latencies.length / SECONDS };
}

async function runDriver(driver: string) {
  const scratch = await mkdtemp(join(tmpdir(), "intersect-ladder-"));
  let dropDatabase = async () => {};
  let appEnv: Record<string, string>;
  let floorEnv: Record<string, string>;
  let seeded: Awaited<ReturnType<typeof seed>>;
  if (driver === "postgres") {
    const { default: postgres } = await import("postgres");
    const server = process.env.TEST_DATABASE_URL ?? "postgres://root@127.0.0.1:5432/postgres";
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    const name = `intersect_ladder_${Date.now()}`;
    await admin.unsafe(`create database ${name}`);
    dropDatabase = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
    const url = new URL(server);
    url.pathname = `/${name}`;
    seeded = await seed({ url: url.toString() });
    appEnv = { DATABASE_URL: url.toString() };
    floorEnv = { DATABASE_URL: url.toString() };
  } else {
    const dataDir = join(scratch, "app");
    seeded = await seed({ dataDir });
    // PGlite is single-process: the floor gets its own copy of the same data.
    await cp(join(dataDir, "pglite"), join(scratch, "floor"), { recursive: true });
    appEnv = { DATABASE_URL: "", DATA_DIR: dataDir };
    floorEnv = { DATABASE_URL: "", PGLITE_DIR: join(scratch, "floor") };
  }
  const ladderFile = join(scratch, "statements.json");
  await writeFile(ladderFile, JSON.stringify(seeded.statements));

  const floor = spawn(process.execPath, ["bench/ladder-floor.mjs"], {
    env: { ...process.env, ...floorEnv, LADDER_FILE: ladderFile, PORT: String(FLOOR_PORT) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const app = startApp(APP_PORT, { ...appEnv, AUTH_SECRET, INTERSECT_BENCH_LADDER: ladderFile });
  try {
    await waitFor200(`${app.base}/api/health`);
    await waitFor200(`http://127.0.0.1:${FLOOR_PORT}/ladder/targets`);
    const cookie = await signInOverHttp(app.base, EMAIL, PASSWORD);
    const urls = (name: "targets" | "prep"): Record<Rung, string> => ({
      floor: `http://127.0.0.1:${FLOOR_PORT}/ladder/${name}`,
      route: `${app.base}/api/bench/ladder/${name}`,
      trpc: `${app.base}/api/trpc/${seeded.requests[name].procedure}?${trpcInput(seeded.requests[name].input)}`,
    });
    // Every rung answers, and the tRPC one with the rows the SQL was recorded from.
    const check = (await (await fetch(urls("targets").trpc, { headers: { cookie } })).json()) as { result: { data: unknown } };
    const listed = rowCount(wireFormat.deserialize(check.result.data as never));
    if (listed !== seeded.targetRows) throw new Error(`tRPC answered ${listed} targets, expected ${seeded.targetRows}`);

    const samples = new Map<string, Sample[]>();
    const key = (name: string, conns: number, rung: Rung) => `${name}/${conns}/${rung}`;
    for (const name of ["targets", "prep"] as const) {
      for (const rung of RUNGS) await measure(urls(name)[rung], 8, { cookie }); // warm-up
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of ["targets", "prep"] as const) {
        for (const conns of CONNECTIONS) {
          const order = RUNGS.map((_, i) => RUNGS[(i + round) % RUNGS.length]!);
          for (const rung of order) {
            const sample = await measure(urls(name)[rung], conns, { cookie });
            samples.set(key(name, conns, rung), [...(samples.get(key(name, conns, rung)) ?? []), sample]);
          }
        }
      }
      process.stderr.write(`  ${driver}: round ${round + 1}/${ROUNDS}\n`);
    }

    console.log(
      `\n### ${driver === "postgres" ? "PostgreSQL" : "PGlite"} (${seeded.targetRows} targets; prep ${seeded.statements.prep!.length} statements, targets list ${seeded.statements.targets!.length})\n`,
    );
    console.log(
      "| request | conns | (a) floor p50 | (b) route p50 | (c) tRPC p50 | (c) − (a) | (a) req/s | (b) req/s | (c) req/s | (b) ÷ (a) | (c) ÷ (b) |",
    );
    console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const name of ["targets", "prep"] as const) {
      for (const conns of CONNECTIONS) {
        const m = (rung: Rung) => ({
          p50: median(samples.get(key(name, conns, rung))!.map((s) => s.p50)),
          rps: median(samples.get(key(name, conns, rung))!.map((s) => s.rps)),
        });
        const [a, b, c] = [m("floor"), m("route"), m("trpc")];
        const overhead = c.p50 - a.p50;
        const ratio = c.rps / b.rps;
        const overheadMark = conns === 1 ? (overhead <= 0.8 ? " ✓" : " ✗") : "";
        const ratioMark = conns === 8 ? (ratio >= 0.7 ? " ✓" : " ✗") : "";
        console.log(
          `| ${name} | ${conns} | ${a.p50.toFixed(2)} ms | ${b.p50.toFixed(2)} ms | ${c.p50.toFixed(2)} ms | ${overhead.toFixed(2)} ms${overheadMark} | ${a.rps.toFixed(0)} | ${b.rps.toFixed(0)} | ${c.rps.toFixed(0)} | ${(b.rps / a.rps).toFixed(2)} | ${ratio.toFixed(2)}${ratioMark} |`,
        );
      }
    }
  } finally {
    await app.stop();
    await stopProcess(floor);
    await dropDatabase();
    await rm(scratch, { recursive: true, force: true });
  }
}

async function main() {
  console.log(
    `Server ladder, ${new Date().toISOString().slice(0, 10)}: ${ROUNDS} interleaved rounds of ${SECONDS} s per rung, connection count and request.`,
  );
  for (const driver of DRIVERS) await runDriver(driver);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
