import ICAL from "ical.js";

/** An event of a feed as a calendar client reads it (ical.js, Mozilla's parser behind Thunderbird). */
export type ParsedEvent = {
  uid: string;
  summary: string;
  description: string;
  url: string | null;
  start: Date;
  end: Date;
  allDay: boolean;
  /** The all-day date as written ("2026-12-03"), for reminders. */
  startDay: string | null;
  sequence: number;
  stamp: Date;
};

/** Parses an .ics text with a real parser; throws on anything it cannot read. */
export function parseFeed(text: string): { name: string | null; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    const stamp = component.getFirstPropertyValue("dtstamp") as ICAL.Time;
    const url = component.getFirstPropertyValue("url");
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      url: typeof url === "string" ? url : null,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      allDay: event.startDate.isDate,
      startDay: event.startDate.isDate ? event.startDate.toString() : null,
      sequence: event.sequence ?? 0,
      stamp: stamp.toJSDate(),
    };
  });
  const name = calendar.getFirstPropertyValue("x-wr-calname");
  return { name: typeof name === "string" ? name : null, events };
}
