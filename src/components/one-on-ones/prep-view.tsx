"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { ArrowRight, Download, Plus, Printer } from "lucide-react";
import Link from "next/link";
import { toast } from "@/components/ui/toast";
import { TrackBadge } from "@/components/ui/track-badge";
import { PageHeader } from "@/components/ui/page-header";
import { HealthBadge } from "@/components/ui/health-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { downloadText } from "@/components/ui/download";
import { TOPIC_LABELS } from "@/lib/one-on-ones/agenda";
import { formatChange, formatValue, relativeDay, sharedDecimals, DISPLAY_LOCALE } from "@/lib/format";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { ActionList } from "./action-items";
import { DueBadge } from "@/components/ui/due-badge";
import { GrowthGoals } from "./growth-goals";
import { MyPrepView } from "./my-prep-view";
import { NoteCard } from "./note-card";
import { StartNowButton } from "./start-now-button";
import { AddPointForm, PointList } from "./talking-points";
import { useAddPoint } from "./mutations";
import { useTimeZone } from "@/components/ui/today";

type Prep = RouterOutputs["oneOnOnes"]["prep"];

function Delta({ metric }: { metric: Prep["targets"][number]["metrics"][number] }) {
  const { delta, better } = metric.movement;
  if (delta === null) return <span className="text-muted">{metric.then ? "no change" : "—"}</span>;
  if (delta === 0) return <span className="text-muted">no change</span>;
  // The change is written with the precision of the two values it is between (one rule: lib/format).
  const text = formatChange(delta, metric.unit, sharedDecimals([metric.then?.value, metric.latest?.value]));
  // Better or worse in words as well as colour.
  const tone = better === true ? "text-success" : better === false ? "text-danger" : "text-muted";
  return (
    <span className={`font-medium tabular-nums ${tone}`}>
      {text} <span className="sr-only">({better === true ? "better" : better === false ? "worse" : "moved"})</span>
      <span aria-hidden="true">{better === true ? "▲ better" : better === false ? "▼ worse" : ""}</span>
    </span>
  );
}

/** Targets with each metric then (at the last 1:1), now, and the change: on both prep pages. */
export function Targets({ targets, empty }: { targets: Prep["targets"]; empty: string }) {
  if (targets.length === 0) return <p className="text-sm text-muted">{empty}</p>;
  return (
    <ul className="grid gap-4">
      {targets.map((t) => (
        <li key={t.id} className="grid gap-2">
          <div className="flex flex-wrap items-center gap-2">
            <Link href={`/targets/${t.id}`} className="font-medium hover:underline">
              {t.title}
            </Link>
            {t.health.direction !== "same" && t.health.then ? (
              <span className="flex items-center gap-1 text-xs text-muted">
                <HealthBadge health={t.health.then} /> <ArrowRight role="img" aria-label="became" className="size-3" />{" "}
                <HealthBadge health={t.health.now} />
              </span>
            ) : t.status === "active" ? (
              <HealthBadge health={t.health.now} />
            ) : (
              <Badge>{t.status[0]!.toUpperCase() + t.status.slice(1)}</Badge>
            )}
          </div>
          {t.metrics.length ? (
            <table className="w-full text-left text-sm">
              <thead className="text-xs text-muted">
                <tr>
                  <th scope="col" className="py-1 pr-2 font-medium">
                    Metric
                  </th>
                  <th scope="col" className="py-1 pr-2 font-medium">
                    At last 1:1
                  </th>
                  <th scope="col" className="py-1 pr-2 font-medium">
                    Latest
                  </th>
                  <th scope="col" className="py-1 font-medium">
                    Change
                  </th>
                </tr>
              </thead>
              <tbody>
                {t.metrics.map((m) => (
                  <tr key={m.id} className="border-t border-border">
                    <td className="py-1 pr-2">{m.name}</td>
                    <td className="py-1 pr-2 tabular-nums text-muted">
                      {m.kind === "milestone" ? "—" : formatValue(m.then?.value, m.unit, sharedDecimals([m.then?.value, m.latest?.value]))}
                    </td>
                    <td className="py-1 pr-2 tabular-nums">
                      {m.kind === "milestone"
                        ? "Milestone"
                        : formatValue(m.latest?.value, m.unit, sharedDecimals([m.then?.value, m.latest?.value]))}
                    </td>
                    <td className="py-1">{m.kind === "milestone" ? null : <Delta metric={m} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function Delegation({ prep }: { prep: Prep }) {
  const empty = prep.levelChanges.length === 0 && prep.reviewsDue.length === 0 && prep.tightHeld.length === 0;
  if (empty)
    return <p className="text-sm text-muted">No level changes since the last 1:1, no reviews due, nothing held tighter than suggested.</p>;
  return (
    <div className="grid gap-3 text-sm">
      {prep.levelChanges.length ? (
        <div>
          <h3 className="text-xs font-medium uppercase tracking-wide text-muted">Level changes since the last 1:1</h3>
          <ul className="mt-1 grid gap-1">
            {prep.levelChanges.map((c) => (
              <li key={c.id}>
                <span className="font-medium">{c.taskTitle}</span>: {c.fromLabel ?? "new"} →{" "}
                <span className="font-medium">{c.toLabel}</span>
                {c.fromAutonomy !== null ? (
                  <Badge className="ml-2" tone={c.toAutonomy > c.fromAutonomy ? "success" : "warning"}>
                    {c.toAutonomy > c.fromAutonomy ? "More autonomy" : "Less autonomy"}
                  </Badge>
                ) : null}
                {c.reason ? <span className="text-muted">: {c.reason}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {prep.reviewsDue.length ? (
        <div>
          <h3 className="text-xs font-medium uppercase tracking-wide text-muted">Reviews due</h3>
          <ul className="mt-1 grid gap-1">
            {prep.reviewsDue.map((t) => (
              <li key={t.id}>
                {t.title} <span className="text-muted">(review {t.reviewDate ? relativeDay(t.reviewDate, prep.today) : ""})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {prep.tightHeld.length ? (
        <div>
          <h3 className="text-xs font-medium uppercase tracking-wide text-muted">Held tighter than suggested</h3>
          <ul className="mt-1 grid gap-1">
            {prep.tightHeld.map((t) => (
              <li key={t.id}>
                {t.title}: {t.level}, suggested {t.suggested}{" "}
                <span className="text-muted">(since {relativeDay(t.levelSinceDay, prep.today)})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Link href={`/delegation/${prep.person.id}`} className="text-accent hover:underline print:hidden">
        Delegation review
      </Link>
    </div>
  );
}

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

/** One screen to walk into the next 1:1 with: what changed, what was promised, what to coach on. Prints and exports. */
export function PrepView({ personId }: { personId: string }) {
  const timeZone = useTimeZone();
  const trpc = useTRPC();
  const { data: prep } = useSuspenseQuery(trpc.oneOnOnes.prep.queryOptions({ personId }));
  const since = prep.since ? prep.since.toISOString() : null;
  const sinceDay = prep.lastMeeting?.heldAt
    ? prep.lastMeeting.heldAt.toLocaleDateString(DISPLAY_LOCALE, { timeZone, day: "numeric", month: "short", year: "numeric" })
    : null;
  // The report's side has a prep page of its own.
  if (prep.viewer === "report") return <MyPrepView />;
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
          <CardBody>
            <Targets targets={prep.targets} empty={`${prep.person.name} owns no active targets.`} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Delegation</CardTitle>
          </CardHeader>
          <CardBody>
            <Delegation prep={prep} />
          </CardBody>
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
