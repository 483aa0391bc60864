import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { wireFormat } from "../src/lib/wire-format";
import { PAIR_ATTEMPT_LIMIT } from "../src/lib/sign-in-throttle";
import { attemptSignIn, startApp, waitFor200, type AppProcess } from "../src/test/app-process";
import { prometheusSkip, startTestPrometheus } from "../src/test/prometheus";
import { addPerson, newCredentials, signOut, signUp } from "./helpers";

// Two app instances on one PostgreSQL database, as behind a load balancer:
// sessions, sign-in throttling and data live in the database, so either
// instance serves any request. Needs a PostgreSQL server (TEST_DATABASE_URL,
// which CI sets); the built app is the one Playwright's web server built.
const server = process.env.TEST_DATABASE_URL;
const PORTS = [3221, 3222];

test.describe("two app instances on one PostgreSQL", () => {
  test.skip(!server, "needs TEST_DATABASE_URL");
  test.describe.configure({ mode: "serial" });

  let instances: AppProcess[] = [];
  let admin: postgres.Sql;
  let databaseUrl = "";
  const name = `intersect_e2e_${randomUUID().replaceAll("-", "").slice(0, 12)}`;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    admin = postgres(server!, { max: 1, onnotice: () => {} });
    databaseUrl = (() => {
      const u = new URL(server!);
      u.pathname = `/${name}`;
      return u.toString();
    })();
    await admin.unsafe(`create database ${name}`);
    const url = new URL(server!);
    url.pathname = `/${name}`;
    // Both instances look for due metric pulls every second (the last case).
    const env = {
      DATABASE_URL: url.toString(),
      DATA_DIR: "",
      AUTH_SECRET: `two-instances-${randomUUID()}`,
      METRIC_PULL_INTERVAL_SECONDS: "1",
    };
    instances = PORTS.map((port) => startApp(port, env));
    // Both start at once: one applies the migrations while the other waits on the lock.
    await Promise.all(instances.map((app) => waitFor200(`${app.base}/api/health`, 90_000)));
  });

  test.afterAll(async () => {
    await Promise.all(instances.map((app) => app.stop()));
    await admin?.unsafe(`drop database if exists ${name} with (force)`);
    await admin?.end();
  });

  test("a session made on one instance works on the other, writes on either are read on both, and signing out ends it on both", async ({
    page,
  }) => {
    const [a, b] = instances as [AppProcess, AppProcess];
    await page.goto(`${a.base}/sign-up`);
    const who = newCredentials("two");
    await page.getByLabel("Name").fill(who.name);
    await page.getByLabel("Email").fill(who.email);
    await page.getByLabel("Password").fill(who.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Good (morning|afternoon|evening), Dana/ })).toBeVisible();

    // Cookies are per host, not per port: the browser sends A's session cookie to B.
    await page.goto(`${b.base}/people`);
    await expect(page).toHaveURL(`${b.base}/people`);
    await addPerson(page, { name: "Written On B", track: "Individual contributor", level: "Staff Engineer" });

    await page.goto(`${a.base}/people`);
    await expect(page.getByRole("link", { name: "Written On B", exact: true })).toBeVisible();
    const created = await page.request.post(`${a.base}/api/trpc/people.create`, {
      data: wireFormat.serialize({
        name: "Written On A",
        email: "",
        title: "",
        track: "ic",
        level: "senior",
        managerId: null,
        leads: "",
        cadence: "fortnightly",
        notes: "",
      }),
      headers: { "content-type": "application/json" },
    });
    expect(created.ok(), await created.text()).toBe(true);
    await page.goto(`${b.base}/people`);
    await expect(page.getByRole("link", { name: "Written On A", exact: true })).toBeVisible();

    // Signing out on B deletes the session row: A refuses the same cookie.
    await signOut(page);
    const cookie = (await page.context().cookies(a.base)).map((c) => `${c.name}=${c.value}`).join("; ");
    await page.context().clearCookies();
    const afterSignOut = await page.request.get(
      `${a.base}/api/trpc/people.list?input=${encodeURIComponent(JSON.stringify(wireFormat.serialize({})))}`,
      { headers: { cookie } },
    );
    expect(afterSignOut.status()).toBe(401);
  });

  test("failed sign-ins are counted across both instances", async ({ browser }) => {
    const [a, b] = instances as [AppProcess, AppProcess];
    const page = await browser.newPage({ baseURL: a.base });
    const who = await signUp(page, newCredentials("throttle"));
    await page.close();
    // Both instances run on 127.0.0.1: one (account, address) pair, one counter.
    for (let i = 0; i < PAIR_ATTEMPT_LIMIT; i++) {
      const result = await attemptSignIn(i % 2 ? b.base : a.base, who.email, "not the password");
      expect(result).toEqual({ error: "invalid" });
    }
    // The right password is now refused on both, since both read one counter.
    for (const app of [a, b]) {
      const result = await attemptSignIn(app.base, who.email, who.password);
      expect(result).toMatchObject({ error: expect.stringMatching(/^throttled:\d+$/) });
    }
  });

  test("two instances and one schedule pull each due metric once", async ({ browser }) => {
    test.skip(prometheusSkip !== null, prometheusSkip ?? "");
    test.setTimeout(120_000);
    const [a] = instances as [AppProcess, AppProcess];
    const prom = await startTestPrometheus({ live: [{ metric: "e2e_live", value: 7 }] });
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      await prom.waitForScrape();
      const page = await browser.newPage({ baseURL: a.base });
      await signUp(page, newCredentials("pulls"));
      const call = async <T>(path: string, input: unknown): Promise<T> => {
        const response = await page.request.post(`${a.base}/api/trpc/${path}`, {
          data: wireFormat.serialize(input),
          headers: { "content-type": "application/json" },
        });
        expect(response.ok(), await response.text()).toBe(true);
        return wireFormat.deserialize((await response.json()).result.data) as T;
      };
      const source = await call<{ id: string }>("integrations.createDataSource", { name: "Local", baseUrl: prom.url, authKind: "none" });
      const owner = await call<{ id: string }>("people.create", {
        name: "Owner",
        email: "",
        title: "",
        track: "ic",
        level: "staff",
        managerId: null,
        leads: "",
        cadence: "weekly",
        notes: "",
      });
      const today = new Date().toISOString().slice(0, 10);
      const target = await call<{ id: string }>("targets.create", {
        title: "Pulled",
        kind: "speed",
        ownerIds: [owner.id],
        startDate: today,
        dueDate: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
      });
      const metricIds: string[] = [];
      for (let i = 0; i < 4; i++) {
        const metric = await call<{ id: string }>("targets.addMetric", {
          targetId: target.id,
          name: `m${i}`,
          unit: "ms",
          direction: "lower",
          baseline: 10,
          goal: 5,
        });
        await call("integrations.bindMetric", { metricId: metric.id, dataSourceId: source.id, query: "e2e_live", intervalMinutes: 15 });
        metricIds.push(metric.id);
      }
      const pulledCounts = async () =>
        (
          await sql<{ metric_id: string; n: number }[]>`
            select metric_id, count(*)::int as n from check_ins where source = 'prometheus' and metric_id in ${sql(metricIds)} group by metric_id`
        ).map((r) => r.n);
      // Three rounds: each makes every binding due at once; both instances race for them.
      for (let round = 1; round <= 3; round++) {
        if (round > 1) await sql`update metric_bindings set next_due_at = now() where metric_id in ${sql(metricIds)}`;
        await expect.poll(async () => (await pulledCounts()).join(","), { timeout: 20_000 }).toBe(Array(4).fill(round).join(","));
      }
      // Nothing more comes once none is due.
      await new Promise((r) => setTimeout(r, 2_500));
      expect((await pulledCounts()).join(",")).toBe("3,3,3,3");
      await page.close();
    } finally {
      await sql.end();
      await prom.dispose();
    }
  });
});
