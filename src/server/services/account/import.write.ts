/**
 * Loading an export (export.read.ts): an organisation's file into an empty
 * organisation (admins), a file of one's own data into one's own place in
 * this one (any member; own-import.write.ts). The file is checked whole, then
 * inserted in one transaction (in short ones on the embedded database:
 * import-chunks.write.ts).
 */

import { refreshAllStaleTargetHealth } from "../targets/health.stored";
import { randomUUID } from "node:crypto";
import { count, eq, ne, sql } from "drizzle-orm";
import { getTableConfig, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "../../db/types";
import * as schema from "../../db/schema/index";
import { isDatabaseUnavailable } from "../../db/unavailable";
import type { Actor } from "../kernel/actor";
import { columnsOf, EXPORT_FORMAT, EXPORT_TABLES, EXPORT_VERSION, type Row, type TableName } from "./export.read";
import { IMPORT_RULES, MAX_IMPORT_ROWS, MAX_IMPORT_TEXT, type ImportRule } from "./import-rules";
import { AppError } from "../kernel/errors";
import { createDefaultSpectrum } from "../delegation/spectrums.write";
import { inOrg, inScope, requireAdmin } from "../kernel/access";
import { rebuildChart } from "../people/chart.write";
import { refreshAutonomyMonths } from "../delegation/autonomy-months.write";
import { loadOwnData, OWN_TABLES } from "./own-import.write";
import { IMPORT_CHUNK_ROWS, insertSlice, loadInSlices, slicesOf, type Load } from "./import-chunks.write";
import { holdsOneConnection } from "../../db/connections";
import { mapInTurns, turnTaker } from "../../event-loop/turns";
import type { LadderLabels } from "@/lib/people/ladder";
import { timeZoneField } from "@/lib/validators/account";
import { spectrumLevelsField } from "@/lib/validators/delegation";
import { dateOnly } from "@/lib/validators/common";
import { ladderLabelsInput } from "@/lib/validators/people";
import { MAX_TARGET_OWNERS } from "@/lib/validators/targets";
import { MAX_TARGET_DEPTH } from "@/lib/targets/tree";
import { hasControlCharacters, singleLine } from "@/lib/validators/text";

/** The file versions this server reads: 1 (one account's data, before organisations) and the current one. */
const READS = [1, EXPORT_VERSION] as const;

const ladderLabelsField = ladderLabelsInput.partial().strict().nullable().optional();

export const importFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT, "This is not an Intersect export."),
  version: z.literal(READS, `This file's format version is not one this server reads (it reads versions ${READS.join(" and ")}).`),
  // A whole organisation (an admin's export; version 1 files have no scope: one account's everything) or one member's own data.
  scope: z.enum(["organisation", "own"], 'Expected "organisation" or "own".').optional(),
  // Version 1 kept the ladder's names with the account; version 2 with the organisation.
  account: z.object({ timeZone: timeZoneField.optional(), ladderLabels: ladderLabelsField }).passthrough(),
  organisation: z
    .object({ name: singleLine({ label: "Name", max: 120 }).optional(), ladderLabels: ladderLabelsField })
    .passthrough()
    .optional(),
  // Rows are checked one by one below, after the row counts: a huge table is refused before any of it is read.
  tables: z.record(z.string(), z.array(z.unknown(), "Each table must be a list of rows.")),
});

/** Tables that may hold rows in an organisation that counts as empty: its spectrums (the default one is made with it). */
const MADE_ON_FIRST_USE: TableName[] = ["spectrums", "spectrum_levels"];

const uuidSchema = z.uuid();
const isUuid = (value: string) => uuidSchema.safeParse(value).success;

/** A refusal that says where in the file the problem is; nothing is imported. */
function misfit(where: string, problem: string): AppError {
  return new AppError("BAD_REQUEST", `This file does not fit (${where}: ${problem.replace(/\.$/, "")}). Nothing was imported.`);
}

/**
 * Person columns a version 1 file has no column for: the account owner held
 * every 1:1, wrote every note, set every target and delegated every task. On
 * import they are the importer.
 */
const V1_PERSON_COLUMNS: Partial<Record<TableName, string[]>> = {
  one_on_ones: ["managerPersonId"],
  coaching_notes: ["authorPersonId"],
  targets: ["controllerPersonId"],
  tasks: ["delegatorPersonId"],
};

