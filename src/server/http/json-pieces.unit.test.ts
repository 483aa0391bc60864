import { describe, expect, it } from "vitest";
import { jsonPieces } from "./json-pieces";

const joined = (value: unknown, space?: number, depth?: number) => [...jsonPieces(value, space, depth)].join("");

describe("JSON in pieces", () => {
  const file = {
    format: "intersect-export",
    version: 2,
    exportedAt: new Date("2026-12-01T10:00:00Z"),
    skipped: undefined,
    account: { name: 'Zoë "Z" \n', ladderLabels: {} },
    tables: {
      people: [
        { id: "a", managerId: null, tags: ["x", "y"], at: new Date(0), nested: { deep: [1, { two: 2 }] }, gone: undefined },
        { id: "b", empty: [], none: {} },
      ],
      check_ins: [],
      odd: [undefined, () => 1, 3, null],
    },
  };

  it("joined, is exactly JSON.stringify's text, at any depth and indentation", () => {
    for (const depth of [0, 1, 2, 3, 6]) {
      for (const space of [0, 2, 4])
        expect(joined(file, space, depth), `depth ${depth}, space ${space}`).toBe(JSON.stringify(file, null, space));
    }
  });

  it("writes scalars, empty and top-level lists and objects as JSON.stringify does", () => {
    for (const value of [1, "x", null, true, [], {}, [[]], [{}], { a: [] }, [1, [2, [3]]], Object.create(null)]) {
      expect(joined(value)).toBe(JSON.stringify(value, null, 2));
    }
    expect(joined(undefined)).toBe("");
  });

  it("a large list is many pieces, not one", () => {
    const rows = Array.from({ length: 1_000 }, (_, i) => ({ i }));
    expect([...jsonPieces({ tables: { rows } })].length).toBeGreaterThan(1_000);
  });
});
