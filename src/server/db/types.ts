import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema";

/**
 * One handle type for both drivers. A union of the PGlite and postgres.js
 * database types breaks `.returning()`, so everything is typed against their
 * common base class.
 */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
