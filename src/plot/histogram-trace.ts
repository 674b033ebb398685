import type { PlotData } from "plotly.js";
import { plotArray } from "./to-plot-array";
import { describeValue, requireFinite, requireInteger, requireOptions } from "../base";
import { optionalBoolean, optionalInRange, optionalString, requireSeries } from "./validate";

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
 * Non-finite samples are left out (by design: they become null, which plotly ignores). Bins are [a, b), as in
 * plotly; N counts only the samples inside the bins (plotly's `histnorm`), so a `range` that cuts
 * off tails shows the density conditional on the range. Without `range` the edges span the
 * samples, the last one nudged up by $10^{-9}$ of the span so that the largest sample is counted.
 * @param samples - shape (N,), N ≥ 1, e.g. terminal values $X_T$ of N paths.
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
  const name = optionalString(fn, "options.name", o.name);
  const color = optionalString(fn, "options.color", o.color);
  const opacity = optionalInRange(fn, "options.opacity", o.opacity, 0, 1) ?? 0.6;
  const density = optionalBoolean(fn, "options.density", o.density);
  const bins = o.bins === undefined ? undefined : requireInteger(fn, "options.bins", o.bins, 1);
  let range: [number, number] | undefined;
  if (o.range !== undefined) {
    if (!(Array.isArray(o.range) && o.range.length === 2)) {
      throw new TypeError(
        `${fn}: options.range must be a [lo, hi] pair, got ${describeValue(o.range)}`,
      );
    }
    const lo = requireFinite(fn, "options.range[0]", o.range[0]);
    const hi = requireFinite(fn, "options.range[1]", o.range[1]);
    if (!(lo < hi)) {
      throw new RangeError(
        `${fn}: options.range must have lo < hi, got [${describeValue(lo)}, ${describeValue(hi)}]`,
      );
    }
    if (bins === undefined) {
      throw new RangeError(`${fn}: options.range needs options.bins, got range without bins`);
    }
    range = [lo, hi];
  }
  const trace: Partial<PlotData> = {
    type: "histogram",
    x: plotArray(samples),
    opacity,
    marker: { line: { width: 0 }, ...(color !== undefined ? { color } : {}) },
  };
  if (density === true) trace.histnorm = "probability density";
  if (name !== undefined) trace.name = name;
  else trace.showlegend = false;
  if (bins !== undefined) {
    const [lo, hi] = range ?? finiteRange(samples);
    trace.xbins = { start: lo, end: hi, size: (hi - lo) / bins };
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
