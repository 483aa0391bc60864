import { everyone, only, shows, type Matrix } from "./types";

// 1:1s. A 1:1 belongs to its two people: R1 sees, adds and ticks their own
// things; E1, the manager who holds it, sees, adds and edits. Nobody else,
// the line above and admins included. A note is changed by its author alone,
// and a private note is read by its author alone. The holder books, moves,
// holds and cancels the meeting; the schema lets a skip-level hold a 1:1 of
// their own with someone further down (then they are its holder).

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
  "oneOnOnes.prep": { subject: "the prep page for R1's next 1:1", input: (org) => ({ personId: org.people.R1.id }), expect: theTwo() },
  "oneOnOnes.get": { subject: "R1's 1:1 with E1, held", input: (org) => ({ id: org.held.id }), expect: theTwo() },
  "oneOnOnes.schedule": {
    subject: "a new 1:1 with R1",
    input: (org) => ({ personId: org.people.R1.id, scheduledAt: soon() }),
    // A 1:1 belongs to its two people: the person's manager books it (no skip-level 1:1s in the app yet).
    expect: only("manager"),
  },
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
    // DESIGN lets the report add here too: that writing comes with issue #17; in #16 the report reads their side.
    expect: only("manager"),
  },
  "oneOnOnes.updatePoint": {
    subject: "E1's talking point for R1",
    input: (org) => ({ id: org.point.id, version: org.point.version, topic: "other", body: "Changed" }),
    expect: only("manager"),
  },
  "oneOnOnes.deletePoint": { subject: "E1's talking point for R1", input: (org) => ({ id: org.point.id }), expect: only("manager") },
  "oneOnOnes.setDiscussed": {
    subject: "E1's talking point for R1, in the next 1:1",
    input: (org) => ({ id: org.point.id, oneOnOneId: org.meeting.id }),
    expect: only("manager"),
  },

  "oneOnOnes.addAction": {
    subject: "R1's 1:1 actions",
    input: (org) => ({ personId: org.people.R1.id, oneOnOneId: org.meeting.id, assignee: "them", title: "A new action" }),
    // DESIGN lets the report add here too: that writing comes with issue #17; in #16 the report reads their side.
    expect: only("manager"),
  },
  "oneOnOnes.updateAction": {
    subject: "R1's action from the last 1:1",
    input: (org) => ({ id: org.action.id, version: org.action.version, assignee: "them", title: "Changed" }),
    expect: only("manager"),
  },
  "oneOnOnes.setActionDone": [
    // The report ticks their own with issue #17 (working together); until then the manager's side writes.
    { subject: "R1's own action (R1 ticks their own)", input: (org) => ({ id: org.action.id, done: true }), expect: only("manager") },
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
      // DESIGN lets the report add here too: that writing comes with issue #17; in #16 the report reads their side.
      expect: only("manager"),
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
      // DESIGN lets the report add here too: that writing comes with issue #17; in #16 the report reads their side.
      expect: only("manager"),
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
  ],
  "oneOnOnes.deleteNote": [
    { subject: "E1's shared note in R1's 1:1", input: (org) => ({ id: org.sharedNote.id }), expect: only("manager") },
    { subject: "E1's private note in R1's 1:1", input: (org) => ({ id: org.managerPrivate.id }), expect: only("manager") },
  ],

  "oneOnOnes.addGoal": {
    subject: "R1's growth goals",
    input: (org) => ({ personId: org.people.R1.id, title: "Mentor two engineers" }),
    // DESIGN lets the report add here too: that writing comes with issue #17; in #16 the report reads their side.
    expect: only("manager"),
  },
  "oneOnOnes.updateGoal": {
    subject: "R1's growth goal",
    input: (org) => ({ id: org.goal.id, version: org.goal.version, title: "Changed" }),
    expect: only("manager"),
  },
  "oneOnOnes.deleteGoal": { subject: "R1's growth goal", input: (org) => ({ id: org.goal.id }), expect: only("manager") },
};
