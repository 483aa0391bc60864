import { expect, test, type Page } from "@playwright/test";
import { mutate, signUp } from "./helpers";

/** The paths the page prefetches from now on (next/link's prefetches carry the next-router-prefetch header). */
function prefetchedPaths(page: Page) {
  const paths: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["next-router-prefetch"]) paths.push(new URL(request.url()).pathname);
  });
  return paths;
}

test("links prefetch on hover or focus, not in view; the main navigation still prefetches in view", async ({ page }) => {
  await signUp(page);
  await mutate(page, "people.loadDemo", undefined);
  const paths = prefetchedPaths(page);
  await page.reload();
  await page.waitForLoadState("networkidle");
  const due = page.getByRole("list", { name: "1:1s due" });
  const prep = due.getByRole("link", { name: "Prep for Sofia Alvarez" });
  await expect(prep).toBeVisible();
  const prepPath = new URL((await prep.getAttribute("href"))!, page.url()).pathname;

  // In view: the navigation's pages, and none of the dozens of links in Home's cards.
  const nav = await page
    .getByRole("navigation", { name: "Main" })
    .first()
    .getByRole("link")
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  await expect.poll(() => paths.filter((p) => p !== "/").length).toBeGreaterThan(0);
  expect(paths.filter((p) => !nav.includes(p))).toEqual([]);

  // Wanted: the pointer over a link prefetches its page; so does focus from the keyboard.
  await prep.hover();
  await expect.poll(() => paths).toContain(prepPath);
  const firstTarget = page.getByRole("list", { name: "Targets in trouble" }).getByRole("link").first();
  const targetPath = new URL((await firstTarget.getAttribute("href"))!, page.url()).pathname;
  expect(paths).not.toContain(targetPath);
  await firstTarget.focus();
  await expect.poll(() => paths).toContain(targetPath);

  // And the link still goes where it says.
  await prep.click();
  await expect(page.getByRole("heading", { level: 1, name: "Prep: 1:1 with Sofia Alvarez" })).toBeVisible();
});
