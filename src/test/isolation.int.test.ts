import { eq, getTableColumns, getTableName, is } from "drizzle-orm";
import { getTableConfig, PgTable, type PgColumn } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { appRouter } from "@/server/api/root";
import * as schema from "@/server/db/schema";
import { EXPORT_TABLES } from "@/server/services/account/export.read";
import { useTestDatabase } from "./database";
import { createUser, type TestUser } from "./factories";
import { DEFAULT_KINDS, foreignIdCases } from "./isolation/foreign-ids";
import { idFieldsOf, leafName, withValueAt } from "./isolation/id-fields";
import { ownedTables, snapshotOwnedRows, UNOWNED_TABLES } from "./isolation/owned-rows";
import { makeWorld, rowWithId, type World } from "./isolation/world";

// Tenant isolation across organisations. Who inside an organisation reaches
// what, procedure by procedure and role by role (a user of another
// organisation and no session among them), is the role matrix's
// (roles.int.test.ts). Here: every input field that names a row refuses
// another organisation's row, and so does every reference in an import file.

const db = useTestDatabase();

type AnyProcedure = { _def: { meta?: { access?: string }; inputs: ZodType[] } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>);
const protectedPaths = procedures.filter(([, p]) => p._def.meta?.access === "protected").map(([path]) => path);

/** True when the procedure's input has a `version` (an edit saved against the version it was loaded at). */
function takesVersion(path: string): boolean {
  const shape = (procedures.find(([p]) => p === path)![1]._def.inputs[0] as unknown as { shape?: Record<string, unknown> } | undefined)
    ?.shape;
  return !!shape && "version" in shape;
}

/** A list's rows: the list itself, or a keyset page's items ({ items, nextCursor }, lib/keyset.ts). */
const rowsOfList = (result: unknown) => (Array.isArray(result) ? result : ((result as { items?: unknown[] } | null)?.items ?? result));

describe("tenant isolation harness", () => {
  it("knows every procedure's access tier", () => {
    const untiered = procedures.filter(([, p]) => !["public", "protected"].includes(p._def.meta?.access ?? ""));
    expect(untiered.map(([path]) => path)).toEqual([]);
  });

  it("no paginated procedure has an input field that tRPC's infinite queries overwrite", () => {
    // useInfiniteQuery sends { ...input, cursor, direction: "forward" | "backward" }: a list's own
    // `direction` (the people list's sort once was) is replaced by "forward" and the call refused.
    const fieldsOf = (schema: unknown): Record<string, unknown> | undefined => {
      const s = schema as { shape?: Record<string, unknown>; unwrap?: () => unknown } | undefined;
      return s?.shape ?? (s?.unwrap ? fieldsOf(s.unwrap()) : undefined);
    };
    const clashing = procedures
      .filter(([, p]) => {
        const fields = fieldsOf(p._def.inputs[0]);
        return fields && "cursor" in fields && "direction" in fields;
      })
      .map(([path]) => path);
    expect(clashing).toEqual([]);
  });

  it("every table names its owner, except the known shared ones", () => {
    const owned = new Set(ownedTables().map((t) => t.name));
    const tables = Object.values(schema)
      .filter((v) => is(v, PgTable))
      .map((t) => getTableName(t as PgTable));
    expect(tables.filter((t) => !owned.has(t) && !UNOWNED_TABLES.includes(t))).toEqual([]);
  });
});

// Every input field that names a row, one at a time: the other account's row
// of the right kind in that field, the caller's own rows everywhere else. The
// fields come from the input schemas, so a new one fails here until it has a
// foreign-id try in src/test/isolation/foreign-ids.ts.
const idFields = protectedPaths.flatMap((path) =>
  idFieldsOf(procedures.find(([p]) => p === path)![1]._def.inputs).map((field) => [path, field] as const),
);

type Call = (input: unknown) => Promise<unknown>;
const callOf = (user: TestUser, path: string): Call => {
  const [router, procedure] = path.split(".") as [string, string];
  return (user.caller as unknown as Record<string, Record<string, Call>>)[router]![procedure]!;
};

/** The caller's own input; an update that checks a version gets the version of the row it names. */
function ownInput(path: string, own: World): Record<string, unknown> {
  const input = foreignIdCases[path]!.base(own);
  if (takesVersion(path) && !("version" in input)) input.version = rowWithId(own, input.id)?.version;
  return input;
}

