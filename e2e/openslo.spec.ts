import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { addPerson, expectNoSeriousA11yIssues, pickPeople, signUp } from "./helpers";

const fixtures = path.resolve(import.meta.dirname, "../src/test/fixtures/openslo");

test("an OpenSLO file becomes a reliability target: its problems name their lines, its SLO shows and exports again", async ({ page }) => {
  test.setTimeout(90_000);
  await signUp(page);
  await page.goto("/people");
  await addPerson(page, { name: "Sam SRE", track: "Individual contributor", level: "Staff Engineer" });

  await page.goto("/targets");
  await page.getByRole("button", { name: "Import OpenSLO" }).click();
  const dialog = page.getByRole("dialog", { name: "Import OpenSLO" });
  await expectNoSeriousA11yIssues(page);

  // A file with a problem: the server names its line and field, and nothing is created.
  await dialog.getByLabel("OpenSLO file").fill(await readFile(path.join(fixtures, "missing-query.yaml"), "utf8"));
  await pickPeople(dialog, "Owners", ["Sam SRE"]);
  await dialog.getByRole("button", { name: "Import SLO" }).click();
  await expect(dialog.getByRole("alert")).toContainText(
    "line 15, column 13, spec.indicator.spec.ratioMetric.good.metricSource: missing spec",
  );

  // A good file, chosen with the file picker, replaces the text.
  await dialog.getByLabel("Or choose a file").setInputFiles(path.join(fixtures, "ratio-inline.yaml"));
  await expect(dialog.getByLabel("OpenSLO file")).toHaveValue(/checkout-availability/);
  await dialog.getByRole("button", { name: "Import SLO" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Checkout availability" })).toBeVisible();

  // The target: one availability metric, and the SLO panel without made-up budget figures.
  await expect(page.getByRole("region", { name: "Checkout answers", exact: true })).toBeVisible();
  const slo = page.getByTestId("target-slo");
  await expect(slo).toContainText("99.9% of events good");
  await expect(slo).toContainText("28 days, rolling");
  await expect(slo.getByText("Needs a Prometheus data source")).toHaveCount(2);
  await expectNoSeriousA11yIssues(page);

  // Export: an OpenSLO v1 SLO with its SLI inline.
  const download = page.waitForEvent("download");
  await slo.getByRole("button", { name: "Export as OpenSLO" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("checkout-availability.openslo.yaml");
  const text = await readFile((await file.path())!, "utf8");
  expect(text).toMatch(/^apiVersion: openslo\/v1\nkind: SLO\n/);
  expect(text).toContain("target: 0.999");

  // At phone width the panel fits without sideways scroll.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(slo).toBeVisible();
  // Name the widest element when something sticks out, so a failure says what to fix.
  await expect
    .poll(() =>
      page.evaluate(() => {
        if (document.documentElement.scrollWidth <= window.innerWidth) return "fits";
        const sticksOut = (e: Element | null) => !!e && e.getBoundingClientRect().right > window.innerWidth + 1;
        // The outermost elements that stick out: their parent still fits.
        const wide = [...document.querySelectorAll("body *")].filter((e) => sticksOut(e) && !sticksOut(e.parentElement));
        return wide
          .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}px`)
          .slice(-3)
          .join("\n");
      }),
    )
    .toBe("fits");
});
