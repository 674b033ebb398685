import { requireInteger, requireOptions } from "../base";
import type { NormalStream } from "../brownian";
import type { VpProcess } from "../processes";
import type { ScoreFunction } from "../score";
import { ancestralChain } from "./ancestral-chain";
import { checkNoise, checkProcess, checkStart, checkTMin } from "./validate";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { min, sqrt } = Math;

/**
 * DDPM's ancestral sampler for a VP process, written with the score ($\hat\varepsilon = -\sigma_t s$):
 * Algorithm 2 of Ho et al. (2020) from a given $x_T$ on the grid $t_i = t_{min} + (T - t_{min})\,i/N$,
 * with $\alpha_i = \bar\alpha(t_i)/\bar\alpha(t_{i-1})$ and $\beta_i = 1 - \alpha_i$:
 *
 *     for i = N, …, 1                                              Algorithm 2, line 2
 *       z ~ N(0, I) if i > 1, else z = 0                           line 3
 *       x_{i−1} = (x_i + β_i s(t_i, x_i)) / √α_i + √β_i z          line 4; Song et al. eq. (47)
 *
 * Returns samples of ≈ $p_{t_{min}}$. Noise: n·d normals from `noise` per step i = N, …, 2.
 * Throws naming the step if the state stops being finite.
 * @param noise the z (e.g. `normalStream(rng)`, which reproduces `fillNormal(rng, z)` per step)
 * @param process VP process (alphaBar, T)
 * @param score $s(t, x)$, dimension d
 * @param xT (n, d) row-major start, ≈ prior samples (copied)
 * @param n rows, positive integer
 * @param options steps N (default 1000), tMin in (0, T) (default 1e-3)
 * @returns (n, d) row-major samples
 * @see Ho, Jain & Abbeel (2020), NeurIPS, Algorithm 2; Song et al. (2021), ICLR, eq. (47)
 */
export function ddpmAncestral(
  noise: NormalStream,
  process: VpProcess,
  score: ScoreFunction,
  xT: Float64Array,
  n: number,
  options: { steps?: number; tMin?: number } = {},
): Float64Array {
  const fn = "ddpmAncestral";
  checkNoise(fn, noise);
  const T = checkProcess(fn, process, "a VpProcess (vpSde)", ["alphaBar"]);
  const x = checkStart(fn, score, "xT", xT, n);
  const { steps = 1000, tMin: t0 = 1e-3 } = requireOptions(fn, options);
  const N = requireInteger(fn, "options.steps", steps, 1);
  const tMin = checkTMin(fn, t0, T);
  const time = (i: number): number => min(T, tMin + ((T - tMin) * i) / N);
  const invSqrtAlpha = new Float64Array(N + 1); // (N + 1)
  const beta = new Float64Array(N + 1); // (N + 1)
  const sigma = new Float64Array(N + 1); // (N + 1)
  for (let i = 1; i <= N; i++) {
    const a = process.alphaBar(time(i)) / process.alphaBar(time(i - 1));
    if (!(a > 0 && a <= 1)) {
      throw new RangeError(
        `${fn}: process.alphaBar must be positive and non-increasing, got ᾱ(t_${i})/ᾱ(t_${i - 1}) = ${a}`,
      );
    }
    beta[i] = 1 - a;
    invSqrtAlpha[i] = 1 / sqrt(a);
    sigma[i] = sqrt(beta[i]);
  }
  const coefficients = { steps: N, invSqrtAlpha, modelWeight: beta, sigma };
  const model = (i: number, xi: Float64Array, out: Float64Array): void =>
    score.score(time(i), xi, out, n);
  return ancestralChain(fn, noise, coefficients, model, x, score.dim);
}
