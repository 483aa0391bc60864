import { expect, type Browser, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";

// Inviting a person of the chart and accepting in a browser of their own: the
// steps every multi-person spec starts with.

/**
 * Opens the person's page (by id, or from People by name) and invites them
 * with `email`, as a user does; answers the invitation link's path.
 */
export async function invite(page: Page, name: string, email: string, personId?: string): Promise<string> {
  if (personId) {
    await page.goto(`/people/${personId}`);
  } else {
    await page.goto("/people");
    await page.getByRole("link", { name, exact: true }).first().click();
  }
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("Not invited")).toBeVisible();
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `Invite ${name}` });
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByRole("button", { name: "Create invitation" }).click();
  const link = (await dialog.getByTestId("invitation-link").textContent())!.trim();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByText(/Invited, expires/)).toBeVisible();
  return new URL(link).pathname;
}

/**
 * Accepts an invitation in a fresh browser context, creating the account
 * `name`; answers its page, signed in at Home. With `expected`, first checks
 * that the page names the organisation and the invited address.
 */
export async function accept(browser: Browser, path: string, name: string, expected?: { email: string; orgName: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: expected ? `Join ${expected.orgName}` : /^Join / })).toBeVisible();
  if (expected) await expect(page.getByLabel("Email")).toHaveValue(expected.email);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Password", { exact: true }).fill(`pw-${randomUUID().slice(0, 8)}-long-enough`);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  return page;
}
