import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { people } from "@/server/db/schema/index";
import { eq } from "drizzle-orm";
import { useTestDatabase } from "@/test/database";
import { createUser, type TestUser } from "@/test/factories";
import type { Person } from "./people.read";

const database = useTestDatabase();

const ROUNDS = 20;

async function add(user: TestUser, name: string, managerId: string | null = null) {
  return user.caller.people.create({ name, track: "manager", level: "em", cadence: "fortnightly", managerId });
}

/**
 * A person's form as saved now (with its version, when rows have one), read
 * before the race so that both calls of a race reach the server together.
 */
async function form(user: TestUser, id: string) {
  const { person } = await user.caller.people.get({ id });
  const p = person as Person & { version?: number };
  const values = {
    id,
    name: p.name,
    email: p.email,
    title: p.title,
    track: p.track,
    level: p.level,
    leads: p.leads,
    cadence: p.cadence,
    cadenceDays: p.cadenceDays,
    startDate: p.startDate,
    notes: null,
    ...(p.version === undefined ? {} : { version: p.version }),
  };
  return (managerId: string | null) =>
    user.caller.people.update({ ...values, managerId } as Parameters<typeof user.caller.people.update>[0]);
}

/** Both calls at once: each either succeeds or is refused with a 4xx, never a 500. */
async function race(...calls: Promise<unknown>[]) {
  const results = await Promise.allSettled(calls);
  for (const r of results) {
    if (r.status === "rejected") {
      expect(r.reason, String(r.reason)).toBeInstanceOf(TRPCError);
      expect(["BAD_REQUEST", "CONFLICT", "NOT_FOUND"]).toContain((r.reason as TRPCError).code);
    }
  }
  return results.map((r) => r.status === "fulfilled");
}

/** The org as stored: no loop anywhere, and no active person under an archived one. */
async function expectSoundOrg(user: TestUser) {
  const rows = await database.current.db
    .select({ id: people.id, managerId: people.managerId, archivedAt: people.archivedAt })
    .from(people)
    .where(eq(people.orgId, user.id));
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const row of rows) {
    const seen = new Set<string>();
    for (let at: string | null = row.id; at; at = byId.get(at)!.managerId) {
      expect(seen.has(at), `loop through ${at}`).toBe(false);
      seen.add(at);
    }
    if (!row.archivedAt && row.managerId) expect(byId.get(row.managerId)!.archivedAt, `${row.id} reports to an archived person`).toBeNull();
  }
}

describe("reporting-line changes are serialised by the org lock", () => {
  it(`two opposite moves (A under B, B under A), ${ROUNDS} times: at most one wins, never a loop`, async () => {
    const user = await createUser(database.current.db);
    for (let i = 0; i < ROUNDS; i++) {
      const a = await add(user, `A${i}`);
      const b = await add(user, `B${i}`);
      const [moveA, moveB] = await Promise.all([form(user, a.id), form(user, b.id)]);
      const won = await race(moveA(b.id), moveB(a.id));
      expect(won.filter(Boolean).length).toBe(1);
      await expectSoundOrg(user);
    }
  });

  it(`archiving a manager (their report moving under C) while C moves under that report, ${ROUNDS} times: never a loop`, async () => {
    const user = await createUser(database.current.db);
    for (let i = 0; i < ROUNDS; i++) {
      const b = await add(user, `B${i}`);
      const x = await add(user, `X${i}`, b.id);
      const c = await add(user, `C${i}`);
      const moveC = await form(user, c.id);
      const won = await race(user.caller.people.archive({ id: b.id, reportsGoTo: c.id }), moveC(x.id));
      expect(won.filter(Boolean).length).toBeGreaterThanOrEqual(1);
      await expectSoundOrg(user);
    }
  });

  it(`moving someone under a manager who is being archived, ${ROUNDS} times: never under an archived person`, async () => {
    const user = await createUser(database.current.db);
    for (let i = 0; i < ROUNDS; i++) {
      const a = await add(user, `A${i}`);
      const b = await add(user, `B${i}`);
      const moveA = await form(user, a.id);
      const won = await race(moveA(b.id), user.caller.people.archive({ id: b.id }));
      expect(won.filter(Boolean).length).toBe(1);
      await expectSoundOrg(user);
    }
  });

  it(`restoring a person while their manager is archived, ${ROUNDS} times: never under an archived person`, async () => {
    const user = await createUser(database.current.db);
    for (let i = 0; i < ROUNDS; i++) {
      const m = await add(user, `M${i}`);
      const p = await add(user, `P${i}`, m.id);
      await user.caller.people.archive({ id: p.id });
      await race(user.caller.people.restore({ id: p.id }), user.caller.people.archive({ id: m.id, reportsGoTo: null }));
      await expectSoundOrg(user);
    }
  });
});
