import fc from "fast-check";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/server/db/types";
import { useTestDatabase } from "@/test/database";
import { createUser, joinAsMember, type TestUser } from "@/test/factories";
import { monthlyAutonomy } from "@/lib/delegation/review";
import { dayIn } from "@/lib/one-on-ones/days";
import { refreshAutonomyMonths } from "./autonomy-months.write";
import { delegationOverview } from "./tasks.read";

/**
 * autonomy_months is derived (see the schema): after any sequence of the
 * writes that touch level changes or tasks, it equals a recomputation from the
 * whole history, and the overview's trend equals the replay of that history
 * (monthlyAutonomy, the definition), in the user's zone.
 */
const database = useTestDatabase();

/** Rows of db.execute: a list on PostgreSQL (postgres.js), `{ rows }` on PGlite. */
const rowsOf = (result: unknown) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];

type Change = { id: string; taskId: string; at: Date; autonomy: number; personId: string; delegatorPersonId: string };

/** The whole level history of an organisation in time order (ties by id, as the kept months read it). */
async function historyOf(db: Db, orgId: string): Promise<Change[]> {
  const rows = await db.execute(sql`
    select lc.id, lc.task_id, lc.at, lc.to_autonomy, t.person_id, t.delegator_person_id
    from level_changes lc join tasks t on t.org_id = lc.org_id and t.id = lc.task_id
    where lc.org_id = ${orgId} order by lc.at, lc.id`);
  return rowsOf(rows).map((r) => ({
    id: r.id as string,
    taskId: r.task_id as string,
    at: new Date(r.at as string | Date),
    autonomy: Number(r.to_autonomy),
    personId: r.person_id as string,
    delegatorPersonId: r.delegator_person_id as string,
  }));
}

/** autonomy_months recomputed from the history, in the table's shape (sums rounded, as floating sums in another order differ in the last digits). */
function recomputed(history: Change[]) {
  const last = new Map<string, number>();
  const out = new Map<string, { changes: number; tasks: number; sum: number }>();
  for (const c of history) {
    const prev = last.get(c.taskId);
    last.set(c.taskId, c.autonomy);
    const key = `${c.personId}/${c.delegatorPersonId}/${c.at.toISOString().slice(0, 7)}-01`;
    const row = out.get(key) ?? { changes: 0, tasks: 0, sum: 0 };
    row.changes += 1;
    row.tasks += prev === undefined ? 1 : 0;
    row.sum += c.autonomy - (prev ?? 0);
    out.set(key, row);
  }
  return Object.fromEntries([...out].map(([k, r]) => [k, { ...r, sum: Math.round(r.sum * 1e9) / 1e9 }]));
}

async function keptOf(db: Db, orgId: string) {
  const rows = await db.execute(sql`
    select person_id, delegator_person_id, to_char(month, 'YYYY-MM-DD') as month, changes, tasks, autonomy_sum
    from autonomy_months where org_id = ${orgId}`);
  return Object.fromEntries(
    rowsOf(rows).map((r) => [
      `${r.person_id}/${r.delegator_person_id}/${r.month}`,
      { changes: Number(r.changes), tasks: Number(r.tasks), sum: Math.round(Number(r.autonomy_sum) * 1e9) / 1e9 },
    ]),
  );
}

/** The trend of each person from the replay of the history the viewer reads. */
function replayed(history: Change[], keep: (c: Change) => boolean, timeZone: string) {
  const byPerson = new Map<string, Change[]>();
  for (const c of history.filter(keep)) byPerson.set(c.personId, [...(byPerson.get(c.personId) ?? []), c]);
  return Object.fromEntries(
    [...byPerson].map(([personId, changes]) => [
      personId,
      monthlyAutonomy(changes, (d) => dayIn(d, timeZone)).map((m) => ({ month: m.month, average: Math.round(m.average * 1e9) / 1e9 })),
    ]),
  );
}

