import { describe, expect, it } from "vitest";
import { encodeCursor } from "@/lib/keyset";
import { useTestDatabase } from "@/test/database";
import { createUser, type TestUser } from "@/test/factories";
import { owner, targetAt } from "@/test/target-fixtures";
import { listTargets } from "./targets.read";

/** targets.list a keyset page at a time, filtered and ordered in SQL (health included, issue #20). */
const database = useTestDatabase();

/** Every page of targets.list for `input`, `limit` at a time. */
async function allPages(user: TestUser, input: Parameters<TestUser["caller"]["targets"]["list"]>[0], limit: number) {
  const pages: { id: string; title: string; health: string | null }[][] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<TestUser["caller"]["targets"]["list"]>> = await user.caller.targets.list({ ...input, limit, cursor });
    pages.push(page.items.map((t) => ({ id: t.id, title: t.title, health: t.health })));
    cursor = page.nextCursor;
  } while (cursor && pages.length < 50);
  return pages;
}

describe("the targets list, a page at a time", () => {
  it("orders trouble first, and walks every page without a duplicate or a gap, ties included", async () => {
    const user = await createUser(database.current.db);
    const person = await owner(user);
    // Ties on health, due date and title: only the id tells them apart.
    for (let i = 0; i < 5; i++) await targetAt(user, person.id, "Same", 6);
    await targetAt(user, person.id, "Bad", 1);
    await targetAt(user, person.id, "Risky", 3);
    await targetAt(user, person.id, "Done", 10);
    await targetAt(user, person.id, "Unmeasured", null);
    await targetAt(user, person.id, "Soon fine", 9, 10);

    const first = await user.caller.targets.list({ limit: 3 });
    expect(first.items.map((t) => t.title)).toEqual(["Bad", "Risky", "Unmeasured"]);
    expect(first.nextCursor).toEqual(expect.any(String));

    const pages = await allPages(user, {}, 3);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 3, 1]);
    const walked = pages.flat();
    expect(walked.map((t) => t.title)).toEqual(["Bad", "Risky", "Unmeasured", "Soon fine", "Same", "Same", "Same", "Same", "Same", "Done"]);
    expect(new Set(walked.map((t) => t.id)).size).toBe(10);
    // The same order as the complete list (the CSV's), and the health the TypeScript gives, page by page.
    const complete = await listTargets(database.current.db, user.actor, {});
    expect(walked.map((t) => t.id)).toEqual(complete.map((t) => t.id));
    expect(walked.map((t) => t.health)).toEqual(["off_track", "at_risk", "no_data", "on_track", ...Array(5).fill("on_track"), "achieved"]);

    // The last page says there is no more.
    const last = await user.caller.targets.list({ limit: 10 });
    expect(last.items).toHaveLength(10);
    expect(last.nextCursor).toBeNull();
  });

  it("filters by health in SQL, with the other filters", async () => {
    const user = await createUser(database.current.db);
    const person = await owner(user);
    const other = await owner(user);
    const { target: bad } = await targetAt(user, person.id, "Bad", 1);
    await targetAt(user, other.id, "Also bad", 0);
    await targetAt(user, person.id, "Fine", 6);
    await targetAt(user, person.id, "Unmeasured", null);
    const titles = async (input: Parameters<TestUser["caller"]["targets"]["list"]>[0]) =>
      (await user.caller.targets.list(input)).items.map((t) => t.title);
    expect(await titles({ health: "off_track" })).toEqual(["Also bad", "Bad"]);
    expect(await titles({ health: "off_track", personId: person.id })).toEqual(["Bad"]);
    expect(await titles({ health: "no_data" })).toEqual(["Unmeasured"]);
    expect(await titles({ health: "achieved" })).toEqual([]);
    // Only an active target has a health.
    await user.caller.targets.setStatus({ id: bad.id, status: "dropped" });
    expect(await titles({ health: "off_track" })).toEqual(["Also bad"]);
    const pages = await allPages(user, { health: "off_track" }, 1);
    expect(pages.flat().map((t) => t.title)).toEqual(["Also bad"]);
  });

  it("a cursor it did not hand out is a 400, not a 500", async () => {
    const user = await createUser(database.current.db);
    for (const cursor of [
      "not a cursor",
      encodeCursor(["x"]),
      encodeCursor([1, "2026-01-01", "t", "not-a-uuid"]),
      encodeCursor([9, "2026-01-01", "t", crypto.randomUUID()]),
    ]) {
      await expect(user.caller.targets.list({ cursor })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(user.caller.targets.list({ limit: 1000 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("another account's targets never appear on any page", async () => {
    const mine = await createUser(database.current.db);
    const theirs = await createUser(database.current.db);
    const me = await owner(mine);
    const them = await owner(theirs);
    for (let i = 0; i < 3; i++) await targetAt(mine, me.id, `Mine ${i}`, i * 3);
    for (let i = 0; i < 4; i++) await targetAt(theirs, them.id, `Theirs ${i}`, i * 3);
    const walked = (await allPages(mine, {}, 2)).flat();
    expect(walked.map((t) => t.title).sort()).toEqual(["Mine 0", "Mine 1", "Mine 2"]);
    // Their cursor is only a position: in my list it shows my rows after it, never theirs.
    const theirCursor = (await theirs.caller.targets.list({ limit: 1 })).nextCursor;
    const after = await mine.caller.targets.list({ cursor: theirCursor });
    expect(after.items.every((t) => t.title.startsWith("Mine"))).toBe(true);
  });
});
