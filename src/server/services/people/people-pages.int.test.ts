import { describe, expect, it } from "vitest";
import { encodeCursor, MAX_CURSOR_LENGTH } from "@/lib/keyset";
import { PEOPLE_PAGE, PEOPLE_SORTS, type ListPeopleInput } from "@/lib/validators/people";
import { useTestDatabase } from "@/test/database";
import { createUser, joinAsMember, type TestUser } from "@/test/factories";

// The People list a page at a time (issue #20): keyset pages in every order,
// with ties in every key, read to the end, must be the whole list in the
// list's one order, once each.

const database = useTestDatabase();

/**
 * An org of `size` people: five managers reporting to the importer, everyone
 * else under one of them. Names repeat (every name three times), titles
 * repeat or are missing, levels and tracks alternate: each order's first keys
 * tie, so only the id tail tells rows apart.
 */
async function orgOf(user: TestUser, size: number) {
  const rows = ["name,email,title,track,level,manager_email"];
  for (let i = 0; i < size; i++) {
    const managerEmail = i < 5 ? "" : `p${i % 5}@x.com`;
    const title = i % 4 === 0 ? "" : `Title ${i % 3}`;
    const [track, level] = i < 5 || i % 7 === 0 ? ["manager", "em"] : i % 2 ? ["ic", "staff"] : ["ic", "senior"];
    rows.push(`Same ${Math.floor(i / 3)},p${i}@x.com,${title},${track},${level},${managerEmail}`);
  }
  await user.caller.people.commitImport({ csv: rows.join("\n") });
}

type Input = NonNullable<ListPeopleInput>;

async function allPages(user: TestUser, input: Input) {
  const pages: Awaited<ReturnType<typeof user.caller.people.list>>[] = [];
  let cursor: string | null | undefined;
  do {
    const page = await user.caller.people.list({ ...input, cursor });
    pages.push(page);
    cursor = page.nextCursor;
    expect(pages.length).toBeLessThan(200);
  } while (cursor);
  return pages;
}

