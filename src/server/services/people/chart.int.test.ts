import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { createUser, joinAsMember, type TestUser } from "@/test/factories";
import { getOrgChart, type ChartNode } from "./chart.read";

const database = useTestDatabase();

const person = (name: string, managerId: string | null, track: "manager" | "ic" = "manager") =>
  ({ name, managerId, track, level: track === "manager" ? "em" : "senior", cadence: "monthly" }) as const;

/**
 * Me (top) → A, B → A1, A2 under A; B1 under B → A1a under A1 → A1a1 under A1a.
 * Five levels, so a small opening budget folds the lower ones.
 */
async function deepOrg(user: TestUser) {
  const c = user.caller.people;
  const a = await c.create(person("Ann", null));
  const b = await c.create(person("Bo", null));
  const a1 = await c.create(person("Ari", a.id));
  const a2 = await c.create(person("Ash", a.id, "ic"));
  const b1 = await c.create(person("Bea", b.id, "ic"));
  const a1a = await c.create(person("Alma", a1.id));
  const a1a1 = await c.create(person("Alto", a1a.id, "ic"));
  return { a, b, a1, a2, b1, a1a, a1a1 };
}

const names = (nodes: ChartNode[]): string[] => nodes.flatMap((n) => [n.name, ...names(n.reports)]);
const find = (nodes: ChartNode[], name: string): ChartNode | undefined =>
  nodes.map((n) => (n.name === name ? n : find(n.reports, name))).find(Boolean);

describe("org chart as it opens", () => {
  it("a small org opens whole, with counts from the closure table", async () => {
    const user = await createUser(database.current.db);
    await deepOrg(user);
    const tree = await user.caller.people.orgChart();
    expect(names(tree)).toHaveLength(8);
    expect(tree[0]).toMatchObject({ name: user.name, you: true, directCount: 2, totalCount: 7 });
    expect(find(tree, "Ann")).toMatchObject({ directCount: 2, totalCount: 4 });
  });

  it("a large one opens at whole levels from the top within the budget, folded below, counts still whole", async () => {
    const user = await createUser(database.current.db);
    await deepOrg(user);
    // Levels from the top: 1, 2, 3, 1, 1 people. A budget of 4 opens two levels (1 + 2 = 3; + 3 would be 6).
    const tree = await getOrgChart(database.current.db, user.actor, 4);
    expect(names(tree).sort()).toEqual(["Ann", "Bo", user.name].sort());
    // Folded: the reports are not sent, the counts are.
    expect(find(tree, "Ann")).toMatchObject({ reports: [], directCount: 2, totalCount: 4 });
    // The top person is always shown, whatever the budget.
    expect(names(await getOrgChart(database.current.db, user.actor, 0))).toEqual(expect.arrayContaining([user.name, "Ann", "Bo"]));
  });

  it("opens the way down to a member deep in the chart, with everyone beside it, and their own reports", async () => {
    const user = await createUser(database.current.db);
    const { a1a } = await deepOrg(user);
    const alma = await joinAsMember(database.current.db, user, a1a.id, { name: "Alma" });
    const tree = await getOrgChart(database.current.db, alma.actor, 1);
    // Top, the top's reports, each manager's reports on the way (Ann's: Ari and Ash; Ari's: Alma), Alma's own (Alto).
    expect(names(tree).sort()).toEqual(["Alma", "Alto", "Ann", "Ari", "Ash", "Bo", user.name].sort());
    expect(find(tree, "Alma")).toMatchObject({ you: true, directCount: 1 });
    expect(find(tree, "Bo")).toMatchObject({ reports: [], directCount: 1 });
  });

  it("a folded branch loads its direct reports with their counts; archived people are not counted", async () => {
    const user = await createUser(database.current.db);
    const { a, a2 } = await deepOrg(user);
    await user.caller.people.archive({ id: a2.id });
    const branch = await user.caller.people.orgChartBranch({ id: a.id });
    expect(branch.map((n) => n.name)).toEqual(["Ari"]);
    expect(branch[0]).toMatchObject({ directCount: 1, totalCount: 2, reports: [] });
    expect(find(await user.caller.people.orgChart(), "Ann")).toMatchObject({ directCount: 1, totalCount: 3 });
  });

  it("counts follow every change of line: a move, an archive that moves reports, a restore", async () => {
    const user = await createUser(database.current.db);
    const { a, b, a1 } = await deepOrg(user);
    const counts = async () => {
      const tree = await user.caller.people.orgChart();
      return { ann: find(tree, "Ann")!.totalCount, bo: find(tree, "Bo")?.totalCount, me: tree[0]!.totalCount };
    };
    expect(await counts()).toEqual({ ann: 4, bo: 1, me: 7 });
    // Ari (with Alma and Alto under them) moves under Bo.
    await user.caller.people.update({ ...person("Ari", b.id), id: a1.id, version: a1.version });
    expect(await counts()).toEqual({ ann: 1, bo: 4, me: 7 });
    // Bo leaves; their reports (Bea, Ari) move to Ann.
    await user.caller.people.archive({ id: b.id, reportsGoTo: a.id });
    expect(await counts()).toEqual({ ann: 5, bo: undefined, me: 6 });
    await user.caller.people.restore({ id: b.id });
    expect(await counts()).toEqual({ ann: 5, bo: 0, me: 7 });
  });

  it("a person of another organisation is not found, as a missing id", async () => {
    const user = await createUser(database.current.db);
    const other = await createUser(database.current.db);
    const { a } = await deepOrg(user);
    await expect(other.caller.people.orgChartBranch({ id: a.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.caller.people.orgChartBranch({ id: crypto.randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
