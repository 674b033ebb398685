import { normalCdf } from "../stats";
import { requireMixture, type GaussianMixture } from "./gaussian-mixture";
import { requireFinite } from "../base";

/**
 * $F(x) = \sum_k w_k\,\Phi\big((x - \mu_k)/\sigma_k\big)$ for a 1-D mixture.
 * @param mix a mixture with d = 1
 * @param x a finite point
 * @see G. McLachlan & D. Peel (2000), Finite Mixture Models, §1.2 (mixture distribution functions).
 */
export function mixtureCdf(mix: GaussianMixture, x: number): number {
  check1d("mixtureCdf", mix);
  requireFinite("mixtureCdf", "x", x, "a finite number");
  return cdf(mix, x);
}

/** Bisection steps that halve any bracket within ±MAX_VALUE/2 below the tolerance (about 1070). */
const MAX_BISECTIONS = 1100;

/**
 * $F^{-1}(u)$ for a 1-D mixture, by bisection on the bracket $[\min_k\mu_k - 40\sigma_k,\ \max_k\mu_k + 40\sigma_k]$
 * (clamped to ±MAX_VALUE/2) to an interval of width $10^{-12}(1 + |x|)$ (F is continuous and
 * strictly increasing); at most 1100 halvings, for any mixture.
 * @param mix a mixture with d = 1
 * @param u probability in (0, 1)
 * @see G. McLachlan & D. Peel (2000), Finite Mixture Models, §1.2; bisection: R. L. Burden &
 *   J. D. Faires (2011), Numerical Analysis, §2.1.
 */
export function mixtureQuantile(mix: GaussianMixture, u: number): number {
  check1d("mixtureQuantile", mix);
  requireFinite("mixtureQuantile", "u", u, "a number in (0, 1)", (v) => v > 0 && v < 1);
  const edge = Number.MAX_VALUE / 2; // lo + hi cannot overflow
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < mix.components; k++) {
    const s = Math.sqrt(mix.covs[k]);
    lo = Math.min(lo, mix.means[k] - 40 * s);
    hi = Math.max(hi, mix.means[k] + 40 * s);
  }
  lo = Math.max(lo, -edge);
  hi = Math.min(hi, edge);
  // each halving shrinks hi − lo ≤ MAX_VALUE by 2 down to the tolerance ≥ 1e-12: log2(1.8e320) < 1064
  for (let i = 0; i < MAX_BISECTIONS && hi - lo > 1e-12 * (1 + Math.abs(lo) + Math.abs(hi)); i++) {
    const mid = 0.5 * (lo + hi);
    if (cdf(mix, mid) < u) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

function cdf(mix: GaussianMixture, x: number): number {
  let F = 0;
  for (let k = 0; k < mix.components; k++) {
    F += mix.weights[k] * normalCdf((x - mix.means[k]) / Math.sqrt(mix.covs[k]));
  }
  return F;
}

function check1d(fn: string, mix: GaussianMixture): void {
  requireMixture(fn, mix);
  if (mix.dim !== 1) throw new RangeError(`${fn}: mix.dim must be 1, got ${mix.dim}`);
}
