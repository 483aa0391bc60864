import { performance } from "node:perf_hooks";
import { median } from "./median";

/**
 * One statement's p50 run prepared, as the app runs it (after five runs PostgreSQL may keep a generic plan, made
 * without the org's, the actor's or the words' values), under each plan-cache mode: the default, a fresh plan each
 * time, and the generic one. A line for the bench's output.
 */
export async function preparedTimings(url: string, statement: { sql: string; params: unknown[] }): Promise<string> {
  const { default: postgres } = await import("postgres");
  const line: string[] = [];
  for (const mode of ["auto", "force_custom_plan", "force_generic_plan"]) {
    const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { plan_cache_mode: mode } });
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      await sql.unsafe(statement.sql, statement.params as never[], { prepare: true });
      times.push(performance.now() - t0);
    }
    await sql.end();
    line.push(`${mode} ${median(times.slice(8)).toFixed(2)} ms`);
  }
  return `${line.join(", ")}: ${statement.sql.replace(/\s+/g, " ").slice(0, 70)}`;
}
