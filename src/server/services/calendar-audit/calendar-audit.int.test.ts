import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { createUser, joinAsMember, type TestUser } from "@/test/factories";
import { snapshotOwnedRows } from "@/test/isolation/owned-rows";
import { MAX_CALENDAR_BYTES } from "@/lib/calendar-audit/limits";

const database = useTestDatabase();
const google = readFileSync(new URL("../../../test/fixtures/calendar/google.ics", import.meta.url), "utf8");
const outlook = readFileSync(new URL("../../../test/fixtures/calendar/outlook.ics", import.meta.url), "utf8");
const weekStart = "2026-11-23";

async function inBerlin(user: TestUser) {
  await user.caller.account.updateProfile({
    name: user.name,
    timeZone: "Europe/Berlin",
    version: (await user.caller.account.me()).version,
  });
}

describe("the calendar audit", () => {
  it("imports a week of a Google export and shows its meeting load beside the energy log", async () => {
    const user = await createUser(database.current.db);
    await inBerlin(user);
    expect(await user.caller.calendarAudit.import({ weekStart, file: google })).toMatchObject({ imported: 10, removed: 0, tagged: 0 });
    await user.caller.energy.log({ day: "2026-11-25", slot: "start", level: 8, tags: [] });
    await user.caller.energy.log({ day: "2026-11-25", slot: "end", level: 4, tags: [] });
    const week = await user.caller.calendarAudit.week({ weekStart });
    expect(week.meetings.map((m) => m.title)).toContain("Design review");
    expect(week.meetings.find((m) => m.title === "Offsite planning")).toMatchObject({ allDay: true, minutes: 0 });
    expect(week.load).toMatchObject({ meetingMinutes: 390, recurringMinutes: 120, comparedBlocks: 1, fellAfter: 1 });
    expect(week.load.sentence).toContain("6.5 h in meetings, 2 h of them recurring; your energy fell after 1 of the 1 afternoon block");
  });

  it("re-importing keeps the tags of the same occurrences and drops the meetings the file no longer has", async () => {
    const user = await createUser(database.current.db);
    await inBerlin(user);
    await user.caller.calendarAudit.import({ weekStart, file: google });
    const review = (await user.caller.calendarAudit.week({ weekStart })).meetings.find((m) => m.title === "Design review")!;
    const tagged = await user.caller.calendarAudit.tag({ id: review.id, activity: "Reviews", effect: "draining", version: review.version });
    expect(tagged).toMatchObject({ activity: "reviews", effect: "draining", version: 2 });
    // A stale list's edit is a conflict, not a silent overwrite.
    await expect(
      user.caller.calendarAudit.tag({ id: review.id, activity: "planning", effect: null, version: review.version }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const without = google.replace(/BEGIN:VEVENT\r\nDTSTART;TZID=Europe\/Berlin:20261123T160000[\s\S]*?END:VEVENT\r\n/, "");
    expect(await user.caller.calendarAudit.import({ weekStart, file: without })).toMatchObject({ imported: 9, removed: 1, tagged: 1 });
    const week = await user.caller.calendarAudit.week({ weekStart });
    expect(week.meetings.map((m) => m.title)).not.toContain("Hiring debrief");
    expect(week.meetings.find((m) => m.title === "Design review")).toMatchObject({
      id: review.id,
      activity: "reviews",
      effect: "draining",
    });

    expect(await user.caller.calendarAudit.clear({ weekStart })).toMatchObject({ removed: 9 });
    expect((await user.caller.calendarAudit.week({ weekStart })).meetings).toEqual([]);
  });

  it("reads an Outlook export with Windows zone names", async () => {
    const user = await createUser(database.current.db);
    await inBerlin(user);
    await user.caller.calendarAudit.import({ weekStart, file: outlook });
    const week = await user.caller.calendarAudit.week({ weekStart });
    expect(week.meetings.map((m) => [m.title, m.startsAt.toISOString()])).toEqual([
      ["Weekly leadership sync", "2026-11-23T09:00:00.000Z"],
      ["Quarterly planning", "2026-11-24T12:00:00.000Z"],
      ["Vendor call", "2026-11-25T15:00:00.000Z"],
      ["Company holiday", "2026-11-25T23:00:00.000Z"],
    ]);
  });

  it.each([
    ["too large", `BEGIN:VCALENDAR\r\n${"X".repeat(MAX_CALENDAR_BYTES)}`, "larger than 2 MB"],
    ["too large in bytes, not in characters", `BEGIN:VCALENDAR\r\n${"é".repeat(MAX_CALENDAR_BYTES / 2 + 10)}`, "larger than 2 MB"],
    ["malformed", google.replace("SUMMARY:Design review", "SUMMARY Design review"), "malformed on line"],
    ["not a calendar", "name,email\r\nSam,sam@example.com", "BEGIN:VCALENDAR"],
  ])("refuses a file that is %s with BAD_REQUEST and changes nothing", async (_what, file, message) => {
    const user = await createUser(database.current.db);
    await user.caller.calendarAudit.import({ weekStart, file: outlook });
    const before = await snapshotOwnedRows(database.current.db, user);
    await expect(user.caller.calendarAudit.import({ weekStart, file })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining(message),
    });
    expect(await snapshotOwnedRows(database.current.db, user)).toEqual(before);
  });

  it("is the user's alone: another member of the organisation cannot list, tag or clear it", async () => {
    const owner = await createUser(database.current.db);
    await owner.caller.calendarAudit.import({ weekStart, file: google });
    const [meeting] = (await owner.caller.calendarAudit.week({ weekStart })).meetings;
    const person = await owner.caller.people.create({ name: "Peer", track: "manager", level: "em", managerId: null, cadence: "weekly" });
    const other = await joinAsMember(database.current.db, owner, person.id);
    expect((await other.caller.calendarAudit.week({ weekStart })).meetings).toEqual([]);
    await expect(
      other.caller.calendarAudit.tag({ id: meeting!.id, activity: "x", effect: "draining", version: meeting!.version }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await other.caller.calendarAudit.clear({ weekStart });
    expect((await owner.caller.calendarAudit.week({ weekStart })).meetings).toHaveLength(10);
  });
});
