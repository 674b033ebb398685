import type { Dash, PlotData } from "plotly.js";
import { requireOptions } from "../base";
import { plotArray } from "./to-plot-array";
import {
  optionalInRange,
  optionalNonNegative,
  optionalString,
  requireSameLength,
  requireSeries,
} from "./validate";

/** Style of a line or marker trace. */
export interface LineTraceOptions {
  /** Legend entry; omitted traces are left out of the legend. */
  name?: string;
  /** CSS colour; default: the theme's colorway in trace order. */
  color?: string;
  /** Line width in px, finite, ≥ 0 (default 2). */
  width?: number;
  /** Dash style (default "solid"). */
  dash?: Dash;
  /** Opacity in [0, 1] (default 1), e.g. 0.3 for many sample paths. */
  opacity?: number;
}

/**
 * A line trace $y$ against $x$; non-finite values become gaps (by design: a diverged path shows
 * where it stopped).
 * @param x - abscissae, shape (n,), n ≥ 1, e.g. the time grid.
 * @param y - ordinates, shape (n,).
 * @param options - name, color, width, dash, opacity.
 * @returns a plotly scatter trace in "lines" mode with plain arrays.
 */
export function lineTrace(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options?: LineTraceOptions,
): Partial<PlotData> {
  const fn = "lineTrace";
  requireSeries(fn, "x", x);
  requireSeries(fn, "y", y);
  requireSameLength(fn, ["x", "y"], x, y);
  const o = requireOptions(fn, options);
  const name = optionalString(fn, "options.name", o.name);
  const color = optionalString(fn, "options.color", o.color);
  const width = optionalNonNegative(fn, "options.width", o.width) ?? 2;
  const dash = optionalString(fn, "options.dash", o.dash) ?? "solid";
  const opacity = optionalInRange(fn, "options.opacity", o.opacity, 0, 1);
  const trace: Partial<PlotData> = {
    type: "scatter",
    mode: "lines",
    x: plotArray(x),
    y: plotArray(y),
    line: { width, dash: dash as Dash, ...(color !== undefined ? { color } : {}) },
  };
  if (name !== undefined) trace.name = name;
  else trace.showlegend = false;
  if (opacity !== undefined) trace.opacity = opacity;
  return trace;
}