/** How a file's rows become rows of this organisation, besides new ids. */
type Into = {
  actor: Actor;
  version: (typeof READS)[number];
  /** The file's top person (version 2): it is the importer's own person, not a new row. */
  topId: string | null;
  /**
   * A file of one's own data: its notes name people, 1:1s and goals of this
   * organisation, which are not in the file (their ids are kept, and checked
   * when loading); the notes' author is the importer.
   */
  own: boolean;
};

/**
 * Loads an export. An organisation's file (admins only) goes into this
 * organisation, which must be empty (its admin's own person and the default
 * spectrum only); a file of one's own data (scope "own", any member) into the
 * actor's own energy log, plans and notes here, which must be empty (see
 * loadOwnData). Every row is checked first, with the validators of the
 * procedures that make such rows, and refused with its table, row and field;
 * then every id is new (ids are unique across organisations) and every
 * reference is rewritten to the new ids, so the same file can be imported into
 * several organisations. The exporter's top person becomes the importer's
 * person. All or nothing, but for the notes of an own file that name rows the
 * actor does not reach here: those are left out and counted in `skipped`. On
 * the embedded database an organisation's file goes in short transactions,
 * emptied again on a refusal (import-chunks.write.ts); `chunkRows` sets their
 * size (tests).
 */
export async function importAccount(db: Db, actor: Actor, raw: unknown, options: { chunkRows?: number } = {}) {
  // Before the file is read: a member refused an organisation's file learns nothing of it.
  const own = typeof raw === "object" && raw !== null && (raw as { scope?: unknown }).scope === "own";
  if (!own) requireAdmin(actor);
  const parsed = importFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".");
    if (issue && field && !["format", "version"].includes(field)) throw misfit(field, issue.message);
    throw new AppError("BAD_REQUEST", issue?.message ?? "This file cannot be read.");
  }
  const file = parsed.data;
  const unknown = Object.keys(file.tables).filter((t) => !(t in EXPORT_TABLES));
  if (unknown.length) throw new AppError("BAD_REQUEST", `This file has tables this server does not know: ${unknown.join(", ")}.`);
  const total = Object.values(file.tables).reduce((sum, rows) => sum + rows.length, 0);
  if (total > MAX_IMPORT_ROWS) {
    throw new AppError(
      "BAD_REQUEST",
      `This file has ${total.toLocaleString("en")} rows; an import takes at most ${MAX_IMPORT_ROWS.toLocaleString("en")}. Nothing was imported.`,
    );
  }
  for (const [name, rows] of Object.entries(file.tables)) {
    const max = IMPORT_RULES[name as TableName].maxRows;
    if (rows.length > max) {
      throw new AppError(
        "BAD_REQUEST",
        `This file has ${rows.length.toLocaleString("en")} rows in ${name}; an import takes at most ${max.toLocaleString("en")}. Nothing was imported.`,
      );
    }
  }

  if (own) {
    const other = Object.entries(file.tables).find(([name, rows]) => rows.length > 0 && !OWN_TABLES.has(name as TableName));
    if (other) throw misfit(other[0], "a file of your own data holds only your energy log, your plans and the notes you wrote");
  }

  const topId = file.version === 1 || own ? null : topOf((file.tables.people ?? []) as unknown[]);
  const into: Into = { actor, version: file.version, topId, own };

  // Checking a large file takes a while: other requests run between short stretches of it (bench:fairness).
  const clock = turnTaker();
  // One new id for every row id in the file, per table; references follow through the same maps.
  const ids = new Map<string, string>();
  const idsOf = new Map<string, Set<string>>();
  for (const [name, table] of Object.entries(EXPORT_TABLES) as [TableName, PgTable][]) {
    const own = new Set<string>();
    idsOf.set(name, own);
    if (!columnsOf(table).id) continue;
    const rows = file.tables[name] ?? [];
    for (let i = 0; i < rows.length; i++) {
      await clock.turn();
      const id = (rows[i] as Row | null)?.id;
      if (typeof id !== "string" || !isUuid(id)) throw misfit(`${name}, row ${i + 1}, id`, "expected an id");
      if (ids.has(id)) throw misfit(`${name}, row ${i + 1}, id`, "this id is used by another row");
      ids.set(id, id === topId ? actor.personId : randomUUID());
      own.add(id);
    }
  }
  const prepared = {} as Record<TableName, Row[]>;
  for (const [name, table] of Object.entries(EXPORT_TABLES) as [TableName, PgTable][]) {
    const rows = file.tables[name] ?? [];
    prepared[name] = [];
    for (let i = 0; i < rows.length; i++) {
      await clock.turn();
      if (name === "people" && topId !== null && (rows[i] as Row | null)?.id === topId) continue;
      prepared[name].push(toInsert(name, i, table, rows[i], ids, idsOf, into));
    }
    await checkUnique(name, prepared[name], clock);
  }
  await checkAcrossRows(file.tables, prepared, clock);
  // Parents before their sub-targets, managers before their reports: each batch's rows point at rows already inserted.
  prepared.targets = parentsFirst(prepared.targets, "parentId");
  await clock.turn();
  prepared.people = parentsFirst(prepared.people, "managerId");

  if (own) {
    try {
      const loaded = await db.transaction((tx) => loadOwnData(tx, actor, prepared));
      await refreshAllStaleTargetHealth(db, actor.orgId);
      return { scope: "own" as const, ...loaded };
    } catch (error) {
      throw asImportError(error);
    }
  }

  const loads: Load[] = [];
  for (const [name, table] of Object.entries(EXPORT_TABLES) as [TableName, PgTable][]) {
    const personal = "userId" in columnsOf(table);
    const rows = await mapInTurns(prepared[name], (row) => ({ ...row, orgId: actor.orgId, ...(personal ? { userId: actor.userId } : {}) }));
    loads.push({ name, table, rows });
  }
  const counts: Record<string, number> = Object.fromEntries(loads.map((l) => [l.name, l.rows.length]));
  const claim = async (tx: Db) => {
    // Inside the transaction, with the organisation's row locked: of two imports at once, the
    // second waits here and then finds the organisation no longer empty.
    await tx
      .select({ id: schema.organisations.id })
      .from(schema.organisations)
      .where(eq(schema.organisations.id, actor.orgId))
      .for("update");
    // Empty: the importer is its only member and only person, with nothing else but the default spectrum.
    const others = [
      { table: schema.memberships as PgTable, where: inOrg(schema.memberships, actor, ne(schema.memberships.userId, actor.userId)) },
      { table: schema.invitations as PgTable, where: inOrg(schema.invitations, actor) },
      ...(Object.entries(EXPORT_TABLES) as [TableName, PgTable][])
        .filter(([name]) => !MADE_ON_FIRST_USE.includes(name))
        .map(([name, table]) => ({
          table,
          where: inOrg({ orgId: columnsOf(table).orgId! }, actor, name === "people" ? ne(schema.people.id, actor.personId) : undefined),
        })),
    ];
    for (const { table, where } of others) {
      const [{ n }] = (await tx.select({ n: count() }).from(table).where(where)) as [{ n: number }];
      if (Number(n) > 0)
        throw new AppError(
          "CONFLICT",
          "Import works only into an empty organisation: this one already has data. Create a new account to import into.",
        );
    }
    await tx.delete(schema.spectrums).where(inScope(schema.spectrums, actor));
  };
  const settle = async (tx: Db) => {
    await tx
      .update(schema.users)
      .set({
        ...(file.account.timeZone ? { timeZone: file.account.timeZone } : {}),
        updatedAt: new Date(),
      })
      .where(eq(schema.users.id, actor.userId));
    const ladderLabels = (file.organisation?.ladderLabels ?? file.account.ladderLabels) as LadderLabels | null | undefined;
    const name = file.organisation?.name;
    if (ladderLabels || name) {
      // The versions grow, so a settings form opened before the import sees a conflict instead of undoing it.
      await tx
        .update(schema.organisations)
        .set({
          ...(ladderLabels ? { ladderLabels, ladderVersion: sql`${schema.organisations.ladderVersion} + 1` } : {}),
          ...(name ? { name, version: sql`${schema.organisations.version} + 1` } : {}),
          updatedAt: new Date(),
        })
        .where(eq(schema.organisations.id, actor.orgId));
    }
    await rebuildChart(tx, actor.orgId, { bulk: true });
    // Derived, not in the file (NOT_EXPORTED): the autonomy trend from the level history just loaded.
    await refreshAutonomyMonths(tx, actor.orgId, "all");
    // Every account has an active spectrum from the start; a file without one gets the default, as a new account does.
    if (!prepared.spectrums.some((s) => s.active === true)) await createDefaultSpectrum(tx, actor.orgId);
  };
  try {
    if (holdsOneConnection(db)) {
      // The embedded database: short transactions, so other organisations' requests run between them.
      const slices = slicesOf(loads, options.chunkRows ?? IMPORT_CHUNK_ROWS, (name) => !MADE_ON_FIRST_USE.includes(name));
      await loadInSlices(db, actor, { slices, claim, settle });
    } else {
      await db.transaction(async (tx) => {
        await claim(tx);
        await insertSlice(tx, loads);
        await settle(tx);
      });
    }
  } catch (error) {
    throw asImportError(error);
  }
  // The targets' stored health (health.stored.ts), a batch per statement after the load (judged live until then).
  await refreshAllStaleTargetHealth(db, actor.orgId);
  return { scope: "organisation" as const, imported: counts, skipped: {} as Record<string, number> };
}

