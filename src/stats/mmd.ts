import { optionalInteger, optionalPositive, requireOptions, requirePoints } from "../base";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { exp, floor, sqrt } = Math;

/**
 * Most pooled points n + m for the median heuristic, which sorts all (n + m)(n + m − 1)/2
 * pairwise distances (8192 points: 3.4e7 doubles, 270 MB); pass `bandwidth` for larger samples.
 */
export const MEDIAN_HEURISTIC_MAX_POINTS = 8192;

/** Options for `mmd2` and `mmdPermutationTest`. */
export interface MmdOptions {
  /**
   * Kernel width $\sigma$ in $k(x, y) = e^{-|x - y|^2 / (2\sigma^2)}$, finite and large enough
   * that $1/(2\sigma^2)$ is finite ($\sigma > 10^{-154}$); default: the median heuristic, for at
   * most 8192 pooled points.
   */
  readonly bandwidth?: number;
  /** Dimension $d$ of each point (default 2): samples are (n, d) row-major. */
  readonly dim?: number;
}

/** Validates the samples and resolves $\sigma$ (not re-exported). */
export function mmdSetup(
  fn: string,
  a: Float64Array,
  b: Float64Array,
  options: MmdOptions | undefined,
): { dim: number; sigma: number } {
  const opts = requireOptions(fn, options);
  const dim = optionalInteger(fn, "options.dim", opts.dim, 1) ?? 2;
  const n = requirePoints(fn, "a", a, dim, { min: 2 });
  const m = requirePoints(fn, "b", b, dim, { min: 2 });
  let sigma = optionalPositive(fn, "options.bandwidth", opts.bandwidth);
  if (sigma === undefined) {
    if (n + m > MEDIAN_HEURISTIC_MAX_POINTS) {
      throw new RangeError(
        `${fn}: a and b must hold at most ${MEDIAN_HEURISTIC_MAX_POINTS} points together for the median-heuristic bandwidth, got ${n + m}; pass options.bandwidth`,
      );
    }
    sigma = medianDistance(a, b, dim);
    if (!(sigma > 0)) {
      throw new RangeError(
        `${fn}: the median pairwise distance of a and b (the default bandwidth) is ${sigma}: more than half the pairs coincide; pass options.bandwidth`,
      );
    }
  }
  if (!Number.isFinite(1 / (2 * sigma * sigma))) {
    throw new RangeError(
      `${fn}: options.bandwidth must be large enough that 1/(2σ²) is finite (σ > 1e-154), got ${sigma}`,
    );
  }
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
