import { describe, expect, it } from "vitest";
import { slotAt } from "./slots";
import {
  drainsSuggestion,
  energyBySlot,
  hoursSuggestion,
  lowestSlotSuggestion,
  restoresSuggestion,
  reviewSuggestions,
} from "./suggestions";
import { weeklyStats, type EnergyEntry } from "./weekly";

const entry = (day: string, slot: EnergyEntry["slot"], level: number, tags: string[] = []): EnergyEntry => ({ day, slot, level, tags });
const WEEK = "2026-11-16";
const suggestionsOf = (stats: ReturnType<typeof weeklyStats>) => reviewSuggestions(stats);

describe("suggested answers for the weekly review", () => {
  it("an empty week suggests nothing", () => {
    expect(suggestionsOf(weeklyStats(WEEK, [], [], "2026-11-22"))).toEqual({ drains: null, restores: null, change: null });
  });

  it("one entry: a drain or an energiser, but no 'lowest slot' (there is nothing to compare)", () => {
    expect(suggestionsOf(weeklyStats(WEEK, [entry("2026-11-16", "end", 3, ["incidents"])], [], "2026-11-22"))).toEqual({
      drains: "Drained most by incidents (avg 3.0).",
      restores: null,
      change: null,
    });
    expect(suggestionsOf(weeklyStats(WEEK, [entry("2026-11-16", "start", 8, ["deep work"])], [], "2026-11-22"))).toMatchObject({
      drains: null,
      restores: "Energised most by deep work (avg 8.0).",
    });
    // Untagged: nothing about activities either.
    expect(suggestionsOf(weeklyStats(WEEK, [entry("2026-11-16", "start", 8)], [], "2026-11-22")).drains).toBeNull();
  });

  it("a full week: the worst drains first, the best energisers first, hours against last week and the weakest slot", () => {
    const stats = weeklyStats(
      WEEK,
      [
        entry("2026-11-16", "start", 8, ["deep work"]),
        entry("2026-11-16", "middle", 4, ["meetings"]),
        entry("2026-11-16", "end", 3, ["incidents"]),
        entry("2026-11-17", "start", 7, ["deep work", "rest"]),
        entry("2026-11-17", "middle", 5, ["meetings", "hiring"]),
        entry("2026-11-17", "end", 4, ["incidents", "meetings"]),
      ],
      [
        { day: "2026-11-09", hours: 3 }, // last week
        { day: "2026-11-10", hours: 1.5 },
        { day: "2026-11-16", hours: 4 },
        { day: "2026-11-17", hours: 5.5 },
      ],
      "2026-11-22",
    );
    expect(stats.lastWeekProductiveHours).toBe(4.5);
    expect(stats.slots).toEqual([
      { slot: "start", average: 7.5, entries: 2 },
      { slot: "middle", average: 4.5, entries: 2 },
      { slot: "end", average: 3.5, entries: 2 },
    ]);
    expect(suggestionsOf(stats)).toEqual({
      drains: "Drained most by incidents (avg 3.5), meetings (4.3) and hiring (5.0).",
      restores: "Energised most by deep work (avg 7.5) and rest (7.0).",
      change: "9.5 h productive, 5 h more than last week. Lowest energy at the end of the day (avg 3.5).",
    });
  });

  it("names at most three activities, and none from the middle of the scale", () => {
    const tags = [2, 3, 4, 5, 5.5, 6, 7, 8, 9].map((average, i) => ({ tag: `t${i}`, average, entries: 1 }));
    expect(drainsSuggestion(tags)).toBe("Drained most by t0 (avg 2.0), t1 (3.0) and t2 (4.0).");
    expect(restoresSuggestion(tags)).toBe("Energised most by t8 (avg 9.0), t7 (8.0) and t6 (7.0).");
    expect(drainsSuggestion([{ tag: "planning", average: 5.5, entries: 4 }])).toBeNull();
    expect(restoresSuggestion([{ tag: "planning", average: 5.5, entries: 4 }])).toBeNull();
  });

  it("hours: more, fewer, the same, none last week, none this week", () => {
    expect(hoursSuggestion(31, 27)).toBe("31 h productive, 4 h more than last week.");
    expect(hoursSuggestion(20.5, 27)).toBe("20.5 h productive, 6.5 h fewer than last week.");
    expect(hoursSuggestion(0.1 + 0.2, 0.3)).toBe("0.3 h productive, the same as last week.");
    expect(hoursSuggestion(12, null)).toBe("12 h productive; none logged last week.");
    expect(hoursSuggestion(0, 5)).toBe("0 h productive, 5 h fewer than last week.");
    expect(hoursSuggestion(null, 5)).toBeNull();
  });

  it("the lowest slot needs two slots logged; a tie names the earlier one", () => {
    expect(lowestSlotSuggestion(energyBySlot([entry("2026-11-16", "middle", 2), entry("2026-11-17", "middle", 4)]))).toBeNull();
    expect(lowestSlotSuggestion(energyBySlot([entry("2026-11-16", "start", 4), entry("2026-11-16", "end", 4)]))).toBe(
      "Lowest energy at the start of the day (avg 4.0).",
    );
    expect(
      lowestSlotSuggestion(
        energyBySlot([entry("2026-11-16", "start", 6), entry("2026-11-16", "middle", 3), entry("2026-11-17", "middle", 4)]),
      ),
    ).toBe("Lowest energy at midday (avg 3.5).");
  });

  it("a week without hours has null hours (not 0) and no hours suggestion", () => {
    const stats = weeklyStats(WEEK, [entry("2026-11-16", "start", 6), entry("2026-11-16", "end", 5)], [], "2026-11-22");
    expect(stats.productiveHours).toBeNull();
    expect(stats.lastWeekProductiveHours).toBeNull();
    expect(suggestionsOf(stats).change).toBe("Lowest energy at the end of the day (avg 5.0).");
  });
});

describe("the slot offered by default follows the user's time of day", () => {
  const at = (iso: string, zone = "UTC") => slotAt(new Date(iso), zone);
  it("start before 11:00, midday from 11:00 to before 15:00, end from 15:00", () => {
    expect(at("2026-11-24T00:00:00Z")).toBe("start");
    expect(at("2026-11-24T10:59:59Z")).toBe("start");
    expect(at("2026-11-24T11:00:00Z")).toBe("middle");
    expect(at("2026-11-24T14:59:59Z")).toBe("middle");
    expect(at("2026-11-24T15:00:00Z")).toBe("end");
    expect(at("2026-11-24T23:59:59Z")).toBe("end");
  });
  it("in the user's zone, across a daylight-saving change", () => {
    // 29 March 2026: Berlin moves to UTC+2. 09:30 UTC is 11:30 there.
    expect(at("2026-03-29T09:30:00Z", "Europe/Berlin")).toBe("middle");
    expect(at("2026-03-28T09:30:00Z", "Europe/Berlin")).toBe("start"); // 10:30, still UTC+1
    expect(at("2026-11-24T14:30:00Z", "Asia/Kolkata")).toBe("end"); // 20:00 (UTC+5:30)
  });
});
