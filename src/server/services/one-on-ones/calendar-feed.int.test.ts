import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/test/database";
import { createUser, joinAsMember } from "@/test/factories";
import { parseFeed, type ParsedEvent } from "@/test/ical";
import { dayIn } from "@/lib/one-on-ones/days";
import { FixedWindowLimiter } from "@/lib/fixed-window-limiter";
import { serveCalendarFeed } from "@/server/api/rest/calendar-feed";

// The calendar feed end to end: made through the caller, fetched through the
// route handler's GET (the database it opens is the test's), parsed with
// ical.js as a calendar client would.
const current = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/server/db", () => ({ getDb: async () => current.db }));
const { GET } = await import("@/app/api/v1/calendar/[token]/route");

const database = useTestDatabase();
const ORIGIN = "https://intersect.example";
const DAY = 86_400_000;

beforeEach(() => {
  current.db = database.current.db;
  vi.stubEnv("AUTH_URL", `${ORIGIN}/`);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** GET the feed at `url` (as made by calendar.createFeed) through the route handler. */
async function fetchFeed(url: string) {
  const token = url.split("/api/v1/calendar/")[1]!;
  return GET(new Request(`http://localhost:3000/api/v1/calendar/${token}`), { params: Promise.resolve({ token }) });
}

async function eventsAt(url: string): Promise<ParsedEvent[]> {
  const response = await fetchFeed(url);
  expect(response.status).toBe(200);
  return parseFeed(await response.text()).events;
}

/** A manager (an admin at the top of a new org) and their report Sofia Petrova, who has an account. */
async function managerAndReport() {
  const manager = await createUser(database.current.db, { name: "Maya Manager" });
  const sofia = await manager.caller.people.create({
    name: "Sofia Petrova",
    track: "ic",
    level: "senior",
    managerId: manager.actor.personId,
    cadence: "weekly",
  });
  const report = await joinAsMember(database.current.db, manager, sofia.id);
  return { manager, sofia, report };
}

const inDays = (days: number, hourUtc = 9) => {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(hourUtc, 30, 0, 0);
  return d;
};

describe("calendar feed", () => {
  it("is made through the caller, shown once, and reported by its status without the URL", async () => {
    const user = await createUser(database.current.db);
    expect(await user.caller.calendar.feedStatus()).toEqual({ active: false, createdAt: null });
    const feed = await user.caller.calendar.createFeed();
    expect(feed.url).toMatch(new RegExp(`^${ORIGIN}/api/v1/calendar/isc_[A-Za-z0-9_-]{43}\\.ics$`));
    const status = await user.caller.calendar.feedStatus();
    expect(status.active).toBe(true);
    expect(status.createdAt).toEqual(feed.createdAt);
    expect(JSON.stringify(status)).not.toContain(feed.url.split("/").pop()!.slice(4, 20));
    const rows = await database.current.query("select token_hash from calendar_feeds where user_id = $1", [user.id]);
    const [row] = rows as { token_hash: string }[];
    expect(row!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("answers text/calendar with the manager's and the report's 1:1s, named for the other side, at their instant, linked to prep", async () => {
    const { manager, sofia, report } = await managerAndReport();
    const at = inDays(3);
    const meeting = await manager.caller.oneOnOnes.schedule({ personId: sofia.id, scheduledAt: at });
    const feed = await manager.caller.calendar.createFeed();

    const response = await fetchFeed(feed.url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, max-age=300");
    const { name, events } = parseFeed(await response.text());
    expect(name).toContain("1:1s");
    const event = events.find((e) => e.uid === `one-on-one-${meeting.id}@intersect`)!;
    expect(event.summary).toBe("1:1 with Sofia Petrova");
    expect(event.start.getTime()).toBe(at.getTime());
    expect(event.allDay).toBe(false);
    expect(event.description).toContain(`${ORIGIN}/one-on-ones/${sofia.id}/prep`);

    const reportFeed = await report.caller.calendar.createFeed();
    const [mine] = (await eventsAt(reportFeed.url)).filter((e) => e.uid === event.uid);
    expect(mine!.summary).toBe("1:1 with Maya Manager");
    expect(mine!.start.getTime()).toBe(at.getTime());
    expect(mine!.url).toBe(`${ORIGIN}/one-on-ones/prep`);
  });

  it("keeps a 1:1's UID when it moves, with a higher SEQUENCE and a newer DTSTAMP; a cancelled one leaves", async () => {
    const { manager, sofia } = await managerAndReport();
    const meeting = await manager.caller.oneOnOnes.schedule({ personId: sofia.id, scheduledAt: inDays(2) });
    // Booked an hour ago, so that the move is a later second than the booking.
    await database.current.db.execute(
      sql`update one_on_ones set created_at = now() - interval '1 hour', updated_at = now() - interval '1 hour' where id = ${meeting.id}`,
    );
    const feed = await manager.caller.calendar.createFeed();
    const uid = `one-on-one-${meeting.id}@intersect`;
    const before = (await eventsAt(feed.url)).find((e) => e.uid === uid)!;

    const moved = inDays(4, 14);
    await manager.caller.oneOnOnes.reschedule({ id: meeting.id, scheduledAt: moved });
    const after = (await eventsAt(feed.url)).filter((e) => e.uid === uid);
    expect(after).toHaveLength(1);
    expect(after[0]!.start.getTime()).toBe(moved.getTime());
    expect(after[0]!.sequence).toBeGreaterThan(before.sequence);
    expect(after[0]!.stamp.getTime()).toBeGreaterThan(before.stamp.getTime());

    await manager.caller.oneOnOnes.cancel({ id: meeting.id });
    expect((await eventsAt(feed.url)).some((e) => e.uid === uid)).toBe(false);
  });

  it("reminds the manager all day, in their zone, of a report whose 1:1 is overdue and not booked; not of a booked one", async () => {
    const { manager, sofia } = await managerAndReport();
    await manager.caller.oneOnOnes.schedule({ personId: sofia.id, scheduledAt: inDays(1) });
    const late = await manager.caller.people.create({
      name: "Luis Late",
      track: "ic",
      level: "senior",
      managerId: manager.actor.personId,
      cadence: "weekly",
    });
    // Both added three weeks ago and never met: their first 1:1 was due two weeks ago; Sofia's is booked, Luis's is not.
    await database.current.db.execute(sql`update people set created_at = now() - interval '21 days' where id in (${late.id}, ${sofia.id})`);
    await database.current.db.execute(sql`update users set time_zone = 'Pacific/Kiritimati' where id = ${manager.id}`);
    const feed = await manager.caller.calendar.createFeed();

    const events = await eventsAt(feed.url);
    const reminder = events.find((e) => e.uid === `due-${late.id}@intersect`)!;
    expect(reminder.allDay).toBe(true);
    expect(reminder.summary).toBe("Book a 1:1 with Luis Late (overdue)");
    // Kiritimati is UTC+14: its today is often the UTC tomorrow.
    expect(reminder.startDay).toBe(dayIn(new Date(), "Pacific/Kiritimati"));
    expect(reminder.url).toBe(`${ORIGIN}/one-on-ones/${late.id}`);
    expect(events.some((e) => e.uid === `due-${sofia.id}@intersect`)).toBe(false);

    // Once booked, the reminder goes; its UID stays the person's for the next time.
    await manager.caller.oneOnOnes.schedule({ personId: late.id, scheduledAt: inDays(2) });
    expect((await eventsAt(feed.url)).some((e) => e.uid === `due-${late.id}@intersect`)).toBe(false);
  });

  it("answers 404 after revoke, and for the old URL after regenerating, as for a token never made", async () => {
    const user = await createUser(database.current.db);
    const first = await user.caller.calendar.createFeed();
    expect((await fetchFeed(first.url)).status).toBe(200);

    const second = await user.caller.calendar.createFeed();
    expect(second.url).not.toBe(first.url);
    const old = await fetchFeed(first.url);
    expect(old.status).toBe(404);
    expect((await fetchFeed(second.url)).status).toBe(200);

    await user.caller.calendar.revokeFeed();
    const revoked = await fetchFeed(second.url);
    const unknown = await fetchFeed(`${ORIGIN}/api/v1/calendar/isc_${"A".repeat(43)}.ics`);
    const garbage = await fetchFeed(`${ORIGIN}/api/v1/calendar/..%2F..%2Fetc.ics`);
    for (const response of [old, revoked, unknown, garbage]) {
      expect(response.status).toBe(404);
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
    expect(await revoked.text()).toBe(await unknown.text());
    await expect(user.caller.calendar.revokeFeed()).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await user.caller.calendar.feedStatus()).toEqual({ active: false, createdAt: null });
  });

  it("holds nothing of another organisation, and a removed member's feed stops", async () => {
    const { manager, sofia, report } = await managerAndReport();
    const mine = await manager.caller.oneOnOnes.schedule({ personId: sofia.id, scheduledAt: inDays(2) });
    const other = await createUser(database.current.db, { name: "Olga Other" });
    const theirPerson = await other.caller.people.create({
      name: "Theo Theirs",
      track: "ic",
      level: "senior",
      managerId: other.actor.personId,
      cadence: "weekly",
    });
    const theirs = await other.caller.oneOnOnes.schedule({ personId: theirPerson.id, scheduledAt: inDays(2) });
    await database.current.db.execute(sql`update people set created_at = now() - interval '21 days' where id = ${theirPerson.id}`);

    const text = await (await fetchFeed((await manager.caller.calendar.createFeed()).url)).text();
    expect(text).toContain(mine.id);
    for (const foreign of [theirs.id, theirPerson.id, "Theo Theirs", "Olga Other"]) expect(text).not.toContain(foreign);
    const otherText = await (await fetchFeed((await other.caller.calendar.createFeed()).url)).text();
    expect(otherText).toContain(theirs.id);
    for (const foreign of [mine.id, sofia.id, "Sofia Petrova"]) expect(otherText).not.toContain(foreign);

    const reportFeed = await report.caller.calendar.createFeed();
    expect((await fetchFeed(reportFeed.url)).status).toBe(200);
    await manager.caller.members.remove({ userId: report.id });
    expect((await fetchFeed(reportFeed.url)).status).toBe(404);
  });
  it("answers 429 with Retry-After past the allowance, for that feed only", async () => {
    const [one, two] = [await createUser(database.current.db), await createUser(database.current.db)];
    const limiter = new FixedWindowLimiter(2, 60_000);
    const serve = async (user: typeof one) => {
      const token = (await user.caller.calendar.createFeed()).url.split("/").pop()!;
      return () => serveCalendarFeed(database.current.db, new Request(`http://localhost/api/v1/calendar/${token}`), token, limiter);
    };
    const [fetchOne, fetchTwo] = [await serve(one), await serve(two)];
    expect((await fetchOne()).status).toBe(200);
    expect((await fetchOne()).status).toBe(200);
    const refused = await fetchOne();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await fetchTwo()).status).toBe(200);
  });
});
