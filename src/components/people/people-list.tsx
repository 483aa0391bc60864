"use client";

import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowDown, ArrowUp, Download, Search, Sparkles } from "lucide-react";
import { Link } from "@/components/ui/link";
import { useEffect, useRef, useState } from "react";
import { toast } from "@/components/ui/toast";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { LoadMore } from "@/components/ui/load-more";
import { Select } from "@/components/ui/select";
import { useUrlFilters } from "@/components/ui/use-url-filters";
import { ALL_LEVELS, LEVELS, TRACK_LABELS, TRACKS, type Level, type Track } from "@/lib/people/ladder";
import { peopleFilters, peopleSearch, type PeopleFilters } from "@/lib/people/list-params";
import type { PEOPLE_SORTS } from "@/lib/validators/people";
import { useTRPC } from "@/trpc/react";
import { AddPersonDialog } from "./add-person-dialog";
import { downloadText } from "@/components/ui/download";
import { useLoadDemo } from "./mutations";
import { TrackBadge } from "@/components/ui/track-badge";
import { peoplePages } from "./people-pages";
import { useLevelLabel } from "./use-ladder";

type Sort = (typeof PEOPLE_SORTS)[number];

export function PeopleList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const levelName = useLevelLabel();
  // The filters are the URL's (the page prefetched the same input); only the search box keeps
  // its own text, so that typing never waits for the URL, and sends it on as typed.
  const [input, setFilters, params] = useUrlFilters(peopleFilters, peopleSearch);
  const [search, setSearch] = useState(() => params.get("q") ?? "");
  // The searches this box wrote to the URL that the URL has not shown yet: the URL
  // catching up with typing is not a change to follow, anything else (a link) is.
  const written = useRef<string[]>([]);
  const writeSearch = (text: string) => {
    written.current.push(peopleFilters({ q: text }).search ?? "");
    setFilters({ ...input, search: text });
  };
  const set = (change: Partial<PeopleFilters>) => setFilters({ ...input, search, ...change });
  useEffect(() => {
    const shown = input.search ?? "";
    const ours = written.current.indexOf(shown);
    if (ours >= 0) written.current = written.current.slice(ours + 1);
    else setSearch((typed) => (typed.trim() === shown ? typed : shown));
  }, [input.search]);
  const track = input.track ?? "";
  const level = input.level ?? "";
  const managerId = input.managerId ?? "";
  const areaId = input.areaId ?? "";
  const includeArchived = input.includeArchived ?? false;
  const sort: { by: Sort; direction: "asc" | "desc" } = { by: input.sort, direction: input.sortDirection };
  const searchRef = useRef<HTMLInputElement>(null);

  // A page at a time (the server prefetched the first): "Show more" reads the next after the last row shown.
  const list = useInfiniteQuery({ ...peoplePages(trpc, input), placeholderData: keepPreviousData });
  const { data: options = [] } = useQuery(trpc.people.options.queryOptions());
  const { data: areas = [] } = useQuery(trpc.areas.list.queryOptions());
  const loadDemo = useLoadDemo();

  // "/" jumps to the search box, as in most keyboard-driven tools.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.key === "/" && !["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) {
        event.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const filtered = Boolean(input.search || track || level || managerId || areaId || includeArchived);
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  // How many the unfiltered list holds (a kept count); null when filtered, where only "more" is known.
  const total = list.data?.pages[0]?.total ?? null;
  // No one at all: say what to do first. (Everyone archived still shows the filters, to reach them.)
  const noPeopleYet = list.isSuccess && rows.length === 0 && !filtered && options.length === 0;
  const managers = options.filter((o) => o.track === "manager" || rows.some((r) => r.managerId === o.id));

  async function exportCsv() {
    const csv = await queryClient.fetchQuery(trpc.people.exportCsv.queryOptions());
    downloadText(`people-${new Date().toISOString().slice(0, 10)}.csv`, csv);
  }

  const header = (by: Sort, label: string) => {
    const active = sort.by === by;
    return (
      <th
        scope="col"
        aria-sort={active ? (sort.direction === "asc" ? "ascending" : "descending") : "none"}
        className="px-3 py-2 font-medium"
      >
        <button
          type="button"
          className="inline-flex items-center gap-1 hover:text-fg"
          onClick={() => set({ sort: by, sortDirection: active && sort.direction === "asc" ? "desc" : "asc" })}
        >
          {label}
          {active ? (
            sort.direction === "asc" ? (
              <ArrowUp className="size-3" aria-hidden="true" />
            ) : (
              <ArrowDown className="size-3" aria-hidden="true" />
            )
          ) : null}
        </button>
      </th>
    );
  };

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end gap-2">
        <div className="relative min-w-48 flex-1">
          <Search aria-hidden="true" className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-muted" />
          <Input
            ref={searchRef}
            type="search"
            aria-label="Search people"
            placeholder="Search by name, title or area led…  ( / )"
            className="pl-8"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              writeSearch(e.target.value);
            }}
          />
        </div>
        <Select
          aria-label="Track"
          value={track}
          onChange={(e) => set({ track: (e.target.value as Track) || undefined, level: undefined })}
          className="w-40"
        >
          <option value="">All tracks</option>
          {TRACKS.map((t) => (
            <option key={t} value={t}>
              {TRACK_LABELS[t]}
            </option>
          ))}
        </Select>
        <Select aria-label="Level" value={level} onChange={(e) => set({ level: (e.target.value as Level) || undefined })} className="w-48">
          <option value="">All levels</option>
          {(track ? LEVELS[track] : ALL_LEVELS).map((l) => (
            <option key={l} value={l}>
              {levelName(l)}
            </option>
          ))}
        </Select>
        <Select
          aria-label="Reports to"
          value={managerId}
          onChange={(e) => set({ managerId: e.target.value || undefined })}
          className="w-44"
        >
          <option value="">{"Anyone's reports"}</option>
          <option value="me">My direct reports</option>
          {managers.map((m) => (
            <option key={m.id} value={m.id}>
              Reports of {m.name}
            </option>
          ))}
        </Select>
        <Select aria-label="Area" value={areaId} onChange={(e) => set({ areaId: e.target.value || undefined })} className="w-44">
          <option value="">All areas</option>
          {areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </Select>
        <label className="flex h-9 items-center gap-2 text-sm text-muted">
          <input
            type="checkbox"
            checked={includeArchived}
            onChange={(e) => set({ includeArchived: e.target.checked || undefined })}
            className="size-4 accent-[var(--accent)]"
          />
          Show archived
        </label>
      </div>

      {noPeopleYet ? (
        <EmptyState
          title="No people yet"
          body="Add the managers and senior engineers who report to you, import them from a CSV file, or explore with a demo organisation."
          actions={
            <>
              <AddPersonDialog label="Add your first report" />
              <Button variant="secondary" asChild>
                <Link href="/people/import">Import CSV</Link>
              </Button>
              <Button
                variant="secondary"
                disabled={loadDemo.isPending}
                onClick={() =>
                  loadDemo.mutate(undefined, {
                    onSuccess: (result) => toast.success(`Demo organisation loaded: ${result.people} people in ${result.areas} areas.`),
                    onError: (error) => toast.error(error.message),
                  })
                }
              >
                <Sparkles aria-hidden="true" /> {loadDemo.isPending ? "Loading…" : "Load demo organisation"}
              </Button>
            </>
          }
        />
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-border bg-surface">
          <table className="w-full min-w-[760px] text-left text-sm">
            <caption className="sr-only">
              People, sorted by {sort.by} ({sort.direction === "asc" ? "ascending" : "descending"})
            </caption>
            <thead className="border-b border-border text-xs text-muted">
              <tr>
                {header("name", "Name")}
                <th scope="col" className="px-3 py-2 font-medium">
                  Track
                </th>
                {header("level", "Level")}
                {header("manager", "Reports to")}
                <th scope="col" className="px-3 py-2 font-medium">
                  Leads
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  Reports
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id} className="border-b border-border last:border-0 hover:bg-surface-2">
                  <td className="px-3 py-2">
                    <Link href={`/people/${p.id}`} className="font-medium hover:underline">
                      {p.name}
                    </Link>
                    {p.archivedAt ? <Badge className="ml-2">Archived</Badge> : null}
                    {p.title ? <div className="text-xs text-muted">{p.title}</div> : null}
                  </td>
                  <td className="px-3 py-2">
                    <TrackBadge track={p.track} />
                  </td>
                  <td className="px-3 py-2">{levelName(p.level)}</td>
                  <td className="px-3 py-2 text-muted">{p.managerName ?? "Me"}</td>
                  <td className="px-3 py-2 text-muted">
                    {p.leads ?? ""}
                    {p.areaNames.length ? <div className="text-xs">Pair in {p.areaNames.join(", ")}</div> : null}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums text-muted" title="Direct / total reports">
                    {p.directReports} / {p.totalReports}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 && list.isSuccess ? (
            <p className="px-3 py-8 text-center text-sm text-muted">
              {filtered ? "No one matches these filters." : "Everyone is archived: tick “Show archived” to see and restore them."}
            </p>
          ) : null}
          {list.isPending ? <p className="px-3 py-8 text-center text-sm text-muted">Loading people…</p> : null}
        </div>
      )}
      {noPeopleYet ? null : <LoadMore pages={list} label="Show more people" />}
      <div className="flex items-center justify-between text-xs text-muted">
        <span aria-live="polite">
          {list.hasNextPage
            ? total !== null
              ? `${rows.length} of ${total} people shown`
              : `${rows.length} people shown, more to show`
            : `${rows.length} ${rows.length === 1 ? "person" : "people"}`}
        </span>
        <Button variant="ghost" size="sm" onClick={exportCsv}>
          <Download aria-hidden="true" /> Export CSV
        </Button>
      </div>
    </div>
  );
}
