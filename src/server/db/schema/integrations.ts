import { index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";

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
