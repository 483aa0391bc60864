import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import superjson from "superjson";
import { PAIR_ATTEMPT_LIMIT } from "../src/lib/sign-in-throttle";
import { attemptSignIn, startApp, waitFor200, type AppProcess } from "../src/test/app-process";
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
  const name = `intersect_e2e_${randomUUID().replaceAll("-", "").slice(0, 12)}`;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    admin = postgres(server!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(server!);
    url.pathname = `/${name}`;
    const env = { DATABASE_URL: url.toString(), DATA_DIR: "", AUTH_SECRET: `two-instances-${randomUUID()}` };
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
      data: superjson.serialize({
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
      `${a.base}/api/trpc/people.list?input=${encodeURIComponent(JSON.stringify(superjson.serialize({})))}`,
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
});
