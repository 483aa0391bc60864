import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { mutate, newCredentials, query, signUp } from "./helpers";

// Every page on a phone (issue #18, "Phones" and "Quality signals"): with the
// demo loaded, each page of the app at 390 px must not scroll sideways, must
// log no console error or page error (React's hydration error #418 among
// them), and must have no axe violation, in light and in dark. A second pass
// adds realistic-but-long content (an 85+ character identifier in titles, long
// unbroken words in a description, a talking point and actions) and must
// still not scroll sideways.
//
// The browser runs in another time zone and locale than the server, as a
// director's laptop on a trip does: a date formatted with the browser's own
// zone or locale during the server render then differs on hydration.
// SCREENSHOTS=1 keeps full-page screenshots of each page in test-results/, at 390 and 1440 px.
test.use({ viewport: { width: 390, height: 844 }, timezoneId: "Pacific/Auckland", locale: "en-GB" });

type Row = { id: string; name: string };
type TargetRow = { id: string; title: string };

/** The app's pages (src/app/(app)/**\/page.tsx) with real ids for the dynamic ones. */
async function pagesOf(page: Page, ids: { personId: string; targetId: string; meetingId: string; areaId: string; movedId: string }) {
  const { personId, targetId, meetingId, areaId, movedId } = ids;
  return [
    "/",
    "/people",
    "/people/org",
    "/people/import",
    "/people/areas",
    `/people/areas/${areaId}`,
    `/people/${personId}`,
    `/people/${movedId}/handover`,
    "/targets",
    "/targets/tree",
    `/targets/${targetId}`,
    "/delegation",
    "/delegation/mine",
    "/delegation/spectrum",
    "/delegation/poker",
    `/delegation/${personId}`,
    "/one-on-ones",
    "/one-on-ones/prep",
    `/one-on-ones/${personId}`,
    `/one-on-ones/${personId}/prep`,
    `/one-on-ones/meeting/${meetingId}`,
    "/capacity",
    "/capacity/plan",
    "/capacity/calendar",
    "/settings",
    "/organisation",
  ];
}

/** Collects console errors, page errors and failed responses for the page's life. */
function watch(page: Page) {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()} @ ${page.url()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message} @ ${page.url()}`));
  page.on("response", (r) => {
    if (r.status() >= 400 && r.url().startsWith("http://127.0.0.1")) {
      problems.push(`HTTP ${r.status()} ${r.url()} @ ${page.url()}`);
    }
  });
  return problems;
}

async function settle(page: Page, path: string) {
  const response = await page.goto(path);
  expect.soft(response?.status(), path).toBeLessThan(400);
  await expect.soft(page.getByRole("heading", { level: 1 }).first(), path).toBeVisible();
  await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined);
}

async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** What sticks out on the right (outside any scrolling box), to name in the failure. */
async function widest(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clipped = (el: Element | null): boolean => {
      // Walks the containing blocks: an absolutely positioned child escapes a scrolling parent that is not positioned.
      for (let p = (el as HTMLElement | null)?.offsetParent ?? null; p && p !== document.body; p = (p as HTMLElement).offsetParent) {
        const o = getComputedStyle(p).overflowX;
        if (o === "auto" || o === "scroll" || o === "hidden" || o === "clip") return true;
      }
      return false;
    };
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
      const r = el.getBoundingClientRect();
      if (r.right > window.innerWidth + 1 && !clipped(el) && out.length < 6) {
        out.push(
          `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 80)} (${Math.round(r.right)}px) "${(el.textContent ?? "").slice(0, 40)}"`,
        );
      }
    }
    return out.join("\n");
  });
}

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target.join(" ") ?? ""}`);
}

