import { eq } from "drizzle-orm";
import type { Db } from "../../db/types";
import { memberships, organisations, personAncestors, people, users } from "../../db/schema/index";
import { createDefaultSpectrum } from "../delegation/spectrums.write";

/** The name a new organisation starts with; its admin renames it in Organisation settings. */
export function defaultOrganisationName(userName: string): string {
  const first = userName.trim().split(/\s+/)[0] || userName;
  return `${first}'s organisation`;
}

export type NewOrganisation = { orgId: string; personId: string };

/**
 * An organisation for a user who signs up: the user is the top of its chart
 * (a person with no manager) and its first admin, and it starts with the
 * default delegation spectrum. Runs inside the caller's transaction; the user
 * opens it on their next request (`users.last_org_id`).
 */
export async function createOrganisation(
  tx: Db,
  user: { id: string; name: string; email: string },
  options: { orgId?: string; name?: string } = {},
): Promise<NewOrganisation> {
  const [org] = await tx
    .insert(organisations)
    .values({ ...(options.orgId ? { id: options.orgId } : {}), name: options.name ?? defaultOrganisationName(user.name) })
    .returning({ id: organisations.id });
  const orgId = org!.id;
  const [person] = await tx
    .insert(people)
    .values({ orgId, name: user.name, email: user.email, track: "manager", level: "director" })
    .returning({ id: people.id });
  const personId = person!.id;
  await tx.insert(personAncestors).values({ orgId, ancestorId: personId, descendantId: personId, depth: 0 });
  await tx.insert(memberships).values({ orgId, userId: user.id, personId, role: "admin" });
  await createDefaultSpectrum(tx, orgId);
  await tx.update(users).set({ lastOrgId: orgId }).where(eq(users.id, user.id));
  return { orgId, personId };
}
