import { calendarWeekInput, clearCalendarWeekInput, importCalendarInput, tagMeetingInput } from "@/lib/validators/calendar-audit";
import { calendarWeek } from "../../services/calendar-audit/calendar.read";
import { clearCalendarWeek, importCalendar, tagMeeting } from "../../services/calendar-audit/calendar.write";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** The calendar audit: a week's meetings from the user's calendar export, beside the energy log. The user's alone. */
export const calendarAuditRouter = createTRPCRouter({
  week: protectedProcedure.input(calendarWeekInput).query(({ ctx, input }) => calendarWeek(ctx.db, ctx.actor, input)),
  import: protectedProcedure.input(importCalendarInput).mutation(({ ctx, input }) => importCalendar(ctx.db, ctx.actor, input)),
  tag: protectedProcedure.input(tagMeetingInput).mutation(({ ctx, input }) => tagMeeting(ctx.db, ctx.actor, input)),
  clear: protectedProcedure.input(clearCalendarWeekInput).mutation(({ ctx, input }) => clearCalendarWeek(ctx.db, ctx.actor, input)),
});
