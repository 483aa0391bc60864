import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { createUser, joinAsMember, type TestUser } from "@/test/factories";
import { MAX_TARGET_DEPTH } from "@/lib/targets/tree";

const database = useTestDatabase();
const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The chart of the cascade:
 *   director (the account's top)
 *   ├── payEm ── payStaff, payDev
 *   ├── platEm ── platStaff
 *   └── other (a peer of the EMs, with no target)
 */
async function world() {
  const db = database.current.db;
  const director = await createUser(db, { name: "Dana Director" });
  const person = (name: string, managerId: string | null, track: "manager" | "ic" = "ic") =>
    director.caller.people.create({ name, track, level: track === "manager" ? "em" : "staff", managerId, cadence: "weekly" });
  const payEmP = await person("Pat Payments", director.actor.personId, "manager");
  const platEmP = await person("Pia Platform", director.actor.personId, "manager");
  const payStaffP = await person("Sol Staff", payEmP.id);
  const payDevP = await person("Dev Payments", payEmP.id);
  const platStaffP = await person("Sky Staff", platEmP.id);
  const otherP = await person("Oli Other", director.actor.personId, "manager");
  const payEm = await joinAsMember(db, director, payEmP.id, { name: "Pat" });
  const platEm = await joinAsMember(db, director, platEmP.id, { name: "Pia" });
  const payStaff = await joinAsMember(db, director, payStaffP.id, { name: "Sol" });
  const other = await joinAsMember(db, director, otherP.id, { name: "Oli" });
  const stranger = await createUser(db, { name: "Xavier" });
  return { director, payEm, platEm, payStaff, other, stranger, p: { payEmP, platEmP, payStaffP, payDevP, platStaffP, otherP } };
}

/** A target from 50 days ago to 49 days ahead: half the time gone. */
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

/** A lower-is-better p99 metric (baseline 500, goal 300: halfway, 400 is on track and 490 off track). */
function p99(user: TestUser, targetId: string) {
  return user.caller.targets.addMetric({ targetId, name: "p99", unit: "ms", direction: "lower", baseline: 500, goal: 300 });
}

describe("cascading targets", () => {
  it("a director splits a target between two pairs, an EM splits theirs again, and the roll-up names the branch off track", async () => {
    const w = await world();
    const root = await target(w.director, "Checkout p99 < 300 ms", [w.p.payEmP.id, w.p.platEmP.id]);
    await p99(w.director, root.id);
    const pay = await target(w.director, "Payments p99 < 250 ms", [w.p.payEmP.id, w.p.payStaffP.id], { parentId: root.id });
    const plat = await target(w.director, "Platform p99 < 200 ms", [w.p.platEmP.id, w.p.platStaffP.id], { parentId: root.id });
    expect(pay.parentId).toBe(root.id);
    expect(pay.controllerPersonId).toBe(w.director.actor.personId);
    // The payments EM owns their target and splits it for their team: they become the controller of the sub-target.
    const card = await target(w.payEm, "Card auth p99 < 150 ms", [w.p.payDevP.id], { parentId: pay.id });
    expect(card.controllerPersonId).toBe(w.p.payEmP.id);
    const cardMetric = await p99(w.payEm, card.id);
    await w.payEm.caller.targets.addCheckIn({ metricId: cardMetric.id, value: 490 });
    const platMetric = await p99(w.director, plat.id);
    await w.platEm.caller.targets.addCheckIn({ metricId: platMetric.id, value: 400 });
    const rootMetric = (await w.director.caller.targets.get({ id: root.id })).metrics[0]!;
    await w.director.caller.targets.addCheckIn({ metricId: rootMetric.id, value: 400 });

    // The director sees the whole tree, the worst branch first.
    const view = await w.director.caller.targets.tree({ id: root.id });
    expect(view.ancestors).toEqual([]);
    expect(view.canSplit).toBe(true);
    expect(view.tree.below).toBe(3);
    expect(view.tree.worst).toBe("off_track");
    expect(view.tree.counts.off_track).toBe(1);
    expect(view.tree.children.map((c) => c.title)).toEqual(["Payments p99 < 250 ms", "Platform p99 < 200 ms"]);
    expect(view.tree.children[0]!.worst).toBe("off_track");
    expect(view.tree.children[0]!.health).toBe(null); // no metrics on the payments target itself
    expect(view.tree.children[0]!.children[0]!.title).toBe("Card auth p99 < 150 ms");
    expect(view.tree.children[1]!.worst).toBe("on_track");

    // The trees page: the director's tree once (the sub-targets she set are inside it, not trees of their own).
    const trees = await w.director.caller.targets.trees();
    expect(trees.trees.map((t) => t.title)).toEqual(["Checkout p99 < 300 ms"]);
    expect(trees.trees[0]!.below).toBe(3);
    // The payments EM: their own target with its sub-target is a tree; the root is theirs too (an owner), so one tree from the root.
    const emTrees = await w.payEm.caller.targets.trees();
    expect(emTrees.trees.map((t) => t.title)).toEqual(["Checkout p99 < 300 ms"]);

    // Lists say where a target sits: "part of …", root first.
    const listed = (await w.payStaff.caller.targets.list({ personId: w.p.payStaffP.id })).items;
    expect(listed.map((t) => [t.title, t.partOf.map((a) => a.title)])).toEqual([["Payments p99 < 250 ms", ["Checkout p99 < 300 ms"]]]);
    const cardListed = (await w.director.caller.targets.list({ personId: w.p.payDevP.id })).items;
    expect(cardListed[0]!.partOf.map((a) => a.title)).toEqual(["Checkout p99 < 300 ms", "Payments p99 < 250 ms"]);
  });

  it("a sub-target's owners see the title and health of what is above it, and open only what they see", async () => {
    const w = await world();
    // The root is owned by the EMs; the payments staff engineer owns a sub-target only.
    const root = await target(w.director, "Checkout p99 < 300 ms", [w.p.payEmP.id]);
    await p99(w.director, root.id);
    const pay = await target(w.payEm, "Payments p99 < 250 ms", [w.p.payStaffP.id], { parentId: root.id });

    const fromStaff = await w.payStaff.caller.targets.tree({ id: pay.id });
    expect(fromStaff.ancestors).toHaveLength(1);
    expect(fromStaff.ancestors[0]).toMatchObject({ id: root.id, title: "Checkout p99 < 300 ms", canOpen: false });
    expect(fromStaff.ancestors[0]!.health).toBe("no_data"); // half the time gone, no check-in: no data yet, not judged
    // The parent itself is not theirs to open: its metrics, thread and tree stay with the usual rule.
    await expect(w.payStaff.caller.targets.get({ id: root.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(w.payStaff.caller.targets.tree({ id: root.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The EM who set it opens the root (they own it).
    expect((await w.payEm.caller.targets.tree({ id: pay.id })).ancestors[0]!.canOpen).toBe(true);
    // Someone outside the line sees neither, and no tree.
    await expect(w.other.caller.targets.tree({ id: pay.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(w.stranger.caller.targets.tree({ id: pay.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await w.other.caller.targets.trees()).trees).toEqual([]);
  });

  it("only the controller or an owner splits a target, for people below them", async () => {
    const w = await world();
    const root = await target(w.director, "Checkout p99 < 300 ms", [w.p.payEmP.id]);
    // The platform EM sees nothing of it: NOT_FOUND next to the field, as for a missing target.
    await expect(target(w.platEm, "Mine", [w.p.platStaffP.id], { parentId: root.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "That target is not one you set or own.",
    });
    // The payments staff engineer is below the owner but neither owner nor controller.
    await expect(target(w.payStaff, "Mine", [w.p.payStaffP.id], { parentId: root.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // An owner may not make themself, or someone beside them, the sub-target's owner.
    await expect(target(w.payEm, "Mine", [w.p.payEmP.id], { parentId: root.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "A sub-target is owned by people below you in the chart.",
    });
    await expect(target(w.payEm, "Mine", [w.p.platStaffP.id], { parentId: root.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A stranger's target, and an unknown id.
    const foreign = await target(w.stranger, "Theirs", [w.stranger.actor.personId]);
    await expect(target(w.director, "Mine", [w.p.payEmP.id], { parentId: foreign.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(target(w.director, "Mine", [w.p.payEmP.id], { parentId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // Bad input is a 4xx.
    await expect(target(w.director, "Mine", [w.p.payEmP.id], { parentId: "nope" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // A sub-target's owners stay below its controller on an edit.
    const sub = await target(w.payEm, "Payments", [w.p.payStaffP.id], { parentId: root.id });
    await expect(
      w.payEm.caller.targets.update({
        id: sub.id,
        version: sub.version,
        title: sub.title,
        kind: sub.kind,
        ownerIds: [w.p.payEmP.id],
        startDate: sub.startDate,
        dueDate: sub.dueDate,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a tree is at most MAX_TARGET_DEPTH levels deep, and a move never makes a loop", async () => {
    const w = await world();
    const chain = [await target(w.director, "Level 0", [w.p.payEmP.id])];
    for (let i = 1; i < MAX_TARGET_DEPTH; i++) {
      chain.push(await target(w.director, `Level ${i}`, [w.p.payEmP.id], { parentId: chain[i - 1]!.id }));
    }
    await expect(target(w.director, "Too deep", [w.p.payEmP.id], { parentId: chain.at(-1)!.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: `A tree of targets is at most ${MAX_TARGET_DEPTH} levels deep.`,
    });
    // The lists say the whole way up, root first: the deepest target has every other level above it.
    const partsOf = async () =>
      new Map(
        (await w.director.caller.targets.list({ personId: w.p.payEmP.id })).items.map((t) => [t.title, t.partOf.map((a) => a.title)]),
      );
    const before = await partsOf();
    expect(before.get(`Level ${MAX_TARGET_DEPTH - 1}`)).toEqual(Array.from({ length: MAX_TARGET_DEPTH - 1 }, (_, i) => `Level ${i}`));
    expect(before.get("Level 1")).toEqual(["Level 0"]);
    expect(before.get("Level 0")).toEqual([]);
    // A target under itself, or under its own sub-target.
    await expect(
      w.director.caller.targets.setParent({ id: chain[0]!.id, parentId: chain[0]!.id, version: chain[0]!.version }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "A target cannot be placed under itself or one of its own sub-targets." });
    await expect(
      w.director.caller.targets.setParent({ id: chain[1]!.id, parentId: chain[3]!.id, version: chain[1]!.version }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Moving level 3 (with level 4 under it) under level 1 is fine; under level 4's sibling depth it is not.
    const moved = await w.director.caller.targets.setParent({ id: chain[3]!.id, parentId: chain[1]!.id, version: chain[3]!.version });
    expect(moved.parentId).toBe(chain[1]!.id);
    expect(moved.version).toBe(chain[3]!.version + 1);
    expect((await partsOf()).get(`Level ${MAX_TARGET_DEPTH - 1}`)).toEqual(["Level 0", "Level 1", "Level 3"]);
    // A stale page is a conflict.
    await expect(
      w.director.caller.targets.setParent({ id: chain[3]!.id, parentId: null, version: chain[3]!.version }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    // Detached: a top-level target again, its own sub-target with it.
    const detached = await w.director.caller.targets.setParent({ id: chain[3]!.id, parentId: null, version: moved.version });
    expect(detached.parentId).toBeNull();
    const tree = await w.director.caller.targets.tree({ id: chain[3]!.id });
    expect(tree.tree.below).toBe(1);
    // Only the controller moves a target: an owner gets NOT_FOUND.
    await expect(w.payEm.caller.targets.setParent({ id: chain[4]!.id, parentId: null, version: chain[4]!.version })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("two moves at once that would make a loop together: one is stored, the other refused", async () => {
    const w = await world();
    const a = await target(w.director, "A", [w.p.payEmP.id]);
    const b = await target(w.director, "B", [w.p.payEmP.id]);
    const results = await Promise.allSettled([
      w.director.caller.targets.setParent({ id: a.id, parentId: b.id, version: a.version }),
      w.director.caller.targets.setParent({ id: b.id, parentId: a.id, version: b.version }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({
      code: "BAD_REQUEST",
      message: "A target cannot be placed under itself or one of its own sub-targets.",
    });
    const [ta, tb] = await Promise.all([w.director.caller.targets.get({ id: a.id }), w.director.caller.targets.get({ id: b.id })]);
    expect([ta.parentId, tb.parentId].filter(Boolean)).toHaveLength(1);
  });

  it("a sub-target whose parent was deleted meanwhile is NOT_FOUND, not a 500", async () => {
    const w = await world();
    const root = await target(w.director, "Checkout p99 < 300 ms", [w.p.payEmP.id]);
    await w.director.caller.targets.delete({ id: root.id });
    await expect(target(w.payEm, "Payments", [w.p.payStaffP.id], { parentId: root.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // An owner removed from the parent meanwhile: their next split is NOT_FOUND too.
    const other = await target(w.director, "Platform", [w.p.payEmP.id]);
    await w.director.caller.targets.update({
      id: other.id,
      version: other.version,
      title: other.title,
      kind: other.kind,
      ownerIds: [w.p.platEmP.id],
      startDate: other.startDate,
      dueDate: other.dueDate,
    });
    await expect(target(w.payEm, "Mine", [w.p.payStaffP.id], { parentId: other.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a target with sub-targets is not deleted (nor its sub-targets cut loose); a finished one keeps them", async () => {
    const w = await world();
    const root = await target(w.director, "Checkout p99 < 300 ms", [w.p.payEmP.id]);
    const sub = await target(w.payEm, "Payments", [w.p.payStaffP.id], { parentId: root.id });
    await expect(w.director.caller.targets.delete({ id: root.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("This target has 1 sub-target."),
    });
    // Someone who does not control it learns nothing of its sub-targets.
    await expect(w.payEm.caller.targets.delete({ id: root.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Dropping it keeps the tree as it is.
    await w.director.caller.targets.setStatus({ id: root.id, status: "dropped" });
    expect((await w.director.caller.targets.tree({ id: root.id })).tree.children.map((c) => c.id)).toEqual([sub.id]);
    // Once the sub-target is gone, the parent may go.
    await w.payEm.caller.targets.delete({ id: sub.id });
    await w.director.caller.targets.delete({ id: root.id });
    await expect(w.director.caller.targets.get({ id: root.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("an organisation's export and import keep the parent links", async () => {
    const w = await world();
    const root = await target(w.director, "Checkout p99 < 300 ms", [w.p.payEmP.id]);
    const sub = await target(w.director, "Payments", [w.p.payEmP.id], { parentId: root.id });
    await target(w.payEm, "Card auth", [w.p.payStaffP.id], { parentId: sub.id });
    const file = await w.director.caller.account.export({ includePrivate: false });
    // Children before parents in the file: the import orders them.
    file.tables.targets!.reverse();
    const fresh = await createUser(database.current.db, { name: "Fresh" });
    await fresh.caller.account.import({ file: JSON.parse(JSON.stringify(file)) });
    const trees = await fresh.caller.targets.trees();
    expect(trees.trees).toHaveLength(1);
    expect(trees.trees[0]!.title).toBe("Checkout p99 < 300 ms");
    expect(trees.trees[0]!.below).toBe(2);
    expect(trees.trees[0]!.children[0]!.children[0]!.title).toBe("Card auth");
  });
});
