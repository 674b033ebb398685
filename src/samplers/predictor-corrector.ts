import { requireInteger, requireOptions, requirePositive } from "../base";
import type { NormalStream } from "../brownian";
import type { VpProcess } from "../processes";
import type { ScoreFunction } from "../score";
import { checkFiniteState, checkNoise, checkProcess, checkStart, checkTMin } from "./validate";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { min, sqrt } = Math;

/**
 * Predictor–corrector sampling for a VP process: the Langevin corrector of Song et al.'s
 * Algorithm 5 with an Euler–Maruyama predictor, on $t_i = t_{min} + h\,i$, $h = (T - t_{min})/N$,
 * and $1 - \beta_i = \bar\alpha(t_i)/\bar\alpha(t_{i-1})$, the keep of the DDPM step that ends at
 * $t_i$ (Song et al. write $\alpha_i$ for it; here $\alpha_t$ is the marginal scale):
 *
 *     x = x_T                                                   Algorithm 5, line 1
 *     for i = N, …, 1                                           line 2
 *       repeat M times                                          line 3
 *         z ~ N(0, I)                                           line 4
 *         g = s(t_i, x)                                         line 5
 *         ε_i = 2 (1 − β_i) (r ‖z‖ / ‖g‖)²                      line 6
 *         x ← x + ε_i g + √(2 ε_i) z                            line 7
 *       z ~ N(0, I)                                             line 8 (x_{i−1} ← x_i) made a
 *       x ← x + [½β(t_i) x + β(t_i) s(t_i, x)] h + √(β(t_i) h) z  predictor (EM, reverse SDE)
 *     return x                                                  line 9
 *
 * with ‖·‖ the Euclidean norm of a row averaged over the n rows, r the signal-to-noise ratio.
 * Order: corrector, then predictor, at each $t_i$, as in the authors' `pc_sampler` (score_sde,
 * sampling.py). Algorithm 1 (and 2, 3) predicts first: the same blocks shifted by one, correcting
 * at $t_{N-1}, …, t_0$ instead of $t_N, …, t_1$. We keep the authors' order because it is
 * Algorithm 5's loop with its hand-over (line 8) made a predictor step, so every $\beta_i$ it
 * needs is a step of the grid (Algorithm 1's last corrector, at $t_0$, would need a step that
 * ends at $t_{min}$); on the Gaussian of test/samplers the two orders' biases differ by < 10 %.
 * The predictor is Euler–Maruyama, first-order equivalent to Algorithm 3's reverse-diffusion
 * line 3; its last step adds noise (the authors' sampler returns the noise-free mean by
 * default). Returns samples of ≈ $p_{t_{min}}$. Noise, in this order per i: n·d normals from
 * `noise` per corrector step, then n·d for the predictor. Throws naming the time if the state
 * stops being finite (e.g. ε = ∞ when the score is 0 on every row).
 * @param noise the z (e.g. `normalStream(rng)`, which reproduces `fillNormal(rng, z)` per draw)
 * @param process VP process (beta, alphaBar, T)
 * @param score $s(t, x)$, dimension d
 * @param xT (n, d) row-major start (copied)
 * @param n rows, positive integer
 * @param options steps N (default 500), correctorSteps M (default 1), snr r > 0 (default 0.16), tMin in (0, T) (default 1e-3)
 * @returns (n, d) row-major samples
 * @see Song et al. (2021), ICLR, Algorithm 5 (corrector for VP), Algorithms 1 and 3 (PC
 * sampling); github.com/yang-song/score_sde, sampling.py (LangevinCorrector, pc_sampler)
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
  const T = checkProcess(fn, process, "a VpProcess (vpSde)", ["beta", "alphaBar"]);
  const x = checkStart(fn, score, "xT", xT, n);
  const o = requireOptions(fn, options);
  const { steps: N = 500, correctorSteps: M = 1, snr: r = 0.16, tMin: t0 = 1e-3 } = o;
  const steps = requireInteger(fn, "options.steps", N, 1);
  const correctorSteps = requireInteger(fn, "options.correctorSteps", M, 0);
  const snr = requirePositive(fn, "options.snr", r);
  const tMin = checkTMin(fn, t0, T);
  const h = (T - tMin) / steps;
  const time = (i: number): number => min(T, tMin + h * i);
  const keep = oneMinusBeta(fn, process, time, steps); // 1 − β_i, i = 0..N (index 0 unused)
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
  for (let i = steps; i >= 1; i--) {
    const t = time(i);
    // corrector: M Langevin steps at t_i (Algorithm 5, lines 3–7)
    for (let m = 0; m < correctorSteps; m++) {
      score.score(t, x, s, n);
      noise.normals(z);
      const eps = 2 * keep[i] * ((snr * rowNorm(z)) / rowNorm(s)) ** 2;
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

/**
 * $1 - \beta_i = \bar\alpha(t_i)/\bar\alpha(t_{i-1})$ for i = 1..N (index 0 unused), checked in
 * (0, 1] as a VP process's must be.
 */
function oneMinusBeta(
  fn: string,
  process: VpProcess,
  time: (i: number) => number,
  steps: number,
): Float64Array {
  const keep = new Float64Array(steps + 1); // (N + 1)
  for (let i = 1; i <= steps; i++) {
    keep[i] = process.alphaBar(time(i)) / process.alphaBar(time(i - 1));
    if (!(keep[i] > 0 && keep[i] <= 1)) {
      throw new RangeError(
        `${fn}: process.alphaBar must be positive and non-increasing, got ᾱ(t_${i})/ᾱ(t_${i - 1}) = ${keep[i]}`,
      );
    }
  }
  return keep;
}
