"use client";

import { Button } from "@/components/ui/button";

export type Pages = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown; isFetchNextPageError?: boolean };

/**
 * The "Show more" button under a keyset-paginated list (issue #20): one page
 * of rows is rendered at first, the next on demand. `shown` and `noun` say how
 * many are on screen, so a long list never looks complete when it is not.
 */
export function LoadMore({ pages, shown, noun, label = "Show more" }: { pages: Pages; shown?: number; noun?: string; label?: string }) {
  if (!pages.hasNextPage && !pages.isFetchNextPageError) return null;
  return (
    <div className="flex flex-wrap items-center gap-3 py-2">
      <Button variant="secondary" size="sm" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
        {pages.isFetchingNextPage ? "Loading…" : pages.isFetchNextPageError ? "Try again" : label}
      </Button>
      {shown !== undefined && noun ? (
        <span className="text-sm text-muted" aria-live="polite">
          {shown} {noun} shown
        </span>
      ) : null}
    </div>
  );
}
