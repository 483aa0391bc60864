"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { useEndPoker, usePokerAgree, usePokerPick, useStartPoker } from "./mutations";
import { useFormatDateTime } from "@/components/ui/today";

type Round = RouterOutputs["delegation"]["pokerRounds"][number];
type Item = Round["items"][number];
type Level = { id: string; label: string; meaning: string };

const messageOf = (error: unknown) => (error as Error)?.message ?? "Something went wrong. Please try again.";

/**
 * Delegation poker (Management 3.0): each side picks a level for each task
 * without seeing the other's pick; the server reveals both together once both
 * are in; the delegator records the agreed level. While a round is open it is
 * refreshed every few seconds, so the other side's pick shows up by itself.
 */
export function PokerRounds({ side, emptyHidden }: { side?: "delegator" | "delegatee"; emptyHidden?: boolean }) {
  const trpc = useTRPC();
  const { data: rounds = [] } = useQuery({
    ...trpc.delegation.pokerRounds.queryOptions(),
    refetchInterval: (query) => ((query.state.data ?? []).some((r) => !r.over) ? 4_000 : false),
  });
  const { data: spectrum } = useQuery(trpc.delegation.activeSpectrum.queryOptions());
  const mine = rounds.filter((r) => !side || r.side === side);
  const open = mine.filter((r) => !r.over);
  const finished = mine.filter((r) => r.over).slice(0, 5);
  if (mine.length === 0) {
    if (emptyHidden) return null;
    return (
      <EmptyState
        title="No poker rounds yet"
        body="Start a round from a person's delegation review: choose their tasks, then each of you picks a level without seeing the other's. Both picks are revealed together."
      />
    );
  }
  return (
    <section className="grid gap-3" aria-label="Delegation poker">
      {open.map((r) => (
        <RoundCard key={r.id} round={r} levels={spectrum?.levels ?? []} />
      ))}
      {finished.length ? (
        <details className="rounded-lg border border-border bg-surface px-4 py-2 text-sm" open={open.length === 0}>
          <summary className="cursor-pointer font-medium">Finished rounds ({finished.length})</summary>
          <div className="mt-3 grid gap-3">
            {finished.map((r) => (
              <RoundCard key={r.id} round={r} levels={spectrum?.levels ?? []} />
            ))}
          </div>
        </details>
      ) : null}
    </section>
  );
}

