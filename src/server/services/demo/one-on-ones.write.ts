import { randomUUID } from "node:crypto";
import type { Db } from "../../db/types";
import { actionItems, coachingNotes, growthGoals, oneOnOnes, talkingPoints } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { addDays } from "@/lib/one-on-ones/days";

/** Writes: the demo's 1:1s, notes, goals, points and actions. */

const DAY = 86_400_000;

type DemoThread = {
  person: string;
  every: number;
  /** Days since the last 1:1 held; with `bookedIn`, days until the next booked one. */
  lastHeldDaysAgo: number;
  bookedIn?: number;
  goal: { title: string; description: string };
  notes: {
    kind: "coaching" | "praise" | "constructive" | "observation";
    body: string;
    sbi?: [string, string, string];
    private?: boolean;
  }[];
  /** Points raised in earlier 1:1s and not yet discussed (carried over), then new ones. */
  carried: string[];
  fresh: { body: string; raisedBy: "me" | "them" }[];
  actions: { title: string; assignee: "me" | "them"; dueInDays: number; done?: boolean }[];
};

// Three months of 1:1s with the six direct reports: some overdue, some booked,
// each with a growth goal, notes (some as feedback in SBI shape), open actions
// and talking points that carried over.
const THREADS: DemoThread[] = [
  {
    person: "priya",
    every: 7,
    lastHeldDaysAgo: 6,
    bookedIn: 1,
    goal: {
      title: "Run a two-team organisation",
      description: "Lead through her two EMs-to-be rather than directly; build the second team's leadership.",
    },
    notes: [
      {
        kind: "coaching",
        body: "Talked through **skip-levels**: she will start monthly ones with Checkout.\n\n- Ask open questions\n- Share themes, not names",
      },
      {
        kind: "praise",
        body: "",
        sbi: [
          "Peak-season readiness review",
          "Walked the room through the failover runbook and owned the gaps",
          "Execs left confident; two follow-ups already closed",
        ],
      },
      {
        kind: "observation",
        body: "Still the first responder on every payments incident. Worth watching: is Amara getting the reps?",
        private: true,
      },
    ],
    carried: ["Amara's promotion case: timing"],
    fresh: [{ body: "Headcount for the second team", raisedBy: "them" }],
    actions: [
      { title: "Draft the second team's charter", assignee: "them", dueInDays: 5 },
      { title: "Intro Priya to the finance partner", assignee: "me", dueInDays: -3 },
      { title: "Share the peak-season retro", assignee: "them", dueInDays: -20, done: true },
    ],
  },
  {
    person: "tom",
    every: 7,
    lastHeldDaysAgo: 12,
    goal: {
      title: "Own the Search roadmap end to end",
      description: "From priorities to trade-offs with product, without me in the room.",
    },
    notes: [
      {
        kind: "constructive",
        body: "",
        sbi: [
          "Roadmap review with product",
          "Agreed to every new ask without naming a trade-off",
          "The latency work slipped a sprint and Sofia heard it second-hand",
        ],
      },
      { kind: "coaching", body: "Practised saying no with a *because*: he will bring one trade-off to the next product sync." },
    ],
    carried: ["What to drop from Q1 to protect the latency work", "On-call load on Ravi"],
    fresh: [{ body: "P99 is slipping again: what does Sofia need?", raisedBy: "me" }],
    actions: [
      { title: "Write the Q1 trade-off memo", assignee: "them", dueInDays: -4 },
      { title: "Ask product for a quarterly priorities review", assignee: "me", dueInDays: 3 },
    ],
  },
  {
    person: "lena",
    every: 7,
    lastHeldDaysAgo: 7,
    goal: { title: "Lead a migration across teams", description: "Drive the Kubernetes move through other teams' EMs, not around them." },
    notes: [
      { kind: "praise", body: "The staging cut-over plan was clear and the Payments migration went without an incident." },
      { kind: "coaching", body: "How to get Search's EM to commit a date without escalating." },
    ],
    carried: [],
    fresh: [
      { body: "Search services: migration date", raisedBy: "me" },
      { body: "Budget for the VM decommissioning", raisedBy: "them" },
    ],
    actions: [{ title: "Agree the Search migration date with Tom", assignee: "them", dueInDays: 7 }],
  },
  {
    person: "marcus",
    every: 14,
    lastHeldDaysAgo: 10,
    goal: {
      title: "Lead the ledger re-architecture through others",
      description: "Set direction and review, let the senior engineers drive the designs.",
    },
    notes: [
      { kind: "coaching", body: "He rewrote Jonas's design doc instead of reviewing it. We agreed: comments only, and a pairing session." },
      { kind: "observation", body: "Strong written RFC; the ledger sharding section is the model for the others." },
    ],
    carried: ["Mentoring Jonas on design docs"],
    fresh: [],
    actions: [{ title: "Review Jonas's ledger RFC (comments only)", assignee: "them", dueInDays: 2 }],
  },
  {
    person: "sofia",
    every: 14,
    lastHeldDaysAgo: 20,
    goal: { title: "Lead a technical initiative across two teams", description: "The latency programme with Search and Platform." },
    notes: [
      {
        kind: "praise",
        body: "",
        sbi: ["Latency deep-dive", "Profiled the ranking service and found the N+1 in feature fetching", "Cut P99 by 120 ms in a week"],
      },
      { kind: "coaching", body: "Where to get help from Platform without waiting on their roadmap." },
    ],
    carried: ["Platform support for the caching layer", "Conference talk proposal"],
    fresh: [{ body: "Tail latency regressed: what changed?", raisedBy: "them" }],
    actions: [
      { title: "Send the caching proposal to Lena and David", assignee: "them", dueInDays: -6 },
      { title: "Review Sofia's talk abstract", assignee: "me", dueInDays: -1 },
    ],
  },
  {
    person: "david",
    every: 14,
    lastHeldDaysAgo: 9,
    bookedIn: 3,
    goal: { title: "Grow incident commanders", description: "Three new incident commanders trained by the end of the half." },
    notes: [{ kind: "praise", body: "Incident reviews are now blameless and short; two engineers asked to shadow him as commander." }],
    carried: [],
    fresh: [{ body: "Commander rota for the holidays", raisedBy: "them" }],
    actions: [{ title: "Pick the next two commander trainees", assignee: "them", dueInDays: 10 }],
  },
];

