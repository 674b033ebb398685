import { requireMixture, type GaussianMixture } from "../mixture";
import { requireIndex, requireNonNegative, requirePoints } from "../base";
import { component, logDensity } from "./classifier";

/**
 * $\log\tilde p(x) = \log p(x) + \gamma\log p(y \mid x) + c = (1 - \gamma)\log p(x) + \gamma\log\big(w_y\mathcal N(x;\mu_y,\Sigma_y)\big) + c$:
 * the unnormalised tilted law that guidance with scale γ aims at (γ = 1: the class-conditional).
 * The normaliser is not computed: in 1-D integrate numerically; in any dimension a Metropolis
 * sampler needs only this.
 * @param mix the mixture p
 * @param y the class, an integer in [0, K)
 * @param gamma γ ≥ 0, finite
 * @param x (n, d) row-major points, finite, n ≥ 1
 * @returns (n) unnormalised log densities (c = 0 in the second form)
 * @see Chidambaram et al. (2024), What does guidance do? A fine-grained analysis in a simple setting, eq. (2)
 */
export function tiltedLogDensity(
  mix: GaussianMixture,
  y: number,
  gamma: number,
  x: Float64Array,
): Float64Array {
  const fn = "tiltedLogDensity";
  requireMixture(fn, mix);
  requireIndex(fn, "y", y, mix.components);
  requireNonNegative(fn, "gamma", gamma);
  const n = requirePoints(fn, "x", x, mix.dim);
  const lp = logDensity(fn, mix, x, n); // (n)
  const ly = logDensity(fn, component(mix, y), x, n); // (n)
  const lw = Math.log(mix.weights[y]);
  return lp.map((v, i) => (1 - gamma) * v + gamma * (lw + ly[i]));
}
