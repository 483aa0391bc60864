import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yIssues, signUp } from "./helpers";

// Issue #18: the weekly review starts from the data. Last week, so every slot can be filled in.
const START_OF_DAY = [
  { level: "8", tag: "deep work" },
  { level: "3", tag: "incidents" },
  { level: "4", tag: "meetings" },
];
const DRAINS = "Drained most by incidents (avg 2.5) and meetings (4.0).";
const RESTORES = "Energised most by deep work (avg 8.0).";
const CHANGE = "6 h productive; none logged last week. Lowest energy at the end of the day (avg 2.0).";

test("the review suggests answers from the week's log; one kept, one typed, saved and there after a reload", async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page);
  await page.goto("/capacity");
  await page.getByRole("link", { name: "Previous week" }).click();
  await expect(page.getByText(/^Week of /)).toBeVisible();

  // Nothing logged: nothing suggested.
  await expect(page.getByText("Suggestion from your log:")).toHaveCount(0);

  const form = page.getByRole("form", { name: "Log energy" });
  const log = async (slot: RegExp, level: string, tag: string, count: number) => {
    await page.getByRole("button", { name: slot }).first().click();
    await form.getByRole("radio", { name: level, exact: true }).check({ force: true });
    await form.getByRole("button", { name: tag, exact: true }).click();
    await form.getByRole("button", { name: "Log energy" }).click();
    await expect(page.getByRole("button", { name: /^Edit (start of day|midday|end of day) of / })).toHaveCount(count);
  };
  for (const [i, entry] of START_OF_DAY.entries()) await log(/^Log start of day of /, entry.level, entry.tag, i + 1);
  await log(/^Log end of day of /, "2", "incidents", 4);
  const hours = page.getByRole("spinbutton", { name: /^Productive hours on / }).first();
  await hours.fill("6");
  await hours.press("Enter");
  await expect(page.getByText(/6 productive hours/)).toBeVisible();

  // The week at a glance: energy on one labelled scale, productive hours in their own chart.
  await expect(page.getByRole("figure", { name: /energy from 1 to 10 at the start of day, midday and end of day/ })).toBeVisible();
  await expect(page.getByRole("list", { name: "Productive hours per day" })).toContainText("6 h");

  // Each question carries its suggestion, marked as one, with nothing put in the fields yet.
  const drains = page.getByLabel("Which activities consistently drained your energy?");
  const restores = page.getByLabel("Which activities increased it?");
  const change = page.getByLabel("What can you do next week to improve your capacity?");
  for (const text of [DRAINS, RESTORES, CHANGE]) await expect(page.getByText(text)).toBeVisible();
  await expect(drains).toHaveValue("");
  const useButtons = page.getByRole("button", { name: "Use suggestion" });
  await expect(useButtons).toHaveCount(3);

  // Keep the first suggestion; answer the second in one's own words: its suggestion can no longer replace it.
  await useButtons.first().click();
  await expect(drains).toHaveValue(DRAINS);
  await expect(drains).toBeFocused();
  await restores.fill("Deep work mornings, and the walk after lunch");
  await expect(useButtons).toHaveCount(1);
  await expect(page.getByText(RESTORES)).toBeVisible(); // still shown, for comparison
  await expectNoSeriousA11yIssues(page);

  await page.getByRole("button", { name: "Save review" }).click();
  await expect(page.getByText("Review saved.")).toBeVisible();

  await page.reload();
  await expect(drains).toHaveValue(DRAINS);
  await expect(restores).toHaveValue("Deep work mornings, and the walk after lunch");
  await expect(change).toHaveValue("");
  // The saved answers stay as saved; only the empty question still offers its suggestion.
  await expect(page.getByRole("button", { name: "Use suggestion" })).toHaveCount(1);
  await expect(page.getByText("Draft restored")).toHaveCount(0);
});
