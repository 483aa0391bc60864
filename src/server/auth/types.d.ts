import "next-auth";
import "@auth/core/jwt";

declare module "next-auth" {
  interface User {
    /** The auth_sessions row this sign-in created. */
    sid?: string;
    /** The user's session version at sign-in. */
    sv?: number;
  }
  interface Session {
    sid?: string;
    sv?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
    sv?: number;
  }
}
