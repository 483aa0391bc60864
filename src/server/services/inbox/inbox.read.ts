import { and, desc, eq, getTableColumns, isNull, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { notifications, people, type NotificationKind } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope } from "../kernel/access";
import { policyFor } from "../kernel/policy";
import { INBOX_PAGE, type inboxListInput } from "@/lib/validators/inbox";
import { decodeCursor, encodeCursor } from "@/lib/keyset";
import { exactTime, olderThan, timeIdKey } from "../../db/keyset-time";

/**
 * The inbox: what others did that concerns the actor, newest first. Every
 * read goes through `inScope(notifications, …)`: the actor's own items, whose
 * subject they still see (policy.ts, the inbox section).
 */

type Row = {
  kind: NotificationKind;
  recipientPersonId: string;
  personId: string | null;
  targetId: string | null;
  pokerRoundId: string | null;
};

/** Where an item leads: the page of the thing it is about, as the recipient sees it. */
export function inboxHref(row: Row): string {
  switch (row.kind) {
    case "talking_point_added":
    case "action_assigned":
      // The report's own prep page, or the manager's page of the report's 1:1s.
      return row.personId === row.recipientPersonId || !row.personId ? "/one-on-ones/prep" : `/one-on-ones/${row.personId}`;
    case "check_in":
    case "target_comment":
    case "status_update":
      return row.targetId ? `/targets/${row.targetId}` : "/targets";
    case "level_proposed":
      return row.personId ? `/delegation/${row.personId}` : "/delegation";
    case "proposal_answered":
      return "/delegation/mine";
    case "poker_started":
      return "/delegation/poker";
  }
}

const columns = {
  id: notifications.id,
  kind: notifications.kind,
  text: notifications.text,
  createdAt: notifications.createdAt,
  readAt: notifications.readAt,
  recipientPersonId: notifications.recipientPersonId,
  actorPersonId: notifications.actorPersonId,
  actorName: people.name,
  personId: notifications.personId,
  targetId: notifications.targetId,
  taskId: notifications.taskId,
  pokerRoundId: notifications.pokerRoundId,
};

/** The first batch of candidates a page looks at: a page and as many again, for the hidden ones. */
const FIRST_BATCH = (INBOX_PAGE + 1) * 2;
/** Batches double while hidden items keep a page from filling, up to this many rows at a time. */
const MAX_BATCH = 1000;

/**
 * A page of the actor's inbox (INBOX_PAGE items, keyset on (created_at, id)), and the cursor of the next.
 * The cursor carries the database's text of the time (keyset-time.ts): a Date's
 * milliseconds would skip an item of the same millisecond as the page's last.
 *
 * Bounded whatever the inbox's size (issue #20): each statement takes a batch of
 * the actor's own items in the recipient index's order (the keyset, then
 * `limit`), and only those are checked against the read-time rule, as a flag per
 * row. Had the rule been in the `where` of one ordered statement, PostgreSQL
 * checked every item the recipient ever got before its top-N sort. When hidden
 * items keep the page from filling, the next batch starts after the last
 * candidate (by its id, so the keyset keeps the database's microseconds), so the
 * page is the same as the single statement's: the first INBOX_PAGE + 1 visible
 * items after the cursor, newest first.
 */
