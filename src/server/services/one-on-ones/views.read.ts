import { and, asc, desc, eq, getTableColumns, gte, ilike, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/types";
import { actionItems, coachingNotes, growthGoals, oneOnOnes, people, talkingPoints, targets } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope, loadInScope, myReport } from "../kernel/access";
import { notFound } from "../kernel/errors";
import { oneOnOneSideOf } from "../kernel/access";
import { asSeenBy } from "../people/people.read";
import { userClock } from "../kernel/clock";
import { selectNoteMatches, selectPointMatches } from "./note-search.read";
import { heldOneOnOnesOf, personOfOneOnOne } from "./held.sql";
import { agendaOf, mayChangePoint, mayTickAction, openActions, pointAuthor } from "@/lib/one-on-ones/agenda";
import { byDueThenName, dueOf, nextBookingOffer } from "@/lib/one-on-ones/cadence";
import { likePattern } from "@/lib/one-on-ones/search";
import { markdownToPlainText } from "@/lib/markdown/plain-text";
import { noteText } from "@/lib/one-on-ones/note-text";
import type { historyInput, oneOnOnesSearchInput, othersInput } from "@/lib/validators/one-on-ones";
import { decodeCursor, pageOf } from "@/lib/keyset";
import { z } from "zod";
import { exactTime, olderThan, timeIdKey, timeTextMicros } from "../../db/keyset-time";

/**
 * Reads (a read model): the 1:1 pages as they are shown. The overview, a
 * person's 1:1s, one 1:1, and search. Nothing here writes.
 *
 * They are read from where the actor stands in the chart. The manager's side:
 * the overview lists their direct reports, a person's page opens for a report
 * or for someone they held 1:1s with before a line changed (read only). The
 * report's side: one of their own 1:1s opens with `viewer: "report"`, read
 * only; their next 1:1 is on their Home (home/my-view.read.ts). Every row
 * comes through the policy, which also hides another author's private notes.
 */

/** Who the actor is in a person's 1:1s: their current manager, or someone who held 1:1s with them before (read only). */
export type OneOnOneViewer = "manager" | "former" | "report";

/**
 * The person whose 1:1s the actor opens (their page and its history): the
 * person themself (their side, read only in this version), their manager, or
 * someone who held 1:1s with them before (policy.ts `oneOnOneSideOf`). Anyone
 * else (a skip-level, a peer) gets NOT_FOUND, as for a missing id: 1:1 content
 * belongs to its two people. (The prep page, for the actor and their reports
 * only, checks that in its own statement: prep.read.ts prepHead.)
 */
async function loadOneOnOnePerson(db: Db, actor: Actor, personId: string) {
  const [person] = await db
    .select()
    .from(people)
    .where(inScope(people, actor, eq(people.id, personId), or(eq(people.id, actor.personId), oneOnOneSideOf(actor, people.id))))
    .limit(1);
  if (!person) throw notFound("Person");
  const viewer: OneOnOneViewer = person.id === actor.personId ? "report" : person.managerId === actor.personId ? "manager" : "former";
  return { person, viewer };
}

const pointAuthorRow = alias(people, "point_author");
/**
 * Talking points with their author's name (who added each: either side of
 * the 1:1). The caller adds the `where` (through the policy, as every read).
 */
export function selectPoints(db: Db) {
  return db
    .select({ ...getTableColumns(talkingPoints), authorName: pointAuthorRow.name })
    .from(talkingPoints)
    .leftJoin(pointAuthorRow, and(eq(pointAuthorRow.id, talkingPoints.authorPersonId), eq(pointAuthorRow.orgId, talkingPoints.orgId)));
}
export type PointRow = Awaited<ReturnType<typeof selectPoints>>[number];

/**
 * A point as a page shows it: who added it in the reader's words (`author`,
 * "You" or a first name; a point from before authors were kept is the
 * manager's, `manager`), and whether the reader may change it (policy.ts).
 */
