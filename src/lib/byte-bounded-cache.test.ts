import { describe, expect, it } from "vitest";
import { ByteBoundedCache, stringBytes } from "./byte-bounded-cache";

describe("ByteBoundedCache", () => {
  const make = (maxBytes: number) => new ByteBoundedCache<string>(maxBytes, (k, v) => stringBytes(k) + stringBytes(v));

  it("stays under its byte cap however many large keys come in", () => {
    const cache = make(1_000_000);
    const big = "x".repeat(16 * 1024);
    for (let i = 0; i < 10_000; i++) {
      cache.set(`${i}:${big}`, "claims");
      expect(cache.bytes).toBeLessThanOrEqual(1_000_000);
    }
    expect(cache.size).toBeGreaterThan(0);
    expect(cache.size).toBeLessThanOrEqual(Math.floor(1_000_000 / (16 * 1024 * 2)));
  });

  it("evicts the least recently used entry first", () => {
    const cache = make(3 * stringBytes("k0v0"));
    cache.set("k0", "v0");
    cache.set("k1", "v1");
    cache.set("k2", "v2");
    expect(cache.get("k0")).toBe("v0");
    cache.set("k3", "v3");
    expect(cache.get("k1")).toBeUndefined();
    expect(cache.get("k0")).toBe("v0");
    expect(cache.get("k2")).toBe("v2");
    expect(cache.get("k3")).toBe("v3");
  });

  it("counts a replaced value once, and refuses one larger than the whole cache", () => {
    const cache = make(100);
    cache.set("a", "1");
    cache.set("a", "22");
    expect(cache.bytes).toBe(stringBytes("a22"));
    cache.set("huge", "y".repeat(200));
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.bytes).toBe(stringBytes("a22"));
  });
});
