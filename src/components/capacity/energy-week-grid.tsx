"use client";

import { Plus } from "lucide-react";
import { SLOT_LABELS, SLOTS, type Slot } from "@/lib/energy/slots";
import type { RouterOutputs } from "@/trpc/types";
import { LevelBadge } from "@/components/ui/level-badge";
import { ProductiveHoursInput } from "./productive-hours-input";
import { DISPLAY_LOCALE } from "@/lib/format";

type Week = RouterOutputs["energy"]["week"];

const dayName = (day: string) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString(DISPLAY_LOCALE, { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });

/** The week as a grid: a cell per day and slot (click to log or edit it), and each day's productive hours. */
export function EnergyWeekGrid({
  week,
  onPick,
  picked,
}: {
  week: Week;
  onPick: (day: string, slot: Slot) => void;
  picked: { day: string; slot: Slot };
}) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[640px] text-left text-sm">
        <thead className="text-xs text-muted">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">
              Day
            </th>
            {SLOTS.map((s) => (
              <th key={s} scope="col" className="px-2 py-2 font-medium">
                {SLOT_LABELS[s]}
              </th>
            ))}
            <th scope="col" className="px-2 py-2 font-medium">
              Productive hours
            </th>
          </tr>
        </thead>
        <tbody>
          {week.stats.days.map((d) => {
            const future = d.day > week.today;
            return (
              <tr key={d.day} className={`border-t border-border ${d.day === week.today ? "bg-accent-soft/40" : ""}`}>
                <th scope="row" className="py-2 pr-3 font-medium">
                  {dayName(d.day)}
                  {d.day === week.today ? <span className="ml-1 text-xs font-normal text-muted">today</span> : null}
                </th>
                {SLOTS.map((s) => {
                  const entry = week.entries.find((e) => e.day === d.day && e.slot === s);
                  const isPicked = picked.day === d.day && picked.slot === s;
                  return (
                    <td key={s} className="px-2 py-1.5 align-top">
                      {future ? (
                        <span className="text-muted">—</span>
                      ) : (
                        <button
                          type="button"
                          onClick={() => onPick(d.day, s)}
                          aria-pressed={isPicked}
                          className={`grid w-full justify-items-start gap-1 rounded-md border px-2 py-1.5 text-left hover:bg-surface-2 ${isPicked ? "border-accent" : "border-transparent"}`}
                        >
                          {entry ? (
                            <>
                              <span className="sr-only">
                                Edit {SLOT_LABELS[s].toLowerCase()} of {dayName(d.day)}:
                              </span>
                              <LevelBadge level={entry.level} />
                              {entry.tags.length ? <span className="text-xs text-muted">{entry.tags.join(", ")}</span> : null}
                            </>
                          ) : (
                            <span className="flex items-center gap-1 text-xs text-muted">
                              <Plus aria-hidden="true" className="size-3" /> Log
                              <span className="sr-only">{` ${SLOT_LABELS[s].toLowerCase()} of ${dayName(d.day)}`}</span>
                            </span>
                          )}
                        </button>
                      )}
                    </td>
                  );
                })}
                <td className="px-2 py-1.5 align-top">
                  <ProductiveHoursInput
                    day={d.day}
                    hours={d.productiveHours}
                    disabled={future}
                    label={`Productive hours on ${dayName(d.day)}`}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
