import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { wireFormat } from "../src/lib/wire-format";

export type Credentials = { name: string; email: string; password: string };

export function newCredentials(prefix = "e2e"): Credentials {
  const id = randomUUID().slice(0, 8);
  return { name: `Dana ${id}`, email: `${prefix}-${id}@example.com`, password: `pw-${id}-long-enough` };
}

/** Creates an account through the sign-up page and waits for Home. */
export async function signUp(page: Page, who: Credentials = newCredentials()): Promise<Credentials> {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(who.name);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Good (morning|afternoon|evening), Dana/ })).toBeVisible();
  return who;
}

export async function fillSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page) {
  await page
    .getByRole("button", { name: /Account menu/ })
    .first()
    .click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** The form's own message (Next.js has a route announcer with role=alert too). */
export function formAlert(page: Page) {
  return page.locator("form").getByRole("alert");
}

/** Adds a person from the People page through the "Add person" dialog. */
export async function addPerson(
  page: Page,
  p: { name: string; track?: "Manager" | "Individual contributor"; level: string; reportsTo?: string; leads?: string },
) {
  await page
    .getByRole("button", { name: /^Add (person|your first report)$/ })
    .first()
    .click();
  const dialog = page.getByRole("dialog", { name: "Add a person" });
  await dialog.getByLabel("Name").fill(p.name);
  if (p.track) await dialog.getByLabel("Track").selectOption({ label: p.track });
  await dialog.getByLabel("Level").selectOption({ label: p.level });
  if (p.reportsTo) await pickPerson(dialog, "Reports to", p.reportsTo);
  if (p.leads) await dialog.getByLabel(/they lead/).fill(p.leads);
  await dialog.getByRole("button", { name: "Add person" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("link", { name: p.name, exact: true })).toBeVisible();
}

/**
 * Runs axe on the page as it stands: no serious or critical violations. It waits for finite
 * animations to end first: a toast fading in (sonner now loads on the first toast, so its
 * entrance can still run when the check starts) is mid-opacity, and axe would measure its
 * contrast half-faded. Endless ones (a spinner) are not waited for.
 */
export async function expectNoSeriousA11yIssues(page: Page) {
  const settled = () =>
    page.evaluate(() => document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity));
  // Settled twice, a moment apart: a toast whose script was still loading at the first look starts its entrance after it.
  for (let look = 0; look < 20; look++) {
    const before = await settled();
    await page.waitForTimeout(150);
    if (before && (await settled())) break;
  }
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** Calls a tRPC mutation with the page's session, for setup the 1:1 pages only read (targets, delegation). */
export async function mutate<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/api/trpc/${path}`, {
    data: wireFormat.serialize(input),
    headers: { "content-type": "application/json" },
  });
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return wireFormat.deserialize((await response.json()).result.data) as T;
}

export async function query<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`/api/trpc/${path}`);
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return wireFormat.deserialize((await response.json()).result.data) as T;
}

/**
 * Picks people in a searchable multi-select (the target form's "Owners"): types each name, chooses
 * its option, and checks its chip is there.
 */
export async function pickPeople(scope: Locator, label: string, names: string[]) {
  const input = scope.getByRole("combobox", { name: label });
  for (const name of names) {
    await input.fill(name);
    await scope.getByRole("option", { name: new RegExp(name) }).click();
    await expect(scope.getByRole("button", { name: `Remove ${name}` })).toBeVisible();
  }
}

/**
 * Chooses a person in a people picker (components/people/person-picker.tsx, which asks people.pick
 * as one types): types the start of the option, clicks it, and waits for the field to read it.
 */
export async function pickPerson(scope: Locator, label: string, option: string, typed = option.split(" · ")[0]!) {
  const box = scope.getByRole("combobox", { name: label });
  await box.fill(typed);
  await scope.getByRole("option", { name: option, exact: true }).click();
  await expect(box).toHaveValue(option);
}

/**
 * Points at a metric's chart until its interactive version (a canvas) has taken the sketch's
 * place. Moved to a new spot each try: a pointer that arrived before the page hydrated is
 * only seen when it moves again, as a person's hand would.
 */
export async function pointAtChart(figure: Locator) {
  let step = 0;
  await expect(async () => {
    step += 1;
    await figure.hover({ position: { x: 20 + ((step * 37) % 200), y: 40 + ((step * 23) % 100) } });
    await expect(figure.locator("canvas")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}
