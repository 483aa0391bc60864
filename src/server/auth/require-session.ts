import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { REQUEST_PATH_HEADER } from "./require-session-header";
import { getCurrentSession, type CurrentSession } from "./session";

/** For pages behind sign-in: the session, or a redirect to sign-in that returns here afterwards. */
export async function requireSession(): Promise<CurrentSession> {
  const session = await getCurrentSession();
  if (session) return session;
  const path = (await headers()).get(REQUEST_PATH_HEADER) ?? "/";
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
}