export function shapePoint(actor: Actor, viewer: OneOnOneViewer, manager: { id: string; name: string } | null) {
  return ({ authorName, ...p }: PointRow) => ({
    ...p,
    author: pointAuthor(p, authorName, actor.personId, manager),
    mayChange: mayChangePoint(viewer, p, actor.personId),
  });
}

/**
 * The person's 1:1 booked from yesterday on, if any: what "the next one is
 * booked" means for the next-booking offer and for the report's own booking
 * (an old booking never held does not count as booked ahead).
 */
export function bookedAhead(db: Db, actor: Actor, personId: string, now = new Date()) {
  return db
    .select({ id: oneOnOnes.id, scheduledAt: oneOnOnes.scheduledAt })
    .from(oneOnOnes)
    .where(
      inScope(
        oneOnOnes,
        actor,
        eq(oneOnOnes.personId, personId),
        eq(oneOnOnes.status, "scheduled"),
        gte(oneOnOnes.scheduledAt, new Date(now.getTime() - 86_400_000)),
      ),
    )
    .orderBy(asc(oneOnOnes.scheduledAt))
    .limit(1);
}

/** Per person: last held 1:1, earliest still scheduled, how many held. One grouped query. */
export async function meetingStats(db: Db, actor: Actor, personId?: string) {
  return db
    .select({
      personId: oneOnOnes.personId,
      lastHeldAt: sql<Date | null>`max(${oneOnOnes.heldAt}) filter (where ${oneOnOnes.status} = 'held')`.mapWith(oneOnOnes.heldAt),
      nextScheduledAt: sql<Date | null>`min(${oneOnOnes.scheduledAt}) filter (where ${oneOnOnes.status} = 'scheduled')`.mapWith(
        oneOnOnes.scheduledAt,
      ),
      held: sql<number>`count(*) filter (where ${oneOnOnes.status} = 'held')`.mapWith(Number),
      total: sql<number>`count(*)`.mapWith(Number),
    })
    .from(oneOnOnes)
    .where(inScope(oneOnOnes, actor, personId ? eq(oneOnOnes.personId, personId) : myReport(actor, oneOnOnes.personId)))
    .groupBy(oneOnOnes.personId);
}

/** The most direct reports the overview lists (by name; `morePeople` says there are more: the people page lists them all). */
export const REPORTS_LISTED = 200;

/**
 * The actor's direct reports (active, at most REPORTS_LISTED) with where their
 * 1:1s stand (overdue first), open points and actions, and their 1:1s booked
 * from today: those the actor holds and those inherited with a line. The people
 * they held 1:1s with who no longer report to them are a list of their own, a
 * page at a time (`formerPeople`). Five queries.
 */
