import type { Db } from "../../db/types";
import { capacityItems, capacityWeeks, energyDays, energyEntries } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { userClock } from "../kernel/clock";
import { weekStartOf } from "@/lib/energy/week";
import { addDays } from "@/lib/one-on-ones/days";

/** Writes: the demo's energy log and capacity plan. */

type Slot = "start" | "middle" | "end";

// A weekday's shape by its weekday (Monday first): what the manager did and how it felt.
// The pattern to find: incidents and back-to-back meetings drain, deep work and rest restore,
// and Wednesdays (planning plus meetings) sink lowest.
const WEEKDAY: { slot: Slot; tags: string[]; level: number; note?: string }[][] = [
  [
    { slot: "start", tags: ["deep work"], level: 8 },
    { slot: "middle", tags: ["1:1s"], level: 7 },
    { slot: "end", tags: ["meetings"], level: 5 },
  ],
  [
    { slot: "start", tags: ["deep work"], level: 8 },
    { slot: "middle", tags: ["meetings", "hiring"], level: 5 },
    { slot: "end", tags: ["1:1s"], level: 6 },
  ],
  [
    { slot: "start", tags: ["planning"], level: 7 },
    { slot: "middle", tags: ["meetings"], level: 4 },
    { slot: "end", tags: ["meetings"], level: 3, note: "Back-to-back from 1 pm" },
  ],
  [
    { slot: "start", tags: ["incidents"], level: 4, note: "Payments paged at 7 am" },
    { slot: "middle", tags: ["incidents", "meetings"], level: 3 },
    { slot: "end", tags: ["1:1s"], level: 5 },
  ],
  [
    { slot: "start", tags: ["deep work"], level: 7 },
    { slot: "middle", tags: ["hiring"], level: 6 },
    { slot: "end", tags: ["rest"], level: 8 },
  ],
];
const PRODUCTIVE = [5, 4, 2.5, 2, 4.5];

/** Three weeks of weekday energy entries before today, and this week's plan. */
export async function insertDemoCapacity(tx: Db, actor: Actor, now: Date) {
  const { today } = await userClock(tx, actor, now);
  const thisWeek = weekStartOf(today);
  const { orgId, userId } = actor;
  const entries: (typeof energyEntries.$inferInsert)[] = [];
  const days: (typeof energyDays.$inferInsert)[] = [];
  for (let week = 3; week >= 0; week--) {
    const monday = addDays(thisWeek, -7 * week);
    WEEKDAY.forEach((slots, weekday) => {
      const day = addDays(monday, weekday);
      if (day >= today) return;
      // A little variation between weeks, the pattern stays.
      const wobble = ((week + weekday) % 3) - 1;
      for (const s of slots)
        entries.push({
          orgId,
          userId,
          day,
          slot: s.slot,
          tags: s.tags,
          note: s.note ?? null,
          level: Math.min(10, Math.max(1, s.level + wobble)),
        });
      days.push({ orgId, userId, day, productiveHours: PRODUCTIVE[weekday]! });
    });
  }
  // The user's own log is theirs: the demo fills only the days and weeks they have not logged themselves.
  if (entries.length) await tx.insert(energyEntries).values(entries).onConflictDoNothing();
  if (days.length) await tx.insert(energyDays).values(days).onConflictDoNothing();
  await tx
    .insert(capacityWeeks)
    .values({ orgId, userId, weekStart: thisWeek, availableHours: 40, deepWorkCapPerDay: 3.5, bufferPercent: 20, oneOnOneMinutes: 30 })
    .onConflictDoNothing();
  await tx.insert(capacityItems).values([
    { orgId, userId, weekStart: addDays(thisWeek, -14), title: "Staff meeting and leadership sync", hours: 4, recurring: true },
    { orgId, userId, weekStart: addDays(thisWeek, -14), title: "Hiring: interviews and debriefs", hours: 5, recurring: true },
    { orgId, userId, weekStart: thisWeek, title: "Q1 planning document", hours: 8, deepWork: true },
    { orgId, userId, weekStart: thisWeek, title: "Peak-season readiness review", hours: 3 },
    { orgId, userId, weekStart: thisWeek, title: "Ledger architecture review", hours: 4, deepWork: true },
  ]);
  return entries.length;
}
