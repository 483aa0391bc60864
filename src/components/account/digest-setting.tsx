"use client";

import { useQuery } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { useSetDigest } from "@/components/inbox";
import { useTRPC } from "@/trpc/react";

/** The daily digest email of the inbox's unread items, on or off (this organisation's membership). */
export function DigestSetting() {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.inbox.digest.queryOptions());
  const setDigest = useSetDigest({
    onSuccess: ({ dailyDigest }) => toast.success(dailyDigest ? "Daily digest on." : "Daily digest off."),
    onError: (error) => toast.error(error.message),
  });
  if (!data) return <p className="text-sm text-muted">Loading…</p>;
  return (
    <div className="grid gap-2">
      <label className="flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          className="mt-0.5 size-4 accent-[var(--color-accent)]"
          checked={data.dailyDigest}
          disabled={setDigest.isPending || (!data.mailConfigured && !data.dailyDigest)}
          onChange={(event) => setDigest.mutate({ dailyDigest: event.target.checked })}
        />
        <span>
          Email me a daily digest of my unread inbox items
          <span className="block text-muted">
            Once a day, in the morning of your time zone, only when something is unread. The same items as your inbox.
          </span>
        </span>
      </label>
      {data.mailConfigured ? null : (
        <p className="text-sm text-muted">
          This server sends no email (its operator has not set SMTP_URL), so there is no digest to turn on.
        </p>
      )}
    </div>
  );
}
