"use client";

import { useLayoutEffect, useRef, type DependencyList } from "react";
import { useTheme } from "next-themes";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

/** Turns "var(--success)" into the colour it stands for here; canvas cannot read custom properties. */
export type ColorOf = (cssColor: string) => string;

/**
 * A uPlot chart in a container that follows its width. The charts are drawn
 * on a canvas with uPlot rather than as SVG with a React chart library: a
 * metric's hundreds of points cost a fraction of the main-thread time, and
 * the library is about a tenth of the bytes (see bench/RESULTS.md).
 *
 * `build` makes the options for a width and the data; both are made, and the
 * chart drawn again, only when `deps` or the theme change, not on every render
 * of the page around it. Drawn before the browser paints (a layout effect), so
 * a chart that replaces a sketch of itself never shows an empty frame.
 */
export function useUplot(
  build: (width: number, colorOf: ColorOf) => { options: uPlot.Options; data: uPlot.AlignedData },
  deps: DependencyList,
) {
  const container = useRef<HTMLDivElement>(null);
  const { resolvedTheme } = useTheme();

  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    const css = getComputedStyle(element);
    const colorOf: ColorOf = (value) => (value.startsWith("var(") ? css.getPropertyValue(value.slice(4, -1)).trim() || "#888" : value);
    const { options, data } = build(element.clientWidth, colorOf);
    const plot = new uPlot(options, data, element);
    const observer = new ResizeObserver(([entry]) => plot.setSize({ width: Math.floor(entry!.contentRect.width), height: options.height }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
    // The caller names what the chart depends on; the theme changes the colours.
  }, [...deps, resolvedTheme]);

  return container;
}

/** Axis settings shared by the charts: quiet colours, dashed grid, no tick marks. */
export function quietAxis(colorOf: ColorOf): uPlot.Axis {
  return {
    stroke: colorOf("var(--muted)"),
    grid: { stroke: colorOf("var(--border)"), dash: [3, 3], width: 1 },
    ticks: { show: false },
    font: "11px system-ui, sans-serif",
  };
}
