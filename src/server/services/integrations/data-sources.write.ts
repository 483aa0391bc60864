import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { dataSources } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inReach, requireAdmin } from "../kernel/access";
import { fieldError, notFound } from "../kernel/errors";
import { isUniqueViolation } from "../kernel/db-errors";
import { saveVersioned } from "../kernel/versioned";
import { describeProblem } from "@/lib/prometheus/answers";
import { credentialsOf, type createDataSourceInput, type updateDataSourceInput } from "@/lib/validators/integrations";
import { connectionOf, loadDataSource, viewOf, type DataSourceView } from "./data-sources.read";
import { buildInfo } from "./prometheus/client";
import { sealSecret } from "./secrets";

/** Writes on data sources: organisation settings, so admins only (anyone else gets NOT_FOUND). */

type Credentials = z.output<typeof createDataSourceInput>;

/** The auth columns for the form's kind and credentials; `keep` (an edit with empty secret fields) leaves the stored secret. */
function authColumns(input: Credentials, orgId: string, id: string, stored?: typeof dataSources.$inferSelect) {
  if (input.authKind === "none") return { authKind: "none" as const, secretSealed: null };
  const credentials = credentialsOf(input);
  if (credentials) return { authKind: input.authKind, secretSealed: sealSecret(JSON.stringify(credentials), orgId, id) };
  if (stored && stored.authKind === input.authKind && stored.secretSealed) return {};
  const field = input.authKind === "bearer" ? "token" : "password";
  throw fieldError("BAD_REQUEST", field, input.authKind === "bearer" ? "Enter the bearer token." : "Enter the user name and password.");
}

const nameTaken = () => fieldError("CONFLICT", "name", "Another data source already has this name.");

export async function createDataSource(db: Db, actor: Actor, input: z.output<typeof createDataSourceInput>): Promise<DataSourceView> {
  requireAdmin(actor, "Data source");
  // The id is made here so the sealed credentials can be bound to it (secrets.ts).
  const id = randomUUID();
  try {
    const [row] = await db
      .insert(dataSources)
      .values({ id, orgId: actor.orgId, name: input.name, baseUrl: input.baseUrl, ...authColumns(input, actor.orgId, id) })
      .returning();
    return viewOf(row!);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

export async function updateDataSource(db: Db, actor: Actor, input: z.output<typeof updateDataSourceInput>): Promise<DataSourceView> {
  requireAdmin(actor, "Data source");
  const stored = await loadDataSource(db, actor, input.id, "change");
  const auth = authColumns(input, actor.orgId, input.id, stored);
  try {
    const row = await saveVersioned(db, dataSources, {
      where: inReach(dataSources, actor, eq(dataSources.id, input.id)),
      version: input.version,
      set: { name: input.name, baseUrl: input.baseUrl, ...auth, updatedAt: sql`now()` },
      what: "data source",
    });
    return viewOf(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

export async function deleteDataSource(db: Db, actor: Actor, id: string): Promise<{ id: string }> {
  requireAdmin(actor, "Data source");
  const [row] = await db
    .delete(dataSources)
    .where(inReach(dataSources, actor, eq(dataSources.id, id)))
    .returning({ id: dataSources.id });
  if (!row) throw notFound("Data source");
  return row;
}

export type ConnectionTest = { ok: true; version: string; revision: string; goVersion: string } | { ok: false; message: string };

/** "Test connection": the server's build info, or what went wrong in words. */
export async function testDataSource(db: Db, actor: Actor, id: string): Promise<ConnectionTest> {
  requireAdmin(actor, "Data source");
  const row = await loadDataSource(db, actor, id, "change");
  const connection = connectionOf(row);
  if ("unreadable" in connection) {
    return { ok: false, message: "The stored credentials cannot be read (AUTH_SECRET changed): enter them again." };
  }
  const outcome = await buildInfo(connection);
  if (!outcome.ok) return { ok: false, message: describeProblem(outcome.problem) };
  return { ok: true, version: outcome.value.version, revision: outcome.value.revision, goVersion: outcome.value.goVersion };
}
