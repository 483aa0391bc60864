import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yIssues, mutate, signUp } from "./helpers";

// The command palette's search (issue #18, "Search and the palette"), on the
// demo organisation: the account owner is the director, Sofia Alvarez reports
// to them. Typos are tolerated ("sofa" finds Sofia), notes and talking points
// are found with their rendered text (a note's "*because*" shows as
// "because"), and → or Tab on a result lists what can be done on it.

async function openPalette(page: Page) {
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await expect(palette).toBeVisible();
  return palette;
}

test.beforeEach(async ({ page }) => {
  await signUp(page);
  await mutate(page, "people.loadDemo", undefined);
  await page.reload();
});

test("Ctrl-K finds a person despite a typo, and notes and talking points with their rendered text", async ({ page }) => {
  const palette = await openPalette(page);
  const box = palette.getByRole("combobox");

  await box.fill("sofa");
  const people = palette.getByRole("group", { name: "People" });
  await expect(people.getByRole("option", { name: /Sofia Alvarez/ })).toBeVisible();

  // The demo's coaching note about Tom is markdown ("with a *because*"): the snippet is the rendered text.
  await box.fill("because");
  const note = palette.getByRole("group", { name: "Notes" }).getByRole("option").first();
  await expect(note).toContainText("Tom Okafor");
  await expect(note).toContainText("saying no with a because");
  await expect(note).not.toContainText("*");
  await expect(note.locator("mark")).toHaveText(["because"]);
  await expectNoSeriousA11yIssues(page);

  // A talking point not discussed yet opens the person's 1:1s.
  await box.fill("slipping");
  const point = palette.getByRole("group", { name: "Talking points" }).getByRole("option", { name: /P99 is slipping again/ });
  await expect(point).toBeVisible();
  await point.click();
  await expect(page).toHaveURL(/\/one-on-ones\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "1:1s with Tom Okafor" })).toBeVisible();

  // An action finds its 1:1, typo included ("abstrat").
  await openPalette(page);
  await box.fill("sofia abstrat");
  await expect(palette.getByRole("group", { name: "Actions" }).getByRole("option", { name: /Review Sofia's talk abstract/ })).toBeVisible();
});

test("the actions on a person: prep for them, start a 1:1 with them; Esc goes back to the results", async ({ page }) => {
  let palette = await openPalette(page);
  await palette.getByRole("combobox").fill("sofia");
  const sofia = palette.getByRole("group", { name: "People" }).getByRole("option", { name: /Sofia Alvarez/ });
  await expect(sofia).toHaveAttribute("aria-selected", "true");

  await page.keyboard.press("ArrowRight");
  const actions = palette.getByRole("group", { name: "Actions for Sofia Alvarez" });
  await expect(actions.getByRole("option")).toHaveText(["Open Sofia Alvarez", "Prep for Sofia Alvarez", "Start a 1:1 with Sofia Alvarez"]);
  await page.keyboard.press("Escape");
  await expect(palette).toBeVisible();
  await expect(palette.getByRole("combobox")).toHaveValue("sofia");

  // Tab works too; Enter on "Start a 1:1" opens the booking for Sofia.
  await expect(sofia).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Tab");
  await actions.getByRole("option", { name: "Start a 1:1 with Sofia Alvarez" }).click();
  await expect(page).toHaveURL(/\/one-on-ones\/[0-9a-f-]{36}\?schedule=1$/);
  await expect(page.getByRole("dialog", { name: "Schedule a 1:1 with Sofia Alvarez" })).toBeVisible();
  await page.keyboard.press("Escape");

  palette = await openPalette(page);
  await palette.getByRole("combobox").fill("sofia");
  await expect(sofia).toHaveAttribute("aria-selected", "true");
  // For the pointer and for phones: the footer's button lists the same actions.
  await palette.getByRole("button", { name: /Actions/ }).click();
  await actions.getByRole("option", { name: "Prep for Sofia Alvarez" }).click();
  await expect(page).toHaveURL(/\/one-on-ones\/[0-9a-f-]{36}\/prep$/);
});

test("the actions on an area and a target: a new target for the area, a check-in", async ({ page }) => {
  let palette = await openPalette(page);
  await palette.getByRole("combobox").fill("core infra");
  // The results of every letter typed come in one after another: act on the last ones.
  await expect(palette.getByRole("listbox")).toHaveAttribute("data-results-for", "core infra");
  const area = palette.getByRole("group", { name: "Areas" }).getByRole("option", { name: /Core infrastructure/ });
  await expect(area).toBeVisible();
  await area.hover();
  await expect(area).toHaveAttribute("aria-selected", "true");
  await palette.getByRole("combobox").focus();
  await page.keyboard.press("Tab");
  await palette.getByRole("option", { name: "New target for this area" }).click();
  await expect(page).toHaveURL(/\/targets\?new=target&area=/);
  const form = page.getByRole("dialog", { name: "New target" });
  await expect(form.getByLabel("Area").locator("option:checked")).toHaveText("Core infrastructure");
  await page.keyboard.press("Escape");

  // The director set this target: they may check in on it.
  palette = await openPalette(page);
  await palette.getByRole("combobox").fill("kubernets");
  await expect(palette.getByRole("listbox")).toHaveAttribute("data-results-for", "kubernets");
  const target = palette.getByRole("group", { name: "Targets" }).getByRole("option", { name: /Move every service to Kubernetes/ });
  await expect(target).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowRight");
  await palette.getByRole("option", { name: "Check in" }).click();
  await expect(page).toHaveURL(/\/targets\/[0-9a-f-]{36}#metrics-heading$/);
  await expect(page.getByRole("heading", { level: 1, name: "Move every service to Kubernetes" })).toBeVisible();
});

test("the 1:1 notes search shows the rendered text, not the markdown", async ({ page }) => {
  await page.goto("/one-on-ones?q=because");
  const result = page.getByRole("link", { name: /Practised saying no with a because/ });
  await expect(result).toBeVisible();
  await expect(result).toContainText("Tom Okafor");
  await expect(result).not.toContainText("*");
  await expect(result.locator("mark")).toHaveText(["because"]);
});
