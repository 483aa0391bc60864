import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yIssues, signUp } from "./helpers";

// The Google fixture's week: a weekly standup without its EXDATE, a moved occurrence, an all-day offsite.
const WEEK = "2026-11-23";
const GOOGLE = fileURLToPath(new URL("../src/test/fixtures/calendar/google.ics", import.meta.url));

test("import a week of a Google calendar, tag a meeting, and see the tag suggested in the energy log", async ({ page }) => {
  test.setTimeout(90_000);
  await signUp(page);
  await page.goto(`/capacity/calendar?week=${WEEK}`);
  await expect(page.getByRole("heading", { level: 1, name: "Capacity" })).toBeVisible();
  await expect(page.getByText("No meetings imported for this week")).toBeVisible();

  await page.getByLabel("Calendar file (.ics)").setInputFiles(GOOGLE);
  await page.getByRole("button", { name: "Import this week" }).click();
  const meetings = page.getByRole("list", { name: "Meetings of the week" });
  await expect(meetings.getByRole("listitem")).toHaveCount(10);
  await expect(meetings.getByText("Design review", { exact: true })).toBeVisible();
  await expect(meetings.getByText("Recurring").first()).toBeVisible();
  await expect(meetings.getByText("All day, not counted")).toBeVisible();
  await expect(page.getByTestId("meeting-load")).toContainText("6.5 h in meetings, 2 h of them recurring");
  await expectNoSeriousA11yIssues(page);

  // Tag the design review (Wednesday afternoon) and mark it draining.
  await page.getByLabel("Activity of Design review").selectOption("planning");
  await expect(page.getByLabel("Activity of Design review")).toHaveValue("planning");
  const felt = page.getByRole("group", { name: "How Design review felt" });
  await felt.getByRole("button", { name: "Draining" }).click();
  await expect(felt.getByRole("button", { name: "Draining" })).toHaveAttribute("aria-pressed", "true");

  // The energy log of that week shows the meeting load and suggests the tag for Wednesday's midday.
  await page.goto(`/capacity?week=${WEEK}`);
  await expect(page.getByTestId("meeting-load-line")).toContainText("Meetings this week: 6.5 h (2 h recurring)");
  const form = page.getByRole("form", { name: "Log energy" });
  await form.getByLabel("Day", { exact: true }).fill("2026-11-25");
  await form.getByLabel("Slot", { exact: true }).selectOption("middle");
  const suggested = form.getByRole("group", { name: "Suggested from your calendar" });
  await suggested.getByRole("button", { name: "Add planning" }).click();
  await expect(form.getByRole("button", { name: "planning", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(suggested).toHaveCount(0);

  // Too large a file is refused before it is sent; nothing changes.
  await page.goto(`/capacity/calendar?week=${WEEK}`);
  await page.getByLabel("Calendar file (.ics)").setInputFiles({
    name: "huge.ics",
    mimeType: "text/calendar",
    buffer: Buffer.alloc(2 * 1024 * 1024 + 1, "A"),
  });
  await expect(page.getByText(/larger than 2 MB/)).toBeVisible();
  await expect(meetings.getByRole("listitem")).toHaveCount(10);
});
