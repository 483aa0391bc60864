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

describe("password checks under a flood of hashes", () => {
  it("a sign-in's check queued behind many sign-up hashes runs before them", async () => {
    const stored = await hashPassword("the user's password");
    const finished: string[] = [];
    const flood = Array.from({ length: 4 * HASH_CONCURRENCY }, (_, i) =>
      hashPassword(`sign-up ${i}`).then(() => void finished.push("hash")),
    );
    const check = verifyPassword(stored, "the user's password").then((ok) => void finished.push(ok ? "check" : "wrong"));
    await Promise.all([...flood, check]);
    // It takes the first slot that frees up, so only the hashes already running
    // when it queued, and the few that run beside it, can finish before it; in
    // line (no priority) it would finish last, after all ${4 * HASH_CONCURRENCY}.
    expect(finished.indexOf("check")).toBeLessThanOrEqual(2 * HASH_CONCURRENCY);
  });
});
