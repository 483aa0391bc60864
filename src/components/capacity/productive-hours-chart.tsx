import { DISPLAY_LOCALE } from "@/lib/format";

type Day = { day: string; productiveHours: number | null };

const weekday = (day: string) => new Date(`${day}T12:00:00Z`).toLocaleDateString(DISPLAY_LOCALE, { weekday: "short", timeZone: "UTC" });

/**
 * Productive hours per day as small bars with their numbers, apart from the
 * energy chart: two scales on one chart (levels 1–10, hours 0–24) read as one
 * and mislead. The bars share one scale: the week's longest day, at least 8 h.
 */
export function ProductiveHoursChart({ days }: { days: Day[] }) {
  const top = Math.max(8, ...days.map((d) => d.productiveHours ?? 0));
  return (
    <figure className="grid gap-1.5">
      <figcaption className="text-xs font-medium text-muted">Productive hours per day</figcaption>
      <ol className="flex items-end gap-1 sm:gap-2" aria-label="Productive hours per day">
        {days.map((d) => (
          <li key={d.day} className="grid min-w-0 flex-1 justify-items-center gap-1 text-[10px] text-muted sm:text-xs">
            <span className="tabular-nums">
              <span aria-hidden="true">{d.productiveHours === null ? "—" : `${d.productiveHours} h`}</span>
              <span className="sr-only">
                {weekday(d.day)}: {d.productiveHours === null ? "not logged" : `${d.productiveHours} h`}
              </span>
            </span>
            <span className="flex h-12 w-full items-end rounded bg-surface-2" aria-hidden="true">
              {d.productiveHours ? (
                <span className="block w-full rounded bg-accent/60" style={{ height: `${(d.productiveHours / top) * 100}%` }} />
              ) : null}
            </span>
            <span className="max-w-full truncate" aria-hidden="true">
              {weekday(d.day)}
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
