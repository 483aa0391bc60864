"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type EnergyChartProps = {
  days: { day: string; start: number | null; middle: number | null; end: number | null; productiveHours: number | null }[];
};

const label = (day: string) => new Date(`${day}T12:00:00Z`).toLocaleDateString(undefined, { weekday: "short", timeZone: "UTC" });

/** The week's energy at the start, middle and end of each day (lines), with productive hours (bars). */
export default function EnergyChart({ days }: EnergyChartProps) {
  const data = days.map((d) => ({ ...d, name: label(d.day) }));
  return (
    <figure aria-label="Chart: energy at the start, middle and end of each day, and productive hours" className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" stroke="var(--muted)" fontSize={11} />
          <YAxis yAxisId="energy" domain={[1, 10]} ticks={[1, 4, 7, 10]} stroke="var(--muted)" fontSize={11} width={28} />
          <YAxis yAxisId="hours" orientation="right" domain={[0, 12]} stroke="var(--muted)" fontSize={11} width={28} />
          <Tooltip contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", fontSize: 12 }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="hours" dataKey="productiveHours" name="Productive hours" fill="var(--accent)" fillOpacity={0.18} isAnimationActive={false} />
          <Line yAxisId="energy" dataKey="start" name="Start of day" stroke="var(--success)" strokeWidth={2} connectNulls isAnimationActive={false} />
          <Line yAxisId="energy" dataKey="middle" name="Midday" stroke="var(--warning)" strokeWidth={2} strokeDasharray="5 3" connectNulls isAnimationActive={false} />
          <Line yAxisId="energy" dataKey="end" name="End of day" stroke="var(--danger)" strokeWidth={2} strokeDasharray="2 2" connectNulls isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
