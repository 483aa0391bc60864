"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { CapacityTabs } from "./capacity-tabs";
import { WeekNav } from "./week-nav";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { DEFAULT_TAGS } from "@/lib/energy/slots";
import { useTRPC } from "@/trpc/react";
import { CalendarImportForm } from "./calendar-import-form";
import { MeetingRow } from "./meeting-row";
import { useClearCalendarWeek } from "./calendar-mutations";

/** The calendar audit of a week: import the calendar, tag each meeting, and see the meeting load beside the energy log. */
export function CalendarAuditPage({ weekStart }: { weekStart?: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.calendarAudit.week.queryOptions({ weekStart }));
  const clear = useClearCalendarWeek({ onSuccess: (r) => toast.success(`${r.removed} meetings removed from this week.`) });
  const activities = [...new Set([...DEFAULT_TAGS, ...data.meetings.flatMap((m) => (m.activity ? [m.activity] : []))])];

  return (
    <>
      <PageHeader
        title="Capacity"
        description="What did you do between energy logs? Import your calendar for a week, tag each meeting and mark what drains or restores you."
      />
      <CapacityTabs />
      <div className="mb-4">
        <WeekNav path="/capacity/calendar" weekStart={data.weekStart} today={data.today} />
      </div>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card className="lg:order-2">
          <CardHeader>
            <CardTitle>Import</CardTitle>
            <CardDescription>Your calendar stays yours: nobody else in the organisation sees it.</CardDescription>
          </CardHeader>
          <CardBody>
            <CalendarImportForm weekStart={data.weekStart} hasMeetings={data.meetings.length > 0} />
          </CardBody>
        </Card>
        <Card className="lg:order-1">
          <CardHeader>
            <CardTitle>Meetings</CardTitle>
            {data.meetings.length ? (
              <CardDescription>
                <span className="text-fg" data-testid="meeting-load">
                  {data.load.sentence}
                </span>{" "}
                Tags become suggestions for the energy entry of the meeting&apos;s slot.
              </CardDescription>
            ) : null}
          </CardHeader>
          <CardBody>
            {data.meetings.length ? (
              <>
                <ul aria-label="Meetings of the week">
                  {data.meetings.map((m) => (
                    <MeetingRow key={m.id} meeting={m} timeZone={data.timeZone} activities={activities} />
                  ))}
                </ul>
                <div className="mt-3 flex justify-end">
                  <ConfirmDialog
                    trigger={
                      <Button variant="ghost" size="sm">
                        Clear this week
                      </Button>
                    }
                    title="Clear this week's meetings?"
                    description="The imported meetings of this week and their tags are removed. Your energy log stays as it is."
                    confirmLabel="Clear the week"
                    pending={clear.isPending}
                    onConfirm={() => clear.mutate({ weekStart: data.weekStart })}
                  />
                </div>
              </>
            ) : (
              <EmptyState
                title="No meetings imported for this week"
                body="Export your calendar as an .ics file (Google Calendar: Settings, Import & export; Outlook: Save calendar) and import it here to see the week's meetings beside your energy log."
              />
            )}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
