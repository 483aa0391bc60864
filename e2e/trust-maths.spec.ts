import { expect, test, type Page } from "@playwright/test";
import { addPerson, mutate, signUp } from "./helpers";

// Written with the fix for issue 18 ("target maths that cannot mislead", "consistent safety"); not run by its author.

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

async function personIdFromPage(page: Page) {
  await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split("/").at(-1)!;
}

test("a misleading metric is refused next to its fields; a metric with no data is No data yet", async ({ page }) => {
  await signUp(page);
  await page.goto("/people");
  await addPerson(page, { name: "Lin Latency", track: "Manager", level: "Engineering Manager" });
  await page.getByRole("link", { name: "Lin Latency", exact: true }).click();
  const personId = await personIdFromPage(page);
  const target = await mutate<{ id: string }>(page, "targets.create", {
    title: "Search latency",
    kind: "speed",
    ownerIds: [personId],
    startDate: day(-1),
    dueDate: day(60),
  });
  await page.goto(`/targets/${target.id}`);
  await page.getByRole("button", { name: "Add metric" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a metric" });
  await dialog.getByLabel("Name").fill("P95");
  await dialog.getByLabel("Unit").fill("ms");
  await dialog.getByLabel("Direction").selectOption({ label: "Lower is better" });
  await dialog.getByLabel("Baseline").fill("420");
  await dialog.getByLabel("Goal").fill("500");
  await dialog.getByLabel("Warning threshold").fill("350");
  await dialog.getByRole("button", { name: "Add metric" }).click();
  await expect(dialog.getByText("Lower is better: the goal must be below the baseline.")).toBeVisible();
  await expect(dialog.getByText(/the warning threshold must be above the goal/)).toBeVisible();
  await dialog.getByLabel("Goal").fill("300");
  await dialog.getByRole("button", { name: "Add metric" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("region", { name: "P95", exact: true }).getByText("No data yet")).toBeVisible();
  await expect(page.getByText("On track")).toHaveCount(0);
});

test("the cancel dialog reads Keep it / Cancel 1:1; a past 1:1 needs the explicit choice; an action changes hands", async ({ page }) => {
  await signUp(page);
  await page.goto("/people");
  await addPerson(page, { name: "Pat Past", track: "Manager", level: "Engineering Manager" });
  await page.getByRole("link", { name: "Pat Past", exact: true }).click();
  const personId = await personIdFromPage(page);
  await page.goto(`/one-on-ones/${personId}`);

  await page.getByRole("button", { name: "Schedule" }).first().click();
  const schedule = page.getByRole("dialog", { name: "Schedule a 1:1 with Pat Past" });
  await schedule.getByLabel("Date and time").fill(`${day(-7)}T10:00`);
  await schedule.getByRole("button", { name: "Schedule" }).click();
  await expect(schedule.getByText(/That time has passed/)).toBeVisible();
  await schedule.getByLabel("Record a past 1:1 (it already happened)").check();
  await schedule.getByRole("button", { name: "Schedule" }).click();
  await expect(schedule).toBeHidden();

  const meeting = await mutate<{ id: string }>(page, "oneOnOnes.schedule", { personId, scheduledAt: new Date(Date.now() + 2 * DAY) });
  await page.goto(`/one-on-ones/meeting/${meeting.id}`);
  await page.getByRole("button", { name: "Cancel 1:1" }).click();
  const cancel = page.getByRole("dialog", { name: "Cancel this 1:1?" });
  await expect(cancel.getByRole("button", { name: "Keep it" })).toBeVisible();
  await expect(cancel.getByRole("button", { name: "Cancel 1:1" })).toBeVisible();
  await cancel.getByRole("button", { name: "Keep it" }).click();
  await expect(cancel).toBeHidden();

  await page.getByRole("textbox", { name: "Action", exact: true }).fill("Write the rota");
  await page.getByRole("button", { name: "Add action" }).click();
  await expect(page.getByRole("list", { name: "Theirs" })).toContainText("Write the rota");
  await page.getByRole("button", { name: "Make it mine: Write the rota" }).click();
  await expect(page.getByRole("list", { name: "Mine" })).toContainText("Write the rota");
  // Deleting it asks first.
  await page.getByRole("button", { name: "Delete action: Write the rota" }).click();
  await expect(page.getByRole("dialog", { name: "Delete this action?" })).toBeVisible();
});
