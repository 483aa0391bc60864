import { expect, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";

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
  await page.getByRole("button", { name: /Account menu/ }).first().click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** The form's own message (Next.js has a route announcer with role=alert too). */
export function formAlert(page: Page) {
  return page.locator("form").getByRole("alert");
}
