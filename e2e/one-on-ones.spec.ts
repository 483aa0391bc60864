import { expect, test, type Page } from "@playwright/test";
import { addPerson, expectNoSeriousA11yIssues, mutate, query, signUp } from "./helpers";

async function personIdFromPage(page: Page) {
  await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split("/").at(-1)!;
}

const DAY = 86_400_000;

test("a 1:1 from agenda to prep: talking points, hold, carry-over, actions, and what changed since", async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page);
  await page.goto("/people");
  await addPerson(page, { name: "Ada Lovelace", track: "Manager", level: "Engineering Manager" });
  await page.getByRole("link", { name: "Ada Lovelace", exact: true }).click();
  const personId = await personIdFromPage(page);

  // Before the first 1:1: a target with a check-in, and a delegated task.
  const target = await mutate<{ id: string }>(page, "targets.create", {
    title: "Checkout P99",
    kind: "speed",
    ownerIds: [personId],
    startDate: new Date(Date.now() - 30 * DAY).toISOString().slice(0, 10),
    dueDate: new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10),
  });
  const metric = await mutate<{ id: string }>(page, "targets.addMetric", {
    targetId: target.id,
    name: "P99",
    unit: "ms",
    direction: "lower",
    baseline: 500,
    goal: 200,
  });
  await mutate(page, "targets.addCheckIn", { metricId: metric.id, value: 400, at: new Date(Date.now() - 2 * DAY) });
  const task = await mutate<{ id: string }>(page, "delegation.createTask", {
    personId,
    title: "On-call rota",
    competency: 4,
    criticality: 2,
  });

  // The person page links to their 1:1s.
  await page.getByRole("link", { name: "All 1:1s" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "1:1s with Ada Lovelace" })).toBeVisible();

  // Two talking points; the empty one is refused next to the field.
  await page.getByRole("button", { name: "Add point" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Write the talking point." })).toBeVisible();
  await page.getByRole("textbox", { name: "Talking point" }).fill("Hiring plan for Q1");
  await page.getByLabel("Topic").selectOption({ label: "Team" });
  await page.getByRole("textbox", { name: "Talking point" }).press("Enter");
  await expect(page.getByRole("list", { name: "Talking points", exact: true })).toContainText("Hiring plan for Q1");
  await page.getByRole("textbox", { name: "Talking point" }).fill("Career: the staff path");
  await page.getByLabel("Raised by").selectOption({ label: "Theirs" });
  await page.getByRole("button", { name: "Add point" }).click();
  await expect(page.getByRole("list", { name: "Talking points", exact: true })).toContainText("Career: the staff path");
  // Edited in place: Enter saves.
  await page.getByRole("button", { name: "Edit talking point: Hiring plan for Q1" }).click();
  await page.getByRole("textbox", { name: "Edit talking point" }).fill("Hiring plan for Q1 and Q2");
  await page.getByRole("textbox", { name: "Edit talking point" }).press("Enter");
  await expect(page.getByRole("list", { name: "Talking points", exact: true })).toContainText("Hiring plan for Q1 and Q2");

  // Hold the 1:1: discuss one point, agree an action, write a note with hostile markdown.
  await page.getByRole("button", { name: "Start a 1:1 now" }).click();
  await expect(page).toHaveURL(/\/one-on-ones\/meeting\//);
  await expect(page.getByRole("heading", { level: 1, name: "1:1 with Ada Lovelace" })).toBeVisible();
  await page.getByRole("checkbox", { name: "Discussed: Hiring plan for Q1" }).check();
  await expect(page.getByRole("list", { name: "Discussed in this 1:1" })).toContainText("Hiring plan for Q1");
  await page.getByRole("textbox", { name: "Action", exact: true }).fill("Draft the rota proposal");
  await page.getByRole("button", { name: "Add action" }).click();
  await expect(page.getByRole("list", { name: "Theirs" })).toContainText("Draft the rota proposal");
  await page
    .getByLabel("Note", { exact: true })
    .fill("Good **incident** review. <script>window.__pwned = 1</script> [click me](javascript:alert(1))");
  await page.getByRole("button", { name: "Add note" }).click();
  const note = page.getByRole("article", { name: "Coaching note" });
  await expect(note.locator("strong")).toHaveText("incident");
  // The script tag shows as text and never runs; the javascript: link is inert.
  await expect(note).toContainText("<script>window.__pwned = 1</script>");
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(note.locator("script")).toHaveCount(0);
  await expect(note.locator('a[href^="javascript"]')).toHaveCount(0);
  await page.getByRole("button", { name: "Mark as held" }).click();
  await expect(page.getByText("1 talking point carried over")).toBeVisible();

  // After the 1:1: the metric moves and the task is handed more autonomy.
  await mutate(page, "targets.addCheckIn", { metricId: metric.id, value: 460, at: new Date() });
  const spectrum = await query<{ levels: { id: string; label: string }[] }>(page, "delegation.activeSpectrum");
  await mutate(page, "delegation.setLevel", { id: task.id, levelId: spectrum.levels.at(-1)!.id, reason: "Ran the last two incidents" });

  // The undiscussed point carried over; the action is open on the person's page.
  await page.getByRole("link", { name: /All 1:1s with Ada/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "1:1s with Ada Lovelace" })).toBeVisible();
  const agenda = page.getByRole("list", { name: "Talking points", exact: true });
  await expect(agenda).toContainText("Career: the staff path");
  await expect(agenda).toContainText("Carried over");
  await expect(agenda).not.toContainText("Hiring plan for Q1");

  // The prep page: the metric's change and the delegation change since the last 1:1.
  await page.getByRole("link", { name: "Prepare" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Prep: 1:1 with Ada Lovelace" })).toBeVisible();
  const p99 = page.getByRole("row", { name: /P99/ });
  await expect(p99).toContainText("400 ms");
  await expect(p99).toContainText("460 ms");
  await expect(p99).toContainText("+60 ms");
  await expect(p99).toContainText("worse");
  await expect(page.getByText(/On-call rota: .* → Delegate/)).toBeVisible();
  await expect(page.getByText("Ran the last two incidents")).toBeVisible();
  await expect(page.getByRole("list", { name: "Talking points", exact: true })).toContainText("Career: the staff pathTheirsCarried over");

  // Complete the action from the prep page; it can be undone.
  await page.getByRole("checkbox", { name: "Done: Draft the rota proposal" }).check();
  await expect(page.getByText("Action done.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Theirs" })).toHaveCount(0);

  // Markdown export of the prep.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Markdown" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^prep-ada-lovelace-\d{4}-\d{2}-\d{2}\.md$/);
});

test("the same note edited in two tabs: the second save is a conflict that keeps both texts", async ({ page, context }) => {
  test.setTimeout(90_000);
  await signUp(page);
  await page.goto("/people");
  await addPerson(page, { name: "Grace Hopper", track: "Individual contributor", level: "Staff Engineer" });
  await page.getByRole("link", { name: "Grace Hopper", exact: true }).click();
  const personId = await personIdFromPage(page);
  await mutate(page, "oneOnOnes.addNote", { personId, kind: "coaching", body: "First draft" });

  const second = await context.newPage();
  for (const tab of [page, second]) {
    await tab.goto(`/one-on-ones/${personId}`);
    await tab.getByRole("button", { name: "Edit note" }).click();
  }
  await page.getByRole("dialog").getByLabel("Note").fill("Tab one's text");
  await page.getByRole("dialog").getByRole("button", { name: "Save note" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.getByRole("article")).toContainText("Tab one's text");

  const dialog = second.getByRole("dialog");
  await dialog.getByLabel("Note").fill("Tab two's text");
  await dialog.getByRole("button", { name: "Save note" }).click();
  await expect(dialog.getByRole("alert")).toContainText("changed elsewhere");
  // Both texts are on screen: mine in the field, the saved one beside it.
  await expect(dialog.getByLabel("Note")).toHaveValue("Tab two's text");
  await expect(dialog).toContainText("Tab one's text");
  await dialog.getByRole("button", { name: "Save mine over it" }).click();
  await expect(dialog).toBeHidden();
  await expect(second.getByRole("article")).toContainText("Tab two's text");
});

test("the demo's 1:1 pages: overdue first, a prep page and a 1:1 with no serious accessibility issues, no sideways scroll on a phone", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signUp(page);
  await mutate(page, "people.loadDemo", undefined);
  await page.goto("/one-on-ones");
  const rows = page.getByRole("row");
  await expect(rows.nth(1)).toContainText("Overdue");
  await expectNoSeriousA11yIssues(page);

  await page.getByRole("link", { name: "Prep for Sofia Alvarez" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Prep: 1:1 with Sofia Alvarez" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Talking points", exact: true })).toContainText("Carried over 2×");
  await expectNoSeriousA11yIssues(page);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.goto("/one-on-ones");
  await page.getByRole("link", { name: "Sofia Alvarez", exact: true }).click();
  await page.getByRole("link", { name: /Held/ }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "1:1 with Sofia Alvarez" })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
});
