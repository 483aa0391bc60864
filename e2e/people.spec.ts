import { expect, test } from "@playwright/test";
import fs from "node:fs";
import { addPerson, mutate, pickPerson, signUp } from "./helpers";

test("add people on both tracks, build a two-level org, and see it in the org chart", async ({ page }) => {
  await signUp(page);
  await page.goto("/people");
  await expect(page.getByText("No people yet")).toBeVisible();

  await addPerson(page, { name: "Erin Manager", level: "Engineering Manager", leads: "Checkout team" });
  await addPerson(page, { name: "Sol Staff", track: "Individual contributor", level: "Staff Engineer", leads: "Checkout latency" });
  await addPerson(page, {
    name: "Ivy Senior",
    track: "Individual contributor",
    level: "Senior Engineer",
    reportsTo: "Erin Manager · Engineering Manager",
  });

  const erinRow = page.getByRole("row", { name: /^Erin Manager/ });
  await expect(erinRow).toContainText("Manager");
  await expect(erinRow).toContainText("1 / 1");
  await expect(page.getByRole("row", { name: /Ivy Senior/ })).toContainText("Erin Manager");

  // Filter by track, then search.
  await page.getByLabel("Track").selectOption({ label: "Individual contributor" });
  await expect(page.getByRole("link", { name: "Erin Manager" })).toBeHidden();
  await page.getByLabel("Track").selectOption({ label: "All tracks" });
  await page.keyboard.press("/");
  await expect(page.getByLabel("Search people")).toBeFocused();
  await page.keyboard.type("sol");
  await expect(page.getByRole("link", { name: "Ivy Senior" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Sol Staff" })).toBeVisible();

  await page.getByRole("link", { name: "Org chart" }).click();
  const chart = page.getByRole("main");
  await expect(chart.getByText("1 direct · 1 total")).toBeVisible();
  await chart.getByRole("link", { name: "Ivy Senior" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ivy Senior" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Reporting line up" })).toContainText("Erin Manager");
});

test("the reports-to picker never offers someone below the person", async ({ page }) => {
  await signUp(page);
  await page.goto("/people");
  await addPerson(page, { name: "Top Boss", level: "Director" });
  await addPerson(page, { name: "Mid Manager", level: "Engineering Manager", reportsTo: "Top Boss · Director" });
  await page.getByRole("link", { name: "Top Boss" }).click();
  await page.getByRole("button", { name: "Edit" }).click();
  // The picker does not offer people below (people.pick's notUnder); the server refuses it too (integration tests).
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("combobox", { name: "Reports to" }).fill("Mid");
  await expect(dialog.getByText("Nobody by that name.")).toBeVisible();
  await expect(dialog.getByRole("option", { name: /Mid Manager/ })).toHaveCount(0);
});

test("pair an EM and a staff engineer in an area, and see the partner on the person page", async ({ page }) => {
  await signUp(page);
  await page.goto("/people");
  await addPerson(page, { name: "Pat EM", level: "Engineering Manager" });
  await addPerson(page, { name: "Quinn Staff", track: "Individual contributor", level: "Staff Engineer" });
  await page.getByRole("link", { name: "Areas" }).click();
  await page.getByRole("button", { name: "New area" }).first().click();
  const dialog = page.getByRole("dialog", { name: "New area" });
  await dialog.getByLabel("Name").fill("Payments platform");
  await pickPerson(dialog, "Engineering manager", "Pat EM · Engineering Manager");
  await pickPerson(dialog, "Senior IC", "Quinn Staff · Staff Engineer");
  await dialog.getByRole("button", { name: "Create area" }).click();
  await page.getByRole("link", { name: "Payments platform" }).click();
  await page.getByRole("link", { name: "Pat EM" }).click();
  await expect(page.getByText("EM of the pair, with")).toBeVisible();
  await expect(page.getByRole("link", { name: "Quinn Staff" })).toBeVisible();
});

test("import a CSV with an error, fix it, import, and export", async ({ page }) => {
  await signUp(page);
  await page.goto("/people/import");
  const bad = [
    "name,email,title,track,level,manager_email",
    "Bo Manager,bo@example.com,EM,manager,Engineering Manager,",
    "Ana Report,ana@example.com,Engineer,ic,wizard,bo@example.com",
  ].join("\n");
  await page.getByLabel("Or paste CSV").fill(bad);
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByText("1 of 2 rows have errors")).toBeVisible();
  await expect(page.getByRole("row", { name: /Ana Report/ })).toContainText('"wizard" is not a level of the IC track.');
  await expect(page.getByRole("button", { name: "Import 2 people" })).toBeDisabled();

  await page.getByLabel("Or paste CSV").fill(bad.replace("wizard", "senior"));
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByText("All 2 rows are valid.")).toBeVisible();
  await page.getByRole("button", { name: "Import 2 people" }).click();
  await expect(page).toHaveURL(/\/people$/);
  await expect(page.getByRole("row", { name: /Ana Report/ })).toContainText("Bo Manager");

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const download = await downloading;
  const text = fs.readFileSync((await download.path())!, "utf8");
  expect(text).toContain("Ana Report,ana@example.com,Engineer,ic,Senior Engineer,bo@example.com");
});

test("load the demo organisation in one click, archive a manager and move their reports", async ({ page }) => {
  await signUp(page);
  await page.goto("/people");
  await page.getByRole("button", { name: "Load demo organisation" }).click();
  await expect(page.getByText(/Demo organisation loaded/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Priya Raman" })).toBeVisible();

  await page.getByRole("link", { name: "Tom Okafor" }).click();
  await page.getByRole("button", { name: "Archive" }).click();
  const dialog = page.getByRole("dialog", { name: "Archive Tom Okafor?" });
  await dialog.getByLabel(/Who do their 3 reports report to now/).selectOption({ label: "Sofia Alvarez" });
  await dialog.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByText("Tom Okafor archived.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 }).locator("..")).toContainText("Archived");

  await page.goto("/people/org");
  await expect(page.getByRole("main").getByRole("link", { name: "Tom Okafor" })).toBeHidden();
  const sofia = page
    .getByRole("main")
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: "Sofia Alvarez" }) })
    .last();
  await expect(sofia.locator("> div")).toContainText("3 direct · 3 total");
});

test("a long People list shows one page, then more on demand, and searches the whole organisation", async ({ page }) => {
  await signUp(page);
  const rows = ["name,email,title,track,level,manager_email"];
  for (let i = 0; i < 62; i++) rows.push(`Person ${String(i).padStart(2, "0")},p${i}@example.com,,ic,staff,`);
  await mutate(page, "people.commitImport", { csv: rows.join("\n") });
  await page.goto("/people");
  const table = page.getByRole("table");
  // One page of 50 (the server's first page, prefetched), and how many there are in all.
  await expect(table.getByRole("link", { name: /^Person \d+$/ })).toHaveCount(50);
  await expect(page.getByText("50 of 62 people shown")).toBeVisible();
  await page.getByRole("button", { name: "Show more people" }).click();
  await expect(table.getByRole("link", { name: /^Person \d+$/ })).toHaveCount(62);
  await expect(page.getByRole("button", { name: "Show more people" })).toHaveCount(0);
  await expect(page.getByText("62 people")).toBeVisible();
  // The search is the server's: a person beyond the first page is found, and the URL keeps it.
  await page.getByLabel("Search people").fill("Person 61");
  await expect(table.getByRole("link", { name: /^Person \d+$/ })).toHaveCount(1);
  await expect(page).toHaveURL(/q=Person\+61/);
  await page.reload();
  await expect(table.getByRole("link", { name: "Person 61" })).toBeVisible();
});
