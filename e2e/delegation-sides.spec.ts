import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { mutate, newCredentials, query, signUp } from "./helpers";
import { accept, invite } from "./invitations";

// Delegation seen from both sides (issue #17, part 4), in two browser contexts:
// the director (who delegates "Search latency work" to Sofia in the demo org)
// and Sofia, who joins through an invitation. Sofia proposes a level, the
// director accepts it; then they play a round of delegation poker: each picks
// without seeing the other's pick, both are revealed together, and the
// director records the agreed level. The task's history shows both.

type PersonRow = { id: string; name: string };
type Spectrum = { levels: { id: string; label: string }[] };

const TASK = "Search latency work";

test("a proposal is accepted, and a poker round is played, by the delegatee and the delegator", async ({ page, browser }) => {
  test.setTimeout(150_000);
  await signUp(page, newCredentials("director"));
  await mutate(page, "people.loadDemo", undefined);
  const id = randomUUID().slice(0, 8);
  const sofiaLink = await invite(page, "Sofia Alvarez", `sofia-${id}@example.com`);
  const sofia = await accept(browser, sofiaLink, `Sofia ${id}`);
  const people = (await query<{ items: PersonRow[] }>(page, "people.list")).items;
  const sofiaId = people.find((p) => p.name === "Sofia Alvarez")!.id;
  const levels = (await query<Spectrum>(page, "delegation.activeSpectrum")).levels;
  const level = (label: string) => levels.find((l) => l.label === label)!.id;

  // --- Sofia: from her Home to "Delegated to me": the level held, and why.
  await sofia
    .getByRole("link", { name: /Delegated to me/ })
    .first()
    .click();
  await expect(sofia.getByRole("heading", { level: 1, name: "Delegated to me" })).toBeVisible();
  const card = sofia.getByRole("list", { name: "Tasks delegated to you" }).getByRole("listitem").filter({ hasText: TASK });
  await expect(card).toContainText("Advise");
  await expect(card).toContainText("Owns the approach now");
  await expect(card).not.toContainText("competency");

  // She proposes "Inquire", with why.
  await card.getByRole("button", { name: "Propose a level" }).click();
  const propose = sofia.getByRole("dialog", { name: `Propose a level for “${TASK}”` });
  await propose.getByLabel("The level you would like").selectOption(level("Inquire"));
  await propose.getByLabel("Why").fill("I'd like to own the search latency work at 'inquire'");
  await propose.getByRole("button", { name: "Send proposal" }).click();
  await expect(propose).toBeHidden();
  await expect(card).toContainText("You proposed Inquire");
  await expect(card.getByRole("button", { name: "Propose a level" })).toHaveCount(0);

  // --- The director: the review shows current, suggested and desired side by side; they accept.
  await page.goto(`/delegation/${sofiaId}`);
  const row = page.getByRole("row").filter({ hasText: TASK });
  await expect(row).toContainText("Advise");
  await expect(row).toContainText("Inquire");
  await expect(row).toContainText("I'd like to own the search latency work");
  await row.getByRole("button", { name: "Answer proposal" }).click();
  const answer = page.getByRole("dialog", { name: "Sofia Alvarez proposes Inquire" });
  await answer.getByLabel("Your answer").fill("Agreed: tell me before changing the index layout");
  await answer.getByRole("button", { name: "Accept Inquire" }).click();
  await expect(answer).toBeHidden();
  await expect(row.getByRole("button", { name: "Answer proposal" })).toHaveCount(0);

  // --- Sofia sees the new level and the answer.
  await sofia.reload();
  await expect(card.getByText("Inquire", { exact: true })).toBeVisible();
  await expect(card).toContainText("accepted your proposal of Inquire");
  await expect(card).toContainText("tell me before changing the index layout");

  // --- Delegation poker: the director starts a round on the task.
  await page.getByRole("button", { name: "Play delegation poker" }).click();
  const start = page.getByRole("dialog", { name: "Delegation poker with Sofia Alvarez" });
  await start.getByRole("checkbox", { name: TASK }).check();
  await start.getByRole("button", { name: "Start round" }).click();
  await expect(page).toHaveURL(/\/delegation\/poker$/);
  const directorItem = page.getByRole("listitem", { name: TASK });
  await directorItem
    .getByRole("group", { name: `Your pick for ${TASK}` })
    .getByRole("button", { name: "Agree", exact: true })
    .click();
  await expect(directorItem.getByTestId("own-pick")).toHaveText("Agree");

  // Sofia's page shows the round: the director has picked, but what stays hidden (nor is it in the page's data).
  await sofia.reload();
  const sofiaItem = sofia.getByRole("listitem", { name: TASK });
  await expect(sofiaItem.getByTestId("their-pick")).toHaveText("Picked (hidden until both are in)");
  const rounds = await query<unknown>(sofia, "delegation.pokerRounds");
  expect(JSON.stringify(rounds)).not.toContain(level("Agree"));
  await sofiaItem
    .getByRole("group", { name: `Your pick for ${TASK}` })
    .getByRole("button", { name: "Delegate", exact: true })
    .click();
  // Both are revealed together, to both.
  await expect(sofiaItem.getByTestId("their-pick")).toHaveText("Agree");
  await expect(sofiaItem.getByTestId("own-pick")).toHaveText("Delegate");
  await expect(directorItem.getByTestId("their-pick")).toHaveText("Delegate"); // the director's page refreshes by itself

  // The director records the agreed level.
  await directorItem.getByLabel("Agreed level").selectOption(level("Advise"));
  await directorItem.getByLabel("Note (optional)").fill("Advise until the re-index ships");
  await directorItem.getByRole("button", { name: "Record agreed level" }).click();
  await expect(directorItem).toContainText("Agreed: Advise");

  // --- The history shows the proposal, the round, and where each level came from.
  await sofia.goto("/delegation/mine");
  await expect(card.getByText("Advise", { exact: true })).toBeVisible();
  await card.getByRole("button", { name: "History" }).click();
  const history = sofia.getByRole("dialog", { name: `History of “${TASK}”` });
  await expect(history).toContainText("Inquire → Advise");
  await expect(history).toContainText("Agreed in delegation poker (delegator picked Agree");
  await expect(history).toContainText("Delegation poker round: agreed Advise");
  await expect(history).toContainText("Proposed Inquire (from Advise): accepted");
  await expect(history).toContainText(/Agreed: Sofia .* proposed Inquire/);
});
