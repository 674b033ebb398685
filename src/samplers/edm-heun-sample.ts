import type { Denoiser } from "./denoiser";
import { checkDenoiserStart, checkSigmas, heunStep } from "./edm-step";
import { checkFiniteState } from "./validate";

/**
 * EDM's deterministic sampler, Algorithm 1 of Karras et al. (2022) with σ(t) = t, s(t) = 1:
 * Heun's method on the probability-flow ODE $dx/d\sigma = (x - D(x; \sigma))/\sigma$,
 *
 *     x_0 = x (≈ N(0, σ_0² I) for sampling)                      line 2
 *     for i = 0, …, N − 1                                        line 3
 *       d_i = (x_i − D(x_i; σ_i)) / σ_i                          line 4
 *       x_{i+1} = x_i + (σ_{i+1} − σ_i) d_i                      line 5
 *       if σ_{i+1} ≠ 0                                           line 6
 *         d'_i = (x_{i+1} − D(x_{i+1}; σ_{i+1})) / σ_{i+1}       line 7
 *         x_{i+1} = x_i + (σ_{i+1} − σ_i)(d_i + d'_i)/2          line 8
 *     return x_N                                                 line 9
 *
 * Second order; 2N model evaluations, 2N − 1 when the last level is 0 (its step is Euler's,
 * $x_N = D(x_{N-1}; \sigma_{N-1})$). For a process with $\alpha_t \ne 1$, run it on
 * $\tilde x = x/\alpha_t$ with $\sigma = \sigma_t/\alpha_t$ ({@link denoiserFromScore},
 * {@link noiseLevel}). Deterministic (no noise). Throws naming the step if the state stops being
 * finite.
 * @param denoiser $D(x; \sigma)$, dimension d
 * @param sigmas (N + 1) strictly decreasing noise levels, > 0 but for a last 0 (e.g.
 *   {@link karrasSigmas} with 0 appended)
 * @param x (n, d) row-major start at level sigmas[0] (copied)
 * @param n rows, positive integer
 * @returns (n, d) row-major samples at the last level
 * @see Karras, Aittala, Aila & Laine (2022), Elucidating the Design Space of Diffusion-Based
 *   Generative Models, NeurIPS, Algorithm 1 and §3 (Heun's 2nd-order method)
 */
export function edmHeunSample(
  denoiser: Denoiser,
  sigmas: Float64Array,
  x: Float64Array,
  n: number,
): Float64Array {
  const fn = "edmHeunSample";
  const levels = checkSigmas(fn, sigmas);
  let current = checkDenoiserStart(fn, denoiser, x, n); // x_i
  let next: Float64Array = new Float64Array(current.length); // x_{i+1}
  const scratch = {
    denoised: new Float64Array(current.length),
    slope: new Float64Array(current.length),
  };
  // line 3: for i = 0, …, N − 1 (lines 4–8 in heunStep)
  for (let i = 0; i + 1 < levels.length; i++) {
    heunStep(denoiser, levels[i], levels[i + 1], current, next, n, scratch);
    checkFiniteState(
      fn,
      next,
      denoiser.dim,
      `after step ${i + 1} (σ = ${levels[i]} → ${levels[i + 1]})`,
    );
    [current, next] = [next, current];
  }
  return current; // line 9
}
