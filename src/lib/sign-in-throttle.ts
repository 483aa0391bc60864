/**
 * Sign-in, sign-up and password-check limits (README "Accounts" states them).
 *
 * A stranger's guesses must not lock the real user out, yet a guesser spread
 * over many addresses must get only a bounded number of tries per account:
 * - per (account, address): attempts are refused past PAIR_ATTEMPT_LIMIT in
 *   PAIR_WINDOW_SECONDS; a success clears the pair;
 * - per account, across addresses: every attempt is delayed by
 *   signInDelayMs(attempts in ACCOUNT_WINDOW_SECONDS), and addresses that have
 *   never signed in to the account are refused past ACCOUNT_ATTEMPT_LIMIT;
 *   addresses that have (its "known" addresses) only ever meet the pair limit;
 * - per address, across accounts (spraying): unknown pairs are refused past
 *   ADDRESS_ATTEMPT_LIMIT in PAIR_WINDOW_SECONDS.
 * Addresses are counted per IPv4 address and per IPv6 /64 (see throttleAddress).
 */
export const PAIR_ATTEMPT_LIMIT = 5;
export const PAIR_WINDOW_SECONDS = 15 * 60;
export const ACCOUNT_ATTEMPT_LIMIT = 20;
export const ACCOUNT_WINDOW_SECONDS = 60 * 60;
export const ADDRESS_ATTEMPT_LIMIT = 100;
/** How long an address stays known after its last successful sign-in. */
export const KNOWN_ADDRESS_SECONDS = 90 * 24 * 60 * 60;

/** Sign-ups per address (an office may onboard a few colleagues at once). */
export const SIGN_UP_LIMIT = 10;
export const SIGN_UP_WINDOW_SECONDS = 60 * 60;

/** Wrong current passwords (change password, delete account) per user. */
export const PASSWORD_CHECK_LIMIT = 5;
export const PASSWORD_CHECK_WINDOW_SECONDS = 15 * 60;

/** Account-wide attempts in the window that go without delay. */
const FREE_ATTEMPTS = 3;
const FIRST_DELAY_MS = 250;
export const MAX_SIGN_IN_DELAY_MS = 3_000;

/**
 * The delay before checking the password of the `attempt`-th account-wide
 * attempt of the window: none for the first three, then 250 ms doubling to a
 * cap of 3 s. It slows a guesser without refusing the real user.
 */
export function signInDelayMs(attempt: number): number {
  if (attempt <= FREE_ATTEMPTS) return 0;
  return Math.min(MAX_SIGN_IN_DELAY_MS, FIRST_DELAY_MS * 2 ** (attempt - FREE_ATTEMPTS - 1));
}

/** Whole minutes until a limit lets the next attempt through, at least 1. */
export function minutesFrom(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 60_000));
}
