import { eq, getTableColumns, getTableName, is } from "drizzle-orm";
import { PgTable, type PgColumn } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter, type createCaller } from "@/server/api/root";
import { wireCaller } from "@/test/wire-caller";
import * as schema from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { useTestDatabase } from "./database";
import type { TestUser } from "./factories";
import { hiddenFrom, leaksIn } from "./roles/hidden";
import { MATRIX } from "./roles/matrix";
import { makeOrg, type Org } from "./roles/org";
import { ROLE_NAMES, ROLES, type MatrixRow, type Role } from "./roles/types";

// The role matrix (issue #16; DESIGN.md, "Organisations and who sees what"):
// every procedure of the root router, called on its subject by every role of
// a generated organisation, answers what the declared table says: allowed,
// NOT_FOUND (exactly as a missing id) or UNAUTHORIZED (no session). A refused
// call leaves the organisation's rows as they were; an allowed one says
// nothing the caller may not see (roles/hidden.ts). Each cell runs in a
// transaction that is rolled back, so every cell sees the same world and a
// destructive one (delete, archive, account deletion) harms no other.

const db = useTestDatabase();

type AnyProcedure = { _def: { meta?: { access?: string } } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>);

let org: Org;
beforeAll(async () => {
  org = await makeOrg(db.current.db);
}, 120_000);

const userOf = (role: Role): TestUser | null =>
  role === "anonymous" ? null : role === "otherOrg" ? org.other : org.members[role as keyof Org["members"]];

type Call = (input: unknown) => Promise<unknown>;
function callAt(caller: ReturnType<typeof createCaller>, path: string): Call {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return fn as Call;
}

/** Every row of the organisation, table by table (for a refused call: nothing may change). */
async function snapshotOrg(tx: Db, orgId: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of Object.values(schema)) {
    if (!is(table, PgTable)) continue;
    const orgColumn = (getTableColumns(table) as Record<string, PgColumn>).orgId;
    if (!orgColumn) continue;
    const rows = await tx.select().from(table).where(eq(orgColumn, orgId));
    out[getTableName(table)] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return out;
}

const changedTables = (before: Record<string, string[]>, after: Record<string, string[]>) =>
  Object.keys(after).filter((t) => JSON.stringify(before[t]) !== JSON.stringify(after[t]));

const codeOf = (error: unknown) => (error as { code?: string }).code ?? (error as Error).name;

const ROLLBACK = new Error("roll the cell back");

/** Runs one cell; the problem in words, or null when it answered as declared. */
async function runCell(path: string, row: MatrixRow, role: Role): Promise<string | null> {
  const expected = row.expect[role];
  const user = userOf(role);
  let problem: string | null = null;
  try {
    await db.current.db.transaction(async (tx) => {
      const cell = { role, user, org, db: tx as unknown as Db };
      await row.prepare?.(org, cell.db);
      const input = await row.input?.(org, cell);
      const before = expected === "allowed" ? undefined : await snapshotOrg(cell.db, org.orgId);
      let got: string;
      let result: unknown;
      let detail = "";
      try {
        result = await callAt(wireCaller({ db: cell.db, actor: user?.actor ?? null }), path)(input);
        got = "allowed";
      } catch (error) {
        const code = codeOf(error);
        got = row.allowedAs?.includes(code) ? "allowed" : code;
        // An internal error says nothing to a user: the cause is what the integrator needs.
        let cause = code === "INTERNAL_SERVER_ERROR" ? (error as { cause?: Error }).cause : undefined;
        while (cause && (cause as { cause?: Error }).cause) cause = (cause as { cause?: Error }).cause;
        detail = ` (${(cause ?? (error as Error)).message.split("\n").slice(0, 2).join(" ").slice(0, 200)})`;
      }
      if (got !== expected) {
        problem = `expected ${expected}, got ${got}${got === "allowed" ? "" : detail}`;
      } else if (got === "allowed" && result !== undefined) {
        const leaks = leaksIn(result, hiddenFrom(org, role));
        if (leaks.length)
          problem = `allowed, but the answer holds ${leaks.length} thing(s) hidden from this role: ${leaks.map(nameOf).join(", ")}`;
        else await row.check?.(result, cell);
      } else if (before) {
        const changed = changedTables(before, await snapshotOrg(cell.db, org.orgId));
        if (changed.length) problem = `refused, but changed ${changed.join(", ")}`;
      }
      throw ROLLBACK;
    });
  } catch (error) {
    if (error !== ROLLBACK) problem ??= `failed: ${(error as Error).message.split("\n")[0]!.slice(0, 160)}`;
  }
  return problem;
}