/**
 * Rows ordered so that each comes after the row its `parent` column names
 * (a target's parent, a person's manager; the file's order otherwise; loops
 * are refused before). The foreign keys are checked per statement.
 */
function parentsFirst(rows: Row[], parentKey: "parentId" | "managerId"): Row[] {
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  const out: Row[] = [];
  const placed = new Set<string>();
  for (const row of rows) {
    // The row's line up to the first placed ancestor, placed top first (a loop, not recursion: a chart may be thousands deep).
    const line: Row[] = [];
    for (
      let at: Row | undefined = row;
      at && !placed.has(at.id as string);
      at = at[parentKey] ? byId.get(at[parentKey] as string) : undefined
    ) {
      placed.add(at.id as string);
      line.push(at);
    }
    out.push(...line.reverse());
  }
  return out;
}

/** A refusal of the database (a row the checks let through) as the user's problem with the file; our own refusals as they are. */
function asImportError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) return error;
  return new AppError(
    "BAD_REQUEST",
    "This file does not fit: a row is missing a field, has a wrong value or points at a row that is not in the file. Nothing was imported.",
  );
}

/**
 * The id of a version 2 file's top person (the one with no manager: the
 * exporter's organisation's top), or null for a file without people. Everyone
 * else reports to someone, so there is at most one.
 */
