/**
 * Spaces out starts: at most `perSecond` a second, one every 1000/perSecond
 * ms, however many wait. Unlike a token bucket it allows no burst, which is
 * the point where it is used (metric pulls after a restart: a catch-up of
 * hundreds of due pulls must not take the two cores from the pages being
 * served). A start that comes after a quiet spell goes at once.
 */
export class Pacer {
  private nextAt = 0;
  private readonly gapMs: number;

  constructor(
    perSecond: number,
    private readonly clock: { now: () => number; sleep: (ms: number) => Promise<void> } = {
      now: () => performance.now(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    },
  ) {
    if (!(perSecond > 0)) throw new RangeError("A pace needs a positive rate.");
    this.gapMs = 1000 / perSecond;
  }

  /** Resolves at this caller's slot: now if the last slot is past, else one gap after the last. */
  async next(): Promise<void> {
    const now = this.clock.now();
    const at = Math.max(now, this.nextAt);
    this.nextAt = at + this.gapMs;
    if (at > now) await this.clock.sleep(at - now);
  }
}
