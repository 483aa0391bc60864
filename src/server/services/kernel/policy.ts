import { and, eq, or, sql, type SQL } from "drizzle-orm";
import { alias, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import * as schema from "../../db/schema/index";
import type { Actor } from "./actor";

/**
 * Who sees what, from the chart (DESIGN.md, "Organisations and who sees
 * what"). For each tenant table: the rows an actor may see and the rows they
 * may change, as SQL conditions on that table's own columns. The organisation
 * filter is added by access.ts on top of these, for every table.
 *
 * Building blocks:
 * - "under me": a person in my subtree or me (the closure table holds a row of
 *   depth 0 for each person, so one index lookup answers both);
 * - "my report": a person whose current manager I am (people.manager_id);
 * - the 1:1's holder (`manager_person_id`) keeps reading what they held.
 *
 * A 1:1 is shared by its two people, the person and their current manager
 * (`oneOnOneSide`). Both add talking points, both write notes (shared, or
 * private to their author). The manager books, moves, holds and cancels the
 * meeting, sets actions and growth goals, and curates the whole agenda; the
 * report changes the talking points they added, ticks the actions that are
 * theirs (`assignee` "them"), and may book their next 1:1 with their manager
 * (`mayBookOneOnOne`). A skip-level is not a side of the 1:1, even for one
 * they held before a line changed: they keep reading it, never writing it.
 *
 * A private coaching note and the manager's own notes about a person are their
 * author's alone, and no rule here gives an admin another author's text: there
 * is no override, on purpose.
 */

type Rule = (actor: Actor) => SQL;
/**
 * `tick` is a narrower change some tables have: ticking a row done (an action
 * item). A table without one is ticked by whoever may change it.
 */
type Policy = {
  see: Rule;
  change: Rule;
  tick?: Rule;
  /**
   * For a table whose `see` is a few "reader" rules, each on a column an index
   * answers: the ids of the rows those rules point at, a subquery of one
   * select per rule (`candidatesFor`). Every row `see` lets through is among
   * them, so `id in (candidates) and see` is `see`: a form the planner can
   * start from the actor's few rows rather than test every row of the org.
   */
  readers?: (actor: Actor) => SQL[];
};

/** `column` names a person in the actor's subtree, or the actor themself. */
export function underMe(actor: Actor, column: PgColumn | SQL): SQL {
  const pa = schema.personAncestors;
  return sql`exists (select 1 from ${pa} where ${pa.orgId} = ${actor.orgId} and ${pa.ancestorId} = ${actor.personId} and ${pa.descendantId} = ${column})`;
}

/** `column` names a person strictly below the actor in the chart (not the actor themself). */
export function strictlyUnderMe(actor: Actor, column: PgColumn | SQL): SQL {
  const pa = schema.personAncestors;
  return sql`exists (select 1 from ${pa} where ${pa.orgId} = ${actor.orgId} and ${pa.ancestorId} = ${actor.personId} and ${pa.descendantId} = ${column} and ${pa.depth} > 0)`;
}

/**
 * A table under an alias, for subqueries on the table a rule is applied to:
 * without one, `people.id = people.id` inside would compare the inner row with
 * itself (true for every row as soon as one matches).
 */
const fromAliased = (table: PgTable, name: string): SQL => sql`${table} as ${sql.identifier(name)}`;

/**
 * `column` names a person the actor is the current manager of. The subquery
 * reads people under an alias, so that `myReport(actor, people.id)` on the
 * people table itself compares the outer row, not the inner one with itself.
 */
const reportOf = alias(schema.people, "report_of");
export function myReport(actor: Actor, column: PgColumn | SQL): SQL {
  const p = reportOf;
  return sql`exists (select 1 from ${fromAliased(schema.people, "report_of")} where ${p.orgId} = ${actor.orgId} and ${p.id} = ${column} and ${p.managerId} = ${actor.personId})`;
}

/**
 * `column` names a person whose 1:1s the actor may open as the manager's side:
 * their current report, or someone they held a 1:1 with before the line
 * changed (read only). Not the actor themself: their own 1:1s are the report's
 * side, on their Home.
 */
export function oneOnOneSideOf(actor: Actor, column: PgColumn | SQL): SQL {
  const o = schema.oneOnOnes;
  return or(
    myReport(actor, column),
    sql`exists (select 1 from ${o} where ${o.orgId} = ${actor.orgId} and ${o.personId} = ${column} and ${o.managerPersonId} = ${actor.personId})`,
  )!;
}

/**
 * `column` names a person whose 1:1s the actor is a side of and writes in:
 * the person themself or their current manager. Who adds talking points and
 * notes (an old manager, a skip-level, an admin: nobody else).
 */
export function oneOnOneSide(actor: Actor, column: PgColumn | SQL): SQL {
  return or(sql`${column} = ${actor.personId}`, myReport(actor, column))!;
}

/**
 * `column` names a person the actor may book a 1:1 for: their current report,
 * or themself when they have a manager to meet (the report books the next one
 * with their manager; services/one-on-ones/meetings.write.ts books one only
 * while none is booked ahead).
 */
const bookingSelf = alias(schema.people, "booking_self");
export function mayBookOneOnOne(actor: Actor, column: PgColumn | SQL): SQL {
  const p = bookingSelf;
  return or(
    myReport(actor, column),
    sql`(${column} = ${actor.personId} and exists (select 1 from ${fromAliased(schema.people, "booking_self")} where ${p.orgId} = ${actor.orgId} and ${p.id} = ${actor.personId} and ${p.managerId} is not null))`,
  )!;
}

/** `column` names a 1:1 that the actor holds or held. */
function heldByMe(actor: Actor, column: PgColumn | SQL): SQL {
  const o = schema.oneOnOnes;
  return sql`exists (select 1 from ${o} where ${o.orgId} = ${actor.orgId} and ${o.id} = ${column} and ${o.managerPersonId} = ${actor.personId})`;
}

/**
 * Who reads a shared coaching note: the 1:1 side of its person (the person and
 * their current manager: mySideOfPerson's two halves, apart so that each is
 * a rule an index answers), whoever held its 1:1, and its author. A private
 * one is its author's alone (the `see` rule below), so each note the actor
 * sees meets one of these.
 */
const noteReaders = (actor: Actor): SQL[] => {
  const n = schema.coachingNotes;
  return [eq(n.personId, actor.personId), myReport(actor, n.personId), heldByMe(actor, n.oneOnOneId), eq(n.authorPersonId, actor.personId)];
};

const everyone: Rule = () => sql`true`;
const adminsOnly: Rule = (actor) => (actor.role === "admin" ? sql`true` : sql`false`);
const orAdmin =
  (rule: Rule): Rule =>
  (actor) =>
    actor.role === "admin" ? sql`true` : rule(actor);

/** The 1:1 side of a person: the person themself and their current manager. */
const mySideOfPerson =
  (column: PgColumn): Rule =>
  (actor) =>
    or(eq(column, actor.personId), myReport(actor, column))!;

// --- targets: controller, owners, the line above them, or shared with the org ---
const t = schema.targets;
/**
 * The rule on a targets row (`tt`: the table itself, or the alias a subquery
 * reads it under). A subquery on `targets` for a row of `targets` must use an
 * alias: unaliased, `targets.id = targets.id` would compare the inner row with
 * itself and let any visible target make every target visible.
 */
const targetRule = (actor: Actor, tt: { id: PgColumn; sharedWithOrg: PgColumn; controllerPersonId: PgColumn }): SQL => {
  const o = schema.targetOwners;
  const pa = schema.personAncestors;
  return sql`(${tt.sharedWithOrg}
    or ${underMe(actor, tt.controllerPersonId)}
    or exists (select 1 from ${o} join ${pa} on ${pa.orgId} = ${o.orgId} and ${pa.descendantId} = ${o.personId}
               where ${o.orgId} = ${actor.orgId} and ${o.targetId} = ${tt.id} and ${pa.ancestorId} = ${actor.personId}))`;
};
const policyTarget = alias(t, "policy_target");
const visibleTarget = (actor: Actor, targetId: PgColumn | SQL): SQL =>
  sql`exists (select 1 from ${t} as ${sql.identifier("policy_target")} where ${policyTarget.orgId} = ${actor.orgId} and ${policyTarget.id} = ${targetId} and ${targetRule(actor, policyTarget)})`;
const controlledTarget = (actor: Actor, targetId: PgColumn | SQL): SQL =>
  sql`exists (select 1 from ${t} where ${t.orgId} = ${actor.orgId} and ${t.id} = ${targetId} and ${t.controllerPersonId} = ${actor.personId})`;
/**
 * Who checks in on a target: its controller and its owners (DESIGN: owners
 * check in, comment and write its weekly status update). The same rule for
 * the form, the bulk paste, the REST push (a token acts as its member), a
 * milestone's "done", the comment thread and the weekly status. The line
 * above the owners and anyone the target is shared with read all of it and
 * write none of it: DESIGN's table gives a skip-level "see (roll-up)" only.
 */
const checkInTarget = (actor: Actor, targetId: PgColumn | SQL): SQL => {
  const o = schema.targetOwners;
  return sql`(${controlledTarget(actor, targetId)} or exists (select 1 from ${o} where ${o.orgId} = ${actor.orgId} and ${o.targetId} = ${targetId} and ${o.personId} = ${actor.personId}))`;
};

/**
 * Cascading targets (DESIGN: owners "may set sub-targets under it"). Who sets
 * a sub-target under a target: its controller and its owners, the same people
 * as checkInTarget; the sub-target is owned by people strictly below the one
 * who sets it, who becomes its controller (services/targets/tree.write.ts).
 * Moving a target under another one, or out from under its parent, is its
 * controller's (it is part of its definition), under a target they may split.
 *
 * Seeing: a sub-target is a target, seen by targetRule (its controller, its
 * owners, the line above them, or the org when shared). So the controller of
 * a tree's root, and the line above, see every sub-target below: they are all
 * set for people below them. Upward, whoever sees a target sees the title and
 * the health of the targets above it, so that its owners know what they
 * contribute to (the breadcrumb, "part of …"). That is read from the target
 * they see up the parent links (tree.read.ts), never the other way round, and
 * gives neither the metrics, the check-ins, the thread nor the status of what
 * is above: those stay with targetRule (a link opens only what visibleTarget allows).
 */
const splitsTarget = checkInTarget;

// --- tasks: delegator, delegatee, the line above the delegatee ---
const k = schema.tasks;
/** The rule on a tasks row (`kk`: the table, or an alias, as for targets). */
const taskRule = (actor: Actor, kk: { delegatorPersonId: PgColumn; personId: PgColumn }): SQL =>
  sql`(${kk.delegatorPersonId} = ${actor.personId} or ${underMe(actor, kk.personId)})`;
const policyTask = alias(k, "policy_task");
const visibleTask = (actor: Actor, taskId: PgColumn | SQL): SQL =>
  sql`exists (select 1 from ${k} as ${sql.identifier("policy_task")} where ${policyTask.orgId} = ${actor.orgId} and ${policyTask.id} = ${taskId} and ${taskRule(actor, policyTask)})`;
const delegatedTask = (actor: Actor, taskId: PgColumn | SQL): SQL =>
  sql`exists (select 1 from ${k} where ${k.orgId} = ${actor.orgId} and ${k.id} = ${taskId} and ${k.delegatorPersonId} = ${actor.personId})`;

// --- delegation seen from both sides: proposals and poker rounds ---
// A proposal is seen with its task (the delegatee, the delegator, the line
// above); it is changed by its proposer (withdraw) or the task's delegator
// (accept, decline): the services say which of the two a write is for.
// A poker round is seen by its delegator and the line above its delegatee
// (the delegatee among them); its tasks' picks are written by the two sides
// (the delegator alone records the agreed level and ends the round). What a
// viewer sees of a pick before both are in is lib/delegation/poker.ts's rule.
const pr = schema.pokerRounds;
const pokerRoundRule = (actor: Actor, rr: { delegatorPersonId: PgColumn; delegateePersonId: PgColumn }): SQL =>
  sql`(${rr.delegatorPersonId} = ${actor.personId} or ${underMe(actor, rr.delegateePersonId)})`;
const policyRound = alias(pr, "policy_round");
/** `roundId` names a poker round the actor may see. */
const visibleRound = (actor: Actor, roundId: PgColumn | SQL): SQL =>
  sql`exists (select 1 from ${pr} as ${sql.identifier("policy_round")} where ${policyRound.orgId} = ${actor.orgId} and ${policyRound.id} = ${roundId} and ${pokerRoundRule(actor, policyRound)})`;
/** `roundId` names a poker round the actor plays, on either side. */
const playedRound = (actor: Actor, roundId: PgColumn | SQL): SQL =>
  sql`exists (select 1 from ${pr} as ${sql.identifier("policy_round")} where ${policyRound.orgId} = ${actor.orgId} and ${policyRound.id} = ${roundId} and (${policyRound.delegatorPersonId} = ${actor.personId} or ${policyRound.delegateePersonId} = ${actor.personId}))`;

// --- the inbox: what others did that concerns you (services/inbox) ---
// Who hears of an event is decided here, in two steps: the people it concerns
// (`inboxCandidates`, below: the sides of a 1:1, a target's controller and
// owners, the two sides of a task or a poker round), and then, for each of
// them as the actor, the table's own "see" rule on the subject (notify.write.ts
// asks `inScope`), so nobody gets an item about something they may not see.
// The line above a target's owners reads the target but gets no items: it
// would drown a director's inbox in their teams' check-ins. Private notes make
// no items at all (there is no kind for them).
//
// At read time an item is the recipient's alone and is shown only while its
// subject is still visible to them (`inboxSubjectVisible`): someone removed
// from a target, or a 1:1 whose line changed, stops showing its items.
const nt = schema.notifications;
const inboxSubjectVisible = (actor: Actor): SQL => {
  const tp = schema.talkingPoints;
  const ai = schema.actionItems;
  return sql`((${nt.targetId} is null or ${visibleTarget(actor, nt.targetId)})
    and (${nt.taskId} is null or ${visibleTask(actor, nt.taskId)})
    and (${nt.pokerRoundId} is null or ${visibleRound(actor, nt.pokerRoundId)})
    and (${nt.talkingPointId} is null or exists (select 1 from ${tp} where ${tp.orgId} = ${actor.orgId} and ${tp.id} = ${nt.talkingPointId} and ${policyFor(tp, actor, "see")}))
    and (${nt.actionItemId} is null or exists (select 1 from ${ai} where ${ai.orgId} = ${actor.orgId} and ${ai.id} = ${nt.actionItemId} and ${policyFor(ai, actor, "see")})))`;
};

/** What an event is about, for choosing who hears of it. */
export type InboxConcern =
  | { oneOnOneOf: string }
  | { person: string }
  | { target: string }
  | { task: string; side: "delegator" | "delegatee" }
  | { round: string; side: "delegator" | "delegatee" };

/**
 * The people an event concerns, as a subquery of person ids (`person_id`),
 * before the actor is taken out and each is checked against the subject's
 * "see" rule. `orgId` is the actor's organisation.
 */
export function inboxCandidates(orgId: string, concern: InboxConcern): SQL {
  const p = schema.people;
  if ("oneOnOneOf" in concern) {
    // The two sides of a person's 1:1s: the person and their current manager.
    return sql`select ${p.id} as person_id from ${p} where ${p.orgId} = ${orgId} and ${p.id} = ${concern.oneOnOneOf}
      union select ${p.managerId} from ${p} where ${p.orgId} = ${orgId} and ${p.id} = ${concern.oneOnOneOf} and ${p.managerId} is not null`;
  }
  if ("person" in concern) return sql`select ${p.id} as person_id from ${p} where ${p.orgId} = ${orgId} and ${p.id} = ${concern.person}`;
  if ("target" in concern) {
    // The controller and the owners; not the line above them (see above).
    const o = schema.targetOwners;
    return sql`select ${t.controllerPersonId} as person_id from ${t} where ${t.orgId} = ${orgId} and ${t.id} = ${concern.target}
      union select ${o.personId} from ${o} where ${o.orgId} = ${orgId} and ${o.targetId} = ${concern.target}`;
  }
  if ("task" in concern) {
    const column = concern.side === "delegator" ? k.delegatorPersonId : k.personId;
    return sql`select ${column} as person_id from ${k} where ${k.orgId} = ${orgId} and ${k.id} = ${concern.task}`;
  }
  const column = concern.side === "delegator" ? pr.delegatorPersonId : pr.delegateePersonId;
  return sql`select ${column} as person_id from ${pr} where ${pr.orgId} = ${orgId} and ${pr.id} = ${concern.round}`;
}

const personal = (table: { userId: PgColumn }): Policy => ({
  see: (actor) => eq(table.userId, actor.userId),
  change: (actor) => eq(table.userId, actor.userId),
});

const POLICIES = new Map<PgTable, Policy>([
  // The chart is open inside the organisation; a person's manager and the admins edit their record (skip-levels see it).
  [schema.people, { see: everyone, change: orAdmin((actor) => myReport(actor, schema.people.id)) }],
  [
    schema.areas,
    {
      see: everyone,
      // Admins, and the managers above the area's pair (not the EM or IC themself: an area is set by the line above it).
      change: orAdmin((actor) => or(strictlyUnderMe(actor, schema.areas.emPersonId), strictlyUnderMe(actor, schema.areas.icPersonId))!),
    },
  ],
  [
    schema.personNotes,
    {
      see: (actor) => eq(schema.personNotes.authorPersonId, actor.personId),
      change: (actor) => eq(schema.personNotes.authorPersonId, actor.personId),
    },
  ],
  // Spectrums are organisation settings: everyone reads them, admins change them.
  [schema.spectrums, { see: everyone, change: adminsOnly }],
  [schema.spectrumLevels, { see: everyone, change: adminsOnly }],
  // Data sources too: everyone picks one for a metric (name and URL, never the credentials), admins manage them.
  [schema.dataSources, { see: everyone, change: adminsOnly }],
  // A metric's binding to a query: read with the metric, set by whoever changes the metric (the target's controller).
  [
    schema.metricBindings,
    {
      see: (actor) =>
        sql`exists (select 1 from ${schema.metrics} m where m.org_id = ${actor.orgId} and m.id = ${schema.metricBindings.metricId} and ${visibleTarget(actor, sql`m.target_id`)})`,
      change: (actor) =>
        sql`exists (select 1 from ${schema.metrics} m where m.org_id = ${actor.orgId} and m.id = ${schema.metricBindings.metricId} and ${controlledTarget(actor, sql`m.target_id`)})`,
    },
  ],
  [schema.targets, { see: (actor) => targetRule(actor, t), change: (actor) => eq(t.controllerPersonId, actor.personId) }],
  [
    schema.targetOwners,
    {
      see: (actor) => visibleTarget(actor, schema.targetOwners.targetId),
      change: (actor) => controlledTarget(actor, schema.targetOwners.targetId),
    },
  ],
  [
    schema.metrics,
    { see: (actor) => visibleTarget(actor, schema.metrics.targetId), change: (actor) => controlledTarget(actor, schema.metrics.targetId) },
  ],
  [
    schema.targetSlos,
    {
      see: (actor) => visibleTarget(actor, schema.targetSlos.targetId),
      change: (actor) => controlledTarget(actor, schema.targetSlos.targetId),
    },
  ],
  [
    schema.checkIns,
    {
      see: (actor) =>
        sql`exists (select 1 from ${schema.metrics} m where m.org_id = ${actor.orgId} and m.id = ${schema.checkIns.metricId} and ${visibleTarget(actor, sql`m.target_id`)})`,
      // The controller and the owners check in (see checkInTarget).
      change: (actor) =>
        sql`exists (select 1 from ${schema.metrics} m where m.org_id = ${actor.orgId} and m.id = ${schema.checkIns.metricId} and ${checkInTarget(actor, sql`m.target_id`)})`,
    },
  ],
  // The pair's thread: whoever sees the target reads it; the controller and the owners write (checkInTarget, in the
  // service); a comment is deleted by its author alone, while they still see the target.
  [
    schema.targetComments,
    {
      see: (actor) => visibleTarget(actor, schema.targetComments.targetId),
      change: (actor) =>
        and(eq(schema.targetComments.authorPersonId, actor.personId), visibleTarget(actor, schema.targetComments.targetId))!,
    },
  ],
  // The weekly status: read with the target, written (and rewritten within its week) by the controller and the owners.
  [
    schema.targetStatusUpdates,
    {
      see: (actor) => visibleTarget(actor, schema.targetStatusUpdates.targetId),
      change: (actor) => checkInTarget(actor, schema.targetStatusUpdates.targetId),
    },
  ],
  [schema.tasks, { see: (actor) => taskRule(actor, k), change: (actor) => eq(k.delegatorPersonId, actor.personId) }],
  [
    schema.levelChanges,
    { see: (actor) => visibleTask(actor, schema.levelChanges.taskId), change: (actor) => delegatedTask(actor, schema.levelChanges.taskId) },
  ],
  [
    schema.levelProposals,
    {
      see: (actor) => visibleTask(actor, schema.levelProposals.taskId),
      change: (actor) =>
        or(eq(schema.levelProposals.proposerPersonId, actor.personId), delegatedTask(actor, schema.levelProposals.taskId))!,
    },
  ],
  [schema.pokerRounds, { see: (actor) => pokerRoundRule(actor, pr), change: (actor) => eq(pr.delegatorPersonId, actor.personId) }],
  [
    schema.pokerItems,
    { see: (actor) => visibleRound(actor, schema.pokerItems.roundId), change: (actor) => playedRound(actor, schema.pokerItems.roundId) },
  ],
  // 1:1s: the two people (and the current manager, who inherits the history), never the line above.
  [
    schema.oneOnOnes,
    {
      see: (actor) => or(eq(schema.oneOnOnes.managerPersonId, actor.personId), mySideOfPerson(schema.oneOnOnes.personId)(actor))!,
      // The current manager only: an old manager reads the 1:1s they held, and the new one carries them on.
      change: (actor) => myReport(actor, schema.oneOnOnes.personId),
    },
  ],
  [
    schema.talkingPoints,
    {
      see: (actor) => or(mySideOfPerson(schema.talkingPoints.personId)(actor), heldByMe(actor, schema.talkingPoints.discussedInId))!,
      // The current manager curates the agenda; the report changes the points they added themself.
      change: (actor) =>
        or(
          myReport(actor, schema.talkingPoints.personId),
          and(eq(schema.talkingPoints.personId, actor.personId), eq(schema.talkingPoints.authorPersonId, actor.personId)),
        )!,
    },
  ],
  [
    schema.actionItems,
    {
      see: (actor) => or(mySideOfPerson(schema.actionItems.personId)(actor), heldByMe(actor, schema.actionItems.oneOnOneId))!,
      change: (actor) => myReport(actor, schema.actionItems.personId),
      // Each side ticks their own: the report the ones assigned to them ("them"), never the manager's; the manager any.
      tick: (actor) =>
        or(
          myReport(actor, schema.actionItems.personId),
          and(eq(schema.actionItems.personId, actor.personId), eq(schema.actionItems.assignee, "them")),
        )!,
    },
  ],
  [
    schema.growthGoals,
    { see: (actor) => mySideOfPerson(schema.growthGoals.personId)(actor), change: (actor) => myReport(actor, schema.growthGoals.personId) },
  ],
  [
    schema.coachingNotes,
    {
      see: (actor) => {
        const n = schema.coachingNotes;
        return sql`(case when ${n.private} then ${n.authorPersonId} = ${actor.personId} else ${or(...noteReaders(actor))} end)`;
      },
      readers: noteReaders,
      // A note is changed by its author alone, private or not.
      change: (actor) => eq(schema.coachingNotes.authorPersonId, actor.personId),
    },
  ],
  // The inbox: an item is its recipient's alone, shown while they still see its subject; they mark it read.
  [
    schema.notifications,
    {
      see: (actor) => and(eq(nt.recipientPersonId, actor.personId), inboxSubjectVisible(actor))!,
      change: (actor) => eq(nt.recipientPersonId, actor.personId),
    },
  ],
  [schema.energyEntries, personal(schema.energyEntries)],
  [schema.energyDays, personal(schema.energyDays)],
  [schema.weeklyReviews, personal(schema.weeklyReviews)],
  [schema.capacityWeeks, personal(schema.capacityWeeks)],
  [schema.capacityItems, personal(schema.capacityItems)],
  [schema.calendarMeetings, personal(schema.calendarMeetings)],
  [schema.apiTokens, personal(schema.apiTokens)],
  [schema.calendarFeeds, personal(schema.calendarFeeds)],
]);

// --- hand-overs (issue #17, part 5): when a person moves to another manager ---
/**
 * A hand-over (a `handovers` row: the person, the manager they moved from, the
 * one they moved to) is read by the new manager and the line above them, and
 * by the old manager (for what they held and wrote: every section of the page
 * goes through its own table's policy, so the old manager reads the 1:1s they
 * held and the tasks they delegate, not the new manager's). Not by the person
 * themself (a note between managers), not by peers, not by an admin outside
 * the line. Nobody changes one: it is recorded by the line change.
 *
 * The hand-over note is the old manager's text for the new one: read by the
 * two managers only (the line above reads the page, not the note), written by
 * its author while they are the hand-over's old manager. No override.
 */
const ho = schema.handovers;
const handoverRule = (actor: Actor, hh: { fromPersonId: PgColumn; toPersonId: PgColumn }): SQL =>
  sql`(${hh.fromPersonId} = ${actor.personId} or ${underMe(actor, hh.toPersonId)})`;
const policyHandover = alias(ho, "policy_handover");
/** `handoverId` names a hand-over whose two managers include the actor (`side`: "from" for the old one only). */
const handoverOfMine = (actor: Actor, handoverId: PgColumn | SQL, side: "from" | "either"): SQL =>
  sql`exists (select 1 from ${ho} as ${sql.identifier("policy_handover")} where ${policyHandover.orgId} = ${actor.orgId} and ${policyHandover.id} = ${handoverId} and (${policyHandover.fromPersonId} = ${actor.personId}${side === "either" ? sql` or ${policyHandover.toPersonId} = ${actor.personId}` : sql``}))`;
const nobody: Rule = () => sql`false`;
POLICIES.set(ho, { see: (actor) => handoverRule(actor, ho), change: nobody });
POLICIES.set(schema.handoverNotes, {
  see: (actor) => handoverOfMine(actor, schema.handoverNotes.handoverId, "either"),
  change: (actor) =>
    and(eq(schema.handoverNotes.authorPersonId, actor.personId), handoverOfMine(actor, schema.handoverNotes.handoverId, "from"))!,
});
/** The hand-overs the actor may read (for services that filter a join on them). */
export const visibleHandover = (actor: Actor): SQL => handoverRule(actor, ho);

export type Intent = "see" | "change" | "tick";

/** The policy's condition for `table`: what `actor` may see, change or tick. A table without a policy is refused (false). */
export function policyFor(table: PgTable, actor: Actor, intent: Intent): SQL {
  const policy = POLICIES.get(table);
  if (!policy) throw new Error(`No visibility policy for table ${String((table as unknown as { _: { name: string } })._?.name ?? table)}`);
  return (policy[intent] ?? policy.change)(actor);
}

/**
 * The ids of the rows of `table` its policy's reader rules point at (see
 * Policy.readers), or undefined for a table without them. One select per
 * rule on the table itself: inside it, the rule's columns name its own row.
 */
export function candidatesFor(table: PgTable & { id: PgColumn; orgId: PgColumn }, actor: Actor): SQL | undefined {
  const readers = POLICIES.get(table)?.readers?.(actor);
  if (!readers) return undefined;
  return sql.join(
    readers.map((rule) => sql`select ${table.id} from ${table} where ${table.orgId} = ${actor.orgId} and ${rule}`),
    sql` union all `,
  );
}

export { visibleTarget, controlledTarget, checkInTarget, splitsTarget, visibleTask, delegatedTask };
