import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createMetricInput } from "../validators/targets";
import { metricColumns } from "./metric-columns";

const targetId = randomUUID();
const columnsOf = (raw: Record<string, unknown>) => metricColumns(createMetricInput.parse({ targetId, name: "M", ...raw }));

describe("metricColumns", () => {
  it("a milestone keeps no unit, direction or numbers", () => {
    expect(columnsOf({ kind: "milestone", unit: "ms", direction: "higher", baseline: 1, goal: 2, warning: 3 })).toEqual({
      name: "M",
      kind: "milestone",
      unit: null,
      direction: null,
      baseline: null,
      goal: null,
      bandLow: null,
      bandHigh: null,
      warning: null,
    });
  });

  it("a band keeps its band and drops baseline and goal", () => {
    expect(columnsOf({ direction: "band", baseline: 1, goal: 2, bandLow: 10, bandHigh: 20, unit: "%" })).toMatchObject({
      direction: "band",
      baseline: null,
      goal: null,
      bandLow: 10,
      bandHigh: 20,
      unit: "%",
    });
  });

  it("higher or lower keeps baseline and goal and drops the band", () => {
    expect(columnsOf({ direction: "lower", baseline: 800, goal: 300, bandLow: 1, bandHigh: 2, warning: 900 })).toMatchObject({
      direction: "lower",
      baseline: 800,
      goal: 300,
      bandLow: null,
      bandHigh: null,
      warning: 900,
    });
  });
});
