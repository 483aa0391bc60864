"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/** The unread count next to "Inbox" in the navigation (polled each minute and on focus); nothing when there is none. */
export function UnreadBadge() {
  const trpc = useTRPC();
  const { data } = useQuery({ ...trpc.inbox.unreadCount.queryOptions(), refetchInterval: 60_000, refetchOnWindowFocus: true });
  if (!data || data.count === 0) return null;
  const label = `${data.count}${data.capped ? "+" : ""}`;
  return (
    <>
      <span
        data-testid="inbox-unread"
        aria-hidden="true"
        className="ml-auto rounded-full bg-accent px-1.5 py-0.5 text-[0.7rem] font-semibold leading-none text-accent-fg"
      >
        {label}
      </span>
      <span className="sr-only"> ({label} unread)</span>
    </>
  );
}
