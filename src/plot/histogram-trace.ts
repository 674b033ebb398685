import type { PlotData } from "plotly.js";
import { toPlotArray } from "./to-plot-array";
import { describeValue } from "../base";
import { optionalNumberIn, optionalString, requireOptions, requireSeries } from "./validate";

/** Binning and normalisation of a histogram. */
export interface HistogramTraceOptions {
  /** Legend entry; omitted traces are left out of the legend. */
  name?: string;
  /** CSS colour; default: the theme's colorway in trace order. */
  color?: string;
  /** Exact number of equal bins over `range` (default: plotly's automatic binning). */
  bins?: number;
  /** Binned interval [lo, hi] (default: min and max of the finite samples); needs `bins`. */
  range?: readonly [number, number];
  /** Normalise to a probability density (area 1), to overlay an exact pdf (default false: counts). */
  density?: boolean;
  /** Opacity in [0, 1] (default 0.6, so an overlaid density line stays visible). */
  opacity?: number;
}

/**
 * A histogram of samples, as counts or as a density $\hat p(x) = \#\{\text{bin}\}/(N\,\Delta x)$.
 * Non-finite samples are left out (they become null, which plotly ignores). Bins are [a, b), as in
 * plotly; N counts only the samples inside the bins (plotly's `histnorm`), so a `range` that cuts
 * off tails shows the density conditional on the range. Without `range` the edges span the
 * samples, the last one nudged up by $10^{-9}$ of the span so that the largest sample is counted.
 * @param samples - shape (N,), e.g. terminal values $X_T$ of N paths.
 * @param options - name, color, bins, range, density, opacity.
 * @returns a plotly histogram trace with plain arrays.
 */
export function histogramTrace(
  samples: ArrayLike<number>,
  options?: HistogramTraceOptions,
): Partial<PlotData> {
  const fn = "histogramTrace";
  requireSeries(fn, "samples", samples);
  const o = requireOptions(fn, options);
  const name = optionalString(fn, "name", o.name);
  const color = optionalString(fn, "color", o.color);
  const opacity = optionalNumberIn(fn, "opacity", o.opacity, 0, 1) ?? 0.6;
  if (o.density !== undefined && typeof o.density !== "boolean") {
    throw new TypeError(`${fn}: density must be a boolean, got ${describeValue(o.density)}`);
  }
  const trace: Partial<PlotData> = {
    type: "histogram",
    x: toPlotArray(samples),
    opacity,
    marker: { line: { width: 0 }, ...(color !== undefined ? { color } : {}) },
  };
  if (o.density === true) trace.histnorm = "probability density";
  if (name !== undefined) trace.name = name;
  else trace.showlegend = false;
  if (o.range !== undefined && o.bins === undefined) {
    throw new RangeError(`${fn}: range needs bins, got range without bins`);
  }
  if (o.bins !== undefined) {
    if (!Number.isInteger(o.bins) || o.bins < 1) {
      throw new RangeError(`${fn}: bins must be a positive integer, got ${describeValue(o.bins)}`);
    }
    if (o.range !== undefined && !(Array.isArray(o.range) && o.range.length === 2)) {
      throw new TypeError(`${fn}: range must be a [lo, hi] pair, got ${describeValue(o.range)}`);
    }
    const [lo, hi] = o.range ?? finiteRange(samples);
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) {
      throw new RangeError(
        `${fn}: range must be finite with lo < hi, got [${describeValue(lo)}, ${describeValue(hi)}]`,
      );
    }
    trace.xbins = { start: lo, end: hi, size: (hi - lo) / o.bins };
  }
  return trace;
}

/**
 * [min, max] of the finite samples, max raised by 1e-9 of the span (bins are [a, b): the largest
 * sample must fall inside the last bin), widened by 0.5 when they coincide; [0, 1] if none.
 */
function finiteRange(samples: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < samples.length; i++) {
    const v = samples[i];
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (lo > hi) return [0, 1];
  return lo === hi ? [lo - 0.5, hi + 0.5] : [lo, hi + (hi - lo) * 1e-9];
}
