import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yIssues, signOut, signUp } from "./helpers";

test("sign-in page has no serious accessibility issues", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
});

test("home page has no serious accessibility issues, in light and dark", async ({ page }) => {
  await signUp(page);
  await expectNoSeriousA11yIssues(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expectNoSeriousA11yIssues(page);
});

test("the navigation reaches every section", async ({ page }) => {
  await signUp(page);
  const nav = page.getByRole("navigation", { name: "Main" }).first();
  for (const name of ["Inbox", "People", "Targets", "Delegation", "1:1s", "Capacity"]) {
    await nav.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(nav.getByRole("link", { name })).toHaveAttribute("aria-current", "page");
  }
  await nav.getByRole("link", { name: "Home" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Dana/ })).toBeVisible();
});

test("the theme can be switched from the user menu and is kept", async ({ page }) => {
  await signUp(page);
  await page
    .getByRole("button", { name: /Account menu/ })
    .first()
    .click();
  await page.getByRole("menuitemradio", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page
    .getByRole("button", { name: /Account menu/ })
    .first()
    .click();
  await page.getByRole("menuitemradio", { name: "Light" }).click();
  await expect(page.locator("html")).not.toHaveClass(/dark/);
});

test("pages carry a nonce-based CSP and the other security headers; no CSP violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  // Also the violations a page's code catches (zod's eval probe did, once per page): the browser still reports them.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const w = window as unknown as { __csp?: string[] };
      (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const reported = () => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  const response = await page.goto("/sign-in");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  await signUp(page);
  const cookie = (await page.context().cookies()).find((c) => c.name.includes("authjs.session-token"));
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
  expect(await reported()).toEqual([]);
  // Pages whose forms validate with zod in the browser.
  for (const path of ["/people", "/targets", "/settings", "/capacity"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await reported(), path).toEqual([]);
  }
  expect(violations).toEqual([]);
  // API answers are private: never stored (an export holds private notes; a new token its secret).
  const api = await page.request.get("/api/trpc/apiTokens.list");
  expect(api.status()).toBe(200);
  expect(api.headers()["cache-control"]).toBe("no-store");
  // Plain http here: no HSTS.
  expect(api.headers()["strict-transport-security"]).toBeUndefined();
});

test("health answers 200 with the database reachable", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "reachable" });
  expect(response.headers()["content-security-policy"]).toContain("default-src 'none'");
});

test("the benchmark's bare data route does not exist in a normal start", async ({ request }) => {
  // It answers only when bench/ladder.ts sets INTERSECT_BENCH_LADDER.
  expect((await request.get("/api/bench/ladder/targets")).status()).toBe(404);
});

test("a mutation sent as text/plain, form-encoded or from a foreign origin changes nothing", async ({ page }) => {
  await signUp(page);
  const body = JSON.stringify({ json: { name: "Forged Person", track: "ic", level: "staff", managerId: null, cadence: "weekly" } });
  const attempts: { headers: Record<string, string>; data: string }[] = [
    { headers: { "content-type": "text/plain" }, data: body },
    { headers: { "content-type": "application/x-www-form-urlencoded" }, data: `payload=${encodeURIComponent(body)}` },
    { headers: { "content-type": "application/json", origin: "https://evil.example" }, data: body },
    { headers: { "content-type": "application/json", "sec-fetch-site": "cross-site" }, data: body },
  ];
  for (const attempt of attempts) {
    const response = await page.request.post("/api/trpc/people.create", attempt);
    expect([403, 415], `${JSON.stringify(attempt.headers)} answered ${response.status()}`).toContain(response.status());
  }
  // The app's own request, same cookie, same body: accepted. Then only that one person exists.
  const own = await page.request.post("/api/trpc/people.create", {
    headers: { "content-type": "application/json" },
    data: body.replace("Forged Person", "Real Person"),
  });
  expect(own.ok()).toBe(true);
  await page.goto("/people");
  await expect(page.getByRole("link", { name: "Real Person" })).toBeVisible();
  await expect(page.getByText("Forged Person")).toHaveCount(0);
});

test("a server action posted from another site answers 403, and signing out from this site still works", async ({ page }) => {
  await signUp(page);
  for (const path of ["/sign-in", "/sign-up", "/"]) {
    const response = await page.request.post(path, {
      headers: { origin: "https://evil.example", "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
      data: "[]",
    });
    expect(response.status(), `POST ${path} from another origin`).toBe(403);
  }
  // The same cookie is still signed in, and the app's own sign-out (a server action) goes through.
  await page.goto("/people");
  await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
  await signOut(page);
});
