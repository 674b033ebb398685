import { requireMixture, type GaussianMixture } from "./gaussian-mixture";
import { MixtureKernels } from "./mixture-kernels";
import { requirePoints } from "../base";

/**
 * $\log p(x) = m + \log\sum_k e^{\ell_k - m}$, $\ell_k = \log w_k + \log\mathcal N(x;\mu_k,\Sigma_k)$,
 * $m = \max_k\ell_k$ (log-sum-exp: finite for any finite x short of overflowing the quadratic
 * forms, about $10^{154}$ standard deviations away, which is a RangeError).
 * @param mix the mixture
 * @param x (n, d) row-major points, finite, n ≥ 1
 * @returns (n) log densities
 * @see Bishop (2006), Pattern Recognition and Machine Learning, eq. (2.188)
 */
export function mixtureLogDensity(mix: GaussianMixture, x: Float64Array): Float64Array {
  const fn = "mixtureLogDensity";
  const n = requireMixturePoints(fn, mix, x);
  const out = new Float64Array(n); // (n)
  new MixtureKernels(mix, fn).logDensity(x, out, n, fn);
  return out;
}

/**
 * $\nabla_x\log p(x) = -\sum_k r_k(x)\,\Sigma_k^{-1}(x - \mu_k)$ with responsibilities
 * $r_k = w_k\mathcal N_k(x)/p(x)$ computed in log space, so the score stays finite far from
 * every component (where it tends to the score of the component nearest in Mahalanobis terms).
 * @param mix the mixture
 * @param x (n, d) row-major points, finite, n ≥ 1
 * @returns (n, d) row-major scores
 * @see Hyvärinen (2005), JMLR 6, eq. (1) (the score); Bishop (2006), eq. (9.23) (responsibilities)
 */
export function mixtureScore(mix: GaussianMixture, x: Float64Array): Float64Array {
  const fn = "mixtureScore";
  const n = requireMixturePoints(fn, mix, x);
  const out = new Float64Array(n * mix.dim); // (n, d)
  new MixtureKernels(mix, fn).score(x, out, n, fn);
  return out;
}

/**
 * $\partial^2_{x_i}\log p(x) = \sum_k r_k\big(s_{k,i}^2 - (\Sigma_k^{-1})_{ii}\big) - \big(\sum_k r_k s_{k,i}\big)^2$
 * with $s_k = -\Sigma_k^{-1}(x - \mu_k)$: the diagonal of the score's Jacobian (its sum is the
 * divergence $\nabla\cdot\nabla\log p$ that the instantaneous change of variables needs).
 * @param mix the mixture
 * @param x (n, d) row-major points, finite, n ≥ 1
 * @returns (n, d) row-major diagonals
 * @see Song et al. (2021), ICLR, Appendix D.2 (divergence of the probability-flow drift)
 */
export function mixtureHessianDiagonal(mix: GaussianMixture, x: Float64Array): Float64Array {
  const fn = "mixtureHessianDiagonal";
  const n = requireMixturePoints(fn, mix, x);
  const out = new Float64Array(n * mix.dim); // (n, d)
  new MixtureKernels(mix, fn).hessianDiagonal(x, out, n, fn);
  return out;
}

/** Throws unless mix is a mixture and x finite (n, d) points, n ≥ 1; returns n. @internal */
export function requireMixturePoints(fn: string, mix: GaussianMixture, x: Float64Array): number {
  requireMixture(fn, mix);
  return requirePoints(fn, "x", x, mix.dim);
}
