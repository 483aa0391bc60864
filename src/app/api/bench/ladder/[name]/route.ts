import { readFile } from "node:fs/promises";
import { getDatabase } from "@/server/db";

/**
 * Rung (b) of the server ladder (bench/ladder.ts): a bare route handler that
 * runs the SQL a tRPC procedure runs, with no session check, no tRPC and no
 * Drizzle, so the benchmark can tell what Next.js itself costs.
 *
 * It answers 404 unless INTERSECT_BENCH_LADDER names the file of recorded
 * statements, which only the benchmark sets: a normal install has no
 * unauthenticated data route.
 */
type Statement = { text: string; params: unknown[] };

let recorded: Promise<Record<string, Statement[]>> | null = null;

export async function GET(_request: Request, context: { params: Promise<{ name: string }> }) {
  const file = process.env.INTERSECT_BENCH_LADDER;
  if (!file) return new Response(null, { status: 404 });
  recorded ??= readFile(file, "utf8").then((text) => JSON.parse(text) as Record<string, Statement[]>);
  const statements = (await recorded)[(await context.params).name];
  if (!statements) return new Response(null, { status: 404 });
  const database = await getDatabase();
  const results: unknown[][] = [];
  for (const statement of statements) results.push(await database.query(statement.text, statement.params));
  return Response.json(results);
}
