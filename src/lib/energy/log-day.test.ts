import { describe, expect, it } from "vitest";
import { CAPACITY_DEFAULTS, oneOnOneLoad, settingsInForce } from "@/lib/capacity/plan";
import { logDayProblem, MAX_DAYS_BACK } from "./log-day";
import { addDays } from "@/lib/one-on-ones/days";
import { energyOfWeek } from "./weekly";

describe("a day to log energy for", () => {
  it("is the user's today or earlier, within a year", () => {
    expect(logDayProblem("2026-03-10", "2026-03-10")).toBeNull();
    expect(logDayProblem(addDays("2026-03-10", -MAX_DAYS_BACK), "2026-03-10")).toBeNull();
    expect(logDayProblem("2026-03-11", "2026-03-10")).toContain("has not come yet");
    expect(logDayProblem(addDays("2026-03-10", -MAX_DAYS_BACK - 1), "2026-03-10")).toBe("That day is more than a year ago.");
  });
});

describe("the capacity plan's figures", () => {
  it("the week's energy: the average of every reading, and each day's", () => {
    const days = ["2026-03-09", "2026-03-10", "2026-03-11"];
    expect(
      energyOfWeek(days, [
        { day: "2026-03-09", level: 4 },
        { day: "2026-03-09", level: 8 },
        { day: "2026-03-11", level: 3 },
      ]),
    ).toEqual({
      average: 5,
      entries: 3,
      days: [
        { day: "2026-03-09", average: 6 },
        { day: "2026-03-10", average: null },
        { day: "2026-03-11", average: 3 },
      ],
    });
    expect(energyOfWeek(days, []).average).toBeNull();
  });

  it("settings in force: the saved ones, else the defaults", () => {
    expect(settingsInForce(undefined)).toEqual(CAPACITY_DEFAULTS);
    const saved = { availableHours: 32, deepWorkCapPerDay: 3, bufferPercent: 10, oneOnOneMinutes: 45, version: 4 } as Parameters<
      typeof settingsInForce
    >[0];
    expect(settingsInForce(saved)).toEqual({ availableHours: 32, deepWorkCapPerDay: 3, bufferPercent: 10, oneOnOneMinutes: 45 });
  });

  it("the 1:1 load: people and hours to a tenth", () => {
    expect(oneOnOneLoad([7, 14, 14], 30)).toEqual({ people: 3, hours: 1 });
    expect(oneOnOneLoad([30], 45)).toEqual({ people: 1, hours: 0.2 });
    expect(oneOnOneLoad([], 30)).toEqual({ people: 0, hours: 0 });
  });
});
