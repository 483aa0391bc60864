import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { wireCaller } from "@/test/wire-caller";
import type { Db } from "@/server/db/types";
import {
  actionItems,
  areas,
  calendarMeetings,
  capacityItems,
  checkIns,
  coachingNotes,
  dataSources,
  energyEntries,
  growthGoals,
  levelChanges,
  levelProposals,
  memberships,
  metrics,
  notifications,
  oneOnOnes,
  people,
  personNotes,
  pokerItems,
  pokerRounds,
  spectrumLevels,
  spectrums,
  talkingPoints,
  targetComments,
  targetOwners,
  targets,
  targetStatusUpdates,
  tasks,
  users,
} from "@/server/db/schema";
import type { MemberRole } from "@/server/db/schema/members";
import type { Actor } from "@/server/services/kernel/actor";
import { hashPassword } from "@/server/services/account/passwords";
import { startSession } from "@/server/services/account/sessions";
import { rebuildChart } from "@/server/services/people/chart.write";
import { sealSecret } from "@/server/services/integrations/secrets";
import { weekStartOf } from "@/lib/energy/week";
import { createUser, TEST_PASSWORD, type TestUser } from "../factories";

/**
 * The generated organisation the role matrix runs on (four levels deep, two
 * pairs), seen from its subject person R1:
 *
 *   V   VP, top of the chart, admin             (above the line: skip-level and admin)
 *   ├── D   director                            (R1's skip-level; a member, not an admin)
 *   │   ├── E1  EM                              (R1's manager)
 *   │   │   ├── R1  staff engineer              (the subject)
 *   │   │   └── R2  engineer                    (R1's peer: same manager)
 *   │   ├── S   staff engineer                  (E1's pair: area Platform, em E1 + ic S)
 *   │   └── E2  EM                              (R1's pair partner: area Checkout, em E2 + ic R1)
 *   │       └── U   engineer                    (unrelated to R1)
 *   └── A   staff engineer, admin               (an admin who is not in R1's line)
 *
 * plus X, the top and admin of another organisation. Every one of them signs
 * in (a user, a membership and a session). The rows are written straight to
 * the tables, so the world does not depend on the services under test.
 */

/** A member of an existing organisation: a user, their membership as `personId` with `role`, a session and a caller. */
export async function joinAsMember(db: Db, orgId: string, personId: string, role: MemberRole, name: string): Promise<TestUser> {
  const tag = randomUUID().slice(0, 8);
  const [user] = await db
    .insert(users)
    .values({ name, email: `${name.toLowerCase()}-${tag}@example.com`, passwordHash: await passwordHash(), lastOrgId: orgId })
    .returning();
  await db.insert(memberships).values({ orgId, userId: user!.id, personId, role });
  const sessionId = await startSession(db, user!.id, user!.sessionVersion);
  const actor: Actor = { userId: user!.id, sessionId, orgId, personId, role };
  return { id: user!.id, email: user!.email, name: user!.name, actor, caller: wireCaller({ db, actor }) };
}

let hash: Promise<string> | undefined;
const passwordHash = () => (hash ??= hashPassword(TEST_PASSWORD));

const DAY = 86_400_000;

/** Text that is in exactly one private note, to search every answer for. */
export const privateText = (who: string) => `PRIVATE-${who}-${randomUUID()}`;

