import { readFileSync } from "node:fs";
import path from "node:path";
import type { Kind, World } from "./world";

/**
 * For every procedure that takes ids: an input naming only the caller's own
 * rows (`base`), and the kind of row each id field names. The harness puts
 * the other account's row of that kind into one field at a time.
 *
 * `expect`: "NOT_FOUND" (the default), or "empty" for list filters, where a
 * foreign id finds nothing, exactly as an unknown one.
 */
export type ForeignIdCase = {
  base: (own: World) => Record<string, unknown>;
  /** Kinds of the fields DEFAULT_KINDS does not decide (always `id`). */
  kinds?: Record<string, Kind>;
  expect?: "NOT_FOUND" | "empty";
  /** Called as the world's delegatee (who proposes a level for their task) instead of its owner. */
  as?: "delegatee";
};

/** What a field of this name names, wherever it appears. */
export const DEFAULT_KINDS: Record<string, Kind> = {
  personId: "person",
  managerId: "person",
  reportsGoTo: "person",
  emPersonId: "person",
  icPersonId: "person",
  ownerIds: "person",
  areaId: "area",
  targetId: "target",
  parentId: "target",
  metricId: "metric",
  oneOnOneId: "meeting",
  goalId: "goal",
  levelId: "level",
  dataSourceId: "dataSource",
};

const person = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  track: "manager",
  level: "em",
  managerId: null,
  cadence: "weekly",
  ...extra,
});
const target = (w: World) => ({
  title: "Mine",
  kind: "speed",
  areaId: w.area.id,
  ownerIds: [w.person.id],
  startDate: "2026-01-01",
  dueDate: "2026-06-30",
});
const sloYaml = () => readFileSync(path.resolve(import.meta.dirname, "../fixtures/openslo/ratio-inline.yaml"), "utf8");
const levels = (w: World) => w.otherSpectrum.levels.map((l) => ({ id: l.id, label: l.label, meaning: l.meaning, autonomy: l.autonomy }));
const soon = () => new Date(Date.now() + 2 * 86_400_000);

