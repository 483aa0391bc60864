import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { createUser, type TestUser } from "@/test/factories";
import { holdsOneConnection } from "../../db/connections";
import { importAccount } from "./import.write";

// The account import in short transactions (the embedded database; one transaction on PostgreSQL):
// the same result, the same refusals, nothing kept of a refused file. Slices of 100 rows here.
const database = useTestDatabase();
const CHUNK = { chunkRows: 100 };

const fileWith = (tables: Record<string, unknown[]>) => ({
  format: "intersect-export",
  version: 1,
  exportedAt: new Date().toISOString(),
  includesPrivateNotes: true,
  account: { timeZone: "Europe/Berlin" },
  tables,
});
const person = (id: string, managerId: string | null) => ({
  id,
  name: `Person ${id.slice(0, 6)}`,
  email: null,
  title: null,
  track: "ic",
  level: "staff",
  managerId,
  cadence: "weekly",
  createdAt: "2026-01-05T10:00:00.000Z",
  updatedAt: "2026-01-05T10:00:00.000Z",
});
/** A day's three slots for `days` days back from 2026-11-23. */
const energyLog = (days: number) =>
  Array.from({ length: days }, (_, d) =>
    (["start", "middle", "end"] as const).map((slot) => ({
      id: randomUUID(),
      day: new Date(Date.UTC(2026, 10, 23 - d)).toISOString().slice(0, 10),
      slot,
      level: 1 + (d % 10),
      tags: [],
      note: null,
    })),
  ).flat();
const meeting = (uid: string) => ({
  id: randomUUID(),
  weekStart: "2026-11-23",
  uid,
  title: "Weekly sync",
  startsAt: "2026-11-23T09:00:00.000Z",
  endsAt: "2026-11-23T09:30:00.000Z",
  recurring: false,
  allDay: false,
  activity: null,
  effect: null,
});

async function rowsOf(user: TestUser) {
  return (await user.caller.account.export({ includePrivate: true })).tables;
}

describe("account.import in slices", () => {
  it("runs in short transactions on the embedded database, one on PostgreSQL", () => {
    expect(holdsOneConnection(database.current.db)).toBe(!database.current.url);
  });

  it("a file many slices long loads whole: reporting lines 150 deep, each manager listed after their report", async () => {
    const user = await createUser(database.current.db);
    const ids = Array.from({ length: 150 }, () => randomUUID());
    // Person i reports to person i + 1, who comes later in the file (and in a later slice); the last to the importer.
    const people = ids.map((id, i) => person(id, ids[i + 1] ?? null));
    const result = await importAccount(database.current.db, user.actor, fileWith({ people, energy_entries: energyLog(100) }), CHUNK);
    expect(result.imported).toMatchObject({ people: 150, energy_entries: 300 });
    const tables = await rowsOf(user);
    expect(tables.people).toHaveLength(151);
    expect(tables.energy_entries).toHaveLength(300);
    const [deepest] = (await database.current.query(`select max(depth)::int as d from person_ancestors where org_id = $1`, [
      user.actor.orgId,
    ])) as { d: number }[];
    expect(deepest!.d).toBe(150);
    expect((await user.caller.account.me()).timeZone).toBe("Europe/Berlin");
    expect((await user.caller.delegation.activeSpectrum()).levels.length).toBeGreaterThan(0);
  });

  it("a row the database refuses in the last slice: a 400, and the organisation is as empty as before; the fixed file then loads", async () => {
    const user = await createUser(database.current.db);
    const people = Array.from({ length: 150 }, () => person(randomUUID(), null));
    const energy = energyLog(50);
    // Two meetings with one occurrence: the checks let them through, the unique key refuses them, after 300 rows.
    const bad = fileWith({ people, energy_entries: energy, calendar_meetings: [meeting("a"), meeting("a")] });
    await expect(importAccount(database.current.db, user.actor, bad, CHUNK)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Nothing was imported."),
    });
    const after = await rowsOf(user);
    expect(after.people!.map((p) => p.id)).toEqual([user.actor.personId]);
    expect(Object.entries(after).filter(([name, rows]) => rows.length > 0 && name !== "people" && !name.startsWith("spectrum"))).toEqual(
      [],
    );
    expect((await user.caller.account.me()).timeZone).toBe("UTC");
    // As at sign-up: one active spectrum with its levels.
    expect((await user.caller.delegation.activeSpectrum()).levels.length).toBeGreaterThan(0);

    const good = fileWith({ people, energy_entries: energy, calendar_meetings: [meeting("a"), meeting("b")] });
    const result = await importAccount(database.current.db, user.actor, good, CHUNK);
    expect(result.imported).toMatchObject({ people: 150, energy_entries: 150, calendar_meetings: 2 });
    expect((await rowsOf(user)).people).toHaveLength(151);
  });

  it("two imports at once, many slices each: exactly one loads, the other is a CONFLICT", async () => {
    const user = await createUser(database.current.db);
    const file = () => fileWith({ people: Array.from({ length: 250 }, () => person(randomUUID(), null)) });
    const results = await Promise.allSettled([
      importAccount(database.current.db, user.actor, file(), CHUNK),
      importAccount(database.current.db, user.actor, file(), CHUNK),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    expect((await rowsOf(user)).people).toHaveLength(251);
  });
});
