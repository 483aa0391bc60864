"use client";

import { toast } from "@/components/ui/toast";
import { Badge } from "@/components/ui/badge";
import { Select } from "@/components/ui/select";
import { cn } from "@/lib/cn";
import { EFFECT_LABELS, MEETING_EFFECTS, type MeetingEffect } from "@/lib/calendar-audit/effects";
import { DISPLAY_LOCALE } from "@/lib/format";
import type { RouterOutputs } from "@/trpc/types";
import { useTagMeeting } from "./calendar-mutations";

export type Meeting = RouterOutputs["calendarAudit"]["week"]["meetings"][number];

const EFFECT_TONES: Record<MeetingEffect, string> = {
  draining: "border-danger bg-danger-soft text-danger",
  neutral: "border-fg/40 bg-surface-2 text-fg",
  energising: "border-success bg-success-soft text-success",
};

/** "45 min", "1 h 30 min". */
export function durationText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h} h${m ? ` ${m} min` : ""}` : `${m} min`;
}

function whenText(meeting: Meeting, timeZone: string): string {
  const day = meeting.startsAt.toLocaleDateString(DISPLAY_LOCALE, { weekday: "short", day: "numeric", month: "short", timeZone });
  if (meeting.allDay) return day;
  const time = (d: Date) => d.toLocaleTimeString(DISPLAY_LOCALE, { hour: "2-digit", minute: "2-digit", timeZone });
  return `${day}, ${time(meeting.startsAt)}–${time(meeting.endsAt)}`;
}

/** One meeting: when, how long, whether it repeats; its activity tag and how it felt, saved as they change. */
export function MeetingRow({ meeting, timeZone, activities }: { meeting: Meeting; timeZone: string; activities: string[] }) {
  const tag = useTagMeeting({ onError: (e) => toast.error(e.message) });
  const save = (change: { activity?: string | null; effect?: MeetingEffect | null }) =>
    tag.mutate({ id: meeting.id, activity: meeting.activity, effect: meeting.effect, version: meeting.version, ...change });
  const options = [...new Set([...activities, ...(meeting.activity ? [meeting.activity] : [])])];

  return (
    <li className="grid gap-2 border-b border-border py-3 last:border-b-0 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center">
      <div className="min-w-0">
        <p className="font-medium break-words">{meeting.title}</p>
        <p className="flex flex-wrap items-center gap-1.5 text-xs text-muted">
          <span className="tabular-nums">{whenText(meeting, timeZone)}</span>
          {meeting.allDay ? <Badge>All day, not counted</Badge> : <span>· {durationText(meeting.minutes)}</span>}
          {meeting.recurring ? <Badge tone="accent">Recurring</Badge> : null}
        </p>
      </div>
      {meeting.allDay ? null : (
        <div className="flex flex-wrap items-center gap-2">
          <label className="sr-only" htmlFor={`activity-${meeting.id}`}>
            Activity of {meeting.title}
          </label>
          <Select
            id={`activity-${meeting.id}`}
            className="w-36"
            value={meeting.activity ?? ""}
            disabled={tag.isPending}
            onChange={(e) => save({ activity: e.target.value || null })}
          >
            <option value="">No activity</option>
            {options.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </Select>
          <div role="group" aria-label={`How ${meeting.title} felt`} className="flex gap-1">
            {MEETING_EFFECTS.map((effect) => (
              <button
                key={effect}
                type="button"
                aria-pressed={meeting.effect === effect}
                disabled={tag.isPending}
                onClick={() => save({ effect: meeting.effect === effect ? null : effect })}
                className={cn(
                  "rounded-full border px-2.5 py-1 text-xs",
                  meeting.effect === effect ? EFFECT_TONES[effect] : "border-border text-muted hover:text-fg",
                )}
              >
                {EFFECT_LABELS[effect]}
              </button>
            ))}
          </div>
        </div>
      )}
    </li>
  );
}
