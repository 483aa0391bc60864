import { expect, test, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { mutate, newCredentials, query, signUp } from "./helpers";
import { accept, invite } from "./invitations";

// Targets the pair works on (issue #17, part 2): the demo's Search pair (Tom,
// the EM, and Sofia, the staff engineer) check in on the target their
// director set, by the form, by pasting and with Sofia's own API token; both
// comment and Sofia writes the weekly status. They see the definition
// read-only. The director sees the values, the thread and the status.

type TargetRow = { id: string; title: string };

const metricCard = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

test("an EM + staff pair check in on their shared target and comment; the director sees the values and the thread", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signUp(page, newCredentials("director"));
  await mutate(page, "people.loadDemo", undefined);
  const id = randomUUID().slice(0, 8);
  const tomLink = await invite(page, "Tom Okafor", `tom-${id}@example.com`);
  const sofiaLink = await invite(page, "Sofia Alvarez", `sofia-${id}@example.com`);
  const targets = (await query<{ items: TargetRow[] }>(page, "targets.list")).items;
  const target = targets.find((t) => t.title === "Search P99 latency under 300 ms")!;
  expect(target).toBeDefined();

  const tom = await accept(browser, tomLink, `Tom ${id}`);
  const sofia = await accept(browser, sofiaLink, `Sofia ${id}`);

  // Tom, an owner: the definition is read-only (no edit, status or metric buttons), and says whose it is.
  await tom.goto(`/targets/${target.id}`);
  await expect(tom.getByRole("heading", { level: 1, name: target.title })).toBeVisible();
  await expect(tom.getByTestId("definition-read-only")).toContainText("alone changes what is to be hit");
  await expect(tom.getByTestId("definition-read-only")).toContainText("You own it");
  await expect(tom.getByRole("button", { name: "Edit", exact: true })).toHaveCount(0);
  await expect(tom.getByRole("button", { name: "Add metric" })).toHaveCount(0);
  await expect(tom.getByRole("button", { name: "Delete target" })).toHaveCount(0);
  await expect(tom.getByRole("combobox", { name: "Status" })).toHaveCount(0);
  await expect(tom.getByRole("button", { name: "Edit P99 latency" })).toHaveCount(0);
  // The server agrees: a definition change from Tom is not found.
  const refused = await tom.request.post("/api/trpc/targets.setStatus", {
    data: { json: { id: target.id, status: "dropped" } },
    headers: { "content-type": "application/json" },
  });
  expect(refused.status()).toBe(404);

  // Tom checks in by the form and comments.
  const p99 = metricCard(tom, "P99 latency");
  await p99.getByLabel("Value").fill("540");
  await p99.getByRole("button", { name: "Add check-in" }).click();
  await expect(p99.getByText("540 ms", { exact: true }).first()).toBeVisible();
  const tomComments = tom.getByRole("region", { name: "Comments", exact: true });
  await tomComments.getByLabel("Add a comment").fill(`Cache warmed on the ranking path ${id}.`);
  await tomComments.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(tomComments.getByTestId("comment")).toContainText([`Cache warmed on the ranking path ${id}.`]);

  // Sofia pastes throughput values, pushes one with her own token, answers in the thread and writes the week's status.
  await sofia.goto(`/targets/${target.id}`);
  const throughput = metricCard(sofia, "Throughput");
  await throughput.getByRole("button", { name: "Paste many check-ins for Throughput" }).click();
  const paste = sofia.getByRole("dialog", { name: "Paste check-ins for Throughput" });
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await paste.getByLabel("Lines").fill(`${yesterday},1450`);
  await paste.getByRole("button", { name: "Add all" }).click();
  await expect(paste).toBeHidden();
  // No metric's Value field is left with a stale error after "Add all".
  await expect(sofia.getByText("Enter a number.")).toHaveCount(0);
  const metricId = (await throughput.getByTestId("metric-id").textContent())!.trim();
  const { token } = await mutate<{ token: string }>(sofia, "apiTokens.create", { name: "CI" });
  const pushed = await sofia.request.post(`/api/v1/metrics/${metricId}/check-ins`, {
    headers: { authorization: `Bearer ${token}` },
    data: { value: 1500, note: "from CI" },
  });
  expect(pushed.status()).toBe(201);
  await sofia.reload();
  await expect(metricCard(sofia, "Throughput").getByText("1,500 req/s", { exact: true }).first()).toBeVisible();

  const sofiaComments = sofia.getByRole("region", { name: "Comments", exact: true });
  await expect(sofiaComments.getByTestId("comment")).toContainText([`Cache warmed on the ranking path ${id}.`]);
  // Not hers to delete: Tom's comment has no delete button for her.
  await expect(sofiaComments.getByRole("button", { name: /^Delete your comment/ })).toHaveCount(0);
  await sofiaComments.getByLabel("Add a comment").fill(`Index rebuild next ${id}.`);
  await sofiaComments.getByLabel("Add a comment").press("Control+Enter");
  // Newest at the bottom.
  await expect(sofiaComments.getByTestId("comment")).toContainText([
    `Cache warmed on the ranking path ${id}.`,
    `Index rebuild next ${id}.`,
  ]);
  // A typo: she deletes hers (after confirming) and writes it again.
  await sofiaComments.getByLabel("Add a comment").fill(`Typo ${id}`);
  await sofiaComments.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(sofiaComments.getByTestId("comment")).toHaveCount(3);
  await sofiaComments
    .getByTestId("comment")
    .last()
    .getByRole("button", { name: /^Delete your comment/ })
    .click();
  await sofia.getByRole("dialog", { name: "Delete your comment?" }).getByRole("button", { name: "Delete comment" }).click();
  await expect(sofiaComments.getByTestId("comment")).toHaveCount(2);

  const status = sofia.getByRole("region", { name: "Weekly status", exact: true });
  await expect(status.getByTestId("status-empty")).toBeVisible();
  await status.getByRole("textbox").fill(`On track after the cache; the index is next ${id}.`);
  await status.getByRole("button", { name: "Save status" }).click();
  await expect(status.getByTestId("status-entry").first()).toContainText(`On track after the cache; the index is next ${id}.`);
  await expect(status.getByRole("button", { name: "Update status" })).toBeVisible();

  // The director (the controller) sees both owners' values, the thread and the week's status.
  await page.goto(`/targets/${target.id}`);
  await expect(metricCard(page, "P99 latency").getByText("540 ms", { exact: true }).first()).toBeVisible();
  await expect(metricCard(page, "Throughput").getByText("1,500 req/s", { exact: true }).first()).toBeVisible();
  const directorComments = page.getByRole("region", { name: "Comments", exact: true });
  await expect(directorComments.getByTestId("comment")).toContainText([
    `Cache warmed on the ranking path ${id}.`,
    `Index rebuild next ${id}.`,
  ]);
  await expect(directorComments).toContainText("Tom Okafor");
  await expect(directorComments).toContainText("Sofia Alvarez");
  await expect(directorComments).not.toContainText(`Typo ${id}`);
  await expect(page.getByRole("region", { name: "Weekly status", exact: true })).toContainText(
    `On track after the cache; the index is next ${id}.`,
  );
  await expect(page.getByTestId("definition-read-only")).toHaveCount(0);
});
