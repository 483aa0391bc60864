/** Sign-in throttling limits: failures counted in a fixed window per key. */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Failed attempts on one account within the window before it is refused. */
export const ACCOUNT_FAILURE_LIMIT = 10;
/**
 * Failed attempts from one client address within the window. Higher than the
 * account limit: an office behind one address has many users.
 */
export const ADDRESS_FAILURE_LIMIT = 100;

export function minutesUntil(windowStartedAt: Date, now: Date): number {
  const remaining = windowStartedAt.getTime() + THROTTLE_WINDOW_MS - now.getTime();
  return Math.max(1, Math.ceil(remaining / 60_000));
}