async function demo(page: Page) {
  await signUp(page, newCredentials("every-page"));
  await mutate(page, "people.loadDemo", undefined);
  const people = (await query<{ items: Row[] }>(page, "people.list")).items;
  const sofia = people.find((p) => p.name === "Sofia Alvarez")!;
  const targets = (await query<{ items: TargetRow[] }>(page, "targets.list")).items;
  const areas = await query<Row[]>(page, "areas.list");
  const meeting = await mutate<{ id: string }>(page, "oneOnOnes.schedule", { personId: sofia.id, scheduledAt: new Date() });
  // Someone who moved from the member to Sofia, for a hand-over page.
  const fields = { name: "Mo Moved", track: "ic", level: "senior", cadence: "weekly" } as const;
  const moved = await mutate<{ id: string; version: number }>(page, "people.create", { ...fields, managerId: null });
  await mutate(page, "people.update", { ...fields, id: moved.id, version: moved.version, managerId: sofia.id });
  return {
    people,
    sofia,
    ids: { personId: sofia.id, targetId: targets[0]!.id, meetingId: meeting.id, areaId: areas[0]!.id, movedId: moved.id },
  };
}

test("every page at 390 px, with the demo: no sideways scroll, no console error, no axe violation in light and dark", async ({ page }) => {
  test.setTimeout(300_000);
  const { ids } = await demo(page);
  const problems = watch(page);
  const failures: string[] = [];
  for (const path of await pagesOf(page, ids)) {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await settle(page, path);
      if (process.env.SCREENSHOTS) {
        const name = `${path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home"}-${colorScheme}`;
        await page.screenshot({ path: test.info().outputPath(`${name}-390.png`), fullPage: true });
        // The same page on a desktop window, for the review by eye; back to the phone for the checks.
        await page.setViewportSize({ width: 1440, height: 900 });
        await page.screenshot({ path: test.info().outputPath(`${name}-1440.png`), fullPage: true });
        await page.setViewportSize({ width: 390, height: 844 });
      }
      const over = await overflow(page);
      if (over > 0) failures.push(`${path} (${colorScheme}) scrolls ${over}px sideways:\n${await widest(page)}`);
      for (const v of await axe(page)) failures.push(`${path} (${colorScheme}) axe ${v}`);
    }
  }
  expect([...failures, ...problems]).toEqual([]);
});

test("every page at 390 px with long unbroken content: nothing scrolls sideways", async ({ page }) => {
  test.setTimeout(300_000);
  const { sofia, ids } = await demo(page);
  const id = randomUUID().slice(0, 8);
  const long = `https://example.com/very/long/path/${id}/${"abcdefghij".repeat(8)}`; // 85+ characters, no space
  const word = `Supercalifragilistic${"expialidocious".repeat(5)}${id}`;

  const person = await mutate<{ id: string }>(page, "people.create", {
    name: `Dana ${word}`,
    title: long.slice(0, 120),
    track: "ic",
    level: "senior",
    managerId: null,
    leads: long,
    cadence: "weekly",
  });
  const target = await mutate<{ id: string }>(page, "targets.create", {
    title: `Migrate ${long}`,
    description: `The ${word} service behind ${long} moves.`,
    kind: "reliability",
    ownerIds: [sofia.id, person.id],
    startDate: "2026-01-01",
    dueDate: "2026-12-31",
  });
  await mutate(page, "oneOnOnes.addPoint", { personId: sofia.id, topic: "growth", body: `Talk about ${word} and ${long}` });
  await mutate(page, "oneOnOnes.addAction", { personId: sofia.id, oneOnOneId: ids.meetingId, assignee: "them", title: `Write ${long}` });
  await mutate(page, "oneOnOnes.addAction", { personId: sofia.id, oneOnOneId: ids.meetingId, assignee: "me", title: `Ask about ${word}` });
  await mutate(page, "delegation.createTask", {
    personId: sofia.id,
    targetId: target.id,
    title: `Own ${long}`,
    description: word,
    competency: 3,
    criticality: 3,
  });

  const failures: string[] = [];
  const paths = [
    ...(await pagesOf(page, { ...ids, targetId: target.id })),
    `/people/${person.id}`,
    `/one-on-ones/${person.id}/prep`,
    `/delegation/${person.id}`,
  ];
  for (const path of paths) {
    await settle(page, path);
    if (process.env.SCREENSHOTS) {
      await page.screenshot({
        path: test.info().outputPath(`long-${path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home"}.png`),
        fullPage: true,
      });
    }
    const over = await overflow(page);
    if (over > 0) failures.push(`${path} scrolls ${over}px sideways:\n${await widest(page)}`);
  }
  expect(failures).toEqual([]);
});
