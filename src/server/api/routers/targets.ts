import { idInput } from "@/lib/validators/common";
import {
  addCheckInInput,
  addCommentInput,
  listCommentsInput,
  listStatusInput,
  saveStatusInput,
  bulkCheckInInput,
  createMetricInput,
  createTargetInput,
  findSimilarTargetsInput,
  listTargetsInput,
  setMilestoneInput,
  setTargetParentInput,
  setTargetStatusInput,
  targetTreeInput,
  updateCheckInInput,
  updateMetricInput,
  updateTargetInput,
} from "@/lib/validators/targets";
import {
  addCheckIn,
  addCheckInsInBulk,
  createMetric,
  deleteCheckIn,
  deleteMetric,
  setMilestoneDone,
  updateCheckIn,
  updateMetric,
} from "../../services/targets/metrics.write";
import { getTargetDetail, listTargetsPage, targetFormOptions, targetsCsv } from "../../services/targets/targets.read";
import { findSimilarTargets } from "../../services/targets/similar.read";
import { createTarget, deleteTarget, setTargetStatus, updateTarget } from "../../services/targets/targets.write";
import { listComments, listStatusUpdates } from "../../services/targets/pair.read";
import { addComment, deleteComment, saveStatusUpdate } from "../../services/targets/pair.write";
import { getTargetTree, getTreeBranch, listMyTrees } from "../../services/targets/tree.read";
import { listCheckIns } from "../../services/targets/check-ins.read";
import { checkInsInput, treeBranchInput, treesInput } from "@/lib/validators/target-lists";
import { setTargetParent } from "../../services/targets/tree.write";
import { exportTargetSlo } from "../../services/targets/slo.read";
import { importOpenSloMeasured } from "../../services/integrations/slo-import.write";
import { measureTargetSlo } from "../../services/integrations/slo-measure.read";
import { exportOpenSloInput, importOpenSloInput } from "@/lib/validators/slo";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const targetsRouter = createTRPCRouter({
  /** A keyset page of the targets the actor sees, filtered and ordered (trouble first) in SQL. */
  list: protectedProcedure.input(listTargetsInput).query(({ ctx, input }) => listTargetsPage(ctx.db, ctx.actor, input)),
  get: protectedProcedure.input(idInput).query(({ ctx, input }) => getTargetDetail(ctx.db, ctx.actor, input.id)),
  /** Targets the actor sees with the title being typed: a soft duplicate warning for the target form. */
  findSimilar: protectedProcedure.input(findSimilarTargetsInput).query(({ ctx, input }) => findSimilarTargets(ctx.db, ctx.actor, input)),
  formOptions: protectedProcedure.query(({ ctx }) => targetFormOptions(ctx.db, ctx.actor)),
  create: protectedProcedure.input(createTargetInput).mutation(({ ctx, input }) => createTarget(ctx.db, ctx.actor, input)),
  update: protectedProcedure.input(updateTargetInput).mutation(({ ctx, input }) => updateTarget(ctx.db, ctx.actor, input)),
  setStatus: protectedProcedure.input(setTargetStatusInput).mutation(({ ctx, input }) => setTargetStatus(ctx.db, ctx.actor, input)),
  delete: protectedProcedure.input(idInput).mutation(({ ctx, input }) => deleteTarget(ctx.db, ctx.actor, input.id)),
  addMetric: protectedProcedure.input(createMetricInput).mutation(({ ctx, input }) => createMetric(ctx.db, ctx.actor, input)),
  updateMetric: protectedProcedure.input(updateMetricInput).mutation(({ ctx, input }) => updateMetric(ctx.db, ctx.actor, input)),
  deleteMetric: protectedProcedure.input(idInput).mutation(({ ctx, input }) => deleteMetric(ctx.db, ctx.actor, input.id)),
  setMilestoneDone: protectedProcedure.input(setMilestoneInput).mutation(({ ctx, input }) => setMilestoneDone(ctx.db, ctx.actor, input)),
  addCheckIn: protectedProcedure.input(addCheckInInput).mutation(({ ctx, input }) => addCheckIn(ctx.db, ctx.actor, input)),
  addCheckIns: protectedProcedure.input(bulkCheckInInput).mutation(({ ctx, input }) => addCheckInsInBulk(ctx.db, ctx.actor, input)),
  updateCheckIn: protectedProcedure.input(updateCheckInInput).mutation(({ ctx, input }) => updateCheckIn(ctx.db, ctx.actor, input)),
  deleteCheckIn: protectedProcedure.input(idInput).mutation(({ ctx, input }) => deleteCheckIn(ctx.db, ctx.actor, input.id)),
  /** A metric's check-ins, newest first, a page at a time (the target page's list under each metric). */
  checkIns: protectedProcedure.input(checkInsInput).query(({ ctx, input }) => listCheckIns(ctx.db, ctx.actor, input)),
  // The pair's side: a comment thread and the weekly status (read by whoever sees the target, written by its controller and owners).
  comments: protectedProcedure.input(listCommentsInput).query(({ ctx, input }) => listComments(ctx.db, ctx.actor, input)),
  addComment: protectedProcedure.input(addCommentInput).mutation(({ ctx, input }) => addComment(ctx.db, ctx.actor, input)),
  deleteComment: protectedProcedure.input(idInput).mutation(({ ctx, input }) => deleteComment(ctx.db, ctx.actor, input.id)),
  statusUpdates: protectedProcedure.input(listStatusInput).query(({ ctx, input }) => listStatusUpdates(ctx.db, ctx.actor, input)),
  saveStatus: protectedProcedure.input(saveStatusInput).mutation(({ ctx, input }) => saveStatusUpdate(ctx.db, ctx.actor, input)),
  // Cascading targets: a target's tree (what is above it, and below it rolled up), the trees under the actor's own, a move.
  tree: protectedProcedure.input(targetTreeInput).query(({ ctx, input }) => getTargetTree(ctx.db, ctx.actor, input.id)),
  trees: protectedProcedure.input(treesInput).query(({ ctx, input }) => listMyTrees(ctx.db, ctx.actor, input)),
  /** A folded branch of a tree, opened (its sub-targets, folded again below what fits). */
  treeBranch: protectedProcedure.input(treeBranchInput).query(({ ctx, input }) => getTreeBranch(ctx.db, ctx.actor, input.id)),
  setParent: protectedProcedure.input(setTargetParentInput).mutation(({ ctx, input }) => setTargetParent(ctx.db, ctx.actor, input)),
  /** Every target with its metrics' latest values, as CSV. */
  exportCsv: protectedProcedure.query(({ ctx }) => targetsCsv(ctx.db, ctx.actor)),
  // OpenSLO: an SLO file becomes a reliability target; a target made so exports its SLO again.
  // Importing may bind the new metric to Prometheus, so it is the integrations service's (it calls the targets one).
  importOpenSlo: protectedProcedure.input(importOpenSloInput).mutation(({ ctx, input }) => importOpenSloMeasured(ctx.db, ctx.actor, input)),
  exportOpenSlo: protectedProcedure.input(exportOpenSloInput).query(({ ctx, input }) => exportTargetSlo(ctx.db, ctx.actor, input.targetId)),
  measureSlo: protectedProcedure.input(exportOpenSloInput).query(({ ctx, input }) => measureTargetSlo(ctx.db, ctx.actor, input.targetId)),
});
