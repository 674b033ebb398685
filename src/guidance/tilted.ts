import { mixtureLogDensity, type GaussianMixture } from "../mixture";
import { requireMixturePoints } from "../mixture";
import { requireFinite } from "../base";
import { checkClass, classConditional } from "./classifier";

/**
 * $\log\tilde p(x) = \log p(x) + \gamma\log p(y \mid x) + c = (1 - \gamma)\log p(x) + \gamma\log\big(w_y\mathcal N(x;\mu_y,\Sigma_y)\big) + c$:
 * the unnormalised tilted law that guidance with scale γ aims at (γ = 1: the class-conditional).
 * The normaliser is not computed: in 1-D integrate numerically; in any dimension a Metropolis
 * sampler needs only this.
 * @param mix the mixture p
 * @param y the class, an integer in [0, K)
 * @param gamma γ ≥ 0
 * @param x (n, d) row-major points
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
  requireMixturePoints(fn, mix, x);
  checkClass(fn, mix, y);
  requireFinite(fn, "gamma", gamma, "a finite number >= 0", (v) => v >= 0);
  const lp = mixtureLogDensity(mix, x); // (n)
  const ly = mixtureLogDensity(classConditional(mix, y), x); // (n)
  const lw = Math.log(mix.weights[y]);
  return lp.map((v, i) => (1 - gamma) * v + gamma * (lw + ly[i]));
}
