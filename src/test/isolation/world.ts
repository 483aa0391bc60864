import { readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/server/db/types";
import { joinAsMember, type TestUser } from "../factories";
import { weekStartOf } from "@/lib/energy/week";

/**
 * One row of every kind an input can name, made through the procedures as
 * `user`: the people (a lead with a report, a peer, an archived one), an area,
 * a target with a metric, a milestone and a check-in, both spectrums and a
 * task, a 1:1 with its point, action, goal and note, an energy entry, a
 * capacity item and an API token; an open invitation (of the lead) and, given
 * the database, a second member (the peer) with the organisation's id.
 */
export async function makeWorld(user: TestUser, db?: Db) {
  const c = user.caller;
  // With the caller's own notes about them (person_notes), so an import file has one to point elsewhere.
  const lead = await c.people.create({
    name: "Lead",
    track: "manager",
    level: "em",
    managerId: null,
    cadence: "weekly",
    notes: "Lead's notes",
  });
  const report = await c.people.create({ name: "Report", track: "ic", level: "staff", managerId: lead.id, cadence: "weekly" });
  const peer = await c.people.create({ name: "Peer", track: "manager", level: "em", managerId: null, cadence: "weekly" });
  const archived = await c.people.create({ name: "Archived", track: "ic", level: "staff", managerId: null, cadence: "weekly" });
  await c.people.archive({ id: archived.id });
  // A hand-over: someone who reported to the user moved to the peer, with the user's note for the peer.
  const moving = await c.people.create({ name: "Moved", track: "ic", level: "staff", managerId: null, cadence: "weekly" });
  const moved = await c.people.update({
    id: moving.id,
    version: moving.version,
    name: "Moved",
    track: "ic",
    level: "staff",
    managerId: peer.id,
    cadence: "weekly",
  });
  const handover = (await c.handovers.latest({ personId: moved.id }))!;
  const handoverNote = await c.handovers.saveNote({ handoverId: handover.id, body: "Handover note", version: 0 });
  const area = await c.areas.create({ name: "Area", emPersonId: lead.id, icPersonId: report.id });
  const target = await c.targets.create({
    title: "Target",
    kind: "reliability",
    areaId: area.id,
    ownerIds: [lead.id],
    startDate: "2026-01-01",
    dueDate: "2026-12-31",
  });
  // A reliability target imported from an OpenSLO file: the one that exports its SLO again.
  const sloTarget = await c.targets.importOpenSlo({
    yaml: readFileSync(path.resolve(import.meta.dirname, "../fixtures/openslo/ratio-inline.yaml"), "utf8"),
    areaId: area.id,
    ownerIds: [lead.id],
    startDate: "2026-01-01",
    dueDate: "2026-12-31",
  });
  const metric = await c.targets.addMetric({
    targetId: target.id,
    name: "Uptime",
    unit: "%",
    direction: "higher",
    baseline: 99,
    goal: 99.9,
  });
  const milestone = await c.targets.addMetric({ targetId: target.id, name: "Launch", kind: "milestone" });
  const checkIn = await c.targets.addCheckIn({ metricId: metric.id, value: 99.5, at: new Date("2026-02-01") });
  const comment = await c.targets.addComment({ targetId: target.id, body: "Comment" });
  const status = await c.targets.saveStatus({ targetId: target.id, body: "Status", version: 0 });
  const spectrum = await c.delegation.activeSpectrum();
  const otherSpectrum = await c.delegation.createSpectrum({ kind: "situational" });
  const task = await c.delegation.createTask({ personId: report.id, targetId: target.id, title: "Task", competency: 3, criticality: 3 });
  const meeting = await c.oneOnOnes.schedule({ personId: lead.id, scheduledAt: new Date(Date.now() + 86_400_000) });
  const point = await c.oneOnOnes.addPoint({ personId: lead.id, topic: "team", body: "Point" });
  const action = await c.oneOnOnes.addAction({ personId: lead.id, oneOnOneId: meeting.id, assignee: "them", title: "Action" });
  const goal = await c.oneOnOnes.addGoal({ personId: lead.id, title: "Goal" });
  const note = await c.oneOnOnes.addNote({ personId: lead.id, oneOnOneId: meeting.id, goalId: goal.id, kind: "coaching", body: "Note" });
  const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const energy = await c.energy.log({ day, slot: "start", level: 3, tags: ["incidents"] });
  const weekStart = weekStartOf(new Date().toISOString().slice(0, 10));
  const item = await c.capacity.addItem({ weekStart, title: "Item", hours: 2, recurring: true });
  await c.calendarAudit.import({ weekStart, file: worldCalendar(weekStart) });
  const calendarMeeting = (await c.calendarAudit.week({ weekStart })).meetings[0]!;
  const token = await c.apiTokens.create({ name: "Token" });
  const dataSource = await c.integrations.createDataSource({
    name: "Prometheus",
    baseUrl: "http://127.0.0.1:9",
    authKind: "bearer",
    token: "isolation-token",
  });
  // Bound (nothing answers at the source: the binding keeps the error), so unbinding and pulling have a subject.
  await c.integrations.bindMetric({ metricId: metric.id, dataSourceId: dataSource.id, query: "up", intervalMinutes: 60 });
  const invitation = await c.members.invite({ personId: lead.id, email: `lead-${lead.id.slice(0, 8)}@example.com` });
  const member = db ? { id: (await joinAsMember(db, user, peer.id)).id, version: 1 } : undefined;
  // Delegation from both sides, given the database: the report signs in as the delegatee of the task and of two more,
  // proposes a level for the task; a poker round is being picked on the second and revealed (both picked) on the third.
  const sides = db ? await delegationSides(db, user, report.id, spectrum.levels, task) : undefined;
  // The delegatee's proposal put an item in the caller's inbox (the delegator's).
  const notification = sides ? (await c.inbox.list()).items[0] : undefined;
  const org = { id: user.actor.orgId };
  const rows = {
    person: lead,
    report,
    peer,
    archived,
    moved,
    handover,
    handoverNote,
    area,
    target,
    sloTarget,
    metric,
    milestone,
    checkIn,
    comment,
    status,
    spectrum,
    level: spectrum.levels[0]!,
    otherSpectrum,
    otherLevel: otherSpectrum.levels[0]!,
    task,
    meeting,
    point,
    action,
    goal,
    note,
    energy,
    item,
    calendarMeeting,
    token,
    dataSource,
    invitation,
    org,
    ...(member ? { member } : {}),
    ...(sides ? sides.rows : {}),
    ...(notification ? { notification } : {}),
  };
  return { ...rows, day, weekStart, delegatee: sides?.delegatee };
}

async function delegationSides(db: Db, user: TestUser, reportId: string, levels: { id: string }[], task: { id: string; levelId: string }) {
  const c = user.caller;
  const delegatee = await joinAsMember(db, user, reportId);
  const proposal = await delegatee.caller.delegation.proposeLevel({
    taskId: task.id,
    fromLevelId: task.levelId,
    levelId: levels[5]!.id,
    reason: "More, please",
  });
  const fields = { personId: reportId, competency: 3, criticality: 3 };
  const pokerTask = await c.delegation.createTask({ ...fields, title: "Poker task" });
  const revealedTask = await c.delegation.createTask({ ...fields, title: "Revealed task" });
  const freeTask = await c.delegation.createTask({ ...fields, title: "Free task" });
  const pokerRound = await c.delegation.startPoker({ taskIds: [pokerTask.id] });
  const revealedRound = await c.delegation.startPoker({ taskIds: [revealedTask.id] });
  const revealedItem = revealedRound.items[0]!;
  await c.delegation.pokerPick({ itemId: revealedItem.id, levelId: levels[1]!.id });
  await delegatee.caller.delegation.pokerPick({ itemId: revealedItem.id, levelId: levels[2]!.id });
  return {
    delegatee,
    rows: { proposal, pokerTask, freeTask, pokerRound, pokerItem: pokerRound.items[0]!, revealedRound, revealedItem },
  };
}

/** A calendar file with one meeting on the Monday of `weekStart`, at noon UTC. */
function worldCalendar(weekStart: string): string {
  const day = weekStart.replaceAll("-", "");
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "BEGIN:VEVENT",
    "UID:world@example.com",
    `DTSTART:${day}T120000Z`,
    `DTEND:${day}T130000Z`,
    "SUMMARY:Sync",
    "END:VEVENT",
    "END:VCALENDAR",
  ].join("\r\n");
}

