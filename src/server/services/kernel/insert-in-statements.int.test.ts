import { randomUUID } from "node:crypto";
import { eq, getTableColumns } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { people } from "@/server/db/schema/index";
import { useTestDatabase } from "@/test/database";
import { createUser } from "@/test/factories";
import { managersFirst } from "../people/csv.write";
import { insertInStatements, rowsPerStatement, STATEMENT_CELLS } from "./insert-in-statements";

// Many rows in small INSERTs (issue #20, "No tenant slows another"): every row saved, in order, in the caller's
// transaction, so rows that point at rows of an earlier statement are accepted and a refusal keeps nothing.
const database = useTestDatabase();

const PEOPLE_COLUMNS = Object.keys(getTableColumns(people)).length;

/** `count` new people in one line of management: each reports to the one before, the first to `top`. */
function chain(orgId: string, top: string, count: number) {
  const ids = Array.from({ length: count }, () => randomUUID());
  return ids.map((id, i) => ({ id, orgId, name: `Link ${i}`, track: "ic" as const, level: "staff", managerId: i ? ids[i - 1]! : top }));
}

describe("rowsPerStatement", () => {
  it("fits a statement in the cell budget, and at least one row", () => {
    expect(PEOPLE_COLUMNS).toBeGreaterThan(5);
    expect(rowsPerStatement(people)).toBe(Math.floor(STATEMENT_CELLS / PEOPLE_COLUMNS));
    expect(rowsPerStatement(people) * PEOPLE_COLUMNS).toBeLessThanOrEqual(STATEMENT_CELLS);
    expect(rowsPerStatement(people, 1)).toBe(1);
  });
});

describe("insertInStatements", () => {
  it("saves every row in statements of rowsPerStatement, each row's manager in an earlier statement", async () => {
    const { db, queries } = database.current;
    const user = await createUser(db);
    const cells = PEOPLE_COLUMNS * 7; // 7 rows a statement
    const rows = chain(user.actor.orgId, user.actor.personId, 50);
    queries.length = 0;
    await db.transaction((tx) => insertInStatements(tx, people, rows, cells));
    expect(queries.filter((q) => q.startsWith('insert into "people"'))).toHaveLength(Math.ceil(50 / 7));
    const saved = await db.select({ id: people.id, managerId: people.managerId }).from(people).where(eq(people.orgId, user.actor.orgId));
    expect(new Map(saved.map((p) => [p.id, p.managerId]))).toEqual(
      new Map([[user.actor.personId, null], ...rows.map((r) => [r.id, r.managerId] as const)]),
    );
  });

  it("keeps nothing when a later statement is refused: they are the caller's one transaction", async () => {
    const { db } = database.current;
    const user = await createUser(db);
    const rows = chain(user.actor.orgId, user.actor.personId, 30);
    rows.push({ ...rows[0]!, name: "The first again" }); // the same id: refused by the last statement
    await expect(db.transaction((tx) => insertInStatements(tx, people, rows, PEOPLE_COLUMNS * 4))).rejects.toThrow();
    const saved = await db.select({ id: people.id }).from(people).where(eq(people.orgId, user.actor.orgId));
    expect(saved.map((p) => p.id)).toEqual([user.actor.personId]);
  });
});

describe("managersFirst", () => {
  it("puts every new manager before their reports, each row once", async () => {
    // A forest of new people (managers among them or already saved, "old"), in any order.
    const forest = fc
      .integer({ min: 1, max: 60 })
      .chain((n) =>
        fc.tuple(
          fc.array(fc.integer({ min: -1, max: n - 1 }), { minLength: n, maxLength: n }),
          fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
        ),
      );
    await fc.assert(
      fc.asyncProperty(forest, async ([parents, order]) => {
        // Manager of i: an earlier index (so no loop), or an old person.
        const rows = parents.map((p, i) => ({ id: `n${i}`, managerId: p >= 0 && p < i ? `n${p}` : `old${i}` }));
        const input = order.map((i) => rows[i]!);
        const out = await managersFirst(input);
        expect([...out].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...input].sort((a, b) => a.id.localeCompare(b.id)));
        const at = new Map(out.map((r, i) => [r.id, i]));
        for (const [i, r] of out.entries()) if (at.has(r.managerId)) expect(at.get(r.managerId)!).toBeLessThan(i);
      }),
    );
  });
});
