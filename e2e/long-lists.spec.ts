import { expect, test } from "@playwright/test";
import { mutate, query, signUp } from "./helpers";

// Long lists come a page at a time (issue #20): a person's past 1:1s and a
// metric's check-ins show their first page, and "Show more" brings the rest,
// each row once.

const DAY = 86_400_000;

test("a person's past 1:1s and a metric's check-ins: one page first, the earlier ones on demand", async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page);
  await mutate(page, "people.loadDemo", undefined);
  const everyone = (await query<{ items: { id: string; name: string }[] }>(page, "people.list")).items;
  const sofia = everyone.find((p) => p.name === "Sofia Alvarez")!;

  // Thirty more past 1:1s with Sofia, a day apart, long ago: more than a page (20).
  for (let i = 0; i < 30; i++) {
    const at = new Date(Date.UTC(2024, 0, 1) + i * DAY);
    const meeting = await mutate<{ id: string }>(page, "oneOnOnes.schedule", { personId: sofia.id, scheduledAt: at, past: true });
    await mutate(page, "oneOnOnes.hold", { id: meeting.id, heldAt: at });
  }
  await page.goto(`/one-on-ones/${sofia.id}`);
  const list = page.getByRole("list", { name: "1:1s" });
  const before = await list.getByRole("listitem").count();
  await page.getByRole("button", { name: "Show earlier 1:1s" }).click();
  await expect.poll(() => list.getByRole("listitem").count()).toBeGreaterThan(before);
  // Every page read: the button goes, and no 1:1 is listed twice.
  while (await page.getByRole("button", { name: "Show earlier 1:1s" }).isVisible()) {
    await page.getByRole("button", { name: "Show earlier 1:1s" }).click();
    await expect(page.getByRole("button", { name: "Loading…" })).toHaveCount(0);
  }
  const hrefs = await list.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  expect(new Set(hrefs).size).toBe(hrefs.length);
  expect(hrefs.length).toBeGreaterThanOrEqual(30);

  // A metric with 25 check-ins: the list opens with 20, then the other 5.
  const target = await mutate<{ id: string }>(page, "targets.create", {
    title: "Long history",
    kind: "speed",
    ownerIds: [sofia.id],
    startDate: "2024-01-01",
    dueDate: "2027-12-31",
  });
  const metric = await mutate<{ id: string }>(page, "targets.addMetric", {
    targetId: target.id,
    name: "Build minutes",
    unit: "min",
    direction: "lower",
    baseline: 30,
    goal: 10,
  });
  const lines = Array.from({ length: 25 }, (_, i) => `2025-01-${String(i + 1).padStart(2, "0")},${30 - i / 2}`).join("\n");
  await mutate(page, "targets.addCheckIns", { metricId: metric.id, text: lines });
  await page.goto(`/targets/${target.id}`);
  const card = page.getByRole("region", { name: "Build minutes", exact: true });
  await card.getByText("Recent check-ins (20+)").click();
  // The check-ins' own table (the card has another, the metric's figures).
  const recent = card.getByRole("group").filter({ hasText: "Recent check-ins" }).getByRole("row");
  await expect(recent).toHaveCount(21); // a header and 20
  await expect(card.getByText("20 check-ins shown")).toBeVisible();
  await card.getByRole("button", { name: "Show earlier check-ins" }).click();
  await expect(recent).toHaveCount(26);
  await expect(card.getByRole("button", { name: "Show earlier check-ins" })).toHaveCount(0);
});
