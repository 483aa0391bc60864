"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { cn } from "@/lib/cn";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/trpc/react";
import { useMarkAllRead, useMarkRead } from "./mutations";

export const inboxPages = (trpc: ReturnType<typeof useTRPC>, unreadOnly: boolean) =>
  trpc.inbox.list.infiniteQueryOptions({ unreadOnly }, { getNextPageParam: (page) => page.nextCursor ?? undefined });

/**
 * The inbox: what others did that concerns you, newest first, a page at a
 * time. Following an item marks it read; each can be marked read or unread
 * again, and all at once (up to the newest shown, so one that arrives
 * meanwhile stays unread).
 */
export function InboxList() {
  const trpc = useTRPC();
  const router = useRouter();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const inbox = useInfiniteQuery(inboxPages(trpc, unreadOnly));
  const items = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead({
    onSuccess: ({ marked }) => toast.success(marked === 1 ? "1 item marked read." : `${marked} items marked read.`),
  });
  const anyUnread = items.some((i) => !i.read);

  const open = (item: (typeof items)[number]) => {
    if (!item.read) markRead.mutate({ id: item.id, read: true });
    router.push(item.href);
  };

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div role="group" aria-label="Show" className="inline-flex rounded-md border border-border p-0.5">
          {[
            { value: false, label: "All" },
            { value: true, label: "Unread" },
          ].map((option) => (
            <button
              key={option.label}
              type="button"
              aria-pressed={unreadOnly === option.value}
              onClick={() => setUnreadOnly(option.value)}
              className={cn(
                "rounded px-3 py-1 text-sm",
                unreadOnly === option.value ? "bg-accent-soft font-medium text-fg" : "text-muted hover:text-fg",
              )}
            >
              {option.label}
            </button>
          ))}
        </div>
        <Button
          variant="secondary"
          size="sm"
          disabled={!anyUnread || markAllRead.isPending}
          onClick={() => markAllRead.mutate({ upTo: items[0]?.id ?? null })}
        >
          Mark all read
        </Button>
      </div>

      {inbox.isPending ? (
        <p className="text-sm text-muted">Loading…</p>
      ) : items.length === 0 ? (
        <EmptyState
          title={unreadOnly ? "Nothing unread" : "Nothing here yet"}
          body={
            unreadOnly
              ? "You are up to date. Everything others did that concerns you is read."
              : "When someone adds a point to your 1:1, checks in or comments on a target you share, proposes a level or starts a poker round with you, it shows here."
          }
        />
      ) : (
        <ul className="divide-y divide-border rounded-lg border border-border bg-surface" aria-label="Inbox items">
          {items.map((item) => (
            <li key={item.id} className={cn("flex items-start gap-3 px-4 py-3", item.read ? "" : "bg-accent-soft/40")}>
              <span aria-hidden="true" className={cn("mt-2 size-2 shrink-0 rounded-full", item.read ? "bg-transparent" : "bg-accent")} />
              <div className="min-w-0 flex-1">
                <Link
                  href={item.href}
                  onClick={(event) => {
                    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                    event.preventDefault();
                    open(item);
                  }}
                  className={cn("break-words text-sm hover:underline", item.read ? "text-muted" : "font-medium text-fg")}
                >
                  {item.text}
                  {item.read ? null : <span className="sr-only"> (unread)</span>}
                </Link>
                <p className="mt-0.5 text-xs text-muted">{formatDateTime(new Date(item.createdAt))}</p>
              </div>
              <Button
                variant="ghost"
                size="sm"
                className="shrink-0"
                aria-label={`${item.read ? "Mark unread" : "Mark read"}: ${item.text}`}
                onClick={() => markRead.mutate({ id: item.id, read: !item.read })}
              >
                {item.read ? "Mark unread" : "Mark read"}
              </Button>
            </li>
          ))}
        </ul>
      )}

      {inbox.hasNextPage ? (
        <div>
          <Button variant="secondary" size="sm" disabled={inbox.isFetchingNextPage} onClick={() => void inbox.fetchNextPage()}>
            {inbox.isFetchingNextPage ? "Loading…" : "Show older"}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
