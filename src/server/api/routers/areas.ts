import { idInput } from "@/lib/validators/common";
import { createAreaInput, updateAreaInput } from "@/lib/validators/people";
import { getAreaDetail, listAreas } from "../../services/people/areas.read";
import { createArea, deleteArea, updateArea } from "../../services/people/areas.write";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const areasRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listAreas(ctx.db, ctx.actor)),
  get: protectedProcedure.input(idInput).query(({ ctx, input }) => getAreaDetail(ctx.db, ctx.actor, input.id)),
  create: protectedProcedure.input(createAreaInput).mutation(({ ctx, input }) => createArea(ctx.db, ctx.actor, input)),
  update: protectedProcedure.input(updateAreaInput).mutation(({ ctx, input }) => updateArea(ctx.db, ctx.actor, input)),
  delete: protectedProcedure.input(idInput).mutation(({ ctx, input }) => deleteArea(ctx.db, ctx.actor, input.id)),
});
