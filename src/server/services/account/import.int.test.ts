import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { createUser } from "@/test/factories";

const database = useTestDatabase();

/**
 * A file in the export's format with only these tables: version 1 (one
 * account's data, before organisations), which is still read, so people
 * without a manager report to the importer.
 */
function fileWith(tables: Record<string, unknown[]>, account: Record<string, unknown> = {}, version = 1) {
  return { format: "intersect-export", version, exportedAt: new Date().toISOString(), includesPrivateNotes: true, account, tables };
}

const person = (id: string, managerId: string | null = null, extra: Record<string, unknown> = {}) => ({
  id,
  name: `Person ${id.slice(0, 4)}`,
  email: null,
  title: null,
  track: "ic",
  level: "staff",
  managerId,
  leads: null,
  cadence: "weekly",
  cadenceDays: null,
  startDate: null,
  notes: null,
  archivedAt: null,
  createdAt: "2026-01-05T10:00:00.000Z",
  updatedAt: "2026-01-05T10:00:00.000Z",
  ...extra,
});

const energy = (level: number) => ({
  id: randomUUID(),
  day: "2026-11-23",
  slot: "start",
  level,
  tags: ["deep work"],
  note: null,
  createdAt: "2026-11-23T09:00:00.000Z",
  updatedAt: "2026-11-23T09:00:00.000Z",
});

/** The organisation holds what it held at sign-up: its top person (the user) and the default spectrum. */
async function expectNothingImported(user: Awaited<ReturnType<typeof createUser>>) {
  const after = await user.caller.account.export({ includePrivate: true });
  expect(after.tables.people!.map((p) => p.id)).toEqual([user.actor.personId]);
  expect(
    Object.entries(after.tables).filter(([name, rows]) => rows.length > 0 && name !== "people" && !name.startsWith("spectrum")),
  ).toEqual([]);
  expect(after.account.timeZone).toBe("UTC");
}

