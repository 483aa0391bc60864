import "server-only";
import { getCurrentSession } from "../auth/session";
import { getDb } from "../db";
import { toTRPCError } from "./errors";
import { requestOrigin } from "./public-origin";
import type { Context } from "./trpc";

/** The context of a real request: the database and the checked session of the cookie sent. */
export async function createRequestContext(opts?: { req?: Request }): Promise<Context> {
  try {
    const [db, session] = await Promise.all([getDb(), getCurrentSession()]);
    return { db, actor: session?.actor ?? null, origin: requestOrigin(opts?.req) };
  } catch (error) {
    // The session check is the first query: a database that is down answers 503 here.
    throw toTRPCError(error);
  }
}
