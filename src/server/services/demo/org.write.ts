import { rebuildChart } from "../people/chart.write";
import { refreshAllStaleTargetHealth } from "../targets/health.stored";
import { randomUUID } from "node:crypto";
import type { Db } from "../../db/types";
import {
  areas,
  checkIns,
  levelChanges,
  metrics,
  people,
  targetComments,
  targetOwners,
  targets,
  targetStatusUpdates,
  tasks,
} from "../../db/schema/index";
import { insertDemoCapacity } from "./capacity.write";
import { insertDemoOneOnOnes } from "./one-on-ones.write";
import { getActiveSpectrum } from "../delegation/spectrums.read";
import { refreshAutonomyMonths } from "../delegation/autonomy-months.write";
import type { Actor } from "../kernel/actor";
import { userClock } from "../kernel/clock";
import { AppError } from "../kernel/errors";
import { requireAdmin } from "../kernel/access";
import { countPeople } from "../people/people.read";
import { addDays } from "@/lib/one-on-ones/days";
import { weekStartOf } from "@/lib/energy/week";
import { defaultCadence, type Level, type Track } from "@/lib/people/ladder";

/** Writes: the demo organisation, loaded into an empty account. Dates are counted from the user's today, as every page counts them. */

type DemoPerson = {
  key: string;
  name: string;
  title: string;
  track: Track;
  level: Level;
  manager?: string;
  leads?: string;
  /** Absent: the default for where they sit (fortnightly for the director's reports, none further down). */
  cadence?: "weekly" | "fortnightly" | "monthly";
  startDate: string;
};

// The account owner is the director: three EMs and three staff/principal
// engineers report to them, each EM with a team, and three areas each
// overseen by an EM + staff engineer pair.
const DEMO_PEOPLE: DemoPerson[] = [
  {
    key: "priya",
    name: "Priya Raman",
    title: "Engineering Manager, Payments",
    track: "manager",
    level: "senior_em",
    leads: "Payments organisation (2 teams)",
    cadence: "weekly",
    startDate: "2021-03-01",
  },
  {
    key: "tom",
    name: "Tom Okafor",
    title: "Engineering Manager, Search",
    track: "manager",
    level: "em",
    leads: "Search team",
    cadence: "weekly",
    startDate: "2023-06-12",
  },
  {
    key: "lena",
    name: "Lena Fischer",
    title: "Engineering Manager, Platform",
    track: "manager",
    level: "em",
    leads: "Platform infrastructure team",
    cadence: "weekly",
    startDate: "2022-09-05",
  },
  {
    key: "marcus",
    name: "Marcus Chen",
    title: "Principal Engineer",
    track: "ic",
    level: "principal",
    leads: "Payments ledger re-architecture",
    cadence: "fortnightly",
    startDate: "2019-11-18",
  },
  {
    key: "sofia",
    name: "Sofia Alvarez",
    title: "Staff Engineer",
    track: "ic",
    level: "staff",
    leads: "Search relevance and latency",
    cadence: "fortnightly",
    startDate: "2022-01-10",
  },
  {
    key: "david",
    name: "David Kim",
    title: "Senior Staff Engineer",
    track: "ic",
    level: "senior_staff",
    leads: "Platform reliability (SLOs, incident response)",
    cadence: "fortnightly",
    startDate: "2020-07-20",
  },
  {
    key: "amara",
    name: "Amara Nwosu",
    title: "Engineering Manager, Checkout",
    track: "manager",
    level: "em",
    manager: "priya",
    leads: "Checkout team",
    startDate: "2023-02-01",
  },
  {
    key: "jonas",
    name: "Jonas Berg",
    title: "Senior Engineer",
    track: "ic",
    level: "senior",
    manager: "priya",
    leads: "Card processing integrations",
    startDate: "2022-04-04",
  },
  { key: "mei", name: "Mei Tanaka", title: "Senior Engineer", track: "ic", level: "senior", manager: "amara", startDate: "2023-08-14" },
  { key: "omar", name: "Omar Haddad", title: "Senior Engineer", track: "ic", level: "senior", manager: "amara", startDate: "2024-01-08" },
  {
    key: "grace",
    name: "Grace Liu",
    title: "Staff Engineer",
    track: "ic",
    level: "staff",
    manager: "amara",
    leads: "Checkout conversion experiments",
    startDate: "2021-05-17",
  },
  { key: "ravi", name: "Ravi Patel", title: "Senior Engineer", track: "ic", level: "senior", manager: "tom", startDate: "2023-10-02" },
  { key: "ella", name: "Ella Morris", title: "Senior Engineer", track: "ic", level: "senior", manager: "tom", startDate: "2024-03-11" },
  { key: "kenji", name: "Kenji Watanabe", title: "Senior Engineer", track: "ic", level: "senior", manager: "tom", startDate: "2022-11-28" },
  { key: "nadia", name: "Nadia Petrova", title: "Senior Engineer", track: "ic", level: "senior", manager: "lena", startDate: "2021-09-13" },
  { key: "sam", name: "Sam Taylor", title: "Senior Engineer", track: "ic", level: "senior", manager: "lena", startDate: "2024-06-03" },
  {
    key: "ines",
    name: "Inês Costa",
    title: "Staff Engineer",
    track: "ic",
    level: "staff",
    manager: "lena",
    leads: "Kubernetes migration",
    startDate: "2020-02-24",
  },
];

