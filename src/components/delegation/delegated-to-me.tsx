"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { relativeDay } from "@/lib/format";
import { useTRPC } from "@/trpc/react";
import { HistoryDialog } from "./history-dialog";
import { useWithdrawProposal } from "./mutations";
import { PokerRounds } from "./poker";
import { ProposeLevelDialog } from "./propose-level-dialog";
import { useFormatDateTime } from "@/components/ui/today";

/**
 * "Delegated to me": the member's tasks as their delegatee, each with the level
 * held, what it means, who holds it, since when and why; their proposals and
 * the answers; the poker rounds they are asked to play.
 */
export function DelegatedToMe() {
  const formatDateTime = useFormatDateTime();
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.delegation.delegatedToMe.queryOptions());
  const withdraw = useWithdrawProposal({ onSuccess: () => toast.success("Proposal withdrawn.") });
  const open = data.tasks.filter((t) => t.status === "open");
  const done = data.tasks.filter((t) => t.status !== "open");
  return (
    <div className="grid gap-6">
      <PokerRounds side="delegatee" emptyHidden />
      {data.tasks.length === 0 ? (
        <EmptyState
          title="Nothing is delegated to you yet"
          body="When your manager puts a piece of work or a decision area on the delegation spectrum for you, it shows here with the level they hold and why. You can then propose another level."
        />
      ) : (
        <ul className="grid gap-3" aria-label="Tasks delegated to you">
          {[...open, ...done].map((t) => (
            <li key={t.id}>
              <Card>
                <CardBody className="grid gap-2 text-sm">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span className="flex min-w-0 flex-wrap items-center gap-2">
                      <span className="break-words font-medium">{t.title}</span>
                      <Badge tone="accent">{t.level.label}</Badge>
                      {t.status !== "open" ? <Badge>Done</Badge> : null}
                    </span>
                    <span className="flex flex-wrap gap-1">
                      {t.status === "open" && !t.openProposal ? (
                        <ProposeLevelDialog task={t} levels={data.spectrum.levels} delegatorName={t.delegator.name} />
                      ) : null}
                      <HistoryDialog task={t} />
                    </span>
                  </div>
                  {t.level.meaning ? <p className="text-muted">{t.level.meaning}</p> : null}
                  {t.description ? <p className="break-words text-muted">{t.description}</p> : null}
                  <p className="text-xs text-muted">
                    Held by {t.delegator.name} · since {relativeDay(t.since, data.today)}
                    {t.ratings ? ` · competency ${t.ratings.competency}/5, criticality ${t.ratings.criticality}/5` : ""}
                  </p>
                  {t.reason ? <p className="break-words text-muted">Why: “{t.reason}”</p> : null}
                  {t.openProposal ? (
                    <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-border bg-surface-2 px-3 py-2">
                      <span className="min-w-0 break-words">
                        You proposed <strong>{t.openProposal.toLabel}</strong> on {formatDateTime(t.openProposal.createdAt)}: “
                        {t.openProposal.reason}” · waiting for {t.delegator.name}
                      </span>
                      <ConfirmDialog
                        trigger={
                          <Button variant="ghost" size="sm">
                            Withdraw
                          </Button>
                        }
                        title="Withdraw your proposal?"
                        description={`${t.delegator.name} will no longer see it to answer. You can propose again later.`}
                        confirmLabel="Withdraw"
                        pending={withdraw.isPending}
                        onConfirm={() => withdraw.mutate({ id: t.openProposal!.id })}
                      />
                    </div>
                  ) : null}
                  {!t.openProposal && t.lastAnswer ? (
                    <p
                      className={`break-words rounded-md border px-3 py-2 ${t.lastAnswer.status === "declined" ? "border-warning/30 bg-warning-soft" : "border-success/30 bg-success-soft"}`}
                    >
                      {t.delegator.name} {t.lastAnswer.status} your proposal of {t.lastAnswer.toLabel}
                      {t.lastAnswer.decisionReason ? `: “${t.lastAnswer.decisionReason}”` : "."}
                    </p>
                  ) : null}
                </CardBody>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
