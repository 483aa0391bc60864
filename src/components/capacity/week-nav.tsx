import { ChevronLeft, ChevronRight } from "lucide-react";
import { Link } from "@/components/ui/link";
import { Button } from "@/components/ui/button";
import { addDays } from "@/lib/one-on-ones/days";
import { weekStartOf } from "@/lib/energy/week";
import { DISPLAY_LOCALE } from "@/lib/format";

function weekLabel(weekStart: string) {
  const fmt = (d: string) =>
    new Date(`${d}T12:00:00Z`).toLocaleDateString(DISPLAY_LOCALE, { day: "numeric", month: "short", timeZone: "UTC" });
  return `${fmt(weekStart)} – ${fmt(addDays(weekStart, 6))}`;
}

/** Previous, this and next week, as links that keep the week in the address. */
export function WeekNav({ path, weekStart, today }: { path: string; weekStart: string; today: string }) {
  const current = weekStartOf(today);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button asChild variant="secondary" size="icon" aria-label="Previous week">
        <Link href={`${path}?week=${addDays(weekStart, -7)}`}>
          <ChevronLeft aria-hidden="true" />
        </Link>
      </Button>
      <span className="min-w-36 text-center text-sm font-medium tabular-nums" aria-live="polite">
        {weekStart === current ? "This week" : `Week of ${weekLabel(weekStart)}`}
      </span>
      <Button asChild variant="secondary" size="icon" aria-label="Next week">
        <Link href={`${path}?week=${addDays(weekStart, 7)}`}>
          <ChevronRight aria-hidden="true" />
        </Link>
      </Button>
      {weekStart !== current ? (
        <Button asChild variant="ghost" size="sm">
          <Link href={path}>Back to this week</Link>
        </Button>
      ) : (
        <span className="text-xs text-muted">{weekLabel(weekStart)}</span>
      )}
    </div>
  );
}
