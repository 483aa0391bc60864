import { sql } from "drizzle-orm";
import type { Db } from "../db/types";
import { signInThrottle } from "../db/schema";
import {
  ACCOUNT_FAILURE_LIMIT,
  ADDRESS_FAILURE_LIMIT,
  THROTTLE_WINDOW_MS,
  minutesUntil,
} from "@/lib/sign-in-throttle";

export type ThrottleKeys = { email: string; clientAddress: string | null };

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMinutes: number };

function keysOf({ email, clientAddress }: ThrottleKeys) {
  return {
    account: `account:${email}`,
    address: clientAddress ? `address:${clientAddress}` : null,
  };
}

/**
 * Counts one attempt against the account and the client address before the
 * password is checked, in one atomic upsert each, so parallel guesses cannot
 * slip past the limit. A counter whose window has passed starts again at 1.
 */
async function countAttempt(db: Db, key: string, now: Date) {
  // Dates inside raw SQL go as ISO strings: postgres.js would send Date#toString().
  const cutoff = sql`${new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString()}::timestamptz`;
  const at = sql`${now.toISOString()}::timestamptz`;
  const [row] = await db
    .insert(signInThrottle)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        failures: sql`case when ${signInThrottle.windowStartedAt} <= ${cutoff} then 1 else ${signInThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${signInThrottle.windowStartedAt} <= ${cutoff} then ${at} else ${signInThrottle.windowStartedAt} end`,
      },
    })
    .returning();
  return row!;
}

export async function countSignInAttempt(
  db: Db,
  keys: ThrottleKeys,
  now = new Date(),
): Promise<ThrottleVerdict> {
  const { account, address } = keysOf(keys);
  const accountRow = await countAttempt(db, account, now);
  // Attempts beyond the limit keep counting, but the verdict is what matters.
  if (accountRow.failures > ACCOUNT_FAILURE_LIMIT) {
    return { allowed: false, retryAfterMinutes: minutesUntil(accountRow.windowStartedAt, now) };
  }
  if (address) {
    const addressRow = await countAttempt(db, address, now);
    if (addressRow.failures > ADDRESS_FAILURE_LIMIT) {
      return { allowed: false, retryAfterMinutes: minutesUntil(addressRow.windowStartedAt, now) };
    }
  }
  return { allowed: true };
}

/**
 * A successful sign-in clears the account's count and takes back its own
 * attempt from the address. It also sweeps counters whose window ended a day
 * ago, so sprayed emails do not make the table grow without bound.
 */
export async function forgiveSignInAttempt(db: Db, keys: ThrottleKeys, now = new Date()): Promise<void> {
  const { account, address } = keysOf(keys);
  const stale = new Date(now.getTime() - THROTTLE_WINDOW_MS - 24 * 60 * 60 * 1000).toISOString();
  await db
    .delete(signInThrottle)
    .where(sql`${signInThrottle.key} = ${account} or ${signInThrottle.windowStartedAt} < ${stale}::timestamptz`);
  if (address) {
    await db
      .update(signInThrottle)
      .set({ failures: sql`greatest(${signInThrottle.failures} - 1, 0)` })
      .where(sql`${signInThrottle.key} = ${address}`);
  }
}
