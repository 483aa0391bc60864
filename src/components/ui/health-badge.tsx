import { Badge } from "@/components/ui/badge";
import { HEALTH_LABELS, type Health } from "@/lib/targets/status";

const TONE = { achieved: "accent", on_track: "success", at_risk: "warning", off_track: "danger", no_data: "neutral" } as const;
const MARK = { achieved: "★", on_track: "●", at_risk: "▲", off_track: "■", no_data: "○" } as const;

/** Status in words and colour together (and a shape), the same on every page. */
export function HealthBadge({ health, fallback = "No metrics" }: { health: Health | null; fallback?: string }) {
  if (!health) return <Badge>{fallback}</Badge>;
  return (
    <Badge tone={TONE[health]}>
      <span aria-hidden="true">{MARK[health]}</span>
      {HEALTH_LABELS[health]}
    </Badge>
  );
}

/** The chart colour of each health, matching the badge. */
export const HEALTH_COLOR: Record<Health, string> = {
  achieved: "var(--accent)",
  on_track: "var(--success)",
  at_risk: "var(--warning)",
  off_track: "var(--danger)",
  no_data: "var(--muted)",
};

export function ProgressBar({ value, health, label }: { value: number; health: Health | null; label: string }) {
  const percent = Math.round(value * 100);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className="h-1.5 w-full overflow-hidden rounded-full bg-surface-2"
    >
      <div className="h-full rounded-full" style={{ width: `${percent}%`, background: health ? HEALTH_COLOR[health] : "var(--muted)" }} />
    </div>
  );
}
