import { describeValue, optionalInteger, requireOptions, requireSample } from "../base";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { floor, min } = Math;

/** A histogram with equal bins. */
export interface Histogram {
  /** Bin edges $e_0 < \dots < e_B$, shape (bins + 1,). */
  readonly edges: Float64Array;
  /** Counts per bin, shape (bins,); bin $k$ is $[e_k, e_{k+1})$, the last one closed. */
  readonly counts: Float64Array;
  /** Density estimate $c_k / (n\,h)$, shape (bins,), with $n$ the whole sample size. */
  readonly density: Float64Array;
  /** Bin width $h = (e_B - e_0) / B$. */
  readonly binWidth: number;
}

/** Most bins `histogram` accepts (three arrays of about that length are allocated). */
const MAX_BINS = 1e6;

/** Options for `histogram`. */
export interface HistogramOptions {
  /** Number of bins $B$, a positive integer, at most 10⁶ (default 10). */
  readonly bins?: number;
  /** $[e_0, e_B]$, with $e_0 < e_B$ (default: the sample's min and max). Values outside are not counted. */
  readonly range?: readonly [number, number];
}

/**
 * $\hat p(x) = c_k / (n h)$ for $x$ in bin $k$: an equal-width histogram normalised by the whole
 * sample size $n$, so that it estimates the density even when some values fall outside `range`
 * (then $\sum_k \hat p_k h < 1$).
 * @param xs sample, shape (n,), n >= 1, finite values
 * @param options `bins` (at most 10⁶) and `range`; the bin width must be representable
 *   ($(e_B - e_0)/B$ finite and $1/h$ finite), else a RangeError names `range` (or `xs`)
 * @see D. W. Scott (2015), Multivariate Density Estimation, 2nd ed., Wiley, chapter 3.
 */
export function histogram(xs: ArrayLike<number>, options: HistogramOptions = {}): Histogram {
  const fn = "histogram";
  requireSample(fn, "xs", xs, 1);
  const opts = requireOptions(fn, options);
  const bins = optionalInteger(fn, "options.bins", opts.bins, 1) ?? 10;
  if (bins > MAX_BINS) {
    throw new RangeError(`${fn}: options.bins must be at most ${MAX_BINS}, got ${bins}`);
  }
  let lo: number;
  let hi: number;
  if (opts.range !== undefined) {
    const r: unknown = opts.range;
    if (!Array.isArray(r)) {
      throw new TypeError(
        `${fn}: options.range must be an array [lo, hi], got ${describeValue(r)}`,
      );
    }
    if (r.length !== 2) {
      throw new RangeError(
        `${fn}: options.range must hold 2 numbers [lo, hi], got length ${r.length}`,
      );
    }
    if (typeof r[0] !== "number" || typeof r[1] !== "number") {
      throw new TypeError(
        `${fn}: options.range must hold two numbers, got [${describeValue(r[0])}, ${describeValue(r[1])}]`,
      );
    }
    if (!Number.isFinite(r[0]) || !Number.isFinite(r[1]) || !(r[0] < r[1])) {
      throw new RangeError(
        `${fn}: options.range must be [lo, hi] with finite lo < hi, got [${r[0]}, ${r[1]}]`,
      );
    }
    [lo, hi] = r;
  } else {
    lo = Infinity;
    hi = -Infinity;
    for (let i = 0; i < xs.length; i++) {
      if (xs[i] < lo) lo = xs[i];
      if (xs[i] > hi) hi = xs[i];
    }
    if (lo === hi) {
      lo -= 0.5; // a constant sample: one unit-wide window around it, as numpy does
      hi += 0.5;
    }
  }
  const binWidth = (hi - lo) / bins;
  if (!(binWidth > 0 && Number.isFinite(binWidth) && Number.isFinite(1 / binWidth))) {
    const what = opts.range !== undefined ? "options.range" : "xs";
    throw new RangeError(
      `${fn}: ${what} spans [${lo}, ${hi}], whose bin width (hi − lo)/bins = ${binWidth} is not a finite positive number with a finite inverse`,
    );
  }
  const edges = new Float64Array(bins + 1);
  for (let k = 0; k <= bins; k++) edges[k] = k === bins ? hi : lo + k * binWidth;
  const counts = new Float64Array(bins);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (x < lo || x > hi) continue;
    let k = min(bins - 1, floor((x - lo) / binWidth));
    if (x < edges[k])
      k--; // rounding at an edge: follow the stored edges exactly
    else if (k < bins - 1 && x >= edges[k + 1]) k++;
    counts[k]++;
  }
  const density = new Float64Array(bins);
  for (let k = 0; k < bins; k++) density[k] = counts[k] / (xs.length * binWidth);
  return { edges, counts, density, binWidth };
}
