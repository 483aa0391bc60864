import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CursorError, decodeCursor, encodeCursor, pageOf } from "./keyset";

const key = z.tuple([z.string(), z.number(), z.string().uuid()]);

describe("keyset cursors", () => {
  it("round-trips a key, accents and all", () => {
    const value = ["Zoë ✓", 3, "8d0c5f5e-4b8e-4a64-9a1e-1f6c6b6a2d11"] as const;
    const cursor = encodeCursor(value);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, key)).toEqual(value);
  });

  it("reads no cursor as the first page", () => {
    expect(decodeCursor(undefined, key)).toBeUndefined();
    expect(decodeCursor(null, key)).toBeUndefined();
    expect(decodeCursor("", key)).toBeUndefined();
  });

  it("refuses a cursor that is not base64 JSON or not this list's key", () => {
    expect(() => decodeCursor("!!!", key)).toThrow(CursorError);
    expect(() => decodeCursor(encodeCursor(["a", "b"]), key)).toThrow(CursorError);
    expect(() => decodeCursor("bm90IGpzb24", key)).toThrow(CursorError);
  });

  it("makes a page of limit rows with the last row's key, and no cursor at the end", () => {
    const rows = [1, 2, 3, 4].map((n) => ({ n }));
    const first = pageOf(rows, 3, (r) => [r.n]);
    expect(first.items).toHaveLength(3);
    expect(decodeCursor(first.nextCursor, z.tuple([z.number()]))).toEqual([3]);
    expect(pageOf(rows.slice(0, 3), 3, (r) => [r.n]).nextCursor).toBeNull();
  });
});
