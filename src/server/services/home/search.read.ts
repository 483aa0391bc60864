import { and, asc, desc, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
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
 * Typo tolerance without a database extension. pg_trgm is not installed on
 * every PostgreSQL this app runs against (nor loaded in the embedded PGlite),
 * so names and titles (people, targets, areas, actions) are matched in two
 * steps: the database returns a bounded set of candidates (every typed word
 * inside the text, or, for a word long enough to carry a typo, the text
 * shares one of its letter pairs or has a word starting with its first
 * letter: one typo leaves at least one of those intact), the real matches
 * first; then lib/search/fuzzy.ts ranks them by Damerau–Levenshtein distance
 * on word prefixes, exact before prefix before typo. Notes and talking points
 * are free text: every typed word must be in them (ILIKE), newest first, and
 * their snippet is the rendered text (markdown stripped), cut around the match.
 */

/** Results shown per kind. */
export const SEARCH_PER_KIND = 5;
/** Candidates read per kind for the typo-tolerant ranking: bounds the work of a search in a large organisation. */
export const SEARCH_CANDIDATES = 200;

/** Typed words used (the rest are ignored). */
const MAX_WORDS = 8;

/** Every typed word is inside the column (`%`, `_` and `\` typed are literal). */
function everyWordIn(columns: (PgColumn | SQL)[], words: string[]): SQL {
  return and(...words.map((w) => or(...columns.map((c) => ilike(c, likePattern(w))))))!;
}

/**
 * Every typed word is inside the column, or could be a typo of one of its
 * words: the column holds one of the word's letter pairs, or a word starting
 * with its first letter. A coarse, cheap net; the ranking decides.
 */
function everyWordNear(column: PgColumn, words: string[]): SQL {
  return and(
    ...words.map((w) => {
      if (typoAllowance(w.length) === 0) return ilike(column, likePattern(w));
      const pairs = Array.from({ length: w.length - 1 }, (_, i) => ilike(column, likePattern(w.slice(i, i + 2))));
      const initial = w[0]!.replace(/[\\%_]/g, (c) => `\\${c}`);
      return or(ilike(column, `${initial}%`), ilike(column, `% ${initial}%`), ...pairs)!;
    }),
  )!;
}

/** The candidates' order: real matches first, so the bound never cuts them for near ones. */
const realFirst = (column: PgColumn, words: string[]) => sql`case when ${everyWordIn([column], words)} then 0 else 1 end`;

export async function searchEverything(db: Db, actor: Actor, { query }: z.output<typeof searchInput>) {
  // A handful of words is all a search needs; more would only lengthen the statements.
  const words = wordsOf(query).slice(0, MAX_WORDS);
  if (!words.length) return { people: [], targets: [], areas: [], notes: [], points: [], actions: [] };

  const [peopleRows, targetRows, areaRows, noteRows, pointRows, actionRows] = await Promise.all([
    db
      .select({
        id: people.id,
        name: people.name,
        title: people.title,
        // What the palette offers on a person: the prep page and booking a 1:1 are their current manager's (policy.ts myReport).
        isMyReport: sql<boolean>`${myReport(actor, people.id)}`,
      })
      .from(people)
      .where(inScope(people, actor, isNull(people.archivedAt), everyWordNear(people.name, words)))
      .orderBy(realFirst(people.name, words), asc(people.name))
      .limit(SEARCH_CANDIDATES),
    db
      .select({
        id: targets.id,
        title: targets.title,
        status: targets.status,
        // Checking in is the controller's and the owners' (policy.ts checkInTarget).
        mayCheckIn: sql<boolean>`${checkInTarget(actor, targets.id)}`,
      })
      .from(targets)
      .where(inScope(targets, actor, everyWordNear(targets.title, words)))
      .orderBy(realFirst(targets.title, words), asc(targets.title))
      .limit(SEARCH_CANDIDATES),
    db
      .select({ id: areas.id, name: areas.name })
      .from(areas)
      .where(inScope(areas, actor, everyWordNear(areas.name, words)))
      .orderBy(realFirst(areas.name, words), asc(areas.name))
      .limit(SEARCH_CANDIDATES),
    selectNoteMatches(db, actor, [
      everyWordIn([coachingNotes.body, coachingNotes.situation, coachingNotes.behaviour, coachingNotes.impact], words),
    ])
      .orderBy(desc(coachingNotes.createdAt))
      .limit(SEARCH_PER_KIND),
    selectPointMatches(db, actor, [everyWordIn([talkingPoints.body], words)])
      .orderBy(desc(talkingPoints.createdAt))
      .limit(SEARCH_PER_KIND),
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
      .where(inScope(actionItems, actor, everyWordNear(actionItems.title, words)))
      .orderBy(realFirst(actionItems.title, words), desc(actionItems.createdAt))
      .limit(SEARCH_CANDIDATES),
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
