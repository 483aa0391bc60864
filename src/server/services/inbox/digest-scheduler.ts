import type { Db } from "../../db/types";
import { sendDueDigests } from "./digest.write";

/** How often each instance looks for due digests: DIGEST_INTERVAL_MINUTES, 10 by default. */
function intervalMs(): number {
  const minutes = Number.parseFloat(process.env.DIGEST_INTERVAL_MINUTES ?? "");
  return (Number.isFinite(minutes) && minutes > 0 ? minutes : 10) * 60_000;
}

let timer: NodeJS.Timeout | undefined;

/**
 * Starts the daily digest's in-process scheduler (once per process, and only
 * with SMTP_URL set). Every instance runs one: the claim in the database
 * (claimDueDigests) makes each digest go out once. A run that fails is logged
 * and the next one tries again.
 */
export function startDigestScheduler(getDb: () => Promise<Db>): void {
  if (timer || !process.env.SMTP_URL) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await sendDueDigests(await getDb());
    } catch (error) {
      console.error("Intersect: the digest run failed:", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };
  timer = setInterval(() => void tick(), intervalMs());
  timer.unref();
  setTimeout(() => void tick(), 30_000).unref();
}
