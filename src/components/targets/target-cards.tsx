"use client";

import { Link } from "@/components/ui/link";
import { TrackBadge } from "@/components/ui/track-badge";
import { Badge } from "@/components/ui/badge";
import { dueIn, formatValue } from "@/lib/format";
import { TARGET_KIND_LABELS, TARGET_STATUS_LABELS } from "@/lib/targets/labels";
import type { RouterOutputs } from "@/trpc/types";
import { useToday } from "@/components/ui/today";
import { HealthBadge, ProgressBar } from "@/components/ui/health-badge";

type TargetRow = RouterOutputs["targets"]["list"]["items"][number];

/** Targets as scannable rows: health first, then progress, owners and the metrics' latest values. */
export function TargetRows({ targets }: { targets: TargetRow[] }) {
  const today = useToday();
  return (
    <ul className="divide-y divide-border rounded-lg border border-border bg-surface">
      {targets.map((t) => (
        <li key={t.id} className="grid gap-2 px-4 py-3 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1.4fr)] md:items-center md:gap-6">
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`/targets/${t.id}`} className="font-medium hover:underline">
                {t.title}
              </Link>
              {t.status !== "active" ? <Badge>{TARGET_STATUS_LABELS[t.status]}</Badge> : null}
            </div>
            {t.partOf.length ? (
              // Where it sits in its tree: the targets above it, root first (their titles: what it contributes to).
              <p className="mt-0.5 text-xs text-muted" data-testid="part-of">
                Part of: {t.partOf.map((a) => a.title).join(" › ")}
              </p>
            ) : null}
            <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted">
              <span>{TARGET_KIND_LABELS[t.kind]}</span>
              {t.areaName ? <span>· {t.areaName}</span> : null}
              <span>· {dueIn(t.dueDate, today)}</span>
            </div>
          </div>
          <div className="grid gap-1.5">
            <div className="flex items-center justify-between gap-2">
              <HealthBadge health={t.health} fallback={t.status === "active" ? "No metrics" : TARGET_STATUS_LABELS[t.status]} />
              <span className="text-xs tabular-nums text-muted">{Math.round(t.progress * 100)}%</span>
            </div>
            <ProgressBar value={t.progress} health={t.health} label={`Progress of ${t.title}`} />
          </div>
          <div className="grid gap-1 text-xs">
            <div className="flex flex-wrap items-center gap-1.5">
              {t.owners.map((o) => (
                <span key={o.id} className="inline-flex items-center gap-1">
                  {o.name} <TrackBadge track={o.track} />
                </span>
              ))}
            </div>
            <div className="break-words text-muted">
              {t.metrics
                .slice(0, 2)
                .map((m) =>
                  m.kind === "milestone"
                    ? `${m.name}: ${m.done ? "done" : "not yet"}`
                    : `${m.name}: ${formatValue(m.latest?.value, m.unit)}`,
                )
                .join(" · ")}
              {t.metrics.length > 2 ? ` · +${t.metrics.length - 2} more` : ""}
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
