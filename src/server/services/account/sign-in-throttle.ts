import type { Db } from "../../db/types";
import { throttleAddress } from "@/lib/client-address";
import { ACCOUNT_ATTEMPT_LIMIT, KNOWN_ADDRESS_SECONDS, minutesFrom, signInDelayMs } from "@/lib/sign-in-throttle";
import { consume, limitersFor, sweepRateLimits } from "./rate-limits";

export type ThrottleKeys = { email: string; clientAddress: string | null };

export type ThrottleVerdict = { allowed: true; delayMs: number; knownAddress: boolean } | { allowed: false; retryAfterMinutes: number };

function keysOf({ email, clientAddress }: ThrottleKeys) {
  const address = throttleAddress(clientAddress);
  return { account: email, address, pair: `${email}|${address}` };
}

/**
 * Counts one sign-in attempt before the password is checked (the rules are in
 * src/lib/sign-in-throttle.ts). Each count is one atomic upsert, so parallel
 * guesses cannot slip past a limit. An allowed attempt says how long to wait
 * before checking the password: the account-wide delay.
 */
export async function countSignInAttempt(db: Db, keys: ThrottleKeys): Promise<ThrottleVerdict> {
  const limiters = limitersFor(db);
  const { account, address, pair } = keysOf(keys);
  const knownAddress = (await limiters.known.get(pair)) !== null;

  const byPair = await consume(limiters.pair, pair);
  if (!byPair.allowed) return refused(byPair.msBeforeNext);
  if (!knownAddress) {
    // Spraying many accounts from one address; a user's own address is exempt.
    const byAddress = await consume(limiters.address, address);
    if (!byAddress.allowed) return refused(byAddress.msBeforeNext);
  }
  const byAccount = await consume(limiters.account, account);
  // The hard cap that bounds a guesser spread over many addresses: only
  // addresses the account has signed in from before get past it.
  if (!knownAddress && byAccount.points > ACCOUNT_ATTEMPT_LIMIT) return refused(byAccount.msBeforeNext);
  return { allowed: true, delayMs: signInDelayMs(byAccount.points), knownAddress };
}

function refused(msBeforeNext: number): ThrottleVerdict {
  return { allowed: false, retryAfterMinutes: minutesFrom(msBeforeNext) };
}

/**
 * A successful sign-in clears its (account, address) pair, takes back its own
 * attempt from the account and the address (not the others': a stranger's
 * count stays), and makes the address known to the account. It also sweeps
 * long-expired counters.
 */
export async function recordSignInSuccess(db: Db, keys: ThrottleKeys, verdict: { knownAddress: boolean }): Promise<void> {
  const limiters = limitersFor(db);
  const { account, address, pair } = keysOf(keys);
  await limiters.pair.delete(pair);
  await limiters.account.reward(account, 1);
  if (!verdict.knownAddress) await limiters.address.reward(address, 1);
  await limiters.known.set(pair, 1, KNOWN_ADDRESS_SECONDS);
  await sweepRateLimits(db);
}
