/**
 * Crash test on the embedded database: a stream of acknowledged writes (check-ins
 * pushed through the REST API, each answered 201), then `kill -9` of the app at
 * a random moment, twenty times over. Every restart must open the database and
 * no acknowledged write may be missing. Takes a few minutes, so it is a script,
 * not a CI test.
 *
 *   npm run build && npm run bench:crash
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { chromium } from "@playwright/test";
import { wireFormat } from "../src/lib/wire-format";
import { startApp, stopProcess, waitFor200 } from "../src/test/app-process";

const PORT = Number(process.env.BENCH_PORT ?? 3498);
const BASE = `http://127.0.0.1:${PORT}`;
const CYCLES = Number(process.env.CRASH_CYCLES ?? 20);

const start = (dataDir: string) => startApp(PORT, { DATA_DIR: dataDir, DATABASE_URL: "" });

async function main() {
  const dataDir = await mkdtemp(join(tmpdir(), "intersect-crash-"));
  let app = start(dataDir);
  await waitFor200(`${BASE}/api/health`, 60_000);

  // An account with a metric and an API token, made through the app itself.
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BASE}/sign-up`);
  await page.getByLabel("Name").fill("Crash Tester");
  await page.getByLabel("Email").fill(`crash-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("crash-password-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(`${BASE}/`);
  const mutate = async (path: string, input: unknown) =>
    wireFormat.deserialize(
      (
        await (
          await page.request.post(`${BASE}/api/trpc/${path}`, {
            data: wireFormat.serialize(input),
            headers: { "content-type": "application/json" },
          })
        ).json()
      ).result.data,
    ) as never;
  const person = (await mutate("people.create", { name: "P", track: "ic", level: "staff", managerId: null, cadence: "weekly" })) as {
    id: string;
  };
  const target = (await mutate("targets.create", {
    title: "T",
    kind: "reliability",
    ownerIds: [person.id],
    startDate: "2026-01-01",
    dueDate: "2026-12-31",
  })) as { id: string };
  const metric = (await mutate("targets.addMetric", {
    targetId: target.id,
    name: "Writes",
    direction: "higher",
    baseline: 0,
    goal: 1_000_000,
  })) as { id: string };
  const { token } = (await mutate("apiTokens.create", { name: "crash" })) as { token: string };

  const acknowledged: number[] = [];
  let next = 1;
  let restarts = 0;
  const startTimes: number[] = [];
  for (let cycle = 0; cycle < CYCLES; cycle++) {
    // Four writers at once until the kill.
    let killed = false;
    const writer = async () => {
      while (!killed) {
        const value = next++;
        try {
          const response = await fetch(`${BASE}/api/v1/metrics/${metric.id}/check-ins`, {
            method: "POST",
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            body: JSON.stringify({ value }),
          });
          if (response.status === 201) acknowledged.push(value);
        } catch {
          // the app died mid-request: not acknowledged
        }
      }
    };
    const writers = Array.from({ length: 4 }, writer);
    await new Promise((r) => setTimeout(r, 200 + Math.random() * 1_300));
    // stopProcess listens for the exit before it kills: the exit can come before the writers have stopped.
    const exited = stopProcess(app.child, "SIGKILL");
    killed = true;
    await Promise.all(writers);
    await exited;
    const t = performance.now();
    app = start(dataDir);
    await waitFor200(`${BASE}/api/health`, 60_000).catch(() => {
      throw new Error(`restart ${cycle + 1} did not open the database`);
    });
    startTimes.push(performance.now() - t);
    restarts++;
  }

  const file = wireFormat.deserialize(
    (
      await (
        await page.request.get(
          `${BASE}/api/trpc/account.export?input=${encodeURIComponent(JSON.stringify(wireFormat.serialize({ includePrivate: false })))}`,
        )
      ).json()
    ).result.data,
  ) as { tables: { check_ins: { value: number }[] } };
  const stored = new Set(file.tables.check_ins.map((c) => c.value));
  const missing = acknowledged.filter((v) => !stored.has(v));
  await browser.close();
  await app.stop();
  await rm(dataDir, { recursive: true, force: true });
  const sorted = [...startTimes].sort((a, b) => a - b);
  console.log(`kill -9 cycles: ${CYCLES}; restarts that opened the database: ${restarts}/${CYCLES}`);
  console.log(
    `restart to first 200 of /api/health: p50 ${Math.round(sorted[Math.floor(sorted.length / 2)]!)} ms, max ${Math.round(sorted.at(-1)!)} ms`,
  );
  console.log(
    `acknowledged writes: ${acknowledged.length}; stored: ${stored.size}; acknowledged but missing: ${missing.length}${missing.length ? ` (${missing.slice(0, 10).join(", ")}…)` : ""}`,
  );
  process.exit(missing.length ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
