import { and, eq, type SQL } from "drizzle-orm";
import type { SelectedFields } from "drizzle-orm/pg-core";
import type { Db } from "../../db/types";
import { coachingNotes, people, talkingPoints } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope, inScopeFromReaders } from "../kernel/access";

/**
 * The one shape of a notes search, shared by the palette's search
 * (home/search.read.ts) and the 1:1 search page (views.read.ts): a matching
 * coaching note or talking point, the person it is about (by name), and the
 * text the caller renders for its snippet. Through the policy (`inScope`), so
 * another author's private note is never a match. Each caller brings its own
 * match (`where`), any columns of its own (`extra`: the page's keyset), and
 * its order and limit.
 */

/** What a search shows of a note: the text it matched on, whose it is, where it was written. */
const noteMatchColumns = {
  id: coachingNotes.id,
  personId: coachingNotes.personId,
  personName: people.name,
  kind: coachingNotes.kind,
  body: coachingNotes.body,
  situation: coachingNotes.situation,
  behaviour: coachingNotes.behaviour,
  impact: coachingNotes.impact,
  private: coachingNotes.private,
  oneOnOneId: coachingNotes.oneOnOneId,
};

/** What a search shows of a talking point: its text, whose it is, the 1:1 it was discussed in. */
const pointMatchColumns = {
  id: talkingPoints.id,
  personId: talkingPoints.personId,
  personName: people.name,
  body: talkingPoints.body,
  discussedInId: talkingPoints.discussedInId,
};

/** Coaching notes the actor sees that meet `where`, with their person's name; the caller orders and limits. */
export function selectNoteMatches<E extends SelectedFields = Record<never, never>>(
  db: Db,
  actor: Actor,
  where: (SQL | undefined)[],
  extra: E = {} as E,
) {
  return (
    db
      .select({ ...noteMatchColumns, ...extra })
      .from(coachingNotes)
      .innerJoin(people, and(eq(people.id, coachingNotes.personId), eq(people.orgId, coachingNotes.orgId)))
      // From the notes the actor's reader rules point at (few, by index), not by testing the org's every match.
      .where(inScopeFromReaders(coachingNotes, actor, ...where))
  );
}

/** Talking points the actor sees that meet `where`, with their person's name; the caller orders and limits. */
export function selectPointMatches<E extends SelectedFields = Record<never, never>>(
  db: Db,
  actor: Actor,
  where: (SQL | undefined)[],
  extra: E = {} as E,
) {
  return db
    .select({ ...pointMatchColumns, ...extra })
    .from(talkingPoints)
    .innerJoin(people, and(eq(people.id, talkingPoints.personId), eq(people.orgId, talkingPoints.orgId)))
    .where(inScope(talkingPoints, actor, ...where));
}
