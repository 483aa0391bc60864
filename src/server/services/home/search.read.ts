import { and, asc, desc, eq, ilike, isNull, not, or, sql, type SQL } from "drizzle-orm";
import { unionAll, type PgColumn, type PgSelect } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { actionItems, areas, coachingNotes, people, talkingPoints, targets } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { checkInTarget, inScope, myReport } from "../kernel/access";
import { selectNoteMatches, selectPointMatches } from "../one-on-ones/note-search.read";
import { rankByMatch, typoAllowance, wordsOf } from "@/lib/search/fuzzy";
import { snippetText } from "@/lib/search/snippet";
import { markdownToPlainText } from "@/lib/markdown/plain-text";
import { noteText } from "@/lib/one-on-ones/note-text";
import { likePattern } from "@/lib/one-on-ones/search";
import type { searchInput } from "@/lib/validators/one-on-ones";

/**
 * The command palette's search (Ctrl/Cmd-K): people, targets, areas, notes,
 * talking points and actions the actor may see, a few of each, best first.
 * Six queries, whatever the size of the organisation, each through the access
 * kernel (`inScope`: a private note is its author's alone, a 1:1's content its
 * two people's, a target its line's), run side by side.
 *
 * Every match is an ILIKE that a pg_trgm GIN index answers (migration 0025:
 * the pattern holds a trigram, or a word's first letter, which pg_trgm indexes
 * as the trigram "  x"), so a search reads the rows that match, not every row
 * of the organisation. A typed word of one or two letters has no trigram: it
 * only filters the rows the other words found (a search of short words alone
 * still reads the organisation's rows).
 *
 * Names and titles (people, targets, areas, actions) tolerate typos in two
 * steps: the database returns a bounded set of candidates, then
 * lib/search/fuzzy.ts ranks them by Damerau–Levenshtein distance on word
 * prefixes, exact before prefix before typo. The candidates are, in one
 * statement, the real matches (every typed word inside the text, by name) and
 * then the near ones: for each word long enough to carry a typo, the text has
 * a word starting with its first letter, or with its first two letters
 * swapped, or holds one of its trigrams. One typo always leaves one of those
 * (a typo in the first letter leaves the trigram after it). The near ones are
 * not sorted: sorting would read them all, and a real match always ranks first.
 * Notes and talking points are free text: every typed word must be in them
 * (ILIKE), newest first, and their snippet is the rendered text (markdown
 * stripped), cut around the match.
 */

/** Results shown per kind. */
export const SEARCH_PER_KIND = 5;
/** Candidates read per kind for the typo-tolerant ranking (real matches, then as many near ones): bounds the work of a search in a large organisation. */
export const SEARCH_CANDIDATES = 200;

/** Typed words used (the rest are ignored). */
const MAX_WORDS = 8;

/** Every typed word is inside the column (`%`, `_` and `\` typed are literal). */
function everyWordIn(columns: (PgColumn | SQL)[], words: string[]): SQL {
  return and(...words.map((w) => or(...columns.map((c) => ilike(indexedFor(c, w), likePattern(w))))))!;
}

/** pg_trgm finds a pattern's rows by its trigrams: three letters or digits in a row (a word's start aside, see wordStarts). */
const hasTrigram = (word: string) => /[\p{L}\p{N}]{3}/u.test(word);

/**
 * The column to match `word` on: the column itself, or, for a word without a
 * trigram, the same text as an expression no index is on (`|| ''` changes no
 * value, NULL included, so the rows matched are the same). A pattern without
 * a trigram matches every entry of a trigram index: left as an index
 * condition, the planner may pick it over the other words' (on the org-size
 * account the notes' statement read all 18,000 index entries for the "0" of
 * "Person 0", 11 ms, then rechecked each). So a short word only ever filters
 * the rows the other words found, as the module's comment says.
 */
const indexedFor = (column: PgColumn | SQL, word: string): PgColumn | SQL => (hasTrigram(word) ? column : sql`(${column} || '')`);

/** `%`, `_` and `\` as themselves in a LIKE pattern. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A word of the column starts with `start`: at the text's start or after a space (pg_trgm indexes a word's start). */
const wordStarts = (column: PgColumn, start: string) => [ilike(column, `${literal(start)}%`), ilike(column, `% ${literal(start)}%`)];

/**
 * Every typed word is inside the column, or could be a typo of one of its
 * words: a word of the column starts with its first letter (any typo after
 * it) or with its first two letters swapped, or the column holds one of its
 * trigrams (a typo in the first letter leaves the next three intact). A
 * coarse net every branch of which the trigram index answers; the ranking
 * decides.
 */
