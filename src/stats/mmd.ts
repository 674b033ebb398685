import { requireNotNaN, requirePoints } from "../base";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { exp, floor, sqrt } = Math;

/** Options for `mmd2` and `mmdPermutationTest`. */
export interface MmdOptions {
  /** Kernel width $\sigma > 0$ in $k(x, y) = e^{-|x - y|^2 / (2\sigma^2)}$ (default: median heuristic). */
  readonly bandwidth?: number;
  /** Dimension $d$ of each point (default 2): samples are (n, d) row-major. */
  readonly dim?: number;
}

/** Validates the samples and resolves $\sigma$ (not re-exported). */
export function mmdSetup(
  fn: string,
  a: Float64Array,
  b: Float64Array,
  options: MmdOptions,
): { dim: number; sigma: number } {
  const dim = options.dim ?? 2;
  requireNotNaN(fn, "dim", dim, "a positive integer", (v) => Number.isInteger(v) && v >= 1);
  requirePoints(fn, "a", a, dim, { min: 2 });
  requirePoints(fn, "b", b, dim, { min: 2 });
  const sigma = options.bandwidth ?? medianDistance(a, b, dim);
  requireNotNaN(fn, "bandwidth", sigma, "a finite number > 0", (v) => v > 0 && Number.isFinite(v));
  return { dim, sigma };
}

/** Median of the pairwise distances of the pooled sample (Gretton et al. 2012, section 8). */
function medianDistance(a: Float64Array, b: Float64Array, dim: number): number {
  const z = new Float64Array(a.length + b.length);
  z.set(a);
  z.set(b, a.length);
  const N = z.length / dim;
  const d = new Float64Array((N * (N - 1)) / 2);
  let k = 0;
  for (let i = 0; i < N; i++)
    for (let j = i + 1; j < N; j++) d[k++] = sqrt(squaredDistance(z, i, z, j, dim));
  d.sort();
  return d[floor(d.length / 2)];
}

/** $|x_i - y_j|^2$ for points stored (., dim) row-major. */
export function squaredDistance(
  x: Float64Array,
  i: number,
  y: Float64Array,
  j: number,
  dim: number,
): number {
  let s = 0;
  for (let c = 0; c < dim; c++) {
    const t = x[i * dim + c] - y[j * dim + c];
    s += t * t;
  }
  return s;
}

/**
 * $\widehat{\mathrm{MMD}}{}^2_u = \frac{1}{n(n-1)}\sum_{i \ne j} k(x_i, x_j)
 * + \frac{1}{m(m-1)}\sum_{i \ne j} k(y_i, y_j) - \frac{2}{nm}\sum_{i,j} k(x_i, y_j)$
 * with the Gaussian kernel: the unbiased estimator (it can be slightly negative).
 * @param a first sample, (n, d) row-major, n >= 2
 * @param b second sample, (m, d) row-major, m >= 2
 * @param options `bandwidth` $\sigma$ and `dim` $d$
 * @see A. Gretton, K. M. Borgwardt, M. J. Rasch, B. Schölkopf & A. Smola (2012), "A Kernel
 *   Two-Sample Test", JMLR 13, 723-773, eq. (3).
 */
export function mmd2(a: Float64Array, b: Float64Array, options: MmdOptions = {}): number {
  const { dim, sigma } = mmdSetup("mmd2", a, b, options);
  const n = a.length / dim;
  const m = b.length / dim;
  const g = -1 / (2 * sigma * sigma);
  let kxx = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) kxx += exp(g * squaredDistance(a, i, a, j, dim));
  let kyy = 0;
  for (let i = 0; i < m; i++)
    for (let j = i + 1; j < m; j++) kyy += exp(g * squaredDistance(b, i, b, j, dim));
  let kxy = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) kxy += exp(g * squaredDistance(a, i, b, j, dim));
  return (2 * kxx) / (n * (n - 1)) + (2 * kyy) / (m * (m - 1)) - (2 * kxy) / (n * m);
}
