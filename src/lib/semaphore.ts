/**
 * At most `limit` holders at once; the others wait in line, urgent ones first
 * (sign-in checks before sign-up hashes, so a flood of sign-ups cannot starve
 * sign-ins). A wait is bounded: past `maxWaitMs`, or when `maxQueue` already
 * wait, `acquire` rejects with SemaphoreBusy instead of queueing forever.
 */
export class SemaphoreBusy extends Error {
  constructor() {
    super("Too many waiting for a slot.");
    this.name = "SemaphoreBusy";
  }
}

type Waiter = { grant: () => void; timer: ReturnType<typeof setTimeout> };

export class Semaphore {
  private active = 0;
  private readonly queues: { urgent: Waiter[]; normal: Waiter[] } = { urgent: [], normal: [] };

  constructor(
    readonly limit: number,
    private readonly options: { maxWaitMs: number; maxQueue: number },
  ) {}

  get running(): number {
    return this.active;
  }

  get waiting(): number {
    return this.queues.urgent.length + this.queues.normal.length;
  }

  /** Runs `task` once a slot is free, and frees the slot when it settles. */
  async run<T>(task: () => Promise<T>, priority: "urgent" | "normal" = "normal"): Promise<T> {
    await this.acquire(priority);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(priority: "urgent" | "normal"): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    if (this.waiting >= this.options.maxQueue) return Promise.reject(new SemaphoreBusy());
    const queue = this.queues[priority];
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
        timer: setTimeout(() => {
          queue.splice(queue.indexOf(waiter), 1);
          reject(new SemaphoreBusy());
        }, this.options.maxWaitMs),
      };
      queue.push(waiter);
    });
  }

  private release(): void {
    // The slot passes straight to the next waiter, so `active` stays the same.
    const next = this.queues.urgent.shift() ?? this.queues.normal.shift();
    if (next) next.grant();
    else this.active--;
  }
}