async function trendsOf(user: TestUser, all: boolean, timeZone: string) {
  const overview = await delegationOverview(database.current.db, { ...user.actor, timeZone }, { all });
  return Object.fromEntries(overview.people.filter((p) => p.trend.length > 0).map((p) => [p.id, p.trend]));
}

/** A director (admin) with an EM under them who has two reports, and a staff engineer of the director's. */
async function org() {
  const director = await createUser(database.current.db);
  const c = director.caller.people;
  const emPerson = await c.create({ name: "Eve EM", track: "manager", level: "em", managerId: null, cadence: "weekly" });
  const staff = await c.create({ name: "Sam Staff", track: "ic", level: "staff", managerId: null, cadence: "weekly" });
  const ic1 = await c.create({ name: "Ida IC", track: "ic", level: "senior", managerId: emPerson.id, cadence: "weekly" });
  const ic2 = await c.create({ name: "Ivo IC", track: "ic", level: "senior", managerId: emPerson.id, cadence: "weekly" });
  const em = await joinAsMember(database.current.db, director, emPerson.id);
  const other = await director.caller.delegation.createSpectrum({ kind: "situational" });
  const first = await director.caller.delegation.activeSpectrum();
  return { director, em, people: [emPerson.id, staff.id, ic1.id, ic2.id], reportsOfEm: [ic1.id, ic2.id], spectrums: [first.id, other.id] };
}

const command = fc.oneof(
  fc.record({ kind: fc.constant("create" as const), byEm: fc.boolean(), person: fc.nat(3), level: fc.option(fc.nat(6)) }),
  fc.record({ kind: fc.constant("level" as const), task: fc.nat(20), level: fc.nat(6) }),
  fc.record({ kind: fc.constant("delete" as const), task: fc.nat(20) }),
  fc.record({ kind: fc.constant("switch" as const) }),
);

