import type { NextAuthConfig } from "next-auth";

/**
 * The part of the Auth.js set-up that needs no database: the proxy
 * (src/proxy.ts) uses it to read the session cookie, and src/server/auth/index.ts
 * adds the credentials provider on top.
 */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export const authConfig = {
  // Behind `next start` the host comes from the request; Intersect's server
  // strips forwarded headers unless TRUST_PROXY says a proxy sets them.
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      // On sign-in, keep the session row's id and version in the encrypted cookie.
      if (user) {
        token.sid = user.sid;
        token.sv = user.sv;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sid = typeof token.sid === "string" ? token.sid : undefined;
      session.sv = typeof token.sv === "number" ? token.sv : undefined;
      return session;
    },
  },
} satisfies NextAuthConfig;
