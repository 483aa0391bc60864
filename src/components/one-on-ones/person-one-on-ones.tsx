"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { ClipboardList } from "lucide-react";
import { Link } from "@/components/ui/link";
import { TrackBadge } from "@/components/ui/track-badge";
import { PageHeader } from "@/components/ui/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cadenceLabel } from "@/lib/people/ladder";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/react";
import { ActionList, AddActionForm } from "./action-items";
import { DueBadge } from "@/components/ui/due-badge";
import { GrowthGoals } from "./growth-goals";
import { MeetingList } from "./meeting-list";
import { NoteCard } from "./note-card";
import { NoteForm } from "./note-form";
import { ScheduleDialog, StartNowButton } from "./schedule-dialog";
import { AddPointForm, PointList } from "./talking-points";
import { useTimeZone } from "@/components/ui/today";

const first = (name: string) => name.split(" ")[0] ?? name;

/** Everything 1:1 about one person: agenda, actions, notes, goals and the meetings themselves. */
/** `scheduling`: the page was opened to book a 1:1 (`?schedule=1`, the palette's "Start a 1:1 with …"). */
export function PersonOneOnOnes({ personId, scheduling = false }: { personId: string; scheduling?: boolean }) {
  const timeZone = useTimeZone();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.oneOnOnes.forPerson.queryOptions({ personId }));
  const { person } = data;
  const noteBox = useRef<HTMLDetailsElement>(null);
  const next = data.upcoming[0];
  const active = !person.archivedAt;
  // An old manager, after a line change: the 1:1s they held, read only (the rest is the new manager's).
  // The report's own side: their agenda (they add their own points) and meetings.
  if (data.viewer === "report")
    return (
      <>
        <PageHeader
          title="Your 1:1s"
          description="The agenda and the 1:1s you have with your manager. Add what you want to talk about at any time."
          actions={
            <Button asChild variant="secondary">
              <Link href="/one-on-ones/prep">
                <ClipboardList aria-hidden="true" /> Prepare
              </Link>
            </Button>
          }
        />
        <Card>
          <CardHeader>
            <CardTitle>On the agenda</CardTitle>
            <CardDescription>Your points and your manager&apos;s, on every 1:1 until discussed.</CardDescription>
          </CardHeader>
          <CardBody className="grid gap-3">
            {active ? <AddPointForm personId={person.id} side="report" /> : null}
            <PointList personId={person.id} points={data.agenda} emptyText="Nothing on the agenda yet: add what is on your mind." />
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Your 1:1s</CardTitle>
          </CardHeader>
          <CardBody>
            <MeetingList personId={person.id} upcoming={data.upcoming} />
          </CardBody>
        </Card>
      </>
    );
  if (data.viewer === "former")
    return (
      <>
        <PageHeader
          title={`1:1s with ${person.name}`}
          description={`${person.name} now reports to someone else. The 1:1s you held stay readable here; the agenda, actions and goals moved on with them.`}
        />
        <Card>
          <CardHeader>
            <CardTitle>The 1:1s you held</CardTitle>
          </CardHeader>
          <CardBody>
            <MeetingList personId={person.id} upcoming={data.upcoming} />
          </CardBody>
        </Card>
      </>
    );
  return (
    <>
      <PageHeader
        title={`1:1s with ${person.name}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <TrackBadge track={person.track} />
            <span>{cadenceLabel(person.cadence, person.cadenceDays)}</span>
            <DueBadge due={data.due} today={data.today} nextScheduledAt={next?.scheduledAt} />
            <span>{data.held} held</span>
            <Link href={`/people/${person.id}`} className="text-accent hover:underline">
              Person page
            </Link>
          </span>
        }
        actions={
          active ? (
            <>
              <Button asChild variant="secondary">
                <Link href={`/one-on-ones/${person.id}/prep`}>
                  <ClipboardList aria-hidden="true" /> Prepare
                </Link>
              </Button>
              <ScheduleDialog personId={person.id} personName={person.name} dueDay={data.due.dueDay} defaultOpen={scheduling} />
              <StartNowButton personId={person.id} />
            </>
          ) : null
        }
      />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="grid content-start gap-4">
          <Card>
            <CardHeader>
              <CardTitle>Agenda for the next 1:1</CardTitle>
              <CardDescription>Talking points stay here until discussed; the ones not discussed carry over.</CardDescription>
            </CardHeader>
            <CardBody className="grid gap-3">
              {active ? <AddPointForm personId={person.id} /> : null}
              <PointList personId={person.id} points={data.agenda} emptyText="Nothing on the agenda yet." />
            </CardBody>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Open actions</CardTitle>
              <CardDescription>Open until done, on every 1:1 until then.</CardDescription>
            </CardHeader>
            <CardBody className="grid gap-4">
              {active ? <AddActionForm personId={person.id} /> : null}
              <div className="grid gap-4 sm:grid-cols-2">
                <ActionList title="Theirs" actions={data.actions.theirs} emptyText="None open." personId={person.id} />
                <ActionList title="Mine" actions={data.actions.mine} emptyText="None open." personId={person.id} />
              </div>
              {data.recentlyDone.length ? <ActionList title="Done in the last 30 days" actions={data.recentlyDone} emptyText="" /> : null}
            </CardBody>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Notes</CardTitle>
              <CardDescription>Coaching, feedback given and observations, newest first.</CardDescription>
            </CardHeader>
            <CardBody className="grid gap-3">
              {active ? (
                <details ref={noteBox} className="rounded-md border border-border p-3">
                  <summary className="cursor-pointer text-sm font-medium">Write a note outside a 1:1</summary>
                  <div className="mt-3">
                    {/* A draft left here unfolds the box on return. */}
                    <NoteForm personId={person.id} goals={data.goals} onDraftRestored={() => noteBox.current?.setAttribute("open", "")} />
                  </div>
                </details>
              ) : null}
              {data.notes.length === 0 ? <p className="text-sm text-muted">No notes yet. Notes written in a 1:1 show here too.</p> : null}
              {data.notes.map((n) => (
                <NoteCard
                  key={n.id}
                  note={n}
                  personId={person.id}
                  goals={data.goals}
                  canEdit={n.mine}
                  author={n.mine ? "you" : n.authorPersonId === person.id ? first(person.name) : undefined}
                  context={
                    n.oneOnOneId && n.meetingAt ? (
                      <Link className="text-accent hover:underline" href={`/one-on-ones/meeting/${n.oneOnOneId}`}>
                        from the 1:1 of {formatDate(n.meetingAt, { timeZone, day: "numeric", month: "short" })}
                      </Link>
                    ) : null
                  }
                />
              ))}
            </CardBody>
          </Card>
        </div>
        <div className="grid content-start gap-4">
          <Card>
            <CardHeader>
              <CardTitle>Growth goals</CardTitle>
            </CardHeader>
            <CardBody>
              <GrowthGoals personId={person.id} track={person.track} goals={data.goals} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Meetings</CardTitle>
            </CardHeader>
            <CardBody>
              <MeetingList personId={person.id} upcoming={data.upcoming} />
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
