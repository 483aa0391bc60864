import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_CALENDAR_BYTES } from "./limits";
import { meetingsOfWeek, type CalendarMeeting, type WeekOptions } from "./parse";
import { loadLine, meetingLoad, suggestedTags } from "./summary";
import { midnightIn, zonedInstant } from "./zone";

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/calendar/${name}`, import.meta.url), "utf8");
const week = { weekStart: "2026-11-23", timeZone: "Europe/Berlin" };

function meetings(text: string, options: WeekOptions = week): CalendarMeeting[] {
  const result = meetingsOfWeek(text, options);
  if (!result.ok) throw new Error(result.problem);
  return result.meetings;
}
const brief = (m: CalendarMeeting) => `${m.start.toISOString()} ${m.minutes} ${m.recurring ? "R" : "-"}${m.allDay ? "A" : "-"} ${m.title}`;

describe("zone", () => {
  it("turns a wall-clock time into an instant on either side of a daylight-saving change", () => {
    expect(zonedInstant(2026, 3, 29, 1, 30, 0, "Europe/Berlin").toISOString()).toBe("2026-03-29T00:30:00.000Z");
    expect(zonedInstant(2026, 3, 29, 3, 30, 0, "Europe/Berlin").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(midnightIn("2026-11-23", "America/New_York").toISOString()).toBe("2026-11-23T05:00:00.000Z");
  });
});

describe("a Google Calendar export", () => {
  const text = fixture("google.ics");

  it("lists the week's meetings: the weekly rule without its EXDATE, the moved occurrence, the all-day event", () => {
    expect(meetings(text, { ...week, selfEmail: "alex@example.com" }).map(brief)).toEqual([
      "2026-11-23T08:30:00.000Z 15 R- Team standup",
      "2026-11-23T15:00:00.000Z 60 -- Hiring debrief",
      "2026-11-24T08:30:00.000Z 15 R- Team standup",
      "2026-11-24T12:00:00.000Z 30 -- 1:1 with Sam",
      "2026-11-25T13:00:00.000Z 120 -- Design review",
      "2026-11-26T08:30:00.000Z 15 R- Team standup",
      "2026-11-26T14:00:00.000Z 60 R- Platform sync (moved)",
      "2026-11-26T23:00:00.000Z 0 -A Offsite planning",
      "2026-11-27T08:30:00.000Z 15 R- Team standup",
    ]);
  });

  it("keeps a declined meeting when the user is not known, and leaves the cancelled one out", () => {
    const titles = meetings(text).map((m) => m.title);
    expect(titles).toContain("Vendor demo");
    expect(titles).not.toContain("Budget check-in");
    expect(titles).not.toContain("Retro (last week)");
  });

  it("gives each occurrence of a repeating event the event's UID", () => {
    const standups = meetings(text).filter((m) => m.title === "Team standup");
    expect(new Set(standups.map((m) => m.uid))).toEqual(new Set(["4k2j9d8f7s6a5q3w1e0r9t8y7u@google.com"]));
  });

  it("reads the week in the user's zone: the all-day event is the user's Friday", () => {
    const offsite = meetings(text, { weekStart: "2026-11-23", timeZone: "America/New_York" }).find((m) => m.allDay)!;
    expect(offsite.start.toISOString()).toBe("2026-11-27T05:00:00.000Z");
  });

  it("finds nothing in a week the calendar does not reach back to", () => {
    expect(meetings(text, { ...week, weekStart: "2026-09-28" })).toEqual([]);
  });
});

describe("an Outlook export", () => {
  it("reads Windows zone names through the file's VTIMEZONEs and applies the EXDATE", () => {
    expect(meetings(fixture("outlook.ics")).map(brief)).toEqual([
      "2026-11-23T09:00:00.000Z 60 R- Weekly leadership sync",
      "2026-11-24T12:00:00.000Z 120 -- Quarterly planning",
      "2026-11-25T15:00:00.000Z 30 -- Vendor call",
      "2026-11-25T23:00:00.000Z 0 -A Company holiday",
    ]);
  });
});

describe("files that cannot be imported", () => {
  it("refuses a file that is too large before reading it", () => {
    const result = meetingsOfWeek(`BEGIN:VCALENDAR\r\n${"X".repeat(MAX_CALENDAR_BYTES)}`, week);
    expect(result).toEqual({ ok: false, problem: expect.stringContaining("larger than 2 MB") });
  });

  it("refuses a file that is not a calendar", () => {
    expect(meetingsOfWeek("name,email\nSam,sam@example.com", week)).toEqual({
      ok: false,
      problem: expect.stringContaining("BEGIN:VCALENDAR"),
    });
  });

  it("names the line of a malformed file", () => {
    const broken = fixture("google.ics").replace("SUMMARY:Design review", "this line has no colon");
    const result = meetingsOfWeek(broken, week);
    expect(result.ok).toBe(false);
    const line = broken.split(/\r?\n/).indexOf("this line has no colon") + 1;
    expect(!result.ok && result.problem).toContain(`malformed on line ${line}`);
  });

  it("refuses a calendar that is cut off", () => {
    const cut = fixture("outlook.ics").split("END:VEVENT")[0]!;
    expect(meetingsOfWeek(cut, week)).toEqual({ ok: false, problem: expect.stringContaining("malformed") });
  });

  it("refuses a rule that repeats too often to expand", () => {
    const minutely = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "BEGIN:VEVENT",
      "UID:x",
      "DTSTART:20000101T000000Z",
      "DTEND:20000101T000100Z",
      "RRULE:FREQ=MINUTELY",
      "SUMMARY:Tick",
      "END:VEVENT",
      "END:VCALENDAR",
    ].join("\r\n");
    expect(meetingsOfWeek(minutely, week)).toEqual({ ok: false, problem: expect.stringContaining("too often") });
  });
});

describe("the week's meeting load", () => {
  const week1 = meetings(fixture("google.ics"), { ...week, selfEmail: "alex@example.com" });

  it("counts timed meetings and recurring ones, not all-day events", () => {
    const load = meetingLoad(week1, [], "Europe/Berlin");
    expect([load.meetingMinutes, load.recurringMinutes, load.afternoonBlocks]).toEqual([330, 120, 4]);
    expect(load.sentence).toBe(
      "5.5 h in meetings, 2 h of them recurring; 4 afternoon blocks, none with energy logged before and after it.",
    );
    expect(loadLine(load.meetingMinutes, load.recurringMinutes)).toBe("Meetings this week: 5.5 h (2 h recurring)");
  });

  it("tells after how many afternoon blocks the energy fell", () => {
    const entries = [
      // Monday: hiring debrief 16:00 (end of day) after a midday 7, end of day 4: fell.
      { day: "2026-11-23", slot: "middle" as const, level: 7 },
      { day: "2026-11-23", slot: "end" as const, level: 4 },
      // Tuesday: 1:1 at 13:00 (midday) after a start-of-day 6, midday 6: did not fall.
      { day: "2026-11-24", slot: "start" as const, level: 6 },
      { day: "2026-11-24", slot: "middle" as const, level: 6 },
      // Wednesday: design review 14:00–16:00 from midday into the end of day: 8 then 5, fell.
      { day: "2026-11-25", slot: "start" as const, level: 8 },
      { day: "2026-11-25", slot: "end" as const, level: 5 },
    ];
    const load = meetingLoad(week1, entries, "Europe/Berlin");
    expect([load.comparedBlocks, load.fellAfter]).toEqual([3, 2]);
    expect(load.sentence).toBe(
      "5.5 h in meetings, 2 h of them recurring; your energy fell after 2 of the 3 afternoon blocks (1 more without energy logged around it).",
    );
  });

  it("says so when there are no meetings", () => {
    expect(meetingLoad([], [], "UTC").sentence).toBe("No meetings in this week.");
  });
});

describe("tag suggestions", () => {
  it("offers the activities of a slot's tagged meetings", () => {
    const tagged = meetings(fixture("google.ics")).map((m) => ({
      ...m,
      activity: m.title === "Design review" ? "reviews" : m.title === "Team standup" ? "meetings" : null,
    }));
    expect(suggestedTags(tagged, "2026-11-25", "middle", "Europe/Berlin")).toEqual(["reviews"]);
    expect(suggestedTags(tagged, "2026-11-25", "end", "Europe/Berlin")).toEqual(["reviews"]);
    expect(suggestedTags(tagged, "2026-11-24", "start", "Europe/Berlin")).toEqual(["meetings"]);
    expect(suggestedTags(tagged, "2026-11-24", "end", "Europe/Berlin")).toEqual([]);
  });
});
