"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { Slot } from "@/lib/energy/slots";
import { useTRPC } from "@/trpc/react";
import { CapacityTabs } from "./capacity-tabs";
import { EnergyLogForm } from "./energy-log-form";
import { EnergyWeekGrid } from "./energy-week-grid";
import { useSlotNow } from "./use-slot-now";
import { WeekNav } from "./week-nav";
import { MeetingLoadLine } from "./meeting-load-line";
import { WeeklyReview } from "./weekly-review";

/** The energy log for a week: log now (or a missed slot), the week's grid, and its review. */
export function EnergyPage({ weekStart }: { weekStart?: string }) {
  const trpc = useTRPC();
  const { data: week } = useSuspenseQuery(trpc.energy.week.queryOptions({ weekStart }));
  const inWeek = week.today >= week.weekStart && week.stats.days.some((d) => d.day === week.today);
  // The slot follows the time of day until the user picks one (null: not picked yet).
  const [chosen, setChosen] = useState<{ day: string; slot: Slot | null }>({
    day: inWeek ? week.today : week.stats.days[0]!.day,
    slot: null,
  });
  const slotNow = useSlotNow();
  const picked = { day: chosen.day, slot: chosen.slot ?? slotNow ?? week.currentSlot };
  return (
    <>
      <PageHeader
        title="Capacity"
        description="Your capacity depends on your energy. Log it three times a day with what you did, and see each week what drains you and what restores you."
      />
      <CapacityTabs />
      <div className="mb-4 grid gap-2">
        <WeekNav path="/capacity" weekStart={week.weekStart} today={week.today} />
        <MeetingLoadLine weekStart={week.weekStart} />
      </div>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4">
        <div className="grid grid-cols-[minmax(0,1fr)] gap-4 xl:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
          <Card>
            <CardHeader>
              <CardTitle>Log energy</CardTitle>
              <CardDescription>Pick a level and log it; tags say what you did in the last hours.</CardDescription>
            </CardHeader>
            <CardBody>
              <EnergyLogForm
                day={picked.day}
                slot={picked.slot}
                today={week.today}
                knownTags={week.knownTags}
                onDayChange={(day) => setChosen((p) => ({ ...p, day }))}
                onSlotChange={(slot) => setChosen((p) => ({ ...p, slot }))}
              />
            </CardBody>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>The week</CardTitle>
              <CardDescription>Click a slot to log or edit it; missed ones can be filled in later.</CardDescription>
            </CardHeader>
            <CardBody>
              <EnergyWeekGrid week={week} picked={picked} onPick={(day, slot) => setChosen({ day, slot })} />
            </CardBody>
          </Card>
        </div>
        <WeeklyReview week={week} />
      </div>
    </>
  );
}
