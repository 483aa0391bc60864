import { formatDate } from "@/lib/format";

/** When a 1:1 was held, or is booked for, in the reader's zone: the line under its title ("Tuesday 1 December, 10:00"). */
export function meetingWhen(meeting: { heldAt: Date | null; scheduledAt: Date }, timeZone: string): string {
  return formatDate(meeting.heldAt ?? meeting.scheduledAt, {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
  });
}

/** The 1:1 before this one, for the same line: "previous 1:1 3 Nov", or "first 1:1". */
export function previousOneOnOne(previousHeldAt: Date | null, timeZone: string): string {
  return previousHeldAt ? `previous 1:1 ${formatDate(previousHeldAt, { timeZone, day: "numeric", month: "short" })}` : "first 1:1";
}
