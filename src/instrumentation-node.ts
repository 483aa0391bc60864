import { getDatabase, getDb } from "./server/db";
import { startDigestScheduler } from "./server/services/inbox/digest-scheduler";
import { startMetricPullScheduler } from "./server/services/integrations/pull-scheduler";
import { startHealthSweep } from "./server/services/targets/health-sweep";
import { DataDirInUseError } from "./server/db/data-dir-lock";

/**
 * Opens the database and applies pending migrations before the first request,
 * so start-up problems show at once. A data folder held by another process
 * stops the server; a PostgreSQL that is down is retried on each request
 * (/api/health answers 503 meanwhile).
 */
export async function openDatabaseAtStart() {
  try {
    await getDatabase();
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      console.error(`\nIntersect cannot start: ${error.message}\n`);
      process.exit(1);
    }
    console.error("Intersect: the database is not reachable yet:", error instanceof Error ? error.message : error);
  }
  // The daily digest emails (with SMTP_URL set): every instance runs the scheduler, the database hands each digest to one.
  startDigestScheduler(getDb);
  // Metrics bound to Prometheus queries: every instance runs the scheduler, the database hands each due pull to one.
  startMetricPullScheduler(getDb);
  // The targets' stored health: re-judges what time or a write left expired or unknown (services/targets/health-sweep.ts).
  startHealthSweep(getDb);
}
