import type { MarkerSymbol, PlotData } from "plotly.js";
import { requireOptions } from "../base";
import { plotArray } from "./to-plot-array";
import {
  optionalInRange,
  optionalNonNegative,
  optionalString,
  requireSameLength,
  requireSeries,
} from "./validate";

/** Style of a marker (scatter) trace. */
export interface MarkerTraceOptions {
  /** Legend entry; omitted traces are left out of the legend. */
  name?: string;
  /** CSS colour; default: the theme's colorway in trace order. */
  color?: string;
  /** Marker diameter in px, finite, ≥ 0 (default 7). */
  size?: number;
  /** Marker symbol (default "circle"). */
  symbol?: MarkerSymbol;
  /** Opacity in [0, 1] (default 1), e.g. 0.4 for dense clouds. */
  opacity?: number;
}

/**
 * A marker (scatter-plot) trace of the points $(x_i, y_i)$; non-finite values are skipped (by
 * design, as gaps).
 * @param x - abscissae, shape (n,), n ≥ 1.
 * @param y - ordinates, shape (n,).
 * @param options - name, color, size, symbol, opacity.
 * @returns a plotly scatter trace in "markers" mode with plain arrays.
 */
export function markerTrace(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options?: MarkerTraceOptions,
): Partial<PlotData> {
  const fn = "markerTrace";
  requireSeries(fn, "x", x);
  requireSeries(fn, "y", y);
  requireSameLength(fn, ["x", "y"], x, y);
  const o = requireOptions(fn, options);
  const name = optionalString(fn, "options.name", o.name);
  const color = optionalString(fn, "options.color", o.color);
  const size = optionalNonNegative(fn, "options.size", o.size) ?? 7;
  const symbol = optionalString(fn, "options.symbol", o.symbol) ?? "circle";
  const opacity = optionalInRange(fn, "options.opacity", o.opacity, 0, 1);
  const trace: Partial<PlotData> = {
    type: "scatter",
    mode: "markers",
    x: plotArray(x),
    y: plotArray(y),
    marker: { size, symbol: symbol as MarkerSymbol, ...(color !== undefined ? { color } : {}) },
  };
  if (name !== undefined) trace.name = name;
  else trace.showlegend = false;
  if (opacity !== undefined) trace.opacity = opacity;
  return trace;
}