const DEMO_AREAS = [
  { name: "Payments platform", description: "Payment processing, ledger and payouts.", em: "priya", ic: "marcus" },
  { name: "Search", description: "Query understanding, ranking and the search API.", em: "tom", ic: "sofia" },
  { name: "Core infrastructure", description: "Compute, networking, observability and on-call.", em: "lena", ic: "david" },
];

/**
 * Loads the demo organisation into an account that has no people yet, in one
 * transaction. Later features add their demo data here too.
 */
export async function loadDemoOrganisation(db: Db, actor: Actor, now = new Date()) {
  // The demo is a whole organisation under its top person: an admin's, into an organisation of one.
  requireAdmin(actor, "Demo organisation");
  if ((await countPeople(db, actor)) > 0) {
    throw new AppError("CONFLICT", "The demo organisation loads only into an organisation with no people yet but you.");
  }
  const ids = new Map(DEMO_PEOPLE.map((p) => [p.key, randomUUID()]));
  const emailOf = (name: string) =>
    `${name
      .toLowerCase()
      .normalize("NFD")
      .replace(/[^a-z ]/g, "")
      .replace(/ /g, ".")}@example.com`;
  const areaIds = new Map(DEMO_AREAS.map((a) => [a.name, randomUUID()]));
  const { today } = await userClock(db, actor, now);
  await db.transaction(async (tx) => {
    await tx.insert(people).values(
      DEMO_PEOPLE.map((p) => ({
        id: ids.get(p.key)!,
        orgId: actor.orgId,
        name: p.name,
        email: emailOf(p.name),
        title: p.title,
        track: p.track,
        level: p.level,
        managerId: p.manager ? ids.get(p.manager)! : actor.personId,
        leads: p.leads ?? null,
        // People further down have no set cadence: their 1:1s are their own manager's, not the director's list's.
        cadence: p.cadence ?? defaultCadence(!p.manager),
        startDate: p.startDate,
      })),
    );
    await rebuildChart(tx, actor.orgId);
    await tx.insert(areas).values(
      DEMO_AREAS.map((a) => ({
        id: areaIds.get(a.name)!,
        orgId: actor.orgId,
        name: a.name,
        description: a.description,
        emPersonId: ids.get(a.em)!,
        icPersonId: ids.get(a.ic)!,
      })),
    );
    await insertDemoTargets(tx, actor, ids, areaIds, now, today);
    await insertDemoTasks(tx, actor, ids, now, today);
    await insertDemoOneOnOnes(tx, actor, ids, now, today);
    await insertDemoCapacity(tx, actor, now);
  });
  // The targets' stored health (health.stored.ts), judged once everything is in.
  await refreshAllStaleTargetHealth(db, actor.orgId, now);
  return { people: DEMO_PEOPLE.length, areas: DEMO_AREAS.length, targets: DEMO_TARGETS.length, tasks: DEMO_TASKS.length };
}

