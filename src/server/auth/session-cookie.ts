import "server-only";
import { decode } from "next-auth/jwt";

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
 */
export type CookieClaims = { userId: string; sessionId: string; sessionVersion: number; expiresAt: number };

// Auth.js names the cookie with the __Secure- prefix on https; the cookie name is also the key's salt.
const COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"];
const MEMO_LIMIT = 10_000;
const memo = new Map<string, CookieClaims | null>();

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
  const key = `${salt}:${token}`;
  if (memo.has(key)) return memo.get(key)!;
  let claims: CookieClaims | null = null;
  try {
    const payload = await decode({ token, salt, secret: process.env.AUTH_SECRET ?? "" });
    if (payload && typeof payload.sub === "string" && typeof payload.sid === "string" && typeof payload.sv === "number" && typeof payload.exp === "number") {
      claims = { userId: payload.sub, sessionId: payload.sid, sessionVersion: payload.sv, expiresAt: payload.exp * 1000 };
    }
  } catch {
    // Tampered, expired, or made with another secret: no session.
  }
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  memo.set(key, claims);
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
