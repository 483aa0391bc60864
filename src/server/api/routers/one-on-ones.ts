import { idInput } from "@/lib/validators/common";
import {
  addActionInput,
  addGoalInput,
  addNoteInput,
  addTalkingPointInput,
  holdInput,
  personInput,
  rescheduleInput,
  scheduleInput,
  historyInput,
  oneOnOnesSearchInput,
  othersInput,
  setActionDoneInput,
  setDiscussedInput,
  updateActionInput,
  updateGoalInput,
  updateNoteInput,
  updateTalkingPointInput,
} from "@/lib/validators/one-on-ones";
import { addActionItem, deleteActionItem, setActionDone, updateActionItem } from "../../services/one-on-ones/action-items.write";
import { addNote, deleteNote, updateNote } from "../../services/one-on-ones/coaching-notes.write";
import { getNote } from "../../services/one-on-ones/coaching-notes.read";
import { addGrowthGoal, deleteGrowthGoal, updateGrowthGoal } from "../../services/one-on-ones/growth-goals.write";
import { prepForPerson } from "../../services/one-on-ones/prep.read";
import { prepForMe } from "../../services/one-on-ones/my-prep.read";
import {
  formerPeople,
  oneOnOneDetail,
  oneOnOneHistory,
  oneOnOnesOverview,
  personOneOnOnes,
  searchOneOnOnes,
} from "../../services/one-on-ones/views.read";
import {
  cancelOneOnOne,
  deleteOneOnOne,
  holdOneOnOne,
  rescheduleOneOnOne,
  scheduleOneOnOne,
} from "../../services/one-on-ones/meetings.write";
import { addTalkingPoint, deleteTalkingPoint, setDiscussed, updateTalkingPoint } from "../../services/one-on-ones/talking-points.write";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** 1:1s and coaching: meetings, agenda, actions, notes, growth goals, the prep page and search. */
export const oneOnOnesRouter = createTRPCRouter({
  overview: protectedProcedure.query(({ ctx }) => oneOnOnesOverview(ctx.db, ctx.actor)),
  /** The people the caller held 1:1s with who no longer report to them, a page at a time. */
  others: protectedProcedure.input(othersInput).query(({ ctx, input }) => formerPeople(ctx.db, ctx.actor, input)),
  forPerson: protectedProcedure.input(personInput).query(({ ctx, input }) => personOneOnOnes(ctx.db, ctx.actor, input.personId)),
  /** A person's past 1:1s, newest first, a page at a time (the person page's "Show more"). */
  history: protectedProcedure.input(historyInput).query(({ ctx, input }) => oneOnOneHistory(ctx.db, ctx.actor, input)),
  prep: protectedProcedure.input(personInput).query(({ ctx, input }) => prepForPerson(ctx.db, ctx.actor, input.personId)),
  /** The caller's own prep page, for their next 1:1 with their manager (the report's side). */
  myPrep: protectedProcedure.query(({ ctx }) => prepForMe(ctx.db, ctx.actor)),
  get: protectedProcedure.input(idInput).query(({ ctx, input }) => oneOnOneDetail(ctx.db, ctx.actor, input.id)),
  search: protectedProcedure.input(oneOnOnesSearchInput).query(({ ctx, input }) => searchOneOnOnes(ctx.db, ctx.actor, input)),

  schedule: protectedProcedure.input(scheduleInput).mutation(({ ctx, input }) => scheduleOneOnOne(ctx.db, ctx.actor, input)),
  reschedule: protectedProcedure.input(rescheduleInput).mutation(({ ctx, input }) => rescheduleOneOnOne(ctx.db, ctx.actor, input)),
  hold: protectedProcedure.input(holdInput).mutation(({ ctx, input }) => holdOneOnOne(ctx.db, ctx.actor, input)),
  cancel: protectedProcedure.input(idInput).mutation(({ ctx, input }) => cancelOneOnOne(ctx.db, ctx.actor, input.id)),
  delete: protectedProcedure.input(idInput).mutation(({ ctx, input }) => deleteOneOnOne(ctx.db, ctx.actor, input.id)),

  addPoint: protectedProcedure.input(addTalkingPointInput).mutation(({ ctx, input }) => addTalkingPoint(ctx.db, ctx.actor, input)),
  updatePoint: protectedProcedure.input(updateTalkingPointInput).mutation(({ ctx, input }) => updateTalkingPoint(ctx.db, ctx.actor, input)),
  deletePoint: protectedProcedure.input(idInput).mutation(({ ctx, input }) => deleteTalkingPoint(ctx.db, ctx.actor, input.id)),
  setDiscussed: protectedProcedure.input(setDiscussedInput).mutation(({ ctx, input }) => setDiscussed(ctx.db, ctx.actor, input)),

  addAction: protectedProcedure.input(addActionInput).mutation(({ ctx, input }) => addActionItem(ctx.db, ctx.actor, input)),
  updateAction: protectedProcedure.input(updateActionInput).mutation(({ ctx, input }) => updateActionItem(ctx.db, ctx.actor, input)),
  setActionDone: protectedProcedure.input(setActionDoneInput).mutation(({ ctx, input }) => setActionDone(ctx.db, ctx.actor, input)),
  deleteAction: protectedProcedure.input(idInput).mutation(({ ctx, input }) => deleteActionItem(ctx.db, ctx.actor, input.id)),

  note: protectedProcedure.input(idInput).query(({ ctx, input }) => getNote(ctx.db, ctx.actor, input.id)),
  addNote: protectedProcedure.input(addNoteInput).mutation(({ ctx, input }) => addNote(ctx.db, ctx.actor, input)),
  updateNote: protectedProcedure.input(updateNoteInput).mutation(({ ctx, input }) => updateNote(ctx.db, ctx.actor, input)),
  deleteNote: protectedProcedure.input(idInput).mutation(({ ctx, input }) => deleteNote(ctx.db, ctx.actor, input.id)),

  addGoal: protectedProcedure.input(addGoalInput).mutation(({ ctx, input }) => addGrowthGoal(ctx.db, ctx.actor, input)),
  updateGoal: protectedProcedure.input(updateGoalInput).mutation(({ ctx, input }) => updateGrowthGoal(ctx.db, ctx.actor, input)),
  deleteGoal: protectedProcedure.input(idInput).mutation(({ ctx, input }) => deleteGrowthGoal(ctx.db, ctx.actor, input.id)),
});