const DAY = 86_400_000;

type DemoMetric = {
  name: string;
  unit?: string;
  direction?: "higher" | "lower";
  baseline?: number;
  goal?: number;
  warning?: number;
  /** Fraction of the way from baseline to goal reached by now (weekly values move toward it, with noise). */
  reached?: number;
  milestoneDone?: boolean;
};

type DemoTarget = {
  area: string;
  owners: [string, string] | [string];
  /** A sub-target: the title of the demo target it is part of (listed before it), and who set it (one of that target's owners). */
  parent?: { title: string; setBy: string };
  title: string;
  kind: "feature" | "reliability" | "speed";
  description: string;
  metrics: DemoMetric[];
  /** The pair's thread: who wrote, how many days ago, what. */
  comments?: { by: string; daysAgo: number; body: string }[];
  /** The owners' weekly statuses of past weeks (1: last week). */
  statuses?: { by: string; weeksAgo: number; body: string }[];
};

// Three months in, three to go. Payments is on track, Search at risk, the migration mixed.
const DEMO_TARGETS: DemoTarget[] = [
  {
    area: "Payments platform",
    owners: ["priya", "marcus"],
    title: "Payments API: 99.95% uptime",
    kind: "reliability",
    description:
      "Card payments must stay up through peak season.\n\n- Multi-region failover for the ledger\n- Error budget reviewed weekly",
    metrics: [
      { name: "Uptime", unit: "%", direction: "higher", baseline: 99.5, goal: 99.95, warning: 99.7, reached: 0.62 },
      { name: "Error rate", unit: "errors/min", direction: "lower", baseline: 12, goal: 2, reached: 0.55 },
    ],
    comments: [
      { by: "marcus", daysAgo: 9, body: "Failover drill went well: the ledger switched regions in 40 s." },
      { by: "priya", daysAgo: 8, body: "Nice. Can we get it under 30 s before peak? I'll find time in the next sprint." },
      { by: "marcus", daysAgo: 2, body: "Error budget review: two bad deploys this week, both rolled back within minutes." },
    ],
    statuses: [
      { by: "priya", weeksAgo: 2, body: "On track: uptime steady at 99.8%, failover drill booked." },
      { by: "marcus", weeksAgo: 1, body: "On track. Failover works; two bad deploys cost some error budget." },
    ],
  },
  {
    area: "Search",
    owners: ["tom", "sofia"],
    title: "Search P99 latency under 300 ms",
    kind: "speed",
    description: "Slow results cost conversions. Bring the tail down without raising cost.",
    metrics: [
      { name: "P99 latency", unit: "ms", direction: "lower", baseline: 850, goal: 300, warning: 650, reached: 0.28 },
      { name: "Throughput", unit: "req/s", direction: "higher", baseline: 1200, goal: 2000, reached: 0.45 },
    ],
  },
  {
    area: "Core infrastructure",
    owners: ["lena", "david"],
    title: "Move every service to Kubernetes",
    kind: "feature",
    description: "Retire the VM fleet by the end of the half.",
    metrics: [
      { name: "Staging cluster live", milestoneDone: true },
      { name: "Payments services migrated", milestoneDone: true },
      { name: "Search services migrated", milestoneDone: false },
      { name: "VM fleet decommissioned", milestoneDone: false },
      { name: "CPU in use", unit: "cores", direction: "lower", baseline: 480, goal: 360, reached: 0.5 },
    ],
  },
  // Tom splits the Search pair's target for his team: the ranking path is off track, the cache on track.
  {
    area: "Search",
    owners: ["ravi", "kenji"],
    parent: { title: "Search P99 latency under 300 ms", setBy: "tom" },
    title: "Ranking P99 under 150 ms",
    kind: "speed",
    description: "The ranking service is most of the tail. Precompute features, trim the model.",
    metrics: [{ name: "Ranking P99", unit: "ms", direction: "lower", baseline: 420, goal: 150, reached: 0.12 }],
  },
  {
    area: "Search",
    owners: ["ella"],
    parent: { title: "Search P99 latency under 300 ms", setBy: "tom" },
    title: "Query cache hit rate 80%",
    kind: "speed",
    description: "Serve repeated queries from the cache.",
    metrics: [{ name: "Hit rate", unit: "%", direction: "higher", baseline: 40, goal: 80, reached: 0.6 }],
  },
];

