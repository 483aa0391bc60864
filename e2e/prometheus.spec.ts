import { expect, test } from "@playwright/test";
import { prometheusSkip, startTestPrometheus, type TestPrometheus } from "../src/test/prometheus";
import { expectNoSeriousA11yIssues, mutate, signUp } from "./helpers";

// A private Prometheus (Debian's, with a tiny exporter it scrapes every second) and the browser:
// an admin adds it as a data source and tests the connection, then a metric is bound to a PromQL
// query with its preview and shows where its values come from.
test.skip(prometheusSkip !== null, prometheusSkip ?? "");

let prom: TestPrometheus;
test.beforeAll(async () => {
  prom = await startTestPrometheus({ live: [{ metric: "e2e_checkout_p99_ms", labels: { service: "checkout" }, value: 42 }] });
  await prom.waitForScrape();
});
test.afterAll(async () => prom?.dispose());

test("an admin adds a Prometheus data source; a metric pulls from a query after a preview", async ({ page }) => {
  test.setTimeout(90_000);
  await signUp(page);
  const person = await mutate<{ id: string }>(page, "people.create", {
    name: "Sam SRE",
    track: "ic",
    level: "staff",
    managerId: null,
    cadence: "weekly",
  });
  const today = new Date().toISOString().slice(0, 10);
  const target = await mutate<{ id: string }>(page, "targets.create", {
    title: "Checkout under 50 ms",
    kind: "speed",
    ownerIds: [person.id],
    startDate: today,
    dueDate: "2027-12-31",
  });
  await mutate(page, "targets.addMetric", {
    targetId: target.id,
    name: "Checkout p99",
    unit: "ms",
    direction: "lower",
    baseline: 80,
    goal: 50,
  });

  // Organisation settings → Data sources.
  await page.goto("/organisation");
  await page.getByRole("button", { name: "Add data source" }).click();
  await page.getByLabel("Name", { exact: true }).last().fill("Local Prometheus");
  await page.getByLabel("Base URL").fill(prom.url);
  await page.getByRole("button", { name: "Add data source" }).click();
  await expect(page.getByText("Data source added.")).toBeVisible();
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByText(/Connected: Prometheus 2\./)).toBeVisible();
  await expectNoSeriousA11yIssues(page);

  // The metric: preview the query's value, then pull from it.
  await page.goto(`/targets/${target.id}`);
  await page.getByRole("button", { name: "Pull from Prometheus" }).click();
  await page.getByLabel("Data source").selectOption({ label: "Local Prometheus" });
  await page.getByLabel("PromQL query").fill('e2e_checkout_p99_ms{service="checkout"}');
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("Now:")).toContainText("42");
  await page.getByRole("button", { name: "Pull from this query" }).click();
  await expect(page.getByText(/From Prometheus, (just now|\d+ (seconds?|minutes?) ago|not pulled yet)/)).toBeVisible();
  await page.getByRole("button", { name: "Pull now" }).click();
  await expect(page.getByText("Pulled from Prometheus.")).toBeVisible();
  await expect(page.getByText("42 ms").first()).toBeVisible();
  await expectNoSeriousA11yIssues(page);
});
