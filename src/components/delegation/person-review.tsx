"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { toast } from "@/components/ui/toast";
import { TrackBadge } from "@/components/ui/track-badge";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { stacked } from "@/components/ui/stacked-table";
import { cn } from "@/lib/cn";
import { formatDay } from "@/lib/format";
import { useTRPC } from "@/trpc/react";
import { ChangeLevelDialog } from "./change-level-dialog";
import { DecideProposalDialog } from "./decide-proposal-dialog";
import { EditTaskDialog } from "./edit-task-dialog";
import { FitBadge } from "./fit-badge";
import { HistoryDialog } from "./history-dialog";
import { useSetLevel } from "./mutations";
import { StartPokerDialog } from "./poker";
import { NewTaskDialog } from "./task-dialog";

/**
 * A person's delegation review: current, suggested and desired levels side by
 * side (as Management 3.0's delegation boards), with flags. "Desired" is the
 * person's open proposal, which the delegator answers here.
 */
export function PersonReview({ personId }: { personId: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.delegation.review.queryOptions({ personId }));
  const accept = useSetLevel({ onSuccess: () => toast.success("Suggestion accepted.") });
  const open = data.tasks.filter((t) => t.status === "open");
  const flagged = open.filter((t) => (t.flag !== null && t.flag.kind !== "matches") || t.reviewOverdue).length;

  return (
    <>
      <PageHeader
        title={`Delegation: ${data.person.name}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <TrackBadge track={data.person.track} />
            <span>
              {open.length} open task{open.length === 1 ? "" : "s"}, {flagged} flagged · spectrum: {data.spectrum.name}
            </span>
            <Link href={`/people/${personId}`} className="text-accent hover:underline">
              Person page
            </Link>
          </span>
        }
        actions={
          <>
            <StartPokerDialog
              personName={data.person.name}
              tasks={open.filter((t) => t.canEdit).map((t) => ({ id: t.id, title: t.title }))}
            />
            <NewTaskDialog personId={personId} personName={data.person.name} />
          </>
        }
      />
      {data.tasks.length === 0 ? (
        <EmptyState
          title="No tasks yet"
          body={`Add the work and decision areas you delegate to ${data.person.name}, with their competency for each and how critical it is.`}
        />
      ) : (
        <div className={stacked.box}>
          <table className={cn(stacked.table, "sm:min-w-[980px]")}>
            <thead className={cn(stacked.head, "border-b border-border text-xs text-muted")}>
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Task
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Competency · criticality
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Current level
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Suggested
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Desired
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Review
                </th>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className={stacked.body}>
              {data.tasks.map((t) => (
                <tr key={t.id} className={cn(stacked.row, "border-b border-border align-top last:border-0")}>
                  <td className={cn(stacked.cell, stacked.wide, "px-3 py-2")}>
                    <span className="font-medium">{t.title}</span>
                    {t.status === "done" ? <Badge className="ml-2">Done</Badge> : null}
                    {t.description ? <div className="text-xs text-muted">{t.description}</div> : null}
                    {t.targetTitle ? <div className="text-xs text-muted">Serves {t.targetTitle}</div> : null}
                  </td>
                  <td data-label="Competency · criticality" className={cn(stacked.cell, "px-3 py-2 tabular-nums text-muted")}>
                    {t.ratingsHidden ? "Not shared" : `${t.competency} / 5 · ${t.criticality} / 5`}
                  </td>
                  <td data-label="Current level" className={cn(stacked.cell, "px-3 py-2")}>
                    <div className="font-medium">{t.level.label}</div>
                    {t.status === "open" && t.flag ? (
                      <div className="mt-1">
                        <FitBadge flag={t.flag} />
                      </div>
                    ) : null}
                  </td>
                  <td data-label="Suggested" className={cn(stacked.cell, "px-3 py-2")}>
                    {t.suggested ? (
                      <>
                        <div>{t.suggested.label}</div>
                        <div className="text-xs text-muted">{t.reason}</div>
                      </>
                    ) : (
                      <span className="text-muted">—</span>
                    )}
                  </td>
                  <td data-label="Desired" className={cn(stacked.cell, "px-3 py-2")}>
                    {t.desired ? (
                      <>
                        <div className="font-medium">{t.desired.level.label}</div>
                        <div className="break-words text-xs text-muted">“{t.desired.reason}”</div>
                        {t.desired.stale ? <div className="text-xs text-warning">Proposed before the last change</div> : null}
                      </>
                    ) : (
                      <span className="text-muted">—</span>
                    )}
                  </td>
                  <td data-label="Review" className={cn(stacked.cell, "px-3 py-2")}>
                    {t.reviewDate ? formatDay(t.reviewDate) : <span className="text-muted">—</span>}
                    {t.reviewOverdue ? (
                      <div className="mt-1">
                        <Badge tone="danger">Review overdue</Badge>
                      </div>
                    ) : null}
                  </td>
                  <td className={cn(stacked.cell, stacked.wide, "px-3 py-2")}>
                    {/* One column of equal buttons in the table, two even columns on a card: never a ragged row. */}
                    <div className="ml-auto grid gap-1 sm:w-40 max-sm:grid-cols-2 [&>*]:w-full max-sm:[&>*:last-child:nth-child(odd)]:col-span-2">
                      {t.canEdit && t.suggested && t.fit !== "matches" && t.status === "open" ? (
                        <Button
                          size="sm"
                          onClick={() =>
                            accept.mutate({ id: t.id, levelId: t.suggested!.id, reason: `Accepted the suggestion (${t.reason})` })
                          }
                          disabled={accept.isPending}
                        >
                          Accept {t.suggested.label}
                        </Button>
                      ) : null}
                      {t.canEdit && t.desired ? <DecideProposalDialog task={t} desired={t.desired} personName={data.person.name} /> : null}
                      {/* The level and the task are the delegator's: the line above and the delegatee read them. */}
                      {t.canEdit ? (
                        <ChangeLevelDialog
                          task={t}
                          levels={data.spectrum.levels}
                          suggestion={t.suggested && t.reason ? { label: t.suggested.label, reason: t.reason } : null}
                        />
                      ) : null}
                      <HistoryDialog task={t} />
                      {t.canEdit && !t.ratingsHidden ? (
                        <EditTaskDialog task={{ ...t, competency: t.competency!, criticality: t.criticality! }} />
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
