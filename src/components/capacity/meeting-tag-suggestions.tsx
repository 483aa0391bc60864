"use client";

import { useQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { suggestedTags } from "@/lib/calendar-audit/summary";
import type { Slot } from "@/lib/energy/slots";
import { weekStartOf } from "@/lib/energy/week";
import { useTRPC } from "@/trpc/react";

/**
 * Tags from the calendar audit for an energy entry: the activities of the
 * meetings tagged in that day's slot, as chips that add the tag. Nothing when
 * no meeting of the slot is tagged (or every suggestion is already chosen).
 */
export function MeetingTagSuggestions({
  day,
  slot,
  chosen,
  onAdd,
}: {
  day: string;
  slot: Slot;
  chosen: string[];
  onAdd: (tag: string) => void;
}) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.calendarAudit.week.queryOptions({ weekStart: weekStartOf(day) }));
  if (!data) return null;
  const meetings = data.meetings.map((m) => ({
    start: m.startsAt,
    end: m.endsAt,
    recurring: m.recurring,
    allDay: m.allDay,
    activity: m.activity,
  }));
  const tags = suggestedTags(meetings, day, slot, data.timeZone).filter((t) => !chosen.includes(t));
  if (!tags.length) return null;
  return (
    <div className="flex flex-wrap items-center gap-1.5" aria-label="Suggested from your calendar" role="group">
      <span className="text-xs text-muted">From your calendar:</span>
      {tags.map((tag) => (
        <button
          key={tag}
          type="button"
          onClick={() => onAdd(tag)}
          className="inline-flex items-center gap-1 rounded-full border border-dashed border-accent/50 px-2.5 py-1 text-xs text-accent hover:bg-accent-soft"
        >
          <Plus aria-hidden="true" className="size-3" />
          <span className="sr-only">Add </span>
          {tag}
        </button>
      ))}
    </div>
  );
}