function topOf(people: unknown[]): string | null {
  let top: { id: string; index: number } | null = null;
  for (let index = 0; index < people.length; index++) {
    const row = people[index] as Row | null;
    if (typeof row !== "object" || row === null || row.managerId !== null) continue;
    if (top)
      throw misfit(
        `people, row ${index + 1}, managerId`,
        `only one person has no manager (row ${top.index + 1}, the top); everyone else reports to someone`,
      );
    if (typeof row.id === "string") top = { id: row.id, index };
  }
  return top?.id ?? null;
}

const referenceCache = new Map<PgTable, Map<string, string>>();

/** For each column that points at another exported table: the name of that table. */
function referencesOf(table: PgTable): Map<string, string> {
  const cached = referenceCache.get(table);
  if (cached) return cached;
  const tableNames = new Map<PgTable, string>(Object.entries(EXPORT_TABLES).map(([name, t]) => [t, name]));
  const keyOf = new Map<PgColumn, string>(Object.entries(columnsOf(table)).map(([key, column]) => [column, key]));
  const out = new Map<string, string>();
  for (const fk of getTableConfig(table).foreignKeys) {
    const { columns, foreignTable } = fk.reference();
    const target = tableNames.get(foreignTable);
    if (!target) continue; // users: the owner
    for (const column of columns) {
      const key = keyOf.get(column);
      if (key && key !== "orgId") out.set(key, target);
    }
  }
  referenceCache.set(table, out);
  return out;
}

/**
 * A file row as a row of this account: its fields checked by the validator of
 * the procedure that makes such rows (IMPORT_RULES), every other column by its
 * type; new ids, references rewritten, times as dates. Refused with where it is.
 */
