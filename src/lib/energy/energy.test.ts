import { describe, expect, it } from "vitest";
import { CAPACITY_DEFAULTS, oneOnOneHours, planWeek } from "@/lib/capacity/plan";
import { normaliseTags, slotAt } from "./slots";
import { weekDays, weekStartOf } from "./week";
import { energyByTag, energyWord, weeklyStats, weeklyTrend, type EnergyEntry } from "./weekly";

describe("weeks and slots in the user's time zone", () => {
  it("weeks start on Monday", () => {
    expect(weekStartOf("2026-11-24")).toBe("2026-11-23"); // a Tuesday
    expect(weekStartOf("2026-11-23")).toBe("2026-11-23");
    expect(weekStartOf("2026-11-29")).toBe("2026-11-23"); // Sunday ends the week
    expect(weekStartOf("2027-01-01")).toBe("2026-12-28");
    expect(weekDays("2026-12-28")).toEqual([
      "2026-12-28",
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
      "2027-01-02",
      "2027-01-03",
    ]);
  });
  it("a week start is a Monday; anything else is refused without an error", async () => {
    const { isWeekStart } = await import("./week");
    expect(isWeekStart("2026-11-23")).toBe(true);
    expect(isWeekStart("2026-11-24")).toBe(false);
    for (const junk of ["manager", "", "2026-13-45", "9999-99-99"]) expect(isWeekStart(junk)).toBe(false);
  });
  it("the slot is the user's hour, not the server's", () => {
    const instant = new Date("2026-11-24T09:30:00Z");
    expect(slotAt(instant, "UTC")).toBe("start");
    expect(slotAt(instant, "Asia/Tokyo")).toBe("end"); // 18:30 there
    expect(slotAt(instant, "America/New_York")).toBe("start"); // 04:30
    expect(slotAt(new Date("2026-11-24T12:00:00Z"), "Europe/London")).toBe("middle");
  });
  it("tags are trimmed, lower-cased and unique", () => {
    expect(normaliseTags([" Meetings", "meetings", "", "Deep work "])).toEqual(["meetings", "deep work"]);
  });
});

const entry = (day: string, slot: EnergyEntry["slot"], level: number, tags: string[] = []): EnergyEntry => ({ day, slot, level, tags });

describe("weekly statistics", () => {
  const week = "2026-11-16";
  it("three points a day, productive hours, and missing slots counted up to today only", () => {
    const stats = weeklyStats(
      week,
      [entry("2026-11-16", "start", 7), entry("2026-11-16", "end", 3), entry("2026-11-17", "middle", 5), entry("2026-11-10", "start", 1)],
      [{ day: "2026-11-16", hours: 4.5 }],
      "2026-11-17",
    );
    expect(stats.days[0]).toEqual({ day: "2026-11-16", start: 7, middle: null, end: 3, average: 5, productiveHours: 4.5 });
    expect(stats.days[1]!.average).toBe(5);
    expect(stats.days[2]).toMatchObject({ start: null, average: null, productiveHours: null });
    expect(stats.logged).toBe(3); // the entry of the week before is not this week's
    expect(stats.missing).toBe(3); // Monday's middle, Tuesday's start and end; later days are not missing yet
    expect(stats.average).toBe(5);
    expect(stats.productiveHours).toBe(4.5);
  });
  it("an empty week has no average and every past slot missing", () => {
    const stats = weeklyStats(week, [], [], "2026-11-30");
    expect(stats).toMatchObject({ average: null, logged: 0, missing: 21, tags: [] });
  });
  it("ranks activities from most draining to most energising, with how many entries each rests on", () => {
    const ranked = energyByTag([
      entry("2026-11-16", "start", 8, ["deep work"]),
      entry("2026-11-16", "middle", 3, ["meetings", "incidents"]),
      entry("2026-11-16", "end", 4, ["meetings"]),
      entry("2026-11-17", "start", 9, ["deep work", "deep work"]),
      entry("2026-11-17", "end", 5, ["hiring"]),
    ]);
    expect(ranked).toEqual([
      { tag: "incidents", average: 3, entries: 1 },
      { tag: "meetings", average: 3.5, entries: 2 },
      { tag: "hiring", average: 5, entries: 1 },
      { tag: "deep work", average: 8.5, entries: 2 },
    ]);
  });
  it("the trend: each week's average, null for a week with nothing logged", () => {
    const trend = weeklyTrend(
      ["2026-11-02", "2026-11-09", "2026-11-16"],
      [entry("2026-11-03", "start", 4), entry("2026-11-05", "end", 6), entry("2026-11-20", "start", 8)],
    );
    expect(trend).toEqual([
      { weekStart: "2026-11-02", average: 5, entries: 2 },
      { weekStart: "2026-11-09", average: null, entries: 0 },
      { weekStart: "2026-11-16", average: 8, entries: 1 },
    ]);
  });
  it("levels in words", () => {
    expect([1, 4, 6, 9].map(energyWord)).toEqual(["drained", "low", "steady", "energised"]);
  });
});

describe("the capacity plan", () => {
  const base = { availableHours: 40, bufferPercent: 20, deepWorkCapPerDay: 4 };
  it("under the buffer: allocated, buffer and free add up to the week", () => {
    const plan = planWeek({
      ...base,
      items: [
        { hours: 20, deepWork: false },
        { hours: 8, deepWork: true },
      ],
    });
    expect(plan).toMatchObject({ allocated: 28, buffer: 8, bufferLeft: 8, plannable: 32, free: 4, state: "ok", overPlannable: 0 });
  });
  it("exactly at the buffer's edge is still fine; one hour more eats into it", () => {
    expect(planWeek({ ...base, items: [{ hours: 32, deepWork: false }] }).state).toBe("ok");
    expect(planWeek({ ...base, items: [{ hours: 33, deepWork: false }] })).toMatchObject({
      state: "into_buffer",
      bufferLeft: 7,
      free: 0,
      overPlannable: 1,
    });
  });
  it("more than the week is over capacity, with no buffer left", () => {
    expect(planWeek({ ...base, items: [{ hours: 45, deepWork: false }] })).toMatchObject({
      state: "over",
      bufferLeft: 0,
      free: 0,
      overPlannable: 13,
    });
  });
  it("deep work above the daily cap times five days is flagged", () => {
    expect(planWeek({ ...base, items: [{ hours: 22, deepWork: true }] })).toMatchObject({ deepWork: 22, deepWorkCap: 20, deepWorkOver: 2 });
  });
  it("a zero buffer warns only past the week; defaults keep 20%", () => {
    expect(planWeek({ ...base, bufferPercent: 0, items: [{ hours: 40, deepWork: false }] }).state).toBe("ok");
    expect(CAPACITY_DEFAULTS.bufferPercent).toBe(20);
  });
  it("1:1 hours from cadences: weekly counts every week, fortnightly half", () => {
    expect(oneOnOneHours([7, 7, 14], 30)).toBeCloseTo(1.25);
    expect(oneOnOneHours([], 30)).toBe(0);
  });
});
