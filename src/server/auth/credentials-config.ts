import { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Db } from "../db/types";
import { signInWithPassword } from "../services/account/accounts.write";
import { AppError } from "../services/kernel/errors";
import { endSession, resolveSession } from "../services/account/sessions";
import { clientAddressFrom } from "@/lib/client-address";
import { authConfig } from "./config";

/** Wrong email or wrong password: one message for both. */
export class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}

/** Every password-hashing slot stayed taken for the whole bounded wait. */
export class SignInBusy extends CredentialsSignin {
  code = "busy";
}

/** The password is right, but the account is a member of no organisation any more. */
export class NoOrganisation extends CredentialsSignin {
  code = "no-organisation";
}

export class SignInThrottled extends CredentialsSignin {
  constructor(minutes: number) {
    super();
    this.code = `throttled:${minutes}`;
  }
}

/**
 * The whole Auth.js set-up over a database: the light config of ./config.ts
 * plus the credentials provider, the session-row check and sign-out. A function
 * of the database so a test can run Auth.js itself against its own database.
 */
export function credentialsAuthConfig(getDb: () => Promise<Db>): NextAuthConfig {
  return {
    ...authConfig,
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(credentials, request) {
          const db = await getDb();
          const result = await signInWithPassword(
            db,
            { email: String(credentials.email ?? ""), password: String(credentials.password ?? "") },
            clientAddressFrom(request.headers.get("x-forwarded-for")),
          ).catch((error: unknown) => {
            // Anything else thrown here would reach the form as a wrong password.
            if (error instanceof AppError && error.code === "TOO_MANY_REQUESTS") throw new SignInBusy();
            throw error;
          });
          if (!result.ok) {
            if (result.reason === "throttled") throw new SignInThrottled(result.retryAfterMinutes);
            throw result.reason === "no-organisation" ? new NoOrganisation() : new InvalidCredentials();
          }
          return {
            id: result.user.id,
            name: result.user.name,
            email: result.user.email,
            sid: result.sessionId,
            sv: result.sessionVersion,
          };
        },
      }),
    ],
    callbacks: {
      ...authConfig.callbacks,
      async jwt(params) {
        const token = await authConfig.callbacks.jwt(params);
        // Signing in: the session row was created a moment ago.
        if (params.user) return token;
        // Reading the session (GET /api/auth/session, auth()): a cookie whose
        // row was deleted (signed out) or whose version is old (password
        // changed) is no session. Null makes Auth.js answer `null` and clear
        // the cookie instead of re-issuing it for another 30 days.
        const { sub, sid, sv } = token;
        if (!sub || typeof sid !== "string" || typeof sv !== "number") return null;
        const user = await resolveSession(await getDb(), { userId: sub, sessionId: sid, sessionVersion: sv });
        return user ? token : null;
      },
    },
    logger: {
      // A failed sign-in is an expected answer, not a server error worth a stack trace.
      error(error) {
        if ((error as { type?: string }).type === "CredentialsSignin") return;
        console.error("[auth]", error);
      },
    },
    events: {
      // Signing out deletes the session row: the cookie alone no longer signs anyone in.
      async signOut(message) {
        const token = "token" in message ? message.token : null;
        if (token?.sid && token.sub) {
          await endSession(await getDb(), { sessionId: token.sid, userId: token.sub });
        }
      },
    },
  };
}
