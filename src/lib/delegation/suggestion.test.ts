import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MANAGEMENT_30, SITUATIONAL } from "./presets";
import { fitOf, mapLevels, nearestLevel, suggestLevel, targetAutonomy, tighterCombinations } from "./suggestion";

const withIds = (levels: { label: string; autonomy: number }[]) => levels.map((l, i) => ({ ...l, id: `l${i}` }));
const m30 = withIds(MANAGEMENT_30.levels);
const sl = withIds(SITUATIONAL.levels);
const score = fc.integer({ min: 1, max: 5 });
// Any spectrum: 2 to 9 levels with distinct autonomies in 0..1.
const spectrum = fc
  .uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 9 })
  .map((xs) => withIds(xs.sort((a, b) => a - b).map((x) => ({ label: `L${x}`, autonomy: x / 100 }))));

describe("suggestLevel", () => {
  it("says why in a sentence", () => {
    expect(suggestLevel(m30, 4, 2).reason).toBe("competency 4 of 5 on a criticality-2 task");
  });

  it("maps the extremes to the spectrum's ends", () => {
    fc.assert(
      fc.property(spectrum, (levels) => {
        expect(suggestLevel(levels, 5, 1).level).toBe(levels.at(-1) && nearestLevel(levels, 1));
        expect(suggestLevel(levels, 1, 5).level).toBe(nearestLevel(levels, 0));
      }),
    );
    expect(suggestLevel(m30, 5, 1).level.label).toBe("Delegate");
    expect(suggestLevel(m30, 1, 5).level.label).toBe("Tell");
    expect(suggestLevel(sl, 5, 1).level.label).toBe("Delegating");
  });

  it("more competency never suggests less autonomy", () => {
    fc.assert(
      fc.property(spectrum, score, score, score, (levels, a, b, criticality) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(suggestLevel(levels, hi, criticality).level.autonomy).toBeGreaterThanOrEqual(
          suggestLevel(levels, lo, criticality).level.autonomy,
        );
      }),
    );
  });

  it("more criticality never suggests more autonomy", () => {
    fc.assert(
      fc.property(spectrum, score, score, score, (levels, competency, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(suggestLevel(levels, competency, hi).level.autonomy).toBeLessThanOrEqual(
          suggestLevel(levels, competency, lo).level.autonomy,
        );
      }),
    );
  });

  it("a balanced match sits in the middle", () => {
    expect(targetAutonomy(3, 3)).toBe(0.5);
    expect(suggestLevel(m30, 3, 3).level.label).toBe("Agree");
  });
});

describe("fit and mapping", () => {
  it("tells tighter, matching and looser apart", () => {
    expect(fitOf({ autonomy: 0 }, { autonomy: 0.5 })).toBe("tighter");
    expect(fitOf({ autonomy: 0.5 }, { autonomy: 0.5 })).toBe("matches");
    expect(fitOf({ autonomy: 1 }, { autonomy: 0.5 })).toBe("looser");
  });

  it("maps every level to the nearest of the new spectrum, keeping the order", () => {
    const mapped = mapLevels(m30, sl);
    expect(m30.map((l) => mapped.get(l.id)!.label)).toEqual([
      // Ties (sell, agree, inquire sit halfway) go to the lower level.
      "Directing",
      "Directing",
      "Coaching",
      "Coaching",
      "Supporting",
      "Supporting",
      "Delegating",
    ]);
    fc.assert(
      fc.property(spectrum, spectrum, (from, to) => {
        const m = mapLevels(from, to);
        const autonomies = from.map((l) => m.get(l.id)!.autonomy);
        expect([...autonomies].sort((a, b) => a - b)).toEqual(autonomies);
      }),
    );
  });
});

describe("tighterCombinations", () => {
  it("lists exactly the (competency, criticality, level) triples that review() would call tighter", () => {
    fc.assert(
      fc.property(spectrum, score, score, (levels, competency, criticality) => {
        const keys = new Set(tighterCombinations(levels));
        const suggested = suggestLevel(levels, competency, criticality).level;
        for (const level of levels) {
          expect(keys.has(`${competency}:${criticality}:${level.id}`)).toBe(fitOf(level, suggested) === "tighter");
        }
      }),
    );
  });
});
