import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, getTableColumns, getTableName, or } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { wireCaller } from "@/test/wire-caller";
import { coachingNotes, energyEntries, memberships, organisations, people, personNotes, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { Actor } from "@/server/services/kernel/actor";
import { addToChart } from "@/server/services/people/chart.write";
import { startSession } from "./sessions";
import { useTestDatabase } from "@/test/database";
import { createUser, TEST_PASSWORD, type TestUser } from "@/test/factories";
import { ownedTables, UNOWNED_TABLES } from "@/test/isolation/owned-rows";
import { EXPORT_TABLES, NOT_EXPORTED } from "./export.read";

const database = useTestDatabase();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * An export with ids taken out, rows sorted: what must survive a round trip.
 * The top person is the importer's own person on the other side, so it is left out.
 */
function canonical(file: { tables: Record<string, Record<string, unknown>[]> }) {
  const out: Record<string, string[]> = {};
  for (const [name, rows] of Object.entries(file.tables)) {
    out[name] = rows
      .filter((row) => name !== "people" || row.managerId !== null)
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

  it("round trip: export the demo organisation, import it into a new account, export again: nothing is lost", async () => {
    const a = await createUser(database.current.db);
    await a.caller.people.loadDemo();
    // A target imported from an OpenSLO file: its spec (a jsonb row of target_slos) travels with it.
    const sre = (await a.caller.people.list({})).items[0]!;
    const yaml = readFileSync(path.resolve(import.meta.dirname, "../../../test/fixtures/openslo/ratio-inline.yaml"), "utf8");
    await a.caller.targets.importOpenSlo({ yaml, ownerIds: [sre.id], startDate: "2026-01-01", dueDate: "2026-12-31" });
    await a.caller.account.updateProfile({ name: "A", timeZone: "Europe/Berlin", version: 1 });
    await database.current.db
      .update(organisations)
      .set({ name: "Acme engineering", ladderLabels: { staff: "Staff+" } })
      .where(eq(organisations.id, a.actor.orgId));
    const first = await a.caller.account.export({ includePrivate: true });
    expect(first).toMatchObject({ format: "intersect-export", version: 2, scope: "organisation", includesPrivateNotes: true });
    expect(first.organisation).toEqual({ name: "Acme engineering", ladderLabels: { staff: "Staff+" } });
    // The demo's 17 and the top person (the exporter); a file names no organisation and no user.
    expect(first.tables.people).toHaveLength(18);
    expect(first.tables.people!.filter((p) => p.managerId === null).map((p) => p.id)).toEqual([a.actor.personId]);
    expect(Object.values(first.tables).every((rows) => rows.every((r) => !("orgId" in r) && !("userId" in r)))).toBe(true);
    expect(first.tables.coaching_notes!.some((n) => n.private)).toBe(true);
    expect(first.tables.energy_entries!.length).toBeGreaterThan(0);
    expect(first.tables.target_slos).toHaveLength(1);

    const b = await createUser(database.current.db);
    // The default spectrum made at sign-up: the organisation still counts as empty.
    await b.caller.delegation.activeSpectrum();
    const { imported } = await b.caller.account.import({ file: JSON.parse(JSON.stringify(first)) });
    expect(imported.people).toBe(17);
    const second = await b.caller.account.export({ includePrivate: true });
    expect(canonical(second)).toEqual(canonical(first));
    expect(second.organisation).toEqual(first.organisation);
    expect((await b.caller.account.me()).timeZone).toBe("Europe/Berlin");
    // The exporter's top person is the importer's: what A held, wrote, set and delegated, B does; B's person is unchanged.
    const topB = second.tables.people!.find((p) => p.managerId === null)!;
    expect(topB).toMatchObject({ id: b.actor.personId, name: b.name, email: b.email });
    expect(new Set(second.tables.one_on_ones!.map((o) => o.managerPersonId))).toEqual(new Set([b.actor.personId]));
    // The demo's top-level targets; its sub-targets were set by Tom, an owner of the one they are part of.
    expect(new Set(second.tables.targets!.filter((t) => t.parentId === null).map((t) => t.controllerPersonId))).toEqual(
      new Set([b.actor.personId]),
    );
    expect(second.tables.targets!.filter((t) => t.parentId !== null)).toHaveLength(2);
    // The chart was rebuilt: B sees the imported people as their own subtree.
    expect((await b.caller.people.list({})).items).toHaveLength(17);

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

  it("import refuses a non-empty organisation, a foreign file and a broken one, and changes nothing", async () => {
    const a = await createUser(database.current.db);
    await a.caller.people.create({ name: "P", track: "ic", level: "staff", managerId: null, cadence: "weekly" });
    const file = await a.caller.account.export({ includePrivate: false });
    await expect(a.caller.account.import({ file })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("empty organisation"),
    });
    const b = await createUser(database.current.db);
    await expect(b.caller.account.import({ file: { hello: "world" } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "This is not an Intersect export.",
    });
    await expect(b.caller.account.import({ file: { ...file, version: 99 } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // A wrong value in a person the import inserts (not the top person, who maps onto the importer's own).
    const people = file.tables.people!.map((p) => (p.managerId === null ? p : { ...p, track: "wizard" }));
    const broken = { ...file, tables: { ...file.tables, people } };
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
    expect((await b.caller.account.export({ includePrivate: true })).tables.people!.map((p) => p.id)).toEqual([b.actor.personId]);
  });

  it("a member cannot import, and an organisation with another member is not empty", async () => {
    const a = await createUser(database.current.db);
    const file = await a.caller.account.export({ includePrivate: false });
    const member = await joinAsMember(database.current.db, a);
    await expect(member.caller.account.import({ file })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(a.caller.account.import({ file })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("reads a version 1 file: who reported to the owner reports to the importer, who holds, wrote, set and delegated it all", async () => {
    const a = await createUser(database.current.db);
    await a.caller.people.loadDemo();
    const v2 = await a.caller.account.export({ includePrivate: true });
    const top = a.actor.personId;
    // What version 1 wrote: no top person, no person columns, the ladder's names with the account.
    const drop = (rows: Record<string, unknown>[], ...keys: string[]) =>
      rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k))));
    const v1 = {
      ...v2,
      version: 1,
      account: { ...v2.account, ladderLabels: { staff: "Staff+" } },
      organisation: undefined,
      tables: {
        ...v2.tables,
        people: v2.tables.people!.filter((p) => p.id !== top).map((p) => ({ ...p, managerId: p.managerId === top ? null : p.managerId })),
        person_notes: [],
        one_on_ones: drop(v2.tables.one_on_ones!, "managerPersonId"),
        coaching_notes: drop(v2.tables.coaching_notes!, "authorPersonId"),
        targets: drop(v2.tables.targets!, "controllerPersonId", "sharedWithOrg"),
        tasks: drop(v2.tables.tasks!, "delegatorPersonId", "ratingsShared"),
      },
    };
    const b = await createUser(database.current.db);
    expect((await b.caller.account.import({ file: JSON.parse(JSON.stringify(v1)) })).imported.people).toBe(17);
    const back = await b.caller.account.export({ includePrivate: true });
    expect(canonical(back)).toEqual(canonical(v2));
    expect(back.organisation.ladderLabels).toEqual({ staff: "Staff+" });
    expect((await b.caller.people.list({})).items).toHaveLength(17);
  }, 60_000);
});

/**
 * A second account in `admin`'s organisation, as a member reporting to the
 * top person: a user, a person, a membership and a session, inserted directly.
 */
async function joinAsMember(db: Db, admin: TestUser, name = "Mia Member"): Promise<TestUser> {
  // The admin's password hash: the member's password is TEST_PASSWORD too, without hashing it again.
  const [{ passwordHash }] = (await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, admin.id))) as [
    { passwordHash: string },
  ];
  const [user] = await db
    .insert(users)
    .values({ name, email: `member-${randomUUID().slice(0, 8)}@example.com`, passwordHash, lastOrgId: admin.actor.orgId })
    .returning();
  const [person] = await db
    .insert(people)
    .values({ orgId: admin.actor.orgId, name, email: user!.email, track: "ic", level: "staff", managerId: admin.actor.personId })
    .returning({ id: people.id });
  await addToChart(db, admin.actor.orgId, person!.id, admin.actor.personId);
  await db.insert(memberships).values({ orgId: admin.actor.orgId, userId: user!.id, personId: person!.id, role: "member" });
  const sessionId = await startSession(db, user!.id, user!.sessionVersion);
  const actor: Actor = { userId: user!.id, sessionId, orgId: admin.actor.orgId, personId: person!.id, role: "member" };
  return { id: user!.id, email: user!.email, name, actor, caller: wireCaller({ db, actor }) };
}

/** A note as a member would write it (the member procedures for it may not exist yet): straight into the table. */
async function writeNote(db: Db, author: TestUser, personId: string, body: string, isPrivate: boolean) {
  await db.insert(coachingNotes).values({
    orgId: author.actor.orgId,
    personId,
    authorPersonId: author.actor.personId,
    kind: "coaching",
    body,
    private: isPrivate,
  });
}

describe("who exports what", () => {
  it("a member exports their own data only; an admin the organisation, and of private notes only their own", async () => {
    const db = database.current.db;
    const admin = await createUser(db);
    const report = await admin.caller.people.create({
      name: "Rae Report",
      track: "ic",
      level: "staff",
      managerId: null,
      cadence: "weekly",
    });
    await admin.caller.oneOnOnes.addNote({ personId: report.id, kind: "coaching", body: "admin shared" });
    await admin.caller.oneOnOnes.addNote({ personId: report.id, kind: "coaching", body: "admin secret", private: true });
    await db.insert(energyEntries).values({ orgId: admin.actor.orgId, userId: admin.id, day: "2026-11-23", slot: "start", level: 7 });

    const member = await joinAsMember(db, admin);
    await writeNote(db, member, member.actor.personId, "member shared", false);
    await writeNote(db, member, member.actor.personId, "member secret", true);
    await db
      .insert(personNotes)
      .values({ orgId: admin.actor.orgId, personId: report.id, authorPersonId: member.actor.personId, body: "member about Rae" });
    await db.insert(energyEntries).values({ orgId: admin.actor.orgId, userId: member.id, day: "2026-11-23", slot: "start", level: 3 });

    const own = await member.caller.account.export({ includePrivate: true });
    expect(own.scope).toBe("own");
    expect(own.tables.coaching_notes!.map((n) => n.body).sort()).toEqual(["member secret", "member shared"]);
    expect(own.tables.person_notes!.map((n) => n.body)).toEqual(["member about Rae"]);
    expect(own.tables.energy_entries!.map((e) => e.level)).toEqual([3]);
    const organisationTables = Object.entries(own.tables).filter(
      ([name, rows]) => rows.length > 0 && !["coaching_notes", "person_notes", "energy_entries"].includes(name),
    );
    expect(organisationTables).toEqual([]);
    expect(JSON.stringify(own)).not.toContain("admin");
    expect((await member.caller.account.export({ includePrivate: false })).tables.coaching_notes!.map((n) => n.body)).toEqual([
      "member shared",
    ]);

    const all = await admin.caller.account.export({ includePrivate: true });
    expect(all.tables.coaching_notes!.map((n) => n.body).sort()).toEqual(["admin secret", "admin shared", "member shared"]);
    // Another author's private text, and another user's energy log, are never in an admin's file.
    expect(all.tables.person_notes).toEqual([]);
    expect(all.tables.energy_entries!.map((e) => e.level)).toEqual([7]);
    expect(JSON.stringify(all)).not.toContain("member secret");
    expect(JSON.stringify(all)).not.toContain("member about Rae");
    expect(all.tables.people!.map((p) => p.name).sort()).toEqual([admin.name, "Mia Member", "Rae Report"].sort());
  });
});

/** Every row of an organisation or a user, table by table (read from the schema): what deletion must leave none of. */
async function rowsOf(db: Db, { orgId, userId }: { orgId: string; userId: string }) {
  const out: Record<string, number> = {};
  for (const { name, table } of ownedTables()) {
    const columns = getTableColumns(table) as Record<string, PgColumn>;
    const where =
      name === "users"
        ? eq(columns.id!, userId)
        : or(columns.orgId ? eq(columns.orgId, orgId) : undefined, columns.userId ? eq(columns.userId, userId) : undefined);
    out[name] = (await db.select().from(table).where(where)).length;
  }
  out.organisations = (await db.select().from(organisations).where(eq(organisations.id, orgId))).length;
  return out;
}

const nonEmpty = (counts: Record<string, number>) => Object.entries(counts).filter(([, n]) => n > 0);

describe("account deletion", () => {
  it("asks for the password, then leaves no row of that organisation or user in any table (read from the schema)", async () => {
    const db = database.current.db;
    const a = await createUser(db);
    const other = await createUser(db);
    await other.caller.people.create({ name: "Other's report", track: "ic", level: "staff", managerId: null, cadence: "weekly" });
    await a.caller.people.loadDemo();
    // A token too: deletion must take it (a failed create fails the test, not a silent skip).
    await a.caller.apiTokens.create({ name: "CI" });
    await expect(a.caller.account.delete({ password: "not it" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "That password is not right.",
    });
    const before = await rowsOf(db, { orgId: a.actor.orgId, userId: a.id });
    expect(before).toMatchObject({ people: 18, api_tokens: 1, memberships: 1, organisations: 1, users: 1 });
    await a.caller.account.delete({ password: TEST_PASSWORD });
    expect(nonEmpty(await rowsOf(db, { orgId: a.actor.orgId, userId: a.id }))).toEqual([]);
    expect((await rowsOf(db, { orgId: other.actor.orgId, userId: other.id })).people).toBe(2);
    await expect(a.caller.account.me()).rejects.toMatchObject({ code: expect.stringMatching(/UNAUTHORIZED|NOT_FOUND/) });
  }, 60_000);

  it("the last admin of an organisation with other members is refused; a member leaves, taking only their own private text", async () => {
    const db = database.current.db;
    const admin = await createUser(db);
    const report = await admin.caller.people.create({
      name: "Rae Report",
      track: "ic",
      level: "staff",
      managerId: null,
      cadence: "weekly",
    });
    const member = await joinAsMember(db, admin);
    await writeNote(db, member, member.actor.personId, "member shared", false);
    await writeNote(db, member, member.actor.personId, "member secret", true);
    await writeNote(db, admin, member.actor.personId, "admin secret about Mia", true);
    await db
      .insert(personNotes)
      .values({ orgId: admin.actor.orgId, personId: report.id, authorPersonId: member.actor.personId, body: "member about Rae" });
    await db.insert(energyEntries).values({ orgId: admin.actor.orgId, userId: member.id, day: "2026-11-23", slot: "start", level: 3 });
    const org = (await db.select().from(organisations).where(eq(organisations.id, admin.actor.orgId)))[0]!;

    await expect(admin.caller.account.delete({ password: TEST_PASSWORD })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining(`Make someone else an admin of`),
    });
    await expect(admin.caller.account.delete({ password: TEST_PASSWORD })).rejects.toMatchObject({
      message: expect.stringContaining(org.name),
    });
    expect((await rowsOf(db, { orgId: admin.actor.orgId, userId: admin.id })).users).toBe(1);

    await member.caller.account.delete({ password: TEST_PASSWORD });
    expect(await db.select().from(users).where(eq(users.id, member.id))).toEqual([]);
    expect(await db.select().from(memberships).where(eq(memberships.userId, member.id))).toEqual([]);
    expect(await db.select().from(energyEntries).where(eq(energyEntries.userId, member.id))).toEqual([]);
    // The organisation keeps what it knows about them: their person and their shared notes; their private text is gone.
    expect(await db.select({ id: people.id }).from(people).where(eq(people.id, member.actor.personId))).toHaveLength(1);
    const notes = await db.select({ body: coachingNotes.body }).from(coachingNotes).where(eq(coachingNotes.orgId, admin.actor.orgId));
    expect(notes.map((n) => n.body).sort()).toEqual(["admin secret about Mia", "member shared"]);
    expect(await db.select().from(personNotes).where(eq(personNotes.orgId, admin.actor.orgId))).toEqual([]);

    // Alone again, the admin may go, and the organisation with them.
    await admin.caller.account.delete({ password: TEST_PASSWORD });
    expect(nonEmpty(await rowsOf(db, { orgId: admin.actor.orgId, userId: admin.id }))).toEqual([]);
  }, 60_000);

  it("an admin who is not the last one leaves the organisation, which stays", async () => {
    const db = database.current.db;
    const founder = await createUser(db);
    const second = await joinAsMember(db, founder);
    await db.update(memberships).set({ role: "admin" }).where(eq(memberships.userId, second.id));
    await founder.caller.account.delete({ password: TEST_PASSWORD });
    expect((await rowsOf(db, { orgId: founder.actor.orgId, userId: founder.id })).organisations).toBe(1);
    expect(await db.select().from(memberships).where(eq(memberships.orgId, founder.actor.orgId))).toMatchObject([
      { userId: second.id, role: "admin" },
    ]);
  });
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
