"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMore } from "@/components/ui/load-more";
import { usePagedRows } from "@/components/ui/use-paged-rows";
import { Select } from "@/components/ui/select";
import { useUrlFilters } from "@/components/ui/use-url-filters";
import { targetFilters, targetPages, targetSearch, type TargetFilters } from "@/lib/targets/list-params";
import { HEALTH_LABELS, HEALTH_ORDER } from "@/lib/targets/status";
import { TARGET_KIND_LABELS, TARGET_STATUS_LABELS, TARGET_STATUSES, TARGET_KINDS } from "@/lib/targets/labels";
import { useTRPC } from "@/trpc/react";
import { NewTargetButton } from "./new-target-button";
import { TargetRows } from "./target-cards";

export function TargetsList() {
  const trpc = useTRPC();
  // The filters are the URL's: the page prefetched the same input.
  const [filters, setFilters] = useUrlFilters(targetFilters, targetSearch);
  // A page of targets at a time (the worst first, ordered in SQL); the next on "Show more".
  const list = useInfiniteQuery(trpc.targets.list.infiniteQueryOptions(filters, { ...targetPages, placeholderData: (p) => p }));
  const { data: options } = useQuery(trpc.targets.formOptions.queryOptions());
  const set = (key: keyof TargetFilters) => (e: React.ChangeEvent<HTMLSelectElement>) =>
    setFilters({ ...filters, [key]: e.target.value || undefined });
  const { rows, more } = usePagedRows(list, ["target", "targets"]);
  // Only the default filter (active) on: an empty list means there is nothing yet.
  const onlyDefault =
    filters.status === "active" && !filters.kind && !filters.personId && !filters.areaId && !filters.mine && !filters.health;

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap gap-2">
        <Select aria-label="Status" value={filters.status ?? ""} onChange={set("status")} className="w-40">
          <option value="">Any status</option>
          {TARGET_STATUSES.map((s) => (
            <option key={s} value={s}>
              {TARGET_STATUS_LABELS[s]}
            </option>
          ))}
        </Select>
        <Select aria-label="Kind" value={filters.kind ?? ""} onChange={set("kind")} className="w-40">
          <option value="">Any kind</option>
          {TARGET_KINDS.map((k) => (
            <option key={k} value={k}>
              {TARGET_KIND_LABELS[k]}
            </option>
          ))}
        </Select>
        <Select aria-label="Owner" value={filters.personId ?? ""} onChange={set("personId")} className="w-48">
          <option value="">Any owner</option>
          {options?.people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
        <Select
          aria-label="Whose"
          value={filters.mine ? "mine" : ""}
          onChange={(e) => setFilters({ ...filters, mine: e.target.value === "mine" || undefined })}
          className="w-48"
        >
          <option value="">All I can see</option>
          <option value="mine">I set or own</option>
        </Select>
        <Select aria-label="Area" value={filters.areaId ?? ""} onChange={set("areaId")} className="w-48">
          <option value="">Any area</option>
          {options?.areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </Select>
        <Select aria-label="Health" value={filters.health ?? ""} onChange={set("health")} className="w-40">
          <option value="">Any health</option>
          {HEALTH_ORDER.map((h) => (
            <option key={h} value={h}>
              {HEALTH_LABELS[h]}
            </option>
          ))}
        </Select>
      </div>
      {list.isPending ? <p className="text-sm text-muted">Loading targets…</p> : null}
      {list.isSuccess && rows.length === 0 ? (
        !onlyDefault ? (
          <p className="rounded-lg border border-border bg-surface px-4 py-8 text-center text-sm text-muted">
            No target matches these filters.
          </p>
        ) : (
          <EmptyState
            title="No active targets"
            body="A target is what a pair is to achieve: a feature, or a metric such as uptime or P99 latency to bring to a goal by a date."
            actions={<NewTargetButton label="Create a target" />}
          />
        )
      ) : null}
      {rows.length ? <TargetRows targets={rows} /> : null}
      <LoadMore {...more} />
    </div>
  );
}
