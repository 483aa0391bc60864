import { describe, expect, it } from "vitest";
import { countBy, groupBy } from "./group-by";

describe("groupBy and countBy", () => {
  const rows = [
    { person: "a", level: 1 },
    { person: "b", level: 2 },
    { person: "a", level: 3 },
  ];

  it("groups in the order items come, keeping each group's order", () => {
    expect([...groupBy(rows, (r) => r.person)]).toEqual([
      ["a", [rows[0], rows[2]]],
      ["b", [rows[1]]],
    ]);
    expect(groupBy([], (r: { person: string }) => r.person).size).toBe(0);
  });

  it("counts per key", () => {
    expect(Object.fromEntries(countBy(rows, (r) => r.person))).toEqual({ a: 2, b: 1 });
  });
});
