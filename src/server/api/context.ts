import "server-only";
import { getCurrentSession } from "../auth/session";
import { getDb } from "../db";
import { toTRPCError } from "./errors";
import type { Context } from "./trpc";

/** The context of a real request: the database and the checked session of the cookie sent. */
export async function createRequestContext(opts?: { req?: Request }): Promise<Context> {
  try {
    const [db, session] = await Promise.all([getDb(), getCurrentSession()]);
    return { db, actor: session?.actor ?? null, origin: originOf(opts?.req) };
  } catch (error) {
    // The session check is the first query: a database that is down answers 503 here.
    throw toTRPCError(error);
  }
}

/** The origin the browser used (x-forwarded-host/proto behind a proxy), for links such as invitations. */
function originOf(req: Request | undefined): string | undefined {
  if (!req) return undefined;
  try {
    const url = new URL(req.url);
    const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? url.host;
    const proto = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? url.protocol.replace(/:$/, "");
    return `${proto}://${host}`;
  } catch {
    return undefined;
  }
}
