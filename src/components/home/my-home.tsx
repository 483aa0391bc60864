"use client";

import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { HomeEnergy } from "@/components/capacity";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { HealthBadge } from "@/components/ui/health-badge";
import { dueIn, formatDateTime, relativeDay } from "@/lib/format";
import { useTRPC } from "@/trpc/react";

function Block({
  title,
  aside,
  children,
  className,
}: {
  title: string;
  aside?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <Card className={className}>
      <CardHeader className="flex flex-row flex-wrap items-baseline justify-between gap-2">
        <CardTitle>{title}</CardTitle>
        {aside}
      </CardHeader>
      <CardBody className="grid gap-3 text-sm">{children}</CardBody>
    </Card>
  );
}

const Empty = ({ children }: { children: React.ReactNode }) => <p className="text-muted">{children}</p>;
const Heading = ({ children }: { children: React.ReactNode }) => (
  <h3 className="text-xs font-medium uppercase tracking-wide text-muted">{children}</h3>
);

type Action = { id: string; title: string; dueDate: string | null; overdue: boolean; oneOnOneId: string | null };

function ActionList({ label, items, more, today, empty }: { label: string; items: Action[]; more: number; today: string; empty: string }) {
  if (items.length === 0) return <Empty>{empty}</Empty>;
  return (
    <ul className="grid gap-1.5" aria-label={label}>
      {items.map((a) => (
        <li key={a.id} className="min-w-0">
          {a.oneOnOneId ? (
            <Link href={`/one-on-ones/meeting/${a.oneOnOneId}`} className="break-words hover:underline">
              {a.title}
            </Link>
          ) : (
            <span className="break-words">{a.title}</span>
          )}
          {a.dueDate ? (
            <span className={`block text-xs ${a.overdue ? "text-danger" : "text-muted"}`}>{dueIn(a.dueDate, today)}</span>
          ) : null}
        </li>
      ))}
      {more > 0 ? <li className="text-xs text-muted">and {more} more</li> : null}
    </ul>
  );
}

/**
 * Home for a member nobody reports to: their next 1:1 with their manager, the
 * open actions on both sides, the targets they own and the delegation levels
 * their manager holds for their tasks. Talking points, ticking their actions
 * and booking the next 1:1 are on their prep page (/one-on-ones/prep) and the
 * 1:1 itself; proposing a level and delegation poker are on "Delegated to me",
 * linked from here.
 */
export function MyHome() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.home.mine.queryOptions());
  const { manager, nextOneOnOne, actions, targets, levels, today, timeZone } = data;
  // Poker rounds waiting for the member's pick (as a delegatee): a nudge to "Delegated to me".
  const { data: rounds = [] } = useQuery(trpc.delegation.pokerRounds.queryOptions());
  const toPick = rounds
    .filter((r) => r.side === "delegatee" && !r.over)
    .flatMap((r) => r.items)
    .filter((i) => i.state === "picking" && !i.delegatee.picked).length;
  const managerName = manager?.name ?? "your manager";
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-4 xl:grid-cols-2">
      <Block title="Your next 1:1" aside={manager ? <span className="text-xs text-muted">with {manager.name}</span> : undefined}>
        {nextOneOnOne ? (
          <div className="grid gap-2">
            <p className="text-base font-medium">{formatDateTime(nextOneOnOne.scheduledAt, undefined, timeZone)}</p>
            <p className="flex flex-wrap items-center gap-2 text-muted">
              <Badge tone="accent">Booked</Badge>
              <span>with {nextOneOnOne.withName}</span>
            </p>
            <span className="flex flex-wrap gap-4">
              <Link href={`/one-on-ones/meeting/${nextOneOnOne.id}`} className="w-fit text-accent hover:underline">
                See the agenda
              </Link>
              <Link href="/one-on-ones/prep" className="w-fit text-accent hover:underline">
                Prepare
              </Link>
            </span>
          </div>
        ) : (
          <div className="grid gap-2">
            <Empty>
              {manager
                ? `No 1:1 is booked with ${manager.name} yet. Book the next one, or add talking points for it, from your prep page.`
                : "You report to nobody in this organisation, so there is no 1:1 to show."}
            </Empty>
            {manager ? (
              <Link href="/one-on-ones/prep" className="w-fit text-accent hover:underline">
                Prepare your next 1:1
              </Link>
            ) : null}
          </div>
        )}
      </Block>

      <Block title="Open actions">
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="grid content-start gap-1.5">
            <Heading>Yours</Heading>
            <ActionList
              label="Your open actions"
              items={actions.yours}
              more={actions.yoursCount - actions.yours.length}
              today={today}
              empty="Nothing open for you."
            />
          </div>
          <div className="grid content-start gap-1.5">
            <Heading>{manager ? `${manager.name}'s` : "Your manager's"}</Heading>
            <ActionList
              label={`${managerName}'s open actions`}
              items={actions.theirs}
              more={actions.theirsCount - actions.theirs.length}
              today={today}
              empty="Nothing open on their side."
            />
          </div>
        </div>
      </Block>

      <Block
        title="Your targets"
        aside={<span className="text-xs text-muted">{targets.length ? `${targets.length} active or draft` : null}</span>}
      >
        {targets.length === 0 ? (
          <Empty>No target names you as an owner. When {managerName} sets one with you, it shows here with its progress.</Empty>
        ) : (
          <ul className="grid gap-2" aria-label="Your targets">
            {targets.map((t) => (
              <li key={t.id} className="grid gap-1">
                <span className="flex flex-wrap items-center gap-2">
                  <Link href={`/targets/${t.id}`} className="font-medium hover:underline">
                    {t.title}
                  </Link>
                  {t.status === "draft" ? <Badge>Draft</Badge> : <HealthBadge health={t.health} />}
                </span>
                <span className="text-xs text-muted">
                  {t.with.length ? `with ${t.with.join(" + ")} · ` : ""}
                  {Math.round(t.progress * 100)}% · {dueIn(t.dueDate, today)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Block>

      <Block
        title="How much is yours"
        aside={
          <Link href="/delegation/mine" className="text-xs text-accent hover:underline">
            Delegated to me: see why, propose a level
          </Link>
        }
      >
        {toPick > 0 ? (
          <Link href="/delegation/mine" className="w-fit font-medium text-accent hover:underline">
            Delegation poker: {toPick} task{toPick === 1 ? "" : "s"} waiting for your pick
          </Link>
        ) : null}
        {levels.length === 0 ? (
          <Empty>No open task of yours is on the delegation spectrum yet.</Empty>
        ) : (
          <ul className="grid gap-2.5" aria-label="Your delegation levels">
            {levels.map((t) => (
              <li key={t.id} className="grid gap-1">
                <span className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{t.title}</span>
                  <Badge tone="accent">{t.level}</Badge>
                </span>
                {t.meaning ? <span className="text-muted">{t.meaning}</span> : null}
                <span className="text-xs text-muted">
                  Held by {t.delegatorName} · since {relativeDay(t.since, today)}
                  {t.ratings ? ` · competency ${t.ratings.competency}/5, criticality ${t.ratings.criticality}/5` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Block>

      <HomeEnergy />
    </div>
  );
}
