import { calendarFeedStatus } from "../../services/account/calendar-feed.read";
import { createCalendarFeed, revokeCalendarFeed } from "../../services/account/calendar-feed.write";
import { publicOrigin } from "../public-origin";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** The member's private calendar feed of their 1:1s (the feed itself: src/app/api/v1/calendar/[token]/route.ts). */
export const calendarRouter = createTRPCRouter({
  feedStatus: protectedProcedure.query(({ ctx }) => calendarFeedStatus(ctx.db, ctx.actor)),
  /** Makes the feed's URL, or replaces it (the old one stops at once). The URL is in this answer only. */
  createFeed: protectedProcedure.mutation(({ ctx }) => createCalendarFeed(ctx.db, ctx.actor, { origin: publicOrigin(ctx.origin) })),
  revokeFeed: protectedProcedure.mutation(({ ctx }) => revokeCalendarFeed(ctx.db, ctx.actor)),
});