function toInsert(
  name: TableName,
  index: number,
  table: PgTable,
  raw: unknown,
  ids: Map<string, string>,
  idsOf: Map<string, Set<string>>,
  into: Into,
): Row {
  const at = (key: string) => `${name}, row ${index + 1}${key ? `, ${key}` : ""}`;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw misfit(at(""), "expected a row (an object)");
  const row = raw as Row;
  const references = referencesOf(table);
  const out: Row = {};
  for (const [key, column] of Object.entries(columnsOf(table))) {
    // The organisation and the user are the importer's, whatever the file says.
    if (key === "orgId" || key === "userId" || !(key in row)) continue;
    const value = row[key];
    if (value === null || value === undefined) {
      if (column.notNull) throw misfit(at(key), "a value is required");
      out[key] = null;
      continue;
    }
    out[key] = columnValue(column, value, (problem) => misfit(at(key), problem));
    if (key === "id") out[key] = ids.get(value as string);
    else if (column.columnType === "PgUUID") {
      const target = references.get(key);
      // An own file's note names a row of the organisation (a person, a 1:1): kept as it is, checked when loading.
      if (into.own && target && !OWN_TABLES.has(target as TableName)) continue;
      if (target && !idsOf.get(target)?.has(value as string)) throw misfit(at(key), `points at a row that is not in ${target}`);
      out[key] = ids.get(value as string) ?? value;
    }
  }
  // The notes of an own file are the importer's, whoever the file says wrote them.
  if (into.own && "authorPersonId" in columnsOf(table)) out.authorPersonId = into.actor.personId;

  const rule: ImportRule = IMPORT_RULES[name];
  const renames = rule.renames ?? {};
  const input = Object.fromEntries(Object.entries(out).map(([key, value]) => [renames[key] ?? key, value]));
  const result = rule.schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = String(issue.path[0] ?? "");
    const column = Object.entries(renames).find(([, v]) => v === field)?.[0] ?? field;
    throw misfit(at(column), issue.message);
  }
  const columns = columnsOf(table);
  for (const [field, value] of Object.entries(result.data)) {
    const key = Object.entries(renames).find(([, v]) => v === field)?.[0] ?? field;
    if (key in columns && key !== "id" && key !== "orgId" && value !== undefined) out[key] = value;
  }
  if (into.version === 1) {
    // Before organisations, the account owner was above the chart: who reported to "me" reports to the importer.
    if (name === "people" && out.managerId == null) out.managerId = into.actor.personId;
    for (const key of V1_PERSON_COLUMNS[name] ?? []) out[key] ??= into.actor.personId;
  }
  return out;
}

const INT4 = 2 ** 31 - 1;

/** A value checked by its column's type alone (what the procedures' validators do not cover). */
function columnValue(column: PgColumn, value: unknown, refuse: (problem: string) => AppError): unknown {
  const allowed = (column as PgColumn & { enumValues?: string[] }).enumValues;
  switch (column.columnType) {
    case "PgUUID":
      if (typeof value !== "string" || !isUuid(value)) throw refuse("expected an id");
      return value;
    case "PgTimestamp": {
      // A JSON file has strings; a caller in the same process may pass the export's dates as they are.
      const date = typeof value === "string" ? new Date(value) : value instanceof Date ? value : null;
      if (!date || Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1970 || date.getUTCFullYear() > 2200)
        throw refuse("expected a time like 2026-03-31T12:00:00Z, from 1970 to 2200");
      return date;
    }
    case "PgDateString":
      if (typeof value !== "string" || !dateOnly.safeParse(value).success) throw refuse("expected a date like 2026-03-31");
      return value;
    case "PgInteger":
      if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > INT4) throw refuse("expected a whole number");
      return value;
    case "PgDoublePrecision":
      if (typeof value !== "number" || !Number.isFinite(value)) throw refuse("expected a finite number");
      return value;
    case "PgBoolean":
      if (typeof value !== "boolean") throw refuse("expected true or false");
      return value;
    case "PgText":
      if (typeof value !== "string") throw refuse("expected a string");
      if (value.length > MAX_IMPORT_TEXT) throw refuse(`at most ${MAX_IMPORT_TEXT.toLocaleString("en")} characters`);
      // A column no procedure takes still goes through the one text rule: NUL cannot be stored.
      if (hasControlCharacters(value, true)) throw refuse("no control characters");
      if (allowed?.length && !allowed.includes(value)) throw refuse(`"${value.slice(0, 40)}" is not one of ${allowed.join(", ")}`);
      return value;
    case "PgArray":
      if (!Array.isArray(value) || value.some((v) => typeof v !== "string" || v.length > MAX_IMPORT_TEXT || hasControlCharacters(v, false)))
        throw refuse("expected a list of strings without control characters");
      return value;
    case "PgJsonb":
      // A document column (an SLO spec): its table's import rule holds it to its shape; here only its size.
      if (typeof value !== "object" || JSON.stringify(value).length > MAX_IMPORT_TEXT) throw refuse("expected a JSON object");
      return value;
    default:
      throw refuse(`this server cannot import a ${column.columnType} column`);
  }
}

