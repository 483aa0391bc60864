import { describe, expect, it } from "vitest";
import { parseFeed } from "@/test/ical";
import { calendarText, meetingEvent, MEETING_MINUTES, prepPath, reminderEvent, sequenceOf, type FeedMeeting } from "./feed-events";

const origin = "https://intersect.example";
const meeting: FeedMeeting = {
  id: "6b0b7c3e-1111-4c1e-9a53-2b1d7f3c0a01",
  status: "scheduled",
  scheduledAt: new Date("2026-12-03T09:30:00Z"),
  createdAt: new Date("2026-11-20T08:00:00Z"),
  updatedAt: new Date("2026-11-20T08:00:00Z"),
  side: "manager",
  personId: "0f0e0d0c-2222-4b1a-8c3d-4e5f6a7b8c9d",
  otherName: "Sofia Petrova",
};

const feedOf = (...events: Parameters<typeof calendarText>[0]) => parseFeed(calendarText(events, "Intersect 1:1s"));

describe("the calendar feed's events", () => {
  it("writes a 1:1 as its instant, named for the other side, linked to the prep page", () => {
    const { name, events } = feedOf(meetingEvent(meeting, origin));
    expect(name).toBe("Intersect 1:1s");
    const [event] = events;
    expect(event!.uid).toBe(`one-on-one-${meeting.id}@intersect`);
    expect(event!.summary).toBe("1:1 with Sofia Petrova");
    expect(event!.start.toISOString()).toBe("2026-12-03T09:30:00.000Z");
    expect(event!.end.getTime() - event!.start.getTime()).toBe(MEETING_MINUTES * 60_000);
    expect(event!.allDay).toBe(false);
    expect(event!.description).toContain(`${origin}/one-on-ones/${meeting.personId}/prep`);
    expect(event!.url).toBe(`${origin}/one-on-ones/${meeting.personId}/prep`);
    expect(event!.stamp.toISOString()).toBe(meeting.updatedAt.toISOString());
  });

  it("links the report to their own prep page, and a held 1:1 to its notes", () => {
    expect(prepPath({ ...meeting, side: "report" })).toBe("/one-on-ones/prep");
    const [held] = feedOf(meetingEvent({ ...meeting, status: "held" }, origin)).events;
    expect(held!.url).toBe(`${origin}/one-on-ones/meeting/${meeting.id}`);
  });

  it("keeps the UID across a change and raises SEQUENCE and DTSTAMP", () => {
    const moved = { ...meeting, scheduledAt: new Date("2026-12-04T10:00:00Z"), updatedAt: new Date("2026-11-21T08:00:00Z") };
    const [before] = feedOf(meetingEvent(meeting, origin)).events;
    const [after] = feedOf(meetingEvent(moved, origin)).events;
    expect(after!.uid).toBe(before!.uid);
    expect(after!.sequence).toBeGreaterThan(before!.sequence);
    expect(after!.stamp.getTime()).toBeGreaterThan(before!.stamp.getTime());
    expect(sequenceOf(meeting)).toBe(0);
    expect(sequenceOf(moved)).toBe(86_400);
  });

  it("puts a due reminder on its due day, and an overdue one on today, all day", () => {
    const due = { personId: meeting.personId, name: "Sofia Petrova", dueDay: "2026-12-05", today: "2026-12-01" };
    const generatedAt = new Date("2026-12-01T12:00:00Z");
    const [onDue] = feedOf(reminderEvent(due, origin, generatedAt)).events;
    expect(onDue!.uid).toBe(`due-${meeting.personId}@intersect`);
    expect(onDue!.allDay).toBe(true);
    expect(onDue!.startDay).toBe("2026-12-05");
    expect(onDue!.summary).toBe("Book a 1:1 with Sofia Petrova");
    expect(onDue!.url).toBe(`${origin}/one-on-ones/${meeting.personId}`);
    const [late] = feedOf(reminderEvent({ ...due, dueDay: "2026-11-25" }, origin, generatedAt)).events;
    expect(late!.startDay).toBe("2026-12-01");
    expect(late!.summary).toBe("Book a 1:1 with Sofia Petrova (overdue)");
    expect(late!.description).toContain("Due since 2026-11-25");
  });

  it("writes an empty calendar that still parses, with the refresh hints", () => {
    const text = calendarText([], "Intersect 1:1s");
    expect(parseFeed(text).events).toEqual([]);
    expect(text).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n");
  });

  it("escapes a name with the characters iCalendar reserves", () => {
    const [event] = feedOf(meetingEvent({ ...meeting, otherName: "Ana; O'Neil, Jr\\" }, origin)).events;
    expect(event!.summary).toBe("1:1 with Ana; O'Neil, Jr\\");
  });
});