/** A hidden value in words: which of the world's rows it is (`selfPersonal.energy`, `private note managerInR1`). */
function nameOf(value: string): string {
  for (const [key, secret] of Object.entries(org.secrets)) if (secret === value) return `private note ${key}`;
  if (value === org.personNote) return "E1's person note on R1";
  for (const [key, p] of Object.entries(org.people)) if (p.id === value || p.email === value) return `person ${key}`;
  const walk = (node: unknown, name: string, depth: number): string | undefined => {
    if (node === value) return name;
    if (!node || typeof node !== "object" || depth > 2) return undefined;
    if ((node as { id?: unknown }).id === value) return name;
    for (const [key, child] of Object.entries(node)) {
      const found = walk(child, name ? `${name}.${key}` : key, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  return walk(org, "", 0) ?? value.slice(0, 12);
}

const rowsOf = (path: string): MatrixRow[] => {
  const entry = MATRIX[path];
  return entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
};

const failing: { path: string; subject: string; role: Role; problem: string }[] = [];

describe("role matrix", () => {
  it("has a row for every procedure of the root router, and none for a procedure that is gone", () => {
    const paths = procedures.map(([path]) => path);
    expect(
      paths.filter((path) => rowsOf(path).length === 0),
      "procedures without a row in src/test/roles/",
    ).toEqual([]);
    expect(
      Object.keys(MATRIX).filter((path) => !paths.includes(path)),
      "rows for procedures that no longer exist",
    ).toEqual([]);
  });

  it("declares every role in every row, and no session is always UNAUTHORIZED", () => {
    for (const [path] of procedures) {
      for (const row of rowsOf(path)) {
        expect(Object.keys(row.expect).sort(), `${path} (${row.subject})`).toEqual([...ROLES].sort());
        if (procedures.find(([p]) => p === path)![1]._def.meta?.access === "protected") expect(row.expect.anonymous).toBe("UNAUTHORIZED");
      }
    }
  });

  const cases = Object.keys(MATRIX).flatMap((path) => rowsOf(path).map((row) => [`${path} on ${row.subject}`, path, row] as const));
  it.each(cases)("%s", async (_name, path, row) => {
    const problems: string[] = [];
    for (const role of ROLES) {
      const problem = await runCell(path, row, role);
      if (problem) {
        problems.push(`${role}: ${problem}`);
        failing.push({ path, subject: row.subject, role, problem });
      }
    }
    expect(problems).toEqual([]);
  });

  afterAll(() => {
    // ROLE_MATRIX_TABLE=1 prints the declared table itself (for the note), a letter per cell.
    if (process.env.ROLE_MATRIX_TABLE) {
      const letter = { allowed: "✓", NOT_FOUND: "–", UNAUTHORIZED: "401" } as const;
      const table = [`| procedure | subject | ${ROLES.join(" | ")} |`, `| --- | --- | ${ROLES.map(() => "---").join(" | ")} |`];
      for (const path of Object.keys(MATRIX))
        for (const row of rowsOf(path)) table.push(`| ${path} | ${row.subject} | ${ROLES.map((r) => letter[row.expect[r]]).join(" | ")} |`);
      console.log(table.join("\n"));
    }
    if (failing.length === 0) return;
    const lines = [`Role matrix: ${failing.length} failing cell(s)`];
    let last = "";
    for (const f of failing) {
      const head = `${f.path} on ${f.subject}`;
      if (head !== last) lines.push(`  ${head}`);
      last = head;
      lines.push(`    ${f.role.padEnd(9)} ${f.problem}`);
    }
    lines.push("", "Roles:", ...ROLES.map((r) => `  ${r.padEnd(9)} ${ROLE_NAMES[r]}`));
    console.log(lines.join("\n"));
  });
});
