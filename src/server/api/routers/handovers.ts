import { handoverPageInput, saveHandoverNoteInput } from "@/lib/validators/handovers";
import { handoverPage, latestHandover } from "../../services/handovers/handovers.read";
import { saveHandoverNote } from "../../services/handovers/handovers.write";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** Hand-overs when a person changes manager: the new manager's page, the person page's link, the old manager's note. */
export const handoversRouter = createTRPCRouter({
  page: protectedProcedure.input(handoverPageInput).query(({ ctx, input }) => handoverPage(ctx.db, ctx.actor, input.personId)),
  latest: protectedProcedure.input(handoverPageInput).query(({ ctx, input }) => latestHandover(ctx.db, ctx.actor, input.personId)),
  saveNote: protectedProcedure.input(saveHandoverNoteInput).mutation(({ ctx, input }) => saveHandoverNote(ctx.db, ctx.actor, input)),
});
