import { requireNotNaN, requireSample } from "../base";

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

/** Options for `histogram`. */
export interface HistogramOptions {
  /** Number of bins $B$, a positive integer (default 10). */
  readonly bins?: number;
  /** $[e_0, e_B]$, with $e_0 < e_B$ (default: the sample's min and max). Values outside are not counted. */
  readonly range?: readonly [number, number];
}

/**
 * $\hat p(x) = c_k / (n h)$ for $x$ in bin $k$: an equal-width histogram normalised by the whole
 * sample size $n$, so that it estimates the density even when some values fall outside `range`
 * (then $\sum_k \hat p_k h < 1$).
 * @param xs sample, shape (n,), n >= 1, finite values
 * @param options `bins` and `range`
 * @see D. W. Scott (2015), Multivariate Density Estimation, 2nd ed., Wiley, chapter 3.
 */
export function histogram(xs: ArrayLike<number>, options: HistogramOptions = {}): Histogram {
  requireSample("histogram", "xs", xs, 1);
  const bins = options.bins ?? 10;
  requireNotNaN(
    "histogram",
    "bins",
    bins,
    "a positive integer",
    (v) => Number.isInteger(v) && v >= 1,
  );
  let lo: number;
  let hi: number;
  if (options.range !== undefined) {
    const r = options.range;
    if (
      !Array.isArray(r) ||
      r.length !== 2 ||
      !Number.isFinite(r[0]) ||
      !Number.isFinite(r[1]) ||
      !(r[0] < r[1])
    ) {
      throw new RangeError(
        `histogram: range must be [lo, hi] with finite lo < hi, got ${JSON.stringify(r)}`,
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
