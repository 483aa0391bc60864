import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { mutate, newCredentials, query, signUp } from "./helpers";
import { accept, invite } from "./invitations";

type PersonRow = { id: string; name: string };

// Hand-over when a manager changes (issue #17, part 5): in the demo
// organisation, Ravi Patel moves from Tom Okafor to Lena Fischer. Tom, the
// old manager, writes a hand-over note; Lena, in a fresh browser context,
// finds the hand-over on her Home and reads the page: Tom's note, the 1:1
// Tom held with Ravi and its talking point, Ravi's targets and levels, and
// never Tom's private note.

test("a person moves to a new manager: the old one writes a hand-over note, the new one reads the hand-over page", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signUp(page, newCredentials("handover"));
  await mutate(page, "people.loadDemo", undefined);
  const people = (await query<{ items: PersonRow[] }>(page, "people.list")).items;
  const idOf = (name: string) => people.find((p) => p.name === name)!.id;
  const ravi = idOf("Ravi Patel");

  const id = randomUUID().slice(0, 8);
  const tom = await accept(browser, await invite(page, "Tom Okafor", `tom-${id}@example.com`, idOf("Tom Okafor")), `Tom ${id}`);

  // Tom, Ravi's manager, holds a 1:1 with him: a talking point discussed, a shared note and a private one.
  const point = `Ravi wants to lead the ranking rewrite ${id}`;
  const shared = `Shared: Ravi's design review was excellent ${id}`;
  const secret = `Private: Ravi seemed stretched this month ${id}`;
  const meeting = await mutate<{ id: string }>(tom, "oneOnOnes.schedule", {
    personId: ravi,
    scheduledAt: new Date(Date.now() - 86_400_000),
    past: true, // recorded: a 1:1 in the past is refused otherwise
  });
  const added = await mutate<{ id: string }>(tom, "oneOnOnes.addPoint", { personId: ravi, topic: "growth", body: point });
  await mutate(tom, "oneOnOnes.setDiscussed", { id: added.id, oneOnOneId: meeting.id });
  await mutate(tom, "oneOnOnes.addNote", { personId: ravi, oneOnOneId: meeting.id, kind: "praise", body: shared });
  await mutate(tom, "oneOnOnes.addNote", { personId: ravi, oneOnOneId: meeting.id, kind: "observation", body: secret, private: true });
  await mutate(tom, "oneOnOnes.hold", { id: meeting.id });

  // The director moves Ravi to Lena Fischer, on Ravi's page.
  await page.goto(`/people/${ravi}`);
  await page.getByRole("button", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit Ravi Patel" });
  const reportsTo = dialog.getByRole("combobox", { name: "Reports to" });
  await reportsTo.fill("Lena Fischer");
  await dialog
    .getByRole("option", { name: /^Lena Fischer/ })
    .first()
    .click();
  await expect(reportsTo).toHaveValue(/^Lena Fischer/);
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();

  // Tom, the old manager, finds the hand-over on Ravi's page and leaves Lena a note.
  const note = `Ravi is ready for a staff promotion case; start it by March ${id}`;
  await tom.goto(`/people/${ravi}`);
  await tom.getByTestId("handover-link").click();
  await expect(tom.getByRole("heading", { level: 1, name: "Hand-over: Ravi Patel" })).toBeVisible();
  await tom.getByLabel(/Your note for Lena Fischer/).fill(note);
  await tom.getByRole("button", { name: "Save note" }).click();
  await expect(tom.getByTestId("handover-note")).toContainText(note);
  await expect(tom.locator("main")).not.toContainText(secret);

  // Lena signs in for the first time, in a browser of her own: Home tells her about Ravi.
  const lena = await accept(browser, await invite(page, "Lena Fischer", `lena-${id}@example.com`, idOf("Lena Fischer")), `Lena ${id}`);
  const handedOver = lena.getByRole("list", { name: "Hand-overs to you" });
  await expect(handedOver).toContainText("Ravi Patel");
  await expect(handedOver).toContainText("from Tom Okafor");
  await expect(handedOver).toContainText("With a note");
  await lena.getByRole("link", { name: "Hand-over of Ravi Patel" }).click();

  // The hand-over page: Tom's note, the 1:1 Tom held and its point, the shared note, Ravi's targets and levels.
  await expect(lena.getByRole("heading", { level: 1, name: "Hand-over: Ravi Patel" })).toBeVisible();
  await expect(lena.getByTestId("handover-note")).toContainText(note);
  await expect(lena.getByRole("list", { name: "Held 1:1s, latest first" })).toContainText(point);
  await expect(lena.getByRole("list", { name: "Held 1:1s, latest first" })).toContainText("with Tom Okafor");
  await expect(lena.locator("main")).toContainText(shared);
  await expect(lena.getByRole("heading", { name: "Targets" })).toBeVisible();
  await expect(lena.getByRole("heading", { name: "Delegation levels" })).toBeVisible();
  // Private notes stay with their author, on the page and in what was sent.
  await expect(lena.locator("main")).not.toContainText(secret);
  expect(await lena.content()).not.toContain(secret);
  // She cannot write Tom's note.
  await expect(lena.getByRole("button", { name: /Save (the )?note/ })).toHaveCount(0);

  // Ravi's page links to it too.
  await lena.goto(`/people/${ravi}`);
  await expect(lena.getByTestId("handover-link")).toContainText("Hand-over from Tom Okafor");

  // At a phone's width nothing scrolls sideways.
  await lena.setViewportSize({ width: 390, height: 844 });
  await lena.goto(`/people/${ravi}/handover`);
  await expect(lena.getByRole("heading", { level: 1, name: "Hand-over: Ravi Patel" })).toBeVisible();
  expect(await lena.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});
