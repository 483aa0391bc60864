import { expect, test, type Page } from "@playwright/test";
import { mutate, query, signUp } from "./helpers";

// Issue #18, "A director would trust it": delegation flags read as words, the
// change-level dialog shows the suggestion, going beyond it on purpose (with a
// reason) is shown neutrally, and on a phone the 1:1s and delegation tables
// are a card per row, with no sideways scroll.

type Row = { id: string; name: string };

async function demo(page: Page) {
  await signUp(page);
  await mutate(page, "people.loadDemo", undefined);
  const people = (await query<{ items: Row[] }>(page, "people.list")).items;
  const id = (name: string) => people.find((p) => p.name === name)!.id;
  return { id };
}

/** Nothing scrolls sideways: not the page, and not a table inside its box. */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  const boxes = await page.evaluate(() =>
    [...document.querySelectorAll("table")].map((t) => {
      const box = t.parentElement!;
      return box.scrollWidth - box.clientWidth;
    }),
  );
  expect(boxes.length).toBeGreaterThan(0);
  for (const overflow of boxes) expect(overflow).toBeLessThanOrEqual(0);
}

test("the demo's delegation flags are words; beyond the suggestion with a reason is neutral, without one a calm amber", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { id } = await demo(page);

  // Across reports: counts in words, none of them red.
  await page.goto("/delegation");
  await expect(page.getByRole("row", { name: /Marcus Chen/ })).toContainText("1 held tighter than suggested");
  await expect(page.getByRole("row", { name: /Amara Nwosu/ })).toContainText("1 delegated beyond the suggestion");
  const onPurpose = page.getByRole("row", { name: /David Kim/ }).getByText("1 beyond the suggestion, with a reason");
  await expect(onPurpose).toBeVisible();
  await expect(onPurpose).not.toHaveClass(/danger|warning/);
  await expect(page.locator("table .text-danger", { hasText: /beyond/ })).toHaveCount(0);

  // A person's review: David's incident reviews were given away on purpose, and the reason shows.
  await page.goto(`/delegation/${id("David Kim")}`);
  const incidents = page.getByRole("row", { name: /Incident reviews/ });
  const decision = incidents.getByText("Delegated beyond the suggestion — Fully his");
  await expect(decision).toBeVisible();
  await expect(decision).not.toHaveClass(/danger|warning/);

  // Amara's rituals went beyond without a reason: a calm amber note, not red.
  await page.goto(`/delegation/${id("Amara Nwosu")}`);
  const rituals = page.getByRole("row", { name: /Checkout team rituals/ });
  const note = rituals.getByText("Delegated beyond the suggestion", { exact: true });
  await expect(note).toBeVisible();
  await expect(note).toHaveClass(/warning/);
  await expect(note).not.toHaveClass(/danger/);

  // Marcus's ledger decisions are held tighter than suggested.
  await page.goto(`/delegation/${id("Marcus Chen")}`);
  await expect(page.getByRole("row", { name: /Ledger re-architecture decisions/ })).toContainText("Held tighter than suggested");
});

test("the change-level dialog shows the suggestion; a level beyond it with a reason shows that reason, neutrally", async ({ page }) => {
  test.setTimeout(90_000);
  const { id } = await demo(page);
  await page.goto(`/delegation/${id("Sofia Alvarez")}`);
  const row = page.getByRole("row", { name: /Search latency work/ });
  await expect(row).toContainText("Matches the suggestion");

  await row.getByRole("button", { name: "Change level" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Suggested: Advise — competency 4 of 5 on a criticality-3 task");
  const level = dialog.getByLabel("Level");
  const inquire = await level.locator("option", { hasText: /^Inquire — / }).getAttribute("value");
  await level.selectOption(inquire!);
  await dialog.getByLabel("Why (optional)").fill("She owns the search roadmap now");
  await dialog.getByRole("button", { name: "Change level" }).click();
  await expect(dialog).toBeHidden();

  const decision = row.getByText("Delegated beyond the suggestion — She owns the search roadmap now");
  await expect(decision).toBeVisible();
  await expect(decision).not.toHaveClass(/danger|warning/);
});

test("at 390 px the 1:1s and delegation tables are cards, with the same links and actions and no sideways scroll", async ({ page }) => {
  test.setTimeout(90_000);
  const { id } = await demo(page);
  await page.setViewportSize({ width: 390, height: 844 });

  await page.goto("/one-on-ones");
  await expect(page.getByRole("link", { name: "Sofia Alvarez", exact: true })).toBeVisible();
  // A card per report: the row stacks its cells (a grid), each under its column's name.
  const card = page.locator("tbody tr").filter({ hasText: "Sofia Alvarez" });
  expect(await card.evaluate((tr) => getComputedStyle(tr).display)).toBe("grid");
  // Each cell shows its column's name above it (a ::before from data-label, so not in the text).
  const last = card.locator('[data-label="Last 1:1"]');
  await expect(last).toBeVisible();
  expect(await last.evaluate((td) => getComputedStyle(td, "::before").content)).toBe('"Last 1:1"');
  await expect(card.getByRole("link", { name: "Prep for Sofia Alvarez" })).toBeVisible();
  await expectNoSidewaysScroll(page);

  await page.goto("/delegation");
  await expect(page.getByRole("link", { name: "David Kim", exact: true })).toBeVisible();
  await expectNoSidewaysScroll(page);

  await page.goto(`/delegation/${id("Sofia Alvarez")}`);
  const task = page.locator("tbody tr").filter({ hasText: "Search latency work" });
  expect(await task.evaluate((tr) => getComputedStyle(tr).display)).toBe("grid");
  await expect(task.getByRole("button", { name: "Change level" })).toBeVisible();
  await expect(task.getByRole("button", { name: "History" })).toBeVisible();
  await expectNoSidewaysScroll(page);

  // From `sm` up it is a table again.
  await page.setViewportSize({ width: 1280, height: 900 });
  expect(await task.evaluate((tr) => getComputedStyle(tr).display)).toBe("table-row");
});
