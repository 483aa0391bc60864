import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { mutate, query, signUp } from "./helpers";

// The target page's dialogs whose forms load on first use (issue #20, item 5): moving a
// target under another, and editing a check-in from the recent list.

test("a target moved under another from its page, and a check-in edited from the recent list", async ({ page }) => {
  await signUp(page);
  const { selfId } = await query<{ selfId: string }>(page, "targets.formOptions");
  const id = randomUUID().slice(0, 8);
  const dates = { startDate: "2026-01-01", dueDate: "2027-12-31" };
  const parent = await mutate<{ id: string }>(page, "targets.create", {
    title: `Checkout fast ${id}`,
    kind: "speed",
    ownerIds: [selfId],
    ...dates,
  });
  // A sub-target is owned by people below its parent's controller.
  const report = await mutate<{ id: string }>(page, "people.create", {
    name: "Erin EM",
    track: "manager",
    level: "em",
    managerId: null,
    cadence: "weekly",
  });
  const child = await mutate<{ id: string }>(page, "targets.create", {
    title: `Search fast ${id}`,
    kind: "speed",
    ownerIds: [report.id],
    ...dates,
  });
  const metric = await mutate<{ id: string }>(page, "targets.addMetric", {
    targetId: child.id,
    name: "Search p99",
    unit: "ms",
    direction: "lower",
    baseline: 600,
    goal: 300,
  });
  await mutate(page, "targets.addCheckIn", { metricId: metric.id, value: 480, at: new Date("2026-06-01T09:00:00Z") });

  await page.goto(`/targets/${child.id}`);
  await page.getByRole("button", { name: "Move under…" }).click();
  const move = page.getByRole("dialog", { name: `Move “Search fast ${id}”` });
  // Nothing chosen: said in the dialog, nothing sent.
  await move.getByRole("button", { name: "Move" }).click();
  await expect(move.getByText("Choose a target.")).toBeVisible();
  await move.getByLabel("Part of").selectOption({ label: `Checkout fast ${id}` });
  await move.getByRole("button", { name: "Move" }).click();
  await expect(move).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Part of" })).toContainText(`Checkout fast ${id}`);

  const card = page.getByRole("region", { name: "Search p99", exact: true });
  await card.getByText("Recent check-ins (1)").click();
  await card.getByRole("button", { name: /^Edit check-in of/ }).click();
  const edit = page.getByRole("dialog", { name: "Edit check-in" });
  await edit.getByLabel("Value").fill("455");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit).toBeHidden();
  await expect(card.getByRole("table")).toContainText("455 ms");
  await expect(card.getByText("455 ms").first()).toBeVisible();
  // The parent's page lists it below.
  await page.goto(`/targets/${parent.id}`);
  await expect(
    page.getByRole("list", { name: `Sub-targets of Checkout fast ${id}` }).getByRole("link", { name: `Search fast ${id}` }),
  ).toBeVisible();
});

test("a chart whose script cannot load keeps its sketch, and the page stays", async ({ page }) => {
  await signUp(page);
  const { selfId } = await query<{ selfId: string }>(page, "targets.formOptions");
  const target = await mutate<{ id: string }>(page, "targets.create", {
    title: "Uptime held",
    kind: "reliability",
    ownerIds: [selfId],
    startDate: "2026-01-01",
    dueDate: "2027-12-31",
  });
  const metric = await mutate<{ id: string }>(page, "targets.addMetric", {
    targetId: target.id,
    name: "Uptime",
    unit: "%",
    direction: "higher",
    baseline: 99,
    goal: 99.9,
  });
  await mutate(page, "targets.addCheckIn", { metricId: metric.id, value: 99.5, at: new Date("2026-06-01T09:00:00Z") });
  await page.goto(`/targets/${target.id}`);
  await page.waitForLoadState("networkidle");
  // A deploy since the page loaded: its scripts are gone.
  await page.route("**/_next/static/chunks/**", (route) => route.abort());
  const chart = page.getByRole("region", { name: "Uptime", exact: true }).getByRole("figure");
  for (const x of [30, 120, 210]) await chart.hover({ position: { x, y: 60 } });
  await expect(chart.getByTestId("metric-sketch")).toContainText("Value: 99.5%");
  await expect(chart.locator("canvas")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1, name: "Uptime held" })).toBeVisible();
});
