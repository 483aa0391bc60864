"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { HEALTH_COLOR, HealthBadge } from "@/components/ui/health-badge";
import { PageHeader } from "@/components/ui/page-header";
import { TrackBadge } from "@/components/ui/track-badge";
import { Markdown } from "@/components/ui/markdown";
import { formatDay, valueFormatter } from "@/lib/format";
import { TOPIC_LABELS } from "@/lib/one-on-ones/agenda";
import { NOTE_KIND_LABELS } from "@/lib/validators/one-on-ones";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { HandoverNote } from "./handover-note";
import { useFormatDateTime } from "@/components/ui/today";

type Page = RouterOutputs["handovers"]["page"];
type Metric = Page["targets"][number]["metrics"][number];

const VIEWER_WORDS = {
  to: (p: Page, formatDateTime: (d: Date) => string) =>
    `${p.person.name} moved to you from ${p.handover.fromName} on ${formatDateTime(p.handover.at)}.`,
  from: (p: Page, formatDateTime: (d: Date) => string) =>
    `${p.person.name} moved from you to ${p.handover.toName} on ${formatDateTime(p.handover.at)}. You see what you held and wrote; leave ${p.handover.toName} a note.`,
  line: (p: Page, formatDateTime: (d: Date) => string) =>
    `${p.person.name} moved from ${p.handover.fromName} to ${p.handover.toName} on ${formatDateTime(p.handover.at)}. The 1:1s and the note are theirs; you see the targets and the levels.`,
} as const;

/**
 * A person's hand-over page: what carries over to the new manager when the
 * line changes (targets and their trend, growth goals and shared notes,
 * delegation levels with their history, open actions, the agenda and the
 * recent 1:1s' talking points), and the old manager's note. Private notes are
 * never here. Each section shows what the reader may see (the server's
 * policy); an empty one says so.
 */
