"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Download, Plus, Printer } from "lucide-react";
import { Link } from "@/components/ui/link";
import { toast } from "@/components/ui/toast";
import { TrackBadge } from "@/components/ui/track-badge";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { downloadText } from "@/components/ui/download";
import { TOPIC_LABELS } from "@/lib/one-on-ones/agenda";
import { DISPLAY_LOCALE } from "@/lib/format";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { ActionList } from "./action-items";
import { DueBadge } from "@/components/ui/due-badge";
import { GrowthGoals } from "./growth-goals";
import { NoteCard } from "./note-card";
import { StartNowButton } from "./start-now-button";
import { AddPointForm, PointList } from "./talking-points";
import { useAddPoint } from "./mutations";
import { useTimeZone } from "@/components/ui/today";

type Prep = RouterOutputs["oneOnOnes"]["prep"];

function Suggestions({ prep }: { prep: Prep }) {
  const add = useAddPoint({ onSuccess: () => toast.success("Added to the agenda."), onError: (e) => toast.error(e.message) });
  if (prep.suggestions.length === 0)
    return (
      <p className="text-sm text-muted">Nothing stands out: no target turned worse, no overdue action, no task held tight for long.</p>
    );
  return (
    <ul className="grid gap-2" aria-label="Suggested talking points">
      {prep.suggestions.map((s) => (
        <li key={s.body} className="flex items-start gap-2 text-sm">
          <Badge>{TOPIC_LABELS[s.topic]}</Badge>
          <div className="min-w-0 flex-1">
            <div>{s.body}</div>
            <div className="text-xs text-muted">{s.why}</div>
          </div>
          <Button
            size="sm"
            variant="secondary"
            className="print:hidden"
            disabled={add.isPending}
            onClick={() => add.mutate({ personId: prep.person.id, topic: s.topic, body: s.body })}
            aria-label={`Add to agenda: ${s.body}`}
          >
            <Plus aria-hidden="true" /> Agenda
          </Button>
        </li>
      ))}
    </ul>
  );
}

/**
 * One screen to walk into the next 1:1 with: what changed, what was promised, what to coach on. Prints and exports.
 * The targets and delegation cards' contents come rendered by the server page (`prep-cards.tsx`): nothing on this
 * page changes them, and they need no script. The report's own prep (`viewer: "report"`) is the server page's choice.
 */
export function PrepView({ personId, targets, delegation }: { personId: string; targets: React.ReactNode; delegation: React.ReactNode }) {
  const timeZone = useTimeZone();
  const trpc = useTRPC();
  const { data: prep } = useSuspenseQuery(trpc.oneOnOnes.prep.queryOptions({ personId }));
  const since = prep.since ? prep.since.toISOString() : null;
  const sinceDay = prep.lastMeeting?.heldAt
    ? prep.lastMeeting.heldAt.toLocaleDateString(DISPLAY_LOCALE, { timeZone, day: "numeric", month: "short", year: "numeric" })
    : null;
  const goalsForNotes = prep.goals;
  const firstName = prep.person.name.split(" ")[0] ?? prep.person.name;
  return (
    <div className="prep">
      <PageHeader
        title={`Prep: 1:1 with ${prep.person.name}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <TrackBadge track={prep.person.track} />
            {sinceDay ? <span>What changed since the last 1:1 on {sinceDay}</span> : <span>No 1:1 held yet: everything is new.</span>}
            <DueBadge due={prep.due} today={prep.today} nextScheduledAt={prep.nextMeeting?.scheduledAt} />
          </span>
        }
        actions={
          <div className="contents print:hidden">
            <Button
              variant="secondary"
              onClick={async () => {
                // The export's builder (with a markdown parser) loads on the click, not with the page.
                const { prepMarkdown } = await import("@/lib/one-on-ones/prep-markdown");
                downloadText(
                  `prep-${prep.person.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${prep.today}.md`,
                  prepMarkdown({ ...prep, since: since ? new Date(since) : null }),
                  "text/markdown;charset=utf-8",
                );
              }}
            >
              <Download aria-hidden="true" /> Markdown
            </Button>
            <Button variant="secondary" onClick={() => window.print()}>
              <Printer aria-hidden="true" /> Print
            </Button>
            {prep.nextMeeting ? (
              <Button asChild>
                <Link href={`/one-on-ones/meeting/${prep.nextMeeting.id}`}>Open the next 1:1</Link>
              </Button>
            ) : (
              <StartNowButton personId={personId} />
            )}
          </div>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2 print:block print:[&>*]:mb-4">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>What {firstName} added since the last 1:1</CardTitle>
            <CardDescription>
              {prep.since
                ? "Talking points they put on the agenda themselves."
                : "Talking points they put on the agenda themselves, so far."}
            </CardDescription>
          </CardHeader>
          <CardBody>
            <PointList
              personId={personId}
              points={prep.addedByThem}
              label={`Added by ${firstName}`}
              emptyText={`${firstName} has added nothing since. They can add points from their own 1:1 page at any time.`}
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Suggested talking points</CardTitle>
            <CardDescription>Derived from what changed.</CardDescription>
          </CardHeader>
          <CardBody>
            <Suggestions prep={prep} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Agenda</CardTitle>
            <CardDescription>Open talking points, with those carried over.</CardDescription>
          </CardHeader>
          <CardBody className="grid gap-3">
            <PointList personId={personId} points={prep.agenda} emptyText="Nothing on the agenda yet." />
            <div className="print:hidden">
              <AddPointForm personId={personId} />
            </div>
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Targets</CardTitle>
            <CardDescription>Status and latest values, with the change since the last 1:1.</CardDescription>
          </CardHeader>
          <CardBody>{targets}</CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Delegation</CardTitle>
          </CardHeader>
          <CardBody>{delegation}</CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Open actions</CardTitle>
          </CardHeader>
          <CardBody className="grid gap-4 sm:grid-cols-2">
            <ActionList title="Theirs" actions={prep.actions.theirs} emptyText="None open." />
            <ActionList title="Mine" actions={prep.actions.mine} emptyText="None open." />
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Growth goals</CardTitle>
          </CardHeader>
          <CardBody>
            <GrowthGoals personId={personId} track={prep.person.track} goals={prep.goals} />
          </CardBody>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Notes from the last 1:1</CardTitle>
            <CardDescription>Private notes show here but are left out of print and export.</CardDescription>
          </CardHeader>
          <CardBody className="grid gap-3">
            {prep.lastNotes.length === 0 ? (
              <p className="text-sm text-muted">{prep.lastMeeting ? "No notes were written in the last 1:1." : "No 1:1 yet."}</p>
            ) : null}
            {prep.lastNotes.map((n) => (
              <NoteCard
                key={n.id}
                note={n}
                personId={personId}
                goals={goalsForNotes}
                canEdit={n.mine}
                author={n.mine ? "you" : n.authorPersonId === personId ? firstName : undefined}
              />
            ))}
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
