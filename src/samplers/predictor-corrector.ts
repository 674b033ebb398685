import { requireInteger, requireOptions, requirePositive } from "../base";
import type { NormalStream } from "../brownian";
import type { VpProcess } from "../processes";
import type { ScoreFunction } from "../score";
import { checkFiniteState, checkNoise, checkProcess, checkStart, checkTMin } from "./validate";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { min, sqrt } = Math;

/**
 * Predictor–corrector sampling for a VP process on $t_i = t_{min} + h\,i$, $h = (T - t_{min})/N$:
 *
 *     for i = N, …, 1
 *       repeat M times: z ~ N(0, I)                                      corrector (Langevin)
 *         ε = 2 (r ‖z‖ / ‖s(t_i, x)‖)²,  x ← x + ε s(t_i, x) + √(2ε) z
 *       z ~ N(0, I)                                                      predictor (Euler–Maruyama
 *       x ← x + [½β(t_i) x + β(t_i) s(t_i, x)] h + √(β(t_i) h) z          of the reverse SDE)
 *
 * with ‖·‖ the Euclidean norm of a row averaged over the n rows, r the signal-to-noise ratio.
 * How this differs from Song et al.'s Algorithm 1 (predictor, then M corrector steps, at each
 * time): here the corrector runs first at each $t_i$ (the order of the official code's loop), so
 * it acts at $t_N$ and never after the last predictor step; the corrector's step has no factor
 * $\alpha_i = 1 - \beta_i$ (the official LangevinCorrector, and Algorithm 5, use
 * $\epsilon = 2\alpha_i(r\lVert z\rVert/\lVert s\rVert)^2$); the last predictor step adds noise
 * (the official sampler returns its noise-free mean by default). Returns samples of ≈ $p_{t_{min}}$.
 * Noise, in this order per i: n·d normals from `noise` per corrector step, then n·d for the
 * predictor. Throws naming the time if the state stops being finite (e.g. ε = ∞ when the score
 * is 0 on every row).
 * @param noise the z (e.g. `normalStream(rng)`, which reproduces `fillNormal(rng, z)` per draw)
 * @param process VP process (beta, T)
 * @param score $s(t, x)$, dimension d
 * @param xT (n, d) row-major start (copied)
 * @param n rows, positive integer
 * @param options steps N (default 500), correctorSteps M (default 1), snr r > 0 (default 0.16), tMin in (0, T) (default 1e-3)
 * @returns (n, d) row-major samples
 * @see Song et al. (2021), ICLR, Algorithm 1 (PC sampling) and Algorithm 5 (corrector for VP)
 */
export function predictorCorrector(
  noise: NormalStream,
  process: VpProcess,
  score: ScoreFunction,
  xT: Float64Array,
  n: number,
  options: { steps?: number; correctorSteps?: number; snr?: number; tMin?: number } = {},
): Float64Array {
  const fn = "predictorCorrector";
  checkNoise(fn, noise);
  const T = checkProcess(fn, process, "a VpProcess (vpSde)", ["beta"]);
  const x = checkStart(fn, score, "xT", xT, n);
  const o = requireOptions(fn, options);
  const { steps: N = 500, correctorSteps: M = 1, snr: r = 0.16, tMin: t0 = 1e-3 } = o;
  const steps = requireInteger(fn, "options.steps", N, 1);
  const correctorSteps = requireInteger(fn, "options.correctorSteps", M, 0);
  const snr = requirePositive(fn, "options.snr", r);
  const tMin = checkTMin(fn, t0, T);
  const s = new Float64Array(x.length); // (n, d)
  const z = new Float64Array(x.length); // (n, d)
  const d = score.dim;
  const rowNorm = (a: Float64Array): number => {
    let acc = 0;
    for (let r = 0; r < n; r++) {
      let q = 0;
      for (let i = 0; i < d; i++) q += a[r * d + i] ** 2;
      acc += sqrt(q);
    }
    return acc / n;
  };
  const h = (T - tMin) / steps;
  for (let i = steps; i >= 1; i--) {
    const t = min(T, tMin + h * i);
    // corrector: M Langevin steps at t_i, step size from the drawn noise
    for (let m = 0; m < correctorSteps; m++) {
      score.score(t, x, s, n);
      noise.normals(z);
      const eps = 2 * ((snr * rowNorm(z)) / rowNorm(s)) ** 2;
      const c = sqrt(2 * eps);
      for (let k = 0; k < x.length; k++) x[k] += eps * s[k] + c * z[k];
      checkFiniteState(fn, x, d, `after corrector step ${m + 1} at t = ${t} (ε = ${eps})`);
    }
    // predictor: one Euler–Maruyama step of the reverse SDE from t_i to t_{i−1}
    score.score(t, x, s, n);
    noise.normals(z);
    const beta = process.beta(t);
    const c = sqrt(beta * h);
    for (let k = 0; k < x.length; k++) x[k] += (0.5 * beta * x[k] + beta * s[k]) * h + c * z[k];
    checkFiniteState(fn, x, d, `after the predictor step from t = ${t}`);
  }
  return x;
}