/** Rows may not share what the account keeps unique (an email, a day's slot): say which row repeats which. */
async function checkUnique(name: TableName, rows: Row[], clock: Clock) {
  for (const keys of (IMPORT_RULES[name] as ImportRule).unique ?? []) {
    const seen = new Map<string, number>();
    for (let i = 0; i < rows.length; i++) {
      await clock.turn();
      const row = rows[i]!;
      if (keys.some((k) => row[k] === null || row[k] === undefined)) continue;
      const key = JSON.stringify(keys.map((k) => String(row[k]).toLowerCase()));
      const first = seen.get(key);
      if (first !== undefined) throw misfit(`${name}, row ${i + 1}, ${keys.join(" and ")}`, `the same as row ${first + 1}`);
      seen.set(key, i);
    }
  }
}

type Clock = ReturnType<typeof turnTaker>;

/** Rules that hold across rows: reporting lines without loops, a target's owners and a spectrum's levels as the procedures allow. */
async function checkAcrossRows(tables: Record<string, unknown[]>, prepared: Record<TableName, Row[]>, clock: Clock) {
  // Reporting lines, on the file's ids: walking up from anyone must reach the top (or, in version 1, the account owner).
  const people = (tables.people ?? []) as Row[];
  const managerOf = new Map(people.map((p) => [p.id as string, (p.managerId as string | null) ?? null]));
  const rowOf = new Map(people.map((p, i) => [p.id as string, i]));
  const clear = new Set<string>();
  for (const person of people) {
    await clock.turn();
    const path = new Set<string>();
    let at: string | null = person.id as string;
    while (at && !clear.has(at)) {
      if (path.has(at)) throw misfit(`people, row ${rowOf.get(at)! + 1}, managerId`, "the reporting lines go round in a loop");
      path.add(at);
      at = managerOf.get(at) ?? null;
    }
    for (const id of path) clear.add(id);
  }

  // Trees of targets, on the new ids: no loops, at most MAX_TARGET_DEPTH levels.
  const parentOf = new Map(prepared.targets.map((t) => [t.id as string, (t.parentId as string | null) ?? null]));
  const targetRow = new Map(prepared.targets.map((t, i) => [t.id as string, i]));
  for (const t of prepared.targets) {
    await clock.turn();
    let depth = 0;
    for (let at = parentOf.get(t.id as string) ?? null; at; at = parentOf.get(at) ?? null) {
      if (at === t.id || ++depth >= MAX_TARGET_DEPTH) {
        throw misfit(
          `targets, row ${targetRow.get(t.id as string)! + 1}, parentId`,
          at === t.id ? "the targets' parents go round in a loop" : `a tree of targets is at most ${MAX_TARGET_DEPTH} levels deep`,
        );
      }
    }
  }

  const owners = new Map<unknown, number>();
  for (let i = 0; i < prepared.target_owners.length; i++) {
    await clock.turn();
    const row = prepared.target_owners[i]!;
    const n = (owners.get(row.targetId) ?? 0) + 1;
    owners.set(row.targetId, n);
    if (n > MAX_TARGET_OWNERS) throw misfit(`target_owners, row ${i + 1}, targetId`, `a target has at most ${MAX_TARGET_OWNERS} owners`);
  }

  const active = prepared.spectrums.filter((s) => s.active === true);
  if (active.length > 1)
    throw misfit(`spectrums, row ${prepared.spectrums.indexOf(active[1]!) + 1}, active`, "only one spectrum can be active");
  const levels = new Map<unknown, { row: Row; index: number }[]>();
  prepared.spectrum_levels.forEach((row, index) => levels.set(row.spectrumId, [...(levels.get(row.spectrumId) ?? []), { row, index }]));
  for (const group of levels.values()) {
    group.sort((a, b) => Number(a.row.position) - Number(b.row.position));
    const result = spectrumLevelsField.safeParse(
      group.map(({ row }) => ({ label: row.label, meaning: row.meaning ?? "", autonomy: row.autonomy })),
    );
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const which = typeof issue.path[0] === "number" ? group[issue.path[0]]! : group[0]!;
      throw misfit(`spectrum_levels, row ${which.index + 1}, ${String(issue.path[1] ?? "spectrumId")}`, issue.message);
    }
  }
}
