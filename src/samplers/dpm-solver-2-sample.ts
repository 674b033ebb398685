import { requireOptions } from "../base";
import type { LinearSchedule } from "./linear-schedule";
import type { ScoreFunction } from "../score";
import { timeAt } from "./noise-level";
import { samplingTimes, type SamplingTimesOptions } from "./sampling-times";
import { checkFiniteState, checkProcess, checkStart } from "./validate";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { exp, expm1, log } = Math;

/**
 * DPM-Solver-2 (Algorithm 1 of Lu et al. 2022) on the probability-flow ODE of a linear process,
 * with $\hat\varepsilon(x, t) = -\sigma_t\,s(t, x)$ and $\lambda_t = \log(\alpha_t/\sigma_t)$:
 *
 *     for i = 1, …, K                                                          line 2
 *       h_i = λ_{t_i} − λ_{t_{i−1}}
 *       s_i = t_λ((λ_{t_{i−1}} + λ_{t_i}) / 2)                                 line 3
 *       u_i = (α_{s_i}/α_{t_{i−1}}) x_{i−1} − σ_{s_i}(e^{h_i/2} − 1) ε̂(x_{i−1}, t_{i−1})   line 4
 *       x_i = (α_{t_i}/α_{t_{i−1}}) x_{i−1} − σ_{t_i}(e^{h_i} − 1) ε̂(u_i, s_i)             line 5
 *
 * Each line integrates the linear part of $dx/d\lambda$ exactly (the variation-of-constants formula,
 * their eq. (3.4)) and the ε̂ part by the midpoint rule in λ: second order, 2 model evaluations a
 * step. DPM-Solver-1 (their eq. (3.7)) is line 4 taken as the whole step with $h_i$: DDIM with
 * η = 0, {@link ddimSample}. The midpoint time is found by bisection ({@link timeAtNoiseLevel},
 * $e^{-\lambda} = \sigma_t/\alpha_t$: $\sigma(s_i) = \sqrt{\sigma(t_{i-1})\sigma(t_i)}$).
 * Deterministic (no noise). Throws naming the step if the state stops being finite.
 * @param process a linear process (scale, std, T), with $\sigma_t > 0$ at every grid time
 * @param score $s(t, x)$, dimension d
 * @param xT (n, d) row-major start at the first time (copied)
 * @param n rows, positive integer
 * @param options the times: steps K (default 50) and tMin (default 1e-3) of a uniform grid from
 *   T, or times (K + 1, strictly decreasing in (0, T])
 * @returns (n, d) row-major samples at the last time
 * @see Lu, Zhou, Bao, Chen, Li & Zhu (2022), DPM-Solver, NeurIPS, Algorithm 1 (DPM-Solver-2),
 *   Proposition 3.1 (eq. (3.4)), eq. (3.7) (DPM-Solver-1)
 */
export function dpmSolver2Sample(
  process: LinearSchedule,
  score: ScoreFunction,
  xT: Float64Array,
  n: number,
  options: SamplingTimesOptions = {},
): Float64Array {
  const fn = "dpmSolver2Sample";
  const T = checkProcess(fn, process, "a LinearProcess (vpSde, veSde, …)", ["scale", "std"]);
  const x = checkStart(fn, score, "xT", xT, n);
  const times = samplingTimes(fn, T, requireOptions(fn, options), true);
  const d = score.dim;
  const lambda = (t: number): number => log(process.scale(t) / process.std(t)); // λ_t
  const s = new Float64Array(x.length); // (n, d) s(t, ·)
  const u = new Float64Array(x.length); // (n, d) u_i
  for (let i = 1; i < times.length; i++) {
    const [tPrev, t] = [times[i - 1], times[i]];
    const h = lambda(t) - lambda(tPrev); // h_i > 0
    const mid = timeAt(process, exp(-(lambda(tPrev) + 0.5 * h)), T); // line 3: s_i
    const [alphaPrev, sigmaPrev] = [process.scale(tPrev), process.std(tPrev)];
    // line 4: u_i = (α_s/α_{t_{i−1}}) x − σ_s (e^{h/2} − 1) ε̂, ε̂ = −σ_{t_{i−1}} s
    score.score(tPrev, x, s, n);
    const aMid = process.scale(mid) / alphaPrev;
    const bMid = process.std(mid) * expm1(0.5 * h) * sigmaPrev;
    for (let k = 0; k < x.length; k++) u[k] = aMid * x[k] + bMid * s[k];
    // line 5: x_i = (α_{t_i}/α_{t_{i−1}}) x − σ_{t_i} (e^h − 1) ε̂(u_i, s_i), ε̂ = −σ_{s_i} s
    score.score(mid, u, s, n);
    const a = process.scale(t) / alphaPrev;
    const b = process.std(t) * expm1(h) * process.std(mid);
    for (let k = 0; k < x.length; k++) x[k] = a * x[k] + b * s[k];
    checkFiniteState(fn, x, d, `after step ${i} (t = ${tPrev} → ${t})`);
  }
  return x;
}
