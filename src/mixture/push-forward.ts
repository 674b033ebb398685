import type { LinearProcess } from "../processes";
import { gaussianMixture, type GaussianMixture } from "./gaussian-mixture";
import { requireMixture } from "./mixture-density";
import { describeValue, requireFinite } from "../base";

/**
 * $X_t = a X_0 + \sigma\varepsilon$ maps $\sum_k w_k\mathcal N(\mu_k, \Sigma_k)$ to
 * $\sum_k w_k\mathcal N(a\mu_k,\ a^2\Sigma_k + \sigma^2 I)$: each component is pushed through the
 * Gaussian transition separately (a Gaussian convolved with a Gaussian).
 * @param mix the law of $X_0$
 * @param scale a, finite
 * @param std σ ≥ 0, finite
 * @returns the law of $X_t$ (same weights)
 * @see Song et al. (2021), ICLR, §3.3 (an affine drift gives Gaussian transition kernels)
 */
export function pushForward(mix: GaussianMixture, scale: number, std: number): GaussianMixture {
  requireMixture("pushForward", mix);
  requireFinite("pushForward", "scale", scale, "a finite number");
  requireFinite("pushForward", "std", std, "a finite number >= 0", (v) => v >= 0);
  const { dim: d, components: K } = mix;
  const means = mix.means.map((m) => scale * m); // (K, d)
  const covs = mix.covs.map((c) => scale * scale * c); // (K, d, d)
  for (let k = 0; k < K; k++) for (let i = 0; i < d; i++) covs[k * d * d + i * d + i] += std * std;
  return gaussianMixture({ weights: mix.weights, means, covs });
}

/**
 * $p_t = $ {@link pushForward}(mix, scale(t), std(t)) for a linear forward process
 * (OU, VP, VE, sub-VP): the exact marginal at time t when $X_0 \sim$ mix.
 * @param mix the data law $p_0$, of the process's dimension
 * @param process a linear process with `scale` and `std`
 * @param t time in [0, T]
 * @see Song et al. (2021), ICLR, §3.3
 */
export function mixtureAtTime(
  mix: GaussianMixture,
  process: LinearProcess,
  t: number,
): GaussianMixture {
  requireLinearProcess("mixtureAtTime", process, mix);
  requireFinite(
    "mixtureAtTime",
    "t",
    t,
    `a finite number in [0, T = ${process.T}]`,
    (v) => v >= 0 && v <= process.T,
  );
  return pushForward(mix, process.scale(t), process.std(t));
}

/** Throws unless process is a LinearProcess of the mixture's dimension. @internal */
export function requireLinearProcess(
  fn: string,
  process: LinearProcess,
  mix: GaussianMixture,
): void {
  requireMixture(fn, mix);
  if (
    process === null ||
    typeof process !== "object" ||
    typeof process.scale !== "function" ||
    typeof process.std !== "function"
  ) {
    throw new TypeError(
      `${fn}: process must be a LinearProcess (with scale and std), got ${describeValue(process)}`,
    );
  }
  if (process.dim !== mix.dim) {
    throw new RangeError(`${fn}: process.dim must equal mix.dim = ${mix.dim}, got ${process.dim}`);
  }
}
