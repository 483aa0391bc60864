import { asc, ne, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { people } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope, loadInScope } from "../kernel/access";
import { matchKeySql } from "../kernel/match-key";
import { emailKey, MAX_SIMILAR, worthMatching } from "@/lib/duplicates/match-key";
import type { findSimilarPeopleInput } from "@/lib/validators/people";

export type SimilarPerson = {
  id: string;
  name: string;
  email: string | null;
  title: string | null;
  archived: boolean;
  /** What matched: the name (as matchKey compares it), the email (exactly, without case), or both. */
  matchedOn: ("name" | "email")[];
};

/**
 * People the actor can see who look like the one being typed in: the same
 * name once case, accents and spacing are set aside, or the same email. For a
 * soft "already in your organisation" warning; saving is never refused for
 * it. Read through the kernel (`inScope`), so nobody the actor may not see is
 * named; archived people count (adding them again is the usual mistake). One
 * query, at most MAX_SIMILAR rows.
 */
export async function findSimilarPeople(db: Db, actor: Actor, input: z.output<typeof findSimilarPeopleInput>): Promise<SimilarPerson[]> {
  // The person being edited must be one the actor sees: a foreign id answers NOT_FOUND, as everywhere.
  if (input.excludeId) await loadInScope(db, actor, people, input.excludeId, "Person");
  const byName = worthMatching(input.name) ? sql`${matchKeySql(people.name)} = ${matchKeySql(input.name!)}` : undefined;
  const email = emailKey(input.email);
  const byEmail = email.includes("@") ? sql`lower(${people.email}) = ${email}` : undefined;
  if (!byName && !byEmail) return [];
  const rows = await db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      title: people.title,
      archivedAt: people.archivedAt,
      nameMatches: byName ? sql<boolean>`${byName}` : sql<boolean>`false`,
      emailMatches: byEmail ? sql<boolean>`${byEmail}` : sql<boolean>`false`,
    })
    .from(people)
    .where(inScope(people, actor, or(byName, byEmail), input.excludeId ? ne(people.id, input.excludeId) : undefined))
    // Active people first, then by name: the likeliest duplicate is named first.
    .orderBy(sql`${people.archivedAt} is not null`, asc(people.name), asc(people.id))
    .limit(MAX_SIMILAR);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    title: r.title,
    archived: r.archivedAt !== null,
    matchedOn: [...(r.nameMatches ? (["name"] as const) : []), ...(r.emailMatches ? (["email"] as const) : [])],
  }));
}
