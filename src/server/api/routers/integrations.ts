import { idInput } from "@/lib/validators/common";
import { createDataSourceInput, updateDataSourceInput } from "@/lib/validators/integrations";
import { listDataSources } from "../../services/integrations/data-sources.read";
import { createDataSource, deleteDataSource, testDataSource, updateDataSource } from "../../services/integrations/data-sources.write";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** Monitoring systems metrics pull from (issue #19). Credentials go in, never out. */
export const integrationsRouter = createTRPCRouter({
  dataSources: protectedProcedure.query(({ ctx }) => listDataSources(ctx.db, ctx.actor)),
  createDataSource: protectedProcedure
    .input(createDataSourceInput)
    .mutation(({ ctx, input }) => createDataSource(ctx.db, ctx.actor, input)),
  updateDataSource: protectedProcedure
    .input(updateDataSourceInput)
    .mutation(({ ctx, input }) => updateDataSource(ctx.db, ctx.actor, input)),
  deleteDataSource: protectedProcedure.input(idInput).mutation(({ ctx, input }) => deleteDataSource(ctx.db, ctx.actor, input.id)),
  /** The server's build info, or the error in words. */
  testDataSource: protectedProcedure.input(idInput).mutation(({ ctx, input }) => testDataSource(ctx.db, ctx.actor, input.id)),
});
