import { describe, expect, it } from "vitest";
import { HASH_CONCURRENCY, hashPassword, hashSlots, verifyPassword } from "./passwords";

describe("password hashing", () => {
  it(`runs at most ${HASH_CONCURRENCY} argon2 hashes and checks at once; the rest wait their turn`, async () => {
    let peak = 0;
    let queued = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, hashSlots.running);
      queued = Math.max(queued, hashSlots.waiting);
    }, 1);
    const hashes = await Promise.all(Array.from({ length: 3 * HASH_CONCURRENCY }, (_, i) => hashPassword(`password ${i}`)));
    const checks = await Promise.all(hashes.map((h, i) => verifyPassword(h, `password ${i}`)));
    clearInterval(sampler);
    expect(peak).toBe(HASH_CONCURRENCY);
    expect(queued).toBeGreaterThan(0);
    expect(checks.every(Boolean)).toBe(true);
    expect(hashSlots.running).toBe(0);
  });
});
