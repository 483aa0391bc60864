import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { MIGRATIONS_FOLDER } from "@/server/db/migrate";
import type { Db } from "@/server/db/types";

/**
 * Databases at an earlier migration, for the tests of a data migration
 * (organisations-migration.int.test.ts, bench/migration-crash.ts): a copy of
 * drizzle/ whose journal lists only the first `count` entries, run through
 * drizzle's own migrator. The later migrations then run through the app's
 * applyMigrations, exactly as on an upgrade.
 */

/** Journal entries before drizzle/0010_organisations.sql: the schema where every table had owner_id. */
export const BEFORE_ORGANISATIONS = 10;

const folders = new Map<number, string>();

/**
 * A migrations folder with the first `count` journal entries of drizzle/, in
 * the temporary directory. Named by a hash of drizzle/'s contents, so runs
 * share it and leave one folder behind per version of the migrations, not one
 * per run; made under a private name and renamed into place, so test files
 * running at once never see half of it.
 */
export function migrationsFolderUpTo(count: number): string {
  const cached = folders.get(count);
  if (cached) return cached;
  const hash = createHash("sha256");
  for (const file of readdirSync(MIGRATIONS_FOLDER, { recursive: true, encoding: "utf8" }).sort()) {
    const full = path.join(MIGRATIONS_FOLDER, file);
    if (statSync(full).isFile()) hash.update(file).update(readFileSync(full));
  }
  const folder = path.join(tmpdir(), `intersect-migrations-${count}-${hash.digest("hex").slice(0, 16)}`);
  if (!existsSync(folder)) {
    const draft = mkdtempSync(`${folder}-draft-`);
    cpSync(MIGRATIONS_FOLDER, draft, { recursive: true });
    const journalFile = path.join(draft, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: unknown[] };
    if (journal.entries.length < count) throw new Error(`drizzle/ has only ${journal.entries.length} migrations`);
    journal.entries = journal.entries.slice(0, count);
    writeFileSync(journalFile, JSON.stringify(journal, null, 2));
    try {
      renameSync(draft, folder);
    } catch {
      // Another process put the same folder in place first.
      rmSync(draft, { recursive: true, force: true });
    }
  }
  folders.set(count, folder);
  return folder;
}

/** Applies the first `count` migrations (the same migrator the app uses, on either driver). */
export async function migrateTo(db: Db, count: number): Promise<void> {
  await migrate(db as unknown as PgliteDatabase<Record<string, never>>, { migrationsFolder: migrationsFolderUpTo(count) });
}

type Query = (text: string, params: unknown[]) => Promise<unknown[]>;

/** Inserts one row by column name, with parameters (jsonb as a JSON string, text[] as '{a,b}'). */
export async function insertRow(query: Query, table: string, row: Record<string, unknown>): Promise<void> {
  const columns = Object.keys(row);
  await query(
    `insert into "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) values (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
    columns.map((c) => row[c]),
  );
}

export type Export = Record<string, Record<string, unknown>[]>;

/** JSON with sorted keys: one spelling per row, to sort and compare rows by. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Every public table's rows as JSON (to_jsonb, so both drivers spell values alike), sorted. */
export async function exportTables(query: Query): Promise<Export> {
  const tables = (await query(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    [],
  )) as { name: string }[];
  const out: Export = {};
  for (const { name } of tables) {
    const rows = (await query(`select to_jsonb(t) as row from "${name}" t`, [])) as { row: Record<string, unknown> | string }[];
    out[name] = rows
      .map((r) => (typeof r.row === "string" ? (JSON.parse(r.row) as Record<string, unknown>) : r.row))
      .sort((a, b) => (canonical(a) < canonical(b) ? -1 : 1));
  }
  return out;
}

/** Row counts of every public table. */
export async function countRows(query: Query): Promise<Record<string, number>> {
  const tables = (await query(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    [],
  )) as { name: string }[];
  const out: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = (await query(`select count(*)::int as n from "${name}"`, [])) as { n: number }[];
    out[name] = Number(row!.n);
  }
  return out;
}
