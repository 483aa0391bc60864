import type { CSSProperties } from "react";
import { CHART_BOX, dayLabel, fraction, MAX_DOTS, valueLabels, type MetricChartFrame } from "@/lib/targets/metric-chart-frame";
import { legendValue, legendWhen, type MetricChartProps } from "./metric-chart-words";

const PLOT_HEIGHT = CHART_BOX.height - CHART_BOX.top - CHART_BOX.bottom;
/** The SVG's x units: a thousandth of the plot's width (it stretches across; its strokes keep their width). */
const X_UNITS = 1000;

/**
 * A metric's chart as the page is served: the same frame, lines, labels and
 * legend (the latest check-in) as the interactive chart, drawn in SVG and
 * HTML with no script. The interactive one (uPlot, about 24 kB) replaces it
 * when a pointer reaches the chart, for its cursor and its legend that
 * follows it. See metric-trend.tsx.
 */
export function MetricSketch({ props, frame, timeZone }: { props: MetricChartProps; frame: MetricChartFrame; timeZone: string }) {
  const { points, baseline, goal, bandLow, bandHigh, color, unit } = props;
  const y = (v: number) => (1 - fraction(v, frame.y)) * PLOT_HEIGHT;
  const x = (seconds: number) => fraction(seconds, frame.x) * X_UNITS;
  const xPercent = (seconds: number) => `${fraction(seconds, frame.x) * 100}%`;
  const coordinates = points.map((p) => `${x(p.at.getTime() / 1000).toFixed(1)} ${y(p.value).toFixed(1)}`);
  const labels = valueLabels(frame.yTicks);
  const latest = points.at(-1);
  // A line's word sits above it unless that would leave the plot (then below), as on the canvas.
  const wordAt = (v: number, preferAbove: boolean): CSSProperties => {
    const above = preferAbove ? y(v) > 14 : PLOT_HEIGHT - y(v) < 14;
    return { left: 4, top: above ? y(v) - 14 : y(v) + 2 };
  };

  return (
    <div data-testid="metric-sketch" className="@container w-full">
      <div className="relative text-[11px] leading-none text-muted" style={{ height: CHART_BOX.height }}>
        {frame.yTicks.map((tick, i) => (
          <span
            key={tick}
            className="absolute -translate-y-1/2 tabular-nums"
            style={{ right: `calc(100% - ${CHART_BOX.left - 6}px)`, top: CHART_BOX.top + y(tick) }}
          >
            {labels[i]}
          </span>
        ))}
        <div className="absolute" style={{ left: CHART_BOX.left, right: CHART_BOX.right, top: CHART_BOX.top, height: PLOT_HEIGHT }}>
          <svg
            className="absolute inset-0 h-full w-full overflow-visible"
            viewBox={`0 0 ${X_UNITS} ${PLOT_HEIGHT}`}
            preserveAspectRatio="none"
            aria-hidden="true"
          >
            <g fill="none">
              {frame.yTicks.map((tick) => (
                <Across key={tick} at={y(tick)} color="var(--border)" dash="3 3" />
              ))}
              {bandLow !== null && bandHigh !== null ? (
                <>
                  <rect
                    x={0}
                    width={X_UNITS}
                    y={y(bandHigh)}
                    height={Math.max(0, y(bandLow) - y(bandHigh))}
                    style={{ fill: "var(--success)" }}
                    fillOpacity={0.08}
                  />
                  <Across at={y(bandHigh)} color="var(--success)" />
                  <Across at={y(bandLow)} color="var(--success)" />
                </>
              ) : null}
              {baseline !== null ? <Across at={y(baseline)} color="var(--muted)" dash="4 4" /> : null}
              {goal !== null ? <Across at={y(goal)} color="var(--success)" dash="6 3" /> : null}
              <line
                x1={x(frame.due)}
                x2={x(frame.due)}
                y1={0}
                y2={PLOT_HEIGHT}
                style={{ stroke: "var(--muted)" }}
                vectorEffect="non-scaling-stroke"
              />
              {coordinates.length > 1 ? (
                <path
                  d={`M${coordinates.join("L")}`}
                  style={{ stroke: color }}
                  strokeWidth={2}
                  strokeLinejoin="round"
                  vectorEffect="non-scaling-stroke"
                />
              ) : null}
              {points.length < MAX_DOTS ? (
                // A dot per check-in: a zero-length stroke with round ends is a circle whatever the stretch.
                <path
                  d={coordinates.map((c) => `M${c}h0`).join("")}
                  style={{ stroke: color }}
                  strokeWidth={6}
                  strokeLinecap="round"
                  vectorEffect="non-scaling-stroke"
                />
              ) : null}
            </g>
          </svg>
          {bandLow !== null && bandHigh !== null ? (
            <span className="absolute whitespace-nowrap text-[10px]" style={{ ...wordAt(bandHigh, false), color: "var(--success)" }}>
              band
            </span>
          ) : null}
          {baseline !== null ? (
            <span className="absolute whitespace-nowrap text-[10px]" style={wordAt(baseline, true)}>
              baseline
            </span>
          ) : null}
          {goal !== null ? (
            <span className="absolute whitespace-nowrap text-[10px]" style={{ ...wordAt(goal, true), color: "var(--success)" }}>
              goal
            </span>
          ) : null}
          <span className="absolute top-0.5 -translate-x-full whitespace-nowrap pr-1 text-[10px]" style={{ left: xPercent(frame.due) }}>
            due
          </span>
          {frame.xTicksWide.map((tick) => (
            <span
              key={`w${tick}`}
              className="absolute hidden -translate-x-1/2 whitespace-nowrap @md:block"
              style={{ left: xPercent(tick), top: PLOT_HEIGHT + 8 }}
            >
              {dayLabel(tick)}
            </span>
          ))}
          {frame.xTicksNarrow.map((tick) => (
            <span
              key={`n${tick}`}
              className="absolute -translate-x-1/2 whitespace-nowrap @md:hidden"
              style={{ left: xPercent(tick), top: PLOT_HEIGHT + 8 }}
            >
              {dayLabel(tick)}
            </span>
          ))}
        </div>
      </div>
      <p className="flex flex-wrap justify-center gap-x-4 gap-y-1 pt-2 text-xs text-muted">
        <span>
          <span className="font-medium">When:</span> {legendWhen(latest?.at, timeZone)}
        </span>
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true" className="inline-block size-2.5 border-2" style={{ borderColor: color }} />
          <span className="font-medium">Value:</span> {legendValue(latest, unit)}
        </span>
      </p>
    </div>
  );
}

/** A line across the plot at a height (px), its dashes and width kept whatever the stretch. */
function Across({ at, color, dash }: { at: number; color: string; dash?: string }) {
  return <line x1={0} x2={X_UNITS} y1={at} y2={at} style={{ stroke: color }} strokeDasharray={dash} vectorEffect="non-scaling-stroke" />;
}
