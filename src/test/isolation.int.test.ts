import { getTableName, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import * as schema from "@/server/db/schema";
import { useTestDatabase } from "./database";
import { anonymousCaller, createUser } from "./factories";
import { crossUserCases } from "./isolation/cases";
import { ownedTables, snapshotOwnedRows, UNOWNED_TABLES } from "./isolation/owned-rows";

// Tenant isolation, checked for every procedure of the root router: another
// user's ids answer NOT_FOUND and leave the owner's rows as they were.

const db = useTestDatabase();

/** A person every user A owns before a `self` case runs, so there is something to leak. */
const SOMEONE = { name: "A's report", email: "shared@example.com", track: "manager", level: "em", managerId: null, cadence: "weekly" } as const;

type AnyProcedure = { _def: { meta?: { access?: string } } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>);
const protectedPaths = procedures.filter(([, p]) => p._def.meta?.access === "protected").map(([path]) => path);

describe("tenant isolation harness", () => {
  it("knows every procedure's access tier", () => {
    const untiered = procedures.filter(([, p]) => !["public", "protected"].includes(p._def.meta?.access ?? ""));
    expect(untiered.map(([path]) => path)).toEqual([]);
  });

  it("has a cross-user case for every protected procedure", () => {
    const missing = protectedPaths.filter((path) => !(path in crossUserCases));
    expect(missing, "protected procedures without a case in src/test/isolation/").toEqual([]);
    const stale = Object.keys(crossUserCases).filter((path) => !protectedPaths.includes(path));
    expect(stale, "cases for procedures that no longer exist").toEqual([]);
  });

  it("every table names its owner, except the known shared ones", () => {
    const owned = new Set(ownedTables().map((t) => t.name));
    const tables = Object.values(schema)
      .filter((v) => is(v, PgTable))
      .map((t) => getTableName(t as PgTable));
    expect(tables.filter((t) => !owned.has(t) && !UNOWNED_TABLES.includes(t))).toEqual([]);
  });

  it.each(protectedPaths)("%s refuses a caller with no session", async (path) => {
    const anonymous = anonymousCaller(db.current.db) as unknown as Record<string, Record<string, (i?: unknown) => Promise<unknown>>>;
    const [router, procedure] = path.split(".") as [string, string];
    await expect(anonymous[router]![procedure]!(undefined)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it.each(Object.entries(crossUserCases))("%s: user B cannot reach user A's rows", async (_path, testCase) => {
    const a = await createUser(db.current.db);
    const b = await createUser(db.current.db);
    if (testCase.kind === "ids") {
      const input = await testCase.setup(a, db.current.db);
      const before = await snapshotOwnedRows(db.current.db, a.id);
      await expect(testCase.call(b.caller, input as never)).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await snapshotOwnedRows(db.current.db, a.id)).toEqual(before);
    } else {
      expect(testCase.why.length).toBeGreaterThan(0);
      await a.caller.people.create(SOMEONE);
      const prepared = await testCase.setup?.(a, db.current.db);
      const before = await snapshotOwnedRows(db.current.db, a.id);
      await testCase.call(b.caller, b, prepared as never);
      expect(await snapshotOwnedRows(db.current.db, a.id)).toEqual(before);
    }
  });
});