export function HandoverPage({ personId }: { personId: string }) {
  const formatDateTime = useFormatDateTime();
  const trpc = useTRPC();
  const { data: page } = useSuspenseQuery(trpc.handovers.page.queryOptions({ personId }));
  const { person, handover } = page;
  return (
    <>
      <PageHeader
        title={`Hand-over: ${person.name}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <TrackBadge track={person.track} />
            <span>{VIEWER_WORDS[handover.viewer](page, formatDateTime)}</span>
          </span>
        }
        actions={
          <Link href={`/people/${person.id}`} className="text-sm text-accent hover:underline">
            {person.name}&apos;s page →
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="grid min-w-0 content-start gap-6">
          <HandoverNote page={page} />
          <TargetsSection page={page} />
          <MeetingsSection page={page} />
          <DelegationSection page={page} />
        </div>
        <div className="grid min-w-0 content-start gap-6">
          <ActionsSection page={page} />
          <GoalsSection page={page} />
          <NotesSection page={page} />
          {page.earlier.length ? (
            <Card aria-labelledby="earlier-handovers">
              <CardHeader>
                <CardTitle id="earlier-handovers">Earlier hand-overs</CardTitle>
              </CardHeader>
              <CardBody>
                <ul className="grid gap-1 text-sm">
                  {page.earlier.map((h) => (
                    <li key={h.id}>
                      {h.fromName} → {h.toName} <span className="text-muted">· {formatDateTime(h.at)}</span>
                    </li>
                  ))}
                </ul>
              </CardBody>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}

function Section({ id, title, description, children }: { id: string; title: string; description?: string; children: React.ReactNode }) {
  return (
    <Card aria-labelledby={id}>
      <CardHeader>
        <CardTitle id={id}>{title}</CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardBody>{children}</CardBody>
    </Card>
  );
}

const Empty = ({ children }: { children: React.ReactNode }) => <p className="text-sm text-muted">{children}</p>;

/** A number metric's recent check-ins as a small line, with the first and last values in words beside it. */
function Trend({ metric, color }: { metric: Metric; color: string }) {
  const points = metric.trend;
  if (points.length === 0) return <span className="text-xs text-muted">No check-ins lately</span>;
  const values = points.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const w = 96;
  const h = 24;
  const x = (i: number) => (points.length === 1 ? w / 2 : (i / (points.length - 1)) * w);
  const y = (v: number) => (max === min ? h / 2 : h - ((v - min) / (max - min)) * h);
  const fmt = valueFormatter([values[0], values.at(-1)], metric.unit);
  const words = `${fmt(values[0])} → ${fmt(values.at(-1))} over ${points.length} check-in${points.length === 1 ? "" : "s"}`;
  return (
    <span className="inline-flex items-center gap-2">
      <svg width={w} height={h} viewBox={`-2 -2 ${w + 4} ${h + 4}`} aria-hidden="true" className="shrink-0">
        <polyline fill="none" stroke={color} strokeWidth="2" points={points.map((p, i) => `${x(i)},${y(p.value)}`).join(" ")} />
      </svg>
      <span className="text-xs text-muted">{words}</span>
    </span>
  );
}

function TargetsSection({ page }: { page: Page }) {
  return (
    <Section id="handover-targets" title="Targets" description="What they aim at, with the trend of the last check-ins.">
      {page.targets.length === 0 ? (
        <Empty>No target of {page.person.name}&apos;s that you can see.</Empty>
      ) : (
        <ul className="grid gap-4">
          {page.targets.map((t) => (
            <li key={t.id} className="grid gap-1">
              <div className="flex flex-wrap items-center gap-2">
                <Link href={`/targets/${t.id}`} className="font-medium break-words hover:underline">
                  {t.title}
                </Link>
                <HealthBadge health={t.health} />
                <span className="text-xs text-muted">due {formatDay(t.dueDate)}</span>
              </div>
              <ul className="grid gap-1 pl-1">
                {t.metrics.map((m) => (
                  <li key={m.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                    <span className="min-w-24">{m.name}</span>
                    {m.kind === "milestone" ? (
                      <span className="text-xs text-muted">{m.latest ? "Done" : "Not done yet"}</span>
                    ) : (
                      <Trend metric={m} color={t.health ? HEALTH_COLOR[t.health] : "var(--accent)"} />
                    )}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function MeetingsSection({ page }: { page: Page }) {
  const formatDateTime = useFormatDateTime();
  return (
    <Section
      id="handover-meetings"
      title="Recent 1:1s"
      description="The agenda as it stands, and what was talked about in the last held 1:1s, whoever held them."
    >
      <div className="grid gap-4">
        <div>
          <h3 className="mb-1 text-sm font-medium">On the agenda now</h3>
          {page.agenda.length === 0 ? (
            <Empty>No open talking point.</Empty>
          ) : (
            <ul className="grid gap-1 text-sm">
              {page.agenda.map((p) => (
                <li key={p.id} className="break-words">
                  <Badge>{TOPIC_LABELS[p.topic]}</Badge> {p.body}
                  {p.raisedBy === "them" ? <span className="text-muted"> · theirs</span> : null}
                </li>
              ))}
            </ul>
          )}
        </div>
        {page.meetings.length === 0 ? (
          <Empty>No held 1:1 that you can see.</Empty>
        ) : (
          <ol className="grid gap-3" aria-label="Held 1:1s, latest first">
            {page.meetings.map((m) => (
              <li key={m.id} className="grid gap-1">
                <h3 className="text-sm font-medium">
                  {formatDateTime(m.heldAt ?? m.scheduledAt)} <span className="font-normal text-muted">· with {m.holderName}</span>
                </h3>
                {m.points.length === 0 ? (
                  <Empty>No talking point was discussed.</Empty>
                ) : (
                  <ul className="grid gap-1 text-sm">
                    {m.points.map((p) => (
                      <li key={p.id} className="break-words">
                        <Badge>{TOPIC_LABELS[p.topic]}</Badge> {p.body}
                        {p.raisedBy === "them" ? <span className="text-muted"> · theirs</span> : null}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
      </div>
    </Section>
  );
}

function DelegationSection({ page }: { page: Page }) {
  const formatDateTime = useFormatDateTime();
  return (
    <Section id="handover-delegation" title="Delegation levels" description="Tasks delegated to them, the level held and how it got there.">
      {page.tasks.length === 0 ? (
        <Empty>No delegated task that you can see.</Empty>
      ) : (
        <ul className="grid gap-3">
          {page.tasks.map((t) => (
            <li key={t.id} className="grid gap-1 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium break-words">{t.title}</span>
                <Badge tone="accent">{t.levelLabel}</Badge>
                {t.status === "done" ? <Badge>Done</Badge> : null}
                <span className="text-xs text-muted">held by {t.delegatorName}</span>
              </div>
              {t.history.length ? (
                <ol className="grid gap-0.5 border-l border-border pl-3 text-xs text-muted" aria-label={`History of ${t.title}`}>
                  {t.history.map((c) => (
                    <li key={c.id} className="break-words">
                      {formatDateTime(c.at)}: {c.fromLabel ? `${c.fromLabel} → ` : ""}
                      {c.toLabel}
                      {c.reason ? ` (${c.reason})` : ""}
                    </li>
                  ))}
                </ol>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function ActionsSection({ page }: { page: Page }) {
  const all = [...page.actions.theirs, ...page.actions.mine];
  return (
    <Section id="handover-actions" title="Open actions">
      {all.length === 0 ? (
        <Empty>No open action.</Empty>
      ) : (
        <ul className="grid gap-1 text-sm">
          {all.map((a) => (
            <li key={a.id} className="break-words">
              {a.title}{" "}
              <span className="text-xs text-muted">
                · {a.assignee === "them" ? page.person.name : "the manager"}
                {a.dueDate ? `, due ${formatDay(a.dueDate)}` : ""}
              </span>
              {a.overdue ? (
                <Badge tone="danger" className="ml-1">
                  Overdue
                </Badge>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function GoalsSection({ page }: { page: Page }) {
  return (
    <Section id="handover-goals" title="Growth goals">
      {page.goals.length === 0 ? (
        <Empty>No growth goal that you can see.</Empty>
      ) : (
        <ul className="grid gap-1 text-sm">
          {page.goals.map((g) => (
            <li key={g.id} className="break-words">
              {g.title} <Badge tone={g.status === "active" ? "success" : "neutral"}>{g.status}</Badge>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function NotesSection({ page }: { page: Page }) {
  const formatDateTime = useFormatDateTime();
  return (
    <Section
      id="handover-notes"
      title="Shared notes"
      description="Notes both sides of the 1:1 read. Private notes stay with their authors."
    >
      {page.notes.length === 0 ? (
        <Empty>No shared note that you can see.</Empty>
      ) : (
        <ul className="grid gap-3">
          {page.notes.map((n) => (
            <li key={n.id} className="grid gap-1 break-words">
              <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
                <Badge>{NOTE_KIND_LABELS[n.kind]}</Badge>
                {n.authorName}, {formatDateTime(n.createdAt)}
              </div>
              <NoteText note={n} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** A shared note's text: the situation-behaviour-impact parts when given, then its markdown (rendered safely). */
function NoteText({ note }: { note: Page["notes"][number] }) {
  const parts: [string, string | null][] = [
    ["Situation", note.situation],
    ["Behaviour", note.behaviour],
    ["Impact", note.impact],
  ];
  return (
    <div className="grid gap-1 text-sm">
      {parts
        .filter(([, text]) => text)
        .map(([label, text]) => (
          <p key={label} className="whitespace-pre-wrap">
            <span className="font-medium text-muted">{label}:</span> {text}
          </p>
        ))}
      {note.body ? <Markdown>{note.body}</Markdown> : null}
    </div>
  );
}