describe("people.list pages", () => {
  it("serves PEOPLE_PAGE people at a time, the next after the cursor, to the end, with the total on the first", async () => {
    const user = await createUser(database.current.db);
    await orgOf(user, 2 * PEOPLE_PAGE + 7);
    const pages = await allPages(user, {});
    expect(pages.map((p) => p.items.length)).toEqual([PEOPLE_PAGE, PEOPLE_PAGE, 7]);
    expect(pages.map((p) => p.total)).toEqual([2 * PEOPLE_PAGE + 7, null, null]);
    const ids = pages.flatMap((p) => p.items.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    // Names tie three by three: the order is (name, id), and no one is skipped at a page's edge.
    const rows = pages.flatMap((p) => p.items);
    const sorted = [...rows].sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : 0));
    expect(rows.map((r) => r.id)).toEqual(sorted.map((r) => r.id));
  });

  it("pages through every order and direction with ties, matching the list read at once, with no duplicates or gaps", async () => {
    const user = await createUser(database.current.db);
    await orgOf(user, 60);
    // A few start dates, the rest none (last in both directions), with ties.
    const some = (await user.caller.people.list({ limit: 6 })).items;
    for (const [i, p] of some.entries()) {
      const detail = await user.caller.people.get({ id: p.id });
      await user.caller.people.update({
        ...detail.person,
        cadence: detail.person.cadence,
        startDate: i % 2 ? "2024-03-01" : "2025-01-15",
        version: detail.person.version,
      });
    }
    for (const sort of PEOPLE_SORTS) {
      for (const direction of ["asc", "desc"] as const) {
        for (const includeArchived of [undefined, true]) {
          const input = { sort, sortDirection: direction, includeArchived };
          const whole = (await user.caller.people.list({ ...input, limit: 100 })).items.map((r) => r.id);
          expect(whole, `${sort} ${direction}`).toHaveLength(60);
          const paged = (await allPages(user, { ...input, limit: 7 })).flatMap((p) => p.items.map((r) => r.id));
          expect(paged, `${sort} ${direction}`).toEqual(whole);
        }
      }
    }
  });

  it("filters in the database, pages included: the search, the track, a manager's reports", async () => {
    const user = await createUser(database.current.db);
    await orgOf(user, 40);
    const searched = (await allPages(user, { search: "Same 1", limit: 3 })).flatMap((p) => p.items);
    // "Same 1", "Same 10" … "Same 12" (three each) and "Same 13" (the 40th alone): every match, once, and nothing else.
    expect(searched.every((r) => r.name.startsWith("Same 1"))).toBe(true);
    expect(searched).toHaveLength(3 * 4 + 1);
    expect(new Set(searched.map((r) => r.id)).size).toBe(searched.length);
    const first = await user.caller.people.list({ search: "Same 1", limit: 3 });
    expect(first.total).toBeNull();
    const ics = (await allPages(user, { track: "ic", sort: "level", limit: 4 })).flatMap((p) => p.items);
    expect(ics.length).toBeGreaterThan(4);
    expect(ics.every((r) => r.track === "ic")).toBe(true);
    const direct = (await allPages(user, { managerId: "me", limit: 2 })).flatMap((p) => p.items);
    expect(direct).toHaveLength(5);
  });

  it("refuses a cursor it did not hand out, or one of another order, with a 400", async () => {
    const user = await createUser(database.current.db);
    await orgOf(user, 12);
    const first = await user.caller.people.list({ limit: 5 });
    expect(first.nextCursor).not.toBeNull();
    for (const input of [
      { cursor: "nope" },
      { cursor: "%%%" },
      { cursor: encodeCursor(["name", "asc", "Same 1"]) },
      { cursor: encodeCursor(["name", "asc", "Same 1", "not an id"]) },
      { cursor: first.nextCursor, sort: "level" as const },
      { cursor: first.nextCursor, sortDirection: "desc" as const },
      { cursor: "x".repeat(1001) },
      // Longer than any list's cursor: refused before it is decoded.
      { cursor: "x".repeat(MAX_CURSOR_LENGTH + 1) },
      { limit: 0 },
      { limit: 101 },
    ]) {
      await expect(user.caller.people.list(input), JSON.stringify(input)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
  });

  it("never shows anyone the actor may not see: another organisation's, or outside their part of the chart", async () => {
    const owner = await createUser(database.current.db);
    await orgOf(owner, 30);
    const stranger = await createUser(database.current.db);
    await orgOf(stranger, 30);
    // A manager of the owner's org sees their own reports only, on every page.
    const managers = (await owner.caller.people.list({ managerId: "me" })).items;
    const em = managers[0]!;
    const member = await joinAsMember(database.current.db, owner, em.id, { role: "member" });
    const theirs = (await allPages(member, { limit: 2 })).flatMap((p) => p.items);
    const mine = (await allPages(owner, { managerId: em.id, limit: 100 })).flatMap((p) => p.items);
    expect(theirs.map((r) => r.id).sort()).toEqual(mine.map((r) => r.id).sort());
    expect(theirs.length).toBeGreaterThan(0);
    // Their first page's total is their part of the chart, not the organisation.
    expect((await member.caller.people.list({})).total).toBe(mine.length);
    // Another organisation's people never appear, whatever the cursor says.
    const strangers = new Set((await allPages(stranger, { limit: 100 })).flatMap((p) => p.items.map((r) => r.id)));
    const everyOwnerPage = (await allPages(owner, { limit: 9, includeArchived: true })).flatMap((p) => p.items);
    expect(everyOwnerPage.some((r) => strangers.has(r.id))).toBe(false);
    const strangerCursor = (await stranger.caller.people.list({ limit: 1 })).nextCursor;
    const fromTheirCursor = await owner.caller.people.list({ cursor: strangerCursor, limit: 100 });
    expect(fromTheirCursor.items.some((r) => strangers.has(r.id))).toBe(false);
  });
});

describe("people.list cursors of long names", () => {
  it("pages by title and by manager when names and titles are 120 characters of a non-Latin script", async () => {
    const user = await createUser(database.current.db);
    const long = (c: string) => c.repeat(120);
    const boss = await user.caller.people.create({
      name: long("長"),
      title: long("題"),
      track: "manager",
      level: "em",
      managerId: null,
      cadence: "weekly",
    });
    for (let i = 0; i < 3; i++) {
      await user.caller.people.create({
        name: long("名"),
        title: long("題"),
        track: "ic",
        level: "staff",
        managerId: boss.id,
        cadence: "none",
      });
    }
    for (const sort of ["title", "manager"] as const) {
      const pages = await allPages(user, { sort, limit: 1 });
      expect(pages.flatMap((p) => p.items)).toHaveLength(4);
      expect(Math.max(...pages.map((p) => p.nextCursor?.length ?? 0))).toBeGreaterThan(1000);
    }
  });
});
