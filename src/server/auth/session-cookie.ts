import "server-only";
import { createHash } from "node:crypto";
import { decode } from "next-auth/jwt";
import { ByteBoundedCache, stringBytes } from "@/lib/byte-bounded-cache";

/**
 * Reads the Auth.js session cookie of a request without running Auth.js.
 *
 * `auth()` builds a whole Auth.js request, decrypts the cookie, runs the
 * callbacks and encrypts a fresh cookie, which costs about a millisecond and a
 * half of CPU per request; an API call needs only the claims. Decrypting the
 * same token always gives the same claims (the token is authenticated
 * encryption), so each token is decrypted once and remembered; its expiry is
 * still checked on every use, and the session row and version are checked
 * against the database by the caller as before.
 *
 * The memory is bounded by bytes, not entries: remembered under a SHA-256 of
 * the token (not the token, which a client can make 16 KB long), only when it
 * decrypted to a session (a client can send any number of distinct bad
 * tokens), and a token far longer than any Intersect issues is refused
 * without even being decrypted.
 */
export type CookieClaims = { userId: string; sessionId: string; sessionVersion: number; expiresAt: number };

// Auth.js names the cookie with the __Secure- prefix on https; the cookie name is also the key's salt.
const COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"];
/** Ours are under 1 KB (the claims, a name of at most 100 characters and an email); Auth.js chunks at 4 KB. */
export const MAX_TOKEN_CHARS = 8 * 1024;
/** About 4 MB: some 20,000 sessions' claims. */
export const MEMO_MAX_BYTES = 4 * 1024 * 1024;
// Per entry: the key, the claims' two ids, and the engine's overhead for the map entry and objects.
const memo = new ByteBoundedCache<CookieClaims>(
  MEMO_MAX_BYTES,
  (key, claims) => stringBytes(key) + stringBytes(claims.userId) + stringBytes(claims.sessionId) + 160,
);

/** For tests: what the memo holds. */
export function sessionCookieMemoStats() {
  return { entries: memo.size, bytes: memo.bytes };
}

export async function claimsFromCookieHeader(cookieHeader: string | null, now = Date.now()): Promise<CookieClaims | null> {
  if (!cookieHeader) return null;
  const cookies = parseCookies(cookieHeader);
  for (const name of COOKIE_NAMES) {
    const token = sessionToken(cookies, name);
    if (!token) continue;
    const claims = await decodeOnce(token, name);
    return claims && claims.expiresAt > now ? claims : null;
  }
  return null;
}

async function decodeOnce(token: string, salt: string): Promise<CookieClaims | null> {
  if (token.length > MAX_TOKEN_CHARS) return null;
  const key = createHash("sha256").update(salt).update("\0").update(token).digest("base64url");
  const known = memo.get(key);
  if (known) return known;
  let claims: CookieClaims | null = null;
  try {
    const payload = await decode({ token, salt, secret: process.env.AUTH_SECRET ?? "" });
    if (
      payload &&
      typeof payload.sub === "string" &&
      typeof payload.sid === "string" &&
      typeof payload.sv === "number" &&
      typeof payload.exp === "number"
    ) {
      claims = { userId: payload.sub, sessionId: payload.sid, sessionVersion: payload.sv, expiresAt: payload.exp * 1000 };
    }
  } catch {
    // Tampered, expired, or made with another secret: no session.
  }
  // Failures are not remembered: the next request with that token decrypts (and fails) again.
  if (claims) memo.set(key, claims);
  return claims;
}

/** The token, joined from Auth.js's numbered chunks when it was too long for one cookie. */
function sessionToken(cookies: Map<string, string>, name: string): string | null {
  const whole = cookies.get(name);
  if (whole) return whole;
  const chunks: string[] = [];
  for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`)!);
  return chunks.length ? chunks.join("") : null;
}

function parseCookies(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!cookies.has(name)) cookies.set(name, part.slice(eq + 1).trim());
  }
  return cookies;
}
