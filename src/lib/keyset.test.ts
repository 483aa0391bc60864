import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CursorError, decodeCursor, encodeCursor, LONGEST_KEY_TEXT, MAX_CURSOR_LENGTH, pageInput, pageOf } from "./keyset";
import { personFields } from "./validators/people";
import { targetFields } from "./validators/targets";

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

  it("bounds the cursor to fit the longest key of every list, and no longer", () => {
    const longest = (schema: z.ZodType, max: number) => {
      // "長" is three bytes of UTF-8, the most a character the validators accept takes.
      expect(schema.safeParse("長".repeat(max)).success).toBe(true);
      expect(schema.safeParse("長".repeat(max + 1)).success).toBe(false);
      return "長".repeat(max);
    };
    const name = longest(personFields.shape.name, 120);
    const title = longest(personFields.shape.title, 120);
    const targetTitle = longest(targetFields.shape.title, 200);
    expect(Math.max(name.length + title.length, targetTitle.length)).toBeLessThanOrEqual(LONGEST_KEY_TEXT);
    const id = "8d0c5f5e-4b8e-4a64-9a1e-1f6c6b6a2d11";
    const keys = [
      ["manager", "desc", name, name, id], // people.list by manager (or title): two texts
      ["title", "desc", title, name, id],
      ["level", "desc", 99, "manager", name, id],
      [4, "2026-12-31", targetTitle, id], // the targets list
      ["2026-12-31", targetTitle, id], // the tree page
      [name, id], // the 1:1s' former people
      ["2026-12-01 22:05:04.123456+00", id], // every (time, id) list
    ];
    const cursor = z.object(pageInput).shape.cursor;
    for (const key of keys) expect(cursor.safeParse(encodeCursor(key)).success, String(key[0])).toBe(true);
    expect(cursor.safeParse("x".repeat(MAX_CURSOR_LENGTH + 1)).success).toBe(false);
  });
});
