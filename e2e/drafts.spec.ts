import { expect, test, type Page } from "@playwright/test";
import { mutate, signUp } from "./helpers";

// Nothing typed is lost: long text keeps a draft in the browser (per user and per thing),
// it comes back on return, it goes once saved, and leaving a page with unsaved text asks first.

const navLink = (page: Page, name: string) => page.getByRole("link", { name, exact: true }).first();
const draftKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("draft:")));

test("a note typed and left comes back; leaving asks first; saving clears the draft", async ({ page }) => {
  test.setTimeout(90_000);
  await signUp(page);
  const person = await mutate<{ id: string }>(page, "people.create", {
    name: "Ada Lovelace",
    track: "ic",
    level: "staff",
    managerId: null,
    cadence: "weekly",
  });
  const text = "Ada asked about the path to principal: come back to it next month.";
  const ask = page.getByRole("dialog", { name: "Leave this page?" });
  const targetsHeading = page.getByRole("heading", { level: 1, name: "Targets" });

  await page.goto(`/one-on-ones/${person.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "1:1s with Ada Lovelace" })).toBeVisible();
  await page.getByText("Write a note outside a 1:1").click();
  const note = page.getByLabel("Note", { exact: true });
  await note.fill(text);

  // Leaving asks first; "Stay" keeps the page and the text.
  await navLink(page, "Targets").click();
  await expect(ask).toBeVisible();
  await ask.getByRole("button", { name: "Stay" }).click();
  await expect(ask).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/one-on-ones/${person.id}$`));
  await expect(note).toHaveValue(text);

  // "Leave" goes, and the text stays as a draft in this browser.
  await navLink(page, "Targets").click();
  await ask.getByRole("button", { name: "Leave" }).click();
  await expect(targetsHeading).toBeVisible();
  expect(await draftKeys(page)).toHaveLength(1);

  // Back on the page: the note box opens again with the text, and says it is a draft.
  await navLink(page, "1:1s").click();
  await page.getByRole("link", { name: "Ada Lovelace", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "1:1s with Ada Lovelace" })).toBeVisible();
  await expect(note).toHaveValue(text);
  await expect(page.getByText("Draft restored")).toBeVisible();

  // Saved: the draft is gone, and leaving asks nothing.
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByRole("article").filter({ hasText: "Ada asked about the path to principal" })).toBeVisible();
  await expect(note).toHaveValue("");
  expect(await draftKeys(page)).toEqual([]);
  await navLink(page, "Targets").click();
  await expect(targetsHeading).toBeVisible();
  await expect(ask).toHaveCount(0);

  // And it does not come back.
  await page.goto(`/one-on-ones/${person.id}`);
  await page.getByText("Write a note outside a 1:1").click();
  await expect(note).toHaveValue("");
  await expect(page.getByText("Draft restored")).toHaveCount(0);
});

test("a talking point typed and left comes back after a reload, and is gone once added", async ({ page }) => {
  test.setTimeout(60_000);
  await signUp(page);
  const person = await mutate<{ id: string }>(page, "people.create", {
    name: "Grace Hopper",
    track: "manager",
    level: "em",
    managerId: null,
    cadence: "fortnightly",
  });
  await page.goto(`/one-on-ones/${person.id}`);
  const point = page.getByPlaceholder("Add a talking point…");
  await point.fill("Hiring plan for Q1");
  // A reload or a closed tab: the browser asks (beforeunload); accepted here, the draft is kept anyway.
  page.on("dialog", (dialog) => void dialog.accept());
  await page.reload();
  await expect(point).toHaveValue("Hiring plan for Q1");

  await point.press("Enter");
  await expect(page.getByRole("list", { name: "Talking points", exact: true })).toContainText("Hiring plan for Q1");
  await expect(point).toHaveValue("");
  expect(await draftKeys(page)).toEqual([]);
  await page.reload();
  await expect(point).toHaveValue("");
});

test("a draft is kept under the user, the kind and the thing (draft:<userId>:<kind>:<thingId>)", async ({ page }) => {
  test.setTimeout(60_000);
  await signUp(page);
  const person = await mutate<{ id: string }>(page, "people.create", {
    name: "Alan Turing",
    track: "ic",
    level: "senior",
    managerId: null,
    cadence: "weekly",
  });
  await page.goto(`/one-on-ones/${person.id}`);
  await page.getByPlaceholder("Add a talking point…").fill("Only mine");
  const keys = await draftKeys(page);
  expect(keys).toHaveLength(1);
  expect(keys[0]).toMatch(/^draft:[^:]+:point:/);
});
