import {
  addCapacityItemInput,
  capacitySettingsInput,
  removeCapacityItemInput,
  updateCapacityItemInput,
  weekInput,
} from "@/lib/validators/capacity";
import { addCapacityItem, removeCapacityItem, saveCapacitySettings, updateCapacityItem } from "../../services/capacity/capacity.write";
import { capacityPlan } from "../../services/capacity/capacity.read";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** The weekly capacity plan. */
export const capacityRouter = createTRPCRouter({
  plan: protectedProcedure.input(weekInput).query(({ ctx, input }) => capacityPlan(ctx.db, ctx.actor, input)),
  saveSettings: protectedProcedure
    .input(capacitySettingsInput)
    .mutation(({ ctx, input }) => saveCapacitySettings(ctx.db, ctx.actor, input)),
  addItem: protectedProcedure.input(addCapacityItemInput).mutation(({ ctx, input }) => addCapacityItem(ctx.db, ctx.actor, input)),
  updateItem: protectedProcedure.input(updateCapacityItemInput).mutation(({ ctx, input }) => updateCapacityItem(ctx.db, ctx.actor, input)),
  removeItem: protectedProcedure.input(removeCapacityItemInput).mutation(({ ctx, input }) => removeCapacityItem(ctx.db, ctx.actor, input)),
});
