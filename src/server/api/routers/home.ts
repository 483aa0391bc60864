import { homeSummary } from "../../services/home";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** Home: the week at a glance. */
export const homeRouter = createTRPCRouter({
  summary: protectedProcedure.query(({ ctx }) => homeSummary(ctx.db, ctx.actor)),
});
