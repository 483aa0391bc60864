import { foreignKey, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { metrics } from "./targets";

export const DATA_SOURCE_KINDS = ["prometheus"] as const;
export const DATA_SOURCE_AUTH_KINDS = ["none", "bearer", "basic"] as const;
export type DataSourceAuthKind = (typeof DATA_SOURCE_AUTH_KINDS)[number];

/**
 * A monitoring system an organisation's metrics can pull from (issue #19): a
 * Prometheus base URL and how to authenticate. The credentials (a bearer
 * token, or a basic-auth user name and password) are sealed with AES-256-GCM
 * under a key derived from AUTH_SECRET (services/integrations/secrets.ts) and
 * never leave the server: the browser only learns whether they are set.
 */
export const dataSources = pgTable(
  "data_sources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind", { enum: DATA_SOURCE_KINDS }).notNull().default("prometheus"),
    baseUrl: text("base_url").notNull(),
    authKind: text("auth_kind", { enum: DATA_SOURCE_AUTH_KINDS }).notNull().default("none"),
    /** The sealed credentials (JSON), base64 of version, nonce, tag and ciphertext; null with auth_kind none. */
    secretSealed: text("secret_sealed"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("data_sources_org_id_id_key").on(t.orgId, t.id),
    unique("data_sources_org_id_name_key").on(t.orgId, t.name),
    index("data_sources_org_id_idx").on(t.orgId),
  ],
);

/**
 * A number metric bound to a PromQL query on a data source. The scheduler
 * (services/integrations/pull.ts) claims a due binding by moving `next_due_at`
 * forward in one short transaction (FOR UPDATE SKIP LOCKED), so that with N
 * instances on one database each due pull runs once, then queries outside any
 * transaction and records the outcome. Unbinding deletes this row and keeps
 * the check-ins it pulled; deleting the data source does the same.
 */
export const metricBindings = pgTable(
  "metric_bindings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    metricId: uuid("metric_id").notNull(),
    dataSourceId: uuid("data_source_id").notNull(),
    query: text("query").notNull(),
    intervalMinutes: integer("interval_minutes").notNull().default(60),
    /** When the next pull is due; a claim moves it forward by the lease before the query runs. */
    nextDueAt: timestamp("next_due_at", { withTimezone: true }).notNull().defaultNow(),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
    /** The last failure in words (describeProblem), cleared by a success. */
    lastError: text("last_error"),
    /** Failures in a row: the backoff grows with them. */
    failures: integer("failures").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("metric_bindings_metric_key").on(t.orgId, t.metricId),
    foreignKey({
      name: "metric_bindings_metric_same_org_fk",
      columns: [t.orgId, t.metricId],
      foreignColumns: [metrics.orgId, metrics.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "metric_bindings_source_same_org_fk",
      columns: [t.orgId, t.dataSourceId],
      foreignColumns: [dataSources.orgId, dataSources.id],
    }).onDelete("cascade"),
    index("metric_bindings_source_idx").on(t.orgId, t.dataSourceId),
    // The scheduler's claim: due bindings, earliest first.
    index("metric_bindings_due_idx").on(t.nextDueAt),
  ],
);
