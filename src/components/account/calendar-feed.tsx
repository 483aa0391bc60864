"use client";

import { useQuery } from "@tanstack/react-query";
import { CalendarPlus, Copy } from "lucide-react";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useFormatDateTime } from "@/components/ui/today";
import { useTRPC } from "@/trpc/react";
import { useCreateCalendarFeed, useRevokeCalendarFeed } from "./mutations";

/**
 * The member's private calendar feed: a URL to subscribe to in a calendar
 * app, shown once when made, regenerated or revoked here (both confirm:
 * every calendar subscribed to the old URL stops updating).
 */
export function CalendarFeed() {
  const trpc = useTRPC();
  const formatDateTime = useFormatDateTime();
  const { data: status } = useQuery(trpc.calendar.feedStatus.queryOptions());
  const [shownUrl, setShownUrl] = useState<string | null>(null);
  const create = useCreateCalendarFeed({ onSuccess: (feed) => setShownUrl(feed.url) });
  const revoke = useRevokeCalendarFeed({
    onSuccess: () => {
      setShownUrl(null);
      toast.success("Calendar feed revoked.");
    },
  });
  const failed = create.error ?? revoke.error;

  return (
    <div className="grid gap-4">
      <p className="text-sm text-muted">
        Your booked 1:1s (as manager and as report) and reminders for 1:1s that are due but not booked, in your own calendar. The URL is
        private: anyone who has it sees your 1:1s&apos; names and times, so keep it to yourself.
      </p>
      {failed ? <Alert tone="danger">{failed.message}</Alert> : null}
      {shownUrl ? (
        <Alert tone="success">
          <p className="font-medium">Copy your feed URL now: it is not shown again.</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code className="min-w-0 flex-1 break-all rounded bg-surface px-2 py-1 text-xs" data-testid="calendar-feed-url">
              {shownUrl}
            </code>
            <Button
              variant="secondary"
              size="sm"
              onClick={async () => {
                await navigator.clipboard?.writeText(shownUrl);
                toast.success("Copied.");
              }}
            >
              <Copy aria-hidden="true" /> Copy URL
            </Button>
          </div>
        </Alert>
      ) : null}
      {status?.active ? (
        <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
          <span>Your feed is on{status.createdAt ? `, its URL made ${formatDateTime(status.createdAt)}` : ""}.</span>
          <span className="flex flex-wrap gap-2">
            <ConfirmDialog
              // Remounted (and so closed) once the new URL is made.
              key={status.createdAt?.toISOString()}
              trigger={
                <Button variant="secondary" size="sm">
                  Regenerate URL
                </Button>
              }
              title="Make a new feed URL?"
              description="The current URL stops working at once: calendars subscribed to it stop updating until you subscribe them to the new one."
              confirmLabel="Regenerate URL"
              pending={create.isPending}
              onConfirm={() => create.mutate()}
            />
            <ConfirmDialog
              trigger={
                <Button variant="secondary" size="sm">
                  Revoke
                </Button>
              }
              title="Revoke your calendar feed?"
              description="The URL stops working at once, and your calendars stop showing your 1:1s. You can make a new URL later."
              confirmLabel="Revoke feed"
              pending={revoke.isPending}
              onConfirm={() => revoke.mutate()}
            />
          </span>
        </div>
      ) : status ? (
        <div>
          <Button onClick={() => create.mutate()} disabled={create.isPending}>
            <CalendarPlus aria-hidden="true" /> Create feed URL
          </Button>
        </div>
      ) : null}
      <details className="text-sm">
        <summary className="cursor-pointer font-medium">How to subscribe</summary>
        <ul className="mt-2 grid list-disc gap-1 pl-5 text-muted">
          <li>
            <span className="text-fg">Google Calendar</span> (on the web): Other calendars, +, From URL; paste the URL. Google refreshes it
            every few hours.
          </li>
          <li>
            <span className="text-fg">Outlook</span>: Add calendar, Subscribe from web; paste the URL and give it a name.
          </li>
          <li>
            <span className="text-fg">Apple Calendar</span>: File, New Calendar Subscription (on iPhone: Settings, Calendar, Accounts, Add
            Account, Other, Add Subscribed Calendar); paste the URL.
          </li>
        </ul>
        <p className="mt-2 text-xs text-muted">Times are sent in UTC, so each calendar shows them in its own time zone: set it to yours.</p>
      </details>
    </div>
  );
}
