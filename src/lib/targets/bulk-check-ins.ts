/**
 * Reads pasted "date,value" lines (an optional third column is a note).
 * Dates are YYYY-MM-DD (taken as noon UTC, so the day is the same in every
 * time zone) or a full ISO time. Blank lines and a header line are skipped.
 */
import { isInstantInRange, MAX_MAGNITUDE } from "../validators/dates";

export type ParsedCheckIn = { line: number; at: Date; value: number; note: string | null };
export type BulkParse = { rows: ParsedCheckIn[]; errors: { line: number; message: string }[] };

export const BULK_LIMIT = 10_000;

export function parseCheckInLines(text: string, now = new Date()): BulkParse {
  const rows: ParsedCheckIn[] = [];
  const errors: BulkParse["errors"] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (!trimmed) return;
    // date, value, then the rest of the line (commas included) as the note.
    const match = /^([^,;\t]*)(?:[,;\t]([^,;\t]*))?(?:[,;\t](.*))?$/.exec(trimmed)!;
    const dateText = (match[1] ?? "").trim();
    const valueText = (match[2] ?? "").trim();
    if (i === 0 && /date|time/i.test(dateText) && Number.isNaN(Number(valueText))) return; // header
    const at = /^\d{4}-\d{2}-\d{2}$/.test(dateText) ? new Date(`${dateText}T12:00:00Z`) : new Date(dateText);
    const value = valueText === "" ? Number.NaN : Number(valueText);
    if (Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(dateText)) {
      errors.push({ line, message: `"${dateText}" is not a date like 2026-03-31.` });
    } else if (!isInstantInRange(at)) {
      errors.push({ line, message: `${dateText} is not between 1970 and 2200.` });
    } else if (at.getTime() > now.getTime() + 86_400_000) {
      errors.push({ line, message: `${dateText} is in the future.` });
    } else if (!Number.isFinite(value)) {
      errors.push({ line, message: `"${valueText}" is not a number.` });
    } else if (Math.abs(value) > MAX_MAGNITUDE) {
      errors.push({ line, message: `${valueText} is not between -1,000,000,000,000 and 1,000,000,000,000.` });
    } else {
      const note = (match[3] ?? "").trim();
      rows.push({ line, at, value, note: note ? note.slice(0, 2000) : null });
    }
  });
  if (rows.length + errors.length > BULK_LIMIT) errors.push({ line: BULK_LIMIT + 1, message: `At most ${BULK_LIMIT} lines at once.` });
  return { rows, errors };
}
