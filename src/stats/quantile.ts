import { requireNotNaN, requireSample } from "../base";

/**
 * $\hat Q(p) = x_{(\lfloor h \rfloor)} + (h - \lfloor h \rfloor)(x_{(\lfloor h \rfloor + 1)} - x_{(\lfloor h \rfloor)})$,
 * $h = (n - 1)p$ (0-based order statistics): the sample quantile by linear interpolation.
 * @param xs sample, shape (n,), n >= 1, finite values (not modified)
 * @param p probability in [0, 1]
 * @see R. J. Hyndman & Y. Fan (1996), "Sample quantiles in statistical packages", Am. Stat. 50(4),
 *   definition 7.
 */
export function sampleQuantile(xs: ArrayLike<number>, p: number): number {
  requireSample("sampleQuantile", "xs", xs, 1);
  requireNotNaN("sampleQuantile", "p", p, "a probability in [0, 1]", (v) => v >= 0 && v <= 1);
  return sortedQuantile(Float64Array.from(xs).sort(), p);
}

/** Definition 7 on an already sorted array (no checks; not re-exported). */
export function sortedQuantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const j = Math.floor(h);
  return j + 1 < sorted.length ? sorted[j] + (h - j) * (sorted[j + 1] - sorted[j]) : sorted[j];
}
