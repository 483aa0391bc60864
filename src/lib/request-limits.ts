/**
 * How much one request may ask of the server (README, "Limits"). Shared by the
 * route handlers that enforce them and the tRPC client that must stay within.
 */

const KIB = 1024;
const MIB = 1024 * KIB;

/** Calls in one tRPC batch; more is refused with 400 (the client batches at most this many). */
export const MAX_BATCH_CALLS = 10;

/** Body limits in bytes. */
export const BODY_LIMITS = {
  /** Any tRPC request, a batch counted as a whole: the largest form is a few tens of KB. */
  trpc: 1 * MIB,
  /** A request calling one of UPLOAD_PROCEDURES alone: a people CSV (1,000,000 characters), pasted check-ins or a calendar file (2 MB). */
  upload: 4 * MIB,
  /** A request calling `account.import` alone: an export file. */
  import: 16 * MIB,
  /** The REST check-in: a value, a time and a 2,000-character note. */
  rest: 64 * KIB,
} as const;

export const IMPORT_PROCEDURE = "account.import";
export const UPLOAD_PROCEDURES: readonly string[] = [
  "people.previewImport",
  "people.commitImport",
  "targets.addCheckIns",
  "calendarAudit.import",
];

/** Procedures the client sends alone, never in a batch, so their larger limit applies. */
export function sentAlone(path: string): boolean {
  return path === IMPORT_PROCEDURE || UPLOAD_PROCEDURES.includes(path);
}

/** The body limit of a tRPC request for these procedure paths: a larger one only for a single upload or import. */
export function trpcBodyLimit(paths: readonly string[]): number {
  if (paths.length === 1 && paths[0] === IMPORT_PROCEDURE) return BODY_LIMITS.import;
  if (paths.length === 1 && UPLOAD_PROCEDURES.includes(paths[0]!)) return BODY_LIMITS.upload;
  return BODY_LIMITS.trpc;
}

/** "1 MiB", "64 KiB": limits as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes >= MIB && bytes % MIB === 0) return `${bytes / MIB} MiB`;
  if (bytes >= KIB && bytes % KIB === 0) return `${bytes / KIB} KiB`;
  return `${bytes} bytes`;
}
