import type { Rng } from "../rng";
import { MEDIAN_HEURISTIC_MAX_POINTS, mmdSetup, squaredDistance, type MmdOptions } from "./mmd";
import { sortedQuantile } from "./quantile";
import { optionalFinite, optionalInteger, requireInterface, requireOptions } from "../base";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { exp, floor } = Math;

/** Result of `mmdPermutationTest`. */
export interface MmdTestResult {
  /** The observed $\widehat{\mathrm{MMD}}{}^2_u$. */
  readonly mmd2: number;
  /** The $(1 - \alpha)$ quantile of the permutation distribution; reject when `mmd2` exceeds it. */
  readonly threshold: number;
  /** $(1 + \#\{b : \mathrm{MMD}^2_b \ge \mathrm{MMD}^2_{obs}\}) / (1 + B)$. */
  readonly pValue: number;
}

/** $\widehat{\mathrm{MMD}}{}^2_u$ of the split (first n of `perm`, the rest) from the pooled kernel matrix. */
function splitMmd2(K: Float64Array, N: number, perm: Int32Array, n: number): number {
  const m = N - n;
  let kxx = 0;
  let kyy = 0;
  let kxy = 0;
  for (let i = 0; i < N; i++) {
    const row = perm[i] * N;
    for (let j = i + 1; j < N; j++) {
      const k = K[row + perm[j]];
      if (j < n) kxx += k;
      else if (i >= n) kyy += k;
      else kxy += k;
    }
  }
  return (2 * kxx) / (n * (n - 1)) + (2 * kyy) / (m * (m - 1)) - (2 * kxy) / (n * m);
}

/**
 * Permutation test of $H_0: P = Q$ with statistic $\widehat{\mathrm{MMD}}{}^2_u$: the pooled sample
 * is re-split at random `permutations` times (Fisher–Yates with `rng`); the kernel matrix is
 * computed once, so the cost is $O((n+m)^2)$ per permutation.
 * @param rng generator for the permutations
 * @param a first sample, (n, d) row-major, n >= 2
 * @param b second sample, (m, d) row-major, m >= 2
 * @param options `permutations` (positive integer, default 200), `alpha` in (0, 1) (default 0.05),
 *   and `bandwidth`, `dim` as for `mmd2` (the bandwidth is fixed before permuting); the pooled
 *   kernel matrix needs n + m ≤ 8192 (512 MB)
 * @see Gretton et al. (2012), JMLR 13, section 5 and eq. (3); P. Good (2005), Permutation,
 *   Parametric and Bootstrap Tests of Hypotheses, 3rd ed. (the $(1 + \#)/(1 + B)$ p-value).
 */
export function mmdPermutationTest(
  rng: Rng,
  a: Float64Array,
  b: Float64Array,
  options: MmdOptions & { permutations?: number; alpha?: number } = {},
): MmdTestResult {
  const fn = "mmdPermutationTest";
  requireInterface(fn, "rng", rng, "an Rng", ["uniform"]);
  const opts = requireOptions(fn, options);
  const { dim, sigma } = mmdSetup(fn, a, b, opts);
  const B = optionalInteger(fn, "options.permutations", opts.permutations, 1) ?? 200;
  const alpha =
    optionalFinite(fn, "options.alpha", opts.alpha, "a number in (0, 1)", (v) => v > 0 && v < 1) ??
    0.05;
  const n = a.length / dim;
  const N = n + b.length / dim;
  if (N > MEDIAN_HEURISTIC_MAX_POINTS) {
    throw new RangeError(
      `${fn}: a and b must hold at most ${MEDIAN_HEURISTIC_MAX_POINTS} points together (the (N, N) kernel matrix), got ${N}`,
    );
  }
  const z = new Float64Array(N * dim); // (N, d) row-major: a then b
  z.set(a);
  z.set(b, a.length);
  const g = -1 / (2 * sigma * sigma);
  const K = new Float64Array(N * N); // (N, N) row-major kernel matrix
  for (let i = 0; i < N; i++) {
    for (let j = i + 1; j < N; j++)
      K[i * N + j] = K[j * N + i] = exp(g * squaredDistance(z, i, z, j, dim));
  }
  const perm = Int32Array.from({ length: N }, (_, i) => i);
  const observed = splitMmd2(K, N, perm, n);
  const stats = new Float64Array(B);
  let atLeast = 0;
  for (let p = 0; p < B; p++) {
    for (let i = N - 1; i > 0; i--) {
      const j = floor(rng.uniform() * (i + 1)); // uniform() < 1, so j <= i
      const t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    stats[p] = splitMmd2(K, N, perm, n);
    if (stats[p] >= observed) atLeast++;
  }
  return {
    mmd2: observed,
    threshold: sortedQuantile(stats.sort(), 1 - alpha),
    pValue: (1 + atLeast) / (1 + B),
  };
}