export async function oneOnOnesOverview(db: Db, actor: Actor, now = new Date()) {
  const clock = await userClock(db, actor, now);
  const startOfToday = new Date(now.getTime() - 86_400_000);
  const [peopleRows, stats, actions, points, upcoming] = await Promise.all([
    db
      .select({
        id: people.id,
        name: people.name,
        track: people.track,
        level: people.level,
        cadence: people.cadence,
        cadenceDays: people.cadenceDays,
        createdAt: people.createdAt,
        managerId: people.managerId,
      })
      .from(people)
      .where(inScope(people, actor, isNull(people.archivedAt), myReport(actor, people.id)))
      .orderBy(asc(people.name), asc(people.id))
      .limit(REPORTS_LISTED + 1),
    meetingStats(db, actor),
    db
      .select({
        personId: actionItems.personId,
        mine: sql<number>`count(*) filter (where ${actionItems.assignee} = 'me')`.mapWith(Number),
        theirs: sql<number>`count(*) filter (where ${actionItems.assignee} = 'them')`.mapWith(Number),
        overdue: sql<number>`count(*) filter (where ${actionItems.dueDate} < ${clock.today})`.mapWith(Number),
      })
      .from(actionItems)
      .where(inScope(actionItems, actor, isNull(actionItems.doneAt), myReport(actor, actionItems.personId)))
      .groupBy(actionItems.personId),
    db
      .select({ personId: talkingPoints.personId, open: sql<number>`count(*)`.mapWith(Number) })
      .from(talkingPoints)
      .where(inScope(talkingPoints, actor, isNull(talkingPoints.discussedInId), myReport(actor, talkingPoints.personId)))
      .groupBy(talkingPoints.personId),
    db
      .select({ id: oneOnOnes.id, personId: oneOnOnes.personId, scheduledAt: oneOnOnes.scheduledAt, personName: people.name })
      .from(oneOnOnes)
      .innerJoin(people, and(eq(people.id, oneOnOnes.personId), eq(people.orgId, oneOnOnes.orgId)))
      .where(
        inScope(
          oneOnOnes,
          actor,
          eq(oneOnOnes.status, "scheduled"),
          gte(oneOnOnes.scheduledAt, startOfToday),
          isNull(people.archivedAt),
          myReport(actor, oneOnOnes.personId),
        ),
      )
      .orderBy(asc(oneOnOnes.scheduledAt))
      .limit(50),
  ]);
  const morePeople = peopleRows.length > REPORTS_LISTED;
  const rows = peopleRows.slice(0, REPORTS_LISTED).map((row) => {
    const p = asSeenBy(actor, row);
    const s = stats.find((x) => x.personId === p.id);
    return {
      ...p,
      lastHeldAt: s?.lastHeldAt ?? null,
      nextScheduledAt: s?.nextScheduledAt ?? null,
      held: s?.held ?? 0,
      due: dueOf(p, s, clock),
      actions: actions.find((a) => a.personId === p.id) ?? { mine: 0, theirs: 0, overdue: 0 },
      openPoints: points.find((x) => x.personId === p.id)?.open ?? 0,
    };
  });
  rows.sort(byDueThenName);
  return { today: clock.today, timeZone: clock.timeZone, people: rows, morePeople, upcoming };
}

/** A page of "others you held 1:1s with". */
export const OTHERS_PAGE = 50;
const nameIdKey = z.tuple([z.string().max(1000), z.uuid()]);

/**
 * The people the actor held 1:1s with who no longer report to them (whose
 * held 1:1s they still read), by name, a page at a time (keyset on (name,
 * id)). Grouped over the actor's own held 1:1s (the index on the holder):
 * what it reads grows with the actor's history, not with the organisation.
 */
export async function formerPeople(db: Db, actor: Actor, input: z.output<typeof othersInput>) {
  const limit = input.limit ?? OTHERS_PAGE;
  const after = decodeCursor(input.cursor, nameIdKey);
  const rows = await db
    .select({
      id: people.id,
      name: people.name,
      track: people.track,
      lastHeldAt: sql<Date | null>`max(${oneOnOnes.heldAt})`.mapWith(oneOnOnes.heldAt),
      held: sql<number>`count(*)`.mapWith(Number),
    })
    .from(oneOnOnes)
    .innerJoin(people, personOfOneOnOne)
    .where(
      heldOneOnOnesOf(
        actor,
        ne(oneOnOnes.personId, actor.personId),
        isNull(people.archivedAt),
        sql`not ${myReport(actor, oneOnOnes.personId)}`,
        after ? sql`(${people.name}, ${people.id}) > (${after[0]}, ${after[1]}::uuid)` : undefined,
      ),
    )
    .groupBy(people.id, people.name, people.track)
    .orderBy(asc(people.name), asc(people.id))
    .limit(limit + 1);
  return pageOf(rows, limit, (r) => [r.name, r.id]);
}

/** The 1:1s booked ahead the person page lists (the earliest first); the past ones are a list of their own (`oneOnOneHistory`). */
export const UPCOMING_LISTED = 20;
/** A page of a person's past 1:1s. */
export const HISTORY_PAGE = 20;
/** The person page's recent notes: the newest, the rest in search and in each 1:1. */
export const NOTES_LISTED = 50;

