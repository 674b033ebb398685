import { requireSample } from "../base";

/**
 * $W_1(\mu_n, \nu_m) = \int |F_n(t) - G_m(t)|\,dt$ for two 1-D samples (equal sizes:
 * $\frac1n\sum_i |x_{(i)} - y_{(i)}|$), by one merge of the sorted samples.
 * @param xs first sample, shape (n,), n >= 1 (not modified)
 * @param ys second sample, shape (m,), m >= 1 (not modified)
 * @see S. S. Vallender (1974), "Calculation of the Wasserstein distance between probability
 *   distributions on the line", Theory Probab. Appl. 18(4), 784-786.
 */
export function wasserstein1(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  requireSample("wasserstein1", "xs", xs, 1);
  requireSample("wasserstein1", "ys", ys, 1);
  return sortedWasserstein1(Float64Array.from(xs).sort(), Float64Array.from(ys).sort());
}

/** $\int |F - G|$ for already sorted samples (no checks; not re-exported). */
export function sortedWasserstein1(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  const m = b.length;
  let i = 0;
  let j = 0;
  let t = a[0] < b[0] ? a[0] : b[0];
  let w = 0;
  while (i < n || j < m) {
    // next breakpoint: the smaller of the next unread values
    const next = j >= m || (i < n && a[i] <= b[j]) ? a[i] : b[j];
    const diff = i / n - j / m;
    w += (diff < 0 ? -diff : diff) * (next - t);
    t = next;
    while (i < n && a[i] === t) i++;
    while (j < m && b[j] === t) j++;
  }
  return w;
}