describe("every id field refuses the other account's id", () => {
  let a: TestUser;
  let aWorld: World;

  it("finds id fields in the input schemas", () => {
    expect(idFields.length).toBeGreaterThan(50);
    expect(idFields).toContainEqual(["targets.create", "areaId"]);
    expect(idFields).toContainEqual(["targets.create", "ownerIds[]"]);
    expect(idFields).toContainEqual(["people.archive", "reportsGoTo"]);
  });

  it("has no foreign-id case for a procedure or field that no longer takes ids", () => {
    const withIds = new Set(idFields.map(([path]) => path));
    expect(Object.keys(foreignIdCases).filter((path) => !withIds.has(path))).toEqual([]);
    const stale = Object.entries(foreignIdCases).flatMap(([path, c]) =>
      Object.keys(c.kinds ?? {})
        .filter((f) => !idFields.some(([p, g]) => p === path && g === f))
        .map((f) => `${path} ${f}`),
    );
    expect(stale).toEqual([]);
  });

  it.each(idFields)("%s with a foreign %s", async (path, field) => {
    const testCase = foreignIdCases[path];
    const kind = testCase?.kinds?.[field] ?? DEFAULT_KINDS[leafName(field)];
    expect(
      testCase && kind,
      `${path} takes the id field ${field}: add its foreign-id try to src/test/isolation/foreign-ids.ts`,
    ).toBeTruthy();
    if (!a) {
      a = await createUser(db.current.db);
      aWorld = await makeWorld(a, db.current.db);
    }
    const b = await createUser(db.current.db);
    const bWorld = await makeWorld(b, db.current.db);
    const own = ownInput(path, bWorld);
    const foreign = withValueAt(own, field, (aWorld[kind!] as { id: string }).id);
    const call = callOf(testCase!.as === "delegatee" ? bWorld.delegatee! : b, path);

    const aBefore = await snapshotOwnedRows(db.current.db, a);
    const bBefore = await snapshotOwnedRows(db.current.db, b);
    if (testCase!.expect === "empty") {
      expect(rowsOfList(await call(foreign))).toEqual([]);
    } else {
      await expect(call(foreign)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await snapshotOwnedRows(db.current.db, a), "the other account's rows changed").toEqual(aBefore);
    expect(await snapshotOwnedRows(db.current.db, b), "a refused call changed the caller's rows").toEqual(bBefore);

    // The same input with the caller's own id works: the foreign id, not the rest, was refused.
    const result = await call(own);
    if (testCase!.expect === "empty") expect(rowsOfList(result)).not.toEqual([]);
  });
});

// The import file is an input full of ids too (its schema is `unknown`, so the
// walk above cannot see into it): every reference column of every exported
// table, read from the schema's foreign keys, is tried with the other
// account's row of the referenced table. The file's own ids are renumbered on
// import; an id from outside the file must not link to anyone else's row.
const referenceColumns = Object.entries(EXPORT_TABLES).flatMap(([name, table]) => {
  const keyOf = new Map(
    Object.entries(getTableColumns(table) as Record<string, PgColumn>).map(([key, column]) => [column.name, key] as const),
  );
  const seen = new Map<string, PgTable>();
  for (const fk of getTableConfig(table).foreignKeys) {
    const ref = fk.reference();
    // Users and the organisation itself are not rows of the file: the importer's own account and org.
    if (["users", "organisations"].includes(getTableName(ref.foreignTable))) continue;
    // A column references its table both alone and with the owner (the same-owner key): try it once.
    seen.set(keyOf.get(ref.columns.find((c) => c.name !== "org_id")!.name)!, ref.foreignTable);
  }
  return [...seen].map(([column, foreign]) => [name, column, foreign] as const);
});

describe("account.import refuses references to the other account's rows", () => {
  let a: TestUser;
  let file: { tables: Record<string, Record<string, unknown>[]> };

  it("finds the reference columns in the schema", () => {
    expect(referenceColumns.map(([table, column]) => `${table}.${column}`)).toEqual(
      expect.arrayContaining(["people.managerId", "targets.areaId", "tasks.levelId", "coaching_notes.goalId"]),
    );
  });

  it.each(referenceColumns.map(([table, column, foreign]) => [`${table}.${column}`, table, column, foreign] as const))(
    "%s naming the other account's row",
    async (_name, table, column, foreign) => {
      if (!a) {
        a = await createUser(db.current.db);
        await makeWorld(a);
        // A third account's export: a file whose own rows are all consistent.
        const c = await createUser(db.current.db);
        await makeWorld(c);
        file = (await c.caller.account.export({ includePrivate: true })) as never;
      }
      const owner = (getTableColumns(foreign) as Record<string, PgColumn>).orgId!;
      const [theirs] = (await db.current.db.select().from(foreign).where(eq(owner, a.actor.orgId)).limit(1)) as { id: string }[];
      const rows = file.tables[table] ?? [];
      expect(theirs, `the other account has no row in ${getTableName(foreign)}`).toBeDefined();
      expect(rows.length, `the exported file has no ${table} row to point elsewhere`).toBeGreaterThan(0);
      const altered = { ...file, tables: { ...file.tables, [table]: [{ ...rows[0], [column]: theirs!.id }, ...rows.slice(1)] } };

      const b = await createUser(db.current.db);
      const aBefore = await snapshotOwnedRows(db.current.db, a);
      const bBefore = await snapshotOwnedRows(db.current.db, b);
      await expect(b.caller.account.import({ file: altered })).rejects.toMatchObject({ code: "BAD_REQUEST" });
      expect(await snapshotOwnedRows(db.current.db, a)).toEqual(aBefore);
      expect(await snapshotOwnedRows(db.current.db, b)).toEqual(bBefore);
      // The file as it was imports: the foreign id, not the rest, was refused.
      await b.caller.account.import({ file });
    },
  );
});