describe("account.import refuses what the procedures would refuse, and says where", () => {
  it("a table of 100,001 rows is refused before any row is read", async () => {
    const user = await createUser(database.current.db);
    const rows = Array.from({ length: 100_001 }, () => ({}));
    const started = Date.now();
    await expect(user.caller.account.import({ file: fileWith({ check_ins: rows }) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "This file has 100,001 rows in check_ins; an import takes at most 100,000. Nothing was imported.",
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(
      user.caller.account.import({ file: fileWith({ people: Array.from({ length: 10_001 }, () => person(randomUUID())) }) }),
    ).rejects.toMatchObject({
      message: expect.stringContaining("10,001 rows in people"),
    });
    const many = { check_ins: Array.from({ length: 100_000 }, () => ({})), level_changes: Array.from({ length: 100_001 }, () => ({})) };
    await expect(user.caller.account.import({ file: fileWith(many) })).rejects.toMatchObject({
      message: expect.stringContaining("200,001 rows; an import takes at most 200,000"),
    });
  });

  it("an energy level of 11 is refused with its table, row and field, and nothing of the file is kept", async () => {
    const user = await createUser(database.current.db);
    const file = fileWith({ people: [person(randomUUID())], energy_entries: [energy(5), energy(11)] }, { timeZone: "Europe/Berlin" });
    await expect(user.caller.account.import({ file })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "This file does not fit (energy_entries, row 2, level: A level is from 1 to 10). Nothing was imported.",
    });
    await expectNothingImported(user);
  });

  it.each([
    [
      "a name past the procedure's limit",
      { people: [person(randomUUID(), null, { name: "x".repeat(121) })] },
      {},
      "people, row 1, name: Name is at most 120 characters)",
    ],
    [
      "a level of another track",
      { people: [person(randomUUID(), null, { track: "manager" })] },
      {},
      "people, row 1, level: Choose a level on this person's track)",
    ],
    ["an unknown time zone", {}, { timeZone: "Mars/Olympus" }, "account.timeZone: Unknown time zone)"],
    [
      "a time before 1970",
      { people: [person(randomUUID(), null, { createdAt: "1900-01-01T00:00:00Z" })] },
      {},
      "people, row 1, createdAt: expected a time",
    ],
    ["text where a number goes", { energy_entries: [{ ...energy(5), level: "5" }] }, {}, "energy_entries, row 1, level"],
    [
      "a reference to a row not in the file",
      { growth_goals: [{ id: randomUUID(), personId: randomUUID(), title: "Lead", description: null, status: "active" }] },
      {},
      "growth_goals, row 1, personId: points at a row that is not in people",
    ],
    [
      "two people with one email",
      { people: [person(randomUUID(), null, { email: "a@example.com" }), person(randomUUID(), null, { email: "A@example.com" })] },
      {},
      "people, row 2, email: the same as row 1",
    ],
    ["a NUL character in a text", { people: [person(randomUUID(), null, { name: "A\u0000B" })] }, {}, "people, row 1, name"],
    ["a day logged twice", { energy_entries: [energy(5), energy(6)] }, {}, "energy_entries, row 2, day and slot: the same as row 1"],
  ])("%s", async (_label, tables, account, where) => {
    const user = await createUser(database.current.db);
    const error = await user.caller.account.import({ file: fileWith(tables, account) }).then(
      () => null,
      (e: { code: string; message: string }) => e,
    );
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(error!.message).toContain(where);
    await expectNothingImported(user);
  });

  it("a competency of 6 and an infinite value are refused like the procedures refuse them", async () => {
    const a = await createUser(database.current.db);
    await a.caller.people.loadDemo();
    const file = await a.caller.account.export({ includePrivate: true });
    const b = await createUser(database.current.db);
    const tasks = file.tables.tasks!.map((t, i) => (i === 2 ? { ...t, competency: 6 } : t));
    await expect(b.caller.account.import({ file: { ...file, tables: { ...file.tables, tasks } } })).rejects.toMatchObject({
      message: "This file does not fit (tasks, row 3, competency: Competency is from 1 to 5). Nothing was imported.",
    });
    const checkIns = file.tables.check_ins!.map((c, i) => (i === 0 ? { ...c, value: Number.POSITIVE_INFINITY } : c));
    await expect(b.caller.account.import({ file: { ...file, tables: { ...file.tables, check_ins: checkIns } } })).rejects.toMatchObject({
      message: expect.stringContaining("check_ins, row 1, value: expected a finite number"),
    });
    await expectNothingImported(b);
  }, 60_000);

  it("reporting lines that go round in a loop are refused", async () => {
    const user = await createUser(database.current.db);
    const [x, y, z] = [randomUUID(), randomUUID(), randomUUID()];
    const loop = fileWith({ people: [person(x, z), person(y, x), person(z, y)] });
    await expect(user.caller.account.import({ file: loop })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^This file does not fit \(people, row \d, managerId: the reporting lines go round in a loop\)/),
    });
    const self = fileWith({ people: [person(x, x)] });
    await expect(user.caller.account.import({ file: self })).rejects.toMatchObject({
      message: expect.stringContaining("people, row 1, managerId"),
    });
    await expectNothingImported(user);
    // A chain without a loop loads.
    const { imported } = await user.caller.account.import({ file: fileWith({ people: [person(x, null), person(y, x), person(z, y)] }) });
    expect(imported.people).toBe(3);
  });

  it("a version 2 file has one top person, who becomes the importer; a second person without a manager is refused", async () => {
    const user = await createUser(database.current.db);
    const [top, x, y] = [randomUUID(), randomUUID(), randomUUID()];
    const two = fileWith({ people: [person(top, null), person(x, top), person(y, null)] }, {}, 2);
    await expect(user.caller.account.import({ file: two })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("people, row 3, managerId: only one person has no manager (row 1, the top)"),
    });
    await expectNothingImported(user);
    const one = fileWith({ people: [person(top, null, { name: "Their top" }), person(x, top), person(y, x)] }, {}, 2);
    expect((await user.caller.account.import({ file: one })).imported.people).toBe(2);
    const after = await user.caller.account.export({ includePrivate: true });
    expect(after.tables.people!.map((p) => p.name).sort()).toEqual(
      [user.name, `Person ${x.slice(0, 4)}`, `Person ${y.slice(0, 4)}`].sort(),
    );
    expect(after.tables.people!.filter((p) => p.managerId === user.actor.personId).map((p) => p.name)).toEqual([`Person ${x.slice(0, 4)}`]);
  });

  it("two imports at once into one empty organisation: exactly one loads, the other is refused", async () => {
    const user = await createUser(database.current.db);
    const file = () => fileWith({ people: Array.from({ length: 50 }, () => person(randomUUID())) });
    const results = await Promise.allSettled([user.caller.account.import({ file: file() }), user.caller.account.import({ file: file() })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    // The 50 of the file, under the organisation's top person (the importer).
    expect((await user.caller.account.export({ includePrivate: true })).tables.people).toHaveLength(51);
  });
});
