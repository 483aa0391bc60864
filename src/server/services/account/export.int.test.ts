import { getTableName } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { createUser, TEST_PASSWORD } from "@/test/factories";
import { ownedTables, snapshotOwnedRows, UNOWNED_TABLES } from "@/test/isolation/owned-rows";
import { EXPORT_TABLES, NOT_EXPORTED } from "./export.read";

const database = useTestDatabase();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An export with ids and export times taken out, rows sorted: what must survive a round trip. */
function canonical(file: { tables: Record<string, Record<string, unknown>[]> }) {
  const out: Record<string, string[]> = {};
  for (const [name, rows] of Object.entries(file.tables)) {
    out[name] = rows
      .map((row) =>
        JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "string" && UUID.test(v) ? "<id>" : v]))),
      )
      .sort();
  }
  return out;
}

describe("export and import", () => {
  it("every table of the schema is exported or listed with a reason, so a new table cannot be forgotten", () => {
    const exported: string[] = Object.values(EXPORT_TABLES).map((t) => getTableName(t));
    const all = [...ownedTables().map((t) => t.name), ...UNOWNED_TABLES];
    expect(all.filter((name) => !exported.includes(name) && !(name in NOT_EXPORTED))).toEqual([]);
  });

  it("round trip: export the demo, import it into a new account, export again: nothing is lost", async () => {
    const a = await createUser(database.current.db);
    await a.caller.people.loadDemo();
    await a.caller.account.updateProfile({ name: "A", timeZone: "Europe/Berlin", version: 1 });
    const first = await a.caller.account.export({ includePrivate: true });
    expect(first).toMatchObject({ format: "intersect-export", version: 1, includesPrivateNotes: true });
    expect(first.tables.people).toHaveLength(17);
    expect(first.tables.coaching_notes!.some((n) => n.private)).toBe(true);

    const b = await createUser(database.current.db);
    // Visiting delegation first makes the default spectrum: the account still counts as empty.
    await b.caller.delegation.activeSpectrum();
    const { imported } = await b.caller.account.import({ file: JSON.parse(JSON.stringify(first)) });
    expect(imported.people).toBe(17);
    const second = await b.caller.account.export({ includePrivate: true });
    expect(canonical(second)).toEqual(canonical(first));
    expect((await b.caller.account.me()).timeZone).toBe("Europe/Berlin");

    // References survived: the imported prep page reads the same things.
    const sofiaA = (await a.caller.oneOnOnes.overview()).people.find((p) => p.name === "Sofia Alvarez")!;
    const sofiaB = (await b.caller.oneOnOnes.overview()).people.find((p) => p.name === "Sofia Alvarez")!;
    const [prepA, prepB] = await Promise.all([
      a.caller.oneOnOnes.prep({ personId: sofiaA.id }),
      b.caller.oneOnOnes.prep({ personId: sofiaB.id }),
    ]);
    expect(prepB.agenda.map((p) => p.body)).toEqual(prepA.agenda.map((p) => p.body));
    expect(prepB.targets.map((t) => t.title)).toEqual(prepA.targets.map((t) => t.title));
    expect(sofiaB.id).not.toBe(sofiaA.id);
  }, 60_000);

  it("private notes are left out unless asked for", async () => {
    const a = await createUser(database.current.db);
    const person = await a.caller.people.create({ name: "P", track: "ic", level: "staff", managerId: null, cadence: "weekly" });
    await a.caller.oneOnOnes.addNote({ personId: person.id, kind: "coaching", body: "shared" });
    await a.caller.oneOnOnes.addNote({ personId: person.id, kind: "coaching", body: "secret", private: true });
    const file = await a.caller.account.export({ includePrivate: false });
    expect(file.tables.coaching_notes!.map((n) => n.body)).toEqual(["shared"]);
    expect(file.includesPrivateNotes).toBe(false);
    expect(JSON.stringify(file)).not.toContain("secret");
  });

  it("import refuses a non-empty account, a foreign file and a broken one, and changes nothing", async () => {
    const a = await createUser(database.current.db);
    await a.caller.people.create({ name: "P", track: "ic", level: "staff", managerId: null, cadence: "weekly" });
    const file = await a.caller.account.export({ includePrivate: false });
    await expect(a.caller.account.import({ file })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("empty account"),
    });
    const b = await createUser(database.current.db);
    await expect(b.caller.account.import({ file: { hello: "world" } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "This is not an Intersect export.",
    });
    await expect(b.caller.account.import({ file: { ...file, version: 99 } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const broken = { ...file, tables: { ...file.tables, people: [{ ...file.tables.people![0], track: "wizard" }] } };
    await expect(b.caller.account.import({ file: broken })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Nothing was imported"),
    });
    const dangling = {
      ...file,
      tables: {
        ...file.tables,
        one_on_ones: [
          {
            id: "00000000-0000-4000-8000-000000000001",
            personId: "00000000-0000-4000-8000-000000000002",
            scheduledAt: new Date().toISOString(),
            status: "held",
          },
        ],
      },
    };
    await expect(b.caller.account.import({ file: dangling })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await b.caller.account.export({ includePrivate: true })).tables.people).toEqual([]);
  });
});

describe("account deletion", () => {
  it("asks for the password, then leaves no row of that owner in any table (read from the schema)", async () => {
    const a = await createUser(database.current.db);
    const other = await createUser(database.current.db);
    await other.caller.people.create({ name: "Other's report", track: "ic", level: "staff", managerId: null, cadence: "weekly" });
    await a.caller.people.loadDemo();
    // A token too: deletion must take it (a failed create fails the test, not a silent skip).
    await a.caller.apiTokens.create({ name: "CI" });
    await expect(a.caller.account.delete({ password: "not it" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "That password is not right.",
    });
    const before = await snapshotOwnedRows(database.current.db, a.id);
    expect(before.people).toHaveLength(17);
    expect(before.api_tokens).toHaveLength(1);
    await a.caller.account.delete({ password: TEST_PASSWORD });
    const after = await snapshotOwnedRows(database.current.db, a.id);
    expect(Object.entries(after).filter(([, rows]) => rows.length > 0)).toEqual([]);
    expect((await snapshotOwnedRows(database.current.db, other.id)).people).toHaveLength(1);
    await expect(a.caller.account.me()).rejects.toMatchObject({ code: expect.stringMatching(/UNAUTHORIZED|NOT_FOUND/) });
  }, 60_000);
});

describe("CSV exports", () => {
  it("targets with their latest values and tasks with their levels, for the demo", async () => {
    const user = await createUser(database.current.db);
    await user.caller.people.loadDemo();
    const targets = (await user.caller.targets.exportCsv()).trim().split(/\r?\n/);
    expect(targets[0]).toMatch(/^target,kind,status,health,owners/);
    expect(targets.find((l) => l.includes("P99 latency"))).toMatch(
      /Search P99 latency under 300 ms,speed,active,.*,Tom Okafor; Sofia Alvarez,Search,.*,P99 latency,ms,lower,850,300,\d/,
    );
    const tasks = (await user.caller.delegation.exportCsv()).trim().split(/\r?\n/);
    expect(tasks).toHaveLength(8);
    expect(tasks.some((l) => l.startsWith("Marcus Chen,Ledger re-architecture decisions,open,Consult,"))).toBe(true);
  });
});
