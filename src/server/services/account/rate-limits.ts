import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { eq, like, lt, or } from "drizzle-orm";
import type { Db } from "../../db/types";
import { rateLimits } from "../../db/schema/index";
import {
  ACCOUNT_WINDOW_SECONDS,
  ADDRESS_ATTEMPT_LIMIT,
  KNOWN_ADDRESS_SECONDS,
  PAIR_ATTEMPT_LIMIT,
  PAIR_WINDOW_SECONDS,
  PASSWORD_CHECK_LIMIT,
  PASSWORD_CHECK_WINDOW_SECONDS,
  SIGN_UP_LIMIT,
  SIGN_UP_WINDOW_SECONDS,
} from "@/lib/sign-in-throttle";
import { positiveIntegerOr } from "@/lib/positive-integer";

/**
 * The counters of sign-in, sign-up and password checks: rate-limiter-flexible's
 * Drizzle store over the `rate_limits` table, so they work on PGlite and on
 * PostgreSQL alike and every instance shares them. Each consume is one atomic
 * upsert, so parallel attempts cannot slip past a limit.
 */
export type Limiters = ReturnType<typeof makeLimiters>;

function makeLimiters(db: Db) {
  const limiter = (keyPrefix: string, points: number, duration: number) =>
    // Expired rows are swept by sweepRateLimits, not by a timer per limiter.
    new RateLimiterDrizzle({ storeClient: db, schema: rateLimits, keyPrefix, points, duration, clearExpiredByTimeout: false });
  return {
    /** Attempts per (account, address). */
    pair: limiter("signin-pair", PAIR_ATTEMPT_LIMIT, PAIR_WINDOW_SECONDS),
    /**
     * Attempts per account from every address; its own limit is never what
     * refuses (the caller compares with ACCOUNT_ATTEMPT_LIMIT for unknown addresses).
     */
    account: limiter("signin-account", Number.MAX_SAFE_INTEGER, ACCOUNT_WINDOW_SECONDS),
    /** Attempts per address on accounts it is not known to. */
    address: limiter("signin-address", ADDRESS_ATTEMPT_LIMIT, PAIR_WINDOW_SECONDS),
    /** (account, address) pairs that signed in successfully: one point, kept for months. */
    known: limiter("signin-known", 1, KNOWN_ADDRESS_SECONDS),
    signUp: limiter("signup-address", signUpLimit(), SIGN_UP_WINDOW_SECONDS),
    passwordCheck: limiter("password-check", PASSWORD_CHECK_LIMIT, PASSWORD_CHECK_WINDOW_SECONDS),
  };
}

/** SIGN_UP_LIMIT in the environment raises the default (the e2e suite signs up dozens of users from one address). */
function signUpLimit(): number {
  return positiveIntegerOr(process.env.SIGN_UP_LIMIT, SIGN_UP_LIMIT);
}

const cache = new WeakMap<Db, Limiters>();

export function limitersFor(db: Db): Limiters {
  let limiters = cache.get(db);
  if (!limiters) cache.set(db, (limiters = makeLimiters(db)));
  return limiters;
}

/** Points consumed in the window so far (this one included) and the time until the window ends. */
export type Consumed = { allowed: boolean; points: number; msBeforeNext: number };

/**
 * Consumes one point: the library rejects with a RateLimiterRes past the
 * limit, and with an Error when the store fails (that one is rethrown).
 */
export async function consume(limiter: RateLimiterDrizzle, key: string): Promise<Consumed> {
  try {
    const res = await limiter.consume(key);
    return { allowed: true, points: res.consumedPoints, msBeforeNext: res.msBeforeNext };
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      return { allowed: false, points: error.consumedPoints, msBeforeNext: error.msBeforeNext };
    }
    throw error;
  }
}

/** Deletes counters that expired over a day ago, so sprayed emails do not grow the table. */
export async function sweepRateLimits(db: Db, now = new Date()): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.expire, new Date(now.getTime() - 24 * 60 * 60 * 1000)));
}

/** Deletes the counters of an account that is deleted: its sign-in pairs, known addresses and checks. */
export async function forgetAccount(db: Db, account: { email: string; userId: string }): Promise<void> {
  const escaped = account.email.replace(/[\\%_]/g, (c) => `\\${c}`);
  await db
    .delete(rateLimits)
    .where(
      or(
        like(rateLimits.key, `signin-pair:${escaped}|%`),
        like(rateLimits.key, `signin-known:${escaped}|%`),
        eq(rateLimits.key, `signin-account:${account.email}`),
        eq(rateLimits.key, `password-check:${account.userId}`),
      ),
    );
}
