"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { CapacityBar, HomeEnergy } from "@/components/capacity";
import { LevelBadge } from "@/components/ui/level-badge";
import { DueBadge } from "@/components/ui/due-badge";
import { TrackBadge } from "@/components/ui/track-badge";
import { HealthBadge } from "@/components/ui/health-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { dueIn, DISPLAY_LOCALE } from "@/lib/format";
import { useTRPC } from "@/trpc/react";
import { useTimeZone } from "@/components/ui/today";

function Block({ title, href, linkText, children }: { title: string; href: string; linkText: string; children: React.ReactNode }) {
  return (
    <Card>
      <CardHeader className="flex flex-row items-baseline justify-between gap-2">
        <CardTitle>{title}</CardTitle>
        <Link href={href} className="text-sm text-accent hover:underline">
          {linkText}
        </Link>
      </CardHeader>
      <CardBody className="grid gap-3 text-sm">{children}</CardBody>
    </Card>
  );
}

const Empty = ({ children }: { children: React.ReactNode }) => <p className="text-muted">{children}</p>;
const time = (d: Date, timeZone: string) =>
  d.toLocaleString(DISPLAY_LOCALE, { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit" });

/** Home's blocks: 1:1s, targets in trouble, delegation reviews, open actions, the week's capacity. */
export function HomeSummary() {
  const timeZone = useTimeZone();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.home.summary.queryOptions());
  const { oneOnOnes, targets, delegation, actions, capacity } = data;
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-4 xl:grid-cols-2">
      {data.people === 0 ? (
        <Card className="border-accent/40 xl:col-span-2">
          <CardHeader>
            <CardTitle>Start with your people</CardTitle>
          </CardHeader>
          <CardBody className="grid gap-3 text-sm">
            <p className="text-muted">
              Add the managers and staff engineers who report to you, import them from a CSV file, or load a demo organisation to look
              around.
            </p>
            <Button asChild className="w-fit">
              <Link href="/people">Go to People</Link>
            </Button>
          </CardBody>
        </Card>
      ) : null}
      {data.pulls.length ? (
        <Card className="border-danger/40 xl:col-span-2" aria-labelledby="home-pulls">
          <CardHeader>
            <CardTitle id="home-pulls">Prometheus pulls that need a look</CardTitle>
          </CardHeader>
          <CardBody className="grid gap-3 text-sm">
            <ul className="grid gap-2" aria-label="Failing or stale pulls">
              {data.pulls.map((p) => (
                <li key={p.metricId} className="grid gap-0.5">
                  <span className="flex flex-wrap items-center gap-2">
                    <Link href={`/targets/${p.targetId}`} className="font-medium hover:underline">
                      {p.targetTitle}: {p.metricName}
                    </Link>
                    {p.stale ? <Badge tone="warning">Stale</Badge> : null}
                  </span>
                  {p.lastError ? <span className="break-words text-muted">{p.lastError}</span> : null}
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
      ) : null}
      {data.handovers.length ? (
        <Card className="border-accent/40 xl:col-span-2" aria-labelledby="home-handovers">
          <CardHeader>
            <CardTitle id="home-handovers">Handed over to you</CardTitle>
          </CardHeader>
          <CardBody className="grid gap-3 text-sm">
            <p className="text-muted">They moved to you lately: their targets, levels, actions and 1:1 history carry over.</p>
            <ul className="grid gap-1.5" aria-label="Hand-overs to you">
              {data.handovers.map((h) => (
                <li key={h.id} className="flex flex-wrap items-center gap-2">
                  <Link href={`/people/${h.personId}/handover`} className="font-medium hover:underline">
                    {h.personName}
                  </Link>
                  <span className="text-muted">from {h.fromName}</span>
                  {h.hasNote ? <Badge tone="accent">With a note</Badge> : null}
                  <Link
                    href={`/people/${h.personId}/handover`}
                    className="ml-auto text-accent hover:underline"
                    aria-label={`Hand-over of ${h.personName}`}
                  >
                    Read the hand-over
                  </Link>
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
      ) : null}
      <Block title="This week's 1:1s" href="/one-on-ones" linkText="All 1:1s">
        {oneOnOnes.due.length + oneOnOnes.booked.length + oneOnOnes.held.length === 0 ? (
          <Empty>No 1:1 due, booked or held this week. Add people with a cadence to see them here.</Empty>
        ) : null}
        {oneOnOnes.due.length ? (
          <ul className="grid gap-1.5" aria-label="1:1s due">
            {oneOnOnes.due.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-2">
                <Link href={`/one-on-ones/${p.id}`} className="font-medium hover:underline">
                  {p.name}
                </Link>
                <TrackBadge track={p.track} />
                <DueBadge due={p.due} today={data.today} />
                <Link href={`/one-on-ones/${p.id}/prep`} className="ml-auto text-accent hover:underline" aria-label={`Prep for ${p.name}`}>
                  Prep
                </Link>
              </li>
            ))}
            {oneOnOnes.dueCount > oneOnOnes.due.length ? (
              <li className="text-xs text-muted">and {oneOnOnes.dueCount - oneOnOnes.due.length} more</li>
            ) : null}
          </ul>
        ) : null}
        {oneOnOnes.booked.length ? (
          <ul className="grid gap-1.5" aria-label="1:1s booked this week">
            {oneOnOnes.booked.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-2">
                <Link href={`/one-on-ones/meeting/${m.id}`} className="font-medium hover:underline">
                  {m.personName}
                </Link>
                <Badge tone="accent">Booked {time(m.scheduledAt, timeZone)}</Badge>
                <Link
                  href={`/one-on-ones/${m.personId}/prep`}
                  className="ml-auto text-accent hover:underline"
                  aria-label={`Prep for ${m.personName}`}
                >
                  Prep
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
        {oneOnOnes.held.length ? (
          <ul className="grid gap-1.5" aria-label="1:1s held this week">
            {oneOnOnes.held.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-2">
                <Link href={`/one-on-ones/meeting/${m.id}`} className="hover:underline">
                  {m.personName}
                </Link>
                <Badge tone="success">Held {m.heldAt ? time(m.heldAt, timeZone) : ""}</Badge>
              </li>
            ))}
          </ul>
        ) : null}
      </Block>

      <Block title="Targets at risk or off track" href="/targets" linkText="All targets">
        {targets.length === 0 ? (
          <Empty>None of your targets, or your reports’, is at risk or off track.</Empty>
        ) : (
          <ul className="grid gap-1.5" aria-label="Targets in trouble">
            {targets.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center gap-2">
                <Link href={`/targets/${t.id}`} className="font-medium hover:underline">
                  {t.title}
                </Link>
                <HealthBadge health={t.health} />
                <span className="text-xs text-muted">
                  {t.owners.join(" + ")} · {dueIn(t.dueDate, data.today)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Block>

      <Block title="Delegation to review" href="/delegation" linkText="Delegation">
        {delegation.items.length === 0 ? (
          <Empty>No review due this week, and no task held tighter than suggested for long.</Empty>
        ) : (
          <ul className="grid gap-1.5" aria-label="Delegation to review">
            {delegation.items.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center gap-2">
                <Link href={`/delegation/${t.personId}`} className="font-medium hover:underline">
                  {t.title}
                </Link>
                <span className="text-xs text-muted">{t.personName}</span>
                {t.reviewDue ? (
                  <Badge tone={t.overdue ? "danger" : "warning"}>{t.overdue ? "Review overdue" : "Review this week"}</Badge>
                ) : null}
                {t.tight ? (
                  <Badge tone="warning">
                    Held at {t.level}, suggested {t.suggested}
                  </Badge>
                ) : null}
              </li>
            ))}
            {delegation.count > delegation.items.length ? (
              <li className="text-xs text-muted">and {delegation.count - delegation.items.length} more</li>
            ) : null}
          </ul>
        )}
      </Block>

      <Block title="Open actions" href="/one-on-ones" linkText="1:1s">
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="grid content-start gap-1.5">
            <h3 className="text-xs font-medium uppercase tracking-wide text-muted">Mine</h3>
            {actions.mine.length === 0 ? <Empty>Nothing promised is open.</Empty> : null}
            <ul className="grid gap-1.5" aria-label="My open actions">
              {actions.mine.map((a) => (
                <li key={a.id}>
                  <Link href={`/one-on-ones/${a.personId}`} className="hover:underline">
                    {a.title}
                  </Link>
                  <span className="block text-xs text-muted">
                    for {a.personName}
                    {a.dueDate ? ` · ${dueIn(a.dueDate, data.today)}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          </div>
          <div className="grid content-start gap-1.5">
            <h3 className="text-xs font-medium uppercase tracking-wide text-muted">Theirs, overdue</h3>
            {actions.theirsOverdue.length === 0 ? <Empty>None overdue.</Empty> : null}
            <ul className="grid gap-1.5" aria-label="Their overdue actions">
              {actions.theirsOverdue.map((a) => (
                <li key={a.id}>
                  <Link href={`/one-on-ones/${a.personId}`} className="hover:underline">
                    {a.title}
                  </Link>
                  <span className="block text-xs text-muted">
                    {a.personName}
                    {a.dueDate ? ` · ${dueIn(a.dueDate, data.today)}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      </Block>

      <HomeEnergy />

      <Block title="This week's capacity" href="/capacity/plan" linkText="Plan">
        <CapacityBar plan={capacity.plan} available={capacity.availableHours} />
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-muted">
          <span>
            {capacity.plan.state === "ok"
              ? "The buffer is whole."
              : capacity.plan.state === "into_buffer"
                ? "The plan eats into your buffer."
                : "The plan is more than the week."}
          </span>
          {capacity.energy !== null ? (
            <span className="flex items-center gap-2">
              Energy this week <LevelBadge level={capacity.energy} />
            </span>
          ) : null}
        </p>
      </Block>
    </div>
  );
}
