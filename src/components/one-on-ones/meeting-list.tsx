import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DISPLAY_LOCALE } from "@/lib/format";
import { useTimeZone } from "@/components/ui/today";

type Meeting = { id: string; scheduledAt: Date; status: "scheduled" | "held" | "cancelled"; heldAt: Date | null };

const STATUS = { scheduled: ["Scheduled", "accent"], held: ["Held", "success"], cancelled: ["Cancelled", "neutral"] } as const;

function when(d: Date, timeZone: string) {
  return d.toLocaleString(DISPLAY_LOCALE, {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}

/** A person's 1:1s, newest first, each linking to its page. */
export function MeetingList({ meetings, total }: { meetings: Meeting[]; total: number }) {
  const timeZone = useTimeZone();
  if (meetings.length === 0) return <p className="text-sm text-muted">No 1:1s yet. Schedule one, or start one now.</p>;
  return (
    <>
      <ul className="grid gap-1" aria-label="1:1s">
        {meetings.map((m) => {
          const [label, tone] = STATUS[m.status];
          return (
            <li key={m.id}>
              <Link
                href={`/one-on-ones/meeting/${m.id}`}
                className="flex items-center justify-between gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-surface-2 focus-visible:outline-2"
              >
                <span className={m.status === "cancelled" ? "text-muted line-through" : ""}>
                  {when(m.heldAt ?? m.scheduledAt, timeZone)}
                </span>
                <Badge tone={tone}>{label}</Badge>
              </Link>
            </li>
          );
        })}
      </ul>
      {total > meetings.length ? <p className="text-xs text-muted">And {total - meetings.length} earlier.</p> : null}
    </>
  );
}