/**
 * A page of a person's past 1:1s (held or cancelled; for an old manager, the
 * ones they held), newest first: keyset on (scheduled_at, id), which the index
 * (org_id, person_id, scheduled_at) answers whatever the history's length.
 * NOT_FOUND as the person page for anyone but the two sides.
 */
export async function oneOnOneHistory(db: Db, actor: Actor, input: z.output<typeof historyInput>) {
  const limit = input.limit ?? HISTORY_PAGE;
  // Who may read it first: a bad cursor on someone else's 1:1s is NOT_FOUND, as any other call on them.
  await loadOneOnOnePerson(db, actor, input.personId);
  const after = decodeCursor(input.cursor, timeIdKey);
  const rows = await db
    .select({
      id: oneOnOnes.id,
      scheduledAt: oneOnOnes.scheduledAt,
      status: oneOnOnes.status,
      heldAt: oneOnOnes.heldAt,
      managerPersonId: oneOnOnes.managerPersonId,
      key: exactTime(oneOnOnes.scheduledAt),
    })
    .from(oneOnOnes)
    .where(
      inScope(
        oneOnOnes,
        actor,
        eq(oneOnOnes.personId, input.personId),
        ne(oneOnOnes.status, "scheduled"),
        olderThan(oneOnOnes.scheduledAt, oneOnOnes.id, after),
      ),
    )
    .orderBy(desc(oneOnOnes.scheduledAt), desc(oneOnOnes.id))
    .limit(limit + 1);
  const page = pageOf(rows, limit, (r) => [r.key, r.id]);
  return { ...page, items: page.items.map(({ key: _k, ...m }) => m) };
}

/**
 * Actions with the target each one is linked to, as `target` ({ id, title }),
 * when the reader sees that target (policy: targets' visibility); otherwise
 * null, as if unlinked: a target the reader does not see is never named.
 */
async function withTargets<A extends { targetId: string | null }>(db: Db, actor: Actor, actions: A[]) {
  const ids = [...new Set(actions.flatMap((a) => (a.targetId ? [a.targetId] : [])))];
  const seen = ids.length
    ? await db
        .select({ id: targets.id, title: targets.title })
        .from(targets)
        .where(inScope(targets, actor, inArray(targets.id, ids)))
    : [];
  const byId = new Map(seen.map((t) => [t.id, t]));
  return actions.map((a) => {
    const target = a.targetId ? (byId.get(a.targetId) ?? null) : null;
    return { ...a, targetId: target?.id ?? null, target };
  });
}

/**
 * A person's 1:1s: due state, the 1:1s booked, agenda, actions, goals and
 * recent notes (the past 1:1s are `oneOnOneHistory`'s pages). Eight queries. For an old manager (`viewer: "former"`), only what
 * they held: the policy keeps the rest with the new manager.
 */
