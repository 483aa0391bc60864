import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { notifications, people, type NotificationKind } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope } from "../kernel/access";
import { INBOX_PAGE, type inboxListInput } from "@/lib/validators/inbox";

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

/** A page of the actor's inbox (INBOX_PAGE items, keyset on (created_at, id)), and the cursor of the next. */
export async function listInbox(db: Db, actor: Actor, input: z.output<typeof inboxListInput>) {
  const n = notifications;
  const [at, id] = input?.cursor ? input.cursor.split("_") : [];
  const after = at && id ? sql`(${n.createdAt}, ${n.id}) < (${at}::timestamptz, ${id}::uuid)` : undefined;
  const rows = await db
    .select(columns)
    .from(n)
    .innerJoin(people, and(eq(people.orgId, n.orgId), eq(people.id, n.actorPersonId)))
    .where(inScope(n, actor, after, input?.unreadOnly ? isNull(n.readAt) : undefined))
    .orderBy(desc(n.createdAt), desc(n.id))
    .limit(INBOX_PAGE + 1);
  const more = rows.length > INBOX_PAGE;
  const page = rows.slice(0, INBOX_PAGE);
  const last = page.at(-1);
  return {
    items: page.map(({ recipientPersonId: _r, ...row }) => ({
      ...row,
      href: inboxHref({ ...row, recipientPersonId: _r }),
      read: row.readAt !== null,
    })),
    nextCursor: more && last ? `${last.createdAt.toISOString()}_${last.id}` : null,
  };
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
