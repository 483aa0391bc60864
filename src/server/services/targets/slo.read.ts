import { eq } from "drizzle-orm";
import type { Db } from "../../db/types";
import { targetSlos } from "../../db/schema/index";
import type { Actor } from "../kernel/actor";
import { notFound } from "../kernel/errors";
import { inScope } from "../kernel/access";
import { exportOpenSlo, openSloFileName } from "@/lib/slo/export";
import type { SloSpec } from "@/lib/slo/spec";

/** The SLO a target was imported from, if the actor sees the target and it has one; otherwise null. */
export async function targetSlo(db: Db, actor: Actor, targetId: string): Promise<SloSpec | null> {
  const [row] = await db
    .select({ spec: targetSlos.spec })
    .from(targetSlos)
    .where(inScope(targetSlos, actor, eq(targetSlos.targetId, targetId)))
    .limit(1);
  return row?.spec ?? null;
}

/** The target's SLO as an OpenSLO v1 file. A target out of sight and one without an SLO are both NOT_FOUND. */
export async function exportTargetSlo(db: Db, actor: Actor, targetId: string) {
  const spec = await targetSlo(db, actor, targetId);
  if (!spec) throw notFound("SLO");
  return { fileName: openSloFileName(spec), yaml: exportOpenSlo(spec) };
}
