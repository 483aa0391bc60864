/**
 * Start-up you can rely on (issue #14): `npm start` as a newcomer runs it,
 * over and over, must reach /api/health 200 every time.
 *
 * - Once from a clean .next: the self-building first start of
 *   src/cli/server.mjs (skipped with --skip-build-start; the build it makes
 *   replaces the one that was there).
 * - STARTS (20) first starts in a row of the built app, each on a data folder
 *   that does not exist yet (migrations run, the lock is taken), each stopped
 *   with SIGTERM before the next.
 * - A lock file naming a live process that holds no lock (pid 1, and this
 *   script's own pid) does not stop a start.
 * - A restart right after the previous server was killed with SIGKILL opens
 *   the same folder.
 * - A second Intersect on a folder a live one holds is refused with the clear
 *   message, and the first one keeps answering.
 *
 *   npm run build && npm run test:starts
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startApp, stopProcess, waitFor200 } from "./app-process";

const PORT = Number(process.env.STARTS_PORT ?? 3401);
const STARTS = Number(process.env.STARTS ?? 20);
const root = path.resolve(import.meta.dirname, "../..");
process.chdir(root);

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "intersect-starts-"));
let folders = 0;
/** A data folder that does not exist yet, as on a fresh clone. */
const freshDataDir = () => path.join(scratch, `data-${++folders}`);
const envFor = (dataDir: string) => ({ DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET: "" });

const failures: string[] = [];
let passed = 0;
async function check(name: string, run: () => Promise<string>) {
  const started = performance.now();
  try {
    const detail = await run();
    passed++;
    console.log(`ok   ${name} (${Math.round(performance.now() - started)} ms${detail ? `, ${detail}` : ""})`);
  } catch (error) {
    failures.push(name);
    console.log(`FAIL ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Starts the app on `dataDir`, waits for health 200, stops it with SIGTERM; resolves with the ms to 200. */
async function startToHealthAndStop(dataDir: string, timeoutMs = 60_000): Promise<number> {
  const app = startApp(PORT, envFor(dataDir));
  const exited = new Promise<number | null>((resolve) => app.child.once("exit", (code) => resolve(code)));
  try {
    const ms = await Promise.race([
      waitFor200(`${app.base}/api/health`, timeoutMs),
      exited.then((code) => {
        throw new Error(`the server exited (${code}) before /api/health answered 200`);
      }),
    ]);
    await app.stop();
    const code = await exited;
    if (code !== 0) throw new Error(`the server exited with ${code} on SIGTERM`);
    return ms;
  } finally {
    await stopProcess(app.child, "SIGKILL");
  }
}

async function main() {
  const startedAll = performance.now();

  if (!process.argv.includes("--skip-build-start")) {
    await check("first start from a clean .next builds, then answers /api/health 200", async () => {
      const aside = `.next-before-starts-${process.pid}`;
      if (fs.existsSync(".next")) fs.renameSync(".next", aside);
      try {
        const ms = await startToHealthAndStop(freshDataDir(), 600_000);
        fs.rmSync(aside, { recursive: true, force: true });
        return `${(ms / 1000).toFixed(1)} s including the build`;
      } catch (error) {
        // Put the earlier build back so the next steps (and e2e) still have one.
        if (fs.existsSync(aside)) {
          fs.rmSync(".next", { recursive: true, force: true });
          fs.renameSync(aside, ".next");
        }
        throw error;
      }
    });
  }
  if (!fs.existsSync(path.join(".next", "BUILD_ID"))) throw new Error("No build in .next: run `npm run build` first.");

  const times: number[] = [];
  for (let i = 1; i <= STARTS; i++) {
    await check(`fresh start ${i}/${STARTS} answers /api/health 200`, async () => {
      const ms = await startToHealthAndStop(freshDataDir());
      times.push(ms);
      return "";
    });
  }

  const unrelated = spawn(process.execPath, ["-e", "setInterval(() => {}, 60000)"], { stdio: "ignore" });
  for (const [who, pid] of [
    ["pid 1", 1],
    ["this script's pid", process.pid],
    ["a live unrelated process", unrelated.pid!],
  ] as const) {
    await check(`a lock file naming ${who} does not stop a start`, async () => {
      const dataDir = freshDataDir();
      fs.mkdirSync(dataDir);
      fs.writeFileSync(path.join(dataDir, "intersect.lock"), String(pid));
      await startToHealthAndStop(dataDir);
      return "";
    });
  }
  unrelated.kill("SIGKILL");

  await check("a restart right after kill -9 opens the same folder", async () => {
    const dataDir = freshDataDir();
    const first = startApp(PORT, envFor(dataDir));
    try {
      await waitFor200(`${first.base}/api/health`, 60_000);
    } finally {
      await stopProcess(first.child, "SIGKILL");
    }
    await startToHealthAndStop(dataDir);
    return "";
  });

  await check("a second Intersect on a folder a live one holds is refused with the clear message", async () => {
    const dataDir = freshDataDir();
    const first = startApp(PORT, envFor(dataDir));
    try {
      await waitFor200(`${first.base}/api/health`, 60_000);
      const second = spawn(process.execPath, ["src/cli/server.mjs"], {
        env: { ...process.env, NODE_ENV: "production", PORT: String(PORT + 1), HOST: "127.0.0.1", ...envFor(dataDir) },
        stdio: ["ignore", "ignore", "pipe"],
      });
      let stderr = "";
      second.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => second.once("exit", resolve));
      const expected = `The database folder ${dataDir} is in use by another Intersect process (pid ${first.child.pid})`;
      if (code !== 1 || !stderr.includes(expected)) throw new Error(`exit ${code}, stderr: ${stderr.trim() || "(empty)"}`);
      if ((await fetch(`${first.base}/api/health`)).status !== 200) throw new Error("the first server stopped answering");
      return "";
    } finally {
      await first.stop();
    }
  });

  fs.rmSync(scratch, { recursive: true, force: true });
  const sorted = [...times].sort((a, b) => a - b);
  if (sorted.length) {
    const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
    console.log(`fresh starts to /api/health 200: median ${at(0.5)} ms, slowest ${at(1)} ms`);
  }
  console.log(`starts: ${passed} checks passed, ${failures.length} failed in ${((performance.now() - startedAll) / 1000).toFixed(0)} s`);
  // Exit now: a waitFor200 that lost its race to an early exit may still be polling.
  process.exit(failures.length ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  fs.rmSync(scratch, { recursive: true, force: true });
  process.exit(1);
});