/** About three months of 1:1s for the demo's direct reports. */
export async function insertDemoOneOnOnes(tx: Db, actor: Actor, personIds: Map<string, string>, now: Date, today: string) {
  const { orgId, personId: me } = actor;
  for (const t of THREADS) {
    const personId = personIds.get(t.person)!;
    const held: { id: string; at: Date }[] = [];
    for (let daysAgo = t.lastHeldDaysAgo; daysAgo <= 90; daysAgo += t.every) {
      const at = new Date(now.getTime() - daysAgo * DAY);
      at.setUTCHours(10, 0, 0, 0);
      held.unshift({ id: randomUUID(), at });
    }
    await tx
      .insert(oneOnOnes)
      .values(
        held.map((m) => ({ id: m.id, orgId, personId, managerPersonId: me, scheduledAt: m.at, status: "held" as const, heldAt: m.at })),
      );
    if (t.bookedIn) {
      const at = new Date(now.getTime() + t.bookedIn * DAY);
      at.setUTCHours(10, 0, 0, 0);
      await tx.insert(oneOnOnes).values({ orgId, personId, managerPersonId: me, scheduledAt: at });
    }
    const goalId = randomUUID();
    await tx
      .insert(growthGoals)
      .values({ id: goalId, orgId, personId, title: t.goal.title, description: t.goal.description, createdAt: held[0]!.at });
    // Notes land in the latest 1:1s, newest note in the last one.
    await tx.insert(coachingNotes).values(
      t.notes.map((n, i) => {
        const meeting = held[Math.max(0, held.length - t.notes.length + i)]!;
        return {
          orgId,
          authorPersonId: me,
          personId,
          oneOnOneId: meeting.id,
          goalId: n.kind === "observation" ? null : goalId,
          kind: n.kind,
          situation: n.sbi?.[0] ?? null,
          behaviour: n.sbi?.[1] ?? null,
          impact: n.sbi?.[2] ?? null,
          body: n.body,
          private: n.private ?? false,
          createdAt: meeting.at,
          updatedAt: meeting.at,
        };
      }),
    );
    // Each earlier 1:1 discussed a point; the carried ones were raised two 1:1s ago and are still open.
    const discussed = held.slice(0, -1).map((m, i) => ({
      orgId,
      personId,
      topic: (["team", "targets", "growth", "delegation"] as const)[i % 4],
      body: ["Team health check", "Target review", "Career conversation", "What to delegate next"][i % 4]!,
      discussedInId: m.id,
      discussedAt: m.at,
      createdAt: new Date(m.at.getTime() - 2 * DAY),
    }));
    const carriedFrom = held.at(-3) ?? held[0]!;
    const open = [
      ...t.carried.map((body, i) => ({
        orgId,
        personId,
        topic: i % 2 ? ("other" as const) : ("team" as const),
        body,
        carriedOver: 2,
        createdAt: new Date(carriedFrom.at.getTime() - DAY),
      })),
      ...t.fresh.map((p) => ({
        orgId,
        personId,
        topic: "other" as const,
        body: p.body,
        raisedBy: p.raisedBy,
        createdAt: new Date(now.getTime() - DAY),
      })),
    ];
    await tx.insert(talkingPoints).values([...discussed, ...open]);
    const last = held.at(-1)!;
    await tx.insert(actionItems).values(
      t.actions.map((a) => ({
        orgId,
        personId,
        oneOnOneId: a.done ? (held.at(-2) ?? last).id : last.id,
        assignee: a.assignee,
        title: a.title,
        dueDate: addDays(today, a.dueInDays),
        doneAt: a.done ? new Date(last.at.getTime() - DAY) : null,
        createdAt: last.at,
      })),
    );
  }
  return THREADS.length;
}
