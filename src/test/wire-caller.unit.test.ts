import { describe, expect, it } from "vitest";
import { overTheWire } from "./wire-caller";

// A stand-in for tRPC's caller: nested functions, as `caller.targets.list`.
const fakeCaller = () => {
  const list = async (input: { since: Date }) => ({ since: input.since, isDate: input.since instanceof Date, rows: [1] });
  const bad = async () => ({ byId: new Map([["a", 1]]) });
  return Object.assign(() => undefined, { targets: Object.assign(() => undefined, { list, bad }) });
};

describe("a test caller over the wire", () => {
  it("sends the input across and gives the answer back as the browser would read it", async () => {
    const since = new Date("2026-12-02T09:00:00.000Z");
    const answer = await overTheWire(fakeCaller()).targets.list({ since });
    expect(answer).toEqual({ since, isDate: true, rows: [1] });
  });

  it("fails the call whose answer the wire cannot carry, naming where", async () => {
    await expect(overTheWire(fakeCaller()).targets.bad()).rejects.toThrow(/byId/);
  });
});
