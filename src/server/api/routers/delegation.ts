import { idInput } from "@/lib/validators/common";
import {
  createSpectrumInput,
  createTaskInput,
  overviewInput,
  personTasksInput,
  decideProposalInput,
  pokerAgreeInput,
  pokerPickInput,
  proposeLevelInput,
  setLevelInput,
  startPokerInput,
  updateSpectrumInput,
  updateTaskInput,
} from "@/lib/validators/delegation";
import { activateSpectrum, createSpectrum, updateSpectrum } from "../../services/delegation/spectrums.write";
import { getActiveSpectrum, listSpectrums, previewSwitch } from "../../services/delegation/spectrums.read";
import { createTask, deleteTask, setTaskLevel, updateTask } from "../../services/delegation/tasks.write";
import { delegationOverview, reviewPerson, taskHistory, tasksCsv } from "../../services/delegation/tasks.read";
import {
  decideProposal,
  endPoker,
  pokerAgree,
  pokerPick,
  proposeLevel,
  startPoker,
  withdrawProposal,
} from "../../services/delegation/sides.write";
import { delegatedToMe, myPokerRounds, pokerRound, taskActivity } from "../../services/delegation/sides.read";
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

  // Seen from both sides: the delegatee's page, proposals and delegation poker.
  /** The actor's tasks as their delegatee: level, why, their proposals and the answers. */
  delegatedToMe: protectedProcedure.query(({ ctx }) => delegatedToMe(ctx.db, ctx.actor)),
  /** A task's proposals and poker rounds, beside its level changes (`history`). */
  activity: protectedProcedure.input(idInput).query(({ ctx, input }) => taskActivity(ctx.db, ctx.actor, input.id)),
  proposeLevel: protectedProcedure.input(proposeLevelInput).mutation(({ ctx, input }) => proposeLevel(ctx.db, ctx.actor, input)),
  withdrawProposal: protectedProcedure.input(idInput).mutation(({ ctx, input }) => withdrawProposal(ctx.db, ctx.actor, input.id)),
  decideProposal: protectedProcedure.input(decideProposalInput).mutation(({ ctx, input }) => decideProposal(ctx.db, ctx.actor, input)),
  /** The poker rounds the actor plays, on either side. */
  pokerRounds: protectedProcedure.query(({ ctx }) => myPokerRounds(ctx.db, ctx.actor)),
  pokerRound: protectedProcedure.input(idInput).query(({ ctx, input }) => pokerRound(ctx.db, ctx.actor, input.id)),
  startPoker: protectedProcedure.input(startPokerInput).mutation(({ ctx, input }) => startPoker(ctx.db, ctx.actor, input)),
  pokerPick: protectedProcedure.input(pokerPickInput).mutation(({ ctx, input }) => pokerPick(ctx.db, ctx.actor, input)),
  pokerAgree: protectedProcedure.input(pokerAgreeInput).mutation(({ ctx, input }) => pokerAgree(ctx.db, ctx.actor, input)),
  endPoker: protectedProcedure.input(idInput).mutation(({ ctx, input }) => endPoker(ctx.db, ctx.actor, input.id)),
});
