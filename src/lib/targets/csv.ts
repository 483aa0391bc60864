import Papa from "papaparse";
import { HEALTH_LABELS, type Health } from "./status";

export type TargetCsvRow = {
  title: string;
  kind: string;
  status: string;
  health: Health | null;
  owners: string[];
  areaName: string | null;
  startDate: string;
  dueDate: string;
  metric: {
    name: string;
    unit: string | null;
    direction: string | null;
    baseline: number | null;
    goal: number | null;
    latest: { value: number; at: Date } | null;
    kind: string;
    done: boolean;
  } | null;
};

export const TARGET_CSV_COLUMNS = [
  "target",
  "kind",
  "status",
  "health",
  "owners",
  "area",
  "start_date",
  "due_date",
  "metric",
  "unit",
  "direction",
  "baseline",
  "goal",
  "latest_value",
  "latest_at",
] as const;

/** Targets with their metrics' latest values, a row per metric (a target without metrics gets one row). */
export function targetsToCsv(rows: TargetCsvRow[]): string {
  return Papa.unparse(
    {
      fields: [...TARGET_CSV_COLUMNS],
      data: rows.map((r) => {
        const m = r.metric;
        const latest = m?.kind === "milestone" ? (m.done ? "done" : "not done") : (m?.latest?.value ?? "");
        return [
          r.title,
          r.kind,
          r.status,
          r.health ? HEALTH_LABELS[r.health] : "",
          r.owners.join("; "),
          r.areaName ?? "",
          r.startDate,
          r.dueDate,
          m?.name ?? "",
          m?.unit ?? "",
          m?.direction ?? "",
          m?.baseline ?? "",
          m?.goal ?? "",
          latest,
          m?.latest?.at.toISOString() ?? "",
        ];
      }),
    },
    { escapeFormulae: true },
  );
}
