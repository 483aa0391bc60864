import { asc } from "drizzle-orm";
import type { Db } from "../../db/types";
import { dataSources } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope, loadInScope } from "../kernel/access";
import { openSecret } from "./secrets";
import type { PrometheusAuth, PrometheusConnection } from "./prometheus/client";

/** What the browser may know of a data source: never the credentials, only whether they are set. */
export type DataSourceView = {
  id: string;
  name: string;
  kind: "prometheus";
  baseUrl: string;
  authKind: "none" | "bearer" | "basic";
  credentialsSet: boolean;
  version: number;
};

export function viewOf(row: typeof dataSources.$inferSelect): DataSourceView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    baseUrl: row.baseUrl,
    authKind: row.authKind,
    credentialsSet: row.secretSealed !== null,
    version: row.version,
  };
}

/** The organisation's data sources, by name: everyone sees them (to bind a metric), admins manage them. */
export async function listDataSources(db: Db, actor: Actor): Promise<DataSourceView[]> {
  const rows = await db.select().from(dataSources).where(inScope(dataSources, actor)).orderBy(asc(dataSources.name));
  return rows.map(viewOf);
}

/**
 * How the server connects to the source: its URL and the opened credentials.
 * Server-side only (a pull, a preview, a connection test); null credentials
 * that do not open (AUTH_SECRET changed) come back as `unreadable`.
 */
export function connectionOf(row: typeof dataSources.$inferSelect): PrometheusConnection | { unreadable: true } {
  if (row.authKind === "none" || row.secretSealed === null) return { baseUrl: row.baseUrl, auth: { kind: "none" } };
  const opened = openSecret(row.secretSealed, row.orgId, row.id);
  if (opened === null) return { unreadable: true };
  const secret = JSON.parse(opened) as { token?: string; username?: string; password?: string };
  const auth: PrometheusAuth =
    row.authKind === "bearer"
      ? { kind: "bearer", token: secret.token ?? "" }
      : { kind: "basic", username: secret.username ?? "", password: secret.password ?? "" };
  return { baseUrl: row.baseUrl, auth };
}

/** A data source the actor may see (to preview or bind a query), or NOT_FOUND. */
export async function loadDataSource(db: Db, actor: Actor, id: string, intent: "see" | "change" = "see") {
  return loadInScope(db, actor, dataSources, id, "Data source", intent);
}
