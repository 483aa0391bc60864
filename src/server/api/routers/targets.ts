import { idInput } from "@/lib/validators/common";
import {
  addCheckInInput,
  bulkCheckInInput,
  createMetricInput,
  createTargetInput,
  listTargetsInput,
  setMilestoneInput,
  setTargetStatusInput,
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
import { getTargetDetail, listTargets, targetFormOptions, targetsCsv } from "../../services/targets/targets.read";
import { createTarget, deleteTarget, setTargetStatus, updateTarget } from "../../services/targets/targets.write";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const targetsRouter = createTRPCRouter({
  list: protectedProcedure.input(listTargetsInput).query(({ ctx, input }) => listTargets(ctx.db, ctx.actor, input)),
  get: protectedProcedure.input(idInput).query(({ ctx, input }) => getTargetDetail(ctx.db, ctx.actor, input.id)),
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
  /** Every target with its metrics' latest values, as CSV. */
  exportCsv: protectedProcedure.query(({ ctx }) => targetsCsv(ctx.db, ctx.actor)),
});
