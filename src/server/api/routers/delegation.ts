import { idInput } from "@/lib/validators/common";
import {
  createSpectrumInput,
  createTaskInput,
  overviewInput,
  personTasksInput,
  setLevelInput,
  updateSpectrumInput,
  updateTaskInput,
} from "@/lib/validators/delegation";
import { activateSpectrum, createSpectrum, updateSpectrum } from "../../services/delegation/spectrums.write";
import { getActiveSpectrum, listSpectrums, previewSwitch } from "../../services/delegation/spectrums.read";
import { createTask, deleteTask, setTaskLevel, updateTask } from "../../services/delegation/tasks.write";
import { delegationOverview, reviewPerson, taskHistory, tasksCsv } from "../../services/delegation/tasks.read";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const delegationRouter = createTRPCRouter({
  activeSpectrum: protectedProcedure.query(({ ctx }) => getActiveSpectrum(ctx.db, ctx.actor)),
  spectrums: protectedProcedure.query(({ ctx }) => listSpectrums(ctx.db, ctx.actor)),
  createSpectrum: protectedProcedure.input(createSpectrumInput).mutation(({ ctx, input }) => createSpectrum(ctx.db, ctx.actor, input)),
  updateSpectrum: protectedProcedure.input(updateSpectrumInput).mutation(({ ctx, input }) => updateSpectrum(ctx.db, ctx.actor, input)),
  /** What switching would do to each task, before doing it. */
  previewSwitch: protectedProcedure.input(idInput).query(({ ctx, input }) => previewSwitch(ctx.db, ctx.actor, input.id)),
  activateSpectrum: protectedProcedure.input(idInput).mutation(({ ctx, input }) => activateSpectrum(ctx.db, ctx.actor, input.id)),
  createTask: protectedProcedure.input(createTaskInput).mutation(({ ctx, input }) => createTask(ctx.db, ctx.actor, input)),
  updateTask: protectedProcedure.input(updateTaskInput).mutation(({ ctx, input }) => updateTask(ctx.db, ctx.actor, input)),
  deleteTask: protectedProcedure.input(idInput).mutation(({ ctx, input }) => deleteTask(ctx.db, ctx.actor, input.id)),
  setLevel: protectedProcedure.input(setLevelInput).mutation(({ ctx, input }) => setTaskLevel(ctx.db, ctx.actor, input)),
  history: protectedProcedure.input(idInput).query(({ ctx, input }) => taskHistory(ctx.db, ctx.actor, input.id)),
  review: protectedProcedure.input(personTasksInput).query(({ ctx, input }) => reviewPerson(ctx.db, ctx.actor, input)),
  overview: protectedProcedure.input(overviewInput).query(({ ctx, input }) => delegationOverview(ctx.db, ctx.actor, input)),
  /** Every task with current and suggested levels, as CSV. */
  exportCsv: protectedProcedure.query(({ ctx }) => tasksCsv(ctx.db, ctx.actor)),
});
