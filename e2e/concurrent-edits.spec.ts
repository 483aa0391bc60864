import { expect, test } from "@playwright/test";
import { mutate, query, signUp } from "./helpers";

test("the same target edited in two tabs: the stale save is a conflict that keeps both versions, then either wins on purpose", async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  await signUp(page);
  const owner = await mutate<{ id: string }>(page, "people.create", {
    name: "Erin EM",
    track: "manager",
    level: "em",
    managerId: null,
    cadence: "weekly",
  });
  const target = await mutate<{ id: string }>(page, "targets.create", {
    title: "First title",
    kind: "reliability",
    ownerIds: [owner.id],
    startDate: "2026-01-01",
    dueDate: "2026-12-31",
  });

  // Both tabs open the edit form on the same version.
  const second = await context.newPage();
  for (const tab of [page, second]) {
    await tab.goto(`/targets/${target.id}`);
    await expect(tab.getByRole("heading", { level: 1, name: "First title" })).toBeVisible();
    await tab.getByRole("button", { name: "Edit", exact: true }).click();
    await expect(tab.getByRole("dialog", { name: "Edit target" })).toBeVisible();
  }

  const first = page.getByRole("dialog", { name: "Edit target" });
  await first.getByLabel("Title", { exact: true }).fill("Tab one's title");
  await first.getByRole("button", { name: "Save target" }).click();
  await expect(first).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "Tab one's title" })).toBeVisible();

  // The second tab's save is stale: refused, with its text kept and the saved target beside it.
  const stale = second.getByRole("dialog", { name: "Edit target" });
  await stale.getByLabel("Title", { exact: true }).fill("Tab two's title");
  await stale.getByRole("button", { name: "Save target" }).click();
  await expect(stale.getByRole("alert").first()).toContainText("changed elsewhere");
  await expect(stale.getByLabel("Title", { exact: true })).toHaveValue("Tab two's title");
  const savedVersion = stale.getByRole("region", { name: "The saved version" });
  await expect(savedVersion).toContainText("Tab one's title");
  await expect(savedVersion).toContainText("Erin EM");
  // Nothing was overwritten meanwhile.
  expect((await query<{ items: { title: string }[] }>(page, "targets.list")).items.map((t) => t.title)).toEqual(["Tab one's title"]);

  await stale.getByRole("button", { name: "Save mine over it" }).click();
  await expect(stale).toBeHidden();
  await expect(second.getByRole("heading", { level: 1, name: "Tab two's title" })).toBeVisible();

  // The other way out: a form opened before another save takes the saved values, then saves on top of them.
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  const again = page.getByRole("dialog", { name: "Edit target" });
  await expect(again).toBeVisible();
  await second.getByRole("button", { name: "Edit", exact: true }).click();
  const third = second.getByRole("dialog", { name: "Edit target" });
  await third.getByLabel("Title", { exact: true }).fill("Third title");
  await third.getByRole("button", { name: "Save target" }).click();
  await expect(third).toBeHidden();

  await again.getByLabel("Description").fill("Written in tab one");
  await again.getByRole("button", { name: "Save target" }).click();
  await expect(again.getByRole("region", { name: "The saved version" })).toContainText("Third title");
  await again.getByRole("button", { name: "Use the saved values" }).click();
  await expect(again.getByRole("region", { name: "The saved version" })).toBeHidden();
  await expect(again.getByLabel("Title", { exact: true })).toHaveValue("Third title");
  await again.getByLabel("Description").fill("Written in tab one, on top of the saved target");
  await again.getByRole("button", { name: "Save target" }).click();
  await expect(again).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "Third title" })).toBeVisible();
  await expect(page.getByText("Written in tab one, on top of the saved target")).toBeVisible();
});