function everyWordNear(column: PgColumn, words: string[]): SQL {
  return and(
    ...words.map((w) => {
      if (typoAllowance(w.length) === 0) return ilike(indexedFor(column, w), likePattern(w));
      const trigrams = Array.from({ length: w.length - 2 }, (_, i) => ilike(column, likePattern(w.slice(i, i + 3))));
      return or(...wordStarts(column, w[0]!), ...wordStarts(column, w[1]! + w[0]!), ...trigrams)!;
    }),
  )!;
}

/**
 * The candidates of one kind, in one statement: the real matches (every word
 * inside `column`) in `order`, then near ones that are not real matches, in no
 * order. `select` builds the kind's query with its own scope and `match`.
 */
function realThenNear<Q extends PgSelect>(select: (match: SQL) => Q, column: PgColumn, words: string[], order: SQL[]) {
  const real = everyWordIn([column], words);
  const realOnes = select(real)
    .orderBy(...order)
    .limit(SEARCH_CANDIDATES);
  const nearOnes = select(and(everyWordNear(column, words), not(real))!).limit(SEARCH_CANDIDATES);
  // Both sides are the same select (one builder): Drizzle's types cannot see that through the generic.
  return unionAll(realOnes as never, nearOnes as never) as unknown as Promise<Awaited<Q>>;
}

export async function searchEverything(db: Db, actor: Actor, { query }: z.output<typeof searchInput>) {
  // A handful of words is all a search needs; more would only lengthen the statements.
  const words = wordsOf(query).slice(0, MAX_WORDS);
  if (!words.length) return { people: [], targets: [], areas: [], notes: [], points: [], actions: [] };

  const [peopleRows, targetRows, areaRows, noteRows, pointRows, actionRows] = await Promise.all([
    realThenNear(
      (match) =>
        db
          .select({
            id: people.id,
            name: people.name,
            title: people.title,
            // What the palette offers on a person: the prep page and booking a 1:1 are their current manager's (policy.ts myReport).
            isMyReport: sql<boolean>`${myReport(actor, people.id)}`,
          })
          .from(people)
          .where(inScope(people, actor, isNull(people.archivedAt), match))
          .$dynamic(),
      people.name,
      words,
      [asc(people.name)],
    ),
    realThenNear(
      (match) =>
        db
          .select({
            id: targets.id,
            title: targets.title,
            status: targets.status,
            // Checking in is the controller's and the owners' (policy.ts checkInTarget).
            mayCheckIn: sql<boolean>`${checkInTarget(actor, targets.id)}`,
          })
          .from(targets)
          .where(inScope(targets, actor, match))
          .$dynamic(),
      targets.title,
      words,
      [asc(targets.title)],
    ),
    realThenNear(
      (match) =>
        db
          .select({ id: areas.id, name: areas.name })
          .from(areas)
          .where(inScope(areas, actor, match))
          .$dynamic(),
      areas.name,
      words,
      [asc(areas.name)],
    ),
    selectNoteMatches(db, actor, [
      everyWordIn([coachingNotes.body, coachingNotes.situation, coachingNotes.behaviour, coachingNotes.impact], words),
    ])
      .orderBy(desc(coachingNotes.createdAt))
      .limit(SEARCH_PER_KIND),
    selectPointMatches(db, actor, [everyWordIn([talkingPoints.body], words)])
      .orderBy(desc(talkingPoints.createdAt))
      .limit(SEARCH_PER_KIND),
    realThenNear(
      (match) =>
        db
          .select({
            id: actionItems.id,
            personId: actionItems.personId,
            personName: people.name,
            title: actionItems.title,
            oneOnOneId: actionItems.oneOnOneId,
            done: sql<boolean>`${actionItems.doneAt} is not null`,
          })
          .from(actionItems)
          .innerJoin(people, and(eq(people.id, actionItems.personId), eq(people.orgId, actionItems.orgId)))
          .where(inScope(actionItems, actor, match))
          .$dynamic(),
      actionItems.title,
      words,
      [desc(actionItems.createdAt)],
    ),
  ]);

  const wanted = words.join(" ");
  const rank = <T>(rows: T[], textOf: (row: T) => string) => rankByMatch(wanted, rows, textOf, SEARCH_PER_KIND);
  return {
    people: rank(peopleRows, (p) => p.name),
    targets: rank(targetRows, (t) => t.title),
    areas: rank(areaRows, (a) => a.name),
    notes: noteRows.map(({ body, situation, behaviour, impact, ...note }) => ({
      ...note,
      snippet: snippetText(noteText({ body, situation, behaviour, impact }), query),
    })),
    points: pointRows.map(({ body, ...point }) => ({ ...point, snippet: snippetText(markdownToPlainText(body), query) })),
    actions: rank(actionRows, (a) => a.title),
  };
}
