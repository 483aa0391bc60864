import fc from "fast-check";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { tasks } from "@/server/db/schema/index";
import type { Actor } from "@/server/services/kernel/actor";
import { inScope } from "@/server/services/kernel/access";
import { userClock } from "@/server/services/kernel/clock";
import { useTestDatabase } from "@/test/database";
import { createUser, joinAsMember } from "@/test/factories";
import { delegationFlag } from "@/lib/delegation/flag";
import { review, seenBy } from "@/lib/delegation/review";
import { getActiveSpectrum } from "./spectrums.read";
import { delegationOverview, levelReason } from "./tasks.read";

/**
 * The overview counts tasks in SQL by what decides their flags; these are the
 * counts the rules give task by task (review, seenBy, delegationFlag: the
 * overview's reading of every open task before), on generated tasks.
 */
const database = useTestDatabase();

async function taskByTask(actor: Actor, all: boolean) {
  const db = database.current.db;
  const [clock, spectrum] = await Promise.all([userClock(db, actor), getActiveSpectrum(db, actor)]);
  const rows = await db
    .select({ task: tasks, levelReason })
    .from(tasks)
    .where(inScope(tasks, actor, eq(tasks.status, "open"), all ? undefined : eq(tasks.delegatorPersonId, actor.personId)));
  const out: Record<
    string,
    { counts: number[]; tasks: number; tighter: number; looser: number; beyondOnPurpose: number; overdueReviews: number }
  > = {};
  for (const { task, levelReason } of rows) {
    const seen = seenBy(actor.personId, review(task, null, spectrum.levels, clock.today));
    const flag = seen.suggested && seen.fit ? delegationFlag(seen.level, seen.suggested, levelReason) : null;
    const p = (out[task.personId] ??= {
      counts: spectrum.levels.map(() => 0),
      tasks: 0,
      tighter: 0,
      looser: 0,
      beyondOnPurpose: 0,
      overdueReviews: 0,
    });
    const i = spectrum.levels.findIndex((l) => l.id === task.levelId);
    if (i >= 0) p.counts[i]! += 1;
    p.tasks += 1;
    if (flag?.kind === "tighter") p.tighter += 1;
    if (flag?.kind === "beyond") p.looser += 1;
    if (flag?.kind === "beyond-on-purpose") p.beyondOnPurpose += 1;
    if (seen.reviewOverdue) p.overdueReviews += 1;
  }
  return out;
}

const REASONS = [null, "", "  ", "Task created", " Task created ", "Spectrum switched to Situational", "Ready for it", "\tOn purpose\n"];

describe("the overview's counts", () => {
  it("are the counts of the rules task by task, for the delegator, the line above and the delegatee", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            person: fc.nat(1),
            byEm: fc.boolean(),
            competency: fc.integer({ min: 1, max: 5 }),
            criticality: fc.integer({ min: 1, max: 5 }),
            level: fc.nat(6),
            reason: fc.constantFrom(...REASONS),
            reviewIn: fc.option(fc.integer({ min: -5, max: 5 })),
            shared: fc.boolean(),
            done: fc.constantFrom(false, false, false, true),
          }),
          { minLength: 6, maxLength: 15 },
        ),
        async (specs) => {
          const db = database.current.db;
          const director = await createUser(db);
          const c = director.caller.people;
          const emPerson = await c.create({ name: "Eve EM", track: "manager", level: "em", managerId: null, cadence: "weekly" });
          const ics = [
            await c.create({ name: "Ida IC", track: "ic", level: "senior", managerId: emPerson.id, cadence: "weekly" }),
            await c.create({ name: "Ivo IC", track: "ic", level: "senior", managerId: emPerson.id, cadence: "weekly" }),
          ];
          const em = await joinAsMember(db, director, emPerson.id);
          const ida = await joinAsMember(db, director, ics[0]!.id);
          const levels = (await director.caller.delegation.activeSpectrum()).levels;
          for (const s of specs) {
            const by = s.byEm ? em : director;
            // The director delegates to the EM or an IC; the EM to their ICs.
            const personId = s.byEm ? ics[s.person]!.id : [emPerson.id, ics[0]!.id][s.person]!;
            const task = await by.caller.delegation.createTask({
              personId,
              title: "A task",
              competency: s.competency,
              criticality: s.criticality,
              ratingsShared: s.shared,
            });
            await by.caller.delegation.setLevel({ id: task.id, levelId: levels[s.level]!.id, reason: null });
            // The latest reason and a review date (past ones too) as a history may hold them, and some tasks done.
            await db.execute(sql`update level_changes set reason = ${s.reason}
              where org_id = ${director.actor.orgId} and task_id = ${task.id} and at = (select max(at) from level_changes where org_id = ${director.actor.orgId} and task_id = ${task.id})`);
            const reviewDate = s.reviewIn === null ? null : new Date(Date.now() + s.reviewIn * 86_400_000).toISOString().slice(0, 10);
            await db
              .update(tasks)
              .set({ reviewDate, status: s.done ? "done" : "open" })
              .where(and(eq(tasks.orgId, director.actor.orgId), eq(tasks.id, task.id)));
          }
          for (const [user, all] of [
            [director, false],
            [director, true],
            [em, false],
            [em, true],
            [ida, true],
          ] as const) {
            const overview = await delegationOverview(db, user.actor, { all });
            const got = Object.fromEntries(
              overview.people
                .filter((p) => p.tasks > 0)
                .map(({ id, counts, tasks, tighter, looser, beyondOnPurpose, overdueReviews }) => [
                  id,
                  { counts, tasks, tighter, looser, beyondOnPurpose, overdueReviews },
                ]),
            );
            const want = await taskByTask(user.actor, all);
            expect(got).toEqual(want);
          }
        },
      ),
      { numRuns: 10 },
    );
  }, 240_000);
});
