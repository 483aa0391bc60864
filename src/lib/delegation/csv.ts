import Papa from "papaparse";

export type TaskCsvRow = {
  person: string;
  title: string;
  status: string;
  level: string;
  /** null where the ratings are hidden from the reader (the delegatee's own tasks, unless shared). */
  suggested: string | null;
  fit: string | null;
  competency: number | null;
  criticality: number | null;
  reviewDate: string | null;
  target: string | null;
};

export const TASK_CSV_COLUMNS = [
  "person",
  "task",
  "status",
  "level",
  "suggested_level",
  "fit",
  "competency",
  "criticality",
  "review_date",
  "target",
] as const;

/** Delegated tasks with their current and suggested levels. */
export function tasksToCsv(rows: TaskCsvRow[]): string {
  return Papa.unparse(
    {
      fields: [...TASK_CSV_COLUMNS],
      data: rows.map((t) => [
        t.person,
        t.title,
        t.status,
        t.level,
        t.suggested,
        t.fit,
        t.competency,
        t.criticality,
        t.reviewDate ?? "",
        t.target ?? "",
      ]),
    },
    { escapeFormulae: true },
  );
}
