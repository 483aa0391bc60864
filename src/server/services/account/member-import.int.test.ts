import { readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import * as schema from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { useTestDatabase } from "@/test/database";
import { createUser, joinAsMember, type TestUser } from "@/test/factories";

const database = useTestDatabase();

type File = Awaited<ReturnType<TestUser["caller"]["account"]["export"]>>;

/**
 * An organisation: its admin at the top, Mia (a member) under them and Rae
 * under Mia, Pat (a member) beside Mia. Mia has her own data: an energy log,
 * productive hours, a weekly review, a week's settings and a recurring item,
 * a 1:1 with Rae, a growth goal of Rae's, two notes about Rae (one private, on
 * that 1:1 and goal) and her own person note about Rae.
 */
async function world() {
  const db = database.current.db;
  const admin = await createUser(db);
  const person = (name: string, managerId: string | null) =>
    admin.caller.people.create({ name, track: "ic", level: "staff", managerId, cadence: "weekly" });
  const miaPerson = await person("Mia Member", null);
  const rae = await person("Rae Report", miaPerson.id);
  const patPerson = await person("Pat Peer", null);
  const mia = await joinAsMember(db, admin, miaPerson.id, { name: "Mia Member" });
  const pat = await joinAsMember(db, admin, patPerson.id, { name: "Pat Peer" });

  const weekStart = "2026-11-23";
  await mia.caller.energy.log({ day: weekStart, slot: "start", level: 6, tags: ["deep work"], note: "A good start" });
  await mia.caller.energy.log({ day: "2026-11-24", slot: "end", level: 3, tags: [], note: null });
  await mia.caller.energy.setProductiveHours({ day: weekStart, hours: 5 });
  await mia.caller.energy.saveReview({ weekStart, drains: "Meetings", restores: "Walks", change: null, version: 0 });
  await mia.caller.capacity.saveSettings({
    weekStart,
    availableHours: 36,
    deepWorkCapPerDay: 4,
    bufferPercent: 20,
    oneOnOneMinutes: 30,
    version: 0,
  });
  await mia.caller.capacity.addItem({ title: "Roadmap", hours: 6, deepWork: true, weekStart, recurring: true });
  // The calendar audit of that week: four meetings of an Outlook export, one tagged.
  const calendar = readFileSync(new URL("../../../test/fixtures/calendar/outlook.ics", import.meta.url), "utf8");
  await mia.caller.calendarAudit.import({ weekStart, file: calendar });
  const [sync] = (await mia.caller.calendarAudit.week({ weekStart })).meetings;
  await mia.caller.calendarAudit.tag({ id: sync!.id, activity: "planning", effect: "draining", version: sync!.version });
  const meeting = await mia.caller.oneOnOnes.schedule({ past: true, personId: rae.id, scheduledAt: new Date("2026-11-24T10:00:00.000Z") });
  const goal = await mia.caller.oneOnOnes.addGoal({ personId: rae.id, title: "Lead a design review" });
  await mia.caller.oneOnOnes.addNote({ personId: rae.id, kind: "praise", body: "A clear review", oneOnOneId: meeting.id, goalId: goal.id });
  await mia.caller.oneOnOnes.addNote({ personId: rae.id, kind: "observation", body: "Seems tired", private: true });
  await db
    .insert(schema.personNotes)
    .values({ orgId: admin.actor.orgId, personId: rae.id, authorPersonId: mia.actor.personId, body: "Wants to lead" });
  return { db, admin, mia, pat, rae, meeting, goal };
}

const PERSONAL: PgTable[] = [
  schema.energyEntries,
  schema.energyDays,
  schema.weeklyReviews,
  schema.capacityWeeks,
  schema.capacityItems,
  schema.calendarMeetings,
];

/** Deletes the member's own rows here (their energy log and plans, the notes they wrote), as if they had lost them. */
async function deleteOwnData(db: Db, who: TestUser) {
  for (const table of PERSONAL) {
    const cols = table as unknown as { orgId: PgColumn; userId: PgColumn };
    await db.delete(table).where(and(eq(cols.orgId, who.actor.orgId), eq(cols.userId, who.id)));
  }
  for (const table of [schema.coachingNotes, schema.personNotes]) {
    await db.delete(table).where(and(eq(table.orgId, who.actor.orgId), eq(table.authorPersonId, who.actor.personId)));
  }
}

/** A file's rows without their own ids (an import gives every row a new one), sorted: what must survive a round trip. */
function canonical(file: File) {
  return Object.fromEntries(
    Object.entries(file.tables).map(([name, rows]) => [name, rows.map(({ id: _id, ...row }) => JSON.stringify(row)).sort()]),
  );
}

const ownRows = (file: File) =>
  Object.fromEntries(
    Object.entries(file.tables)
      .filter(([, rows]) => rows.length > 0)
      .map(([n, r]) => [n, r.length]),
  );

describe("a member imports a file of their own data", () => {
  it("round trip: a member exports, loses their data, imports the file and exports again: nothing is lost", async () => {
    const { db, mia } = await world();
    const before = await mia.caller.account.export({ includePrivate: true });
    expect(before.scope).toBe("own");
    expect(ownRows(before)).toEqual({
      energy_entries: 2,
      energy_days: 1,
      weekly_reviews: 1,
      capacity_weeks: 1,
      capacity_items: 1,
      calendar_meetings: 4,
      coaching_notes: 2,
      person_notes: 1,
    });

    await deleteOwnData(db, mia);
    expect(ownRows(await mia.caller.account.export({ includePrivate: true }))).toEqual({});

    // Through JSON, as the file is uploaded.
    const result = await mia.caller.account.import({ file: JSON.parse(JSON.stringify(before)) });
    expect(result).toEqual({
      scope: "own",
      imported: { ...ownRows(before) },
      skipped: { coaching_notes: 0, person_notes: 0 },
    });
    const after = await mia.caller.account.export({ includePrivate: true });
    expect(canonical(after)).toEqual(canonical(before));
    // The notes are still on Rae's 1:1 and goal, and hers.
    const notes = after.tables.coaching_notes!;
    expect(notes.every((n) => n.authorPersonId === mia.actor.personId)).toBe(true);
    expect(notes.find((n) => n.body === "A clear review")).toMatchObject({
      oneOnOneId: before.tables.coaching_notes!.find((n) => n.body === "A clear review")!.oneOnOneId,
    });
  });

  it("importing twice is refused with CONFLICT, and so is two imports at once: exactly one loads", async () => {
    const { db, mia } = await world();
    const file = await mia.caller.account.export({ includePrivate: true });
    await expect(mia.caller.account.import({ file })).rejects.toMatchObject({ code: "CONFLICT" });

    await deleteOwnData(db, mia);
    await mia.caller.account.import({ file });
    await expect(mia.caller.account.import({ file })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(ownRows(await mia.caller.account.export({ includePrivate: true }))).toEqual(ownRows(file));

    await deleteOwnData(db, mia);
    const results = await Promise.allSettled([mia.caller.account.import({ file }), mia.caller.account.import({ file })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    expect(ownRows(await mia.caller.account.export({ includePrivate: true }))).toEqual(ownRows(file));
  });

  it("a non-admin importing an organisation's file gets NOT_FOUND; an own file holding organisation rows is refused", async () => {
    const { admin, pat } = await world();
    const organisation = await admin.caller.account.export({ includePrivate: false });
    expect(organisation.scope).toBe("organisation");
    await expect(pat.caller.account.import({ file: organisation })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A version 1 file has no scope: it is an organisation's.
    const { scope: _scope, ...unscoped } = organisation;
    await expect(pat.caller.account.import({ file: { ...unscoped, version: 1 } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(pat.caller.account.import({ file: { ...organisation, scope: "own" } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("(people: a file of your own data holds only"),
    });
    expect(ownRows(await pat.caller.account.export({ includePrivate: true }))).toEqual({});
  });

  it("the rows are checked as the procedures check them, and nothing of a refused file is kept", async () => {
    const { db, mia } = await world();
    const file = await mia.caller.account.export({ includePrivate: true });
    await deleteOwnData(db, mia);
    const broken = structuredClone(file);
    broken.tables.energy_entries![1]!.level = 11;
    await expect(mia.caller.account.import({ file: broken })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "This file does not fit (energy_entries, row 2, level: A level is from 1 to 10). Nothing was imported.",
    });
    const monday = structuredClone(file);
    monday.tables.weekly_reviews![0]!.weekStart = "2026-11-24";
    await expect(mia.caller.account.import({ file: monday })).rejects.toMatchObject({
      message: expect.stringContaining("weekly_reviews, row 1, weekStart: A week starts on a Monday"),
    });
    expect(ownRows(await mia.caller.account.export({ includePrivate: true }))).toEqual({});
  });

  it("notes about people, 1:1s or goals the importer does not reach are left out and counted, not refused", async () => {
    const { db, mia, pat, rae } = await world();
    const file = await mia.caller.account.export({ includePrivate: true });

    // Pat is not Rae's manager: the coaching notes about Rae are not Pat's to write; a person note is Pat's alone to read.
    expect(await pat.caller.account.import({ file })).toEqual({
      scope: "own",
      imported: { ...ownRows(file), coaching_notes: 0 },
      skipped: { coaching_notes: 2, person_notes: 0 },
    });
    const pats = await pat.caller.account.export({ includePrivate: true });
    expect(pats.tables.person_notes).toEqual([expect.objectContaining({ personId: rae.id, authorPersonId: pat.actor.personId })]);
    expect(pats.tables.energy_entries).toHaveLength(2);

    // Another organisation has none of these people.
    const stranger = await createUser(db);
    expect(await stranger.caller.account.import({ file })).toMatchObject({
      imported: { energy_entries: 2, coaching_notes: 0, person_notes: 0 },
      skipped: { coaching_notes: 2, person_notes: 1 },
    });

    // A note may name another of Rae's 1:1s; a goal the importer does not see (here: no goal at all) does not fit.
    await deleteOwnData(db, mia);
    const moved = structuredClone(file);
    const other = await mia.caller.oneOnOnes.schedule({ past: true, personId: rae.id, scheduledAt: new Date("2026-11-25T10:00:00.000Z") });
    moved.tables.coaching_notes!.find((n) => n.body === "Seems tired")!.goalId = mia.actor.personId;
    moved.tables.coaching_notes!.find((n) => n.body === "A clear review")!.oneOnOneId = other.id;
    expect(await mia.caller.account.import({ file: moved })).toMatchObject({ skipped: { coaching_notes: 1, person_notes: 0 } });
  });
});
