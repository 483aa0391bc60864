import { organisations } from "./organisations";
import { foreignKey, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { people } from "./people";

/**
 * A hand-over: a person moved from one manager (`fromPersonId`) to another
 * (`toPersonId`), recorded by the reporting-line change itself
 * (services/people/people.write.ts, under the organisation's lock). The new
 * manager's hand-over page reads the person's shared history through the
 * ordinary policies; who reads the hand-over itself is policy.ts's
 * "hand-overs" section.
 */
export const handovers = pgTable(
  "handovers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    personId: uuid("person_id").notNull(),
    fromPersonId: uuid("from_person_id").notNull(),
    toPersonId: uuid("to_person_id").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("handovers_org_id_id_key").on(t.orgId, t.id),
    foreignKey({
      name: "handovers_person_same_org_fk",
      columns: [t.orgId, t.personId],
      foreignColumns: [people.orgId, people.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "handovers_from_same_org_fk",
      columns: [t.orgId, t.fromPersonId],
      foreignColumns: [people.orgId, people.id],
    }).onDelete("cascade"),
    foreignKey({ name: "handovers_to_same_org_fk", columns: [t.orgId, t.toPersonId], foreignColumns: [people.orgId, people.id] }).onDelete(
      "cascade",
    ),
    index("handovers_org_person_at_idx").on(t.orgId, t.personId, t.at),
    index("handovers_org_to_at_idx").on(t.orgId, t.toPersonId, t.at),
    index("handovers_org_from_idx").on(t.orgId, t.fromPersonId),
  ],
);

/**
 * The old manager's note for the new one, on a hand-over (one per hand-over).
 * Written by the from-manager (`authorPersonId`), read by the two managers;
 * `version` grows with each save, so a stale tab cannot overwrite a newer text.
 */
export const handoverNotes = pgTable(
  "handover_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    handoverId: uuid("handover_id").notNull(),
    authorPersonId: uuid("author_person_id").notNull(),
    body: text("body").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("handover_notes_org_id_id_key").on(t.orgId, t.id),
    unique("handover_notes_org_handover_key").on(t.orgId, t.handoverId),
    foreignKey({
      name: "handover_notes_handover_same_org_fk",
      columns: [t.orgId, t.handoverId],
      foreignColumns: [handovers.orgId, handovers.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "handover_notes_author_same_org_fk",
      columns: [t.orgId, t.authorPersonId],
      foreignColumns: [people.orgId, people.id],
    }).onDelete("cascade"),
    index("handover_notes_org_author_idx").on(t.orgId, t.authorPersonId),
  ],
);
