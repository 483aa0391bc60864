import NextAuth from "next-auth";
import { getDb } from "../db";
import { credentialsAuthConfig } from "./credentials-config";

export { InvalidCredentials, SignInBusy, SignInThrottled } from "./credentials-config";

export const { handlers, auth, signIn, signOut } = NextAuth(credentialsAuthConfig(getDb));
