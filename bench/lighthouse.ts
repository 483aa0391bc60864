/**
 * Lighthouse, mobile preset (simulated slow 4G, 4× CPU slowdown: Lighthouse's
 * default config) and desktop preset, on the main pages of a large account:
 * sign-in, Home, People, a target page, a prep page, the target tree, and Home
 * as one of the director's reports sees it (signed in as that report). Median
 * of three runs per page and preset. Goals: performance at least 95 and
 * accessibility 100 on mobile; desktop stays at 100.
 *
 *   npm run build && npm run bench:lighthouse
 *   LIGHTHOUSE_PRESETS=mobile LIGHTHOUSE_ONLY=/targets LIGHTHOUSE_RUNS=1 npm run bench:lighthouse
 *   BENCH_ORG=large npm run bench:lighthouse    # on the org-size account (issue #20)
 *
 * The account is generated into a fresh embedded database (200 people, 500
 * targets, 100,000 check-ins, 2,000 tasks and 1:1s, a year of energy), then
 * the built app serves it. Chromium is Debian's, driven by Playwright, and
 * Lighthouse attaches to it over the DevTools port.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import defaultConfig from "lighthouse/core/config/default-config.js";
import { createCaller } from "../src/server/api/root";
import { openDatabase } from "../src/server/db/factory";
import { createAccount } from "../src/server/services/account/accounts.write";
import { hashPassword } from "../src/server/services/account/passwords";
import { acceptInvitationWithNewAccount, inviteMember } from "../src/server/services/members/invitations.write";
import { signInOverHttp, startApp, waitFor200 } from "../src/test/app-process";
import { generateAccount, LARGE } from "./support/generate-account";
import { generateOrgSizeAccount } from "./support/generate-org";
import { median } from "./support/median";
import { memberActor } from "../src/server/services/members/memberships.read";

const PORT = Number(process.env.BENCH_PORT ?? 3496);
const DEBUG_PORT = 9333;
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const EMAIL = "lighthouse@example.com";
const PASSWORD = "lighthouse-password-1";
const REPORT_EMAIL = "lighthouse-report@example.com";
// Lighthouse's default config is its mobile preset (a Moto G Power: slow 4G, 4× CPU slowdown).
const PRESETS = { mobile: defaultConfig, desktop: desktopConfig } as const;
type Preset = keyof typeof PRESETS;

type Run = {
  performance: number;
  accessibility: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  failing: string[];
  heaviest: string[];
};

async function seed(dataDir: string) {
  const database = await openDatabase({ dataDir });
  try {
    await database.migrate();
    const account = await createAccount(database.db, { name: "Lighthouse Director", email: EMAIL, password: PASSWORD });
    const actor = (await memberActor(database.db, account.id, "bench"))!;
    const caller = createCaller({ db: database.db, actor });
    // BENCH_ORG=large: the org-size account of issue #20 (bench/support/generate-org.ts) instead of the 200-person one.
    const { personId, targetId } =
      process.env.BENCH_ORG === "large"
        ? await generateOrgSizeAccount(database.db, { caller, actor })
        : await generateAccount(database.db, { id: account.id, caller, actor }, LARGE);
    // One of the director's reports with an account of their own (invited, as in the app): their Home is the "own" one.
    const invitation = await inviteMember(
      database.db,
      actor,
      { personId, email: REPORT_EMAIL, role: "member" },
      { origin: "http://bench.invalid" },
    );
    await acceptInvitationWithNewAccount(database.db, {
      token: invitation.link.split("/invite/")[1]!,
      name: "Lighthouse Report",
      passwordHash: await hashPassword(PASSWORD),
    });
    return { personId, targetId };
  } finally {
    await database.close();
  }
}

async function main() {
  const dataDir = await mkdtemp(join(tmpdir(), "intersect-lighthouse-"));
  console.error("generating the large account…");
  const { personId, targetId } = await seed(dataDir);
  const app = startApp(PORT, { DATABASE_URL: "", DATA_DIR: dataDir });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [`--remote-debugging-port=${DEBUG_PORT}`, "--no-sandbox", "--disable-gpu"],
  });
  try {
    await waitFor200(`${app.base}/api/health`);
    const cookie = await signInOverHttp(app.base, EMAIL, PASSWORD);
    const reportCookie = await signInOverHttp(app.base, REPORT_EMAIL, PASSWORD);
    const only = process.env.LIGHTHOUSE_ONLY;
    const presets = (process.env.LIGHTHOUSE_PRESETS ?? "mobile,desktop").split(",") as Preset[];
    // [name, path, cookie to send (none: signed out)]
    const pages = (
      [
        ["/sign-in", "/sign-in", null],
        ["/ (Home)", "/", cookie],
        ["/people", "/people", cookie],
        ["/targets/[id]", `/targets/${targetId}`, cookie],
        ["/one-on-ones/[id]/prep", `/one-on-ones/${personId}/prep`, cookie],
        ["/targets/tree", "/targets/tree", cookie],
        ["/ (Home, a report)", "/", reportCookie],
      ] as [string, string, string | null][]
    ).filter(([name]) => !only || name.startsWith(only));
    const results = new Map<string, Run[]>();
    for (let run = 0; run < RUNS; run++) {
      for (const preset of presets)
        for (const [page, path, pageCookie] of pages) {
          const name = `${preset} ${page}`;
          // A signed-in page's responses refresh the session cookie in the browser: without this,
          // /sign-in redirected to Home from the second run on, and the report's Home might have
          // been the director's. Each page starts with no cookies but the one it sends.
          const session = await browser.newBrowserCDPSession();
          await session.send("Storage.clearCookies");
          await session.detach();
          const result = await lighthouse(
            `${app.base}${path}`,
            {
              port: DEBUG_PORT,
              output: "json",
              logLevel: "error",
              onlyCategories: ["performance", "accessibility"],
              extraHeaders: pageCookie ? { cookie: pageCookie } : {},
            },
            PRESETS[preset],
          );
          const lhr = result!.lhr;
          // LIGHTHOUSE_SAVE=folder keeps each report for a closer look (open in the Lighthouse viewer).
          if (process.env.LIGHTHOUSE_SAVE)
            await writeFile(join(process.env.LIGHTHOUSE_SAVE, `${name.replace(/\W+/g, "_")}-${run + 1}.json`), JSON.stringify(lhr));
          if (lhr.finalDisplayedUrl.includes("/sign-in") !== (path === "/sign-in"))
            throw new Error(`${path} ended at ${lhr.finalDisplayedUrl}`);
          const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
          const failing = Object.values(lhr.audits)
            .filter(
              (a) => a.score !== null && a.score < 1 && lhr.categories.accessibility!.auditRefs.some((r) => r.id === a.id && r.weight > 0),
            )
            .map((a) => a.id);
          results.set(name, [
            ...(results.get(name) ?? []),
            {
              performance: Math.round((lhr.categories.performance!.score ?? 0) * 100),
              accessibility: Math.round((lhr.categories.accessibility!.score ?? 0) * 100),
              fcp: audit("first-contentful-paint"),
              lcp: audit("largest-contentful-paint"),
              tbt: audit("total-blocking-time"),
              cls: audit("cumulative-layout-shift"),
              failing,
              // What the main thread spent its time on: the three costliest scripts.
              heaviest: ((lhr.audits["bootup-time"]?.details as { items?: { url: string; total: number }[] } | undefined)?.items ?? [])
                .slice(0, 3)
                .map((i) => `${i.url.replace(app.base, "").replace(/^.*\/_next\/static\/chunks\//, "")} ${i.total.toFixed(0)} ms`),
            },
          ]);
          process.stderr.write(`  run ${run + 1}: ${name} done\n`);
        }
    }
    for (const preset of presets) {
      // Mobile's performance goal is 95; desktop's is to stay at 100.
      const goal = preset === "mobile" ? 95 : 100;
      console.log(
        `\nLighthouse 12.2.3 (${preset} preset), ${new Date().toISOString().slice(0, 10)}, median of ${RUNS} runs, large account.\n`,
      );
      console.log(`| page | performance (goal ${goal}) | accessibility | FCP | LCP | TBT | CLS | accessibility audits failed |`);
      console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
      for (const [page] of pages) {
        const runs = results.get(`${preset} ${page}`)!;
        const perf = median(runs.map((r) => r.performance));
        const a11y = median(runs.map((r) => r.accessibility));
        const failing = [...new Set(runs.flatMap((r) => r.failing))].join(", ") || "none";
        console.log(
          `| ${page} | ${perf} ${perf >= goal ? "✓" : "✗"} | ${a11y} ${a11y === 100 ? "✓" : "✗"} | ${median(runs.map((r) => r.fcp)).toFixed(0)} ms | ${median(runs.map((r) => r.lcp)).toFixed(0)} ms | ${median(runs.map((r) => r.tbt)).toFixed(0)} ms | ${median(runs.map((r) => r.cls)).toFixed(3)} | ${failing} |`,
        );
      }
      console.log(`\nCostliest scripts on the main thread (${preset}, last run):`);
      for (const [page] of pages) console.log(`- ${page}: ${results.get(`${preset} ${page}`)!.at(-1)!.heaviest.join("; ")}`);
    }
  } finally {
    await browser.close();
    await app.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
