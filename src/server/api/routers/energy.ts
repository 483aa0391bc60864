import { idInput } from "@/lib/validators/common";
import { logEnergyInput, productiveHoursInput, updateEnergyInput, weeklyReviewInput, weekInput } from "@/lib/validators/capacity";
import { deleteEnergy, logEnergy, saveWeeklyReview, setProductiveHours, updateEnergy } from "../../services/capacity/energy.write";
import { energyWeek } from "../../services/capacity/energy.read";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** The energy log and its weekly review. */
export const energyRouter = createTRPCRouter({
  week: protectedProcedure.input(weekInput).query(({ ctx, input }) => energyWeek(ctx.db, ctx.actor, input)),
  log: protectedProcedure.input(logEnergyInput).mutation(({ ctx, input }) => logEnergy(ctx.db, ctx.actor, input)),
  update: protectedProcedure.input(updateEnergyInput).mutation(({ ctx, input }) => updateEnergy(ctx.db, ctx.actor, input)),
  delete: protectedProcedure.input(idInput).mutation(({ ctx, input }) => deleteEnergy(ctx.db, ctx.actor, input.id)),
  setProductiveHours: protectedProcedure
    .input(productiveHoursInput)
    .mutation(({ ctx, input }) => setProductiveHours(ctx.db, ctx.actor, input)),
  saveReview: protectedProcedure.input(weeklyReviewInput).mutation(({ ctx, input }) => saveWeeklyReview(ctx.db, ctx.actor, input)),
});
