import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { coachingNotes, oneOnOnes } from "@/server/db/schema";
import { encodeCursor } from "@/lib/keyset";
import { useTestDatabase } from "@/test/database";
import { createUser, joinAsMember, type TestUser } from "@/test/factories";

// Keyset pages of the 1:1s (issue #20): a person's past 1:1s, the people the
// caller held 1:1s with before a line changed, and the notes search. Each
// page starts right after the last row of the one before: no row is skipped
// or repeated, even among rows of the same time (down to the microsecond,
// which a JavaScript Date cannot hold), and a cursor that is not one the list
// gave is a 400.

const database = useTestDatabase();

/** Walks every page of a list; returns the ids in the order shown. */
async function allPages<T extends { id: string }>(fetch: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>) {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await fetch(cursor);
    seen.push(...page.items.map((i) => i.id));
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error("the pages never end");
}

async function managerWithReport(user: TestUser, name = "Rae Report") {
  const me = await user.caller.people.create({ name: "Emma Manager", track: "manager", level: "em", managerId: null, cadence: "weekly" });
  const report = await user.caller.people.create({ name, track: "ic", level: "senior", managerId: user.actor.personId, cadence: "weekly" });
  return { me, report };
}

/** Past 1:1s written straight to the table: several at the very same microsecond, so the keyset's tie-break on the id is what orders them. */
async function pastOneOnOnes(user: TestUser, personId: string) {
  const db = database.current.db;
  const times = [
    "2026-03-02 09:00:00.000001+00",
    "2026-03-02 09:00:00.000001+00",
    "2026-03-02 09:00:00.000001+00",
    "2026-03-02 09:00:00.000002+00",
    "2026-03-09 09:00:00+00",
    "2026-03-09 09:00:00+00",
    "2026-03-16 09:00:00.5+00",
  ];
  const rows = await db
    .insert(oneOnOnes)
    .values(
      times.map((t, i) => ({
        orgId: user.actor.orgId,
        personId,
        managerPersonId: user.actor.personId,
        scheduledAt: sql`${t}::timestamptz` as unknown as Date,
        status: i === 3 ? ("cancelled" as const) : ("held" as const),
        heldAt: sql`${t}::timestamptz` as unknown as Date,
      })),
    )
    .returning({ id: oneOnOnes.id });
  // The expected order, as the database sorts them: newest first, then the larger id.
  const ordered = await db.execute<{ id: string }>(
    sql`select id from one_on_ones where person_id = ${personId} and status <> 'scheduled' order by scheduled_at desc, id desc`,
  );
  const list = Array.isArray(ordered) ? ordered : (ordered as { rows: { id: string }[] }).rows;
  return { inserted: rows.map((r) => r.id), ordered: list.map((r) => r.id) };
}

