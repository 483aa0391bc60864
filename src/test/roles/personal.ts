import { expect } from "vitest";
import { weekStartOf } from "@/lib/energy/week";
import { everyone, only, shows, type Matrix } from "./types";

// The energy log, the weekly review and the capacity plan are their user's
// alone: nobody else, their manager and admins included, reads or changes
// them. Home is the caller's own page.

/** A calendar file with one meeting in no particular week: the import works (and finds nothing for the week). */
const CALENDAR_FILE = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "BEGIN:VEVENT",
  "UID:role@example.com",
  "DTSTART:20260105T100000Z",
  "DTEND:20260105T110000Z",
  "SUMMARY:Sync",
  "END:VEVENT",
  "END:VCALENDAR",
].join("\r\n");

const thisWeek = () => weekStartOf(new Date().toISOString().slice(0, 10));

export const personalMatrix: Matrix = {
  "energy.week": {
    subject: "the caller's week",
    input: (org) => ({ weekStart: weekStartOf(org.day) }),
    expect: everyone(),
    check: shows(["self"], (org) => org.selfPersonal.energy.id),
  },
  "energy.log": {
    subject: "the caller's own day",
    input: (org) => ({ day: org.day, slot: "middle", level: 6, tags: ["deep work"] }),
    expect: everyone(),
  },
  "energy.update": {
    subject: "R1's energy entry",
    input: (org) => ({ id: org.selfPersonal.energy.id, level: 9, tags: [] }),
    expect: only("self"),
  },
  "energy.delete": { subject: "R1's energy entry", input: (org) => ({ id: org.selfPersonal.energy.id }), expect: only("self") },
  "energy.setProductiveHours": { subject: "the caller's own day", input: (org) => ({ day: org.day, hours: 5 }), expect: everyone() },
  "energy.saveReview": {
    subject: "the caller's own week's review",
    input: (org) => ({ weekStart: weekStartOf(org.day), drains: "Meetings", version: 0 }),
    expect: everyone(),
  },
  "capacity.plan": {
    subject: "the caller's own week",
    input: () => ({ weekStart: thisWeek() }),
    expect: everyone(),
    check: shows(["self"], (org) => org.selfPersonal.item.id),
  },
  "capacity.saveSettings": {
    subject: "the caller's own week",
    input: () => ({ weekStart: thisWeek(), availableHours: 32, deepWorkCapPerDay: 3, bufferPercent: 20, oneOnOneMinutes: 30, version: 0 }),
    expect: everyone(),
  },
  "capacity.addItem": {
    subject: "the caller's own week",
    input: () => ({ weekStart: thisWeek(), title: "Planning", hours: 2 }),
    expect: everyone(),
  },
  "capacity.updateItem": {
    subject: "R1's capacity item",
    input: (org) => ({ id: org.selfPersonal.item.id, version: org.selfPersonal.item.version, title: "Changed", hours: 3 }),
    expect: only("self"),
  },
  "capacity.removeItem": {
    subject: "R1's capacity item",
    input: (org) => ({ id: org.selfPersonal.item.id, weekStart: org.weekStart }),
    expect: only("self"),
  },
  "calendarAudit.week": {
    subject: "the caller's own week of meetings",
    input: (org) => ({ weekStart: org.weekStart }),
    expect: everyone(),
    check: shows(["self"], (org) => org.selfPersonal.meeting.id),
  },
  "calendarAudit.import": {
    subject: "the caller's own week",
    input: (org) => ({ weekStart: org.weekStart, file: CALENDAR_FILE }),
    expect: everyone(),
  },
  "calendarAudit.tag": {
    subject: "R1's imported meeting",
    input: (org) => ({
      id: org.selfPersonal.meeting.id,
      activity: "planning",
      effect: "draining",
      version: org.selfPersonal.meeting.version,
    }),
    expect: only("self"),
  },
  "calendarAudit.clear": { subject: "the caller's own week", input: (org) => ({ weekStart: org.weekStart }), expect: everyone() },
  "home.summary": { subject: "the caller's Home", expect: everyone() },
  "home.search": {
    subject: "the palette's search for R1's name",
    input: () => ({ query: "Rae" }),
    expect: everyone(),
    // The chart is open inside the organisation: everyone in it finds R1. The shared note about R1 is the 1:1's two people's.
    check: (result, cell) => {
      shows(["self", "manager", "skip", "top", "pair", "peer", "unrelated", "admin"], (org) => org.people.R1.id)(result, cell);
      shows(["self", "manager"], (org) => org.sharedNote.id)(result, cell);
      if (cell.role === "skip" || cell.role === "top" || cell.role === "admin")
        expect(JSON.stringify(result)).not.toContain(cell.org.sharedNote.id);
    },
  },
};