export async function personOneOnOnes(db: Db, actor: Actor, personId: string, now = new Date()) {
  const { person, viewer } = await loadOneOnOnePerson(db, actor, personId);
  const clock = await userClock(db, actor, now);
  const [[stats], upcoming, points, actions, goals, notes, [reportsManager]] = await Promise.all([
    meetingStats(db, actor, personId),
    db
      .select()
      .from(oneOnOnes)
      .where(inScope(oneOnOnes, actor, eq(oneOnOnes.personId, personId), eq(oneOnOnes.status, "scheduled")))
      .orderBy(asc(oneOnOnes.scheduledAt), asc(oneOnOnes.id))
      .limit(UPCOMING_LISTED),
    selectPoints(db).where(inScope(talkingPoints, actor, eq(talkingPoints.personId, personId), isNull(talkingPoints.discussedInId))),
    db
      .select()
      .from(actionItems)
      .where(
        inScope(
          actionItems,
          actor,
          eq(actionItems.personId, personId),
          or(isNull(actionItems.doneAt), gte(actionItems.doneAt, new Date(now.getTime() - 30 * 86_400_000))),
        ),
      )
      .orderBy(desc(actionItems.createdAt))
      .limit(500),
    goalsWithNotes(db, actor, personId),
    db
      .select({ note: coachingNotes, meetingAt: oneOnOnes.scheduledAt, goalTitle: growthGoals.title })
      .from(coachingNotes)
      .leftJoin(oneOnOnes, and(eq(oneOnOnes.id, coachingNotes.oneOnOneId), eq(oneOnOnes.orgId, coachingNotes.orgId)))
      .leftJoin(growthGoals, and(eq(growthGoals.id, coachingNotes.goalId), eq(growthGoals.orgId, coachingNotes.orgId)))
      .where(inScope(coachingNotes, actor, eq(coachingNotes.personId, personId)))
      .orderBy(desc(coachingNotes.createdAt))
      .limit(NOTES_LISTED),
    // The report's own page names their manager on the points from before authors were kept.
    viewer === "report" && person.managerId
      ? db
          .select({ id: people.id, name: people.name })
          .from(people)
          .where(inScope(people, actor, eq(people.id, person.managerId)))
          .limit(1)
      : Promise.resolve([]),
  ]);
  const lastHeldAt = stats?.lastHeldAt ?? null;
  const linked = await withTargets(db, actor, actions);
  const legacyAuthor = viewer === "manager" ? { id: actor.personId, name: "You" } : (reportsManager ?? null);
  return {
    person: {
      id: person.id,
      name: person.name,
      track: person.track,
      level: person.level,
      cadence: person.cadence,
      cadenceDays: person.cadenceDays,
      archivedAt: person.archivedAt,
    },
    viewer,
    today: clock.today,
    due: dueOf(person, stats, clock),
    held: stats?.held ?? 0,
    lastHeldAt,
    /** The 1:1s booked (the earliest first, at most UPCOMING_LISTED); the past ones come a page at a time from `history`. */
    upcoming,
    meetingCount: stats?.total ?? 0,
    // A point from before authors were kept is the current manager's; an old manager sees no name on it.
    agenda: agendaOf(points.map(shapePoint(actor, viewer, legacyAuthor))),
    actions: openActions(linked, clock.today),
    recentlyDone: linked.filter((a) => a.doneAt !== null).sort((a, b) => b.doneAt!.getTime() - a.doneAt!.getTime()),
    goals,
    notes: notes.map((n) => ({
      ...n.note,
      meetingAt: n.meetingAt,
      goalTitle: n.goalTitle,
      mine: n.note.authorPersonId === actor.personId,
    })),
  };
}

/** A person's growth goals, active first, each with how many notes it has and the latest one's time. */
export async function goalsWithNotes(db: Db, actor: Actor, personId: string) {
  return (
    db
      .select({
        id: growthGoals.id,
        personId: growthGoals.personId,
        title: growthGoals.title,
        description: growthGoals.description,
        status: growthGoals.status,
        version: growthGoals.version,
        createdAt: growthGoals.createdAt,
        notes: sql<number>`count(${coachingNotes.id})`.mapWith(Number),
        lastNoteAt: sql<Date | null>`max(${coachingNotes.createdAt})`.mapWith(coachingNotes.createdAt),
      })
      .from(growthGoals)
      // Counted through the policy, so another author's private notes leave no trace in the count or the date.
      .leftJoin(coachingNotes, inScope(coachingNotes, actor, eq(coachingNotes.goalId, growthGoals.id)))
      .where(inScope(growthGoals, actor, eq(growthGoals.personId, personId)))
      .groupBy(growthGoals.id)
      .orderBy(sql`${growthGoals.status} = 'active' desc`, asc(growthGoals.createdAt))
  );
}

/**
 * One 1:1: the agenda as it stands (open points, and those discussed in it),
 * actions open or made in it, its notes, the person's goals, and whether the next one is booked. Ten queries.
 *
 * Its two people open it and write in it: the manager (an old manager reads
 * one they held) and the report (`viewer: "report"`). `raisedBy` and
 * `assignee` stay from the manager's side ("me" is the manager); the page
 * words them for whoever reads it, with `holder` for the manager's name. Each
 * point says who added it (`author`) and whether the reader may change it,
 * each action whether the reader may tick it (`mayTick`), as policy.ts rules.
 * Once held, `nextBooking` offers the next one at the cadence.
 */
