import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { checkIns } from "@/server/db/schema";
import { encodeCursor } from "@/lib/keyset";
import { TREE_OPENING_BUDGET } from "@/lib/targets/tree-fold";
import { useTestDatabase } from "@/test/database";
import { createUser, joinAsMember, type TestUser } from "@/test/factories";

// Keyset pages of the targets' side (issue #20): a metric's check-ins, the
// trees page, and a tree that opens folded below what fits, its branches
// loading when unfolded.

const database = useTestDatabase();
const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function target(user: TestUser, title: string, ownerIds: string[], extra: Record<string, unknown> = {}) {
  const now = Date.now();
  return user.caller.targets.create({
    title,
    kind: "speed",
    ownerIds,
    startDate: isoDay(new Date(now - 50 * DAY)),
    dueDate: isoDay(new Date(now + 49 * DAY)),
    ...extra,
  });
}

/** Someone below the account's top, to own sub-targets (a sub-target is owned further down the chart). */
const reportOf = (user: TestUser) =>
  user.caller.people.create({ name: "Rae Report", track: "ic", level: "senior", managerId: user.actor.personId, cadence: "weekly" });

const rowsOf = <T>(result: unknown) => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

describe("a metric's check-ins, a page at a time", () => {
  it("walks every check-in newest first, ties at the same microsecond included, with no gap or repeat", async () => {
    const db = database.current.db;
    const user = await createUser(db);
    const t = await target(user, "Checkout p99", [user.actor.personId]);
    const metric = await user.caller.targets.addMetric({
      targetId: t.id,
      name: "p99",
      unit: "ms",
      direction: "lower",
      baseline: 500,
      goal: 300,
    });
    const times = [
      "2026-03-02 09:00:00.000001+00",
      "2026-03-02 09:00:00.000001+00",
      "2026-03-02 09:00:00.000001+00",
      "2026-03-02 09:00:00.000002+00",
      "2026-03-02 09:00:00.001+00",
      "2026-03-09 09:00:00+00",
      "2026-03-09 09:00:00+00",
      "2026-03-16 09:00:00+00",
    ];
    await db.insert(checkIns).values(
      times.map((at, i) => ({
        orgId: user.actor.orgId,
        metricId: metric.id,
        at: sql`${at}::timestamptz` as unknown as Date,
        value: 400 + i,
      })),
    );
    const ordered = rowsOf<{ id: string }>(
      await db.execute(sql`select id from check_ins where metric_id = ${metric.id} order by at desc, id desc`),
    ).map((r) => r.id);
    expect(ordered).toHaveLength(times.length);

    for (const limit of [1, 2, 3, 8, 20]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await user.caller.targets.checkIns({ metricId: metric.id, limit, cursor });
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen, `pages of ${limit}`).toEqual(ordered);
    }
    const first = await user.caller.targets.checkIns({ metricId: metric.id });
    expect(first.items[0]).toMatchObject({ value: 407, source: "entered" });
    expect(first.nextCursor).toBeNull();
  });

  it("a bad cursor is a 400; a metric out of sight is NOT_FOUND, whatever the cursor", async () => {
    const db = database.current.db;
    const user = await createUser(db);
    const t = await target(user, "Checkout p99", [user.actor.personId]);
    const metric = await user.caller.targets.addMetric({
      targetId: t.id,
      name: "p99",
      unit: "ms",
      direction: "lower",
      baseline: 500,
      goal: 300,
    });
    for (const cursor of ["nope", encodeCursor(["2026-13-01 00:00:00+00", crypto.randomUUID()]), encodeCursor(["x", "y"])]) {
      await expect(user.caller.targets.checkIns({ metricId: metric.id, cursor })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    // A peer below the account's top, who neither set nor owns the target.
    const peerPerson = await user.caller.people.create({
      name: "Pat Peer",
      track: "ic",
      level: "senior",
      managerId: user.actor.personId,
      cadence: "weekly",
    });
    const peer = await joinAsMember(db, user, peerPerson.id);
    await expect(peer.caller.targets.checkIns({ metricId: metric.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(peer.caller.targets.checkIns({ metricId: metric.id, cursor: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const stranger = await createUser(db);
    await expect(stranger.caller.targets.checkIns({ metricId: metric.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("a large tree opens folded", () => {
  it("ships whole levels within the budget, keeps the roll-up of what is folded, and opens a branch on demand", async () => {
    const user = await createUser(database.current.db);
    const me = user.actor.personId;
    const below = (await reportOf(user)).id;
    const root = await target(user, "Checkout p99", [me]);
    // 10 sub-targets with 5 each: 1 + 10 + 50 nodes, more than the opening budget.
    const children = [];
    for (let i = 0; i < 10; i++) children.push(await target(user, `Branch ${i}`, [below], { parentId: root.id }));
    const grandchildren: string[] = [];
    for (const child of children)
      for (let j = 0; j < 5; j++) grandchildren.push((await target(user, `${child.title}.${j}`, [below], { parentId: child.id })).id);
    // One leaf off track, deep in a folded branch.
    const leaf = grandchildren[37]!;
    const metric = await user.caller.targets.addMetric({
      targetId: leaf,
      name: "p99",
      unit: "ms",
      direction: "lower",
      baseline: 500,
      goal: 300,
    });
    await user.caller.targets.addCheckIn({ metricId: metric.id, value: 490 });
    expect(1 + children.length + grandchildren.length).toBeGreaterThan(TREE_OPENING_BUDGET);

    const { tree } = await user.caller.targets.tree({ id: root.id });
    expect(tree.children).toHaveLength(10);
    expect(tree.children.every((c) => c.children.length === 0 && c.folded === 5)).toBe(true);
    // The roll-up is the whole tree's: the folded trouble shows at the top and on its branch.
    expect(tree.below).toBe(60);
    expect(tree.worst).toBe("off_track");
    const troubled = tree.children.find((c) => c.worst === "off_track")!;
    expect(troubled.id).toBe(children[7]!.id);
    expect(tree.children[0]!.id).toBe(troubled.id); // the worst branch first

    const branch = await user.caller.targets.treeBranch({ id: troubled.id });
    expect(branch.tree.children.map((c) => c.id).sort()).toEqual(grandchildren.slice(35, 40).sort());
    expect(branch.tree.children[0]!.id).toBe(leaf);
    expect(branch.tree.children.every((c) => c.folded === 0)).toBe(true);

    // Out of sight: NOT_FOUND, as for a missing target.
    const stranger = await createUser(database.current.db);
    await expect(stranger.caller.targets.treeBranch({ id: troubled.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(user.caller.targets.treeBranch({ id: crypto.randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the trees page, a page of trees at a time", () => {
  it("lists each tree once by due date, a tree of the caller's under another of theirs inside it only", async () => {
    const user = await createUser(database.current.db);
    const me = user.actor.personId;
    const below = (await reportOf(user)).id;
    const now = Date.now();
    const due = (days: number) => isoDay(new Date(now + days * DAY));
    const roots = [];
    // Two trees due the same day (the title, then the id, order them), and one later.
    for (const [title, days] of [
      ["B tree", 30],
      ["A tree", 30],
      ["C tree", 10],
    ] as const) {
      const r = await target(user, title, [me], { dueDate: due(days) });
      const mid = await target(user, `${title} / mid`, [below], { parentId: r.id, dueDate: due(days) });
      // Mine (I set it), with a sub-target, under another of mine: shown inside that tree only.
      await target(user, `${title} / leaf`, [below], { parentId: mid.id, dueDate: due(days) });
      roots.push(r);
    }
    // A target with no sub-target is not a tree.
    await target(user, "Alone", [me]);

    const expected = ["C tree", "A tree", "B tree"];
    for (const limit of [1, 2, 10]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await user.caller.targets.trees({ limit, cursor });
        expect(page.trees.length).toBeLessThanOrEqual(limit);
        seen.push(...page.trees.map((t) => t.title));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen, `pages of ${limit}`).toEqual(expected);
    }
    const all = await user.caller.targets.trees();
    expect(all.trees.every((t) => t.below === 2)).toBe(true);
    await expect(user.caller.targets.trees({ cursor: encodeCursor(["soon", "A tree", crypto.randomUUID()]) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
