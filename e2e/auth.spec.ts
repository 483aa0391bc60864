import { expect, test } from "@playwright/test";
import { fillSignIn, formAlert, signOut, signUp } from "./helpers";
import { PAIR_ATTEMPT_LIMIT } from "../src/lib/sign-in-throttle";

test("an app page redirects to sign-in and comes back after it", async ({ page }) => {
  const who = await signUp(page);
  await signOut(page);

  await page.goto("/targets?status=active");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Ftargets%3Fstatus%3Dactive/);
  await expect(page.getByRole("link", { name: "Create an account" })).toBeVisible();

  await fillSignIn(page, who.email, who.password);
  await expect(page).toHaveURL(/\/targets\?status=active$/);
  await expect(page.getByRole("heading", { level: 1, name: "Targets" })).toBeVisible();
  await expect(page.getByText("No active targets")).toBeVisible();
});

test("sign up, sign out, sign in", async ({ page }) => {
  const who = await signUp(page);
  await expect(page.getByRole("navigation", { name: "Main" }).first()).toBeVisible();

  await signOut(page);
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);

  await fillSignIn(page, who.email.toUpperCase(), who.password);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1, name: /Dana/ })).toBeVisible();
});

test("sign-up rejects a taken email and keeps what was typed", async ({ page }) => {
  const who = await signUp(page);
  await signOut(page);
  await page.goto("/sign-up");
  await page.getByLabel("Name", { exact: true }).fill("Someone Else");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill("another-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists. Sign in instead.")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Someone Else");

  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
});

test("a wrong password and an unknown email get the same message", async ({ page }) => {
  const who = await signUp(page);
  await signOut(page);

  await fillSignIn(page, who.email, "wrong-password");
  await expect(formAlert(page)).toHaveText("Incorrect email or password.");
  await expect(page.getByLabel("Email")).toHaveValue(who.email);

  await fillSignIn(page, `nobody-${who.email}`, "wrong-password");
  await expect(formAlert(page)).toHaveText("Incorrect email or password.");
});

test(`sign-in is throttled after ${PAIR_ATTEMPT_LIMIT} failures on one account from one address`, async ({ page }) => {
  const who = await signUp(page);
  await signOut(page);

  for (let i = 0; i < PAIR_ATTEMPT_LIMIT; i++) {
    await fillSignIn(page, who.email, `wrong-${i}`);
    await expect(formAlert(page)).toHaveText("Incorrect email or password.");
  }
  // Even the right password is refused until the window passes.
  await fillSignIn(page, who.email, who.password);
  await expect(formAlert(page)).toHaveText(/Too many failed sign-in attempts\. Try again in 1[45] minutes\./);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("signing out ends the session on the server, not just the cookie", async ({ page, browser }) => {
  await signUp(page);
  const cookies = await page.context().cookies();
  await signOut(page);

  // A browser that kept a copy of the old cookie is not signed in.
  const replay = await browser.newContext({ baseURL: page.url() });
  await replay.addCookies(cookies);
  const other = await replay.newPage();
  await other.goto("/");
  await expect(other).toHaveURL(/\/sign-in/);
  const api = await other.request.get("/api/trpc/account.me");
  expect(api.status()).toBe(401);
  await replay.close();
});

test("changing the password signs out every session", async ({ page, browser }) => {
  const who = await signUp(page);
  // A second browser signed in as the same user.
  const second = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const secondPage = await second.newPage();
  await secondPage.goto("/sign-in");
  await fillSignIn(secondPage, who.email, who.password);
  await expect(secondPage.getByRole("heading", { level: 1, name: /Dana/ })).toBeVisible();

  await page.goto("/settings");
  await page.getByLabel("Current password").fill("not-it-at-all");
  await page.getByLabel("New password", { exact: true }).fill("a-brand-new-password");
  await page.getByLabel("Repeat the new password").fill("a-brand-new-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Current password is incorrect.")).toBeVisible();

  await page.getByLabel("Current password").fill(who.password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=password-changed/);
  await expect(page.getByText(/Your password was changed/)).toBeVisible();

  await secondPage.goto("/settings");
  await expect(secondPage).toHaveURL(/\/sign-in/);
  await second.close();

  await fillSignIn(page, who.email, who.password);
  await expect(formAlert(page)).toHaveText("Incorrect email or password.");
  await fillSignIn(page, who.email, "a-brand-new-password");
  await expect(page.getByRole("heading", { level: 1, name: /Dana/ })).toBeVisible();
});

test("profile changes are saved", async ({ page }) => {
  await signUp(page);
  await page.goto("/settings");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Name", { exact: true }).fill("Robin Example");
  await page.getByLabel("Time zone", { exact: true }).selectOption("Europe/Berlin");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Robin Example");
  await expect(page.getByLabel("Time zone", { exact: true })).toHaveValue("Europe/Berlin");

  await page.getByLabel("Name", { exact: true }).fill("");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Enter your name.")).toBeVisible();
});
