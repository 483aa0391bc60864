/**
 * The largest files a user may send, for the fairness benchmark (issue #20):
 * an account export padded with check-ins up to the import's limits (16 MiB
 * of request body, 200,000 rows, 100,000 in a table), and a people CSV of
 * 5,000 rows (the most a file may hold), managers listed before their reports.
 * Built once, as the browser would, so their making is not timed as the server's work.
 */
import { randomUUID } from "node:crypto";
import { BODY_LIMITS } from "../../src/lib/request-limits";
import { MAX_IMPORT_ROWS, MAX_IMPORT_ROWS_PER_TABLE } from "../../src/server/services/account/import-rules";

type Row = Record<string, unknown>;
type ExportFile = { tables: Record<string, Row[]> } & Record<string, unknown>;

/** The body of an `account.import` call: the file's JSON without indentation, sent as its bytes (application/octet-stream), as the page sends it. */
export const importBody = (file: unknown) => JSON.stringify(file);

/**
 * The export as the browser saves it (JSON, dates as strings), with copies of its check-ins added
 * (new ids, earlier times) until the body is just under BODY_LIMITS.import or a row limit is reached.
 */
export function importFileAtLimit(exported: unknown): { body: string; rows: number; bytes: number } {
  const file = JSON.parse(JSON.stringify(exported)) as ExportFile;
  const checkIns = file.tables.check_ins ?? [];
  if (checkIns.length === 0) throw new Error("The export has no check-ins to copy.");
  const rowsOf = () => Object.values(file.tables).reduce((n, rows) => n + rows.length, 0);
  const base = importBody(file).length;
  const perRow = JSON.stringify(checkIns[0]).length + 1;
  const room = Math.floor((BODY_LIMITS.import - 64 * 1024 - base) / perRow);
  const extra = Math.max(0, Math.min(room, MAX_IMPORT_ROWS - rowsOf(), MAX_IMPORT_ROWS_PER_TABLE - checkIns.length));
  const start = Date.parse("2020-01-01T00:00:00Z");
  for (let i = 0; i < extra; i++) {
    const source = checkIns[i % checkIns.length]!;
    checkIns.push({ ...source, id: randomUUID(), at: new Date(start - i * 60_000).toISOString() });
  }
  let body = importBody(file);
  // Rows of different lengths: drop copies until the body fits.
  while (body.length > BODY_LIMITS.import - 1024) {
    checkIns.splice(checkIns.length - 500, 500);
    body = importBody(file);
  }
  return { body, rows: rowsOf(), bytes: Buffer.byteLength(body) };
}

/** A people CSV of `count` rows: a tree with 10 reports per manager, every manager before their reports. */
export function peopleCsv(count: number, tag: string): string {
  const lines = ["name,email,title,track,level,manager_email"];
  for (let i = 0; i < count; i++) {
    const manager = i === 0 ? "" : `p${Math.floor((i - 1) / 10)}.${tag}@example.com`;
    const track = i < count / 10 ? "manager" : "ic";
    lines.push(`Person ${i} ${tag},p${i}.${tag}@example.com,Engineer,${track},${track === "manager" ? "em" : "staff"},${manager}`);
  }
  return lines.join("\n");
}