describe("autonomy_months", () => {
  it("equals a recomputation from the history after any sequence of writes, and the trend equals the replay", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 12 }), async (commands) => {
        const o = await org();
        const db = database.current.db;
        const made: { id: string; by: TestUser }[] = [];
        let active = 0;
        for (const cmd of commands) {
          const levels = (await o.director.caller.delegation.activeSpectrum()).levels;
          if (cmd.kind === "create") {
            const by = cmd.byEm ? o.em : o.director;
            const personId = cmd.byEm ? o.reportsOfEm[cmd.person % 2]! : o.people[cmd.person]!;
            const levelId = cmd.level === null ? undefined : levels[cmd.level % levels.length]!.id;
            const task = await by.caller.delegation.createTask({ personId, title: "A task", competency: 3, criticality: 3, levelId });
            made.push({ id: task.id, by });
          } else if (cmd.kind === "level" && made.length) {
            const t = made[cmd.task % made.length]!;
            await t.by.caller.delegation.setLevel({ id: t.id, levelId: levels[cmd.level % levels.length]!.id, reason: null });
          } else if (cmd.kind === "delete" && made.length) {
            const [t] = made.splice(cmd.task % made.length, 1);
            await t!.by.caller.delegation.deleteTask({ id: t!.id });
          } else if (cmd.kind === "switch") {
            active = 1 - active;
            await o.director.caller.delegation.activateSpectrum({ id: o.spectrums[active]! });
          }
        }
        const history = await historyOf(db, o.director.actor.orgId);
        expect(await keptOf(db, o.director.actor.orgId)).toEqual(recomputed(history));
        expect(await trendsOf(o.director, true, "UTC")).toEqual(replayed(history, () => true, "UTC"));
        const emId = o.em.actor.personId;
        expect(await trendsOf(o.em, false, "UTC")).toEqual(replayed(history, (c) => c.delegatorPersonId === emId, "UTC"));
      }),
      { numRuns: 12 },
    );
  }, 240_000);

  it("reads the user's months from a long history: the kept UTC months and the changes near their starts", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            task: fc.nat(5),
            hour: fc.oneof(fc.nat(200 * 24), fc.constantFrom(31 * 24 - 3, 31 * 24 + 3, 59 * 24 - 11, 59 * 24 + 12)),
            level: fc.nat(6),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        fc.constantFrom("Pacific/Kiritimati", "America/Los_Angeles", "Asia/Kathmandu", "Etc/GMT+12"),
        async (raw, timeZone) => {
          const o = await org();
          const db = database.current.db;
          const levels = (await o.director.caller.delegation.activeSpectrum()).levels;
          const tasks = [];
          for (let i = 0; i < 6; i++) {
            const by = i % 2 ? o.em : o.director;
            const personId = i % 2 ? o.reportsOfEm[i % 4 === 1 ? 0 : 1]! : o.people[i % 4]!;
            tasks.push(await by.caller.delegation.createTask({ personId, title: `Task ${i}`, competency: 2, criticality: 4 }));
          }
          // A history written as it might have been over months (the task's first change stays its creation, moved back).
          const start = Date.UTC(2025, 11, 1);
          for (const [i, r] of raw.entries()) {
            const level = levels[r.level % levels.length]!;
            await db.execute(sql`
              insert into level_changes (org_id, task_id, to_label, to_autonomy, at)
              values (${o.director.actor.orgId}, ${tasks[r.task]!.id}, ${level.label}, ${level.autonomy}, ${new Date(start + r.hour * 3_600_000 + i * 60_000).toISOString()}::timestamptz)`);
          }
          await db.execute(
            sql`update level_changes set at = ${new Date(start - 86_400_000).toISOString()}::timestamptz where org_id = ${o.director.actor.orgId} and reason = 'Task created'`,
          );
          await db.transaction((tx) => refreshAutonomyMonths(tx, o.director.actor.orgId, "all"));
          const history = await historyOf(db, o.director.actor.orgId);
          expect(await keptOf(db, o.director.actor.orgId)).toEqual(recomputed(history));
          expect(await trendsOf(o.director, true, timeZone)).toEqual(replayed(history, () => true, timeZone));
          const emId = o.em.actor.personId;
          expect(await trendsOf(o.em, false, timeZone)).toEqual(replayed(history, (c) => c.delegatorPersonId === emId, timeZone));
        },
      ),
      { numRuns: 10 },
    );
  }, 240_000);

  it("two level changes of one person's tasks at once both land in the months (their rewrites take turns)", async () => {
    const o = await org();
    const levels = (await o.director.caller.delegation.activeSpectrum()).levels;
    const make = (title: string) =>
      o.em.caller.delegation.createTask({ personId: o.reportsOfEm[0]!, title, competency: 4, criticality: 2 });
    const [a, b] = [await make("One"), await make("Two")];
    await Promise.all([
      o.em.caller.delegation.setLevel({ id: a.id, levelId: levels[6]!.id, reason: null }),
      o.em.caller.delegation.setLevel({ id: b.id, levelId: levels[0]!.id, reason: null }),
    ]);
    const db = database.current.db;
    const history = await historyOf(db, o.director.actor.orgId);
    expect(history).toHaveLength(4);
    expect(await keptOf(db, o.director.actor.orgId)).toEqual(recomputed(history));
  }, 60_000);

  it("an import recomputes the months from the level history of the file", async () => {
    const o = await org();
    const levels = (await o.director.caller.delegation.activeSpectrum()).levels;
    const task = await o.em.caller.delegation.createTask({ personId: o.reportsOfEm[0]!, title: "Run it", competency: 4, criticality: 2 });
    await o.em.caller.delegation.setLevel({ id: task.id, levelId: levels[5]!.id, reason: "Ready" });
    const file = await o.director.caller.account.export({ includePrivate: true });
    const into = await createUser(database.current.db);
    await into.caller.account.import({ file });
    const db = database.current.db;
    const history = await historyOf(db, into.actor.orgId);
    expect(history).toHaveLength(2);
    expect(await keptOf(db, into.actor.orgId)).toEqual(recomputed(history));
    expect(Object.keys(await keptOf(db, into.actor.orgId))).toHaveLength(1);
  }, 60_000);
});
