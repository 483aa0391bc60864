import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yIssues, mutate, signUp } from "./helpers";

// Last week's days, Monday first: what was done and how it felt. Incidents drain, deep work restores.
const WEEK = [
  { level: "8", tag: "deep work" },
  { level: "3", tag: "incidents" },
  { level: "5", tag: "meetings" },
  { level: "9", tag: "deep work" },
  { level: "2", tag: "incidents" },
  { level: "6", tag: "meetings" },
  { level: "7", tag: "rest" },
];

test("log a week of energy, see the review rank the activities, then plan a week over its buffer", async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page);
  await page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "Capacity" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Capacity" })).toBeVisible();
  // Last week: every day is in the past, so any slot can be filled in.
  await page.getByRole("link", { name: "Previous week" }).click();
  await expect(page.getByText(/^Week of /)).toBeVisible();

  const form = page.getByRole("form", { name: "Log energy" });
  for (const [i, entry] of WEEK.entries()) {
    await page
      .getByRole("button", { name: /^Log start of day of / })
      .nth(0)
      .click();
    await form.getByRole("radio", { name: entry.level, exact: true }).check({ force: true });
    await form.getByRole("button", { name: entry.tag, exact: true }).click();
    await form.getByRole("button", { name: "Log energy" }).click();
    await expect(page.getByRole("button", { name: /^Edit start of day of / })).toHaveCount(i + 1);
  }

  // The same slot again edits it rather than adding a second entry.
  await page
    .getByRole("button", { name: /^Edit start of day of / })
    .first()
    .click();
  await expect(form.getByText("Already logged (8): saving edits it.")).toBeVisible();
  await form.getByRole("radio", { name: "7", exact: true }).check({ force: true });
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("button", { name: /^Edit start of day of / })).toHaveCount(7);

  // Productive hours for a day.
  await page
    .getByRole("spinbutton", { name: /^Productive hours on / })
    .first()
    .fill("4.5");
  await page
    .getByRole("spinbutton", { name: /^Productive hours on / })
    .first()
    .press("Enter");
  await expect(page.getByText(/4\.5 productive hours/)).toBeVisible();

  // The review ranks activities from most draining to most energising.
  const ranked = page.getByRole("list", { name: "Energy by activity, most draining first" }).getByRole("listitem");
  await expect(ranked).toHaveCount(4);
  await expect(ranked.nth(0)).toContainText("incidents");
  await expect(ranked.nth(0)).toContainText("2.5 drained · 2 entries");
  await expect(ranked.nth(3)).toContainText("deep work");
  await page.getByLabel("Which activities consistently drained your energy?").fill("Incidents, every time");
  await page.getByRole("button", { name: "Save review" }).click();
  await expect(page.getByText("Review saved.")).toBeVisible();

  // A plan over its buffer warns.
  await page.getByRole("link", { name: "Capacity plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Capacity" })).toBeVisible();
  await page.getByRole("textbox", { name: "Work" }).fill("Quarterly planning");
  await page.getByRole("spinbutton", { name: "Hours", exact: true }).fill("30");
  await page.getByRole("button", { name: "Add to plan" }).click();
  await expect(page.getByRole("list", { name: "Allocated work" })).toContainText("Quarterly planning");
  await expect(page.getByText(/eats .* into your buffer/)).toHaveCount(0);
  await page.getByRole("textbox", { name: "Work" }).fill("Offsite");
  await page.getByRole("spinbutton", { name: "Hours", exact: true }).fill("5");
  await page.getByRole("button", { name: "Add to plan" }).click();
  await expect(page.getByText("The plan eats 3 h into your buffer.", { exact: false })).toBeVisible();
  await expect(page.getByRole("figure", { name: /35 h allocated of 40 h/ })).toBeVisible();

  // Bad input is refused next to the field and nothing is lost.
  await page.getByLabel("Buffer kept free (%)").fill("95");
  await page.getByRole("button", { name: "Save capacity" }).click();
  await expect(page.getByText("From 0 to 90%.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Allocated work" })).toContainText("Offsite");
});

test("the demo's energy and plan pages: a visible pattern, no serious accessibility issues, no sideways scroll on a phone", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signUp(page);
  await mutate(page, "people.loadDemo", undefined);
  await page.goto("/capacity");
  await page.getByRole("link", { name: "Previous week" }).click();
  const ranked = page.getByRole("list", { name: "Energy by activity, most draining first" }).getByRole("listitem");
  await expect(ranked.first()).toContainText("incidents");
  await expectNoSeriousA11yIssues(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/capacity");
  await expect(page.getByRole("form", { name: "Log energy" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/capacity/plan");
  await expect(page.getByRole("list", { name: "Allocated work" })).toContainText("Q1 planning document");
  await expectNoSeriousA11yIssues(page);
});
