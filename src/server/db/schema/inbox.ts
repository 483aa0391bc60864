import { sql } from "drizzle-orm";
import { foreignKey, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { people } from "./people";
import { targets } from "./targets";
import { pokerRounds, tasks } from "./delegation";
import { actionItems, talkingPoints } from "./one-on-ones";

/** What happened, in the inbox's words (services/inbox/notify.write.ts writes each). */
export const NOTIFICATION_KINDS = [
  "talking_point_added",
  "action_assigned",
  "check_in",
  "target_comment",
  "status_update",
  "level_proposed",
  "proposal_answered",
  "poker_started",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * One row per recipient of something another person did that concerns them,
 * written at the time of the event in the same transaction as the event
 * (services/inbox/notify.write.ts). The subject columns name what it is
 * about; policy.ts re-checks at read time that the recipient still sees it,
 * and a deleted subject takes its rows with it (the foreign keys cascade).
 * `text` is a short snapshot ("Sofia added a talking point to your 1:1").
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    recipientPersonId: uuid("recipient_person_id").notNull(),
    actorPersonId: uuid("actor_person_id").notNull(),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    /** The person whose 1:1 or delegation it is about (the link's page), when it is one. */
    personId: uuid("person_id"),
    targetId: uuid("target_id"),
    taskId: uuid("task_id"),
    pokerRoundId: uuid("poker_round_id"),
    talkingPointId: uuid("talking_point_id"),
    actionItemId: uuid("action_item_id"),
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    unique("notifications_org_id_id_key").on(t.orgId, t.id),
    foreignKey({
      name: "notifications_recipient_same_org_fk",
      columns: [t.orgId, t.recipientPersonId],
      foreignColumns: [people.orgId, people.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "notifications_actor_same_org_fk",
      columns: [t.orgId, t.actorPersonId],
      foreignColumns: [people.orgId, people.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "notifications_person_same_org_fk",
      columns: [t.orgId, t.personId],
      foreignColumns: [people.orgId, people.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "notifications_target_same_org_fk",
      columns: [t.orgId, t.targetId],
      foreignColumns: [targets.orgId, targets.id],
    }).onDelete("cascade"),
    foreignKey({ name: "notifications_task_same_org_fk", columns: [t.orgId, t.taskId], foreignColumns: [tasks.orgId, tasks.id] }).onDelete(
      "cascade",
    ),
    foreignKey({
      name: "notifications_round_same_org_fk",
      columns: [t.orgId, t.pokerRoundId],
      foreignColumns: [pokerRounds.orgId, pokerRounds.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "notifications_point_same_org_fk",
      columns: [t.orgId, t.talkingPointId],
      foreignColumns: [talkingPoints.orgId, talkingPoints.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "notifications_action_same_org_fk",
      columns: [t.orgId, t.actionItemId],
      foreignColumns: [actionItems.orgId, actionItems.id],
    }).onDelete("cascade"),
    // The inbox's page (newest first, keyset on created_at, id) and its unread count.
    index("notifications_recipient_idx").on(t.orgId, t.recipientPersonId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("notifications_unread_idx")
      .on(t.orgId, t.recipientPersonId)
      .where(sql`${t.readAt} is null`),
    index("notifications_actor_idx").on(t.orgId, t.actorPersonId),
    index("notifications_target_idx").on(t.orgId, t.targetId),
    index("notifications_task_idx").on(t.orgId, t.taskId),
    index("notifications_round_idx").on(t.orgId, t.pokerRoundId),
    index("notifications_point_idx").on(t.orgId, t.talkingPointId),
    index("notifications_action_idx").on(t.orgId, t.actionItemId),
    index("notifications_person_idx").on(t.orgId, t.personId),
  ],
);
