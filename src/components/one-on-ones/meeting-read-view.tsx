"use client";

import { Lock } from "lucide-react";
import { Link } from "@/components/ui/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { dueIn, DISPLAY_LOCALE } from "@/lib/format";
import { TOPIC_LABELS } from "@/lib/one-on-ones/agenda";
import type { RouterOutputs } from "@/trpc/types";
import { meetingWhen } from "./meeting-when";
import { NoteKindBadge } from "./note-card";
import { NoteBody } from "./note-body";
import { useTimeZone } from "@/components/ui/today";

type Detail = RouterOutputs["oneOnOnes"]["get"];

const STATUS = { scheduled: ["Scheduled", "accent"], held: ["Held", "success"], cancelled: ["Cancelled", "neutral"] } as const;

/**
 * A 1:1 read by someone who no longer writes in it: an old manager, for one
 * they held before the line changed (read only). The report's side, where
 * they write, is meeting-view.tsx's ReportMeetingView. The rows are stored
 * from the manager's side ("me" is the manager), so the words here follow
 * whoever reads.
 */
export function MeetingReadView({ data }: { data: Detail }) {
  const timeZone = useTimeZone();
  const { meeting, person, holder, viewer } = data;
  const report = viewer === "report";
  const first = (name: string) => name.split(" ")[0] ?? name;
  // Who raised a point, in the reader's words: "me" is stored for the manager, "them" for the report.
  const raisedBy = (side: "me" | "them") =>
    report ? (side === "me" ? first(holder.name) : "you") : side === "me" ? "you" : first(person.name);
  const [label, tone] = STATUS[meeting.status];
  const when = meetingWhen(meeting, timeZone);
  const points = (list: Detail["agenda"], aria: string, empty: string) =>
    list.length === 0 ? (
      <p className="text-sm text-muted">{empty}</p>
    ) : (
      <ul className="grid gap-2" aria-label={aria}>
        {list.map((p) => (
          <li key={p.id} className="grid gap-1 rounded-md border border-border p-2.5 text-sm">
            <span className="break-words">{p.body}</span>
            <span className="flex flex-wrap items-center gap-2 text-xs text-muted">
              <Badge>{TOPIC_LABELS[p.topic]}</Badge>
              <span>raised by {raisedBy(p.raisedBy)}</span>
              {p.carriedOver > 0 ? <span>carried over {p.carriedOver}×</span> : null}
            </span>
          </li>
        ))}
      </ul>
    );
  const actions = (list: Detail["actions"]["mine"], title: string) => (
    <div className="grid content-start gap-1.5">
      <h3 className="text-xs font-medium uppercase tracking-wide text-muted">{title}</h3>
      {list.length === 0 ? <p className="text-sm text-muted">None open.</p> : null}
      <ul className="grid gap-1.5 text-sm" aria-label={`${title}: open actions`}>
        {list.map((a) => (
          <li key={a.id} className="min-w-0">
            <span className="break-words">{a.title}</span>
            {a.dueDate ? (
              <span className={`block text-xs ${a.overdue ? "text-danger" : "text-muted"}`}>{dueIn(a.dueDate, data.today)}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );

  return (
    <>
      <PageHeader
        title={report ? `1:1 with ${holder.name}` : `1:1 with ${person.name}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>{when}</span>
            <Badge tone={tone}>{label}</Badge>
            {report ? (
              <span>Read only.</span>
            ) : (
              <span>
                You held this 1:1 before {first(person.name)} moved to another manager: it stays readable, and is no longer yours to change.
              </span>
            )}
            {report ? (
              <Link href="/" className="text-accent hover:underline">
                Back to Home
              </Link>
            ) : null}
          </span>
        }
      />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Talking points</CardTitle>
            <CardDescription>
              {meeting.status === "scheduled" ? "On the agenda." : "Discussed in this 1:1, and what is still open."}
            </CardDescription>
          </CardHeader>
          <CardBody className="grid gap-3">
            {points(data.agenda, "Agenda", "Nothing on the agenda yet.")}
            {data.discussed.length ? (
              <>
                <h3 className="mt-2 text-xs font-medium uppercase tracking-wide text-muted">Discussed in this 1:1</h3>
                {points(data.discussed, "Discussed in this 1:1", "")}
              </>
            ) : null}
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Action items</CardTitle>
            <CardDescription>Open on both sides.</CardDescription>
          </CardHeader>
          <CardBody className="grid gap-4 sm:grid-cols-2">
            {actions(data.actions.theirs, report ? "Yours" : first(person.name) + "'s")}
            {actions(data.actions.mine, report ? `${first(holder.name)}'s` : "Mine")}
          </CardBody>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Notes</CardTitle>
            <CardDescription>
              {report
                ? "The notes shared with you. Private notes are their author's alone."
                : "Shared notes, and your own private ones: nobody else reads those."}
            </CardDescription>
          </CardHeader>
          <CardBody className="grid gap-3">
            {data.notes.length === 0 ? <p className="text-sm text-muted">No notes.</p> : null}
            {data.notes.map((n) => (
              <article key={n.id} className="grid gap-2 rounded-md border border-border p-3" aria-label="Note">
                <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
                  <NoteKindBadge kind={n.kind} />
                  {n.private ? (
                    <Badge>
                      <Lock aria-hidden="true" className="size-3" /> Private
                    </Badge>
                  ) : null}
                  {n.goalTitle ? <span>Goal: {n.goalTitle}</span> : null}
                  <span>
                    {n.createdAt.toLocaleDateString(DISPLAY_LOCALE, { timeZone, day: "numeric", month: "short", year: "numeric" })}
                  </span>
                </div>
                <NoteBody note={n} />
              </article>
            ))}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