export type World = Awaited<ReturnType<typeof makeWorld>>;

/** The kinds of row an id field can name; the foreign id of a kind is the other account's row of it. */
export type Kind =
  | "person"
  | "area"
  | "target"
  | "sloTarget"
  | "metric"
  | "milestone"
  | "checkIn"
  | "comment"
  | "spectrum"
  | "level"
  | "task"
  | "meeting"
  | "point"
  | "action"
  | "goal"
  | "note"
  | "energy"
  | "item"
  | "calendarMeeting"
  | "token"
  | "dataSource"
  | "invitation"
  | "member"
  | "proposal"
  | "pokerTask"
  | "pokerRound"
  | "pokerItem"
  | "revealedItem"
  | "notification"
  | "org"
  | "handover";

/** The row of `world` whose id is `id`, to read its current `version` from. */
export function rowWithId(world: World, id: unknown): Record<string, unknown> | undefined {
  return Object.values(world).find((row) => typeof row === "object" && row !== null && (row as { id?: unknown }).id === id) as
    Record<string, unknown> | undefined;
}

/** Every id in a world, its spectrums' levels included: none may show up in another account's answers. */
export function worldIds(world: World): string[] {
  const rows = (Object.values(world) as unknown[]).filter(
    (row): row is { id: string } => typeof row === "object" && row !== null && "id" in row,
  );
  return [...rows.map((row) => row.id), ...world.spectrum.levels.map((l) => l.id), ...world.otherSpectrum.levels.map((l) => l.id)];
}
