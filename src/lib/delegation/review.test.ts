import { describe, expect, it } from "vitest";
import { MANAGEMENT_30 } from "./presets";
import { levelSinceDay, monthlyAutonomy, review, reviewDue } from "./review";

const levels = MANAGEMENT_30.levels.map((l, i) => ({ id: `l${i}`, label: l.label, autonomy: l.autonomy }));
const task = (
  over: Partial<{ levelId: string; competency: number; criticality: number; status: "open" | "done"; reviewDate: string | null }> = {},
) => ({
  id: "t1",
  levelId: "l0",
  competency: 5,
  criticality: 1,
  status: "open" as const,
  reviewDate: null,
  ...over,
});

describe("a task beside the spectrum", () => {
  it("gives its level, the suggested one and the fit, and keeps the task's own fields", () => {
    const r = review(task(), "Uptime", levels, "2026-03-10");
    expect(r).toMatchObject({
      id: "t1",
      targetTitle: "Uptime",
      level: { label: "Tell" },
      suggested: { label: "Delegate" },
      fit: "tighter",
      reviewOverdue: false,
    });
    expect(r.reason).toContain("competency 5 of 5");
    expect(review(task({ levelId: "l6" }), null, levels, "2026-03-10").fit).toBe("matches");
  });

  it("shows a level that is not on the spectrum as ?", () => {
    expect(review(task({ levelId: "gone" }), null, levels, "2026-03-10").level).toEqual({ id: "gone", label: "?", autonomy: 0 });
  });

  it("a review is overdue the day after its date, for an open task only; it is due on its date", () => {
    expect(review(task({ reviewDate: "2026-03-09" }), null, levels, "2026-03-10").reviewOverdue).toBe(true);
    expect(review(task({ reviewDate: "2026-03-10" }), null, levels, "2026-03-10").reviewOverdue).toBe(false);
    expect(review(task({ reviewDate: "2026-03-09", status: "done" }), null, levels, "2026-03-10").reviewOverdue).toBe(false);
    expect(reviewDue({ reviewDate: "2026-03-10" }, "2026-03-10")).toBe(true);
    expect(reviewDue({ reviewDate: "2026-03-11" }, "2026-03-10")).toBe(false);
    expect(reviewDue({ reviewDate: null }, "2026-03-10")).toBe(false);
  });

  it("the level's day is its latest change's, or the task's own without one, in the user's days", () => {
    const dayOf = (d: Date) => d.toISOString().slice(0, 10);
    expect(levelSinceDay(new Date("2026-02-01T10:00:00Z"), new Date("2026-01-01T10:00:00Z"), dayOf)).toBe("2026-02-01");
    expect(levelSinceDay(null, new Date("2026-01-01T10:00:00Z"), dayOf)).toBe("2026-01-01");
  });
});

describe("autonomy by month", () => {
  it("averages each task's latest level at each month with a change", () => {
    const at = (iso: string) => new Date(iso);
    expect(
      monthlyAutonomy([
        { taskId: "a", at: at("2026-01-05T00:00:00Z"), autonomy: 0 },
        { taskId: "b", at: at("2026-01-20T00:00:00Z"), autonomy: 1 },
        { taskId: "a", at: at("2026-03-02T00:00:00Z"), autonomy: 0.5 },
        { taskId: "a", at: at("2026-03-30T00:00:00Z"), autonomy: 1 },
      ]),
    ).toEqual([
      { month: "2026-01", average: 0.5 },
      { month: "2026-03", average: 1 },
    ]);
    expect(monthlyAutonomy([])).toEqual([]);
  });

  it("counts months in the user's calendar: 31 January 23:30 UTC is February at UTC+14", () => {
    const change = { taskId: "a", at: new Date("2026-01-31T23:30:00Z"), autonomy: 1 };
    expect(monthlyAutonomy([change]).map((m) => m.month)).toEqual(["2026-01"]);
    const kiritimati = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Kiritimati" }).format(d);
    expect(monthlyAutonomy([change], kiritimati).map((m) => m.month)).toEqual(["2026-02"]);
  });
});
