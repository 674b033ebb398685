import { optionalNonNegative, requireNotNaN, requireOptions } from "../base";
import type { NormalStream } from "../brownian";
import type { Denoiser } from "./denoiser";
import { checkDenoiserStart, checkSigmas, heunStep } from "./edm-step";
import { checkFiniteState, checkNoise } from "./validate";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { min, sqrt, SQRT2 } = Math;

/** The churn of {@link edmStochasticSample} (Algorithm 2 of Karras et al. 2022). */
export interface EdmStochasticOptions {
  /** $S_{churn} \ge 0$, the total noise added (default 0: Algorithm 1, deterministic) */
  sChurn?: number;
  /** $S_{tmin} \ge 0$: no churn below this level (default 0) */
  sTmin?: number;
  /** $S_{tmax} \ge S_{tmin}$: no churn above this level (default ∞) */
  sTmax?: number;
  /** $S_{noise} \ge 0$, the scale of the added noise (default 1) */
  sNoise?: number;
}

/**
 * EDM's stochastic sampler, Algorithm 2 of Karras et al. (2022): each step first raises the noise
 * level from $\sigma_i$ to $\hat\sigma_i = (1 + \gamma_i)\sigma_i$ by adding fresh noise, then takes a
 * Heun step of the probability-flow ODE from $\hat\sigma_i$ down to $\sigma_{i+1}$:
 *
 *     for i = 0, …, N − 1                                                    line 3
 *       γ_i = min(S_churn/N, √2 − 1) if σ_i ∈ [S_tmin, S_tmax], else 0         (caption)
 *       ε_i ~ N(0, S_noise² I)                                               line 4
 *       σ̂_i = σ_i + γ_i σ_i                                                  line 5
 *       x̂_i = x_i + √(σ̂_i² − σ_i²) ε_i                                       line 6
 *       d_i = (x̂_i − D(x̂_i; σ̂_i)) / σ̂_i                                      line 7
 *       x_{i+1} = x̂_i + (σ_{i+1} − σ̂_i) d_i                                  line 8
 *       if σ_{i+1} ≠ 0: d'_i = (x_{i+1} − D(x_{i+1}; σ_{i+1})) / σ_{i+1},      lines 9–10
 *         x_{i+1} = x̂_i + (σ_{i+1} − σ̂_i)(d_i + d'_i)/2                      line 11
 *
 * Adding noise and denoising along the ODE together follow the reverse SDE with Langevin churn
 * (their eq. (6)): the marginals are kept for every $S_{churn}$, and the churn corrects errors made
 * earlier. $S_{churn} = 0$ is Algorithm 1 ({@link edmHeunSample}, the same arithmetic). Noise:
 * n·d normals from `noise` per step with $\gamma_i > 0$ (none otherwise). With
 * {@link denoiserFromScore}, $\hat\sigma_i$ must stay within the process's σ(T). Throws naming the
 * step if the state stops being finite.
 * @param noise the $\varepsilon_i$ (e.g. `normalStream(rng)`)
 * @param denoiser $D(x; \sigma)$, dimension d
 * @param sigmas (N + 1) strictly decreasing noise levels, > 0 but for a last 0
 * @param x (n, d) row-major start at level sigmas[0] (copied)
 * @param n rows, positive integer
 * @param options sChurn (default 0), sTmin (default 0), sTmax (default ∞), sNoise (default 1)
 * @returns (n, d) row-major samples at the last level
 * @see Karras, Aittala, Aila & Laine (2022), NeurIPS, Algorithm 2, eq. (6) and §4
 */
export function edmStochasticSample(
  noise: NormalStream,
  denoiser: Denoiser,
  sigmas: Float64Array,
  x: Float64Array,
  n: number,
  options: EdmStochasticOptions = {},
): Float64Array {
  const fn = "edmStochasticSample";
  checkNoise(fn, noise);
  const levels = checkSigmas(fn, sigmas);
  let current = checkDenoiserStart(fn, denoiser, x, n); // x_i
  const o = requireOptions(fn, options);
  const sChurn = optionalNonNegative(fn, "options.sChurn", o.sChurn) ?? 0;
  const sTmin = optionalNonNegative(fn, "options.sTmin", o.sTmin) ?? 0;
  const sTmax =
    o.sTmax === undefined
      ? Infinity
      : requireNotNaN(fn, "options.sTmax", o.sTmax, `a number >= sTmin = ${sTmin}`, (v) => {
          return v >= sTmin;
        });
  const sNoise = optionalNonNegative(fn, "options.sNoise", o.sNoise) ?? 1;
  const N = levels.length - 1;
  const d = denoiser.dim;
  let next: Float64Array = new Float64Array(current.length); // x_{i+1}
  const xHat = new Float64Array(current.length); // x̂_i
  const eps = new Float64Array(current.length); // ε_i / S_noise
  const scratch = {
    denoised: new Float64Array(current.length),
    slope: new Float64Array(current.length),
  };
  for (let i = 0; i < N; i++) {
    const sigma = levels[i];
    const inRange = sigma >= sTmin && sigma <= sTmax;
    const gamma = inRange ? min(sChurn / N, SQRT2 - 1) : 0; // γ_i
    let sigmaHat = sigma;
    if (gamma > 0) {
      sigmaHat = sigma + gamma * sigma; // line 5
      noise.normals(eps); // line 4
      const c = sNoise * sqrt(sigmaHat * sigmaHat - sigma * sigma);
      for (let k = 0; k < xHat.length; k++) xHat[k] = current[k] + c * eps[k]; // line 6
    } else {
      xHat.set(current);
    }
    heunStep(denoiser, sigmaHat, levels[i + 1], xHat, next, n, scratch); // lines 7–11
    checkFiniteState(fn, next, d, `after step ${i + 1} (σ̂ = ${sigmaHat} → ${levels[i + 1]})`);
    [current, next] = [next, current];
  }
  return current;
}
