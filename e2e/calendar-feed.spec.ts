import { expect, test } from "@playwright/test";
import { addPerson, expectNoSeriousA11yIssues, mutate, signUp } from "./helpers";

// The calendar feed from the settings page: made there, shown once, fetched
// with no session (as a calendar app does), holding the booked 1:1; the old
// URL stops when regenerated, the new one when revoked.
test("a calendar feed made in settings serves the booked 1:1 as an event", async ({ page, request }) => {
  test.setTimeout(90_000);
  await signUp(page);
  await page.goto("/people");
  await addPerson(page, { name: "Sofia Petrova", track: "Manager", level: "Engineering Manager" });
  await page.getByRole("link", { name: "Sofia Petrova", exact: true }).click();
  await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
  const personId = new URL(page.url()).pathname.split("/").at(-1)!;
  const at = new Date(Date.now() + 3 * 86_400_000);
  at.setUTCHours(9, 30, 0, 0);
  const meeting = await mutate<{ id: string }>(page, "oneOnOnes.schedule", { personId, scheduledAt: at });

  await page.goto("/settings");
  await page.getByRole("button", { name: "Create feed URL" }).click();
  const url = (await page.getByTestId("calendar-feed-url").textContent())!.trim();
  expect(url).toMatch(/\/api\/v1\/calendar\/isc_[A-Za-z0-9_-]{43}\.ics$/);
  await expect(page.getByText(/Your feed is on/)).toBeVisible();
  await expectNoSeriousA11yIssues(page);

  // A calendar app sends no cookie: the `request` fixture has none.
  const path = new URL(url).pathname;
  const feed = await request.get(path);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(feed.headers()["cache-control"]).toBe("private, max-age=300");
  // Long lines are folded (RFC 5545): a line break and a space continue a line.
  const text = (await feed.text()).replace(/\r\n[ \t]/g, "");
  expect(text).toContain(`UID:one-on-one-${meeting.id}@intersect`);
  expect(text).toContain("SUMMARY:1:1 with Sofia Petrova");
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  expect(text).toContain(`DTSTART:${stamp}`);
  expect(text).toContain(`/one-on-ones/${personId}/prep`);

  // Regenerating (confirmed) stops the old URL; revoking (confirmed) stops the new one.
  await page.getByRole("button", { name: "Regenerate URL" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Regenerate URL" }).click();
  await expect(page.getByTestId("calendar-feed-url")).not.toHaveText(url);
  const regenerated = (await page.getByTestId("calendar-feed-url").textContent())!.trim();
  expect((await request.get(path)).status()).toBe(404);
  expect((await request.get(new URL(regenerated).pathname)).status()).toBe(200);

  await page.getByRole("button", { name: "Revoke", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke feed" }).click();
  await expect(page.getByRole("button", { name: "Create feed URL" })).toBeVisible();
  expect((await request.get(new URL(regenerated).pathname)).status()).toBe(404);
});

test("the calendar feed card fits a phone's width", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signUp(page);
  await page.goto("/settings");
  await page.getByRole("button", { name: "Create feed URL" }).click();
  await expect(page.getByTestId("calendar-feed-url")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
