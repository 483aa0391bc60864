import { expect, test, type Page } from "@playwright/test";
import { mutate, newCredentials, query, signUp } from "./helpers";

// Forms a director would trust (issue #18): a soft warning before adding
// someone who is already there (or a target that already exists), owners
// picked by searching instead of from 17 checkboxes, dialogs whose footer is
// on screen on a 1440×900 window, and no stale "Enter a number." after
// pasting check-ins. All on the demo organisation, as its director.

type TargetRow = { id: string; title: string };

const SEARCH_TARGET = "Search P99 latency under 300 ms";

async function directorWithDemo(page: Page) {
  await signUp(page, newCredentials("director"));
  await mutate(page, "people.loadDemo", undefined);
}

const metricCard = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

test("adding a person with a demo person's name warns, links to them, and still adds", async ({ page }) => {
  test.setTimeout(90_000);
  await directorWithDemo(page);
  await page.goto("/people");
  await page
    .getByRole("button", { name: /^Add (person|your first report)$/ })
    .first()
    .click();
  const dialog = page.getByRole("dialog", { name: "Add a person" });
  const warning = dialog.getByTestId("similar-people");

  // Case, accents and spacing aside, it is the same name: a warning naming her, with a link to her page.
  await dialog.getByLabel("Name").fill("  sofía   ALVAREZ ");
  // (The link also says, to a screen reader, that it opens in a new tab.)
  await expect(warning).toContainText(/Sofia Alvarez.* is already in your organisation/);
  await expect(warning).toContainText("add anyway?");
  await expect(warning.getByRole("link", { name: /Sofia Alvarez/ })).toHaveAttribute("href", /^\/people\/[0-9a-f-]{36}$/);

  // Another name: no warning.
  await dialog.getByLabel("Name").fill("Sofia Alvarado");
  await expect(warning).toBeHidden();

  // The warning never blocks: the second Sofia Alvarez is added.
  await dialog.getByLabel("Name").fill("Sofia Alvarez");
  await expect(warning).toBeVisible();
  await dialog.getByRole("button", { name: "Add person" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Sofia Alvarez added.")).toBeVisible();
});

test("a new target on a 1440×900 window: its footer is in view, the title warns of a look-alike, owners are searched and picked", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await directorWithDemo(page);
  await page.goto("/targets");
  await page
    .getByRole("button", { name: /New target|Create a target/ })
    .first()
    .click();
  const dialog = page.getByRole("dialog", { name: "New target" });
  const create = dialog.getByRole("button", { name: "Create target" });
  await expect(create).toBeInViewport();

  // A title the director already has (another case and spacing): warned, with a link to it.
  await dialog.getByLabel("Title").fill("search p99  latency under 300 MS");
  const warning = dialog.getByTestId("similar-targets");
  await expect(warning).toContainText(new RegExp(`${SEARCH_TARGET}.* is already a target \\(active, due`));
  await expect(warning.getByRole("link", { name: new RegExp(SEARCH_TARGET) })).toHaveAttribute("href", /^\/targets\//);
  await dialog.getByLabel("Title").fill("Search P95 latency under 200 ms");
  await expect(warning).toBeHidden();

  // Owners: typing filters the list (accents aside), a click picks, Enter picks the first match.
  const owners = dialog.getByRole("combobox", { name: "Owners" });
  const list = dialog.getByRole("listbox", { name: "Owners" });
  await owners.fill("alv");
  await expect(list.getByRole("option")).toHaveCount(1);
  await list.getByRole("option", { name: /Sofia Alvarez/ }).click();
  await expect(dialog.getByRole("button", { name: "Remove Sofia Alvarez" })).toBeVisible();
  await expect(owners).toHaveValue("");
  await owners.fill("ines");
  await expect(list.getByRole("option", { name: /Inês Costa/ })).toBeVisible();
  await owners.fill("okaf");
  await owners.press("Enter");
  await expect(dialog.getByRole("button", { name: "Remove Tom Okafor" })).toBeVisible();

  // Backspace in the empty input takes the last one off; Escape closes the list and not the dialog.
  await owners.press("Backspace");
  await expect(dialog.getByRole("button", { name: "Remove Tom Okafor" })).toHaveCount(0);
  await owners.fill("Tom Okafor");
  await list.getByRole("option", { name: /Tom Okafor/ }).click();
  await expect(list).toBeVisible();
  await owners.press("Escape");
  await expect(list).toBeHidden();
  await expect(dialog).toBeVisible();
  await expect(owners).toHaveAttribute("aria-expanded", "false");

  // With the chips, the warning and every field, the footer is still in view, and the form saves the two owners.
  await expect(create).toBeInViewport();
  await create.click();
  await expect(page.getByRole("heading", { level: 1, name: "Search P95 latency under 200 ms" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Sofia Alvarez");
  await expect(page.getByRole("main")).toContainText("Tom Okafor");
});

test("the owner picker fits a phone: no sideways scroll in the dialog, chips wrap", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await directorWithDemo(page);
  await page.goto("/targets");
  await page
    .getByRole("button", { name: /New target|Create a target/ })
    .first()
    .click();
  const dialog = page.getByRole("dialog", { name: "New target" });
  const owners = dialog.getByRole("combobox", { name: "Owners" });
  for (const name of ["Kenji Watanabe", "Nadia Petrova", "Amara Nwosu"]) {
    await owners.fill(name);
    await dialog.getByRole("option", { name: new RegExp(name) }).click();
  }
  await expect(dialog.getByRole("button", { name: "Remove Amara Nwosu" })).toBeVisible();
  const body = dialog.locator("[data-dialog-body]");
  expect(await body.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await expect(dialog.getByRole("button", { name: "Create target" })).toBeInViewport();
});

test("after Add all in the paste dialog, no metric's Value field shows a stale 'Enter a number.'", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await directorWithDemo(page);
  const target = (await query<{ items: TargetRow[] }>(page, "targets.list")).items.find((t) => t.title === SEARCH_TARGET)!;
  expect(target).toBeDefined();
  await page.goto(`/targets/${target.id}`);
  const p99 = metricCard(page, "P99 latency");
  const throughput = metricCard(page, "Throughput");
  await expect(p99.getByLabel("Value")).toBeVisible();

  // The metric dialog (a long form) fits the window, its footer in view.
  await page.getByRole("button", { name: "Add metric" }).click();
  const metricDialog = page.getByRole("dialog", { name: "Add a metric" });
  await expect(metricDialog.getByRole("button", { name: "Add metric" })).toBeInViewport();
  expect((await metricDialog.boundingBox())!.height).toBeLessThanOrEqual(900 - 32 + 1);
  await metricDialog.getByRole("button", { name: "Cancel" }).click();
  await expect(metricDialog).toBeHidden();

  // An empty check-in on Throughput: its own field says so, and only its own.
  await throughput.getByRole("button", { name: "Add check-in" }).click();
  await expect(throughput.getByText("Enter a number.")).toBeVisible();
  await expect(p99.getByText("Enter a number.")).toHaveCount(0);

  // Pasting into Throughput adds the rows, and clears that form's error; no other metric gets one.
  await throughput.getByRole("button", { name: "Paste many check-ins for Throughput" }).click();
  const paste = page.getByRole("dialog", { name: "Paste check-ins for Throughput" });
  await expect(paste.getByRole("button", { name: "Add all" })).toBeInViewport();
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  await paste.getByLabel("Lines").fill(`${twoDaysAgo},1450\n${yesterday},1480`);
  await paste.getByRole("button", { name: "Add all" }).click();
  await expect(paste).toBeHidden();
  await expect(page.getByText("2 check-ins added.")).toBeVisible();
  await expect(page.getByText("Enter a number.")).toHaveCount(0);

  // The same from P99's paste dialog, with no error before: still none after.
  await p99.getByRole("button", { name: "Paste many check-ins for P99 latency" }).click();
  const paste99 = page.getByRole("dialog", { name: "Paste check-ins for P99 latency" });
  await paste99.getByLabel("Lines").fill(`${yesterday},420`);
  await paste99.getByRole("button", { name: "Add all" }).click();
  await expect(paste99).toBeHidden();
  await expect(page.getByText("Enter a number.")).toHaveCount(0);

  // A field's error goes as soon as its value is valid.
  await p99.getByRole("button", { name: "Add check-in" }).click();
  await expect(p99.getByText("Enter a number.")).toBeVisible();
  await p99.getByLabel("Value").fill("410");
  await expect(p99.getByText("Enter a number.")).toHaveCount(0);
});

test("the task dialog on a 1440×900 window: no taller than the window, its Add task button in view", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await directorWithDemo(page);
  await page.goto("/people");
  await page.getByRole("link", { name: "Tom Okafor", exact: true }).first().click();
  await page.getByRole("link", { name: /Review Tom Okafor's delegated tasks/ }).click();
  await page.getByRole("button", { name: "Add task" }).first().click();
  const dialog = page.getByRole("dialog", { name: "A task for Tom Okafor" });
  await expect(dialog.getByRole("button", { name: "Add task" })).toBeInViewport();
  expect((await dialog.boundingBox())!.height).toBeLessThanOrEqual(900 - 32 + 1);
  // The body scrolls under the footer, which stays put.
  await dialog.locator("[data-dialog-body]").evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(dialog.getByRole("button", { name: "Add task" })).toBeInViewport();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
});
