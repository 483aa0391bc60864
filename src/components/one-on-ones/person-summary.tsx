"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { useTRPC } from "@/trpc/react";
import { DueBadge } from "@/components/ui/due-badge";

/**
 * On the person page: where their 1:1s stand, with links to the 1:1s and the
 * prep page. Only their manager's side sees it: for anyone else (a skip-level,
 * a peer) the 1:1s answer NOT_FOUND, and the page says whose they are.
 */
export function PersonOneOnOneSummary({ personId }: { personId: string }) {
  const trpc = useTRPC();
  const { data, error } = useQuery(trpc.oneOnOnes.forPerson.queryOptions({ personId }));
  if (error) return <p className="text-muted">Their 1:1s are between them and their manager.</p>;
  if (!data) return <p className="text-muted">Loading 1:1s…</p>;
  if (data.viewer === "report")
    return (
      <Link href={`/one-on-ones/${personId}`} className="text-accent hover:underline">
        Your 1:1s →
      </Link>
    );
  if (data.viewer === "former")
    return (
      <Link href={`/one-on-ones/${personId}`} className="text-accent hover:underline">
        The 1:1s you held with them →
      </Link>
    );
  const open = data.agenda.length;
  const actions = data.actions.mine.length + data.actions.theirs.length;
  const overdue = [...data.actions.mine, ...data.actions.theirs].filter((a) => a.overdue).length;
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <DueBadge due={data.due} today={data.today} nextScheduledAt={data.upcoming[0]?.scheduledAt} />
        <span className="text-muted">
          {data.held} held · {open} talking point{open === 1 ? "" : "s"} · {actions} open action{actions === 1 ? "" : "s"}
          {overdue ? `, ${overdue} overdue` : ""}
        </span>
      </div>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        <Link href={`/one-on-ones/${personId}/prep`} className="text-accent hover:underline">
          Prepare the next 1:1 →
        </Link>
        <Link href={`/one-on-ones/${personId}`} className="text-accent hover:underline">
          All 1:1s
        </Link>
      </div>
    </div>
  );
}
