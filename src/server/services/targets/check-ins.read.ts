import { desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/types";
import { checkIns, metrics } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { inScope, loadInScope } from "../kernel/access";
import { decodeCursor, pageOf } from "@/lib/keyset";
import type { checkInsInput } from "@/lib/validators/target-lists";
import { exactTime, olderThan, timeIdKey } from "../../db/keyset-time";

/** A page of a metric's check-ins (the target page's list under each metric). */
export const CHECK_INS_PAGE = 20;

/**
 * A metric's check-ins, newest first, a page at a time: keyset on (at, id),
 * which the index (metric_id, at) answers as a range whatever the history's
 * length (500,000 check-ins in an org-size account). Whoever sees the target
 * sees its check-ins (the policy's metrics and check-ins rules); anyone else
 * gets NOT_FOUND, as for a missing metric.
 */
export async function listCheckIns(db: Db, actor: Actor, input: z.output<typeof checkInsInput>) {
  const limit = input.limit ?? CHECK_INS_PAGE;
  // Who may read it first: a bad cursor on a metric out of sight is NOT_FOUND, as any other call on it.
  await loadInScope(db, actor, metrics, input.metricId, "Metric");
  const after = decodeCursor(input.cursor, timeIdKey);
  const rows = await db
    .select({
      id: checkIns.id,
      at: checkIns.at,
      value: checkIns.value,
      note: checkIns.note,
      source: checkIns.source,
      version: checkIns.version,
      key: exactTime(checkIns.at),
    })
    .from(checkIns)
    .where(inScope(checkIns, actor, eq(checkIns.metricId, input.metricId), olderThan(checkIns.at, checkIns.id, after)))
    .orderBy(desc(checkIns.at), desc(checkIns.id))
    .limit(limit + 1);
  const page = pageOf(rows, limit, (r) => [r.key, r.id]);
  return { ...page, items: page.items.map(({ key: _k, ...c }) => c) };
}
