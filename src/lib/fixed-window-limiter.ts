/**
 * Counts hits per key in fixed windows (60 a minute, say) and says when a key
 * is over. In memory: the counts are per process. Memory is bounded: a key
 * whose window has passed is worth nothing and is swept once the map grows,
 * and past `maxKeys` even live windows go, oldest first (their keys then start
 * afresh, which errs on the side of letting a request through).
 */
export type LimiterVerdict = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export class FixedWindowLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 50_000,
  ) {}

  get size(): number {
    return this.windows.size;
  }

  hit(key: string, now = Date.now()): LimiterVerdict {
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= this.windowMs) {
      this.windows.delete(key);
      window = { startedAt: now, count: 0 };
      this.windows.set(key, window);
      this.bound(now);
    }
    if (window.count >= this.limit) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.startedAt + this.windowMs - now) / 1000)) };
    }
    window.count++;
    return { allowed: true, remaining: this.limit - window.count };
  }

  private bound(now: number) {
    if (this.windows.size <= this.maxKeys) return;
    // Insertion order is the order windows started: the first ones are the oldest.
    for (const [key, window] of this.windows) {
      if (this.windows.size <= this.maxKeys && now - window.startedAt < this.windowMs) break;
      this.windows.delete(key);
    }
  }
}
