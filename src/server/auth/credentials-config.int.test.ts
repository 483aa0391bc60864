import NextAuth from "next-auth";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { createUser, TEST_PASSWORD } from "@/test/factories";
import { SESSION_MAX_AGE_SECONDS } from "./config";
import { credentialsAuthConfig } from "./credentials-config";
import { endSession } from "../services/account/sessions";
import { HASH_CONCURRENCY, hashSlots } from "../services/account/passwords";
import { PAIR_ATTEMPT_LIMIT } from "@/lib/sign-in-throttle";

const database = useTestDatabase();
const SECRET = "session-route-test-secret-0123456789abcdef";
const COOKIE = "authjs.session-token";

beforeAll(() => {
  process.env.AUTH_SECRET = SECRET;
});

const authAt = () => NextAuth(credentialsAuthConfig(async () => database.current.db)).handlers;

/** Auth.js's own GET /api/auth/session, as the route handler runs it, over the test database. */
async function getSession(cookie: string) {
  const handlers = authAt();
  const response = await handlers.GET(new NextRequest("http://localhost/api/auth/session", { headers: { cookie } }));
  return { body: await response.json(), setCookie: response.headers.getSetCookie() };
}

async function cookieFor(user: { id: string; email: string; name: string; actor: { sessionId: string } }, sessionVersion = 1) {
  const token = await encode({
    token: { sub: user.id, name: user.name, email: user.email, sid: user.actor.sessionId, sv: sessionVersion },
    secret: SECRET,
    salt: COOKIE,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  return `${COOKIE}=${token}`;
}

describe("GET /api/auth/session", () => {
  it("answers a live session's user and refreshes its cookie", async () => {
    const user = await createUser(database.current.db);
    const { body, setCookie } = await getSession(await cookieFor(user));
    expect(body).toMatchObject({ user: { name: user.name, email: user.email, id: user.id }, sid: user.actor.sessionId });
    expect(setCookie.some((c) => c.startsWith(`${COOKIE}=`) && !c.startsWith(`${COOKIE}=;`))).toBe(true);
  });

  it("answers no session and clears the cookie of a signed-out session", async () => {
    const user = await createUser(database.current.db);
    const cookie = await cookieFor(user);
    await endSession(database.current.db, { userId: user.id, sessionId: user.actor.sessionId });
    const { body, setCookie } = await getSession(cookie);
    expect(body).toBeNull();
    expect(JSON.stringify(body)).not.toContain(user.email);
    // The cookie is cleared, not re-issued for another 30 days.
    expect(setCookie.filter((c) => c.startsWith(`${COOKIE}=`)).every((c) => /^[^=]+=;|Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c))).toBe(
      true,
    );
  });

  it("answers no session for a cookie issued before the password changed", async () => {
    const user = await createUser(database.current.db);
    const cookie = await cookieFor(user);
    await user.caller.account.changePassword({
      currentPassword: TEST_PASSWORD,
      newPassword: "a brand new password",
      confirmPassword: "a brand new password",
    });
    expect((await getSession(cookie)).body).toBeNull();
    // A cookie naming the same row with a forged newer version is refused too.
    expect((await getSession(await cookieFor(user, 2))).body).toBeNull();
  });

  it("answers no session for a cookie without the session claims", async () => {
    const user = await createUser(database.current.db);
    const token = await encode({ token: { sub: user.id, email: user.email }, secret: SECRET, salt: COOKIE });
    expect((await getSession(`${COOKIE}=${token}`)).body).toBeNull();
  });
});

/** The sign-in form's POST through Auth.js's credentials callback: the session cookie or the error code. */
async function signInThroughAuthJs(email: string, password: string, forwardedFor: string) {
  const handlers = authAt();
  const csrf = await handlers.GET(new NextRequest("http://localhost/api/auth/csrf"));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await handlers.POST(
    new NextRequest("http://localhost/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": forwardedFor },
      body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "http://localhost/" }),
    }),
  );
  const session = response.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`) && !c.startsWith(`${COOKIE}=;`));
  if (session) return { ok: true as const };
  return { ok: false as const, code: new URL(response.headers.get("location") ?? "/", "http://localhost").searchParams.get("code") };
}

describe("POST /api/auth/callback/credentials", () => {
  it("signs in, counts the client address of X-Forwarded-For, and says throttled with the minutes", async () => {
    const user = await createUser(database.current.db);
    expect(await signInThroughAuthJs(user.email, TEST_PASSWORD, "203.0.113.50")).toEqual({ ok: true });
    for (let i = 0; i < PAIR_ATTEMPT_LIMIT; i++)
      expect(await signInThroughAuthJs(user.email, `wrong ${i}`, "10.0.0.9, 198.51.100.20")).toEqual({ ok: false, code: "invalid" });
    expect(await signInThroughAuthJs(user.email, TEST_PASSWORD, "198.51.100.20")).toEqual({ ok: false, code: "throttled:15" });
    expect(await signInThroughAuthJs(user.email, TEST_PASSWORD, "203.0.113.50")).toEqual({ ok: true });
  }, 30_000);

  it("answers busy, not a wrong password, when every hashing slot stays taken", async () => {
    const user = await createUser(database.current.db);
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const holders = Array.from({ length: HASH_CONCURRENCY }, () => hashSlots.run(() => gate));
    // Fill the bounded queue too, so the sign-in's check is refused at once.
    const queued = Array.from({ length: 200 }, () => hashSlots.run(async () => {}, "urgent").catch(() => {}));
    try {
      expect(await signInThroughAuthJs(user.email, TEST_PASSWORD, "203.0.113.60")).toEqual({ ok: false, code: "busy" });
    } finally {
      open();
      await Promise.all([...holders, ...queued]);
    }
    expect(await signInThroughAuthJs(user.email, TEST_PASSWORD, "203.0.113.60")).toEqual({ ok: true });
  });
});
