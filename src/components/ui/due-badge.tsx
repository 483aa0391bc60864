import { Badge } from "@/components/ui/badge";
import type { Due } from "@/lib/one-on-ones/cadence";
import { formatDate, formatDay } from "@/lib/format";
import { useTimeZone } from "@/components/ui/today";

const TONES = { overdue: "danger", due: "warning", late: "warning", scheduled: "accent", ok: "neutral", none: "neutral" } as const;

/** Where a person's 1:1s stand, in words and colour. */
export function DueBadge({ due, nextScheduledAt, today }: { due: Due; nextScheduledAt?: Date | null; today: string }) {
  const timeZone = useTimeZone();
  const text = {
    overdue: due.daysOverdue > 0 ? `Overdue by ${due.daysOverdue} day${due.daysOverdue === 1 ? "" : "s"}` : "Overdue",
    due: due.dueDay === today ? "Due today" : `Due ${formatDay(due.dueDay)}`,
    late: `Booked after due date (${formatDay(due.dueDay)})`,
    scheduled: nextScheduledAt ? `Booked ${formatDate(nextScheduledAt, { timeZone, day: "numeric", month: "short" })}` : "Booked",
    ok: `Next due ${formatDay(due.dueDay)}`,
    none: "No 1:1 due",
  }[due.state];
  return <Badge tone={TONES[due.state]}>{text}</Badge>;
}
