import { expect, test, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { mutate, newCredentials, pickPeople, query, signUp } from "./helpers";
import { accept, invite } from "./invitations";

// Cascading targets (issue #17, part 3): the director of the demo org splits
// her "Checkout p99" target into the Payments pair's (Priya + Marcus) and the
// Core infrastructure pair's (Lena + David) own targets. Priya splits hers
// again for Amara, below her. Each EM, in a fresh browser context, sees their
// own sub-target, what it is part of (the parent's title and health, not the
// parent itself) and not the other pair's. The director sees the whole tree,
// with the branch that is off track.

type Options = { selfId: string };

/** On a target's page: "Add sub-target", the area (which proposes its pair as owners) or owners by name, then create. Answers the new target's path. */
async function addSubTarget(page: Page, title: string, pick: { area?: string; owners?: string[] }): Promise<string> {
  await page.getByRole("button", { name: "Add sub-target" }).click();
  const dialog = page.getByRole("dialog", { name: "New sub-target" });
  await expect(dialog.getByTestId("sub-target-of")).toBeVisible();
  await dialog.getByLabel("Title").fill(title);
  if (pick.area) await dialog.getByLabel("Area").selectOption({ label: pick.area });
  if (pick.owners) await pickPeople(dialog, "Owners", pick.owners);
  await dialog.getByRole("button", { name: "Create sub-target" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return new URL(page.url()).pathname;
}

test("a director splits a target into two sub-targets owned by two EMs' pairs, and each EM sees their own", async ({ page, browser }) => {
  test.setTimeout(150_000);
  await signUp(page, newCredentials("director"));
  await mutate(page, "people.loadDemo", undefined);
  const id = randomUUID().slice(0, 8);
  const rootTitle = `Checkout p99 < 300 ms ${id}`;
  const payTitle = `Payments p99 < 250 ms ${id}`;
  const platTitle = `Platform p99 < 200 ms ${id}`;

  // The director's own target (she owns it herself), with a metric: half of nothing done, so it has a health.
  const { selfId } = await query<Options>(page, "targets.formOptions");
  const today = new Date();
  const start = new Date(today.getTime() - 45 * 86_400_000).toISOString().slice(0, 10);
  const due = new Date(today.getTime() + 45 * 86_400_000).toISOString().slice(0, 10);
  const root = await mutate<{ id: string }>(page, "targets.create", {
    title: rootTitle,
    kind: "speed",
    ownerIds: [selfId],
    startDate: start,
    dueDate: due,
  });
  await mutate(page, "targets.addMetric", {
    targetId: root.id,
    name: "Checkout p99",
    unit: "ms",
    direction: "lower",
    baseline: 600,
    goal: 300,
  });

  // She splits it on its page: the area proposes each pair as the owners.
  await page.goto(`/targets/${root.id}`);
  const subTargets = page.getByRole("heading", { name: "Sub-targets" });
  await expect(subTargets).toBeVisible();
  await expect(page.getByText("No sub-targets yet.")).toBeVisible();
  const payPath = await addSubTarget(page, payTitle, { area: "Payments platform" });
  await expect(page.getByRole("navigation", { name: "Part of" })).toContainText(rootTitle);
  await page.goto(`/targets/${root.id}`);
  const platPath = await addSubTarget(page, platTitle, { area: "Core infrastructure" });
  await page.goto(`/targets/${root.id}`);
  const tree = page.getByRole("list", { name: `Sub-targets of ${rootTitle}` });
  await expect(tree.getByRole("link", { name: payTitle })).toBeVisible();
  await expect(tree.getByRole("link", { name: platTitle })).toBeVisible();

  // A parent with sub-targets is not deleted: the server says why, and the tree stays.
  await page.getByRole("button", { name: "Delete target" }).click();
  await page
    .getByRole("dialog", { name: `Delete “${rootTitle}”?` })
    .getByRole("button", { name: "Delete target" })
    .click();
  await expect(page.getByText("This target has 2 sub-targets.")).toBeVisible();
  await page.keyboard.press("Escape");

  const priyaLink = await invite(page, "Priya Raman", `priya-${id}@example.com`);
  const lenaLink = await invite(page, "Lena Fischer", `lena-${id}@example.com`);
  const priya = await accept(browser, priyaLink, `Priya ${id}`);
  const lena = await accept(browser, lenaLink, `Lena ${id}`);

  // Priya sees her pair's target, says what it is part of, and not the other pair's.
  await priya.goto("/targets");
  await expect(priya.getByRole("link", { name: payTitle })).toBeVisible();
  await expect(priya.getByRole("link", { name: platTitle })).toHaveCount(0);
  await expect(priya.getByTestId("part-of").first()).toContainText(rootTitle);
  await priya.goto(payPath);
  const crumbs = priya.getByRole("navigation", { name: "Part of" });
  await expect(crumbs).toContainText(rootTitle);
  // The parent's title and health, not a link: the director's target is not hers to open.
  await expect(crumbs.getByRole("link", { name: rootTitle })).toHaveCount(0);
  await expect(crumbs).toContainText(/Off track|At risk|On track|No data yet/);
  const refused = await priya.request.get(`/api/trpc/targets.get?input=${encodeURIComponent(JSON.stringify({ json: { id: root.id } }))}`);
  expect(refused.status()).toBe(404);

  // Priya splits hers again, for Amara below her: she becomes its controller.
  const cardTitle = `Card auth p99 < 150 ms ${id}`;
  await addSubTarget(priya, cardTitle, { owners: ["Amara Nwosu"] });
  await expect(priya.getByRole("navigation", { name: "Part of" })).toContainText(payTitle);
  await expect(priya.getByRole("navigation", { name: "Part of" })).toContainText(rootTitle);

  // Lena sees the platform pair's target and neither of Payments'.
  await lena.goto("/targets");
  await expect(lena.getByRole("link", { name: platTitle })).toBeVisible();
  await expect(lena.getByRole("link", { name: payTitle })).toHaveCount(0);
  await expect(lena.getByRole("link", { name: cardTitle })).toHaveCount(0);
  await lena.goto(platPath);
  await expect(lena.getByRole("navigation", { name: "Part of" })).toContainText(rootTitle);
  await expect(lena.getByRole("heading", { name: "Sub-targets" })).toBeVisible();

  // The director's trees: the whole tree, three below, the branch of the most trouble named.
  await page.goto("/targets/tree");
  const card = page.getByTestId("target-tree").filter({ hasText: rootTitle });
  await expect(card).toBeVisible();
  await expect(card.getByRole("link", { name: payTitle })).toBeVisible();
  await expect(card.getByRole("link", { name: platTitle })).toBeVisible();
  await expect(card.getByRole("link", { name: cardTitle })).toBeVisible();
  await expect(card).toContainText("3 sub-targets");
  // The person page of an owner says where their target sits.
  await page.goto("/people");
  await page.getByRole("link", { name: "Marcus Chen", exact: true }).first().click();
  await expect(page.getByTestId("part-of").filter({ hasText: rootTitle })).toBeVisible();
});