function RoundCard({ round, levels }: { round: Round; levels: Level[] }) {
  const formatDateTime = useFormatDateTime();
  const end = useEndPoker({ onSuccess: () => toast.success("Round ended.") });
  const other = round.side === "delegator" ? round.delegatee.name : round.delegator.name;
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-baseline justify-between gap-2">
        <CardTitle>
          Delegation poker {round.side === "observer" ? `: ${round.delegator.name} and ${round.delegatee.name}` : `with ${other}`}
        </CardTitle>
        <span className="flex flex-wrap items-center gap-2 text-xs text-muted">
          Started {formatDateTime(round.createdAt)}
          {round.over ? <Badge>Over</Badge> : <Badge tone="accent">Open</Badge>}
          {round.side === "delegator" && !round.over ? (
            <ConfirmDialog
              trigger={
                <Button variant="ghost" size="sm">
                  End round
                </Button>
              }
              title="End this round?"
              description="Tasks not agreed yet leave the round without a level agreed; their levels stay as they are. A pick that was not revealed stays hidden."
              confirmLabel="End round"
              pending={end.isPending}
              onConfirm={() => end.mutate({ id: round.id })}
            />
          ) : null}
        </span>
      </CardHeader>
      <CardBody>
        {round.items.length === 0 ? (
          <p className="text-sm text-muted">The tasks of this round were deleted.</p>
        ) : (
          <ul className="grid gap-4">
            {round.items.map((item) => (
              <ItemRow key={item.id} round={round} item={item} levels={levels} />
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}

function PickLabel({ who, pick, own }: { who: string; pick: Item["delegator"]; own: boolean }) {
  return (
    <div className="grid gap-0.5 rounded-md border border-border bg-surface-2 px-3 py-2">
      <span className="text-xs text-muted">{who}</span>
      <span className="font-medium" data-testid={own ? "own-pick" : "their-pick"}>
        {pick.level ? pick.level.label : pick.picked ? "Picked (hidden until both are in)" : "Not picked yet"}
      </span>
    </div>
  );
}

function ItemRow({ round, item, levels }: { round: Round; item: Item; levels: Level[] }) {
  const [error, setError] = useState<string | null>(null);
  const pick = usePokerPick({ onSuccess: () => setError(null), onError: (e) => setError(messageOf(e)) });
  const playing = round.side !== "observer";
  const mine = round.side === "delegatee" ? item.delegatee : item.delegator;
  const youName = (side: "delegator" | "delegatee") => (round.side === side ? "You" : round[side].name);
  return (
    <li className="grid gap-2 text-sm" aria-label={item.title}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="break-words font-medium">{item.title}</span>
        <span className="text-xs text-muted">at {item.startLabel} when the round started</span>
        {item.state === "agreed" ? <Badge tone="success">Agreed: {item.agreedLabel}</Badge> : null}
        {item.state === "revealed" ? <Badge tone="accent">Revealed</Badge> : null}
        {item.state === "ended" ? <Badge>Ended</Badge> : null}
      </div>
      <div className="grid gap-2 sm:grid-cols-2">
        <PickLabel who={youName("delegator")} pick={item.delegator} own={round.side === "delegator"} />
        <PickLabel who={youName("delegatee")} pick={item.delegatee} own={round.side === "delegatee"} />
      </div>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      {item.state === "ended" && item.endedReason ? <p className="text-muted">{item.endedReason}</p> : null}
      {playing && item.state === "picking" ? (
        <div role="group" aria-label={`Your pick for ${item.title}`} className="flex flex-wrap gap-1.5">
          {levels.map((l) => (
            <Button
              key={l.id}
              size="sm"
              variant={mine.level?.id === l.id ? "primary" : "secondary"}
              aria-pressed={mine.level?.id === l.id}
              title={l.meaning}
              disabled={pick.isPending}
              onClick={() => pick.mutate({ itemId: item.id, levelId: l.id })}
            >
              {l.label}
            </Button>
          ))}
        </div>
      ) : null}
      {round.side === "delegator" && item.state === "revealed" ? <AgreeForm item={item} levels={levels} /> : null}
      {round.side === "delegatee" && item.state === "revealed" ? (
        <p className="text-muted">Both picks are in. {round.delegator.name} records the level you agree on.</p>
      ) : null}
    </li>
  );
}

function AgreeForm({ item, levels }: { item: Item; levels: Level[] }) {
  const [levelId, setLevelId] = useState(item.delegatee.level?.id ?? levels[0]?.id ?? "");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const agree = usePokerAgree({
    onSuccess: () => toast.success("Agreed level recorded."),
    onError: (e) => setError(messageOf(e)),
  });
  return (
    <form
      className="grid gap-2 sm:grid-cols-[minmax(0,12rem)_minmax(0,1fr)_auto] sm:items-end"
      onSubmit={(e) => {
        e.preventDefault();
        agree.mutate({ itemId: item.id, levelId, reason: reason || null });
      }}
    >
      <Field label="Agreed level">
        {(a) => (
          <Select {...a} value={levelId} onChange={(e) => setLevelId(e.target.value)}>
            {levels.map((l) => (
              <option key={l.id} value={l.id}>
                {l.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Note (optional)" hint="Kept in the task's history." error={error ?? undefined}>
        {(a) => <Input {...a} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <Button type="submit" disabled={agree.isPending || !levelId}>
        Record agreed level
      </Button>
    </form>
  );
}

/** The delegator starts a round on one or more open tasks they delegate to this person. */
export function StartPokerDialog({ personName, tasks }: { personName: string; tasks: { id: string; title: string }[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const start = useStartPoker({
    onSuccess: () => {
      setOpen(false);
      setChosen([]);
      toast.success(`Round started: ${personName} is asked to pick too.`);
      router.push("/delegation/poker");
    },
    onError: (e) => setError(messageOf(e)),
  });
  if (tasks.length === 0) return null;
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary">Play delegation poker</Button>
      </DialogTrigger>
      <DialogContent
        title={`Delegation poker with ${personName}`}
        description="Choose the tasks to play. You each pick a level without seeing the other's; both are revealed together; then you record the level you agree on."
      >
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            start.mutate({ taskIds: chosen });
          }}
        >
          {error ? <Alert tone="danger">{error}</Alert> : null}
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium">Tasks</legend>
            {tasks.map((t) => (
              <label key={t.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="size-4"
                  checked={chosen.includes(t.id)}
                  onChange={(e) => setChosen((c) => (e.target.checked ? [...c, t.id] : c.filter((id) => id !== t.id)))}
                />
                <span className="break-words">{t.title}</span>
              </label>
            ))}
          </fieldset>
          <div data-dialog-footer className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={chosen.length === 0 || start.isPending}>
              Start round
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
