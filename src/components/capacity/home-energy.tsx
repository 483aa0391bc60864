"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { useState } from "react";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { SLOT_LABELS, SLOTS, type Slot } from "@/lib/energy/slots";
import { useTRPC } from "@/trpc/react";
import { useToday } from "@/components/ui/today";
import { weekStartOf } from "@/lib/energy/week";
import { EnergyLogForm } from "./energy-log-form";
import { useSlotNow } from "./use-slot-now";
import { LevelBadge } from "@/components/ui/level-badge";

/** On Home: today's three slots, and the current one ready to log in place. */
export function HomeEnergy() {
  const trpc = useTRPC();
  // By the week's first day, as the form below reads it: one query (and one prefetch on Home) for both.
  const { data: week } = useQuery(trpc.energy.week.queryOptions({ weekStart: weekStartOf(useToday()) }));
  // Today, and the slot of the time of day until the user picks another (null: not picked).
  const [chosen, setChosen] = useState<{ day: string | null; slot: Slot | null }>({ day: null, slot: null });
  const slotNow = useSlotNow();
  const picked = week ? { day: chosen.day ?? week.today, slot: chosen.slot ?? slotNow ?? week.currentSlot } : null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Your energy today</CardTitle>
      </CardHeader>
      <CardBody className="grid gap-4">
        {week && picked ? (
          <>
            <ul className="flex flex-wrap gap-3 text-sm" aria-label="Today's slots">
              {SLOTS.map((s) => {
                const entry = week.entries.find((e) => e.day === week.today && e.slot === s);
                return (
                  <li key={s} className="flex items-center gap-2">
                    <span className="text-muted">{SLOT_LABELS[s]}:</span>
                    {entry ? <LevelBadge level={entry.level} /> : <span className="text-muted">not logged</span>}
                  </li>
                );
              })}
              <li className="ml-auto">
                <Link href="/capacity" className="text-accent hover:underline">
                  Week and review →
                </Link>
              </li>
            </ul>
            <EnergyLogForm
              compact
              day={picked.day}
              slot={picked.slot}
              today={week.today}
              knownTags={week.knownTags}
              onDayChange={(day) => setChosen((p) => ({ ...p, day }))}
              onSlotChange={(slot) => setChosen((p) => ({ ...p, slot }))}
            />
          </>
        ) : (
          <div className="h-40 animate-pulse rounded bg-surface-2" />
        )}
      </CardBody>
    </Card>
  );
}
