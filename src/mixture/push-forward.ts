import type { LinearProcess } from "../processes";
import { buildMixture, requireMixture, type GaussianMixture } from "./gaussian-mixture";
import { describeValue, requireFinite, requireNonNegative } from "../base";

/**
 * $X_t = a X_0 + \sigma\varepsilon$ maps $\sum_k w_k\mathcal N(\mu_k, \Sigma_k)$ to
 * $\sum_k w_k\mathcal N(a\mu_k,\ a^2\Sigma_k + \sigma^2 I)$: each component is pushed through the
 * Gaussian transition separately (a Gaussian convolved with a Gaussian).
 * @param mix the law of $X_0$
 * @param scale a, finite
 * @param std σ ≥ 0, finite; a and σ must not both vanish (a point mass has no density), and
 *   $a^2\Sigma_k + \sigma^2 I$ must stay finite and positive definite in double precision
 * @returns the law of $X_t$ (same weights)
 * @see Song et al. (2021), ICLR, §3.3 (an affine drift gives Gaussian transition kernels)
 */
export function pushForward(mix: GaussianMixture, scale: number, std: number): GaussianMixture {
  const fn = "pushForward";
  requireMixture(fn, mix);
  requireFinite(fn, "scale", scale);
  requireNonNegative(fn, "std", std);
  return pushForwardFor(fn, mix, scale, std);
}

/** {@link pushForward} for checked arguments, errors naming `fn`. @internal */
export function pushForwardFor(
  fn: string,
  mix: GaussianMixture,
  scale: number,
  std: number,
): GaussianMixture {
  const { dim: d, components: K } = mix;
  if (scale * scale === 0 && std === 0) {
    throw new RangeError(
      `${fn}: scale and std must not both vanish (the pushed law is a point mass), got scale = ${scale}, std = ${std}`,
    );
  }
  const means = mix.means.map((m) => scale * m); // (K, d)
  const covs = mix.covs.map((c) => scale * scale * c); // (K, d, d)
  for (let k = 0; k < K; k++) for (let i = 0; i < d; i++) covs[k * d * d + i * d + i] += std * std;
  for (const [name, a] of [
    ["scale·mix.means", means],
    ["scale²·mix.covs + std²·I", covs],
  ] as const) {
    if (!a.every(Number.isFinite)) {
      throw new RangeError(
        `${fn}: ${name} must be finite, got an overflow with scale = ${scale}, std = ${std}`,
      );
    }
  }
  return buildMixture(fn, { weights: mix.weights, means, covs }, PUSHED);
}

const PUSHED = {
  weights: "mix.weights",
  means: "scale·mix.means",
  covs: "the pushed covariances scale²·mix.covs + std²·I",
};

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
  const fn = "mixtureAtTime";
  requireLinearProcess(fn, process, mix);
  requireFinite(
    fn,
    "t",
    t,
    `a finite number in [0, T = ${process.T}]`,
    (v) => v >= 0 && v <= process.T,
  );
  return pushForwardFor(fn, mix, process.scale(t), process.std(t));
}

/**
 * Throws unless mix is a mixture and process a LinearProcess (scale, std, a finite horizon
 * T > 0) of the mixture's dimension; `mixName` is what the caller calls the mixture. @internal
 */
export function requireLinearProcess(
  fn: string,
  process: LinearProcess,
  mix: GaussianMixture,
  mixName = "mix",
): void {
  requireMixture(fn, mix, mixName);
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
  requireFinite(fn, "process.T", process.T, "a finite number > 0", (v) => v > 0);
  if (process.dim !== mix.dim) {
    throw new RangeError(
      `${fn}: process.dim must equal ${mixName}.dim = ${mix.dim}, got ${describeValue(process.dim)}`,
    );
  }
}