export const foreignIdCases: Record<string, ForeignIdCase> = {
  "people.list": { base: (w) => ({ managerId: w.person.id, areaId: w.area.id }), expect: "empty" },
  "people.findSimilar": { base: (w) => ({ name: "Someone", excludeId: w.person.id }), kinds: { excludeId: "person" } },
  "people.get": { base: (w) => ({ id: w.person.id }), kinds: { id: "person" } },
  "people.pick": {
    base: (w) => ({ query: "a", ids: [w.person.id], notUnder: w.report.id }),
    kinds: { "ids[]": "person", notUnder: "person" },
  },
  "people.orgChartBranch": { base: (w) => ({ id: w.person.id }), kinds: { id: "person" } },
  "people.create": { base: (w) => person("New", { managerId: w.person.id }) },
  "people.update": {
    base: (w) => ({ ...person("Renamed", { track: "ic", level: "staff", managerId: w.person.id }), id: w.report.id }),
    kinds: { id: "person" },
  },
  "people.archive": { base: (w) => ({ id: w.person.id, reportsGoTo: w.peer.id }), kinds: { id: "person" } },
  "people.restore": { base: (w) => ({ id: w.archived.id }), kinds: { id: "person" } },

  "areas.get": { base: (w) => ({ id: w.area.id }), kinds: { id: "area" } },
  "areas.create": { base: (w) => ({ name: "New", emPersonId: w.peer.id, icPersonId: w.report.id }) },
  "areas.update": {
    base: (w) => ({ id: w.area.id, name: "Renamed", emPersonId: w.peer.id, icPersonId: w.report.id }),
    kinds: { id: "area" },
  },
  "areas.delete": { base: (w) => ({ id: w.area.id }), kinds: { id: "area" } },

  "targets.list": { base: (w) => ({ personId: w.person.id, areaId: w.area.id }), expect: "empty" },
  "targets.findSimilar": { base: (w) => ({ title: "Something", excludeId: w.target.id }), kinds: { excludeId: "target" } },
  "targets.get": { base: (w) => ({ id: w.target.id }), kinds: { id: "target" } },
  "targets.importOpenSlo": {
    base: (w) => ({ areaId: w.area.id, ownerIds: [w.person.id], startDate: "2026-01-01", dueDate: "2026-06-30", yaml: sloYaml() }),
  },
  "targets.exportOpenSlo": { base: (w) => ({ targetId: w.sloTarget.id }), kinds: { targetId: "sloTarget" } },
  "targets.measureSlo": { base: (w) => ({ targetId: w.sloTarget.id }), kinds: { targetId: "sloTarget" } },
  "targets.create": { base: target },
  "targets.update": { base: (w) => ({ ...target(w), id: w.target.id }), kinds: { id: "target" } },
  "targets.setStatus": { base: (w) => ({ id: w.target.id, status: "dropped" }), kinds: { id: "target" } },
  "targets.delete": { base: (w) => ({ id: w.target.id }), kinds: { id: "target" } },
  "targets.addMetric": { base: (w) => ({ targetId: w.target.id, name: "New", kind: "milestone" }) },
  "targets.updateMetric": { base: (w) => ({ id: w.metric.id, name: "Renamed", kind: "milestone" }), kinds: { id: "metric" } },
  "targets.deleteMetric": { base: (w) => ({ id: w.metric.id }), kinds: { id: "metric" } },
  "targets.setMilestoneDone": { base: (w) => ({ id: w.milestone.id, done: true }), kinds: { id: "milestone" } },
  "targets.addCheckIn": { base: (w) => ({ metricId: w.metric.id, value: 1, at: new Date("2026-02-02") }) },
  "targets.addCheckIns": { base: (w) => ({ metricId: w.metric.id, text: "2026-02-03,2" }) },
  "targets.updateCheckIn": { base: (w) => ({ id: w.checkIn.id, value: 0, at: new Date("2026-02-03") }), kinds: { id: "checkIn" } },
  "targets.deleteCheckIn": { base: (w) => ({ id: w.checkIn.id }), kinds: { id: "checkIn" } },
  "targets.comments": { base: (w) => ({ targetId: w.target.id }) },
  "targets.addComment": { base: (w) => ({ targetId: w.target.id, body: "Mine" }) },
  "targets.deleteComment": { base: (w) => ({ id: w.comment.id }), kinds: { id: "comment" } },
  "targets.statusUpdates": { base: (w) => ({ targetId: w.target.id }) },
  "targets.saveStatus": { base: (w) => ({ targetId: w.target.id, body: "Mine", version: w.status.version }) },
  // Cascading targets: the tree around a target, and a move (its own target made top-level; a foreign parent or target in turn).
  "targets.tree": { base: (w) => ({ id: w.target.id }), kinds: { id: "target" } },
  "targets.treeBranch": { base: (w) => ({ id: w.target.id }), kinds: { id: "target" } },
  "targets.checkIns": { base: (w) => ({ metricId: w.metric.id }) },
  "targets.setParent": { base: (w) => ({ id: w.target.id, parentId: null }), kinds: { id: "target" } },

  "apiTokens.revoke": { base: (w) => ({ id: w.token.id }), kinds: { id: "token" } },
  "integrations.updateDataSource": {
    base: (w) => ({ id: w.dataSource.id, name: "Renamed", baseUrl: "http://127.0.0.1:9", authKind: "bearer" }),
    kinds: { id: "dataSource" },
  },
  "integrations.binding": { base: (w) => ({ metricId: w.metric.id }) },
  "integrations.previewQuery": { base: (w) => ({ metricId: w.metric.id, dataSourceId: w.dataSource.id, query: "up" }) },
  "integrations.bindMetric": { base: (w) => ({ metricId: w.metric.id, dataSourceId: w.dataSource.id, query: "up", intervalMinutes: 60 }) },
  "integrations.unbindMetric": { base: (w) => ({ metricId: w.metric.id }) },
  "integrations.pullNow": { base: (w) => ({ metricId: w.metric.id }) },
  "integrations.deleteDataSource": { base: (w) => ({ id: w.dataSource.id }), kinds: { id: "dataSource" } },
  "integrations.testDataSource": { base: (w) => ({ id: w.dataSource.id }), kinds: { id: "dataSource" } },

  "members.invite": { base: (w) => ({ personId: w.person.id, email: "invitee@example.com" }) },
  "members.revokeInvitation": { base: (w) => ({ id: w.invitation.id }), kinds: { id: "invitation" } },
  "members.statusOf": { base: (w) => ({ personId: w.person.id }) },
  "members.changeRole": { base: (w) => ({ userId: w.member!.id, role: "member", version: 1 }), kinds: { userId: "member" } },
  "members.remove": { base: (w) => ({ userId: w.member!.id }), kinds: { userId: "member" } },
  "members.switchOrganisation": { base: (w) => ({ orgId: w.org.id }), kinds: { orgId: "org" } },

  "delegation.updateSpectrum": {
    base: (w) => ({ id: w.otherSpectrum.id, name: "Mine", levels: levels(w) }),
    kinds: { id: "spectrum", "levels[].id": "level" },
  },
  "delegation.previewSwitch": { base: (w) => ({ id: w.otherSpectrum.id }), kinds: { id: "spectrum" } },
  "delegation.activateSpectrum": { base: (w) => ({ id: w.otherSpectrum.id }), kinds: { id: "spectrum" } },
  "delegation.createTask": {
    base: (w) => ({ personId: w.report.id, targetId: w.target.id, levelId: w.level.id, title: "New", competency: 3, criticality: 3 }),
  },
  "delegation.updateTask": {
    base: (w) => ({ id: w.task.id, targetId: w.target.id, title: "Renamed", competency: 4, criticality: 2 }),
    kinds: { id: "task" },
  },
  "delegation.deleteTask": { base: (w) => ({ id: w.task.id }), kinds: { id: "task" } },
  "delegation.setLevel": { base: (w) => ({ id: w.task.id, levelId: w.spectrum.levels[2]!.id, reason: "Ready" }), kinds: { id: "task" } },
  "delegation.history": { base: (w) => ({ id: w.task.id }), kinds: { id: "task" } },
  "delegation.review": { base: (w) => ({ personId: w.report.id }) },
  // Seen from both sides (the world's rows made given the database; see world.ts).
  "delegation.activity": { base: (w) => ({ id: w.task.id }), kinds: { id: "task" } },
  "delegation.proposeLevel": {
    base: (w) => ({ taskId: w.pokerTask?.id, fromLevelId: w.pokerTask?.levelId, levelId: w.spectrum.levels[6]!.id, reason: "Mine" }),
    kinds: { taskId: "pokerTask", fromLevelId: "level" },
    as: "delegatee",
  },
  "delegation.withdrawProposal": { base: (w) => ({ id: w.proposal?.id }), kinds: { id: "proposal" }, as: "delegatee" },
  "delegation.decideProposal": { base: (w) => ({ id: w.proposal?.id, decision: "decline", reason: "No" }), kinds: { id: "proposal" } },
  "delegation.pokerRound": { base: (w) => ({ id: w.pokerRound?.id }), kinds: { id: "pokerRound" } },
  "delegation.startPoker": { base: (w) => ({ taskIds: [w.freeTask?.id] }), kinds: { "taskIds[]": "task" } },
  "delegation.pokerPick": { base: (w) => ({ itemId: w.pokerItem?.id, levelId: w.spectrum.levels[3]!.id }), kinds: { itemId: "pokerItem" } },
  "delegation.pokerAgree": {
    base: (w) => ({ itemId: w.revealedItem?.id, levelId: w.spectrum.levels[3]!.id, reason: null }),
    kinds: { itemId: "revealedItem" },
  },
  "delegation.endPoker": { base: (w) => ({ id: w.pokerRound?.id }), kinds: { id: "pokerRound" } },

  "inbox.markRead": { base: (w) => ({ id: w.notification?.id }), kinds: { id: "notification" } },
  "inbox.markAllRead": { base: (w) => ({ upTo: w.notification?.id }), kinds: { upTo: "notification" } },

  "oneOnOnes.forPerson": { base: (w) => ({ personId: w.person.id }) },
  "oneOnOnes.history": { base: (w) => ({ personId: w.person.id }) },
  "oneOnOnes.prep": { base: (w) => ({ personId: w.person.id }) },
  "oneOnOnes.get": { base: (w) => ({ id: w.meeting.id }), kinds: { id: "meeting" } },
  "oneOnOnes.schedule": { base: (w) => ({ personId: w.peer.id, scheduledAt: soon() }) },
  "oneOnOnes.reschedule": { base: (w) => ({ id: w.meeting.id, scheduledAt: soon() }), kinds: { id: "meeting" } },
  "oneOnOnes.hold": { base: (w) => ({ id: w.meeting.id }), kinds: { id: "meeting" } },
  "oneOnOnes.cancel": { base: (w) => ({ id: w.meeting.id }), kinds: { id: "meeting" } },
  "oneOnOnes.delete": { base: (w) => ({ id: w.meeting.id }), kinds: { id: "meeting" } },
  "oneOnOnes.addPoint": { base: (w) => ({ personId: w.person.id, topic: "other", body: "New" }) },
  "oneOnOnes.updatePoint": { base: (w) => ({ id: w.point.id, topic: "other", body: "Changed" }), kinds: { id: "point" } },
  "oneOnOnes.deletePoint": { base: (w) => ({ id: w.point.id }), kinds: { id: "point" } },
  "oneOnOnes.setDiscussed": { base: (w) => ({ id: w.point.id, oneOnOneId: w.meeting.id }), kinds: { id: "point" } },
  "oneOnOnes.addAction": { base: (w) => ({ personId: w.person.id, oneOnOneId: w.meeting.id, assignee: "me", title: "New" }) },
  "oneOnOnes.updateAction": { base: (w) => ({ id: w.action.id, assignee: "me", title: "Changed" }), kinds: { id: "action" } },
  "oneOnOnes.setActionDone": { base: (w) => ({ id: w.action.id, done: true }), kinds: { id: "action" } },
  "oneOnOnes.deleteAction": { base: (w) => ({ id: w.action.id }), kinds: { id: "action" } },
  "oneOnOnes.note": { base: (w) => ({ id: w.note.id }), kinds: { id: "note" } },
  "oneOnOnes.addNote": {
    base: (w) => ({ personId: w.person.id, oneOnOneId: w.meeting.id, goalId: w.goal.id, kind: "observation", body: "New" }),
  },
  "oneOnOnes.updateNote": { base: (w) => ({ id: w.note.id, goalId: w.goal.id, kind: "praise", body: "Changed" }), kinds: { id: "note" } },
  "oneOnOnes.deleteNote": { base: (w) => ({ id: w.note.id }), kinds: { id: "note" } },
  "oneOnOnes.addGoal": { base: (w) => ({ personId: w.person.id, title: "New" }) },
  "oneOnOnes.updateGoal": { base: (w) => ({ id: w.goal.id, title: "Changed" }), kinds: { id: "goal" } },
  "oneOnOnes.deleteGoal": { base: (w) => ({ id: w.goal.id }), kinds: { id: "goal" } },

  "handovers.page": { base: (w) => ({ personId: w.moved.id }) },
  "handovers.latest": { base: (w) => ({ personId: w.moved.id }) },
  "handovers.saveNote": {
    base: (w) => ({ handoverId: w.handover.id, body: "Changed", version: w.handoverNote.version }),
    kinds: { handoverId: "handover" },
  },

  "energy.update": { base: (w) => ({ id: w.energy.id, level: 7, tags: [] }), kinds: { id: "energy" } },
  "energy.delete": { base: (w) => ({ id: w.energy.id }), kinds: { id: "energy" } },
  "capacity.updateItem": { base: (w) => ({ id: w.item.id, title: "Changed", hours: 3 }), kinds: { id: "item" } },
  "capacity.removeItem": { base: (w) => ({ id: w.item.id, weekStart: w.weekStart }), kinds: { id: "item" } },
  "calendarAudit.tag": {
    base: (w) => ({ id: w.calendarMeeting.id, activity: "planning", effect: "draining" }),
    kinds: { id: "calendarMeeting" },
  },
};
