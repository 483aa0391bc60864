import { expect, test, type Page } from "@playwright/test";
import { addPerson, signUp } from "./helpers";

async function addTask(page: Page, title: string, competency: string, criticality: string) {
  await page.getByRole("button", { name: "Add task" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Task or decision area").fill(title);
  await dialog.getByLabel("Their competency for it").selectOption(competency);
  await dialog.getByLabel("Criticality", { exact: true }).selectOption(criticality);
  await dialog.getByRole("button", { name: "Add task" }).click();
  await expect(dialog).toBeHidden();
}

test("tasks for a staff engineer and an EM: suggestion, accept, change with a reason, flags and history", async ({ page }) => {
  test.setTimeout(90_000);
  await signUp(page);
  await page.goto("/people");
  await addPerson(page, { name: "Sia Staff", track: "Individual contributor", level: "Staff Engineer" });
  await addPerson(page, { name: "Eli EM", track: "Manager", level: "Engineering Manager" });

  await page.getByRole("link", { name: "Sia Staff" }).click();
  await page.getByRole("link", { name: /Review Sia Staff's delegated tasks/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Delegation: Sia Staff" })).toBeVisible();
  await addTask(page, "Architecture reviews", "4", "2");
  const row = page.getByRole("row", { name: /Architecture reviews/ });
  await expect(row).toContainText("competency 4 of 5 on a criticality-2 task");
  await expect(row).toContainText("Matches the suggestion");

  // Hold it tighter, with a reason: flagged, and the history keeps why.
  await row.getByRole("button", { name: "Change level" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Level").selectOption({ label: "Consult — I ask for their input, then I decide." });
  await dialog.getByLabel("Why (optional)").fill("New codebase for them");
  await dialog.getByRole("button", { name: "Change level" }).click();
  await expect(row).toContainText("Held tighter than suggested");
  await row.getByRole("button", { name: "History" }).click();
  await expect(page.getByRole("dialog")).toContainText("Advise → Consult");
  await expect(page.getByRole("dialog")).toContainText("“New codebase for them”");
  await page.keyboard.press("Escape");

  // Accept the suggestion: back to matching.
  await row.getByRole("button", { name: "Accept Advise" }).click();
  await expect(row).toContainText("Matches the suggestion");

  // The EM: a critical task given away is flagged as beyond the suggestion.
  await page.goto("/delegation");
  await page.getByRole("link", { name: "Eli EM" }).click();
  await addTask(page, "Hiring decisions", "2", "5");
  const hiring = page.getByRole("row", { name: /Hiring decisions/ });
  await hiring.getByRole("button", { name: "Change level" }).click();
  await page.getByRole("dialog").getByLabel("Level").selectOption({ label: "Delegate — It is theirs: I need not know." });
  await page.getByRole("dialog").getByRole("button", { name: "Change level" }).click();
  await expect(hiring).toContainText("Delegated beyond the suggestion");

  // Across reports: the matrix shows both, with the flag.
  await page.goto("/delegation");
  await expect(page.getByRole("row", { name: /Eli EM/ })).toContainText("1 delegated beyond the suggestion");
  await expect(page.getByRole("row", { name: /Sia Staff/ })).toContainText("—");
});

test("switching the spectrum previews the moves first", async ({ page }) => {
  await signUp(page);
  await page.goto("/people");
  await addPerson(page, { name: "Sia Staff", track: "Individual contributor", level: "Staff Engineer" });
  await page.goto("/delegation");
  await page.getByRole("link", { name: "Sia Staff" }).click();
  await addTask(page, "On-call rota", "5", "2");
  // Everyone sees the spectrum in use; an admin changes it in Organisation settings.
  await page.goto("/delegation/spectrum");
  await expect(page.getByText("In use")).toBeVisible();
  await page.getByRole("link", { name: "Organisation settings" }).click();
  await expect(page).toHaveURL(/\/organisation#spectrum$/);
  await page.getByRole("button", { name: "Add Situational Leadership (4 styles)" }).click();
  await page.getByRole("button", { name: "Switch to this…" }).click();
  await expect(page.getByRole("dialog")).toContainText("Inquire → Supporting");
  await page.getByRole("dialog").getByRole("button", { name: "Switch" }).click();
  await expect(page.getByText(/is now the organisation’s spectrum/)).toBeVisible();
  await page.goto("/delegation");
  await expect(page.getByRole("columnheader", { name: "Supporting" })).toBeVisible();
});
