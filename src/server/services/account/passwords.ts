import { availableParallelism } from "node:os";
import { hash, verify } from "@node-rs/argon2";
import { Semaphore, SemaphoreBusy } from "@/lib/semaphore";
import { AppError } from "../kernel/errors";

// OWASP's argon2id recommendation (19 MiB, 2 iterations, 1 lane).
// `algorithm: 2` is Argon2id (the package's const enum cannot be imported under isolatedModules).
const OPTIONS = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/**
 * Every argon2 hash and verify of this process takes a slot: each costs about
 * 19 MiB and a core for tens of milliseconds, so unbounded, a flood of sign-ups
 * would take every core from sign-ins. Checks of a password (sign-in, current
 * password) go before hashes of a new one (sign-up, change password). A caller
 * that would wait past the bound gets "busy, try again" rather than a hung request.
 */
export const HASH_CONCURRENCY = Math.min(4, Math.max(2, availableParallelism()));
export const hashSlots = new Semaphore(HASH_CONCURRENCY, { maxWaitMs: 10_000, maxQueue: 200 });

async function inSlot<T>(task: () => Promise<T>, priority: "urgent" | "normal"): Promise<T> {
  try {
    return await hashSlots.run(task, priority);
  } catch (error) {
    if (error instanceof SemaphoreBusy) {
      throw new AppError("TOO_MANY_REQUESTS", "The server is busy. Try again in a moment.");
    }
    throw error;
  }
}

export function hashPassword(password: string): Promise<string> {
  return inSlot(() => hash(password, OPTIONS), "normal");
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return inSlot(async () => {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }, "urgent");
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real check, so a sign-in for an unknown email
 * cannot be told apart from a wrong password by how long it takes.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("intersect-timing-equaliser").catch((error: unknown) => {
    dummyHash = undefined; // a busy refusal is not remembered
    throw error;
  });
  await verifyPassword(await dummyHash, password);
  return false;
}
