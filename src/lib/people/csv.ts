import Papa from "papaparse";
import { personFields } from "../validators/people";
import { levelLabel, parseLevel, parseTrack, TRACK_SHORT, type LadderLabels, type Level, type Track } from "./ladder";

/** The columns of a people CSV, in export order. */
export const CSV_COLUMNS = ["name", "email", "title", "track", "level", "manager_email"] as const;

export type ImportRow = {
  /** The line in the file (the header is line 1). */
  line: number;
  name: string;
  email: string | null;
  title: string | null;
  track: Track | null;
  level: Level | null;
  managerEmail: string | null;
  errors: string[];
};

export type ImportPreview = { fileErrors: string[]; rows: ImportRow[]; valid: boolean };

/** What the account already has, for checking a file against it. */
export type ImportContext = {
  /** Emails of people already in the account, with whether they are archived. */
  existing: Map<string, { archived: boolean }>;
  labels: LadderLabels;
};

const HEADER_ALIASES: Record<string, (typeof CSV_COLUMNS)[number]> = {
  name: "name",
  "full name": "name",
  email: "email",
  "e mail": "email",
  title: "title",
  "job title": "title",
  track: "track",
  level: "level",
  "manager email": "manager_email",
  "manager's email": "manager_email",
  "managers email": "manager_email",
  manager: "manager_email",
  "reports to": "manager_email",
};

const MAX_ROWS = 5_000;

/** The person form's rules for the columns a file gives, built once (a schema per row cost seconds for 5,000 rows). */
const fileFields = personFields.pick({ name: true, email: true, title: true });

function headerKey(raw: string): string {
  return raw.trim().toLowerCase().replace(/[_-]+/g, " ").replace(/\s+/g, " ");
}

/**
 * Checks every row of a people CSV before anything is saved: required fields,
 * lengths, track and level (by key or label), duplicate emails in the file or
 * the account, and managers (an email in the file or among the account's
 * active people, and no reporting loop inside the file). A blank manager email
 * means the person reports to the account's owner.
 */
export function previewPeopleCsv(text: string, context: ImportContext): ImportPreview {
  const steps = previewSteps(text, context);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * previewPeopleCsv as steps: it pauses (yields) after each row of each pass
 * over the rows, so that a server can give other requests a turn between
 * them (5,000 rows are a second of work on a busy machine; see
 * src/server/event-loop/turns.ts). The file's parse itself is one step.
 */
export function* previewSteps(text: string, context: ImportContext): Generator<void, ImportPreview, void> {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => HEADER_ALIASES[headerKey(h)] ?? headerKey(h),
  });
  const fileErrors: string[] = [];
  const fields = parsed.meta.fields ?? [];
  const missing = ["name", "track", "level"].filter((c) => !fields.includes(c));
  if (missing.length) {
    fileErrors.push(`The header must name the columns ${CSV_COLUMNS.join(", ")}; missing: ${missing.join(", ")}.`);
    return { fileErrors, rows: [], valid: false };
  }
  if (parsed.data.length === 0) fileErrors.push("The file has a header but no people.");
  if (parsed.data.length > MAX_ROWS) fileErrors.push(`At most ${MAX_ROWS} people per file.`);

  const cell = (r: Record<string, string>, k: string) => (r[k] ?? "").trim();
  yield;
  const rows: ImportRow[] = [];
  for (const [i, r] of parsed.data.slice(0, MAX_ROWS).entries()) {
    yield;
    const errors: string[] = [];
    const trackText = cell(r, "track");
    const track = parseTrack(trackText);
    if (!trackText) errors.push("Track is empty: use manager or ic.");
    else if (!track) errors.push(`Unknown track "${trackText}": use manager or ic.`);
    const levelText = cell(r, "level");
    const level = track ? parseLevel(track, levelText, context.labels) : null;
    if (!levelText) errors.push("Level is empty.");
    else if (track && !level) {
      errors.push(`"${levelText}" is not a level of the ${TRACK_SHORT[track]} track.`);
    }
    const checked = fileFields.safeParse({ name: cell(r, "name"), email: cell(r, "email"), title: cell(r, "title") });
    if (!checked.success) errors.push(...checked.error.issues.map((issue) => issue.message));
    const managerEmail = cell(r, "manager_email").toLowerCase() || null;
    rows.push({
      line: i + 2,
      // The checked values when the row is valid: what is saved is what the person form would save.
      name: checked.success ? checked.data.name : cell(r, "name"),
      email: checked.success ? checked.data.email : cell(r, "email") || null,
      title: checked.success ? checked.data.title : cell(r, "title") || null,
      track,
      level,
      managerEmail,
      errors,
    });
  }
  for (const e of parsed.errors) {
    const row = rows[e.row ?? -1];
    if (row) row.errors.push(`Could not read this line: ${e.message}.`);
    else fileErrors.push(`Could not read the file: ${e.message}.`);
  }

  // Emails: unique in the file and new to the account.
  const inFile = new Map<string, ImportRow>();
  for (const row of rows) {
    yield;
    if (!row.email) continue;
    const first = inFile.get(row.email);
    if (first) row.errors.push(`Email ${row.email} is also on line ${first.line}.`);
    else inFile.set(row.email, row);
    if (context.existing.has(row.email)) row.errors.push(`${row.email} is already one of your people.`);
  }

  // Managers: known, active, and no loop within the file.
  for (const row of rows) {
    yield;
    if (!row.managerEmail) continue;
    if (row.managerEmail === row.email) {
      row.errors.push("A person cannot report to themselves.");
      continue;
    }
    const existing = context.existing.get(row.managerEmail);
    if (inFile.has(row.managerEmail)) continue;
    if (!existing) row.errors.push(`No one with the email ${row.managerEmail} is in the file or in your organisation.`);
    else if (existing.archived) row.errors.push(`The manager ${row.managerEmail} is archived.`);
  }
  for (const row of rows) {
    yield;
    const seen = new Set<string>();
    let current: ImportRow | undefined = row;
    while (current?.managerEmail && inFile.has(current.managerEmail)) {
      if (seen.has(current.managerEmail)) {
        row.errors.push("The managers in this file form a loop.");
        break;
      }
      seen.add(current.managerEmail);
      current = inFile.get(current.managerEmail);
    }
  }

  const valid = fileErrors.length === 0 && rows.every((r) => r.errors.length === 0);
  return { fileErrors, rows, valid };
}

export type ExportPerson = {
  name: string;
  email: string | null;
  title: string | null;
  track: Track;
  level: string;
  managerEmail: string | null;
};

/** People as CSV, in the same columns the import reads (levels by the account's labels). */
export function peopleToCsv(rows: ExportPerson[], labels: LadderLabels): string {
  return Papa.unparse(
    {
      fields: [...CSV_COLUMNS],
      data: rows.map((p) => [p.name, p.email ?? "", p.title ?? "", p.track, levelLabel(p.level, labels), p.managerEmail ?? ""]),
    },
    // Cells starting with = + - @ are prefixed so spreadsheets do not run them as formulas.
    { escapeFormulae: true },
  );
}
