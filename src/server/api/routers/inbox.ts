import { digestSettingInput, inboxListInput, markAllReadInput, markReadInput } from "@/lib/validators/inbox";
import { listInbox, unreadCount } from "../../services/inbox/inbox.read";
import { digestSetting, markAllRead, markRead, setDigest } from "../../services/inbox/inbox.write";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** The inbox: what others did that concerns the caller, and their daily digest choice. */
export const inboxRouter = createTRPCRouter({
  list: protectedProcedure.input(inboxListInput).query(({ ctx, input }) => listInbox(ctx.db, ctx.actor, input)),
  /** For the navigation, on every page: a capped count. */
  unreadCount: protectedProcedure.query(({ ctx }) => unreadCount(ctx.db, ctx.actor)),
  markRead: protectedProcedure.input(markReadInput).mutation(({ ctx, input }) => markRead(ctx.db, ctx.actor, input)),
  markAllRead: protectedProcedure.input(markAllReadInput).mutation(({ ctx, input }) => markAllRead(ctx.db, ctx.actor, input)),
  digest: protectedProcedure.query(({ ctx }) => digestSetting(ctx.db, ctx.actor)),
  setDigest: protectedProcedure.input(digestSettingInput).mutation(({ ctx, input }) => setDigest(ctx.db, ctx.actor, input)),
});
