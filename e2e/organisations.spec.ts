import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { mutate, newCredentials, query, signUp } from "./helpers";
import { accept, invite } from "./invitations";

type PersonRow = { id: string; name: string };

// Organisations: a director invites people of the demo org, they accept in
// their own browsers, and a removed member's open session stops working.

test("a director invites a staff engineer and an EM; they join; a removed member's session stops working", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const director = await signUp(page, newCredentials("director"));
  await mutate(page, "people.loadDemo", undefined);
  const orgName = `${director.name.split(" ")[0]}'s organisation`;

  const id = randomUUID().slice(0, 8);
  const sofiaEmail = `sofia-${id}@example.com`;
  const tomEmail = `tom-${id}@example.com`;
  const sofiaLink = await invite(page, "Sofia Alvarez", sofiaEmail);
  const tomLink = await invite(page, "Tom Okafor", tomEmail);

  // Before they look: the director writes a private note in Sofia's 1:1s; it stays the director's alone.
  const people = (await query<{ items: PersonRow[] }>(page, "people.list")).items;
  const idOf = (name: string) => people.find((p) => p.name === name)!.id;
  const secret = `Private: thinking about Sofia's promotion case ${id}`;
  await mutate(page, "oneOnOnes.addNote", { personId: idOf("Sofia Alvarez"), kind: "observation", body: secret, private: true });
  await mutate(page, "oneOnOnes.schedule", { personId: idOf("Sofia Alvarez"), scheduledAt: new Date(Date.now() + 3 * 86_400_000) });

  const sofia = await accept(browser, sofiaLink, `Sofia ${id}`, { email: sofiaEmail, orgName: orgName });
  const tom = await accept(browser, tomLink, `Tom ${id}`, { email: tomEmail, orgName: orgName });

  // The staff engineer's own Home: the next 1:1 with the director, her targets and her delegation levels.
  await expect(sofia.getByText("Your next 1:1", { exact: true })).toBeVisible();
  await expect(sofia.getByText(`with ${director.name}`, { exact: true }).first()).toBeVisible();
  await expect(sofia.getByText(/No 1:1 is booked/)).toHaveCount(0);
  await expect(sofia.getByText("Your targets", { exact: true })).toBeVisible();
  await expect(sofia.getByText("Search P99 latency under 300 ms")).toBeVisible();
  await expect(sofia.getByText("How much is yours", { exact: true })).toBeVisible();
  await expect(sofia.getByText("Search latency work")).toBeVisible();
  await expect(sofia.locator("main")).not.toContainText(secret);
  // Her own 1:1s read fine, without the director's private note; someone else's 1:1s are not found.
  await sofia.goto(`/one-on-ones/${idOf("Sofia Alvarez")}`);
  await expect(sofia.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(sofia.locator("main")).not.toContainText(secret);
  expect(await sofia.content()).not.toContain(secret);
  await sofia.goto(`/one-on-ones/${idOf("Priya Raman")}`);
  await expect(sofia.getByRole("heading", { level: 1, name: "This page does not exist" })).toBeVisible();

  // The EM runs their own part of the chart: People lists their three reports, not the rest of the organisation.
  await tom.goto("/people");
  for (const name of ["Ravi Patel", "Ella Morris", "Kenji Watanabe"]) {
    await expect(tom.getByRole("link", { name, exact: true }).first()).toBeVisible();
  }
  await expect(tom.getByRole("link", { name: "Priya Raman", exact: true })).toHaveCount(0);
  // A task for their own report is theirs to set; one for someone outside their part is refused.
  await mutate(tom, "delegation.createTask", { personId: idOf("Ravi Patel"), title: "Search on-call rota", competency: 4, criticality: 2 });
  const refused = await tom.request.post("/api/trpc/delegation.createTask", {
    data: { json: { personId: idOf("Priya Raman"), title: "Not mine", competency: 3, criticality: 3 } },
    headers: { "content-type": "application/json" },
  });
  expect(refused.status()).toBe(404);
  // And a 1:1 with one of them, from the agenda to held.
  await tom.goto(`/one-on-ones/${idOf("Ravi Patel")}`);
  await expect(tom.getByRole("heading", { level: 1, name: "1:1s with Ravi Patel" })).toBeVisible();
  await tom.getByRole("textbox", { name: "Talking point" }).fill("On-call load after the ranking launch");
  await tom.getByRole("button", { name: "Add point" }).click();
  await expect(tom.getByRole("list", { name: "Talking points", exact: true })).toContainText("On-call load after the ranking launch");
  await tom.getByRole("button", { name: "Start a 1:1 now" }).click();
  await expect(tom.getByRole("heading", { level: 1, name: "1:1 with Ravi Patel" })).toBeVisible();
  await tom.getByRole("checkbox", { name: "Discussed: On-call load after the ranking launch" }).check();
  await tom.getByRole("button", { name: "Mark as held" }).click();
  await expect(tom.getByRole("button", { name: "Mark as held" })).toHaveCount(0);
  // The EM's Delegation page is their own delegations; the director's 1:1s with Priya are not theirs to open.
  await tom.goto(`/one-on-ones/${idOf("Priya Raman")}`);
  await expect(tom.getByRole("heading", { level: 1, name: "This page does not exist" })).toBeVisible();

  // The person pages now say they joined.
  await page.goto("/people");
  await page.getByRole("link", { name: "Sofia Alvarez", exact: true }).first().click();
  await expect(page.getByText("Joined", { exact: true })).toBeVisible();

  // A used link says so, in a browser of its own.
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(sofiaLink);
  await expect(stranger.getByRole("heading", { level: 1, name: "This invitation was already used" })).toBeVisible();
  await expect(stranger.getByText(/to send you a new invitation/)).toBeVisible();

  // A link opened while signed in as someone else says whose invitation it is.
  await page.goto("/people");
  const oneMoreLink = await invite(page, "Lena Fischer", `lena-${id}@example.com`);
  await tom.goto(oneMoreLink);
  await expect(tom.getByText(`This invitation is for lena-${id}@example.com`)).toBeVisible();
  await expect(tom.getByRole("button", { name: "Sign out to accept it" })).toBeVisible();

  // Organisation settings: both members are listed; removing Sofia ends her open session at once.
  await page.goto("/organisation");
  await expect(page.getByRole("heading", { level: 1, name: "Organisation settings" })).toBeVisible();
  const members = page.getByRole("list", { name: "Members" });
  await expect(members.getByTestId("member-row")).toHaveCount(3);
  await expect(page.getByRole("list", { name: "Invitations" })).toContainText("Lena Fischer");
  await page.getByRole("button", { name: `Remove Sofia ${id}` }).click();
  const confirm = page.getByRole("dialog", { name: `Remove Sofia ${id}?` });
  await confirm.getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByText(`Sofia ${id} was removed.`)).toBeVisible();
  await expect(members.getByTestId("member-row")).toHaveCount(2);

  // Her next request: the API answers 401 and a page sends her to sign-in, not a 500.
  expect((await sofia.request.get("/api/trpc/account.me")).status()).toBe(401);
  await sofia.goto("/people");
  await expect(sofia).toHaveURL(/\/sign-in/);
  // Tom is still in.
  await tom.goto("/people");
  await expect(tom).not.toHaveURL(/\/sign-in/);

  // A member is not an admin: Organisation settings is not found for Tom.
  await tom.goto("/organisation");
  await expect(tom.getByRole("heading", { level: 1, name: "This page does not exist" })).toBeVisible();
});
