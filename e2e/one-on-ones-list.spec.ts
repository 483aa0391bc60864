import { expect, test } from "@playwright/test";
import { mutate, query, signUp } from "./helpers";

// The 1:1 list without noise: the demo's people further down have no set cadence, the 1:1s
// page lists the director's direct reports, and the 1:1 itself keeps the prep's targets and
// delegation at hand, folded.

test("the demo's 1:1s list the director's six reports; people further down have no set cadence; a 1:1 keeps the prep's context folded", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signUp(page);
  await mutate(page, "people.loadDemo", undefined);

  await page.goto("/one-on-ones");
  await expect(page.getByText(/^Your direct reports: \d+ of 6 need a 1:1 booked or held/)).toBeVisible();
  // A header row and the six reports: none of the eleven people further down.
  await expect(page.getByRole("row")).toHaveCount(7);
  await expect(page.getByRole("link", { name: "Amara Nwosu", exact: true })).toHaveCount(0);
  // Nobody else they held 1:1s with: no "others" section.
  await expect(page.getByTestId("other-one-on-ones")).toHaveCount(0);

  // Amara reports to Priya: no set cadence until Priya sets one.
  const everyone = (await query<{ items: { id: string; name: string }[] }>(page, "people.list")).items;
  const amara = everyone.find((p) => p.name === "Amara Nwosu")!;
  await page.goto(`/people/${amara.id}`);
  await expect(page.getByText("No set cadence", { exact: true }).first()).toBeVisible();

  // A 1:1 with Sofia: the targets and delegation from the prep, folded until opened.
  await page.goto("/one-on-ones");
  await page.getByRole("link", { name: "Sofia Alvarez", exact: true }).click();
  await page.getByRole("link", { name: /Held/ }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "1:1 with Sofia Alvarez" })).toBeVisible();
  const context = page.getByTestId("meeting-context");
  await expect(context).toBeVisible();
  await expect(context).not.toHaveAttribute("open");
  const targets = context.getByRole("region", { name: "Targets" });
  await expect(targets).toBeHidden();
  await context.getByText("Targets and delegation").click();
  await expect(targets).toBeVisible();
  await expect(targets.getByRole("link").first()).toBeVisible();
  await expect(context.getByRole("region", { name: "Delegation" })).toBeVisible();
});

test("someone who moved to another manager is folded under 'Others you held 1:1s with'", async ({ page }) => {
  test.setTimeout(60_000);
  await signUp(page);
  const create = (name: string, managerId: string | null) =>
    mutate<{ id: string; version: number }>(page, "people.create", { name, track: "manager", level: "em", managerId, cadence: "weekly" });
  const other = await create("Olive Other", null);
  const moved = await create("Milo Moved", null);
  const meeting = await mutate<{ id: string }>(page, "oneOnOnes.schedule", {
    personId: moved.id,
    scheduledAt: new Date(Date.now() + 5 * 60_000),
  });
  await mutate(page, "oneOnOnes.hold", { id: meeting.id });
  await mutate(page, "people.update", {
    id: moved.id,
    version: moved.version,
    name: "Milo Moved",
    track: "manager",
    level: "em",
    managerId: other.id,
    cadence: "weekly",
  });

  await page.goto("/one-on-ones");
  // The list is the direct reports: Olive only.
  await expect(page.getByRole("row")).toHaveCount(2);
  const others = page.getByTestId("other-one-on-ones");
  await expect(others).toContainText("Others you held 1:1s with (1)");
  await others.getByText("Others you held 1:1s with").click();
  await others.getByRole("link", { name: "Milo Moved" }).click();
  await expect(page).toHaveURL(new RegExp(`/one-on-ones/${moved.id}$`));
});