export async function oneOnOneDetail(db: Db, actor: Actor, id: string, now = new Date()) {
  const meeting = await loadInScope(db, actor, oneOnOnes, id, "1:1");
  const [person, holder] = await Promise.all([
    loadInScope(db, actor, people, meeting.personId, "Person"),
    loadInScope(db, actor, people, meeting.managerPersonId, "Person"),
  ]);
  const viewer: OneOnOneViewer =
    meeting.personId === actor.personId ? "report" : person.managerId === actor.personId ? "manager" : "former";
  const clock = await userClock(db, actor, now);
  const [[previous], points, actions, notes, goals, [stats], [ahead]] = await Promise.all([
    db
      .select({ heldAt: oneOnOnes.heldAt })
      .from(oneOnOnes)
      .where(
        inScope(
          oneOnOnes,
          actor,
          eq(oneOnOnes.personId, meeting.personId),
          eq(oneOnOnes.status, "held"),
          ne(oneOnOnes.id, id),
          lt(oneOnOnes.heldAt, meeting.heldAt ?? now),
        ),
      )
      .orderBy(desc(oneOnOnes.heldAt))
      .limit(1),
    selectPoints(db)
      .where(
        inScope(
          talkingPoints,
          actor,
          eq(talkingPoints.personId, meeting.personId),
          or(isNull(talkingPoints.discussedInId), eq(talkingPoints.discussedInId, id)),
        ),
      )
      .limit(1_000),
    db
      .select()
      .from(actionItems)
      .where(
        inScope(
          actionItems,
          actor,
          eq(actionItems.personId, meeting.personId),
          or(isNull(actionItems.doneAt), eq(actionItems.oneOnOneId, id)),
        ),
      )
      .limit(1_000),
    db
      .select({ note: coachingNotes, goalTitle: growthGoals.title })
      .from(coachingNotes)
      .leftJoin(growthGoals, and(eq(growthGoals.id, coachingNotes.goalId), eq(growthGoals.orgId, coachingNotes.orgId)))
      .where(inScope(coachingNotes, actor, eq(coachingNotes.oneOnOneId, id)))
      .orderBy(asc(coachingNotes.createdAt)),
    db
      .select({ id: growthGoals.id, title: growthGoals.title, status: growthGoals.status })
      .from(growthGoals)
      .where(inScope(growthGoals, actor, eq(growthGoals.personId, meeting.personId)))
      .orderBy(asc(growthGoals.createdAt)),
    meetingStats(db, actor, meeting.personId),
    bookedAhead(db, actor, meeting.personId, now),
  ]);
  const previousHeldAt = previous?.heldAt ?? null;
  const shaped = points.map(shapePoint(actor, viewer, { id: holder.id, name: holder.name }));
  const withTick = <A extends { assignee: "me" | "them" }>(a: A) => ({ ...a, mayTick: mayTickAction(viewer, a) });
  // Held: both people are offered the next one at the cadence, while nothing is booked ahead. The report books with their current manager.
  const offer = nextBookingOffer({
    status: meeting.status,
    heldDay: meeting.heldAt ? clock.dayOf(meeting.heldAt) : null,
    latestHeldDay: stats?.lastHeldAt ? clock.dayOf(stats.lastHeldAt) : null,
    cadence: person.cadence,
    cadenceDays: person.cadenceDays,
    bookedAhead: Boolean(ahead),
  });
  const canBook = viewer === "manager" || (viewer === "report" && person.managerId !== null && !person.archivedAt);
  const linked = await withTargets(db, actor, actions);
  const opened = openActions(linked.map(withTick), clock.today);
  return {
    meeting,
    person: { id: person.id, name: person.name, track: person.track, level: person.level, archivedAt: person.archivedAt },
    holder: { id: holder.id, name: holder.name },
    viewer,
    today: clock.today,
    previousHeldAt,
    agenda: agendaOf(shaped),
    discussed: shaped.filter((p) => p.discussedInId === id).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
    actions: opened,
    doneHere: linked.filter((a) => a.doneAt !== null).map(withTick),
    nextBooking: offer && canBook ? offer : null,
    // A note is changed by its author alone (policy.ts): `mine` says whether the reader wrote it.
    notes: notes.map((n) => ({ ...n.note, goalTitle: n.goalTitle, mine: n.note.authorPersonId === actor.personId })),
    goals,
  };
}

