import { expect, test, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { mutate, newCredentials, query, signUp } from "./helpers";
import { accept, invite } from "./invitations";

// The inbox (issue #17, part 6): Sofia, the staff engineer, and her director,
// each in a browser of their own. Sofia adds a talking point to their 1:1; the
// director sees the unread count on Inbox in the navigation, opens the inbox,
// follows the item to Sofia's 1:1s (which marks it read), and the count goes.
// Sofia's own inbox stays empty: nobody hears of their own actions.

type PersonRow = { id: string; name: string };

/** The unread count on Inbox in whichever navigation is shown (the sidebar, or the phone's row). */
const unreadBadge = (page: Page) => page.locator('[data-testid="inbox-unread"]:visible');

test("Sofia adds a talking point; the director sees the count, opens the inbox, follows the item and it is read", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const director = await signUp(page, newCredentials("director"));
  const orgName = `${director.name.split(" ")[0]!}'s organisation`;
  await mutate(page, "people.loadDemo", undefined);
  const id = randomUUID().slice(0, 8);
  const sofiaEmail = `sofia-${id}@example.com`;
  const sofiaLink = await invite(page, "Sofia Alvarez", sofiaEmail);
  const people = (await query<{ items: PersonRow[] }>(page, "people.list")).items;
  const sofiaId = people.find((p) => p.name === "Sofia Alvarez")!.id;
  const meeting = await mutate<{ id: string }>(page, "oneOnOnes.schedule", { personId: sofiaId, scheduledAt: new Date() });

  // Nothing yet: no count, and the inbox says what will come.
  await page.goto("/inbox");
  await expect(page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
  await expect(page.getByText("Nothing here yet")).toBeVisible();
  await expect(unreadBadge(page)).toHaveCount(0);

  const sofia = await accept(browser, sofiaLink, `Sofia ${id}`, { email: sofiaEmail, orgName: orgName });
  await sofia.goto(`/one-on-ones/meeting/${meeting.id}`);
  await sofia.getByRole("textbox", { name: "Talking point" }).fill(`Staff promotion case ${id}`);
  await sofia.getByRole("button", { name: "Add point" }).click();
  await expect(sofia.getByText(`Staff promotion case ${id}`)).toBeVisible();

  // The director's navigation counts it (on the next page load or within a minute).
  await page.goto("/");
  await expect(unreadBadge(page)).toHaveText("1");
  await page
    .getByRole("link", { name: /^Inbox/ })
    .filter({ visible: true })
    .click();
  await expect(page).toHaveURL(/\/inbox$/);
  const item = page.getByRole("list", { name: "Inbox items" }).getByRole("link", { name: new RegExp(`Staff promotion case ${id}`) });
  await expect(item).toContainText(/added a talking point to .*1:1/);
  await expect(item).toContainText("(unread)");

  // Following it opens Sofia's 1:1s and marks it read: the count goes.
  await item.click();
  await expect(page).toHaveURL(new RegExp(`/one-on-ones/${sofiaId}$`));
  await expect(unreadBadge(page)).toHaveCount(0);
  await page.goto("/inbox");
  await expect(page.getByRole("button", { name: /^Mark unread: / })).toBeVisible();

  // Marked unread again and then read with the button, by keyboard.
  await page.getByRole("button", { name: /^Mark unread: / }).click();
  await expect(unreadBadge(page)).toHaveText("1");
  await page.getByRole("button", { name: /^Mark read: / }).focus();
  await page.keyboard.press("Enter");
  await expect(unreadBadge(page)).toHaveCount(0);

  // Sofia's own action is not in her inbox.
  await sofia.goto("/inbox");
  await expect(sofia.getByText("Nothing here yet")).toBeVisible();
  await sofia.context().close();
});
