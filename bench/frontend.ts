/**
 * Front-end budget and start-up: starts the built app (`npm run build` first)
 * on the embedded database, times spawn → first 200 of /api/health, then
 * visits the main pages of a demo account in Debian's Chromium and sums the
 * JavaScript each one transfers (compressed bytes of its script resources).
 * Budget: 200 kB compressed per page.
 *
 *   npm run build && npm run bench:frontend
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { chromium } from "@playwright/test";
import postgres from "postgres";
import { wireFormat } from "../src/lib/wire-format";
import { startApp, waitFor200 } from "../src/test/app-process";

const PORT = Number(process.env.BENCH_PORT ?? 3499);
const BASE = `http://127.0.0.1:${PORT}`;
const BUDGET = 200 * 1024;

/** Spawn → first 200 of /api/health on PostgreSQL: a new database (every migration runs), then the same again. */
async function postgresStartUp() {
  const server = process.env.TEST_DATABASE_URL ?? "postgres://root@127.0.0.1:5432/postgres";
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  const name = `intersect_startup_${Date.now()}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  try {
    for (const label of ["new database, migrations run", "migrated database"]) {
      const started = performance.now();
      const app = startApp(PORT, { DATABASE_URL: url.toString(), DATA_DIR: "", AUTH_SECRET: "startup-bench-secret-0123456789abcdef0123" });
      await waitFor200(`${BASE}/api/health`, 60_000);
      console.log(`start-up (built, PostgreSQL, ${label}): ${Math.round(performance.now() - started)} ms to the first 200 of /api/health`);
      await app.stop();
    }
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function main() {
  // BENCH_SKIP_POSTGRES=1 measures only the pages' JavaScript (no PostgreSQL start-up timing).
  if (!process.env.BENCH_SKIP_POSTGRES) await postgresStartUp();
  const dataDir = await mkdtemp(join(tmpdir(), "intersect-bench-"));
  const started = performance.now();
  const app = startApp(PORT, { DATA_DIR: dataDir, DATABASE_URL: "" });
  try {
    await waitFor200(`${BASE}/api/health`, 60_000);
    console.log(
      `start-up (built, PGlite, empty data folder): ${Math.round(performance.now() - started)} ms to the first 200 of /api/health\n`,
    );

    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
    const page = await browser.newPage();
    const scriptBytes = async (path: string) => {
      await page.goto(`${BASE}${path}`);
      await page.waitForLoadState("networkidle");
      const scripts = await page.evaluate(() =>
        (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
          .filter((r) => r.initiatorType === "script" || r.name.endsWith(".js"))
          .map((r) => ({ name: r.name, bytes: r.transferSize || r.encodedBodySize })),
      );
      // BENCH_CHUNKS=1 lists each page's scripts, largest first: what the bytes are.
      if (process.env.BENCH_CHUNKS) {
        console.log(path);
        for (const s of scripts.toSorted((a, b) => b.bytes - a.bytes))
          console.log(`  ${(s.bytes / 1024).toFixed(1)} kB ${s.name.replace(BASE, "")}`);
      }
      return scripts.reduce((sum, s) => sum + s.bytes, 0);
    };
    const rows: [string, number][] = [["/sign-in", await scriptBytes("/sign-in")]];
    await page.goto(`${BASE}/sign-up`);
    await page.getByLabel("Name").fill("Bench Director");
    await page.getByLabel("Email").fill(`bench-${Date.now()}@example.com`);
    await page.getByLabel("Password").fill("bench-password-1");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(`${BASE}/`);
    await page.request.post(`${BASE}/api/trpc/people.loadDemo`, {
      data: wireFormat.serialize(undefined),
      headers: { "content-type": "application/json" },
    });
    const call = async (path: string) =>
      wireFormat.deserialize((await (await page.request.get(`${BASE}/api/trpc/${path}`)).json()).result.data) as never;
    const targets = ((await call("targets.list")) as { items: { id: string }[] }).items;
    const overview = (await call("oneOnOnes.overview")) as { people: { id: string }[] };
    for (const path of [
      "/",
      "/people",
      "/targets",
      `/targets/${targets[0]!.id}`,
      "/delegation",
      "/one-on-ones",
      `/one-on-ones/${overview.people[0]!.id}/prep`,
      "/capacity",
      "/capacity/plan",
    ]) {
      rows.push([path.replace(/[0-9a-f-]{36}/, "[id]"), await scriptBytes(path)]);
    }
    await browser.close();
    console.log("| page | JavaScript transferred | budget 200 kB |");
    console.log("| --- | ---: | --- |");
    for (const [path, bytes] of rows) console.log(`| ${path} | ${(bytes / 1024).toFixed(1)} kB | ${bytes <= BUDGET ? "within" : "over"} |`);
  } finally {
    await app.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
