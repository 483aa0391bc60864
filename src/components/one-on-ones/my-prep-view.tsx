"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { CalendarPlus } from "lucide-react";
import { Link } from "@/components/ui/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime, formatDay, DISPLAY_LOCALE } from "@/lib/format";
import { useTRPC } from "@/trpc/react";
import { ActionList } from "./action-items";
import { NoteCard } from "./note-card";
import { Targets } from "./prep-cards";
import { ScheduleDialog } from "./schedule-dialog";
import { AddPointForm, PointList } from "./talking-points";
import { useTimeZone } from "@/components/ui/today";

const first = (name: string) => name.split(" ")[0] ?? name;

/**
 * The report's side of the next 1:1: what changed on their side since the last
 * one (their targets' values, their delegation levels), the actions due (they
 * tick theirs here), what their manager put on the agenda, and a box to add
 * their own points. With nothing booked, they book the next one with their
 * manager at the cadence.
 */
export function MyPrepView() {
  const timeZone = useTimeZone();
  const trpc = useTRPC();
  const { data: prep } = useSuspenseQuery(trpc.oneOnOnes.myPrep.queryOptions());
  if (!prep.manager)
    return (
      <>
        <PageHeader title="Prepare your 1:1" />
        <Card>
          <CardBody>
            <p className="text-sm text-muted">You report to nobody in this organisation, so there is no 1:1 of yours to prepare.</p>
          </CardBody>
        </Card>
      </>
    );
  const manager = first(prep.manager.name);
  const sinceDay = prep.since
    ? prep.since.toLocaleDateString(DISPLAY_LOCALE, { timeZone, day: "numeric", month: "short", year: "numeric" })
    : null;
  return (
    <>
      <PageHeader
        title={`Prepare your 1:1 with ${prep.manager.name}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {sinceDay ? <span>What changed on your side since the last 1:1 on {sinceDay}</span> : <span>No 1:1 held yet.</span>}
            {prep.nextMeeting ? (
              <Badge tone="accent">Booked {formatDateTime(prep.nextMeeting.scheduledAt, undefined, prep.timeZone)}</Badge>
            ) : prep.due.state === "none" ? (
              <Badge>No set cadence</Badge>
            ) : (
              <Badge tone={prep.due.state === "overdue" ? "danger" : "neutral"}>Due {formatDay(prep.due.dueDay)}</Badge>
            )}
          </span>
        }
        actions={
          prep.nextMeeting ? (
            <Button asChild>
              <Link href={`/one-on-ones/meeting/${prep.nextMeeting.id}`}>Open the next 1:1</Link>
            </Button>
          ) : (
            <ScheduleDialog
              personId={prep.me.id}
              personName={prep.manager.name}
              dueDay={prep.due.dueDay}
              trigger={
                <Button>
                  <CalendarPlus aria-hidden="true" /> Book the next 1:1
                </Button>
              }
            />
          )
        }
      />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-2">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>What {manager} added since the last 1:1</CardTitle>
            <CardDescription>Talking points your manager put on the agenda.</CardDescription>
          </CardHeader>
          <CardBody>
            <PointList
              personId={prep.me.id}
              points={prep.addedByManager}
              label={`Added by ${manager}`}
              emptyText={`${manager} has added nothing since the last 1:1.`}
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>The agenda</CardTitle>
            <CardDescription>Everything open, yours and {manager}&apos;s. Add what you want to talk about.</CardDescription>
          </CardHeader>
          <CardBody className="grid gap-3">
            <AddPointForm personId={prep.me.id} side="report" />
            <PointList personId={prep.me.id} points={prep.agenda} emptyText="Nothing on the agenda yet." />
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Actions</CardTitle>
            <CardDescription>Tick yours when done; {manager} ticks theirs.</CardDescription>
          </CardHeader>
          <CardBody className="grid gap-4 sm:grid-cols-2">
            <ActionList title="Yours" actions={prep.actions.yours} emptyText="Nothing open for you." manage={false} />
            <ActionList title={`${manager}'s`} actions={prep.actions.managers} emptyText="None open." manage={false} tickedBy={manager} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Your targets</CardTitle>
            <CardDescription>The targets you own: values at the last 1:1 and now.</CardDescription>
          </CardHeader>
          <CardBody>
            <Targets targets={prep.targets} empty="You own no active targets." />
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Your delegation levels</CardTitle>
            <CardDescription>The tasks delegated to you, and what changed since the last 1:1.</CardDescription>
          </CardHeader>
          <CardBody className="grid gap-3 text-sm">
            {prep.levelChanges.length ? (
              <div>
                <h3 className="text-xs font-medium uppercase tracking-wide text-muted">Changed since the last 1:1</h3>
                <ul className="mt-1 grid gap-1" aria-label="Level changes since the last 1:1">
                  {prep.levelChanges.map((c) => (
                    <li key={c.id}>
                      <span className="font-medium">{c.taskTitle}</span>: {c.fromLabel ?? "new"} →{" "}
                      <span className="font-medium">{c.toLabel}</span>
                      {c.reason ? <span className="text-muted">: {c.reason}</span> : null}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {prep.tasks.length === 0 ? (
              <p className="text-muted">No tasks are delegated to you.</p>
            ) : (
              <ul className="grid gap-1" aria-label="Tasks delegated to you">
                {prep.tasks.map((t) => (
                  <li key={t.id} className="flex flex-wrap items-center gap-2">
                    <span>{t.title}</span>
                    <Badge>{t.level}</Badge>
                  </li>
                ))}
              </ul>
            )}
          </CardBody>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Notes from the last 1:1</CardTitle>
            <CardDescription>Shared notes, and your own private ones: nobody else reads those.</CardDescription>
          </CardHeader>
          <CardBody className="grid gap-3">
            {prep.lastNotes.length === 0 ? (
              <p className="text-sm text-muted">{prep.lastMeeting ? "No notes from the last 1:1." : "No 1:1 yet."}</p>
            ) : null}
            {prep.lastNotes.map((n) => (
              <NoteCard
                key={n.id}
                note={n}
                personId={prep.me.id}
                goals={prep.goals}
                canEdit={n.mine}
                author={n.mine ? "you" : n.authorPersonId === prep.manager?.id ? manager : undefined}
              />
            ))}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
