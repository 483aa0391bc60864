"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { getDb } from "@/server/db";
import { signIn, signOut } from "@/server/auth";
import { signUp } from "@/server/services/account/accounts.write";
import { clientAddressFrom } from "@/lib/client-address";
import { AppError } from "@/server/services/kernel/errors";
import { safeCallbackPath, signInInput, signUpInput, type SignInInput, type SignUpInput } from "@/lib/validators/account";
import { zodFieldErrors } from "@/lib/validators/field-errors";
import type { FormResult } from "@/lib/form-result";

// The server actions of sign-in, sign-up and sign-out. They live with the rest of the auth wiring
// rather than in the (auth) route group because the pages hand them to client components as props
// (src/components may import neither src/app nor src/server).

const INVALID = "Incorrect email or password.";

/** Starts a session, then redirects to callbackUrl (a path on this site) or Home. */
async function signInAndRedirect(email: string, password: string, callbackUrl: unknown): Promise<FormResult> {
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallbackPath(callbackUrl) });
  } catch (error) {
    // signIn redirects by throwing; only Auth.js's own errors are answers for the form.
    if (!(error instanceof AuthError)) throw error;
    const code = (error as AuthError & { code?: string }).code ?? "";
    if (code === "busy") return { error: "The server is busy. Try again in a moment." };
    if (code === "no-organisation") {
      return { error: "This account is no longer a member of any organisation. Ask an admin of yours for a new invitation." };
    }
    if (code.startsWith("throttled:")) {
      const minutes = Number(code.split(":")[1]) || 15;
      return {
        error: `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      };
    }
    return { error: INVALID };
  }
}

export async function signInAction(values: SignInInput, callbackUrl?: string): Promise<FormResult> {
  const parsed = signInInput.safeParse(values);
  if (!parsed.success) return { fieldErrors: zodFieldErrors(parsed.error) };
  return signInAndRedirect(parsed.data.email, parsed.data.password, callbackUrl);
}

export async function signUpAction(values: SignUpInput, callbackUrl?: string): Promise<FormResult> {
  const parsed = signUpInput.safeParse(values);
  if (!parsed.success) return { fieldErrors: zodFieldErrors(parsed.error) };
  try {
    const clientAddress = clientAddressFrom((await headers()).get("x-forwarded-for"));
    await signUp(await getDb(), parsed.data, clientAddress);
  } catch (error) {
    if (error instanceof AppError) return { error: error.message, fieldErrors: error.fieldErrors };
    throw error;
  }
  return signInAndRedirect(parsed.data.email, parsed.data.password, callbackUrl);
}

/** Ends this session (its row is deleted, see events.signOut) and goes to sign-in. */
export async function signOutAction(redirectTo = "/sign-in"): Promise<void> {
  await signOut({ redirectTo: redirectTo.startsWith("/sign-in") ? redirectTo : "/sign-in" });
}