async function insertDemoTargets(
  tx: Db,
  actor: Actor,
  personIds: Map<string, string>,
  areaIds: Map<string, string>,
  now: Date,
  today: string,
) {
  const start = new Date(now.getTime() - 91 * DAY);
  const idOf = new Map<string, string>();
  for (const t of DEMO_TARGETS) {
    const targetId = randomUUID();
    idOf.set(t.title, targetId);
    await tx.insert(targets).values({
      id: targetId,
      orgId: actor.orgId,
      controllerPersonId: t.parent ? personIds.get(t.parent.setBy)! : actor.personId,
      parentId: t.parent ? idOf.get(t.parent.title)! : null,
      title: t.title,
      description: t.description,
      kind: t.kind,
      status: "active",
      areaId: areaIds.get(t.area)!,
      startDate: addDays(today, -91),
      dueDate: addDays(today, 91),
    });
    await tx.insert(targetOwners).values(t.owners.map((key) => ({ orgId: actor.orgId, targetId, personId: personIds.get(key)! })));
    if (t.comments?.length) {
      await tx.insert(targetComments).values(
        t.comments.map((c) => ({
          orgId: actor.orgId,
          targetId,
          authorPersonId: personIds.get(c.by)!,
          body: c.body,
          createdAt: new Date(now.getTime() - c.daysAgo * DAY),
        })),
      );
    }
    if (t.statuses?.length) {
      await tx.insert(targetStatusUpdates).values(
        t.statuses.map((u) => {
          const at = new Date(now.getTime() - u.weeksAgo * 7 * DAY);
          return {
            orgId: actor.orgId,
            targetId,
            authorPersonId: personIds.get(u.by)!,
            weekStart: weekStartOf(addDays(today, -7 * u.weeksAgo)),
            body: u.body,
            createdAt: at,
            updatedAt: at,
          };
        }),
      );
    }
    for (const [position, m] of t.metrics.entries()) {
      const metricId = randomUUID();
      const milestone = m.milestoneDone !== undefined;
      await tx.insert(metrics).values({
        id: metricId,
        orgId: actor.orgId,
        targetId,
        name: m.name,
        kind: milestone ? "milestone" : "number",
        unit: m.unit ?? null,
        direction: m.direction ?? null,
        baseline: m.baseline ?? null,
        goal: m.goal ?? null,
        warning: m.warning ?? null,
        done: m.milestoneDone ?? false,
        position,
      });
      if (milestone) continue;
      // Thirteen weekly values from the baseline toward where the metric stands now, with a little noise.
      const weeks = 13;
      const span = m.goal! - m.baseline!;
      await tx.insert(checkIns).values(
        Array.from({ length: weeks + 1 }, (_, w) => {
          const share = (m.reached! * w) / weeks;
          const noise = Math.sin(w * 1.7 + position) * 0.04 * Math.abs(span);
          const value = Number((m.baseline! + span * share + (w === weeks ? 0 : noise)).toFixed(3));
          return {
            orgId: actor.orgId,
            metricId,
            at: new Date(start.getTime() + w * 7 * DAY),
            value,
            note: w === weeks ? "Latest weekly review" : null,
          };
        }),
      );
    }
  }
}

