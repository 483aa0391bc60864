import { asc, ilike, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { personAncestors, people } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope, loadInScope } from "../kernel/access";
import { notFound } from "../kernel/errors";
import { asSeenBy, belowMe } from "./people.read";
import { wordsOf } from "@/lib/search/fuzzy";
import { likePattern } from "@/lib/one-on-ones/search";
import { PICK_LIMIT, type pickPeopleInput } from "@/lib/validators/people";

/** Typed words used by a picker's search (the rest are ignored). */
const MAX_WORDS = 4;

const optionColumns = { id: people.id, name: people.name, track: people.track, level: people.level, managerId: people.managerId };

/** Not `personId` nor anyone below them: the closure table holds each person as their own ancestor (depth 0). */
function notInSubtreeOf(actor: Actor, personId: string): SQL {
  return sql`not exists (select 1 from ${personAncestors} where ${personAncestors.orgId} = ${actor.orgId}
    and ${personAncestors.ancestorId} = ${personId} and ${personAncestors.descendantId} = ${people.id})`;
}

/**
 * A people picker's options, bounded whatever the size of the organisation:
 * the active people of the actor's part of the chart (as people.options,
 * `belowMe`) whose name holds every typed word, first by name, at most
 * `limit` (the name index in order, or the trigram index for a rare word);
 * and the chosen ids, so the picker names its value even when it is not
 * among the matches (archived since, say). A chosen id or `notUnder` the
 * actor may not see (another organisation's) answers NOT_FOUND, as a missing one.
 */
export async function pickPeople(db: Db, actor: Actor, input: z.output<typeof pickPeopleInput>) {
  const words = wordsOf(input.query ?? "").slice(0, MAX_WORDS);
  const ids = input.ids ?? [];
  const [matches, chosen] = await Promise.all([
    db
      .select(optionColumns)
      .from(people)
      .where(
        inScope(
          people,
          actor,
          belowMe(actor),
          isNull(people.archivedAt),
          input.track ? sql`${people.track} = ${input.track}` : undefined,
          input.notUnder ? notInSubtreeOf(actor, input.notUnder) : undefined,
          ...words.map((w) => ilike(people.name, likePattern(w))),
        ),
      )
      .orderBy(asc(people.name), asc(people.id))
      .limit(input.limit ?? PICK_LIMIT),
    ids.length
      ? db
          .select({ ...optionColumns, archived: sql<boolean>`${people.archivedAt} is not null` })
          .from(people)
          .where(inScope(people, actor, inArray(people.id, ids)))
      : Promise.resolve([]),
    input.notUnder ? loadInScope(db, actor, people, input.notUnder, "Person") : undefined,
  ]);
  if (chosen.length !== new Set(ids).size) throw notFound("Person");
  return { matches: matches.map((r) => asSeenBy(actor, r)), chosen: chosen.map((r) => asSeenBy(actor, r)) };
}
