import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { authSessions, signInThrottle, users } from "@/server/db/schema";
import { useTestDatabase } from "@/test/database";
import { createUser, TEST_PASSWORD } from "@/test/factories";
import { ACCOUNT_FAILURE_LIMIT, ADDRESS_FAILURE_LIMIT, THROTTLE_WINDOW_MS } from "@/lib/sign-in-throttle";
import { createAccount, signInWithPassword } from "./accounts";
import { AppError } from "./errors";
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

  it("rejects bad input with a message per field", async () => {
    await expect(
      createAccount(database.current.db, { name: "", email: "not-an-email", password: "short" }),
    ).rejects.toMatchObject({ name: "ZodError" });
  });
});

describe("sign-in", () => {
  it("starts a session for the right password", async () => {
    const user = await createUser(database.current.db);
    const result = await signInWithPassword(database.current.db, { email: user.email, password: TEST_PASSWORD }, "10.0.0.1");
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
    const wrong = await signInWithPassword(database.current.db, { email: user.email, password: "nope nope" }, null);
    const unknown = await signInWithPassword(database.current.db, { email: `ghost-${unique()}@example.com`, password: "nope nope" }, null);
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
  });

  it(`refuses an account after ${ACCOUNT_FAILURE_LIMIT} failures, even with the right password`, async () => {
    const user = await createUser(database.current.db);
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) {
      const r = await signInWithPassword(database.current.db, { email: user.email, password: `wrong ${i}` }, `10.1.0.${i}`);
      expect(r).toEqual({ ok: false, reason: "invalid" });
    }
    const blocked = await signInWithPassword(database.current.db, { email: user.email, password: TEST_PASSWORD }, "10.1.1.1");
    expect(blocked).toMatchObject({ ok: false, reason: "throttled", retryAfterMinutes: 15 });
  });

  it("counts failures per client address across accounts", async () => {
    const address = `192.0.2.${Math.floor(Math.random() * 250)}-${unique()}`;
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i++) {
      const verdict = await countSignInAttempt(database.current.db, { email: `spray-${i}-${unique()}@example.com`, clientAddress: address });
      expect(verdict.allowed).toBe(true);
    }
    const user = await createUser(database.current.db);
    const blocked = await signInWithPassword(database.current.db, { email: user.email, password: TEST_PASSWORD }, address);
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
    // Another address is unaffected.
    const elsewhere = await signInWithPassword(database.current.db, { email: user.email, password: TEST_PASSWORD }, "198.51.100.7");
    expect(elsewhere.ok).toBe(true);
  });

  it("starts counting again once the window has passed", async () => {
    const keys = { email: `window-${unique()}@example.com`, clientAddress: null };
    const start = new Date("2026-01-01T10:00:00Z");
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) await countSignInAttempt(database.current.db, keys, start);
    const inside = await countSignInAttempt(database.current.db, keys, new Date(start.getTime() + THROTTLE_WINDOW_MS - 60_000));
    expect(inside).toEqual({ allowed: false, retryAfterMinutes: 1 });
    const after = await countSignInAttempt(database.current.db, keys, new Date(start.getTime() + THROTTLE_WINDOW_MS + 1));
    expect(after).toEqual({ allowed: true });
  });

  it("counts parallel attempts exactly (no lost increments)", async () => {
    const email = `race-${unique()}@example.com`;
    await Promise.all(
      Array.from({ length: 20 }, () => countSignInAttempt(database.current.db, { email, clientAddress: null })),
    );
    const [row] = await database.current.db.select().from(signInThrottle).where(eq(signInThrottle.key, `account:${email}`));
    expect(row!.failures).toBe(20);
  });

  it("a successful sign-in sweeps counters whose window ended over a day ago", async () => {
    const old = new Date(Date.now() - 3 * 24 * 60 * 60 * 1000);
    await countSignInAttempt(database.current.db, { email: `sprayed-${unique()}@example.com`, clientAddress: null }, old);
    const user = await createUser(database.current.db);
    await signInWithPassword(database.current.db, { email: user.email, password: TEST_PASSWORD }, null);
    const left = await database.current.db.select().from(signInThrottle).where(sql`${signInThrottle.windowStartedAt} < ${new Date(Date.now() - 2 * 86_400_000).toISOString()}::timestamptz`);
    expect(left).toEqual([]);
  });

  it("a successful sign-in clears the account's failures", async () => {
    const user = await createUser(database.current.db);
    for (let i = 0; i < 3; i++) await signInWithPassword(database.current.db, { email: user.email, password: "wrong pw" }, null);
    await signInWithPassword(database.current.db, { email: user.email, password: TEST_PASSWORD }, null);
    const rows = await database.current.db.select().from(signInThrottle).where(eq(signInThrottle.key, `account:${user.email}`));
    expect(rows).toEqual([]);
  });
});

describe("sessions", () => {
  it("signing out ends that session only", async () => {
    const user = await createUser(database.current.db);
    const other = await signInWithPassword(database.current.db, { email: user.email, password: TEST_PASSWORD }, null);
    if (!other.ok) throw new Error("sign-in failed");
    await endSession(database.current.db, user.actor);
    expect(await resolveSession(database.current.db, { ...user.actor, sessionVersion: 1 })).toBeNull();
    expect(
      await resolveSession(database.current.db, { userId: user.id, sessionId: other.sessionId, sessionVersion: 1 }),
    ).not.toBeNull();
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
