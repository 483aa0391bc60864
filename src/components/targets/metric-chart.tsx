"use client";

import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatValue } from "@/lib/format";

export type MetricChartProps = {
  points: { at: Date; value: number; count: number }[];
  unit: string | null;
  baseline: number | null;
  goal: number | null;
  bandLow: number | null;
  bandHigh: number | null;
  startDate: string;
  dueDate: string;
  color: string;
  title: string;
};

const day = (ms: number) => new Date(ms).toLocaleDateString(undefined, { day: "numeric", month: "short" });

/** Check-ins over time with the baseline, the goal (or band) and the due date. */
export default function MetricChart({ points, unit, baseline, goal, bandLow, bandHigh, startDate, dueDate, color, title }: MetricChartProps) {
  const data = points.map((p) => ({ t: p.at.getTime(), value: p.value, count: p.count }));
  const start = Date.parse(`${startDate}T00:00:00Z`);
  const due = Date.parse(`${dueDate}T00:00:00Z`);
  const lastPoint = data.at(-1)?.t ?? start;
  const xDomain = [Math.min(start, data[0]?.t ?? start), Math.max(due, lastPoint)];
  const values = [...data.map((d) => d.value), baseline, goal, bandLow, bandHigh].filter((v): v is number => v !== null);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.1;

  return (
    <figure aria-label={`${title}: chart of check-ins with ${goal !== null ? "goal" : "band"} and due date`} className="h-48 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="t" type="number" domain={xDomain} scale="time" tickFormatter={day} stroke="var(--muted)" fontSize={11} />
          <YAxis domain={[lo - pad, hi + pad]} stroke="var(--muted)" fontSize={11} width={56} tickFormatter={(v: number) => formatValue(Number(v.toPrecision(3)), null)} />
          {bandLow !== null && bandHigh !== null ? (
            <ReferenceArea y1={bandLow} y2={bandHigh} fill="var(--success)" fillOpacity={0.08} stroke="var(--success)" strokeOpacity={0.4} label={{ value: "band", fontSize: 10, fill: "var(--muted)", position: "insideTopLeft" }} />
          ) : null}
          {baseline !== null ? <ReferenceLine y={baseline} stroke="var(--muted)" strokeDasharray="4 4" label={{ value: "baseline", fontSize: 10, fill: "var(--muted)", position: "insideBottomLeft" }} /> : null}
          {goal !== null ? <ReferenceLine y={goal} stroke="var(--success)" strokeDasharray="6 3" label={{ value: "goal", fontSize: 10, fill: "var(--success)", position: "insideTopLeft" }} /> : null}
          <ReferenceLine x={due} stroke="var(--muted)" label={{ value: "due", fontSize: 10, fill: "var(--muted)", position: "insideTopRight" }} />
          <Tooltip
            labelFormatter={(t) => new Date(Number(t)).toLocaleString()}
            formatter={(v, _n, item) => [
              `${formatValue(Number(v), unit)}${(item?.payload as { count?: number })?.count && (item.payload as { count: number }).count > 1 ? ` (mean of ${(item.payload as { count: number }).count})` : ""}`,
              "Value",
            ]}
            contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", fontSize: 12 }}
          />
          <Line type="monotone" dataKey="value" stroke={color} strokeWidth={2} dot={data.length < 40} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
