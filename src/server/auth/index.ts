import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "../db";
import { signInWithPassword } from "../services/accounts";
import { endSession } from "../services/sessions";
import { clientAddressFrom } from "@/lib/client-address";
import { authConfig } from "./config";

/** Wrong email or wrong password: one message for both. */
export class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}

export class SignInThrottled extends CredentialsSignin {
  constructor(minutes: number) {
    super();
    this.code = `throttled:${minutes}`;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
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
        );
        if (!result.ok) {
          throw result.reason === "throttled"
            ? new SignInThrottled(result.retryAfterMinutes)
            : new InvalidCredentials();
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
});