export async function makeOrg(db: Db) {
  const v = await createUser(db, { name: "Vera VP" });
  const orgId = v.actor.orgId;

  const person = async (name: string, managerId: string | null, track: "manager" | "ic", level: string) => {
    const [row] = await db
      .insert(people)
      .values({ orgId, name, email: `${name.toLowerCase()}-${randomUUID().slice(0, 6)}@example.com`, track, level, managerId })
      .returning();
    return row!;
  };
  const V = (await db.select().from(people).where(eq(people.id, v.actor.personId)))[0]!;
  const D = await person("Dana", V.id, "manager", "director");
  const A = await person("Ada", V.id, "ic", "principal");
  const E1 = await person("Eli", D.id, "manager", "em");
  const S = await person("Sam", D.id, "ic", "staff");
  const E2 = await person("Eve", D.id, "manager", "em");
  const R1 = await person("Rae", E1.id, "ic", "staff");
  const R2 = await person("Rob", E1.id, "ic", "senior");
  const U = await person("Uma", E2.id, "ic", "senior");
  await rebuildChart(db, orgId);

  const members = {
    top: v,
    skip: await joinAsMember(db, orgId, D.id, "member", "Dana"),
    admin: await joinAsMember(db, orgId, A.id, "admin", "Ada"),
    manager: await joinAsMember(db, orgId, E1.id, "member", "Eli"),
    pairOfManager: await joinAsMember(db, orgId, S.id, "member", "Sam"),
    pair: await joinAsMember(db, orgId, E2.id, "member", "Eve"),
    self: await joinAsMember(db, orgId, R1.id, "member", "Rae"),
    peer: await joinAsMember(db, orgId, R2.id, "member", "Rob"),
    unrelated: await joinAsMember(db, orgId, U.id, "member", "Uma"),
  };
  const other = await createUser(db, { name: "Xavier Elsewhere" });

  const [platform] = await db.insert(areas).values({ orgId, name: "Platform", emPersonId: E1.id, icPersonId: S.id }).returning();
  const [checkout] = await db.insert(areas).values({ orgId, name: "Checkout", emPersonId: E2.id, icPersonId: R1.id }).returning();

  // --- R1's 1:1s with E1: a held one last week and the next one tomorrow.
  const [held] = await db
    .insert(oneOnOnes)
    .values({
      orgId,
      personId: R1.id,
      managerPersonId: E1.id,
      scheduledAt: new Date(Date.now() - 7 * DAY),
      status: "held",
      heldAt: new Date(Date.now() - 7 * DAY),
    })
    .returning();
  const [meeting] = await db
    .insert(oneOnOnes)
    .values({ orgId, personId: R1.id, managerPersonId: E1.id, scheduledAt: new Date(Date.now() + DAY) })
    .returning();
  const [point] = await db
    .insert(talkingPoints)
    .values({ orgId, personId: R1.id, topic: "growth", body: "Eli's point for Rae", raisedBy: "me", authorPersonId: E1.id })
    .returning();
  const [theirPoint] = await db
    .insert(talkingPoints)
    .values({ orgId, personId: R1.id, topic: "team", body: "Rae's point", raisedBy: "them", authorPersonId: R1.id })
    .returning();
  const [action] = await db
    .insert(actionItems)
    .values({ orgId, personId: R1.id, oneOnOneId: held!.id, assignee: "them", title: "Rae writes the design doc" })
    .returning();
  const [myAction] = await db
    .insert(actionItems)
    .values({ orgId, personId: R1.id, oneOnOneId: held!.id, assignee: "me", title: "Eli books the review" })
    .returning();
  const [goal] = await db.insert(growthGoals).values({ orgId, personId: R1.id, title: "Lead the checkout rewrite" }).returning();
  const [sharedNote] = await db
    .insert(coachingNotes)
    .values({
      orgId,
      personId: R1.id,
      oneOnOneId: held!.id,
      goalId: goal!.id,
      kind: "coaching",
      body: "Shared: Rae ran the incident review well",
      authorPersonId: E1.id,
    })
    .returning();
  const secrets = { managerInR1: privateText("E1"), selfInR1: privateText("R1"), skipInE1: privateText("D"), topInD: privateText("V") };
  const [managerPrivate] = await db
    .insert(coachingNotes)
    .values({
      orgId,
      personId: R1.id,
      oneOnOneId: held!.id,
      kind: "observation",
      body: secrets.managerInR1,
      private: true,
      authorPersonId: E1.id,
    })
    .returning();
  const [selfPrivate] = await db
    .insert(coachingNotes)
    .values({
      orgId,
      personId: R1.id,
      oneOnOneId: held!.id,
      kind: "observation",
      body: secrets.selfInR1,
      private: true,
      authorPersonId: R1.id,
    })
    .returning();

  // --- E1's own 1:1 with D (D's private note) and D's with V (V's private note).
  const [e1Meeting] = await db
    .insert(oneOnOnes)
    .values({
      orgId,
      personId: E1.id,
      managerPersonId: D.id,
      scheduledAt: new Date(Date.now() - 3 * DAY),
      status: "held",
      heldAt: new Date(Date.now() - 3 * DAY),
    })
    .returning();
  const [skipPrivate] = await db
    .insert(coachingNotes)
    .values({
      orgId,
      personId: E1.id,
      oneOnOneId: e1Meeting!.id,
      kind: "coaching",
      body: secrets.skipInE1,
      private: true,
      authorPersonId: D.id,
    })
    .returning();
  const [dMeeting] = await db
    .insert(oneOnOnes)
    .values({
      orgId,
      personId: D.id,
      managerPersonId: V.id,
      scheduledAt: new Date(Date.now() - 2 * DAY),
      status: "held",
      heldAt: new Date(Date.now() - 2 * DAY),
    })
    .returning();
  const [topPrivate] = await db
    .insert(coachingNotes)
    .values({
      orgId,
      personId: D.id,
      oneOnOneId: dMeeting!.id,
      kind: "coaching",
      body: secrets.topInD,
      private: true,
      authorPersonId: V.id,
    })
    .returning();

  // --- E1's own notes about R1 (the person page): E1's alone.
  const personNote = `PERSON-NOTE-${randomUUID()}`;
  await db.insert(personNotes).values({ orgId, personId: R1.id, authorPersonId: E1.id, body: personNote });

  // --- Targets: R1's (set by E1, in Checkout, owned by R1 alone), the Platform pair's (set by D), one D shares with the org.
  const target = async (values: Partial<typeof targets.$inferInsert> & { title: string; controllerPersonId: string }, owners: string[]) => {
    const [row] = await db
      .insert(targets)
      .values({ orgId, kind: "reliability", startDate: "2026-01-01", dueDate: "2026-12-31", ...values })
      .returning();
    await db.insert(targetOwners).values(owners.map((personId) => ({ orgId, targetId: row!.id, personId })));
    return row!;
  };
  const r1Target = await target({ title: "Checkout p99 under 300 ms", controllerPersonId: E1.id, areaId: checkout!.id }, [R1.id]);
  const pairTarget = await target({ title: "Platform uptime 99.95%", controllerPersonId: D.id, areaId: platform!.id }, [E1.id, S.id]);
  const sharedTarget = await target({ title: "Org-wide: ship the new onboarding", controllerPersonId: D.id, sharedWithOrg: true }, [E2.id]);
  const [metric] = await db
    .insert(metrics)
    .values({ orgId, targetId: r1Target.id, name: "p99", kind: "number", unit: "ms", direction: "lower", baseline: 500, goal: 300 })
    .returning();
  const [milestone] = await db
    .insert(metrics)
    .values({ orgId, targetId: r1Target.id, name: "Cache in production", kind: "milestone" })
    .returning();
  const [checkIn] = await db
    .insert(checkIns)
    .values({ orgId, metricId: metric!.id, at: new Date("2026-02-01"), value: 420 })
    .returning();
  // The pair's side of R1's target: R1's comment, E1's comment, and R1's status of this week (UTC; the world's users keep UTC).
  const [selfComment] = await db
    .insert(targetComments)
    .values({ orgId, targetId: r1Target.id, authorPersonId: R1.id, body: `COMMENT-R1-${randomUUID()}` })
    .returning();
  const [managerComment] = await db
    .insert(targetComments)
    .values({ orgId, targetId: r1Target.id, authorPersonId: E1.id, body: `COMMENT-E1-${randomUUID()}` })
    .returning();
  const [statusUpdate] = await db
    .insert(targetStatusUpdates)
    .values({
      orgId,
      targetId: r1Target.id,
      authorPersonId: R1.id,
      weekStart: weekStartOf(new Date().toISOString().slice(0, 10)),
      body: `STATUS-R1-${randomUUID()}`,
    })
    .returning();
  const [pairMetric] = await db
    .insert(metrics)
    .values({
      orgId,
      targetId: pairTarget.id,
      name: "Uptime",
      kind: "number",
      unit: "%",
      direction: "higher",
      baseline: 99.9,
      goal: 99.95,
    })
    .returning();
  // --- Cascading targets: E1 (an owner of the Platform pair's target) splits it for R1, below them: controller E1, owner R1.
  const subTarget = await target(
    { title: "Platform: cache hit rate 95%", controllerPersonId: E1.id, areaId: platform!.id, parentId: pairTarget.id },
    [R1.id],
  );

  // --- Delegation: E1's task for R1 (ratings not shared) with one level change; D's task for E1.
  const [spectrum] = await db
    .select()
    .from(spectrums)
    .where(and(eq(spectrums.orgId, orgId), eq(spectrums.active, true)))
    .limit(1);
  // A second, inactive spectrum to preview and switch to.
  const [otherSpectrum] = await db.insert(spectrums).values({ orgId, name: "Situational", kind: "situational" }).returning();
  const otherLevels = await db
    .insert(spectrumLevels)
    .values(
      ["Directing", "Coaching", "Supporting", "Delegating"].map((label, position) => ({
        orgId,
        spectrumId: otherSpectrum!.id,
        position,
        label,
        autonomy: position / 3,
      })),
    )
    .returning();
  const levels = await db
    .select()
    .from(spectrumLevels)
    .where(and(eq(spectrumLevels.orgId, orgId), eq(spectrumLevels.spectrumId, spectrum!.id)))
    .orderBy(asc(spectrumLevels.position));
  const [task] = await db
    .insert(tasks)
    .values({
      orgId,
      personId: R1.id,
      delegatorPersonId: E1.id,
      targetId: r1Target.id,
      title: "Rae owns the cache rollout",
      competency: 3,
      criticality: 4,
      levelId: levels[2]!.id,
    })
    .returning();
  await db
    .insert(levelChanges)
    .values({ orgId, taskId: task!.id, toLabel: levels[2]!.label, toAutonomy: levels[2]!.autonomy, reason: "First rollout" });
  const [e1Task] = await db
    .insert(tasks)
    .values({
      orgId,
      personId: E1.id,
      delegatorPersonId: D.id,
      title: "Eli runs hiring for Platform",
      competency: 4,
      criticality: 3,
      levelId: levels[4]!.id,
    })
    .returning();

  // --- Delegation from both sides: R1's open proposal on their task (Consult → Advise), and a poker round E1 started
  // with R1 on a second task, where E1 has picked (Tell) and R1 not yet: nobody but E1 may see E1's pick.
  const [proposal] = await db
    .insert(levelProposals)
    .values({
      orgId,
      taskId: task!.id,
      proposerPersonId: R1.id,
      fromLevelId: levels[2]!.id,
      fromLabel: levels[2]!.label,
      toLevelId: levels[4]!.id,
      toLabel: levels[4]!.label,
      toAutonomy: levels[4]!.autonomy,
      reason: "Rae would like to advise on the rollout",
    })
    .returning();
  const [pokerTask] = await db
    .insert(tasks)
    .values({
      orgId,
      personId: R1.id,
      delegatorPersonId: E1.id,
      title: "Rae runs the on-call rota",
      competency: 2,
      criticality: 5,
      levelId: levels[3]!.id,
    })
    .returning();
  const [pokerRound] = await db.insert(pokerRounds).values({ orgId, delegatorPersonId: E1.id, delegateePersonId: R1.id }).returning();
  const [pokerItem] = await db
    .insert(pokerItems)
    .values({
      orgId,
      roundId: pokerRound!.id,
      taskId: pokerTask!.id,
      startLabel: levels[3]!.label,
      delegatorLevelId: levels[0]!.id,
      delegatorLabel: levels[0]!.label,
      delegatorPickedAt: new Date(),
    })
    .returning();

  // --- Inbox items: R1's (E1 added a point to their 1:1), E1's (R1 added one), and a stale one: U's about R1's
  // target, which U does not see (say U was an owner once): nobody, U included, may find it.
  const inboxItem = async (values: Omit<typeof notifications.$inferInsert, "orgId">) => {
    const [row] = await db
      .insert(notifications)
      .values({ orgId, ...values })
      .returning();
    return row!;
  };
  const selfInboxItem = await inboxItem({
    recipientPersonId: R1.id,
    actorPersonId: E1.id,
    kind: "talking_point_added",
    personId: R1.id,
    talkingPointId: point!.id,
    text: `INBOX-R1-${randomUUID()}`,
  });
  const managerInboxItem = await inboxItem({
    recipientPersonId: E1.id,
    actorPersonId: R1.id,
    kind: "talking_point_added",
    personId: R1.id,
    talkingPointId: theirPoint!.id,
    text: `INBOX-E1-${randomUUID()}`,
  });
  const staleInboxItem = await inboxItem({
    recipientPersonId: U.id,
    actorPersonId: R1.id,
    kind: "check_in",
    targetId: r1Target.id,
    text: `INBOX-STALE-${randomUUID()}`,
  });

  // --- Personal rows: R1's, E1's and D's energy and capacity (each the user's alone).
  const day = new Date(Date.now() - DAY).toISOString().slice(0, 10);
  const weekStart = weekStartOf(new Date().toISOString().slice(0, 10));
  const personal = async (who: TestUser, note: string) => {
    const [energy] = await db
      .insert(energyEntries)
      .values({ orgId, userId: who.id, day, slot: "start", level: 4, tags: ["incidents"], note })
      .returning();
    const [item] = await db
      .insert(capacityItems)
      .values({ orgId, userId: who.id, weekStart, title: `${note} plan`, hours: 6 })
      .returning();
    const [meeting] = await db
      .insert(calendarMeetings)
      .values({
        orgId,
        userId: who.id,
        weekStart,
        uid: `${randomUUID()}@example.com`,
        title: `${note} meeting`,
        startsAt: new Date(`${weekStart}T13:00:00Z`),
        endsAt: new Date(`${weekStart}T14:00:00Z`),
      })
      .returning();
    return { energy: energy!, item: item!, meeting: meeting! };
  };
  const selfPersonal = await personal(members.self, "Rae's energy");
  const managerPersonal = await personal(members.manager, "Eli's energy");
  const skipPersonal = await personal(members.skip, "Dana's energy");
  const token = await members.self.caller.apiTokens.create({ name: "Rae's token" });
  const calendarFeed = await members.self.caller.calendar.createFeed();
  // A Prometheus data source with a bearer token whose text no answer may carry.
  const dataSourceId = randomUUID();
  const dataSourceToken = `TOKEN-${randomUUID()}`;
  const [dataSource] = await db
    .insert(dataSources)
    .values({
      id: dataSourceId,
      orgId,
      name: "Prometheus",
      baseUrl: "http://127.0.0.1:9",
      authKind: "bearer",
      secretSealed: sealSecret(JSON.stringify({ token: dataSourceToken }), orgId, dataSourceId),
    })
    .returning();
  const ladder = await v.caller.people.ladder();
  // A whole file of another organisation, to try importing.
  const otherExport: unknown = await other.caller.account.export({ includePrivate: true });

  return {
    orgId,
    members,
    other,
    people: { V, D, A, E1, S, E2, R1, R2, U },
    areas: { platform: platform!, checkout: checkout! },
    held: held!,
    meeting: meeting!,
    point: point!,
    theirPoint: theirPoint!,
    action: action!,
    myAction: myAction!,
    goal: goal!,
    sharedNote: sharedNote!,
    managerPrivate: managerPrivate!,
    selfPrivate: selfPrivate!,
    e1Meeting: e1Meeting!,
    dMeeting: dMeeting!,
    skipPrivate: skipPrivate!,
    topPrivate: topPrivate!,
    secrets,
    personNote,
    r1Target,
    pairTarget,
    sharedTarget,
    pairMetric: pairMetric!,
    subTarget,
    metric: metric!,
    milestone: milestone!,
    checkIn: checkIn!,
    selfComment: selfComment!,
    managerComment: managerComment!,
    statusUpdate: statusUpdate!,
    spectrum: spectrum!,
    dataSource: dataSource!,
    dataSourceToken,
    levels,
    otherSpectrum: otherSpectrum!,
    otherLevels,
    task: task!,
    e1Task: e1Task!,
    proposal: proposal!,
    pokerTask: pokerTask!,
    pokerRound: pokerRound!,
    pokerItem: pokerItem!,
    selfInboxItem,
    managerInboxItem,
    staleInboxItem,
    day,
    weekStart,
    selfPersonal,
    managerPersonal,
    skipPersonal,
    token,
    calendarFeed,
    ladder,
    otherExport,
  };
}

export type Org = Awaited<ReturnType<typeof makeOrg>>;