export async function listInbox(db: Db, actor: Actor, input: z.output<typeof inboxListInput>) {
  const n = notifications;
  const afterCursor = olderThan(n.createdAt, n.id, decodeCursor(input?.cursor, timeIdKey));
  const unreadOnly = input?.unreadOnly ? isNull(n.readAt) : undefined;
  const rows: Omit<Awaited<ReturnType<typeof inboxBatch>>[number], "visible" | "key">[] = [];
  let lastKey: [string, string] | undefined;
  let after = afterCursor;
  for (let size = FIRST_BATCH; ; size = Math.min(size * 2, MAX_BATCH)) {
    const batch = await inboxBatch(db, actor, and(after, unreadOnly), size);
    for (const { visible, key, ...row } of batch)
      if (visible && rows.length <= INBOX_PAGE) {
        // The page's last item's key (the row after it only says there is more).
        if (rows.length < INBOX_PAGE) lastKey = [key, row.id];
        rows.push(row);
      }
    const lastCandidate = batch.at(-1);
    if (rows.length > INBOX_PAGE || batch.length < size || !lastCandidate) break;
    after = sql`(${n.createdAt}, ${n.id}) < (select ${n.createdAt}, ${n.id} from ${n} where ${n.orgId} = ${actor.orgId} and ${n.id} = ${lastCandidate.id})`;
  }
  const more = rows.length > INBOX_PAGE;
  const page = rows.slice(0, INBOX_PAGE);
  return {
    items: page.map(({ recipientPersonId: _r, ...row }) => ({
      ...row,
      href: inboxHref({ ...row, recipientPersonId: _r }),
      read: row.readAt !== null,
    })),
    nextCursor: more && lastKey ? encodeCursor(lastKey) : null,
  };
}

/**
 * The actor's next `size` items after `where` in the recipient index's order,
 * each with whether the actor may see it now (the policy, and its author still
 * a person of the organisation, as the inner join of the page asked before).
 *
 * The batch is a subquery named like the table, so that the policy's SQL (it
 * names `notifications`' columns) reads the batch's rows: no join back to the
 * table, which PostgreSQL planned as a hash join over all of it.
 */
function inboxBatch(db: Db, actor: Actor, where: SQL | undefined, size: number) {
  const n = notifications;
  const batch = db
    .select(getTableColumns(n))
    .from(n)
    .where(and(eq(n.orgId, actor.orgId), eq(n.recipientPersonId, actor.personId), where))
    .orderBy(desc(n.createdAt), desc(n.id))
    .limit(size)
    .as("notifications");
  return db
    .select({
      id: batch.id,
      kind: batch.kind,
      text: batch.text,
      createdAt: batch.createdAt,
      readAt: batch.readAt,
      recipientPersonId: batch.recipientPersonId,
      actorPersonId: batch.actorPersonId,
      actorName: people.name,
      personId: batch.personId,
      targetId: batch.targetId,
      taskId: batch.taskId,
      pokerRoundId: batch.pokerRoundId,
      key: exactTime(batch.createdAt),
      visible: sql<boolean>`(${people.id} is not null and ${policyFor(n, actor, "see")})`.mapWith(Boolean),
    })
    .from(batch)
    .leftJoin(people, and(eq(people.orgId, batch.orgId), eq(people.id, batch.actorPersonId)))
    .orderBy(desc(batch.createdAt), desc(batch.id));
}

/** The most the navigation counts; beyond it shows "99+". */
export const UNREAD_CAP = 99;

/**
 * The actor's unread items, counted up to UNREAD_CAP + 1 (on every page: the
 * partial index on unread rows, and no more rows than the cap are looked at).
 */
export async function unreadCount(db: Db, actor: Actor): Promise<{ count: number; capped: boolean }> {
  const n = notifications;
  const capped = db
    .select({ id: n.id })
    .from(n)
    .where(inScope(n, actor, isNull(n.readAt)))
    .limit(UNREAD_CAP + 1)
    .as("capped");
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(capped);
  const count = Number(row?.count ?? 0);
  return { count: Math.min(count, UNREAD_CAP), capped: count > UNREAD_CAP };
}

/** The actor's unread items for the digest email: the newest `limit`, with links, and how many there are in all. */
export async function unreadForDigest(db: Db, actor: Actor, limit = 50) {
  const n = notifications;
  const rows = await db
    .select(columns)
    .from(n)
    .innerJoin(people, and(eq(people.orgId, n.orgId), eq(people.id, n.actorPersonId)))
    .where(inScope(n, actor, isNull(n.readAt)))
    .orderBy(desc(n.createdAt), desc(n.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, href: inboxHref(row) }));
}