type DemoTask = {
  person: string;
  title: string;
  competency: number;
  criticality: number;
  path: string[];
  reasons: string[];
  reviewInDays: number;
};

// Level paths over the last four months (oldest first), so the history and trends have a shape.
const DEMO_TASKS: DemoTask[] = [
  {
    person: "marcus",
    title: "Ledger re-architecture decisions",
    competency: 5,
    criticality: 4,
    path: ["Tell", "Sell", "Consult"],
    reasons: ["New area for the company", "Design review went well", "Still one-way doors ahead"],
    reviewInDays: 10,
  },
  {
    person: "sofia",
    title: "Search latency work",
    competency: 4,
    criticality: 3,
    path: ["Consult", "Agree", "Advise"],
    reasons: ["First big project here", "Strong profiling plan", "Owns the approach now"],
    reviewInDays: 20,
  },
  {
    person: "priya",
    title: "Hiring for the Payments org",
    competency: 4,
    criticality: 4,
    path: ["Agree", "Inquire"],
    reasons: ["Calibrating the bar together", "Busy quarter: gave it away"],
    reviewInDays: -5,
  },
  { person: "tom", title: "Search roadmap", competency: 2, criticality: 4, path: ["Consult"], reasons: ["New EM"], reviewInDays: 14 },
  {
    person: "lena",
    title: "Kubernetes rollout plan",
    competency: 4,
    criticality: 5,
    path: ["Sell", "Consult"],
    reasons: ["High blast radius", "Staging went smoothly"],
    reviewInDays: -12,
  },
  {
    person: "david",
    title: "Incident reviews",
    competency: 5,
    criticality: 3,
    path: ["Advise", "Delegate"],
    reasons: ["Runs them well", "Fully his"],
    reviewInDays: 30,
  },
  {
    person: "amara",
    title: "Checkout team rituals",
    competency: 4,
    criticality: 2,
    path: ["Advise", "Inquire", "Delegate"],
    // No reason for the last step: the demo shows a level beyond the suggestion without one (a calm amber flag) beside those with one.
    reasons: ["Settling in", "Team health improving"],
    reviewInDays: 45,
  },
];

async function insertDemoTasks(tx: Db, actor: Actor, personIds: Map<string, string>, now: Date, today: string) {
  const spectrum = await getActiveSpectrum(tx, actor);
  const byLabel = new Map(spectrum.levels.map((l) => [l.label, l]));
  for (const t of DEMO_TASKS) {
    const taskId = randomUUID();
    const current = byLabel.get(t.path.at(-1)!)!;
    await tx.insert(tasks).values({
      id: taskId,
      orgId: actor.orgId,
      delegatorPersonId: actor.personId,
      personId: personIds.get(t.person)!,
      title: t.title,
      competency: t.competency,
      criticality: t.criticality,
      levelId: current.id,
      reviewDate: addDays(today, t.reviewInDays),
    });
    await tx.insert(levelChanges).values(
      t.path.map((label, i) => {
        const from = i > 0 ? byLabel.get(t.path[i - 1]!)! : null;
        const to = byLabel.get(label)!;
        return {
          orgId: actor.orgId,
          taskId,
          fromLabel: from?.label ?? null,
          fromAutonomy: from?.autonomy ?? null,
          toLabel: to.label,
          toAutonomy: to.autonomy,
          reason: t.reasons[i] ?? null,
          at: new Date(now.getTime() - (120 - i * (110 / t.path.length)) * DAY),
        };
      }),
    );
  }
  await refreshAutonomyMonths(tx, actor.orgId, [...personIds.values()]);
}
