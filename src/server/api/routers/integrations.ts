import { idInput } from "@/lib/validators/common";
import {
  bindMetricInput,
  createDataSourceInput,
  metricIdInput,
  previewQueryInput,
  updateDataSourceInput,
} from "@/lib/validators/integrations";
import { metricBinding } from "../../services/integrations/bindings.read";
import { bindMetric, previewQuery, pullMetricNow, unbindMetric } from "../../services/integrations/bindings.write";
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
  /** A metric's binding to a query, its last pull and whether it is stale (null when not bound). */
  binding: protectedProcedure.input(metricIdInput).query(({ ctx, input }) => metricBinding(ctx.db, ctx.actor, input.metricId)),
  /** The value now and 30 daily points, before binding. */
  previewQuery: protectedProcedure.input(previewQueryInput).mutation(({ ctx, input }) => previewQuery(ctx.db, ctx.actor, input)),
  bindMetric: protectedProcedure.input(bindMetricInput).mutation(({ ctx, input }) => bindMetric(ctx.db, ctx.actor, input)),
  /** Stops pulling; the values pulled stay. */
  unbindMetric: protectedProcedure.input(metricIdInput).mutation(({ ctx, input }) => unbindMetric(ctx.db, ctx.actor, input.metricId)),
  pullNow: protectedProcedure.input(metricIdInput).mutation(({ ctx, input }) => pullMetricNow(ctx.db, ctx.actor, input.metricId)),
});
