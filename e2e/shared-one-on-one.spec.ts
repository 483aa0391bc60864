import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { mutate, newCredentials, query, signUp } from "./helpers";
import { accept, invite } from "./invitations";

// The shared 1:1 (issue #17, part 1): a director and Sofia, the staff engineer
// who reports to her, each in a browser of their own, run a 1:1 together.
// Both add talking points (each says who added it), each ticks their own
// action (Sofia cannot tick the director's), and once it is held both are
// offered the next one; Sofia books it, and has a prep page of her own.

type PersonRow = { id: string; name: string };

test("a staff engineer and her director run a 1:1: both add points, each ticks their own actions, both are offered the next one", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const director = await signUp(page, newCredentials("director"));
  const directorFirst = director.name.split(" ")[0]!;
  await mutate(page, "people.loadDemo", undefined);
  const orgName = `${directorFirst}'s organisation`;
  const id = randomUUID().slice(0, 8);
  const sofiaEmail = `sofia-${id}@example.com`;
  const sofiaLink = await invite(page, "Sofia Alvarez", sofiaEmail);

  // The director books the 1:1 for now and agrees an action on each side.
  const people = (await query<{ items: PersonRow[] }>(page, "people.list")).items;
  const sofiaId = people.find((p) => p.name === "Sofia Alvarez")!.id;
  const meeting = await mutate<{ id: string }>(page, "oneOnOnes.schedule", { personId: sofiaId, scheduledAt: new Date() });
  const hers = `Write the search RFC ${id}`;
  const his = `Ask for the search budget ${id}`;
  await mutate(page, "oneOnOnes.addAction", { personId: sofiaId, oneOnOneId: meeting.id, assignee: "them", title: hers });
  await mutate(page, "oneOnOnes.addAction", { personId: sofiaId, oneOnOneId: meeting.id, assignee: "me", title: his });

  const sofia = await accept(browser, sofiaLink, `Sofia ${id}`, { email: sofiaEmail, orgName: orgName });

  // Both add a point, in their own browsers.
  await page.goto(`/one-on-ones/meeting/${meeting.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "1:1 with Sofia Alvarez" })).toBeVisible();
  await page.getByRole("textbox", { name: "Talking point" }).fill(`Search latency plan ${id}`);
  await page.getByRole("button", { name: "Add point" }).click();

  await sofia.goto(`/one-on-ones/meeting/${meeting.id}`);
  await expect(sofia.getByRole("heading", { level: 1, name: `1:1 with ${director.name}` })).toBeVisible();
  await sofia.getByRole("textbox", { name: "Talking point" }).fill(`Staff promotion case ${id}`);
  await sofia.getByRole("button", { name: "Add point" }).click();
  const sofiaAgenda = sofia.getByRole("list", { name: "Talking points", exact: true });
  await expect(sofiaAgenda.getByRole("listitem").filter({ hasText: `Staff promotion case ${id}` })).toContainText("added by you");
  // The director's point says it is hers, and is not Sofia's to change.
  await sofia.reload();
  const directorsPoint = sofiaAgenda.getByRole("listitem").filter({ hasText: `Search latency plan ${id}` });
  await expect(directorsPoint).toContainText(`added by ${directorFirst}`);
  await expect(directorsPoint.getByRole("button", { name: /Edit talking point/ })).toHaveCount(0);

  // Sofia ticks her action; the director's is not hers to tick.
  await sofia.getByRole("checkbox", { name: `Done: ${hers}` }).check();
  await expect(sofia.getByText("Action done.")).toBeVisible();
  await expect(sofia.getByRole("checkbox", { name: `Done: ${his}` })).toBeDisabled();

  // The director sees Sofia's point with her name and her action done; ticks her own, and the points discussed.
  await page.reload();
  const agenda = page.getByRole("list", { name: "Talking points", exact: true });
  await expect(agenda.getByRole("listitem").filter({ hasText: `Staff promotion case ${id}` })).toContainText("added by Sofia");
  await expect(page.getByRole("list", { name: "Done" })).toContainText(hers);
  await page.getByRole("checkbox", { name: `Done: ${his}` }).check();
  await expect(page.getByText("Action done.")).toBeVisible();
  await page.getByRole("checkbox", { name: `Discussed: Staff promotion case ${id}` }).check();
  await expect(page.getByRole("list", { name: "Discussed in this 1:1" })).toContainText(`Staff promotion case ${id}`);
  await page.getByRole("button", { name: "Mark as held" }).click();
  await expect(page.getByRole("button", { name: "Mark as held" })).toHaveCount(0);

  // Held: both are offered the next one at the cadence; Sofia books it with the director.
  await expect(page.getByRole("button", { name: "Book the next 1:1" })).toBeVisible();
  await sofia.reload();
  await sofia.getByRole("button", { name: "Book the next 1:1" }).click();
  const dialog = sofia.getByRole("dialog", { name: `Schedule a 1:1 with ${director.name}` });
  await dialog.getByRole("button", { name: "Schedule" }).click();
  await expect(sofia.getByText(`1:1 with ${director.name} booked.`)).toBeVisible();
  await expect(sofia.getByRole("button", { name: "Book the next 1:1" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("button", { name: "Book the next 1:1" })).toHaveCount(0);

  // Sofia's own prep page for the next one: her side, and what the director adds meanwhile.
  await mutate(page, "oneOnOnes.addPoint", { personId: sofiaId, topic: "targets", body: `P99 after the index change ${id}` });
  await sofia.goto("/one-on-ones/prep");
  await expect(sofia.getByRole("heading", { level: 1, name: `Prepare your 1:1 with ${director.name}` })).toBeVisible();
  await expect(sofia.getByRole("list", { name: `Added by ${directorFirst}` })).toContainText(`P99 after the index change ${id}`);
  await expect(sofia.getByText("Your targets", { exact: true })).toBeVisible();
  await expect(sofia.getByText("Your delegation levels", { exact: true })).toBeVisible();
});
