import { eq } from "drizzle-orm";
import { oneOnOnes } from "@/server/db/schema";
import { everyone, only, shows, type Matrix } from "./types";

// 1:1s. A 1:1 belongs to its two people (issue #17, the shared 1:1): R1 and
// E1, the manager who holds it, both see it, add talking points and write
// notes. E1 books, moves, holds and cancels the meeting, sets actions and
// goals and curates the agenda; R1 changes the points they added, ticks the
// actions assigned to them (never E1's) and may book their next 1:1 with E1
// while none is booked ahead. Nobody else, the line above and admins
// included. A note is changed by its author alone, and a private note is read
// by its author alone.

const soon = () => new Date(Date.now() + 2 * 86_400_000);
const theTwo = () => only("self", "manager");

export const oneOnOneMatrix: Matrix = {
  "oneOnOnes.overview": { subject: "the caller's 1:1s", expect: everyone(), check: shows(["manager"], (org) => org.meeting.id) },
  "oneOnOnes.search": {
    subject: "the caller's notes and points",
    input: () => ({ query: "Rae" }),
    expect: everyone(),
    check: shows(["self", "manager"], (org) => org.sharedNote.id),
  },
  "oneOnOnes.forPerson": { subject: "R1's 1:1s", input: (org) => ({ personId: org.people.R1.id }), expect: theTwo() },
  "oneOnOnes.history": [
    {
      subject: "R1's past 1:1s, the first page",
      input: (org) => ({ personId: org.people.R1.id }),
      expect: theTwo(),
      check: shows(["self", "manager"], (org) => org.held.id),
    },
    {
      subject: "R1's past 1:1s, after a cursor of another list's shape",
      input: (org) => ({ personId: org.people.R1.id, cursor: "WyJub3QgYSB0aW1lIl0" }),
      // The access check comes first: the two sides get the cursor's 400, counted as past it.
      expect: theTwo(),
      allowedAs: ["BAD_REQUEST"],
    },
  ],
  "oneOnOnes.others": {
    subject: "the people the caller held 1:1s with who report to someone else now",
    input: () => ({}),
    expect: everyone(),
  },
  "oneOnOnes.prep": { subject: "the prep page for R1's next 1:1", input: (org) => ({ personId: org.people.R1.id }), expect: theTwo() },
  "oneOnOnes.myPrep": {
    subject: "the caller's own prep page, for their next 1:1 with their manager",
    expect: everyone(),
    // R1's page shows what E1 added to the agenda and R1's action; E1's own page is about their 1:1 with D.
    check: shows(["self"], (org) => org.point.id),
  },
  "oneOnOnes.get": { subject: "R1's 1:1 with E1, held", input: (org) => ({ id: org.held.id }), expect: theTwo() },
  "oneOnOnes.schedule": [
    {
      subject: "a new 1:1 with R1",
      input: (org) => ({ personId: org.people.R1.id, scheduledAt: soon() }),
      // A 1:1 belongs to its two people: the manager books it, and R1 books their next one (none booked ahead here).
      prepare: (org, db) => db.delete(oneOnOnes).where(eq(oneOnOnes.id, org.meeting.id)),
      expect: theTwo(),
    },
    {
      subject: "a second 1:1 ahead with R1 (one is booked tomorrow)",
      input: (org) => ({ personId: org.people.R1.id, scheduledAt: soon() }),
      // R1 books only the next one: with one booked, E1 moves it (R1 is refused by that rule, past the access check).
      expect: theTwo(),
      allowedAs: ["BAD_REQUEST"],
    },
  ],
  "oneOnOnes.reschedule": {
    subject: "R1's next 1:1 with E1",
    input: (org) => ({ id: org.meeting.id, scheduledAt: soon() }),
    expect: only("manager"),
  },
  "oneOnOnes.hold": { subject: "R1's next 1:1 with E1", input: (org) => ({ id: org.meeting.id }), expect: only("manager") },
  "oneOnOnes.cancel": { subject: "R1's next 1:1 with E1", input: (org) => ({ id: org.meeting.id }), expect: only("manager") },
  "oneOnOnes.delete": { subject: "R1's next 1:1 with E1", input: (org) => ({ id: org.meeting.id }), expect: only("manager") },

  "oneOnOnes.addPoint": {
    subject: "R1's agenda",
    input: (org) => ({ personId: org.people.R1.id, topic: "other", body: "A new point" }),
    // Both people add points at any time.
    expect: theTwo(),
  },
  "oneOnOnes.updatePoint": [
    {
      subject: "E1's talking point for R1",
      input: (org) => ({ id: org.point.id, version: org.point.version, topic: "other", body: "Changed" }),
      expect: only("manager"),
    },
    {
      subject: "R1's own talking point",
      input: (org) => ({ id: org.theirPoint.id, version: org.theirPoint.version, topic: "other", body: "Changed" }),
      // The author changes their point; the manager curates the whole agenda.
      expect: theTwo(),
    },
  ],
  "oneOnOnes.deletePoint": [
    { subject: "E1's talking point for R1", input: (org) => ({ id: org.point.id }), expect: only("manager") },
    { subject: "R1's own talking point", input: (org) => ({ id: org.theirPoint.id }), expect: theTwo() },
  ],
  "oneOnOnes.setDiscussed": [
    {
      subject: "E1's talking point for R1, in the next 1:1",
      input: (org) => ({ id: org.point.id, oneOnOneId: org.meeting.id }),
      expect: only("manager"),
    },
    {
      subject: "R1's own talking point, in the next 1:1",
      input: (org) => ({ id: org.theirPoint.id, oneOnOneId: org.meeting.id }),
      expect: theTwo(),
    },
  ],

  "oneOnOnes.addAction": {
    subject: "R1's 1:1 actions",
    input: (org) => ({ personId: org.people.R1.id, oneOnOneId: org.meeting.id, assignee: "them", title: "A new action" }),
    // The manager sets actions on both sides; the report ticks theirs.
    expect: only("manager"),
  },
  "oneOnOnes.updateAction": {
    subject: "R1's action from the last 1:1",
    input: (org) => ({ id: org.action.id, version: org.action.version, assignee: "them", title: "Changed" }),
    expect: only("manager"),
  },
  "oneOnOnes.setActionDone": [
    // Each ticks their own: R1 the actions assigned to them, never E1's; E1 any of the 1:1's.
    { subject: "R1's own action (R1 ticks their own)", input: (org) => ({ id: org.action.id, done: true }), expect: theTwo() },
    { subject: "E1's action in R1's 1:1", input: (org) => ({ id: org.myAction.id, done: true }), expect: only("manager") },
  ],
  "oneOnOnes.deleteAction": { subject: "R1's action from the last 1:1", input: (org) => ({ id: org.action.id }), expect: only("manager") },

  "oneOnOnes.note": [
    { subject: "E1's shared note in R1's 1:1", input: (org) => ({ id: org.sharedNote.id }), expect: theTwo() },
    { subject: "E1's private note in R1's 1:1", input: (org) => ({ id: org.managerPrivate.id }), expect: only("manager") },
    { subject: "R1's private note in their 1:1", input: (org) => ({ id: org.selfPrivate.id }), expect: only("self") },
  ],
  "oneOnOnes.addNote": [
    {
      subject: "a shared note in R1's last 1:1",
      input: (org) => ({ personId: org.people.R1.id, oneOnOneId: org.held.id, kind: "observation", body: "New shared note" }),
      // Both people write shared notes.
      expect: theTwo(),
    },
    {
      subject: "a private note in R1's last 1:1",
      input: (org) => ({
        personId: org.people.R1.id,
        oneOnOneId: org.held.id,
        kind: "observation",
        body: "New private note",
        private: true,
      }),
      // Both write their own private notes (read by their author alone).
      expect: theTwo(),
    },
  ],
  "oneOnOnes.updateNote": [
    {
      subject: "E1's shared note in R1's 1:1",
      input: (org) => ({ id: org.sharedNote.id, version: org.sharedNote.version, kind: "praise", body: "Changed" }),
      expect: only("manager"),
    },
    {
      subject: "R1's private note",
      input: (org) => ({ id: org.selfPrivate.id, version: org.selfPrivate.version, kind: "praise", body: "Changed", private: true }),
      expect: only("self"),
    },
    {
      subject: "E1's private note in R1's 1:1 (R1 may not change a note they did not write)",
      input: (org) => ({ id: org.managerPrivate.id, version: org.managerPrivate.version, kind: "praise", body: "Changed", private: true }),
      expect: only("manager"),
    },
  ],
  "oneOnOnes.deleteNote": [
    { subject: "E1's shared note in R1's 1:1", input: (org) => ({ id: org.sharedNote.id }), expect: only("manager") },
    { subject: "E1's private note in R1's 1:1", input: (org) => ({ id: org.managerPrivate.id }), expect: only("manager") },
    { subject: "R1's private note in their 1:1", input: (org) => ({ id: org.selfPrivate.id }), expect: only("self") },
  ],

  "oneOnOnes.addGoal": {
    subject: "R1's growth goals",
    input: (org) => ({ personId: org.people.R1.id, title: "Mentor two engineers" }),
    // Growth goals are set by the manager with the report (the report reads them and links their notes to them).
    expect: only("manager"),
  },
  "oneOnOnes.updateGoal": {
    subject: "R1's growth goal",
    input: (org) => ({ id: org.goal.id, version: org.goal.version, title: "Changed" }),
    expect: only("manager"),
  },
  "oneOnOnes.deleteGoal": { subject: "R1's growth goal", input: (org) => ({ id: org.goal.id }), expect: only("manager") },
};
