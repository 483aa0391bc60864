"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { useDeferredValue, useState } from "react";
import { Input } from "@/components/ui/input";
import { LoadMore } from "@/components/ui/load-more";
import { TOPIC_LABELS } from "@/lib/one-on-ones/agenda";
import { notesSearchQuery, SEARCH_PARAM } from "@/lib/one-on-ones/search-query";
import { NOTE_KIND_LABELS } from "@/lib/one-on-ones/note-kinds";
import { Snippet } from "@/components/ui/snippet";
import { useTRPC } from "@/trpc/react";

/**
 * Keeps the search in the address (`?q=`) without a round trip to the server:
 * Next.js folds history.replaceState into its router. A reload or a shared
 * link then renders the page with the same search, prefetched.
 */
function keepInAddress(text: string) {
  const url = new URL(window.location.href);
  if (text.trim()) url.searchParams.set(SEARCH_PARAM, text);
  else url.searchParams.delete(SEARCH_PARAM);
  window.history.replaceState(null, "", url);
}

/** Search across every note and talking point, as you type; `initial` is the search the page was opened with. */
export function NotesSearch({ initial = "" }: { initial?: string }) {
  const trpc = useTRPC();
  const [text, setText] = useState(initial);
  // The same rule as the page's prefetch (search-query.ts), so the first render uses the prefetched results.
  const deferred = notesSearchQuery(useDeferredValue(text));
  const enabled = deferred !== null;
  const query = deferred ?? "";
  const pages = useInfiniteQuery({
    ...trpc.oneOnOnes.search.infiniteQueryOptions({ query }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
    enabled,
  });
  const { isFetching } = pages;
  // Each page's notes, then its points (a page is newest first across both; pages follow in time).
  const data = pages.data
    ? { notes: pages.data.pages.flatMap((p) => p.notes), points: pages.data.pages.flatMap((p) => p.points) }
    : undefined;
  const total = (data?.notes.length ?? 0) + (data?.points.length ?? 0);
  return (
    <div className="grid gap-2">
      <label htmlFor="notes-search" className="sr-only">
        Search notes and talking points
      </label>
      <Input
        id="notes-search"
        type="search"
        placeholder="Search…"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          keepInAddress(e.target.value);
        }}
      />
      {enabled && data ? (
        <div aria-live="polite" className="grid gap-2 text-sm">
          <p className="text-xs text-muted">
            {isFetching && !pages.isFetchingNextPage
              ? "Searching…"
              : `${total}${pages.hasNextPage ? "+" : ""} result${total === 1 ? "" : "s"}`}
          </p>
          <ul className="grid gap-2">
            {data.notes.map((n) => (
              <li key={n.id}>
                <Link
                  href={n.oneOnOneId ? `/one-on-ones/meeting/${n.oneOnOneId}` : `/one-on-ones/${n.personId}`}
                  className="block rounded-md px-1 py-1 hover:bg-surface-2"
                >
                  <span className="font-medium">{n.personName}</span>{" "}
                  <span className="text-xs text-muted">
                    · {NOTE_KIND_LABELS[n.kind]}
                    {n.private ? " · private" : ""}
                  </span>
                  {/* The rendered text (the server strips the markdown), not the markdown typed. */}
                  <Snippet text={n.text} query={query} className="block text-muted" />
                </Link>
              </li>
            ))}
            {data.points.map((p) => (
              <li key={p.id}>
                <Link href={`/one-on-ones/${p.personId}`} className="block rounded-md px-1 py-1 hover:bg-surface-2">
                  <span className="font-medium">{p.personName}</span>{" "}
                  <span className="text-xs text-muted">
                    · talking point ({TOPIC_LABELS[p.topic]}){p.discussedInId ? " · discussed" : ""}
                  </span>
                  <Snippet text={p.text} query={query} className="block text-muted" />
                </Link>
              </li>
            ))}
          </ul>
          <LoadMore pages={pages} label="Show more results" />
        </div>
      ) : null}
    </div>
  );
}
