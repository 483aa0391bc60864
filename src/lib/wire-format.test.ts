import fc from "fast-check";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { deserialize, serialize } from "./wire-format";

/** Through the wire as tRPC sends it: serialised, stringified, parsed, deserialised. */
const across = (value: unknown) => deserialize(JSON.parse(JSON.stringify(serialize(value))));

// What the app's answers and inputs are made of: plain objects (no undefined
// fields: JSON leaves them out, see below), arrays (holes included), strings,
// numbers of every kind, booleans, null and Dates, valid or not.
// "__proto__" as a field name has its own test below (superjson refuses it).
// "constructor" too: vitest's strict equality reads it as the object's type (it has its own test).
const key = fc
  .oneof(fc.string(), fc.constantFrom("prototype", "toString"))
  .filter((name) => name !== "__proto__" && name !== "constructor");
// superjson refuses fields it counts as a pollution risk.
const superjsonKey = fc.string().filter((name) => !["__proto__", "constructor", "prototype"].includes(name));

function values(invalidDates: boolean, keys = key) {
  const leaf = fc.oneof(
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.date({ noInvalidDate: !invalidDates }),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  );
  return fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      leaf,
      fc.array(fc.oneof(tie("value"), fc.constant(undefined))),
      fc.dictionary(keys, tie("value"), { noNullPrototype: true }),
    ),
  })).value;
}

describe("the wire format", () => {
  it("gives back what it was given, Dates as Dates, on generated values", () => {
    fc.assert(
      fc.property(values(true), (original) => {
        expect(across(original)).toStrictEqual(original);
      }),
      { numRuns: 1000 },
    );
  });

  // superjson turns an invalid Date into null; this format keeps it a Date.
  it("gives back what superjson gives back, for everything both carry", () => {
    fc.assert(
      fc.property(values(false, superjsonKey), (original) => {
        expect(across(original)).toStrictEqual(superjson.parse(superjson.stringify(original)));
      }),
    );
  });

  it("sends no marks when there is nothing JSON would lose", () => {
    expect(serialize({ items: [{ id: "a", n: 1 }], nextCursor: null })).toEqual({
      json: { items: [{ id: "a", n: 1 }], nextCursor: null },
    });
  });

  it("carries a Date, NaN or undefined at the top", () => {
    const at = new Date("2026-12-02T10:00:00.000Z");
    expect(across(at)).toEqual(at);
    expect(across(Number.NaN)).toBeNaN();
    expect(deserialize(JSON.parse(JSON.stringify(serialize(undefined))))).toBeUndefined();
  });

  it("keeps -0 and a field named __proto__ as data", () => {
    expect(Object.is(across(-0), -0)).toBe(true);
    const parsed = JSON.parse('{"__proto__":{"polluted":true},"a":1}') as Record<string, unknown>;
    const back = across(parsed) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(["__proto__", "a"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("carries fields named constructor and prototype as data, with marks inside them", () => {
    const at = new Date("2026-12-02T10:00:00.000Z");
    const back = across({ constructor: { at }, prototype: [Number.NaN] }) as { constructor: { at: Date }; prototype: number[] };
    expect(back.constructor.at).toEqual(at);
    expect(back.prototype[0]).toBeNaN();
  });

  it("leaves an undefined field out, as JSON does", () => {
    expect(across({ a: 1, b: undefined })).toStrictEqual({ a: 1 });
  });

  it.each([
    ["a Map", new Map([["a", 1]])],
    ["a Set", new Set([1])],
    ["a bigint", 1n],
    ["a class instance", new (class Money {})()],
    ["a function", () => 1],
    ["a typed array", new Uint8Array(2)],
  ])("refuses %s rather than send something else, saying where", (_, bad) => {
    expect(() => serialize({ rows: [{ value: bad }] })).toThrow(/rows\.0\.value/);
  });

  it("refuses marks that would reach a prototype or lead nowhere (the server reads them from anyone)", () => {
    const attempts = [
      { json: {}, marks: [[["__proto__", "polluted"], "D"]] },
      { json: { a: {} }, marks: [[["a", "constructor", "prototype"], "U"]] },
      { json: { a: 1 }, marks: [[["b"], "D"]] },
      { json: { a: 1 }, marks: [[["a", "b"], "N"]] },
      { json: { a: 1 }, marks: [[["a"], "X"]] },
      { json: { a: 1 }, marks: "a" },
      { json: { a: 1 }, marks: [["a", "D"]] },
      { json: { a: 1 }, marks: [[["a"], "D"]] },
      [1, 2],
      null,
      "text",
    ];
    for (const attempt of attempts) expect(() => deserialize(attempt)).toThrow(TypeError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
