import type { Db } from "../../db/types";
import { handovers } from "../../db/schema/index";
import { insertInStatements } from "../kernel/insert-in-statements";

/**
 * The hand-over a reporting-line change makes (issue #17, part 5): called by
 * people.write.ts inside the change's transaction, under the organisation's
 * lock. The page and the note are services/handovers.
 */

/** A person's move from one manager to another, as a line change made it. */
export type Move = { personId: string; fromPersonId: string | null; toPersonId: string | null };

/**
 * Records a hand-over for every move to another manager. A move from or to
 * no one (the top of the chart) hands nothing over.
 */
export async function recordHandovers(tx: Db, orgId: string, moves: Move[], at = new Date()): Promise<void> {
  const rows = moves
    .filter(
      (m): m is Move & { fromPersonId: string; toPersonId: string } =>
        !!m.fromPersonId && !!m.toPersonId && m.fromPersonId !== m.toPersonId,
    )
    .map((m) => ({ orgId, personId: m.personId, fromPersonId: m.fromPersonId, toPersonId: m.toPersonId, at }));
  if (rows.length === 0) return;
  await insertInStatements(tx, handovers, rows);
}
