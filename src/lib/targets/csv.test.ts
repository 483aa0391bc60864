import { describe, expect, it } from "vitest";
import { tasksToCsv } from "@/lib/delegation/csv";
import { targetsToCsv } from "./csv";

describe("CSV exports", () => {
  it("targets: a row per metric with its latest value; milestones say done or not; formulas are defused", () => {
    const base = {
      title: '=HYPERLINK("x")',
      kind: "speed",
      status: "active",
      health: "at_risk" as const,
      owners: ["Tom", "Sofia"],
      areaName: "Search",
      startDate: "2026-09-01",
      dueDate: "2026-12-31",
    };
    const csv = targetsToCsv([
      {
        ...base,
        metric: {
          name: "P99",
          unit: "ms",
          direction: "lower",
          baseline: 850,
          goal: 300,
          latest: { value: 612, at: new Date("2026-11-20T00:00:00Z") },
          kind: "number",
          done: false,
        },
      },
      {
        ...base,
        metric: { name: "Launch", unit: null, direction: null, baseline: null, goal: null, latest: null, kind: "milestone", done: true },
      },
      { ...base, metric: null },
    ]);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "target,kind,status,health,owners,area,start_date,due_date,metric,unit,direction,baseline,goal,latest_value,latest_at",
    );
    expect(lines[1]).toContain("At risk,Tom; Sofia,Search,2026-09-01,2026-12-31,P99,ms,lower,850,300,612,2026-11-20T00:00:00.000Z");
    expect(lines[1]!.startsWith("\"'=HYPERLINK")).toBe(true);
    expect(lines[2]).toContain(",Launch,,,,,done,");
    expect(lines).toHaveLength(4);
  });
  it("tasks: person, levels and the fit", () => {
    const csv = tasksToCsv([
      {
        person: "Sofia",
        title: "Latency work",
        status: "open",
        level: "Advise",
        suggested: "Advise",
        fit: "matches",
        competency: 4,
        criticality: 3,
        reviewDate: null,
        target: null,
      },
    ]);
    expect(csv.split("\r\n")[1]).toBe("Sofia,Latency work,open,Advise,Advise,matches,4,3,,");
  });
});
