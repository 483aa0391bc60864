import type { planWeek } from "@/lib/capacity/plan";

type Plan = ReturnType<typeof planWeek>;

const hours = (h: number) => `${Math.round(h * 10) / 10} h`;

/** Allocated, buffer and free as one bar over the week's available hours; past the week, the overflow shows in red. */
export function CapacityBar({ plan, available }: { plan: Plan; available: number }) {
  const total = Math.max(available, plan.allocated) || 1;
  const within = Math.min(plan.allocated, plan.plannable);
  const intoBuffer = Math.max(0, Math.min(plan.allocated, available) - plan.plannable);
  const beyond = Math.max(0, plan.allocated - available);
  const pct = (h: number) => `${(h / total) * 100}%`;
  const segments = [
    { key: "allocated", label: "Allocated", value: within, className: "bg-accent" },
    { key: "into-buffer", label: "Eating into the buffer", value: intoBuffer, className: "bg-warning" },
    { key: "beyond", label: "Beyond the week", value: beyond, className: "bg-danger" },
    { key: "free", label: "Free", value: plan.free, className: "bg-success/40" },
    {
      key: "buffer",
      label: "Buffer kept free",
      value: plan.bufferLeft,
      className: "bg-[repeating-linear-gradient(45deg,var(--surface-2),var(--surface-2)_4px,var(--border)_4px,var(--border)_8px)]",
    },
  ].filter((s) => s.value > 0);
  return (
    <figure
      className="grid gap-2"
      aria-label={`Capacity: ${hours(plan.allocated)} allocated of ${hours(available)}, ${hours(plan.bufferLeft)} of buffer left, ${hours(plan.free)} free`}
    >
      <div className="flex h-6 w-full overflow-hidden rounded-md border border-border" aria-hidden="true">
        {segments.map((s) => (
          <span key={s.key} className={s.className} style={{ width: pct(s.value) }} title={`${s.label}: ${hours(s.value)}`} />
        ))}
      </div>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
        {segments.map((s) => (
          <span key={s.key} className="flex items-center gap-1.5">
            <span aria-hidden="true" className={`inline-block size-2.5 rounded-sm ${s.className}`} />
            {s.label}: <span className="font-medium text-fg tabular-nums">{hours(s.value)}</span>
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
