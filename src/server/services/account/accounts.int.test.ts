import { eq, like, sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { authSessions, rateLimits, users } from "@/server/db/schema/index";
import { useTestDatabase } from "@/test/database";
import { createUser, TEST_PASSWORD } from "@/test/factories";
import {
  ACCOUNT_ATTEMPT_LIMIT,
  ACCOUNT_WINDOW_SECONDS,
  ADDRESS_ATTEMPT_LIMIT,
  MAX_SIGN_IN_DELAY_MS,
  PAIR_ATTEMPT_LIMIT,
  SIGN_UP_LIMIT,
} from "@/lib/sign-in-throttle";
import { createAccount, signInWithPassword, signUp, type SignInResult } from "./accounts.write";
import { AppError } from "../kernel/errors";
import { endSession, resolveSession } from "./sessions";
import { countSignInAttempt } from "./sign-in-throttle";

const database = useTestDatabase();
const unique = () => Math.random().toString(36).slice(2, 10);

describe("sign-up", () => {
  it("creates an account with an argon2id hash and a normalised email", async () => {
    const email = `New.Person-${unique()}@Example.com`;
    const account = await createAccount(database.current.db, { name: "  New Person ", email, password: "long enough pw" });
    expect(account).toMatchObject({ name: "New Person", email: email.toLowerCase(), timeZone: "UTC" });
    const [row] = await database.current.db.select().from(users).where(eq(users.id, account.id));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row!.passwordHash).not.toContain("long enough pw");
  });

  it("refuses an email already taken, whatever its case, as a field error", async () => {
    const email = `taken-${unique()}@example.com`;
    await createAccount(database.current.db, { name: "First", email, password: "long enough pw" });
    const attempt = createAccount(database.current.db, { name: "Second", email: email.toUpperCase(), password: "other password" });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { email: expect.any(String) } });
  });

  it(`refuses more than ${SIGN_UP_LIMIT} sign-ups an hour from one address, counting IPv6 per /64`, async () => {
    const prefix = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:1`;
    const account = (i: number) => ({ name: "Flood", email: `flood-${i}-${unique()}@example.com`, password: "long enough pw" });
    for (let i = 0; i < SIGN_UP_LIMIT; i++) await signUp(database.current.db, account(i), `${prefix}::${i + 1}`);
    const refused = signUp(database.current.db, account(99), `${prefix}:ffff:ffff:ffff:ffff`);
    await expect(refused).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: expect.stringMatching(/^Too many sign-ups from your network\. Try again in 60 minutes\.$/),
    });
    // Refused before any work: no account was created.
    const created = await database.current.db.select().from(users).where(like(users.email, "flood-99-%"));
    expect(created).toEqual([]);
    // Another /64 is not affected.
    await expect(signUp(database.current.db, account(100), `${prefix.slice(0, -1)}2::1`)).resolves.toMatchObject({ name: "Flood" });
  });

  it("rejects bad input with a message per field", async () => {
    await expect(createAccount(database.current.db, { name: "", email: "not-an-email", password: "short" })).rejects.toMatchObject({
      name: "ZodError",
    });
  });
});

/** Records the account-wide delays instead of waiting them out. */
function recordingSleep() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

const attempt = (email: string, password: string, address: string | null, options = recordingSleep()) =>
  signInWithPassword(database.current.db, { email, password }, address, options);

/** A fresh address on every call (IPv4 and IPv6 in turn), as from a botnet. */
let next = 0;
const strangerAddress = () => {
  next++;
  return next % 2
    ? `198.18.${(next >> 8) & 255}.${next & 255}`
    : `2001:db8:${(next & 0xffff).toString(16)}:${Math.floor(Math.random() * 0xffff).toString(16)}::1`;
};

afterEach(() => {
  vi.useRealTimers();
});

describe("sign-in", () => {
  it("starts a session for the right password", async () => {
    const user = await createUser(database.current.db);
    const result = await attempt(user.email, TEST_PASSWORD, "10.0.0.1");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const session = await resolveSession(database.current.db, {
      userId: user.id,
      sessionId: result.sessionId,
      sessionVersion: result.sessionVersion,
    });
    expect(session).toMatchObject({ id: user.id, email: user.email });
  });

  it("answers a wrong password and an unknown email the same way", async () => {
    const user = await createUser(database.current.db);
    const wrong = await attempt(user.email, "nope nope", null);
    const unknown = await attempt(`ghost-${unique()}@example.com`, "nope nope", null);
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
  });

  it(`refuses an (account, address) pair after ${PAIR_ATTEMPT_LIMIT} failures, even with the right password, and only that pair`, async () => {
    const user = await createUser(database.current.db);
    for (let i = 0; i < PAIR_ATTEMPT_LIMIT; i++) {
      expect(await attempt(user.email, `wrong ${i}`, "10.1.0.1")).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await attempt(user.email, TEST_PASSWORD, "10.1.0.1")).toEqual({ ok: false, reason: "throttled", retryAfterMinutes: 15 });
    expect((await attempt(user.email, TEST_PASSWORD, "10.1.0.2")).ok).toBe(true);
  });

  it("a stranger's 50 failures from other addresses do not stop the right password from the user's usual address", async () => {
    const user = await createUser(database.current.db);
    const usual = "203.0.113.10";
    expect((await attempt(user.email, TEST_PASSWORD, usual)).ok).toBe(true);

    const stranger = recordingSleep();
    const results: SignInResult[] = [];
    for (let i = 0; i < 50; i++) results.push(await attempt(user.email, `guess ${i}`, strangerAddress(), stranger));
    expect(results.every((r) => !r.ok)).toBe(true);
    // The stranger is slowed, then refused once the account-wide cap is reached.
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(ACCOUNT_ATTEMPT_LIMIT);
    expect(stranger.delays.at(-1)).toBe(MAX_SIGN_IN_DELAY_MS);

    // The user is slowed (at most the cap) but signs in, again and again.
    for (let i = 0; i < 3; i++) {
      const mine = recordingSleep();
      expect((await attempt(user.email, TEST_PASSWORD, usual, mine)).ok).toBe(true);
      expect(mine.delays.every((ms) => ms <= MAX_SIGN_IN_DELAY_MS)).toBe(true);
    }
    // A typo of theirs is still a wrong password, not a lock-out.
    expect(await attempt(user.email, "my typo", usual)).toEqual({ ok: false, reason: "invalid" });
    expect((await attempt(user.email, TEST_PASSWORD, usual)).ok).toBe(true);
  });

  it(`gives a guesser on many addresses at most ${ACCOUNT_ATTEMPT_LIMIT} password checks per account per hour`, async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.now();
    const user = await createUser(database.current.db);
    const checkedAt: number[] = [];
    const hours = 3;
    for (let minute = 0; minute < hours * 60; minute += 2) {
      vi.setSystemTime(start + minute * 60_000);
      for (let k = 0; k < 3; k++) {
        const result = await attempt(user.email, `guess ${minute}-${k}`, strangerAddress());
        if (!result.ok && result.reason === "invalid") checkedAt.push(minute);
      }
    }
    // 270 guesses were sent; the password was checked for at most the cap in each window of the hour...
    for (let hour = 0; hour < hours; hour++) {
      expect(checkedAt.filter((m) => m >= hour * 60 && m < (hour + 1) * 60).length).toBeLessThanOrEqual(ACCOUNT_ATTEMPT_LIMIT);
    }
    // ...so never more than twice the cap in any 60 minutes (the windows are fixed).
    for (const from of checkedAt) {
      expect(checkedAt.filter((m) => m >= from && m < from + ACCOUNT_WINDOW_SECONDS / 60).length).toBeLessThanOrEqual(
        2 * ACCOUNT_ATTEMPT_LIMIT,
      );
    }
    expect(checkedAt.length).toBeLessThanOrEqual(hours * ACCOUNT_ATTEMPT_LIMIT);
    expect(checkedAt.length).toBeGreaterThanOrEqual(ACCOUNT_ATTEMPT_LIMIT);
    // Past the cap even the right password from a new address is not checked.
    expect(await attempt(user.email, TEST_PASSWORD, strangerAddress())).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("counts IPv6 addresses of one /64 as one address", async () => {
    const user = await createUser(database.current.db);
    const prefix = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:77`;
    for (let i = 1; i <= PAIR_ATTEMPT_LIMIT; i++) {
      expect(await attempt(user.email, "wrong pw", `${prefix}::${i}`)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await attempt(user.email, TEST_PASSWORD, `${prefix}:abcd:1234:5678:9abc`)).toMatchObject({ ok: false, reason: "throttled" });
    expect((await attempt(user.email, TEST_PASSWORD, `${prefix.slice(0, -2)}78::1`)).ok).toBe(true);
  });

  it(`refuses an address spraying accounts past ${ADDRESS_ATTEMPT_LIMIT} attempts, except for accounts that signed in from it`, async () => {
    const address = `192.0.2.${Math.floor(Math.random() * 250)}`;
    const regular = await createUser(database.current.db);
    expect((await attempt(regular.email, TEST_PASSWORD, address)).ok).toBe(true);
    for (let i = 0; i < ADDRESS_ATTEMPT_LIMIT; i++) {
      const verdict = await countSignInAttempt(database.current.db, {
        email: `spray-${i}-${unique()}@example.com`,
        clientAddress: address,
      });
      expect(verdict.allowed).toBe(true);
    }
    const newcomer = await createUser(database.current.db);
    expect(await attempt(newcomer.email, TEST_PASSWORD, address)).toMatchObject({ ok: false, reason: "throttled" });
    expect((await attempt(regular.email, TEST_PASSWORD, address)).ok).toBe(true);
    expect((await attempt(newcomer.email, TEST_PASSWORD, "198.51.100.7")).ok).toBe(true);
  });

  it("slows the account as a whole: the delay grows with its failures and is capped", async () => {
    const user = await createUser(database.current.db);
    const sleeper = recordingSleep();
    for (let i = 0; i < 10; i++) await attempt(user.email, `wrong ${i}`, strangerAddress(), sleeper);
    expect(sleeper.delays).toEqual([250, 500, 1000, 2000, 3000, 3000, 3000]);
  });

  it("waits out the delay for real when no sleep is given", async () => {
    const user = await createUser(database.current.db);
    for (let i = 0; i < 3; i++) await attempt(user.email, `wrong ${i}`, strangerAddress());
    const started = performance.now();
    await signInWithPassword(database.current.db, { email: user.email, password: "wrong again" }, strangerAddress());
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });

  it("counts parallel attempts exactly (no lost increments)", async () => {
    const email = `race-${unique()}@example.com`;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => countSignInAttempt(database.current.db, { email, clientAddress: `10.9.0.${i}` })),
    );
    const [row] = await database.current.db
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, `signin-account:${email}`));
    expect(row!.points).toBe(20);
  });

  it("a successful sign-in sweeps counters that expired over a day ago", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() - 3 * 24 * 60 * 60 * 1000);
    await countSignInAttempt(database.current.db, { email: `sprayed-${unique()}@example.com`, clientAddress: null });
    vi.useRealTimers();
    const user = await createUser(database.current.db);
    await attempt(user.email, TEST_PASSWORD, null);
    const left = await database.current.db
      .select()
      .from(rateLimits)
      .where(sql`${rateLimits.expire} < ${new Date(Date.now() - 86_400_000).toISOString()}::timestamptz`);
    expect(left).toEqual([]);
  });

  it("a successful sign-in clears its own pair and attempt, not a stranger's count on the account", async () => {
    const user = await createUser(database.current.db);
    for (let i = 0; i < 3; i++) await attempt(user.email, "wrong pw", strangerAddress());
    for (let i = 0; i < 2; i++) await attempt(user.email, "my typo", "10.2.0.1");
    expect((await attempt(user.email, TEST_PASSWORD, "10.2.0.1")).ok).toBe(true);
    const rows = await database.current.db
      .select()
      .from(rateLimits)
      .where(like(rateLimits.key, `%${user.email}%`));
    const points = Object.fromEntries(rows.map((r) => [r.key, r.points]));
    expect(points).toEqual({
      [`signin-account:${user.email}`]: 5,
      [`signin-known:${user.email}|10.2.0.1`]: 1,
      ...Object.fromEntries(rows.filter((r) => r.key.startsWith("signin-pair:")).map((r) => [r.key, 1])),
    });
    expect(points[`signin-pair:${user.email}|10.2.0.1`]).toBeUndefined();
  });
});

describe("sessions", () => {
  it("signing out ends that session only", async () => {
    const user = await createUser(database.current.db);
    const other = await signInWithPassword(database.current.db, { email: user.email, password: TEST_PASSWORD }, null);
    if (!other.ok) throw new Error("sign-in failed");
    await endSession(database.current.db, user.actor);
    expect(await resolveSession(database.current.db, { ...user.actor, sessionVersion: 1 })).toBeNull();
    expect(await resolveSession(database.current.db, { userId: user.id, sessionId: other.sessionId, sessionVersion: 1 })).not.toBeNull();
  });

  it("a session of another user, or of an older version, is refused", async () => {
    const a = await createUser(database.current.db);
    const b = await createUser(database.current.db);
    expect(await resolveSession(database.current.db, { userId: b.id, sessionId: a.actor.sessionId, sessionVersion: 1 })).toBeNull();
    expect(await resolveSession(database.current.db, { ...a.actor, sessionVersion: 0 })).toBeNull();
  });

  it("an expired session is refused", async () => {
    const user = await createUser(database.current.db);
    await database.current.db
      .update(authSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(authSessions.id, user.actor.sessionId));
    expect(await resolveSession(database.current.db, { ...user.actor, sessionVersion: 1 })).toBeNull();
  });
});