/** A page of search results: notes and talking points together, newest first. */
export const SEARCH_PAGE = 50;

/**
 * Notes and talking points containing the words typed, newest first, with
 * their rendered text (`text`), a page at a time. Both lists share one keyset
 * (created_at, id): each query reads at most a page after the cursor, the two
 * are merged and the page cut, so the next page starts after its last row
 * whichever list it came from. Two queries.
 */
export async function searchOneOnOnes(db: Db, actor: Actor, input: z.output<typeof oneOnOnesSearchInput>) {
  const limit = input.limit ?? SEARCH_PAGE;
  const after = decodeCursor(input.cursor, timeIdKey);
  const pattern = likePattern(input.query);
  const [notes, points] = await Promise.all([
    selectNoteMatches(
      db,
      actor,
      [
        or(
          ilike(coachingNotes.body, pattern),
          ilike(coachingNotes.situation, pattern),
          ilike(coachingNotes.behaviour, pattern),
          ilike(coachingNotes.impact, pattern),
        ),
        olderThan(coachingNotes.createdAt, coachingNotes.id, after),
      ],
      { createdAt: coachingNotes.createdAt, key: exactTime(coachingNotes.createdAt) },
    )
      .orderBy(desc(coachingNotes.createdAt), desc(coachingNotes.id))
      .limit(limit + 1),
    selectPointMatches(
      db,
      actor,
      [ilike(talkingPoints.body, pattern), olderThan(talkingPoints.createdAt, talkingPoints.id, after)],
      // The page shows a point's topic, which the palette does not.
      { topic: talkingPoints.topic, createdAt: talkingPoints.createdAt, key: exactTime(talkingPoints.createdAt) },
    )
      .orderBy(desc(talkingPoints.createdAt), desc(talkingPoints.id))
      .limit(limit + 1),
  ]);
  // One stream in the keyset's order: by exact time, then id (as the database compares uuids: their hex text does too).
  type Hit = { kind: "note"; row: (typeof notes)[number] } | { kind: "point"; row: (typeof points)[number] };
  const merged: Hit[] = [...notes.map((row): Hit => ({ kind: "note", row })), ...points.map((row): Hit => ({ kind: "point", row }))].sort(
    (a, b) => newerFirst(a.row, b.row),
  );
  const page = pageOf(merged, limit, (h) => [h.row.key, h.row.id]);
  // Snippets show what a reader sees: the rendered text, not the markdown typed (home/search.read.ts).
  return {
    notes: page.items.flatMap((h) => (h.kind === "note" ? [{ ...withoutKey(h.row), text: noteText(h.row) }] : [])),
    points: page.items.flatMap((h) => (h.kind === "point" ? [{ ...withoutKey(h.row), text: markdownToPlainText(h.row.body) }] : [])),
    nextCursor: page.nextCursor,
  };
}

function withoutKey<R extends { key: string }>({ key: _k, ...row }: R): Omit<R, "key"> {
  return row;
}

/** Newest first by the exact time (compared as instants, microseconds kept), then the larger id first. */
function newerFirst(a: { key: string; createdAt: Date; id: string }, b: { key: string; createdAt: Date; id: string }) {
  return timeTextMicros(b.key)! - timeTextMicros(a.key)! || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}
