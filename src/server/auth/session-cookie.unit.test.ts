import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { claimsFromCookieHeader, MAX_TOKEN_CHARS, MEMO_MAX_BYTES, sessionCookieMemoStats } from "./session-cookie";

const SECRET = "unit-test-secret-0123456789abcdef0123456789";
const NAME = "authjs.session-token";

beforeAll(() => {
  process.env.AUTH_SECRET = SECRET;
});

async function token(claims: Record<string, unknown>, options: { maxAge?: number; salt?: string; secret?: string } = {}) {
  return encode({ token: claims, secret: options.secret ?? SECRET, salt: options.salt ?? NAME, maxAge: options.maxAge ?? 3600 });
}

const valid = { sub: "user-1", sid: "session-1", sv: 3 };

describe("claimsFromCookieHeader", () => {
  it("reads the user, session and version from an Auth.js session cookie among others", async () => {
    const header = `theme=dark; ${NAME}=${await token(valid)}; other=1`;
    expect(await claimsFromCookieHeader(header)).toMatchObject({ userId: "user-1", sessionId: "session-1", sessionVersion: 3 });
  });

  it("reads the __Secure- cookie Auth.js sets on https, whose key has that name as salt", async () => {
    const secureName = `__Secure-${NAME}`;
    const header = `${secureName}=${await token(valid, { salt: secureName })}`;
    expect(await claimsFromCookieHeader(header)).toMatchObject({ userId: "user-1" });
  });

  it("joins a token that Auth.js split into numbered chunks", async () => {
    const whole = await token(valid);
    const half = Math.floor(whole.length / 2);
    const header = `${NAME}.0=${whole.slice(0, half)}; ${NAME}.1=${whole.slice(half)}`;
    expect(await claimsFromCookieHeader(header)).toMatchObject({ sessionId: "session-1" });
  });

  it("refuses no cookie, a tampered token, another secret's token and a token without session claims", async () => {
    const good = await token(valid);
    const tampered = `${good.slice(0, -4)}${good.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    expect(await claimsFromCookieHeader(null)).toBeNull();
    expect(await claimsFromCookieHeader("theme=dark")).toBeNull();
    expect(await claimsFromCookieHeader(`${NAME}=${tampered}`)).toBeNull();
    expect(await claimsFromCookieHeader(`${NAME}=${await token(valid, { secret: "another-secret-0123456789abcdef012345" })}`)).toBeNull();
    expect(await claimsFromCookieHeader(`${NAME}=${await token({ sub: "user-1" })}`)).toBeNull();
    expect(await claimsFromCookieHeader(`${NAME}=${await token({ ...valid, sv: "3" })}`)).toBeNull();
  });

  it("checks the expiry on every use, also of a token it has already decrypted", async () => {
    const header = `${NAME}=${await token(valid, { maxAge: 60 })}`;
    const now = Date.now();
    expect(await claimsFromCookieHeader(header, now)).not.toBeNull();
    expect(await claimsFromCookieHeader(header, now + 30_000)).not.toBeNull();
    expect(await claimsFromCookieHeader(header, now + 61_000)).toBeNull();
  });
});

describe("the memo of decrypted tokens", () => {
  it("stays under its byte cap with 10,000 distinct 16 KB tokens, and keeps no failure", async () => {
    const before = sessionCookieMemoStats();
    const filler = "A".repeat(16 * 1024 - 20);
    for (let i = 0; i < 10_000; i++) {
      expect(await claimsFromCookieHeader(`${NAME}=${i}${filler}`)).toBeNull();
    }
    // Short enough to be decrypted (and fail): not remembered either.
    const tampered = (await token(valid)).slice(0, -8);
    for (let i = 0; i < 1_000; i++) {
      expect(await claimsFromCookieHeader(`${NAME}=${tampered}${i}`)).toBeNull();
    }
    expect(sessionCookieMemoStats()).toEqual(before);
    expect(before.bytes).toBeLessThanOrEqual(MEMO_MAX_BYTES);
  });

  it("remembers a good token in a few hundred bytes, whatever the cookie's length", async () => {
    const before = sessionCookieMemoStats();
    await claimsFromCookieHeader(`${NAME}=${await token({ ...valid, name: "x".repeat(2_000) })}`);
    const after = sessionCookieMemoStats();
    expect(after.entries).toBe(before.entries + 1);
    expect(after.bytes - before.bytes).toBeLessThan(500);
  });

  it("bounds the memo by bytes when many real sessions come in", async () => {
    for (let i = 0; i < 300; i++) await claimsFromCookieHeader(`${NAME}=${await token({ ...valid, sid: `session-${i}` })}`);
    expect(sessionCookieMemoStats().bytes).toBeLessThanOrEqual(MEMO_MAX_BYTES);
    expect(sessionCookieMemoStats().entries).toBeGreaterThanOrEqual(300);
  });

  it("refuses, without decrypting, a token far longer than any Intersect issues", async () => {
    const long = await token({ ...valid, name: "x".repeat(MAX_TOKEN_CHARS) });
    expect(long.length).toBeGreaterThan(MAX_TOKEN_CHARS);
    expect(await claimsFromCookieHeader(`${NAME}=${long}`)).toBeNull();
  });
});
