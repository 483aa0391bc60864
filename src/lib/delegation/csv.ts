import Papa from "papaparse";

export type TaskCsvRow = {
  person: string;
  title: string;
  status: string;
  level: string;
  suggested: string;
  fit: string;
  competency: number;
  criticality: number;
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
