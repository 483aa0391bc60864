import { homeSummary } from "../../services/home/home.read";
import { homeKind, myHome } from "../../services/home/my-view.read";
import { searchEverything } from "../../services/home/search.read";
import { searchInput } from "@/lib/validators/one-on-ones";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** Home: the week at a glance for a manager, or the report's own view for a member nobody reports to. */
export const homeRouter = createTRPCRouter({
  /** Which Home the actor lands on ("team" when someone reports to them, "own" otherwise). */
  kind: protectedProcedure.query(({ ctx }) => homeKind(ctx.db, ctx.actor)),
  summary: protectedProcedure.query(({ ctx }) => homeSummary(ctx.db, ctx.actor)),
  /** The report's Home: their next 1:1, open actions on both sides, their targets and levels. Read only. */
  mine: protectedProcedure.query(({ ctx }) => myHome(ctx.db, ctx.actor)),
  /** The palette's search: people, targets, areas, notes, talking points and actions, a few of each, typos tolerated. */
  search: protectedProcedure.input(searchInput).query(({ ctx, input }) => searchEverything(ctx.db, ctx.actor, input)),
});
