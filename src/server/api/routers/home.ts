import { homeSummary } from "../../services/home/home.read";
import { paletteEntries } from "../../services/home/palette.read";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** Home: the week at a glance. */
export const homeRouter = createTRPCRouter({
  summary: protectedProcedure.query(({ ctx }) => homeSummary(ctx.db, ctx.actor)),
  /** People, targets and areas for the command palette (Ctrl/Cmd-K). */
  palette: protectedProcedure.query(({ ctx }) => paletteEntries(ctx.db, ctx.actor)),
});
