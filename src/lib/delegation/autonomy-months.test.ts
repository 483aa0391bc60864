import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EDGE_HOURS, monthStarts, trendFromMonths, type AutonomyMonth, type EdgeChange } from "./autonomy-months";
import { monthlyAutonomy } from "./review";
import { dayIn } from "@/lib/one-on-ones/days";

type Change = { taskId: string; at: Date; autonomy: number };

/** What autonomy_months keeps and what the overview reads near month starts, computed here as the SQL does. */
function kept(changes: Change[]): { months: AutonomyMonth[]; edges: EdgeChange[] } {
  const last = new Map<string, number>();
  const byMonth = new Map<string, AutonomyMonth>();
  const steps: (EdgeChange & { at: Date })[] = [];
  for (const c of changes) {
    const prev = last.get(c.taskId);
    last.set(c.taskId, c.autonomy);
    const month = `${c.at.toISOString().slice(0, 7)}-01`;
    const m = byMonth.get(month) ?? { month, changes: 0, tasks: 0, autonomySum: 0 };
    byMonth.set(month, m);
    m.changes += 1;
    m.tasks += prev === undefined ? 1 : 0;
    m.autonomySum += c.autonomy - (prev ?? 0);
    steps.push({ at: c.at, step: c.autonomy - (prev ?? 0), first: prev === undefined });
  }
  const months = [...byMonth.values()];
  const starts = monthStarts(months.map((m) => m.month));
  const near = (at: Date) => starts.some((s) => Math.abs(at.getTime() - s.getTime()) < EDGE_HOURS * 3_600_000);
  return { months, edges: steps.filter((s) => near(s.at)) };
}

const ZONES = [
  "UTC",
  "Pacific/Kiritimati",
  "Etc/GMT+12",
  "America/Los_Angeles",
  "Asia/Kathmandu",
  "Pacific/Chatham",
  "Australia/Lord_Howe",
];
const START = Date.UTC(2025, 10, 1);
const HOUR = 3_600_000;

describe("the autonomy trend from kept months", () => {
  it("is the replay of the whole history (monthlyAutonomy), in every zone", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            task: fc.integer({ min: 0, max: 5 }),
            // Hours over about five months, many of them near a month's start.
            hour: fc.oneof(
              fc.integer({ min: 0, max: 150 * 24 }),
              fc.constantFrom(...[30, 61, 92].flatMap((d) => [-13, -1, 0, 5, 13].map((h) => d * 24 + h))),
            ),
            autonomy: fc.constantFrom(0, 0.1, 0.25, 1 / 3, 0.5, 0.7, 1),
          }),
          { maxLength: 40 },
        ),
        fc.constantFrom(...ZONES),
        (raw, zone) => {
          // Distinct instants (a minute apart at least), in time order, as the history reads.
          const changes = raw
            .map((r, i) => ({ taskId: `t${r.task}`, at: new Date(START + r.hour * HOUR + i * 60_000), autonomy: r.autonomy }))
            .sort((a, b) => a.at.getTime() - b.at.getTime());
          const dayOf = (d: Date) => dayIn(d, zone);
          const { months, edges } = kept(changes);
          const got = trendFromMonths(months, edges, dayOf);
          const want = monthlyAutonomy(changes, dayOf);
          expect(got.map((m) => m.month)).toEqual(want.map((m) => m.month));
          got.forEach((m, i) => expect(m.average).toBeCloseTo(want[i]!.average, 9));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives 0, never -0, when the sums' float noise falls just under zero (found by the property test)", () => {
    const months: AutonomyMonth[] = [{ month: "2026-12-01", changes: 3, tasks: 1, autonomySum: 0.3 - 0.1 - 0.2 }];
    const [december] = trendFromMonths(months, []);
    expect(Object.is(december!.average, -0)).toBe(false);
    expect(december!.average).toBe(0);
  });

  it("moves a change to the user's month: 31 January 23:30 UTC is February at UTC+14", () => {
    const at = new Date("2026-01-31T23:30:00Z");
    const months = [{ month: "2026-01-01", changes: 1, tasks: 1, autonomySum: 1 }];
    const edges = [{ at, step: 1, first: true }];
    expect(trendFromMonths(months, edges).map((m) => m.month)).toEqual(["2026-01"]);
    expect(trendFromMonths(months, edges, (d) => dayIn(d, "Pacific/Kiritimati"))).toEqual([{ month: "2026-02", average: 1 }]);
  });

  it("reads edges around each kept month's start and the next one's", () => {
    expect(monthStarts(["2026-01-01", "2026-02-01"]).map((d) => d.toISOString().slice(0, 10))).toEqual([
      "2026-01-01",
      "2026-02-01",
      "2026-03-01",
    ]);
  });
});
