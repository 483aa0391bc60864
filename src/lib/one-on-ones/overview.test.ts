import { describe, expect, it } from "vitest";
import { byDueThenName, dueOf, type DayClock } from "./cadence";
import { dayIn } from "./days";
import { likePattern } from "./search";

const clock = (today: string, timeZone = "UTC"): DayClock => ({ today, dayOf: (d) => dayIn(d, timeZone) });
const weekly = { cadence: "weekly" as const, cadenceDays: null, createdAt: new Date("2026-03-01T12:00:00Z") };

describe("where a person's 1:1s stand, from their row and their 1:1s", () => {
  it("with none held, the first is due one cadence after the person was added", () => {
    expect(dueOf(weekly, undefined, clock("2026-03-03"))).toMatchObject({ state: "ok" });
    expect(dueOf(weekly, undefined, clock("2026-03-06"))).toEqual({ state: "due", dueDay: "2026-03-08", daysOverdue: 0 });
    expect(dueOf(weekly, { lastHeldAt: null, nextScheduledAt: null }, clock("2026-03-10"))).toEqual({
      state: "overdue",
      dueDay: "2026-03-08",
      daysOverdue: 2,
    });
  });

  it("counts from the last one held and sees one booked, in the user's days", () => {
    const meetings = { lastHeldAt: new Date("2026-03-09T23:30:00Z"), nextScheduledAt: new Date("2026-03-16T09:00:00Z") };
    expect(dueOf(weekly, meetings, clock("2026-03-11"))).toMatchObject({ state: "scheduled", dueDay: "2026-03-16" });
    // Held at 23:30 UTC is the next day in Berlin: due a day later there.
    expect(dueOf(weekly, { ...meetings, nextScheduledAt: null }, clock("2026-03-11", "Europe/Berlin"))).toMatchObject({
      dueDay: "2026-03-17",
    });
  });

  it("orders overdue first, then by due day, then by name", () => {
    const row = (name: string, state: "overdue" | "due" | "ok", dueDay: string) => ({ name, due: { state, dueDay, daysOverdue: 0 } });
    const rows = [
      row("Cy", "ok", "2026-03-01"),
      row("Bo", "due", "2026-03-05"),
      row("Al", "due", "2026-03-05"),
      row("Di", "overdue", "2026-03-09"),
      row("Ed", "due", "2026-03-04"),
    ];
    expect(rows.sort(byDueThenName).map((r) => r.name)).toEqual(["Di", "Ed", "Al", "Bo", "Cy"]);
  });
});

describe("search", () => {
  it("matches what was typed anywhere, with % _ and \\ taken literally", () => {
    expect(likePattern("50% off")).toBe("%50\\% off%");
    expect(likePattern("a_b\\c")).toBe("%a\\_b\\\\c%");
  });
});
