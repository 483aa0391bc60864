import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildOrgTree, wouldCreateCycle, type OrgEdge } from "./org-tree";

//   me ─┬─ a ─┬─ b ── d
//       │     └─ c
//       └─ e
const edges: OrgEdge[] = [
  { id: "a", managerId: null },
  { id: "b", managerId: "a" },
  { id: "c", managerId: "a" },
  { id: "d", managerId: "b" },
  { id: "e", managerId: null },
];

describe("wouldCreateCycle", () => {
  it("refuses reporting to oneself or to anyone below", () => {
    expect(wouldCreateCycle(edges, "a", "a")).toBe(true);
    expect(wouldCreateCycle(edges, "a", "b")).toBe(true);
    expect(wouldCreateCycle(edges, "a", "d")).toBe(true);
    expect(wouldCreateCycle(edges, "b", "d")).toBe(true);
  });

  it("allows moving sideways, up, or to me", () => {
    expect(wouldCreateCycle(edges, "d", "c")).toBe(false);
    expect(wouldCreateCycle(edges, "b", "e")).toBe(false);
    expect(wouldCreateCycle(edges, "d", "a")).toBe(false);
    expect(wouldCreateCycle(edges, "a", null)).toBe(false);
  });

  it("never accepts a move that leaves a loop (property)", () => {
    // Random forests: person i may report to any j < i, which is always acyclic.
    const forest = fc
      .array(fc.nat(), { minLength: 1, maxLength: 30 })
      .map((picks) => picks.map((p, i): OrgEdge => ({ id: `p${i}`, managerId: i === 0 || p % 3 === 0 ? null : `p${p % i}` })));
    fc.assert(
      fc.property(forest, fc.nat(), fc.nat(), (people, x, y) => {
        const person = people[x % people.length]!.id;
        const manager = people[y % people.length]!.id;
        if (wouldCreateCycle(people, person, manager)) return;
        const moved = people.map((e) => (e.id === person ? { ...e, managerId: manager } : e));
        // After an accepted move, walking up from anyone ends at "me" within n steps.
        for (const start of moved) {
          let current: string | null = start.id;
          for (let steps = 0; current; steps++) {
            expect(steps).toBeLessThanOrEqual(moved.length);
            current = moved.find((e) => e.id === current)!.managerId;
          }
        }
      }),
    );
  });
});

describe("org tree", () => {
  it("counts direct and total reports of what it is given", () => {
    const [a] = buildOrgTree(edges, (x, y) => x.id.localeCompare(y.id));
    expect(a).toMatchObject({ id: "a", directCount: 2, totalCount: 3 });
    expect(a!.reports.find((n) => n.id === "b")).toMatchObject({ directCount: 1, totalCount: 1 });
  });

  it("puts people whose manager is missing (archived) at the top", () => {
    const tree = buildOrgTree(
      edges.filter((e) => e.id !== "a"),
      (x, y) => x.id.localeCompare(y.id),
    );
    expect(tree.map((n) => n.id)).toEqual(["b", "c", "e"]);
    expect(tree[0]!.reports[0]!.depth).toBe(1);
  });
});