describe("a person's past 1:1s, a page at a time", () => {
  it("walks every past 1:1 newest first, ties at the same microsecond included, with no gap or repeat", async () => {
    const user = await createUser(database.current.db);
    const { report } = await managerWithReport(user);
    const { inserted, ordered } = await pastOneOnOnes(user, report.id);
    // A booked one is on the person page (upcoming), not in the history.
    const booked = await user.caller.oneOnOnes.schedule({ personId: report.id, scheduledAt: new Date(Date.now() + 86_400_000) });

    for (const limit of [1, 2, 3, 7, 20]) {
      const seen = await allPages((cursor) => user.caller.oneOnOnes.history({ personId: report.id, limit, cursor }));
      expect(seen, `pages of ${limit}`).toEqual(ordered);
    }
    expect(new Set(ordered)).toEqual(new Set(inserted));
    const first = await user.caller.oneOnOnes.history({ personId: report.id, limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const page = await user.caller.oneOnOnes.forPerson({ personId: report.id });
    expect(page.upcoming.map((m) => m.id)).toEqual([booked.id]);
    expect(page.meetingCount).toBe(inserted.length + 1);
  });

  it("refuses a cursor it did not give as BAD_REQUEST, and answers NOT_FOUND to anyone outside the 1:1s", async () => {
    const user = await createUser(database.current.db);
    const { report } = await managerWithReport(user);
    for (const cursor of ["not-a-cursor", encodeCursor(["2026-02-31 00:00:00+00", crypto.randomUUID()]), encodeCursor([1, 2]), "%%%"]) {
      await expect(user.caller.oneOnOnes.history({ personId: report.id, cursor })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(user.caller.oneOnOnes.history({ personId: report.id, limit: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    // Another manager of the same organisation: the report's 1:1s are not theirs, whatever the cursor.
    const peer = await user.caller.people.create({
      name: "Pat Peer",
      track: "manager",
      level: "em",
      managerId: user.actor.personId,
      cadence: "weekly",
    });
    const peerUser = await joinAsMember(database.current.db, user, peer.id);
    await pastOneOnOnes(user, report.id);
    await expect(peerUser.caller.oneOnOnes.history({ personId: report.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(peerUser.caller.oneOnOnes.history({ personId: report.id, cursor: "not-a-cursor" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // Another organisation's person: NOT_FOUND too.
    const other = await createUser(database.current.db);
    await expect(other.caller.oneOnOnes.history({ personId: report.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the others the caller held 1:1s with, a page at a time", () => {
  it("lists, by name, those who report to someone else now: every one once, never a current report", async () => {
    const user = await createUser(database.current.db);
    const newManager = await user.caller.people.create({
      name: "Nina New",
      track: "manager",
      level: "em",
      managerId: user.actor.personId,
      cadence: "weekly",
    });
    const names = ["Ada", "Ben", "Ben", "Cy", "Dee"];
    const moved: string[] = [];
    for (const name of names) {
      const p = await user.caller.people.create({ name, track: "ic", level: "senior", managerId: user.actor.personId, cadence: "weekly" });
      const m = await user.caller.oneOnOnes.schedule({ past: true, personId: p.id, scheduledAt: new Date("2026-03-02T09:00:00Z") });
      await user.caller.oneOnOnes.hold({ id: m.id });
      const { person: current } = await user.caller.people.get({ id: p.id });
      await user.caller.people.update({
        id: p.id,
        version: current.version,
        name: current.name,
        track: "ic",
        level: "senior",
        managerId: newManager.id,
        cadence: "weekly",
      });
      moved.push(p.id);
    }
    const stays = await user.caller.people.create({
      name: "Aaron Stays",
      track: "ic",
      level: "senior",
      managerId: user.actor.personId,
      cadence: "weekly",
    });
    const m = await user.caller.oneOnOnes.schedule({ past: true, personId: stays.id, scheduledAt: new Date("2026-03-02T09:00:00Z") });
    await user.caller.oneOnOnes.hold({ id: m.id });

    const first = await user.caller.oneOnOnes.others({});
    expect(first.items.map((p) => p.name)).toEqual(["Ada", "Ben", "Ben", "Cy", "Dee"]);
    for (const limit of [1, 2, 4]) {
      const seen = await allPages((cursor) => user.caller.oneOnOnes.others({ limit, cursor }));
      expect(seen, `pages of ${limit}`).toEqual(first.items.map((p) => p.id));
    }
    expect(new Set(first.items.map((p) => p.id))).toEqual(new Set(moved));
    await expect(user.caller.oneOnOnes.others({ cursor: encodeCursor(["Ada"]) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("the notes search, a page at a time", () => {
  it("walks notes and points together, newest first, ties included; another manager's notes never appear, nor another author's private ones", async () => {
    const db = database.current.db;
    const user = await createUser(db);
    const { report } = await managerWithReport(user);
    const reportUser = await joinAsMember(db, user, report.id);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++)
      ids.push((await user.caller.oneOnOnes.addNote({ personId: report.id, kind: "coaching", body: `Roadmap note ${i}` })).id);
    for (let i = 0; i < 3; i++)
      ids.push((await user.caller.oneOnOnes.addPoint({ personId: report.id, topic: "team", body: `Roadmap point ${i}` })).id);
    // Three at the very same instant (a note and two points), so the id alone orders them.
    const same = sql`'2026-03-02 09:00:00.123456+00'::timestamptz`;
    await db
      .update(coachingNotes)
      .set({ createdAt: same as unknown as Date })
      .where(sql`id = ${ids[0]}`);
    await db.execute(sql`update talking_points set created_at = ${same} where id in (${ids[4]}, ${ids[5]})`);
    const secret = await user.caller.oneOnOnes.addNote({
      personId: report.id,
      kind: "coaching",
      body: "Roadmap worry, private",
      private: true,
    });

    // Another manager of the organisation, with a note on their own report: never in the first manager's search.
    const peer = await user.caller.people.create({
      name: "Pat Peer",
      track: "manager",
      level: "em",
      managerId: user.actor.personId,
      cadence: "weekly",
    });
    const peerUser = await joinAsMember(db, user, peer.id);
    const theirs = await peerUser.caller.people.create({
      name: "Tom Theirs",
      track: "ic",
      level: "senior",
      managerId: peer.id,
      cadence: "weekly",
    });
    const theirNote = await peerUser.caller.oneOnOnes.addNote({ personId: theirs.id, kind: "coaching", body: "Roadmap of theirs" });

    const idsOf = (page: { notes: { id: string }[]; points: { id: string }[] }) => [...page.notes, ...page.points].map((r) => r.id);
    const all = await user.caller.oneOnOnes.search({ query: "roadmap" });
    expect(new Set(idsOf(all))).toEqual(new Set([...ids, secret.id]));
    for (const limit of [1, 2, 3]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await user.caller.oneOnOnes.search({ query: "roadmap", limit, cursor });
        expect(idsOf(page).length).toBeLessThanOrEqual(limit);
        seen.push(...idsOf(page));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen.sort(), `pages of ${limit}`).toEqual([...ids, secret.id].sort());
    }
    expect(idsOf(all)).not.toContain(theirNote.id);
    // The report searches the same words: their 1:1s' shared notes and points, never the manager's private note.
    const seenByReport: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await reportUser.caller.oneOnOnes.search({ query: "roadmap", limit: 2, cursor });
      seenByReport.push(...idsOf(page));
      expect(JSON.stringify(page)).not.toContain("Roadmap worry");
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seenByReport.sort()).toEqual([...ids].sort());
    await expect(user.caller.oneOnOnes.search({ query: "roadmap", cursor: "bad" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
