/**
 * Database restart under load (PostgreSQL). A private PostgreSQL cluster is
 * made in a temporary folder (so the machine's own server is never touched),
 * the built app runs on it, and a bounded load runs on loopback: four writers
 * pushing check-ins through the REST API (each acknowledged by a 201) and two
 * readers fetching the targets list through tRPC. Midway the database is
 * stopped (fast shutdown), left down for a few seconds, and started again.
 *
 * Checked: the app process never exits; requests fail only around the outage,
 * and then only with 503 and the "try again" message; throughput is back
 * within seconds of the database; every acknowledged write is stored.
 * Exits 1 when a check fails.
 *
 *   npm run build && npm run bench:db-restart
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { wireFormat } from "../src/lib/wire-format";
import { createCaller } from "../src/server/api/root";
import { openDatabase } from "../src/server/db/factory";
import { createAccount } from "../src/server/services/account/accounts.write";
import { signInOverHttp, startApp, waitFor200 } from "../src/test/app-process";
import { memberActor } from "../src/server/services/members/memberships.read";

const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 5499);
const APP_PORT = Number(process.env.BENCH_PORT ?? 3497);
const BEFORE_MS = 6_000;
const OUTAGE_MS = Number(process.env.OUTAGE_MS ?? 4_000);
const AFTER_MS = 8_000;
const BUCKET_MS = 500;
const EMAIL = "restart@example.com";
const PASSWORD = "restart-password-1";

/** PostgreSQL's server programs, and a way to run them as the postgres user when we are root. */
function pgTools() {
  const root = "/usr/lib/postgresql";
  const version = existsSync(root)
    ? readdirSync(root)
        .sort((a, b) => Number(a) - Number(b))
        .at(-1)
    : undefined;
  if (!version) throw new Error("PostgreSQL's server programs are not installed (apt-get install postgresql)");
  const bin = join(root, version, "bin");
  const asRoot = userInfo().uid === 0;
  return (program: string, args: string[]) => {
    const command = [join(bin, program), ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(" ");
    return asRoot
      ? execFileSync("su", ["postgres", "-c", command], { stdio: "pipe" }).toString()
      : execFileSync("sh", ["-c", command], { stdio: "pipe" }).toString();
  };
}

type Outcome = { at: number; kind: "ok" | "503" | "other"; detail?: string };

async function main() {
  const run = pgTools();
  const cluster = await mkdtemp(join(tmpdir(), "intersect-pg-"));
  chmodSync(cluster, 0o777);
  const data = join(cluster, "data");
  const pgCtl = (...args: string[]) => run("pg_ctl", ["-D", data, "-w", "-l", join(cluster, "log"), ...args]);
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  pgCtl("-o", `-p ${PG_PORT} -k ${cluster} -c listen_addresses=127.0.0.1 -c fsync=on`, "start");
  const url = `postgres://postgres@127.0.0.1:${PG_PORT}/postgres`;

  // The account, a metric to push to, and an API token, through the services.
  const database = await openDatabase({ url });
  await database.migrate();
  const account = await createAccount(database.db, { name: "Restart Tester", email: EMAIL, password: PASSWORD });
  const caller = createCaller({ db: database.db, actor: (await memberActor(database.db, account.id, "bench"))! });
  const person = await caller.people.create({ name: "P", track: "ic", level: "staff", managerId: null, cadence: "weekly" });
  const target = await caller.targets.create({
    title: "T",
    kind: "reliability",
    ownerIds: [person.id],
    startDate: "2026-01-01",
    dueDate: "2026-12-31",
  });
  const metric = await caller.targets.addMetric({ targetId: target.id, name: "Writes", direction: "higher", baseline: 0, goal: 1_000_000 });
  const { token } = await caller.apiTokens.create({ name: "restart" });
  await database.close();

  const app = startApp(APP_PORT, {
    DATABASE_URL: url,
    DATA_DIR: "",
    AUTH_SECRET: "restart-bench-secret-0123456789abcdef0123",
    // Its writers push far faster than a token's default allowance (60 a minute).
    API_TOKEN_REQUESTS_PER_MINUTE: "1000000",
  });
  let appExited = false;
  let stopping = false;
  app.child.once("exit", () => (appExited = !stopping));
  const outcomes: Outcome[] = [];
  const acknowledged: number[] = [];
  let stopAt = 0;
  let upAt = 0;
  try {
    await waitFor200(`${app.base}/api/health`);
    const cookie = await signInOverHttp(app.base, EMAIL, PASSWORD);
    const listUrl = `${app.base}/api/trpc/targets.list?input=${encodeURIComponent(JSON.stringify(wireFormat.serialize({ status: "active" })))}`;
    const t0 = performance.now();
    const now = () => performance.now() - t0;
    let running = true;
    let next = 1;
    const record = async (response: Response) => {
      if (response.ok) return outcomes.push({ at: now(), kind: "ok" });
      const body = await response.text();
      const clear = response.status === 503 && body.includes("not answering right now") && response.headers.get("retry-after");
      outcomes.push({ at: now(), kind: clear ? "503" : "other", detail: `${response.status} ${body.slice(0, 120)}` });
    };
    const backOff = () => new Promise((r) => setTimeout(r, 100));
    /** Sends requests one after another until the end, recording each; backs off 100 ms after a failure. */
    const client = (send: () => Promise<Response>) => async () => {
      while (running) {
        try {
          const response = await send();
          await record(response);
          if (!response.ok) await backOff();
        } catch (error) {
          outcomes.push({ at: now(), kind: "other", detail: `network: ${(error as Error).message}` });
          await backOff();
        }
      }
    };
    const writer = client(async () => {
      const value = next++;
      const response = await fetch(`${app.base}/api/v1/metrics/${metric.id}/check-ins`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ value }),
      });
      if (response.status === 201) acknowledged.push(value);
      return response;
    });
    const reader = client(() => fetch(listUrl, { headers: { cookie } }));
    const load = [...Array.from({ length: 4 }, writer), ...Array.from({ length: 2 }, reader)];

    await new Promise((r) => setTimeout(r, BEFORE_MS));
    stopAt = now();
    pgCtl("-m", "fast", "stop");
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    pgCtl("-o", `-p ${PG_PORT} -k ${cluster} -c listen_addresses=127.0.0.1`, "start");
    upAt = now();
    await new Promise((r) => setTimeout(r, AFTER_MS));
    running = false;
    await Promise.all(load);
  } finally {
    stopping = true;
    await app.stop();
  }

  // What reached the database.
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const stored = new Set((await sql`select value from check_ins where metric_id = ${metric.id}`).map((r) => Number(r.value)));
  await sql.end();
  pgCtl("-m", "fast", "stop");
  await rm(cluster, { recursive: true, force: true });

  // A timeline in half-second buckets: answered, 503, anything else.
  const buckets = new Map<number, { ok: number; unavailable: number; other: number }>();
  for (const o of outcomes) {
    const b = Math.floor(o.at / BUCKET_MS);
    const bucket = buckets.get(b) ?? { ok: 0, unavailable: 0, other: 0 };
    bucket[o.kind === "ok" ? "ok" : o.kind === "503" ? "unavailable" : "other"]++;
    buckets.set(b, bucket);
  }
  const beforeRate = outcomes.filter((o) => o.kind === "ok" && o.at < stopAt).length / (stopAt / 1000);
  const failures = outcomes.filter((o) => o.kind !== "ok");
  const others = outcomes.filter((o) => o.kind === "other");
  const lastFailure = failures.at(-1)?.at ?? upAt;
  const firstFailure = failures[0]?.at ?? stopAt;
  // Back: the first half-second after the restart at half the earlier throughput or more.
  let backAt: number | null = null;
  for (let b = Math.floor(upAt / BUCKET_MS); buckets.has(b) || b * BUCKET_MS < upAt + AFTER_MS; b++) {
    const bucket = buckets.get(b);
    if (bucket && bucket.ok / (BUCKET_MS / 1000) >= beforeRate / 2 && bucket.unavailable + bucket.other === 0) {
      backAt = b * BUCKET_MS;
      break;
    }
  }
  const afterRate =
    outcomes.filter((o) => o.kind === "ok" && o.at >= (backAt ?? upAt)).length / ((AFTER_MS - ((backAt ?? upAt) - upAt)) / 1000);
  const missing = acknowledged.filter((v) => !stored.has(v));

  console.log(
    `Database restart under load, ${new Date().toISOString().slice(0, 10)}: 4 REST writers + 2 tRPC readers; database stopped at ${(stopAt / 1000).toFixed(1)} s for ${OUTAGE_MS / 1000} s, ready again at ${(upAt / 1000).toFixed(1)} s.\n`,
  );
  console.log("| t (s) | answered | 503 | other errors |\n| ---: | ---: | ---: | ---: |");
  for (const [b, bucket] of [...buckets].sort((x, y) => x[0] - y[0])) {
    if (b * BUCKET_MS < stopAt - 2_000 || b * BUCKET_MS > upAt + 4_000) continue;
    console.log(`| ${((b * BUCKET_MS) / 1000).toFixed(1)} | ${bucket.ok} | ${bucket.unavailable} | ${bucket.other} |`);
  }
  console.log("");
  const checks = [
    [`the app process kept running`, !appExited],
    [
      `failures only around the outage (first ${(firstFailure / 1000).toFixed(2)} s, last ${(lastFailure / 1000).toFixed(2)} s)`,
      firstFailure >= stopAt - 250 && lastFailure <= upAt + 3_000,
    ],
    [
      `every failure a 503 with the "try again" message and Retry-After (${failures.length - others.length} of ${failures.length})`,
      others.length === 0,
    ],
    [
      `throughput back within 3 s of the database (${backAt === null ? "never" : `${((backAt - upAt) / 1000).toFixed(1)} s`}; ${beforeRate.toFixed(0)} req/s before, ${afterRate.toFixed(0)} after)`,
      backAt !== null && backAt - upAt <= 3_000,
    ],
    [`every acknowledged write stored (${acknowledged.length} acknowledged, ${missing.length} missing)`, missing.length === 0],
  ] as const;
  for (const [what, ok] of checks) console.log(`${ok ? "✓" : "✗"} ${what}`);
  if (others.length)
    console.log(
      `\nOther errors (first 5):\n${others
        .slice(0, 5)
        .map((o) => `  ${(o.at / 1000).toFixed(2)} s: ${o.detail}`)
        .join("\n")}`,
    );
  process.exit(checks.every(([, ok]) => ok) ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
