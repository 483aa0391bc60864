import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yIssues, fillSignIn, mutate, newCredentials, signUp } from "./helpers";

test("Home shows the demo's due 1:1s and at-risk targets, and works at a phone's width", async ({ page }) => {
  test.setTimeout(90_000);
  await signUp(page);
  await expect(page.getByText("Start with your people")).toBeVisible();
  await mutate(page, "people.loadDemo", undefined);
  await page.reload();
  const due = page.getByRole("list", { name: "1:1s due" });
  await expect(due).toContainText("Sofia Alvarez");
  await expect(due).toContainText("Overdue");
  await expect(page.getByRole("list", { name: "Targets in trouble" })).toContainText(/At risk|Off track/);
  await expect(page.getByRole("list", { name: "My open actions" })).not.toBeEmpty();
  await expect(page.getByRole("figure", { name: /allocated of 40 h/ })).toBeVisible();
  await expectNoSeriousA11yIssues(page);

  await due.getByRole("link", { name: "Prep for Sofia Alvarez" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Prep: 1:1 with Sofia Alvarez" })).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/", page.url()]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: test.info().outputPath(`phone-${path === "/" ? "home" : "prep"}.png`), fullPage: true });
  }
});

test("the command palette opens a person by typing part of their name, and adds a talking point", async ({ page }) => {
  await signUp(page);
  await mutate(page, "people.loadDemo", undefined);
  await page.reload();
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await palette.getByRole("combobox").fill("sofi");
  // As a person would: Enter once the match is listed (the palette's data loads on first use).
  await expect(palette.getByRole("option", { name: /^Sofia Alvarez/ })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Sofia Alvarez" })).toBeVisible();

  await page
    .getByRole("button", { name: /Search…/ })
    .first()
    .click();
  await palette.getByRole("combobox").fill("talking point");
  await page.keyboard.press("Enter");
  await palette.getByRole("combobox").fill("marcus");
  // The chooser asks the server's search for the name typed (the palette no longer loads everyone).
  await expect(palette.getByRole("option", { name: /Marcus Chen/ })).toBeVisible();
  await page.keyboard.press("Enter");
  await palette.getByLabel("Talking point for Marcus Chen").fill("Ledger sharding: who decides?");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Talking point added for Marcus Chen.")).toBeVisible();

  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toContainText("Open the command palette");
});

test("export everything, import it into a new account, and delete an account", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signUp(page);
  await mutate(page, "people.loadDemo", undefined);
  await page.goto("/settings");
  await page.getByLabel("Include private notes").check();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export everything (JSON)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^intersect-export-\d{4}-\d{2}-\d{2}\.json$/);
  const path = test.info().outputPath("export.json");
  await file.saveAs(path);
  const exported = JSON.parse(await readFile(path, "utf8"));
  expect(exported).toMatchObject({ format: "intersect-export", version: 2, scope: "organisation", includesPrivateNotes: true });

  // A second account imports the file.
  const context = await browser.newContext();
  const other = await context.newPage();
  const who = await signUp(other, newCredentials("import"));
  await other.goto("/settings");
  await other.getByLabel("Export file to import").setInputFiles(path);
  await expect(other.getByText(/Imported [\d,]+ rows: 17 people, 5 targets/)).toBeVisible();
  await other.goto("/one-on-ones");
  await expect(other.getByRole("link", { name: "Sofia Alvarez", exact: true })).toBeVisible();
  // Importing again is refused: the organisation is no longer empty.
  await other.goto("/settings");
  await other.getByLabel("Export file to import").setInputFiles(path);
  await expect(other.getByText(/only into an empty organisation/)).toBeVisible();

  // Deleting it asks for the password, then signs out; its sign-in no longer works.
  await other.getByRole("button", { name: "Delete my account…" }).click();
  const dialog = other.getByRole("dialog", { name: "Delete your account?" });
  await dialog.getByLabel("Your password").fill("wrong password");
  await dialog.getByRole("button", { name: "Delete everything" }).click();
  await expect(dialog.getByText("That password is not right.")).toBeVisible();
  await dialog.getByLabel("Your password").fill(who.password);
  await dialog.getByRole("button", { name: "Delete everything" }).click();
  await expect(other).toHaveURL(/\/sign-in/);
  await expect(other.getByText("Your account and everything in it were deleted.")).toBeVisible();
  await fillSignIn(other, who.email, who.password);
  await expect(other.getByText("Incorrect email or password.")).toBeVisible();
  await context.close();
});
