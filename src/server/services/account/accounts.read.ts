import { eq } from "drizzle-orm";
import type { Db } from "../../db/types";
import { users } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { notFound } from "../kernel/errors";
import { usableTimeZone } from "@/lib/time-zone";

// The account: its profile as Settings shows it. Sign-up, sign-in and the
// account's changes are in accounts.write.ts.

/** `version`: the profile's (name and time zone), for the form's compare-and-set. */
export type Account = { id: string; name: string; email: string; timeZone: string; createdAt: Date; version: number };

export const accountColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  timeZone: users.timeZone,
  createdAt: users.createdAt,
  version: users.profileVersion,
};

export async function getAccount(db: Db, actor: Actor): Promise<Account> {
  const [row] = await db.select(accountColumns).from(users).where(eq(users.id, actor.userId)).limit(1);
  if (!row) throw notFound("Account");
  // The zone in use: Settings shows (and saves back) UTC for a stored zone this runtime does not know.
  return { ...row, timeZone: usableTimeZone(row.timeZone) };
}
